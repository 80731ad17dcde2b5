//! Orders: checkout and phone orders (one order per shop, atomically), reading an order
//! back as each caller may see it, the shop's changes (status, payment, note) with their
//! history, and the history as the live inbox reads it.

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use shared::cart::FulfilmentMethod;
use shared::catalogue::{OpeningSlot, ShopKind, ShopRef};
use shared::error::FieldError;
use shared::money::{CURRENCY, format_eur};
use shared::order::{
    Address, ContactPreference, Order, OrderFulfilment, OrderLine, OrderStatus, PaymentStatus,
};
use shared::shop_orders::{
    AUTO_RELEASED, OrderChannel, OrderEvent, OrderEventKind, OrderFeedEvent, PaymentMethod,
    SYSTEM_ACTOR,
};

use super::cart::{self, BasketLine};
use super::open_orders::{self, Bounds, Who};
use super::product;
use super::settings;
use super::shop::VAT_EXEMPT_MENTION;
use crate::db::DbConn;
use crate::db::schema::{
    api_keys, cart_items, communes, order_events, order_lines, orders, products, shops, users,
};
use crate::domain::delivery::pickup_date;
use crate::domain::language::Language;
use crate::domain::phone::FrenchPhone;
use crate::domain::pricing::{PricedLine, totals};
use crate::domain::search::sort_key;
use crate::error::ApiError;
use shared::legal::{TermsAcceptance, WITHDRAWAL_DAYS, WithdrawalException};

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

/// The number people use for an order: `<prefix>-<year>-<id, 5 digits>`, the prefix being
/// the marketplace's when the order was placed (`UZ-2026-00042`).
pub fn order_number(prefix: &str, id: i64, created_at: NaiveDateTime) -> String {
    format!("{prefix}-{}-{id:05}", created_at.year())
}

fn method_name(method: FulfilmentMethod) -> &'static str {
    match method {
        FulfilmentMethod::Pickup => "pickup",
        FulfilmentMethod::Delivery => "delivery",
    }
}

