//! Scheduled e-mails (issue 12), written by a step every instance runs each minute
//! ([`run`]), taking `now` as a parameter ([`tick`]) so tests set the clock:
//!
//! - each shop's daily summary, at the time it chose (Paris time, within
//!   [`SUMMARY_WINDOW_MINUTES`] of it, so a restart does not miss it): the orders still
//!   `placed`, to each merchant who wants it; nothing when there are none;
//! - from 18:00 (Paris) the evening before a delivery date: the shopper's "livraison
//!   demain" for each delivery order of that date not cancelled, and the admins' warning
//!   when some of that date's delivery orders are still not confirmed.
//!
//! Exactly once across ticks, restarts and instances: each message's Message-ID is derived
//! from what it is about (`summary.<shop>.<date>.<account>`, `reminder.<order>.<date>`,
//! `rounds.<date>.<account>`) and the outbox's `message_id` is unique, so a second write
//! of the same message writes nothing (`Notices::write_once`).

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use diesel::prelude::*;
use shared::auth::Role;
use shared::order::OrderStatus;

use super::notices::{Letter, Notices};
use super::templates::{self, UnconfirmedDelivery, WaitingOrder};
use super::unsubscribe::Subscription;
use crate::db::models::notifications::{self, DEFAULT_SUMMARY_TIME};
use crate::db::models::order::{self, View};
use crate::db::models::shop::STATUS_ACTIVE;
use crate::db::schema::{orders, shop_members, shops, users};
use crate::db::{self, DbConn, DbPool};
use crate::domain::delivery::paris_time;
use crate::error::ApiError;

/// How long after its chosen time a shop's summary may still leave (a server restarting
/// meanwhile sends it late rather than never; a later order does not start one).
pub const SUMMARY_WINDOW_MINUTES: u32 = 30;
/// When the evening-before messages leave, Paris time (minutes after midnight: 18:00).
pub const EVENING_BEFORE_MINUTES: u32 = 18 * 60;

/// What one tick wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tick {
    pub summaries: usize,
    pub reminders: usize,
    pub round_warnings: usize,
}

/// Writes the messages due at `now` that are not written yet.
pub fn tick(conn: &mut DbConn, notices: &Notices, now: DateTime<Utc>) -> Result<Tick, ApiError> {
    let local = paris_time(now);
    let today = local.date();
    let minute = local.hour() * 60 + local.minute();
    let mut done = Tick {
        summaries: summaries(conn, notices, today, minute)?,
        ..Tick::default()
    };
    if minute >= EVENING_BEFORE_MINUTES {
        let tomorrow = today.succ_opt().unwrap_or(today);
        done.reminders = reminders(conn, notices, tomorrow)?;
        done.round_warnings = round_warnings(conn, notices, tomorrow)?;
    }
    Ok(done)
}

