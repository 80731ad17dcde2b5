//! Delivery rounds (issue 11): a delivery date's deliveries split by the association's
//! admins into rounds with volunteers and ordered stops; the collection and drop sheets;
//! the volunteers' taps (collected, delivered, failed); the volunteers themselves; a shop's
//! view of its rounds.

use serde::{Deserialize, Serialize};

use crate::catalogue::ShopRef;
use crate::order::{OrderStatus, PaymentStatus};
use crate::shop_orders::PaymentMethod;

/// An association volunteer, as the rounds and the admins' list show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 7, "name": "Paul Roux", "email": "paul.roux@example.fr", "phone": "06 11 22 33 44"
})))]
pub struct Volunteer {
    /// The account's id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Phone, as the volunteer gave it (`PATCH /me`); `null` until they do.
    pub phone: Option<String>,
}

/// `GET /rounds`: a date's rounds, or (without `date`) the rounds from yesterday to
/// tomorrow.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct RoundsQuery {
    /// A delivery date, `YYYY-MM-DD`.
    #[cfg_attr(feature = "openapi", param(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub date: Option<String>,
}

/// Creates a round for a delivery date. The date's first round takes every delivery; the
/// next ones start empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "date": "2026-12-11", "name": "Villages", "ready_by": "09:00"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateRound {
    /// The delivery date, `YYYY-MM-DD`.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub date: String,
    /// 1 to 80 characters ("Uzès centre", "Villages").
    #[cfg_attr(feature = "openapi", schema(max_length = 80, pattern = "<visible>"))]
    pub name: String,
    /// When the shops must have the bags ready, `HH:MM` from 05:00 to 14:00; `09:00` by
    /// default.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^((0[5-9]|1[0-3]):[0-5][0-9]|14:00)$")
    )]
    pub ready_by: Option<String>,
}

/// Renames a round or changes its ready-by time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Uzès centre", "ready_by": "08:30"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateRound {
    /// 1 to 80 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 80, pattern = "<visible>"))]
    pub name: Option<String>,
    /// `HH:MM` from 05:00 to 14:00.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^((0[5-9]|1[0-3]):[0-5][0-9]|14:00)$")
    )]
    pub ready_by: Option<String>,
}

/// The volunteers who drive a round (replaces the list; empty: none yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"volunteer_ids": [7, 9]})))]
#[serde(deny_unknown_fields)]
pub struct SetRoundVolunteers {
    /// Accounts with the `volunteer` role, at most 10.
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    #[serde(deserialize_with = "crate::whole_number_ids")]
    pub volunteer_ids: Vec<i64>,
}

/// A round's stops, in the order to drive them. Every stop the round holds now must be
/// listed (409 otherwise: someone else changed it since it was read); a stop of another
/// round of the same date that is listed moves into this one. The order is remembered for
/// these addresses on later rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"stops": ["5d1e0c3b9a7f2e41", "a03b7c9e1f2d4c58"]})))]
#[serde(deny_unknown_fields)]
pub struct SetRoundStops {
    /// Stop keys (`Stop.key`), each once, at most 300.
    #[cfg_attr(feature = "openapi", schema(max_items = 300))]
    pub stops: Vec<String>,
}

/// Where a stop, or one shop's order at a stop, stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StopState {
    /// Not delivered yet.
    Pending,
    /// Handed over (and paid).
    Delivered,
    /// Nobody home, refused, or a wrong address: back to the shop for a later date.
    Failed,
}

/// Why a delivery failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FailureReason {
    /// Personne à la maison.
    NobodyHome,
    /// Refusée par le client.
    Refused,
    /// Adresse introuvable ou fausse.
    WrongAddress,
    /// Autre (say what in `note`).
    Other,
}

impl FailureReason {
    /// The wire and database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureReason::NobodyHome => "nobody_home",
            FailureReason::Refused => "refused",
            FailureReason::WrongAddress => "wrong_address",
            FailureReason::Other => "other",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<FailureReason> {
        [
            FailureReason::NobodyHome,
            FailureReason::Refused,
            FailureReason::WrongAddress,
            FailureReason::Other,
        ]
        .into_iter()
        .find(|reason| reason.as_str() == value)
    }

    /// In French, for the shop's inbox and the sheets.
    pub fn label_fr(self) -> &'static str {
        match self {
            FailureReason::NobodyHome => "personne à la maison",
            FailureReason::Refused => "refusée par le client",
            FailureReason::WrongAddress => "adresse introuvable",
            FailureReason::Other => "autre raison",
        }
    }
}

