//! Webhooks (issue 17): a shop's merchants (and admins) register endpoints for the shop's
//! events under `/shops/{slug}/webhooks`; the association's admins register marketplace-wide
//! ones (which also hear of shops applying and being approved) under `/admin/webhooks`.
//! Both sets of routes share the handlers' bodies below, which differ only by [`Scope`].
//! A shop's API key with the `webhooks:manage` scope manages its shop's endpoints like its
//! merchants; the association's endpoints are for its admins signed in.

use actix_web::web::{self, Json, Path};
use actix_web::{HttpResponse, delete, get, patch, post};
use chrono::{NaiveDate, NaiveDateTime};
use shared::Page;
use shared::catalogue::PageQuery;
use shared::error::Problem;
use shared::webhooks::{
    CreateWebhook, MAX_DESCRIPTION, MAX_URL, ReplayWebhooks, UpdateWebhook, WebhookAttempt,
    WebhookEndpoint, WebhookEvent, WebhookQueued, WebhookWithSecret,
};

use crate::access::Caller;
use crate::db::models::webhook::{self, EndpointChanges, EndpointRow, NewEndpoint};
use crate::db::models::{now, shop};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::paging::Paging;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::startup::AppState;
use crate::webhooks::address::{self, Policy};
use crate::webhooks::{events, signing};

/// Whose endpoints a route serves.
#[derive(Debug, Clone)]
enum Scope {
    Shop(String),
    Marketplace,
}

/// The owner's id (`None`: the association) if the caller may manage its endpoints; 404
/// otherwise, like an owner that does not exist.
fn owner(
    conn: &mut DbConn,
    caller: &Caller,
    scope: &Scope,
    writing: bool,
) -> Result<Option<i64>, ApiError> {
    match scope {
        Scope::Shop(slug) => {
            let row = caller.shop(conn, slug)?;
            if writing {
                caller.require_approved(&row)?;
            }
            Ok(Some(row.id))
        }
        Scope::Marketplace if caller.is_admin() => Ok(None),
        Scope::Marketplace => Err(ApiError::NotFound("not found".into())),
    }
}

fn endpoint_of(conn: &mut DbConn, owner: Option<i64>, id: i64) -> Result<EndpointRow, ApiError> {
    webhook::find_owned(conn, owner, id)?
        .ok_or_else(|| ApiError::NotFound(format!("no webhook endpoint with id {id}")))
}

fn note(
    conn: &mut DbConn,
    owner: Option<i64>,
    caller: &Caller,
    what: &str,
) -> Result<(), ApiError> {
    if let Some(shop_id) = owner {
        shop::record_event(conn, shop_id, &caller.actor(), (None, None), what, now())?;
    }
    Ok(())
}

// ---- Parsing -------------------------------------------------------------------------

/// Checks an address: its shape (400 when too long; 422 when it is not an `https` address
/// the server may reach), then every address its host resolves to now (422 when one is
/// private or local). A name that does not resolve yet is accepted: deliveries check again.
async fn parse_url(raw: &str, policy: Policy) -> Result<String, ApiError> {
    if raw.chars().count() > MAX_URL {
        return Err(ApiError::invalid(
            "url",
            format!("must be at most {MAX_URL} characters"),
        ));
    }
    let target = address::parse_target(raw, policy).map_err(|why| ApiError::refused("url", why))?;
    match address::resolve_checked(&target, policy, address::system_resolve).await {
        Err(why) if !why.contains("does not resolve") => Err(ApiError::refused("url", why)),
        _ => Ok(target.url.to_string()),
    }
}

fn parse_events(
    events: &[WebhookEvent],
    owner: Option<i64>,
) -> Result<Vec<WebhookEvent>, ApiError> {
    if events.is_empty() {
        return Err(ApiError::invalid("events", "must name at least one event"));
    }
    if owner.is_some()
        && let Some(event) = events.iter().find(|e| e.marketplace_only())
    {
        return Err(ApiError::refused(
            "events",
            format!("{} is for the association's endpoints only", event.as_str()),
        ));
    }
    Ok(events.to_vec())
}

fn parse_description(description: &str) -> Result<String, ApiError> {
    if description.chars().count() > MAX_DESCRIPTION {
        return Err(ApiError::invalid(
            "description",
            format!("must be at most {MAX_DESCRIPTION} characters"),
        ));
    }
    Ok(description.trim().to_owned())
}

