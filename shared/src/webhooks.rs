//! Webhooks (issue 17): the endpoints a shop (or the association) registers, the events
//! they receive, their secret, and each endpoint's delivery log.
//!
//! Each delivery is a `POST` of `{type, timestamp, data}` with the headers of Standard
//! Webhooks: `webhook-id` (the same on every retry, to drop duplicates), `webhook-timestamp`
//! (Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`
//! keyed with the base64-decoded part of the secret after `whsec_`.

use serde::{Deserialize, Serialize};

/// Longest accepted endpoint address.
pub const MAX_URL: usize = 2000;
/// Longest accepted description.
pub const MAX_DESCRIPTION: usize = 200;

/// What an endpoint can be told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum WebhookEvent {
    /// An order was placed (website or phone).
    #[serde(rename = "order.placed")]
    OrderPlaced,
    /// An order was confirmed, ready, completed, or cancelled (with its reason).
    #[serde(rename = "order.status_changed")]
    OrderStatusChanged,
    /// The payment of an order was recorded.
    #[serde(rename = "order.paid")]
    OrderPaid,
    /// An order's lines were changed after the call (swapped, requantified, removed, added
    /// or weighed); its new lines and total.
    #[serde(rename = "order.updated")]
    OrderUpdated,
    /// A product was created.
    #[serde(rename = "product.created")]
    ProductCreated,
    /// A product's price, stock or status changed.
    #[serde(rename = "product.updated")]
    ProductUpdated,
    /// A product was archived (withdrawn for good).
    #[serde(rename = "product.deleted")]
    ProductDeleted,
    /// A shop applied to join (the association's endpoints only).
    #[serde(rename = "shop.applied")]
    ShopApplied,
    /// A shop was approved (the association's endpoints only).
    #[serde(rename = "shop.approved")]
    ShopApproved,
}

impl WebhookEvent {
    /// Every event, in the order forms list them.
    pub const ALL: [WebhookEvent; 9] = [
        WebhookEvent::OrderPlaced,
        WebhookEvent::OrderStatusChanged,
        WebhookEvent::OrderPaid,
        WebhookEvent::OrderUpdated,
        WebhookEvent::ProductCreated,
        WebhookEvent::ProductUpdated,
        WebhookEvent::ProductDeleted,
        WebhookEvent::ShopApplied,
        WebhookEvent::ShopApproved,
    ];

    /// Its name on the wire, e.g. `order.placed`.
    pub fn as_str(self) -> &'static str {
        match self {
            WebhookEvent::OrderPlaced => "order.placed",
            WebhookEvent::OrderStatusChanged => "order.status_changed",
            WebhookEvent::OrderPaid => "order.paid",
            WebhookEvent::OrderUpdated => "order.updated",
            WebhookEvent::ProductCreated => "product.created",
            WebhookEvent::ProductUpdated => "product.updated",
            WebhookEvent::ProductDeleted => "product.deleted",
            WebhookEvent::ShopApplied => "shop.applied",
            WebhookEvent::ShopApproved => "shop.approved",
        }
    }

    /// The event named `name`, if any.
    pub fn parse(name: &str) -> Option<WebhookEvent> {
        WebhookEvent::ALL
            .into_iter()
            .find(|event| event.as_str() == name)
    }

    /// Whether only the association's (marketplace-wide) endpoints may receive it.
    pub fn marketplace_only(self) -> bool {
        matches!(self, WebhookEvent::ShopApplied | WebhookEvent::ShopApproved)
    }
}

/// A registered endpoint, as listed: never its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 3, "url": "https://caisse.example.fr/vitrine", "events": ["order.placed"],
    "description": "La caisse", "enabled": true, "disabled_at": null, "disabled_reason": null,
    "failing_since": null, "previous_secret_until": null,
    "created_at": "2026-12-04T10:00:00+00:00"
})))]
pub struct WebhookEndpoint {
    /// Its id.
    pub id: i64,
    /// Where the events are posted.
    pub url: String,
    /// The events it receives.
    pub events: Vec<WebhookEvent>,
    /// A note for people.
    pub description: String,
    /// Whether deliveries go out.
    pub enabled: bool,
    /// When deliveries stopped (ISO 8601, UTC).
    pub disabled_at: Option<String>,
    /// Why: by its owner, a `410 Gone` answer, or five days of failures.
    pub disabled_reason: Option<String>,
    /// Failing since then, with no success since (ISO 8601, UTC).
    pub failing_since: Option<String>,
    /// After a rotation, the old secret still signs until then (ISO 8601, UTC).
    pub previous_secret_until: Option<String>,
    /// When it was registered (ISO 8601, UTC).
    pub created_at: String,
}

