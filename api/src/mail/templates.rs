//! The e-mails' words: one function per message, each writing the plain text and the HTML
//! from the same blocks ([`Body`]), so the two parts cannot say different things. The
//! shops' and the association's messages are in French; a shopper's are in the language
//! they used ([`Language`]: French or English). No images, no styles beyond a readable width: they must read well on a phone
//! and in a text-only mail client.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use shared::cart::FulfilmentMethod;
use shared::catalogue::OpeningSlot;
use shared::french::{WEEKDAYS, long_date};
use shared::money::format_eur;
use shared::order::{ContactPreference, Order};

use crate::domain::delivery::paris_time;
use crate::domain::language::Language;

/// French or English words, picked by the reader's language.
fn pick<T>(language: Language, fr: T, en: T) -> T {
    match language {
        Language::Fr => fr,
        Language::En => en,
    }
}

// E-mail links (issue 12): the account's messages.
pub mod account;

/// A subject and its two bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// "mardi 1er décembre"; the text itself if it is not a `YYYY-MM-DD` date.
pub fn french_date(iso: &str) -> String {
    date_in(iso, Language::Fr)
}

/// "mardi 1er décembre" or "Tuesday 1 December"; the text itself if it is not a
/// `YYYY-MM-DD` date.
fn date_in(iso: &str, language: Language) -> String {
    let Ok(date) = NaiveDate::parse_from_str(iso, "%Y-%m-%d") else {
        return iso.to_owned();
    };
    let weekday = date.weekday().num_days_from_monday() as usize;
    match language {
        Language::Fr => long_date(
            u8::try_from(weekday + 1).unwrap_or_default(),
            date.day(),
            date.month(),
        ),
        Language::En => shared::english::long_date(
            u8::try_from(weekday + 1).unwrap_or_default(),
            date.day(),
            date.month(),
        ),
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
        self.finish_in(subject, signature, Language::Fr)
    }

    /// The message, its HTML marked as written in `language`.
    fn finish_in(self, subject: String, signature: &str, language: Language) -> Rendered {
        let body = self.para(&format!("— {signature}"));
        Rendered {
            html: format!(
                "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
                 <meta name=\"viewport\" content=\"width=device-width\"><title>{}</title></head>\n\
                 <body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;max-width:40em\">\n{}</body></html>\n",
                language.as_str(),
                escape(&subject),
                body.html
            ),
            text: body.text.trim_end().to_owned() + "\n",
            subject,
        }
    }
}

/// The order's lines, with quantities, prices and the total.
fn order_lines(order: &Order, language: Language) -> Vec<String> {
    let (each, total) = pick(
        language,
        ("l'unité", "Total : {} TTC"),
        ("each", "Total: {} including VAT"),
    );
    let colon = pick(language, " :", ":");
    let mut lines: Vec<String> = order
        .lines
        .iter()
        .map(|line| {
            let name = line.full_name();
            // The price per kilo or litre beside the price, as French price display asks.
            let per_unit = match (line.price_per_unit_cents, line.price_per_unit) {
                (Some(cents), Some(per)) => {
                    format!(" · {}", shared::measure::format_per_unit(cents, per))
                }
                _ => String::new(),
            };
            format!(
                "{} × {name} ({} {each}{per_unit}){colon} {}",
                line.quantity,
                format_eur(line.unit_price_cents),
                format_eur(line.line_total_cents)
            )
        })
        .collect();
    lines.push(total.replace("{}", &format_eur(order.total_cents)));
    lines
}

/// "Retrait en boutique le mardi 8 décembre (1 place aux Herbes, Uzès)" or "Livraison
/// gratuite le ... au ...".
fn fulfilment(order: &Order, language: Language) -> String {
    let date = date_in(&order.fulfilment.date, language);
    let (pickup, delivery, to) = pick(
        language,
        (
            "Retrait en boutique à partir du",
            "Livraison gratuite le",
            "au",
        ),
        ("Pickup at the shop from", "Free delivery on", "to"),
    );
    match order.fulfilment.method {
        FulfilmentMethod::Pickup => match &order.fulfilment.pickup_address {
            Some(place) => format!("{pickup} {date} ({place})"),
            None => format!("{pickup} {date}"),
        },
        FulfilmentMethod::Delivery => match &order.fulfilment.address {
            Some(a) => format!(
                "{delivery} {date} {to} {}, {} {}",
                a.street, a.postcode, a.commune
            ),
            None => format!("{delivery} {date}"),
        },
    }
}