/// `YYYY-MM-DD` (midnight UTC) or an ISO 8601 date-time.
fn parse_since(since: &str) -> Result<NaiveDateTime, ApiError> {
    let since = since.trim();
    if let Ok(day) = NaiveDate::parse_from_str(since, "%Y-%m-%d") {
        return Ok(day.and_hms_opt(0, 0, 0).unwrap_or_default());
    }
    chrono::DateTime::parse_from_rfc3339(since)
        .map(|at| at.naive_utc())
        .map_err(|_| {
            ApiError::refused(
                "since",
                "must be a date (YYYY-MM-DD) or an ISO 8601 date-time",
            )
        })
}

// ---- The handlers' bodies -------------------------------------------------------------

async fn list(
    state: &AppState,
    caller: Caller,
    scope: Scope,
    query: PageQuery,
) -> Result<Page<WebhookEndpoint>, ApiError> {
    let paging = Paging::from_query(&query)?;
    db::run(&state.pool, move |conn| {
        let owner = owner(conn, &caller, &scope, false)?;
        let rows = webhook::list(conn, owner)?;
        Ok(paging.page_of(rows.into_iter().map(WebhookEndpoint::from).collect()))
    })
    .await
}

async fn create(
    state: &AppState,
    caller: Caller,
    scope: Scope,
    body: CreateWebhook,
) -> Result<WebhookWithSecret, ApiError> {
    let url = parse_url(&body.url, state.webhook_policy).await?;
    let description = parse_description(&body.description)?;
    let secret = signing::new_secret()?;
    let answer_secret = secret.clone();
    let endpoint = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let owner = owner(conn, &caller, &scope, true)?;
            let events = parse_events(&body.events, owner)?;
            let id = webhook::insert(
                conn,
                &NewEndpoint {
                    shop_id: owner,
                    url: &url,
                    events: &events,
                    description: &description,
                    secret: &secret,
                },
                now(),
            )?;
            note(
                conn,
                owner,
                &caller,
                &format!("webhook endpoint {id} registered: {url}"),
            )?;
            endpoint_of(conn, owner, id)
        })
    })
    .await?;
    Ok(WebhookWithSecret {
        endpoint: endpoint.into(),
        secret: answer_secret,
    })
}

async fn get(
    state: &AppState,
    caller: Caller,
    scope: Scope,
    id: i64,
) -> Result<WebhookEndpoint, ApiError> {
    db::run(&state.pool, move |conn| {
        let owner = owner(conn, &caller, &scope, false)?;
        Ok(endpoint_of(conn, owner, id)?.into())
    })
    .await
}

async fn update(
    state: &AppState,
    caller: Caller,
    scope: Scope,
    id: i64,
    body: UpdateWebhook,
) -> Result<WebhookEndpoint, ApiError> {
    let url = match &body.url {
        Some(url) => Some(parse_url(url, state.webhook_policy).await?),
        None => None,
    };
    let description = body
        .description
        .as_deref()
        .map(parse_description)
        .transpose()?;
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let owner = owner(conn, &caller, &scope, true)?;
            let current = endpoint_of(conn, owner, id)?;
            let events = body
                .events
                .as_deref()
                .map(|events| parse_events(events, owner))
                .transpose()?;
            let (disabled_at, disabled_reason, failing_since) = match body.enabled {
                Some(true) if current.disabled_at.is_some() => (Some(None), Some(None), Some(None)),
                Some(false) if current.disabled_at.is_none() => (
                    Some(Some(now())),
                    Some(Some("disabled by its owner".to_owned())),
                    None,
                ),
                _ => (None, None, None),
            };
            webhook::update(
                conn,
                id,
                &EndpointChanges {
                    url: url.clone(),
                    events: events.as_deref().map(webhook::events_text),
                    description: description.clone(),
                    disabled_at,
                    disabled_reason,
                    failing_since,
                },
            )?;
            note(
                conn,
                owner,
                &caller,
                &format!("webhook endpoint {id} changed"),
            )?;
            Ok(endpoint_of(conn, owner, id)?.into())
        })
    })
    .await
}

async fn remove(state: &AppState, caller: Caller, scope: Scope, id: i64) -> Result<(), ApiError> {
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let owner = owner(conn, &caller, &scope, false)?;
            endpoint_of(conn, owner, id)?;
            webhook::delete(conn, id)?;
            note(
                conn,
                owner,
                &caller,
                &format!("webhook endpoint {id} deleted"),
            )
        })
    })
    .await
}

