//! Personal data (issue 15): the privacy page's facts and settings; a shopper's export
//! holds every order of the account; an erasure keeps the shops' orders (totals, lines)
//! under a pseudonym, ends the sessions at once, and leaves the person's name, phone,
//! e-mail and street in no text column of any table; a guest's request carried out by an
//! admin; the scheduled anonymisation of old guest orders; an erasure racing a checkout of
//! the same account; who may call what.

use diesel::RunQueryDsl;
use diesel::sql_types::{BigInt, Text};
use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::auth::Session;
use shared::order::{CheckoutResult, Order};
use shared::privacy::{AdminPrivacy, DataExport, Erasure, ErasureRequested, Privacy};
use shared::shop_admin::{NewApiKey, ShopProfile};
use vitrine::db::DbConn;

use crate::email_links::{mails_to, token_in, verify};
use crate::helpers::{Reply, TestApp, call, test_limits, token_of};
use crate::on_both_backends;

const PASSWORD: &str = "un mot de passe très long";
const ADMIN: &str = "admin@vitrine.demo";
const MERCHANT: &str = "marchand@vitrine.demo";

/// A checkout body for delivery, with the person's details.
fn order_body(name: &str, phone: &str, email: &str, street: &str) -> Value {
    json!({
        "customer": {"name": name, "phone": phone, "email": email},
        "fulfilment": {"method": "delivery", "address": {
            "street": street, "postcode": "30700", "commune": "Uzès",
            "access_note": format!("Code porte 4711, sonner chez {name}")
        }},
        "per_shop": {"epicerie-du-duche": {"note": format!("C'est {name}, merci de m'appeler au {phone}")}},
        "contact_preference": "call",
        "accept_terms": true
    })
}

#[derive(diesel::QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

impl TestApp {
    /// Every `table.column` of text whose value contains `needle` (case-insensitive), found
    /// by reading the database's own catalogue: every table, every text column.
    fn traces_of(&self, needle: &str) -> Vec<String> {
        let mut conn = self.pool.get().expect("connection");
        let needle = needle.replace('\'', "''");
        let mut found = Vec::new();
        match &mut *conn {
            DbConn::Sqlite(sqlite) => {
                let columns: Vec<Column> = diesel::sql_query(
                    "SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m, \
                     pragma_table_info(m.name) p WHERE m.type = 'table' \
                     AND m.name NOT LIKE 'sqlite_%' AND upper(p.type) NOT IN ('BLOB', 'BYTEA')",
                )
                .load(sqlite)
                .expect("catalogue");
                assert!(columns.len() > 100, "the catalogue lists the columns");
                for column in columns {
                    let count: Count = diesel::sql_query(format!(
                        "SELECT COUNT(*) AS n FROM \"{}\" WHERE CAST(\"{}\" AS TEXT) LIKE '%{needle}%'",
                        column.table_name, column.column_name
                    ))
                    .get_result(sqlite)
                    .expect("scan");
                    if count.n > 0 {
                        found.push(format!("{}.{}", column.table_name, column.column_name));
                    }
                }
            }
            DbConn::Pg(pg) => {
                let columns: Vec<Column> = diesel::sql_query(
                    "SELECT table_name::text AS table_name, column_name::text AS column_name \
                     FROM information_schema.columns WHERE table_schema = 'public' \
                     AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')",
                )
                .load(pg)
                .expect("catalogue");
                assert!(columns.len() > 50, "the catalogue lists the columns");
                for column in columns {
                    let count: Count = diesel::sql_query(format!(
                        "SELECT COUNT(*) AS n FROM \"{}\" WHERE \"{}\"::text ILIKE '%{needle}%'",
                        column.table_name, column.column_name
                    ))
                    .get_result(pg)
                    .expect("scan");
                    if count.n > 0 {
                        found.push(format!("{}.{}", column.table_name, column.column_name));
                    }
                }
            }
        }
        found
    }

