//! The association's dashboard (issue 13): figures over a chosen period, for the admins
//! (`GET /admin/stats`), each tile also as a CSV file (`GET /admin/stats/{tile}.csv`).
//!
//! Days are Europe/Paris days; money is integer cents TTC in EUR.

use serde::{Deserialize, Serialize};

/// Most days a period may cover (25 months, what the search log keeps).
pub const MAX_PERIOD_DAYS: i64 = 762;

/// How the period is cut for the charts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StatsInterval {
    /// One bar per day.
    #[default]
    Day,
    /// One bar per week, from Monday.
    Week,
    /// One bar per calendar month.
    Month,
}

impl StatsInterval {
    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            StatsInterval::Day => "day",
            StatsInterval::Week => "week",
            StatsInterval::Month => "month",
        }
    }
}

/// `GET /admin/stats`: the period and how to cut it. Without `to`, today; without `from`,
/// the 7 days to `to`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct StatsQuery {
    /// The period's first day, `YYYY-MM-DD` (Europe/Paris).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub from: Option<String>,
    /// The period's last day, included, `YYYY-MM-DD`; at most 762 days after `from`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub to: Option<String>,
    /// How to cut the period: `day` (default), `week` or `month`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(inline))]
    pub by: Option<StatsInterval>,
}

/// A tile of the dashboard, as its CSV file is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StatsTile {
    /// Orders and their value per day, week or month.
    Orders,
    /// Orders per shop.
    Shops,
    /// Baskets: median value, share across several shops.
    Baskets,
    /// Deliveries per round and per commune, against pickups.
    Fulfilment,
    /// How long shops take to confirm.
    Confirmation,
    /// Cancellations and their reasons.
    Cancellations,
    /// Shops with no active product or no order for 30 days.
    QuietShops,
    /// The most frequent searches, and those that found nothing.
    Searches,
    /// Page views, unique visitors and the flyer's visits.
    Visits,
}

impl StatsTile {
    /// Every tile, in the dashboard's order.
    pub const ALL: [StatsTile; 9] = [
        StatsTile::Orders,
        StatsTile::Shops,
        StatsTile::Baskets,
        StatsTile::Fulfilment,
        StatsTile::Confirmation,
        StatsTile::Cancellations,
        StatsTile::QuietShops,
        StatsTile::Searches,
        StatsTile::Visits,
    ];

    /// The name on the wire and in the CSV's address.
    pub fn as_str(self) -> &'static str {
        match self {
            StatsTile::Orders => "orders",
            StatsTile::Shops => "shops",
            StatsTile::Baskets => "baskets",
            StatsTile::Fulfilment => "fulfilment",
            StatsTile::Confirmation => "confirmation",
            StatsTile::Cancellations => "cancellations",
            StatsTile::QuietShops => "quiet_shops",
            StatsTile::Searches => "searches",
            StatsTile::Visits => "visits",
        }
    }

    /// The tile named `name`, if any.
    pub fn parse(name: &str) -> Option<StatsTile> {
        StatsTile::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// Orders of one day, week or month (or of the whole period).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrdersFigures {
    /// The first day of the day, week or month, `YYYY-MM-DD`.
    pub start: String,
    /// Orders placed (one per shop of a basket), cancelled ones included.
    pub orders: u32,
    /// Of those, the orders cancelled since.
    pub cancelled: u32,
    /// What the orders not cancelled come to, in cents.
    pub value_cents: i64,
}

/// Orders and their value per day, week or month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrdersTile {
    /// The whole period (`start` is its first day).
    pub total: OrdersFigures,
    /// Each day, week or month of the period, empty ones included.
    pub periods: Vec<OrdersFigures>,
}

/// One shop's orders over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopOrders {
    /// The shop's slug.
    pub slug: String,
    /// The shop's name.
    pub name: String,
    /// Orders placed, cancelled ones included.
    pub orders: u32,
    /// Of those, cancelled.
    pub cancelled: u32,
    /// What the orders not cancelled come to, in cents.
    pub value_cents: i64,
}

