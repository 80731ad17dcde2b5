//! The catalogue: products by category, shop, price and words, and a product's page.

use std::sync::atomic::Ordering;

use actix_web::web::{self, Path};
use actix_web::{HttpRequest, HttpResponse, get};
use diesel::OptionalExtension;
use shared::Page;
use shared::catalogue::{Product, ProductCard, ProductQuery, ProductSort};
use shared::error::{FieldError, Problem};

use crate::db::models::search_log;
use crate::db::models::{category, product, shop};
use crate::domain::paging::Paging;
use crate::domain::search::{normalised_query, query_terms};
use crate::domain::stats::paris_day;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::response_cache::{Entry, cache_key};
use crate::routes::shops::MAX_QUERY_LENGTH;
use crate::startup::AppState;

/// A valid catalogue request, before slugs are resolved.
struct CatalogueRequest {
    /// The search as the dashboard counts it (issue 13), when this is the first page of a
    /// search with something searchable in it.
    logged_search: Option<String>,
    terms: Vec<String>,
    /// Words were given but none is searchable (`q=%`): nothing can match.
    unsearchable: bool,
    category: Option<String>,
    shop: Option<String>,
    min_price_cents: Option<i64>,
    max_price_cents: Option<i64>,
    in_stock_only: bool,
    sort: ProductSort,
    paging: Paging,
}

fn parse_product_query(query: ProductQuery) -> Result<CatalogueRequest, ApiError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut invalid = |field: &str, message: String| {
        errors.push(FieldError {
            field: field.into(),
            message,
        })
    };
    let q = query.q.as_deref().map(str::trim).unwrap_or_default();
    if q.chars().count() > MAX_QUERY_LENGTH {
        invalid(
            "q",
            format!("must be at most {MAX_QUERY_LENGTH} characters"),
        );
    }
    for (field, value) in [
        ("min_price_cents", query.min_price_cents),
        ("max_price_cents", query.max_price_cents),
    ] {
        if value.is_some_and(|v| v < 0) {
            invalid(field, "must be 0 or more".into());
        }
    }
    let terms = query_terms(q);
    let sort = match query.sort.as_deref() {
        None | Some("") if terms.is_empty() => ProductSort::Name,
        None | Some("") => ProductSort::Relevance,
        Some(value) => ProductSort::parse(value).unwrap_or_else(|| {
            let names: Vec<&str> = ProductSort::ALL.iter().map(|s| s.as_str()).collect();
            invalid("sort", format!("must be one of {}", names.join(", ")));
            ProductSort::Name
        }),
    };
    let paging = Paging::parse(query.page, query.per_page, &mut errors);
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    // Each bound is well-formed; together they may ask for nothing (422).
    if let (Some(min), Some(max)) = (query.min_price_cents, query.max_price_cents)
        && min > max
    {
        return Err(ApiError::refused(
            "min_price_cents",
            format!("must not be more than max_price_cents ({max})"),
        ));
    }
    let slug = |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let normalised = normalised_query(q);
    Ok(CatalogueRequest {
        logged_search: (!normalised.is_empty() && query.page.unwrap_or(1) == 1)
            .then_some(normalised),
        unsearchable: !q.is_empty() && terms.is_empty(),
        terms,
        category: slug(query.category),
        shop: slug(query.shop),
        min_price_cents: query.min_price_cents,
        max_price_cents: query.max_price_cents,
        in_stock_only: query.in_stock == Some(true),
        sort,
        paging,
    })
}

/// Searches that may wait at once to be written to the search log: beyond, a search is
/// not counted rather than queue work behind the catalogue (a flood of searches).
const MAX_PENDING_SEARCH_LOGS: usize = 32;

/// Counts a search in the search log (issue 13), after its answer, on the side: the
/// catalogue neither waits for it nor fails with it (a failure is only logged).
fn log_search(state: &AppState, query: String, results: u64) {
    let pending = std::sync::Arc::clone(&state.pending_search_logs);
    if pending.fetch_add(1, Ordering::SeqCst) >= MAX_PENDING_SEARCH_LOGS {
        pending.fetch_sub(1, Ordering::SeqCst);
        tracing::debug!("the search log is busy: a search is not counted");
        return;
    }
    let pool = state.pool.clone();
    actix_web::rt::spawn(async move {
        let results = u32::try_from(results).unwrap_or(u32::MAX);
        let recorded = crate::db::run(&pool, move |conn| {
            let day = paris_day(crate::db::models::now());
            Ok(search_log::record(conn, day, &query, results)?)
        })
        .await;
        pending.fetch_sub(1, Ordering::SeqCst);
        if let Err(err) = recorded {
            tracing::warn!(error = %err, "the search log missed a search");
        }
    });
}

