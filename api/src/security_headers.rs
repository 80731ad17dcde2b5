//! The security headers every response carries, set in one middleware (see
//! [`security_headers`]): a Content-Security-Policy, `X-Content-Type-Options`,
//! `Referrer-Policy`, `Cache-Control: no-store` on authenticated API answers, and HSTS when
//! the request came over HTTPS.
//!
//! The web app runs under [`APP_POLICY`]: its scripts are files of this origin (the page
//! shell has no inline script, see `web/boot.js`), wasm needs `'wasm-unsafe-eval'`, pictures
//! come from the API, the favicon is a `data:` URI and the back-office previews uploads from
//! `blob:` URLs. The interactive API docs (Swagger UI) set styles inline, so `/api/docs/`
//! gets [`DOCS_POLICY`]. No page of the app may be framed, not even by the app: the order
//! slip prints the page itself.

use actix_web::Error;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{
    AUTHORIZATION, CACHE_CONTROL, CONTENT_SECURITY_POLICY, HeaderValue, REFERRER_POLICY,
    STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
};
use actix_web::middleware::Next;

use crate::session_cookie::REFRESH_COOKIE;

/// The Content-Security-Policy of the web app and of every answer but the API docs.
pub const APP_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; \
    object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The policy of the Swagger UI at `/api/docs/`: its scripts are files too, but it styles
/// elements inline.
pub const DOCS_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
    object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// HSTS for answers over HTTPS: a year; subdomains are left alone (a town's association
/// may run other sites on them).
const HSTS: &str = "max-age=31536000";

/// Adds the security headers to every response, including errors and static files. Wrap it
/// inside the middleware that sets the default `Cache-Control`, so that it sees what the
/// handler said.
pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let https = req.connection_info().scheme() == "https";
    let path = req.path();
    let docs = path == "/api/docs" || path.starts_with("/api/docs/");
    let authenticated = path.starts_with("/api/")
        && (req.headers().contains_key(AUTHORIZATION) || req.cookie(REFRESH_COOKIE).is_some());
    // Handlers' and extractors' errors are responses by now; only a failing middleware
    // further in (there is none) would end up here as an error.
    let mut response = next.call(req).await?.map_into_boxed_body();
    let headers = response.headers_mut();
    let policy = if docs { DOCS_POLICY } else { APP_POLICY };
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(
        REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    if authenticated && !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        headers.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    Ok(response)
}