async fn rotate(
    state: &AppState,
    caller: Caller,
    scope: Scope,
    id: i64,
) -> Result<WebhookWithSecret, ApiError> {
    let secret = signing::new_secret()?;
    let answer_secret = secret.clone();
    let endpoint = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let owner = owner(conn, &caller, &scope, true)?;
            endpoint_of(conn, owner, id)?;
            webhook::rotate(conn, id, &secret, now())?;
            note(
                conn,
                owner,
                &caller,
                &format!("webhook endpoint {id}: secret rotated"),
            )?;
            endpoint_of(conn, owner, id)
        })
    })
    .await?;
    Ok(WebhookWithSecret {
        endpoint: endpoint.into(),
        secret: answer_secret,
    })
}

async fn attempts(
    state: &AppState,
    caller: Caller,
    scope: Scope,
    id: i64,
    query: PageQuery,
) -> Result<Page<WebhookAttempt>, ApiError> {
    let paging = Paging::from_query(&query)?;
    db::run(&state.pool, move |conn| {
        let owner = owner(conn, &caller, &scope, false)?;
        endpoint_of(conn, owner, id)?;
        let (items, total) = webhook::attempts(conn, id, paging)?;
        Ok(paging.page(items, u64::try_from(total).unwrap_or(0)))
    })
    .await
}

async fn test(
    state: &AppState,
    caller: Caller,
    scope: Scope,
    id: i64,
) -> Result<WebhookQueued, ApiError> {
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let owner = owner(conn, &caller, &scope, true)?;
            let endpoint = endpoint_of(conn, owner, id)?;
            if endpoint.disabled_at.is_some() {
                return Err(ApiError::Conflict(
                    "the endpoint is disabled: enable it first".into(),
                ));
            }
            let slug = match owner {
                Some(shop_id) => Some(shop::find(conn, shop_id)?.slug),
                None => None,
            };
            let at = now();
            let body = events::body(
                events::TEST_EVENT,
                at,
                serde_json::json!({ "endpoint_id": id, "shop": slug }),
            );
            let message_id = events::queue(conn, id, events::TEST_EVENT, &body, at)?;
            Ok(WebhookQueued {
                queued: 1,
                message_id: Some(message_id),
            })
        })
    })
    .await
}

async fn replay(
    state: &AppState,
    caller: Caller,
    scope: Scope,
    id: i64,
    body: ReplayWebhooks,
) -> Result<WebhookQueued, ApiError> {
    let which = match (&body.message_id, &body.since) {
        (Some(message_id), None) => Ok(message_id.trim().to_owned()),
        (None, Some(since)) => Err(parse_since(since)?),
        _ => {
            return Err(ApiError::refused(
                "message_id",
                "give either message_id (one event) or since (every event since then)",
            ));
        }
    };
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let owner = owner(conn, &caller, &scope, true)?;
            let endpoint = endpoint_of(conn, owner, id)?;
            if endpoint.disabled_at.is_some() {
                return Err(ApiError::Conflict(
                    "the endpoint is disabled: enable it first".into(),
                ));
            }
            let queued = match &which {
                Ok(message_id) => {
                    let queued = webhook::replay_one(conn, id, message_id, now())?;
                    if queued == 0 {
                        return Err(ApiError::NotFound(format!(
                            "no delivered or failed event {message_id} for this endpoint"
                        )));
                    }
                    queued
                }
                Err(since) => webhook::replay_since(conn, id, *since, now())?,
            };
            Ok(WebhookQueued {
                queued: i64::try_from(queued).unwrap_or(i64::MAX),
                message_id: which.as_ref().ok().cloned(),
            })
        })
    })
    .await
}

// ---- A shop's endpoints ---------------------------------------------------------------

/// Lists a shop's webhook endpoints.
///
/// Oldest first; never their secrets. The shop's merchants, the association's admins, and
/// the shop's API keys with `webhooks:manage`; an endpoint of a shop the caller does not
/// run answers 404. Changes nothing.
#[utoipa::path(
    tag = "webhooks",
    params(("slug" = String, Path, description = "The shop's slug"), PageQuery),
    security(("bearer" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 200, description = "One page of endpoints", body = Page<WebhookEndpoint>),
        (status = 400, description = "Bad paging", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug ", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/webhooks")]
