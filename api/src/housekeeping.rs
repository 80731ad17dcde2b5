//! Housekeeping (issue 10): a round every `--housekeeping-seconds` (hourly by default), and
//! one at start, that deletes the anonymous baskets nobody touched for `--basket-days` and
//! releases the guest orders their shops did not confirm in time (their stock goes back on
//! sale). Every instance runs it: each step is safe when two servers (or two rounds) run it
//! at once, so nothing needs electing.

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
}

/// One round, now. The shoppers of released orders are told by e-mail (`notices`).
pub async fn round(pool: &DbPool, limits: &Limits, notices: &Notices) -> Result<Round, ApiError> {
    let days = i64::from(limits.basket_days.max(1));
    let notices = notices.clone();
    db::run(pool, move |conn| {
        let now = now();
        let baskets_purged = cart::purge_stale(conn, now - chrono::Duration::days(days))?;
        let orders_released = open_orders::release_unconfirmed(conn, now, &notices)?;
        Ok(Round {
            baskets_purged,
            orders_released,
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
                "housekeeping"
            ),
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "housekeeping round failed"),
        }
    }
}
