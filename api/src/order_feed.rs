//! The live orders inbox: new history entries of orders, pushed to the shops' open
//! server-sent-event streams.
//!
//! The database is the only source: any instance (or a script) that writes an order's
//! history is seen by every instance. One poller per process reads the entries with ids
//! above its cursor every [`POLL_INTERVAL`] and broadcasts them in batches to the streams
//! of that process, which keep the entries of their own shop. The poller runs only while
//! some stream is open.
//!
//! Entries become visible in id order (see `order::record_event`), so a cursor (an entry
//! id) says exactly what a stream has seen. Each batch carries the cursor it was read
//! after; a stream whose own cursor is behind it (it started before the poller did, it
//! lagged, or it resumed from a `Last-Event-ID`) first reads what it missed of its shop
//! from the database. Delivery is at least once: an entry may come twice across a
//! reconnection, never not at all; its id tells them apart.
//!
//! Streams are bounded ([`STREAMS_PER_SHOP`], [`STREAMS_IN_TOTAL`]: beyond, 503 with
//! `Retry-After`), a resumed stream replays at most [`REPLAY_HOURS`], and a stream ends
//! when its caller may no longer follow it: the access token expires, or, checked on every
//! batch and every heartbeat, the API key is revoked, the account suspended or taken off
//! the shop.

use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use actix_web::body::{BodySize, MessageBody};
use actix_web::rt::time::{sleep, timeout};
use actix_web::web::Bytes;
use futures_util::future::{Either, select};
use tokio::sync::{broadcast, watch};

use crate::db::models::order::{self, FeedRow};
use crate::db::{self, DbConn, DbPool};
use crate::error::ApiError;

/// How often the poller reads new entries.
pub const POLL_INTERVAL: Duration = Duration::from_secs(1);
/// How long a quiet stream waits before sending a comment, so proxies and the browser
/// keep the connection open.
pub const HEARTBEAT: Duration = Duration::from_secs(15);
/// Most entries read at once.
const BATCH: i64 = 500;
/// Batches a slow stream may fall behind before it reads from the database instead.
const CHANNEL_CAPACITY: usize = 64;
/// Streams one shop may hold open at once (the counter, a tablet, the owner's phone...).
pub const STREAMS_PER_SHOP: usize = 10;
/// Streams one server holds open at once, all shops together.
pub const STREAMS_IN_TOTAL: usize = 500;
/// How far back a `Last-Event-ID` replays: a stream resuming from older loses nothing a
/// shop still needs (its inbox lists every order) and cannot make the server read years.
pub const REPLAY_HOURS: i64 = 24;
/// How long a refused stream should wait before trying again.
const RETRY_AFTER_SECONDS: u64 = 30;

/// Whether the stream's caller may still follow the shop (an API key not revoked, an
/// account not suspended and still running the shop), read from the database.
pub type StillAllowed = Arc<dyn Fn(&mut DbConn) -> Result<bool, ApiError> + Send + Sync>;

/// A place among the open streams, given back when the stream ends.
pub struct StreamSlot {
    feed: Arc<OrderFeed>,
    shop_id: i64,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut open = self.feed.open.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.shop_id) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                open.remove(&self.shop_id);
            }
        }
    }
}

/// The entries with ids in `(after, upto]`, of every shop.
#[derive(Debug)]
pub struct Batch {
    pub after: i64,
    pub upto: i64,
    pub rows: Vec<FeedRow>,
}

/// One per application: the broadcast, and whether its poller runs.
pub struct OrderFeed {
    sender: broadcast::Sender<Arc<Batch>>,
    running: Mutex<bool>,
    /// Open streams per shop.
    open: Mutex<HashMap<i64, usize>>,
    /// Set when the server stops: every stream ends, so that the browsers reconnect (to the
    /// next instance) at once instead of holding the stop for its whole grace period.
    closing: watch::Sender<bool>,
}

impl Default for OrderFeed {
    fn default() -> OrderFeed {
        OrderFeed::new()
    }
}

impl OrderFeed {
    pub fn new() -> OrderFeed {
        OrderFeed {
            sender: broadcast::Sender::new(CHANNEL_CAPACITY),
            running: Mutex::new(false),
            open: Mutex::new(HashMap::new()),
            closing: watch::Sender::new(false),
        }
    }

