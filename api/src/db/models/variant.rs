//! A product's variants (issue 14): rows, the single variant every product without sizes
//! has, the stock they hold, and their wire forms.
//!
//! The product's `price_cents` and `stock` are kept from its variants by triggers (the
//! lowest active price; the sum of the active stocks). Every writer of a variant locks its
//! product's row first ([`super::product::lock`]).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::catalogue::{StockState, Variant};
use shared::measure::{NetUnit, PerUnit, price_per_unit};
use shared::shop_products::ShopVariant;

use crate::db::DbConn;
use crate::db::schema::{order_lines, product_variants, products};
use crate::domain::variant::VariantValues;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = product_variants)]
pub struct VariantRow {
    pub id: i64,
    pub product_id: i64,
    pub position: i32,
    pub label: String,
    pub price_cents: i64,
    pub stock: Option<i32>,
    pub sku: Option<String>,
    pub ean: Option<String>,
    pub active: bool,
    pub net_quantity: Option<i64>,
    pub net_unit: Option<String>,
    pub sold_by_weight: bool,
    pub price_per_kg_cents: Option<i64>,
    pub estimated_weight_g: Option<i32>,
}

/// The price per kilo, litre or piece of `price_cents` for this net quantity; for a
/// variant sold by weight, its price per kilo. `None` when the product is exempt.
pub fn unit_price(
    price_cents: i64,
    net_quantity: Option<i64>,
    net_unit: Option<NetUnit>,
    per_kg_cents: Option<i64>,
    exempt: bool,
) -> Option<(i64, PerUnit)> {
    if let Some(per_kg) = per_kg_cents {
        return Some((per_kg, PerUnit::Kg));
    }
    if exempt {
        return None;
    }
    price_per_unit(price_cents, net_quantity?, net_unit?)
}

impl VariantRow {
    pub fn unit(&self) -> Option<NetUnit> {
        self.net_unit.as_deref().and_then(NetUnit::parse)
    }

    /// Its price per kilo, litre or piece, unless the product is `exempt`.
    pub fn unit_price(&self, exempt: bool) -> Option<(i64, PerUnit)> {
        unit_price(
            self.price_cents,
            self.net_quantity,
            self.unit(),
            self.price_per_kg_cents.filter(|_| self.sold_by_weight),
            exempt,
        )
    }

    pub fn values(&self) -> VariantValues {
        VariantValues {
            label: self.label.clone(),
            position: self.position,
            price_cents: self.price_cents,
            stock: self.stock,
            sku: self.sku.clone(),
            ean: self.ean.clone(),
            active: self.active,
            net_quantity: self.net_quantity,
            net_unit: self.unit(),
            sold_by_weight: self.sold_by_weight,
            price_per_kg_cents: self.price_per_kg_cents,
            estimated_weight_g: self.estimated_weight_g,
        }
    }

    /// As shoppers see it.
    pub fn public(&self, exempt: bool) -> Variant {
        let unit_price = self.unit_price(exempt);
        Variant {
            id: self.id,
            label: self.label.clone(),
            price_cents: self.price_cents,
            stock: StockState::of(self.stock),
            max_quantity: max_quantity(self.stock),
            net_quantity: self.net_quantity,
            net_unit: self.unit(),
            price_per_unit_cents: unit_price.map(|(cents, _)| cents),
            price_per_unit: unit_price.map(|(_, per)| per),
            sold_by_weight: self.sold_by_weight,
            price_per_kg_cents: self.price_per_kg_cents.filter(|_| self.sold_by_weight),
            estimated_weight_g: self.estimated_weight_g.filter(|_| self.sold_by_weight),
        }
    }

