//! The e-mails' words, in French: one function per message, each writing the plain text
//! and the HTML from the same blocks ([`Body`]), so the two parts cannot say different
//! things. No images, no styles beyond a readable width: they must read well on a phone
//! and in a text-only mail client.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use shared::cart::FulfilmentMethod;
use shared::catalogue::OpeningSlot;
use shared::money::format_eur;
use shared::order::{ContactPreference, Order};

use crate::domain::delivery::paris_time;

/// A subject and its two bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const MONTHS: [&str; 12] = [
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

/// "mardi 1er décembre"; the text itself if it is not a `YYYY-MM-DD` date.
pub fn french_date(iso: &str) -> String {
    let Ok(date) = NaiveDate::parse_from_str(iso, "%Y-%m-%d") else {
        return iso.to_owned();
    };
    let weekday = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    let month = MONTHS[date.month0() as usize];
    match date.day() {
        1 => format!("{weekday} 1er {month}"),
        day => format!("{weekday} {day} {month}"),
    }
}

/// "mardi 1er décembre à 9 h 05", Paris time, from an RFC 3339 instant.
fn french_instant(rfc3339: &str) -> String {
    let Ok(at) = DateTime::parse_from_rfc3339(rfc3339) else {
        return rfc3339.to_owned();
    };
    let local = paris_time(at.with_timezone(&Utc));
    format!(
        "{} à {} h {}",
        french_date(&local.date().to_string()),
        local.format("%-H"),
        local.format("%M")
    )
}

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A piece of a line: plain words, or a link.
enum Piece<'a> {
    Text(&'a str),
    Link { label: &'a str, href: &'a str },
}

/// The blocks of a message, written as text and as HTML at once.
struct Body {
    text: String,
    html: String,
}

impl Body {
    fn new() -> Body {
        Body {
            text: String::new(),
            html: String::new(),
        }
    }

    /// A paragraph of plain words.
    fn para(self, words: &str) -> Body {
        self.line(&[Piece::Text(words)])
    }

    /// A paragraph of words and links; in the text part a link reads `label (address)`, or
    /// the address alone when it is its own label.
    fn line(mut self, pieces: &[Piece]) -> Body {
        self.html.push_str("<p>");
        for piece in pieces {
            match piece {
                Piece::Text(words) => {
                    self.text.push_str(words);
                    self.html.push_str(&escape(words));
                }
                Piece::Link { label, href } => {
                    if label == href {
                        self.text.push_str(href);
                    } else {
                        self.text.push_str(&format!("{label} ({href})"));
                    }
                    self.html.push_str(&format!(
                        "<a href=\"{}\">{}</a>",
                        escape(href),
                        escape(label)
                    ));
                }
            }
        }
        self.text.push_str("\n\n");
        self.html.push_str("</p>\n");
        self
    }

    /// A list.
    fn list(mut self, items: &[String]) -> Body {
        self.html.push_str("<ul>\n");
        for item in items {
            self.text.push_str(&format!("- {item}\n"));
            self.html.push_str(&format!("<li>{}</li>\n", escape(item)));
        }
        self.text.push('\n');
        self.html.push_str("</ul>\n");
        self
    }

    fn finish(self, subject: String, signature: &str) -> Rendered {
        let body = self.para(&format!("— {signature}"));
        Rendered {
            html: format!(
                "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">\
                 <meta name=\"viewport\" content=\"width=device-width\"><title>{}</title></head>\n\
                 <body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;max-width:40em\">\n{}</body></html>\n",
                escape(&subject),
                body.html
            ),
            text: body.text.trim_end().to_owned() + "\n",
            subject,
        }
    }
}

/// The order's lines, with quantities, prices and the total.
fn order_lines(order: &Order) -> Vec<String> {
    let mut lines: Vec<String> = order
        .lines
        .iter()
        .map(|line| {
            format!(
                "{} × {} ({} l'unité) : {}",
                line.quantity,
                line.name,
                format_eur(line.unit_price_cents),
                format_eur(line.line_total_cents)
            )
        })
        .collect();
    lines.push(format!("Total : {} TTC", format_eur(order.total_cents)));
    lines
}

