//! Products entered for a shop (issue 11): the shop's consent, the volunteers assigned to
//! it, whether a volunteer helps a shop now (read from the database at each request), and
//! the shop's history as the shop reads it.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::auth::Role;
use shared::catalogue::ShopKind;
use shared::product_help::{HelpedShop, ProductHelp, ProductHelper, ShopHistoryEntry};
use shared::shop_admin::ShopStatus;

use super::shop::iso_time;
use crate::db::DbConn;
use crate::db::schema::{shop_events, shop_helpers, shops, users};
use crate::error::ApiError;

/// Volunteers one shop may have at once.
pub const MAX_HELPERS: usize = 10;
/// History steps one read answers.
pub const HISTORY_LENGTH: i64 = 200;

/// Whether volunteer `user_id` manages shop `shop_id`'s products now: the shop consents and
/// an admin assigned them. On PostgreSQL the shop's row is share-locked until the end of the
/// transaction, so a withdrawal of the consent (which updates it) waits for a write that
/// was let in, or is seen by it.
pub fn helps(conn: &mut DbConn, shop_id: i64, user_id: i64) -> QueryResult<bool> {
    let allowed: Option<bool> = match conn {
        DbConn::Pg(pg) => shops::table
            .find(shop_id)
            .select(shops::helpers_allowed)
            .for_share()
            .first(pg)
            .optional()?,
        DbConn::Sqlite(_) => shops::table
            .find(shop_id)
            .select(shops::helpers_allowed)
            .first(conn)
            .optional()?,
    };
    if allowed != Some(true) {
        return Ok(false);
    }
    diesel::select(diesel::dsl::exists(
        shop_helpers::table
            .filter(shop_helpers::shop_id.eq(shop_id))
            .filter(shop_helpers::user_id.eq(user_id)),
    ))
    .get_result(conn)
}

