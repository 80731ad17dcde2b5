//! A shop's back-office: joining the marketplace, the association approving or suspending
//! shops, the profile a merchant keeps up to date, closed days, and API keys.

use serde::{Deserialize, Serialize};

use crate::catalogue::{OpeningSlot, ShopKind};

/// Where a shop stands with the association.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShopStatus {
    /// Applied to join; invisible to shoppers until an admin approves it.
    Pending,
    /// Listed in the catalogue.
    Active,
    /// Taken off the catalogue by the association; its merchants still see it.
    Suspended,
}

impl ShopStatus {
    /// Every status, in the order an admin page offers them.
    pub const ALL: [ShopStatus; 3] = [
        ShopStatus::Pending,
        ShopStatus::Active,
        ShopStatus::Suspended,
    ];

    /// The wire and database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ShopStatus::Pending => "pending",
            ShopStatus::Active => "active",
            ShopStatus::Suspended => "suspended",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<ShopStatus> {
        ShopStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == value)
    }

    /// Whether an admin may take a shop from `self` to `to`: pending or suspended to
    /// active (approve), active to suspended (suspend).
    pub fn can_become(self, to: ShopStatus) -> bool {
        use ShopStatus::*;
        matches!(
            (self, to),
            (Pending, Active) | (Suspended, Active) | (Active, Suspended)
        )
    }
}

/// A shopkeeper's application to join the marketplace (`POST /shops`). The shop starts
/// `pending`; the applicant becomes its merchant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Fromagerie des Garrigues", "kind": "food", "address": "12 rue Port Royal",
    "postcode": "30700", "commune": "Uzès", "phone": "04 66 03 12 34",
    "email": "bonjour@fromagerie-garrigues.fr",
    "description": "Pélardons, tommes de brebis et fromages affinés de la région."
})))]
#[serde(deny_unknown_fields)]
pub struct ApplyForShop {
    /// The shop's name, 2 to 100 characters with a letter or digit; its slug is made from it.
    #[cfg_attr(feature = "openapi", schema(max_length = 100, pattern = "<visible-2>"))]
    pub name: String,
    /// What the shop is: `food`, `non_food` or `restaurant`.
    pub kind: ShopKind,
    /// Street address, 1 to 200 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 200, pattern = "<visible>"))]
    pub address: String,
    /// Postcode, 5 digits.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^[ \t\n\r]*[0-9]{5}[ \t\n\r]*$")
    )]
    pub postcode: String,
    /// The commune the shop is in, 1 to 100 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 100, pattern = "<visible>"))]
    pub commune: String,
    /// A French phone number; any usual spelling.
    #[cfg_attr(feature = "openapi", schema(pattern = "<phone>"))]
    pub phone: String,
    /// Contact e-mail shown to shoppers; empty: none.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 254, pattern = "<email-or-empty>")
    )]
    pub email: Option<String>,
    /// What the shop sells, 1 to 2000 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000, pattern = "<visible>"))]
    pub description: String,
}

