//! Failed logins, throttled per account and per client address, in the database, so that
//! every instance on one PostgreSQL shares the counts.
//!
//! [`check_password`] is the one step a login takes: the attempt is counted first, by a
//! conditional upsert that refuses beyond the limit (429 with `Retry-After`, no hash
//! computed), then the password is verified, and a success gives the attempt back and clears
//! the account's count. However many attempts arrive at once, at most the limit are ever
//! verified. The count lives in a window (15 minutes by default) that expires: the owner of
//! an account a stranger hammered gets in again when it passes, or at once through a flow
//! that proves who they are (a reset link, an admin's one-time code), which calls
//! [`clear_account`].
//!
//! Keys are short and bounded (the SHA-256 of the e-mail, the address), expired rows are
//! purged, and each address may fail only so often: a stranger's loop cannot grow the table.
//!
//! The same counter bounds other things an address may do only so often in a window
//! ([`count_or_refuse`]): the baskets it starts in an hour (`baskets:<address>`), and the
//! requests an API key makes in a minute (`api_key:<id>`, see `key_policy`).

use std::net::IpAddr;

use actix_web::HttpRequest;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text, Timestamp};
use sha2::{Digest, Sha256};

use crate::auth::verify_password_limited;
use crate::db::models::user::{self, UserRow};
use crate::db::schema::login_throttle;
use crate::db::{self, DbConn, write_transaction};
use crate::error::ApiError;
use crate::startup::AppState;

/// A PHC hash of no real password: verifying against it takes as long as for a real
/// account, so timing does not tell whether an e-mail has one.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Vc9bJ4ux2A0ovhYeHQy7XdBrWeQ3cVZ0vx1wQ5lDRbQ";
/// Longest password a login verifies: longer ones cannot have been set (see
/// `auth::PASSWORD_LENGTH`), and are not worth hashing.
const MAX_PASSWORD_CHARS: usize = 128;

