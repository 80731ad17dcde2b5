//! Orders: checkout (one order per shop, atomically), and reading an order back.

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use diesel::prelude::*;
use shared::cart::FulfilmentMethod;
use shared::catalogue::{OpeningSlot, ShopKind, ShopRef};
use shared::error::FieldError;
use shared::money::CURRENCY;
use shared::order::{
    Address, ContactPreference, Order, OrderFulfilment, OrderLine, OrderStatus, PaymentStatus,
};

use super::cart::{self, BasketLine};
use super::settings;
use super::shop::VAT_EXEMPT_MENTION;
use crate::db::DbConn;
use crate::db::schema::{cart_items, communes, order_events, order_lines, orders, products, shops};
use crate::domain::delivery::pickup_date;
use crate::domain::phone::FrenchPhone;
use crate::domain::pricing::{PricedLine, totals};
use crate::domain::search::sort_key;
use crate::error::ApiError;

/// A checkout request whose fields are valid by construction (the commune is checked
/// against the database inside the transaction).
#[derive(Debug, Clone)]
pub struct ValidCheckout {
    pub name: String,
    pub phone: FrenchPhone,
    pub email: Option<String>,
    pub method: FulfilmentMethod,
    pub address: Option<Address>,
    /// Per shop slug: a method overriding `method`, and a note.
    pub per_shop: Vec<(String, Option<FulfilmentMethod>, String)>,
    pub contact: ContactPreference,
    pub expected_total_cents: Option<i64>,
}

/// The number people use for an order: `UZ-<year>-<id, 5 digits>`.
pub fn order_number(id: i64, created_at: NaiveDateTime) -> String {
    format!("UZ-{}-{id:05}", created_at.year())
}

fn method_name(method: FulfilmentMethod) -> &'static str {
    match method {
        FulfilmentMethod::Pickup => "pickup",
        FulfilmentMethod::Delivery => "delivery",
    }
}

fn contact_name(contact: ContactPreference) -> &'static str {
    match contact {
        ContactPreference::Call => "call",
        ContactPreference::NoCall => "no_call",
    }
}

/// Whether the address's commune is one the volunteers deliver to.
fn delivers_to(conn: &mut DbConn, address: &Address) -> QueryResult<bool> {
    let known: Vec<(String, String)> = communes::table
        .select((communes::name, communes::postcode))
        .load(conn)?;
    let wanted = sort_key(&address.commune);
    Ok(known
        .iter()
        .any(|(name, postcode)| sort_key(name) == wanted && *postcode == address.postcode))
}

