//! Webhooks (issue 17): a shop's endpoint on a loopback receiver the test starts gets each
//! event once, signed; the test event, the log, a rotation's two signatures; retries on the
//! schedule (the test moves `next_attempt_at` instead of waiting); a 410 disables; private
//! addresses refused at registration without the flag; who may manage endpoints; a
//! server killed between the commit and the delivery delivers after its restart, once; and
//! deliveries done with deleted after the messages' retention, their log with them.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::order::CheckoutResult;
use shared::webhooks::{WebhookAttempt, WebhookEndpoint, WebhookQueued, WebhookWithSecret};
use vitrine::db::schema::{outbox, product_variants, products, webhook_attempts};
use vitrine::webhooks::WebhookSettings;
use vitrine::webhooks::signing;

use crate::helpers::{
    Backend, TestApp, call, spawn_app, spawn_app_with_webhooks, test_limits, token_of,
};
use crate::server_process;
use crate::webhook_receiver::{Delivery, Receiver};

const GROCER: &str = "epicerie-du-duche";

/// Plain http to loopback allowed; the worker looks every 30 ms.
fn insecure() -> WebhookSettings {
    WebhookSettings {
        allow_insecure_webhooks: true,
        webhooks_loopback_only: false,
        webhook_poll_ms: 30,
    }
}

macro_rules! with_receiver_on_both_backends {
    ($(async fn $name:ident($app:ident, $receiver:ident) $body:block)*) => {
        $(
            mod $name {
                use super::*;

                #[actix_web::test]
                async fn sqlite() {
                    let $receiver = Receiver::start();
                    let $app = spawn_app_with_webhooks(Backend::Sqlite, insecure())
                        .await
                        .expect("SQLite always runs");
                    $body
                }

                #[actix_web::test]
                async fn postgres() {
                    let $receiver = Receiver::start();
                    let Some($app) = spawn_app_with_webhooks(Backend::Postgres, insecure()).await
                    else {
                        return;
                    };
                    $body
                }
            }
        )*
    };
}

/// Whether one of the signatures of `delivery` is the one `secret` makes.
fn signed_by(delivery: &Delivery, secret: &str) -> bool {
    let timestamp: i64 = delivery
        .header("webhook-timestamp")
        .parse()
        .expect("a timestamp");
    let expected = signing::sign(
        secret,
        delivery.header("webhook-id"),
        timestamp,
        &delivery.body,
    )
    .expect("a secret");
    delivery
        .header("webhook-signature")
        .split(' ')
        .any(|s| s == expected)
}

impl TestApp {
    async fn register(&self, token: &str, url: &str, events: &[&str]) -> WebhookWithSecret {
        let reply = call(
            self,
            Method::POST,
            &format!("/shops/{GROCER}/webhooks"),
            Some(token),
            Some(&json!({"url": url, "events": events, "description": "La caisse"})),
        )
        .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json()
    }

    /// A product of the grocer whose stock is counted (10 left).
    async fn counted_product(&self) -> i64 {
        let id = self.product_in(GROCER, 3).await.id;
        diesel::update(product_variants::table.filter(product_variants::product_id.eq(id)))
            .set(product_variants::stock.eq(Some(10)))
            .execute(&mut *self.pool.get().unwrap())
            .unwrap();
        id
    }

