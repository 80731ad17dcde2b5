//! The language a shopper reads: French by default, English when the request asks for it.
//!
//! The web app sends `Accept-Language` with the language its reader chose (its FR/EN
//! toggle); an integrator may send one too. A checkout remembers it on its orders, so every
//! later message about them (confirmed, ready, cancelled, the delivery reminder) is written
//! in it; the account's messages (reset, verification) follow the request that causes them.

/// A language the e-mails are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Language {
    /// Its code, as stored with an order and in `<html lang>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    /// Reads a stored code; anything else is French.
    pub fn parse(code: &str) -> Language {
        if code == "en" {
            Language::En
        } else {
            Language::Fr
        }
    }

    /// The language an `Accept-Language` header prefers among French and English: the
    /// supported tag with the highest weight (the first one on a tie), French when none is
    /// supported or the header is missing or malformed. Never an error: a header the server
    /// does not understand only means French.
    pub fn from_accept_language(header: Option<&str>) -> Language {
        let Some(header) = header else {
            return Language::Fr;
        };
        let mut best: Option<(Language, u16)> = None;
        for item in header.split(',').take(20) {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let primary = tag.split('-').next().unwrap_or_default();
            let language = if primary.eq_ignore_ascii_case("fr") {
                Language::Fr
            } else if primary.eq_ignore_ascii_case("en") {
                Language::En
            } else {
                continue;
            };
            let weight = parts
                .find_map(|param| param.trim().strip_prefix("q="))
                .map_or(Some(1000), weight);
            let Some(weight) = weight else {
                continue;
            };
            if weight > 0 && best.is_none_or(|(_, b)| weight > b) {
                best = Some((language, weight));
            }
        }
        best.map_or(Language::Fr, |(language, _)| language)
    }
}

/// A `q` value in thousandths (`0.8` → 800), `None` when malformed.
fn weight(q: &str) -> Option<u16> {
    let value: f32 = q.trim().parse().ok()?;
    (0.0..=1.0)
        .contains(&value)
        // In 0..=1000 by the check above.
        .then(|| (value * 1000.0).round() as u16)
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn the_preferred_supported_language_wins_and_french_is_the_default() {
        let of = |h: &str| Language::from_accept_language(Some(h));
        assert_eq!(Language::from_accept_language(None), Language::Fr);
        assert_eq!(of("en"), Language::En);
        assert_eq!(of("en-GB,en;q=0.9"), Language::En);
        assert_eq!(of("fr-FR,fr;q=0.9,en;q=0.8"), Language::Fr);
        assert_eq!(of("de-DE,en;q=0.5,fr;q=0.7"), Language::Fr);
        assert_eq!(of("de-DE,en;q=0.5"), Language::En);
        assert_eq!(of("de, it"), Language::Fr);
        assert_eq!(of("en;q=0, fr;q=0.1"), Language::Fr);
        assert_eq!(of("en;q=banana"), Language::Fr);
        assert_eq!(of(""), Language::Fr);
        assert_eq!(Language::parse(Language::En.as_str()), Language::En);
        assert_eq!(Language::parse("xx"), Language::Fr);
    }
}
