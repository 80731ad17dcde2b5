//! The catalogue's searches (issue 13), counted per Europe/Paris day and normalised query,
//! with nothing about who searched: one upsert per search, the top searches of a period,
//! and the deletion of the days older than 25 months.

use chrono::{Months, NaiveDate};
use diesel::dsl::sum;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use shared::stats::{SearchFigures, SearchesTile};

use crate::db::DbConn;
use crate::db::schema::search_log;

/// How long the search log keeps a day.
pub const KEEP_MONTHS: u32 = 25;

/// Searches listed in each top list.
pub const TOP: i64 = 20;

/// Counts one search of `query` (normalised) on `day` that found `results`: one statement,
/// so concurrent searches of the same words on several servers all count.
pub fn record(conn: &mut DbConn, day: NaiveDate, query: &str, results: u32) -> QueryResult<()> {
    const UPSERT: &str = "INSERT INTO search_log (day, query, searches, empty_searches, results) \
         VALUES ($1, $2, 1, $3, $4) \
         ON CONFLICT (day, query) DO UPDATE SET \
           searches = search_log.searches + 1, \
           empty_searches = search_log.empty_searches + excluded.empty_searches, \
           results = excluded.results";
    let day = day.to_string();
    let empty = i32::from(results == 0);
    let results = i32::try_from(results).unwrap_or(i32::MAX);
    macro_rules! run {
        ($conn:expr, $sql:expr) => {
            diesel::sql_query($sql)
                .bind::<Text, _>(&day)
                .bind::<Text, _>(query)
                .bind::<Integer, _>(empty)
                .bind::<Integer, _>(results)
                .execute($conn)?
        };
    }
    // The same statement on both; SQLite numbers its parameters `?1`, PostgreSQL `$1`.
    match conn {
        DbConn::Sqlite(conn) => run!(conn, UPSERT.replace('$', "?")),
        DbConn::Pg(conn) => run!(conn, UPSERT),
    };
    Ok(())
}

/// Deletes the days older than [`KEEP_MONTHS`] months before `today`; the rows deleted.
pub fn purge(conn: &mut DbConn, today: NaiveDate) -> QueryResult<usize> {
    let Some(oldest) = today.checked_sub_months(Months::new(KEEP_MONTHS)) else {
        return Ok(0);
    };
    diesel::delete(search_log::table.filter(search_log::day.lt(oldest.to_string()))).execute(conn)
}

fn whole(value: Option<i64>) -> u32 {
    u32::try_from(value.unwrap_or(0)).unwrap_or(u32::MAX)
}

/// The searches of `from` to `to` (days included): totals, the most frequent, and the
/// most frequent of those that found nothing.
pub fn tile(conn: &mut DbConn, from: NaiveDate, to: NaiveDate) -> QueryResult<SearchesTile> {
    let (from, to) = (from.to_string(), to.to_string());
    let in_period = || {
        search_log::table
            .filter(search_log::day.ge(from.clone()))
            .filter(search_log::day.le(to.clone()))
    };
    let (searches, empty_searches): (Option<i64>, Option<i64>) = in_period()
        .select((sum(search_log::searches), sum(search_log::empty_searches)))
        .first(conn)?;
    let top: Vec<(String, Option<i64>, Option<i64>)> = in_period()
        .group_by(search_log::query)
        .select((
            search_log::query,
            sum(search_log::searches),
            sum(search_log::empty_searches),
        ))
        .order((sum(search_log::searches).desc(), search_log::query.asc()))
        .limit(TOP)
        .load(conn)?;
    let top_empty: Vec<(String, Option<i64>, Option<i64>)> = in_period()
        .filter(search_log::empty_searches.gt(0))
        .group_by(search_log::query)
        .select((
            search_log::query,
            sum(search_log::searches),
            sum(search_log::empty_searches),
        ))
        .order((
            sum(search_log::empty_searches).desc(),
            search_log::query.asc(),
        ))
        .limit(TOP)
        .load(conn)?;
    // What each listed search found the last day of the period it was made.
    let mut queries: Vec<&str> = top.iter().map(|(q, _, _)| q.as_str()).collect();
    queries.extend(top_empty.iter().map(|(q, _, _)| q.as_str()));
    let latest: Vec<(String, String, i32)> = in_period()
        .filter(search_log::query.eq_any(&queries))
        .select((search_log::query, search_log::day, search_log::results))
        .order((search_log::query.asc(), search_log::day.desc()))
        .load(conn)?;
    let results_of = |query: &str| {
        latest
            .iter()
            .find(|(q, _, _)| q == query)
            .map_or(0, |(_, _, results)| u32::try_from(*results).unwrap_or(0))
    };
    let figures = |rows: &[(String, Option<i64>, Option<i64>)]| -> Vec<SearchFigures> {
        rows.iter()
            .map(|(query, searches, empty)| SearchFigures {
                query: query.clone(),
                searches: whole(*searches),
                empty_searches: whole(*empty),
                results: results_of(query),
            })
            .collect()
    };
    Ok(SearchesTile {
        searches: whole(searches),
        empty_searches: whole(empty_searches),
        top: figures(&top),
        top_empty: figures(&top_empty),
    })
}
