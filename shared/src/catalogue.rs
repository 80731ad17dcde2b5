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
#[serde(deny_unknown_fields)]
pub struct OpeningSlot {
    /// ISO weekday: 1 is Monday, 7 is Sunday.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 7))]
    pub weekday: u8,
    /// Opening time, `HH:MM`, Europe/Paris.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$")
    )]
    pub opens: String,
    /// Closing time, `HH:MM` (`24:00` for midnight), Europe/Paris, later than `opens`.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$")
    )]
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
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 24).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u32>,
    /// Only shops of this kind: `food`, `non_food` or `restaurant`.
    #[cfg_attr(feature = "openapi", param(pattern = "^(food|non_food|restaurant)$"))]
    pub kind: Option<String>,
    /// Only shops in this commune (exact name, e.g. `Uzès`).
    pub commune: Option<String>,
    /// `true`: only shops that deliver; `false`: only pickup shops.
    pub delivers: Option<bool>,
    /// Words to look for in the shop's name and description.
    pub q: Option<String>,
}

/// A category with the number of products on sale in it, and in it and its sub-categories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "slug": "fromagerie", "name": "Fromagerie", "name_en": "Cheese shop", "parent": null,
    "own_product_count": 40, "subtree_product_count": 48, "former_slugs": ["fromages"]
})))]
pub struct Category {
    /// Stable identifier used in URLs (a rename keeps it).
    pub slug: String,
    /// The category's name, in French.
    pub name: String,
    /// The category's name in English, if the association gave one.
    #[serde(default)]
    pub name_en: Option<String>,
    /// The parent category's slug; `null` for a top-level category.
    pub parent: Option<String>,
    /// Active products of active shops filed in this category itself (sub-categories not
    /// included).
    pub own_product_count: u64,
    /// Active products of active shops in this category and all its sub-categories: what
    /// `GET /products?category=<slug>` lists.
    pub subtree_product_count: u64,
    /// Slugs of categories merged into this one: `?category=<former slug>` lists this one.
    #[serde(default)]
    pub former_slugs: Vec<String>,
}

impl Category {
    /// The name in the reader's language: English when asked and given, French otherwise.
    pub fn name_in(&self, english: bool) -> &str {
        match (&self.name_en, english) {
            (Some(name), true) if !name.is_empty() => name,
            _ => &self.name,
        }
    }
}

/// Paging of a plain list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PageQuery {
    /// Page number, from 1.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 24).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u32>,
}

/// How much of a product is left, as a shopper sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StockState {
    /// Plenty left.
    InStock,
    /// Only a few left (3 or fewer).
    Low,
    /// None left: it cannot be ordered.
    Out,
    /// The shop does not count this product's stock: always available.
    Untracked,
}

impl StockState {
    /// At or below this many units, stock is `low`.
    pub const LOW_THRESHOLD: i32 = 3;

    /// The state of a stock count (`None`: not tracked).
    pub fn of(stock: Option<i32>) -> StockState {
        match stock {
            None => StockState::Untracked,
            Some(n) if n <= 0 => StockState::Out,
            Some(n) if n <= StockState::LOW_THRESHOLD => StockState::Low,
            Some(_) => StockState::InStock,
        }
    }
}

/// The shop a product belongs to, as a product card names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopRef {
    /// The shop's slug.
    pub slug: String,
    /// The shop's name.
    pub name: String,
}

/// A category as a product names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryRef {
    /// The category's slug.
    pub slug: String,
    /// The category's name.
    pub name: String,
}

/// What a product card in a list shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 42, "slug": "pelardon-affine", "name": "Pélardon affiné", "price_cents": 350,
    "currency": "EUR", "shop": {"slug": "fromagerie-du-duche", "name": "Fromagerie du Duché"},
    "category": "fromagerie", "stock": "in_stock",
    "picture_url": "/api/v1/products/42/picture",
    "thumbnail_url": "/api/v1/products/42/picture?size=thumb"
})))]
pub struct ProductCard {
    /// The product's id.
    pub id: i64,
    /// A readable identifier, unique within its shop.
    pub slug: String,
    /// The product's name.
    pub name: String,
    /// Price in cents, VAT included: the lowest price of its variants on sale.
    pub price_cents: i64,
    /// Always `EUR`.
    pub currency: String,
    /// Whether its variants on sale have different prices: `price_cents` is the lowest
    /// ("from 12,50 €").
    #[serde(default)]
    pub price_from: bool,
    /// The price per kilo, litre or piece of the variant at `price_cents`, when it states a
    /// net quantity (pre-packed food); computed, never below 1 cent.
    #[serde(default)]
    pub price_per_unit_cents: Option<i64>,
    /// What `price_per_unit_cents` is per: `kg`, `l` or `piece`.
    #[serde(default)]
    pub price_per_unit: Option<crate::measure::PerUnit>,
    /// Whether that variant is sold by weight: `price_cents` is then an estimate.
    #[serde(default)]
    pub sold_by_weight: bool,
    /// Its shop.
    pub shop: ShopRef,
    /// Its category's slug.
    pub category: String,
    /// Whether it can be ordered.
    pub stock: StockState,
    /// The picture, display size.
    pub picture_url: String,
    /// The picture, list size.
    pub thumbnail_url: String,
}

