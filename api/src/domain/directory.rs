//! What the printed directory says (issue 13), before any typesetting: the cover (the
//! association's text and how the marketplace works, read from the delivery rules and the
//! marketplace's settings), the shops grouped under their headings, each with what a
//! reader needs to order by phone or visit, and the address its QR code opens. The same
//! content feeds the PDF (`crate::directory_pdf`) and the CSV export.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use shared::catalogue::{OpeningSlot, ShopKind};
use shared::french::{MONTHS, WEEKDAYS};
use shared::money::format_eur;

use crate::domain::delivery::DeliveryRules;

/// Longest "what it sells", in characters (the description, shortened at a word).
pub const MAX_SELLS_CHARS: usize = 140;

/// The heading of shops with no active product yet.
const OTHER_HEADING: &str = "Autres commerces";

/// A shop as the directory needs it (from an active shop's row).
#[derive(Debug, Clone)]
pub struct ShopFacts {
    pub slug: String,
    pub name: String,
    pub kind: ShopKind,
    pub description: String,
    pub address: String,
    pub postcode: String,
    pub commune: String,
    pub phone: String,
    pub opening_hours: Vec<OpeningSlot>,
    pub offers_pickup: bool,
    pub offers_delivery: bool,
    pub delivers_on_food_days: bool,
    /// The top-level category most of its products are in, with its place among them.
    pub category: Option<(String, i32)>,
}

/// The marketplace's facts the cover uses.
#[derive(Debug, Clone, Default)]
pub struct MarketplaceFacts {
    pub name: String,
    pub town: String,
    pub phone: String,
    /// The public address of the site, without a trailing slash.
    pub public_url: String,
}

/// One shop's entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub slug: String,
    pub name: String,
    pub heading: String,
    /// What it sells: its description, shortened.
    pub sells: String,
    /// Street, postcode and commune.
    pub address: String,
    pub phone: String,
    /// Opening hours, days with the same hours merged: `mar.–sam. 9h–12h30, 15h–19h`.
    pub hours: String,
    /// Delivery and pickup in a sentence.
    pub delivery: String,
    /// The weekdays (1-7) it delivers on; empty when it does not.
    pub delivery_days: Vec<u8>,
    /// The address its QR code opens.
    pub url: String,
}

/// The directory's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directory {
    /// The marketplace's name, the cover's title.
    pub title: String,
    /// "Annuaire des commerces d'Uzès et des villages".
    pub subtitle: String,
    /// The admins' text, or the default.
    pub cover_text: String,
    /// How ordering works, a sentence per point.
    pub how_it_works: Vec<String>,
    /// Headings in the association's order of categories, shops by name within each.
    pub groups: Vec<(String, Vec<Entry>)>,
    /// "Données au 5 décembre 2026".
    pub data_date: String,
    /// The association's phone for orders by phone (no-break spaces), or empty.
    pub phone: String,
    /// The site's address without its scheme: `vitrine-uzes.fr`.
    pub site: String,
}

impl Directory {
    /// Every entry, heading by heading.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.groups.iter().flat_map(|(_, entries)| entries)
    }
}

/// The cover's text when the admins wrote none.
pub fn default_cover_text(market: &MarketplaceFacts) -> String {
    let town = if market.town.trim().is_empty() {
        "notre ville".to_owned()
    } else {
        market.town.trim().to_owned()
    };
    format!(
        "Les commerçants, artisans et restaurants de {town} et de ses villages vous \
         accueillent dans leurs boutiques et sur internet. Ce livret les présente tous : \
         ce qu'ils vendent, où les trouver, quand ils sont ouverts, et comment commander \
         chez eux, même sans ordinateur."
    )
}

/// "le mardi et le vendredi"; empty for no day.
pub fn days_phrase(days: &[u8]) -> String {
    let words: Vec<String> = days
        .iter()
        .filter_map(|d| usize::from(*d).checked_sub(1).and_then(|i| WEEKDAYS.get(i)))
        .map(|day| format!("le {day}"))
        .collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} et {last}", rest.join(", ")),
    }
}

/// "5 décembre 2026" ("1er" on the first).
pub fn french_date(date: NaiveDate) -> String {
    let month = MONTHS
        .get(date.month0() as usize)
        .copied()
        .unwrap_or_default();
    match date.day() {
        1 => format!("1er {month} {}", date.year()),
        day => format!("{day} {month} {}", date.year()),
    }
}

