//! The visits of the public pages (issue 13), per Europe/Paris day and page type: what each
//! server counted in memory (see `crate::visits`), added to the table by an upsert, the rows
//! of a period for the dashboard, and the deletion of the days older than 25 months.
//! Nothing per visitor is ever written here.

use chrono::{Months, NaiveDate};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::db::DbConn;
use crate::db::schema::visit_log;

/// How long the visit log keeps a day.
pub const KEEP_MONTHS: u32 = 25;

/// The `page` of a day's totals row.
pub const ALL_PAGES: &str = "all";

/// What to add to one row: a day, a page type (or [`ALL_PAGES`]) and the counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitDelta {
    pub day: NaiveDate,
    pub page: &'static str,
    pub page_views: i64,
    pub visitors: i64,
    pub flyer_visits: i64,
}

/// Adds `deltas` to their rows, creating those missing, in one transaction: the counts are
/// added in the statement, so several servers flushing at once all count. The rows are
/// written in the order given (sorted by the caller), so two flushes cannot deadlock.
pub fn add(conn: &mut DbConn, deltas: &[VisitDelta]) -> Result<(), crate::error::ApiError> {
    const UPSERT: &str = "INSERT INTO visit_log (day, page, page_views, visitors, flyer_visits) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (day, page) DO UPDATE SET \
           page_views = visit_log.page_views + excluded.page_views, \
           visitors = visit_log.visitors + excluded.visitors, \
           flyer_visits = visit_log.flyer_visits + excluded.flyer_visits";
    crate::db::write_transaction(conn, |conn| {
        for delta in deltas {
            let day = delta.day.to_string();
            macro_rules! run {
                ($conn:expr, $sql:expr) => {
                    diesel::sql_query($sql)
                        .bind::<Text, _>(&day)
                        .bind::<Text, _>(delta.page)
                        .bind::<BigInt, _>(delta.page_views)
                        .bind::<BigInt, _>(delta.visitors)
                        .bind::<BigInt, _>(delta.flyer_visits)
                        .execute($conn)?
                };
            }
            // The same statement on both; SQLite numbers its parameters `?1`, PostgreSQL `$1`.
            match conn {
                DbConn::Sqlite(conn) => run!(conn, UPSERT.replace('$', "?")),
                DbConn::Pg(conn) => run!(conn, UPSERT),
            };
        }
        Ok(())
    })
}

/// One row of the log.
pub type VisitRow = (String, String, i64, i64, i64);

/// The rows of `from` to `to` (days included): day, page, page views, visitors, flyer visits.
pub fn rows(conn: &mut DbConn, from: NaiveDate, to: NaiveDate) -> QueryResult<Vec<VisitRow>> {
    visit_log::table
        .filter(visit_log::day.ge(from.to_string()))
        .filter(visit_log::day.le(to.to_string()))
        .select((
            visit_log::day,
            visit_log::page,
            visit_log::page_views,
            visit_log::visitors,
            visit_log::flyer_visits,
        ))
        .order((visit_log::day.asc(), visit_log::page.asc()))
        .load(conn)
}

/// Deletes the days older than [`KEEP_MONTHS`] months before `today`; the rows deleted.
pub fn purge(conn: &mut DbConn, today: NaiveDate) -> QueryResult<usize> {
    let Some(oldest) = today.checked_sub_months(Months::new(KEEP_MONTHS)) else {
        return Ok(0);
    };
    diesel::delete(visit_log::table.filter(visit_log::day.lt(oldest.to_string()))).execute(conn)
}