    async fn buy_one(&self) -> String {
        let cart = self.create_cart().await.id;
        let product_id = self.counted_product().await;
        assert_eq!(self.add_to_cart(&cart, product_id, 1).await.status, 200);
        let body = json!({
            "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
            "accept_terms": true, "fulfilment": {"method": "pickup"},
            "contact_preference": "call"
        });
        let reply = self.checkout(&cart, &body, None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json::<CheckoutResult>().orders[0].number.clone()
    }

    async fn log(&self, token: &str, id: i64) -> Vec<WebhookAttempt> {
        let reply = call(
            self,
            Method::GET,
            &format!("/shops/{GROCER}/webhooks/{id}/attempts"),
            Some(token),
            None,
        )
        .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json::<Page<WebhookAttempt>>().items
    }

    /// The planned next attempt and the last attempt's start, of the endpoint's one event.
    fn schedule_of(&self, message_id: &str) -> (String, NaiveDateTime, Option<NaiveDateTime>) {
        let mut conn = self.pool.get().unwrap();
        let (id, state, next): (i64, String, NaiveDateTime) = outbox::table
            .filter(outbox::message_id.eq(message_id))
            .select((outbox::id, outbox::state, outbox::next_attempt_at))
            .first(&mut *conn)
            .unwrap();
        let last: Option<NaiveDateTime> = webhook_attempts::table
            .filter(webhook_attempts::outbox_id.eq(id))
            .order(webhook_attempts::id.desc())
            .select(webhook_attempts::attempted_at)
            .first(&mut *conn)
            .optional()
            .unwrap();
        (state, next, last)
    }
}

with_receiver_on_both_backends! {
    async fn each_event_reaches_the_receiver_once_signed_with_the_secret_shown_once(app, receiver) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let created = app
            .register(&merchant, &receiver.url(), &["order.placed", "product.updated"])
            .await;
        assert!(created.secret.starts_with("whsec_"));
        assert!(created.endpoint.enabled);
        // The secret is never shown again.
        let listed = call(&app, Method::GET, &format!("/shops/{GROCER}/webhooks"), Some(&merchant), None).await;
        assert_eq!(listed.status, 200);
        assert!(!listed.body.contains(&created.secret));

        let number = app.buy_one().await;
        receiver.wait_for("the order and its stock", |r| r.len() >= 2).await;
        // A moment for a duplicate to show up, if one were sent.
        actix_web::rt::time::sleep(Duration::from_millis(300)).await;
        let received = receiver.received();
        assert_eq!(received.len(), 2, "one delivery per event: {received:?}");
        assert!(received.iter().all(|d| signed_by(d, &created.secret)), "{received:?}");
        let of_type = |kind: &str| received.iter().find(|d| d.json()["type"] == kind).cloned().unwrap_or_else(|| panic!("no {kind}: {received:?}"));
        let delivery = of_type("order.placed");
        assert!(delivery.header("webhook-id").starts_with("msg_"));
        let body = delivery.json();
        assert_eq!(body["data"]["order_number"], number.as_str());
        assert_eq!(body["data"]["shop"], GROCER);
        // The stock the checkout took, as it is now.
        let stock = of_type("product.updated").json()["data"].clone();
        assert_eq!(stock["order_number"], number.as_str());
        let product_id = stock["product_id"].as_i64().expect("product_id");
        let now: Option<i32> = products::table.find(product_id).select(products::stock).first(&mut *app.pool.get().unwrap()).unwrap();
        assert_eq!(stock["changed"]["stock"].as_i64(), now.map(i64::from), "{stock}");

        // The test event, then the log shows both, answered 200.
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks/{}/test", created.endpoint.id), Some(&merchant), None).await;
        assert_eq!(reply.status, 202, "{}", reply.body);
        let queued: WebhookQueued = reply.json();
        receiver.wait_for("the test event", |r| r.len() == 3).await;
        let test = &receiver.received()[2];
        assert_eq!(test.json()["type"], "webhook.test");
        assert_eq!(Some(test.header("webhook-id")), queued.message_id.as_deref());
        let log = app.log(&merchant, created.endpoint.id).await;
        assert_eq!(log.len(), 3);
        assert!(log.iter().all(|a| a.status == Some(200) && a.response_excerpt == "answer!"));

        // A rotation: both secrets sign for a day, the new one first.
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks/{}/rotate-secret", created.endpoint.id), Some(&merchant), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let rotated: WebhookWithSecret = reply.json();
        assert_ne!(rotated.secret, created.secret);
        assert!(rotated.endpoint.previous_secret_until.is_some());
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks/{}/test", created.endpoint.id), Some(&merchant), None).await;
        assert_eq!(reply.status, 202);
        receiver.wait_for("the test after the rotation", |r| r.len() == 4).await;
        let after = &receiver.received()[3];
        assert_eq!(after.header("webhook-signature").split(' ').count(), 2);
        assert!(signed_by(after, &rotated.secret) && signed_by(after, &created.secret));

        // Replaying the order sends it again under the same webhook-id.
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks/{}/replay", created.endpoint.id), Some(&merchant), Some(&json!({"message_id": delivery.header("webhook-id")}))).await;
        assert_eq!(reply.status, 202, "{}", reply.body);
        receiver.wait_for("the replay", |r| r.len() == 5).await;
        assert_eq!(receiver.received()[4].header("webhook-id"), delivery.header("webhook-id"));
    }

