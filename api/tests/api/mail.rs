//! E-mails (issue 12): what a checkout and an order's life tell the shops and the shopper,
//! over a real SMTP conversation with a server the test starts on loopback; retries after a
//! temporary failure, a refused address, messages held without a mail server, the admins'
//! mailbox and who may read it, two instances sending each message once, and the messages
//! sent or given up deleted after the association's retention (issue 15), never those not
//! sent.

use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::mail::{MailMessage, MailState, MailSummary};
use shared::order::{CheckoutResult, Order};
use vitrine::mail::MailSettings;

use crate::helpers::{Backend, TestApp, call, spawn_app_with_mail, test_limits, token_of};
use crate::on_both_backends;
use crate::server_process;
use crate::shop_admin::{application, sign_up};
use crate::smtp_server::{Received, SmtpServer};

pub(crate) const GROCER: &str = "epicerie-du-duche";
pub(crate) const SHOE_SHOP: &str = "chaussures-fabre";
pub(crate) const PUBLIC_URL: &str = "https://commerces.uzes.test";

/// Sends through `smtp` (plain SMTP on loopback), looks at the outbox every 30 ms, retries
/// after 100 ms.
pub(crate) fn sending_to(smtp: &SmtpServer) -> MailSettings {
    MailSettings {
        smtp_url: Some(smtp.url()),
        smtp_plain_on_loopback: true,
        mail_from: "vitrine@uzes.test".into(),
        public_url: Some(PUBLIC_URL.into()),
        outbox_poll_ms: 30,
        outbox_retry_ms: 100,
        ..MailSettings::default()
    }
}

/// Runs each body on SQLite and on PostgreSQL with a fresh SMTP server and the demo
/// marketplace sending to it, as the calling module's `sending_to` configures it (the mail
/// and e-mail-link tests use it).
#[macro_export]
macro_rules! with_smtp_on_both_backends {
    ($(async fn $name:ident($app:ident, $smtp:ident) $body:block)*) => {
        $(
            mod $name {
                use super::*;

                #[actix_web::test]
                async fn sqlite() {
                    let $smtp = SmtpServer::start();
                    let $app = spawn_app_with_mail(Backend::Sqlite, sending_to(&$smtp))
                        .await
                        .expect("SQLite always runs");
                    $body
                }

                #[actix_web::test]
                async fn postgres() {
                    let $smtp = SmtpServer::start();
                    let Some($app) = spawn_app_with_mail(Backend::Postgres, sending_to(&$smtp)).await
                    else {
                        return;
                    };
                    $body
                }
            }
        )*
    };
}

/// A shopper who checks out.
pub(crate) struct Shopper {
    pub(crate) name: &'static str,
    pub(crate) phone: &'static str,
    /// The phone as a `tel:` link.
    pub(crate) tel: &'static str,
    pub(crate) email: &'static str,
}

pub(crate) const JEANNE: Shopper = Shopper {
    name: "Jeanne Martin",
    phone: "06 12 34 56 78",
    tel: "tel:+33612345678",
    email: "jeanne@example.fr",
};
pub(crate) const PAUL: Shopper = Shopper {
    name: "Paul Roux",
    phone: "07 98 76 54 32",
    tel: "tel:+33798765432",
    email: "paul.roux@example.fr",
};

