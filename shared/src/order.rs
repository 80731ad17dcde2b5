//! Orders: what checkout turns a basket into, one per shop.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::cart::FulfilmentMethod;
use crate::catalogue::ShopRef;

/// Longest note to a shop at checkout, in characters.
pub const MAX_NOTE_CHARS: usize = 500;
/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Placed by the shopper; the shop has not confirmed it yet.
    Placed,
    /// The shop has seen it and will prepare it.
    Confirmed,
    /// Ready for pickup or for the delivery round.
    Ready,
    /// Handed over.
    Completed,
    /// Cancelled, with a reason; its stock went back.
    Cancelled,
}

impl OrderStatus {
    /// The wire and database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Placed => "placed",
            OrderStatus::Confirmed => "confirmed",
            OrderStatus::Ready => "ready",
            OrderStatus::Completed => "completed",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<OrderStatus> {
        [
            OrderStatus::Placed,
            OrderStatus::Confirmed,
            OrderStatus::Ready,
            OrderStatus::Completed,
            OrderStatus::Cancelled,
        ]
        .into_iter()
        .find(|status| status.as_str() == value)
    }

    /// Whether an order may go from `self` to `to`: placed -> confirmed -> ready ->
    /// completed, and cancelled from any state before completed.
    pub fn can_become(self, to: OrderStatus) -> bool {
        use OrderStatus::*;
        matches!(
            (self, to),
            (Placed, Confirmed)
                | (Confirmed, Ready)
                | (Ready, Completed)
                | (Placed | Confirmed | Ready, Cancelled)
        )
    }
}

/// Whether the order has been paid (at handover).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    /// To be paid on delivery or pickup.
    Due,
    /// Paid at handover.
    Paid,
}

/// Whether the shop may phone the customer about the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactPreference {
    /// The shop may call (a size, a question): the default.
    #[default]
    Call,
    /// Please do not call.
    NoCall,
}

/// A commune the association's volunteers deliver to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Uzès", "postcode": "30700", "insee": "30334"})))]
pub struct Commune {
    /// Official name.
    pub name: String,
    /// Postcode.
    pub postcode: String,
    /// INSEE code.
    pub insee: String,
}

/// A delivery address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Number and street, e.g. `12 rue de la République`, 1 to 200 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 200, pattern = "<visible>"))]
    pub street: String,
    /// Five-digit postcode.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^[ \t\n\r]*[0-9]{5}[ \t\n\r]*$")
    )]
    pub postcode: String,
    /// The commune, one of `GET /communes`.
    #[cfg_attr(feature = "openapi", schema(pattern = "<visible>"))]
    pub commune: String,
    /// How the volunteer gets in, at most 300 characters ("code porte 1234, 2e étage").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub access_note: Option<String>,
}

/// Who orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// Name, as the shop will call them, 1 to 100 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 100, pattern = "<visible>"))]
    pub name: String,
    /// A French phone number, any usual spelling (`04 66 22 12 34`, `+33 4 66 22 12 34`).
    #[cfg_attr(feature = "openapi", schema(pattern = "<phone>"))]
    pub phone: String,
    /// Optional e-mail; empty: none.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 254, pattern = "<email-or-empty>")
    )]
    pub email: Option<String>,
}

/// How the basket reaches the customer, for every shop unless `per_shop` says otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckoutFulfilment {
    /// Pickup or delivery.
    pub method: FulfilmentMethod,
    /// Required for delivery: in one of the delivery communes.
    #[serde(default)]
    pub address: Option<Address>,
}

/// A choice for one shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ShopChoice {
    /// Overrides the basket's method for this shop.
    #[serde(default)]
    pub method: Option<FulfilmentMethod>,
    /// A note for this shop (at most 500 characters).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub note: Option<String>,
}

/// Turns a basket into one order per shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78", "email": "jeanne.martin@example.fr"},
    "fulfilment": {"method": "delivery", "address": {"street": "12 rue de la République", "postcode": "30700", "commune": "Uzès", "access_note": "Code porte 1234, 2e étage"}},
    "contact_preference": "call",
    "expected_total_cents": 1730,
    "accept_terms": true
})))]
pub struct Checkout {
    /// Who orders.
    pub customer: Customer,
    /// Pickup or delivery (with the address).
    pub fulfilment: CheckoutFulfilment,
    /// Per-shop choices, by shop slug.
    #[serde(default)]
    pub per_shop: BTreeMap<String, ShopChoice>,
    /// Whether shops may phone; `call` by default.
    #[serde(default)]
    pub contact_preference: Option<ContactPreference>,
    /// The total the shopper saw; when given and prices changed since, checkout is refused
    /// with 409 so the shopper can look again.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub expected_total_cents: Option<i64>,
    /// Must be `true`: the shopper read and accepts the terms of sale of every shop in the
    /// basket (`GET /shops/{slug}/terms`) and the site's terms of use (`GET /terms`).
    /// Missing or `false`: 422 naming `accept_terms`, nothing ordered.
    #[serde(default)]
    pub accept_terms: bool,
}

