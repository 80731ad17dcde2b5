//! French phone numbers: every usual spelling in, one spelling out.

/// A valid French phone number, kept as its ten national digits (`0466221234`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrenchPhone(String);

impl FrenchPhone {
    /// Accepts `04 66 22 12 34`, `04.66.22.12.34`, `0466221234`, `+33 4 66 22 12 34`,
    /// `+33 (0)4 66 22 12 34` and `0033 4 66 22 12 34`; the number must then be ten digits
    /// starting with 0 and a digit from 1 to 9.
    pub fn parse(input: &str) -> Result<FrenchPhone, &'static str> {
        let compact: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}' | '/'))
            .collect();
        let compact = compact.replace("(0)", "");
        let national = if let Some(rest) = compact.strip_prefix("+33") {
            format!("0{rest}")
        } else if let Some(rest) = compact.strip_prefix("0033") {
            format!("0{rest}")
        } else {
            compact
        };
        let bytes = national.as_bytes();
        let valid = bytes.len() == 10
            && bytes.iter().all(u8::is_ascii_digit)
            && bytes[0] == b'0'
            && bytes[1] != b'0';
        if valid {
            Ok(FrenchPhone(national))
        } else {
            Err("must be a French phone number of 10 digits, such as 04 66 22 12 34")
        }
    }

    /// As people read it: `04 66 22 12 34`.
    pub fn display(&self) -> String {
        self.0
            .as_bytes()
            .chunks(2)
            .map(|pair| String::from_utf8_lossy(pair))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// For a `tel:` link: `+33466221234`.
    pub fn e164(&self) -> String {
        format!("+33{}", &self.0[1..])
    }
}

#[cfg(test)]
mod tests {
    use super::FrenchPhone;

    #[test]
    fn usual_spellings_normalise_to_one() {
        for input in [
            "04 66 22 12 34",
            "0466221234",
            "04.66.22.12.34",
            "04-66-22-12-34",
            "+33 4 66 22 12 34",
            "+33466221234",
            "+33 (0)4 66 22 12 34",
            "0033 4 66 22 12 34",
        ] {
            let phone = FrenchPhone::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(phone.display(), "04 66 22 12 34", "{input}");
            assert_eq!(phone.e164(), "+33466221234");
        }
        assert_eq!(
            FrenchPhone::parse("06 12 34 56 78").unwrap().display(),
            "06 12 34 56 78"
        );
    }

    #[test]
    fn other_inputs_are_refused() {
        for input in [
            "",
            "12",
            "04 66 22 12 3",
            "04 66 22 12 345",
            "00 66 22 12 34",
            "+44 20 7946 0958",
            "04 66 22 12 3a",
            "+33 0 4 66 22 12 34",
        ] {
            assert!(FrenchPhone::parse(input).is_err(), "{input}");
        }
    }
}
