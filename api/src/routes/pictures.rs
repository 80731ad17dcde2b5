//! Product pictures and shop logos. Until uploads exist they are generated SVGs: tiny,
//! sharp at any size, so the list thumbnail and the product page share one file.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::web::{self, Path};
use actix_web::{HttpResponse, get};
use diesel::OptionalExtension;
use shared::error::Problem;

use crate::db::{self, models::product, models::shop};
use crate::demo::picture;
use crate::error::ApiError;
use crate::startup::AppState;

/// A generated picture never changes for the same inputs: cache it for a day.
fn svg_response(svg: String) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "image/svg+xml"))
        .insert_header((CACHE_CONTROL, "public, max-age=86400"))
        .body(svg)
}

/// The logo of an active shop.
#[utoipa::path(
    tag = "catalogue",
    params(("slug" = String, Path, description = "The shop's slug")),
    responses(
        (status = 200, description = "The logo", content_type = "image/svg+xml", body = String),
        (status = 404, description = "No such active shop",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/logo")]
pub async fn get_shop_logo(
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let row = db::run(&state.pool, move |conn| {
        shop::find_active_by_slug(conn, &slug)
            .optional()?
            .ok_or_else(|| ApiError::NotFound("there is no active shop with this slug".into()))
    })
    .await?;
    Ok(svg_response(picture::shop_svg(&row.name, &row.kind)))
}

/// The picture of a product shoppers can see.
#[utoipa::path(
    tag = "catalogue",
    params(("id" = i64, Path, description = "The product's id")),
    responses(
        (status = 200, description = "The picture", content_type = "image/svg+xml", body = String),
        (status = 404, description = "No such product on sale",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/products/{id}/picture")]
pub async fn get_product_picture(
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (name, category) = db::run(&state.pool, move |conn| {
        product::picture_inputs(conn, id)
            .optional()?
            .ok_or_else(|| ApiError::NotFound("there is no product on sale with this id".into()))
    })
    .await?;
    Ok(svg_response(picture::product_svg(&name, &category)))
}