    /// A new customer account with a phone: its session.
    async fn customer(&self, name: &str, email: &str, phone: &str) -> Session {
        let reply = self
            .post_json(
                "/api/v1/auth/register",
                &json!({"email": email, "password": PASSWORD, "name": name}),
                None,
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let session: Session = reply.json();
        let reply = call(
            self,
            Method::PATCH,
            "/me",
            Some(&session.access_token),
            Some(&json!({"phone": phone})),
        )
        .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        session
    }

    /// Proves `email`'s account's address with the link of the verification e-mail the
    /// admins' mailbox holds (no mail server in these tests).
    async fn verify_address(&self, admin: &str, email: &str) {
        let mails = mails_to(self, admin, email, "verify_email").await;
        let token = token_in(&mails[0].text, "/verifier-courriel");
        assert_eq!(verify(self, &token).await.status, 204);
    }

    /// The customer's name an order's tracking page shows.
    async fn tracked_name(&self, tracking_token: &str) -> String {
        let reply = self.get(&format!("/api/v1/track/{tracking_token}")).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json::<Order>().customer_name
    }

    /// Checks out a new basket of the grocer's and the shoe shop's products, as `token`'s
    /// account (or a guest).
    async fn checkout_as(&self, token: Option<&str>, body: &Value, shops: &[&str]) -> Vec<Order> {
        let mut body = body.clone();
        if !shops.contains(&"epicerie-du-duche") {
            body["per_shop"] = json!({});
        }
        let body = &body;
        let cart = self.create_cart().await.id;
        for shop in shops {
            let product = self.product_in(shop, 2).await;
            let reply = self.add_to_cart(&cart, product.id, 1).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let reply = call(
            self,
            Method::POST,
            &format!("/carts/{cart}/checkout"),
            token,
            Some(body),
        )
        .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json::<CheckoutResult>().orders
    }

    /// The shop takes the order to its end: confirmed, ready, handed over (paid).
    async fn hand_over(&self, merchant: &str, id: i64) {
        for to in ["confirmed", "ready"] {
            let reply = call(
                self,
                Method::POST,
                &format!("/orders/{id}/transitions"),
                Some(merchant),
                Some(&json!({"to": to})),
            )
            .await;
            assert_eq!(reply.status, 200, "{to}: {}", reply.body);
        }
        let reply = call(
            self,
            Method::POST,
            &format!("/orders/{id}/payment"),
            Some(merchant),
            Some(&json!({"method": "cash"})),
        )
        .await;
        assert_eq!(reply.status, 200, "payment: {}", reply.body);
        let reply = call(
            self,
            Method::POST,
            &format!("/orders/{id}/transitions"),
            Some(merchant),
            Some(&json!({"to": "completed"})),
        )
        .await;
        assert!(
            reply.status == 200 || reply.status == 409,
            "completed: {}",
            reply.body
        );
    }

    async fn cancel_as_shop(&self, merchant: &str, id: i64) {
        let reply = call(
            self,
            Method::POST,
            &format!("/orders/{id}/transitions"),
            Some(merchant),
            Some(&json!({"to": "cancelled", "reason": "Plus en stock"})),
        )
        .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
    }

    /// Moves an order's date back (the retention's clock is the orders' dates).
    fn age_order(&self, id: i64, count: u32, unit: &str) {
        let earlier = if self.database_url_string().starts_with("sqlite") {
            format!("datetime(created_at, '-{count} {unit}')")
        } else {
            format!("created_at - INTERVAL '{count} {unit}'")
        };
        self.execute_sql(&format!(
            "UPDATE orders SET created_at = {earlier} WHERE id = {id}"
        ));
    }

    async fn erase(&self, token: &str, password: &str) -> Reply {
        call(
            self,
            Method::DELETE,
            "/me",
            Some(token),
            Some(&json!({"password": password})),
        )
        .await
    }

    async fn admin_privacy(&self, admin: &str) -> AdminPrivacy {
        let reply = call(self, Method::GET, "/admin/privacy", Some(admin), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }
}

on_both_backends! {
    async fn an_erased_account_leaves_its_orders_to_the_shops_and_no_trace_of_the_person(app) {
        let (name, phone, email, street) = ("Hortense Vérany", "06 98 76 54 32", "hortense.verany@example.fr", "17 chemin des Oliviers Secrets");
        let session = app.customer(name, email, phone).await;
        let token = session.access_token.clone();
        let merchant = token_of(&app, MERCHANT).await;
        let orders = app.checkout_as(Some(&token), &order_body(name, phone, email, street), &["epicerie-du-duche", "chaussures-fabre"]).await;
        assert_eq!(orders.len(), 2);
        let reply = call(&app, Method::PUT, &format!("/orders/{}/merchant-note", orders[0].id), Some(&merchant), Some(&json!({"note": format!("{name} prendra aussi du pain, rappeler au {phone}")}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);

        // The export holds every order of the account, and what was given at checkout.
        let reply = call(&app, Method::GET, "/me/export", Some(&token), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let export: DataExport = reply.json();
        let mut exported: Vec<i64> = export.orders.iter().map(|o| o.id).collect();
        exported.sort_unstable();
        assert_eq!(exported, orders.iter().map(|o| o.id).collect::<Vec<_>>());
        assert_eq!(export.account.email, email);
        assert!(export.orders.iter().all(|o| !o.lines.is_empty() && o.total_cents > 0 && o.history.as_ref().is_some_and(|h| !h.is_empty())));
        assert!(export.contacts_used.iter().any(|c| c.phone == phone && c.email.as_deref() == Some(email)));
        assert!(export.addresses_used.iter().any(|a| a.street == street));
        assert!(!export.messages.is_empty(), "the order e-mails written to the person");
        assert!(!export.sessions.is_empty());
        assert!(!reply.body.contains(session.refresh_token.as_deref().unwrap()), "no token in the export");

        // Open orders: the shop still needs to reach the person.
        app.erase(&token, PASSWORD).await.problem(409, "conflict");
        app.hand_over(&merchant, orders[0].id).await;
        app.cancel_as_shop(&merchant, orders[1].id).await;
        let before: Vec<Order> = {
            let mut kept = Vec::new();
            for order in &orders {
                kept.push(call(&app, Method::GET, &format!("/orders/{}", order.id), Some(&merchant), None).await.json::<Order>());
            }
            kept
        };

        // A wrong password erases nothing.
        let wrong = app.erase(&token, "pas le bon mot de passe").await.problem(422, "validation_failed");
        assert_eq!(wrong.errors[0].field, "password");
        assert_eq!(call(&app, Method::GET, "/me", Some(&token), None).await.status, 200);
        app.erase(&token, "").await.problem(400, "validation_failed");

        let reply = app.erase(&token, PASSWORD).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let erasure: Erasure = reply.json();
        assert!(erasure.pseudonym.starts_with("Client supprimé #"), "{}", erasure.pseudonym);
        assert_eq!(erasure.orders_pseudonymised, 2);

        // Sessions end at once: the access token, the refresh token, the password.
        call(&app, Method::GET, "/me", Some(&token), None).await.problem(401, "unauthorized");
        call(&app, Method::GET, "/me/export", Some(&token), None).await.problem(401, "unauthorized");
        let refreshed = app.post_json("/api/v1/auth/refresh", &json!({"refresh_token": session.refresh_token}), None).await;
        assert_eq!(refreshed.status, 401, "{}", refreshed.body);
        assert_eq!(app.login(email, PASSWORD).await.status, 401);

        // The shops keep their orders: totals, lines, dates, under the pseudonym.
        for old in &before {
            let now: Order = call(&app, Method::GET, &format!("/orders/{}", old.id), Some(&merchant), None).await.json();
            assert_eq!(now.customer_name, erasure.pseudonym);
            assert_eq!((now.total_cents, &now.lines, &now.vat, &now.created_at, &now.status, &now.number), (old.total_cents, &old.lines, &old.vat, &old.created_at, &old.status, &old.number));
            assert_eq!(now.fulfilment.address.as_ref().map(|a| a.commune.as_str()), Some("Uzès"));
            assert_eq!(now.note, "");
        }
        let listed: Page<Order> = call(&app, Method::GET, "/shops/epicerie-du-duche/orders?per_page=100", Some(&merchant), None).await.json();
        assert!(listed.items.iter().any(|o| o.id == orders[0].id && o.customer_name == erasure.pseudonym));

        // No text column of any table holds the name, the phone, the e-mail or the street.
        for needle in [name, "Vérany", phone, "0698765432", email, street] {
            assert_eq!(app.traces_of(needle), Vec::<String>::new(), "{needle} is still in the database");
        }
        assert!(!app.traces_of("Client supprimé").is_empty(), "the scan finds what is there");

        // The address is free again.
        let again = app.post_json("/api/v1/auth/register", &json!({"email": email, "password": PASSWORD, "name": "Quelqu'un"}), None).await;
        assert_eq!(again.status, 201, "{}", again.body);
        // And the association's page records the erasure, with no one's name.
        let admin = token_of(&app, ADMIN).await;
        let page = app.admin_privacy(&admin).await;
        let record = page.requests.iter().find(|r| r.kind == "account").expect("the erasure is recorded");
        assert!(record.done_at.is_some());
        assert_eq!(record.orders_pseudonymised, 2);
    }

    async fn a_verified_account_s_erasure_takes_the_guest_orders_of_its_address_and_no_other(app) {
        let (name, phone, email, street) = ("Irène Valdeyron", "06 71 72 73 74", "irene.valdeyron@example.fr", "8 rue des Capucins Oubliés");
        let merchant = token_of(&app, MERCHANT).await;
        let admin = token_of(&app, ADMIN).await;
        // Before she had an account: two orders as a guest with her address; another
        // person's with another address.
        let first = app.checkout_as(None, &order_body(name, phone, email, street), &["epicerie-du-duche"]).await.remove(0);
        let second = app.checkout_as(None, &order_body(name, phone, email, street), &["chaussures-fabre"]).await.remove(0);
        let other = app.checkout_as(None, &order_body("Octave Brunel", "06 81 82 83 84", "octave.brunel@example.fr", "4 place aux Herbes"), &["epicerie-du-duche"]).await.remove(0);
        for order in [&first, &second, &other] {
            app.cancel_as_shop(&merchant, order.id).await;
        }

        // She had turned off the delivery reminders.
        app.execute_sql(&format!("INSERT INTO mail_opt_outs (address, topic, created_at) VALUES ('{email}', 'delivery_reminder', CURRENT_TIMESTAMP)"));

        // Someone signs up with her address without proving it, then erases that account:
        // her guest orders, the messages sent to her and her opt-out are not theirs to erase.
        let stranger = app.customer("Mallory Intrus", email, "06 00 00 00 01").await;
        let reply = app.erase(&stranger.access_token, PASSWORD).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json::<Erasure>().orders_pseudonymised, 0);
        for order in [&first, &second] {
            assert_eq!(app.tracked_name(&order.tracking_token).await, name);
        }
        let traces = app.traces_of(email);
        for kept in ["orders.customer_email", "outbox.recipient", "mail_opt_outs.address"] {
            assert!(traces.contains(&kept.to_owned()), "{kept} is hers: {traces:?}");
        }

        // She signs up with it herself and proves it.
        let session = app.customer(name, email, phone).await;
        app.verify_address(&admin, email).await;
        // One of her guest orders still open: nothing is erased until its shop is done.
        let open = app.checkout_as(None, &order_body(name, phone, email, street), &["epicerie-du-duche"]).await.remove(0);
        let refused = app.erase(&session.access_token, PASSWORD).await.problem(409, "conflict");
        assert!(refused.detail.contains(&open.number), "{}", refused.detail);
        assert_eq!(call(&app, Method::GET, "/me", Some(&session.access_token), None).await.status, 200);
        assert_eq!(app.tracked_name(&first.tracking_token).await, name);
        app.cancel_as_shop(&merchant, open.id).await;

        let reply = app.erase(&session.access_token, PASSWORD).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let erasure: Erasure = reply.json();
        assert_eq!(erasure.orders_pseudonymised, 3, "her three guest orders");
        for order in [&first, &second, &open] {
            let kept: Order = app.get(&format!("/api/v1/track/{}", order.tracking_token)).await.json();
            assert_eq!(kept.customer_name, erasure.pseudonym);
            assert_eq!((kept.total_cents, &kept.lines), (order.total_cents, &order.lines));
        }
        assert_eq!(app.tracked_name(&other.tracking_token).await, "Octave Brunel", "another address's order is untouched");
        for needle in [name, "Valdeyron", phone, email, street] {
            assert_eq!(app.traces_of(needle), Vec::<String>::new(), "{needle} is still in the database");
        }
        assert!(app.traces_of("octave.brunel@example.fr").contains(&"orders.customer_email".to_owned()));
    }

    async fn a_guest_asks_through_the_tracking_link_and_an_admin_carries_it_out(app) {
        let (name, phone, email) = ("Gaspard Lunel", "06 55 44 33 22", "gaspard.lunel@example.fr");
        let merchant = token_of(&app, MERCHANT).await;
        let admin = token_of(&app, ADMIN).await;
        let first = app.checkout_as(None, &order_body(name, phone, email, "2 impasse du Moulin Caché"), &["epicerie-du-duche"]).await.remove(0);
        let second = app.checkout_as(None, &order_body(name, phone, email, "2 impasse du Moulin Caché"), &["chaussures-fabre"]).await.remove(0);
        // The same phone, another name and no e-mail: someone else of the household.
        let mut other_body = order_body("Lucienne Lunel", phone, "lucienne@example.fr", "2 impasse du Moulin Caché");
        other_body["customer"]["email"] = Value::Null;
        let other = app.checkout_as(None, &other_body, &["epicerie-du-duche"]).await.remove(0);

        let path = format!("/track/{}/erasure-request", first.tracking_token);
        let reply = call(&app, Method::POST, &path, None, None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let asked: ErasureRequested = reply.json();
        let reply = call(&app, Method::POST, &path, None, None).await;
        assert_eq!(reply.status, 200, "asked again: the same request");
        assert_eq!(reply.json::<ErasureRequested>().requested_at, asked.requested_at);
        call(&app, Method::POST, "/track/not-a-token/erasure-request", None, None).await.problem(404, "not_found");

        let page = app.admin_privacy(&admin).await;
        let request = page.requests.iter().find(|r| r.kind == "guest").expect("listed").clone();
        assert_eq!((request.customer_name.as_deref(), request.done_at.as_deref()), (Some(name), None));
        assert_eq!(request.order_number.as_deref(), Some(first.number.as_str()));
        let execute = format!("/admin/privacy/erasure-requests/{}/execute", request.id);
        call(&app, Method::POST, &execute, Some(&admin), None).await.problem(409, "conflict");

        for id in [first.id, second.id, other.id] {
            app.cancel_as_shop(&merchant, id).await;
        }
        let reply = call(&app, Method::POST, &execute, Some(&admin), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let done: shared::privacy::ErasureRequest = reply.json();
        assert!(done.done_at.is_some());
        let admin_name = call(&app, Method::GET, "/me", Some(&admin), None).await.json::<shared::auth::Me>().name;
        assert_eq!(done.done_by.as_deref(), Some(admin_name.as_str()), "who carried it out");
        assert_eq!(done.orders_pseudonymised, 2, "the order and the other with its e-mail");
        assert_eq!(done.customer_name.as_deref(), Some(format!("Client supprimé #{}", request.id).as_str()));
        call(&app, Method::POST, &execute, Some(&admin), None).await.problem(409, "conflict");

        let tracked: Order = app.get(&format!("/api/v1/track/{}", second.tracking_token)).await.json();
        assert_eq!(tracked.customer_name, format!("Client supprimé #{}", request.id));
        assert_eq!(tracked.total_cents, second.total_cents);
        let kept: Order = app.get(&format!("/api/v1/track/{}", other.tracking_token)).await.json();
        assert_eq!(kept.customer_name, "Lucienne Lunel", "a phone alone does not make the same person");
        // (The street stays: the household's other order has it.)
        for needle in [name, "Gaspard", email] {
            assert_eq!(app.traces_of(needle), Vec::<String>::new(), "{needle} is still in the database");
        }
    }

    async fn old_guest_orders_are_anonymised_and_recent_ones_kept(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let admin = token_of(&app, ADMIN).await;
        let old = app.checkout_as(None, &order_body("Albertine Sarrazin", "06 11 11 11 11", "albertine@example.fr", "1 rue Vieille"), &["epicerie-du-duche"]).await.remove(0);
        let recent = app.checkout_as(None, &order_body("Benoît Recent", "06 22 22 22 22", "benoit@example.fr", "2 rue Neuve"), &["epicerie-du-duche"]).await.remove(0);
        // An old order of a guest who ordered again lately: kept until three years after the last.
        let old_of_regular = app.checkout_as(None, &order_body("Céleste Fidèle", "06 33 33 33 33", "celeste@example.fr", "3 rue Fidèle"), &["epicerie-du-duche"]).await.remove(0);
        let latest_of_regular = app.checkout_as(None, &order_body("Céleste Fidèle", "06 33 33 33 33", "celeste@example.fr", "3 rue Fidèle"), &["epicerie-du-duche"]).await.remove(0);
        for order in [&old, &recent, &old_of_regular, &latest_of_regular] {
            app.cancel_as_shop(&merchant, order.id).await;
        }
        // Placed four years ago (older than the default 36 months).
        for id in [old.id, old_of_regular.id] {
            app.age_order(id, 4, "years");
        }

        let round = vitrine::housekeeping::round(&app.pool, &test_limits(), &Default::default()).await.unwrap();
        assert_eq!(round.orders_anonymised, 1);
        let anonymised: Order = app.get(&format!("/api/v1/track/{}", old.tracking_token)).await.json();
        assert!(anonymised.customer_name.starts_with("Client anonymisé"), "{}", anonymised.customer_name);
        assert_eq!(anonymised.total_cents, old.total_cents);
        for (order, name) in [(&recent, "Benoît Recent"), (&old_of_regular, "Céleste Fidèle")] {
            let kept: Order = app.get(&format!("/api/v1/track/{}", order.tracking_token)).await.json();
            assert_eq!(kept.customer_name, name);
        }
        for needle in ["Albertine Sarrazin", "albertine@example.fr", "06 11 11 11 11", "1 rue Vieille"] {
            assert_eq!(app.traces_of(needle), Vec::<String>::new(), "{needle}");
        }
        let page = app.admin_privacy(&admin).await;
        assert_eq!(page.runs.len(), 1);
        assert_eq!(page.runs[0].orders, 1);
        // Nothing more to do: no new line in the log.
        let round = vitrine::housekeeping::round(&app.pool, &test_limits(), &Default::default()).await.unwrap();
        assert_eq!(round.orders_anonymised, 0);
        assert_eq!(app.admin_privacy(&admin).await.runs.len(), 1);

        // A shorter retention set by the association applies at the next round.
        let reply = call(&app, Method::PATCH, "/admin/privacy", Some(&admin), Some(&json!({"guest_retention_months": 1}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        app.age_order(recent.id, 2, "months");
        let round = vitrine::housekeeping::round(&app.pool, &test_limits(), &Default::default()).await.unwrap();
        assert_eq!(round.orders_anonymised, 1, "Benoît's order, two months old");
    }

    async fn the_privacy_page_follows_the_association_s_settings(app) {
        let admin = token_of(&app, ADMIN).await;
        let privacy: Privacy = app.get("/api/v1/privacy").await.json();
        assert_eq!(privacy.guest_retention_months, 36);
        assert_eq!(privacy.message_retention_days, 90);
        assert_eq!(privacy.order_keep_years, 10);
        assert!(!privacy.data_contact_email.is_empty(), "the association's contact e-mail by default");

        // Out of the schema's range: malformed (400); a well-formed text that is no address: refused (422).
        let bad = call(&app, Method::PATCH, "/admin/privacy", Some(&admin), Some(&json!({"contact_email": "pas une adresse", "guest_retention_months": 0}))).await;
        assert_eq!(bad.invalid_fields(), ["guest_retention_months"]);
        let bad = call(&app, Method::PATCH, "/admin/privacy", Some(&admin), Some(&json!({"contact_email": "pas une adresse", "guest_retention_months": 12}))).await;
        assert_eq!(bad.refused_fields(), ["contact_email"]);
        for days in [6, 731] {
            let bad = call(&app, Method::PATCH, "/admin/privacy", Some(&admin), Some(&json!({"message_retention_days": days}))).await;
            assert_eq!(bad.invalid_fields(), ["message_retention_days"], "{days}");
        }
        call(&app, Method::PATCH, "/admin/privacy", Some(&admin), Some(&json!({"months": 12}))).await.problem(400, "malformed_body");
        assert_eq!(app.get("/api/v1/privacy").await.json::<Privacy>(), privacy, "a refused change changes nothing");

        let reply = call(&app, Method::PATCH, "/admin/privacy", Some(&admin), Some(&json!({"contact_email": " Donnees@Example.fr ", "guest_retention_months": 24}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let now: Privacy = app.get("/api/v1/privacy").await.json();
        assert_eq!((now.data_contact_email.as_str(), now.guest_retention_months, now.message_retention_days), ("donnees@example.fr", 24, 90));
        let reply = call(&app, Method::PATCH, "/admin/privacy", Some(&admin), Some(&json!({"message_retention_days": 30}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let now: Privacy = app.get("/api/v1/privacy").await.json();
        assert_eq!((now.guest_retention_months, now.message_retention_days), (24, 30), "a field left out stays");
    }

    async fn who_may_call_the_personal_data_routes(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let volunteer = token_of(&app, "benevole@vitrine.demo").await;
        let customer = token_of(&app, "client@vitrine.demo").await;
        let admin = token_of(&app, ADMIN).await;
        let reply = call(&app, Method::GET, "/me/shops", Some(&merchant), None).await;
        let shop = reply.json::<Page<ShopProfile>>().items.remove(0);
        let reply = call(&app, Method::POST, &format!("/shops/{}/api-keys", shop.slug), Some(&merchant), Some(&json!({"name": "caisse"}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let key = reply.json::<NewApiKey>().key;

        // The association's side: admins only.
        let routes = [
            (Method::GET, "/admin/privacy", None),
            (Method::PATCH, "/admin/privacy", Some(json!({"guest_retention_months": 12}))),
            (Method::POST, "/admin/privacy/erasure-requests/1/execute", None),
        ];
        for (method, path, body) in &routes {
            call(&app, method.clone(), path, None, body.as_ref()).await.problem(401, "unauthorized");
            for (who, token) in [("merchant", &merchant), ("volunteer", &volunteer), ("customer", &customer), ("api key", &key)] {
                let reply = call(&app, method.clone(), path, Some(token), body.as_ref()).await;
                assert_eq!(reply.status, 404, "{who} {method} {path}: {}", reply.body);
            }
        }
        assert_eq!(app.admin_privacy(&admin).await.settings.guest_retention_months, 36, "nobody else changed it");
        call(&app, Method::POST, "/admin/privacy/erasure-requests/999/execute", Some(&admin), None).await.problem(404, "not_found");

        // One's own data: signed-in accounts, not keys.
        for (method, path, body) in [(Method::GET, "/me/export", None), (Method::DELETE, "/me", Some(json!({"password": "vitrine-demo-2026"})))] {
            call(&app, method.clone(), path, None, body.as_ref()).await.problem(401, "unauthorized");
            call(&app, method.clone(), path, Some(&key), body.as_ref()).await.problem(401, "unauthorized");
        }
        for who in [&merchant, &volunteer, &admin] {
            assert_eq!(call(&app, Method::GET, "/me/export", Some(who), None).await.status, 200);
            // Those who run part of the marketplace are first made customers by the association.
            app.erase(who, "vitrine-demo-2026").await.problem(409, "conflict");
        }
        call(&app, Method::DELETE, "/me", Some(&customer), Some(&json!({"password": "x", "confirm": true}))).await.problem(400, "malformed_body");
        // Public: the page's facts.
        assert_eq!(app.get("/api/v1/privacy").await.status, 200);
        // A signed-in account's order is erased with the account, not by a request.
        let session: Session = app.login("client@vitrine.demo", "vitrine-demo-2026").await.json();
        let order = app.checkout_as(Some(&session.access_token), &order_body("Client Démo", "06 12 12 12 12", "client@vitrine.demo", "5 rue Démo"), &["epicerie-du-duche"]).await.remove(0);
        call(&app, Method::POST, &format!("/track/{}/erasure-request", order.tracking_token), None, None).await.problem(409, "conflict");
    }

    async fn an_erasure_racing_a_checkout_leaves_no_order_under_the_person_s_name(app) {
        let mut outcomes = std::collections::BTreeSet::new();
        for round in 0..6u64 {
            let name = format!("Rosalie Course{round}");
            let email = format!("rosalie{round}@example.fr");
            let session = app.customer(&name, &email, "06 45 45 45 45").await;
            let token = session.access_token.clone();
            let cart = app.create_cart().await.id;
            let product = app.product_in("epicerie-du-duche", 2).await;
            assert_eq!(app.add_to_cart(&cart, product.id, 1).await.status, 200);
            let body = order_body(&name, "06 45 45 45 45", &email, "9 rue de la Course");
            let checkout_path = format!("/carts/{cart}/checkout");
            let (erased, checked_out) = futures_util::future::join(
                app.erase(&token, PASSWORD),
                async {
                    // From at once to a little after the erasure's password check.
                    actix_web::rt::time::sleep(std::time::Duration::from_millis(round * 20)).await;
                    call(&app, Method::POST, &checkout_path, Some(&token), Some(&body)).await
                },
            )
            .await;
            assert!(erased.status == 200 || erased.status == 409, "erasure: {} {}", erased.status, erased.body);
            assert!(checked_out.status == 201 || checked_out.status == 401, "checkout: {} {}", checked_out.status, checked_out.body);
            assert!(!(erased.status == 200 && checked_out.status == 201), "both cannot win");
            outcomes.insert((erased.status, checked_out.status));
            if erased.status == 200 {
                assert_eq!(app.traces_of(&name), Vec::<String>::new(), "round {round}");
            } else {
                // The checkout came first: the order is open, the account stays.
                assert_eq!(checked_out.status, 201);
                assert_eq!(call(&app, Method::GET, "/me", Some(&token), None).await.status, 200);
            }
        }
        eprintln!("erasure and checkout outcomes: {outcomes:?}");
    }
}