/// "Retrait en boutique le mardi 8 décembre (1 place aux Herbes, Uzès)" or "Livraison
/// gratuite le ... au ...".
fn fulfilment(order: &Order) -> String {
    let date = french_date(&order.fulfilment.date);
    match order.fulfilment.method {
        FulfilmentMethod::Pickup => match &order.fulfilment.pickup_address {
            Some(place) => format!("Retrait en boutique à partir du {date} ({place})"),
            None => format!("Retrait en boutique à partir du {date}"),
        },
        FulfilmentMethod::Delivery => match &order.fulfilment.address {
            Some(a) => format!(
                "Livraison gratuite le {date} au {}, {} {}",
                a.street, a.postcode, a.commune
            ),
            None => format!("Livraison gratuite le {date}"),
        },
    }
}

/// A shop's opening hours, one line per day that has some: "mardi : 09:00–12:30, 15:00–19:00".
fn opening_hours(hours: &[OpeningSlot]) -> Vec<String> {
    (1..=7u8)
        .filter_map(|weekday| {
            let slots: Vec<String> = hours
                .iter()
                .filter(|slot| slot.weekday == weekday)
                .map(|slot| format!("{}–{}", slot.opens, slot.closes))
                .collect();
            (!slots.is_empty()).then(|| {
                format!(
                    "{} : {}",
                    WEEKDAYS[usize::from(weekday) - 1],
                    slots.join(", ")
                )
            })
        })
        .collect()
}

/// `+33466221234` for a `tel:` link, from a number as orders keep it (`04 66 22 12 34`).
fn tel_href(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix('0') {
        Some(rest) if digits.len() == 10 => format!("tel:+33{rest}"),
        _ => format!("tel:{digits}"),
    }
}

/// To every merchant of the shop: a new order, with how to call the customer and where the
/// order is in the back-office. `order` is the shop's view (with the phone).
pub fn new_order_for_shop(order: &Order, order_link: &str, marketplace: &str) -> Rendered {
    let subject = format!(
        "Nouvelle commande {} : {}",
        order.number, order.customer_name
    );
    let phone = order.customer_phone.clone().unwrap_or_default();
    let tel = tel_href(&phone);
    let mut body = Body::new()
        .para("Bonjour,")
        .para(&format!(
            "{} a reçu une nouvelle commande, {}, passée le {}.",
            order.shop.name,
            order.number,
            french_instant(&order.created_at)
        ))
        .para(&format!("Client : {}", order.customer_name))
        .line(&[
            Piece::Text("Téléphone : "),
            Piece::Link {
                label: &phone,
                href: &tel,
            },
        ]);
    if let Some(email) = &order.customer_email {
        body = body.para(&format!("E-mail : {email}"));
    }
    if order.contact_preference == ContactPreference::NoCall {
        body = body.para("Le client préfère ne pas être appelé, sauf nécessité.");
    }
    body = body.list(&order_lines(order)).para(&fulfilment(order));
    if !order.note.is_empty() {
        body = body.para(&format!("Note du client : {}", order.note));
    }
    body.line(&[
        Piece::Text("Voir et confirmer la commande : "),
        Piece::Link {
            label: order_link,
            href: order_link,
        },
    ])
    .finish(subject, marketplace)
}

/// The tracking line every message to a shopper ends with.
fn tracking(body: Body, tracking_link: &str) -> Body {
    body.line(&[
        Piece::Text("Suivre votre commande : "),
        Piece::Link {
            label: tracking_link,
            href: tracking_link,
        },
    ])
}

/// To the shopper, per shop: the order was received and waits for the shop's confirmation.
pub fn order_received(order: &Order, tracking_link: &str, marketplace: &str) -> Rendered {
    let subject = format!("Commande reçue : {} chez {}", order.number, order.shop.name);
    let body = Body::new()
        .para(&format!("Bonjour {},", order.customer_name))
        .para(&format!(
            "{} a bien reçu votre commande {}. La boutique va la confirmer, et vous appellera \
             peut-être pour une question.",
            order.shop.name, order.number
        ))
        .list(&order_lines(order))
        .para(&fulfilment(order))
        .para("Le paiement se fait au retrait ou à la livraison.");
    tracking(body, tracking_link).finish(subject, marketplace)
}

/// To the shopper: the shop confirmed the order.
pub fn order_confirmed(order: &Order, tracking_link: &str, marketplace: &str) -> Rendered {
    let subject = format!(
        "Commande confirmée : {} chez {}",
        order.number, order.shop.name
    );
    let body = Body::new()
        .para(&format!("Bonjour {},", order.customer_name))
        .para(&format!(
            "{} a confirmé votre commande {}.",
            order.shop.name, order.number
        ))
        .para(&fulfilment(order));
    tracking(body, tracking_link).finish(subject, marketplace)
}

