//! Idempotency keys: a retried checkout gets the first answer instead of a second order.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::idempotency_keys;

/// What was asked and answered the first time a key was used on a basket.
pub struct Recorded {
    pub request: String,
    pub status: u16,
    pub response: String,
}

pub fn find(conn: &mut DbConn, cart_id: &str, key: &str) -> QueryResult<Option<Recorded>> {
    let row: Option<(String, i32, String)> = idempotency_keys::table
        .find((cart_id, key))
        .select((
            idempotency_keys::request,
            idempotency_keys::status,
            idempotency_keys::response,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|(request, status, response)| Recorded {
        request,
        status: u16::try_from(status).unwrap_or(500),
        response,
    }))
}

pub fn record(
    conn: &mut DbConn,
    cart_id: &str,
    key: &str,
    recorded: &Recorded,
) -> QueryResult<usize> {
    diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::cart_id.eq(cart_id),
            idempotency_keys::key.eq(key),
            idempotency_keys::request.eq(&recorded.request),
            idempotency_keys::status.eq(i32::from(recorded.status)),
            idempotency_keys::response.eq(&recorded.response),
            idempotency_keys::created_at.eq(super::now()),
        ))
        .execute(conn)
}