/// One shop's order at a stop of the drop sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StopOrder {
    /// The order's id (what `delivered` names in `payments`).
    pub order_id: i64,
    /// Its number, e.g. `UZ-2026-00042`.
    pub number: String,
    /// The shop.
    pub shop: ShopRef,
    /// The order's status now.
    pub status: OrderStatus,
    /// Still `placed`: the shop has not confirmed it; the admins should call the shop.
    pub unconfirmed: bool,
    /// Bags the shop packed, once it marked the order ready.
    pub bags: Option<i32>,
    /// Whether a line must be kept cold.
    pub keep_cold: bool,
    /// The order's total, VAT included, in cents.
    pub total_cents: i64,
    /// What the volunteer collects for this shop: the total, or 0 once paid.
    pub amount_due_cents: i64,
    /// Always `EUR`.
    pub currency: String,
    /// Paid or due.
    pub payment_status: PaymentStatus,
    /// How it was paid, once paid.
    pub payment_method: Option<PaymentMethod>,
    /// What this shop accepts on the doorstep (a cheque is made out to the shop's name).
    pub payment_means: Vec<PaymentMethod>,
    /// The customer's note to this shop.
    pub note: String,
    /// Delivered, failed or pending on this round's date.
    pub state: StopState,
    /// Why it failed, if it did.
    pub failure_reason: Option<FailureReason>,
}

/// One stop (a delivery address) of a round, in driving order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "key": "5d1e0c3b9a7f2e41", "sequence": 1, "street": "1 place aux Herbes", "postcode": "30700",
    "commune": "Uzès", "access_note": "code porte 1234, 2e étage", "customer_name": "Jeanne Martin",
    "customer_phone": "06 12 34 56 78", "state": "pending", "unconfirmed": false,
    "orders": [{"order_id": 42, "number": "UZ-2026-00042", "shop": {"slug": "epicerie-du-duche", "name": "Épicerie du Duché"},
        "status": "ready", "unconfirmed": false, "bags": 2, "keep_cold": true, "total_cents": 2350,
        "amount_due_cents": 2350, "currency": "EUR", "payment_status": "due", "payment_method": null,
        "payment_means": ["cash", "cheque"], "note": "Sonnez deux fois", "state": "pending", "failure_reason": null}]
})))]
pub struct Stop {
    /// The stop's key, stable for this address (`/rounds/{id}/stops/{key}/...`).
    pub key: String,
    /// Its place in the round, from 1.
    pub sequence: u32,
    /// Number and street.
    pub street: String,
    /// Postcode.
    pub postcode: String,
    /// Commune.
    pub commune: String,
    /// How to get in ("code porte 1234, 2e étage"), from the checkout.
    pub access_note: Option<String>,
    /// The customer's name (of the latest order when several differ).
    pub customer_name: String,
    /// The customer's phone (a `tel:` link on screen).
    pub customer_phone: String,
    /// Pending until every order is delivered or failed.
    pub state: StopState,
    /// Whether an order of the stop is still `placed` (not confirmed by its shop).
    pub unconfirmed: bool,
    /// One order per shop.
    pub orders: Vec<StopOrder>,
}

/// A round of a delivery date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 3, "date": "2026-12-11", "name": "Uzès centre", "ready_by": "08:30",
    "volunteers": [{"id": 7, "name": "Paul Roux", "email": "paul.roux@example.fr", "phone": "06 11 22 33 44"}],
    "unconfirmed_orders": 1, "collected_shops": ["epicerie-du-duche"],
    "stops": [{"key": "5d1e0c3b9a7f2e41", "sequence": 1, "street": "12 rue Jacques d'Uzès", "postcode": "30700",
        "commune": "Uzès", "access_note": "code porte 1234, 2e étage", "customer_name": "Jeanne Martin",
        "customer_phone": "06 12 34 56 78", "state": "pending", "unconfirmed": true,
        "orders": [
            {"order_id": 42, "number": "UZ-2026-00042", "shop": {"slug": "epicerie-du-duche", "name": "Épicerie du Duché"},
             "status": "ready", "unconfirmed": false, "bags": 2, "keep_cold": true, "total_cents": 2350,
             "amount_due_cents": 2350, "currency": "EUR", "payment_status": "due", "payment_method": null,
             "payment_means": ["cash", "cheque"], "note": "Sonnez deux fois", "state": "pending", "failure_reason": null},
            {"order_id": 43, "number": "UZ-2026-00043", "shop": {"slug": "librairie-la-fontaine", "name": "Librairie La Fontaine"},
             "status": "placed", "unconfirmed": true, "bags": null, "keep_cold": false, "total_cents": 1890,
             "amount_due_cents": 1890, "currency": "EUR", "payment_status": "due", "payment_method": null,
             "payment_means": ["cheque", "card"], "note": "", "state": "pending", "failure_reason": null}
        ]}]
})))]
pub struct Round {
    /// The round's id; `null` for the default round of a date no admin has split yet
    /// (create a round to work with it: the first one takes every delivery).
    pub id: Option<i64>,
    /// The delivery date, `YYYY-MM-DD`.
    pub date: String,
    /// Its name.
    pub name: String,
    /// When the shops must have the bags ready, `HH:MM`.
    pub ready_by: String,
    /// Who drives it.
    pub volunteers: Vec<Volunteer>,
    /// How many orders of the round are still `placed` (flagged on the stops).
    pub unconfirmed_orders: u32,
    /// The shops whose bags were collected (their slugs).
    pub collected_shops: Vec<String>,
    /// The stops, in driving order.
    pub stops: Vec<Stop>,
}

