//! The webhooks' worker: a task of every instance that, every `--webhook-poll-ms`, claims
//! the due deliveries of the outbox's `webhook` channel under a lease (the same claim as
//! e-mails: `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several instances post each event
//! once), posts each signed, logs the attempt, and records the outcome: sent on a 2xx;
//! the endpoint disabled on a 410 or after five days of failures; otherwise a retry on the
//! [`schedule`](super::schedule).
//!
//! A crash between the post and the record sends the delivery again after the lease, under
//! the same `webhook-id`, which the receiver uses to drop the copy.

use std::time::Duration;

use chrono::NaiveDateTime;

use super::schedule::{self, DISABLE_AFTER_DAYS};
use super::sender::{Answer, Sender};
use super::signing;
use crate::db::models::now;
use crate::db::models::outbox::{self, Channel, OutboxRow};
use crate::db::models::webhook::{self, NewAttempt};
use crate::db::{self, DbPool, write_transaction};
use crate::error::ApiError;

/// Deliveries one worker claims at a time.
const BATCH: i64 = 5;
/// How long a claim lasts: longer than a batch can take (15 s each at most).
const LEASE_MINUTES: i64 = 3;

#[derive(Debug, Clone)]
pub struct Worker {
    pool: DbPool,
    sender: Sender,
    owner: String,
}

impl Worker {
    pub fn new(pool: DbPool, sender: Sender) -> Worker {
        Worker {
            pool,
            sender,
            owner: uuid::Uuid::new_v4().simple().to_string(),
        }
    }

    /// Posts what is due now; how many deliveries it tried.
    pub async fn round(&self) -> Result<usize, ApiError> {
        let owner = self.owner.clone();
        let batch = db::run(&self.pool, move |conn| {
            outbox::claim(
                conn,
                Channel::Webhook,
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
        let endpoint_id = row.recipient.parse::<i64>().unwrap_or(0);
        let endpoint = db::run(&self.pool, move |conn| {
            Ok(webhook::find(conn, endpoint_id)?)
        })
        .await?
        .filter(|endpoint| endpoint.disabled_at.is_none());
        let owner = self.owner.clone();
        let Some(endpoint) = endpoint else {
            return db::run(&self.pool, move |conn| {
                outbox::give_up(conn, row.id, &owner, "the endpoint is disabled or deleted")?;
                Ok(())
            })
            .await;
        };
        let started = now();
        let timestamp = started.and_utc().timestamp();
        let signature = signing::signature_header(
            &endpoint.live_secrets(started),
            &row.message_id,
            timestamp,
            &row.payload,
        );
        let answer = self
            .sender
            .post(
                &endpoint.url,
                &row.message_id,
                timestamp,
                &signature,
                row.payload.clone(),
            )
            .await;
        db::run(&self.pool, move |conn| {
            write_transaction(conn, |conn| {
                record(conn, &row, endpoint.id, &owner, started, &answer)
            })
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
                tracing::warn!(error = %err, "webhooks round failed");
            }
        }
    }
}

/// Logs the attempt and decides what follows it. The retry is planned from the attempt's
/// start, so the log shows the schedule exactly.
fn record(
    conn: &mut db::DbConn,
    row: &OutboxRow,
    endpoint_id: i64,
    owner: &str,
    started: NaiveDateTime,
    answer: &Answer,
) -> Result<(), ApiError> {
    webhook::record_attempt(
        conn,
        &NewAttempt {
            endpoint_id,
            outbox_id: row.id,
            attempt: row.attempts,
            attempted_at: started,
            status: answer.status.map(i32::from),
            duration_ms: i64::try_from(answer.duration.as_millis()).unwrap_or(i64::MAX),
            response_excerpt: &answer.excerpt,
        },
    )?;
    let error = match answer.status {
        Some(status) => format!("HTTP {status}"),
        None => answer.excerpt.clone(),
    };
    match answer.status {
        Some(200..=299) => {
            outbox::mark_sent(conn, row.id, owner, now())?;
            webhook::note_success(conn, endpoint_id)?;
        }
        Some(410) => {
            tracing::info!(endpoint_id, "webhook endpoint answered 410 Gone: disabled");
            outbox::give_up(conn, row.id, owner, &error)?;
            webhook::disable(conn, endpoint_id, "the endpoint answered 410 Gone", started)?;
        }
        status => {
            let since = webhook::note_failure(conn, endpoint_id, started)?;
            if started - since >= chrono::Duration::days(DISABLE_AFTER_DAYS) {
                tracing::warn!(endpoint_id, "webhook endpoint failing for 5 days: disabled");
                outbox::give_up(conn, row.id, owner, &error)?;
                webhook::disable(
                    conn,
                    endpoint_id,
                    "every delivery failed for 5 days",
                    started,
                )?;
                return Ok(());
            }
            let asked = match status {
                Some(429 | 503) => answer
                    .retry_after
                    .as_deref()
                    .and_then(|v| schedule::parse_retry_after(v, started.and_utc())),
                _ => None,
            };
            match schedule::next_delay(row.attempts, asked) {
                Some(delay) => {
                    let at = started
                        + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(1));
                    outbox::retry_at(conn, row.id, owner, at, &error)?;
                }
                None => {
                    outbox::give_up(conn, row.id, owner, &error)?;
                }
            }
        }
    }
    Ok(())
}