/// Baskets of one day, week or month (or of the whole period).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BasketFigures {
    /// The first day of the day, week or month, `YYYY-MM-DD`.
    pub start: String,
    /// Baskets checked out on the website (one checkout, one or more shops' orders).
    pub baskets: u32,
    /// Of those, the baskets that held several shops' orders.
    pub multi_shop: u32,
    /// The median basket, in cents, as it was checked out; `null` without baskets.
    pub median_cents: Option<i64>,
}

/// Baskets: their median value, and the share that spans several shops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BasketsTile {
    /// The whole period.
    pub total: BasketFigures,
    /// Each day, week or month of the period.
    pub periods: Vec<BasketFigures>,
}

/// Deliveries to one commune over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommuneDeliveries {
    /// The commune's name.
    pub commune: String,
    /// Orders to deliver there (not cancelled).
    pub deliveries: u32,
}

/// One delivery round of a date of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoundDeliveries {
    /// The delivery date, `YYYY-MM-DD`.
    pub date: String,
    /// The round's name (the default round of a date no admin split is "Tournée").
    pub name: String,
    /// Its stops (addresses).
    pub stops: u32,
    /// Its orders (one per shop and address).
    pub orders: u32,
    /// Orders delivered.
    pub delivered: u32,
    /// Orders that failed (back to the shop).
    pub failed: u32,
}

/// Deliveries per round and per commune, against pickups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FulfilmentTile {
    /// Orders placed in the period for delivery, not cancelled.
    pub deliveries: u32,
    /// Orders placed in the period for pickup at the shop, not cancelled.
    pub pickups: u32,
    /// Deliveries per commune, most first.
    pub communes: Vec<CommuneDeliveries>,
    /// The rounds of the delivery dates in the period, by date.
    pub rounds: Vec<RoundDeliveries>,
}

/// Orders still waiting for their shop's confirmation so many hours after they were placed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmationLag {
    /// 2, 6 or 24.
    pub hours: u32,
    /// Orders placed at least that long ago (the others cannot tell yet).
    pub placed_before: u32,
    /// Of those, the orders still waiting for their shop by then: neither confirmed nor
    /// cancelled (a later cancellation, Vitrine's release included, does not take them out).
    pub unconfirmed: u32,
}

/// One shop's confirmations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopConfirmation {
    /// The shop's slug.
    pub slug: String,
    /// The shop's name.
    pub name: String,
    /// Orders placed in the period.
    pub orders: u32,
    /// The median time to confirm, in minutes; `null` when none was confirmed.
    pub median_minutes: Option<i64>,
    /// After 2, 6 and 24 hours.
    pub lags: Vec<ConfirmationLag>,
    /// Orders still waiting for confirmation now.
    pub still_unconfirmed: u32,
}

/// How long the shops take to confirm orders (and call the customer back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmationTile {
    /// Orders placed in the period.
    pub orders: u32,
    /// Of those, confirmed by their shop.
    pub confirmed: u32,
    /// The median time from placed to confirmed, in minutes; `null` when none was.
    pub median_minutes: Option<i64>,
    /// After 2, 6 and 24 hours.
    pub lags: Vec<ConfirmationLag>,
    /// Orders of the period still waiting for confirmation now.
    pub still_unconfirmed: u32,
    /// Per shop, the slowest first.
    pub shops: Vec<ShopConfirmation>,
}

/// Cancellations of one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CancellationReason {
    /// The reason as given (`auto_released`: not confirmed in time, released by Vitrine).
    pub reason: String,
    /// Who cancelled: `customer`, `shop` (its merchants, its API keys or an admin) or
    /// `system`.
    pub by: String,
    /// Orders.
    pub orders: u32,
}

/// Cancellations with their reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CancellationsTile {
    /// Orders placed in the period and cancelled since.
    pub cancelled: u32,
    /// Per reason and who cancelled, most first.
    pub reasons: Vec<CancellationReason>,
}

