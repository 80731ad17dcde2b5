//! French calendar words, shared by the web app's French strings and the server's e-mails,
//! so a date reads the same on screen and in a message.

/// Weekday names, Monday first, as inside a sentence.
pub const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// Month names, January first, as inside a sentence.
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Page headings the web app shows and the server also writes as the pages' `<title>`
/// (issue 16), so the title does not change when the app starts.
pub mod headings {
    /// The catalogue.
    pub const CATALOGUE: &str = "Catalogue";
    /// The shop directory.
    pub const SHOPS: &str = "Les commerces";
    /// A product that is not on sale.
    pub const PRODUCT_NOT_FOUND: &str = "Produit introuvable";
    /// A shop that is not open on the site.
    pub const SHOP_NOT_FOUND: &str = "Commerce introuvable";
}

/// "mardi 1er décembre": `weekday` from 1 (Monday) to 7, `day` of the month, `month` from 1
/// (January) to 12. Out-of-range numbers give an empty word rather than a panic.
pub fn long_date(weekday: u8, day: u32, month: u32) -> String {
    let (weekday, month) = words(&WEEKDAYS, &MONTHS, weekday, month);
    match day {
        1 => format!("{weekday} 1er {month}"),
        day => format!("{weekday} {day} {month}"),
    }
}

/// The weekday (1 for Monday) and the month (1 for January) in a language's words; an
/// empty word for a number out of range.
pub(crate) fn words(
    weekdays: &[&'static str; 7],
    months: &[&'static str; 12],
    weekday: u8,
    month: u32,
) -> (&'static str, &'static str) {
    let weekday = usize::from(weekday)
        .checked_sub(1)
        .and_then(|i| weekdays.get(i))
        .copied()
        .unwrap_or_default();
    let month = usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| months.get(i))
        .copied()
        .unwrap_or_default();
    (weekday, month)
}

#[cfg(test)]
mod tests {
    use super::long_date;

    #[test]
    fn the_first_of_the_month_is_1er() {
        assert_eq!(long_date(2, 1, 12), "mardi 1er décembre");
        assert_eq!(long_date(5, 25, 12), "vendredi 25 décembre");
        assert_eq!(long_date(7, 15, 8), "dimanche 15 août");
    }
}