    /// Ends every open stream (the server is stopping).
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// A place for one more stream of the shop, or 503 `busy` when the shop or the server
    /// already holds as many as it may.
    pub fn admit(self: &Arc<Self>, shop_id: i64) -> Result<StreamSlot, ApiError> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let total: usize = open.values().sum();
        let here = open.get(&shop_id).copied().unwrap_or(0);
        if here >= STREAMS_PER_SHOP || total >= STREAMS_IN_TOTAL {
            return Err(ApiError::RetryLater {
                busy: true,
                retry_after: RETRY_AFTER_SECONDS,
                detail: format!(
                    "this shop already has {here} live inboxes open (at most \
                     {STREAMS_PER_SHOP}), or the server is at its limit: close one, or retry"
                ),
            });
        }
        *open.entry(shop_id).or_default() += 1;
        Ok(StreamSlot {
            feed: Arc::clone(self),
            shop_id,
        })
    }

    /// Listens to the batches, starting the poller if it is not running.
    pub fn subscribe(self: &Arc<Self>, pool: &DbPool) -> broadcast::Receiver<Arc<Batch>> {
        let mut running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        let receiver = self.sender.subscribe();
        if !*running {
            *running = true;
            let feed = Arc::clone(self);
            let pool = pool.clone();
            actix_web::rt::spawn(async move { feed.poll(pool).await });
        }
        receiver
    }

    /// Reads and broadcasts new entries until no stream listens.
    async fn poll(&self, pool: DbPool) {
        let mut cursor: Option<i64> = None;
        loop {
            {
                let mut running = self.running.lock().unwrap_or_else(|e| e.into_inner());
                if self.sender.receiver_count() == 0 {
                    *running = false;
                    return;
                }
            }
            let after = cursor;
            let read = db::run(&pool, move |conn| match after {
                None => Ok((order::last_event_id(conn)?, Vec::new())),
                Some(after) => Ok((after, order::events_after(conn, after, None, BATCH)?)),
            })
            .await;
            match read {
                Ok((after, rows)) if rows.is_empty() => cursor = Some(after),
                Ok((after, rows)) => {
                    let upto = rows.last().map_or(after, |row| row.id);
                    cursor = Some(upto);
                    // No receiver is not an error: the next round stops the poller.
                    let _ = self.sender.send(Arc::new(Batch { after, upto, rows }));
                }
                Err(err) => tracing::warn!(error = %err, "the orders feed cannot read"),
            }
            sleep(POLL_INTERVAL).await;
        }
    }
}

/// One shop's stream: what it has sent, and what it still has to.
pub struct ShopStream {
    pool: DbPool,
    shop_id: i64,
    receiver: broadcast::Receiver<Arc<Batch>>,
    /// Every entry up to this id was sent, or is not this shop's.
    cursor: i64,
    queued: VecDeque<Bytes>,
    /// Its place among the open streams.
    _slot: StreamSlot,
    still_allowed: StillAllowed,
    /// When the caller's access token expires (API keys do not).
    ends_at: Option<Instant>,
    closing: watch::Receiver<bool>,
}

impl ShopStream {
    /// A stream of the shop's entries after `cursor`.
    pub fn new(
        pool: DbPool,
        slot: StreamSlot,
        receiver: broadcast::Receiver<Arc<Batch>>,
        cursor: i64,
        still_allowed: StillAllowed,
        ends_at: Option<Instant>,
    ) -> ShopStream {
        let shop_id = slot.shop_id;
        let closing = slot.feed.closing.subscribe();
        let mut queued = VecDeque::new();
        // Sent at once, so the client knows it is connected; and how long to wait before
        // reconnecting.
        queued.push_back(Bytes::from_static(b"retry: 3000\n: connected\n\n"));
        ShopStream {
            pool,
            shop_id,
            receiver,
            cursor,
            queued,
            _slot: slot,
            still_allowed,
            ends_at,
            closing,
        }
    }

    /// Whether the caller may still follow the shop; an error ends the stream too.
    async fn allowed(&self) -> bool {
        let check = Arc::clone(&self.still_allowed);
        match db::run(&self.pool, move |conn| check(conn)).await {
            Ok(allowed) => allowed,
            Err(err) => {
                tracing::warn!(error = %err, "an orders stream cannot check its caller");
                false
            }
        }
    }

