//! Categories.

use actix_web::get;
use actix_web::web::{self, Json};
use shared::Page;
use shared::catalogue::{Category, PageQuery};
use shared::error::Problem;

use crate::db::{self, models::category};
use crate::domain::paging::Paging;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::startup::AppState;

/// Lists the categories in display order (parents before their children), each with the
/// number of active products in it.
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
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Json<Page<Category>>, ApiError> {
    let mut errors = Vec::new();
    let paging = Paging::parse(query.page, query.per_page, &mut errors);
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let all = db::run(&state.pool, |conn| Ok(category::list_with_counts(conn)?)).await?;
    let total = all.len() as u64;
    let skip = usize::try_from(paging.offset()).unwrap_or(usize::MAX);
    let items = all
        .into_iter()
        .skip(skip)
        .take(paging.per_page as usize)
        .collect();
    Ok(Json(paging.page(items, total)))
}