/// A date's rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"rounds": [{
    "id": null, "date": "2026-12-11", "name": "Tournée", "ready_by": "09:00", "volunteers": [],
    "unconfirmed_orders": 0, "collected_shops": [], "stops": []}]})))]
pub struct RoundList {
    /// The rounds, by date then in the order they were created.
    pub rounds: Vec<Round>,
}

/// A product line of a collection sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CollectionLine {
    /// The product's name when ordered.
    pub name: String,
    /// Units.
    pub quantity: i64,
    /// To keep cold (the shop sets it on the product).
    pub keep_cold: bool,
}

/// One order on a shop's collection sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CollectionOrder {
    /// The order's id.
    pub order_id: i64,
    /// Its number.
    pub number: String,
    /// The customer's initials ("J. M.").
    pub customer_initials: String,
    /// Where it goes.
    pub commune: String,
    /// Its status.
    pub status: OrderStatus,
    /// Still `placed`.
    pub unconfirmed: bool,
    /// Bags, once the shop marked it ready.
    pub bags: Option<i32>,
    /// Whether a line must be kept cold.
    pub keep_cold: bool,
    /// The lines.
    pub lines: Vec<CollectionLine>,
}

/// A shop's collection sheet for a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CollectionSheet {
    /// The shop.
    pub shop: ShopRef,
    /// Its address.
    pub address: String,
    /// Its commune.
    pub commune: String,
    /// Its phone.
    pub phone: String,
    /// When the bags must be ready, `HH:MM`.
    pub ready_by: String,
    /// Whether a volunteer ticked "collected".
    pub collected: bool,
    /// When (UTC, RFC 3339).
    pub collected_at: Option<String>,
    /// All bags of the shop's orders in the round.
    pub bags: i32,
    /// The orders.
    pub orders: Vec<CollectionOrder>,
}

/// The drop sheet's stops of one commune, in driving order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DropCommune {
    /// The commune.
    pub commune: String,
    /// Its stops.
    pub stops: Vec<Stop>,
}

/// Everything to print or show for a round: one collection sheet per shop, and the drop
/// sheet grouped by commune in stop order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "round_id": 3, "date": "2026-12-11", "name": "Uzès centre",
    "volunteers": [{"id": 7, "name": "Paul Roux", "email": "paul.roux@example.fr", "phone": "06 11 22 33 44"}],
    "collection": [{"shop": {"slug": "epicerie-du-duche", "name": "Épicerie du Duché"},
        "address": "4 place du Duché", "commune": "Uzès", "phone": "04 66 22 12 34", "ready_by": "08:30",
        "collected": false, "collected_at": null, "bags": 2,
        "orders": [{"order_id": 42, "number": "UZ-2026-00042", "customer_initials": "J. M.", "commune": "Uzès",
            "status": "ready", "unconfirmed": false, "bags": 2, "keep_cold": true,
            "lines": [{"name": "Pélardon AOP", "quantity": 2, "keep_cold": true},
                      {"name": "Huile d'olive 50 cl", "quantity": 1, "keep_cold": false}]}]}],
    "drop": [{"commune": "Uzès", "stops": [{"key": "5d1e0c3b9a7f2e41", "sequence": 1,
        "street": "12 rue Jacques d'Uzès", "postcode": "30700", "commune": "Uzès",
        "access_note": "code porte 1234, 2e étage", "customer_name": "Jeanne Martin",
        "customer_phone": "06 12 34 56 78", "state": "pending", "unconfirmed": false,
        "orders": [{"order_id": 42, "number": "UZ-2026-00042", "shop": {"slug": "epicerie-du-duche", "name": "Épicerie du Duché"},
            "status": "ready", "unconfirmed": false, "bags": 2, "keep_cold": true, "total_cents": 2350,
            "amount_due_cents": 2350, "currency": "EUR", "payment_status": "due", "payment_method": null,
            "payment_means": ["cash", "cheque"], "note": "Sonnez deux fois", "state": "pending", "failure_reason": null}]}]}]
})))]
pub struct RoundSheets {
    /// The round's id.
    pub round_id: i64,
    /// The delivery date.
    pub date: String,
    /// The round's name.
    pub name: String,
    /// Who drives it.
    pub volunteers: Vec<Volunteer>,
    /// One sheet per shop, by shop name.
    pub collection: Vec<CollectionSheet>,
    /// The stops by commune, communes in the order the round reaches them.
    pub drop: Vec<DropCommune>,
}

