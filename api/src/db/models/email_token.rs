//! The links sent by e-mail to reset a password or to verify an account's address: only
//! each token's SHA-256 is stored, a token is spent by one conditional update (of two
//! requests with the same token, exactly one wins), and it expires.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::auth::token_hash;
use crate::db::DbConn;
use crate::db::schema::{email_tokens, refused_addresses, users};

/// What a link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Sets a new password; valid [`RESET_LINK_MINUTES`].
    Reset,
    /// Proves the account's address; valid [`VERIFY_LINK_HOURS`].
    Verify,
}

/// How long a password reset link works.
pub const RESET_LINK_MINUTES: i64 = 60;
/// How long an address verification link works: long enough for someone who reads their
/// mail every other day.
pub const VERIFY_LINK_HOURS: i64 = 48;

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Reset => "reset",
            Purpose::Verify => "verify",
        }
    }

    fn lifetime(self) -> Duration {
        match self {
            Purpose::Reset => Duration::minutes(RESET_LINK_MINUTES),
            Purpose::Verify => Duration::hours(VERIFY_LINK_HOURS),
        }
    }
}

/// A new token: 48 random bytes from the system's generator (through UUID v4, 366 random
/// bits), as 96 lower-case hex digits, which a URL carries as they are.
pub fn new_token() -> String {
    (0..3)
        .map(|_| uuid::Uuid::new_v4().simple().to_string())
        .collect()
}

/// Whether `token` has the shape [`new_token`] gives (96 lower-case hex digits).
pub fn well_formed(token: &str) -> bool {
    token.len() == 96
        && token
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Stores a new link for the account, sent to `email`, and gives its token (to put in the
/// e-mail, never stored).
pub fn create(
    conn: &mut DbConn,
    user_id: i64,
    purpose: Purpose,
    email: &str,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let token = new_token();
    diesel::insert_into(email_tokens::table)
        .values((
            email_tokens::user_id.eq(user_id),
            email_tokens::purpose.eq(purpose.as_str()),
            email_tokens::token_hash.eq(token_hash(&token)),
            email_tokens::email.eq(email),
            email_tokens::created_at.eq(now),
            email_tokens::expires_at.eq(now + purpose.lifetime()),
        ))
        .execute(conn)?;
    Ok(token)
}

/// A link that still works: unused, unexpired, of an account that is not suspended.
#[derive(Debug, Clone)]
pub struct Live {
    pub id: i64,
    pub user_id: i64,
    /// The address the link was sent to.
    pub email: String,
    /// The account's address now.
    pub account_email: String,
}

/// The link of this token and purpose if it still works.
pub fn find_live(
    conn: &mut DbConn,
    token: &str,
    purpose: Purpose,
    now: NaiveDateTime,
) -> QueryResult<Option<Live>> {
    let found: Option<(i64, i64, String, String)> = email_tokens::table
        .inner_join(users::table)
        .filter(email_tokens::token_hash.eq(token_hash(token)))
        .filter(email_tokens::purpose.eq(purpose.as_str()))
        .filter(email_tokens::used_at.is_null())
        .filter(email_tokens::expires_at.gt(now))
        .filter(users::suspended_at.is_null())
        .select((
            email_tokens::id,
            email_tokens::user_id,
            email_tokens::email,
            users::email,
        ))
        .first(conn)
        .optional()?;
    Ok(found.map(|(id, user_id, email, account_email)| Live {
        id,
        user_id,
        email,
        account_email,
    }))
}

/// Spends the link: one conditional update (still unused and unexpired), so of two
/// requests with the same token exactly one gets `true`. Call inside a write transaction.
pub fn spend(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(
        email_tokens::table
            .filter(email_tokens::id.eq(id))
            .filter(email_tokens::used_at.is_null())
            .filter(email_tokens::expires_at.gt(now)),
    )
    .set(email_tokens::used_at.eq(now))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Ends every other unused link of this purpose of the account (after a reset: the older
/// links stop working).
pub fn spend_all(
    conn: &mut DbConn,
    user_id: i64,
    purpose: Purpose,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        email_tokens::table
            .filter(email_tokens::user_id.eq(user_id))
            .filter(email_tokens::purpose.eq(purpose.as_str()))
            .filter(email_tokens::used_at.is_null()),
    )
    .set(email_tokens::used_at.eq(now))
    .execute(conn)
}

/// Records that the account's address `email` is proved, if it is still the account's.
pub fn mark_verified(
    conn: &mut DbConn,
    user_id: i64,
    email: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        users::table
            .find(user_id)
            .filter(users::email.eq(email))
            .filter(users::email_verified_at.is_null()),
    )
    .set(users::email_verified_at.eq(now))
    .execute(conn)
}

/// When the account's address was proved, if it was.
pub fn verified_at(conn: &mut DbConn, user_id: i64) -> QueryResult<Option<NaiveDateTime>> {
    users::table
        .find(user_id)
        .select(users::email_verified_at)
        .first(conn)
}

/// What `GET /me` says of the account's address: whether it is proved, and whether a mail
/// server refused it for good (when, and what it answered).
pub fn email_status(
    conn: &mut DbConn,
    user_id: i64,
    email: &str,
) -> QueryResult<(bool, Option<shared::auth::EmailRefused>)> {
    let verified = verified_at(conn, user_id)?.is_some();
    let refused: Option<(NaiveDateTime, String)> = refused_addresses::table
        .find(email.trim().to_lowercase())
        .select((refused_addresses::refused_at, refused_addresses::reason))
        .first(conn)
        .optional()?;
    Ok((
        verified,
        refused.map(|(at, reason)| shared::auth::EmailRefused {
            at: super::shop::iso_time(at),
            reason,
        }),
    ))
}

/// Deletes the links that expired more than a week ago (housekeeping).
pub fn purge_expired(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(email_tokens::table.filter(email_tokens::expires_at.lt(now - Duration::days(7))))
        .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_url_safe() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(well_formed(&a), "{a}");
        assert!(!well_formed(&a.to_uppercase()));
        assert!(!well_formed(&a[1..]));
        assert!(!well_formed(&format!("{}g", &a[1..])));
    }
}
