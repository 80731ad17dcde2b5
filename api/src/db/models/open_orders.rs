//! Orders waiting for the shops' confirmation (`placed`), against hoarding: a guest checkout
//! needs only a phone number, so without bounds a stranger could take a shop's whole stock
//! for free and leave it unconfirmed.
//!
//! - At checkout, what one phone number, one e-mail address and one client address have
//!   waiting on the website is bounded (orders and units, `--open-orders-per-customer`,
//!   `--open-units-per-customer`): [`lock_customer`] then [`check`], inside the checkout's
//!   write transaction.
//! - A guest's website order a shop has not confirmed within the hours it chose
//!   (`release_unconfirmed_after_hours`) is cancelled by Vitrine and its stock put back:
//!   [`release_unconfirmed`], run by `crate::housekeeping`. Orders of an account are not
//!   released: their customer sees them in their account and can cancel them there, which
//!   a guest cannot; the bounds above keep an account from hoarding all the same. Phone
//!   orders are the shop's own and are neither bounded nor released.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text};
use sha2::{Digest, Sha256};
use shared::error::ErrorCode;
use shared::order::OrderStatus;
use shared::shop_admin::RELEASE_HOURS_MIN;

use super::order;
use crate::db::schema::{orders, shops};
use crate::db::{DbConn, write_transaction};
use crate::error::ApiError;
use crate::mail::notices::Notices;

/// Who checks out, as the bounds count them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A phone number as orders store it (`06 12 34 56 78`).
    Phone(String),
    /// An e-mail address, compared in lower case.
    Email(String),
    /// A client address (an IPv6 address by its /64).
    Address(String),
}

impl Who {
    fn key(&self) -> String {
        match self {
            Who::Phone(phone) => format!("phone:{phone}"),
            Who::Email(email) => format!("email:{}", email.to_lowercase()),
            Who::Address(address) => format!("address:{address}"),
        }
    }

    /// What the refusal calls it.
    fn described(&self) -> &'static str {
        match self {
            Who::Phone(_) => "this phone number",
            Who::Email(_) => "this e-mail address",
            Who::Address(_) => "this connection",
        }
    }
}

/// The bounds on what one customer may have waiting for confirmation.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub orders: i64,
    pub units: i64,
}

/// Namespace of the advisory locks that serialise checkouts of one customer (PostgreSQL's
/// two-key form, distinct from the history's one-key lock).
const LOCK_SPACE: i32 = 7_472_699;

