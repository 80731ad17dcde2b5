//! Categories.

use actix_web::web;
use actix_web::{HttpRequest, HttpResponse, get};
use shared::Page;
use shared::catalogue::{Category, PageQuery};
use shared::error::Problem;

use crate::db::models::category;
use crate::domain::paging::Paging;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::response_cache::{Entry, cache_key};
use crate::startup::AppState;

/// Lists the categories.
///
/// The categories in display order (parents before their children, siblings in the
/// association's order), each with its active products of active shops: `own_product_count`
/// for those filed in the category itself, `subtree_product_count` for the category and all
/// its sub-categories (what `GET /products?category=<slug>` lists). `former_slugs` are the
/// slugs of categories merged into it, which still work as `?category=`. Public; changes
/// nothing.
#[utoipa::path(
    tag = "catalogue",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of categories", body = Page<Category>),
        (status = 400, description = "A parameter is invalid; `errors` names it",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/categories")]
pub async fn list_categories(
    req: HttpRequest,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let entry = category_list(&state, cache_key(&req), query).await?;
    Ok(entry.respond(&req))
}

/// The answer of `GET /categories` with `query`, cached under `key`; also what the home
/// page's shell embeds (issue 16).
pub(crate) async fn category_list(
    state: &AppState,
    key: String,
    query: PageQuery,
) -> Result<Entry, ApiError> {
    let paging = Paging::from_query(&query)?;
    state
        .catalogue_cache
        .entry(
            key,
            &state.pool,
            move |conn| {
                let all = category::list_with_counts(conn)?;
                let total = all.len() as u64;
                let skip = usize::try_from(paging.offset()).unwrap_or(usize::MAX);
                let items = all
                    .into_iter()
                    .skip(skip)
                    .take(paging.per_page as usize)
                    .collect();
                Ok(paging.page(items, total))
            },
            |_| None,
        )
        .await
}
