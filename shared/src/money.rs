//! Money as integer cents, never floats, and its French display ("12,50 €").

/// The only currency of the marketplace.
pub const CURRENCY: &str = "EUR";

/// Formats cents the French way: `1250` -> `12,50 €`, `123456` -> `1 234,56 €`.
///
/// The thousands separator is a narrow no-break space and the euro sign is preceded by a
/// no-break space, so a price never wraps across two lines.
pub fn format_eur(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let euros = (abs / 100).to_string();
    let mut grouped = String::with_capacity(euros.len() + euros.len() / 3 * 3);
    for (i, digit) in euros.chars().enumerate() {
        if i > 0 && (euros.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped},{:02}\u{a0}€", abs % 100)
}

#[cfg(test)]
mod tests {
    use super::format_eur;

    #[test]
    fn formats_cents_in_french() {
        let cases = [
            (0, "0,00\u{a0}€"),
            (5, "0,05\u{a0}€"),
            (110, "1,10\u{a0}€"),
            (1250, "12,50\u{a0}€"),
            (99_999, "999,99\u{a0}€"),
            (123_456, "1\u{202f}234,56\u{a0}€"),
            (123_456_789, "1\u{202f}234\u{202f}567,89\u{a0}€"),
            (-1250, "-12,50\u{a0}€"),
        ];
        for (cents, expected) in cases {
            assert_eq!(format_eur(cents), expected, "{cents} cents");
        }
    }
}
