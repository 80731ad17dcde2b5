//! People: the admins' side of accounts (search, roles, shop membership, suspension), their
//! history (`admin_events`) and password reset codes (`reset_codes`).
//!
//! Every write here runs inside a write transaction that first locks the active admins'
//! rows in id order ([`lock_active_admins`]): on PostgreSQL two admins demoting or
//! suspending each other at once cannot both succeed and leave the marketplace without an
//! admin (the second one waits, then sees one admin left).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::admin_users::{
    Account, AccountActor, AccountEvent, AccountEventKind, AccountShop, AccountSummary,
};
use shared::auth::Role;

use super::Db;
use super::shop::iso_time;
use crate::db::DbConn;
use crate::db::schema::{admin_events, refresh_tokens, reset_codes, shop_members, shops, users};
use crate::domain::paging::Paging;
use crate::domain::search::{escape_like, query_terms};

/// An account as the admins see it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct AccountRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub created_at: NaiveDateTime,
    pub suspended_at: Option<NaiveDateTime>,
    pub phone: Option<String>,
}

impl AccountRow {
    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Customer)
    }

    /// Whether this account counts as an active admin.
    pub fn is_active_admin(&self) -> bool {
        self.role() == Role::Admin && self.suspended_at.is_none()
    }
}

/// Accounts created before `search_text` existed get it on the first search (it cannot be
/// computed in SQL the same way on both databases).
fn fill_search_text(conn: &mut DbConn) -> QueryResult<()> {
    let missing: Vec<(i64, String, String)> = users::table
        .filter(users::search_text.eq(""))
        .select((users::id, users::name, users::email))
        .load(conn)?;
    for (id, name, email) in missing {
        diesel::update(users::table.find(id))
            .set(users::search_text.eq(super::user::account_search_text(&name, &email)))
            .execute(conn)?;
    }
    Ok(())
}

/// One page of accounts, by name, matching every word of `q` and the role.
pub fn list(
    conn: &mut DbConn,
    q: Option<&str>,
    role: Option<Role>,
    paging: Paging,
) -> QueryResult<(Vec<AccountRow>, u64)> {
    fill_search_text(conn)?;
    let terms = q.map(query_terms).unwrap_or_default();
    let query = || {
        let mut query = users::table.into_boxed::<Db>();
        for term in &terms {
            let pattern = format!("% {}%", escape_like(term));
            query = query.filter(users::search_text.like(pattern).escape('\\'));
        }
        if let Some(role) = role {
            query = query.filter(users::role.eq(role.as_str()));
        }
        query
    };
    let total: i64 = query().count().get_result(conn)?;
    let rows = query()
        .order((users::search_text.asc(), users::id.asc()))
        .offset(paging.offset())
        .limit(paging.limit())
        .select(AccountRow::as_select())
        .load(conn)?;
    Ok((rows, u64::try_from(total).unwrap_or(0)))
}

/// The account with this id.
pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<AccountRow>> {
    users::table
        .find(id)
        .select(AccountRow::as_select())
        .first(conn)
        .optional()
}

/// The shops of these accounts' teams, by account, by shop name.
pub fn shops_of(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<(i64, AccountShop)>> {
    let rows: Vec<(i64, String, String)> = shop_members::table
        .inner_join(shops::table)
        .filter(shop_members::user_id.eq_any(ids))
        .order((shops::sort_name.asc(), shops::id.asc()))
        .select((shop_members::user_id, shops::slug, shops::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user, slug, name)| (user, AccountShop { slug, name }))
        .collect())
}

/// The summaries of a page of accounts, with their shops.
pub fn summaries(conn: &mut DbConn, rows: Vec<AccountRow>) -> QueryResult<Vec<AccountSummary>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let shops = shops_of(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|row| AccountSummary {
            role: row.role(),
            shops: shops
                .iter()
                .filter(|(user, _)| *user == row.id)
                .map(|(_, shop)| shop.clone())
                .collect(),
            suspended: row.suspended_at.is_some(),
            id: row.id,
            name: row.name,
            email: row.email,
        })
        .collect())
}

