//! An e-mail address as every route takes it (an account's login, a shop's or the
//! association's contact, a customer's): the one rule, which the OpenAPI document states
//! as the `<email>` pattern (`routes::contract`).

/// Longest address, in characters.
pub const MAX_EMAIL_CHARS: usize = 254;

/// The address `text` names, trimmed and lower-cased: `someone@host.tld`, one `@`, a dot
/// in the host but not at its ends, no space or control character inside, at most
/// [`MAX_EMAIL_CHARS`] characters. `None` when it is not one.
pub fn parse_email(text: &str) -> Option<String> {
    let text = text.trim();
    let valid = text.chars().count() <= MAX_EMAIL_CHARS
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && text.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty()
                && !host.contains('@')
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
        });
    valid.then(|| text.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_trimmed_and_lower_cased() {
        assert_eq!(
            parse_email("  Jeanne@Example.FR \n").as_deref(),
            Some("jeanne@example.fr")
        );
        assert_eq!(parse_email("a@b.c").as_deref(), Some("a@b.c"));
        let long = format!("{}@example.fr", "é".repeat(MAX_EMAIL_CHARS - 11));
        assert_eq!(long.chars().count(), MAX_EMAIL_CHARS);
        assert!(
            parse_email(&long).is_some(),
            "characters are counted, not bytes"
        );
    }

    #[test]
    fn what_is_not_an_address() {
        for text in [
            "",
            " ",
            "jeanne",
            "@example.fr",
            "jeanne@",
            "jeanne@example",
            "jeanne@.example.fr",
            "jeanne@example.fr.",
            "jeanne@ex@ample.fr",
            "jean ne@example.fr",
            "jeanne@exa\u{7}mple.fr",
        ] {
            assert_eq!(parse_email(text), None, "{text:?}");
        }
        let long = format!("{}@example.fr", "a".repeat(MAX_EMAIL_CHARS - 10));
        assert_eq!(parse_email(&long), None);
    }
}
