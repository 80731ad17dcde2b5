//! What the page shell of each page carries besides the app (issue 16): found by search
//! engines, shown in link previews, quick on a slow signal, readable without JavaScript.
//!
//! For a public page (home, catalogue, a product, the shop directory, a shop) the server runs
//! the request the app would make first for what the page shows, through the same function
//! as the API handler and its cache, and the shell carries:
//! - that answer, byte for byte the API's, for the app to start from (see [`shared::initial`]);
//! - the page's own `<title>` (the text the app's `DocumentTitle` sets, so nothing flickers),
//!   description, canonical address, Open Graph and Twitter card tags;
//! - schema.org JSON-LD: a `Product` with its `Offer`, a shop as a `Store` or `Restaurant`;
//! - the page itself, drawn by the app's own views on the server
//!   ([`page_render`](super::page_render)), readable before the app arrives and by old
//!   browsers and crawlers that never run it, with every API answer it used;
//! - for a product, a `<noscript>` block with its shop's address, phone and hours, which the
//!   product's view does not show.
//!
//! An unknown product or shop gets its shell with status 404 and `noindex` (the app still
//! shows its friendly page); so does every page of the ordering and back-office bundles
//! (baskets, accounts, back-office), which no search engine needs.
//!
//! The catalogue's public answers do not depend on the language, so the shell's answer is the
//! one the app's request would get whatever its `Accept-Language`; the texts the server writes
//! are French, the app's default language.

use actix_web::HttpRequest;
use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Query};
use serde_json::{Value, json};
use shared::MAX_PER_PAGE;
use shared::bundle::Bundle;
use shared::catalogue::{
    Category, OpeningSlot, PageQuery, Product, ProductQuery, Shop, ShopKind, ShopQuery, StockState,
};
use shared::french::{WEEKDAYS, headings};
use shared::initial::{api_url, path_segment, query_pairs};
use shared::money::format_eur;
use shared::{Page, marketplace::Marketplace};

use crate::error::ApiError;
use crate::response_cache::Entry;
use crate::routes::{categories, products, shops};
use crate::startup::AppState;

/// Where the API lives, as the app writes its requests' addresses.
pub(crate) const API_BASE: &str = "/api/v1";

/// The longest meta description written, in characters (search engines cut at about 160).
const DESCRIPTION_CHARS: usize = 200;

/// What one page's shell carries besides the settings.
#[derive(Debug, Default)]
pub struct PageShell {
    /// 404 for an unknown product or shop; 200 otherwise.
    pub status: Option<StatusCode>,
    /// The page's own part of the title; empty for the site's title alone.
    pub title: String,
    /// The page's own description; the marketplace's when `None`.
    pub description: Option<String>,
    /// The page's canonical path and query (made absolute when written).
    pub canonical: Option<String>,
    /// Open Graph type.
    pub og_type: &'static str,
    /// A picture of the page (a path, made absolute when written).
    pub image: Option<String>,
    /// Keep it out of search engines.
    pub noindex: bool,
    /// The first API answer: its address and body.
    pub initial: Option<(String, Bytes)>,
    /// The page drawn by the app's views on the server (see [`super::page_render::draw`]),
    /// for `<body>`.
    pub body: Option<String>,
    /// The other API answers the drawn page used, after [`Self::initial`].
    pub more_answers: Vec<(String, Bytes)>,
    /// schema.org JSON-LD.
    pub json_ld: Option<Value>,
    /// HTML for a `<noscript>`, escaped already: at the end of the drawn page's `<main>`.
    pub noscript: Option<String>,
}

/// The shell of the page at `req`'s address, in `bundle`.
pub async fn page_shell(state: &AppState, req: &HttpRequest, bundle: Bundle) -> PageShell {
    if bundle != Bundle::Browse {
        return PageShell {
            noindex: true,
            ..PageShell::default()
        };
    }
    let path = req.path().trim_end_matches('/');
    let mut segments = path.trim_start_matches('/').split('/');
    let pairs = Query::<Vec<(String, String)>>::from_query(req.query_string())
        .map(Query::into_inner)
        .unwrap_or_default();
    let param = |name: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim())
            .filter(|value| !value.is_empty())
    };
    let page = param("page")
        .and_then(|page| page.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1);
    match (segments.next(), segments.next(), segments.next()) {
        (Some("" | "index.html"), None, None) => home(state).await,
        (Some("catalogue"), None, None) => catalogue(state, &pairs, page).await,
        (Some("produits"), Some(id), None) => product(state, id).await,
        (Some("commerces"), None, None) => directory(state, &pairs, page).await,
        (Some("commerces"), Some(slug), None) => shop(state, slug, page).await,
        (Some("mentions-legales"), None, None) => PageShell {
            canonical: Some(path.to_owned()),
            ..website()
        },
        // The app's "page introuvable".
        _ => PageShell {
            noindex: true,
            ..PageShell::default()
        },
    }
}