fn channel_name(channel: OrderChannel) -> &'static str {
    match channel {
        OrderChannel::Web => "web",
        OrderChannel::Phone => "phone",
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
///
/// What the customer (its phone, e-mail and `client_address`) has waiting for the shops'
/// confirmation, with this checkout, must stay within `bounds` (422
/// `too_many_open_orders`); concurrent checkouts of one customer are counted one after
/// the other.
pub fn checkout(
    conn: &mut DbConn,
    cart_id: &str,
    request: &ValidCheckout,
    user_id: Option<i64>,
    client_address: Option<&str>,
    bounds: Bounds,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, ApiError> {
    let mut who = vec![Who::Phone(request.phone.display())];
    who.extend(request.email.clone().map(Who::Email));
    who.extend(client_address.map(|a| Who::Address(a.to_owned())));
    // Before any product's row, like every checkout: a fixed order of locks.
    open_orders::lock_customer(conn, &who)?;
    // The products are locked before their prices and stock are read: what is checked is
    // what is ordered.
    let ids: Vec<i64> = cart_items::table
        .filter(cart_items::cart_id.eq(cart_id))
        .select(cart_items::product_id)
        .load(conn)?;
    product::lock(conn, &ids)?;
    let lines = cart::lines(conn, cart_id)?;
    if lines.is_empty() {
        return Err(ApiError::Unprocessable(
            "the basket is empty: add products before ordering".into(),
        ));
    }
    let mut shops: Vec<i64> = lines.iter().map(|l| l.shop_id).collect();
    shops.sort_unstable();
    shops.dedup();
    let units: i64 = lines.iter().map(|l| i64::from(l.quantity)).sum();
    let orders = i64::try_from(shops.len()).unwrap_or(i64::MAX);
    open_orders::check(conn, &who, orders, units, bounds)?;
    let ids = place(
        conn,
        &lines,
        request,
        &Origin {
            cart_id,
            user_id,
            channel: OrderChannel::Web,
            actor: CUSTOMER_ACTOR,
            client_address,
        },
        now,
    )?;
    diesel::delete(cart_items::table.filter(cart_items::cart_id.eq(cart_id))).execute(conn)?;
    Ok(ids)
}

/// How the history names the shopper who checked out on the website.
pub const CUSTOMER_ACTOR: &str = "customer";

/// Where new orders come from: a basket on the website, or a shop taking a call.
pub struct Origin<'a> {
    /// The basket checked out; empty for a phone order.
    pub cart_id: &'a str,
    /// The customer's account, if signed in.
    pub user_id: Option<i64>,
    pub channel: OrderChannel,
    /// Who placed it, as the history names them.
    pub actor: &'a str,
    /// The client address a website checkout came from (an IPv6 address by its /64).
    pub client_address: Option<&'a str>,
}

/// Places one order per shop of `lines`, or changes nothing: the checkout rules shared by
/// the website's checkout and the shop's phone orders. Call inside a write transaction.
/// Prices, VAT and dates come from the database and the rules, never from the request.
pub fn place(
    conn: &mut DbConn,
    lines: &[BasketLine],
    request: &ValidCheckout,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, ApiError> {
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
    let mut sellers: Vec<(i64, &str, &str)> = Vec::new();
    for line in lines {
        if !shop_ids.contains(&line.shop_id) {
            shop_ids.push(line.shop_id);
            sellers.push((line.shop_id, &line.shop_slug, &line.shop_name));
        }
    }
    // Who sells (issue 15): no order for a shop that has not given its legal identity.
    super::legal::check_sellers(conn, &sellers)?;
    let rules = settings::delivery_rules(conn)?;
    let mut plans = Vec::new();
    // A shop whose part is below the minimum for delivery: (its name, subtotal, minimum).
    let mut below_minimum: Option<(String, i64, i64)> = None;
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
                let subtotal: i64 = shop_lines
                    .iter()
                    .map(|l| l.price_cents * i64::from(l.quantity))
                    .sum();
                if let Some(minimum) = rules.minimum_basket_cents
                    && subtotal < minimum
                    && below_minimum.is_none()
                {
                    below_minimum = Some((first.shop_name.clone(), subtotal, minimum));
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
    // Each field was well-formed; the basket, the shops and the zone refuse them (422).
    if let Some(err) = ApiError::from_refused_fields(errors) {
        return Err(err);
    }
    if let Some((shop, subtotal, minimum)) = below_minimum {
        return Err(ApiError::BelowDeliveryMinimum(format!(
            "delivery is offered from {} of purchases per shop: the basket from {shop} comes \
             to {}, {} short; add to it or choose pickup for this shop",
            format_eur(minimum),
            format_eur(subtotal),
            format_eur(minimum - subtotal)
        )));
    }

    for line in lines {
        if !line.on_sale() {
            return Err(ApiError::Conflict(format!(
                "product {} ({}) is no longer on sale: remove it from the basket",
                line.product_id,
                line.full_name()
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
    // whatever else runs at the same time. The rows are locked first, all of them in the
    // order of their ids (as every writer of several products does), so two baskets holding
    // the same products in opposite orders queue instead of deadlocking.
    // The variants' stock moves their product's (a trigger), under the product's lock.
    let mut taking: Vec<&BasketLine> = lines.iter().filter(|l| l.stock.is_some()).collect();
    taking.sort_by_key(|l| (l.product_id, l.variant_id));
    let ids: Vec<i64> = taking.iter().map(|l| l.product_id).collect();
    product::lock(conn, &ids)?;
    for line in taking {
        if !super::variant::add_stock(conn, line.variant_id, -line.quantity, now.naive_utc())? {
            return Err(ApiError::Conflict(format!(
                "not enough stock left of product {} ({}) for {}: lower the quantity",
                line.product_id,
                line.full_name(),
                line.quantity
            )));
        }
    }

    let created_at = now.naive_utc();
    let number_prefix = super::marketplace::load(conn)?.order_prefix();
    // Each product's exception to the right of withdrawal, frozen on its line.
    let product_ids: Vec<i64> = lines.iter().map(|l| l.product_id).collect();
    let exceptions: Vec<(i64, String)> = products::table
        .filter(products::id.eq_any(&product_ids))
        .select((products::id, products::withdrawal_exception))
        .load(conn)?;
    let exception_of = |id: i64| {
        exceptions
            .iter()
            .find(|(p, _)| *p == id)
            .map_or("none", |(_, e)| e.as_str())
    };
    let acceptance = match origin.channel {
        OrderChannel::Web => TermsAcceptance::Ticked,
        OrderChannel::Phone => TermsAcceptance::ReadOut,
    };
    let mut order_ids = Vec::new();
    for (shop_lines, method, note, date) in plans {
        let first = shop_lines[0];
        let priced: Vec<PricedLine> = shop_lines
            .iter()
            .map(|l| PricedLine {
                total_cents: l.price_cents * i64::from(l.quantity),
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
                orders::cart_id.eq(origin.cart_id),
                orders::user_id.eq(origin.user_id),
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
                orders::channel.eq(channel_name(origin.channel)),
                orders::created_at.eq(created_at),
                orders::updated_at.eq(created_at),
                orders::number_prefix.eq(&number_prefix),
                orders::client_address.eq(origin.client_address),
                orders::address_access_note.eq(address.and_then(|a| a.access_note.clone())),
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
                    order_lines::withdrawal_exception.eq(exception_of(line.product_id)),
                    order_lines::variant_id.eq(line.variant_id),
                    order_lines::variant_label.eq(&line.variant_label),
                    order_lines::net_quantity.eq(line.net_quantity),
                    order_lines::net_unit.eq(&line.net_unit),
                    order_lines::sold_by_weight.eq(line.sold_by_weight),
                    order_lines::price_per_kg_cents
                        .eq(line.price_per_kg_cents.filter(|_| line.sold_by_weight)),
                    order_lines::estimated_weight_g
                        .eq(line.estimated_weight_g.filter(|_| line.sold_by_weight)),
                    order_lines::line_total_cents.eq(line.price_cents * i64::from(line.quantity)),
                ))
                .execute(conn)?;
        }
        let shop = super::shop::find(conn, first.shop_id)?;
        super::legal::record_order(conn, order_id, &shop, acceptance, created_at)?;
        record_event(
            conn,
            order_id,
            Event {
                kind: OrderEventKind::Placed,
                actor: origin.actor,
                from: None,
                to: Some(OrderStatus::Placed),
                note: "",
            },
            created_at,
        )?;
        order_ids.push(order_id);
    }
    Ok(order_ids)
}

#[derive(Debug, Queryable)]
struct OrderRow {
    id: i64,
    status: String,
    payment_status: String,
    payment_method: Option<String>,
    fulfilment_method: String,
    fulfilment_date: String,
    address_street: Option<String>,
    address_postcode: Option<String>,
    address_commune: Option<String>,
    customer_name: String,
    customer_phone: String,
    customer_email: Option<String>,
    contact_preference: String,
    note: String,
    merchant_note: String,
    total_cents: i64,
    tracking_token: String,
    channel: String,
    cancel_reason: Option<String>,
    created_at: NaiveDateTime,
    shop_slug: String,
    shop_name: String,
    shop_address: String,
    shop_commune: String,
    vat_exempt: bool,
    number_prefix: String,
    access_note: Option<String>,
}

/// Who reads an order, which decides what they see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Anyone holding the order's tracking link, or the checkout's answer: no phone, and of
    /// the history only the shop's changes after the call.
    Public,
    /// Its signed-in customer: plus the history, without who made each change.
    Customer,
    /// The shop's merchants, its API keys, admins: everything.
    Shop,
    /// The shop's inbox, a list: everything but the history (on each order's own page).
    ShopInbox,
}

fn utc(at: NaiveDateTime) -> String {
    DateTime::<Utc>::from_naive_utc_and_offset(at, Utc).to_rfc3339()
}

/// An order as the public sees it (its tracking link).
pub fn load(conn: &mut DbConn, id: i64) -> QueryResult<Order> {
    load_as(conn, id, View::Public)
}

/// Records the language the shopper used at checkout on their orders (issue 12): every
/// later message to them about these orders is written in it.
pub fn set_language(conn: &mut DbConn, ids: &[i64], language: Language) -> QueryResult<()> {
    diesel::update(orders::table.filter(orders::id.eq_any(ids)))
        .set(orders::language.eq(language.as_str()))
        .execute(conn)?;
    Ok(())
}

/// The language the shopper used for the order (French for phone orders and older ones).
pub fn language_of(conn: &mut DbConn, id: i64) -> QueryResult<Language> {
    let code: String = orders::table
        .find(id)
        .select(orders::language)
        .first(conn)?;
    Ok(Language::parse(&code))
}

/// An order as `view` may see it.
pub fn load_as(conn: &mut DbConn, id: i64, view: View) -> QueryResult<Order> {
    let row: OrderRow = orders::table
        .inner_join(shops::table)
        .filter(orders::id.eq(id))
        .select((
            orders::id,
            orders::status,
            orders::payment_status,
            orders::payment_method,
            orders::fulfilment_method,
            orders::fulfilment_date,
            orders::address_street,
            orders::address_postcode,
            orders::address_commune,
            orders::customer_name,
            orders::customer_phone,
            orders::customer_email,
            orders::contact_preference,
            orders::note,
            orders::merchant_note,
            orders::total_cents,
            orders::tracking_token,
            orders::channel,
            orders::cancel_reason,
            orders::created_at,
            shops::slug,
            shops::name,
            shops::address,
            shops::commune,
            shops::vat_exempt,
            orders::number_prefix,
            orders::address_access_note,
        ))
        .first(conn)?;
    let lines = line_rows(conn, id)?;
    let (seller, terms) = match super::legal::of_order(conn, id)? {
        Some((seller, terms)) => (seller, Some(terms)),
        None => (None, None),
    };
    let withdrawals = super::legal::withdrawals(conn, id)?;
    let withdrawal_deadline = handed_over_on(conn, id)?
        .map(|day| (day + chrono::Duration::days(WITHDRAWAL_DAYS)).to_string());
    let priced: Vec<PricedLine> = lines
        .iter()
        .map(|line| PricedLine {
            total_cents: line.line_total_cents,
            vat_rate_bp: line.vat_rate_bp,
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
            access_note: row.access_note,
        }),
        _ => None,
    };
    let history = match view {
        // The tracking link: only what the shop changed after the call, which the shopper
        // must see (issue 14); nothing when it changed nothing.
        View::Public => {
            let changes: Vec<OrderEvent> = history(conn, id, false)?
                .into_iter()
                .filter(|event| event.kind == OrderEventKind::LinesChanged)
                .collect();
            (!changes.is_empty()).then_some(changes)
        }
        View::Customer => Some(history(conn, id, false)?),
        View::Shop => Some(history(conn, id, true)?),
        View::ShopInbox => None,
    };
    let shop_side = matches!(view, View::Shop | View::ShopInbox);
    Ok(Order {
        id: row.id,
        number: order_number(&row.number_prefix, row.id, row.created_at),
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
            .map(|line| {
                let withdrawn_at = withdrawals
                    .iter()
                    .find(|w| w.line_id == line.id)
                    .map(|w| w.at.clone());
                line.wire(withdrawn_at)
            })
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
        created_at: utc(row.created_at),
        payment_method: row.payment_method.as_deref().and_then(PaymentMethod::parse),
        cancel_reason: row.cancel_reason,
        channel: Some(if row.channel == "phone" {
            OrderChannel::Phone
        } else {
            OrderChannel::Web
        }),
        customer_phone: shop_side.then_some(row.customer_phone),
        customer_email: row.customer_email.filter(|_| shop_side),
        merchant_note: shop_side.then_some(row.merchant_note),
        history,
        seller,
        terms,
        withdrawal_deadline,
    })
}

/// An order line as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = order_lines)]
pub struct OrderLineRow {
    pub id: i64,
    pub product_id: i64,
    pub variant_id: Option<i64>,
    pub name: String,
    pub variant_label: String,
    pub unit_price_cents: i64,
    pub vat_rate_bp: i32,
    pub quantity: i32,
    pub withdrawal_exception: String,
    pub net_quantity: Option<i64>,
    pub net_unit: Option<String>,
    pub sold_by_weight: bool,
    pub price_per_kg_cents: Option<i64>,
    pub estimated_weight_g: Option<i32>,
    pub actual_weight_g: Option<i32>,
    pub line_total_cents: i64,
}

impl OrderLineRow {
    /// As the order's readers see it.
    pub fn wire(self, withdrawn_at: Option<String>) -> OrderLine {
        let unit_price = super::variant::unit_price(
            self.unit_price_cents,
            self.net_quantity,
            self.net_unit
                .as_deref()
                .and_then(shared::measure::NetUnit::parse),
            self.price_per_kg_cents.filter(|_| self.sold_by_weight),
            false,
        );
        let quantity = i64::from(self.quantity);
        OrderLine {
            id: self.id,
            product_id: self.product_id,
            variant_id: self.variant_id,
            name: self.name,
            variant_label: self.variant_label,
            unit_price_cents: self.unit_price_cents,
            vat_rate: f64::from(self.vat_rate_bp) / 100.0,
            quantity,
            line_total_cents: self.line_total_cents,
            price_per_unit_cents: unit_price.map(|(cents, _)| cents),
            price_per_unit: unit_price.map(|(_, per)| per),
            sold_by_weight: self.sold_by_weight,
            price_per_kg_cents: self.price_per_kg_cents,
            estimated_weight_g: self
                .estimated_weight_g
                .map(|grams| i64::from(grams) * quantity),
            actual_weight_g: self.actual_weight_g.map(i64::from),
            withdrawal_exception: WithdrawalException::parse(&self.withdrawal_exception)
                .unwrap_or_default(),
            withdrawn_at,
        }
    }
}

/// The lines of an order that count (not removed after the call), in the order placed.
pub fn line_rows(conn: &mut DbConn, id: i64) -> QueryResult<Vec<OrderLineRow>> {
    order_lines::table
        .filter(order_lines::order_id.eq(id))
        .filter(order_lines::removed_at.is_null())
        .order(order_lines::id.asc())
        .select(OrderLineRow::as_select())
        .load(conn)
}

/// The day (Paris) an order was handed over (it became `completed`), if it was.
pub fn handed_over_on(conn: &mut DbConn, id: i64) -> QueryResult<Option<chrono::NaiveDate>> {
    let at: Option<NaiveDateTime> = order_events::table
        .filter(order_events::order_id.eq(id))
        .filter(order_events::to_status.eq(OrderStatus::Completed.as_str()))
        .order(order_events::id.desc())
        .select(order_events::at)
        .first(conn)
        .optional()?;
    Ok(at.map(|at| {
        crate::domain::delivery::paris_time(DateTime::<Utc>::from_naive_utc_and_offset(at, Utc))
            .date()
    }))
}

/// An order's history, oldest first. Without actors (the customer's view), only the status
/// changes and the payment are kept, and only a cancellation keeps its note (the reason).
fn history(conn: &mut DbConn, id: i64, with_actors: bool) -> QueryResult<Vec<OrderEvent>> {
    type EventRow = (
        i64,
        NaiveDateTime,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
    );
    let rows: Vec<EventRow> = order_events::table
        .filter(order_events::order_id.eq(id))
        .order(order_events::id.asc())
        .select((
            order_events::id,
            order_events::at,
            order_events::kind,
            order_events::actor,
            order_events::from_status,
            order_events::to_status,
            order_events::note,
        ))
        .load(conn)?;
    let mut events = Vec::new();
    for (event_id, at, kind, actor, from, to, note) in rows {
        let kind = OrderEventKind::parse(&kind).unwrap_or(OrderEventKind::Status);
        let from = from.as_deref().and_then(OrderStatus::parse);
        let to = to.as_deref().and_then(OrderStatus::parse);
        let event = if with_actors {
            OrderEvent {
                id: event_id,
                at: utc(at),
                kind,
                actor_name: actor_name(conn, &actor)?,
                actor: Some(actor),
                from,
                to,
                note,
            }
        } else {
            if kind == OrderEventKind::Note {
                continue;
            }
            let public_note = matches!(
                kind,
                OrderEventKind::Payment | OrderEventKind::Withdrawal | OrderEventKind::LinesChanged
            ) || to == Some(OrderStatus::Cancelled);
            OrderEvent {
                id: event_id,
                at: utc(at),
                kind,
                actor: None,
                actor_name: None,
                from,
                to,
                note: if public_note { note } else { String::new() },
            }
        };
        events.push(event);
    }
    Ok(events)
}

/// The name people know an actor by: the account's name, or the API key's.
fn actor_name(conn: &mut DbConn, actor: &str) -> QueryResult<Option<String>> {
    if let Some(id) = actor
        .strip_prefix("user:")
        .and_then(|id| id.parse::<i64>().ok())
    {
        return users::table
            .find(id)
            .select(users::name)
            .first(conn)
            .optional();
    }
    if let Some(id) = actor
        .strip_prefix("api_key:")
        .and_then(|id| id.parse::<i64>().ok())
    {
        let name: Option<String> = api_keys::table
            .find(id)
            .select(api_keys::name)
            .first(conn)
            .optional()?;
        return Ok(name.map(|name| format!("API key {name}")));
    }
    Ok(None)
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

/// One page of a shop's orders, newest first, maybe of one status, and how many there are.
pub fn ids_of_shop(
    conn: &mut DbConn,
    shop_id: i64,
    status: Option<OrderStatus>,
    paging: crate::domain::paging::Paging,
) -> QueryResult<(Vec<i64>, u64)> {
    let filtered = || {
        let mut query = orders::table
            .filter(orders::shop_id.eq(shop_id))
            .into_boxed::<super::Db>();
        if let Some(status) = status {
            query = query.filter(orders::status.eq(status.as_str()));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let ids = filtered()
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

/// The shop of an order and its customer's account; `None` for an unknown order.
pub fn shop_and_owner(conn: &mut DbConn, id: i64) -> QueryResult<Option<(i64, Option<i64>)>> {
    orders::table
        .find(id)
        .select((orders::shop_id, orders::user_id))
        .first(conn)
        .optional()
}

/// A change to record in an order's history.
pub struct Event<'a> {
    pub kind: OrderEventKind,
    pub actor: &'a str,
    pub from: Option<OrderStatus>,
    pub to: Option<OrderStatus>,
    pub note: &'a str,
}

/// Appends to an order's history. Call inside the write transaction of the change, after
/// every other write of it.
///
/// The live inbox reads new entries by id (`id > cursor`), which is only exact if entries
/// become visible in id order. SQLite runs one writer at a time; on PostgreSQL, identity
/// values are taken at insert but transactions may commit in another order, so writers of
/// history entries queue on a transaction-scoped advisory lock: ids are taken and committed
/// one transaction after another (the tail of the transaction only).
pub fn record_event(
    conn: &mut DbConn,
    order_id: i64,
    event: Event,
    now: NaiveDateTime,
) -> QueryResult<()> {
    if let DbConn::Pg(pg) = conn {
        pg.batch_execute("SELECT pg_advisory_xact_lock(7472698)")?;
    }
    diesel::insert_into(order_events::table)
        .values((
            order_events::order_id.eq(order_id),
            order_events::at.eq(now),
            order_events::kind.eq(event.kind.as_str()),
            order_events::actor.eq(event.actor),
            order_events::from_status.eq(event.from.map(OrderStatus::as_str)),
            order_events::to_status.eq(event.to.map(OrderStatus::as_str)),
            order_events::note.eq(event.note),
        ))
        .execute(conn)?;
    Ok(())
}

/// Moves the order from `from` to `to` if it is still `from`; whether it did.
fn set_status(
    conn: &mut DbConn,
    id: i64,
    from: OrderStatus,
    to: OrderStatus,
    cancel_reason: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(
        orders::table
            .find(id)
            .filter(orders::status.eq(from.as_str())),
    )
    .set((
        orders::status.eq(to.as_str()),
        orders::cancel_reason.eq(cancel_reason),
        orders::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Puts a cancelled order's tracked stock back on sale: each line's variant (a line the
/// shop removed after the call gave its stock back then).
fn restock(conn: &mut DbConn, id: i64) -> QueryResult<()> {
    let lines: Vec<(i64, Option<i64>, i32)> = order_lines::table
        .filter(order_lines::order_id.eq(id))
        .filter(order_lines::removed_at.is_null())
        .order((order_lines::product_id.asc(), order_lines::variant_id.asc()))
        .select((
            order_lines::product_id,
            order_lines::variant_id,
            order_lines::quantity,
        ))
        .load(conn)?;
    let ids: Vec<i64> = lines.iter().map(|(id, _, _)| *id).collect();
    product::lock(conn, &ids)?;
    for (_, variant_id, quantity) in lines {
        // Untracked stock (NULL) stays untracked; a variant since deleted is not restocked.
        if let Some(variant_id) = variant_id {
            super::variant::give_back(conn, variant_id, quantity)?;
        }
    }
    Ok(())
}

/// Cancels a `placed` order and puts its stock back. Call inside a write transaction.
pub fn cancel_placed(
    conn: &mut DbConn,
    id: i64,
    actor: &str,
    reason: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    if !cancel_if_placed(conn, id, actor, reason, now)? {
        return Err(ApiError::Conflict(
            "only an order that is still placed can be cancelled: call the shop".into(),
        ));
    }
    Ok(())
}

/// Cancels a guest's order its shop left unconfirmed, as Vitrine ([`SYSTEM_ACTOR`]) with
/// the reason [`AUTO_RELEASED`], and puts its stock back. `false` when it is no longer
/// `placed` (confirmed, cancelled, or released by another server meanwhile): nothing
/// changed. Call inside a write transaction.
pub fn release_unconfirmed(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    cancel_if_placed(conn, id, SYSTEM_ACTOR, AUTO_RELEASED, now)
}

/// Cancels the order if it is still `placed` (one conditional update, so the stock goes
/// back once however many try), puts its stock back and records who did it and why;
/// `false` when it was no longer `placed`.
fn cancel_if_placed(
    conn: &mut DbConn,
    id: i64,
    actor: &str,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let (from, to) = (OrderStatus::Placed, OrderStatus::Cancelled);
    if !set_status(conn, id, from, to, Some(reason), now)? {
        return Ok(false);
    }
    restock(conn, id)?;
    record_event(
        conn,
        id,
        Event {
            kind: OrderEventKind::Status,
            actor,
            from: Some(from),
            to: Some(to),
            note: reason,
        },
        now,
    )?;
    Ok(true)
}

fn current_state(conn: &mut DbConn, id: i64) -> Result<(OrderStatus, String), ApiError> {
    let (status, payment): (String, String) = orders::table
        .find(id)
        .select((orders::status, orders::payment_status))
        .first(conn)?;
    let status = OrderStatus::parse(&status)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("order {id} has status {status}")))?;
    Ok((status, payment))
}

/// Moves an order on by the shop: only the steps [`OrderStatus::can_become`] allows, else
/// 409 naming both states. Cancelling (with its reason in `note`) puts the stock back.
/// Call inside a write transaction.
pub fn transition(
    conn: &mut DbConn,
    id: i64,
    to: OrderStatus,
    actor: &str,
    note: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let (from, _) = current_state(conn, id)?;
    if !from.can_become(to) {
        return Err(ApiError::Conflict(format!(
            "an order cannot go from {} to {}: it goes placed -> confirmed -> ready -> completed, \
             and can be cancelled until it is completed",
            from.as_str(),
            to.as_str()
        )));
    }
    let cancelling = to == OrderStatus::Cancelled;
    if !set_status(conn, id, from, to, cancelling.then_some(note), now)? {
        return Err(ApiError::Conflict(format!(
            "the order is no longer {}: someone changed it meanwhile; look at it again",
            from.as_str()
        )));
    }
    if cancelling {
        restock(conn, id)?;
    }
    record_event(
        conn,
        id,
        Event {
            kind: OrderEventKind::Status,
            actor,
            from: Some(from),
            to: Some(to),
            note,
        },
        now,
    )?;
    Ok(())
}

/// Records the payment at handover: 409 when it is already paid or cancelled. Call inside
/// a write transaction.
pub fn record_payment(
    conn: &mut DbConn,
    id: i64,
    method: PaymentMethod,
    actor: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let (status, payment) = current_state(conn, id)?;
    if payment == "paid" {
        return Err(ApiError::Conflict(
            "this order is already paid: a payment is recorded once".into(),
        ));
    }
    if status == OrderStatus::Cancelled {
        return Err(ApiError::Conflict(
            "this order is cancelled: there is nothing to pay".into(),
        ));
    }
    let paid = diesel::update(
        orders::table
            .find(id)
            .filter(orders::payment_status.eq("due"))
            .filter(orders::status.ne(OrderStatus::Cancelled.as_str())),
    )
    .set((
        orders::payment_status.eq("paid"),
        orders::payment_method.eq(method.as_str()),
        orders::updated_at.eq(now),
    ))
    .execute(conn)?;
    if paid == 0 {
        return Err(ApiError::Conflict(
            "the order changed meanwhile: look at it again".into(),
        ));
    }
    record_event(
        conn,
        id,
        Event {
            kind: OrderEventKind::Payment,
            actor,
            from: None,
            to: None,
            note: method.as_str(),
        },
        now,
    )?;
    Ok(())
}

/// Sets the bags the shop packed for an order (on the round's sheets). Call inside the
/// write transaction that marks it ready.
pub fn set_bags(conn: &mut DbConn, id: i64, bags: i32) -> QueryResult<usize> {
    diesel::update(orders::table.find(id))
        .set(orders::bags.eq(bags))
        .execute(conn)
}

/// Replaces the merchant's note. Call inside a write transaction.
pub fn set_merchant_note(
    conn: &mut DbConn,
    id: i64,
    note: &str,
    actor: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let updated = diesel::update(orders::table.find(id))
        .set((orders::merchant_note.eq(note), orders::updated_at.eq(now)))
        .execute(conn)?;
    if updated == 0 {
        return Err(ApiError::NotFound("there is no order with this id".into()));
    }
    record_event(
        conn,
        id,
        Event {
            kind: OrderEventKind::Note,
            actor,
            from: None,
            to: None,
            note,
        },
        now,
    )?;
    Ok(())
}

/// The products of a phone order as basket lines of one shop, with today's prices and
/// stock, locked until the transaction ends: each line's variant, or its product's only
/// active one when none is named. 404 naming a product (or variant) that is not one of
/// this shop's; 422 naming a product with several variants and none chosen. Call inside a
/// write transaction.
pub fn shop_lines(
    conn: &mut DbConn,
    shop_id: i64,
    wanted: &[(i64, Option<i64>, i32)],
) -> Result<Vec<BasketLine>, ApiError> {
    // Locked before they are read (see `checkout`).
    let ids: Vec<i64> = wanted.iter().map(|(id, _, _)| *id).collect();
    product::lock(conn, &ids)?;
    let variants = super::variant::of_products(conn, &ids)?;
    let mut chosen: Vec<(i64, i32)> = Vec::new();
    for (index, (product_id, variant_id, quantity)) in wanted.iter().enumerate() {
        let own: Vec<&super::variant::VariantRow> = variants
            .iter()
            .filter(|v| v.product_id == *product_id)
            .collect();
        let variant = match variant_id {
            Some(id) => own.iter().find(|v| v.id == *id).map(|v| v.id),
            None => {
                let active: Vec<&&super::variant::VariantRow> =
                    own.iter().filter(|v| v.active).collect();
                if active.len() > 1 {
                    return Err(ApiError::refused(
                        format!("lines[{index}].variant_id"),
                        format!("product {product_id} comes in several variants: say which"),
                    ));
                }
                active.first().map(|v| v.id).or(own.first().map(|v| v.id))
            }
        };
        let Some(variant) = variant else {
            return Err(ApiError::NotFound(format!(
                "lines[{index}].product_id: there is no product {product_id} in this shop{}",
                variant_id.map_or(String::new(), |v| format!(" with variant {v}"))
            )));
        };
        chosen.push((variant, *quantity));
    }
    let lines = super::cart::variant_lines(conn, shop_id, &chosen)?;
    if lines.len() != chosen.len() {
        let missing = wanted
            .iter()
            .zip(&chosen)
            .position(|(_, (v, _))| !lines.iter().any(|l| l.variant_id == *v))
            .unwrap_or(0);
        return Err(ApiError::NotFound(format!(
            "lines[{missing}].product_id: there is no product {} in this shop",
            wanted[missing].0
        )));
    }
    Ok(lines)
}

/// What the live inbox says of one history entry.
#[derive(Debug, Clone, Queryable)]
pub struct FeedRow {
    pub id: i64,
    pub shop_id: i64,
    pub order_id: i64,
    pub kind: String,
    pub to_status: Option<String>,
    pub at: NaiveDateTime,
    pub order_status: String,
    pub order_created_at: NaiveDateTime,
    pub number_prefix: String,
}

impl FeedRow {
    /// The event's `data:`.
    pub fn to_wire(&self) -> OrderFeedEvent {
        OrderFeedEvent {
            event_id: self.id,
            order_id: self.order_id,
            number: order_number(&self.number_prefix, self.order_id, self.order_created_at),
            kind: OrderEventKind::parse(&self.kind).unwrap_or(OrderEventKind::Status),
            status: OrderStatus::parse(&self.order_status).unwrap_or(OrderStatus::Placed),
            to: self.to_status.as_deref().and_then(OrderStatus::parse),
            at: utc(self.at),
        }
    }
}

/// History entries with ids above `after` (of one shop, or of all), oldest first.
pub fn events_after(
    conn: &mut DbConn,
    after: i64,
    shop_id: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<FeedRow>> {
    let mut query = order_events::table
        .inner_join(orders::table)
        .filter(order_events::id.gt(after))
        .into_boxed::<super::Db>();
    if let Some(shop_id) = shop_id {
        query = query.filter(orders::shop_id.eq(shop_id));
    }
    query
        .order(order_events::id.asc())
        .limit(limit)
        .select((
            order_events::id,
            orders::shop_id,
            order_events::order_id,
            order_events::kind,
            order_events::to_status,
            order_events::at,
            orders::status,
            orders::created_at,
            orders::number_prefix,
        ))
        .load(conn)
}

/// The id of the latest history entry, 0 when there is none.
/// The id before the first entry written at or after `since`: a stream resuming from an
/// older `Last-Event-ID` replays from there, not from further back.
pub fn event_id_before(conn: &mut DbConn, since: NaiveDateTime) -> QueryResult<i64> {
    let first: Option<i64> = order_events::table
        .filter(order_events::at.ge(since))
        .select(diesel::dsl::min(order_events::id))
        .first(conn)?;
    match first {
        Some(first) => Ok(first - 1),
        None => last_event_id(conn),
    }
}

pub fn last_event_id(conn: &mut DbConn) -> QueryResult<i64> {
    let last: Option<i64> = order_events::table
        .select(diesel::dsl::max(order_events::id))
        .first(conn)?;
    Ok(last.unwrap_or(0))
}