/// `text` on one line, cut at a word to at most `max` characters, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut out = String::new();
    for word in flat.split(' ') {
        let next = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if next + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = flat.chars().take(max.saturating_sub(1)).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '.', ' ']).to_owned();
    format!("{out}…")
}

/// "9h", "12h30".
fn hour(time: &str) -> String {
    match time.split_once(':') {
        Some((h, "00")) => format!("{}h", h.trim_start_matches('0').max("0")),
        Some((h, m)) => format!("{}h{m}", h.trim_start_matches('0').max("0")),
        None => time.to_owned(),
    }
}

const SHORT_DAYS: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];

/// Opening hours, consecutive days with the same hours merged: `mar.–sam. 9h–12h, 14h–19h ;
/// dim. 9h–12h`. Empty when the shop gave none.
pub fn hours_text(slots: &[OpeningSlot]) -> String {
    let mut per_day: BTreeMap<u8, Vec<String>> = BTreeMap::new();
    for slot in slots {
        per_day.entry(slot.weekday).or_default().push(format!(
            "{}–{}",
            hour(&slot.opens),
            hour(&slot.closes)
        ));
    }
    // Runs of consecutive weekdays with the same hours.
    let mut runs: Vec<(u8, u8, String)> = Vec::new();
    for (day, hours) in per_day {
        let hours = hours.join(", ");
        match runs.last_mut() {
            Some((_, last, h)) if *last + 1 == day && *h == hours => *last = day,
            _ => runs.push((day, day, hours)),
        }
    }
    let short = |d: u8| {
        usize::from(d)
            .checked_sub(1)
            .and_then(|i| SHORT_DAYS.get(i))
            .copied()
            .unwrap_or_default()
    };
    runs.iter()
        .map(|(first, last, hours)| match last - first {
            0 => format!("{} {hours}", short(*first)),
            1 => format!("{} {} {hours}", short(*first), short(*last)),
            _ => format!("{}–{} {hours}", short(*first), short(*last)),
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// Builds the directory: `shops` are the active shops by name, `left_out` the slugs the
/// admins left out, `today` the day the data is read.
pub fn build(
    market: &MarketplaceFacts,
    rules: &DeliveryRules,
    cover_text: &str,
    shops: Vec<ShopFacts>,
    left_out: &[String],
    today: NaiveDate,
) -> Directory {
    let town = market.town.trim();
    let subtitle = if town.is_empty() {
        "Annuaire des commerces".to_owned()
    } else {
        let elided = town
            .chars()
            .next()
            .is_some_and(|c| "AEIOUYÉÈÊÂÎÔÛaeiouyéèêâîôû".contains(c));
        let of = if elided { "d'" } else { "de " };
        format!("Annuaire des commerces {of}{town} et des villages")
    };
    let cover_text = if cover_text.trim().is_empty() {
        default_cover_text(market)
    } else {
        cover_text.trim().to_owned()
    };
    let mut groups: BTreeMap<(i32, String), Vec<Entry>> = BTreeMap::new();
    for shop in shops {
        if left_out.contains(&shop.slug) {
            continue;
        }
        let (heading, position) = shop
            .category
            .clone()
            .unwrap_or_else(|| (OTHER_HEADING.to_owned(), i32::MAX));
        let delivery_days = rules.days(shop.kind, shop.offers_delivery, shop.delivers_on_food_days);
        let delivery = match (delivery_days.is_empty(), shop.offers_pickup) {
            (false, true) => format!(
                "Livraison gratuite {} ; retrait en boutique.",
                days_phrase(&delivery_days)
            ),
            (false, false) => format!("Livraison gratuite {}.", days_phrase(&delivery_days)),
            (true, true) => "Pas de livraison ; retrait en boutique.".to_owned(),
            (true, false) => "Sur place uniquement.".to_owned(),
        };
        let locality = format!("{} {}", shop.postcode.trim(), shop.commune.trim());
        let address = [shop.address.trim(), locality.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        groups
            .entry((position, heading.clone()))
            .or_default()
            .push(Entry {
                url: format!("{}/commerces/{}?src=flyer", market.public_url, shop.slug),
                sells: shorten(&shop.description, MAX_SELLS_CHARS),
                hours: hours_text(&shop.opening_hours),
                slug: shop.slug,
                name: shop.name,
                heading,
                address,
                phone: shop.phone,
                delivery,
                delivery_days,
            });
    }
    Directory {
        title: if market.name.trim().is_empty() {
            "Vitrine".to_owned()
        } else {
            market.name.trim().to_owned()
        },
        subtitle,
        cover_text,
        how_it_works: how_it_works(market, rules),
        groups: groups
            .into_iter()
            .map(|((_, heading), entries)| (heading, entries))
            .collect(),
        data_date: format!("Données au {}", french_date(today)),
        phone: unbroken(&market.phone),
        site: site_of(market),
    }
}

/// `text` trimmed, its spaces no-break: a phone number is never cut across lines.
fn unbroken(text: &str) -> String {
    text.trim().replace(' ', "\u{a0}")
}

/// The site's address without its scheme.
fn site_of(market: &MarketplaceFacts) -> String {
    market
        .public_url
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .to_owned()
}

/// The cover's "how it works", from the delivery rules and the association's contact.
fn how_it_works(market: &MarketplaceFacts, rules: &DeliveryRules) -> Vec<String> {
    let site = site_of(market);
    let mut points = vec![format!(
        "Un seul panier pour tous les commerces : sur {site}, choisissez chez plusieurs \
         commerçants et commandez en une fois."
    )];
    let mut days = Vec::new();
    if !rules.food.is_empty() {
        days.push(format!("alimentation {}", days_phrase(&rules.food)));
    }
    if !rules.non_food.is_empty() {
        days.push(format!("autres commerces {}", days_phrase(&rules.non_food)));
    }
    if !days.is_empty() {
        let minimum = rules
            .minimum_basket_cents
            .map(|cents| format!(" dès {} d'achats par commerce", format_eur(cents)))
            .unwrap_or_default();
        points.push(format!(
            "Livraison gratuite à domicile{minimum} : {}. Commandez avant {}h la veille.",
            days.join(", "),
            rules.cut_off_hour
        ));
    }
    points.push(
        "Ou retrait en boutique, aux heures d'ouverture du commerce : il vous appelle quand \
         c'est prêt."
            .to_owned(),
    );
    points.push(
        "Vous payez à la remise de la commande, en boutique ou au livreur (espèces, chèque ou \
         carte selon le commerce)."
            .to_owned(),
    );
    if !market.phone.trim().is_empty() {
        points.push(format!(
            "Pas d'internet ? Commandez par téléphone auprès de l'association : {}.",
            unbroken(&market.phone)
        ));
    }
    points.push(
        "Le code QR de chaque commerce ouvre sa page : visez-le avec l'appareil photo d'un \
         téléphone."
            .to_owned(),
    );
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(weekday: u8, opens: &str, closes: &str) -> OpeningSlot {
        OpeningSlot {
            weekday,
            opens: opens.into(),
            closes: closes.into(),
        }
    }

    #[test]
    fn days_read_as_a_sentence() {
        assert_eq!(days_phrase(&[2, 5]), "le mardi et le vendredi");
        assert_eq!(days_phrase(&[4]), "le jeudi");
        assert_eq!(
            days_phrase(&[1, 3, 5]),
            "le lundi, le mercredi et le vendredi"
        );
        assert_eq!(days_phrase(&[]), "");
    }

    #[test]
    fn equal_consecutive_days_are_merged() {
        let mut slots = Vec::new();
        for day in 2..=6 {
            slots.push(slot(day, "09:00", "12:30"));
            slots.push(slot(day, "15:00", "19:00"));
        }
        slots.push(slot(7, "09:00", "12:00"));
        assert_eq!(
            hours_text(&slots),
            "mar.–sam. 9h–12h30, 15h–19h ; dim. 9h–12h"
        );
        assert_eq!(hours_text(&[]), "");
    }

    #[test]
    fn descriptions_are_cut_at_a_word() {
        assert_eq!(
            shorten("Pain  au levain,\nviennoiseries", 140),
            "Pain au levain, viennoiseries"
        );
        let cut = shorten("Fromages fermiers affinés en cave, beurre et crème", 30);
        assert_eq!(cut, "Fromages fermiers affinés en…");
        assert!(cut.chars().count() <= 30);
    }

    #[test]
    fn the_first_of_the_month_is_1er() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(french_date(date), "1er décembre 2026");
    }
}
