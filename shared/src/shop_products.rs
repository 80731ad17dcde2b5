//! A shop's own products, as its merchants, the association's admins and the shop's API
//! keys manage them: every status (draft, on sale, archived), exact stock, edits, the CSV
//! import report.

use serde::{Deserialize, Deserializer, Serialize};

/// Where a product stands: only `active` products of active shops are on sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProductStatus {
    /// Being prepared: not shown to shoppers. New products start here.
    Draft,
    /// On sale in the catalogue.
    Active,
    /// Withdrawn: not shown, not orderable; kept for past orders.
    Archived,
}

impl ProductStatus {
    /// Every status.
    pub const ALL: [ProductStatus; 3] = [
        ProductStatus::Draft,
        ProductStatus::Active,
        ProductStatus::Archived,
    ];

    /// The wire and database spelling: `draft`, `active`, `archived`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProductStatus::Draft => "draft",
            ProductStatus::Active => "active",
            ProductStatus::Archived => "archived",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<ProductStatus> {
        ProductStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == value)
    }
}

/// A product as its shop sees it in the back-office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 1, "slug": "miel-de-garrigue-500-g", "name": "Miel de garrigue 500 g",
    "description": "Miel toutes fleurs récolté dans les garrigues de l'Uzège.",
    "price_cents": 1050, "currency": "EUR", "vat_rate": 5.5, "stock": 47,
    "category": "miels-et-confitures", "status": "active", "has_picture": true,
    "picture_url": "/api/v1/products/1/picture?v=2",
    "thumbnail_url": "/api/v1/products/1/picture?size=thumb&v=2",
    "updated_at": "2026-11-29T10:15:00", "version": 12
})))]
pub struct ShopProduct {
    /// The product's id.
    pub id: i64,
    /// A readable identifier, unique within its shop (set at creation).
    pub slug: String,
    /// The product's name.
    pub name: String,
    /// A presentation by the shop.
    pub description: String,
    /// Price in cents, VAT included.
    pub price_cents: i64,
    /// Always `EUR`.
    pub currency: String,
    /// VAT rate in percent: 2.1, 5.5, 10 or 20; 0 for VAT-exempt shops.
    pub vat_rate: f64,
    /// Units in stock; `null` when the shop does not count them.
    pub stock: Option<i32>,
    /// The category's slug.
    pub category: String,
    /// Draft, on sale or archived.
    pub status: ProductStatus,
    /// Whether a picture was uploaded (otherwise a generated one is served).
    pub has_picture: bool,
    /// The picture, display size.
    pub picture_url: String,
    /// The picture, list size.
    pub thumbnail_url: String,
    /// Last change, UTC, ISO 8601 without zone.
    pub updated_at: String,
    /// One more on every change of the product, a sale included; also its `ETag`. Send it
    /// back as `If-Match: "<version>"` with a new stock so that a sale made meanwhile is
    /// not undone (409 `product_changed` then).
    pub version: i64,
    /// To keep cold during the delivery round (issue 11).
    #[serde(default)]
    pub keep_cold: bool,
    /// Why the 14-day right of withdrawal does not apply to it, or `none` (issue 15);
    /// frozen on the order's lines at checkout.
    #[serde(default)]
    pub withdrawal_exception: crate::legal::WithdrawalException,
    /// No price per kilo or litre shown for it (where the rules allow: not pre-packed).
    #[serde(default)]
    pub unit_price_exempt: bool,
    /// Its variants, in the shop's order (one, labelled "", for a product without sizes).
    /// `price_cents` is then the lowest active price and `stock` the sum of the active
    /// stocks (`null` if one is not counted), kept by the server.
    #[serde(default)]
    pub variants: Vec<ShopVariant>,
}

