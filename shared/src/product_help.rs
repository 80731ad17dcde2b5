//! Products entered for a shop (issue 11): a shop's merchant lets the association manage its
//! products; an admin then assigns volunteers to the shop, who manage its products and
//! nothing else of it. Every product change they make is in the shop's history, which the
//! shop reads.

use serde::{Deserialize, Serialize};

use crate::catalogue::ShopKind;
use crate::shop_admin::ShopStatus;

/// Whether the shop lets the association manage its products, and who does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "allowed": true, "helpers": [{"id": 7, "name": "Lucie Vidal"}]
})))]
pub struct ProductHelp {
    /// The shop's consent; off until its merchant turns it on.
    pub allowed: bool,
    /// The volunteers an admin assigned to the shop, by name (none while `allowed` is off).
    pub helpers: Vec<ProductHelper>,
}

/// A volunteer who manages a shop's products.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductHelper {
    /// The account's id.
    pub id: i64,
    /// The account's name.
    pub name: String,
}

/// The shop's consent (its merchants only): on, the association may manage its products;
/// off, every assignment ends at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"allowed": true})))]
#[serde(deny_unknown_fields)]
pub struct SetProductHelp {
    /// On or off.
    pub allowed: bool,
}

/// The volunteers who manage a consenting shop's products (replaces the list; empty: none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"volunteer_ids": [7]})))]
#[serde(deny_unknown_fields)]
pub struct SetProductHelpers {
    /// Accounts with the `volunteer` role, at most 10.
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    #[serde(deserialize_with = "crate::whole_number_ids")]
    pub volunteer_ids: Vec<i64>,
}

/// A shop whose products the caller manages for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "slug": "epicerie-du-duche", "name": "Épicerie du Duché", "kind": "food",
    "status": "active", "vat_exempt": false
})))]
pub struct HelpedShop {
    /// The shop's slug.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: ShopKind,
    /// Where it stands with the association.
    pub status: ShopStatus,
    /// Whether it is exempt from VAT (its products' rate is then 0).
    pub vat_exempt: bool,
}

/// The shops whose products the caller manages for them: a volunteer's assigned consenting
/// shops; for an admin every consenting shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "items": [{"kind": "food", "name": "Épicerie du Duché", "slug": "epicerie-du-duche", "status": "active", "vat_exempt": false}]
})))]
pub struct HelpedShops {
    /// By name.
    pub items: Vec<HelpedShop>,
}

/// One step of a shop's history: who did what, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "at": "2026-12-04T10:12:00Z", "actor_name": "Lucie Vidal",
    "from_status": null, "to_status": null,
    "note": "Lucie Vidal a modifié « Confiture de figues » pour Épicerie du Duché"
})))]
pub struct ShopHistoryEntry {
    /// When (UTC, RFC 3339).
    pub at: String,
    /// Who, by name; `None` for the system or an API key.
    pub actor_name: Option<String>,
    /// A status change's former status.
    pub from_status: Option<ShopStatus>,
    /// A status change's new status.
    pub to_status: Option<ShopStatus>,
    /// What happened, in words (French).
    pub note: String,
}

/// A shop's history, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "items": [{"actor_name": "Lucie Vidal", "at": "2026-12-04T10:12:00Z", "from_status": null, "note": "Lucie Vidal a modifié « Confiture de figues » pour Épicerie du Duché", "to_status": null}]
})))]
pub struct ShopHistory {
    /// At most the 200 newest steps.
    pub items: Vec<ShopHistoryEntry>,
}