    async fn retries_follow_the_schedule_then_stop_and_a_410_disables(app, receiver) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let created = app.register(&merchant, &receiver.url(), &["order.placed"]).await;
        receiver.always(500);
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks/{}/test", created.endpoint.id), Some(&merchant), None).await;
        let message_id = reply.json::<WebhookQueued>().message_id.unwrap();
        let steps = [5, 300, 1800, 7200, 18_000, 36_000, 36_000];
        for (attempt, wait) in steps.iter().enumerate() {
            receiver.wait_for("an attempt", |r| r.len() == attempt + 1).await;
            let (state, next, last) = loop {
                let seen = app.schedule_of(&message_id);
                if seen.2.is_some() && app.log(&merchant, created.endpoint.id).await.len() == attempt + 1 && seen.1 > seen.2.unwrap() {
                    break seen;
                }
                actix_web::rt::time::sleep(Duration::from_millis(30)).await;
            };
            assert_eq!(state, "pending");
            assert_eq!((next - last.unwrap()).num_seconds(), *wait, "after attempt {}", attempt + 1);
            // The clock moves on: the retry is due now.
            app.execute_sql(&format!("UPDATE outbox SET next_attempt_at = '2000-01-01 00:00:00' WHERE message_id = '{message_id}'"));
        }
        receiver.wait_for("the last attempt", |r| r.len() == 8).await;
        let mut state = String::new();
        for _ in 0..200 {
            state = app.schedule_of(&message_id).0;
            if state == "failed" { break; }
            actix_web::rt::time::sleep(Duration::from_millis(30)).await;
        }
        assert_eq!(state, "failed", "given up after 8 attempts");
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(receiver.received().len(), 8);

        // A 410 disables the endpoint, and its owner sees why.
        receiver.always(410);
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks/{}/replay", created.endpoint.id), Some(&merchant), Some(&json!({"since": "2000-01-01"}))).await;
        assert_eq!(reply.status, 202, "{}", reply.body);
        assert_eq!(reply.json::<WebhookQueued>().queued, 1);
        receiver.wait_for("the replay", |r| r.len() == 9).await;
        let mut endpoint: WebhookEndpoint = call(&app, Method::GET, &format!("/shops/{GROCER}/webhooks/{}", created.endpoint.id), Some(&merchant), None).await.json();
        for _ in 0..200 {
            if !endpoint.enabled { break; }
            actix_web::rt::time::sleep(Duration::from_millis(30)).await;
            endpoint = call(&app, Method::GET, &format!("/shops/{GROCER}/webhooks/{}", created.endpoint.id), Some(&merchant), None).await.json();
        }
        assert!(!endpoint.enabled);
        assert!(endpoint.disabled_reason.unwrap().contains("410"));
        // Disabled: nothing more goes out.
        app.buy_one().await;
        actix_web::rt::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(receiver.received().len(), 9);
    }
}

