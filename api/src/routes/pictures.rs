//! Product pictures and shop logos: the uploaded one when there is one (JPEG, display size
//! or thumbnail), else a generated SVG, tiny and sharp at any size.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use actix_web::web::{self, Path};
use actix_web::{HttpRequest, HttpResponse, get};
use diesel::OptionalExtension;
use shared::error::Problem;
use shared::shop_products::PictureQuery;

use crate::access::Caller;
use crate::db::models::picture::{self, Size};
use crate::db::{self, models::product, models::shop};
use crate::demo::picture as generated;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::images::STORED_CONTENT_TYPE;
use crate::startup::AppState;

/// A URL naming the current version never changes: keep it for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// A URL without the version: keep it, but ask before reuse.
const REVALIDATE: &str = "public, no-cache";
/// A picture of a product not on sale: only its shop sees it.
const PRIVATE: &str = "private, no-cache";

/// A generated picture never changes for the same inputs: cache it for a day.
fn svg_response(svg: String, cache_control: &str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "image/svg+xml"))
        .insert_header((CACHE_CONTROL, cache_control.to_owned()))
        .body(svg)
}

/// An uploaded picture, or 304 when `If-None-Match` names its ETag.
pub(crate) fn jpeg_response(
    req: &HttpRequest,
    bytes: Vec<u8>,
    etag: String,
    cache_control: &str,
) -> HttpResponse {
    let matches = req
        .headers()
        .get_all(IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|candidate| candidate.trim().trim_start_matches("W/") == etag);
    let mut response = if matches {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((ETAG, etag))
        .insert_header((CACHE_CONTROL, cache_control.to_owned()));
    if matches {
        response.finish()
    } else {
        response
            .insert_header((CONTENT_TYPE, STORED_CONTENT_TYPE))
            .body(bytes)
    }
}

/// The size asked for: `display` (default) or `thumb`.
fn size(query: &PictureQuery) -> Result<Size, ApiError> {
    match query.size.as_deref() {
        None | Some("" | "display") => Ok(Size::Display),
        Some("thumb") => Ok(Size::Thumb),
        Some(_) => Err(ApiError::invalid("size", "must be display or thumb")),
    }
}

fn size_name(size: Size) -> &'static str {
    match size {
        Size::Display => "display",
        Size::Thumb => "thumb",
    }
}

/// A shop's logo.
///
/// The logo of an active shop: the uploaded one (JPEG), else a generated SVG. Public;
/// changes nothing.
#[utoipa::path(
    tag = "catalogue",
    params(("slug" = String, Path, description = "The shop's slug"), PictureQuery),
    responses(
        (status = 200, description = "The logo: the uploaded JPEG, or a generated SVG",
            content((String = "image/jpeg"), (String = "image/svg+xml"))),
        (status = 304, description = "Unchanged since the ETag in If-None-Match"),
        (status = 400, description = "Bad size", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such active shop",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/logo")]
pub async fn get_shop_logo(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: Path<String>,
    ValidQuery(query): ValidQuery<PictureQuery>,
) -> Result<HttpResponse, ApiError> {
    let size = size(&query)?;
    let slug = slug.into_inner();
    let (row, logo) = db::run(&state.pool, move |conn| {
        let row = shop::find_active_by_slug(conn, &slug)
            .optional()?
            .ok_or_else(|| ApiError::NotFound("there is no active shop with this slug".into()))?;
        let logo = picture::shop_logo(conn, row.id, size)?;
        Ok((row, logo))
    })
    .await?;
    match logo {
        Some((bytes, version)) => {
            let etag = format!("\"logo-{}-{version}-{}\"", row.id, size_name(size));
            let cache = if query.v == Some(version) {
                IMMUTABLE
            } else {
                REVALIDATE
            };
            Ok(jpeg_response(&req, bytes, etag, cache))
        }
        None => Ok(svg_response(
            generated::shop_svg(&row.name, &row.kind),
            "public, max-age=86400",
        )),
    }
}

/// A product's picture.
///
/// The uploaded picture (JPEG), else a generated SVG. Anyone sees the pictures of products
/// on sale; a draft's or an archived product's only its shop (and its assigned volunteers)
/// does, signed in. Changes nothing.
#[utoipa::path(
    tag = "catalogue",
    params(("id" = i64, Path, description = "The product's id"), PictureQuery),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The picture: the uploaded JPEG, or a generated SVG",
            content((String = "image/jpeg"), (String = "image/svg+xml"))),
        (status = 304, description = "Unchanged since the ETag in If-None-Match"),
        (status = 400, description = "Bad size", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such product on sale (or of yours)",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/products/{id}/picture")]
pub async fn get_product_picture(
    req: HttpRequest,
    caller: Option<Caller>,
    state: web::Data<AppState>,
    id: Path<i64>,
    ValidQuery(query): ValidQuery<PictureQuery>,
) -> Result<HttpResponse, ApiError> {
    let size = size(&query)?;
    let id = id.into_inner();
    let (subject, stored) = db::run(&state.pool, move |conn| {
        let not_found = || ApiError::NotFound("there is no product on sale with this id".into());
        let subject = product::picture_subject(conn, id)
            .optional()?
            .ok_or_else(not_found)?;
        let may_see = subject.listed
            || match caller {
                Some(caller) => caller.may_manage_products(conn, subject.shop_id)?,
                None => false,
            };
        if !may_see {
            return Err(not_found());
        }
        let stored = picture::product_picture(conn, id, size)?;
        Ok((subject, stored))
    })
    .await?;
    let cache = match (subject.listed, query.v == Some(subject.picture_version)) {
        (false, _) => PRIVATE,
        (true, true) => IMMUTABLE,
        (true, false) => REVALIDATE,
    };
    match stored {
        Some(bytes) => {
            let etag = format!(
                "\"picture-{id}-{}-{}\"",
                subject.picture_version,
                size_name(size)
            );
            Ok(jpeg_response(&req, bytes, etag, cache))
        }
        None => Ok(svg_response(
            generated::product_svg(&subject.name, &subject.category_slug),
            if subject.listed {
                "public, max-age=86400"
            } else {
                PRIVATE
            },
        )),
    }
}
