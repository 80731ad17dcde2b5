//! The dashboard's rows (issue 13): the orders placed in a period with what their history
//! says of confirmation and cancellation, the shops' names, the quiet shops, the rounds of
//! the period's delivery dates. The figures themselves are `crate::domain::stats`'s.

use std::collections::{BTreeSet, HashMap};

use chrono::{Duration, NaiveDateTime};
use diesel::dsl::{count_star, max};
use diesel::prelude::*;
use shared::order::OrderStatus;
use shared::rounds::StopState;
use shared::stats::{Dashboard, QuietShop, RoundDeliveries};

use super::shop::STATUS_ACTIVE;
use super::{rounds, search_log, visit_log};
use crate::db::DbConn;
use crate::db::schema::{order_events, orders, products, shops};
use crate::domain::stats::{
    self, CancelledBy, OrderFact, Period, cancellations_tile, confirmation_tile, orders_tile,
    shops_tile,
};

/// Days without an order after which an active shop is listed as quiet.
pub const QUIET_DAYS: i64 = 30;

type OrderRow = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
    Option<String>,
    NaiveDateTime,
);

/// The orders placed in the period, with their confirmation and cancellation.
fn order_facts(conn: &mut DbConn, period: &Period) -> QueryResult<Vec<OrderFact>> {
    let (start, end) = period.utc_bounds();
    let in_period = orders::created_at.ge(start).and(orders::created_at.lt(end));
    let rows: Vec<OrderRow> = orders::table
        .filter(in_period)
        .select((
            orders::id,
            orders::shop_id,
            orders::cart_id,
            orders::channel,
            orders::status,
            orders::fulfilment_method,
            orders::address_commune,
            orders::total_cents,
            orders::cancel_reason,
            orders::created_at,
        ))
        .load(conn)?;
    // The status changes out of `placed`: to confirmed (when) or cancelled (by whom).
    let events: Vec<(i64, NaiveDateTime, Option<String>, String)> = order_events::table
        .inner_join(orders::table)
        .filter(in_period)
        .filter(order_events::from_status.eq(OrderStatus::Placed.as_str()))
        .filter(order_events::to_status.eq_any([
            OrderStatus::Confirmed.as_str(),
            OrderStatus::Cancelled.as_str(),
        ]))
        .select((
            order_events::order_id,
            order_events::at,
            order_events::to_status,
            order_events::actor,
        ))
        .load(conn)?;
    let mut confirmed: HashMap<i64, NaiveDateTime> = HashMap::new();
    let mut cancelled: HashMap<i64, (NaiveDateTime, CancelledBy)> = HashMap::new();
    for (order_id, at, to, actor) in events {
        if to.as_deref() == Some(OrderStatus::Confirmed.as_str()) {
            let first = confirmed.entry(order_id).or_insert(at);
            *first = (*first).min(at);
        } else {
            cancelled.insert(order_id, (at, CancelledBy::of_actor(&actor)));
        }
    }
    Ok(rows
        .into_iter()
        .map(
            |(id, shop_id, cart_id, channel, status, method, commune, total, reason, at)| {
                OrderFact {
                    shop_id,
                    checkout: (channel == "web" && !cart_id.is_empty()).then_some((cart_id, at)),
                    cancelled: status == OrderStatus::Cancelled.as_str(),
                    delivery: method == "delivery",
                    commune,
                    total_cents: total,
                    cancel_reason: reason,
                    placed_at: at,
                    confirmed_at: confirmed.get(&id).copied(),
                    cancelled_placed_at: cancelled.get(&id).map(|(at, _)| *at),
                    still_placed: status == OrderStatus::Placed.as_str(),
                    cancelled_by: cancelled.get(&id).map(|(_, by)| *by),
                }
            },
        )
        .collect())
}

/// Every shop's slug and name, by id.
fn shop_names(conn: &mut DbConn) -> QueryResult<HashMap<i64, (String, String)>> {
    let rows: Vec<(i64, String, String)> = shops::table
        .select((shops::id, shops::slug, shops::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, slug, name)| (id, (slug, name)))
        .collect())
}

