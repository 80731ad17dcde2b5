//! Who gets which e-mails (issue 12): a merchant's choices per shop and the shop's daily
//! summary time (`/shops/{slug}/notifications`), a shopper's non-essential messages
//! (`/me/notifications`), the association's sender (`/admin/mail/settings`), and the
//! one-click unsubscribe of the messages that are not strictly transactional.

use serde::{Deserialize, Serialize};

/// The calling merchant's messages for one shop, and the shop's daily-summary time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "new_order": true, "daily_summary": true, "summary_time": "08:00"
})))]
pub struct ShopNotifications {
    /// An e-mail for each new order (and for an order its customer cancels).
    pub new_order: bool,
    /// Each day at `summary_time`, the orders still waiting for confirmation (none: no
    /// e-mail).
    pub daily_summary: bool,
    /// When the shop's daily summary leaves, `HH:MM` Paris time; one per shop, shared by its
    /// merchants.
    pub summary_time: String,
}

/// Changes the calling merchant's messages for one shop; a field left out stays as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"daily_summary": false, "summary_time": "18:30"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateShopNotifications {
    /// An e-mail for each new order.
    #[serde(default)]
    pub new_order: Option<bool>,
    /// The daily summary of orders still to confirm.
    #[serde(default)]
    pub daily_summary: Option<bool>,
    /// The shop's daily-summary time, `HH:MM` (00:00 to 23:59), Paris time.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    )]
    pub summary_time: Option<String>,
}

/// The signed-in account's non-essential messages. The messages about an order (received,
/// confirmed, ready, cancelled) are always sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"delivery_reminder": true, "round_warning": null})))]
pub struct MyNotifications {
    /// The evening before a delivery (18:00), a reminder that it comes tomorrow.
    pub delivery_reminder: bool,
    /// Admins only (`null` for anyone else): the evening before a delivery date, a warning
    /// when some of its orders are still not confirmed by their shops.
    pub round_warning: Option<bool>,
}

/// Changes the signed-in account's non-essential messages; a field left out stays.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"delivery_reminder": false})))]
#[serde(deny_unknown_fields)]
pub struct UpdateMyNotifications {
    /// The evening-before delivery reminder.
    #[serde(default)]
    pub delivery_reminder: Option<bool>,
    /// Admins only: the evening-before warning of unconfirmed delivery orders.
    #[serde(default)]
    pub round_warning: Option<bool>,
}

/// The association's sender: who the e-mails come from, and where replies go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "sender_name": "Les commerces d'Uzès",
    "sender_address": "bonjour@commerces-uzes.fr",
    "reply_to": "association@commerces-uzes.fr"
})))]
pub struct MailSettings {
    /// The sender's name (the marketplace's name until set).
    pub sender_name: String,
    /// The sender's address (the server's `--mail-from` until set).
    pub sender_address: String,
    /// Where replies go (empty: to the sender). Replies to a shopper's order message go
    /// to the shop's address when the shop has one.
    pub reply_to: String,
}

/// Changes the association's sender; a field left out stays.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"sender_name": "Les commerces d'Uzès"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateMailSettings {
    /// 1 to 80 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 80, pattern = "<visible>"))]
    pub sender_name: Option<String>,
    /// An e-mail address.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(pattern = "<email>"))]
    pub sender_address: Option<String>,
    /// An e-mail address, or empty for none.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(pattern = "<email-or-empty>"))]
    pub reply_to: Option<String>,
}

/// Which message a one-click unsubscribe turned off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"topic": "delivery_reminder"})))]
pub struct Unsubscribed {
    /// `delivery_reminder`, `daily_summary` or `round_warning`.
    pub topic: String,
}

/// The one-click unsubscribe's query: the signed token of the e-mail's link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct UnsubscribeQuery {
    /// The token of the `List-Unsubscribe` link.
    #[cfg_attr(feature = "openapi", param(pattern = r"^[a-z0-9.]{1,700}$"))]
    pub token: String,
}