/// The client's address, as this process sees it. IPv6 addresses count by their /64: one
/// machine has a whole /64 to pick from.
// The one place the address is read: at merge, it becomes `crate::client`'s (trusted proxies).
pub(crate) fn client_address(req: &HttpRequest) -> String {
    match crate::client::client_ip(req) {
        Some(IpAddr::V4(ip)) => ip.to_string(),
        Some(IpAddr::V6(ip)) => {
            let s = ip.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        None => "unknown".into(),
    }
}

/// Whether an e-mail address is plausible (`domain::email`, the one rule); the login
/// hands it in trimmed and lower-cased.
pub fn valid_email(email: &str) -> bool {
    crate::domain::email::parse_email(email).is_some_and(|parsed| parsed == email)
}

/// The throttle's key of an account: a hash of its e-mail address.
pub fn account_key(email: &str) -> String {
    format!("account:{}", hex::encode(Sha256::digest(email.as_bytes())))
}

/// Checks a login: validates the e-mail and password shapes (400, nothing stored), counts
/// the attempt against the account and the address (429 beyond either limit, before any
/// hash), verifies the password (401 when wrong; the attempt stays counted) and, when
/// right, gives the attempt back and clears the account's count. `email` is normalised.
pub async fn check_password(
    state: &AppState,
    req: &HttpRequest,
    email: String,
    password: String,
) -> Result<UserRow, ApiError> {
    if !valid_email(&email) {
        return Err(ApiError::invalid(
            "email",
            "must be an e-mail address such as jeanne@example.fr, at most 254 characters",
        ));
    }
    if password.chars().count() > MAX_PASSWORD_CHARS {
        return Err(ApiError::invalid(
            "password",
            format!("must be at most {MAX_PASSWORD_CHARS} characters long"),
        ));
    }
    let limits = state.limits.limits.clone();
    let keys = [
        (
            format!("address:{}", client_address(req)),
            limits.login_failures_per_address,
        ),
        (account_key(&email), limits.login_failures_per_account),
    ];
    let window = Duration::seconds(i64::try_from(limits.login_window_seconds).unwrap_or(900));
    let counted = keys.clone();
    let found = db::run(&state.pool, move |conn| {
        let now = crate::db::models::now();
        purge_expired(conn, now)?;
        write_transaction(conn, |conn| {
            // Always the address first, then the account: a fixed order of row locks.
            for (key, limit) in &counted {
                if reserve(conn, key, now, now + window, *limit)?.is_none() {
                    let expires_at: NaiveDateTime = login_throttle::table
                        .find(key)
                        .select(login_throttle::expires_at)
                        .first(conn)?;
                    let seconds = (expires_at - now).num_seconds().max(1);
                    return Err(ApiError::RetryLater {
                        busy: false,
                        retry_after: u64::try_from(seconds).unwrap_or(1),
                        detail: "too many failed logins: try again later, or reset your password"
                            .into(),
                    });
                }
            }
            Ok(())
        })?;
        Ok(user::find_by_email(conn, &email)?)
    })
    .await?;
    let stored = found
        .as_ref()
        .map_or(DUMMY_HASH.to_owned(), |row| row.password_hash.clone());
    let matches = match verify_password_limited(state, password, stored).await {
        Ok(matches) => matches,
        Err(err) => {
            // Not checked (the server was busy): the attempt is given back.
            let [(address, _), (account, _)] = keys;
            db::run(&state.pool, move |conn| {
                give_back(conn, &address)?;
                Ok(give_back(conn, &account)?)
            })
            .await?;
            return Err(err);
        }
    };
    match found.filter(|_| matches) {
        Some(row) => {
            let [(address, _), (account, _)] = keys;
            db::run(&state.pool, move |conn| {
                give_back(conn, &address)?;
                Ok(diesel::delete(login_throttle::table.find(account)).execute(conn)?)
            })
            .await?;
            Ok(row)
        }
        None => Err(ApiError::Unauthorized),
    }
}

/// Clears the failed logins of an account (normalised e-mail): for a flow that proved who
/// the owner is another way (a reset link, an admin's one-time code).
pub fn clear_account(conn: &mut DbConn, email: &str) -> QueryResult<usize> {
    diesel::delete(login_throttle::table.find(account_key(email))).execute(conn)
}

#[derive(QueryableByName)]
struct Attempts {
    #[diesel(sql_type = Integer)]
    attempts: i32,
}

/// Counts one attempt for `key`: starts a new window when there is none or it has passed,
/// else adds one if the count is below `limit`. `None`: refused, the count is at the limit.
/// One statement, so concurrent attempts cannot both see room for one.
fn reserve(
    conn: &mut DbConn,
    key: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
    limit: u32,
) -> QueryResult<Option<i32>> {
    const UPSERT: &str = "INSERT INTO login_throttle (key, started_at, expires_at, attempts) \
         VALUES ($1, $2, $3, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           attempts = CASE WHEN login_throttle.expires_at <= excluded.started_at \
             THEN 1 ELSE login_throttle.attempts + 1 END, \
           started_at = CASE WHEN login_throttle.expires_at <= excluded.started_at \
             THEN excluded.started_at ELSE login_throttle.started_at END, \
           expires_at = CASE WHEN login_throttle.expires_at <= excluded.started_at \
             THEN excluded.expires_at ELSE login_throttle.expires_at END \
         WHERE login_throttle.expires_at <= excluded.started_at \
           OR login_throttle.attempts < $4 \
         RETURNING attempts";
    let limit = i32::try_from(limit).unwrap_or(i32::MAX);
    macro_rules! run {
        ($conn:expr, $sql:expr) => {
            diesel::sql_query($sql)
                .bind::<Text, _>(key)
                .bind::<Timestamp, _>(now)
                .bind::<Timestamp, _>(expires_at)
                .bind::<Integer, _>(limit)
                .load::<Attempts>($conn)?
        };
    }
    // The same statement on both; SQLite numbers its parameters `?1`, PostgreSQL `$1`.
    let rows = match conn {
        DbConn::Sqlite(conn) => run!(conn, UPSERT.replace('$', "?")),
        DbConn::Pg(conn) => run!(conn, UPSERT),
    };
    Ok(rows.first().map(|row| row.attempts))
}

/// Counts one more of what `key` may do at most `limit` times in a window of `window` that
/// starts at its first use: once at the limit, 429 with `Retry-After` (the seconds until
/// the window passes) and `detail`, nothing counted. Atomic, like logins (see
/// [`reserve`]): however many requests arrive at once, at most `limit` pass. Expired
/// windows of every key are deleted first. Call inside a write transaction.
pub fn count_or_refuse(
    conn: &mut DbConn,
    key: &str,
    limit: u32,
    window: Duration,
    now: NaiveDateTime,
    detail: &str,
) -> Result<(), ApiError> {
    let (counted, expires_at) = count_in_window(conn, key, limit, window, now)?;
    if counted.is_some() {
        return Ok(());
    }
    let seconds = (expires_at - now).num_seconds().max(1);
    Err(ApiError::RetryLater {
        busy: false,
        retry_after: u64::try_from(seconds).unwrap_or(1),
        detail: detail.to_owned(),
    })
}

/// Counts one more use of `key` as [`count_or_refuse`] does, and tells where it stands: the
/// uses counted in its window, this one included (`None`: refused, at the limit), and when
/// the window passes. Call inside a write transaction.
pub fn count_in_window(
    conn: &mut DbConn,
    key: &str,
    limit: u32,
    window: Duration,
    now: NaiveDateTime,
) -> QueryResult<(Option<i32>, NaiveDateTime)> {
    purge_expired(conn, now)?;
    let counted = reserve(conn, key, now, now + window, limit)?;
    let expires_at = login_throttle::table
        .find(key)
        .select(login_throttle::expires_at)
        .first(conn)?;
    Ok((counted, expires_at))
}

/// One attempt fewer for `key` (an attempt that succeeded or was never checked).
fn give_back(conn: &mut DbConn, key: &str) -> QueryResult<usize> {
    diesel::update(
        login_throttle::table
            .find(key)
            .filter(login_throttle::attempts.gt(0)),
    )
    .set(login_throttle::attempts.eq(login_throttle::attempts - 1))
    .execute(conn)
}

/// Deletes the rows whose window has passed. On PostgreSQL rows another login holds are
/// skipped (never waited for), so the purge cannot deadlock with the upserts.
fn purge_expired(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    match conn {
        DbConn::Sqlite(conn) => {
            diesel::delete(login_throttle::table.filter(login_throttle::expires_at.le(now)))
                .execute(conn)
        }
        DbConn::Pg(conn) => diesel::sql_query(
            "DELETE FROM login_throttle WHERE key IN (SELECT key FROM login_throttle \
             WHERE expires_at <= $1 FOR UPDATE SKIP LOCKED)",
        )
        .bind::<Timestamp, _>(now)
        .execute(conn),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_addresses_are_checked_before_anything_is_stored() {
        assert!(valid_email("jeanne@example.fr"));
        for bad in [
            "",
            "jeanne",
            "@example.fr",
            "jeanne@example",
            "jeanne@.fr",
            "jeanne@example.fr.",
            "jeanne@@example.fr",
            "jea nne@example.fr",
            "jeanne\u{0}@example.fr",
        ] {
            assert!(!valid_email(bad), "{bad:?}");
        }
        let long = format!("{}@example.fr", "a".repeat(250_000));
        assert!(!valid_email(&long));
        assert_eq!(account_key(&long).len(), "account:".len() + 64);
    }

    #[test]
    fn the_dummy_hash_is_a_real_argon2id_hash_that_matches_nothing() {
        assert!(
            argon2::password_hash::phc::PasswordHash::new(DUMMY_HASH).is_ok(),
            "unknown e-mails must cost a full verification"
        );
        assert!(!crate::auth::verify_password(
            "vitrine-demo-2026",
            DUMMY_HASH
        ));
    }
}
