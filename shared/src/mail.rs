//! The association's mailbox: every e-mail the server sent, is sending, or holds because no
//! mail server is configured, as the admins read it (`GET /admin/mail`).

use serde::{Deserialize, Serialize};

/// Where an e-mail is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MailState {
    /// Waiting for the worker (first attempt, or a retry after a temporary failure).
    Pending,
    /// Kept, not sent: the server runs without a mail server (`--smtp-url`).
    Held,
    /// Accepted by the mail server.
    Sent,
    /// Given up: the recipient was refused for good, or every attempt failed.
    Failed,
}

impl MailState {
    /// The name stored and sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            MailState::Pending => "pending",
            MailState::Held => "held",
            MailState::Sent => "sent",
            MailState::Failed => "failed",
        }
    }

    /// The state named `name`, if any.
    pub fn parse(name: &str) -> Option<MailState> {
        [
            MailState::Pending,
            MailState::Held,
            MailState::Sent,
            MailState::Failed,
        ]
        .into_iter()
        .find(|state| state.as_str() == name)
    }
}

/// Which messages `GET /admin/mail` lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct MailQuery {
    /// Only messages in this state.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(inline))]
    pub state: Option<MailState>,
    /// Page number, from 1.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 24).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u32>,
}

/// One e-mail in the mailbox list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 42,
    "state": "sent",
    "recipient": "marie@epicerie-du-duche.fr",
    "subject": "Nouvelle commande UZ-2026-00042 : Jeanne Martin",
    "topic": "order_placed_shop",
    "created_at": "2026-12-04T09:12:03Z",
    "sent_at": "2026-12-04T09:12:04Z",
    "attempts": 1,
    "next_attempt_at": null,
    "last_error": null
})))]
pub struct MailSummary {
    /// The message's id.
    pub id: i64,
    /// Where it is in its life.
    pub state: MailState,
    /// The one address it goes to.
    pub recipient: String,
    /// Its subject.
    pub subject: String,
    /// What caused it: `order_placed_shop`, `order_placed_customer`, `order_confirmed`,
    /// `order_ready`, `order_cancelled`, `shop_applied`, `password_reset`, `verify_email`.
    pub topic: String,
    /// When the change that caused it was made, ISO 8601 UTC.
    pub created_at: String,
    /// When the mail server accepted it.
    pub sent_at: Option<String>,
    /// Attempts made so far.
    pub attempts: i32,
    /// When the next attempt is due, while it is pending.
    pub next_attempt_at: Option<String>,
    /// What went wrong at the last attempt, as the mail server said it.
    pub last_error: Option<String>,
}

/// A header of an e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MailHeader {
    /// `From`, `To`, `Reply-To`, `Subject`, `Message-ID`, ...
    pub name: String,
    /// Its value, decoded.
    pub value: String,
}

/// A whole e-mail, as it is (or would be) sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "summary": {
        "id": 42, "state": "held", "recipient": "jeanne.martin@example.fr",
        "subject": "Commande reçue : UZ-2026-00042 chez Épicerie du Duché",
        "topic": "order_placed_customer", "created_at": "2026-12-04T09:12:03Z",
        "sent_at": null, "attempts": 0, "next_attempt_at": null, "last_error": null
    },
    "headers": [
        {"name": "From", "value": "Vitrine Uzès <vitrine@localhost>"},
        {"name": "To", "value": "jeanne.martin@example.fr"},
        {"name": "Reply-To", "value": "contact@epicerie-du-duche.fr"},
        {"name": "Subject", "value": "Commande reçue : UZ-2026-00042 chez Épicerie du Duché"},
        {"name": "Message-ID", "value": "<0f1e2d3c4b5a69788796a5b4c3d2e1f0@vitrine>"}
    ],
    "text": "Bonjour Jeanne Martin,\n\nÉpicerie du Duché a bien reçu votre commande UZ-2026-00042...",
    "html": "<!doctype html><html lang=\"fr\">...</html>"
})))]
pub struct MailMessage {
    /// What the list shows.
    pub summary: MailSummary,
    /// The headers, in order.
    pub headers: Vec<MailHeader>,
    /// The plain-text part.
    pub text: String,
    /// The HTML part.
    pub html: String,
}
