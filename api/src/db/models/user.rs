//! Accounts and shop memberships.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{shop_members, users};

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub name: &'a str,
    pub role: &'a str,
    pub created_at: NaiveDateTime,
}

impl NewUser<'_> {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<i64> {
        diesel::insert_into(users::table)
            .values((
                self,
                users::search_text.eq(account_search_text(self.name, self.email)),
            ))
            .returning(users::id)
            .get_result(conn)
    }
}

/// What the admins' search looks in: the name and e-mail, folded (see
/// [`crate::domain::search::search_key`]).
pub fn account_search_text(name: &str, email: &str) -> String {
    crate::domain::search::search_key(&format!("{name} {email}"))
}

/// Creates the account, or gives an existing one this role and password.
pub fn upsert_by_email(conn: &mut DbConn, user: &NewUser<'_>) -> QueryResult<i64> {
    let existing = users::table
        .filter(users::email.eq(user.email))
        .select(users::id)
        .first::<i64>(conn)
        .optional()?;
    match existing {
        Some(id) => {
            diesel::update(users::table.find(id))
                .set((
                    users::password_hash.eq(user.password_hash),
                    users::role.eq(user.role),
                ))
                .execute(conn)?;
            Ok(id)
        }
        None => user.insert(conn),
    }
}

/// Makes a user a member of a shop's team.
pub fn add_shop_member(conn: &mut DbConn, shop_id: i64, user_id: i64) -> QueryResult<usize> {
    diesel::insert_into(shop_members::table)
        .values((
            shop_members::shop_id.eq(shop_id),
            shop_members::user_id.eq(user_id),
        ))
        .execute(conn)
}

/// An account as stored.
#[derive(Debug, Clone, Queryable)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub name: String,
    pub role: String,
    /// Every access token carries it; a suspension or a password reset moves it on, and
    /// older tokens stop working.
    pub session_generation: i64,
    /// Delivery rounds (issue 11): volunteers need one.
    pub phone: Option<String>,
}

const USER_COLUMNS: (
    users::id,
    users::email,
    users::password_hash,
    users::name,
    users::role,
    users::session_generation,
    users::phone,
) = (
    users::id,
    users::email,
    users::password_hash,
    users::name,
    users::role,
    users::session_generation,
    users::phone,
);

/// Sets or removes (`None`) the account's phone.
pub fn set_phone(conn: &mut DbConn, id: i64, phone: Option<&str>) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set(users::phone.eq(phone))
        .execute(conn)
}

/// The account that signs in with this e-mail; a suspended account cannot, so it is not
/// found.
pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::email.eq(email))
        .filter(users::suspended_at.is_null())
        .select(USER_COLUMNS)
        .first(conn)
        .optional()
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<UserRow> {
    users::table.find(id).select(USER_COLUMNS).first(conn)
}

/// What the authentication of an access token checks, per request: the account's role now,
/// and whether the token's session generation is still the account's (and the account not
/// suspended). One primary-key lookup.
pub fn session_state(conn: &mut DbConn, id: i64) -> QueryResult<Option<(String, i64)>> {
    users::table
        .find(id)
        .filter(users::suspended_at.is_null())
        .select((users::role, users::session_generation))
        .first(conn)
        .optional()
}

/// Whether the account is suspended (an API key it created stops while it is).
pub fn is_suspended(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        users::table
            .find(id)
            .filter(users::suspended_at.is_not_null()),
    ))
    .get_result(conn)
}