/// A variant as its shop manages it: every field, exact stock, inactive ones too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 31, "label": "39", "position": 1, "price_cents": 8900, "stock": 2, "sku": "BOT-39",
    "ean": null, "active": true, "net_quantity": null, "net_unit": null,
    "price_per_unit_cents": null, "price_per_unit": null, "sold_by_weight": false,
    "price_per_kg_cents": null, "estimated_weight_g": null
})))]
pub struct ShopVariant {
    /// The variant's id.
    pub id: i64,
    /// "39", "500 g": unique within the product; empty only for a product's single variant.
    pub label: String,
    /// Where it is listed among the product's variants (smallest first).
    pub position: i32,
    /// Price in cents, VAT included (for a variant sold by weight: the estimate for one
    /// piece, computed).
    pub price_cents: i64,
    /// Units in stock; `null` when not counted.
    pub stock: Option<i32>,
    /// The shop's own reference.
    pub sku: Option<String>,
    /// EAN-13 or EAN-8 barcode.
    pub ean: Option<String>,
    /// On sale (an inactive variant is kept for the orders that name it, not offered).
    pub active: bool,
    /// Net quantity: grams (`g`, `kg`), millilitres (`ml`, `cl`, `l`) or pieces.
    pub net_quantity: Option<i64>,
    /// The unit the net quantity is stated in.
    pub net_unit: Option<crate::measure::NetUnit>,
    /// Computed price per kilo, litre or piece.
    pub price_per_unit_cents: Option<i64>,
    /// `kg`, `l` or `piece`.
    pub price_per_unit: Option<crate::measure::PerUnit>,
    /// Cut to order and weighed when the order is prepared.
    pub sold_by_weight: bool,
    /// Price per kilo (sold by weight).
    pub price_per_kg_cents: Option<i64>,
    /// About how much one piece weighs, in grams (sold by weight).
    pub estimated_weight_g: Option<i32>,
}

/// A new variant of a product, or the changes to one (`PATCH`: absent fields unchanged).
/// A variant sold by weight gives `price_per_kg_cents` and `estimated_weight_g` (its price
/// is computed); any other gives `price_cents`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "label": "40", "price_cents": 8900, "stock": 3, "sku": "BOT-40"
})))]
#[serde(deny_unknown_fields)]
pub struct VariantInput {
    /// 1 to 40 characters ("39", "500 g", "Rouge"), unique within the product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 40, pattern = "<visible>"))]
    pub label: Option<String>,
    /// Where it is listed, 0 to 1000 (default: after the others).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000))]
    pub position: Option<i32>,
    /// Price in cents, VAT included, 1 to 10,000,000 (not for a variant sold by weight).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10_000_000))]
    pub price_cents: Option<i64>,
    /// Units in stock, 0 to 1,000,000; `null`: not counted. Absent: unchanged (new: not
    /// counted).
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = Option<i64>, minimum = 0, maximum = 1_000_000)
    )]
    pub stock: Option<Option<i64>>,
    /// Units to add to the stock as it is (negative: to take); not with `stock`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = -1_000_000, maximum = 1_000_000))]
    pub stock_delta: Option<i64>,
    /// The shop's reference, up to 40 characters; `""` clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub sku: Option<String>,
    /// EAN-13 or EAN-8 barcode (digits, check digit verified); `""` clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 13,
            pattern = r"^[ \t\n\r]*([0-9]{8}|[0-9]{13})?[ \t\n\r]*$"
        )
    )]
    pub ean: Option<String>,
    /// On sale (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Net quantity in grams (`g`, `kg`), millilitres (`ml`, `cl`, `l`) or pieces, 1 to
    /// 1,000,000,000; `null` clears it (with `net_unit`).
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = Option<i64>, minimum = 1, maximum = 1_000_000_000)
    )]
    pub net_quantity: Option<Option<i64>>,
    /// The unit the net quantity is stated in: `g`, `kg`, `ml`, `cl`, `l` or `piece`.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::measure::NetUnit>))]
    pub net_unit: Option<Option<crate::measure::NetUnit>>,
    /// Sold by weight (cut to order, weighed when the order is prepared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sold_by_weight: Option<bool>,
    /// Price per kilo in cents, 1 to 10,000,000 (sold by weight).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10_000_000))]
    pub price_per_kg_cents: Option<i64>,
    /// About how much one piece weighs, in grams, 1 to 100,000 (sold by weight).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100_000))]
    pub estimated_weight_g: Option<i64>,
}

/// Filters and page of a shop's products (`GET /shops/{slug}/products`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ShopProductQuery {
    /// Only products with this status: `draft`, `active` or `archived`.
    #[cfg_attr(
        feature = "openapi",
        param(pattern = r"^[ \t\n\r]*(draft|active|archived)?[ \t\n\r]*$")
    )]
    pub status: Option<String>,
    /// Words to find in the name, description or category (case and accents do not matter).
    pub q: Option<String>,
    /// Page number, from 1.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 24).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u32>,
}

