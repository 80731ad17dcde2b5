//! Housekeeping (issue 10): a round every `--housekeeping-seconds` (hourly by default), and
//! one at start, that deletes the anonymous baskets nobody touched for `--basket-days`,
//! releases the guest orders their shops did not confirm in time (their stock goes back on
//! sale), deletes the e-mail links expired for a week and the searches and visits logged
//! more than 25 months ago, anonymises the guests' orders kept past the association's
//! retention, and deletes the outbox's messages (e-mails, webhook deliveries) sent or given
//! up longer ago than the association's messages' retention (issue 15). Every instance runs it: each step is safe when two servers (or two
//! rounds) run it at once, so nothing needs electing.

use std::sync::Arc;
use std::time::Duration;

use crate::db::models::{cart, now, open_orders};
use crate::db::{self, DbPool};
use crate::error::ApiError;
use crate::limits::Limits;
use crate::mail::notices::Notices;

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    /// Anonymous baskets deleted.
    pub baskets_purged: usize,
    /// Guest orders cancelled and their stock put back.
    pub orders_released: usize,
    /// Guest orders anonymised after the retention period (issue 15).
    pub orders_anonymised: usize,
    /// Messages deleted from the outbox after their retention period (issue 15).
    pub messages_purged: usize,
}

/// One round, now. The shoppers of released orders are told by e-mail (`notices`).
pub async fn round(pool: &DbPool, limits: &Limits, notices: &Notices) -> Result<Round, ApiError> {
    let days = i64::from(limits.basket_days.max(1));
    let notices = notices.clone();
    db::run(pool, move |conn| {
        let now = now();
        let baskets_purged = cart::purge_stale(conn, now - chrono::Duration::days(days))?;
        let orders_released = open_orders::release_unconfirmed(conn, now, &notices)?;
        // E-mail links (issue 12): the links expired for a week go.
        crate::db::models::email_token::purge_expired(conn, now)?;
        // The dashboard (issue 13): the search log keeps 25 months.
        crate::db::models::search_log::purge(conn, crate::domain::stats::paris_day(now))?;
        // And the visit log too.
        crate::db::models::visit_log::purge(conn, crate::domain::stats::paris_day(now))?;
        // Personal data (issue 15): guests' orders past the retention period.
        let orders_anonymised = crate::db::write_transaction(conn, |conn| {
            crate::db::models::privacy::anonymise_old_guest_orders(conn, now)
        })?;
        // And the messages sent or given up past theirs.
        let messages_purged = crate::db::models::privacy::purge_old_messages(conn, now)?;
        Ok(Round {
            baskets_purged,
            orders_released,
            orders_anonymised,
            messages_purged,
        })
    })
    .await
}

/// Runs a round at once, then one every `--housekeeping-seconds`, for as long as the
/// server runs. A failed round is logged; the next one tries again.
pub async fn run(pool: DbPool, limits: Limits, notices: Arc<Notices>) {
    let period = Duration::from_secs(limits.housekeeping_seconds.max(1));
    let mut ticks = actix_web::rt::time::interval(period);
    loop {
        ticks.tick().await;
        match round(&pool, &limits, &notices).await {
            Ok(done) if done != Round::default() => tracing::info!(
                baskets_purged = done.baskets_purged,
                orders_released = done.orders_released,
                orders_anonymised = done.orders_anonymised,
                messages_purged = done.messages_purged,
                "housekeeping"
            ),
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "housekeeping round failed"),
        }
    }
}
