//! The dashboard's figures (issue 13), from the rows of a period: the period and its days,
//! weeks or months (Europe/Paris), and each tile computed in Rust from the orders placed in
//! the period. The rows are loaded once per request (a period is at most
//! [`MAX_PERIOD_DAYS`] days: a few tens of thousands of small rows for a town's
//! marketplace), which keeps one code for both databases.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use shared::stats::{
    BasketFigures, BasketsTile, CancellationReason, CancellationsTile, CommuneDeliveries,
    ConfirmationLag, ConfirmationTile, MAX_PERIOD_DAYS, OrdersFigures, OrdersTile,
    ShopConfirmation, ShopOrders, StatsInterval, VisitFigures, VisitPage, VisitsTile,
};

use crate::domain::delivery::paris_time;

/// The thresholds of the confirmation tile, in hours.
pub const LAG_HOURS: [u32; 3] = [2, 6, 24];

/// A valid period: `from` to `to` included, at most [`MAX_PERIOD_DAYS`] days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by: StatsInterval,
}

/// Why a period is refused (both dates are well-formed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// `from` is after `to`.
    Reversed,
    /// More than [`MAX_PERIOD_DAYS`] days.
    TooLong,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate, by: StatsInterval) -> Result<Period, PeriodError> {
        if from > to {
            return Err(PeriodError::Reversed);
        }
        if (to - from).num_days() + 1 > MAX_PERIOD_DAYS {
            return Err(PeriodError::TooLong);
        }
        Ok(Period { from, to, by })
    }

    /// The UTC instants the period starts and ends at (end excluded), as stored.
    pub fn utc_bounds(&self) -> (NaiveDateTime, NaiveDateTime) {
        (
            paris_midnight(self.from),
            paris_midnight(self.to.succ_opt().unwrap_or(self.to)),
        )
    }

    /// The first day of the day, week (Monday) or month holding `day`.
    pub fn bucket(&self, day: NaiveDate) -> NaiveDate {
        match self.by {
            StatsInterval::Day => day,
            StatsInterval::Week => {
                day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
            }
            StatsInterval::Month => day.with_day(1).unwrap_or(day),
        }
    }

    /// Every bucket of the period, in order.
    pub fn buckets(&self) -> Vec<NaiveDate> {
        let mut buckets = Vec::new();
        let mut day = self.from;
        while day <= self.to {
            let bucket = self.bucket(day);
            if buckets.last() != Some(&bucket) {
                buckets.push(bucket);
            }
            day = match self.by {
                StatsInterval::Day => day.succ_opt(),
                StatsInterval::Week => bucket.checked_add_signed(Duration::days(7)),
                StatsInterval::Month => bucket.checked_add_months(chrono::Months::new(1)),
            }
            .unwrap_or(NaiveDate::MAX);
            if day == NaiveDate::MAX {
                break;
            }
        }
        buckets
    }
}

/// The UTC instant at which `day` starts in Europe/Paris.
pub fn paris_midnight(day: NaiveDate) -> NaiveDateTime {
    let local = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    // Winter (UTC+1) unless that lands on another wall-clock time: then summer (UTC+2).
    let winter = local - Duration::hours(1);
    if paris_time(Utc.from_utc_datetime(&winter)) == local {
        winter
    } else {
        local - Duration::hours(2)
    }
}

/// The Europe/Paris day of a stored (UTC) instant.
pub fn paris_day(at: NaiveDateTime) -> NaiveDate {
    paris_time(Utc.from_utc_datetime(&at)).date()
}

/// Who cancelled an order, from its history's actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelledBy {
    Customer,
    Shop,
    System,
}

impl CancelledBy {
    pub fn of_actor(actor: &str) -> CancelledBy {
        match actor {
            "customer" => CancelledBy::Customer,
            shared::shop_orders::SYSTEM_ACTOR => CancelledBy::System,
            _ => CancelledBy::Shop,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CancelledBy::Customer => "customer",
            CancelledBy::Shop => "shop",
            CancelledBy::System => "system",
        }
    }
}