/// The answer to a creation or a rotation: the endpoint and its secret, shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "endpoint": {"created_at": "2026-12-04T10:00:00+00:00", "description": "La caisse", "disabled_at": null, "disabled_reason": null, "enabled": true, "events": ["order.placed"], "failing_since": null, "id": 3, "previous_secret_until": null, "url": "https://caisse.example.fr/vitrine"},
    "secret": "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD4jEPvHcyzTg="
})))]
pub struct WebhookWithSecret {
    /// The endpoint.
    pub endpoint: WebhookEndpoint,
    /// `whsec_` and the base64 of 32 random bytes: verify the signatures with it. Never
    /// shown again.
    pub secret: String,
}

/// Registers an endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "url": "https://caisse.example.fr/vitrine", "events": ["order.placed", "order.paid"],
    "description": "La caisse"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    /// `https://...` (plain `http` only to this machine, when the server allows it).
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub url: String,
    /// The events to receive, at least one.
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub events: Vec<WebhookEvent>,
    /// A note for people.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub description: String,
}

/// Changes an endpoint: only the fields given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "events": ["order.placed", "order.status_changed", "order.paid"],
    "description": "La caisse du magasin",
    "enabled": true
})))]
pub struct UpdateWebhook {
    /// A new address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub url: Option<String>,
    /// The events to receive, at least one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub events: Option<Vec<WebhookEvent>>,
    /// A new note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub description: Option<String>,
    /// `false` stops deliveries; `true` starts them again (and forgets past failures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

/// Where a delivery is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// To send, or to retry.
    Pending,
    /// A 2xx came back.
    Sent,
    /// Given up: out of attempts, or the endpoint was disabled.
    Failed,
}

/// One attempt at delivering one event, as the endpoint's log shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 17,
    "message_id": "msg_2f6d0c1e9b8a4f7d8e3c5b1a0f9e7d6c",
    "event_type": "order.placed",
    "attempt": 1,
    "attempted_at": "2026-12-04T09:15:02+00:00",
    "duration_ms": 143,
    "status": 200,
    "response_excerpt": "{\"ok\":true}",
    "delivery_state": "sent"
})))]
pub struct WebhookAttempt {
    /// The attempt's id.
    pub id: i64,
    /// The event's `webhook-id` (replay it with this).
    pub message_id: String,
    /// The event's type (or `webhook.test`).
    pub event_type: String,
    /// 1 for the first attempt, 2 for the first retry, ...
    pub attempt: i32,
    /// When (ISO 8601, UTC).
    pub attempted_at: String,
    /// The HTTP status answered, if any.
    pub status: Option<i32>,
    /// How long it took, in milliseconds.
    pub duration_ms: i64,
    /// The start of the answer, or why there was none.
    pub response_excerpt: String,
    /// Where the event's delivery is now.
    pub delivery_state: DeliveryState,
}

/// Sends again one event (`message_id`) or every event since a date (`since`): exactly one
/// of the two.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "since": "2026-12-01"
})))]
pub struct ReplayWebhooks {
    /// One event's `webhook-id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub message_id: Option<String>,
    /// Every event of this endpoint created since then (ISO 8601 date `YYYY-MM-DD` or
    /// date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub since: Option<String>,
}

/// How many events go out again (or, for a test, which one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "queued": 1,
    "message_id": "msg_2f6d0c1e9b8a4f7d8e3c5b1a0f9e7d6c"
})))]
pub struct WebhookQueued {
    /// How many deliveries were queued.
    pub queued: i64,
    /// The `webhook-id` of the event, when one was queued.
    pub message_id: Option<String>,
}