/// A shop's opening hours, one line per day that has some: "mardi : 09:00–12:30, 15:00–19:00".
fn opening_hours(hours: &[OpeningSlot], language: Language) -> Vec<String> {
    (1..=7u8)
        .filter_map(|weekday| {
            let slots: Vec<String> = hours
                .iter()
                .filter(|slot| slot.weekday == weekday)
                .map(|slot| format!("{}–{}", slot.opens, slot.closes))
                .collect();
            (!slots.is_empty()).then(|| {
                let day = usize::from(weekday) - 1;
                match language {
                    Language::Fr => format!("{} : {}", WEEKDAYS[day], slots.join(", ")),
                    Language::En => {
                        format!("{}: {}", shared::english::WEEKDAYS[day], slots.join(", "))
                    }
                }
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
    body = body
        .list(&order_lines(order, Language::Fr))
        .para(&fulfilment(order, Language::Fr));
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
fn tracking(body: Body, tracking_link: &str, language: Language) -> Body {
    body.line(&[
        Piece::Text(pick(
            language,
            "Suivre votre commande : ",
            "Follow your order: ",
        )),
        Piece::Link {
            label: tracking_link,
            href: tracking_link,
        },
    ])
}

/// To the shopper, per shop: the order was received and waits for the shop's confirmation.
pub fn order_received(
    order: &Order,
    tracking_link: &str,
    marketplace: &str,
    language: Language,
) -> Rendered {
    let (number, shop) = (&order.number, &order.shop.name);
    let subject = match language {
        Language::Fr => format!("Commande reçue : {number} chez {shop}"),
        Language::En => format!("Order received: {number} at {shop}"),
    };
    let body = Body::new()
        .para(&hello(order, language))
        .para(&match language {
            Language::Fr => format!(
                "{shop} a bien reçu votre commande {number}. La boutique va la confirmer, et \
                 vous appellera peut-être pour une question."
            ),
            Language::En => format!(
                "{shop} has received your order {number}. The shop will confirm it, and may \
                 phone you with a question."
            ),
        })
        .list(&order_lines(order, language))
        .para(&fulfilment(order, language))
        .para(pick(
            language,
            "Le paiement se fait au retrait ou à la livraison.",
            "You pay when you collect it or when it is delivered.",
        ))
        .para(&seller_text(order, language))
        .para(&withdrawal_text(order, language));
    tracking(body, tracking_link, language).finish_in(subject, marketplace, language)
}

/// Who sells (issue 15): the seller's identity as recorded on the order.
pub fn seller_text(order: &Order, language: Language) -> String {
    let label = pick(language, "Vendu par", "Sold by");
    let Some(seller) = &order.seller else {
        return format!("{label} : {}", order.shop.name);
    };
    let mut parts = vec![seller.shop_name.clone()];
    if let Some(legal) = &seller.legal {
        parts.push(format!("{}, {}", legal.legal_name, legal.legal_form_label));
        parts.push(format!("SIRET {}", legal.siret));
        parts.push(legal.registration_mention.clone());
        match (&legal.vat_number, &legal.vat_mention) {
            (Some(number), _) => parts.push(format!("TVA {number}")),
            (None, Some(mention)) => parts.push(mention.clone()),
            (None, None) => {}
        }
        parts.push(format!(
            "{} {}",
            pick(language, "responsable :", "responsible:"),
            legal.responsible
        ));
    }
    parts.push(seller.address.clone());
    parts.push(seller.phone.clone());
    format!("{label} : {}", parts.join(" · "))
}

/// The right of withdrawal, as the confirmation states it (issue 15).
pub fn withdrawal_text(order: &Order, language: Language) -> String {
    let excepted: Vec<&str> = order
        .lines
        .iter()
        .filter(|l| l.withdrawal_exception != shared::legal::WithdrawalException::None)
        .map(|l| l.name.as_str())
        .collect();
    let mut text = pick(
        language,
        "Droit de rétractation : vous disposez de 14 jours après la remise de la commande \
         (retrait ou livraison) pour vous rétracter, sans motif, avec le formulaire de la \
         page de suivi de la commande ; avant la remise, vous pouvez l'annuler. Exceptions : \
         biens périssables, biens confectionnés selon vos spécifications, biens scellés \
         descellés pour des raisons d'hygiène.",
        "Right of withdrawal: you have 14 days after the order is handed over (pickup or \
         delivery) to withdraw, without giving a reason, with the form on the order's \
         tracking page; before handover you may cancel it. Exceptions: perishable goods, \
         goods made to your specification, sealed hygiene goods once unsealed.",
    )
    .to_owned();
    if !excepted.is_empty() {
        text.push_str(&format!(
            " {} {}.",
            pick(
                language,
                "Ne peuvent pas faire l'objet d'une rétractation :",
                "Not open to withdrawal:"
            ),
            excepted.join(", ")
        ));
    }
    text
}

/// "Bonjour Jeanne Martin," or "Hello Jeanne Martin,".
fn hello(order: &Order, language: Language) -> String {
    match language {
        Language::Fr => format!("Bonjour {},", order.customer_name),
        Language::En => format!("Hello {},", order.customer_name),
    }
}

/// To the shopper: the shop confirmed the order.
pub fn order_confirmed(
    order: &Order,
    tracking_link: &str,
    marketplace: &str,
    language: Language,
) -> Rendered {
    let (number, shop) = (&order.number, &order.shop.name);
    let (subject, confirmed) = match language {
        Language::Fr => (
            format!("Commande confirmée : {number} chez {shop}"),
            format!("{shop} a confirmé votre commande {number}."),
        ),
        Language::En => (
            format!("Order confirmed: {number} at {shop}"),
            format!("{shop} has confirmed your order {number}."),
        ),
    };
    let body = Body::new()
        .para(&hello(order, language))
        .para(&confirmed)
        .para(&fulfilment(order, language))
        .para(&seller_text(order, language));
    tracking(body, tracking_link, language).finish_in(subject, marketplace, language)
}

/// To the shopper: the order is ready; for a pickup, the shop's address and hours.
pub fn order_ready(
    order: &Order,
    hours: &[OpeningSlot],
    tracking_link: &str,
    marketplace: &str,
    language: Language,
) -> Rendered {
    let (number, shop) = (&order.number, &order.shop.name);
    let pickup = order.fulfilment.method == FulfilmentMethod::Pickup;
    let subject = match (language, pickup) {
        (Language::Fr, true) => format!("Commande prête à retirer : {number} chez {shop}"),
        (Language::Fr, false) => format!("Commande prête : {number} chez {shop}"),
        (Language::En, true) => format!("Order ready to collect: {number} at {shop}"),
        (Language::En, false) => format!("Order ready: {number} at {shop}"),
    };
    let total = format_eur(order.total_cents);
    let mut body = Body::new().para(&hello(order, language));
    if pickup {
        let place = order
            .fulfilment
            .pickup_address
            .as_deref()
            .map(|place| format!(", {place}"))
            .unwrap_or_default();
        body = body.para(&match language {
            Language::Fr => {
                format!(
                    "Votre commande {number} est prête : vous pouvez la retirer chez {shop}{place}."
                )
            }
            Language::En => {
                format!("Your order {number} is ready: you can collect it at {shop}{place}.")
            }
        });
        let hours = opening_hours(hours, language);
        if !hours.is_empty() {
            body = body
                .para(pick(language, "Horaires d'ouverture :", "Opening hours:"))
                .list(&hours);
        }
        body = body.para(&match language {
            Language::Fr => format!("À payer au retrait : {total} TTC."),
            Language::En => format!("To pay when you collect it: {total} including VAT."),
        });
    } else {
        body = body
            .para(&match language {
                Language::Fr => format!("{shop} a préparé votre commande {number}."),
                Language::En => format!("{shop} has prepared your order {number}."),
            })
            .para(&fulfilment(order, language));
    }
    body = body.para(&seller_text(order, language));
    tracking(body, tracking_link, language).finish_in(subject, marketplace, language)
}

/// To the shopper: the order was cancelled, and why.
pub fn order_cancelled(
    order: &Order,
    reason: &str,
    tracking_link: &str,
    marketplace: &str,
    language: Language,
) -> Rendered {
    let (number, shop) = (&order.number, &order.shop.name);
    let (subject, cancelled, why, nothing) = match language {
        Language::Fr => (
            format!("Commande annulée : {number} chez {shop}"),
            format!("Votre commande {number} chez {shop} est annulée."),
            format!("Raison : {reason}"),
            "Rien ne vous sera demandé pour cette commande.",
        ),
        Language::En => (
            format!("Order cancelled: {number} at {shop}"),
            format!("Your order {number} at {shop} is cancelled."),
            format!("Reason: {reason}"),
            "You will not be asked to pay anything for this order.",
        ),
    };
    let body = Body::new()
        .para(&hello(order, language))
        .para(&cancelled)
        .para(&why)
        .para(nothing);
    tracking(body, tracking_link, language).finish_in(subject, marketplace, language)
}

/// To the shopper: the shop changed the order after the call; what was agreed, each
/// change, the new lines and total.
pub fn order_lines_changed(
    order: &Order,
    note: &str,
    changes: &str,
    tracking_link: &str,
    marketplace: &str,
    language: Language,
) -> Rendered {
    let (number, shop) = (&order.number, &order.shop.name);
    let (subject, changed, agreed, now) = match language {
        Language::Fr => (
            format!("Commande modifiée : {number} chez {shop}"),
            format!("{shop} a modifié votre commande {number} après votre échange."),
            format!("Ce qui a été convenu : {note}"),
            "Votre commande est maintenant :",
        ),
        Language::En => (
            format!("Order changed: {number} at {shop}"),
            format!("{shop} has changed your order {number} after talking with you."),
            format!("What was agreed: {note}"),
            "Your order is now:",
        ),
    };
    let mut body = Body::new().para(&hello(order, language)).para(&changed);
    if !note.is_empty() {
        body = body.para(&agreed);
    }
    for change in changes.lines() {
        body = body.para(change);
    }
    body = body.para(now);
    for line in order_lines(order, language) {
        body = body.para(&line);
    }
    tracking(body, tracking_link, language).finish_in(subject, marketplace, language)
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

/// The last line of a message that is not strictly transactional: how to stop it.
fn unsubscribe_line(body: Body, what: &str, page: &str) -> Body {
    unsubscribe_line_in(body, &format!("Pour ne plus recevoir {what} : "), page)
}

/// [`unsubscribe_line`] with its words given whole.
fn unsubscribe_line_in(body: Body, words: &str, page: &str) -> Body {
    body.line(&[
        Piece::Text(words),
        Piece::Link {
            label: page,
            href: page,
        },
    ])
}

/// To a merchant who chose to be told: a customer cancelled their own order.
pub fn cancelled_by_customer(order: &Order, order_link: &str, marketplace: &str) -> Rendered {
    let subject = format!(
        "Commande annulée par le client : {} ({})",
        order.number, order.customer_name
    );
    Body::new()
        .para("Bonjour,")
        .para(&format!(
            "{} a annulé sa commande {} chez {}. Ses articles sont remis en vente ; vous \
             n'avez rien à préparer.",
            order.customer_name, order.number, order.shop.name
        ))
        .list(&order_lines(order, Language::Fr))
        .line(&[
            Piece::Text("La commande : "),
            Piece::Link {
                label: order_link,
                href: order_link,
            },
        ])
        .finish(subject, marketplace)
}

/// To the shop's merchants: the customer withdrew from lines of an order (issue 15).
pub fn withdrawal_for_shop(
    order: &Order,
    products: &[String],
    message: &str,
    order_link: &str,
    marketplace: &str,
) -> Rendered {
    let subject = format!(
        "Rétractation du client : {} ({})",
        order.number, order.customer_name
    );
    let mut body = Body::new()
        .para("Bonjour,")
        .para(&format!(
            "{} exerce son droit de rétractation sur la commande {} chez {}, pour :",
            order.customer_name, order.number, order.shop.name
        ))
        .list(products);
    if !message.is_empty() {
        body = body.para(&format!("Son message : {message}"));
    }
    body.para(
        "Le client rapporte ou renvoie ces articles au plus tard 14 jours après sa \
         rétractation ; remboursez-le au plus tard 14 jours après cette rétractation (vous \
         pouvez attendre d'avoir récupéré les articles).",
    )
    .line(&[
        Piece::Text("La commande : "),
        Piece::Link {
            label: order_link,
            href: order_link,
        },
    ])
    .finish(subject, marketplace)
}

/// One order still waiting for the shop's confirmation, as the daily summary lists it.
pub struct WaitingOrder {
    pub number: String,
    pub customer_name: String,
    pub placed_at: String,
    pub total_cents: i64,
}

/// To a merchant, at the shop's chosen time: the orders still not confirmed.
pub fn daily_summary(
    shop_name: &str,
    orders: &[WaitingOrder],
    inbox_link: &str,
    unsubscribe_page: &str,
    marketplace: &str,
) -> Rendered {
    let subject = match orders.len() {
        1 => format!("{shop_name} : 1 commande à confirmer"),
        n => format!("{shop_name} : {n} commandes à confirmer"),
    };
    let lines: Vec<String> = orders
        .iter()
        .map(|order| {
            format!(
                "{}, {}, passée le {} : {} TTC",
                order.number,
                order.customer_name,
                french_instant(&order.placed_at),
                format_eur(order.total_cents)
            )
        })
        .collect();
    let body = Body::new()
        .para("Bonjour,")
        .para(&format!(
            "Ces commandes de {shop_name} attendent toujours votre confirmation :"
        ))
        .list(&lines)
        .line(&[
            Piece::Text("Les confirmer : "),
            Piece::Link {
                label: inbox_link,
                href: inbox_link,
            },
        ]);
    unsubscribe_line(body, "ce résumé quotidien", unsubscribe_page).finish(subject, marketplace)
}

/// To the shopper, the evening before: the delivery is tomorrow.
pub fn delivery_reminder(
    order: &Order,
    tracking_link: &str,
    unsubscribe_page: &str,
    marketplace: &str,
    language: Language,
) -> Rendered {
    let (number, shop) = (&order.number, &order.shop.name);
    let total = format_eur(order.total_cents);
    let (subject, tomorrow, to_pay, stop) = match language {
        Language::Fr => (
            format!("Livraison demain : {number} de {shop}"),
            format!(
                "Votre commande {number} de {shop} vous sera livrée demain par les bénévoles \
                 de {marketplace}."
            ),
            format!("À payer à la livraison : {total} TTC."),
            "Pour ne plus recevoir ces rappels de livraison : ",
        ),
        Language::En => (
            format!("Delivery tomorrow: {number} from {shop}"),
            format!(
                "Your order {number} from {shop} will be delivered tomorrow by the volunteers \
                 of {marketplace}."
            ),
            format!("To pay on delivery: {total} including VAT."),
            "To stop these delivery reminders: ",
        ),
    };
    let body = Body::new()
        .para(&hello(order, language))
        .para(&tomorrow)
        .para(&fulfilment(order, language))
        .para(&to_pay);
    let body = tracking(body, tracking_link, language);
    unsubscribe_line_in(body, stop, unsubscribe_page).finish_in(subject, marketplace, language)
}

/// One delivery order still not confirmed by its shop, as the admins' warning lists it.
pub struct UnconfirmedDelivery {
    pub number: String,
    pub shop_name: String,
    pub commune: String,
}

/// To the association's admins, the evening before a delivery date: some of its orders
/// are still not confirmed by their shops.
pub fn round_warning(
    date: &str,
    orders: &[UnconfirmedDelivery],
    rounds_link: &str,
    unsubscribe_page: &str,
    marketplace: &str,
) -> Rendered {
    let day = french_date(date);
    let subject = match orders.len() {
        1 => format!("Livraison du {day} : 1 commande pas encore confirmée"),
        n => format!("Livraison du {day} : {n} commandes pas encore confirmées"),
    };
    let lines: Vec<String> = orders
        .iter()
        .map(|order| format!("{} — {} ({})", order.number, order.shop_name, order.commune))
        .collect();
    let body = Body::new()
        .para("Bonjour,")
        .para(&format!(
            "Les boutiques n'ont pas encore confirmé ces commandes à livrer le {day} :"
        ))
        .list(&lines)
        .line(&[
            Piece::Text("Les tournées : "),
            Piece::Link {
                label: rounds_link,
                href: rounds_link,
            },
        ]);
    unsubscribe_line(body, "ces alertes", unsubscribe_page).finish(subject, marketplace)
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