/// The whole account: shops, last session, history.
pub fn account(conn: &mut DbConn, row: AccountRow) -> QueryResult<Account> {
    let shops = shops_of(conn, &[row.id])?
        .into_iter()
        .map(|(_, shop)| shop)
        .collect();
    let last_seen: Option<NaiveDateTime> = refresh_tokens::table
        .filter(refresh_tokens::user_id.eq(row.id))
        .select(diesel::dsl::max(refresh_tokens::created_at))
        .first(conn)?;
    let events: Vec<(NaiveDateTime, Option<i64>, String, String)> = admin_events::table
        .filter(admin_events::user_id.eq(row.id))
        .order((admin_events::at.desc(), admin_events::id.desc()))
        .select((
            admin_events::at,
            admin_events::actor_id,
            admin_events::kind,
            admin_events::detail,
        ))
        .load(conn)?;
    let actor_ids: Vec<i64> = events.iter().filter_map(|event| event.1).collect();
    let actors: Vec<(i64, String)> = users::table
        .filter(users::id.eq_any(&actor_ids))
        .select((users::id, users::name))
        .load(conn)?;
    let history = events
        .into_iter()
        .map(|(at, actor_id, kind, detail)| AccountEvent {
            at: iso_time(at),
            actor: actor_id.and_then(|id| {
                actors
                    .iter()
                    .find(|(actor, _)| *actor == id)
                    .map(|(id, name)| AccountActor {
                        id: *id,
                        name: name.clone(),
                    })
            }),
            kind: event_kind(&kind),
            detail,
        })
        .collect();
    let (email_verified, email_refused) =
        super::email_token::email_status(conn, row.id, &row.email)?;
    Ok(Account {
        email_verified,
        email_refused,
        role: row.role(),
        shops,
        suspended_at: row.suspended_at.map(iso_time),
        created_at: iso_time(row.created_at),
        last_seen_at: last_seen.map(iso_time),
        history,
        id: row.id,
        name: row.name,
        email: row.email,
        phone: row.phone,
    })
}

/// How an event's kind is stored.
fn event_word(kind: AccountEventKind) -> &'static str {
    match kind {
        AccountEventKind::RoleChanged => "role_changed",
        AccountEventKind::ShopAdded => "shop_added",
        AccountEventKind::ShopRemoved => "shop_removed",
        AccountEventKind::Suspended => "suspended",
        AccountEventKind::Reinstated => "reinstated",
        AccountEventKind::ResetCodeCreated => "reset_code_created",
        AccountEventKind::PasswordReset => "password_reset",
    }
}

fn event_kind(word: &str) -> AccountEventKind {
    [
        AccountEventKind::RoleChanged,
        AccountEventKind::ShopAdded,
        AccountEventKind::ShopRemoved,
        AccountEventKind::Suspended,
        AccountEventKind::Reinstated,
        AccountEventKind::ResetCodeCreated,
        AccountEventKind::PasswordReset,
    ]
    .into_iter()
    .find(|kind| event_word(*kind) == word)
    .unwrap_or(AccountEventKind::RoleChanged)
}

/// Writes one line of the account's history.
pub fn record_event(
    conn: &mut DbConn,
    user_id: i64,
    actor_id: Option<i64>,
    kind: AccountEventKind,
    detail: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(admin_events::table)
        .values((
            admin_events::user_id.eq(user_id),
            admin_events::at.eq(now),
            admin_events::actor_id.eq(actor_id),
            admin_events::kind.eq(event_word(kind)),
            admin_events::detail.eq(detail),
        ))
        .execute(conn)
}

/// Locks the rows of the active admins, in id order, and gives their ids. On SQLite the
/// write transaction already holds the database's write lock.
pub fn lock_active_admins(conn: &mut DbConn) -> QueryResult<Vec<i64>> {
    let query = users::table
        .filter(users::role.eq(Role::Admin.as_str()))
        .filter(users::suspended_at.is_null())
        .order(users::id.asc())
        .select(users::id);
    match conn {
        DbConn::Pg(conn) => query.for_update().load(conn),
        DbConn::Sqlite(conn) => query.load(conn),
    }
}

/// Locks the account's row (PostgreSQL) and reads it.
pub fn lock(conn: &mut DbConn, id: i64) -> QueryResult<Option<AccountRow>> {
    let query = users::table.find(id);
    match conn {
        DbConn::Pg(conn) => query
            .select(AccountRow::as_select())
            .for_update()
            .first(conn)
            .optional(),
        DbConn::Sqlite(conn) => query.select(AccountRow::as_select()).first(conn).optional(),
    }
}

/// Sets the role (only that column).
pub fn set_role(conn: &mut DbConn, id: i64, role: Role) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::role.eq(role.as_str()))
        .execute(conn)
}