fn website() -> PageShell {
    PageShell {
        og_type: "website",
        ..PageShell::default()
    }
}

/// The answer the app asks `path` (under [`API_BASE`]) with `query` for, from `load`, with
/// its address as the app writes it; `Err` as the API would answer.
async fn answer<Q, F, Fut>(path: &str, query: Q, load: F) -> Result<(String, Bytes), ApiError>
where
    Q: serde::Serialize,
    F: FnOnce(String, Q) -> Fut,
    Fut: Future<Output = Result<Entry, ApiError>>,
{
    let pairs = query_pairs(&query).map_err(|e| ApiError::Internal(anyhow::anyhow!(e)))?;
    let url = api_url(&format!("{API_BASE}{path}"), &pairs);
    // The cache key of the same request arriving at the API (see `cache_key`).
    let key = match url.split_once('?') {
        Some(_) => url.clone(),
        None => format!("{url}?"),
    };
    let entry = load(key, query).await?;
    Ok((url, entry.body().clone()))
}

/// Logs what is not a plain "not found" and gives up the embedded answer.
fn keep_going<T>(result: Result<T, ApiError>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(ApiError::NotFound(_)) => None,
        Err(err) => {
            tracing::warn!(error = %err, "a page shell is served without its first answer");
            None
        }
    }
}

async fn home(state: &AppState) -> PageShell {
    let query = PageQuery {
        page: None,
        per_page: Some(MAX_PER_PAGE),
    };
    let initial = answer("/categories", query, |key, query| {
        categories::category_list(state, key, query)
    })
    .await;
    PageShell {
        canonical: Some("/".into()),
        initial: keep_going(initial),
        ..website()
    }
}

async fn catalogue(state: &AppState, pairs: &[(String, String)], page: u32) -> PageShell {
    let param = |name: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_owned())
            .filter(|value| !value.is_empty())
    };
    let q = param("q").map(|q| q.chars().take(200).collect::<String>().trim().to_owned());
    let category = param("categorie");
    let title = match &q {
        Some(q) => format!("« {q} » — {}", headings::CATALOGUE),
        None => headings::CATALOGUE.to_owned(),
    };
    let mut canonical = String::from("/catalogue");
    let mut shell = PageShell { title, ..website() };
    // Prices and orders are read by the app only (its own parsers): with them, the app asks.
    let understood = ["q", "categorie", "boutique", "en_stock", "page"];
    if pairs
        .iter()
        .any(|(key, _)| !understood.contains(&key.as_str()))
    {
        shell.noindex = true;
        return shell;
    }
    let query = ProductQuery {
        page: Some(page),
        q: q.clone(),
        category: category.clone(),
        shop: param("boutique"),
        in_stock: (param("en_stock").as_deref() == Some("1")).then_some(true),
        ..ProductQuery::default()
    };
    // A search or a filtered list is a page of its own for no one but its reader.
    shell.noindex = q.is_some() || query.shop.is_some() || query.in_stock.is_some();
    let initial = answer("/products", query, |key, query| {
        products::product_list(state, key, query)
    })
    .await;
    let initial = match initial {
        Err(ApiError::NotFound(_)) => {
            shell.noindex = true;
            None
        }
        other => keep_going(other),
    };
    if let (Some(slug), Some((_, body))) = (&category, &initial) {
        canonical = format!("/catalogue?categorie={}", path_segment(slug));
        if page > 1 {
            canonical.push_str(&format!("&page={page}"));
        }
        let total = serde_json::from_slice::<Page<Value>>(body)
            .map(|list| list.total)
            .unwrap_or_default();
        if let Some(name) = category_name(state, slug).await {
            shell.description = Some(format!("{name} : {total} produits"));
        }
    }
    shell.canonical = Some(canonical);
    shell.initial = initial;
    shell
}

