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
            .values(self)
            .returning(users::id)
            .get_result(conn)
    }
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
}

const USER_COLUMNS: (
    users::id,
    users::email,
    users::password_hash,
    users::name,
    users::role,
) = (
    users::id,
    users::email,
    users::password_hash,
    users::name,
    users::role,
);

pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::email.eq(email))
        .select(USER_COLUMNS)
        .first(conn)
        .optional()
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<UserRow> {
    users::table.find(id).select(USER_COLUMNS).first(conn)
}
