//! Sessions: refresh tokens (rotated on use, revoked on logout) and the key that signs
//! access tokens. Failed logins are counted by `login_throttle`.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::auth::{REFRESH_TOKEN_DAYS, random_secret, token_hash};
use crate::db::DbConn;
use crate::db::schema::{carts, refresh_tokens, secrets, users};

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

/// How long after its exchange a refresh token may be presented again by the browser that
/// never received the answer (a page left mid-refresh, a dropped mobile connection), as long
/// as the token it was exchanged for has never been used.
pub const REUSE_GRACE_SECONDS: i64 = 60;

/// A refresh token just spent: its row, and the account it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Spent {
    /// The spent token's row, to link it to its successor ([`link_successor`]).
    pub id: i64,
    /// The account.
    pub user_id: i64,
}

/// Spends a refresh token, or `None` when it is unknown, expired or already spent. Call
/// inside a write transaction, then [`link_successor`] once the new token exists.
///
/// Spending is one conditional update (still unspent, not expired) whose row count decides:
/// of two requests spending the same token at once, exactly one wins. A token already
/// spent is a second use, which closes every session of the account (a leaked token; the
/// closing must be committed, so this is not an error), with one exception: within
/// [`REUSE_GRACE_SECONDS`] of its exchange, while its successor has never been used, it is
/// the same browser that lost the answer, and the unused successor is revoked instead (one
/// conditional update, so one live token per session at any time). A thief who replays a
/// token in that window gets a session whose owner's next refresh closes them all.
///
/// The exchanges of one account take turns on its row (PostgreSQL; SQLite serialises
/// writers anyway): without that, closing every session could commit while another
/// exchange of the account was still inserting its successor, which would outlive the
/// closing it did not see.
pub fn spend_refresh_token(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<Spent>> {
    let hash = token_hash(token);
    let owner: Option<i64> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(&hash))
        .select(refresh_tokens::user_id)
        .first(conn)
        .optional()?;
    let Some(owner) = owner else {
        return Ok(None);
    };
    lock_account(conn, owner)?;
    let spent = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::token_hash.eq(&hash))
            .filter(refresh_tokens::revoked_at.is_null())
            .filter(refresh_tokens::expires_at.gt(now)),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)?;
    let row: Option<(i64, i64, Option<NaiveDateTime>, Option<i64>)> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(&hash))
        .select((
            refresh_tokens::id,
            refresh_tokens::user_id,
            refresh_tokens::revoked_at,
            refresh_tokens::replaced_by,
        ))
        .first(conn)
        .optional()?;
    let Some((id, user_id, revoked_at, successor)) = row else {
        return Ok(None);
    };
    if spent == 1 {
        return Ok(Some(Spent { id, user_id }));
    }
    let Some(revoked_at) = revoked_at else {
        // Expired and never spent.
        return Ok(None);
    };
    let recent = now - revoked_at <= Duration::seconds(REUSE_GRACE_SECONDS);
    if let (true, Some(successor)) = (recent, successor) {
        let unused_successor_revoked = diesel::update(
            refresh_tokens::table
                .find(successor)
                .filter(refresh_tokens::revoked_at.is_null()),
        )
        .set(refresh_tokens::revoked_at.eq(now))
        .execute(conn)?;
        if unused_successor_revoked == 1 {
            return Ok(Some(Spent { id, user_id }));
        }
    }
    revoke_all(conn, user_id, now)?;
    Ok(None)
}

/// Waits for the account's other exchanges to commit (PostgreSQL row lock).
fn lock_account(conn: &mut DbConn, user_id: i64) -> QueryResult<()> {
    if let DbConn::Pg(pg) = conn {
        users::table
            .find(user_id)
            .select(users::id)
            .for_update()
            .first::<i64>(pg)
            .optional()?;
    }
    Ok(())
}

/// Records that the spent token `spent` was exchanged for `successor` (the new token).
pub fn link_successor(conn: &mut DbConn, spent: i64, successor: &str) -> QueryResult<usize> {
    let successor_id: i64 = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash(successor)))
        .select(refresh_tokens::id)
        .first(conn)?;
    diesel::update(refresh_tokens::table.find(spent))
        .set(refresh_tokens::replaced_by.eq(successor_id))
        .execute(conn)
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