    fn queue(&mut self, row: &FeedRow) {
        if row.shop_id != self.shop_id || row.id <= self.cursor {
            return;
        }
        let data = serde_json::to_string(&row.to_wire()).unwrap_or_default();
        self.queued.push_back(Bytes::from(format!(
            "id: {}\nevent: order\ndata: {data}\n\n",
            row.id
        )));
    }

    /// Reads the shop's entries after the cursor from the database.
    async fn catch_up(&mut self) -> Result<(), ApiError> {
        loop {
            let (after, shop_id) = (self.cursor, self.shop_id);
            let (upto, rows) = db::run(&self.pool, move |conn| {
                // The latest id first: every entry up to it is visible to the next read.
                let upto = order::last_event_id(conn)?;
                let rows = order::events_after(conn, after, Some(shop_id), BATCH)?;
                Ok((upto, rows))
            })
            .await?;
            let full = rows.len() == usize::try_from(BATCH).unwrap_or(usize::MAX);
            for row in rows.iter().filter(|row| row.id <= upto) {
                self.queue(row);
                self.cursor = self.cursor.max(row.id);
            }
            if !full {
                self.cursor = self.cursor.max(upto);
                return Ok(());
            }
        }
    }

    /// The next chunk to send; `None` ends the stream.
    async fn next_chunk(mut self) -> Option<(Bytes, ShopStream)> {
        loop {
            if let Some(chunk) = self.queued.pop_front() {
                return Some((chunk, self));
            }
            let wait = match self.ends_at {
                Some(ends_at) => {
                    let left = ends_at.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return None;
                    }
                    left.min(HEARTBEAT)
                }
                None => HEARTBEAT,
            };
            let woke = {
                let batch = std::pin::pin!(self.receiver.recv());
                let closing = std::pin::pin!(self.closing.wait_for(|closing| *closing));
                match timeout(wait, select(batch, closing)).await {
                    Err(_) => None,
                    Ok(Either::Left((batch, _))) => Some(batch),
                    Ok(Either::Right(_)) => return None,
                }
            };
            match woke {
                None if self.ends_at.is_some_and(|at| at <= Instant::now()) => return None,
                None if !self.allowed().await => return None,
                None => return Some((Bytes::from_static(b": heartbeat\n\n"), self)),
                Some(Ok(batch))
                    if batch.rows.iter().any(|row| row.shop_id == self.shop_id)
                        && !self.allowed().await =>
                {
                    return None;
                }
                Some(Ok(batch)) => {
                    if batch.after > self.cursor
                        && let Err(err) = self.catch_up().await
                    {
                        tracing::warn!(error = %err, "an orders stream cannot catch up");
                        return None;
                    }
                    for row in &batch.rows {
                        self.queue(row);
                    }
                    self.cursor = self.cursor.max(batch.upto);
                }
                Some(Err(broadcast::error::RecvError::Lagged(_))) => {
                    if !self.allowed().await {
                        return None;
                    }
                    if let Err(err) = self.catch_up().await {
                        tracing::warn!(error = %err, "an orders stream cannot catch up");
                        return None;
                    }
                }
                Some(Err(broadcast::error::RecvError::Closed)) => return None,
            }
        }
    }

    /// Catches up from the cursor, then follows the feed, as a response body.
    pub async fn into_body(mut self) -> Result<EventStreamBody, ApiError> {
        self.catch_up().await?;
        Ok(EventStreamBody {
            next: Some(Box::pin(self.next_chunk())),
        })
    }
}

type NextChunk = Pin<Box<dyn Future<Output = Option<(Bytes, ShopStream)>>>>;

/// A `text/event-stream` body: chunks as the stream produces them, until the client goes
/// (the body is dropped with its stream).
pub struct EventStreamBody {
    next: Option<NextChunk>,
}

impl MessageBody for EventStreamBody {
    type Error = Infallible;

    fn size(&self) -> BodySize {
        BodySize::Stream
    }

    fn poll_next(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Infallible>>> {
        let Some(next) = self.next.as_mut() else {
            return Poll::Ready(None);
        };
        match next.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(None) => {
                self.next = None;
                Poll::Ready(None)
            }
            Poll::Ready(Some((chunk, stream))) => {
                self.next = Some(Box::pin(stream.next_chunk()));
                Poll::Ready(Some(Ok(chunk)))
            }
        }
    }
}
