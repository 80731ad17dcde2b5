//! Prices as people type them ("12,50", "12.5", "12 €") and as the app writes them back into
//! a form field or an address. Displaying a price to read is `shared::money::format_eur`.

/// The largest price a filter accepts, in cents: far above anything on sale, far below
/// anything that could overflow.
const MAX_CENTS: i64 = 100_000_000;

/// Why a typed price was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceError {
    /// Not a price in euros: letters, a minus sign, more than two decimals, too large.
    Invalid,
}

/// Reads a price in euros typed by a person into cents.
///
/// Accepts a comma or a point before the cents, at most two decimals, spaces (also
/// no-break) between digit groups and a trailing euro sign: "12,50", "12.5", "1 200", "3 €".
/// An empty field is `Ok(None)`: no price given.
pub fn parse_euros(text: &str) -> Result<Option<i64>, PriceError> {
    let text = text.trim().trim_end_matches('€').trim_end();
    if text.is_empty() {
        return Ok(None);
    }
    let digits_only: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (euros, cents) = match digits_only.split_once([',', '.']) {
        Some((euros, cents)) => (euros, cents),
        None => (digits_only.as_str(), ""),
    };
    let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if (euros.is_empty() && cents.is_empty())
        || !all_digits(euros)
        || !all_digits(cents)
        || cents.len() > 2
        || euros.len() > 9
    {
        return Err(PriceError::Invalid);
    }
    let euros: i64 = if euros.is_empty() {
        0
    } else {
        euros.parse().map_err(|_| PriceError::Invalid)?
    };
    let cents: i64 = match cents.len() {
        0 => 0,
        1 => cents.parse::<i64>().map_err(|_| PriceError::Invalid)? * 10,
        _ => cents.parse().map_err(|_| PriceError::Invalid)?,
    };
    let total = euros * 100 + cents;
    if total > MAX_CENTS {
        return Err(PriceError::Invalid);
    }
    Ok(Some(total))
}

/// Writes cents the way a person would type them back, with `separator` before the cents:
/// `1250` -> "12,50", `1200` -> "12" (no cents when there are none).
pub fn euros_text(cents: i64, separator: char) -> String {
    if cents % 100 == 0 {
        format!("{}", cents / 100)
    } else {
        format!("{}{separator}{:02}", cents / 100, cents % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_prices_the_way_people_type_them() {
        let cases = [
            ("", None),
            ("   ", None),
            ("12", Some(1200)),
            ("12,50", Some(1250)),
            ("12.50", Some(1250)),
            ("12,5", Some(1250)),
            ("12,05", Some(1205)),
            (" 12,50 € ", Some(1250)),
            ("12€", Some(1200)),
            ("0", Some(0)),
            (",50", Some(50)),
            ("12,", Some(1200)),
            ("1 200", Some(120_000)),
            ("1\u{202f}200,00", Some(120_000)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_euros(text), Ok(expected), "{text:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_price() {
        for text in [
            "abc",
            "-3",
            "12,505",
            "1,2,3",
            "12 euros",
            ",",
            "1e3",
            "0x10",
            "9999999999",
            "+5",
        ] {
            assert_eq!(parse_euros(text), Err(PriceError::Invalid), "{text:?}");
        }
    }

    #[test]
    fn writes_back_what_it_reads() {
        assert_eq!(euros_text(1250, ','), "12,50");
        assert_eq!(euros_text(1205, '.'), "12.05");
        assert_eq!(euros_text(1200, ','), "12");
        assert_eq!(euros_text(5, ','), "0,05");
        for cents in [0, 5, 50, 1200, 1250, 99_999] {
            assert_eq!(parse_euros(&euros_text(cents, ',')), Ok(Some(cents)));
            assert_eq!(parse_euros(&euros_text(cents, '.')), Ok(Some(cents)));
        }
    }
}
