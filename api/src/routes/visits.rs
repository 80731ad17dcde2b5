//! Visits (issue 13): the web app reports each public page it shows, and the server counts
//! it in memory (see `crate::visits`) without keeping the visitor's address or browser.
//! Public, no account, no cookie; the body may come as JSON or as text (what
//! `navigator.sendBeacon` sends).

use actix_web::http::header::CONTENT_TYPE;
use actix_web::{HttpRequest, HttpResponse, post, web};
use shared::error::Problem;
use shared::stats::Visit;

use crate::client::client_ip;
use crate::error::ApiError;
use crate::startup::AppState;

/// Largest visit body, in bytes (a real one is about 40).
pub const VISIT_LIMIT: usize = 1024;

/// The visit a body describes: JSON, sent as `application/json` or `text/plain`.
fn parse_visit(req: &HttpRequest, body: &[u8]) -> Result<Visit, ApiError> {
    let media = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if media != "application/json" && media != "text/plain" {
        return Err(ApiError::UnsupportedMediaType(
            "send the visit as JSON, with Content-Type application/json or text/plain".into(),
        ));
    }
    if body.len() > VISIT_LIMIT {
        return Err(ApiError::PayloadTooLarge(format!(
            "a visit is at most {VISIT_LIMIT} bytes"
        )));
    }
    let mut json = serde_json::Deserializer::from_slice(body);
    let visit = serde_path_to_error::deserialize(&mut json).map_err(|err| {
        let field = err.path().to_string();
        let inner = err.into_inner();
        if inner.classify() == serde_json::error::Category::Data {
            let field = if field == "." { "body".into() } else { field };
            ApiError::invalid(field, inner.to_string())
        } else {
            ApiError::MalformedBody(format!("the visit is not valid JSON: {inner}"))
        }
    })?;
    json.end()
        .map_err(|err| ApiError::MalformedBody(format!("the visit is not valid JSON: {err}")))?;
    Ok(visit)
}

/// Count a page view.
///
/// The web app sends one for each public page it shows (`navigator.sendBeacon`), and never
/// waits for the answer. No cookie, no identifier: the server recognises a visitor within
/// one day by a keyed hash of their IP address and browser under a salt that lives only in
/// its memory and changes every day, and writes only each day's totals per page type.
/// Robots and browsers sending `DNT: 1` or `Sec-GPC: 1` are not counted, nor is anything
/// when the server runs with `--no-visit-count`; all of them get the same 204.
#[utoipa::path(
    tag = "visits",
    request_body(content(
        (Visit = "application/json", example = json!({"page": "shop", "src": "flyer"})),
        (Visit = "text/plain", example = json!({"page": "catalogue", "src": null})),
    )),
    responses(
        (status = 204, description = "Counted (or deliberately not: a robot, `DNT: 1`, `Sec-GPC: 1`, counting off)"),
        (status = 400, description = "`malformed_body`: not JSON; `validation_failed`: an unknown `page` or `src`, or another field", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "A body over 1 KB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "A body that is neither `application/json` nor `text/plain`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/visits")]
pub async fn record_visit(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let visit = parse_visit(&req, &body)?;
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
    let agent = header("user-agent");
    if let Some(ip) = client_ip(&req)
        && crate::visits::counts(agent, header("dnt"), header("sec-gpc"))
    {
        let counter = &state.visits;
        counter.record(counter.now(), ip, agent.unwrap_or_default(), visit);
    }
    Ok(HttpResponse::NoContent().finish())
}
