//! Delivery and pickup dates.
//!
//! Volunteers deliver on fixed weekdays per kind of shop, marketplace settings that default
//! to food: Tuesday and Friday, other shops: Thursday; restaurants are pickup only unless
//! they opt in to the food rounds. An order is delivered on the first delivery day D such
//! that it was placed before the cut-off, 18:00 Europe/Paris (a setting) on the day before
//! D; a day the shop marked closed, or the marketplace's closed day (a holiday), is skipped.
//! A pickup is possible from the first day the shop is open after the order is placed. The
//! association may offer delivery only from a minimum basket per shop.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use shared::catalogue::{OpeningSlot, ShopKind};

/// The marketplace's delivery settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryRules {
    /// ISO weekdays of the food rounds.
    pub food: Vec<u8>,
    /// ISO weekdays of the other shops' rounds.
    pub non_food: Vec<u8>,
    /// Local hour of the day before a delivery after which an order misses it.
    pub cut_off_hour: u32,
    /// The marketplace's closed days: no round at all.
    pub closed_days: Vec<NaiveDate>,
    /// Delivery is offered for a shop's part of the basket from this many cents; `None`:
    /// whatever the basket.
    pub minimum_basket_cents: Option<i64>,
}

impl Default for DeliveryRules {
    fn default() -> DeliveryRules {
        DeliveryRules {
            food: vec![2, 5],
            non_food: vec![4],
            cut_off_hour: 18,
            closed_days: Vec::new(),
            minimum_basket_cents: None,
        }
    }
}

impl DeliveryRules {
    /// Reads the settings rows (`delivery_days.food` = `2,5` or empty for none,
    /// `delivery_days.non_food`, `delivery_cut_off_hour`, `delivery_min_basket_cents`, `0`
    /// for none); a missing or malformed one keeps its default. Closed days are not settings
    /// rows: the caller adds them.
    pub fn from_settings(rows: &[(String, String)]) -> DeliveryRules {
        let mut rules = DeliveryRules::default();
        let days = |value: &str| -> Option<Vec<u8>> {
            if value.trim().is_empty() {
                return Some(Vec::new());
            }
            value
                .split(',')
                .map(|d| d.trim().parse::<u8>().ok().filter(|d| (1..=7).contains(d)))
                .collect()
        };
        for (name, value) in rows {
            match name.as_str() {
                "delivery_days.food" => rules.food = days(value).unwrap_or(rules.food),
                "delivery_days.non_food" => rules.non_food = days(value).unwrap_or(rules.non_food),
                "delivery_cut_off_hour" => {
                    rules.cut_off_hour = value
                        .trim()
                        .parse()
                        .ok()
                        .filter(|h| *h < 24)
                        .unwrap_or(rules.cut_off_hour)
                }
                "delivery_min_basket_cents" => {
                    if let Ok(cents) = value.trim().parse::<i64>() {
                        rules.minimum_basket_cents = (cents > 0).then_some(cents);
                    }
                }
                _ => {}
            }
        }
        rules
    }

    /// The delivery weekdays of a shop: none when it does not deliver.
    pub fn days(&self, kind: ShopKind, offers_delivery: bool, on_food_days: bool) -> Vec<u8> {
        match kind {
            _ if !offers_delivery => Vec::new(),
            ShopKind::Food => self.food.clone(),
            ShopKind::NonFood => self.non_food.clone(),
            ShopKind::Restaurant if on_food_days => self.food.clone(),
            ShopKind::Restaurant => Vec::new(),
        }
    }

    /// The first delivery date for an order placed at `now`, or `None` when there are no
    /// delivery days (or every one in the next weeks is closed). `closed` are the shop's
    /// closed days; the marketplace's are skipped too.
    pub fn delivery_date(
        &self,
        days: &[u8],
        closed: &[NaiveDate],
        now: DateTime<Utc>,
    ) -> Option<NaiveDate> {
        let local = paris_time(now);
        let cut_off = NaiveTime::from_hms_opt(self.cut_off_hour, 0, 0).expect("an hour below 24");
        (1..=HORIZON_DAYS)
            .map(|ahead| local.date() + Duration::days(ahead))
            .find(|day| {
                let weekday = u8::try_from(day.weekday().number_from_monday()).unwrap_or(0);
                let deadline = (*day - Duration::days(1)).and_time(cut_off);
                days.contains(&weekday)
                    && !closed.contains(day)
                    && !self.closed_days.contains(day)
                    && local < deadline
            })
    }
}

/// How far ahead a date is looked for before giving up (a shop closed for weeks).
const HORIZON_DAYS: i64 = 60;

/// The last Sunday of a month, at 01:00 UTC: when European summer time starts (March) or
/// ends (October).
fn last_sunday_1am_utc(year: i32, month: u32) -> DateTime<Utc> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("a valid month");
    let last = first_of_next - Duration::days(1);
    let sunday = last - Duration::days(i64::from(last.weekday().num_days_from_sunday()));
    Utc.from_utc_datetime(&sunday.and_hms_opt(1, 0, 0).expect("a valid time"))
}

