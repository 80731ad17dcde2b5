//! A shop's opening hours, one row per weekday.

use leptos::prelude::*;
use shared::catalogue::OpeningSlot;

use crate::i18n::use_i18n;

/// A table from Monday to Sunday: each day's periods ("9 h 00 – 12 h 30"), or "Fermé"; today's
/// row stands out and says so.
///
/// Browser tests rely on `<table data-testid="opening-hours">` with one `<tr>` per weekday.
#[component]
pub fn OpeningHours(
    /// The periods, in any order.
    slots: Vec<OpeningSlot>,
    /// Today's ISO weekday (1 Monday .. 7 Sunday).
    today: u8,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = (1..=7u8)
        .map(|weekday| {
            let mut periods: Vec<(String, String)> = slots
                .iter()
                .filter(|slot| slot.weekday == weekday)
                .map(|slot| (slot.opens.clone(), slot.closes.clone()))
                .collect();
            // "HH:MM" sorts as text.
            periods.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            let is_today = weekday == today;
            let hours = move || {
                let t = i18n.t();
                if periods.is_empty() {
                    return view! { <span class="hours__closed">{t.closed}</span> }.into_any();
                }
                periods
                    .iter()
                    .map(|(opens, closes)| {
                        view! {
                            <span class="hours__period">
                                {format!("{} – {}", (t.time)(opens), (t.time)(closes))}
                            </span>
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            view! {
                <tr class:hours__today=is_today>
                    <th scope="row">
                        {move || capitalised(i18n.t().weekday(weekday))}
                        " "
                        {is_today
                            .then(|| {
                                view! {
                                    <span class="hours__today-mark">
                                        {move || format!("({})", i18n.t().today)}
                                    </span>
                                }
                            })}
                    </th>
                    <td>{hours}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="hours" data-testid="opening-hours">
            <tbody>{rows}</tbody>
        </table>
    }
}

/// "lundi" -> "Lundi". Weekday names start with an ASCII letter, in French and English; ASCII
/// spares the wasm the Unicode case tables.
fn capitalised(word: &str) -> String {
    let mut word = word.to_owned();
    if let Some(first) = word.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    word
}
