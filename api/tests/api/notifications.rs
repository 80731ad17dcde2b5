//! E-mail settings (issue 12): a merchant who turns off new orders gets none (nor the
//! customers' cancellations, which reach the others); the scheduler's evening-before
//! reminders and round warning, once each however often and however concurrently it runs;
//! the daily summary at the shop's chosen time; `List-Unsubscribe` on exactly the messages
//! that are not transactional, and its one-click POST; who may read and change which
//! settings; the association's sender.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use reqwest::Method;
use serde_json::json;
use shared::mail::{MailMessage, MailState};
use shared::notifications::{MailSettings, MyNotifications, ShopNotifications, Unsubscribed};
use shared::order::{CheckoutResult, Order};
use vitrine::mail::schedule::{self, Tick};

use crate::helpers::{Backend, TestApp, call, spawn_app_with_mail, token_of};
use crate::mail::{GROCER, JEANNE, PAUL, PUBLIC_URL, SHOE_SHOP, sending_to, to};
use crate::on_both_backends;
use crate::smtp_server::{Received, SmtpServer};

/// The instant it is `hhmm` in Paris on `day`.
fn paris(day: NaiveDate, hhmm: &str) -> DateTime<Utc> {
    let local = NaiveDateTime::new(
        day,
        chrono::NaiveTime::parse_from_str(hhmm, "%H:%M").unwrap(),
    );
    [1, 2]
        .into_iter()
        .map(|hours| (local - chrono::Duration::hours(hours)).and_utc())
        .find(|at| vitrine::domain::delivery::paris_time(*at) == local)
        .expect("a Paris time")
}

fn date_of(order: &Order) -> NaiveDate {
    NaiveDate::parse_from_str(&order.fulfilment.date, "%Y-%m-%d").unwrap()
}

impl TestApp {
    /// One tick of the scheduler at `at`.
    async fn tick(&self, at: DateTime<Utc>) -> Tick {
        let (pool, notices) = (self.pool.clone(), self.notices.clone());
        actix_web::web::block(move || {
            let mut conn = pool.get().expect("a connection");
            schedule::tick(&mut conn, &notices, at).expect("the tick")
        })
        .await
        .unwrap()
    }