/// The shop's consent and its helpers, by name.
pub fn load(conn: &mut DbConn, shop_id: i64) -> QueryResult<ProductHelp> {
    let allowed: bool = shops::table
        .find(shop_id)
        .select(shops::helpers_allowed)
        .first(conn)?;
    let helpers = shop_helpers::table
        .inner_join(users::table)
        .filter(shop_helpers::shop_id.eq(shop_id))
        .order((users::name.asc(), users::id.asc()))
        .select((users::id, users::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .map(|(id, name)| ProductHelper { id, name })
        .collect();
    Ok(ProductHelp { allowed, helpers })
}

/// Turns the consent on or off; off also ends every assignment. Whether it changed.
pub fn set_allowed(conn: &mut DbConn, shop_id: i64, allowed: bool) -> QueryResult<bool> {
    let changed = diesel::update(shops::table.find(shop_id))
        .filter(shops::helpers_allowed.ne(allowed))
        .set(shops::helpers_allowed.eq(allowed))
        .execute(conn)?;
    if !allowed {
        diesel::delete(shop_helpers::table.filter(shop_helpers::shop_id.eq(shop_id)))
            .execute(conn)?;
    }
    Ok(changed > 0)
}

/// Replaces the shop's helpers: 422 while the shop does not consent, or naming each id that
/// is no active volunteer. Takes the shop's row lock first (like a withdrawal), so the two
/// cannot cross. Returns the names added and removed.
pub fn set_helpers(
    conn: &mut DbConn,
    shop_id: i64,
    user_ids: &[i64],
    now: NaiveDateTime,
) -> Result<(Vec<String>, Vec<String>), ApiError> {
    let allowed: bool = match conn {
        DbConn::Pg(pg) => shops::table
            .find(shop_id)
            .select(shops::helpers_allowed)
            .for_update()
            .first(pg)?,
        DbConn::Sqlite(_) => shops::table
            .find(shop_id)
            .select(shops::helpers_allowed)
            .first(conn)?,
    };
    if !allowed && !user_ids.is_empty() {
        return Err(ApiError::refused(
            "volunteer_ids",
            "this shop has not allowed the association to manage its products: its merchant \
             turns it on in the shop's profile",
        ));
    }
    let known: Vec<(i64, String)> = users::table
        .filter(users::id.eq_any(user_ids))
        .filter(users::role.eq(Role::Volunteer.as_str()))
        .filter(users::suspended_at.is_null())
        .select((users::id, users::name))
        .load(conn)?;
    let errors: Vec<shared::error::FieldError> = user_ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !known.iter().any(|(known, _)| known == *id))
        .map(|(index, id)| shared::error::FieldError {
            field: format!("volunteer_ids[{index}]"),
            message: format!("account {id} is not a volunteer (an admin grants the role)"),
        })
        .collect();
    if let Some(err) = ApiError::from_refused_fields(errors) {
        return Err(err);
    }
    let before = load(conn, shop_id)?.helpers;
    diesel::delete(shop_helpers::table.filter(shop_helpers::shop_id.eq(shop_id))).execute(conn)?;
    let mut added = Vec::new();
    for (id, name) in &known {
        if !before.iter().any(|h| h.id == *id) {
            added.push(name.clone());
        }
        diesel::insert_into(shop_helpers::table)
            .values((
                shop_helpers::shop_id.eq(shop_id),
                shop_helpers::user_id.eq(id),
                shop_helpers::assigned_at.eq(now),
            ))
            .execute(conn)?;
    }
    let removed = before
        .into_iter()
        .filter(|h| !known.iter().any(|(id, _)| *id == h.id))
        .map(|h| h.name)
        .collect();
    Ok((added, removed))
}

type HelpedRow = (String, String, String, String, bool);

/// The shops whose products `user_id` manages for them: a volunteer's assigned consenting
/// shops, an admin's every consenting shop; by name.
pub fn helped_shops(conn: &mut DbConn, user_id: i64, role: Role) -> QueryResult<Vec<HelpedShop>> {
    let columns = (
        shops::slug,
        shops::name,
        shops::kind,
        shops::status,
        shops::vat_exempt,
    );
    let rows: Vec<HelpedRow> = match role {
        Role::Admin => shops::table
            .filter(shops::helpers_allowed.eq(true))
            .order(shops::sort_name.asc())
            .select(columns)
            .load(conn)?,
        Role::Volunteer => shops::table
            .inner_join(shop_helpers::table)
            .filter(shops::helpers_allowed.eq(true))
            .filter(shop_helpers::user_id.eq(user_id))
            .order(shops::sort_name.asc())
            .select(columns)
            .load(conn)?,
        _ => Vec::new(),
    };
    Ok(rows
        .into_iter()
        .map(|(slug, name, kind, status, vat_exempt)| HelpedShop {
            slug,
            name,
            kind: ShopKind::parse(&kind).unwrap_or(ShopKind::NonFood),
            status: ShopStatus::parse(&status).unwrap_or(ShopStatus::Pending),
            vat_exempt,
        })
        .collect())
}

/// The shop's history, newest first, with each actor's name.
pub fn history(conn: &mut DbConn, shop_id: i64) -> QueryResult<Vec<ShopHistoryEntry>> {
    type Row = (
        NaiveDateTime,
        String,
        Option<String>,
        Option<String>,
        String,
    );
    let rows: Vec<Row> = shop_events::table
        .filter(shop_events::shop_id.eq(shop_id))
        .order((shop_events::at.desc(), shop_events::id.desc()))
        .limit(HISTORY_LENGTH)
        .select((
            shop_events::at,
            shop_events::actor,
            shop_events::from_status,
            shop_events::to_status,
            shop_events::note,
        ))
        .load(conn)?;
    let ids: Vec<i64> = rows
        .iter()
        .filter_map(|row| row.1.strip_prefix("user:")?.parse().ok())
        .collect();
    let names: Vec<(i64, String)> = users::table
        .filter(users::id.eq_any(&ids))
        .select((users::id, users::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(at, actor, from, to, note)| ShopHistoryEntry {
            at: iso_time(at),
            actor_name: actor
                .strip_prefix("user:")
                .and_then(|id| id.parse::<i64>().ok())
                .and_then(|id| names.iter().find(|(known, _)| *known == id))
                .map(|(_, name)| name.clone()),
            from_status: from.as_deref().and_then(ShopStatus::parse),
            to_status: to.as_deref().and_then(ShopStatus::parse),
            note,
        })
        .collect())
}
