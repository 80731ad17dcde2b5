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
use shared::money::CURRENCY;

use super::product::picture_urls;
use super::settings;
use crate::db::DbConn;
use crate::db::schema::{cart_items, carts, orders, products, shops};
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

/// What an edit needs to know of a product: its name, whether it is on sale, its stock.
fn product_for_sale(conn: &mut DbConn, product_id: i64) -> Result<(String, Option<i32>), ApiError> {
    products::table
        .filter(products::id.eq(product_id))
        .filter(products::listed.eq(true))
        .select((products::name, products::stock))
        .first(conn)
        .optional()?
        .ok_or_else(|| {
            ApiError::NotFound(format!("there is no product on sale with id {product_id}"))
        })
}

fn current_quantity(conn: &mut DbConn, cart_id: &str, product_id: i64) -> QueryResult<Option<i32>> {
    cart_items::table
        .find((cart_id, product_id))
        .select(cart_items::quantity)
        .first(conn)
        .optional()
}

/// Checks a line's new quantity against the basket limit and the stock.
fn check_quantity(
    product_id: i64,
    name: &str,
    stock: Option<i32>,
    quantity: i64,
) -> Result<(), ApiError> {
    // What the basket holds already decides it: well-formed, refused (422).
    if quantity > MAX_QUANTITY {
        return Err(ApiError::refused(
            "quantity",
            format!("a basket holds at most {MAX_QUANTITY} of one product ({quantity} asked)"),
        ));
    }
    if let Some(stock) = stock
        && quantity > i64::from(stock)
    {
        return Err(ApiError::Conflict(format!(
            "only {stock} left of product {product_id} ({name}); {quantity} asked"
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

/// Adds units of a product, to its line if it has one. Call inside a write transaction.
pub fn add_item(
    conn: &mut DbConn,
    cart_id: &str,
    product_id: i64,
    quantity: i64,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    lock_for_edit(conn, cart_id, now)?;
    // The product is named in the body: one not on sale is refused (422), a 404 is the
    // basket's (the web app starts a new basket on a 404).
    let (name, stock) = product_for_sale(conn, product_id).map_err(|err| match err {
        ApiError::NotFound(detail) => ApiError::refused("product_id", detail),
        other => other,
    })?;
    let existing = current_quantity(conn, cart_id, product_id)?;
    let total = i64::from(existing.unwrap_or(0)) + quantity;
    check_quantity(product_id, &name, stock, total)?;
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
        diesel::update(cart_items::table.find((cart_id, product_id)))
            .set(cart_items::quantity.eq(total))
            .execute(conn)?;
    } else {
        diesel::insert_into(cart_items::table)
            .values((
                cart_items::cart_id.eq(cart_id),
                cart_items::product_id.eq(product_id),
                cart_items::quantity.eq(total),
                cart_items::added_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Sets a line's quantity; 0 removes it. Call inside a write transaction.
pub fn set_quantity(
    conn: &mut DbConn,
    cart_id: &str,
    product_id: i64,
    quantity: i64,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    lock_for_edit(conn, cart_id, now)?;
    if current_quantity(conn, cart_id, product_id)?.is_none() {
        return Err(ApiError::NotFound(format!(
            "product {product_id} is not in this basket"
        )));
    }
    if quantity == 0 {
        return remove_item(conn, cart_id, product_id, now);
    }
    let (name, stock) = product_for_sale(conn, product_id)?;
    check_quantity(product_id, &name, stock, quantity)?;
    let quantity = i32::try_from(quantity).map_err(anyhow::Error::from)?;
    diesel::update(cart_items::table.find((cart_id, product_id)))
        .set(cart_items::quantity.eq(quantity))
        .execute(conn)?;
    Ok(())
}

/// Removes a line. Call inside a write transaction.
pub fn remove_item(
    conn: &mut DbConn,
    cart_id: &str,
    product_id: i64,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    lock_for_edit(conn, cart_id, now)?;
    let removed = diesel::delete(cart_items::table.find((cart_id, product_id))).execute(conn)?;
    if removed == 0 {
        return Err(ApiError::NotFound(format!(
            "product {product_id} is not in this basket"
        )));
    }
    Ok(())
}

#[derive(Debug, Queryable)]
pub struct BasketLine {
    pub product_id: i64,
    pub quantity: i32,
    pub name: String,
    pub price_cents: i64,
    pub vat_rate_bp: i32,
    pub stock: Option<i32>,
    pub listed: bool,
    pub shop_id: i64,
    pub shop_slug: String,
    pub shop_name: String,
    pub shop_kind: String,
    pub offers_pickup: bool,
    pub offers_delivery: bool,
    pub delivers_on_food_days: bool,
    pub opening_hours: String,
}

/// The basket's lines with today's product and shop data, in the order they were added.
pub fn lines(conn: &mut DbConn, cart_id: &str) -> QueryResult<Vec<BasketLine>> {
    cart_items::table
        .inner_join(products::table.inner_join(shops::table))
        .filter(cart_items::cart_id.eq(cart_id))
        .order((cart_items::added_at.asc(), cart_items::product_id.asc()))
        .select((
            cart_items::product_id,
            cart_items::quantity,
            products::name,
            products::price_cents,
            products::vat_rate_bp,
            products::stock,
            products::listed,
            shops::id,
            shops::slug,
            shops::name,
            shops::kind,
            shops::offers_pickup,
            shops::offers_delivery,
            shops::delivers_on_food_days,
            shops::opening_hours,
        ))
        .load(conn)
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
        let line = CartLine {
            product_id: row.product_id,
            name: row.name,
            unit_price_cents: row.price_cents,
            quantity,
            line_total_cents: row.price_cents * quantity,
            available: row.listed && row.stock.is_none_or(|stock| i64::from(stock) >= quantity),
            stock: StockState::of(row.stock),
            thumbnail_url: picture_urls(row.product_id).1,
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