/// Turns the basket into one order per shop, or changes nothing. Call inside a write
/// transaction that has locked the basket. Prices, VAT and dates come from the database and
/// the rules, never from the request.
pub fn checkout(
    conn: &mut DbConn,
    cart_id: &str,
    request: &ValidCheckout,
    user_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, ApiError> {
    let lines = cart::lines(conn, cart_id)?;
    if lines.is_empty() {
        return Err(ApiError::Unprocessable(
            "the basket is empty: add products before ordering".into(),
        ));
    }

    // Every problem with the choices, named, before anything is written.
    let mut errors: Vec<FieldError> = Vec::new();
    for (slug, _, _) in &request.per_shop {
        if !lines.iter().any(|l| &l.shop_slug == slug) {
            errors.push(FieldError {
                field: format!("per_shop.{slug}"),
                message: "this shop has nothing in the basket".into(),
            });
        }
    }
    let choice = |slug: &str| request.per_shop.iter().find(|(s, _, _)| s == slug);
    let mut shop_ids: Vec<i64> = Vec::new();
    for line in &lines {
        if !shop_ids.contains(&line.shop_id) {
            shop_ids.push(line.shop_id);
        }
    }
    let rules = settings::delivery_rules(conn)?;
    let mut plans = Vec::new();
    for shop_id in &shop_ids {
        let closed = settings::closed_days(conn, *shop_id)?;
        let shop_lines: Vec<&BasketLine> = lines.iter().filter(|l| l.shop_id == *shop_id).collect();
        let first = shop_lines[0];
        let method = choice(&first.shop_slug)
            .and_then(|(_, m, _)| *m)
            .unwrap_or(request.method);
        let note = choice(&first.shop_slug)
            .map(|(_, _, n)| n.clone())
            .unwrap_or_default();
        let kind = ShopKind::parse(&first.shop_kind).unwrap_or(ShopKind::NonFood);
        let field = format!("per_shop.{}.method", first.shop_slug);
        let date = match method {
            FulfilmentMethod::Pickup if !first.offers_pickup => {
                errors.push(FieldError {
                    field,
                    message: format!("{} does not offer pickup", first.shop_name),
                });
                None
            }
            FulfilmentMethod::Pickup => {
                let hours: Vec<OpeningSlot> =
                    serde_json::from_str(&first.opening_hours).unwrap_or_default();
                let date = pickup_date(&hours, &closed, now);
                if date.is_none() {
                    errors.push(FieldError {
                        field,
                        message: format!("{} has no opening hours for pickup", first.shop_name),
                    });
                }
                date
            }
            FulfilmentMethod::Delivery => {
                let days = rules.days(kind, first.offers_delivery, first.delivers_on_food_days);
                let date = rules.delivery_date(&days, &closed, now);
                if date.is_none() {
                    errors.push(FieldError {
                        field,
                        message: format!("{} does not deliver: choose pickup", first.shop_name),
                    });
                }
                date
            }
        };
        plans.push((shop_lines, method, note, date));
    }
    let delivering = plans
        .iter()
        .any(|(_, method, _, _)| *method == FulfilmentMethod::Delivery);
    match (&request.address, delivering) {
        (None, true) => errors.push(FieldError {
            field: "fulfilment.address".into(),
            message: "a delivery needs an address".into(),
        }),
        (Some(address), true) if !delivers_to(conn, address)? => errors.push(FieldError {
            field: "fulfilment.address.commune".into(),
            message: format!(
                "{} {} is not one of the delivery communes (GET /api/v1/communes): choose pickup",
                address.postcode, address.commune
            ),
        }),
        _ => {}
    }
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }

    for line in &lines {
        if !line.listed {
            return Err(ApiError::Conflict(format!(
                "product {} ({}) is no longer on sale: remove it from the basket",
                line.product_id, line.name
            )));
        }
    }
    let current_total: i64 = lines
        .iter()
        .map(|l| l.price_cents * i64::from(l.quantity))
        .sum();
    if let Some(expected) = request.expected_total_cents
        && expected != current_total
    {
        return Err(ApiError::Conflict(format!(
            "prices changed since the basket was shown: the total is now {current_total} cents, not {expected}; look at the basket again"
        )));
    }
    // Take the stock: one conditional update per line, so it can never go below zero,
    // whatever else runs at the same time.
    for line in lines.iter().filter(|l| l.stock.is_some()) {
        let taken = diesel::update(products::table.find(line.product_id))
            .filter(products::stock.ge(line.quantity))
            .set(products::stock.eq(products::stock - line.quantity))
            .execute(conn)?;
        if taken == 0 {
            return Err(ApiError::Conflict(format!(
                "not enough stock left of product {} ({}) for {}: lower the quantity",
                line.product_id, line.name, line.quantity
            )));
        }
    }

    let created_at = now.naive_utc();
    let mut order_ids = Vec::new();
    for (shop_lines, method, note, date) in plans {
        let first = shop_lines[0];
        let priced: Vec<PricedLine> = shop_lines
            .iter()
            .map(|l| PricedLine {
                unit_price_cents: l.price_cents,
                quantity: i64::from(l.quantity),
                vat_rate_bp: l.vat_rate_bp,
            })
            .collect();
        let (total_cents, _) = totals(&priced);
        let address = request
            .address
            .as_ref()
            .filter(|_| method == FulfilmentMethod::Delivery);
        let order_id: i64 = diesel::insert_into(orders::table)
            .values((
                orders::shop_id.eq(first.shop_id),
                orders::cart_id.eq(cart_id),
                orders::user_id.eq(user_id),
                orders::status.eq(OrderStatus::Placed.as_str()),
                orders::payment_status.eq("due"),
                orders::fulfilment_method.eq(method_name(method)),
                orders::fulfilment_date.eq(date.map(|d| d.to_string()).unwrap_or_default()),
                orders::address_street.eq(address.map(|a| a.street.clone())),
                orders::address_postcode.eq(address.map(|a| a.postcode.clone())),
                orders::address_commune.eq(address.map(|a| a.commune.clone())),
                orders::customer_name.eq(&request.name),
                orders::customer_phone.eq(request.phone.display()),
                orders::customer_email.eq(&request.email),
                orders::contact_preference.eq(contact_name(request.contact)),
                orders::note.eq(note),
                orders::total_cents.eq(total_cents),
                orders::tracking_token.eq(uuid::Uuid::new_v4().simple().to_string()),
                orders::channel.eq("web"),
                orders::created_at.eq(created_at),
                orders::updated_at.eq(created_at),
            ))
            .returning(orders::id)
            .get_result(conn)?;
        for line in &shop_lines {
            diesel::insert_into(order_lines::table)
                .values((
                    order_lines::order_id.eq(order_id),
                    order_lines::product_id.eq(line.product_id),
                    order_lines::name.eq(&line.name),
                    order_lines::unit_price_cents.eq(line.price_cents),
                    order_lines::vat_rate_bp.eq(line.vat_rate_bp),
                    order_lines::quantity.eq(line.quantity),
                ))
                .execute(conn)?;
        }
        diesel::insert_into(order_events::table)
            .values((
                order_events::order_id.eq(order_id),
                order_events::at.eq(created_at),
                order_events::actor.eq("customer"),
                order_events::to_status.eq(OrderStatus::Placed.as_str()),
            ))
            .execute(conn)?;
        order_ids.push(order_id);
    }
    diesel::delete(cart_items::table.filter(cart_items::cart_id.eq(cart_id))).execute(conn)?;
    Ok(order_ids)
}

