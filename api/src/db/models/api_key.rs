//! API keys: rows, the lookup that authenticates a key, and a shop's list and revocation.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use shared::shop_admin::{ApiKey, ApiKeyScope};

use super::now;
use super::shop::iso_time;
use crate::db::DbConn;
use crate::db::schema::api_keys;

/// How stale `last_used_at` may get before a call writes it again: a busy integration
/// does not turn every read into a write.
const LAST_USED_RESOLUTION_SECONDS: i64 = 60;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_keys)]
pub struct ApiKeyRow {
    pub id: i64,
    pub shop_id: i64,
    pub name: String,
    pub key_hash: String,
    pub prefix: String,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    /// Comma-separated scopes; `None`: every scope (the keys made before scopes).
    pub scopes: Option<String>,
}

impl ApiKeyRow {
    /// What the key may do.
    pub fn scopes(&self) -> Vec<ApiKeyScope> {
        match &self.scopes {
            None => ApiKeyScope::ALL.to_vec(),
            Some(list) => list.split(',').filter_map(ApiKeyScope::parse).collect(),
        }
    }
}

/// How a key's scopes are stored: their names, comma-separated, in the documents' order.
pub fn encode_scopes(scopes: &[ApiKeyScope]) -> String {
    ApiKeyScope::ALL
        .into_iter()
        .filter(|scope| scopes.contains(scope))
        .map(ApiKeyScope::as_str)
        .collect::<Vec<_>>()
        .join(",")
}

#[derive(Debug, Insertable)]
#[diesel(table_name = api_keys)]
pub struct NewApiKey<'a> {
    pub shop_id: i64,
    pub name: &'a str,
    pub key_hash: &'a str,
    pub prefix: &'a str,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub scopes: Option<&'a str>,
}

impl NewApiKey<'_> {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<i64> {
        diesel::insert_into(api_keys::table)
            .values(self)
            .returning(api_keys::id)
            .get_result(conn)
    }
}

/// The live (not revoked) key with this hash, after noting that it was used. A key whose
/// creator's account is suspended does not work while it is.
/// Whether the key still works: not revoked, and its creator not suspended.
pub fn is_active(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let key: Option<Option<i64>> = api_keys::table
        .find(id)
        .filter(api_keys::revoked_at.is_null())
        .select(api_keys::created_by)
        .first(conn)
        .optional()?;
    match key {
        None => Ok(false),
        Some(None) => Ok(true),
        Some(Some(creator)) => Ok(!super::user::is_suspended(conn, creator)?),
    }
}

pub fn authenticate(conn: &mut DbConn, key_hash: &str) -> QueryResult<Option<ApiKeyRow>> {
    let Some(key) = api_keys::table
        .filter(api_keys::key_hash.eq(key_hash))
        .filter(api_keys::revoked_at.is_null())
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    if let Some(creator) = key.created_by
        && super::user::is_suspended(conn, creator)?
    {
        return Ok(None);
    }
    let now = now();
    let stale = key
        .last_used_at
        .is_none_or(|at| now - at > Duration::seconds(LAST_USED_RESOLUTION_SECONDS));
    if stale {
        diesel::update(api_keys::table.find(key.id))
            .set(api_keys::last_used_at.eq(now))
            .execute(conn)?;
    }
    Ok(Some(key))
}

/// A shop's keys, revoked ones too, newest first.
pub fn list_for_shop(conn: &mut DbConn, shop_id: i64) -> QueryResult<Vec<ApiKeyRow>> {
    api_keys::table
        .filter(api_keys::shop_id.eq(shop_id))
        .order((api_keys::created_at.desc(), api_keys::id.desc()))
        .select(ApiKeyRow::as_select())
        .load(conn)
}

/// A shop's key by id.
pub fn find_in_shop(conn: &mut DbConn, shop_id: i64, id: i64) -> QueryResult<Option<ApiKeyRow>> {
    api_keys::table
        .filter(api_keys::id.eq(id))
        .filter(api_keys::shop_id.eq(shop_id))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()
}

/// Revokes a key of the shop, keeping the first revocation's time.
pub fn revoke(conn: &mut DbConn, shop_id: i64, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        api_keys::table
            .filter(api_keys::id.eq(id))
            .filter(api_keys::shop_id.eq(shop_id))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(now))
    .execute(conn)
}

impl From<ApiKeyRow> for ApiKey {
    fn from(row: ApiKeyRow) -> ApiKey {
        let scopes = row.scopes();
        ApiKey {
            scopes,
            id: row.id,
            name: row.name,
            prefix: row.prefix,
            created_at: iso_time(row.created_at),
            last_used_at: row.last_used_at.map(iso_time),
            revoked_at: row.revoked_at.map(iso_time),
        }
    }
}