pub async fn list_webhooks(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Json<Page<WebhookEndpoint>>, ApiError> {
    Ok(Json(
        list(&state, caller, Scope::Shop(slug.into_inner()), query).await?,
    ))
}

/// Registers a webhook endpoint for a shop.
///
/// The endpoint hears the shop's order and product events. The secret that signs them is in
/// the answer, this once. The shop's merchants, the association's admins, and the shop's
/// API keys with `webhooks:manage`; a shop the caller does not run answers 404, and it must
/// be approved.
///
/// `https` only (plain `http` to this machine when the server runs with
/// `--allow-insecure-webhooks`); an address that is, or resolves to, a private or local
/// network is refused (422).
#[utoipa::path(
    tag = "webhooks",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = CreateWebhook,
    security(("bearer" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 201, description = "The endpoint and its secret", body = WebhookWithSecret),
        (status = 400, description = "No event, a field too long, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An address the server may not post to, or an event for the association only", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/shops/{slug}/webhooks")]
pub async fn create_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<CreateWebhook>,
) -> Result<HttpResponse, ApiError> {
    let created = create(
        &state,
        caller,
        Scope::Shop(slug.into_inner()),
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Created().json(created))
}

/// One of a shop's webhook endpoints.
///
/// Its address, events, state and failures; never its secret. The shop's merchants, the
/// association's admins, and the shop's API keys with `webhooks:manage`; an endpoint of a
/// shop the caller does not run answers 404. Changes nothing.
#[utoipa::path(
    tag = "webhooks",
    params(("slug" = String, Path, description = "The shop's slug"), ("id" = i64, Path, description = "The endpoint's id")),
    security(("bearer" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 200, description = "The endpoint", body = WebhookEndpoint),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of a shop the caller runs", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/webhooks/{id}")]
pub async fn get_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
) -> Result<Json<WebhookEndpoint>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(Json(get(&state, caller, Scope::Shop(slug), id).await?))
}

/// Changes a shop's webhook endpoint.
///
/// Its address, events, description, only those given; `enabled` stops or restarts its
/// deliveries (restarting forgets past failures). A new address is checked like a new
/// endpoint's. The shop's merchants, the association's admins, and the shop's API keys with
/// `webhooks:manage`; an endpoint of a shop the caller does not run answers 404. The shop
/// must be approved.
#[utoipa::path(
    tag = "webhooks",
    params(("slug" = String, Path, description = "The shop's slug"), ("id" = i64, Path, description = "The endpoint's id")),
    request_body = UpdateWebhook,
    security(("bearer" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 200, description = "The endpoint", body = WebhookEndpoint),
        (status = 400, description = "No event, a field too long, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of a shop the caller runs", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An address the server may not post to, or an event for the association only", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/shops/{slug}/webhooks/{id}")]
pub async fn update_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
    body: Json<UpdateWebhook>,
) -> Result<Json<WebhookEndpoint>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(Json(
        update(&state, caller, Scope::Shop(slug), id, body.into_inner()).await?,
    ))
}

/// Deletes a shop's webhook endpoint.
///
/// The endpoint and its log are deleted; its pending deliveries are dropped. The shop's
/// merchants, the association's admins, and the shop's API keys with `webhooks:manage`; an
/// endpoint of a shop the caller does not run answers 404.
#[utoipa::path(
    tag = "webhooks",
    params(("slug" = String, Path, description = "The shop's slug"), ("id" = i64, Path, description = "The endpoint's id")),
    security(("bearer" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of a shop the caller runs", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/shops/{slug}/webhooks/{id}")]
pub async fn delete_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    remove(&state, caller, Scope::Shop(slug), id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Gives a shop's endpoint a new secret.
///
/// The new secret is in the answer this once. The old one signs too for 24 hours
/// (`webhook-signature` then carries both, space-separated), time to deploy the new. The
/// shop's merchants, the association's admins, and the shop's API keys with
/// `webhooks:manage`; an endpoint of a shop the caller does not run answers 404. The shop
/// must be approved.
#[utoipa::path(
    tag = "webhooks",
    params(("slug" = String, Path, description = "The shop's slug"), ("id" = i64, Path, description = "The endpoint's id")),
    security(("bearer" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 200, description = "The endpoint and its new secret", body = WebhookWithSecret),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of a shop the caller runs", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/shops/{slug}/webhooks/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
) -> Result<Json<WebhookWithSecret>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(Json(rotate(&state, caller, Scope::Shop(slug), id).await?))
}

