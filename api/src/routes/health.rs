//! Liveness: `/healthz` answers 200 only when the database does; `ping` is a fixed answer
//! that benchmarks use as the ceiling of the server itself.

use actix_web::{HttpResponse, get, web};
use diesel::connection::SimpleConnection;
use serde_json::json;

use crate::db;
use crate::error::ApiError;
use crate::startup::AppState;

/// 200 when the database answers, 503 problem+json otherwise.
pub async fn healthz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    db::run(&state.pool, |conn| {
        conn.batch_execute("SELECT 1")
            .map_err(|e| ApiError::Unavailable(e.into()))
    })
    .await?;
    Ok(HttpResponse::Ok().json(json!({"status": "ok"})))
}

/// A fixed answer.
///
/// A fixed JSON answer that touches nothing: the ceiling benchmarks compare against.
/// Public; changes nothing.
#[utoipa::path(
    tag = "health",
    responses((status = 200, description = "Always the same body",
        body = Object, example = json!({"pong": true})))
)]
#[get("/ping")]
pub async fn ping() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(r#"{"pong":true}"#)
}