/// Everything a product page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 1, "slug": "miel-de-garrigue-500-g", "name": "Miel de garrigue 500 g",
    "description": "Miel toutes fleurs récolté dans les garrigues de l'Uzège.",
    "price_cents": 1050, "currency": "EUR", "vat_rate": 5.5, "stock": "in_stock",
    "max_quantity": 47, "category": {"slug": "miels-et-confitures", "name": "Miels et confitures"},
    "shop": {"slug": "epicerie-du-duche", "name": "Épicerie du Duché", "kind": "food",
        "description": "Épicerie fine au cœur d'Uzès.", "commune": "Uzès", "postcode": "30700",
        "offers_pickup": true, "offers_delivery": true,
        "logo_url": "/api/v1/shops/epicerie-du-duche/logo"},
    "takes_orders": true,
    "picture_url": "/api/v1/products/1/picture",
    "thumbnail_url": "/api/v1/products/1/picture?size=thumb"
})))]
pub struct Product {
    /// The product's id.
    pub id: i64,
    /// A readable identifier, unique within its shop.
    pub slug: String,
    /// The product's name.
    pub name: String,
    /// A presentation by the shop.
    pub description: String,
    /// Price in cents, VAT included.
    pub price_cents: i64,
    /// Always `EUR`.
    pub currency: String,
    /// VAT rate in percent (0, 2.1, 5.5, 10 or 20).
    pub vat_rate: f64,
    /// Whether it can be ordered.
    pub stock: StockState,
    /// The most a shopper can put in the basket now (stock, capped at 99).
    pub max_quantity: u32,
    /// Whether its variants on sale have different prices: `price_cents` is the lowest.
    #[serde(default)]
    pub price_from: bool,
    /// The price per kilo, litre or piece at `price_cents` (see [`Variant`]).
    #[serde(default)]
    pub price_per_unit_cents: Option<i64>,
    /// What `price_per_unit_cents` is per.
    #[serde(default)]
    pub price_per_unit: Option<crate::measure::PerUnit>,
    /// Its variants on sale, in the shop's order: one (labelled "") for a product without
    /// sizes. Put a variant in the basket with its `id` as `variant_id`.
    #[serde(default)]
    pub variants: Vec<Variant>,
    /// Its category.
    pub category: CategoryRef,
    /// Its shop.
    pub shop: ShopSummary,
    /// Whether its shop takes orders now: false while the shop has not completed its legal
    /// identity (the product is shown, but cannot be ordered).
    pub takes_orders: bool,
    /// The picture, display size.
    pub picture_url: String,
    /// The picture, list size.
    pub thumbnail_url: String,
}

/// A variant of a product as shoppers see it: a size, a jar, a piece of cheese by weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 31, "label": "500 g", "price_cents": 1050, "stock": "in_stock", "max_quantity": 12,
    "net_quantity": 500, "net_unit": "g", "price_per_unit_cents": 2100, "price_per_unit": "kg",
    "sold_by_weight": false, "price_per_kg_cents": null, "estimated_weight_g": null
})))]
pub struct Variant {
    /// The variant's id (`variant_id` in the basket).
    pub id: i64,
    /// "39", "500 g"; empty for the only variant of a product without sizes.
    pub label: String,
    /// Price in cents, VAT included; for a variant sold by weight, the estimate for one
    /// piece of `estimated_weight_g` at `price_per_kg_cents`.
    pub price_cents: i64,
    /// Whether it can be ordered (`out`: shown, not selectable).
    pub stock: StockState,
    /// The most a shopper can put in the basket now (stock, capped at 99).
    pub max_quantity: u32,
    /// Net quantity, in grams (`g`, `kg`), millilitres (`ml`, `cl`, `l`) or pieces.
    pub net_quantity: Option<i64>,
    /// The unit the net quantity is stated in.
    pub net_unit: Option<crate::measure::NetUnit>,
    /// Price per kilo, litre or piece, computed from the price and net quantity, rounded
    /// half up, never below 1 cent; `null` when no net quantity is stated or the shop's
    /// product is exempt.
    pub price_per_unit_cents: Option<i64>,
    /// `kg`, `l` or `piece`.
    pub price_per_unit: Option<crate::measure::PerUnit>,
    /// Cut to order and weighed: the price is settled on the actual weight.
    pub sold_by_weight: bool,
    /// For a variant sold by weight, its price per kilo.
    pub price_per_kg_cents: Option<i64>,
    /// For a variant sold by weight, about how much one piece weighs, in grams.
    pub estimated_weight_g: Option<i32>,
}