/// The delivery log of a shop's endpoint.
///
/// Newest attempt first: the event, the status, the duration, the start of the answer. The
/// shop's merchants, the association's admins, and the shop's API keys with
/// `webhooks:manage`; an endpoint of a shop the caller does not run answers 404. Changes
/// nothing.
#[utoipa::path(
    tag = "webhooks",
    params(("slug" = String, Path, description = "The shop's slug"), ("id" = i64, Path, description = "The endpoint's id"), PageQuery),
    security(("bearer" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 200, description = "One page of attempts", body = Page<WebhookAttempt>),
        (status = 400, description = "Bad paging", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of a shop the caller runs", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/webhooks/{id}/attempts")]
pub async fn list_webhook_attempts(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Json<Page<WebhookAttempt>>, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(Json(
        attempts(&state, caller, Scope::Shop(slug), id, query).await?,
    ))
}

/// Sends a test event to a shop's endpoint.
///
/// A `webhook.test` event, signed like the others, queued at once; the log shows how it
/// went. The shop's merchants, the association's admins, and the shop's API keys with
/// `webhooks:manage`; an endpoint of a shop the caller does not run answers 404. The shop
/// must be approved.
#[utoipa::path(
    tag = "webhooks",
    params(("slug" = String, Path, description = "The shop's slug"), ("id" = i64, Path, description = "The endpoint's id")),
    security(("bearer" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 202, description = "Queued: the log shows how it went", body = WebhookQueued),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of a shop the caller runs", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is disabled", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/shops/{slug}/webhooks/{id}/test")]
pub async fn test_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(HttpResponse::Accepted().json(test(&state, caller, Scope::Shop(slug), id).await?))
}