/// A shop as its merchants (and admins) see it: its status and everything they can change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "slug": "fromagerie-des-garrigues", "name": "Fromagerie des Garrigues", "kind": "food",
    "status": "pending", "status_reason": null,
    "description": "Pélardons, tommes de brebis et fromages affinés de la région.",
    "address": "12 rue Port Royal", "postcode": "30700", "commune": "Uzès",
    "phone": "04 66 03 12 34", "email": "bonjour@fromagerie-garrigues.fr",
    "opening_hours": [{"weekday": 2, "opens": "09:00", "closes": "12:30"}],
    "offers_pickup": true, "offers_delivery": true, "vat_exempt": false,
    "delivers_on_food_days": false, "release_unconfirmed_after_hours": 48,
    "logo_url": "/api/v1/shops/fromagerie-des-garrigues/logo",
    "created_at": "2026-11-29T10:00:00+00:00"
})))]
pub struct ShopProfile {
    /// Stable identifier used in URLs (not changeable by merchants).
    pub slug: String,
    /// The shop's name (changed by the association only).
    pub name: String,
    /// What the shop is (changed by the association only).
    pub kind: ShopKind,
    /// Where the shop stands with the association.
    pub status: ShopStatus,
    /// Why the association suspended the shop, while it is suspended.
    pub status_reason: Option<String>,
    /// What the shop sells.
    pub description: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// Commune.
    pub commune: String,
    /// Phone number, `04 66 22 12 34`.
    pub phone: String,
    /// Contact e-mail, may be empty.
    pub email: String,
    /// Opening periods, by weekday then time; a weekday without any is closed.
    pub opening_hours: Vec<OpeningSlot>,
    /// Whether customers can collect orders at the shop.
    pub offers_pickup: bool,
    /// Whether the association's volunteers deliver the shop's orders.
    pub offers_delivery: bool,
    /// Micro-entrepreneur exempt from VAT.
    pub vat_exempt: bool,
    /// A restaurant whose orders go on the food delivery rounds.
    pub delivers_on_food_days: bool,
    /// Hours (4 to 336) after which a guest's website order the shop has not confirmed is
    /// cancelled (reason `auto_released`) and its stock put back on sale; 48 by default.
    pub release_unconfirmed_after_hours: i64,
    /// Where the shop's logo is served.
    pub logo_url: String,
    /// When the shop applied (ISO 8601, UTC).
    pub created_at: String,
    /// What the shop accepts on the doorstep when the volunteers deliver (a cheque to the
    /// shop's name; a card only where the shop lent a terminal). Cash and cheque by default.
    #[serde(default)]
    pub delivery_payment_means: Vec<crate::shop_orders::PaymentMethod>,
    /// Its legal identity (`PUT /shops/{slug}/legal`); `null` until given: the association
    /// cannot approve the shop without it.
    #[serde(default)]
    pub legal: Option<crate::legal::ShopLegal>,
}

/// Changes to a shop's profile (`PATCH /shops/{slug}`): any of these fields; the others
/// (`name`, `slug`, `status`, `kind`) are the association's and are refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "phone": "+33 4 66 03 12 34",
    "opening_hours": [{"weekday": 2, "opens": "09:00", "closes": "12:30"},
        {"weekday": 2, "opens": "15:00", "closes": "19:00"}],
    "offers_delivery": false
})))]
#[serde(deny_unknown_fields)]
pub struct UpdateShop {
    /// What the shop sells, 1 to 2000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000, pattern = "<visible>"))]
    pub description: Option<String>,
    /// A French phone number; any usual spelling, stored as `04 66 22 12 34`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = "<phone>"))]
    pub phone: Option<String>,
    /// Contact e-mail; an empty string removes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 254, pattern = "<email-or-empty>")
    )]
    pub email: Option<String>,
    /// Street address, 1 to 200 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200, pattern = "<visible>"))]
    pub address: Option<String>,
    /// Postcode, 5 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^[ \t\n\r]*[0-9]{5}[ \t\n\r]*$")
    )]
    pub postcode: Option<String>,
    /// Commune, 1 to 100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 100, pattern = "<visible>"))]
    pub commune: Option<String>,
    /// The whole week's opening periods, replacing the current ones: weekday 1 (Monday)
    /// to 7, `HH:MM` times, each period opening before it closes, no overlaps in a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_hours: Option<Vec<OpeningSlot>>,
    /// Whether customers can collect orders at the shop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offers_pickup: Option<bool>,
    /// Whether the association's volunteers deliver the shop's orders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offers_delivery: Option<bool>,
    /// Micro-entrepreneur exempt from VAT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_exempt: Option<bool>,
    /// Restaurants only: deliver on the food rounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivers_on_food_days: Option<bool>,
    /// Hours, 4 to 336 (14 days): a guest's website order still unconfirmed after this is
    /// cancelled (reason `auto_released`) and its stock put back on sale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 4, maximum = 336))]
    pub release_unconfirmed_after_hours: Option<i64>,
    /// What the shop accepts on the doorstep, at least one: `cash`, `cheque`, `card` (where
    /// it lent the volunteers a terminal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 3))]
    pub delivery_payment_means: Option<Vec<crate::shop_orders::PaymentMethod>>,
}

