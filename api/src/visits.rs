//! Visits of the public pages (issue 13), counted without cookies and without keeping
//! anyone's address. The web app reports each page it shows (`POST /api/v1/visits`); this
//! process counts them in memory per Europe/Paris day and page type, and recognises a
//! visitor within the day by a keyed hash (HMAC-SHA256) of their IP address and browser
//! (user agent) under a random salt that lives only in this memory and is replaced at
//! Paris midnight: yesterday's visitors cannot be recognised today, by anyone. The hashes
//! stay in memory; only the day's totals reach the database (`visit_log`), added every
//! `--visit-flush-seconds`, before the dashboard is read, and when the server stops.
//!
//! Not counted: robots (a user agent naming a bot, crawler or spider, or none), and browsers
//! that ask not to be tracked (`DNT: 1`, `Sec-GPC: 1`). `--no-visit-count` counts nothing.
//!
//! Several servers on one PostgreSQL each add what they counted, so page views add up
//! exactly; a visitor whose requests reach two servers on one day (no sticky sessions), or
//! one server before and after a restart, counts once per server: unique visitors may be
//! over-counted by that much, never under-counted.

use std::collections::{BTreeMap, HashSet};
use std::net::IpAddr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use clap::Args;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use shared::stats::{Visit, VisitPage, VisitSource};

use crate::db::models::visit_log::{self, ALL_PAGES, VisitDelta};
use crate::db::{self, DbPool};
use crate::domain::delivery::paris_time;
use crate::error::ApiError;

/// The visit counter's settings.
#[derive(Debug, Clone, Args)]
pub struct VisitSettings {
    /// Count nothing: `POST /api/v1/visits` still answers 204, and the dashboard's visits
    /// tile says counting is off.
    #[arg(long = "no-visit-count", env = "VITRINE_NO_VISIT_COUNT")]
    pub no_visit_count: bool,
    /// Seconds between two writes of the counts to the database (also written before the
    /// dashboard is read and when the server stops).
    #[arg(long, env = "VITRINE_VISIT_FLUSH_SECONDS", default_value_t = 60)]
    pub visit_flush_seconds: u64,
}

impl Default for VisitSettings {
    fn default() -> VisitSettings {
        VisitSettings {
            no_visit_count: false,
            visit_flush_seconds: 60,
        }
    }
}

/// Most (page type, visitor) pairs remembered in a day; beyond, new visitors still count
/// their page views but no longer as visitors (a flood of made-up browsers cannot grow the
/// memory without bound). 500,000 pairs is about 12 MB, and 20 times the pairs of 100 times
/// the demo's 250 visitors a day.
pub const MAX_SEEN: usize = 500_000;

/// The index of the totals row among the page types.
const ALL: usize = VisitPage::ALL.len();

/// Whether a request's visit is counted at all: a browser that says who it is, not a robot,
/// and not asking not to be tracked.
pub fn counts(user_agent: Option<&str>, dnt: Option<&str>, gpc: Option<&str>) -> bool {
    let Some(agent) = user_agent.map(str::trim).filter(|a| !a.is_empty()) else {
        return false;
    };
    let agent = agent.to_ascii_lowercase();
    if ["bot", "crawler", "spider"]
        .iter()
        .any(|word| agent.contains(word))
    {
        return false;
    }
    let says_one = |value: Option<&str>| value.is_some_and(|v| v.trim() == "1");
    !says_one(dnt) && !says_one(gpc)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    page_views: i64,
    visitors: i64,
    flyer_visits: i64,
}

/// Today's salt and the visitors seen today, with the counts not yet written.
struct Counting {
    day: NaiveDate,
    salt: [u8; 32],
    /// (page type index, visitor hash); index [`ALL`] for any page.
    seen: HashSet<(usize, u64)>,
    /// The same, for the visitors who came from the flyer.
    flyer_seen: HashSet<(usize, u64)>,
    /// What to add to the database, per day and page type index.
    pending: BTreeMap<(NaiveDate, usize), Counts>,
}

impl Counting {
    fn new(day: NaiveDate) -> Counting {
        Counting {
            day,
            salt: fresh_salt(),
            seen: HashSet::new(),
            flyer_seen: HashSet::new(),
            pending: BTreeMap::new(),
        }
    }