/// To the shopper: the order is ready; for a pickup, the shop's address and hours.
pub fn order_ready(
    order: &Order,
    hours: &[OpeningSlot],
    tracking_link: &str,
    marketplace: &str,
) -> Rendered {
    let pickup = order.fulfilment.method == FulfilmentMethod::Pickup;
    let subject = if pickup {
        format!(
            "Commande prête à retirer : {} chez {}",
            order.number, order.shop.name
        )
    } else {
        format!("Commande prête : {} chez {}", order.number, order.shop.name)
    };
    let mut body = Body::new().para(&format!("Bonjour {},", order.customer_name));
    if pickup {
        body = body.para(&format!(
            "Votre commande {} est prête : vous pouvez la retirer chez {}{}.",
            order.number,
            order.shop.name,
            order
                .fulfilment
                .pickup_address
                .as_deref()
                .map(|place| format!(", {place}"))
                .unwrap_or_default()
        ));
        let hours = opening_hours(hours);
        if !hours.is_empty() {
            body = body.para("Horaires d'ouverture :").list(&hours);
        }
        body = body.para(&format!(
            "À payer au retrait : {} TTC.",
            format_eur(order.total_cents)
        ));
    } else {
        body = body
            .para(&format!(
                "{} a préparé votre commande {}.",
                order.shop.name, order.number
            ))
            .para(&fulfilment(order));
    }
    tracking(body, tracking_link).finish(subject, marketplace)
}

/// To the shopper: the order was cancelled, and why.
pub fn order_cancelled(
    order: &Order,
    reason: &str,
    tracking_link: &str,
    marketplace: &str,
) -> Rendered {
    let subject = format!(
        "Commande annulée : {} chez {}",
        order.number, order.shop.name
    );
    let body = Body::new()
        .para(&format!("Bonjour {},", order.customer_name))
        .para(&format!(
            "Votre commande {} chez {} est annulée.",
            order.number, order.shop.name
        ))
        .para(&format!("Raison : {reason}"))
        .para("Rien ne vous sera demandé pour cette commande.");
    tracking(body, tracking_link).finish(subject, marketplace)
}

/// What an admin reads about a shop that applied.
pub struct Application<'a> {
    pub shop_name: &'a str,
    pub kind: &'a str,
    pub commune: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
    pub applicant: &'a str,
}

/// To the association's admins: a shop applied and waits for their answer.
pub fn shop_applied(shop: &Application, review_link: &str, marketplace: &str) -> Rendered {
    let subject = format!("Nouvelle demande d'inscription : {}", shop.shop_name);
    let tel = tel_href(shop.phone);
    Body::new()
        .para("Bonjour,")
        .para(&format!(
            "{} demande à rejoindre {marketplace} ({}, {}), par le compte de {}.",
            shop.shop_name, shop.kind, shop.commune, shop.applicant
        ))
        .line(&[
            Piece::Text("Téléphone de la boutique : "),
            Piece::Link {
                label: shop.phone,
                href: &tel,
            },
        ])
        .para(&format!("E-mail de la boutique : {}", shop.email))
        .line(&[
            Piece::Text("Examiner la demande : "),
            Piece::Link {
                label: review_link,
                href: review_link,
            },
        ])
        .finish(subject, marketplace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_say_them() {
        assert_eq!(french_date("2026-12-01"), "mardi 1er décembre");
        assert_eq!(french_date("2026-12-08"), "mardi 8 décembre");
        assert_eq!(french_date("later"), "later");
        assert_eq!(
            french_instant("2026-12-04T08:05:00Z"),
            "vendredi 4 décembre à 9 h 05"
        );
    }

    #[test]
    fn phone_links_are_international() {
        assert_eq!(tel_href("04 66 22 12 34"), "tel:+33466221234");
    }

    #[test]
    fn html_is_escaped_and_text_keeps_the_words() {
        let rendered = Body::new()
            .para("<b>Tom & Jerry</b>")
            .line(&[Piece::Link {
                label: "ici",
                href: "https://example.fr/?a=1&b=2",
            }])
            .finish("Objet".into(), "Vitrine");
        assert!(rendered.html.contains("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"));
        assert!(
            rendered
                .html
                .contains("<a href=\"https://example.fr/?a=1&amp;b=2\">ici</a>")
        );
        assert!(rendered.text.contains("<b>Tom & Jerry</b>"));
        assert!(rendered.text.contains("ici (https://example.fr/?a=1&b=2)"));
    }
}