/// What the dashboard needs of one order placed in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderFact {
    pub shop_id: i64,
    /// The website checkout it came from (basket and instant); `None` for a phone order.
    pub checkout: Option<(String, NaiveDateTime)>,
    pub cancelled: bool,
    pub delivery: bool,
    pub commune: Option<String>,
    pub total_cents: i64,
    pub cancel_reason: Option<String>,
    /// Placed at, UTC.
    pub placed_at: NaiveDateTime,
    /// When its shop confirmed it, if it did.
    pub confirmed_at: Option<NaiveDateTime>,
    /// When it was cancelled while still `placed` (by its customer, its shop or Vitrine).
    pub cancelled_placed_at: Option<NaiveDateTime>,
    /// Still `placed` now.
    pub still_placed: bool,
    pub cancelled_by: Option<CancelledBy>,
}

/// The median of `values` (the lower of the two middle ones for an even count, so it is
/// always one of the values); `None` when empty.
pub fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    Some(values[(values.len() - 1) / 2])
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn orders_figures(start: NaiveDate, orders: &[&OrderFact]) -> OrdersFigures {
    OrdersFigures {
        start: start.to_string(),
        orders: count(orders.len()),
        cancelled: count(orders.iter().filter(|o| o.cancelled).count()),
        value_cents: orders
            .iter()
            .filter(|o| !o.cancelled)
            .map(|o| o.total_cents)
            .sum(),
    }
}

/// Orders and their value per day, week or month.
pub fn orders_tile(period: &Period, facts: &[OrderFact]) -> OrdersTile {
    let all: Vec<&OrderFact> = facts.iter().collect();
    OrdersTile {
        total: orders_figures(period.from, &all),
        periods: {
            // Each order's bucket computed once: a long period by day stays linear.
            let mut by_bucket: HashMap<NaiveDate, Vec<&OrderFact>> = HashMap::new();
            for fact in facts {
                by_bucket
                    .entry(period.bucket(paris_day(fact.placed_at)))
                    .or_default()
                    .push(fact);
            }
            period
                .buckets()
                .into_iter()
                .map(|bucket| {
                    orders_figures(bucket, by_bucket.get(&bucket).map_or(&[], Vec::as_slice))
                })
                .collect()
        },
    }
}