    /// A new day: a new salt, and nobody recognised any more (the counts waiting to be
    /// written keep their day).
    fn rotate_to(&mut self, day: NaiveDate) {
        if self.day != day {
            self.day = day;
            self.salt = fresh_salt();
            self.seen = HashSet::new();
            self.flyer_seen = HashSet::new();
        }
    }
}

fn fresh_salt() -> [u8; 32] {
    let mut salt = [0; 32];
    if let Err(err) = getrandom::fill(&mut salt) {
        // Without randomness the salt would be guessable: count no visitor rather than
        // keep a recognisable one (the zero salt is refused in `visitor`).
        tracing::error!("no random bytes for the visit counter's salt: {err}");
        salt = [0; 32];
    }
    salt
}

/// The visit counter of this process.
pub struct VisitCounter {
    enabled: bool,
    /// Added to the system clock: tests move the counter to another day.
    clock_offset_seconds: AtomicI64,
    counting: Mutex<Counting>,
}

impl VisitCounter {
    pub fn new(settings: &VisitSettings) -> VisitCounter {
        VisitCounter {
            enabled: !settings.no_visit_count,
            clock_offset_seconds: AtomicI64::new(0),
            counting: Mutex::new(Counting::new(paris_time(Utc::now()).date())),
        }
    }

    /// Whether this server counts visits.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// The counter's clock: the system's, unless a test moved it.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::seconds(self.clock_offset_seconds.load(Ordering::Relaxed))
    }

    /// Moves the counter's clock `by` further (for tests: the next day).
    pub fn shift_clock(&self, by: chrono::Duration) {
        self.clock_offset_seconds
            .fetch_add(by.num_seconds(), Ordering::Relaxed);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Counting> {
        // A panic while counting leaves counts, not a broken invariant: carry on.
        self.counting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Counts one page view at `at` by the browser `user_agent` at `ip`. Neither is kept:
    /// only their keyed hash under today's salt, in memory, until the day ends.
    pub fn record(&self, at: DateTime<Utc>, ip: IpAddr, user_agent: &str, visit: Visit) {
        if !self.enabled {
            return;
        }
        let day = paris_time(at).date();
        let page = VisitPage::ALL
            .iter()
            .position(|p| *p == visit.page)
            .unwrap_or(ALL - 1);
        let flyer = visit.src == Some(VisitSource::Flyer);
        let mut counting = self.lock();
        counting.rotate_to(day);
        let visitor = visitor(&counting.salt, ip, user_agent);
        for index in [page, ALL] {
            let room = counting.seen.len() + counting.flyer_seen.len() < MAX_SEEN;
            let new = visitor.is_some_and(|v| room && counting.seen.insert((index, v)));
            let new_flyer =
                flyer && visitor.is_some_and(|v| room && counting.flyer_seen.insert((index, v)));
            let counts = counting.pending.entry((day, index)).or_default();
            counts.page_views += 1;
            counts.visitors += i64::from(new);
            counts.flyer_visits += i64::from(new_flyer);
        }
    }

    /// The counts not yet written, taken out (sorted by day, then page). Forgets the
    /// visitors of a day that is over, with its salt.
    pub fn take_pending(&self, at: DateTime<Utc>) -> Vec<VisitDelta> {
        let mut counting = self.lock();
        counting.rotate_to(paris_time(at).date());
        std::mem::take(&mut counting.pending)
            .into_iter()
            .map(|((day, index), counts)| VisitDelta {
                day,
                page: VisitPage::ALL
                    .get(index)
                    .map_or(ALL_PAGES, |page| page.as_str()),
                page_views: counts.page_views,
                visitors: counts.visitors,
                flyer_visits: counts.flyer_visits,
            })
            .collect()
    }

    /// Puts back counts that could not be written, for the next flush.
    fn give_back(&self, deltas: Vec<VisitDelta>) {
        let mut counting = self.lock();
        for delta in deltas {
            let index = VisitPage::parse(delta.page)
                .and_then(|page| VisitPage::ALL.iter().position(|p| *p == page))
                .unwrap_or(ALL);
            let counts = counting.pending.entry((delta.day, index)).or_default();
            counts.page_views += delta.page_views;
            counts.visitors += delta.visitors;
            counts.flyer_visits += delta.flyer_visits;
        }
    }

    /// Adds the counts not yet written to the database; the rows written. Counts that
    /// fail to be written are kept for the next time.
    pub async fn flush(&self, pool: &DbPool) -> Result<usize, ApiError> {
        let deltas = self.take_pending(self.now());
        if deltas.is_empty() {
            return Ok(0);
        }
        let rows = deltas.len();
        let written = deltas.clone();
        match db::run(pool, move |conn| visit_log::add(conn, &written)).await {
            Ok(()) => Ok(rows),
            Err(err) => {
                self.give_back(deltas);
                Err(err)
            }
        }
    }

    /// Flushes every `period` for as long as the server runs.
    pub async fn run(self: std::sync::Arc<Self>, pool: DbPool, period: Duration) {
        let mut ticks = actix_web::rt::time::interval(period);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if let Err(err) = self.flush(&pool).await {
                tracing::warn!(error = %err, "visit counts not written, kept for the next time");
            }
        }
    }
}