/// The name of the category `slug`, from the categories' cached list.
async fn category_name(state: &AppState, slug: &str) -> Option<String> {
    let query = PageQuery {
        page: None,
        per_page: Some(MAX_PER_PAGE),
    };
    let (_, body) = keep_going(
        answer("/categories", query, |key, query| {
            categories::category_list(state, key, query)
        })
        .await,
    )?;
    let list: Page<Category> = serde_json::from_slice(&body).ok()?;
    list.items
        .into_iter()
        .find(|category| category.slug == slug)
        .map(|category| category.name)
}

async fn directory(state: &AppState, pairs: &[(String, String)], page: u32) -> PageShell {
    let mut shell = PageShell {
        title: headings::SHOPS.to_owned(),
        canonical: Some("/commerces".into()),
        ..website()
    };
    // The kinds' words are the app's: with one, the app asks.
    let understood = ["commune", "livraison", "page"];
    if !pairs.is_empty() {
        shell.noindex = true;
    }
    if pairs
        .iter()
        .any(|(key, _)| !understood.contains(&key.as_str()))
    {
        return shell;
    }
    let param = |name: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_owned())
            .filter(|value| !value.is_empty())
    };
    let query = ShopQuery {
        page: Some(page),
        per_page: Some(MAX_PER_PAGE),
        commune: param("commune"),
        delivers: (param("livraison").as_deref() == Some("1")).then_some(true),
        ..ShopQuery::default()
    };
    shell.initial = keep_going(
        answer("/shops", query, |key, query| {
            shops::shop_list(state, key, query)
        })
        .await,
    );
    shell
}

fn not_found(title: &str) -> PageShell {
    PageShell {
        status: Some(StatusCode::NOT_FOUND),
        title: title.to_owned(),
        noindex: true,
        ..PageShell::default()
    }
}

async fn product(state: &AppState, id: &str) -> PageShell {
    let Some(id) = id.parse::<i64>().ok().filter(|id| *id > 0) else {
        return not_found(headings::PRODUCT_NOT_FOUND);
    };
    let initial = answer(&format!("/products/{id}"), Empty {}, |key, _| {
        products::product_page(state, key, id)
    })
    .await;
    let Some((url, body)) = keep_going(initial) else {
        return not_found(headings::PRODUCT_NOT_FOUND);
    };
    let Ok(product) = serde_json::from_slice::<Product>(&body) else {
        return PageShell::default();
    };
    let shop = shop_of(state, &product.shop.slug).await;
    let base = state.notices.base_url();
    let path = format!("/produits/{id}");
    let description = format!(
        "{} · {} ({}). {}",
        format_eur(product.price_cents),
        product.shop.name,
        product.shop.commune,
        product.description
    );
    // A product without a picture of its own has a drawn placeholder: no preview picture.
    let image = product
        .picture_url
        .contains("v=")
        .then(|| product.picture_url.clone());
    PageShell {
        status: None,
        title: product.name.clone(),
        description: Some(shorten(&description)),
        canonical: Some(path.clone()),
        og_type: "product",
        image,
        noindex: false,
        json_ld: Some(product_json_ld(base, &path, &product, shop.as_ref())),
        noscript: shop.as_ref().map(seller_noscript),
        initial: Some((url, body)),
        ..PageShell::default()
    }
}

async fn shop_of(state: &AppState, slug: &str) -> Option<Shop> {
    let (_, body) = keep_going(
        answer(&format!("/shops/{slug}"), Empty {}, |key, _| {
            shops::shop_page(state, key, slug.to_owned())
        })
        .await,
    )?;
    serde_json::from_slice(&body).ok()
}

