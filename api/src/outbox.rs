//! The outbox's worker: a task of every instance that, every `--outbox-poll-ms`, claims the
//! due messages under a lease (see [`outbox::claim`]), sends each, and records the outcome:
//! sent; refused for good (the address is remembered and gets no more mail); or failed, to
//! try again after a growing delay, until [`MAX_ATTEMPTS`].
//!
//! Only e-mails travel now. Webhooks (issue 17) will be a second [`Channel`] in the same
//! table: their rows written by the same transactions, claimed by the same query with their
//! own channel, delivered by an HTTP sender beside [`Smtp`], with their own schedule.

use std::time::Duration;

use crate::db::models::now;
use crate::db::models::outbox::{self, Channel, OutboxRow};
use crate::db::{self, DbPool};
use crate::error::ApiError;
use crate::mail::smtp::{Outcome, Smtp};
use crate::mail::{Email, MailSettings};

/// Attempts before a message is given up.
pub const MAX_ATTEMPTS: i32 = 10;
/// Messages one worker claims at a time.
const BATCH: i64 = 5;
/// How long a claim lasts: longer than a batch can take to send (each SMTP command times
/// out after 30 s), so no two workers hold one message at once.
const LEASE_MINUTES: i64 = 10;
/// How much longer each retry waits than the first: 1, 5, 30, 120, 300, then 600 times.
const BACKOFF: [u32; 6] = [1, 5, 30, 120, 300, 600];

/// The delay before the next attempt of a message that has failed `attempts` times, or
/// `None` when it has had all its attempts.
pub fn retry_delay(first: Duration, attempts: i32) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let step = usize::try_from(attempts.max(1) - 1).unwrap_or(0);
    Some(first * BACKOFF[step.min(BACKOFF.len() - 1)])
}

/// A worker of this process.
#[derive(Debug, Clone)]
pub struct Worker {
    pool: DbPool,
    smtp: Smtp,
    /// Names this worker's leases.
    owner: String,
    first_retry: Duration,
}

impl Worker {
    pub fn new(pool: DbPool, smtp: Smtp, settings: &MailSettings) -> Worker {
        Worker {
            pool,
            smtp,
            owner: uuid::Uuid::new_v4().simple().to_string(),
            first_retry: Duration::from_millis(settings.outbox_retry_ms),
        }
    }

    /// Sends what is due now; how many messages it tried.
    pub async fn round(&self) -> Result<usize, ApiError> {
        let owner = self.owner.clone();
        let batch = db::run(&self.pool, move |conn| {
            outbox::claim(
                conn,
                Channel::Email,
                &owner,
                now(),
                chrono::Duration::minutes(LEASE_MINUTES),
                BATCH,
            )
        })
        .await?;
        let tried = batch.len();
        for row in batch {
            self.deliver(row).await?;
        }
        Ok(tried)
    }

    async fn deliver(&self, row: OutboxRow) -> Result<(), ApiError> {
        let outcome = match serde_json::from_str::<Email>(&row.payload) {
            Ok(email) => self.smtp.send(&email, &row.message_id).await,
            Err(err) => Outcome::Refused(format!("unreadable message: {err}")),
        };
        let owner = self.owner.clone();
        let first_retry = self.first_retry;
        db::run(&self.pool, move |conn| {
            let now = now();
            match outcome {
                Outcome::Sent => {
                    outbox::mark_sent(conn, row.id, &owner, now)?;
                }
                Outcome::Refused(error) => {
                    tracing::warn!(id = row.id, recipient = %row.recipient, %error, "e-mail address refused");
                    db::write_transaction(conn, |conn| {
                        outbox::refuse(conn, &row.recipient, &error, now)?;
                        outbox::give_up(conn, row.id, &owner, &error)?;
                        Ok(())
                    })?;
                }
                Outcome::Failed(error) => match retry_delay(first_retry, row.attempts) {
                    Some(delay) => {
                        tracing::info!(id = row.id, attempts = row.attempts, %error, "e-mail not sent, will retry");
                        let at = now
                            + chrono::Duration::from_std(delay)
                                .unwrap_or(chrono::Duration::hours(1));
                        outbox::retry_at(conn, row.id, &owner, at, &error)?;
                    }
                    None => {
                        tracing::warn!(id = row.id, attempts = row.attempts, %error, "e-mail given up");
                        outbox::give_up(conn, row.id, &owner, &error)?;
                    }
                },
            }
            Ok(())
        })
        .await
    }

    /// Runs a round every `poll`, for as long as the server runs. A failed round is logged;
    /// the next one tries again.
    pub async fn run(self, poll: Duration) {
        let mut ticks = actix_web::rt::time::interval(poll.max(Duration::from_millis(10)));
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if let Err(err) = self.round().await {
                tracing::warn!(error = %err, "outbox round failed");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_and_longer_then_stop() {
        let minute = Duration::from_secs(60);
        assert_eq!(retry_delay(minute, 1), Some(minute));
        assert_eq!(retry_delay(minute, 2), Some(minute * 5));
        assert_eq!(retry_delay(minute, 4), Some(minute * 120));
        assert_eq!(retry_delay(minute, 9), Some(minute * 600));
        assert_eq!(retry_delay(minute, MAX_ATTEMPTS), None);
    }
}