/// The visitor's keyed hash under `salt` (64 bits: a collision among a day's visitors is
/// a one-in-billions chance); `None` without a usable salt.
fn visitor(salt: &[u8; 32], ip: IpAddr, user_agent: &str) -> Option<u64> {
    if salt.iter().all(|b| *b == 0) {
        return None;
    }
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(salt).ok()?;
    match ip {
        IpAddr::V4(v4) => mac.update(&v4.octets()),
        IpAddr::V6(v6) => mac.update(&v6.octets()),
    }
    mac.update(&[0]);
    mac.update(user_agent.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut first = [0; 8];
    first.copy_from_slice(digest.get(..8)?);
    Some(u64::from_le_bytes(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    const PHONE: &str = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130 Mobile";

    fn at(text: &str) -> DateTime<Utc> {
        chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
            .unwrap()
            .and_utc()
    }

    fn visit(page: VisitPage) -> Visit {
        Visit { page, src: None }
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn counter() -> VisitCounter {
        VisitCounter::new(&VisitSettings::default())
    }

    /// (page views, visitors, flyer visits) of a day's row for `page`.
    fn row(deltas: &[VisitDelta], day: &str, page: &str) -> (i64, i64, i64) {
        deltas
            .iter()
            .find(|d| d.day.to_string() == day && d.page == page)
            .map_or((0, 0, 0), |d| (d.page_views, d.visitors, d.flyer_visits))
    }

    #[test]
    fn one_browser_on_one_day_is_one_visitor_and_two_days_two() {
        let counter = counter();
        for minute in 0..5 {
            let when = at(&format!("2026-12-05 09:0{minute}"));
            counter.record(
                when,
                ip("203.0.113.9"),
                FIREFOX,
                visit(VisitPage::Catalogue),
            );
        }
        counter.record(
            at("2026-12-05 10:00"),
            ip("203.0.113.9"),
            FIREFOX,
            visit(VisitPage::Shop),
        );
        let first = counter.take_pending(at("2026-12-05 10:00"));
        assert_eq!(row(&first, "2026-12-05", "catalogue"), (5, 1, 0));
        assert_eq!(row(&first, "2026-12-05", "shop"), (1, 1, 0));
        assert_eq!(row(&first, "2026-12-05", "all"), (6, 1, 0));
        // Seen again the same day after a flush: not a new visitor.
        counter.record(
            at("2026-12-05 22:30"),
            ip("203.0.113.9"),
            FIREFOX,
            visit(VisitPage::Shop),
        );
        let again = counter.take_pending(at("2026-12-05 22:30"));
        assert_eq!(row(&again, "2026-12-05", "all"), (1, 0, 0));
        // After midnight in Paris (23:00 UTC in winter): a new salt, a new visitor.
        counter.record(
            at("2026-12-05 23:05"),
            ip("203.0.113.9"),
            FIREFOX,
            visit(VisitPage::Shop),
        );
        let next = counter.take_pending(at("2026-12-05 23:05"));
        assert_eq!(row(&next, "2026-12-06", "all"), (1, 1, 0));
        assert_eq!(row(&next, "2026-12-05", "all"), (0, 0, 0));
    }

    #[test]
    fn the_salt_changes_at_paris_midnight_and_the_counts_keep_their_day() {
        let counter = counter();
        counter.record(
            at("2026-12-05 22:59"),
            ip("203.0.113.9"),
            FIREFOX,
            visit(VisitPage::Home),
        );
        let salt = counter.lock().salt;
        // Not flushed before midnight: yesterday's counts wait under yesterday.
        counter.record(
            at("2026-12-05 23:00"),
            ip("203.0.113.9"),
            FIREFOX,
            visit(VisitPage::Home),
        );
        assert_ne!(counter.lock().salt, salt, "a new day, a new salt");
        let deltas = counter.take_pending(at("2026-12-05 23:01"));
        assert_eq!(row(&deltas, "2026-12-05", "home"), (1, 1, 0));
        assert_eq!(row(&deltas, "2026-12-06", "home"), (1, 1, 0));
        // A flush alone, the next day, also forgets the day's salt and visitors.
        let salt = counter.lock().salt;
        counter.take_pending(at("2026-12-06 23:00"));
        let counting = counter.lock();
        assert_ne!(counting.salt, salt);
        assert!(counting.seen.is_empty());
    }

    #[test]
    fn two_browsers_or_two_addresses_are_two_visitors() {
        let counter = counter();
        let now = at("2026-12-05 09:00");
        counter.record(now, ip("203.0.113.9"), FIREFOX, visit(VisitPage::Home));
        counter.record(now, ip("203.0.113.9"), PHONE, visit(VisitPage::Home));
        counter.record(now, ip("2001:db8::1"), PHONE, visit(VisitPage::Home));
        assert_eq!(
            row(&counter.take_pending(now), "2026-12-05", "home"),
            (3, 3, 0)
        );
    }

    #[test]
    fn flyer_visitors_count_once_a_day() {
        let counter = counter();
        let now = at("2026-12-05 09:00");
        let flyer = Visit {
            page: VisitPage::Shop,
            src: Some(VisitSource::Flyer),
        };
        counter.record(now, ip("203.0.113.9"), PHONE, flyer);
        counter.record(now, ip("203.0.113.9"), PHONE, flyer);
        counter.record(now, ip("203.0.113.9"), PHONE, visit(VisitPage::Product));
        let deltas = counter.take_pending(now);
        assert_eq!(row(&deltas, "2026-12-05", "shop"), (2, 1, 1));
        assert_eq!(row(&deltas, "2026-12-05", "product"), (1, 1, 0));
        assert_eq!(row(&deltas, "2026-12-05", "all"), (3, 1, 1));
    }

    #[test]
    fn robots_and_browsers_asking_not_to_be_tracked_are_not_counted() {
        assert!(counts(Some(FIREFOX), None, None));
        assert!(counts(Some(FIREFOX), Some("0"), None));
        assert!(!counts(Some(FIREFOX), Some("1"), None));
        assert!(!counts(Some(FIREFOX), None, Some("1")));
        assert!(!counts(
            Some("Mozilla/5.0 (compatible; Googlebot/2.1)"),
            None,
            None
        ));
        assert!(!counts(Some("Some-Crawler/1.0"), None, None));
        assert!(!counts(Some("BaiduSpider"), None, None));
        assert!(!counts(Some(" "), None, None));
        assert!(!counts(None, None, None));
    }

    #[test]
    fn a_switched_off_counter_counts_nothing() {
        let counter = VisitCounter::new(&VisitSettings {
            no_visit_count: true,
            ..VisitSettings::default()
        });
        let now = at("2026-12-05 09:00");
        counter.record(now, ip("203.0.113.9"), FIREFOX, visit(VisitPage::Home));
        assert!(counter.take_pending(now).is_empty());
    }

    #[test]
    fn counts_that_could_not_be_written_wait_for_the_next_flush() {
        let counter = counter();
        let now = at("2026-12-05 09:00");
        counter.record(now, ip("203.0.113.9"), FIREFOX, visit(VisitPage::Basket));
        let deltas = counter.take_pending(now);
        counter.give_back(deltas.clone());
        assert_eq!(counter.take_pending(now), deltas);
    }
}