/// A product's name with its variant's label, as every list of lines writes it:
/// "Bottines Lou (39)"; the name alone for a product without sizes.
pub fn name_with_variant(name: &str, variant_label: &str) -> String {
    if variant_label.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({variant_label})")
    }
}

/// A line of an order, with the price it was sold at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderLine {
    /// The line's id (to change it after the call: `/orders/{id}/lines`).
    #[serde(default)]
    pub id: i64,
    /// The product's id.
    pub product_id: i64,
    /// The variant ordered.
    #[serde(default)]
    pub variant_id: Option<i64>,
    /// Its name when ordered.
    pub name: String,
    /// The variant's label when ordered ("39", "500 g"); empty for a product without sizes.
    #[serde(default)]
    pub variant_label: String,
    /// Its price when ordered, in cents, VAT included (for a line sold by weight, the
    /// estimate for one piece).
    pub unit_price_cents: i64,
    /// VAT rate in percent.
    pub vat_rate: f64,
    /// Units.
    pub quantity: i64,
    /// `unit_price_cents * quantity`; for a line sold by weight once weighed, the actual
    /// weight at the price per kilo (rounded half up to the cent).
    pub line_total_cents: i64,
    /// Price per kilo, litre or piece of the unit price (pre-packed food).
    #[serde(default)]
    pub price_per_unit_cents: Option<i64>,
    /// `kg`, `l` or `piece`.
    #[serde(default)]
    pub price_per_unit: Option<crate::measure::PerUnit>,
    /// Sold by weight: priced by the kilo, settled on the actual weight.
    #[serde(default)]
    pub sold_by_weight: bool,
    /// For a line sold by weight, its price per kilo.
    #[serde(default)]
    pub price_per_kg_cents: Option<i64>,
    /// For a line sold by weight, the estimated weight of the whole line, in grams.
    #[serde(default)]
    pub estimated_weight_g: Option<i64>,
    /// For a line sold by weight, what the shop weighed for the whole line, in grams, once
    /// it did.
    #[serde(default)]
    pub actual_weight_g: Option<i64>,
    /// Why the right of withdrawal does not apply to it, if it does not (`none` otherwise).
    #[serde(default)]
    pub withdrawal_exception: crate::legal::WithdrawalException,
    /// When the customer withdrew from this line, if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_at: Option<String>,
}

impl OrderLine {
    /// Its name with its variant's label: "Bottines Lou (39)".
    pub fn full_name(&self) -> String {
        name_with_variant(&self.name, &self.variant_label)
    }
}

/// The VAT included in an order at one rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VatLine {
    /// VAT rate in percent.
    pub rate: f64,
    /// Total of the lines at this rate, VAT included.
    pub total_cents: i64,
    /// The VAT in it: `round(total * rate / (100 + rate))`, half away from zero.
    pub vat_cents: i64,
    /// `total_cents - vat_cents`.
    pub net_cents: i64,
}

/// How and when an order is handed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderFulfilment {
    /// Pickup or delivery.
    pub method: FulfilmentMethod,
    /// The delivery day, or the first day the shop is open for pickup, `YYYY-MM-DD`.
    pub date: String,
    /// The delivery address.
    pub address: Option<Address>,
    /// For pickup: where the shop is.
    pub pickup_address: Option<String>,
}

