//! The catalogue as the API shows it: shops, categories, products, and the queries that list them.

use serde::{Deserialize, Serialize};

/// What a shop is; it decides its delivery days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShopKind {
    /// Grocers, bakers, butchers, producers: delivered Tuesday and Friday.
    Food,
    /// Books, shoes, clothes, crafts: delivered Thursday.
    NonFood,
    /// Restaurants and caterers: pickup unless they opt in to the food days.
    Restaurant,
}

impl ShopKind {
    /// Every kind, in display order.
    pub const ALL: [ShopKind; 3] = [ShopKind::Food, ShopKind::NonFood, ShopKind::Restaurant];

    /// The wire and database spelling: `food`, `non_food`, `restaurant`.
    pub fn as_str(self) -> &'static str {
        match self {
            ShopKind::Food => "food",
            ShopKind::NonFood => "non_food",
            ShopKind::Restaurant => "restaurant",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<ShopKind> {
        ShopKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == value)
    }
}

/// One opening period of a shop on one weekday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningSlot {
    /// ISO weekday: 1 is Monday, 7 is Sunday.
    pub weekday: u8,
    /// Opening time, `HH:MM`, Europe/Paris.
    pub opens: String,
    /// Closing time, `HH:MM`, Europe/Paris.
    pub closes: String,
}

/// A shop as listed in the directory and on the home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "slug": "epicerie-du-duche", "name": "Épicerie du Duché", "kind": "food",
    "description": "Épicerie fine au pied du Duché.", "commune": "Uzès", "postcode": "30700",
    "offers_pickup": true, "offers_delivery": true, "logo_url": "/api/v1/shops/epicerie-du-duche/logo"
})))]
pub struct ShopSummary {
    /// Stable identifier used in URLs.
    pub slug: String,
    /// The shop's name.
    pub name: String,
    /// What the shop is.
    pub kind: ShopKind,
    /// A short presentation.
    pub description: String,
    /// The commune the shop is in.
    pub commune: String,
    /// Its postcode.
    pub postcode: String,
    /// Whether customers can collect orders at the shop.
    pub offers_pickup: bool,
    /// Whether the association's volunteers deliver this shop's orders.
    pub offers_delivery: bool,
    /// Where the shop's logo is served.
    pub logo_url: String,
}

/// Filters of the shop directory (`GET /shops`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ShopQuery {
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 24).
    pub per_page: Option<u32>,
    /// Only shops of this kind: `food`, `non_food` or `restaurant`.
    pub kind: Option<String>,
    /// Only shops in this commune (exact name, e.g. `Uzès`).
    pub commune: Option<String>,
    /// `true`: only shops that deliver; `false`: only pickup shops.
    pub delivers: Option<bool>,
    /// Words to look for in the shop's name and description.
    pub q: Option<String>,
}

/// A category with the number of active products in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "slug": "fromagerie", "name": "Fromagerie", "parent": null, "product_count": 48
})))]
pub struct Category {
    /// Stable identifier used in URLs.
    pub slug: String,
    /// The category's name.
    pub name: String,
    /// The parent category's slug; `null` for a top-level category.
    pub parent: Option<String>,
    /// Active products of active shops in this category (sub-categories not included).
    pub product_count: u64,
}

/// Paging of a plain list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PageQuery {
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 24).
    pub per_page: Option<u32>,
}
