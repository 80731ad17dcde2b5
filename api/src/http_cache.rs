//! Conditional responses for the catalogue: a strong `ETag` computed from the body, and a
//! 304 when the client already has it. Clients revalidate every time (`no-cache`), so a
//! price a merchant changes shows on the next request, while an unchanged page costs a few
//! bytes.

use std::hash::{DefaultHasher, Hash, Hasher};

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;

use crate::error::ApiError;

/// The catalogue's cache policy: keep, but ask before reuse.
pub const CATALOGUE_CACHE_CONTROL: &str = "public, no-cache";

/// Serialises `value` and answers 200 with an ETag, or 304 if `If-None-Match` has it.
pub fn json_with_etag<T: Serialize>(
    req: &HttpRequest,
    value: &T,
) -> Result<HttpResponse, ApiError> {
    let body = serde_json::to_vec(value).map_err(anyhow::Error::from)?;
    Ok(bytes_with_etag(req, body, "application/json"))
}

/// Answers `body` with an ETag, or 304 if `If-None-Match` has it.
pub fn bytes_with_etag(req: &HttpRequest, body: Vec<u8>, content_type: &str) -> HttpResponse {
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    let etag = format!("\"{:016x}\"", hasher.finish());
    let matches = req
        .headers()
        .get_all(IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|candidate| {
            let candidate = candidate.trim();
            candidate == "*" || candidate.trim_start_matches("W/") == etag
        });
    let mut response = if matches {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((ETAG, etag))
        .insert_header((CACHE_CONTROL, CATALOGUE_CACHE_CONTROL));
    if matches {
        response.finish()
    } else {
        response
            .insert_header((CONTENT_TYPE, content_type))
            .body(body)
    }
}