async fn shop(state: &AppState, slug: &str, page: u32) -> PageShell {
    // Slugs are ASCII letters, digits and dashes: anything else names no shop.
    if slug.is_empty()
        || !slug
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return not_found(headings::SHOP_NOT_FOUND);
    }
    let initial = answer(&format!("/shops/{slug}"), Empty {}, |key, _| {
        shops::shop_page(state, key, slug.to_owned())
    })
    .await;
    let Some((url, body)) = keep_going(initial) else {
        return not_found(headings::SHOP_NOT_FOUND);
    };
    let Ok(shop) = serde_json::from_slice::<Shop>(&body) else {
        return PageShell::default();
    };
    let base = state.notices.base_url();
    let path = format!("/commerces/{slug}");
    let mut description = format!(
        "{}, {} {} {}. Tél. {}.",
        kind_word(shop.kind),
        shop.address,
        shop.postcode,
        shop.commune,
        shop.phone
    );
    if !shop.description.is_empty() {
        description = format!("{} {description}", shop.description);
    }
    let canonical = if page > 1 {
        format!("{path}?page={page}")
    } else {
        path.clone()
    };
    PageShell {
        status: None,
        title: shop.name.clone(),
        description: Some(shorten(&description)),
        canonical: Some(canonical),
        og_type: "business.business",
        image: Some(shop.logo_url.clone()),
        noindex: false,
        json_ld: Some(shop_json_ld(base, &path, &shop)),
        initial: Some((url, body)),
        ..PageShell::default()
    }
}

/// The query of an endpoint that takes none.
#[derive(serde::Serialize)]
struct Empty {}

fn shorten(text: &str) -> String {
    // ASCII whitespace only: the no-break spaces of prices stay.
    let text = text
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text;
    }
    let mut short: String = text.chars().take(DESCRIPTION_CHARS - 1).collect();
    short.push('…');
    short
}

fn kind_word(kind: ShopKind) -> &'static str {
    match kind {
        ShopKind::Food => "Commerce alimentaire",
        ShopKind::NonFood => "Boutique",
        ShopKind::Restaurant => "Restaurant",
    }
}

/// The schema.org type closest to a shop of `kind`.
fn schema_type(kind: ShopKind) -> &'static str {
    match kind {
        ShopKind::Restaurant => "Restaurant",
        ShopKind::Food | ShopKind::NonFood => "Store",
    }
}

/// Cents as schema.org writes a price: `12.50`.
fn decimal_price(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, (cents % 100).abs())
}

fn product_json_ld(base: &str, path: &str, product: &Product, shop: Option<&Shop>) -> Value {
    let availability = match product.stock {
        StockState::Out => "https://schema.org/OutOfStock",
        StockState::Low => "https://schema.org/LimitedAvailability",
        StockState::InStock | StockState::Untracked => "https://schema.org/InStock",
    };
    let seller = match shop {
        Some(shop) => shop_json_ld(base, &format!("/commerces/{}", shop.slug), shop),
        None => json!({
            "@type": "LocalBusiness",
            "name": product.shop.name,
            "url": format!("{base}/commerces/{}", product.shop.slug),
        }),
    };
    json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.description,
        "url": format!("{base}{path}"),
        "image": format!("{base}{}", product.picture_url),
        "sku": product.id.to_string(),
        "category": product.category.name,
        "offers": {
            "@type": "Offer",
            "url": format!("{base}{path}"),
            "price": decimal_price(product.price_cents),
            "priceCurrency": product.currency,
            "availability": availability,
            "seller": seller,
        },
    })
}

fn shop_json_ld(base: &str, path: &str, shop: &Shop) -> Value {
    let hours: Vec<Value> = shop
        .opening_hours
        .iter()
        .filter_map(|slot| {
            let day = [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ]
            .get(usize::from(slot.weekday).checked_sub(1)?)?;
            Some(json!({
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": format!("https://schema.org/{day}"),
                "opens": slot.opens,
                "closes": slot.closes,
            }))
        })
        .collect();
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": schema_type(shop.kind),
        "name": shop.name,
        "url": format!("{base}{path}"),
        "image": format!("{base}{}", shop.logo_url),
        "telephone": shop.phone,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": shop.address,
            "postalCode": shop.postcode,
            "addressLocality": shop.commune,
            "addressCountry": "FR",
        },
        "openingHoursSpecification": hours,
    });
    if !shop.description.is_empty() {
        value["description"] = json!(shop.description);
    }
    if !shop.email.is_empty() {
        value["email"] = json!(shop.email);
    }
    value
}

/// HTML text: `&`, `<`, `>` and quotes escaped.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The no-script block of a product page: its shop's address, phone and hours, which the
/// page the server draws (issue 16, the app's view) does not show, for readers without
/// JavaScript who want to call or go to the shop.
fn seller_noscript(shop: &Shop) -> String {
    format!(
        "<section class=\"noscript-page\"><h2>{}</h2>{}</section>",
        escape(&shop.name),
        contact(shop)
    )
}