/// A new product; it starts as a `draft`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Pélardon affiné", "description": "Fromage de chèvre des Cévennes.",
    "price_cents": 350, "vat_rate": 5.5, "stock": 12, "category": "fromagerie"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateProduct {
    /// 1 to 120 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 120, pattern = "<visible>"))]
    pub name: String,
    /// Up to 5,000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub description: String,
    /// Price in cents, VAT included, 1 to 10,000,000.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10_000_000))]
    pub price_cents: i64,
    /// VAT rate in percent: 2.1, 5.5, 10 or 20; 0 (and only 0) for a VAT-exempt shop.
    #[cfg_attr(feature = "openapi", schema(schema_with = vat_rate_schema))]
    pub vat_rate: f64,
    /// Units in stock, 0 to 1,000,000; `null` or absent: not counted (always available).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1_000_000))]
    pub stock: Option<i64>,
    /// A category's slug (`GET /categories`).
    #[cfg_attr(feature = "openapi", schema(pattern = "<visible>"))]
    pub category: String,
}

/// Changes to a product: absent fields are unchanged. `{"stock": 5}` is a quick stock edit
/// (send the `If-Match` you saw with it); `{"stock_delta": -2}` takes two from the stock as
/// it is; `{"stock": null}` stops counting the stock.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"price_cents": 390, "stock": 8})))]
#[serde(deny_unknown_fields)]
pub struct UpdateProduct {
    /// 1 to 120 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 120, pattern = "<visible>"))]
    pub name: Option<String>,
    /// Up to 5,000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub description: Option<String>,
    /// Price in cents, VAT included, 1 to 10,000,000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10_000_000))]
    pub price_cents: Option<i64>,
    /// VAT rate in percent: 2.1, 5.5, 10 or 20; 0 for a VAT-exempt shop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(schema_with = optional_vat_rate_schema))]
    pub vat_rate: Option<f64>,
    /// Units in stock, 0 to 1,000,000; `null`: stop counting. Absent: unchanged.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = Option<i64>, minimum = 0, maximum = 1_000_000)
    )]
    pub stock: Option<Option<i64>>,
    /// A category's slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = "<visible>"))]
    pub category: Option<String>,
    /// Units to add to the stock as it is when the change is made (negative: to take), so
    /// that nothing sold meanwhile is lost: `-2` for two sold in the shop, `12` for a
    /// delivery. Not with `stock`; 409 when the stock is not counted or would go below 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = -1_000_000, maximum = 1_000_000))]
    pub stock_delta: Option<i64>,
    /// To keep cold during the delivery round (shown on the round's sheets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_cold: Option<bool>,
    /// Why the right of withdrawal does not apply: `perishable`, `made_to_order`,
    /// `sealed_hygiene`, or `none` (it applies). Orders already placed keep theirs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal_exception: Option<crate::legal::WithdrawalException>,
    /// No price per kilo or litre shown (where the rules allow: not pre-packed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price_exempt: Option<bool>,
}

/// A field that is present, possibly `null`: `Some(None)` for null, `Some(Some(v))` for a
/// value; an absent field stays `None` through `#[serde(default)]`.
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Which size of a picture or logo to serve.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PictureQuery {
    /// `display` (default, at most 800 px; also when empty) or `thumb` (at most 240 px).
    #[cfg_attr(feature = "openapi", param(pattern = "^(display|thumb)?$"))]
    pub size: Option<String>,
    /// The picture's version, as the catalogue's URLs give it; a URL with the current
    /// version may be cached for a year.
    pub v: Option<i64>,
}

/// Where a shop's uploaded logo is served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "logo_url": "/api/v1/shops/epicerie-du-duche/logo?v=1764412800000",
    "thumbnail_url": "/api/v1/shops/epicerie-du-duche/logo?size=thumb&v=1764412800000"
})))]
pub struct ShopLogo {
    /// The logo, display size (at most 800 px).
    pub logo_url: String,
    /// The logo, list size (at most 240 px).
    pub thumbnail_url: String,
}