/// Fewest hours a shop may leave a guest's order unconfirmed before it is released.
pub const RELEASE_HOURS_MIN: i64 = 4;
/// Most hours (14 days) a shop may leave a guest's order unconfirmed before it is released.
pub const RELEASE_HOURS_MAX: i64 = 336;
/// The hours a new shop starts with.
pub const RELEASE_HOURS_DEFAULT: i64 = 48;

/// Filters and page of the admins' shop list (`GET /admin/shops`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AdminShopQuery {
    /// Only shops with this status: `pending`, `active` or `suspended`.
    #[cfg_attr(feature = "openapi", param(pattern = "^(pending|active|suspended)$"))]
    pub status: Option<String>,
    /// Page number, from 1.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 24).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u32>,
}

/// A shop in the admins' list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "slug": "fromagerie-des-garrigues", "name": "Fromagerie des Garrigues", "kind": "food",
    "status": "pending", "commune": "Uzès", "phone": "04 66 03 12 34",
    "created_at": "2026-11-29T10:00:00+00:00"
})))]
pub struct AdminShop {
    /// The shop's slug.
    pub slug: String,
    /// The shop's name.
    pub name: String,
    /// What the shop is.
    pub kind: ShopKind,
    /// Where it stands.
    pub status: ShopStatus,
    /// Its commune.
    pub commune: String,
    /// Its phone number, to call the shopkeeper back.
    pub phone: String,
    /// When it applied (ISO 8601, UTC).
    pub created_at: String,
    /// Whether it gave its legal identity; without it the shop cannot be approved (an
    /// active shop approved before identities were required keeps selling, flagged).
    #[serde(default)]
    pub legal_complete: bool,
}

/// Why the association suspends a shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "Fermeture pour travaux"})))]
#[serde(deny_unknown_fields)]
pub struct SuspendShop {
    /// 1 to 500 characters, shown to the shop's merchants.
    #[cfg_attr(feature = "openapi", schema(max_length = 500, pattern = "<visible>"))]
    pub reason: String,
}

/// Adds an existing account to a shop's team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "paul@example.fr"})))]
#[serde(deny_unknown_fields)]
pub struct AddShopMember {
    /// The account's e-mail address.
    pub email: String,
}

/// A member of a shop's team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 2,
    "email": "claire.fabre@example.fr",
    "name": "Claire Fabre"
})))]
pub struct ShopMember {
    /// The account's id.
    pub id: i64,
    /// The account's e-mail address.
    pub email: String,
    /// The account's name.
    pub name: String,
}

/// A day the shop is closed: no pickup, no delivery of its orders that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"date": "2026-12-25"})))]
#[serde(deny_unknown_fields)]
pub struct ClosedDay {
    /// `YYYY-MM-DD`, today or later (Europe/Paris).
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub date: String,
}

/// What an API key may do (issue 17), chosen when it is made. A call outside a key's scopes
/// answers 403 `scope_missing`, naming the scope it needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ApiKeyScope {
    /// Read the shop's profile, closed days and products (drafts included), export the CSV.
    #[serde(rename = "catalogue:read")]
    CatalogueRead,
    /// Create, change, publish, archive products; their pictures; the CSV import.
    #[serde(rename = "products:write")]
    ProductsWrite,
    /// Read the shop's orders, their live feed and its delivery rounds.
    #[serde(rename = "orders:read")]
    OrdersRead,
    /// Confirm, prepare, complete, cancel orders; record payments and notes; phone orders.
    #[serde(rename = "orders:write")]
    OrdersWrite,
    /// Register and manage the shop's webhook endpoints.
    #[serde(rename = "webhooks:manage")]
    WebhooksManage,
    /// Change the shop's profile, opening hours, logo and closed days.
    #[serde(rename = "shop:write")]
    ShopWrite,
}