#[derive(Debug, Queryable)]
struct OrderRow {
    id: i64,
    status: String,
    payment_status: String,
    fulfilment_method: String,
    fulfilment_date: String,
    address_street: Option<String>,
    address_postcode: Option<String>,
    address_commune: Option<String>,
    customer_name: String,
    contact_preference: String,
    note: String,
    total_cents: i64,
    tracking_token: String,
    created_at: NaiveDateTime,
    shop_slug: String,
    shop_name: String,
    shop_address: String,
    shop_commune: String,
    vat_exempt: bool,
}

/// An order as its customer sees it.
pub fn load(conn: &mut DbConn, id: i64) -> QueryResult<Order> {
    let row: OrderRow = orders::table
        .inner_join(shops::table)
        .filter(orders::id.eq(id))
        .select((
            orders::id,
            orders::status,
            orders::payment_status,
            orders::fulfilment_method,
            orders::fulfilment_date,
            orders::address_street,
            orders::address_postcode,
            orders::address_commune,
            orders::customer_name,
            orders::contact_preference,
            orders::note,
            orders::total_cents,
            orders::tracking_token,
            orders::created_at,
            shops::slug,
            shops::name,
            shops::address,
            shops::commune,
            shops::vat_exempt,
        ))
        .first(conn)?;
    let lines: Vec<(i64, String, i64, i32, i32)> = order_lines::table
        .filter(order_lines::order_id.eq(id))
        .order(order_lines::id.asc())
        .select((
            order_lines::product_id,
            order_lines::name,
            order_lines::unit_price_cents,
            order_lines::vat_rate_bp,
            order_lines::quantity,
        ))
        .load(conn)?;
    let priced: Vec<PricedLine> = lines
        .iter()
        .map(|(_, _, price, rate, quantity)| PricedLine {
            unit_price_cents: *price,
            quantity: i64::from(*quantity),
            vat_rate_bp: *rate,
        })
        .collect();
    let (_, vat) = totals(&priced);
    let method = if row.fulfilment_method == "delivery" {
        FulfilmentMethod::Delivery
    } else {
        FulfilmentMethod::Pickup
    };
    let address = match (
        row.address_street,
        row.address_postcode,
        row.address_commune,
    ) {
        (Some(street), Some(postcode), Some(commune)) => Some(Address {
            street,
            postcode,
            commune,
        }),
        _ => None,
    };
    Ok(Order {
        id: row.id,
        number: order_number(row.id, row.created_at),
        shop: ShopRef {
            slug: row.shop_slug,
            name: row.shop_name,
        },
        status: OrderStatus::parse(&row.status).unwrap_or(OrderStatus::Placed),
        payment_status: if row.payment_status == "paid" {
            PaymentStatus::Paid
        } else {
            PaymentStatus::Due
        },
        fulfilment: OrderFulfilment {
            method,
            date: row.fulfilment_date,
            address,
            pickup_address: (method == FulfilmentMethod::Pickup)
                .then(|| format!("{}, {}", row.shop_address, row.shop_commune)),
        },
        customer_name: row.customer_name,
        lines: lines
            .into_iter()
            .map(
                |(product_id, name, unit_price_cents, rate, quantity)| OrderLine {
                    product_id,
                    name,
                    unit_price_cents,
                    vat_rate: f64::from(rate) / 100.0,
                    quantity: i64::from(quantity),
                    line_total_cents: unit_price_cents * i64::from(quantity),
                },
            )
            .collect(),
        total_cents: row.total_cents,
        currency: CURRENCY.into(),
        vat,
        vat_mention: row.vat_exempt.then(|| VAT_EXEMPT_MENTION.to_owned()),
        note: row.note,
        contact_preference: if row.contact_preference == "no_call" {
            ContactPreference::NoCall
        } else {
            ContactPreference::Call
        },
        tracking_token: row.tracking_token,
        created_at: DateTime::<Utc>::from_naive_utc_and_offset(row.created_at, Utc).to_rfc3339(),
    })
}