/// Sends events again to a shop's endpoint.
///
/// One event (`message_id`, under the same `webhook-id`) or every event of the endpoint
/// since a date (`since`), each from a first attempt. The shop's merchants, the
/// association's admins, and the shop's API keys with `webhooks:manage`; an endpoint of a
/// shop the caller does not run answers 404. The shop must be approved.
#[utoipa::path(
    tag = "webhooks",
    params(("slug" = String, Path, description = "The shop's slug"), ("id" = i64, Path, description = "The endpoint's id")),
    request_body = ReplayWebhooks,
    security(("bearer" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 202, description = "Queued", body = WebhookQueued),
        (status = 400, description = "A field too long, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of a shop the caller runs, or no such event", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is disabled", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Neither or both of message_id and since, or a date that is not one", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/shops/{slug}/webhooks/{id}/replay")]
pub async fn replay_webhooks(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
    body: Json<ReplayWebhooks>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    Ok(HttpResponse::Accepted()
        .json(replay(&state, caller, Scope::Shop(slug), id, body.into_inner()).await?))
}

// ---- The association's endpoints (admins; anyone else gets 404) ----------------------

/// Lists the association's webhook endpoints.
///
/// Oldest first; never their secrets. For the association's endpoints, which hear of every
/// shop. Admins only; anyone else gets 404. Changes nothing.
#[utoipa::path(
    tag = "webhooks",
    params(PageQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of endpoints", body = Page<WebhookEndpoint>),
        (status = 400, description = "Bad paging", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/webhooks")]
pub async fn admin_list_webhooks(
    caller: Caller,
    state: web::Data<AppState>,

    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Json<Page<WebhookEndpoint>>, ApiError> {
    Ok(Json(list(&state, caller, Scope::Marketplace, query).await?))
}

/// Registers a webhook endpoint for the association.
///
/// The endpoint hears the whole marketplace's events: every shop's, and shops applying and
/// approved. The secret that signs them is in the answer, this once. Admins only; anyone
/// else gets 404.
///
/// `https` only (plain `http` to this machine when the server runs with
/// `--allow-insecure-webhooks`); an address that is, or resolves to, a private or local
/// network is refused (422).
#[utoipa::path(
    tag = "webhooks",
        request_body = CreateWebhook,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The endpoint and its secret", body = WebhookWithSecret),
        (status = 400, description = "No event, a field too long, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An address the server may not post to", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/webhooks")]
pub async fn admin_create_webhook(
    caller: Caller,
    state: web::Data<AppState>,

    body: Json<CreateWebhook>,
) -> Result<HttpResponse, ApiError> {
    let created = create(&state, caller, Scope::Marketplace, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// One of the association's webhook endpoints.
///
/// Its address, events, state and failures; never its secret. For the association's
/// endpoints, which hear of every shop. Admins only; anyone else gets 404. Changes nothing.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = i64, Path, description = "The endpoint's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The endpoint", body = WebhookEndpoint),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of the association, or not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/webhooks/{id}")]
pub async fn admin_get_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<WebhookEndpoint>, ApiError> {
    let id = id.into_inner();
    Ok(Json(get(&state, caller, Scope::Marketplace, id).await?))
}

/// Changes one of the association's webhook endpoints.
///
/// Its address, events, description, only those given; `enabled` stops or restarts its
/// deliveries (restarting forgets past failures). A new address is checked like a new
/// endpoint's. For the association's endpoints, which hear of every shop. Admins only;
/// anyone else gets 404.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = i64, Path, description = "The endpoint's id")),
    request_body = UpdateWebhook,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The endpoint", body = WebhookEndpoint),
        (status = 400, description = "No event, a field too long, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of the association, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An address the server may not post to", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/admin/webhooks/{id}")]
pub async fn admin_update_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<UpdateWebhook>,
) -> Result<Json<WebhookEndpoint>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        update(&state, caller, Scope::Marketplace, id, body.into_inner()).await?,
    ))
}

/// Deletes one of the association's webhook endpoints.
///
/// The endpoint and its log are deleted; its pending deliveries are dropped. For the
/// association's endpoints, which hear of every shop. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = i64, Path, description = "The endpoint's id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of the association, or not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/admin/webhooks/{id}")]
pub async fn admin_delete_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    remove(&state, caller, Scope::Marketplace, id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Gives one of the association's endpoints a new secret.
///
/// The new secret is in the answer this once. The old one signs too for 24 hours
/// (`webhook-signature` then carries both, space-separated), time to deploy the new. For
/// the association's endpoints, which hear of every shop. Admins only; anyone else gets
/// 404.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = i64, Path, description = "The endpoint's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The endpoint and its new secret", body = WebhookWithSecret),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of the association, or not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/webhooks/{id}/rotate-secret")]
pub async fn admin_rotate_webhook_secret(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<WebhookWithSecret>, ApiError> {
    let id = id.into_inner();
    Ok(Json(rotate(&state, caller, Scope::Marketplace, id).await?))
}

/// The delivery log of one of the association's endpoints.
///
/// Newest attempt first: the event, the status, the duration, the start of the answer. For
/// the association's endpoints, which hear of every shop. Admins only; anyone else gets
/// 404. Changes nothing.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = i64, Path, description = "The endpoint's id"), PageQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of attempts", body = Page<WebhookAttempt>),
        (status = 400, description = "Bad paging", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of the association, or not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/webhooks/{id}/attempts")]
pub async fn admin_list_webhook_attempts(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Json<Page<WebhookAttempt>>, ApiError> {
    let id = id.into_inner();
    Ok(Json(
        attempts(&state, caller, Scope::Marketplace, id, query).await?,
    ))
}

/// Sends a test event to one of the association's endpoints.
///
/// A `webhook.test` event, signed like the others, queued at once; the log shows how it
/// went. For the association's endpoints, which hear of every shop. Admins only; anyone
/// else gets 404.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = i64, Path, description = "The endpoint's id")),
    security(("bearer" = [])),
    responses(
        (status = 202, description = "Queued: the log shows how it went", body = WebhookQueued),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of the association, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is disabled", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/webhooks/{id}/test")]
pub async fn admin_test_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    Ok(HttpResponse::Accepted().json(test(&state, caller, Scope::Marketplace, id).await?))
}

/// Sends events again to one of the association's endpoints.
///
/// One event (`message_id`, under the same `webhook-id`) or every event of the endpoint
/// since a date (`since`), each from a first attempt. For the association's endpoints,
/// which hear of every shop. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = i64, Path, description = "The endpoint's id")),
    request_body = ReplayWebhooks,
    security(("bearer" = [])),
    responses(
        (status = 202, description = "Queued", body = WebhookQueued),
        (status = 400, description = "A field too long, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of the association, or not an admin, or no such event", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is disabled", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Neither or both of message_id and since, or a date that is not one", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/webhooks/{id}/replay")]
pub async fn admin_replay_webhooks(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<ReplayWebhooks>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    Ok(HttpResponse::Accepted()
        .json(replay(&state, caller, Scope::Marketplace, id, body.into_inner()).await?))
}
