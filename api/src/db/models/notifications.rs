//! Who gets which e-mails (issue 12): each merchant's choices per shop, the shop's
//! daily-summary time, the addresses that turned off a non-essential message, and the
//! association's sender (rows of `marketplace_settings`). A missing row is the default:
//! every message on, the summary at [`DEFAULT_SUMMARY_TIME`].

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{
    mail_opt_outs, marketplace_settings, merchant_mail_settings, shop_mail_settings,
};

/// The daily summary's time until the shop chooses one.
pub const DEFAULT_SUMMARY_TIME: &str = "08:00";

/// Opt-out topics (`mail_opt_outs.topic`).
pub const DELIVERY_REMINDER: &str = "delivery_reminder";
pub const ROUND_WARNING: &str = "round_warning";

/// The association's sender (`marketplace_settings` rows; empty or missing: the default).
pub const SENDER_NAME: &str = "mail.sender_name";
pub const SENDER_ADDRESS: &str = "mail.sender_address";
pub const REPLY_TO: &str = "mail.reply_to";

/// A merchant's choices for one shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MerchantChoices {
    pub new_order: bool,
    pub daily_summary: bool,
}

impl Default for MerchantChoices {
    fn default() -> MerchantChoices {
        MerchantChoices {
            new_order: true,
            daily_summary: true,
        }
    }
}

/// One merchant's choices for one shop.
pub fn merchant_choices(
    conn: &mut DbConn,
    shop_id: i64,
    user_id: i64,
) -> QueryResult<MerchantChoices> {
    Ok(merchant_mail_settings::table
        .find((shop_id, user_id))
        .select((
            merchant_mail_settings::new_order,
            merchant_mail_settings::daily_summary,
        ))
        .first::<(bool, bool)>(conn)
        .optional()?
        .map_or_else(MerchantChoices::default, |(new_order, daily_summary)| {
            MerchantChoices {
                new_order,
                daily_summary,
            }
        }))
}

/// Every stored choice for a shop, by account (accounts missing: the defaults).
pub fn choices_of_shop(
    conn: &mut DbConn,
    shop_id: i64,
) -> QueryResult<HashMap<i64, MerchantChoices>> {
    let rows: Vec<(i64, bool, bool)> = merchant_mail_settings::table
        .filter(merchant_mail_settings::shop_id.eq(shop_id))
        .select((
            merchant_mail_settings::user_id,
            merchant_mail_settings::new_order,
            merchant_mail_settings::daily_summary,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user, new_order, daily_summary)| {
            (
                user,
                MerchantChoices {
                    new_order,
                    daily_summary,
                },
            )
        })
        .collect())
}

/// Changes the columns given of one merchant's choices (the row is created with the
/// defaults for the others).
pub fn set_merchant_choices(
    conn: &mut DbConn,
    shop_id: i64,
    user_id: i64,
    new_order: Option<bool>,
    daily_summary: Option<bool>,
) -> QueryResult<()> {
    if new_order.is_none() && daily_summary.is_none() {
        return Ok(());
    }
    let defaults = MerchantChoices::default();
    let row = (
        merchant_mail_settings::shop_id.eq(shop_id),
        merchant_mail_settings::user_id.eq(user_id),
        merchant_mail_settings::new_order.eq(new_order.unwrap_or(defaults.new_order)),
        merchant_mail_settings::daily_summary.eq(daily_summary.unwrap_or(defaults.daily_summary)),
    );
    let changes = (
        new_order.map(|v| merchant_mail_settings::new_order.eq(v)),
        daily_summary.map(|v| merchant_mail_settings::daily_summary.eq(v)),
    );
    // An upsert does not compile on the combined connection: the same code on each.
    match conn {
        DbConn::Pg(pg) => diesel::insert_into(merchant_mail_settings::table)
            .values(row)
            .on_conflict((
                merchant_mail_settings::shop_id,
                merchant_mail_settings::user_id,
            ))
            .do_update()
            .set(changes)
            .execute(pg)?,
        DbConn::Sqlite(sqlite) => diesel::insert_into(merchant_mail_settings::table)
            .values(row)
            .on_conflict((
                merchant_mail_settings::shop_id,
                merchant_mail_settings::user_id,
            ))
            .do_update()
            .set(changes)
            .execute(sqlite)?,
    };
    Ok(())
}

