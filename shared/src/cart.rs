//! The basket: one per shopper, across shops, shown grouped by shop with each shop's
//! delivery or pickup date.

use serde::{Deserialize, Serialize};

use crate::catalogue::{ShopKind, StockState};

/// Most units of one product in a basket.
pub const MAX_QUANTITY: i64 = 99;

/// Most lines (different products) in a basket; the next is refused (`basket_full`).
pub const MAX_LINES: i64 = 100;

/// How a shop's order reaches the shopper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FulfilmentMethod {
    /// Collected at the shop during its opening hours.
    Pickup,
    /// Brought home, free, by the association's volunteers on the shop's delivery day.
    Delivery,
}

/// One way a shop's part of the basket can be fulfilled, with its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FulfilmentOption {
    /// Pickup or delivery.
    pub method: FulfilmentMethod,
    /// The day, `YYYY-MM-DD` (Europe/Paris), if the order were placed now.
    pub date: String,
}

/// The shop of a group of basket lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CartShop {
    /// The shop's slug.
    pub slug: String,
    /// The shop's name.
    pub name: String,
    /// What the shop is; it decides its delivery days.
    pub kind: ShopKind,
    /// Whether the shop takes orders now: false while it has not completed its legal
    /// identity (its products stay in the basket, but the checkout refuses them).
    pub takes_orders: bool,
}

/// One product in the basket, at today's price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CartLine {
    /// The product's id.
    pub product_id: i64,
    /// The variant's id: address the line with it
    /// (`/carts/{id}/variants/{variant_id}`).
    #[serde(default)]
    pub variant_id: i64,
    /// The product's name.
    pub name: String,
    /// The variant's label ("39", "500 g"); empty for a product without sizes.
    #[serde(default)]
    pub variant_label: String,
    /// Price per kilo, litre or piece of the unit price, when the variant states a net
    /// quantity (see `Variant`).
    #[serde(default)]
    pub price_per_unit_cents: Option<i64>,
    /// `kg`, `l` or `piece`.
    #[serde(default)]
    pub price_per_unit: Option<crate::measure::PerUnit>,
    /// Sold by weight: the unit price is an estimate for a piece of about
    /// `estimated_weight_g`; the shop weighs it and the order says the final price.
    #[serde(default)]
    pub sold_by_weight: bool,
    /// About how much one piece weighs, in grams (sold by weight only).
    #[serde(default)]
    pub estimated_weight_g: Option<i32>,
    /// Today's price of one unit, in cents, VAT included.
    pub unit_price_cents: i64,
    /// Units in the basket, 1 to 99.
    pub quantity: i64,
    /// `unit_price_cents * quantity`.
    pub line_total_cents: i64,
    /// Whether this quantity can be ordered now (on sale and enough stock).
    pub available: bool,
    /// The product's stock state.
    pub stock: StockState,
    /// The product's picture, list size.
    pub thumbnail_url: String,
}

/// The lines of one shop, its subtotal and how it can reach the shopper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CartGroup {
    /// The shop.
    pub shop: CartShop,
    /// Its lines, in the order they were added.
    pub lines: Vec<CartLine>,
    /// Sum of the lines, in cents.
    pub subtotal_cents: i64,
    /// Pickup and/or delivery, each with its date.
    pub fulfilment_options: Vec<FulfilmentOption>,
    /// The marketplace's minimum basket for delivery, in cents, when the shop delivers but
    /// this subtotal is below it: delivery is not offered until the subtotal reaches it.
    #[serde(default)]
    pub delivery_minimum_cents: Option<i64>,
}

/// A basket, grouped by shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0b5f6c1e-7a43-4c55-9d7e-1f2a3b4c5d6e",
    "groups": [{
        "shop": {"slug": "epicerie-du-duche", "name": "Épicerie du Duché", "kind": "food", "takes_orders": true},
        "lines": [{"product_id": 1, "name": "Miel de garrigue 500 g", "unit_price_cents": 1050,
            "quantity": 2, "line_total_cents": 2100, "available": true, "stock": "in_stock",
            "thumbnail_url": "/api/v1/products/1/picture?size=thumb"}],
        "subtotal_cents": 2100,
        "fulfilment_options": [
            {"method": "pickup", "date": "2026-12-01"},
            {"method": "delivery", "date": "2026-12-01"}
        ],
        "delivery_minimum_cents": null
    }],
    "item_count": 2, "total_cents": 2100, "currency": "EUR"
})))]
pub struct Cart {
    /// The basket's id: keep it secret, it is the basket's only key.
    pub id: String,
    /// One group per shop, in the order shops were first added.
    pub groups: Vec<CartGroup>,
    /// Units in the basket (what the basket icon shows).
    pub item_count: i64,
    /// Sum of all groups, in cents.
    pub total_cents: i64,
    /// Always `EUR`.
    pub currency: String,
}

/// Puts a product in the basket, adding to its line if it is there already.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "product_id": 20,
    "quantity": 2
})))]
pub struct AddCartItem {
    /// The product's id.
    pub product_id: i64,
    /// Which of its variants (`variants[].id` on the product); may be left out for a
    /// product with a single variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_id: Option<i64>,
    /// Units to add, 1 to 99 (the line may not exceed 99 or the stock).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 99))]
    pub quantity: i64,
}

/// Sets a line's quantity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "quantity": 3
})))]
pub struct UpdateCartItem {
    /// The new quantity, 0 to 99; 0 removes the line.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 99))]
    pub quantity: i64,
}