/// An active shop that may need the association's help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuietShop {
    /// The shop's slug.
    pub slug: String,
    /// The shop's name.
    pub name: String,
    /// Its products on sale now.
    pub active_products: u32,
    /// When it last had an order, ISO 8601 UTC; `null` if never.
    pub last_order_at: Option<String>,
    /// No product on sale.
    pub no_active_product: bool,
    /// No order for 30 days.
    pub no_recent_order: bool,
}

/// One normalised search (lower case, accents folded) over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchFigures {
    /// The words searched, normalised.
    pub query: String,
    /// Times searched (the first page of results; turning pages does not count).
    pub searches: u32,
    /// Of those, the times it found nothing.
    pub empty_searches: u32,
    /// What its last search found.
    pub results: u32,
}

/// The catalogue's searches: what the town looks for, and what no shop lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchesTile {
    /// Searches in the period.
    pub searches: u32,
    /// Of those, the searches that found nothing.
    pub empty_searches: u32,
    /// The 20 most frequent searches.
    pub top: Vec<SearchFigures>,
    /// The 20 most frequent searches that found nothing.
    pub top_empty: Vec<SearchFigures>,
}

/// The kind of public page a visit is counted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VisitPage {
    /// The home page.
    Home,
    /// The catalogue (search, categories, filters).
    Catalogue,
    /// A product's page.
    Product,
    /// A shop's page.
    Shop,
    /// The list of shops.
    Shops,
    /// The basket.
    Basket,
    /// The checkout and its confirmation.
    Checkout,
    /// Any other public page (legal notices, account, tracking...).
    Other,
}

impl VisitPage {
    /// Every page type, in the dashboard's order.
    pub const ALL: [VisitPage; 8] = [
        VisitPage::Home,
        VisitPage::Catalogue,
        VisitPage::Product,
        VisitPage::Shop,
        VisitPage::Shops,
        VisitPage::Basket,
        VisitPage::Checkout,
        VisitPage::Other,
    ];

    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            VisitPage::Home => "home",
            VisitPage::Catalogue => "catalogue",
            VisitPage::Product => "product",
            VisitPage::Shop => "shop",
            VisitPage::Shops => "shops",
            VisitPage::Basket => "basket",
            VisitPage::Checkout => "checkout",
            VisitPage::Other => "other",
        }
    }

    /// The page type named `name`, if any.
    pub fn parse(name: &str) -> Option<VisitPage> {
        VisitPage::ALL.into_iter().find(|p| p.as_str() == name)
    }
}

/// Where a visit came from, when a link said so (`?src=` in the page's address).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VisitSource {
    /// A QR code of the printed directory of shops.
    Flyer,
}

/// `POST /visits`: a page view, as the web app reports it. Nothing else is sent: no
/// identifier, no address, no cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"page": "shop", "src": "flyer"})))]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// The kind of page shown.
    pub page: VisitPage,
    /// `flyer` when the page was opened from a printed QR code; else `null` or absent.
    #[serde(default)]
    pub src: Option<VisitSource>,
}

/// Visits of one day, week or month (or of one page type over the period).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitFigures {
    /// The first day of the day, week or month, `YYYY-MM-DD`; for a page type, its name
    /// (`home`, `catalogue`, `product`, `shop`, `shops`, `basket`, `checkout`, `other`).
    pub start: String,
    /// Pages shown.
    pub page_views: u64,
    /// Unique visitors of each day, added up: a visitor is recognised within one day only,
    /// so one who comes back another day counts again.
    pub visitors: u64,
    /// Of those, the visitors who opened a page from a QR code of the printed directory.
    pub flyer_visits: u64,
}

/// Visits of the public pages, counted without cookies and without keeping anyone's
/// address: page views, unique visitors per day, and those who came from the flyer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitsTile {
    /// Whether this server counts visits (`--no-visit-count` turns it off).
    pub counting: bool,
    /// The whole period (`start` is its first day).
    pub total: VisitFigures,
    /// Each day, week or month of the period, empty ones included.
    pub periods: Vec<VisitFigures>,
    /// Each page type over the period (`start` is its name), every type listed.
    pub pages: Vec<VisitFigures>,
}

