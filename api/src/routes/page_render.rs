//! The public pages drawn on the server (issue 16) with the app's own views
//! ([`vitrine_web::server`]), so that a shopper on a slow signal reads the page before the
//! app has arrived.
//!
//! The views ask the API for what they show; the server answers each request from the same
//! functions and caches as the API's handlers ([`load_answer`]), and draws the page again
//! until every request the views make has its answer (a product, then its shop's), at most
//! [`MAX_DRAWINGS`] times. The answers go into the page with it, so that the app, when it
//! starts, draws the same without asking again.

use std::collections::HashMap;

use actix_web::web::{self, Bytes};
use chrono::{Datelike, Utc};
use serde::de::DeserializeOwned;
use shared::{error::Problem, marketplace::Marketplace};

use crate::domain::delivery::paris_time;
use crate::error::ApiError;
use crate::routes::public_pages::{API_BASE, PageShell};
use crate::routes::{categories, products, shops};
use crate::startup::AppState;

/// How many times a page is drawn at most: each drawing can ask for answers the previous
/// one's answers led to. The public pages need two (a product page: the product, then its
/// shop's other products).
const MAX_DRAWINGS: usize = 4;

/// Draws the page at `url` (a path and query of the browsing bundle) into `shell.body`,
/// adding the answers it used to `shell.more_answers`. Leaves the shell as it was if the
/// drawing fails (the app then draws the page on its own, as before).
pub async fn draw(state: &AppState, url: &str, market: &Marketplace, shell: &mut PageShell) {
    let mut answers: Vec<(String, Answer)> = Vec::new();
    for _ in 0..MAX_DRAWINGS {
        let given: HashMap<String, vitrine_web::server::Answer> = shell
            .initial
            .iter()
            .map(|(url, body)| (url, Ok(body)))
            .chain(answers.iter().map(|(url, answer)| (url, answer.as_ref())))
            .map(|(url, answer)| {
                let answer = answer
                    .map(|body| String::from_utf8_lossy(body).into_owned())
                    .map_err(Clone::clone);
                (url.clone(), answer)
            })
            .collect();
        let (url_owned, market) = (url.to_owned(), market.clone());
        let drawn = match web::block(move || {
            vitrine_web::server::render(&url_owned, market, given, town_weekday())
        })
        .await
        {
            Ok(drawn) => drawn,
            Err(err) => {
                tracing::error!(error = %err, url, "a page could not be drawn on the server");
                return;
            }
        };
        let mut loaded = false;
        for missing in &drawn.missing {
            if let Some(body) = load_answer(state, missing).await {
                answers.push((missing.clone(), body));
                loaded = true;
            }
        }
        shell.body = Some(drawn.html);
        if !loaded {
            break;
        }
    }
    // Only the bodies go into the page: the app asks again for what was not found.
    shell.more_answers = answers
        .into_iter()
        .filter_map(|(url, answer)| Some((url, answer.ok()?)))
        .collect();
}

/// Today's ISO weekday (1 Monday to 7 Sunday) in the town's time.
fn town_weekday() -> u8 {
    let today = paris_time(Utc::now()).date();
    u8::try_from(today.weekday().number_from_monday()).unwrap_or(1)
}

/// An answer of the API to a drawn page's request: its body, or its "not found".
type Answer = Result<Bytes, Problem>;

/// The answer to a public `GET` of the catalogue at `url` (`/api/v1/...`, as the app writes
/// it), through the API handler's own function and cache: its body, or its problem when the
/// API would answer 404. `None` for any other request or answer (the view then shows
/// "loading", and the app asks).
pub async fn load_answer(state: &AppState, url: &str) -> Option<Answer> {
    let rest = url.strip_prefix(API_BASE)?;
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    // The cache key of the same request arriving at the API (see `cache_key`).
    let key = format!("{API_BASE}{path}?{query}");
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let entry = match segments[..] {
        ["categories"] => categories::category_list(state, key, parse(query)?).await,
        ["products"] => products::product_list(state, key, parse(query)?).await,
        ["products", id] => products::product_page(state, key, id.parse().ok()?).await,
        ["shops"] => shops::shop_list(state, key, parse(query)?).await,
        ["shops", slug]
            if query.is_empty()
                && slug
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            shops::shop_page(state, key, slug.to_owned()).await
        }
        _ => return None,
    };
    match entry {
        Ok(entry) => Some(Ok(entry.body().clone())),
        Err(err @ ApiError::NotFound(_)) => Some(Err(err.problem())),
        Err(err) => {
            tracing::debug!(error = %err, url, "a drawn page's request has no answer");
            None
        }
    }
}

fn parse<Q: DeserializeOwned>(query: &str) -> Option<Q> {
    serde_urlencoded::from_str(query).ok()
}
