//! The delivery zone and days: the official communes an admin searches to build the zone,
//! the weekdays per kind of shop, the cut-off hour, the marketplace's closed days and the
//! free-delivery rule, as admins set them and as shoppers' pages read them.

use serde::{Deserialize, Serialize};

/// Most communes a search answers.
pub const MAX_COMMUNE_RESULTS: u32 = 50;
/// Communes a search answers when `limit` is left out.
pub const DEFAULT_COMMUNE_RESULTS: u32 = 20;
/// Largest minimum basket an association may set, in cents (1,000.00 €).
pub const MAX_MINIMUM_BASKET_CENTS: i64 = 100_000;

/// A search in the official list of French communes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct CommuneSearch {
    /// What the admin typed: part of a name (accents, case and hyphens do not count:
    /// `saint quentin`, `st quentin`), a postcode or its beginning (`307`), an INSEE code,
    /// or a name followed by a département or postcode (`saint quentin 30`). 1 to 100
    /// characters.
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 100))]
    pub q: String,
    /// Most results, 1 to 50 (default 20).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 50))]
    pub limit: Option<u32>,
}

/// A commune of the official list, as a search finds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "insee": "30295", "name": "Saint-Quentin-la-Poterie", "postcodes": ["30700"],
    "departement": "30", "in_zone": false
})))]
pub struct CommuneMatch {
    /// INSEE code (`code officiel géographique`), the commune's identity.
    pub insee: String,
    /// Official name.
    pub name: String,
    /// Its postcodes; some communes have several.
    pub postcodes: Vec<String>,
    /// Its département's code (`30`, `2A`, `971`).
    pub departement: String,
    /// Whether it is already in the delivery zone.
    pub in_zone: bool,
}

/// Adds a commune of the official list to the delivery zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"insee": "30295", "postcode": "30700"})))]
#[serde(deny_unknown_fields)]
pub struct AddCommune {
    /// The commune's INSEE code, as the search gives it.
    pub insee: String,
    /// Which of its postcodes; required when it has several, optional otherwise.
    #[serde(default)]
    pub postcode: Option<String>,
}

/// Whether home delivery is free for any basket, or only from a minimum per shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum FreeDelivery {
    /// Delivery is offered (free) whatever the basket.
    // With fields (none) rather than a unit variant: serde lets a unit variant of an
    // internally tagged enum take any field, whatever `deny_unknown_fields` says.
    Always {},
    /// Delivery is offered (free) for a shop's part of the basket from this amount; below
    /// it, that shop's part is pickup only.
    MinimumBasket {
        /// The minimum of one shop's part of the basket, in cents, VAT included (1 to
        /// 100000).
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100_000))]
        minimum_cents: i64,
    },
}

/// The delivery rules: what the basket and checkout apply, and the admins set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "food_days": [2, 5], "non_food_days": [4], "cut_off_hour": 18,
    "closed_days": ["2026-12-25", "2027-01-01"],
    "free_delivery": {"rule": "minimum_basket", "minimum_cents": 1500}
})))]
pub struct DeliverySettings {
    /// ISO weekdays (1 = Monday … 7 = Sunday) of the food shops' rounds; restaurants that
    /// opted in follow them too.
    pub food_days: Vec<u8>,
    /// ISO weekdays of the other shops' rounds.
    pub non_food_days: Vec<u8>,
    /// An order placed after this hour (Europe/Paris) on the day before a round misses it.
    pub cut_off_hour: u8,
    /// The marketplace's closed days from today on (`YYYY-MM-DD`, soonest first): no
    /// delivery on those dates.
    pub closed_days: Vec<String>,
    /// Free always, or from a minimum basket per shop.
    pub free_delivery: FreeDelivery,
}

/// Changes some delivery rules; the fields left out keep their value. Dates already given
/// to orders never change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"food_days": [2, 5], "non_food_days": [4]})))]
#[serde(deny_unknown_fields)]
pub struct UpdateDelivery {
    /// ISO weekdays (1 is Monday, 7 Sunday), each once, of the food rounds; `[]` stops
    /// food deliveries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 7, max_items = 7))]
    pub food_days: Option<Vec<u8>>,
    /// ISO weekdays of the other shops' rounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 7, max_items = 7))]
    pub non_food_days: Option<Vec<u8>>,
    /// 0 to 23.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 23))]
    pub cut_off_hour: Option<u8>,
    /// Free always, or from a minimum basket per shop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_delivery: Option<FreeDelivery>,
}