/// An order of one shop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 42,
    "number": "UZ-2026-00042",
    "shop": {"slug": "epicerie-du-duche", "name": "Épicerie du Duché"},
    "status": "confirmed",
    "payment_status": "due",
    "fulfilment": {"method": "delivery", "date": "2026-12-08", "address": {"street": "12 rue de la République", "postcode": "30700", "commune": "Uzès", "access_note": "Code porte 1234, 2e étage"}, "pickup_address": null},
    "customer_name": "Jeanne Martin",
    "lines": [{"product_id": 20, "name": "Anchoïade", "unit_price_cents": 610, "vat_rate": 5.5, "quantity": 2, "line_total_cents": 1220}, {"product_id": 4, "name": "Biscuits à l'anis", "unit_price_cents": 510, "vat_rate": 5.5, "quantity": 1, "line_total_cents": 510}],
    "total_cents": 1730,
    "currency": "EUR",
    "vat": [{"rate": 5.5, "total_cents": 1730, "vat_cents": 90, "net_cents": 1640}],
    "vat_mention": null,
    "note": "",
    "contact_preference": "call",
    "tracking_token": "b296ab8fb56b47aba71f1ac17652d505",
    "created_at": "2026-12-04T09:15:00+00:00",
    "payment_method": null,
    "cancel_reason": null,
    "channel": "web",
    "customer_phone": "06 12 34 56 78",
    "customer_email": "jeanne.martin@example.fr",
    "merchant_note": "",
    "history": [{"id": 101, "at": "2026-12-04T09:15:00+00:00", "kind": "placed", "actor": "customer", "actor_name": null, "from": null, "to": "placed", "note": ""}, {"id": 102, "at": "2026-12-04T09:40:00+00:00", "kind": "status", "actor": "user:2", "actor_name": "Claire Fabre", "from": "placed", "to": "confirmed", "note": ""}]
})))]
pub struct Order {
    /// The order's id.
    pub id: i64,
    /// Its number for people, e.g. `UZ-2026-00042`.
    pub number: String,
    /// The shop.
    pub shop: ShopRef,
    /// Where it stands.
    pub status: OrderStatus,
    /// Paid or still due at handover.
    pub payment_status: PaymentStatus,
    /// How and when it is handed over.
    pub fulfilment: OrderFulfilment,
    /// The customer's name.
    pub customer_name: String,
    /// The lines, with their prices when ordered.
    pub lines: Vec<OrderLine>,
    /// Total in cents, VAT included.
    pub total_cents: i64,
    /// Always `EUR`.
    pub currency: String,
    /// The VAT per rate.
    pub vat: Vec<VatLine>,
    /// "TVA non applicable, art. 293 B du CGI" for VAT-exempt shops.
    pub vat_mention: Option<String>,
    /// The note for the shop.
    pub note: String,
    /// Whether the shop may phone.
    pub contact_preference: ContactPreference,
    /// The secret of the guest tracking link (`GET /track/{token}`); only its customer
    /// receives it.
    pub tracking_token: String,
    /// When it was placed (UTC, RFC 3339).
    pub created_at: String,
    /// How it was paid, once paid.
    #[serde(default)]
    pub payment_method: Option<crate::shop_orders::PaymentMethod>,
    /// Why it was cancelled, if it was: the shop's words, or `auto_released` when the shop
    /// did not confirm a guest's order within its delay and Vitrine cancelled it (its stock
    /// went back on sale).
    #[serde(default)]
    pub cancel_reason: Option<String>,
    /// Website or phone order.
    #[serde(default)]
    pub channel: Option<crate::shop_orders::OrderChannel>,
    /// The customer's phone: only the shop's side (its merchants, its API keys, admins)
    /// receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_phone: Option<String>,
    /// The customer's e-mail, if given: only the shop's side receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_email: Option<String>,
    /// What the shop agreed with the customer: only the shop's side receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_note: Option<String>,
    /// Every change, oldest first, in `GET /orders/{id}`. The shop's side sees who made
    /// each; its customer sees the status changes and payment without the actors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<crate::shop_orders::OrderEvent>>,
    /// Who sells: the shop and its legal identity as they were at checkout; `null` for an
    /// order placed before Vitrine recorded it.
    #[serde(default)]
    pub seller: Option<crate::legal::Seller>,
    /// The terms the customer accepted and when; `null` for an order placed before Vitrine
    /// recorded them.
    #[serde(default)]
    pub terms: Option<crate::legal::AcceptedTerms>,
    /// Once handed over: the last day (`YYYY-MM-DD`, Paris) the customer may withdraw
    /// (14 days after handover; `POST /orders/{id}/withdrawal`).
    #[serde(default)]
    pub withdrawal_deadline: Option<String>,
}

/// What checkout answers: one order per shop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "orders": [{"id": 42, "number": "UZ-2026-00042", "shop": {"slug": "epicerie-du-duche", "name": "Épicerie du Duché"}, "status": "placed", "payment_status": "due", "fulfilment": {"method": "delivery", "date": "2026-12-08", "address": {"street": "12 rue de la République", "postcode": "30700", "commune": "Uzès", "access_note": "Code porte 1234, 2e étage"}, "pickup_address": null}, "customer_name": "Jeanne Martin", "lines": [{"product_id": 20, "name": "Anchoïade", "unit_price_cents": 610, "vat_rate": 5.5, "quantity": 2, "line_total_cents": 1220}, {"product_id": 4, "name": "Biscuits à l'anis", "unit_price_cents": 510, "vat_rate": 5.5, "quantity": 1, "line_total_cents": 510}], "total_cents": 1730, "currency": "EUR", "vat": [{"rate": 5.5, "total_cents": 1730, "vat_cents": 90, "net_cents": 1640}], "vat_mention": null, "note": "", "contact_preference": "call", "tracking_token": "b296ab8fb56b47aba71f1ac17652d505", "created_at": "2026-12-04T09:15:00+00:00", "payment_method": null, "cancel_reason": null, "channel": "web", "history": [{"id": 101, "at": "2026-12-04T09:15:00+00:00", "kind": "placed", "actor": "customer", "actor_name": null, "from": null, "to": "placed", "note": ""}]}]
})))]
pub struct CheckoutResult {
    /// The orders, one per shop, in the basket's order.
    pub orders: Vec<Order>,
}

#[cfg(test)]
mod tests {
    use super::OrderStatus::{self, *};

    #[test]
    fn only_forward_steps_and_cancellation_before_completion_are_allowed() {
        let all = [Placed, Confirmed, Ready, Completed, Cancelled];
        let allowed = [
            (Placed, Confirmed),
            (Confirmed, Ready),
            (Ready, Completed),
            (Placed, Cancelled),
            (Confirmed, Cancelled),
            (Ready, Cancelled),
        ];
        for from in all {
            for to in all {
                assert_eq!(
                    from.can_become(to),
                    allowed.contains(&(from, to)),
                    "{from:?} -> {to:?}"
                );
            }
        }
        for status in all {
            assert_eq!(OrderStatus::parse(status.as_str()), Some(status));
        }
    }
}
