//! English calendar words, shared by the web app's English strings and the server's e-mails
//! to shoppers who read English, so a date reads the same on screen and in a message.

/// Weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Tuesday 1 December": `weekday` from 1 (Monday) to 7, `day` of the month, `month` from 1
/// (January) to 12. Out-of-range numbers give an empty word rather than a panic.
pub fn long_date(weekday: u8, day: u32, month: u32) -> String {
    let (weekday, month) = crate::french::words(&WEEKDAYS, &MONTHS, weekday, month);
    format!("{weekday} {day} {month}")
}

#[cfg(test)]
mod tests {
    use super::long_date;

    #[test]
    fn dates_read_weekday_day_month() {
        assert_eq!(long_date(2, 1, 12), "Tuesday 1 December");
        assert_eq!(long_date(7, 15, 8), "Sunday 15 August");
        assert_eq!(long_date(9, 15, 13), " 15 ");
    }
}
