//! The shop's side of orders: the inbox, status changes, payment at handover, the
//! merchant's note, the order's history, phone orders and the live feed of the inbox.

use serde::{Deserialize, Serialize};

use crate::order::{CheckoutFulfilment, ContactPreference, Customer, OrderStatus};

/// How an order was paid at handover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// Cash.
    Cash,
    /// Bank card.
    Card,
    /// Cheque.
    Cheque,
}

impl PaymentMethod {
    /// The wire and database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "cash",
            PaymentMethod::Card => "card",
            PaymentMethod::Cheque => "cheque",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<PaymentMethod> {
        [
            PaymentMethod::Cash,
            PaymentMethod::Card,
            PaymentMethod::Cheque,
        ]
        .into_iter()
        .find(|method| method.as_str() == value)
    }
}

/// Where an order came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrderChannel {
    /// Placed by the shopper on the website.
    Web,
    /// Taken by the shop on the phone (`POST /shops/{slug}/phone-orders`).
    Phone,
}

/// What an entry of an order's history records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrderEventKind {
    /// A new order (on the website or by phone).
    Placed,
    /// A status change (`from` -> `to`); a cancellation's `note` is its reason.
    Status,
    /// The payment was recorded; `note` is the method.
    Payment,
    /// The merchant's note was changed; `note` is the new text.
    Note,
    /// A tap of a delivery round: collected at the shop, delivered, or failed (`note` says
    /// which, and why).
    Delivery,
    /// The customer withdrew from lines (rétractation, issue 15); `note` names them and
    /// carries the customer's message.
    Withdrawal,
    /// The shop changed the lines after the call (`PATCH /orders/{id}/lines`); `note` is
    /// what was agreed, then one line per change, before → after.
    LinesChanged,
}

impl OrderEventKind {
    /// The wire and database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            OrderEventKind::Placed => "placed",
            OrderEventKind::Status => "status",
            OrderEventKind::Payment => "payment",
            OrderEventKind::Note => "note",
            OrderEventKind::Delivery => "delivery",
            OrderEventKind::Withdrawal => "withdrawal",
            OrderEventKind::LinesChanged => "lines_changed",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<OrderEventKind> {
        [
            OrderEventKind::Placed,
            OrderEventKind::Status,
            OrderEventKind::Payment,
            OrderEventKind::Note,
            OrderEventKind::Delivery,
            OrderEventKind::Withdrawal,
            OrderEventKind::LinesChanged,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == value)
    }
}

/// One entry of an order's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 118, "at": "2026-12-01T09:14:02+00:00", "kind": "status",
    "actor": "user:2", "actor_name": "Claire Fabre",
    "from": "placed", "to": "confirmed", "note": ""
})))]
pub struct OrderEvent {
    /// The entry's id; the live feed's `id:` is the same number.
    pub id: i64,
    /// When (UTC, RFC 3339).
    pub at: String,
    /// What happened.
    pub kind: OrderEventKind,
    /// Who: `customer` (the shopper on the website), `user:<id>`, `api_key:<id>`, or
    /// `system` (Vitrine itself, releasing an unconfirmed order). Only the shop's side sees
    /// it.
    #[serde(default)]
    pub actor: Option<String>,
    /// The actor's name, for people: the account's name or the API key's name.
    #[serde(default)]
    pub actor_name: Option<String>,
    /// The status before, for a status change.
    #[serde(default)]
    pub from: Option<OrderStatus>,
    /// The status after, for a new order or a status change.
    #[serde(default)]
    pub to: Option<OrderStatus>,
    /// The cancellation's reason, the payment method, or the merchant's note.
    pub note: String,
}

/// Filter and page of a shop's orders (`GET /shops/{slug}/orders`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ShopOrdersQuery {
    /// Only orders with this status.
    pub status: Option<OrderStatus>,
    /// Page number, from 1.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 24).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u32>,
}

/// Moves an order on: `placed -> confirmed -> ready -> completed`, or `cancelled` (with a
/// reason) from placed, confirmed or ready.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"to": "cancelled", "reason": "Plus de pointure 38"})))]
#[serde(deny_unknown_fields)]
pub struct OrderTransition {
    /// The new status.
    pub to: OrderStatus,
    /// Required to cancel (1 to 500 characters): it is shown to the customer. Optional
    /// otherwise, kept in the history.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: Option<String>,
    /// With `ready`, for a delivery: the bags packed (1 to 50), on the round's sheets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 50))]
    pub bags: Option<i64>,
}

/// Records the payment at handover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"method": "card"})))]
#[serde(deny_unknown_fields)]
pub struct RecordPayment {
    /// How the customer paid.
    pub method: PaymentMethod,
}

/// The shop's note on an order: what was agreed on the phone. Only the shop's side sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"note": "Rappelée : pointure 39 au lieu de 38"})))]
#[serde(deny_unknown_fields)]
pub struct MerchantNote {
    /// At most 1000 characters; empty clears it.
    pub note: String,
}

/// The cancellation reason of a guest's website order that the shop did not confirm within
/// its delay (`release_unconfirmed_after_hours`): Vitrine cancelled it and put its stock
/// back on sale. Clients show it in words ("non confirmée à temps").
pub const AUTO_RELEASED: &str = "auto_released";
/// The history's actor for what Vitrine does by itself (releasing unconfirmed orders).
pub const SYSTEM_ACTOR: &str = "system";