    /// As its shop manages it.
    pub fn managed(&self, exempt: bool) -> ShopVariant {
        let unit_price = self.unit_price(exempt);
        ShopVariant {
            id: self.id,
            label: self.label.clone(),
            position: self.position,
            price_cents: self.price_cents,
            stock: self.stock,
            sku: self.sku.clone(),
            ean: self.ean.clone(),
            active: self.active,
            net_quantity: self.net_quantity,
            net_unit: self.unit(),
            price_per_unit_cents: unit_price.map(|(cents, _)| cents),
            price_per_unit: unit_price.map(|(_, per)| per),
            sold_by_weight: self.sold_by_weight,
            price_per_kg_cents: self.price_per_kg_cents,
            estimated_weight_g: self.estimated_weight_g,
        }
    }
}

/// The most a shopper can put in the basket: the stock, capped at the basket's limit.
pub fn max_quantity(stock: Option<i32>) -> u32 {
    let cap = u32::try_from(shared::cart::MAX_QUANTITY).unwrap_or(99);
    stock.map_or(cap, |s| u32::try_from(s.max(0)).unwrap_or(0).min(cap))
}

/// The variants of these products, by product, in the shop's order.
pub fn of_products(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<VariantRow>> {
    product_variants::table
        .filter(product_variants::product_id.eq_any(ids))
        .order((
            product_variants::product_id.asc(),
            product_variants::position.asc(),
            product_variants::id.asc(),
        ))
        .select(VariantRow::as_select())
        .load(conn)
}

/// The variants of one product, in the shop's order.
pub fn of_product(conn: &mut DbConn, id: i64) -> QueryResult<Vec<VariantRow>> {
    of_products(conn, &[id])
}

/// One variant.
pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<VariantRow>> {
    product_variants::table
        .find(id)
        .select(VariantRow::as_select())
        .first(conn)
        .optional()
}

/// Whether the price varies among the active ones.
pub fn price_varies(variants: &[VariantRow]) -> bool {
    let mut prices = variants.iter().filter(|v| v.active).map(|v| v.price_cents);
    let first = prices.next();
    prices.any(|p| Some(p) != first)
}

/// The active variant a card shows: the cheapest (the first of them in the shop's order).
pub fn cheapest(variants: &[VariantRow]) -> Option<&VariantRow> {
    variants
        .iter()
        .filter(|v| v.active)
        .min_by_key(|v| v.price_cents)
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = product_variants, treat_none_as_null = true)]
struct VariantColumns<'a> {
    position: i32,
    label: &'a str,
    price_cents: i64,
    stock: Option<i32>,
    sku: Option<&'a str>,
    ean: Option<&'a str>,
    active: bool,
    net_quantity: Option<i64>,
    net_unit: Option<&'a str>,
    sold_by_weight: bool,
    price_per_kg_cents: Option<i64>,
    estimated_weight_g: Option<i32>,
    updated_at: NaiveDateTime,
}

impl<'a> VariantColumns<'a> {
    fn of(values: &'a VariantValues, now: NaiveDateTime) -> Self {
        VariantColumns {
            position: values.position,
            label: &values.label,
            price_cents: values.price_cents,
            stock: values.stock,
            sku: values.sku.as_deref(),
            ean: values.ean.as_deref(),
            active: values.active,
            net_quantity: values.net_quantity,
            net_unit: values.net_unit.map(NetUnit::as_str),
            sold_by_weight: values.sold_by_weight,
            price_per_kg_cents: values.price_per_kg_cents,
            estimated_weight_g: values.estimated_weight_g,
            updated_at: now,
        }
    }
}

/// Adds a variant to a product (after [`super::product::lock`]). Its id.
pub fn insert(
    conn: &mut DbConn,
    product_id: i64,
    values: &VariantValues,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(product_variants::table)
        .values((
            product_variants::product_id.eq(product_id),
            VariantColumns::of(values, now),
            product_variants::created_at.eq(now),
        ))
        .returning(product_variants::id)
        .get_result(conn)
}

/// Writes a variant's values (after [`super::product::lock`]).
pub fn update(
    conn: &mut DbConn,
    id: i64,
    values: &VariantValues,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(product_variants::table.find(id))
        .set(VariantColumns::of(values, now))
        .execute(conn)
}