/// Active shops with no product on sale, or no order for [`QUIET_DAYS`] days, by name.
fn quiet_shops(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Vec<QuietShop>> {
    let active: Vec<(i64, String, String)> = shops::table
        .filter(shops::status.eq(STATUS_ACTIVE))
        .select((shops::id, shops::slug, shops::name))
        .order((shops::sort_name.asc(), shops::id.asc()))
        .load(conn)?;
    let on_sale: HashMap<i64, i64> = products::table
        .filter(products::listed.eq(true))
        .group_by(products::shop_id)
        .select((products::shop_id, count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let last_order: HashMap<i64, Option<NaiveDateTime>> = orders::table
        .group_by(orders::shop_id)
        .select((orders::shop_id, max(orders::created_at)))
        .load::<(i64, Option<NaiveDateTime>)>(conn)?
        .into_iter()
        .collect();
    let since = now - Duration::days(QUIET_DAYS);
    Ok(active
        .into_iter()
        .filter_map(|(id, slug, name)| {
            let products = on_sale.get(&id).copied().unwrap_or(0);
            let last = last_order.get(&id).copied().flatten();
            let no_active_product = products == 0;
            let no_recent_order = last.is_none_or(|at| at < since);
            (no_active_product || no_recent_order).then(|| QuietShop {
                slug,
                name,
                active_products: u32::try_from(products).unwrap_or(u32::MAX),
                last_order_at: last.map(|at| at.and_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string()),
                no_active_product,
                no_recent_order,
            })
        })
        .collect())
}

/// The rounds of the delivery dates of the period: each date's rounds as the admins split
/// them (or its default round), with their stops and what became of their orders.
fn rounds_of_period(conn: &mut DbConn, period: &Period) -> QueryResult<Vec<RoundDeliveries>> {
    let (from, to) = (period.from.to_string(), period.to.to_string());
    let mut dates: BTreeSet<String> = orders::table
        .filter(orders::fulfilment_method.eq("delivery"))
        .filter(orders::status.ne(OrderStatus::Cancelled.as_str()))
        .filter(orders::fulfilment_date.ge(&from))
        .filter(orders::fulfilment_date.le(&to))
        .select(orders::fulfilment_date)
        .distinct()
        .load::<String>(conn)?
        .into_iter()
        .collect();
    dates.extend(rounds::dates_with_rounds(conn, &from, &to)?);
    let mut list = Vec::new();
    for date in dates {
        for round in rounds::load_day(conn, &date)?.all_rounds() {
            let orders: Vec<_> = round.stops.iter().flat_map(|s| &s.orders).collect();
            let count = |state: StopState| {
                u32::try_from(orders.iter().filter(|o| o.state == state).count()).unwrap_or(0)
            };
            list.push(RoundDeliveries {
                date: round.date.clone(),
                name: round.name.clone(),
                stops: u32::try_from(round.stops.len()).unwrap_or(u32::MAX),
                orders: u32::try_from(orders.len()).unwrap_or(u32::MAX),
                delivered: count(StopState::Delivered),
                failed: count(StopState::Failed),
            });
        }
    }
    Ok(list)
}

/// The visits of the period, from the visit log.
fn visits_of_period(
    conn: &mut DbConn,
    period: &Period,
    counting: bool,
) -> QueryResult<shared::stats::VisitsTile> {
    let facts: Vec<stats::VisitFact> = visit_log::rows(conn, period.from, period.to)?
        .into_iter()
        .filter_map(|(day, page, page_views, visitors, flyer_visits)| {
            Some(stats::VisitFact {
                day: chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?,
                page,
                page_views,
                visitors,
                flyer_visits,
            })
        })
        .collect();
    Ok(stats::visits_tile(period, &facts, counting))
}

/// The whole dashboard of a period, at `now` (UTC); `counting` says whether this server
/// counts visits.
pub fn dashboard(
    conn: &mut DbConn,
    period: &Period,
    now: NaiveDateTime,
    counting: bool,
) -> QueryResult<Dashboard> {
    let facts = order_facts(conn, period)?;
    let shops = shop_names(conn)?;
    let (deliveries, pickups, communes) = stats::fulfilment(&facts);
    Ok(Dashboard {
        from: period.from.to_string(),
        to: period.to.to_string(),
        by: period.by,
        currency: shared::money::CURRENCY.to_owned(),
        generated_at: now.and_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        orders: orders_tile(period, &facts),
        shops: shops_tile(&facts, &shops),
        baskets: stats::baskets_tile(period, &facts),
        fulfilment: shared::stats::FulfilmentTile {
            deliveries,
            pickups,
            communes,
            rounds: rounds_of_period(conn, period)?,
        },
        confirmation: confirmation_tile(&facts, &shops, now),
        cancellations: cancellations_tile(&facts),
        quiet_shops: quiet_shops(conn, now)?,
        searches: search_log::tile(conn, period.from, period.to)?,
        visits: visits_of_period(conn, period, counting)?,
    })
}