/// Lists the products on sale.
///
/// Active products of active shops, one page at a time, filtered by text, category, shop,
/// price or stock, and sorted. Public. A search (`q`) is counted for the association's
/// dashboard on its first page: normalised (lower case, accents folded), with its number
/// of results and its day, and nothing about who searched.
#[utoipa::path(
    tag = "catalogue",
    params(ProductQuery),
    responses(
        (status = 200, description = "One page of product cards", body = Page<ProductCard>,
            headers(("ETag" = String, description = "Send it back in If-None-Match"))),
        (status = 304, description = "Unchanged since the ETag in If-None-Match"),
        (status = 400, description = "A parameter is invalid; `errors` names it",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No category or shop with this slug",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: `min_price_cents` is more than `max_price_cents`",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/products")]
pub async fn list_products(
    req: HttpRequest,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<ProductQuery>,
) -> Result<HttpResponse, ApiError> {
    let entry = product_list(&state, cache_key(&req), query).await?;
    Ok(entry.respond(&req))
}

/// The answer of `GET /products` with `query`, cached under `key`; also what a catalogue or
/// shop page's shell embeds (issue 16), so a search is counted the same either way.
pub(crate) async fn product_list(
    state: &AppState,
    key: String,
    query: ProductQuery,
) -> Result<Entry, ApiError> {
    let request = parse_product_query(query)?;
    let logged_search = request.logged_search.clone();
    let entry = state
        .catalogue_cache
        .entry(
            key,
            &state.pool,
            move |conn| {
                let category_ids = match &request.category {
                    Some(slug) => {
                        Some(category::ids_with_descendants(conn, slug)?.ok_or_else(|| {
                            ApiError::NotFound(format!("there is no category {slug}"))
                        })?)
                    }
                    None => None,
                };
                let shop_id = match &request.shop {
                    Some(slug) => Some(
                        shop::find_active_by_slug(conn, slug)
                            .optional()?
                            .ok_or_else(|| {
                                ApiError::NotFound(format!("there is no active shop {slug}"))
                            })?
                            .id,
                    ),
                    None => None,
                };
                let filter = product::ProductFilter {
                    terms: request.terms,
                    category_ids,
                    shop_id,
                    min_price_cents: request.min_price_cents,
                    max_price_cents: request.max_price_cents,
                    in_stock_only: request.in_stock_only,
                    sort: request.sort,
                };
                if request.unsearchable {
                    return Ok(request.paging.page(Vec::new(), 0));
                }
                let (rows, total) = product::list_visible(conn, &filter, request.paging)?;
                Ok(request.paging.page(product::cards(conn, rows)?, total))
            },
            |page| Some(page.total),
        )
        .await?;
    if let (Some(search), Some(total)) = (logged_search, entry.count()) {
        log_search(state, search, total);
    }
    Ok(entry)
}

/// A product's page.
///
/// One product on sale, with its shop, price, stock state and pictures. Products of
/// suspended shops, drafts and archived products are 404. Public; changes nothing.
#[utoipa::path(
    tag = "catalogue",
    params(("id" = i64, Path, description = "The product's id")),
    responses(
        (status = 200, description = "The product", body = Product,
            headers(("ETag" = String, description = "Send it back in If-None-Match"))),
        (status = 304, description = "Unchanged since the ETag in If-None-Match"),
        (status = 404, description = "No such product on sale",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/products/{id}")]
pub async fn get_product(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let entry = product_page(&state, cache_key(&req), id.into_inner()).await?;
    Ok(entry.respond(&req))
}

/// The answer of `GET /products/{id}`, cached under `key`; also what a product page's shell
/// embeds (issue 16).
pub(crate) async fn product_page(
    state: &AppState,
    key: String,
    id: i64,
) -> Result<Entry, ApiError> {
    state
        .catalogue_cache
        .entry(
            key,
            &state.pool,
            move |conn| {
                product::find_visible(conn, id).optional()?.ok_or_else(|| {
                    ApiError::NotFound("there is no product on sale with this id".into())
                })
            },
            |_| None,
        )
        .await
}
