//! The rules of delivery rounds (issue 11) that need no database: what makes two orders one
//! stop, the default order of stops, a customer's initials on a collection sheet, the
//! ready-by time, and the days a volunteer may see a round.

use chrono::{Duration, NaiveDate};
use sha2::{Digest, Sha256};

use crate::domain::search::sort_key;

/// Longest access note on a delivery address ("code porte 1234, 2e étage").
pub const MAX_ACCESS_NOTE: usize = 300;

/// Longest round name.
pub const MAX_ROUND_NAME: usize = 80;

/// The stop of an address: orders of several shops to the same door are one stop. The key
/// is the same whatever the spelling of spaces, case and accents, and it is short and safe
/// in a URL (`/rounds/{id}/stops/{stop}`): 16 hex digits of a SHA-256.
pub fn stop_key(street: &str, postcode: &str, commune: &str) -> String {
    let normal = format!(
        "{}|{}|{}",
        sort_key(street),
        postcode.trim(),
        sort_key(commune)
    );
    hex::encode(&Sha256::digest(normal.as_bytes())[..8])
}

/// How stops sort by default: commune, then street name, then number (`3` before `12`,
/// `12` before `12 bis`).
pub fn default_order(street: &str, commune: &str) -> (String, String, u32, String) {
    let street = street.trim();
    let digits: String = street.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse::<u32>().unwrap_or(u32::MAX);
    let rest = street[digits.len()..].trim_start_matches([' ', ',']);
    // "12 bis rue ..." / "12bis, rue ...": the suffix orders after the plain number.
    let (suffix, name) = match rest.split_once(' ') {
        Some((word, name))
            if ["bis", "ter", "quater", "a", "b", "c"].contains(&word.to_lowercase().as_str()) =>
        {
            (word.to_lowercase(), name)
        }
        _ => (String::new(), rest),
    };
    (sort_key(commune), sort_key(name), number, suffix)
}

/// The customer's initials for a collection sheet: a shop sees whose bag it packs, a
/// passer-by reading the sheet learns nothing. "Jeanne Martin" gives "J. M.".
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|word| word.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_uppercase)
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A ready-by time, `HH:MM` from 05:00 to 14:00 (the rounds run in the morning).
pub fn parse_ready_by(value: &str) -> Option<String> {
    // Exactly `HH:MM`, as the document's pattern says: no space around it.
    let time = chrono::NaiveTime::parse_from_str(value, "%H:%M").ok()?;
    let earliest = chrono::NaiveTime::from_hms_opt(5, 0, 0)?;
    let latest = chrono::NaiveTime::from_hms_opt(14, 0, 0)?;
    (value.len() == 5 && (earliest..=latest).contains(&time))
        .then(|| time.format("%H:%M").to_string())
}

/// A delivery date, `YYYY-MM-DD`.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    // Exactly `YYYY-MM-DD`, as the document's pattern says: no space around it.
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .filter(|_| value.len() == 10)
}

/// Whether a volunteer may see a round of `date` on `today` (Europe/Paris): from the day
/// before to the day after, so they can prepare it and finish it after midnight.
pub fn volunteer_may_see(date: NaiveDate, today: NaiveDate) -> bool {
    (today - Duration::days(1)..=today + Duration::days(1)).contains(&date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_door_is_one_stop_whatever_the_spelling() {
        let a = stop_key("12 rue de la République", "30700", "Uzès");
        assert_eq!(a, stop_key(" 12  Rue de la Republique ", "30700", "UZES"));
        assert_ne!(a, stop_key("14 rue de la République", "30700", "Uzès"));
        assert_eq!(a.len(), 16);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn stops_sort_by_commune_street_then_number() {
        let mut streets = [
            ("12 rue Jacques d'Uzès", "Uzès"),
            ("3 rue Jacques d'Uzès", "Uzès"),
            ("12 bis rue Jacques d'Uzès", "Uzès"),
            ("1 avenue Foch", "Uzès"),
            ("2 place de l'Église", "Arpaillargues-et-Aureillac"),
        ];
        streets.sort_by_key(|(street, commune)| default_order(street, commune));
        let streets: Vec<&str> = streets.iter().map(|(s, _)| *s).collect();
        assert_eq!(
            streets,
            [
                "2 place de l'Église",
                "1 avenue Foch",
                "3 rue Jacques d'Uzès",
                "12 rue Jacques d'Uzès",
                "12 bis rue Jacques d'Uzès",
            ]
        );
    }

    #[test]
    fn initials_hide_the_name() {
        assert_eq!(initials("Jeanne Martin"), "J. M.");
        assert_eq!(initials("  élodie  Saint-Just "), "É. S. J.");
        assert_eq!(initials(""), "");
    }

    #[test]
    fn ready_by_is_a_morning_time() {
        assert_eq!(parse_ready_by("08:30").as_deref(), Some("08:30"));
        assert_eq!(parse_ready_by("8:30"), None);
        assert_eq!(parse_ready_by("22:00"), None);
        assert_eq!(parse_ready_by("14:00").as_deref(), Some("14:00"));
        assert_eq!(parse_ready_by("14:01"), None);
        assert_eq!(parse_ready_by("04:59"), None);
        assert_eq!(parse_ready_by(" 08:30"), None);
        assert_eq!(parse_ready_by("soon"), None);
    }

    #[test]
    fn volunteers_see_a_round_from_the_day_before_to_the_day_after() {
        let today = parse_date("2026-12-04").unwrap();
        for (date, visible) in [
            ("2026-12-02", false),
            ("2026-12-03", true),
            ("2026-12-04", true),
            ("2026-12-05", true),
            ("2026-12-06", false),
        ] {
            assert_eq!(
                volunteer_may_see(parse_date(date).unwrap(), today),
                visible,
                "{date}"
            );
        }
        assert_eq!(parse_date("2026-2-4"), None);
    }
}