/// The association's dashboard over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "from": "2026-11-30", "to": "2026-12-06", "by": "day", "currency": "EUR",
    "generated_at": "2026-12-06T18:00:00Z",
    "orders": {"total": {"start": "2026-11-30", "orders": 12, "cancelled": 1, "value_cents": 38450},
        "periods": [{"start": "2026-11-30", "orders": 3, "cancelled": 0, "value_cents": 9800}]},
    "shops": [{"slug": "epicerie-du-duche", "name": "Épicerie du Duché", "orders": 5,
        "cancelled": 0, "value_cents": 14200}],
    "baskets": {"total": {"start": "2026-11-30", "baskets": 9, "multi_shop": 3, "median_cents": 2750},
        "periods": [{"start": "2026-11-30", "baskets": 2, "multi_shop": 1, "median_cents": 3100}]},
    "fulfilment": {"deliveries": 7, "pickups": 4,
        "communes": [{"commune": "Uzès", "deliveries": 5}],
        "rounds": [{"date": "2026-12-04", "name": "Uzès centre", "stops": 4, "orders": 5,
            "delivered": 4, "failed": 1}]},
    "confirmation": {"orders": 12, "confirmed": 10, "median_minutes": 48,
        "lags": [{"hours": 2, "placed_before": 12, "unconfirmed": 3},
            {"hours": 6, "placed_before": 11, "unconfirmed": 1},
            {"hours": 24, "placed_before": 9, "unconfirmed": 0}],
        "still_unconfirmed": 1,
        "shops": [{"slug": "epicerie-du-duche", "name": "Épicerie du Duché", "orders": 5,
            "median_minutes": 35, "lags": [{"hours": 2, "placed_before": 5, "unconfirmed": 1}],
            "still_unconfirmed": 0}]},
    "cancellations": {"cancelled": 1,
        "reasons": [{"reason": "Rupture de stock", "by": "shop", "orders": 1}]},
    "quiet_shops": [{"slug": "librairie-le-tiers-livre", "name": "Librairie Le Tiers Livre",
        "active_products": 0, "last_order_at": null, "no_active_product": true,
        "no_recent_order": true}],
    "searches": {"searches": 140, "empty_searches": 12,
        "top": [{"query": "miel", "searches": 18, "empty_searches": 0, "results": 4}],
        "top_empty": [{"query": "piles", "searches": 5, "empty_searches": 5, "results": 0}]},
    "visits": {"counting": true,
        "total": {"start": "2026-11-30", "page_views": 56000, "visitors": 1750, "flyer_visits": 42},
        "periods": [{"start": "2026-11-30", "page_views": 8000, "visitors": 250, "flyer_visits": 6}],
        "pages": [{"start": "shop", "page_views": 9100, "visitors": 820, "flyer_visits": 40}]}
})))]
pub struct Dashboard {
    /// The period's first day, `YYYY-MM-DD`.
    pub from: String,
    /// The period's last day, included.
    pub to: String,
    /// How the charts cut the period.
    pub by: StatsInterval,
    /// `EUR`.
    pub currency: String,
    /// When the figures were computed, ISO 8601 UTC.
    pub generated_at: String,
    /// Orders and their value.
    pub orders: OrdersTile,
    /// Orders per shop, most first.
    pub shops: Vec<ShopOrders>,
    /// Baskets.
    pub baskets: BasketsTile,
    /// Deliveries and pickups.
    pub fulfilment: FulfilmentTile,
    /// The shops' confirmation lag.
    pub confirmation: ConfirmationTile,
    /// Cancellations.
    pub cancellations: CancellationsTile,
    /// Active shops with no product on sale or no order for 30 days (now, whatever the
    /// period).
    pub quiet_shops: Vec<QuietShop>,
    /// Searches.
    pub searches: SearchesTile,
    /// Visits of the public pages.
    pub visits: VisitsTile,
}