/// One shop's payment at a stop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TapPayment {
    /// An order of the stop.
    pub order_id: i64,
    /// How the customer paid this shop (one the shop accepts).
    pub method: PaymentMethod,
}

/// "Delivered": every order of the stop was handed over; each shop's order still due is
/// paid by the method given for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "payments": [{"order_id": 42, "method": "cheque"}, {"order_id": 43, "method": "cash"}]
})))]
#[serde(deny_unknown_fields)]
pub struct DeliveredTap {
    /// One per order still due, at most 20.
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub payments: Vec<TapPayment>,
}

/// "Failed": nobody home, refused, a wrong address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "nobody_home", "note": "Voisin absent aussi"})))]
#[serde(deny_unknown_fields)]
pub struct FailedTap {
    /// Why.
    pub reason: FailureReason,
    /// A word for the shop, at most 300 characters; required for `other`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub note: Option<String>,
}

/// One of a shop's orders on a round, as the shop's back-office shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopRoundOrder {
    /// The order's id.
    pub order_id: i64,
    /// Its number.
    pub number: String,
    /// The customer's name.
    pub customer_name: String,
    /// Where it goes.
    pub commune: String,
    /// The order's status now.
    pub status: OrderStatus,
    /// Bags, once marked ready.
    pub bags: Option<i32>,
    /// Whether a line must be kept cold.
    pub keep_cold: bool,
    /// Total, VAT included, in cents.
    pub total_cents: i64,
    /// Delivered, failed or pending on this date.
    pub state: StopState,
    /// How it was paid at the door.
    pub payment_method: Option<PaymentMethod>,
    /// Who delivered it (the volunteer's name) or reported the failure.
    pub by: Option<String>,
    /// Why it failed.
    pub failure_reason: Option<FailureReason>,
}

/// A shop's orders on one delivery date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopRoundDay {
    /// The delivery date.
    pub date: String,
    /// When the bags must be ready (the earliest of the rounds holding them), `HH:MM`.
    pub ready_by: String,
    /// Whether a volunteer collected the bags.
    pub collected: bool,
    /// All bags.
    pub bags: i32,
    /// The orders.
    pub orders: Vec<ShopRoundOrder>,
}

/// A shop's next round and its recent ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "next": {"date": "2026-12-11", "ready_by": "08:30", "collected": false, "bags": 2,
        "orders": [{"order_id": 51, "number": "UZ-2026-00051", "customer_name": "Louise Roche", "commune": "Uzès",
            "status": "ready", "bags": 2, "keep_cold": true, "total_cents": 1240, "state": "pending",
            "payment_method": null, "by": null, "failure_reason": null}]},
    "past": [{"date": "2026-12-08", "ready_by": "09:00", "collected": true, "bags": 3,
        "orders": [
            {"order_id": 42, "number": "UZ-2026-00042", "customer_name": "Jeanne Martin", "commune": "Uzès",
             "status": "completed", "bags": 2, "keep_cold": true, "total_cents": 2350, "state": "delivered",
             "payment_method": "cheque", "by": "Paul Roux", "failure_reason": null},
            {"order_id": 44, "number": "UZ-2026-00044", "customer_name": "Marc Blanc", "commune": "Saint-Quentin-la-Poterie",
             "status": "ready", "bags": 1, "keep_cold": false, "total_cents": 990, "state": "failed",
             "payment_method": null, "by": "Paul Roux", "failure_reason": "nobody_home"}]}]
})))]
pub struct ShopRounds {
    /// The next delivery date with orders of the shop (today or later).
    pub next: Option<ShopRoundDay>,
    /// The last three dates before it, newest first: delivered, paid by what, failed.
    pub past: Vec<ShopRoundDay>,
}

/// Changes the signed-in account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"phone": "06 11 22 33 44"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateMe {
    /// A French phone number (volunteers need one); empty removes it.
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 30, pattern = "<phone-or-empty>")
    )]
    pub phone: String,
}
