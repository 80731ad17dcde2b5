//! The shop directory and a shop's page.

use actix_web::web::{self, Path};
use actix_web::{HttpRequest, HttpResponse, get};
use diesel::OptionalExtension;
use shared::Page;
use shared::catalogue::{Shop, ShopKind, ShopQuery, ShopSummary};
use shared::error::{FieldError, Problem};

use crate::db::models::{settings, shop};
use crate::domain::paging::Paging;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::response_cache::{Entry, cache_key};
use crate::startup::AppState;

/// Longest accepted search text, in characters.
pub const MAX_QUERY_LENGTH: usize = 200;

/// Lists the shops.
///
/// Active shops in French alphabetical order, one page at a time, optionally filtered by
/// kind, commune, delivery or text. Public; changes nothing.
#[utoipa::path(
    tag = "catalogue",
    params(ShopQuery),
    responses(
        (status = 200, description = "One page of shops", body = Page<ShopSummary>),
        (status = 400, description = "A parameter is invalid; `errors` names it",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops")]
pub async fn list_shops(
    req: HttpRequest,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<ShopQuery>,
) -> Result<HttpResponse, ApiError> {
    let entry = shop_list(&state, cache_key(&req), query).await?;
    Ok(entry.respond(&req))
}

/// The answer of `GET /shops` with `query`, cached under `key`; also what the directory's
/// shell embeds (issue 16).
pub(crate) async fn shop_list(
    state: &AppState,
    key: String,
    query: ShopQuery,
) -> Result<Entry, ApiError> {
    let (filter, paging) = parse_shop_query(query)?;
    state
        .catalogue_cache
        .entry(
            key,
            &state.pool,
            move |conn| {
                let (rows, total) = shop::list_active(conn, &filter, paging)?;
                Ok(paging.page(rows.into_iter().map(ShopSummary::from).collect(), total))
            },
            |_| None,
        )
        .await
}

fn parse_shop_query(query: ShopQuery) -> Result<(shop::ShopFilter, Paging), ApiError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let paging = Paging::parse(query.page, query.per_page, &mut errors);
    let kind = query.kind.as_deref().and_then(|kind| {
        let parsed = ShopKind::parse(kind);
        if parsed.is_none() {
            errors.push(FieldError {
                field: "kind".into(),
                message: "must be food, non_food or restaurant".into(),
            });
        }
        parsed
    });
    let q = query
        .q
        .map(|q| q.trim().to_owned())
        .filter(|q| !q.is_empty());
    if q.as_ref()
        .is_some_and(|q| q.chars().count() > MAX_QUERY_LENGTH)
    {
        errors.push(FieldError {
            field: "q".into(),
            message: format!("must be at most {MAX_QUERY_LENGTH} characters"),
        });
    }
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let commune = query
        .commune
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    Ok((
        shop::ShopFilter {
            kind,
            commune,
            delivers: query.delivers,
            q,
        },
        paging,
    ))
}

/// A shop's page.
///
/// An active shop: address, phone, opening hours, pickup and delivery days. Public; changes
/// nothing.
#[utoipa::path(
    tag = "catalogue",
    params(("slug" = String, Path, description = "The shop's slug")),
    responses(
        (status = 200, description = "The shop", body = Shop,
            headers(("ETag" = String, description = "Send it back in If-None-Match"))),
        (status = 304, description = "Unchanged since the ETag in If-None-Match"),
        (status = 404, description = "No such active shop",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}")]
pub async fn get_shop(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<HttpResponse, ApiError> {
    let entry = shop_page(&state, cache_key(&req), slug.into_inner()).await?;
    Ok(entry.respond(&req))
}

/// The answer of `GET /shops/{slug}`, cached under `key`; also what a shop page's shell
/// embeds (issue 16).
pub(crate) async fn shop_page(
    state: &AppState,
    key: String,
    slug: String,
) -> Result<Entry, ApiError> {
    state
        .catalogue_cache
        .entry(
            key,
            &state.pool,
            move |conn| {
                let row = shop::find_active_by_slug(conn, &slug)
                    .optional()?
                    .ok_or_else(|| {
                        ApiError::NotFound("there is no active shop with this slug".into())
                    })?;
                let legal = crate::db::models::legal::identity(conn, row.id)?;
                let mut page = row.into_page(&settings::delivery_rules(conn)?);
                page.legal = legal;
                Ok(page)
            },
            |_| None,
        )
        .await
}
