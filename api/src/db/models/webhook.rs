//! Webhook endpoints and their delivery log (issue 17). An endpoint belongs to a shop, or
//! to the association when `shop_id` is NULL; its events travel through the outbox (channel
//! `webhook`, recipient the endpoint's id).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use shared::mail::MailState;
use shared::webhooks::{DeliveryState, WebhookAttempt, WebhookEndpoint, WebhookEvent};

use super::shop::iso_time;
use crate::db::DbConn;
use crate::db::models::outbox::Channel;
use crate::db::schema::{outbox, webhook_attempts, webhook_endpoints};
use crate::domain::paging::Paging;

/// How long the previous secret still signs after a rotation.
pub const ROTATION_OVERLAP_HOURS: i64 = 24;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_endpoints)]
pub struct EndpointRow {
    pub id: i64,
    pub shop_id: Option<i64>,
    pub url: String,
    pub events: String,
    pub description: String,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<NaiveDateTime>,
    pub disabled_at: Option<NaiveDateTime>,
    pub disabled_reason: Option<String>,
    pub failing_since: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

impl EndpointRow {
    pub fn events(&self) -> Vec<WebhookEvent> {
        self.events
            .split_whitespace()
            .filter_map(WebhookEvent::parse)
            .collect()
    }

    pub fn receives(&self, event: WebhookEvent) -> bool {
        self.events.split_whitespace().any(|e| e == event.as_str())
    }

