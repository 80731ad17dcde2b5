//! Marketplace settings (delivery days, cut-off) and the days shops are closed.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{marketplace_settings, shop_closed_days};
use crate::domain::delivery::DeliveryRules;

/// The delivery rules as the association set them, with the marketplace's closed days.
pub fn delivery_rules(conn: &mut DbConn) -> QueryResult<DeliveryRules> {
    let rows: Vec<(String, String)> = marketplace_settings::table
        .select((marketplace_settings::name, marketplace_settings::value))
        .load(conn)?;
    let mut rules = DeliveryRules::from_settings(&rows);
    rules.closed_days = super::delivery::closed_days(conn)?;
    Ok(rules)
}

/// The days a shop marked closed (ISO dates; malformed rows are ignored).
pub fn closed_days(conn: &mut DbConn, shop_id: i64) -> QueryResult<Vec<NaiveDate>> {
    let days: Vec<String> = shop_closed_days::table
        .filter(shop_closed_days::shop_id.eq(shop_id))
        .select(shop_closed_days::day)
        .load(conn)?;
    Ok(days
        .iter()
        .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .collect())
}