/// The order a tracking link points to.
pub fn id_by_token(conn: &mut DbConn, token: &str) -> QueryResult<i64> {
    orders::table
        .filter(orders::tracking_token.eq(token))
        .select(orders::id)
        .first(conn)
}

/// One page of a customer's orders, newest first, and how many there are.
pub fn ids_of_user(
    conn: &mut DbConn,
    user_id: i64,
    paging: crate::domain::paging::Paging,
) -> QueryResult<(Vec<i64>, u64)> {
    let total: i64 = orders::table
        .filter(orders::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    let ids = orders::table
        .filter(orders::user_id.eq(user_id))
        .order((orders::created_at.desc(), orders::id.desc()))
        .offset(paging.offset())
        .limit(paging.limit())
        .select(orders::id)
        .load(conn)?;
    Ok((ids, u64::try_from(total).unwrap_or(0)))
}

/// The customer account an order belongs to, if any; `None` for an unknown order too.
pub fn owner(conn: &mut DbConn, id: i64) -> QueryResult<Option<Option<i64>>> {
    orders::table
        .find(id)
        .select(orders::user_id)
        .first(conn)
        .optional()
}

/// Cancels a `placed` order and puts its stock back. Call inside a write transaction.
pub fn cancel_placed(
    conn: &mut DbConn,
    id: i64,
    actor: &str,
    reason: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let cancelled = diesel::update(
        orders::table
            .find(id)
            .filter(orders::status.eq(OrderStatus::Placed.as_str())),
    )
    .set((
        orders::status.eq(OrderStatus::Cancelled.as_str()),
        orders::cancel_reason.eq(reason),
        orders::updated_at.eq(now),
    ))
    .execute(conn)?;
    if cancelled == 0 {
        return Err(ApiError::Conflict(
            "only an order that is still placed can be cancelled: call the shop".into(),
        ));
    }
    let lines: Vec<(i64, i32)> = order_lines::table
        .filter(order_lines::order_id.eq(id))
        .select((order_lines::product_id, order_lines::quantity))
        .load(conn)?;
    for (product_id, quantity) in lines {
        // Untracked stock (NULL) stays untracked.
        diesel::update(
            products::table
                .find(product_id)
                .filter(products::stock.is_not_null()),
        )
        .set(products::stock.eq(products::stock + quantity))
        .execute(conn)?;
    }
    diesel::insert_into(order_events::table)
        .values((
            order_events::order_id.eq(id),
            order_events::at.eq(now),
            order_events::actor.eq(actor),
            order_events::from_status.eq(OrderStatus::Placed.as_str()),
            order_events::to_status.eq(OrderStatus::Cancelled.as_str()),
            order_events::note.eq(reason),
        ))
        .execute(conn)?;
    Ok(())
}
