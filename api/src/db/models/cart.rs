//! Baskets: their lines, edits, the basket as shoppers see it, grouped by shop, and the
//! purge of old anonymous baskets.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use shared::cart::{
    Cart, CartGroup, CartLine, CartShop, FulfilmentMethod, FulfilmentOption, MAX_LINES,
    MAX_QUANTITY,
};
use shared::catalogue::{OpeningSlot, ShopKind, StockState};
use shared::error::ErrorCode;
use shared::measure::{NetUnit, PerUnit};
use shared::money::CURRENCY;

use super::product::picture_urls;
use super::settings;
use crate::db::DbConn;
use crate::db::schema::{cart_items, carts, orders, product_variants, products, shops};
use crate::domain::delivery::pickup_date;
use crate::error::ApiError;

/// Creates an empty basket with this id.
pub fn create(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::insert_into(carts::table)
        .values((
            carts::id.eq(id),
            carts::created_at.eq(now),
            carts::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Deletes, with their lines, the anonymous baskets (of no account) nobody touched since
/// `before`, except those that became orders (an order names its basket). How many.
///
/// One statement, its conditions checked again on each row as it is deleted: a basket a
/// shopper edits or checks out meanwhile (every edit first sets `updated_at`) is kept.
pub fn purge_stale(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    use diesel::dsl::{exists, not};
    diesel::delete(
        carts::table
            .filter(carts::user_id.is_null())
            .filter(carts::updated_at.lt(before))
            .filter(not(exists(
                orders::table.filter(orders::cart_id.eq(carts::id)),
            ))),
    )
    .execute(conn)
}

/// 404 unless the basket exists.
pub fn ensure_exists(conn: &mut DbConn, id: &str) -> Result<(), ApiError> {
    let found: i64 = carts::table
        .filter(carts::id.eq(id))
        .count()
        .get_result(conn)?;
    if found == 0 {
        return Err(ApiError::NotFound("there is no basket with this id".into()));
    }
    Ok(())
}

/// What an edit needs to know of a variant on sale: its id, its product's name, its stock.
struct ForSale {
    variant_id: i64,
    name: String,
    stock: Option<i32>,
}

/// The variant of `product_id` a shopper puts in the basket: `variant_id`, or the product's
/// only active variant when it is left out. 404 when the product is not on sale or the
/// variant is not one of its active ones; 422 `variant_id` when the product comes in
/// several and none was named.
fn variant_for_sale(
    conn: &mut DbConn,
    product_id: i64,
    variant_id: Option<i64>,
) -> Result<ForSale, ApiError> {
    let mut query = product_variants::table
        .inner_join(products::table)
        .filter(products::id.eq(product_id))
        .filter(products::listed.eq(true))
        .filter(product_variants::active.eq(true))
        .into_boxed();
    if let Some(variant_id) = variant_id {
        query = query.filter(product_variants::id.eq(variant_id));
    }
    let found: Vec<(i64, String, String, Option<i32>)> = query
        .order((product_variants::position.asc(), product_variants::id.asc()))
        .select((
            product_variants::id,
            products::name,
            product_variants::label,
            product_variants::stock,
        ))
        .load(conn)?;
    match (found.len(), variant_id) {
        (0, None) => Err(ApiError::NotFound(format!(
            "there is no product on sale with id {product_id}"
        ))),
        (0, Some(variant_id)) => Err(ApiError::NotFound(format!(
            "product {product_id} has no variant on sale with id {variant_id}"
        ))),
        (1, _) => {
            let (variant_id, name, _, stock) = found.into_iter().next().unwrap_or_default();
            Ok(ForSale {
                variant_id,
                name,
                stock,
            })
        }
        _ => {
            let labels: Vec<String> = found.into_iter().map(|(_, _, label, _)| label).collect();
            Err(ApiError::refused(
                "variant_id",
                format!(
                    "product {product_id} comes in several variants ({}): say which with variant_id",
                    labels.join(", ")
                ),
            ))
        }
    }
}

fn current_quantity(conn: &mut DbConn, cart_id: &str, variant_id: i64) -> QueryResult<Option<i32>> {
    cart_items::table
        .find((cart_id, variant_id))
        .select(cart_items::quantity)
        .first(conn)
        .optional()
}

/// Checks a line's new quantity against the basket limit and the stock.
fn check_quantity(product_id: i64, item: &ForSale, quantity: i64) -> Result<(), ApiError> {
    // What the basket holds already decides it: well-formed, refused (422).
    if quantity > MAX_QUANTITY {
        return Err(ApiError::refused(
            "quantity",
            format!("a basket holds at most {MAX_QUANTITY} of one product ({quantity} asked)"),
        ));
    }
    if let Some(stock) = item.stock
        && quantity > i64::from(stock)
    {
        return Err(ApiError::Conflict(format!(
            "only {stock} left of product {product_id} ({}); {quantity} asked",
            item.name
        )));
    }
    Ok(())
}

/// Marks the basket changed, first thing in an edit: 404 if it does not exist, and on
/// PostgreSQL the row lock makes concurrent edits of one basket wait for each other (SQLite
/// write transactions are serialised anyway), so no added unit is lost.
pub fn lock_for_edit(conn: &mut DbConn, cart_id: &str, now: NaiveDateTime) -> Result<(), ApiError> {
    let updated = diesel::update(carts::table.find(cart_id))
        .set(carts::updated_at.eq(now))
        .execute(conn)?;
    if updated == 0 {
        return Err(ApiError::NotFound("there is no basket with this id".into()));
    }
    Ok(())
}

/// Adds units of a product's variant (its only one when `variant_id` is `None`), to its
/// line if it has one. Call inside a write transaction.
pub fn add_item(
    conn: &mut DbConn,
    cart_id: &str,
    product_id: i64,
    variant_id: Option<i64>,
    quantity: i64,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    lock_for_edit(conn, cart_id, now)?;
    // The product is named in the body: one not on sale is refused (422), a 404 is the
    // basket's (the web app starts a new basket on a 404).
    let item = variant_for_sale(conn, product_id, variant_id).map_err(|err| match err {
        ApiError::NotFound(detail) => ApiError::refused(
            if variant_id.is_some() {
                "variant_id"
            } else {
                "product_id"
            },
            detail,
        ),
        other => other,
    })?;
    let existing = current_quantity(conn, cart_id, item.variant_id)?;
    let total = i64::from(existing.unwrap_or(0)) + quantity;
    check_quantity(product_id, &item, total)?;
    let total = i32::try_from(total).map_err(anyhow::Error::from)?;
    if existing.is_none() {
        // The basket's row is locked (above), so two additions cannot both see room.
        let lines: i64 = cart_items::table
            .filter(cart_items::cart_id.eq(cart_id))
            .count()
            .get_result(conn)?;
        if lines >= MAX_LINES {
            return Err(ApiError::UnprocessableWith(
                ErrorCode::BasketFull,
                format!(
                    "a basket holds at most {MAX_LINES} different products: order these \
                     first, or remove one to add product {product_id}"
                ),
            ));
        }
    }
    if existing.is_some() {
        diesel::update(cart_items::table.find((cart_id, item.variant_id)))
            .set(cart_items::quantity.eq(total))
            .execute(conn)?;
    } else {
        diesel::insert_into(cart_items::table)
            .values((
                cart_items::cart_id.eq(cart_id),
                cart_items::product_id.eq(product_id),
                cart_items::variant_id.eq(item.variant_id),
                cart_items::quantity.eq(total),
                cart_items::added_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Which line of the basket holds `product_id`: 404 when none does, 409 when several do
/// (two sizes: name the line by its variant).
pub fn line_of_product(conn: &mut DbConn, cart_id: &str, product_id: i64) -> Result<i64, ApiError> {
    let variants: Vec<i64> = cart_items::table
        .filter(cart_items::cart_id.eq(cart_id))
        .filter(cart_items::product_id.eq(product_id))
        .select(cart_items::variant_id)
        .load(conn)?;
    match variants.as_slice() {
        [] => Err(ApiError::NotFound(format!(
            "product {product_id} is not in this basket"
        ))),
        [variant_id] => Ok(*variant_id),
        _ => Err(ApiError::Conflict(format!(
            "the basket holds several variants of product {product_id}: change each line \
             with /carts/{{id}}/variants/{{variant_id}}"
        ))),
    }
}

/// Sets the quantity of a variant's line; 0 removes it. Call inside a write transaction.
pub fn set_quantity(
    conn: &mut DbConn,
    cart_id: &str,
    variant_id: i64,
    quantity: i64,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    lock_for_edit(conn, cart_id, now)?;
    let product_id: Option<i64> = cart_items::table
        .find((cart_id, variant_id))
        .select(cart_items::product_id)
        .first(conn)
        .optional()?;
    let Some(product_id) = product_id else {
        return Err(ApiError::NotFound(format!(
            "variant {variant_id} is not in this basket"
        )));
    };
    if quantity == 0 {
        return remove_item(conn, cart_id, variant_id, now);
    }
    let item = variant_for_sale(conn, product_id, Some(variant_id))?;
    check_quantity(product_id, &item, quantity)?;
    let quantity = i32::try_from(quantity).map_err(anyhow::Error::from)?;
    diesel::update(cart_items::table.find((cart_id, variant_id)))
        .set(cart_items::quantity.eq(quantity))
        .execute(conn)?;
    Ok(())
}

/// Removes a variant's line. Call inside a write transaction.
pub fn remove_item(
    conn: &mut DbConn,
    cart_id: &str,
    variant_id: i64,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    lock_for_edit(conn, cart_id, now)?;
    let removed = diesel::delete(cart_items::table.find((cart_id, variant_id))).execute(conn)?;
    if removed == 0 {
        return Err(ApiError::NotFound(format!(
            "variant {variant_id} is not in this basket"
        )));
    }
    Ok(())
}

/// What a basket line reads of its product, variant and shop.
type LineData = (
    String,
    String,
    i64,
    i32,
    Option<i32>,
    bool,
    bool,
    Option<i64>,
    Option<String>,
    bool,
    Option<i64>,
    Option<i32>,
    bool,
    i64,
    String,
    String,
    String,
    bool,
    bool,
    bool,
    String,
);

#[derive(Debug, Clone)]
pub struct BasketLine {
    pub product_id: i64,
    pub variant_id: i64,
    pub quantity: i32,
    pub name: String,
    pub variant_label: String,
    pub price_cents: i64,
    pub vat_rate_bp: i32,
    pub stock: Option<i32>,
    /// The product is on sale (active, of an active shop).
    pub listed: bool,
    pub variant_active: bool,
    pub net_quantity: Option<i64>,
    pub net_unit: Option<String>,
    pub sold_by_weight: bool,
    pub price_per_kg_cents: Option<i64>,
    pub estimated_weight_g: Option<i32>,
    pub unit_price_exempt: bool,
    pub shop_id: i64,
    pub shop_slug: String,
    pub shop_name: String,
    pub shop_kind: String,
    pub offers_pickup: bool,
    pub offers_delivery: bool,
    pub delivers_on_food_days: bool,
    pub opening_hours: String,
}

impl From<((i64, i64, i32), LineData)> for BasketLine {
    fn from(((product_id, variant_id, quantity), data): ((i64, i64, i32), LineData)) -> Self {
        let (
            name,
            variant_label,
            price_cents,
            vat_rate_bp,
            stock,
            listed,
            variant_active,
            net_quantity,
            net_unit,
            sold_by_weight,
            price_per_kg_cents,
            estimated_weight_g,
            unit_price_exempt,
            shop_id,
            shop_slug,
            shop_name,
            shop_kind,
            offers_pickup,
            offers_delivery,
            delivers_on_food_days,
            opening_hours,
        ) = data;
        BasketLine {
            product_id,
            variant_id,
            quantity,
            name,
            variant_label,
            price_cents,
            vat_rate_bp,
            stock,
            listed,
            variant_active,
            net_quantity,
            net_unit,
            sold_by_weight,
            price_per_kg_cents,
            estimated_weight_g,
            unit_price_exempt,
            shop_id,
            shop_slug,
            shop_name,
            shop_kind,
            offers_pickup,
            offers_delivery,
            delivers_on_food_days,
            opening_hours,
        }
    }
}

impl BasketLine {
    /// On sale: its product listed, its variant active.
    pub fn on_sale(&self) -> bool {
        self.listed && self.variant_active
    }

    pub fn unit(&self) -> Option<NetUnit> {
        self.net_unit.as_deref().and_then(NetUnit::parse)
    }

    /// Its price per kilo, litre or piece (see [`super::variant::unit_price`]).
    pub fn unit_price(&self) -> Option<(i64, PerUnit)> {
        super::variant::unit_price(
            self.price_cents,
            self.net_quantity,
            self.unit(),
            self.price_per_kg_cents.filter(|_| self.sold_by_weight),
            self.unit_price_exempt,
        )
    }

    /// Its name with its variant's label: "Bottines Lou (39)".
    pub fn full_name(&self) -> String {
        shared::order::name_with_variant(&self.name, &self.variant_label)
    }
}

/// The columns of a [`BasketLine`] but its product, variant and quantity.
macro_rules! line_columns {
    () => {
        (
            products::name,
            product_variants::label,
            product_variants::price_cents,
            products::vat_rate_bp,
            product_variants::stock,
            products::listed,
            product_variants::active,
            product_variants::net_quantity,
            product_variants::net_unit,
            product_variants::sold_by_weight,
            product_variants::price_per_kg_cents,
            product_variants::estimated_weight_g,
            products::unit_price_exempt,
            shops::id,
            shops::slug,
            shops::name,
            shops::kind,
            shops::offers_pickup,
            shops::offers_delivery,
            shops::delivers_on_food_days,
            shops::opening_hours,
        )
    };
}

/// The basket's lines with today's product, variant and shop data, in the order they were
/// added.
pub fn lines(conn: &mut DbConn, cart_id: &str) -> QueryResult<Vec<BasketLine>> {
    let rows: Vec<((i64, i64, i32), LineData)> = cart_items::table
        .inner_join(product_variants::table)
        .inner_join(products::table.inner_join(shops::table))
        .filter(cart_items::cart_id.eq(cart_id))
        .order((cart_items::added_at.asc(), cart_items::variant_id.asc()))
        .select((
            (
                cart_items::product_id,
                cart_items::variant_id,
                cart_items::quantity,
            ),
            line_columns!(),
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(BasketLine::from).collect())
}

/// Lines of `quantity` of each of these variants of `shop_id` (a phone order), with
/// today's data, in the order given; a variant not of the shop is left out.
pub fn variant_lines(
    conn: &mut DbConn,
    shop_id: i64,
    wanted: &[(i64, i32)],
) -> QueryResult<Vec<BasketLine>> {
    let ids: Vec<i64> = wanted.iter().map(|(id, _)| *id).collect();
    let rows: Vec<((i64, i64), LineData)> = product_variants::table
        .inner_join(products::table.inner_join(shops::table))
        .filter(product_variants::id.eq_any(&ids))
        .filter(products::shop_id.eq(shop_id))
        .select(((products::id, product_variants::id), line_columns!()))
        .load(conn)?;
    Ok(wanted
        .iter()
        .filter_map(|(variant_id, quantity)| {
            let ((product_id, _), data) = rows.iter().find(|((_, v), _)| v == variant_id)?;
            Some(BasketLine::from((
                (*product_id, *variant_id, *quantity),
                data.clone(),
            )))
        })
        .collect())
}

/// The basket as shoppers see it, at today's prices, with each shop's dates if ordered at
/// `now`.
pub fn load(conn: &mut DbConn, cart_id: &str, now: DateTime<Utc>) -> Result<Cart, ApiError> {
    ensure_exists(conn, cart_id)?;
    let rows = lines(conn, cart_id)?;
    let shop_ids: Vec<i64> = rows.iter().map(|row| row.shop_id).collect();
    let identified = super::legal::with_identity(conn, &shop_ids)?;
    let rules = settings::delivery_rules(conn)?;
    let mut groups: Vec<CartGroup> = Vec::new();
    // Per group: its first delivery date if it delivers, offered once its subtotal is known.
    let mut delivery_dates = Vec::new();
    for row in rows {
        let quantity = i64::from(row.quantity);
        let unit_price = row.unit_price();
        let line = CartLine {
            product_id: row.product_id,
            variant_id: row.variant_id,
            available: row.on_sale() && row.stock.is_none_or(|stock| i64::from(stock) >= quantity),
            name: row.name,
            variant_label: row.variant_label,
            unit_price_cents: row.price_cents,
            quantity,
            line_total_cents: row.price_cents * quantity,
            stock: StockState::of(row.stock),
            thumbnail_url: picture_urls(row.product_id).1,
            price_per_unit_cents: unit_price.map(|(cents, _)| cents),
            price_per_unit: unit_price.map(|(_, per)| per),
            sold_by_weight: row.sold_by_weight,
            estimated_weight_g: row.estimated_weight_g.filter(|_| row.sold_by_weight),
        };
        match groups.iter_mut().find(|g| g.shop.slug == row.shop_slug) {
            Some(group) => {
                group.subtotal_cents += line.line_total_cents;
                group.lines.push(line);
            }
            None => {
                let kind = ShopKind::parse(&row.shop_kind).unwrap_or(ShopKind::NonFood);
                let hours: Vec<OpeningSlot> =
                    serde_json::from_str(&row.opening_hours).unwrap_or_default();
                let closed = settings::closed_days(conn, row.shop_id)?;
                let mut options = Vec::new();
                if row.offers_pickup
                    && let Some(date) = pickup_date(&hours, &closed, now)
                {
                    options.push(FulfilmentOption {
                        method: FulfilmentMethod::Pickup,
                        date: date.to_string(),
                    });
                }
                let days = rules.days(kind, row.offers_delivery, row.delivers_on_food_days);
                delivery_dates.push(rules.delivery_date(&days, &closed, now));
                groups.push(CartGroup {
                    shop: CartShop {
                        slug: row.shop_slug,
                        name: row.shop_name,
                        kind,
                        takes_orders: identified.contains(&row.shop_id),
                    },
                    subtotal_cents: line.line_total_cents,
                    lines: vec![line],
                    fulfilment_options: options,
                    delivery_minimum_cents: None,
                });
            }
        }
    }
    for (group, date) in groups.iter_mut().zip(delivery_dates) {
        let Some(date) = date else { continue };
        match rules.minimum_basket_cents {
            Some(minimum) if group.subtotal_cents < minimum => {
                group.delivery_minimum_cents = Some(minimum);
            }
            _ => group.fulfilment_options.push(FulfilmentOption {
                method: FulfilmentMethod::Delivery,
                date: date.to_string(),
            }),
        }
    }
    Ok(Cart {
        id: cart_id.to_owned(),
        item_count: groups
            .iter()
            .flat_map(|g| &g.lines)
            .map(|l| l.quantity)
            .sum(),
        total_cents: groups.iter().map(|g| g.subtotal_cents).sum(),
        currency: CURRENCY.into(),
        groups,
    })
}