/// A shop's address, phone and opening hours.
fn contact(shop: &Shop) -> String {
    let dial: String = shop
        .phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let mut html = format!(
        "<address>{}<br>{}<br>{} {}<br>Téléphone : <a href=\"tel:{}\">{}</a></address>",
        escape(&shop.name),
        escape(&shop.address),
        escape(&shop.postcode),
        escape(&shop.commune),
        escape(&dial),
        escape(&shop.phone),
    );
    html.push_str("<h2>Horaires</h2><ul>");
    for (index, day) in WEEKDAYS.iter().enumerate() {
        let slots: Vec<&OpeningSlot> = shop
            .opening_hours
            .iter()
            .filter(|slot| usize::from(slot.weekday) == index + 1)
            .collect();
        let hours = if slots.is_empty() {
            "fermé".to_owned()
        } else {
            slots
                .iter()
                .map(|slot| format!("{}–{}", slot.opens, slot.closes))
                .collect::<Vec<_>>()
                .join(", ")
        };
        html.push_str(&format!("<li>{day} : {}</li>", escape(&hours)));
    }
    html.push_str("</ul>");
    html
}

/// Writes the page's meta tags for `market`'s site; `base` is the site's address.
pub fn meta_tags(shell: &PageShell, market: &Marketplace, base: &str) -> String {
    let site = market.site_title(false);
    let title = if shell.title.is_empty() {
        site.clone()
    } else {
        format!("{} — {site}", shell.title)
    };
    let description = shell
        .description
        .clone()
        .unwrap_or_else(|| market.description(false).to_owned());
    let mut tags = String::new();
    let mut meta = |attribute: &str, name: &str, content: &str| {
        tags.push_str(&format!(
            "<meta {attribute}=\"{name}\" content=\"{}\">\n",
            escape(content).replace('\n', " ")
        ));
    };
    if shell.noindex {
        meta("name", "robots", "noindex");
    }
    let og_type = if shell.og_type.is_empty() {
        "website"
    } else {
        shell.og_type
    };
    meta("property", "og:type", og_type);
    meta("property", "og:site_name", market.display_name());
    meta("property", "og:title", &title);
    meta("property", "og:description", &description);
    meta("property", "og:locale", "fr_FR");
    if let Some(canonical) = &shell.canonical {
        meta("property", "og:url", &format!("{base}{canonical}"));
    }
    let card = if shell.image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    if let Some(image) = &shell.image {
        meta("property", "og:image", &format!("{base}{image}"));
        meta("name", "twitter:image", &format!("{base}{image}"));
    }
    meta("name", "twitter:card", card);
    meta("name", "twitter:title", &title);
    meta("name", "twitter:description", &description);
    if let Some(canonical) = &shell.canonical {
        tags.push_str(&format!(
            "<link rel=\"canonical\" href=\"{}\">\n",
            escape(&format!("{base}{canonical}"))
        ));
    }
    tags
}

/// The `<script>`s the shell carries at the end of its body: JSON-LD, the first answer.
pub fn body_scripts(shell: &PageShell) -> String {
    let mut html = String::new();
    if let Some(json_ld) = &shell.json_ld {
        html.push_str(&format!(
            "<script type=\"application/ld+json\">{}</script>\n",
            script_safe(&json_ld.to_string())
        ));
    }
    for (index, (url, body)) in shell.initial.iter().chain(&shell.more_answers).enumerate() {
        html.push_str(&format!(
            "<script type=\"application/json\" id=\"{}\" data-url=\"{}\">{}</script>\n",
            shared::initial::script_id(index),
            escape(url),
            script_safe(&String::from_utf8_lossy(body))
        ));
    }
    html
}

/// JSON that cannot close its `<script>` element: every `<` written `\u003c` (it can only
/// be inside a string, where the escape means the same).
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_are_written_with_a_point_and_two_decimals() {
        assert_eq!(decimal_price(1250), "12.50");
        assert_eq!(decimal_price(5), "0.05");
        assert_eq!(decimal_price(300), "3.00");
    }

    #[test]
    fn long_descriptions_are_cut_with_an_ellipsis() {
        let long = "mot ".repeat(100);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), DESCRIPTION_CHARS);
        assert!(short.ends_with('…'));
        assert_eq!(shorten("  deux\n mots "), "deux mots");
        assert_eq!(shorten("6,10\u{a0}€"), "6,10\u{a0}€");
    }
}