impl ApiKeyScope {
    /// Every scope, in the order the documents list them.
    pub const ALL: [ApiKeyScope; 6] = [
        ApiKeyScope::CatalogueRead,
        ApiKeyScope::ProductsWrite,
        ApiKeyScope::OrdersRead,
        ApiKeyScope::OrdersWrite,
        ApiKeyScope::WebhooksManage,
        ApiKeyScope::ShopWrite,
    ];

    /// The scope's name, as in JSON and in the OpenAPI document.
    pub fn as_str(self) -> &'static str {
        match self {
            ApiKeyScope::CatalogueRead => "catalogue:read",
            ApiKeyScope::ProductsWrite => "products:write",
            ApiKeyScope::OrdersRead => "orders:read",
            ApiKeyScope::OrdersWrite => "orders:write",
            ApiKeyScope::WebhooksManage => "webhooks:manage",
            ApiKeyScope::ShopWrite => "shop:write",
        }
    }

    /// The scope with this name.
    pub fn parse(name: &str) -> Option<ApiKeyScope> {
        ApiKeyScope::ALL
            .into_iter()
            .find(|scope| scope.as_str() == name)
    }
}

/// Creates an API key for a shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Caisse du magasin", "scopes": ["catalogue:read", "products:write"]
})))]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    /// What the key is for, 1 to 100 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 100, pattern = "<visible>"))]
    pub name: String,
    /// What the key may do: at least one scope (a repeated one counts once). Absent: every
    /// scope (what keys
    /// made before scopes existed keep); give only what the integration needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 6))]
    pub scopes: Option<Vec<ApiKeyScope>>,
}

/// A new API key, with its secret: shown this once, it cannot be read again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 7, "name": "Caisse du magasin", "prefix": "vtr_3f9c2a1b",
    "key": "vtr_3f9c2a1b5d7e4f60a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4",
    "created_at": "2026-11-29T10:00:00+00:00", "scopes": ["catalogue:read", "products:write"]
})))]
pub struct NewApiKey {
    /// The key's id, to revoke it.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its first characters, to tell keys apart.
    pub prefix: String,
    /// The secret: send it as `Authorization: Bearer <key>`. Stored hashed, never shown
    /// again.
    pub key: String,
    /// What it may do.
    pub scopes: Vec<ApiKeyScope>,
    /// When it was created (ISO 8601, UTC).
    pub created_at: String,
}

/// An API key as listed: no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 7, "name": "Caisse du magasin", "prefix": "vtr_3f9c2a1b",
    "created_at": "2026-11-29T10:00:00+00:00", "last_used_at": "2026-11-30T08:12:00+00:00",
    "revoked_at": null, "scopes": ["catalogue:read", "products:write"]
})))]
pub struct ApiKey {
    /// The key's id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its first characters.
    pub prefix: String,
    /// When it was created (ISO 8601, UTC).
    pub created_at: String,
    /// When it was last used (to the minute), if ever.
    pub last_used_at: Option<String>,
    /// When it was revoked; a revoked key no longer works.
    pub revoked_at: Option<String>,
    /// What it may do.
    pub scopes: Vec<ApiKeyScope>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_approve_and_suspend_move_a_shop() {
        use ShopStatus::*;
        for (from, to, allowed) in [
            (Pending, Active, true),
            (Suspended, Active, true),
            (Active, Suspended, true),
            (Active, Active, false),
            (Pending, Suspended, false),
            (Suspended, Suspended, false),
            (Active, Pending, false),
        ] {
            assert_eq!(from.can_become(to), allowed, "{from:?} -> {to:?}");
        }
        for status in ShopStatus::ALL {
            assert_eq!(ShopStatus::parse(status.as_str()), Some(status));
        }
    }

    #[test]
    fn merchants_cannot_patch_what_the_association_decides() {
        for field in ["name", "slug", "status", "kind"] {
            let body = format!("{{\"{field}\": \"x\"}}");
            assert!(
                serde_json::from_str::<UpdateShop>(&body).is_err(),
                "{field}"
            );
        }
        let ok: UpdateShop = serde_json::from_str(r#"{"offers_pickup": false}"#).unwrap();
        assert_eq!(ok.offers_pickup, Some(false));
    }
}