/// How a product list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProductSort {
    /// Best matches first (name matches before description matches); the default with `q`.
    Relevance,
    /// Cheapest first.
    PriceAsc,
    /// Dearest first.
    PriceDesc,
    /// Most recently added first.
    Newest,
    /// Alphabetical, the French way ("Éclair" with the E's); the default without `q`.
    Name,
}

impl ProductSort {
    /// Every sort, in the order a menu offers them.
    pub const ALL: [ProductSort; 5] = [
        ProductSort::Relevance,
        ProductSort::PriceAsc,
        ProductSort::PriceDesc,
        ProductSort::Newest,
        ProductSort::Name,
    ];

    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ProductSort::Relevance => "relevance",
            ProductSort::PriceAsc => "price_asc",
            ProductSort::PriceDesc => "price_desc",
            ProductSort::Newest => "newest",
            ProductSort::Name => "name",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<ProductSort> {
        ProductSort::ALL
            .into_iter()
            .find(|sort| sort.as_str() == value)
    }
}

/// Filters, sort and page of the catalogue (`GET /products`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ProductQuery {
    /// Page number, from 1.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 24).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u32>,
    /// Words to find in product names, descriptions, categories and shop names (at most
    /// 200 characters; case, accents and plurals do not matter).
    pub q: Option<String>,
    /// A category's slug; its sub-categories are included.
    pub category: Option<String>,
    /// A shop's slug.
    pub shop: Option<String>,
    /// Lowest price in cents, included.
    #[cfg_attr(feature = "openapi", param(minimum = 0))]
    pub min_price_cents: Option<i64>,
    /// Highest price in cents, included.
    #[cfg_attr(feature = "openapi", param(minimum = 0))]
    pub max_price_cents: Option<i64>,
    /// `true` hides products that are out of stock.
    pub in_stock: Option<bool>,
    /// `relevance` (default with `q`), `price_asc`, `price_desc`, `newest` or `name`
    /// (default without `q`); empty: the default.
    #[cfg_attr(
        feature = "openapi",
        param(pattern = "^(relevance|price_asc|price_desc|newest|name)?$")
    )]
    pub sort: Option<String>,
}

/// A shop's page: everything a shopper needs to order from it or visit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "slug": "chaussures-fabre", "name": "Chaussures Fabre", "kind": "non_food",
    "description": "Chausseur à Uzès depuis trois générations.", "commune": "Uzès",
    "postcode": "30700", "offers_pickup": true, "offers_delivery": true,
    "logo_url": "/api/v1/shops/chaussures-fabre/logo", "address": "5 boulevard Gambetta",
    "phone": "04 65 71 00 12", "email": "contact@chaussures-fabre.fr",
    "opening_hours": [{"weekday": 2, "opens": "09:30", "closes": "12:30"},
        {"weekday": 2, "opens": "14:30", "closes": "19:00"}],
    "delivery_days": [4], "vat_exempt": false, "vat_mention": null
})))]
pub struct Shop {
    // The directory's fields are repeated rather than `#[serde(flatten)]`ed: flatten costs
    // the web app 7.7 KB of wasm (brotli).
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
    /// Street address.
    pub address: String,
    /// Phone number, French format.
    pub phone: String,
    /// Contact e-mail, may be empty.
    pub email: String,
    /// Opening periods per weekday; a weekday without any is closed.
    pub opening_hours: Vec<OpeningSlot>,
    /// ISO weekdays (1 Monday .. 7 Sunday) on which volunteers deliver this shop's orders;
    /// empty when it does not deliver.
    pub delivery_days: Vec<u8>,
    /// Micro-entrepreneur exempt from VAT.
    pub vat_exempt: bool,
    /// The legal mention to show when `vat_exempt`.
    pub vat_mention: Option<String>,
    /// Who sells: the shop's legal identity; `null` while a shop approved before identities
    /// were required has not given it.
    #[serde(default)]
    pub legal: Option<crate::legal::ShopLegal>,
}