/// Europe/Paris wall-clock time of an instant (CET, or CEST from the last Sunday of March
/// to the last Sunday of October, switching at 01:00 UTC, as EU rules say).
pub fn paris_time(instant: DateTime<Utc>) -> NaiveDateTime {
    let year = instant.year();
    let summer = instant >= last_sunday_1am_utc(year, 3) && instant < last_sunday_1am_utc(year, 10);
    instant.naive_utc() + Duration::hours(if summer { 2 } else { 1 })
}

/// The first day an order placed at `now` can be collected: today if the shop opens or is
/// still open later today, else its next opening day; `None` when it never opens.
pub fn pickup_date(
    hours: &[OpeningSlot],
    closed: &[NaiveDate],
    now: DateTime<Utc>,
) -> Option<NaiveDate> {
    let local = paris_time(now);
    let now_hhmm = local.format("%H:%M").to_string();
    (0..=HORIZON_DAYS)
        .map(|ahead| local.date() + Duration::days(ahead))
        .find(|day| {
            let weekday = u8::try_from(day.weekday().number_from_monday()).unwrap_or(0);
            !closed.contains(day)
                && hours.iter().any(|slot| {
                    slot.weekday == weekday && (*day != local.date() || slot.closes > now_hhmm)
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn paris_time_follows_summer_time() {
        // Winter: UTC+1. Summer: UTC+2. 2026 switches on 29 March and 25 October.
        assert_eq!(
            paris_time(utc("2026-01-15T12:00:00Z")).to_string(),
            "2026-01-15 13:00:00"
        );
        assert_eq!(
            paris_time(utc("2026-07-15T12:00:00Z")).to_string(),
            "2026-07-15 14:00:00"
        );
        assert_eq!(
            paris_time(utc("2026-03-29T00:59:00Z")).to_string(),
            "2026-03-29 01:59:00"
        );
        assert_eq!(
            paris_time(utc("2026-03-29T01:00:00Z")).to_string(),
            "2026-03-29 03:00:00"
        );
        assert_eq!(
            paris_time(utc("2026-10-25T00:59:00Z")).to_string(),
            "2026-10-25 02:59:00"
        );
        assert_eq!(
            paris_time(utc("2026-10-25T01:00:00Z")).to_string(),
            "2026-10-25 02:00:00"
        );
    }

    #[test]
    fn food_is_delivered_on_the_next_tuesday_or_friday_before_the_cut_off() {
        // December 2026: Monday 30 Nov, Tuesday 1 Dec, Thursday 3, Friday 4. Paris is UTC+1.
        let rules = DeliveryRules::default();
        let food = rules.days(ShopKind::Food, true, false);
        let cases = [
            ("2026-11-29T12:00:00Z", "2026-12-01"), // Sunday noon -> Tuesday
            ("2026-11-30T16:59:00Z", "2026-12-01"), // Monday 17:59 Paris -> Tuesday
            ("2026-11-30T17:00:00Z", "2026-12-04"), // Monday 18:00 Paris: missed -> Friday
            ("2026-12-01T09:00:00Z", "2026-12-04"), // Tuesday morning -> Friday
            ("2026-12-03T16:59:59Z", "2026-12-04"), // Thursday 17:59:59 -> Friday
            ("2026-12-03T17:00:00Z", "2026-12-08"), // Thursday 18:00 -> next Tuesday
            ("2026-12-04T10:00:00Z", "2026-12-08"), // Friday -> Tuesday
            ("2026-12-05T23:30:00Z", "2026-12-08"), // Sunday 00:30 Paris -> Tuesday
        ];
        for (now, expected) in cases {
            assert_eq!(
                rules.delivery_date(&food, &[], utc(now)),
                Some(date(expected)),
                "{now}"
            );
        }
    }

    #[test]
    fn other_shops_are_delivered_on_thursday() {
        let rules = DeliveryRules::default();
        let non_food = rules.days(ShopKind::NonFood, true, false);
        let cases = [
            ("2026-11-30T12:00:00Z", "2026-12-03"), // Monday -> Thursday
            ("2026-12-02T16:59:00Z", "2026-12-03"), // Wednesday 17:59 -> Thursday
            ("2026-12-02T17:00:00Z", "2026-12-10"), // Wednesday 18:00 -> next Thursday
            ("2026-12-03T08:00:00Z", "2026-12-10"), // Thursday itself -> next week
        ];
        for (now, expected) in cases {
            assert_eq!(
                rules.delivery_date(&non_food, &[], utc(now)),
                Some(date(expected)),
                "{now}"
            );
        }
        // Summer time moves the cut-off to 16:00 UTC.
        let summer = [
            ("2026-07-01T15:59:00Z", "2026-07-02"),
            ("2026-07-01T16:00:00Z", "2026-07-09"),
        ];
        for (now, expected) in summer {
            assert_eq!(
                rules.delivery_date(&non_food, &[], utc(now)),
                Some(date(expected)),
                "{now}"
            );
        }
    }

    #[test]
    fn closed_days_are_skipped_and_restaurants_deliver_only_if_they_opt_in() {
        let rules = DeliveryRules::default();
        let food = rules.days(ShopKind::Food, true, false);
        let closed = [date("2026-12-01"), date("2026-12-04")];
        let sunday = utc("2026-11-29T12:00:00Z");
        assert_eq!(
            rules.delivery_date(&food, &closed, sunday),
            Some(date("2026-12-08"))
        );
        let restaurant = rules.days(ShopKind::Restaurant, true, false);
        assert_eq!(rules.delivery_date(&restaurant, &[], sunday), None);
        assert_eq!(rules.days(ShopKind::Restaurant, true, true), [2, 5]);
        assert!(rules.days(ShopKind::Food, false, false).is_empty());
        assert!(rules.days(ShopKind::Restaurant, false, true).is_empty());
    }

    #[test]
    fn the_marketplace_closed_days_are_skipped_for_every_shop() {
        let rules = DeliveryRules {
            closed_days: vec![date("2026-12-01")],
            ..DeliveryRules::default()
        };
        let sunday = utc("2026-11-29T12:00:00Z");
        let food = rules.days(ShopKind::Food, true, false);
        assert_eq!(
            rules.delivery_date(&food, &[], sunday),
            Some(date("2026-12-04"))
        );
        let closed_too = [date("2026-12-04")];
        assert_eq!(
            rules.delivery_date(&food, &closed_too, sunday),
            Some(date("2026-12-08"))
        );
        let non_food = rules.days(ShopKind::NonFood, true, false);
        assert_eq!(
            rules.delivery_date(&non_food, &[], sunday),
            Some(date("2026-12-03"))
        );
    }

    #[test]
    fn empty_days_and_the_minimum_basket_are_read_from_the_settings() {
        let row = |name: &str, value: &str| (name.to_owned(), value.to_owned());
        let rules = DeliveryRules::from_settings(&[
            row("delivery_days.food", ""),
            row("delivery_min_basket_cents", "2500"),
        ]);
        assert!(rules.food.is_empty());
        assert_eq!(rules.non_food, [4]);
        assert_eq!(rules.minimum_basket_cents, Some(2500));
        let free = DeliveryRules::from_settings(&[row("delivery_min_basket_cents", "0")]);
        assert_eq!(free.minimum_basket_cents, None);
        let bad = DeliveryRules::from_settings(&[row("delivery_min_basket_cents", "x")]);
        assert_eq!(bad.minimum_basket_cents, None);
    }

    #[test]
    fn settings_change_the_days_and_the_cut_off() {
        let row = |name: &str, value: &str| (name.to_owned(), value.to_owned());
        let rules = DeliveryRules::from_settings(&[
            row("delivery_days.food", "3, 6"),
            row("delivery_days.non_food", "1,x"),
            row("delivery_cut_off_hour", "12"),
        ]);
        assert_eq!(
            rules,
            DeliveryRules {
                food: vec![3, 6],
                non_food: vec![4],
                cut_off_hour: 12,
                ..DeliveryRules::default()
            }
        );
        // Tuesday 11:59 Paris makes Wednesday's round; 12:00 misses it.
        let food = rules.days(ShopKind::Food, true, false);
        assert_eq!(
            rules.delivery_date(&food, &[], utc("2026-12-01T10:59:00Z")),
            Some(date("2026-12-02"))
        );
        assert_eq!(
            rules.delivery_date(&food, &[], utc("2026-12-01T11:00:00Z")),
            Some(date("2026-12-05"))
        );
        assert_eq!(
            DeliveryRules::from_settings(&[row("delivery_cut_off_hour", "25")]).cut_off_hour,
            18
        );
    }

    #[test]
    fn pickup_is_today_while_the_shop_is_open_else_its_next_open_day() {
        let slot = |weekday, opens: &str, closes: &str| OpeningSlot {
            weekday,
            opens: opens.into(),
            closes: closes.into(),
        };
        // Tuesday to Saturday, 9:00-12:30 and 15:00-19:00.
        let hours: Vec<OpeningSlot> = (2..=6)
            .flat_map(|d| [slot(d, "09:00", "12:30"), slot(d, "15:00", "19:00")])
            .collect();
        let cases = [
            ("2026-12-01T07:00:00Z", "2026-12-01"), // Tuesday 08:00 Paris -> today
            ("2026-12-01T17:59:00Z", "2026-12-01"), // Tuesday 18:59 -> still open today
            ("2026-12-01T18:00:00Z", "2026-12-02"), // Tuesday 19:00 -> closed, Wednesday
            ("2026-12-05T19:00:00Z", "2026-12-08"), // Saturday evening -> Tuesday
            ("2026-11-30T10:00:00Z", "2026-12-01"), // Monday (closed) -> Tuesday
        ];
        for (now, expected) in cases {
            assert_eq!(
                pickup_date(&hours, &[], utc(now)),
                Some(date(expected)),
                "{now}"
            );
        }
        assert_eq!(
            pickup_date(&hours, &[date("2026-12-01")], utc("2026-11-30T10:00:00Z")),
            Some(date("2026-12-02"))
        );
        assert_eq!(pickup_date(&[], &[], utc("2026-11-30T10:00:00Z")), None);
    }
}
