//! What an API key may do and how often (issue 17).
//!
//! **Scopes.** Each operation a key may call names the scope it needs in its OpenAPI
//! security requirement (`security(("bearer" = []), ("api_key" = ["orders:read"]))`), and
//! [`required_scope`] reads the requirement from the same document the server publishes, so
//! what the reference says is what the server enforces. A key made with scopes that calls an
//! operation outside them, or one that names no `api_key` requirement (the association's
//! pages, key management), gets 403 `scope_missing`. Keys made before scopes existed have
//! every scope and keep working where they did.
//!
//! **Rate limit.** Each call a key makes as its shop is counted per key in a minute-long
//! window in the database (the conditional upsert of `login_throttle`, one statement), so
//! the limit holds across every instance on one PostgreSQL. Beyond `--api-key-requests-per-minute` the call answers 429
//! with `Retry-After`; every keyed answer carries `RateLimit-Limit`, `RateLimit-Remaining`
//! and `RateLimit-Reset` (seconds until the minute ends), set by [`rate_limit_headers`].
//! The public catalogue a shopper browses is not counted: it needs no key.

use std::collections::HashMap;
use std::sync::LazyLock;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpRequest};
use chrono::{Duration, NaiveDateTime};
use shared::shop_admin::ApiKeyScope;

use crate::db::DbConn;
use crate::db::models::api_key::ApiKeyRow;
use crate::error::ApiError;
use crate::login_throttle;

/// The security scheme that names a key's scopes in the OpenAPI document.
pub const API_KEY_SCHEME: &str = "api_key";

/// What an operation asks of an API key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAccess {
    /// A key with this scope may call it.
    Scope(ApiKeyScope),
    /// The operation is not open to keys made with scopes.
    Closed,
}

/// Each operation's requirement, by method and path pattern as the document writes them
/// (`GET /api/v1/shops/{slug}/orders`).
static REQUIREMENTS: LazyLock<HashMap<(String, String), KeyAccess>> =
    LazyLock::new(|| requirements(&crate::routes::openapi()));

/// Reads each operation's `api_key` requirement out of the OpenAPI document.
pub fn requirements(doc: &utoipa::openapi::OpenApi) -> HashMap<(String, String), KeyAccess> {
    let doc = serde_json::to_value(doc).unwrap_or_default();
    let mut found = HashMap::new();
    let Some(paths) = doc.get("paths").and_then(|paths| paths.as_object()) else {
        return found;
    };
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (method, operation) in item {
            let scope = operation
                .get("security")
                .and_then(|security| security.as_array())
                .into_iter()
                .flatten()
                .filter_map(|requirement| requirement.get(API_KEY_SCHEME))
                .filter_map(|scopes| scopes.as_array()?.first()?.as_str())
                .find_map(ApiKeyScope::parse);
            let access = scope.map_or(KeyAccess::Closed, KeyAccess::Scope);
            found.insert((method.to_ascii_uppercase(), path.clone()), access);
        }
    }
    found
}

/// What the request's operation asks of a key. A route the document does not list (none
/// that takes a key) is closed to keys with scopes.
pub fn required_scope(req: &HttpRequest) -> KeyAccess {
    let Some(pattern) = req.match_pattern() else {
        return KeyAccess::Closed;
    };
    let key = (req.method().as_str().to_owned(), pattern);
    REQUIREMENTS.get(&key).copied().unwrap_or(KeyAccess::Closed)
}

/// Refuses the call when the key lacks what the operation asks.
pub fn check_scope(key: &ApiKeyRow, access: KeyAccess) -> Result<(), ApiError> {
    if key.scopes.is_none() {
        // Made before scopes: every scope, and the routes it reached before.
        return Ok(());
    }
    match access {
        KeyAccess::Scope(scope) if key.scopes().contains(&scope) => Ok(()),
        KeyAccess::Scope(scope) => Err(ApiError::ScopeMissing(format!(
            "this API key lacks the scope '{}' this operation needs",
            scope.as_str()
        ))),
        KeyAccess::Closed => Err(ApiError::ScopeMissing(
            "this operation is not open to API keys".to_owned(),
        )),
    }
}

/// Where a key stands in the current minute, for the `RateLimit-*` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowance {
    pub limit: u32,
    pub remaining: u32,
    /// Seconds until the minute ends and the count starts again.
    pub reset: u32,
}

/// Counts the call in the key's minute (a window that starts at its first call): where the
/// key stands now, and whether it is beyond `limit` (then the call answers 429, see
/// [`Allowance::refusal`]; a refused call is not counted). Call inside a write transaction.
pub fn count_call(
    conn: &mut DbConn,
    key_id: i64,
    limit: u32,
    now: NaiveDateTime,
) -> Result<(Allowance, bool), ApiError> {
    let key = format!("api_key:{key_id}");
    let (counted, resets_at) =
        login_throttle::count_in_window(conn, &key, limit, Duration::minutes(1), now)?;
    let made = counted.map_or(limit, |made| u32::try_from(made).unwrap_or(limit));
    let allowance = Allowance {
        limit,
        remaining: limit.saturating_sub(made),
        reset: u32::try_from((resets_at - now).num_seconds().clamp(1, 60)).unwrap_or(60),
    };
    Ok((allowance, counted.is_none()))
}

impl Allowance {
    /// The 429 of a key beyond its limit.
    pub fn refusal(self) -> ApiError {
        ApiError::RetryLater {
            busy: false,
            retry_after: u64::from(self.reset),
            detail: format!(
                "this API key made more than {} requests this minute: try again in {} s",
                self.limit, self.reset
            ),
        }
    }
}

/// Adds the `RateLimit-*` headers to the answer of a call an API key made (the key's
/// [`Allowance`], left in the request's extensions by the extractor that counted it).
pub async fn rate_limit_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let mut response = next.call(req).await?.map_into_boxed_body();
    let allowance = response.request().extensions().get::<Allowance>().copied();
    if let Some(allowance) = allowance {
        let headers = response.headers_mut();
        for (name, value) in [
            ("ratelimit-limit", allowance.limit),
            ("ratelimit-remaining", allowance.remaining),
            ("ratelimit-reset", allowance.reset),
        ] {
            headers.insert(HeaderName::from_static(name), HeaderValue::from(value));
        }
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_a_key_reaches_names_its_scope_in_the_document() {
        let found = requirements(&crate::routes::openapi());
        let scope = |method: &str, path: &str| found.get(&(method.to_owned(), path.to_owned()));
        assert_eq!(
            scope("GET", "/api/v1/shops/{slug}/orders"),
            Some(&KeyAccess::Scope(ApiKeyScope::OrdersRead))
        );
        assert_eq!(
            scope("PATCH", "/api/v1/products/{id}"),
            Some(&KeyAccess::Scope(ApiKeyScope::ProductsWrite))
        );
        assert_eq!(
            scope("POST", "/api/v1/shops/{slug}/api-keys"),
            Some(&KeyAccess::Closed)
        );
        assert_eq!(
            scope("GET", "/api/v1/admin/users"),
            Some(&KeyAccess::Closed)
        );
    }
}
