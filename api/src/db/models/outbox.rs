//! The outbox's rows: written inside the transaction of the change that causes them, claimed
//! by the workers of every instance under a lease, marked sent, retried or given up; read
//! back as the admins' mailbox; and deleted by housekeeping once sent or given up long ago.
//! The addresses mail servers refused for good.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use shared::mail::{MailState, MailSummary};

use crate::db::schema::{outbox, refused_addresses};
use crate::db::{DbConn, write_transaction};
use crate::domain::paging::Paging;
use crate::error::ApiError;

/// What travels: an e-mail now, a webhook delivery later (issue 17).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Webhook,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Webhook => "webhook",
        }
    }
}

/// A message to write with the change that causes it.
#[derive(Debug)]
pub struct NewMessage<'a> {
    pub channel: Channel,
    pub topic: &'a str,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub payload: &'a str,
    pub message_id: &'a str,
    /// `Pending` to send, `Held` to keep (no mail server configured).
    pub state: MailState,
}

/// Writes a message. Call inside the change's write transaction: the message exists if and
/// only if the change does.
pub fn insert(conn: &mut DbConn, message: &NewMessage, now: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(outbox::table)
        .values((
            outbox::channel.eq(message.channel.as_str()),
            outbox::topic.eq(message.topic),
            outbox::recipient.eq(message.recipient),
            outbox::subject.eq(message.subject),
            outbox::payload.eq(message.payload),
            outbox::message_id.eq(message.message_id),
            outbox::state.eq(message.state.as_str()),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(now),
            outbox::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Writes a message unless one with its Message-ID exists (`message_id` is unique): two
/// instances, or two ticks of the scheduler, writing the same scheduled message write it
/// once. Whether it was written.
pub fn insert_once(
    conn: &mut DbConn,
    message: &NewMessage,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let row = (
        outbox::channel.eq(message.channel.as_str()),
        outbox::topic.eq(message.topic),
        outbox::recipient.eq(message.recipient),
        outbox::subject.eq(message.subject),
        outbox::payload.eq(message.payload),
        outbox::message_id.eq(message.message_id),
        outbox::state.eq(message.state.as_str()),
        outbox::attempts.eq(0),
        outbox::next_attempt_at.eq(now),
        outbox::created_at.eq(now),
    );
    // An upsert does not compile on the combined connection: the same code on each.
    let written = match conn {
        DbConn::Pg(pg) => diesel::insert_into(outbox::table)
            .values(row)
            .on_conflict(outbox::message_id)
            .do_nothing()
            .execute(pg)?,
        DbConn::Sqlite(sqlite) => diesel::insert_into(outbox::table)
            .values(row)
            .on_conflict(outbox::message_id)
            .do_nothing()
            .execute(sqlite)?,
    };
    Ok(written == 1)
}

/// Whether a message with this Message-ID was written.
pub fn exists(conn: &mut DbConn, message_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        outbox::table.filter(outbox::message_id.eq(message_id)),
    ))
    .get_result(conn)
}

/// A message as the worker and the mailbox read it.
#[derive(Debug, Clone, Queryable)]
pub struct OutboxRow {
    pub id: i64,
    pub topic: String,
    pub recipient: String,
    pub subject: String,
    pub payload: String,
    pub message_id: String,
    pub state: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
}

type RowColumns = (
    outbox::id,
    outbox::topic,
    outbox::recipient,
    outbox::subject,
    outbox::payload,
    outbox::message_id,
    outbox::state,
    outbox::attempts,
    outbox::next_attempt_at,
    outbox::created_at,
    outbox::sent_at,
    outbox::last_error,
);

const ROW_COLUMNS: RowColumns = (
    outbox::id,
    outbox::topic,
    outbox::recipient,
    outbox::subject,
    outbox::payload,
    outbox::message_id,
    outbox::state,
    outbox::attempts,
    outbox::next_attempt_at,
    outbox::created_at,
    outbox::sent_at,
    outbox::last_error,
);

impl OutboxRow {
    pub fn summary(&self) -> MailSummary {
        let state = MailState::parse(&self.state).unwrap_or(MailState::Pending);
        MailSummary {
            id: self.id,
            state,
            recipient: self.recipient.clone(),
            subject: self.subject.clone(),
            topic: self.topic.clone(),
            created_at: super::shop::iso_time(self.created_at),
            sent_at: self.sent_at.map(super::shop::iso_time),
            attempts: self.attempts,
            next_attempt_at: (state == MailState::Pending)
                .then(|| super::shop::iso_time(self.next_attempt_at)),
            last_error: self.last_error.clone(),
        }
    }
}

/// Claims up to `limit` due messages of `channel` for `owner` until `now + lease`, counting
/// the attempt, and returns them oldest first. Due: pending, their next attempt has come,
/// and no live lease. On PostgreSQL the rows are picked `FOR UPDATE SKIP LOCKED`, so workers
/// of several instances claiming at once take different rows; once committed, the lease
/// keeps them from the others until it runs out (a worker that died mid-send: its messages
/// go out again after the lease, under the same Message-ID). SQLite has one writer at a
/// time and one instance.
///
/// Messages to an address refused meanwhile are given up here instead of being sent.
pub fn claim(
    conn: &mut DbConn,
    channel: Channel,
    owner: &str,
    now: NaiveDateTime,
    lease: Duration,
    limit: i64,
) -> Result<Vec<OutboxRow>, ApiError> {
    write_transaction(conn, |conn| {
        let due = outbox::table
            .filter(outbox::channel.eq(channel.as_str()))
            .filter(outbox::state.eq(MailState::Pending.as_str()))
            .filter(outbox::next_attempt_at.le(now))
            .filter(
                outbox::lease_until
                    .is_null()
                    .or(outbox::lease_until.lt(now)),
            )
            .order(outbox::id.asc())
            .limit(limit)
            .select(outbox::id);
        let ids: Vec<i64> = match conn {
            DbConn::Pg(pg) => due.for_update().skip_locked().load(pg)?,
            DbConn::Sqlite(sqlite) => due.load(sqlite)?,
        };
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
            .set((
                outbox::lease_until.eq(now + lease),
                outbox::lease_owner.eq(owner),
                outbox::attempts.eq(outbox::attempts + 1),
            ))
            .execute(conn)?;
        let rows: Vec<OutboxRow> = outbox::table
            .filter(outbox::id.eq_any(&ids))
            .order(outbox::id.asc())
            .select(ROW_COLUMNS)
            .load(conn)?;
        let mut claimed = Vec::with_capacity(rows.len());
        for row in rows {
            if channel == Channel::Email && is_refused(conn, &row.recipient)? {
                give_up_in(
                    conn,
                    row.id,
                    owner,
                    "address refused earlier by the mail server",
                )?;
            } else {
                claimed.push(row);
            }
        }
        Ok(claimed)
    })
}

/// The worker's message was accepted: sent (the error of an earlier attempt stays, for the
/// mailbox). `false` if its lease was lost meanwhile
/// (another worker took it after the lease ran out, and that one records the outcome).
pub fn mark_sent(conn: &mut DbConn, id: i64, owner: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::lease_owner.eq(owner)),
    )
    .set((
        outbox::state.eq(MailState::Sent.as_str()),
        outbox::sent_at.eq(now),
        outbox::lease_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// The attempt failed for a reason that may pass: try again at `at`.
pub fn retry_at(
    conn: &mut DbConn,
    id: i64,
    owner: &str,
    at: NaiveDateTime,
    error: &str,
) -> QueryResult<bool> {
    let changed = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::lease_owner.eq(owner)),
    )
    .set((
        outbox::next_attempt_at.eq(at),
        outbox::lease_until.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(error),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Given up for good: the recipient was refused, or every attempt failed.
pub fn give_up(conn: &mut DbConn, id: i64, owner: &str, error: &str) -> QueryResult<bool> {
    give_up_in(conn, id, owner, error)
}

fn give_up_in(conn: &mut DbConn, id: i64, owner: &str, error: &str) -> QueryResult<bool> {
    let changed = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::lease_owner.eq(owner)),
    )
    .set((
        outbox::state.eq(MailState::Failed.as_str()),
        outbox::lease_until.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(error),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Deletes the messages written before `before` that are done with: sent, given up, or held
/// (written while no mail server was configured: they never leave, and the mailbox's copy
/// holds personal data like any other); a webhook delivery's attempts go with it. Those
/// waiting for a (new) attempt are kept. How many.
pub fn purge_done(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(outbox::table.filter(outbox::created_at.lt(before)).filter(
        outbox::state.eq_any([
            MailState::Sent.as_str(),
            MailState::Failed.as_str(),
            MailState::Held.as_str(),
        ]),
    ))
    .execute(conn)
}

/// How an address is kept in the refused list: trimmed, lower case.
fn address_key(address: &str) -> String {
    address.trim().to_lowercase()
}

/// Whether a mail server refused this address for good.
pub fn is_refused(conn: &mut DbConn, address: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        refused_addresses::table.filter(refused_addresses::address.eq(address_key(address))),
    ))
    .get_result(conn)
}

/// Records that a mail server refused this address for good (the first refusal is kept).
pub fn refuse(
    conn: &mut DbConn,
    address: &str,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let row = (
        refused_addresses::address.eq(address_key(address)),
        refused_addresses::refused_at.eq(now),
        refused_addresses::reason.eq(reason),
    );
    // An upsert does not compile on the combined connection: the same code on each.
    match conn {
        DbConn::Pg(pg) => diesel::insert_into(refused_addresses::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(pg)?,
        DbConn::Sqlite(sqlite) => diesel::insert_into(refused_addresses::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(sqlite)?,
    };
    Ok(())
}

/// The e-mails, newest first, optionally in one state; and how many there are.
pub fn list_mail(
    conn: &mut DbConn,
    state: Option<MailState>,
    paging: Paging,
) -> QueryResult<(Vec<OutboxRow>, i64)> {
    let filtered = || {
        let mut query = outbox::table
            .filter(outbox::channel.eq(Channel::Email.as_str()))
            .into_boxed::<super::Db>();
        if let Some(state) = state {
            query = query.filter(outbox::state.eq(state.as_str()));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order(outbox::id.desc())
        .offset(paging.offset())
        .limit(paging.limit())
        .select(ROW_COLUMNS)
        .load(conn)?;
    Ok((rows, total))
}

/// One e-mail.
pub fn find_mail(conn: &mut DbConn, id: i64) -> QueryResult<Option<OutboxRow>> {
    outbox::table
        .filter(outbox::id.eq(id))
        .filter(outbox::channel.eq(Channel::Email.as_str()))
        .select(ROW_COLUMNS)
        .first(conn)
        .optional()
}