impl TestApp {
    /// Checks out one unit of a product of each shop, for delivery (or pickup).
    pub(crate) async fn order_from(
        &self,
        shops: &[&str],
        who: &Shopper,
        method: &str,
    ) -> Vec<Order> {
        let cart = self.create_cart().await.id;
        for shop in shops {
            let product = self.product_in(shop, 3).await;
            let reply = self.add_to_cart(&cart, product.id, 1).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let mut fulfilment = json!({"method": method});
        if method == "delivery" {
            fulfilment["address"] =
                json!({"street": "3 rue Jacques d'Uzès", "postcode": "30700", "commune": "Uzès"});
        }
        let body = json!({
            "customer": {"name": who.name, "phone": who.phone, "email": who.email},
            "accept_terms": true, "fulfilment": fulfilment,
            "contact_preference": "call"
        });
        let reply = self.checkout(&cart, &body, None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json::<CheckoutResult>().orders
    }

    /// One page of the admins' mailbox.
    pub(crate) async fn mailbox(&self, admin: &str, query: &str) -> Page<MailSummary> {
        let reply = self
            .get_as(&format!("/api/v1/admin/mail?{query}"), admin)
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    pub(crate) async fn mail(&self, admin: &str, id: i64) -> MailMessage {
        let reply = self
            .get_as(&format!("/api/v1/admin/mail/{id}"), admin)
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    /// Waits (up to 20 s) until every e-mail of the mailbox satisfies `done`.
    pub(crate) async fn wait_for_mailbox(
        &self,
        admin: &str,
        what: &str,
        done: impl Fn(&[MailSummary]) -> bool,
    ) -> Vec<MailSummary> {
        for _ in 0..400 {
            let items = self.mailbox(admin, "per_page=100").await.items;
            if done(&items) {
                return items;
            }
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "the mailbox never showed {what}: {:#?}",
            self.mailbox(admin, "per_page=100").await.items
        );
    }

    /// Moves these messages' writing `days` back.
    pub(crate) fn age_messages(&self, ids: &[i64], days: u32) {
        let earlier = if self.database_url_string().starts_with("sqlite") {
            format!("datetime(created_at, '-{days} days')")
        } else {
            format!("created_at - INTERVAL '{days} days'")
        };
        let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
        self.execute_sql(&format!(
            "UPDATE outbox SET created_at = {earlier} WHERE id IN ({})",
            ids.join(", ")
        ));
    }

    /// A new merchant on `shop`'s team, added by an admin.
    pub(crate) async fn new_merchant_of(&self, shop: &str, email: &str, admin: &str) {
        sign_up(self, email).await;
        let reply = call(
            self,
            Method::POST,
            &format!("/admin/shops/{shop}/members"),
            Some(admin),
            Some(&json!({"email": email})),
        )
        .await;
        assert!(reply.status == 200 || reply.status == 201, "{}", reply.body);
    }
}

/// The messages to `address`.
pub(crate) fn to<'a>(received: &'a [Received], address: &str) -> Vec<&'a Received> {
    received
        .iter()
        .filter(|r| r.to.iter().any(|t| t == address))
        .collect()
}

/// The one message of `messages` that is about `order`.
fn about<'a>(messages: &[&'a Received], order: &Order) -> &'a Received {
    let found: Vec<&&Received> = messages
        .iter()
        .filter(|m| m.message.contains(&order.number))
        .collect();
    assert_eq!(found.len(), 1, "one message about {}", order.number);
    found[0]
}