/// The bytes of an uploaded file (a picture, a CSV file), sent as the whole request body;
/// only the API document names it.
#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct UploadedFile(pub Vec<u8>);

/// Whether an import only shows what it would do.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ImportQuery {
    /// `true`: check the file and report what would change, changing nothing.
    pub dry_run: Option<bool>,
}

/// What an import does with one line of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportAction {
    /// A new product (the line has no id).
    Create,
    /// The product with the line's id changes.
    Update,
    /// The line matches the product as it is.
    Unchanged,
}

/// One field an import changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportChange {
    /// The CSV column (`prix`, `stock`, ...).
    pub field: String,
    /// The value now, as the export writes it; `null` for a new product.
    pub from: Option<String>,
    /// The value after the import, as the export writes it.
    pub to: String,
}

/// What an import does with one valid line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportLine {
    /// The line of the file, counting the header as line 1.
    pub line: u64,
    /// Create, update or nothing.
    pub action: ImportAction,
    /// The product's id (`null` for a product to create).
    pub id: Option<i64>,
    /// The product's name after the import.
    pub name: String,
    /// The fields that change.
    pub changes: Vec<ImportChange>,
}

/// One bad value of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportError {
    /// The line of the file, counting the header as line 1.
    pub line: u64,
    /// The column (`prix`, `tva`, ...), or `ligne` for the line as a whole.
    pub field: String,
    /// What is wrong, in words a person can act on.
    pub message: String,
}

/// The result of an import or of its dry run. With any error nothing is applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "dry_run": true, "created": 1, "updated": 1, "unchanged": 40,
    "errors": [],
    "lines": [
        {"line": 2, "action": "update", "id": 17, "name": "Pélardon affiné",
         "changes": [{"field": "prix", "from": "3,50", "to": "3,90"}]},
        {"line": 43, "action": "create", "id": null, "name": "Picodon",
         "changes": [{"field": "nom", "from": null, "to": "Picodon"}]}
    ]
})))]
pub struct ImportReport {
    /// Whether this was only a dry run.
    pub dry_run: bool,
    /// Products created (or that would be).
    pub created: u64,
    /// Products updated (or that would be).
    pub updated: u64,
    /// Lines that change nothing.
    pub unchanged: u64,
    /// Every bad value, by line; not empty means nothing was applied.
    pub errors: Vec<ImportError>,
    /// What each valid line does (or would do), in file order.
    pub lines: Vec<ImportLine>,
}

/// The VAT rates a product may have, in percent (0 only in a VAT-exempt shop).
#[cfg(feature = "openapi")]
const VAT_RATES: [f64; 5] = [0.0, 2.1, 5.5, 10.0, 20.0];

#[cfg(feature = "openapi")]
fn vat_rate_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::Number)
        .enum_values(Some(VAT_RATES))
        .description(Some(
            "VAT rate in percent: 2.1, 5.5, 10 or 20; 0 (and only 0) for a VAT-exempt shop.",
        ))
        .build()
}

#[cfg(feature = "openapi")]
fn optional_vat_rate_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{SchemaType, Type};
    let mut rates: Vec<serde_json::Value> = VAT_RATES.iter().map(|r| (*r).into()).collect();
    rates.push(serde_json::Value::Null);
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Number, Type::Null]))
        .enum_values(Some(rates))
        .description(Some(
            "VAT rate in percent: 2.1, 5.5, 10 or 20; 0 for a VAT-exempt shop.",
        ))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absent_stock_differs_from_a_null_one() {
        let absent: UpdateProduct = serde_json::from_str(r#"{"price_cents": 100}"#).unwrap();
        assert_eq!(absent.stock, None);
        let null: UpdateProduct = serde_json::from_str(r#"{"stock": null}"#).unwrap();
        assert_eq!(null.stock, Some(None));
        let five: UpdateProduct = serde_json::from_str(r#"{"stock": 5}"#).unwrap();
        assert_eq!(five.stock, Some(Some(5)));
        assert_eq!(serde_json::to_string(&null).unwrap(), r#"{"stock":null}"#);
        assert!(serde_json::from_str::<UpdateProduct>(r#"{"status": "active"}"#).is_err());
    }
}
