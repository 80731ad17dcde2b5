//! How answers travel (issue 16): `HEAD` wherever `GET` is, API answers compressed as the
//! client's `Accept-Encoding` asks (except event streams), and the web app's content-hashed
//! files kept by browsers for a year.

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{ACCEPT, ACCEPT_ENCODING};
use actix_web::middleware::Next;

/// Answers `HEAD` as `GET`: the routes only declare `GET`, and the HTTP layer, which read the
/// request as `HEAD`, sends the headers (the length included) without the body.
pub async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    next.call(req).await
}

/// Keeps event streams (the shops' live orders feed) out of the compressor, which holds
/// back small writes: each event must leave as it happens. Placed outside
/// [`actix_web::middleware::Compress`], which then sees no `Accept-Encoding`.
pub async fn streams_uncompressed(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let stream = req
        .headers()
        .get(ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("text/event-stream"));
    if stream {
        req.headers_mut().remove(ACCEPT_ENCODING);
    }
    next.call(req).await
}

/// How long a content-hashed file may be kept: a year, without asking again.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Whether a path names a content-hashed file of the web app (`/vitrine.3f2a9c01d4.js`, see
/// `scripts/build-web.sh`): a name, a dot, 10 lowercase hex digits, a dot, `js`, `wasm` or
/// `css`.
pub fn is_content_hashed(path: &str) -> bool {
    let Some(name) = path.strip_prefix('/') else {
        return false;
    };
    if name.contains('/') {
        return false;
    }
    let mut parts = name.rsplitn(3, '.');
    let (Some(ext), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    matches!(ext, "js" | "wasm" | "css")
        && !stem.is_empty()
        && hash.len() == 10
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Content-hashed files are kept a year (`immutable`): their content never changes under
/// their name, and a new build gives changed files new names. Everything else keeps the
/// default `no-cache` (placed inside it).
pub async fn immutable_files(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let hashed = is_content_hashed(req.path());
    let mut res = next.call(req).await?;
    // The file itself, not the page shell a missing one falls back to.
    let asset = res
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|kind| {
            ["javascript", "application/wasm", "text/css"]
                .iter()
                .any(|k| kind.contains(k))
        });
    if hashed && asset && res.status().is_success() {
        res.headers_mut().insert(
            actix_web::http::header::CACHE_CONTROL,
            actix_web::http::header::HeaderValue::from_static(IMMUTABLE),
        );
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::is_content_hashed;

    #[test]
    fn only_the_builds_hashed_names_are_immutable() {
        assert!(is_content_hashed("/vitrine.3f2a9c01d4.js"));
        assert!(is_content_hashed("/vitrine_bg.3f2a9c01d4.wasm"));
        assert!(is_content_hashed("/style.0123456789.css"));
        assert!(is_content_hashed("/boot-nomodule.abcdef0123.js"));
        assert!(!is_content_hashed("/vitrine.js"));
        assert!(!is_content_hashed("/index.html"));
        assert!(!is_content_hashed("/vitrine.3F2A9C01D4.js"));
        assert!(!is_content_hashed("/vitrine.3f2a9c01d.js"));
        assert!(!is_content_hashed("/api/v1/x.3f2a9c01d4.js"));
        assert!(!is_content_hashed("/.3f2a9c01d4.js"));
        assert!(!is_content_hashed("/vitrine.3f2a9c01d4.html"));
    }
}