    /// The secrets that sign at `now`: the current one, and the previous one during a
    /// rotation's overlap.
    pub fn live_secrets(&self, now: NaiveDateTime) -> Vec<&str> {
        let mut secrets = vec![self.secret.as_str()];
        if let (Some(previous), Some(until)) = (&self.previous_secret, self.previous_secret_until)
            && until > now
        {
            secrets.push(previous);
        }
        secrets
    }
}

impl From<EndpointRow> for WebhookEndpoint {
    fn from(row: EndpointRow) -> WebhookEndpoint {
        WebhookEndpoint {
            id: row.id,
            events: row.events(),
            url: row.url,
            description: row.description,
            enabled: row.disabled_at.is_none(),
            disabled_at: row.disabled_at.map(iso_time),
            disabled_reason: row.disabled_reason,
            failing_since: row.failing_since.map(iso_time),
            previous_secret_until: row
                .previous_secret_until
                .filter(|until| *until > super::now())
                .map(iso_time),
            created_at: iso_time(row.created_at),
        }
    }
}

/// The events, as stored: space-separated, each once, in a fixed order.
pub fn events_text(events: &[WebhookEvent]) -> String {
    let mut events = events.to_vec();
    events.sort();
    events.dedup();
    events
        .iter()
        .map(|e| e.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

pub struct NewEndpoint<'a> {
    pub shop_id: Option<i64>,
    pub url: &'a str,
    pub events: &'a [WebhookEvent],
    pub description: &'a str,
    pub secret: &'a str,
}

pub fn insert(conn: &mut DbConn, new: &NewEndpoint, now: NaiveDateTime) -> QueryResult<i64> {
    diesel::insert_into(webhook_endpoints::table)
        .values((
            webhook_endpoints::shop_id.eq(new.shop_id),
            webhook_endpoints::url.eq(new.url),
            webhook_endpoints::events.eq(events_text(new.events)),
            webhook_endpoints::description.eq(new.description),
            webhook_endpoints::secret.eq(new.secret),
            webhook_endpoints::created_at.eq(now),
        ))
        .returning(webhook_endpoints::id)
        .get_result(conn)
}

/// The endpoints of one owner (a shop, or the association with `None`), oldest first.
pub fn list(conn: &mut DbConn, shop_id: Option<i64>) -> QueryResult<Vec<EndpointRow>> {
    let query = webhook_endpoints::table
        .select(EndpointRow::as_select())
        .order(webhook_endpoints::id.asc())
        .into_boxed::<super::Db>();
    match shop_id {
        Some(id) => query.filter(webhook_endpoints::shop_id.eq(id)).load(conn),
        None => query
            .filter(webhook_endpoints::shop_id.is_null())
            .load(conn),
    }
}

/// One endpoint of this owner.
pub fn find_owned(
    conn: &mut DbConn,
    shop_id: Option<i64>,
    id: i64,
) -> QueryResult<Option<EndpointRow>> {
    let query = webhook_endpoints::table
        .filter(webhook_endpoints::id.eq(id))
        .select(EndpointRow::as_select())
        .into_boxed::<super::Db>();
    let query = match shop_id {
        Some(shop) => query.filter(webhook_endpoints::shop_id.eq(shop)),
        None => query.filter(webhook_endpoints::shop_id.is_null()),
    };
    query.first(conn).optional()
}

/// One endpoint, whoever owns it (the worker).
pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<EndpointRow>> {
    webhook_endpoints::table
        .find(id)
        .select(EndpointRow::as_select())
        .first(conn)
        .optional()
}

/// The enabled endpoints told of `event` in `shop_id`: the shop's own, and the
/// association's (which hear of every shop).
pub fn subscribers(
    conn: &mut DbConn,
    shop_id: Option<i64>,
    event: WebhookEvent,
) -> QueryResult<Vec<EndpointRow>> {
    let query = webhook_endpoints::table
        .filter(webhook_endpoints::disabled_at.is_null())
        .select(EndpointRow::as_select())
        .order(webhook_endpoints::id.asc())
        .into_boxed::<super::Db>();
    let rows = match shop_id {
        Some(id) => query
            .filter(
                webhook_endpoints::shop_id
                    .eq(id)
                    .or(webhook_endpoints::shop_id.is_null()),
            )
            .load(conn)?,
        None => query
            .filter(webhook_endpoints::shop_id.is_null())
            .load(conn)?,
    };
    Ok(rows.into_iter().filter(|row| row.receives(event)).collect())
}

/// The changes a request asks for; `None` leaves a column alone.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = webhook_endpoints)]
pub struct EndpointChanges {
    pub url: Option<String>,
    pub events: Option<String>,
    pub description: Option<String>,
    pub disabled_at: Option<Option<NaiveDateTime>>,
    pub disabled_reason: Option<Option<String>>,
    pub failing_since: Option<Option<NaiveDateTime>>,
}

pub fn update(conn: &mut DbConn, id: i64, changes: &EndpointChanges) -> QueryResult<usize> {
    if changes.url.is_none()
        && changes.events.is_none()
        && changes.description.is_none()
        && changes.disabled_at.is_none()
        && changes.disabled_reason.is_none()
        && changes.failing_since.is_none()
    {
        return Ok(0);
    }
    diesel::update(webhook_endpoints::table.find(id))
        .set(changes)
        .execute(conn)
}

/// A new secret; the current one keeps signing for [`ROTATION_OVERLAP_HOURS`].
pub fn rotate(conn: &mut DbConn, id: i64, secret: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(webhook_endpoints::table.find(id))
        .set((
            webhook_endpoints::previous_secret.eq(webhook_endpoints::secret.nullable()),
            webhook_endpoints::previous_secret_until
                .eq(now + Duration::hours(ROTATION_OVERLAP_HOURS)),
            webhook_endpoints::secret.eq(secret),
        ))
        .execute(conn)
}

pub fn delete(conn: &mut DbConn, id: i64) -> QueryResult<usize> {
    diesel::delete(webhook_endpoints::table.find(id)).execute(conn)
}

/// Stops deliveries to an endpoint, unless already stopped.
pub fn disable(conn: &mut DbConn, id: i64, reason: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        webhook_endpoints::table
            .find(id)
            .filter(webhook_endpoints::disabled_at.is_null()),
    )
    .set((
        webhook_endpoints::disabled_at.eq(now),
        webhook_endpoints::disabled_reason.eq(reason),
    ))
    .execute(conn)
}

/// A failure: the endpoint has been failing since `now` unless it already was. When it
/// started failing.
pub fn note_failure(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<NaiveDateTime> {
    diesel::update(
        webhook_endpoints::table
            .find(id)
            .filter(webhook_endpoints::failing_since.is_null()),
    )
    .set(webhook_endpoints::failing_since.eq(now))
    .execute(conn)?;
    let since: Option<NaiveDateTime> = webhook_endpoints::table
        .find(id)
        .select(webhook_endpoints::failing_since)
        .first(conn)?;
    Ok(since.unwrap_or(now))
}

/// A success: the endpoint is failing no more.
pub fn note_success(conn: &mut DbConn, id: i64) -> QueryResult<usize> {
    diesel::update(
        webhook_endpoints::table
            .find(id)
            .filter(webhook_endpoints::failing_since.is_not_null()),
    )
    .set(webhook_endpoints::failing_since.eq(None::<NaiveDateTime>))
    .execute(conn)
}

/// One attempt, for the log.
pub struct NewAttempt<'a> {
    pub endpoint_id: i64,
    pub outbox_id: i64,
    pub attempt: i32,
    pub attempted_at: NaiveDateTime,
    pub status: Option<i32>,
    pub duration_ms: i64,
    pub response_excerpt: &'a str,
}

pub fn record_attempt(conn: &mut DbConn, attempt: &NewAttempt) -> QueryResult<()> {
    diesel::insert_into(webhook_attempts::table)
        .values((
            webhook_attempts::endpoint_id.eq(attempt.endpoint_id),
            webhook_attempts::outbox_id.eq(attempt.outbox_id),
            webhook_attempts::attempt.eq(attempt.attempt),
            webhook_attempts::attempted_at.eq(attempt.attempted_at),
            webhook_attempts::status.eq(attempt.status),
            webhook_attempts::duration_ms.eq(attempt.duration_ms),
            webhook_attempts::response_excerpt.eq(attempt.response_excerpt),
        ))
        .execute(conn)?;
    Ok(())
}

type AttemptColumns = (
    webhook_attempts::id,
    outbox::message_id,
    outbox::topic,
    webhook_attempts::attempt,
    webhook_attempts::attempted_at,
    webhook_attempts::status,
    webhook_attempts::duration_ms,
    webhook_attempts::response_excerpt,
    outbox::state,
);

const ATTEMPT_COLUMNS: AttemptColumns = (
    webhook_attempts::id,
    outbox::message_id,
    outbox::topic,
    webhook_attempts::attempt,
    webhook_attempts::attempted_at,
    webhook_attempts::status,
    webhook_attempts::duration_ms,
    webhook_attempts::response_excerpt,
    outbox::state,
);

type AttemptTuple = (
    i64,
    String,
    String,
    i32,
    NaiveDateTime,
    Option<i32>,
    i64,
    String,
    String,
);

fn attempt_of(row: AttemptTuple) -> WebhookAttempt {
    let (id, message_id, event_type, attempt, at, status, duration_ms, excerpt, state) = row;
    WebhookAttempt {
        id,
        message_id,
        event_type,
        attempt,
        attempted_at: iso_time(at),
        status,
        duration_ms,
        response_excerpt: excerpt,
        delivery_state: match MailState::parse(&state) {
            Some(MailState::Sent) => DeliveryState::Sent,
            Some(MailState::Failed) => DeliveryState::Failed,
            _ => DeliveryState::Pending,
        },
    }
}

/// The endpoint's log, newest first, and how many attempts it holds.
pub fn attempts(
    conn: &mut DbConn,
    endpoint_id: i64,
    paging: Paging,
) -> QueryResult<(Vec<WebhookAttempt>, i64)> {
    let total: i64 = webhook_attempts::table
        .filter(webhook_attempts::endpoint_id.eq(endpoint_id))
        .count()
        .get_result(conn)?;
    let rows: Vec<AttemptTuple> = webhook_attempts::table
        .inner_join(outbox::table)
        .filter(webhook_attempts::endpoint_id.eq(endpoint_id))
        .order(webhook_attempts::id.desc())
        .offset(paging.offset())
        .limit(paging.limit())
        .select(ATTEMPT_COLUMNS)
        .load(conn)?;
    Ok((rows.into_iter().map(attempt_of).collect(), total))
}

/// Sends one event of this endpoint again, from its first attempt; how many (0 or 1).
pub fn replay_one(
    conn: &mut DbConn,
    endpoint_id: i64,
    message_id: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let ids: Vec<i64> = of_endpoint(endpoint_id)
        .filter(outbox::message_id.eq(message_id))
        .select(outbox::id)
        .load(conn)?;
    replay(conn, &ids, now)
}

/// Sends again every event of this endpoint created since `since`; how many.
pub fn replay_since(
    conn: &mut DbConn,
    endpoint_id: i64,
    since: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let ids: Vec<i64> = of_endpoint(endpoint_id)
        .filter(outbox::created_at.ge(since))
        .select(outbox::id)
        .load(conn)?;
    replay(conn, &ids, now)
}

/// The endpoint's deliveries that are not on their way (sent or given up).
fn of_endpoint(endpoint_id: i64) -> outbox::BoxedQuery<'static, super::Db> {
    outbox::table
        .filter(outbox::channel.eq(Channel::Webhook.as_str()))
        .filter(outbox::recipient.eq(endpoint_id.to_string()))
        .filter(outbox::state.ne(MailState::Pending.as_str()))
        .into_boxed()
}

fn replay(conn: &mut DbConn, ids: &[i64], now: NaiveDateTime) -> QueryResult<usize> {
    if ids.is_empty() {
        return Ok(0);
    }
    diesel::update(outbox::table.filter(outbox::id.eq_any(ids)))
        .set((
            outbox::state.eq(MailState::Pending.as_str()),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(now),
            outbox::lease_until.eq(None::<NaiveDateTime>),
            outbox::sent_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
}