    /// A signed-in customer's checkout of one product of `shop`.
    async fn order_as(&self, token: &str, shop: &str, method: &str) -> Order {
        let cart = self.create_cart().await.id;
        let product = self.product_in(shop, 3).await;
        assert_eq!(self.add_to_cart(&cart, product.id, 1).await.status, 200);
        let mut fulfilment = json!({"method": method});
        if method == "delivery" {
            fulfilment["address"] =
                json!({"street": "1 place aux Herbes", "postcode": "30700", "commune": "Uzès"});
        }
        let body = json!({
            "customer": {"name": "Jeanne Martin", "phone": "0612345678", "email": "client@vitrine.demo"},
            "accept_terms": true, "fulfilment": fulfilment
        });
        let reply = self
            .post_json(
                &format!("/api/v1/carts/{cart}/checkout"),
                &body,
                Some(token),
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json::<CheckoutResult>().orders.remove(0)
    }

    /// The held messages of one topic, whole, newest first.
    async fn held(&self, admin: &str, topic: &str) -> Vec<MailMessage> {
        let mut found = Vec::new();
        for item in self.mailbox(admin, "per_page=100").await.items {
            if item.topic == topic {
                found.push(self.mail(admin, item.id).await);
            }
        }
        found
    }

    /// POSTs a message's `List-Unsubscribe` link (its address made this server's) as a mail
    /// client does for a one-click unsubscribe.
    async fn one_click(&self, list_unsubscribe: &str) -> reqwest::Response {
        let url = list_unsubscribe
            .trim_matches(|c| c == '<' || c == '>')
            .replace(PUBLIC_URL, &self.address)
            .replace("http://localhost:8080", &self.address);
        let url = match url.find("/api/v1/") {
            Some(at) => format!("{}{}", self.address, &url[at..]),
            None => url,
        };
        self.client
            .post(url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .expect("request")
    }
}

fn header(message: &MailMessage, name: &str) -> Option<String> {
    message
        .headers
        .iter()
        .find(|h| h.name == name)
        .map(|h| h.value.clone())
}

macro_rules! with_smtp {
    ($(async fn $name:ident($app:ident, $smtp:ident) $body:block)*) => {
        $(
            mod $name {
                use super::*;

                #[actix_web::test]
                async fn sqlite() {
                    let $smtp = SmtpServer::start();
                    let $app = spawn_app_with_mail(Backend::Sqlite, sending_to(&$smtp)).await.unwrap();
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

with_smtp! {
    async fn a_merchant_who_turned_off_new_orders_gets_none_and_a_customer_cancellation_reaches_the_others(app, smtp) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        app.new_merchant_of(SHOE_SHOP, "louis@chaussures.test", &admin).await;
        let louis = token_of(&app, "louis@chaussures.test").await;
        let reply = call(&app, Method::PUT, &format!("/shops/{SHOE_SHOP}/notifications"), Some(&louis), Some(&json!({"new_order": false}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert!(!reply.json::<ShopNotifications>().new_order);

        let customer = token_of(&app, "client@vitrine.demo").await;
        let order = app.order_as(&customer, SHOE_SHOP, "pickup").await;
        // Louis's sign-up sent him the link that verifies his address: leave it aside.
        let about_orders = |received: Vec<Received>| -> Vec<Received> {
            received.into_iter().filter(|m| !m.message.contains("Subject: Confirmez votre adresse")).collect()
        };
        // The demo merchant and the shopper; not Louis.
        smtp.wait_for("2 messages", |r| about_orders(r.to_vec()).len() >= 2).await;
        let reply = app.post_json(&format!("/api/v1/orders/{}/cancel", order.id), &json!({}), Some(&customer)).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        // The shopper's cancellation, and the demo merchant's.
        smtp.wait_for("4 messages", |r| about_orders(r.to_vec()).len() >= 4).await;
        actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
        let received = about_orders(smtp.received());
        assert_eq!(received.len(), 4, "{received:#?}");
        assert!(to(&received, "louis@chaussures.test").is_empty(), "Louis turned new orders off");
        let to_claire = to(&received, "marchand@vitrine.demo");
        assert_eq!(to_claire.len(), 2);
        let cancelled: Vec<&&Received> = to_claire.iter().filter(|m| m.message.contains("Commande annulée par le client")).collect();
        assert_eq!(cancelled.len(), 1, "{to_claire:#?}");
        assert!(cancelled[0].message.contains(&order.number));
        // Transactional messages carry no unsubscribe link.
        for message in &received {
            assert_eq!(message.header("List-Unsubscribe"), None, "{}", message.message);
        }

        // Louis turns them back on: the next order reaches him.
        let reply = call(&app, Method::PUT, &format!("/shops/{SHOE_SHOP}/notifications"), Some(&louis), Some(&json!({"new_order": true}))).await;
        assert!(reply.json::<ShopNotifications>().new_order);
        app.order_as(&customer, SHOE_SHOP, "pickup").await;
        let received = smtp.wait_for("Louis's message", |r| !to(r, "louis@chaussures.test").is_empty()).await;
        assert_eq!(to(&received, "louis@chaussures.test").len(), 1);
    }

    async fn the_evening_before_each_delivery_order_gets_one_reminder_and_the_admins_one_warning(app, smtp) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let jeanne = app.order_from(&[GROCER], &JEANNE, "delivery").await.remove(0);
        let paul = [
            app.order_from(&[GROCER], &PAUL, "delivery").await.remove(0),
            app.order_from(&[GROCER], &PAUL, "delivery").await.remove(0),
        ];
        // Neither a pickup nor a cancelled order is reminded.
        app.order_from(&[GROCER], &JEANNE, "pickup").await;
        let cancelled = app.order_from(&[GROCER], &JEANNE, "delivery").await.remove(0);
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", cancelled.id), Some(&merchant), Some(&json!({"to": "cancelled", "reason": "Plus en stock"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        // Paul's first order is confirmed: still reminded, no longer "unconfirmed".
        let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", paul[0].id), Some(&merchant), Some(&json!({"to": "confirmed"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let day = date_of(&jeanne);
        assert!(paul.iter().chain([&cancelled]).all(|o| date_of(o) == day), "one delivery date for the test");
        app.wait_for_mailbox(&admin, "the order messages sent", |items| items.len() == 12 && items.iter().all(|m| m.state == MailState::Sent)).await;
        let before = smtp.received().len();

        let eve = day.pred_opt().unwrap();
        assert_eq!(app.tick(paris(eve, "17:59")).await, Tick::default(), "nothing before 18:00");
        let first = app.tick(paris(eve, "18:00")).await;
        assert_eq!((first.reminders, first.round_warnings), (3, 1), "{first:?}");
        // Again, later that evening: nothing more.
        assert_eq!(app.tick(paris(eve, "18:01")).await, Tick::default());
        assert_eq!(app.tick(paris(eve, "23:00")).await, Tick::default());

        let received = smtp.wait_for("the reminders", |r| r.len() >= before + 4).await;
        actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(smtp.received().len(), before + 4, "each once");
        let reminders: Vec<&Received> = received.iter().filter(|m| m.message.contains("Livraison demain")).collect();
        assert_eq!(reminders.len(), 3);
        assert_eq!(to(&reminders.iter().map(|m| (*m).clone()).collect::<Vec<_>>(), PAUL.email).len(), 2);
        for order in [&jeanne, &paul[0], &paul[1]] {
            let reminder = reminders.iter().find(|m| m.message.contains(&order.number)).expect("a reminder per order");
            assert!(reminder.message.contains(&order.tracking_token));
            let link = reminder.header("List-Unsubscribe").expect("List-Unsubscribe");
            assert!(link.starts_with(&format!("<{PUBLIC_URL}/api/v1/unsubscribe?token=")), "{link}");
            assert_eq!(reminder.header("List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));
            assert!(reminder.message.contains("/desabonnement?jeton="), "the page link in the text");
        }
        assert!(!reminders.iter().any(|m| m.message.contains(&cancelled.number)));
        let warning = to(&received, "admin@vitrine.demo").into_iter().find(|m| m.message.contains("pas encore confirm")).expect("the warning");
        assert!(warning.message.contains(&jeanne.number) && warning.message.contains(&paul[1].number));
        assert!(!warning.message.contains(&paul[0].number), "the confirmed order is not listed");
        assert!(warning.header("List-Unsubscribe").is_some());

        // Jeanne's one click turns her reminders off: her next delivery order gets none,
        // Paul's still does.
        let jeanne_reminder = reminders.iter().find(|m| m.message.contains(&jeanne.number)).unwrap();
        let reply = app.one_click(&jeanne_reminder.header("List-Unsubscribe").unwrap()).await;
        assert_eq!(reply.status(), 200);
        assert_eq!(reply.json::<Unsubscribed>().await.unwrap().topic, "delivery_reminder");
        let again = app.order_from(&[GROCER], &JEANNE, "delivery").await.remove(0);
        let other = app.order_from(&[GROCER], &PAUL, "delivery").await.remove(0);
        assert_eq!((date_of(&again), date_of(&other)), (day, day));
        let tick = app.tick(paris(eve, "19:00")).await;
        assert_eq!(tick.reminders, 1, "Paul's only");
    }
}

/// Two connections run the scheduler at the same instant: each message is written once.
async fn concurrent_ticks_write_each_message_once(app: TestApp) {
    let first = app
        .order_from(&[GROCER], &JEANNE, "delivery")
        .await
        .remove(0);
    let second = app.order_from(&[GROCER], &PAUL, "delivery").await.remove(0);
    assert_eq!(date_of(&first), date_of(&second));
    let eve = date_of(&first).pred_opt().unwrap();
    let at = paris(eve, "18:00");
    let ticks: Vec<Tick> = futures_util::future::join_all((0..4).map(|_| app.tick(at))).await;
    let reminders: usize = ticks.iter().map(|t| t.reminders).sum();
    let warnings: usize = ticks.iter().map(|t| t.round_warnings).sum();
    assert_eq!((reminders, warnings), (2, 1), "{ticks:?}");
    let admin = token_of(&app, "admin@vitrine.demo").await;
    assert_eq!(app.held(&admin, "delivery_reminder").await.len(), 2);
    assert_eq!(app.held(&admin, "round_warning").await.len(), 1);
}

on_both_backends! {
    async fn concurrent_scheduler_ticks_write_each_reminder_once(app) {
        concurrent_ticks_write_each_message_once(app).await;
    }

    async fn the_daily_summary_leaves_at_the_shops_time_with_only_its_placed_orders(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let reply = call(&app, Method::PUT, &format!("/shops/{GROCER}/notifications"), Some(&merchant), Some(&json!({"summary_time": "07:30"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json::<ShopNotifications>().summary_time, "07:30");
        // The shoe shop's summary stays at 08:00, but its merchant turned it off.
        let reply = call(&app, Method::PUT, &format!("/shops/{SHOE_SHOP}/notifications"), Some(&merchant), Some(&json!({"daily_summary": false}))).await;
        assert_eq!(reply.json::<ShopNotifications>(), ShopNotifications { new_order: true, daily_summary: false, summary_time: "08:00".into() });

        let waiting = app.order_from(&[GROCER], &JEANNE, "pickup").await.remove(0);
        let confirmed = app.order_from(&[GROCER], &PAUL, "pickup").await.remove(0);
        let shoes = app.order_from(&[SHOE_SHOP], &PAUL, "pickup").await.remove(0);
        let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", confirmed.id), Some(&merchant), Some(&json!({"to": "confirmed"}))).await;
        assert_eq!(reply.status, 200);

        let day = NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
        assert_eq!(app.tick(paris(day, "07:29")).await.summaries, 0);
        assert_eq!(app.tick(paris(day, "07:30")).await.summaries, 1);
        assert_eq!(app.tick(paris(day, "07:45")).await.summaries, 0, "once a day");
        assert_eq!(app.tick(paris(day, "08:00")).await.summaries, 0, "the shoe shop's merchant turned it off");
        let summaries = app.held(&admin, "daily_summary").await;
        assert_eq!(summaries.len(), 1);
        let summary = &summaries[0];
        assert_eq!(summary.summary.recipient, "marchand@vitrine.demo");
        assert_eq!(summary.summary.state, MailState::Held);
        assert!(summary.text.contains(&waiting.number), "{}", summary.text);
        assert!(!summary.text.contains(&confirmed.number) && !summary.text.contains(&shoes.number), "{}", summary.text);
        assert!(summary.summary.subject.contains("1 commande à confirmer"));
        assert_eq!(header(summary, "List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));

        // The next day, the same; its one-click link turns the summary off for that shop.
        assert_eq!(app.tick(paris(day.succ_opt().unwrap(), "07:31")).await.summaries, 1);
        let reply = app.one_click(&header(summary, "List-Unsubscribe").unwrap()).await;
        assert_eq!(reply.status(), 200);
        let mine: ShopNotifications = call(&app, Method::GET, &format!("/shops/{GROCER}/notifications"), Some(&merchant), None).await.json();
        assert!(!mine.daily_summary && mine.new_order);
        let third = day.succ_opt().unwrap().succ_opt().unwrap();
        assert_eq!(app.tick(paris(third, "07:30")).await.summaries, 0);
    }

    async fn only_the_shops_merchants_read_and_change_its_settings(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let customer = token_of(&app, "client@vitrine.demo").await;
        let garrigues = crate::shop_admin::sign_up(&app, "paul@garrigues.test").await;
        let reply = call(&app, Method::POST, "/shops", Some(&garrigues), Some(&crate::shop_admin::application("Fromagerie des Garrigues"))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let path = format!("/shops/{GROCER}/notifications");
        let change = json!({"new_order": false, "daily_summary": false, "summary_time": "06:00"});
        call(&app, Method::GET, &path, None, None).await.problem(401, "unauthorized");
        call(&app, Method::PUT, &path, None, Some(&change)).await.problem(401, "unauthorized");
        for (who, token) in [("customer", &customer), ("another shop's merchant", &garrigues)] {
            assert_eq!(call(&app, Method::GET, &path, Some(token), None).await.status, 404, "{who}");
            assert_eq!(call(&app, Method::PUT, &path, Some(token), Some(&change)).await.status, 404, "{who}");
        }
        for bad in [json!({"summary_time": "24:00"}), json!({"summary_time": "7:30"}), json!({"colour": "red"}), json!({"new_order": "no"})] {
            let reply = call(&app, Method::PUT, &path, Some(&merchant), Some(&bad)).await;
            assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
        }
        let mine: ShopNotifications = call(&app, Method::GET, &path, Some(&merchant), None).await.json();
        assert_eq!(mine, ShopNotifications { new_order: true, daily_summary: true, summary_time: "08:00".into() }, "nothing changed");

        // The shopper's settings: signed in only; the round warnings are the admins'.
        call(&app, Method::GET, "/me/notifications", None, None).await.problem(401, "unauthorized");
        let mine: MyNotifications = call(&app, Method::GET, "/me/notifications", Some(&customer), None).await.json();
        assert_eq!(mine, MyNotifications { delivery_reminder: true, round_warning: None });
        call(&app, Method::PUT, "/me/notifications", Some(&customer), Some(&json!({"round_warning": false}))).await.problem(422, "validation_failed");
        let mine: MyNotifications = call(&app, Method::PUT, "/me/notifications", Some(&customer), Some(&json!({"delivery_reminder": false}))).await.json();
        assert!(!mine.delivery_reminder);
        let mine: MyNotifications = call(&app, Method::GET, "/me/notifications", Some(&customer), None).await.json();
        assert!(!mine.delivery_reminder, "kept");
        let mine: MyNotifications = call(&app, Method::GET, "/me/notifications", Some(&admin), None).await.json();
        assert_eq!(mine.round_warning, Some(true));

        // The association's sender: admins only.
        let change = json!({"sender_name": "Les commerces d'Uzès", "reply_to": "association@uzes.test"});
        call(&app, Method::GET, "/admin/mail/settings", None, None).await.problem(401, "unauthorized");
        for token in [&merchant, &customer] {
            assert_eq!(call(&app, Method::GET, "/admin/mail/settings", Some(token), None).await.status, 404);
            assert_eq!(call(&app, Method::PUT, "/admin/mail/settings", Some(token), Some(&change)).await.status, 404);
        }
        let before: MailSettings = call(&app, Method::GET, "/admin/mail/settings", Some(&admin), None).await.json();
        assert_eq!(before.sender_address, "vitrine@localhost");
        assert_eq!(before.reply_to, "");
        for bad in [json!({"sender_address": "nobody"}), json!({"sender_name": "  "}), json!({"reply_to": "a@b"})] {
            let reply = call(&app, Method::PUT, "/admin/mail/settings", Some(&admin), Some(&bad)).await;
            assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
        }
        let after: MailSettings = call(&app, Method::PUT, "/admin/mail/settings", Some(&admin), Some(&change)).await.json();
        assert_eq!((after.sender_name.as_str(), after.reply_to.as_str()), ("Les commerces d'Uzès", "association@uzes.test"));
        // The next messages carry it: the shop's address for the shopper's order message,
        // the association's for the shop's.
        app.order_from(&[GROCER], &JEANNE, "pickup").await;
        let newest = app.mailbox(&admin, "per_page=2").await.items;
        let shopper = app.mail(&admin, newest[0].id).await;
        assert_eq!(header(&shopper, "From").unwrap(), "Les commerces d'Uzès <vitrine@localhost>");
        assert_eq!(header(&shopper, "Reply-To").as_deref(), Some("contact@epicerie-du-duche.fr"));
        let shop = app.mail(&admin, newest[1].id).await;
        assert_eq!(header(&shop, "Reply-To").as_deref(), Some("association@uzes.test"));
        assert!(shop.text.contains("Les commerces d'Uzès"), "it signs the messages");

        // Unsubscribe tokens: a forged or cut one changes nothing.
        for (token, status) in [("s.1.1.0123456789abcdef0123456789abcdef", 422), ("r.6162", 422), ("NOT-A-TOKEN", 400), ("", 400)] {
            let reply = app.client.post(app.url(&format!("/api/v1/unsubscribe?token={token}"))).send().await.unwrap();
            assert_eq!(reply.status().as_u16(), status, "{token}");
        }
        let reply = app.client.post(app.url("/api/v1/unsubscribe")).send().await.unwrap();
        assert_eq!(reply.status().as_u16(), 400);
    }
}

/// Settings two people save at once (two merchants of a shop, the same shopper twice, two
/// admins): every save answers 200, none is lost to a race, and the result is one of them.
async fn settings_saved_at_once_all_succeed(app: TestApp) {
    let admin = token_of(&app, "admin@vitrine.demo").await;
    app.new_merchant_of(GROCER, "louis@epicerie.test", &admin)
        .await;
    let claire = token_of(&app, "marchand@vitrine.demo").await;
    let louis = token_of(&app, "louis@epicerie.test").await;
    let path = format!("/shops/{GROCER}/notifications");
    let saves = (0..8).map(|n| {
        let (app, path) = (&app, &path);
        let token = if n % 2 == 0 {
            claire.clone()
        } else {
            louis.clone()
        };
        let body = json!({"daily_summary": n % 4 < 2, "summary_time": format!("0{n}:15")});
        async move { call(app, Method::PUT, path, Some(&token), Some(&body)).await }
    });
    for reply in futures_util::future::join_all(saves).await {
        assert_eq!(reply.status, 200, "{}", reply.body);
    }
    let seen: ShopNotifications = call(&app, Method::GET, &path, Some(&claire), None)
        .await
        .json();
    assert!(seen.summary_time.ends_with(":15") && seen.summary_time.starts_with('0'));

    let customer = token_of(&app, "client@vitrine.demo").await;
    let toggles = (0..6).map(|n| {
        let (app, customer) = (&app, &customer);
        let body = json!({"delivery_reminder": n % 2 == 0});
        async move {
            call(
                app,
                Method::PUT,
                "/me/notifications",
                Some(customer),
                Some(&body),
            )
            .await
        }
    });
    for reply in futures_util::future::join_all(toggles).await {
        assert_eq!(reply.status, 200, "{}", reply.body);
    }

    let names = (0..6).map(|n| {
        let (app, admin) = (&app, &admin);
        let body = json!({"sender_name": format!("Association {n}"), "reply_to": format!("bureau{n}@uzes.test")});
        async move { call(app, Method::PUT, "/admin/mail/settings", Some(admin), Some(&body)).await }
    });
    for reply in futures_util::future::join_all(names).await {
        assert_eq!(reply.status, 200, "{}", reply.body);
    }
    let sender: MailSettings = call(
        &app,
        Method::GET,
        "/admin/mail/settings",
        Some(&admin),
        None,
    )
    .await
    .json();
    assert!(sender.sender_name.starts_with("Association "), "{sender:?}");
}

#[actix_web::test]
async fn settings_saved_at_once_all_succeed_on_postgres() {
    if let Some(app) = crate::helpers::spawn_app(Backend::Postgres).await {
        settings_saved_at_once_all_succeed(app).await;
    }
}

#[actix_web::test]
async fn settings_saved_at_once_all_succeed_on_sqlite() {
    settings_saved_at_once_all_succeed(crate::helpers::spawn_app(Backend::Sqlite).await.unwrap())
        .await;
}