/// Removes a variant no order names; `Ok(false)` when one does (deactivate it instead).
pub fn delete(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let ordered: i64 = order_lines::table
        .filter(order_lines::variant_id.eq(id))
        .count()
        .get_result(conn)?;
    if ordered > 0 {
        return Ok(false);
    }
    diesel::delete(product_variants::table.find(id)).execute(conn)?;
    Ok(true)
}

/// Gives every product (of `shop_id`, or of every shop) that has no variant its single one,
/// at its price and stock: products inserted in bulk (the CSV import, the demo).
pub fn add_singles(conn: &mut DbConn, shop_id: Option<i64>) -> QueryResult<usize> {
    use diesel::dsl::{exists, not};
    use diesel::sql_types::{Bool, Integer, Text};
    let mut products = products::table
        .filter(not(exists(
            product_variants::table.filter(product_variants::product_id.eq(products::id)),
        )))
        .into_boxed();
    if let Some(shop_id) = shop_id {
        products = products.filter(products::shop_id.eq(shop_id));
    }
    diesel::insert_into(product_variants::table)
        .values(products.select((
            products::id,
            0.into_sql::<Integer>(),
            "".into_sql::<Text>(),
            products::price_cents,
            products::stock,
            true.into_sql::<Bool>(),
            products::created_at,
            products::updated_at,
        )))
        .into_columns((
            product_variants::product_id,
            product_variants::position,
            product_variants::label,
            product_variants::price_cents,
            product_variants::stock,
            product_variants::active,
            product_variants::created_at,
            product_variants::updated_at,
        ))
        .execute(conn)
}

/// A product's only variant, or a 409 saying the product has sizes: a product-level price
/// or stock means one variant.
pub fn single(conn: &mut DbConn, product_id: i64) -> Result<VariantRow, ApiError> {
    let mut variants = of_product(conn, product_id)?;
    if variants.len() != 1 {
        return Err(ApiError::Conflict(format!(
            "this product has {} variants: set the price and stock of each \
             (PATCH /api/v1/products/{product_id}/variants/{{variant_id}})",
            variants.len()
        )));
    }
    Ok(variants.remove(0))
}

/// Sets the price and stock of a product's only variant to the product's (after the
/// product's row was written with them, so the trigger finds nothing to change).
pub fn mirror_single(
    conn: &mut DbConn,
    product_id: i64,
    price_cents: i64,
    stock: Option<i32>,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let variant = single(conn, product_id)?;
    diesel::update(product_variants::table.find(variant.id))
        .set((
            product_variants::price_cents.eq(price_cents),
            product_variants::stock.eq(stock),
            product_variants::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The largest stock, as the column's type.
const STOCK_MAX_I32: i32 = 1_000_000;

/// Adds `delta` (negative: takes) to a counted stock if it stays from 0 to the largest:
/// `stock = stock + delta` in one statement, never a value read earlier. `Ok(false)` when
/// the stock is not counted or would leave that range (nothing changed). After
/// [`super::product::lock`].
pub fn add_stock(conn: &mut DbConn, id: i64, delta: i32, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(
        product_variants::table
            .find(id)
            .filter(product_variants::stock.is_not_null())
            .filter(product_variants::stock.ge(-delta))
            .filter(product_variants::stock.le(STOCK_MAX_I32 - delta.max(0))),
    )
    .set((
        product_variants::stock.eq(product_variants::stock + delta),
        product_variants::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Gives back `quantity` units to a variant whose stock is counted (a cancelled order, a
/// line removed after the call); nothing for an uncounted stock.
pub fn give_back(conn: &mut DbConn, id: i64, quantity: i32) -> QueryResult<()> {
    diesel::update(
        product_variants::table
            .find(id)
            .filter(product_variants::stock.is_not_null()),
    )
    .set(product_variants::stock.eq(product_variants::stock + quantity))
    .execute(conn)?;
    Ok(())
}