/// Makes concurrent checkouts of the same customer (any of `who`) wait for each other
/// until the transaction ends, so each counts what the one before it ordered. PostgreSQL:
/// transaction-scoped advisory locks, taken in a fixed order (of their keys) and before
/// any product's row, as every checkout does; SQLite runs one write transaction at a time
/// anyway. Call first in the checkout's write transaction.
pub fn lock_customer(conn: &mut DbConn, who: &[Who]) -> QueryResult<()> {
    let DbConn::Pg(pg) = conn else {
        return Ok(());
    };
    let mut keys: Vec<i32> = who
        .iter()
        .map(|who| {
            let digest = Sha256::digest(who.key().as_bytes());
            i32::from_le_bytes([digest[0], digest[1], digest[2], digest[3]])
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    for key in keys {
        diesel::sql_query("SELECT pg_advisory_xact_lock($1, $2)")
            .bind::<Integer, _>(LOCK_SPACE)
            .bind::<Integer, _>(key)
            .execute(pg)?;
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Open {
    #[diesel(sql_type = BigInt)]
    orders: i64,
    #[diesel(sql_type = BigInt)]
    units: i64,
}

/// The website orders `who` has waiting for confirmation, and their units.
fn open_of(conn: &mut DbConn, who: &Who) -> QueryResult<(i64, i64)> {
    let (condition, value) = match who {
        Who::Phone(phone) => ("o.customer_phone = $1", phone.clone()),
        Who::Email(email) => ("lower(o.customer_email) = $1", email.to_lowercase()),
        Who::Address(address) => ("o.client_address = $1", address.clone()),
    };
    let sql = format!(
        "SELECT COUNT(DISTINCT o.id) AS orders, COALESCE(SUM(l.quantity), 0) AS units \
         FROM orders o JOIN order_lines l ON l.order_id = o.id \
         WHERE o.status = 'placed' AND o.channel = 'web' AND {condition}"
    );
    // The same statement on both; SQLite numbers its parameters `?1`, PostgreSQL `$1`.
    let rows: Vec<Open> = match conn {
        DbConn::Sqlite(conn) => diesel::sql_query(sql.replace('$', "?"))
            .bind::<Text, _>(value)
            .load(conn)?,
        DbConn::Pg(conn) => diesel::sql_query(sql).bind::<Text, _>(value).load(conn)?,
    };
    Ok(rows.first().map_or((0, 0), |row| (row.orders, row.units)))
}

/// 422 `too_many_open_orders` when `orders` more orders of `units` units would take any of
/// `who` beyond the bounds. Call after [`lock_customer`], in the same transaction.
pub fn check(
    conn: &mut DbConn,
    who: &[Who],
    orders: i64,
    units: i64,
    bounds: Bounds,
) -> Result<(), ApiError> {
    for one in who {
        let (open, open_units) = open_of(conn, one)?;
        let what = one.described();
        if open + orders > bounds.orders {
            return Err(ApiError::UnprocessableWith(
                ErrorCode::TooManyOpenOrders,
                format!(
                    "{what} already has {open} orders waiting for the shops' confirmation, \
                     and may have at most {} at once: wait until the shops confirm them, or \
                     call them; nothing was ordered",
                    bounds.orders
                ),
            ));
        }
        if open_units + units > bounds.units {
            return Err(ApiError::UnprocessableWith(
                ErrorCode::TooManyOpenOrders,
                format!(
                    "{what} would have {} units waiting for the shops' confirmation, and may \
                     have at most {} at once: order less, or call the shops; nothing was \
                     ordered",
                    open_units + units,
                    bounds.units
                ),
            ));
        }
    }
    Ok(())
}

/// Cancels every guest website order still `placed` longer than its shop's
/// `release_unconfirmed_after_hours` at `now`, as Vitrine, with the reason `auto_released`,
/// and puts its stock back; how many. Each in its own write transaction, by a conditional
/// update on the status: an order two servers (or two rounds) release at once, or that its
/// shop confirms meanwhile, is changed once and its stock given back once. The shopper is
/// told by e-mail, in the same transaction.
pub fn release_unconfirmed(
    conn: &mut DbConn,
    now: NaiveDateTime,
    notices: &Notices,
) -> Result<usize, ApiError> {
    let candidates: Vec<(i64, NaiveDateTime, i32)> = orders::table
        .inner_join(shops::table)
        .filter(orders::status.eq(OrderStatus::Placed.as_str()))
        .filter(orders::user_id.is_null())
        .filter(orders::channel.eq("web"))
        .filter(orders::created_at.le(now - Duration::hours(RELEASE_HOURS_MIN)))
        .order(orders::id.asc())
        .select((
            orders::id,
            orders::created_at,
            shops::release_unconfirmed_after_hours,
        ))
        .load(conn)?;
    let mut released = 0;
    for (id, created_at, hours) in candidates {
        if created_at + Duration::hours(i64::from(hours)) > now {
            continue;
        }
        let done = write_transaction(conn, |conn| {
            let done = order::release_unconfirmed(conn, id, now)?;
            if done {
                notices.order_changed(conn, id, OrderStatus::Cancelled)?;
                crate::webhooks::events::order_status_changed(conn, id, OrderStatus::Cancelled)?;
            }
            Ok(done)
        })?;
        if done {
            released += 1;
        }
    }
    Ok(released)
}
