//! When a failed delivery is tried again: immediately, then after 5 s, 5 min, 30 min, 2 h,
//! 5 h, 10 h and 10 h; a `Retry-After` on a 429 or 503 is honoured instead (within the
//! longest step). An endpoint failing for [`DISABLE_AFTER_DAYS`] days is disabled.

use std::time::Duration;

/// The waits after the first, second, ... failed attempt; after the last one, the event is
/// given up.
pub const STEPS: [Duration; 7] = [
    Duration::from_secs(5),
    Duration::from_secs(5 * 60),
    Duration::from_secs(30 * 60),
    Duration::from_secs(2 * 3600),
    Duration::from_secs(5 * 3600),
    Duration::from_secs(10 * 3600),
    Duration::from_secs(10 * 3600),
];

/// Attempts of one event: the first and one per step.
pub const MAX_ATTEMPTS: i32 = STEPS.len() as i32 + 1;

/// Days of failures without a success after which an endpoint is disabled.
pub const DISABLE_AFTER_DAYS: i64 = 5;

/// The wait after `attempts` failed attempts, or `None` when that was the last one.
/// `retry_after`: what a 429 or 503 asked for.
pub fn next_delay(attempts: i32, retry_after: Option<Duration>) -> Option<Duration> {
    let step = usize::try_from(attempts.max(1) - 1).ok()?;
    let planned = *STEPS.get(step)?;
    Some(match retry_after {
        Some(asked) => asked.min(STEPS[STEPS.len() - 1]),
        None => planned,
    })
}

/// A `Retry-After` value: seconds, or an HTTP date (relative to `now`).
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    (at.with_timezone(&chrono::Utc) - now).to_std().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_follow_the_published_schedule_then_stop() {
        let waits: Vec<Option<u64>> = (1..=9)
            .map(|attempts| next_delay(attempts, None).map(|d| d.as_secs()))
            .collect();
        assert_eq!(
            waits,
            vec![
                Some(5),
                Some(300),
                Some(1800),
                Some(7200),
                Some(18_000),
                Some(36_000),
                Some(36_000),
                None,
                None
            ]
        );
        assert_eq!(MAX_ATTEMPTS, 8);
    }

    #[test]
    fn retry_after_is_honoured_within_the_longest_step() {
        assert_eq!(
            next_delay(1, Some(Duration::from_secs(120))),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            next_delay(2, Some(Duration::from_secs(86_400 * 7))),
            Some(Duration::from_secs(36_000))
        );
        assert_eq!(next_delay(MAX_ATTEMPTS, Some(Duration::from_secs(1))), None);
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-04T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(parse_retry_after("30", now), Some(Duration::from_secs(30)));
        assert_eq!(
            parse_retry_after("Fri, 04 Dec 2026 10:01:00 GMT", now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
