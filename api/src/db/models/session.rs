//! Sessions: refresh tokens (rotated on use, revoked on logout) and the key that signs
//! access tokens. Failed logins are counted by `login_throttle`.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::auth::{REFRESH_TOKEN_DAYS, random_secret, token_hash};
use crate::db::DbConn;
use crate::db::schema::{carts, refresh_tokens, secrets};

const SIGNING_KEY: &str = "access_token_signing_key";

/// The key that signs access tokens: created once, then shared by every instance.
pub fn signing_key(conn: &mut DbConn) -> QueryResult<String> {
    let existing = || secrets::table.find(SIGNING_KEY).select(secrets::value);
    if let Some(key) = existing().first::<String>(conn).optional()? {
        return Ok(key);
    }
    // Two instances starting together may both try; the loser reads the winner's key.
    let _ = diesel::insert_into(secrets::table)
        .values((
            secrets::name.eq(SIGNING_KEY),
            secrets::value.eq(random_secret()),
        ))
        .execute(conn);
    existing().first(conn)
}

/// A new refresh token for the user; only its hash is stored.
pub fn create_refresh_token(
    conn: &mut DbConn,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let token = random_secret();
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::token_hash.eq(token_hash(&token)),
            refresh_tokens::expires_at.eq(now + Duration::days(REFRESH_TOKEN_DAYS)),
            refresh_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// Spends a refresh token: the user it belonged to, or `None` when it is unknown, expired or
/// already spent. A token spent twice means it leaked: every session of that user is then
/// closed (and that must be committed, so this is not an error). Call inside a write
/// transaction.
pub fn spend_refresh_token(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<i64>> {
    let row: Option<(i64, i64, NaiveDateTime, Option<NaiveDateTime>)> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash(token)))
        .select((
            refresh_tokens::id,
            refresh_tokens::user_id,
            refresh_tokens::expires_at,
            refresh_tokens::revoked_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, user_id, expires_at, revoked_at)) = row else {
        return Ok(None);
    };
    if revoked_at.is_some() {
        revoke_all(conn, user_id, now)?;
        return Ok(None);
    }
    if expires_at <= now {
        return Ok(None);
    }
    diesel::update(refresh_tokens::table.find(id))
        .set(refresh_tokens::revoked_at.eq(now))
        .execute(conn)?;
    Ok(Some(user_id))
}

/// Revokes one refresh token (logout); unknown tokens are ignored.
pub fn revoke(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::token_hash.eq(token_hash(token)))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)
}

/// Revokes every refresh token of the account (a leaked token, a suspension, a reset).
pub fn revoke_all(conn: &mut DbConn, user_id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)
}

/// Gives a guest basket to the account (ignored if it does not exist or is someone
/// else's).
pub fn adopt_cart(conn: &mut DbConn, cart_id: &str, user_id: i64) -> QueryResult<usize> {
    diesel::update(
        carts::table
            .find(cart_id)
            .filter(carts::user_id.is_null().or(carts::user_id.eq(user_id))),
    )
    .set(carts::user_id.eq(user_id))
    .execute(conn)
}

/// The account's most recently used basket.
pub fn latest_cart(conn: &mut DbConn, user_id: i64) -> QueryResult<Option<String>> {
    carts::table
        .filter(carts::user_id.eq(user_id))
        .order(carts::updated_at.desc())
        .select(carts::id)
        .first(conn)
        .optional()
}