/// Takes the account off every shop's team; the shops' names, for the history.
pub fn leave_all_shops(conn: &mut DbConn, id: i64) -> QueryResult<Vec<String>> {
    let names = shops_of(conn, &[id])?
        .into_iter()
        .map(|(_, shop)| shop.name)
        .collect();
    diesel::delete(shop_members::table.filter(shop_members::user_id.eq(id))).execute(conn)?;
    Ok(names)
}

/// Takes the account off one shop's team; 0 when it was not on it.
pub fn leave_shop(conn: &mut DbConn, id: i64, shop_id: i64) -> QueryResult<usize> {
    diesel::delete(
        shop_members::table
            .filter(shop_members::user_id.eq(id))
            .filter(shop_members::shop_id.eq(shop_id)),
    )
    .execute(conn)
}

/// How many shops' teams the account is on.
pub fn shop_count(conn: &mut DbConn, id: i64) -> QueryResult<i64> {
    shop_members::table
        .filter(shop_members::user_id.eq(id))
        .count()
        .get_result(conn)
}

/// Suspends (`Some(now)`) or reinstates (`None`) the account, and moves its session
/// generation on so every access token issued before stops working.
pub fn set_suspended(
    conn: &mut DbConn,
    id: i64,
    suspended_at: Option<NaiveDateTime>,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::suspended_at.eq(suspended_at),
            users::session_generation.eq(users::session_generation + 1),
        ))
        .execute(conn)
}

/// Sets a new password and closes every session: access tokens (the generation moves on)
/// and refresh tokens.
pub fn set_password(
    conn: &mut DbConn,
    id: i64,
    password_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(password_hash),
            users::session_generation.eq(users::session_generation + 1),
        ))
        .execute(conn)?;
    super::session::revoke_all(conn, id, now)?;
    Ok(())
}

/// A reset code as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reset_codes)]
pub struct ResetCodeRow {
    pub user_id: i64,
    pub code_hash: String,
    pub expires_at: NaiveDateTime,
    pub attempts_left: i32,
}

/// Stores the account's new reset code, replacing any earlier one.
pub fn replace_reset_code(
    conn: &mut DbConn,
    user_id: i64,
    code_hash: &str,
    expires_at: NaiveDateTime,
    attempts: i32,
    created_by: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    delete_reset_code(conn, user_id)?;
    diesel::insert_into(reset_codes::table)
        .values((
            reset_codes::user_id.eq(user_id),
            reset_codes::code_hash.eq(code_hash),
            reset_codes::expires_at.eq(expires_at),
            reset_codes::attempts_left.eq(attempts),
            reset_codes::created_by.eq(created_by),
            reset_codes::created_at.eq(now),
        ))
        .execute(conn)
}

pub fn delete_reset_code(conn: &mut DbConn, user_id: i64) -> QueryResult<usize> {
    diesel::delete(reset_codes::table.find(user_id)).execute(conn)
}

/// The account's code if it can still be used.
pub fn live_reset_code(
    conn: &mut DbConn,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<Option<ResetCodeRow>> {
    reset_codes::table
        .find(user_id)
        .filter(reset_codes::expires_at.gt(now))
        .filter(reset_codes::attempts_left.gt(0))
        .select(ResetCodeRow::as_select())
        .first(conn)
        .optional()
}

/// Counts a wrong try against this very code (a newer code is not touched); the last try
/// ends it.
pub fn spend_attempt(conn: &mut DbConn, user_id: i64, code_hash: &str) -> QueryResult<()> {
    let code = || {
        reset_codes::table
            .find(user_id)
            .filter(reset_codes::code_hash.eq(code_hash))
    };
    diesel::update(code().filter(reset_codes::attempts_left.gt(0)))
        .set(reset_codes::attempts_left.eq(reset_codes::attempts_left - 1))
        .execute(conn)?;
    diesel::delete(code().filter(reset_codes::attempts_left.le(0))).execute(conn)?;
    Ok(())
}

/// Uses this very code up: 1 row for the one request that may use it, 0 for any other.
pub fn use_reset_code(
    conn: &mut DbConn,
    user_id: i64,
    code_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        reset_codes::table
            .find(user_id)
            .filter(reset_codes::code_hash.eq(code_hash))
            .filter(reset_codes::expires_at.gt(now))
            .filter(reset_codes::attempts_left.gt(0)),
    )
    .execute(conn)
}

/// Ids of the accounts with this e-mail that may reset a password (not suspended).
pub fn active_id_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<i64>> {
    users::table
        .filter(users::email.eq(email))
        .filter(users::suspended_at.is_null())
        .select(users::id)
        .first(conn)
        .optional()
}
