//! The delivery zone and days as admins change them: the settings rows of the delivery
//! rules, the marketplace's closed days, and the communes of the zone.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{communes, marketplace_closed_days, marketplace_settings};

/// Settings rows of the delivery rules (see `DeliveryRules::from_settings`).
pub const FOOD_DAYS: &str = "delivery_days.food";
pub const NON_FOOD_DAYS: &str = "delivery_days.non_food";
pub const CUT_OFF_HOUR: &str = "delivery_cut_off_hour";
pub const MIN_BASKET_CENTS: &str = "delivery_min_basket_cents";

/// Sets one settings row: an update of that row alone (the migrations create every row), or
/// an insert if it was removed by hand.
pub fn set(conn: &mut DbConn, name: &str, value: &str) -> QueryResult<()> {
    let updated = diesel::update(marketplace_settings::table.find(name))
        .set(marketplace_settings::value.eq(value))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(marketplace_settings::table)
            .values((
                marketplace_settings::name.eq(name),
                marketplace_settings::value.eq(value),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The marketplace's closed days, soonest first (malformed rows are ignored).
pub fn closed_days(conn: &mut DbConn) -> QueryResult<Vec<NaiveDate>> {
    let days: Vec<String> = marketplace_closed_days::table
        .order(marketplace_closed_days::day.asc())
        .select(marketplace_closed_days::day)
        .load(conn)?;
    Ok(days
        .iter()
        .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .collect())
}

/// Closes the marketplace on `day`; `false` if it was closed already. Two admins adding the
/// same day at once: the second insert meets the primary key and is told so (409).
pub fn add_closed_day(conn: &mut DbConn, day: NaiveDate) -> QueryResult<bool> {
    let day = day.format("%Y-%m-%d").to_string();
    let exists: bool = diesel::select(diesel::dsl::exists(
        marketplace_closed_days::table.find(&day),
    ))
    .get_result(conn)?;
    if exists {
        return Ok(false);
    }
    diesel::insert_into(marketplace_closed_days::table)
        .values(marketplace_closed_days::day.eq(&day))
        .execute(conn)?;
    Ok(true)
}

/// Opens `day` again; the number of rows removed (0 or 1).
pub fn remove_closed_day(conn: &mut DbConn, day: NaiveDate) -> QueryResult<usize> {
    diesel::delete(marketplace_closed_days::table.find(day.format("%Y-%m-%d").to_string()))
        .execute(conn)
}

/// The INSEE codes of the zone's communes.
pub fn zone_insee_codes(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    communes::table.select(communes::insee).load(conn)
}

/// Whether the commune with this INSEE code is in the zone.
pub fn in_zone(conn: &mut DbConn, insee: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        communes::table.filter(communes::insee.eq(insee)),
    ))
    .get_result(conn)
}

/// Removes a commune from the zone; the number of rows removed (0 or 1). Orders already
/// placed keep their address.
pub fn remove_commune(conn: &mut DbConn, insee: &str) -> QueryResult<usize> {
    diesel::delete(communes::table.filter(communes::insee.eq(insee))).execute(conn)
}