with_smtp_on_both_backends! {
    async fn a_two_shop_checkout_tells_each_shop_its_own_order_and_the_shopper_once_per_shop(app, smtp) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        // The demo merchant runs both shops; a second one only the shoe shop.
        app.new_merchant_of(SHOE_SHOP, "louis@chaussures.test", &admin).await;
        let jeanne = app.order_from(&[GROCER, SHOE_SHOP], &JEANNE, "delivery").await;
        let paul = app.order_from(&[GROCER], &PAUL, "delivery").await;
        let (grocer, shoes, pauls) = (&jeanne[0], &jeanne[1], &paul[0]);
        assert_eq!((grocer.shop.slug.as_str(), shoes.shop.slug.as_str()), (GROCER, SHOE_SHOP));

        // Jeanne 2, Paul 1, the demo merchant 3 (one per order), the second merchant 1, and
        // the link that verifies his new account's address.
        let received = smtp.wait_for("8 messages", |r| r.len() >= 8).await;
        assert_eq!(received.len(), 8, "{received:#?}");
        for message in &received {
            assert_eq!(message.to.len(), 1, "one recipient per message");
        }
        let ids: std::collections::HashSet<String> = received.iter().map(|r| r.header("Message-ID").expect("a Message-ID")).collect();
        assert_eq!(ids.len(), 8, "each message has its own Message-ID");

        // The shopper: one message per shop, each with its own tracking link only.
        let to_jeanne = to(&received, JEANNE.email);
        assert_eq!(to_jeanne.len(), 2);
        for (order, other) in [(grocer, shoes), (shoes, grocer)] {
            let message = about(&to_jeanne, order);
            assert!(message.message.contains(&format!("{PUBLIC_URL}/suivi/{}", order.tracking_token)), "{}", message.message);
            assert!(message.message.contains(&order.shop.name));
            assert!(message.message.contains(&order.lines[0].name));
            assert!(!message.message.contains(&other.tracking_token));
            assert!(!message.message.contains(&other.lines[0].name), "no line of the other shop");
            assert!(!message.message.contains(PAUL.name));
        }

        // Each shop's merchants: that shop's order, the customer's name and phone as a tel:
        // link, the lines, the date, the back-office link; nothing of the other shop or of
        // another customer.
        let (verification, to_louis): (Vec<&Received>, Vec<&Received>) = to(&received, "louis@chaussures.test")
            .into_iter()
            .partition(|m| m.message.contains("/verifier-courriel?jeton="));
        assert_eq!(verification.len(), 1, "his new account's verification link");
        assert_eq!(to_louis.len(), 1, "the second merchant hears only of the shoe shop's order");
        let to_claire = to(&received, "marchand@vitrine.demo");
        assert_eq!(to_claire.len(), 3);
        for (messages, order, other, shopper, stranger) in [
            (&to_louis, shoes, grocer, &JEANNE, &PAUL),
            (&to_claire, shoes, grocer, &JEANNE, &PAUL),
            (&to_claire, grocer, shoes, &JEANNE, &PAUL),
            (&to_claire, pauls, grocer, &PAUL, &JEANNE),
        ] {
            let text = &about(messages, order).message;
            assert!(text.contains("Nouvelle commande"), "{text}");
            assert!(text.contains(shopper.name));
            assert!(text.contains(shopper.phone));
            assert!(text.contains(&format!("href=\"{}\"", shopper.tel)), "{text}");
            assert!(text.contains(&order.lines[0].name));
            assert!(text.contains(&format!("{PUBLIC_URL}/gestion/{}/commandes?commande={}", order.shop.slug, order.id)));
            assert!(text.contains("Livraison gratuite le "));
            assert!(!text.contains(&other.number));
            assert!(!text.contains(stranger.name) && !text.contains(stranger.phone) && !text.contains(stranger.email));
            assert!(!text.contains(&order.tracking_token), "the shop's message carries no tracking secret");
        }
        let to_paul = to(&received, PAUL.email);
        assert_eq!(to_paul.len(), 1);
        assert!(!to_paul[0].message.contains(JEANNE.name) && !to_paul[0].message.contains(JEANNE.phone));

        // The mailbox shows them all sent, once each.
        let mailbox = app.wait_for_mailbox(&admin, "8 sent", |items| items.len() == 8 && items.iter().all(|m| m.state == MailState::Sent)).await;
        assert!(mailbox.iter().all(|m| m.attempts == 1 && m.sent_at.is_some()));
    }

    async fn a_server_answering_4xx_then_2xx_gets_the_message_on_retry(app, smtp) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        smtp.fail_next(1);
        let order = app.order_from(&[GROCER], &JEANNE, "delivery").await.remove(0);

        let received = smtp.wait_for("2 messages", |r| r.len() >= 2).await;
        assert_eq!(smtp.deferred(), 1, "the first message was answered 451");
        let mailbox = app.wait_for_mailbox(&admin, "2 sent", |items| items.len() == 2 && items.iter().all(|m| m.state == MailState::Sent)).await;
        let retried: Vec<&MailSummary> = mailbox.iter().filter(|m| m.attempts == 2).collect();
        assert_eq!(retried.len(), 1, "{mailbox:#?}");
        assert!(retried[0].last_error.as_deref().unwrap_or_default().contains("451"), "{:?}", retried[0].last_error);
        // Nothing more arrives: each message once.
        actix_web::rt::time::sleep(Duration::from_millis(400)).await;
        assert_eq!(smtp.received().len(), 2);
        assert_eq!(to(&received, JEANNE.email).len(), 1);
        assert!(to(&received, JEANNE.email)[0].message.contains(&order.tracking_token));
    }

    async fn a_permanent_refusal_marks_the_address_and_it_gets_no_more_mail(app, smtp) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        smtp.refuse(JEANNE.email);
        app.order_from(&[GROCER], &JEANNE, "delivery").await;
        let mailbox = app.wait_for_mailbox(&admin, "one sent, one failed", |items| {
            items.len() == 2 && items.iter().all(|m| m.state == MailState::Sent || m.state == MailState::Failed)
        }).await;
        let failed: Vec<&MailSummary> = mailbox.iter().filter(|m| m.state == MailState::Failed).collect();
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].recipient, JEANNE.email);
        assert_eq!(failed[0].attempts, 1, "a refusal is not retried");
        assert!(failed[0].last_error.as_deref().unwrap_or_default().contains("550"));

        // The next order: the shop is told, the refused address gets nothing.
        app.order_from(&[GROCER], &JEANNE, "delivery").await;
        smtp.wait_for("the shop's second message", |r| r.len() >= 2).await;
        let mailbox = app.mailbox(&admin, "per_page=100").await;
        assert_eq!(mailbox.total, 3, "{:#?}", mailbox.items);
        assert_eq!(mailbox.items.iter().filter(|m| m.recipient == JEANNE.email).count(), 1);
        assert!(to(&smtp.received(), JEANNE.email).is_empty());
    }

    async fn messages_sent_or_given_up_go_after_the_retention_and_those_not_sent_stay(app, smtp) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        smtp.refuse(PAUL.email);
        let jeanne = app.order_from(&[GROCER], &JEANNE, "pickup").await.remove(0);
        let paul = app.order_from(&[GROCER], &PAUL, "pickup").await.remove(0);
        let done = app.wait_for_mailbox(&admin, "three sent, one given up", |items| {
            items.len() == 4 && items.iter().all(|m| m.state == MailState::Sent || m.state == MailState::Failed)
        }).await;
        // The mail server now answers 451: the next message waits for a retry.
        smtp.fail_next(1_000);
        app.new_merchant_of(SHOE_SHOP, "louis@chaussures.test", &admin).await;
        let waiting = app.wait_for_mailbox(&admin, "a message tried and waiting", |items| {
            items.iter().any(|m| m.recipient == "louis@chaussures.test" && m.state == MailState::Pending && m.attempts >= 1)
        }).await;
        let unsent: Vec<i64> = waiting.iter().filter(|m| m.state == MailState::Pending).map(|m| m.id).collect();
        assert!(!unsent.is_empty());
        // Written 100 days ago: all but the shop's message about Paul's order.
        let recent = done.iter().find(|m| m.recipient == "marchand@vitrine.demo" && m.subject.contains(&paul.number)).expect("the shop's message").id;
        let old: Vec<i64> = done.iter().map(|m| m.id).filter(|id| *id != recent).collect();
        assert_eq!(old.len(), 3);
        app.age_messages(&old, 100);
        app.age_messages(&unsent, 100);

        // A retention the association set longer than that keeps them.
        let reply = call(&app, Method::PATCH, "/admin/privacy", Some(&admin), Some(&json!({"message_retention_days": 120}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let round = vitrine::housekeeping::round(&app.pool, &test_limits(), &Default::default()).await.unwrap();
        assert_eq!(round.messages_purged, 0);
        assert_eq!(app.mailbox(&admin, "").await.total, u64::try_from(4 + unsent.len()).unwrap());
        // 90 days (the default) does not.
        let reply = call(&app, Method::PATCH, "/admin/privacy", Some(&admin), Some(&json!({"message_retention_days": 90}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        // Two rounds at once (two servers): each message deleted once, no error.
        let limits = test_limits();
        let (a, b) = futures_util::future::join(
            vitrine::housekeeping::round(&app.pool, &limits, &Default::default()),
            vitrine::housekeeping::round(&app.pool, &limits, &Default::default()),
        )
        .await;
        assert_eq!(a.unwrap().messages_purged + b.unwrap().messages_purged, 3);
        let left = app.mailbox(&admin, "per_page=100").await.items;
        let mut left_ids: Vec<i64> = left.iter().map(|m| m.id).collect();
        left_ids.sort_unstable();
        let mut expected: Vec<i64> = unsent.iter().copied().chain([recent]).collect();
        expected.sort_unstable();
        assert_eq!(left_ids, expected, "the recent message and the unsent ones stay: {left:#?}");
        assert!(!left.iter().any(|m| m.recipient == JEANNE.email || m.recipient == PAUL.email));
        assert!(!left.iter().any(|m| m.subject.contains(&jeanne.number)));
        let round = vitrine::housekeeping::round(&app.pool, &test_limits(), &Default::default()).await.unwrap();
        assert_eq!(round.messages_purged, 0, "nothing more to do");
    }

    async fn two_instances_send_each_message_once(app, smtp) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let other = app.another_instance_with_mail(sending_to(&smtp)).await;
        let orders = 6;
        for n in 0..orders {
            // Half the checkouts through each instance.
            let instance = if n % 2 == 0 { &app } else { &other };
            instance.order_from(&[GROCER], &JEANNE, "delivery").await;
        }
        let expected = 2 * orders;
        smtp.wait_for("every message", |r| r.len() >= expected).await;
        app.wait_for_mailbox(&admin, "all sent", |items| items.len() == expected && items.iter().all(|m| m.state == MailState::Sent)).await;
        actix_web::rt::time::sleep(Duration::from_millis(400)).await;
        let received = smtp.received();
        assert_eq!(received.len(), expected, "no message twice");
        let ids: std::collections::HashSet<String> = received.iter().filter_map(|r| r.header("Message-ID")).collect();
        assert_eq!(ids.len(), expected);
    }
}

on_both_backends! {
    async fn without_a_mail_server_messages_are_held_and_the_admins_read_them(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let order = app.order_from(&[GROCER], &JEANNE, "pickup").await.remove(0);

        let mailbox = app.mailbox(&admin, "").await;
        assert_eq!(mailbox.total, 2);
        assert!(mailbox.items.iter().all(|m| m.state == MailState::Held && m.attempts == 0 && m.sent_at.is_none()));
        // Newest first: the shopper's message was written after the shop's.
        assert_eq!(mailbox.items[0].recipient, JEANNE.email);
        assert_eq!(mailbox.items[0].topic, "order_placed_customer");
        assert_eq!(mailbox.items[1].recipient, "marchand@vitrine.demo");
        assert!(mailbox.items[1].subject.contains(&order.number) && mailbox.items[1].subject.contains(JEANNE.name));

        // The whole message, as it would be sent; links to the address the server listens on.
        let received = app.mail(&admin, mailbox.items[0].id).await;
        let header = |name: &str| received.headers.iter().find(|h| h.name == name).map(|h| h.value.clone());
        assert_eq!(header("To").as_deref(), Some(JEANNE.email));
        assert_eq!(header("Reply-To").as_deref(), Some("contact@epicerie-du-duche.fr"), "replies go to the shop");
        assert!(header("From").unwrap().ends_with("<vitrine@localhost>"));
        assert!(header("Message-ID").unwrap().starts_with('<'));
        assert_eq!(header("Subject").unwrap(), format!("Commande reçue : {} chez {}", order.number, order.shop.name));
        let tracking = format!("{}/suivi/{}", app.address, order.tracking_token);
        assert!(received.text.contains(&tracking), "{}", received.text);
        assert!(received.html.contains(&format!("href=\"{tracking}\"")), "{}", received.html);
        assert!(received.text.contains("Retrait en boutique"));
        let shop_message = app.mail(&admin, mailbox.items[1].id).await;
        assert!(shop_message.html.contains("href=\"tel:+33612345678\""), "{}", shop_message.html);

        // Confirmed, ready (with the shop's hours), cancelled (with the reason).
        let step = |to: &'static str, reason: Option<&'static str>| {
            let mut body = json!({"to": to});
            if let Some(reason) = reason {
                body["reason"] = json!(reason);
            }
            body
        };
        for (to, reason) in [("confirmed", None), ("ready", None), ("cancelled", Some("La dernière tomme est partie"))] {
            let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", order.id), Some(&merchant), Some(&step(to, reason))).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let mailbox = app.mailbox(&admin, "state=held").await;
        assert_eq!(mailbox.total, 5);
        let topics: Vec<&str> = mailbox.items.iter().take(3).map(|m| m.topic.as_str()).collect();
        assert_eq!(topics, ["order_cancelled", "order_ready", "order_confirmed"]);
        assert!(mailbox.items.iter().take(3).all(|m| m.recipient == JEANNE.email));
        let ready = app.mail(&admin, mailbox.items[1].id).await;
        assert!(ready.summary.subject.starts_with("Commande prête à retirer"));
        assert!(ready.text.contains("Horaires d'ouverture"), "{}", ready.text);
        let cancelled = app.mail(&admin, mailbox.items[0].id).await;
        assert!(cancelled.text.contains("Raison : La dernière tomme est partie"), "{}", cancelled.text);

        // A shop applies: every admin is told.
        let applicant = sign_up(&app, "paul@garrigues.test").await;
        let reply = call(&app, Method::POST, "/shops", Some(&applicant), Some(&application("Fromagerie des Garrigues"))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let newest = &app.mailbox(&admin, "per_page=1").await.items[0];
        assert_eq!(newest.topic, "shop_applied");
        assert_eq!(newest.recipient, "admin@vitrine.demo");
        let applied = app.mail(&admin, newest.id).await;
        assert!(applied.text.contains("Fromagerie des Garrigues") && applied.text.contains("paul@garrigues.test"));
        assert!(applied.text.contains(&format!("{}/gestion/association", app.address)));

        // Paging and filters (the applicant's new account got its verification link too).
        let page = app.mailbox(&admin, "per_page=2&page=2").await;
        assert_eq!((page.items.len(), page.total, page.page), (2, 7, 2));
        assert_eq!(app.mailbox(&admin, "state=sent").await.total, 0);
        for bad in ["state=lost", "per_page=0", "page=0", "colour=red"] {
            let reply = app.get_as(&format!("/api/v1/admin/mail?{bad}"), &admin).await;
            assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
        }

        // Held messages never leave: past the retention they go like the sent ones, the
        // others stay.
        let ids: Vec<i64> = app.mailbox(&admin, "per_page=100").await.items.iter().map(|m| m.id).collect();
        app.age_messages(&ids[..3], 400);
        let round = vitrine::housekeeping::round(&app.pool, &test_limits(), &Default::default()).await.unwrap();
        assert_eq!(round.messages_purged, 3);
        assert_eq!(app.mailbox(&admin, "").await.total, 4);
    }

    async fn a_shopper_who_used_english_reads_english_and_the_shop_french(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let cart = app.create_cart().await.id;
        let product = app.product_in(GROCER, 3).await;
        assert_eq!(app.add_to_cart(&cart, product.id, 1).await.status, 200);
        let body = json!({"customer": {"name": JEANNE.name, "phone": JEANNE.phone, "email": JEANNE.email}, "accept_terms": true, "fulfilment": {"method": "pickup"}, "contact_preference": "call"});
        let reply = app.client.post(app.url(&format!("/api/v1/carts/{cart}/checkout")))
            .header("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5").json(&body).send().await.unwrap();
        assert_eq!(reply.status(), 201);
        let order = reply.json::<CheckoutResult>().await.unwrap().orders.remove(0);

        let mailbox = app.mailbox(&admin, "").await.items;
        let of = |topic: &str, items: &[MailSummary]| items.iter().find(|m| m.topic == topic).cloned().unwrap_or_else(|| panic!("no {topic}: {items:#?}"));
        assert_eq!(of("order_placed_customer", &mailbox).subject, format!("Order received: {} at {}", order.number, order.shop.name));
        assert!(of("order_placed_shop", &mailbox).subject.starts_with("Nouvelle commande"), "the shop reads French");
        let received = app.mail(&admin, of("order_placed_customer", &mailbox).id).await;
        assert!(received.text.starts_with("Hello Jeanne Martin,"), "{}", received.text);
        assert!(received.text.contains("Pickup at the shop from") && received.text.contains("Follow your order: "), "{}", received.text);
        assert!(received.html.contains("<html lang=\"en\">"));
        assert!(!received.text.contains("Bonjour"), "{}", received.text);

        // Later steps, taken by the shop in French, still reach her in English.
        for body in [json!({"to": "confirmed"}), json!({"to": "cancelled", "reason": "La dernière tomme est partie"})] {
            let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", order.id), Some(&merchant), Some(&body)).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let mailbox = app.mailbox(&admin, "per_page=100").await.items;
        assert_eq!(of("order_confirmed", &mailbox).subject, format!("Order confirmed: {} at {}", order.number, order.shop.name));
        let cancelled = app.mail(&admin, of("order_cancelled", &mailbox).id).await;
        assert!(cancelled.text.contains("Reason: La dernière tomme est partie"), "{}", cancelled.text);

        // Without a language the server knows, French; a reset asked in English is in English.
        let reply = app.client.post(app.url("/api/v1/auth/password-reset"))
            .header("Accept-Language", "en").json(&json!({"email": "client@vitrine.demo"})).send().await.unwrap();
        assert_eq!(reply.status(), 202);
        let newest = &app.mailbox(&admin, "per_page=1").await.items[0];
        assert_eq!((newest.topic.as_str(), newest.subject.starts_with("A new password for your")), ("password_reset", true), "{newest:?}");
        let french = app.order_from(&[GROCER], &PAUL, "pickup").await.remove(0);
        let mailbox = app.mailbox(&admin, "per_page=100").await.items;
        let to_paul = mailbox.iter().find(|m| m.recipient == PAUL.email).expect("Paul's message");
        assert_eq!(to_paul.subject, format!("Commande reçue : {} chez {}", french.number, french.shop.name));
    }

    async fn only_admins_read_the_mailbox(app) {
        app.order_from(&[GROCER], &JEANNE, "delivery").await;
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let id = app.mailbox(&admin, "").await.items[0].id;
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let customer = token_of(&app, "client@vitrine.demo").await;
        let key = "vtr_mail_test_key_of_the_epicerie_0123";
        app.execute_sql(&format!(
            "INSERT INTO api_keys (shop_id, name, key_hash, prefix, created_at)
                 SELECT id, 'Caisse', '{}', 'vtr_mail', CURRENT_TIMESTAMP FROM shops WHERE slug = '{GROCER}'",
            vitrine::auth::token_hash(key)
        ));
        for path in ["/admin/mail".to_owned(), format!("/admin/mail/{id}")] {
            call(&app, Method::GET, &path, None, None).await.problem(401, "unauthorized");
            for (who, token) in [("merchant", &merchant), ("customer", &customer), ("api key", &key.to_owned())] {
                let reply = call(&app, Method::GET, &path, Some(token), None).await;
                assert_eq!(reply.status, 404, "{who} on {path}: {}", reply.body);
            }
            assert_eq!(call(&app, Method::GET, &path, Some(&admin), None).await.status, 200);
        }
        call(&app, Method::GET, "/admin/mail/999999", Some(&admin), None).await.problem(404, "not_found");
        let value: Value = call(&app, Method::GET, &format!("/admin/mail/{id}"), Some(&admin), None).await.json();
        assert!(value["html"].as_str().unwrap().starts_with("<!doctype html>"));
    }
}

/// The real binary on a free port, sending to `smtp`, looking at the outbox every
/// `poll_ms`; ready when `/healthz` answers.
async fn start_binary(
    url: &str,
    folder: &std::path::Path,
    smtp: &SmtpServer,
    poll_ms: u64,
    client: &reqwest::Client,
) -> server_process::Server {
    let (smtp_url, poll_ms) = (smtp.url(), poll_ms.to_string());
    let env = [
        ("VITRINE_SMTP_URL", smtp_url.as_str()),
        ("VITRINE_SMTP_PLAIN_ON_LOOPBACK", "true"),
        ("VITRINE_OUTBOX_POLL_MS", poll_ms.as_str()),
    ];
    server_process::start(url, folder, &folder.join("server.log"), client, &env).await
}

/// Checkouts are answered 201, then the server is killed (SIGKILL) before its worker's
/// next look at the outbox; restarted on the same database, it sends every message of
/// those checkouts, each exactly once.
async fn a_server_killed_after_the_checkouts_sends_each_message_once_after_restart(
    backend: Backend,
) {
    let Some((database, _database)) = crate::helpers::fresh_database(backend) else {
        return;
    };
    let url = server_process::url_argument(database);
    let folder = tempfile::tempdir().expect("temporary folder");
    let smtp = SmtpServer::start();
    let client = reqwest::Client::new();
    // The first server looks at the outbox once, at start, then not for ten minutes.
    let first = start_binary(&url, folder.path(), &smtp, 600_000, &client).await;
    let address = first.address.clone();
    let checkouts = 3;
    for _ in 0..checkouts {
        let cart: shared::cart::Cart = client
            .post(format!("{address}/api/v1/carts"))
            .header("Content-Type", "application/json")
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let products: Page<shared::catalogue::ProductCard> = client
            .get(format!(
                "{address}/api/v1/products?shop={GROCER}&in_stock=true"
            ))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let added = client
            .post(format!("{address}/api/v1/carts/{}/items", cart.id))
            .json(&json!({"product_id": products.items[0].id, "quantity": 1}))
            .send()
            .await
            .unwrap();
        assert_eq!(added.status(), 200);
        let body = json!({"customer": {"name": JEANNE.name, "phone": JEANNE.phone, "email": JEANNE.email}, "accept_terms": true, "fulfilment": {"method": "pickup"}, "contact_preference": "call"});
        let reply = client
            .post(format!("{address}/api/v1/carts/{}/checkout", cart.id))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 201);
    }
    // SIGKILL, and wait until it is gone.
    drop(first);
    assert!(
        smtp.received().is_empty(),
        "nothing was sent before the kill"
    );

    let second = start_binary(&url, folder.path(), &smtp, 50, &client).await;
    // The shop's message and the shopper's, per checkout.
    let expected = 2 * checkouts;
    smtp.wait_for("every message of the checkouts", |r| r.len() >= expected)
        .await;
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    let received = smtp.received();
    drop(second);
    assert_eq!(received.len(), expected, "each message once");
    let ids: std::collections::HashSet<String> = received
        .iter()
        .filter_map(|r| r.header("Message-ID"))
        .collect();
    assert_eq!(ids.len(), expected);
    assert_eq!(to(&received, JEANNE.email).len(), checkouts);
}

#[actix_web::test]
async fn a_server_killed_after_the_checkouts_sends_each_message_once_after_restart_sqlite() {
    a_server_killed_after_the_checkouts_sends_each_message_once_after_restart(Backend::Sqlite)
        .await;
}

#[actix_web::test]
async fn a_server_killed_after_the_checkouts_sends_each_message_once_after_restart_postgres() {
    a_server_killed_after_the_checkouts_sends_each_message_once_after_restart(Backend::Postgres)
        .await;
}