/// Orders per shop, most first (then by name).
pub fn shops_tile(facts: &[OrderFact], shops: &HashMap<i64, (String, String)>) -> Vec<ShopOrders> {
    let mut per_shop: HashMap<i64, Vec<&OrderFact>> = HashMap::new();
    for fact in facts {
        per_shop.entry(fact.shop_id).or_default().push(fact);
    }
    let mut rows: Vec<ShopOrders> = per_shop
        .into_iter()
        .map(|(shop_id, orders)| {
            let (slug, name) = shops.get(&shop_id).cloned().unwrap_or_default();
            let figures = orders_figures(NaiveDate::MIN, &orders);
            ShopOrders {
                slug,
                name,
                orders: figures.orders,
                cancelled: figures.cancelled,
                value_cents: figures.value_cents,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.orders.cmp(&a.orders).then_with(|| a.name.cmp(&b.name)));
    rows
}

/// A website checkout: when, how many shops, what it came to.
struct Basket {
    day: NaiveDate,
    shops: usize,
    total_cents: i64,
}

fn basket_figures(start: NaiveDate, baskets: &[&Basket]) -> BasketFigures {
    let mut totals: Vec<i64> = baskets.iter().map(|b| b.total_cents).collect();
    BasketFigures {
        start: start.to_string(),
        baskets: count(baskets.len()),
        multi_shop: count(baskets.iter().filter(|b| b.shops > 1).count()),
        median_cents: median(&mut totals),
    }
}

/// Baskets: one website checkout (a basket and the instant it was checked out) is one
/// basket, whatever became of its orders since; phone orders are not baskets.
pub fn baskets_tile(period: &Period, facts: &[OrderFact]) -> BasketsTile {
    let mut by_checkout: HashMap<(&str, NaiveDateTime), Basket> = HashMap::new();
    for fact in facts {
        let Some((cart, at)) = &fact.checkout else {
            continue;
        };
        let basket = by_checkout.entry((cart, *at)).or_insert(Basket {
            day: paris_day(*at),
            shops: 0,
            total_cents: 0,
        });
        basket.shops += 1;
        basket.total_cents += fact.total_cents;
    }
    let baskets: Vec<&Basket> = by_checkout.values().collect();
    BasketsTile {
        total: basket_figures(period.from, &baskets),
        periods: {
            let mut by_bucket: HashMap<NaiveDate, Vec<&Basket>> = HashMap::new();
            for basket in &baskets {
                by_bucket
                    .entry(period.bucket(basket.day))
                    .or_default()
                    .push(basket);
            }
            period
                .buckets()
                .into_iter()
                .map(|bucket| {
                    basket_figures(bucket, by_bucket.get(&bucket).map_or(&[], Vec::as_slice))
                })
                .collect()
        },
    }
}

/// Deliveries and pickups of the orders not cancelled, and deliveries per commune (most
/// first, then by name).
pub fn fulfilment(facts: &[OrderFact]) -> (u32, u32, Vec<CommuneDeliveries>) {
    let kept: Vec<&OrderFact> = facts.iter().filter(|o| !o.cancelled).collect();
    let deliveries = kept.iter().filter(|o| o.delivery).count();
    let mut per_commune: HashMap<String, u32> = HashMap::new();
    for order in kept.iter().filter(|o| o.delivery) {
        *per_commune
            .entry(order.commune.clone().unwrap_or_default())
            .or_default() += 1;
    }
    let mut communes: Vec<CommuneDeliveries> = per_commune
        .into_iter()
        .map(|(commune, deliveries)| CommuneDeliveries {
            commune,
            deliveries,
        })
        .collect();
    communes.sort_by(|a, b| {
        b.deliveries
            .cmp(&a.deliveries)
            .then_with(|| a.commune.cmp(&b.commune))
    });
    (count(deliveries), count(kept.len() - deliveries), communes)
}

/// The lags and median of some orders, at `now`.
fn lags(orders: &[&OrderFact], now: NaiveDateTime) -> (Vec<ConfirmationLag>, Option<i64>) {
    let lags = LAG_HOURS
        .iter()
        .map(|&hours| {
            let wait = Duration::hours(i64::from(hours));
            let old_enough: Vec<&&OrderFact> = orders
                .iter()
                .filter(|o| o.placed_at + wait <= now)
                .collect();
            ConfirmationLag {
                hours,
                placed_before: count(old_enough.len()),
                // Still `placed` that long after: neither confirmed nor cancelled by then.
                unconfirmed: count(
                    old_enough
                        .iter()
                        .filter(|o| {
                            let by = o.placed_at + wait;
                            o.confirmed_at.is_none_or(|at| at > by)
                                && o.cancelled_placed_at.is_none_or(|at| at > by)
                        })
                        .count(),
                ),
            }
        })
        .collect();
    let mut minutes: Vec<i64> = orders
        .iter()
        .filter_map(|o| o.confirmed_at.map(|at| (at - o.placed_at).num_minutes()))
        .collect();
    (lags, median(&mut minutes))
}

/// How long shops take to confirm, overall and per shop (the most orders unconfirmed after
/// 2 hours first).
pub fn confirmation_tile(
    facts: &[OrderFact],
    shops: &HashMap<i64, (String, String)>,
    now: NaiveDateTime,
) -> ConfirmationTile {
    let all: Vec<&OrderFact> = facts.iter().collect();
    let (overall, median_minutes) = lags(&all, now);
    let mut per_shop: HashMap<i64, Vec<&OrderFact>> = HashMap::new();
    for fact in facts {
        per_shop.entry(fact.shop_id).or_default().push(fact);
    }
    let mut rows: Vec<ShopConfirmation> = per_shop
        .into_iter()
        .map(|(shop_id, orders)| {
            let (slug, name) = shops.get(&shop_id).cloned().unwrap_or_default();
            let (lags, median_minutes) = lags(&orders, now);
            ShopConfirmation {
                slug,
                name,
                orders: count(orders.len()),
                median_minutes,
                lags,
                still_unconfirmed: count(orders.iter().filter(|o| o.still_placed).count()),
            }
        })
        .collect();
    let late = |s: &ShopConfirmation| s.lags.first().map_or(0, |l| l.unconfirmed);
    rows.sort_by(|a, b| {
        late(b)
            .cmp(&late(a))
            .then_with(|| b.median_minutes.cmp(&a.median_minutes))
            .then_with(|| a.name.cmp(&b.name))
    });
    ConfirmationTile {
        orders: count(facts.len()),
        confirmed: count(facts.iter().filter(|o| o.confirmed_at.is_some()).count()),
        median_minutes,
        lags: overall,
        still_unconfirmed: count(facts.iter().filter(|o| o.still_placed).count()),
        shops: rows,
    }
}

/// Cancellations per reason and who cancelled, most first.
pub fn cancellations_tile(facts: &[OrderFact]) -> CancellationsTile {
    let mut per_reason: HashMap<(String, &'static str), u32> = HashMap::new();
    for fact in facts.iter().filter(|o| o.cancelled) {
        let reason = fact
            .cancel_reason
            .as_deref()
            .map(str::trim)
            .unwrap_or_default()
            .to_owned();
        let by = fact.cancelled_by.unwrap_or(CancelledBy::Shop).as_str();
        *per_reason.entry((reason, by)).or_default() += 1;
    }
    let mut reasons: Vec<CancellationReason> = per_reason
        .into_iter()
        .map(|((reason, by), orders)| CancellationReason {
            reason,
            by: by.to_owned(),
            orders,
        })
        .collect();
    reasons.sort_by(|a, b| {
        b.orders
            .cmp(&a.orders)
            .then_with(|| a.reason.cmp(&b.reason))
            .then_with(|| a.by.cmp(&b.by))
    });
    CancellationsTile {
        cancelled: count(facts.iter().filter(|o| o.cancelled).count()),
        reasons,
    }
}

/// One day's visits of one page type (or `all`), as the visit log holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitFact {
    pub day: NaiveDate,
    /// A page type's name, or `all` for the day's totals.
    pub page: String,
    pub page_views: i64,
    pub visitors: i64,
    pub flyer_visits: i64,
}

fn whole(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

fn visit_figures<'a>(start: String, facts: impl Iterator<Item = &'a VisitFact>) -> VisitFigures {
    let mut figures = VisitFigures {
        start,
        page_views: 0,
        visitors: 0,
        flyer_visits: 0,
    };
    for fact in facts {
        figures.page_views += whole(fact.page_views);
        figures.visitors += whole(fact.visitors);
        figures.flyer_visits += whole(fact.flyer_visits);
    }
    figures
}

/// Visits per day, week or month and per page type. A period's visitors are its days'
/// unique visitors added up (nobody is recognised from one day to the next); the totals
/// come from the `all` rows, whose visitors are unique across page types.
pub fn visits_tile(period: &Period, facts: &[VisitFact], counting: bool) -> VisitsTile {
    let totals: Vec<&VisitFact> = facts.iter().filter(|f| f.page == "all").collect();
    let mut by_bucket: HashMap<NaiveDate, Vec<&VisitFact>> = HashMap::new();
    for fact in &totals {
        by_bucket
            .entry(period.bucket(fact.day))
            .or_default()
            .push(fact);
    }
    VisitsTile {
        counting,
        total: visit_figures(period.from.to_string(), totals.iter().copied()),
        periods: period
            .buckets()
            .into_iter()
            .map(|bucket| {
                visit_figures(
                    bucket.to_string(),
                    by_bucket.get(&bucket).into_iter().flatten().copied(),
                )
            })
            .collect(),
        pages: VisitPage::ALL
            .iter()
            .map(|page| {
                visit_figures(
                    page.as_str().to_owned(),
                    facts.iter().filter(|f| f.page == page.as_str()),
                )
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn order(shop_id: i64, cart: &str, placed: &str, total_cents: i64) -> OrderFact {
        OrderFact {
            shop_id,
            checkout: Some((cart.to_owned(), at(placed))),
            cancelled: false,
            delivery: false,
            commune: None,
            total_cents,
            cancel_reason: None,
            placed_at: at(placed),
            confirmed_at: None,
            cancelled_placed_at: None,
            still_placed: true,
            cancelled_by: None,
        }
    }

    #[test]
    fn paris_midnight_follows_summer_time() {
        assert_eq!(paris_midnight(day("2026-01-15")), at("2026-01-14 23:00"));
        assert_eq!(paris_midnight(day("2026-07-15")), at("2026-07-14 22:00"));
        // The nights the clocks change.
        assert_eq!(paris_midnight(day("2026-03-29")), at("2026-03-28 23:00"));
        assert_eq!(paris_midnight(day("2026-03-30")), at("2026-03-29 22:00"));
        assert_eq!(paris_midnight(day("2026-10-25")), at("2026-10-24 22:00"));
        assert_eq!(paris_midnight(day("2026-10-26")), at("2026-10-25 23:00"));
        assert_eq!(paris_day(at("2026-07-14 22:30")), day("2026-07-15"));
    }

    #[test]
    fn periods_are_cut_in_days_weeks_and_months() {
        let period = |by| Period::new(day("2026-11-27"), day("2026-12-08"), by).unwrap();
        assert_eq!(period(StatsInterval::Day).buckets().len(), 12);
        assert_eq!(
            period(StatsInterval::Week).buckets(),
            vec![day("2026-11-23"), day("2026-11-30"), day("2026-12-07")]
        );
        assert_eq!(
            period(StatsInterval::Month).buckets(),
            vec![day("2026-11-01"), day("2026-12-01")]
        );
        assert_eq!(
            Period::new(day("2026-12-02"), day("2026-12-01"), StatsInterval::Day),
            Err(PeriodError::Reversed)
        );
        assert_eq!(
            Period::new(day("2024-01-01"), day("2026-12-01"), StatsInterval::Day),
            Err(PeriodError::TooLong)
        );
    }

    #[test]
    fn a_checkout_across_two_shops_is_one_multi_shop_basket() {
        let period = Period::new(day("2026-12-01"), day("2026-12-01"), StatsInterval::Day).unwrap();
        let facts = vec![
            order(1, "a", "2026-12-01 09:00", 1000),
            order(2, "a", "2026-12-01 09:00", 500),
            order(1, "b", "2026-12-01 10:00", 2000),
            // The same basket checked out again later: another basket.
            order(1, "a", "2026-12-01 11:00", 300),
        ];
        let tile = baskets_tile(&period, &facts);
        assert_eq!(tile.total.baskets, 3);
        assert_eq!(tile.total.multi_shop, 1);
        assert_eq!(tile.total.median_cents, Some(1500));
    }

    #[test]
    fn an_order_confirmed_after_three_hours_was_unconfirmed_after_two_only() {
        let mut late = order(1, "a", "2026-12-01 09:00", 1000);
        late.confirmed_at = Some(at("2026-12-01 12:00"));
        late.still_placed = false;
        let waiting = order(2, "b", "2026-12-01 09:00", 1000);
        let fresh = order(2, "c", "2026-12-02 08:00", 1000);
        // Cancelled by its customer after half an hour: it waited for nobody after that.
        let mut withdrawn = order(2, "d", "2026-12-01 09:00", 1000);
        withdrawn.cancelled_placed_at = Some(at("2026-12-01 09:30"));
        withdrawn.cancelled = true;
        withdrawn.still_placed = false;
        let tile = confirmation_tile(
            &[late, waiting, fresh, withdrawn],
            &HashMap::new(),
            at("2026-12-02 09:30"),
        );
        let lag = |h: u32| tile.lags.iter().find(|l| l.hours == h).unwrap().clone();
        assert_eq!((lag(2).placed_before, lag(2).unconfirmed), (3, 2));
        assert_eq!((lag(6).placed_before, lag(6).unconfirmed), (3, 1));
        assert_eq!((lag(24).placed_before, lag(24).unconfirmed), (3, 1));
        assert_eq!(tile.median_minutes, Some(180));
        assert_eq!(tile.still_unconfirmed, 2);
    }

    #[test]
    fn visitors_of_a_week_are_its_days_visitors_added_up() {
        let period =
            Period::new(day("2026-11-30"), day("2026-12-06"), StatsInterval::Week).unwrap();
        let fact = |d: &str, page: &str, views, visitors, flyer| VisitFact {
            day: day(d),
            page: page.into(),
            page_views: views,
            visitors,
            flyer_visits: flyer,
        };
        let facts = vec![
            fact("2026-11-30", "all", 10, 3, 1),
            fact("2026-11-30", "shop", 6, 2, 1),
            fact("2026-11-30", "home", 4, 3, 0),
            fact("2026-12-02", "all", 5, 2, 0),
            fact("2026-12-02", "shop", 5, 2, 0),
        ];
        let tile = visits_tile(&period, &facts, true);
        assert_eq!(
            (
                tile.total.page_views,
                tile.total.visitors,
                tile.total.flyer_visits
            ),
            (15, 5, 1)
        );
        assert_eq!(tile.periods.len(), 1);
        assert_eq!(tile.periods[0].visitors, 5);
        let shop = tile.pages.iter().find(|p| p.start == "shop").unwrap();
        assert_eq!(
            (shop.page_views, shop.visitors, shop.flyer_visits),
            (11, 4, 1)
        );
        assert_eq!(tile.pages.len(), VisitPage::ALL.len());
    }

    #[test]
    fn median_is_one_of_the_values() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5]), Some(5));
        assert_eq!(median(&mut [9, 1, 5]), Some(5));
        assert_eq!(median(&mut [4, 1, 3, 2]), Some(2));
    }
}