/// The shop's daily-summary time, `HH:MM`.
pub fn summary_time(conn: &mut DbConn, shop_id: i64) -> QueryResult<String> {
    Ok(shop_mail_settings::table
        .find(shop_id)
        .select(shop_mail_settings::summary_time)
        .first(conn)
        .optional()?
        .unwrap_or_else(|| DEFAULT_SUMMARY_TIME.to_owned()))
}

/// Every shop's chosen time (shops missing: the default).
pub fn summary_times(conn: &mut DbConn) -> QueryResult<HashMap<i64, String>> {
    let rows: Vec<(i64, String)> = shop_mail_settings::table
        .select((
            shop_mail_settings::shop_id,
            shop_mail_settings::summary_time,
        ))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Sets the shop's daily-summary time.
pub fn set_summary_time(conn: &mut DbConn, shop_id: i64, time: &str) -> QueryResult<()> {
    let row = (
        shop_mail_settings::shop_id.eq(shop_id),
        shop_mail_settings::summary_time.eq(time),
    );
    match conn {
        DbConn::Pg(pg) => diesel::insert_into(shop_mail_settings::table)
            .values(row)
            .on_conflict(shop_mail_settings::shop_id)
            .do_update()
            .set(shop_mail_settings::summary_time.eq(time))
            .execute(pg)?,
        DbConn::Sqlite(sqlite) => diesel::insert_into(shop_mail_settings::table)
            .values(row)
            .on_conflict(shop_mail_settings::shop_id)
            .do_update()
            .set(shop_mail_settings::summary_time.eq(time))
            .execute(sqlite)?,
    };
    Ok(())
}

/// How an address is kept: trimmed, lower case.
fn address_key(address: &str) -> String {
    address.trim().to_lowercase()
}

/// Whether `address` turned off `topic`.
pub fn opted_out(conn: &mut DbConn, address: &str, topic: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        mail_opt_outs::table
            .filter(mail_opt_outs::address.eq(address_key(address)))
            .filter(mail_opt_outs::topic.eq(topic)),
    ))
    .get_result(conn)
}

/// Turns `topic` off (`wanted == false`) or back on for `address`.
pub fn set_wanted(
    conn: &mut DbConn,
    address: &str,
    topic: &str,
    wanted: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let key = address_key(address);
    if wanted {
        diesel::delete(
            mail_opt_outs::table
                .filter(mail_opt_outs::address.eq(&key))
                .filter(mail_opt_outs::topic.eq(topic)),
        )
        .execute(conn)?;
        return Ok(());
    }
    let row = (
        mail_opt_outs::address.eq(&key),
        mail_opt_outs::topic.eq(topic),
        mail_opt_outs::created_at.eq(now),
    );
    match conn {
        DbConn::Pg(pg) => diesel::insert_into(mail_opt_outs::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(pg)?,
        DbConn::Sqlite(sqlite) => diesel::insert_into(mail_opt_outs::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(sqlite)?,
    };
    Ok(())
}

/// The association's sender as stored: name, address, reply-to (empty: not set).
pub fn sender(conn: &mut DbConn) -> QueryResult<(String, String, String)> {
    let rows: Vec<(String, String)> = marketplace_settings::table
        .filter(marketplace_settings::name.eq_any([SENDER_NAME, SENDER_ADDRESS, REPLY_TO]))
        .select((marketplace_settings::name, marketplace_settings::value))
        .load(conn)?;
    let value = |name: &str| {
        rows.iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    Ok((value(SENDER_NAME), value(SENDER_ADDRESS), value(REPLY_TO)))
}