crate::on_both_backends! {
    async fn private_and_local_addresses_are_refused_at_registration_without_the_flag(app) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        for url in [
            "https://127.0.0.1/hook",
            "https://10.0.0.1/hook",
            "https://169.254.169.254/latest",
            "https://[::1]/hook",
            "https://[::ffff:127.0.0.1]/hook",
            "https://localhost/hook",
            "http://127.0.0.1:9/hook",
            "http://shop.example/hook",
            "ftp://shop.example/hook",
        ] {
            let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks"), Some(&merchant), Some(&json!({"url": url, "events": ["order.placed"]}))).await;
            assert_eq!(reply.refused_fields(), vec!["url".to_owned()], "{url}: {}", reply.body);
        }
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks"), Some(&merchant), Some(&json!({"url": "https://shop.example/hook", "events": []}))).await;
        assert_eq!(reply.invalid_fields(), vec!["events".to_owned()]);
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks"), Some(&merchant), Some(&json!({"url": "https://shop.example/hook", "events": ["shop.applied"]}))).await;
        assert_eq!(reply.refused_fields(), vec!["events".to_owned()]);
        let listed: Page<WebhookEndpoint> = call(&app, Method::GET, &format!("/shops/{GROCER}/webhooks"), Some(&merchant), None).await.json();
        assert_eq!(listed.total, 0, "nothing was registered");
    }

    async fn only_the_shops_people_manage_its_endpoints(app) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let customer = token_of(&app, "client@vitrine.demo").await;
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let email = "autre.marchand@example.fr";
        let reply = app.post_json("/api/v1/auth/register", &json!({"email": email, "password": "vitrine-demo-2026", "name": "Autre Marchand"}), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        app.execute_sql(&format!(
            "UPDATE users SET role = 'merchant' WHERE email = '{email}';
             INSERT INTO shop_members (shop_id, user_id)
                 SELECT s.id, u.id FROM shops s, users u WHERE s.slug = 'chaussures-fabre' AND u.email = '{email}';"
        ));
        let other = token_of(&app, email).await;
        let body = json!({"url": "https://caisse.example/hook", "events": ["order.placed"]});
        let created: WebhookWithSecret = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks"), Some(&merchant), Some(&body)).await.json();
        let id = created.endpoint.id;
        let base = format!("/shops/{GROCER}/webhooks");
        let routes: Vec<(Method, String, Option<Value>)> = vec![
            (Method::GET, base.clone(), None),
            (Method::POST, base.clone(), Some(body.clone())),
            (Method::GET, format!("{base}/{id}"), None),
            (Method::PATCH, format!("{base}/{id}"), Some(json!({"description": "x"}))),
            (Method::DELETE, format!("{base}/{id}"), None),
            (Method::POST, format!("{base}/{id}/rotate-secret"), None),
            (Method::GET, format!("{base}/{id}/attempts"), None),
            (Method::POST, format!("{base}/{id}/test"), None),
            (Method::POST, format!("{base}/{id}/replay"), Some(json!({"since": "2026-01-01"}))),
            (Method::GET, "/admin/webhooks".into(), None),
            (Method::POST, "/admin/webhooks".into(), Some(body.clone())),
        ];
        for (method, path, body) in &routes {
            let admin_route = path.starts_with("/admin");
            call(&app, method.clone(), path, None, body.as_ref()).await.problem(401, "unauthorized");
            call(&app, method.clone(), path, Some(&customer), body.as_ref()).await.problem(404, "not_found");
            call(&app, method.clone(), path, Some(&other), body.as_ref()).await.problem(404, "not_found");
            if admin_route {
                call(&app, method.clone(), path, Some(&merchant), body.as_ref()).await.problem(404, "not_found");
            }
        }
        // Nothing changed: one endpoint, its description, its secret, no delivery queued.
        let listed: Page<WebhookEndpoint> = call(&app, Method::GET, &base, Some(&merchant), None).await.json();
        assert_eq!(listed.total, 1);
        assert_eq!(listed.items[0].description, "");
        assert!(listed.items[0].previous_secret_until.is_none());
        let queued: i64 = outbox::table.filter(outbox::channel.eq("webhook")).count().get_result(&mut *app.pool.get().unwrap()).unwrap();
        assert_eq!(queued, 0);
        // The association's admins manage the shop's endpoints too, and their own.
        let reply = call(&app, Method::GET, &base, Some(&admin), None).await;
        assert_eq!(reply.status, 200);
        let reply = call(&app, Method::POST, "/admin/webhooks", Some(&admin), Some(&json!({"url": "https://asso.example/hook", "events": ["shop.applied", "shop.approved"]}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
}

/// The real binary with the flag, its worker looking every `poll_ms`.
async fn start_binary(
    url: &str,
    folder: &std::path::Path,
    poll_ms: u64,
    client: &reqwest::Client,
) -> server_process::Server {
    let poll_ms = poll_ms.to_string();
    let env = [
        ("VITRINE_ALLOW_INSECURE_WEBHOOKS", "true"),
        ("VITRINE_WEBHOOK_POLL_MS", poll_ms.as_str()),
    ];
    server_process::start(url, folder, &folder.join("server.log"), client, &env).await
}

/// Orders are answered 201, then the server is killed (SIGKILL) before its worker's next
/// look; restarted on the same database, it delivers each event once.
async fn a_server_killed_between_commit_and_delivery_delivers_once_after_restart(backend: Backend) {
    let Some((database, _database)) = crate::helpers::fresh_database(backend) else {
        return;
    };
    let url = server_process::url_argument(database);
    let folder = tempfile::tempdir().expect("temporary folder");
    server_process::page_shells(folder.path());
    let receiver = Receiver::start();
    let client = reqwest::Client::new();
    let first = start_binary(&url, folder.path(), 600_000, &client).await;
    let address = first.address.clone();
    let session: Value = client
        .post(format!("{address}/api/v1/auth/login"))
        .json(&json!({"email": "marchand@vitrine.demo", "password": "vitrine-demo-2026"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = session["access_token"].as_str().unwrap().to_owned();
    let reply = client
        .post(format!("{address}/api/v1/shops/{GROCER}/webhooks"))
        .bearer_auth(&token)
        .json(&json!({"url": receiver.url(), "events": ["order.placed"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 201);
    let secret = reply.json::<WebhookWithSecret>().await.unwrap().secret;
    let orders = 3;
    for _ in 0..orders {
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
        let body = json!({"customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"}, "accept_terms": true, "fulfilment": {"method": "pickup"}, "contact_preference": "call"});
        let reply = client
            .post(format!("{address}/api/v1/carts/{}/checkout", cart.id))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 201);
    }
    drop(first);
    assert!(
        receiver.received().is_empty(),
        "nothing was delivered before the kill"
    );

    let second = start_binary(&url, folder.path(), 50, &client).await;
    receiver
        .wait_for("every order", |r| r.len() >= orders)
        .await;
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    let received = receiver.received();
    drop(second);
    assert_eq!(received.len(), orders, "each event once");
    let ids: std::collections::HashSet<&str> =
        received.iter().map(|d| d.header("webhook-id")).collect();
    assert_eq!(ids.len(), orders);
    assert!(
        received
            .iter()
            .all(|d| signed_by(d, &secret) && d.json()["type"] == "order.placed")
    );
}

#[actix_web::test]
async fn a_server_killed_between_commit_and_delivery_delivers_once_after_restart_sqlite() {
    a_server_killed_between_commit_and_delivery_delivers_once_after_restart(Backend::Sqlite).await;
}

#[actix_web::test]
async fn a_server_killed_between_commit_and_delivery_delivers_once_after_restart_postgres() {
    a_server_killed_between_commit_and_delivery_delivers_once_after_restart(Backend::Postgres)
        .await;
}

/// Two instances on one PostgreSQL deliver each event once.
#[actix_web::test]
async fn two_instances_deliver_each_event_once() {
    let receiver = Receiver::start();
    let Some(app) = spawn_app_with_webhooks(Backend::Postgres, insecure()).await else {
        return;
    };
    let _second = app
        .another_instance_with(vitrine::mail::MailSettings::default(), insecure())
        .await;
    let merchant = token_of(&app, "marchand@vitrine.demo").await;
    let created = app
        .register(&merchant, &receiver.url(), &["order.placed"])
        .await;
    let count = 6;
    for _ in 0..count {
        let reply = call(
            &app,
            Method::POST,
            &format!("/shops/{GROCER}/webhooks/{}/test", created.endpoint.id),
            Some(&merchant),
            None,
        )
        .await;
        assert_eq!(reply.status, 202);
    }
    receiver
        .wait_for("every test event", |r| r.len() >= count)
        .await;
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(receiver.received().len(), count);
    let _ = spawn_app;
}

with_receiver_on_both_backends! {
    async fn the_association_hears_of_shops_orders_and_products(app, receiver) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let all = ["shop.applied", "shop.approved", "order.status_changed", "order.paid", "product.updated", "product.deleted"];
        let reply = call(&app, Method::POST, "/admin/webhooks", Some(&admin), Some(&json!({"url": receiver.url(), "events": all}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let secret = reply.json::<WebhookWithSecret>().secret;

        // A shop applies, the association approves it.
        let applicant = crate::shop_admin::sign_up(&app, "paul@garrigues.test").await;
        let reply = call(&app, Method::POST, "/shops", Some(&applicant), Some(&crate::shop_admin::application("Fromagerie des Garrigues"))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let slug = reply.json::<Value>()["slug"].as_str().unwrap().to_owned();
        crate::helpers::give_legal_identity(&app, &slug, &admin).await;
        let reply = call(&app, Method::POST, &format!("/admin/shops/{slug}/approve"), Some(&admin), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        // An order of the grocer confirmed and paid; one of its products repriced, archived.
        let cart = app.create_cart().await.id;
        let product = app.counted_product().await;
        assert_eq!(app.add_to_cart(&cart, product, 1).await.status, 200);
        let body = json!({"customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"}, "accept_terms": true, "fulfilment": {"method": "pickup"}, "contact_preference": "call"});
        let order = app.checkout(&cart, &body, None).await.json::<CheckoutResult>().orders.remove(0);
        let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", order.id), Some(&merchant), Some(&json!({"to": "confirmed"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = call(&app, Method::POST, &format!("/orders/{}/payment", order.id), Some(&merchant), Some(&json!({"method": "cash"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = call(&app, Method::PATCH, &format!("/products/{product}"), Some(&merchant), Some(&json!({"price_cents": 1234}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = call(&app, Method::POST, &format!("/products/{product}/archive"), Some(&merchant), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);

        receiver.wait_for("seven events", |r| r.len() >= 7).await;
        actix_web::rt::time::sleep(Duration::from_millis(300)).await;
        let received = receiver.received();
        let types: Vec<String> = received.iter().map(|d| d.json()["type"].as_str().unwrap().to_owned()).collect();
        assert_eq!(types, ["shop.applied", "shop.approved", "product.updated", "order.status_changed", "order.paid", "product.updated", "product.deleted"]);
        assert!(received.iter().all(|d| signed_by(d, &secret)));
        let data: Vec<Value> = received.iter().map(|d| d.json()["data"].clone()).collect();
        assert_eq!(data[0]["shop"], slug.as_str());
        assert_eq!(data[2]["changed"], json!({"stock": 9}), "the checkout took one of ten");
        assert_eq!(data[3]["order_number"], order.number.as_str());
        assert_eq!(data[3]["shop"], GROCER);
        assert_eq!(data[3]["status"], "confirmed");
        assert_eq!(data[4]["payment_method"], "cash");
        assert_eq!(data[5]["changed"], json!({"price_cents": 1234}));
        assert_eq!(data[6]["product_id"], product);
    }

    async fn a_csv_import_tells_of_the_products_it_adds_and_changes(app, receiver) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        app.register(&merchant, &receiver.url(), &["product.created", "product.updated"]).await;
        let product = app.counted_product().await;
        let import = |csv: String| {
            app.client.post(app.url(&format!("/api/v1/shops/{GROCER}/products/import")))
                .bearer_auth(&merchant).header("Content-Type", "text/csv").body(csv).send()
        };
        let reply = import("nom;prix;tva;categorie\nMiel de garrigue;9,50;5,5;epicerie\n".to_owned()).await.unwrap();
        assert_eq!(reply.status(), 200);
        let reply = import(format!("id;prix;stock\n{product};8,00;7\n")).await.unwrap();
        assert_eq!(reply.status(), 200);
        receiver.wait_for("two events", |r| r.len() >= 2).await;
        actix_web::rt::time::sleep(Duration::from_millis(300)).await;
        let received: Vec<Value> = receiver.received().iter().map(Delivery::json).collect();
        assert_eq!(received.len(), 2, "{received:?}");
        assert_eq!(received[0]["type"], "product.created");
        assert_eq!(received[0]["data"]["name"], "Miel de garrigue");
        assert_eq!(received[1]["type"], "product.updated");
        assert_eq!(received[1]["data"]["product_id"], product);
        assert_eq!(received[1]["data"]["changed"], json!({"price_cents": 800, "stock": 7}));
    }

    async fn deliveries_done_with_go_after_the_retention_with_their_log(app, receiver) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let created = app.register(&merchant, &receiver.url(), &["order.placed"]).await;
        let test_path = format!("/shops/{GROCER}/webhooks/{}/test", created.endpoint.id);
        let mut sent = Vec::new();
        for _ in 0..2 {
            let reply = call(&app, Method::POST, &test_path, Some(&merchant), None).await;
            assert_eq!(reply.status, 202, "{}", reply.body);
            sent.push(reply.json::<WebhookQueued>().message_id.unwrap());
        }
        receiver.wait_for("both events", |r| r.len() == 2).await;
        for _ in 0..200 {
            if sent.iter().all(|id| app.schedule_of(id).0 == "sent") { break; }
            actix_web::rt::time::sleep(Duration::from_millis(30)).await;
        }
        let (old, recent) = (&sent[0], &sent[1]);
        assert_eq!(app.log(&merchant, created.endpoint.id).await.len(), 2);
        app.execute_sql(&format!("UPDATE outbox SET created_at = '2000-01-01 00:00:00' WHERE message_id = '{old}'"));

        let round = vitrine::housekeeping::round(&app.pool, &test_limits(), &Default::default()).await.unwrap();
        assert_eq!(round.messages_purged, 1);
        let log = app.log(&merchant, created.endpoint.id).await;
        assert_eq!(log.iter().map(|a| a.message_id.as_str()).collect::<Vec<_>>(), [recent.as_str()]);
        // Replays reach back as far as the deliveries kept.
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks/{}/replay", created.endpoint.id), Some(&merchant), Some(&json!({"since": "2000-01-01"}))).await;
        assert_eq!(reply.status, 202, "{}", reply.body);
        assert_eq!(reply.json::<WebhookQueued>().queued, 1);
    }

    async fn an_endpoint_failing_for_five_days_is_disabled(app, receiver) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let created = app.register(&merchant, &receiver.url(), &["order.placed"]).await;
        receiver.always(503);
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/webhooks/{}/test", created.endpoint.id), Some(&merchant), None).await;
        let message_id = reply.json::<WebhookQueued>().message_id.unwrap();
        receiver.wait_for("the first attempt", |r| r.len() == 1).await;
        let mut endpoint = created.endpoint.clone();
        for _ in 0..200 {
            endpoint = call(&app, Method::GET, &format!("/shops/{GROCER}/webhooks/{}", created.endpoint.id), Some(&merchant), None).await.json();
            if endpoint.failing_since.is_some() { break; }
            actix_web::rt::time::sleep(Duration::from_millis(30)).await;
        }
        assert!(endpoint.enabled && endpoint.failing_since.is_some(), "failing, not yet disabled");
        // Five days pass without a success.
        app.execute_sql(&format!(
            "UPDATE webhook_endpoints SET failing_since = '2000-01-01 00:00:00' WHERE id = {id};
             UPDATE outbox SET next_attempt_at = '2000-01-01 00:00:00' WHERE message_id = '{message_id}';",
            id = created.endpoint.id
        ));
        receiver.wait_for("the second attempt", |r| r.len() == 2).await;
        for _ in 0..200 {
            endpoint = call(&app, Method::GET, &format!("/shops/{GROCER}/webhooks/{}", created.endpoint.id), Some(&merchant), None).await.json();
            if !endpoint.enabled { break; }
            actix_web::rt::time::sleep(Duration::from_millis(30)).await;
        }
        assert!(!endpoint.enabled);
        assert!(endpoint.disabled_reason.unwrap().contains("5 days"));
        assert_eq!(app.schedule_of(&message_id).0, "failed");
        // Its owner starts it again: failures forgotten.
        let reply = call(&app, Method::PATCH, &format!("/shops/{GROCER}/webhooks/{}", created.endpoint.id), Some(&merchant), Some(&json!({"enabled": true}))).await;
        let endpoint: WebhookEndpoint = reply.json();
        assert!(endpoint.enabled && endpoint.failing_since.is_none() && endpoint.disabled_reason.is_none());
    }
}