/// Longest note of a change of an order's lines, in characters.
pub const MAX_CHANGE_NOTE: usize = 500;

/// One change of an order's lines: a line of the order (`line_id`) gets another variant of
/// its product, another quantity (0 removes it) or its actual weight; or, without
/// `line_id`, a product of the shop (`product_id`, its `variant_id` when it has several,
/// and `quantity`) is added at today's price.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"line_id": 12, "variant_id": 31})))]
#[serde(deny_unknown_fields)]
pub struct LineChange {
    /// The order line to change (`Order.lines[].id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_id: Option<i64>,
    /// A product of the shop to add (without `line_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<i64>,
    /// Another variant of the line's product, or the added product's variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_id: Option<i64>,
    /// The new quantity, 0 to 99 (0 removes the line); 1 to 99 for an added product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 99))]
    pub quantity: Option<i64>,
    /// For a line sold by weight: what the whole line weighs, in grams (1 to 100000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000))]
    pub actual_weight_g: Option<i64>,
}

/// One agreed change of an order's lines (`PATCH /orders/{id}/lines`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "note": "Taille 40 épuisée, remplacée par 39 avec l'accord de la cliente",
    "lines": [
        {"line_id": 12, "variant_id": 31},
        {"line_id": 13, "quantity": 0},
        {"product_id": 20, "variant_id": 40, "quantity": 1},
        {"line_id": 15, "actual_weight_g": 262}
    ]
})))]
#[serde(deny_unknown_fields)]
pub struct OrderLinesChange {
    /// What was agreed with the customer (1 to 500 characters); the customer reads it.
    /// Optional when the change only enters weights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub note: Option<String>,
    /// The changes, 1 to 100, each line of the order at most once.
    pub lines: Vec<LineChange>,
}

/// Longest merchant note, in characters.
pub const MAX_MERCHANT_NOTE: usize = 1000;
/// Longest cancellation reason or transition note, in characters.
pub const MAX_REASON: usize = 500;

/// One product of a phone order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PhoneOrderLine {
    /// A product of this shop, on sale.
    pub product_id: i64,
    /// Which of its variants; may be left out for a product with a single variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_id: Option<i64>,
    /// Units, 1 to 99.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 99))]
    pub quantity: i64,
}

/// An order the shop takes on the phone for a customer; the same rules as checkout apply
/// (prices from the catalogue, stock, delivery communes, the shop's dates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
    "fulfilment": {"method": "pickup"},
    "lines": [{"product_id": 12, "quantity": 2}],
    "note": "Passera samedi matin",
    "contact_preference": "call",
    "terms_read_out": true
})))]
#[serde(deny_unknown_fields)]
pub struct PhoneOrder {
    /// Who called.
    pub customer: Customer,
    /// Pickup or delivery (with the address).
    pub fulfilment: CheckoutFulfilment,
    /// The products, each at most once, 1 to 100 lines.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 100))]
    pub lines: Vec<PhoneOrderLine>,
    /// A note on the order (at most 500 characters).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub note: Option<String>,
    /// Whether the shop may phone back; `call` by default.
    #[serde(default)]
    pub contact_preference: Option<ContactPreference>,
    /// Must be `true`: the shop read its terms of sale (and the site's terms of use) out to
    /// the customer, who accepted them. Missing or `false`: 422 naming `terms_read_out`.
    #[serde(default)]
    pub terms_read_out: bool,
}

/// The `data:` of an `order` event of the live inbox
/// (`GET /shops/{slug}/orders/events`); fetch the order for the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "event_id": 118, "order_id": 42, "number": "UZ-2026-00042", "kind": "placed",
    "status": "placed", "to": "placed", "at": "2026-12-01T09:14:02+00:00"
})))]
pub struct OrderFeedEvent {
    /// The history entry's id, also the event's `id:` (send it back as `Last-Event-ID`).
    pub event_id: i64,
    /// The order's id.
    pub order_id: i64,
    /// The order's number, e.g. `UZ-2026-00042`.
    pub number: String,
    /// What happened: a new order, a status change, a payment, a note.
    pub kind: OrderEventKind,
    /// The order's status now.
    pub status: OrderStatus,
    /// The status this entry moved the order to, if it did.
    pub to: Option<OrderStatus>,
    /// When it happened (UTC, RFC 3339).
    pub at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for method in [
            PaymentMethod::Cash,
            PaymentMethod::Card,
            PaymentMethod::Cheque,
        ] {
            assert_eq!(PaymentMethod::parse(method.as_str()), Some(method));
        }
        for kind in [
            OrderEventKind::Placed,
            OrderEventKind::Status,
            OrderEventKind::Payment,
            OrderEventKind::Note,
            OrderEventKind::Delivery,
        ] {
            assert_eq!(OrderEventKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(PaymentMethod::parse("bitcoin"), None);
    }

    #[test]
    fn unknown_fields_are_refused() {
        let bad = r#"{"to": "confirmed", "status": "x"}"#;
        assert!(serde_json::from_str::<OrderTransition>(bad).is_err());
        let good = r#"{"to": "confirmed"}"#;
        assert!(serde_json::from_str::<OrderTransition>(good).is_ok());
    }
}