/// `HH:MM` as minutes after midnight.
fn minutes_of(hhmm: &str) -> Option<u32> {
    let (h, m) = hhmm.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

fn summaries(
    conn: &mut DbConn,
    notices: &Notices,
    today: NaiveDate,
    minute: u32,
) -> Result<usize, ApiError> {
    let times = notifications::summary_times(conn)?;
    let active: Vec<(i64, String, String)> = shops::table
        .filter(shops::status.eq(STATUS_ACTIVE))
        .order(shops::id.asc())
        .select((shops::id, shops::slug, shops::name))
        .load(conn)?;
    let mut written = 0;
    for (shop_id, slug, name) in active {
        let time = times
            .get(&shop_id)
            .map_or(DEFAULT_SUMMARY_TIME, String::as_str);
        let Some(at) = minutes_of(time) else { continue };
        if minute < at || minute >= at + SUMMARY_WINDOW_MINUTES {
            continue;
        }
        let choices = notifications::choices_of_shop(conn, shop_id)?;
        let merchants: Vec<(i64, String)> = shop_members::table
            .inner_join(users::table)
            .filter(shop_members::shop_id.eq(shop_id))
            .filter(users::suspended_at.is_null())
            .order(users::id.asc())
            .select((users::id, users::email))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .filter(|(id, _)| choices.get(id).is_none_or(|c| c.daily_summary))
            .filter(|(id, _)| !notices.is_written(conn, &summary_key(shop_id, today, *id)))
            .collect();
        if merchants.is_empty() {
            continue;
        }
        let ids: Vec<i64> = orders::table
            .filter(orders::shop_id.eq(shop_id))
            .filter(orders::status.eq(OrderStatus::Placed.as_str()))
            .order(orders::id.asc())
            .select(orders::id)
            .load(conn)?;
        if ids.is_empty() {
            continue;
        }
        let waiting = ids
            .into_iter()
            .map(|id| {
                let order = order::load_as(conn, id, View::Shop)?;
                Ok(WaitingOrder {
                    number: order.number,
                    customer_name: order.customer_name,
                    placed_at: order.created_at,
                    total_cents: order.total_cents,
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        let sender = notices.sender(conn)?;
        let inbox = format!("{}/gestion/{slug}/commandes", notices.base_url());
        for (user_id, address) in merchants {
            let subscription = Subscription::DailySummary { shop_id, user_id };
            let rendered = templates::daily_summary(
                &name,
                &waiting,
                &inbox,
                &notices.unsubscribe_page(&subscription),
                &sender.name,
            );
            let letter = Letter {
                topic: "daily_summary",
                to: &address,
                reply_to: None,
                rendered: &rendered,
                unsubscribe: Some(subscription),
            };
            if notices.write_once(conn, &sender, letter, &summary_key(shop_id, today, user_id))? {
                written += 1;
            }
        }
    }
    Ok(written)
}

fn summary_key(shop_id: i64, day: NaiveDate, user_id: i64) -> String {
    format!("summary.{shop_id}.{day}.{user_id}")
}

/// The delivery orders of `date` in these states.
fn deliveries(conn: &mut DbConn, date: NaiveDate, states: &[OrderStatus]) -> QueryResult<Vec<i64>> {
    let states: Vec<&str> = states.iter().map(|s| s.as_str()).collect();
    orders::table
        .filter(orders::fulfilment_method.eq("delivery"))
        .filter(orders::fulfilment_date.eq(date.to_string()))
        .filter(orders::status.eq_any(states))
        .order(orders::id.asc())
        .select(orders::id)
        .load(conn)
}

fn reminders(conn: &mut DbConn, notices: &Notices, date: NaiveDate) -> Result<usize, ApiError> {
    let ids = deliveries(
        conn,
        date,
        &[
            OrderStatus::Placed,
            OrderStatus::Confirmed,
            OrderStatus::Ready,
        ],
    )?;
    let mut written = 0;
    for id in ids {
        let key = format!("reminder.{id}.{date}");
        if notices.is_written(conn, &key) {
            continue;
        }
        let order = order::load_as(conn, id, View::Shop)?;
        let Some(address) = order.customer_email.clone() else {
            continue;
        };
        if notifications::opted_out(conn, &address, notifications::DELIVERY_REMINDER)? {
            continue;
        }
        let sender = notices.sender(conn)?;
        let shop_email: String = shops::table
            .filter(shops::slug.eq(&order.shop.slug))
            .select(shops::email)
            .first(conn)
            .optional()?
            .unwrap_or_default();
        let subscription = Subscription::DeliveryReminder {
            address: address.clone(),
        };
        let rendered = templates::delivery_reminder(
            &order,
            &notices.tracking_page(&order),
            &notices.unsubscribe_page(&subscription),
            &sender.name,
            order::language_of(conn, id)?,
        );
        let letter = Letter {
            topic: "delivery_reminder",
            to: &address,
            reply_to: Some(&shop_email),
            rendered: &rendered,
            unsubscribe: Some(subscription),
        };
        if notices.write_once(conn, &sender, letter, &key)? {
            written += 1;
        }
    }
    Ok(written)
}

fn round_warnings(
    conn: &mut DbConn,
    notices: &Notices,
    date: NaiveDate,
) -> Result<usize, ApiError> {
    let admins: Vec<(i64, String)> = users::table
        .filter(users::role.eq(Role::Admin.as_str()))
        .filter(users::suspended_at.is_null())
        .order(users::id.asc())
        .select((users::id, users::email))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .filter(|(id, _)| !notices.is_written(conn, &rounds_key(date, *id)))
        .collect();
    if admins.is_empty() {
        return Ok(0);
    }
    let ids = deliveries(conn, date, &[OrderStatus::Placed])?;
    if ids.is_empty() {
        return Ok(0);
    }
    let unconfirmed = ids
        .into_iter()
        .map(|id| {
            let order = order::load_as(conn, id, View::Shop)?;
            Ok(UnconfirmedDelivery {
                number: order.number,
                shop_name: order.shop.name,
                commune: order
                    .fulfilment
                    .address
                    .map(|a| a.commune)
                    .unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let sender = notices.sender(conn)?;
    let link = format!(
        "{}/gestion/association/tournees?date={date}",
        notices.base_url()
    );
    let mut written = 0;
    for (admin_id, address) in admins {
        if notifications::opted_out(conn, &address, notifications::ROUND_WARNING)? {
            continue;
        }
        let subscription = Subscription::RoundWarning {
            address: address.clone(),
        };
        let rendered = templates::round_warning(
            &date.to_string(),
            &unconfirmed,
            &link,
            &notices.unsubscribe_page(&subscription),
            &sender.name,
        );
        let letter = Letter {
            topic: "round_warning",
            to: &address,
            reply_to: None,
            rendered: &rendered,
            unsubscribe: Some(subscription),
        };
        if notices.write_once(conn, &sender, letter, &rounds_key(date, admin_id))? {
            written += 1;
        }
    }
    Ok(written)
}

fn rounds_key(date: NaiveDate, admin_id: i64) -> String {
    format!("rounds.{date}.{admin_id}")
}

/// Runs a tick every `every` (the first after one period), for as long as the server
/// runs. A failed tick is logged; the next one tries again.
pub async fn run(pool: DbPool, notices: Arc<Notices>, every: Duration) {
    let every = every.max(Duration::from_secs(1));
    let mut ticks =
        actix_web::rt::time::interval_at(actix_web::rt::time::Instant::now() + every, every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let notices = Arc::clone(&notices);
        match db::run(&pool, move |conn| tick(conn, &notices, Utc::now())).await {
            Ok(done) if done != Tick::default() => tracing::info!(
                summaries = done.summaries,
                reminders = done.reminders,
                round_warnings = done.round_warnings,
                "scheduled e-mails"
            ),
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "scheduled e-mails failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_minutes() {
        assert_eq!(minutes_of("08:00"), Some(480));
        assert_eq!(minutes_of("23:59"), Some(1439));
        assert_eq!(minutes_of("24:00"), None);
        assert_eq!(minutes_of("8h"), None);
    }
}
