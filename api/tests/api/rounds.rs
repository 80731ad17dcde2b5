//! Delivery rounds (issue 11): a date's deliveries gathered into rounds, the admins'
//! planning, the sheets and their per-shop amounts, the volunteers' taps (sent twice, as
//! an offline phone does), a failed delivery rolled to the next date, who may see what,
//! and two admins or two phones at once.

use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::catalogue::{ShopKind, ShopSummary};
use shared::order::{CheckoutResult, Commune, Order, OrderStatus, PaymentStatus};
use shared::rounds::{Round, RoundList, RoundSheets, ShopRounds, StopState, Volunteer};
use shared::shop_orders::{OrderEventKind, PaymentMethod};

use crate::helpers::{Reply, TestApp, call, token_of};
use crate::on_both_backends;

const PASSWORD: &str = "vitrine-demo-2026";
const SHOP: &str = "epicerie-du-duche";
const KEY: &str = "vtr_own_key_of_the_epicerie_0123456789";

/// Today in Europe/Paris, as the rounds count days.
fn today() -> String {
    vitrine::domain::delivery::paris_time(chrono::Utc::now())
        .date()
        .to_string()
}

/// The demo accounts and the volunteers of these tests.
struct People {
    admin: String,
    merchant: String,
    customer: String,
    volunteer: String,
    volunteer_id: i64,
    other_volunteer: String,
}

/// A delivery date's orders: three shops, two communes, three doors.
struct Deliveries {
    /// The shops: the demo merchant's food shop first, then two other delivering shops.
    shops: [String; 3],
    /// Uzès, and a village.
    communes: [Commune; 2],
    /// Jeanne at 12 rue Jacques d'Uzès (Uzès): shops 0 and 1.
    jeanne: [Order; 2],
    /// Paul in the village: shop 2.
    paul: Order,
    /// Louise at 3 rue Jacques d'Uzès (Uzès): shop 0.
    louise: Order,
}

impl TestApp {
    /// Signs up an account with a role (set as an admin would) and a phone: its token and id.
    async fn account(&self, email: &str, name: &str, role: &str) -> (String, i64) {
        let reply = self
            .post_json(
                "/api/v1/auth/register",
                &json!({"email": email, "password": PASSWORD, "name": name}),
                None,
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        self.execute_sql(&format!(
            "UPDATE users SET role = '{role}' WHERE email = '{email}'"
        ));
        let token = token_of(self, email).await;
        let me = call(
            self,
            Method::PATCH,
            "/me",
            Some(&token),
            Some(&json!({"phone": "0611223344"})),
        )
        .await;
        assert_eq!(me.status, 200, "{}", me.body);
        let me: shared::auth::Me = me.json();
        assert_eq!(me.phone.as_deref(), Some("06 11 22 33 44"));
        (token, me.id)
    }

    async fn people(&self) -> People {
        let (volunteer, volunteer_id) = self
            .account("paul.benevole@example.fr", "Paul Roux", "volunteer")
            .await;
        let (other_volunteer, _) = self
            .account("anne.benevole@example.fr", "Anne Vidal", "volunteer")
            .await;
        self.execute_sql(&format!(
            "INSERT INTO api_keys (shop_id, name, key_hash, prefix, created_at)
                 SELECT id, 'Caisse', '{}', 'vtr_own_', CURRENT_TIMESTAMP FROM shops WHERE slug = '{SHOP}'",
            vitrine::auth::token_hash(KEY)
        ));
        People {
            admin: token_of(self, "admin@vitrine.demo").await,
            merchant: token_of(self, "marchand@vitrine.demo").await,
            customer: token_of(self, "client@vitrine.demo").await,
            volunteer,
            volunteer_id,
            other_volunteer,
        }
    }

    /// Checks out one product of each shop for delivery to an address: one order per shop.
    async fn deliver_to(
        &self,
        name: &str,
        street: &str,
        commune: &Commune,
        shops: &[&str],
        access_note: Option<&str>,
    ) -> Vec<Order> {
        let cart = self.create_cart().await.id;
        for shop in shops {
            let product = self.product_in(shop, 2).await;
            let reply = self.add_to_cart(&cart, product.id, 1).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let mut address =
            json!({"street": street, "postcode": commune.postcode, "commune": commune.name});
        if let Some(note) = access_note {
            address["access_note"] = json!(note);
        }
        let per_shop: serde_json::Map<String, Value> = shops
            .iter()
            .map(|s| (s.to_string(), json!({"note": format!("Pour {name}")})))
            .collect();
        let body = json!({
            "customer": {"name": name, "phone": "0612345678"},
            "accept_terms": true, "fulfilment": {"method": "delivery", "address": address},
            "per_shop": per_shop,
        });
        let reply = self
            .post_json(&format!("/api/v1/carts/{cart}/checkout"), &body, None)
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json::<CheckoutResult>().orders
    }

    /// Three shops' orders to three doors in two communes, all delivered today.
    async fn deliveries(&self) -> Deliveries {
        let shops: Page<ShopSummary> = self.list_shops("per_page=100").await.json();
        let others: Vec<String> = shops
            .items
            .iter()
            .filter(|s| s.offers_delivery && s.kind != ShopKind::Restaurant && s.slug != SHOP)
            .map(|s| s.slug.clone())
            .take(2)
            .collect();
        let shops = [SHOP.to_owned(), others[0].clone(), others[1].clone()];
        let communes: Page<Commune> = self.get("/api/v1/communes?per_page=100").await.json();
        let uzes = communes
            .items
            .iter()
            .find(|c| c.name == "Uzès")
            .expect("Uzès")
            .clone();
        let village = communes
            .items
            .iter()
            .find(|c| c.name != "Uzès")
            .expect("a village")
            .clone();
        let jeanne = self
            .deliver_to(
                "Jeanne Martin",
                "12 rue Jacques d'Uzès",
                &uzes,
                &[&shops[0], &shops[1]],
                Some("code porte 1234, 2e étage"),
            )
            .await;
        let paul = self
            .deliver_to(
                "Paul Bonnet",
                "2 place de l'Église",
                &village,
                &[&shops[2]],
                None,
            )
            .await;
        let louise = self
            .deliver_to(
                "Louise Roche",
                "3 rue Jacques d'Uzès",
                &uzes,
                &[&shops[0]],
                None,
            )
            .await;
        // The delivery-day rule gave each shop's kind its own day: the round is today's.
        self.execute_sql(&format!(
            "UPDATE orders SET fulfilment_date = '{}'",
            today()
        ));
        let [jeanne0, jeanne1]: [Order; 2] = jeanne.try_into().expect("two orders");
        Deliveries {
            shops,
            communes: [uzes, village],
            jeanne: [jeanne0, jeanne1],
            paul: paul.into_iter().next().unwrap(),
            louise: louise.into_iter().next().unwrap(),
        }
    }

    async fn rounds_of(&self, token: &str, date: &str) -> Vec<Round> {
        let reply = call(
            self,
            Method::GET,
            &format!("/rounds?date={date}"),
            Some(token),
            None,
        )
        .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json::<RoundList>().rounds
    }

    async fn new_round(&self, token: &str, name: &str) -> Round {
        let body = json!({"date": today(), "name": name, "ready_by": "08:30"});
        let reply = call(self, Method::POST, "/rounds", Some(token), Some(&body)).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json()
    }

    async fn round(&self, token: &str, id: i64) -> Round {
        let reply = call(
            self,
            Method::GET,
            &format!("/rounds/{id}"),
            Some(token),
            None,
        )
        .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    /// A tap as the phone sends it, with its idempotency key.
    async fn tap(&self, token: Option<&str>, path: &str, key: &str, body: &Value) -> Reply {
        let mut request = self
            .client
            .post(self.url(&format!("/api/v1{path}")))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .body(body.to_string());
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        Self::read_response(request.send().await.expect("request")).await
    }

    async fn order_as_shop(&self, token: &str, id: i64) -> Order {
        let reply = call(
            self,
            Method::GET,
            &format!("/orders/{id}"),
            Some(token),
            None,
        )
        .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    /// Moves an order on as its shop (the admin acts for any shop).
    async fn shop_moves(&self, token: &str, id: i64, body: Value) {
        let reply = call(
            self,
            Method::POST,
            &format!("/orders/{id}/transitions"),
            Some(token),
            Some(&body),
        )
        .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
    }

    /// An admin's round holding every delivery of today, driven by the volunteer.
    async fn staffed_round(&self, people: &People) -> Round {
        let round = self.new_round(&people.admin, "Uzès et villages").await;
        let id = round.id.unwrap();
        let reply = call(
            self,
            Method::PUT,
            &format!("/rounds/{id}/volunteers"),
            Some(&people.admin),
            Some(&json!({"volunteer_ids": [people.volunteer_id]})),
        )
        .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }
}

fn stop_of<'r>(round: &'r Round, order: &Order) -> &'r shared::rounds::Stop {
    round
        .stops
        .iter()
        .find(|s| s.orders.iter().any(|o| o.order_id == order.id))
        .expect("the order's stop")
}

on_both_backends! {
    async fn a_round_of_three_shops_in_two_communes_gives_the_right_sheets(app) {
        let people = app.people().await;
        let d = app.deliveries().await;
        // The shop marks Jeanne's order ready with its bags; one of its products is cold.
        for to in ["confirmed", "ready"] {
            let mut body = json!({"to": to});
            if to == "ready" {
                body["bags"] = json!(2);
            }
            app.shop_moves(&people.merchant, d.jeanne[0].id, body).await;
        }
        let cold = d.jeanne[0].lines[0].product_id;
        let reply = call(&app, Method::PATCH, &format!("/products/{cold}"), Some(&people.merchant), Some(&json!({"keep_cold": true}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        // The village's shop takes cheques and cards (it lent a terminal).
        let reply = call(&app, Method::PATCH, &format!("/shops/{}", d.shops[1]), Some(&people.admin),
            Some(&json!({"delivery_payment_means": ["cheque", "card"]}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);

        // Before any admin splits the date: one default round, every door once, by commune,
        // street and number; unconfirmed orders flagged.
        let rounds = app.rounds_of(&people.admin, &today()).await;
        assert_eq!(rounds.len(), 1);
        let default = &rounds[0];
        assert_eq!(default.id, None);
        let doors: Vec<(&str, usize)> = default.stops.iter().map(|s| (s.street.as_str(), s.orders.len())).collect();
        assert_eq!(doors, [("2 place de l'Église", 1), ("3 rue Jacques d'Uzès", 1), ("12 rue Jacques d'Uzès", 2)]);
        assert_eq!(default.unconfirmed_orders, 3, "only Jeanne's épicerie order is confirmed");
        let jeanne = stop_of(default, &d.jeanne[0]);
        assert_eq!(jeanne.access_note.as_deref(), Some("code porte 1234, 2e étage"));
        assert_eq!(jeanne.customer_phone, "06 12 34 56 78");
        let amounts: Vec<(String, i64, Vec<PaymentMethod>, bool)> = jeanne.orders.iter()
            .map(|o| (o.shop.slug.clone(), o.amount_due_cents, o.payment_means.clone(), o.unconfirmed))
            .collect();
        assert_eq!(amounts, [
            (d.shops[0].clone(), d.jeanne[0].total_cents, vec![PaymentMethod::Cash, PaymentMethod::Cheque], false),
            (d.shops[1].clone(), d.jeanne[1].total_cents, vec![PaymentMethod::Cheque, PaymentMethod::Card], true),
        ]);

        // The admin splits the date: the first round takes everything, the second the village.
        let uzes = app.new_round(&people.admin, "Uzès").await;
        assert_eq!(uzes.stops.len(), 3);
        let villages = app.new_round(&people.admin, "Villages").await;
        assert!(villages.stops.is_empty());
        let village_key = stop_of(&uzes, &d.paul).key.clone();
        let reply = call(&app, Method::PUT, &format!("/rounds/{}/stops", villages.id.unwrap()), Some(&people.admin),
            Some(&json!({"stops": [village_key]}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let uzes_id = uzes.id.unwrap();
        let uzes = app.round(&people.admin, uzes_id).await;
        assert_eq!(uzes.stops.len(), 2);
        // Jeanne before Louise, by hand.
        let (jeanne_key, louise_key) = (stop_of(&uzes, &d.jeanne[0]).key.clone(), stop_of(&uzes, &d.louise).key.clone());
        let reply = call(&app, Method::PUT, &format!("/rounds/{uzes_id}/stops"), Some(&people.admin),
            Some(&json!({"stops": [jeanne_key, louise_key]}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let uzes: Round = reply.json();
        let order: Vec<(u32, &str)> = uzes.stops.iter().map(|s| (s.sequence, s.customer_name.as_str())).collect();
        assert_eq!(order, [(1, "Jeanne Martin"), (2, "Louise Roche")]);

        // The sheets: one collection sheet per shop, the drop sheet by commune.
        let reply = call(&app, Method::GET, &format!("/rounds/{uzes_id}/sheets"), Some(&people.admin), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let sheets: RoundSheets = reply.json();
        assert_eq!(sheets.collection.len(), 2, "the épicerie and the second shop");
        let epicerie = sheets.collection.iter().find(|s| s.shop.slug == SHOP).unwrap();
        assert_eq!(epicerie.ready_by, "08:30");
        assert_eq!(epicerie.bags, 2);
        let numbers: Vec<(&str, &str, Option<i32>, bool)> = epicerie.orders.iter()
            .map(|o| (o.number.as_str(), o.customer_initials.as_str(), o.bags, o.keep_cold)).collect();
        assert_eq!(numbers, [
            (d.jeanne[0].number.as_str(), "J. M.", Some(2), true),
            // The same cold product.
            (d.louise.number.as_str(), "L. R.", None, true),
        ]);
        let other = sheets.collection.iter().find(|s| s.shop.slug == d.shops[1]).unwrap();
        assert!(!other.orders[0].keep_cold);
        assert_eq!(epicerie.orders[0].lines[0].quantity, 1);
        assert!(!epicerie.collected);
        assert_eq!(sheets.drop.len(), 1);
        assert_eq!(sheets.drop[0].commune, d.communes[0].name);
        let first = &sheets.drop[0].stops[0];
        let per_shop: Vec<i64> = first.orders.iter().map(|o| o.amount_due_cents).collect();
        assert_eq!(per_shop, [d.jeanne[0].total_cents, d.jeanne[1].total_cents]);
        let villages = app.round(&people.admin, villages.id.unwrap()).await;
        assert_eq!(villages.stops[0].commune, d.communes[1].name);

        // The CSV for spreadsheets: BOM, `;`, one line per shop's order.
        let csv = app.client.get(app.url(&format!("/api/v1/rounds/{uzes_id}/sheets.csv")))
            .bearer_auth(&people.admin).send().await.unwrap();
        assert_eq!(csv.status(), 200);
        let text = csv.text().await.unwrap();
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_end().lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[0].starts_with("\u{feff}tournée;date;ordre;commune"));
        assert!(lines[1].contains("code porte 1234, 2e étage") && lines[1].contains(&d.jeanne[0].number), "{text}");

        // The collection sheets' CSV: BOM, `;`, one line per article of each shop's order.
        let csv = app.client.get(app.url(&format!("/api/v1/rounds/{uzes_id}/collection.csv")))
            .bearer_auth(&people.admin).send().await.unwrap();
        assert_eq!(csv.status(), 200);
        assert!(csv.headers()["content-disposition"].to_str().unwrap().contains("collecte-"));
        let text = csv.text().await.unwrap();
        let lines: Vec<&str> = text.trim_end().lines().collect();
        assert!(lines[0].starts_with("\u{feff}tournée;date;commerce;adresse"), "{text}");
        let articles: usize = sheets.collection.iter()
            .flat_map(|s| &s.orders).map(|o| o.lines.len()).sum();
        assert_eq!(lines.len(), 1 + articles, "{text}");
        let first = lines.iter().find(|l| l.contains(&d.jeanne[0].number)).expect("Jeanne's order");
        assert!(first.contains(&epicerie.shop.name) && first.contains(";J. M.;") && first.contains(";08:30;"), "{first}");

        // A hand-set order is reused for the same doors on a later date.
        let later = "2031-01-07";
        app.execute_sql(&format!("UPDATE orders SET fulfilment_date = '{later}'"));
        let rounds = app.rounds_of(&people.admin, later).await;
        let streets: Vec<&str> = rounds[0].stops.iter().map(|s| s.street.as_str()).collect();
        let place = |street: &str| streets.iter().position(|s| *s == street).unwrap();
        assert!(place("12 rue Jacques d'Uzès") < place("3 rue Jacques d'Uzès"), "by hand, not by number: {streets:?}");
    }

    async fn delivered_sent_twice_records_each_shops_payment_once(app) {
        let people = app.people().await;
        let d = app.deliveries().await;
        // The second shop has not confirmed Jeanne's order yet.
        for to in ["confirmed", "ready"] {
            app.shop_moves(&people.admin, d.jeanne[0].id, json!({"to": to})).await;
        }
        let round = app.staffed_round(&people).await;
        let id = round.id.unwrap();
        let volunteer = Some(people.volunteer.as_str());
        for shop in &d.shops[..2] {
            let reply = app.tap(volunteer, &format!("/rounds/{id}/shops/{shop}/collected"), &format!("collect-{shop}"), &json!({})).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let key = stop_of(&round, &d.jeanne[0]).key.clone();
        let path = format!("/rounds/{id}/stops/{key}/delivered");
        let body = json!({"payments": [
            {"order_id": d.jeanne[0].id, "method": "cheque"},
            {"order_id": d.jeanne[1].id, "method": "cash"},
        ]});
        // Bad taps change nothing: a means the shop does not take, a missing payment.
        let card = json!({"payments": [{"order_id": d.jeanne[0].id, "method": "card"}, {"order_id": d.jeanne[1].id, "method": "cash"}]});
        let reply = app.tap(volunteer, &path, "bad-1", &card).await;
        assert_eq!(reply.problem(422, "validation_failed").errors[0].field, "payments[0].method");
        let missing = json!({"payments": [{"order_id": d.jeanne[0].id, "method": "cash"}]});
        app.tap(volunteer, &path, "bad-2", &missing).await.problem(422, "validation_failed");
        // A stop holding an order its shop never confirmed cannot be delivered, and says why.
        let early = app.tap(volunteer, &path, "deliver-too-early", &body).await;
        assert!(early.problem(409, "order_not_confirmed").detail.contains("never confirmed"));
        assert_eq!(app.order_as_shop(&people.admin, d.jeanne[0].id).await.status, OrderStatus::Ready);
        assert_eq!(app.order_as_shop(&people.admin, d.jeanne[1].id).await.status, OrderStatus::Placed);
        for to in ["confirmed", "ready"] {
            app.shop_moves(&people.admin, d.jeanne[1].id, json!({"to": to})).await;
        }
        let no_key = call(&app, Method::POST, &path, volunteer, Some(&body)).await;
        no_key.problem(400, "validation_failed");

        let first = app.tap(volunteer, &path, "deliver-jeanne", &body).await;
        assert_eq!(first.status, 200, "{}", first.body);
        let again = app.tap(volunteer, &path, "deliver-jeanne", &body).await;
        assert_eq!((again.status, &again.body), (200, &first.body), "the replay answers the same");
        // Another key for the same stop is a second tap, refused.
        app.tap(volunteer, &path, "deliver-jeanne-2", &body).await.problem(409, "conflict");
        let round: Round = first.json();
        assert_eq!(stop_of(&round, &d.jeanne[0]).state, StopState::Delivered);
        assert_eq!(round.collected_shops.len(), 2);

        for (order, method) in [(&d.jeanne[0], PaymentMethod::Cheque), (&d.jeanne[1], PaymentMethod::Cash)] {
            let order = app.order_as_shop(&people.admin, order.id).await;
            assert_eq!(order.status, OrderStatus::Completed);
            assert_eq!(order.payment_status, PaymentStatus::Paid);
            assert_eq!(order.payment_method, Some(method));
            let history = order.history.unwrap();
            let payments: Vec<_> = history.iter().filter(|e| e.kind == OrderEventKind::Payment).collect();
            assert_eq!(payments.len(), 1, "paid once");
            assert_eq!(payments[0].actor_name.as_deref(), Some("Paul Roux"), "collected by the volunteer");
            let taps: Vec<&str> = history.iter().filter(|e| e.kind == OrderEventKind::Delivery).map(|e| e.note.as_str()).collect();
            assert_eq!(taps.len(), 2, "collected, then delivered: {taps:?}");
            assert!(taps[0].starts_with("collectée par Paul Roux"));
            assert!(taps[1].starts_with("livrée par Paul Roux, payée par"));
        }

        // The shop sees the delivery, paid by cheque, by Paul.
        let reply = call(&app, Method::GET, &format!("/shops/{SHOP}/rounds/next"), Some(&people.merchant), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let rounds: ShopRounds = reply.json();
        let next = rounds.next.expect("today's round");
        assert_eq!(next.ready_by, "08:30");
        assert!(next.collected);
        let jeanne = next.orders.iter().find(|o| o.order_id == d.jeanne[0].id).unwrap();
        assert_eq!((jeanne.state, jeanne.payment_method, jeanne.by.as_deref()),
            (StopState::Delivered, Some(PaymentMethod::Cheque), Some("Paul Roux")));
    }

    async fn a_failed_delivery_goes_back_to_its_shop_for_the_next_date(app) {
        let people = app.people().await;
        let d = app.deliveries().await;
        for to in ["confirmed", "ready"] {
            app.shop_moves(&people.merchant, d.louise.id, json!({"to": to, "bags": if to == "ready" { json!(1) } else { Value::Null }})).await;
        }
        let round = app.staffed_round(&people).await;
        let id = round.id.unwrap();
        let key = stop_of(&round, &d.louise).key.clone();
        let path = format!("/rounds/{id}/stops/{key}/failed");
        let volunteer = Some(people.volunteer.as_str());
        app.tap(volunteer, &path, "f0", &json!({"reason": "other"})).await.problem(422, "validation_failed");
        let reply = app.tap(volunteer, &path, "f1", &json!({"reason": "nobody_home"})).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let again = app.tap(volunteer, &path, "f1", &json!({"reason": "nobody_home"})).await;
        assert_eq!(again.body, reply.body);
        // Still on today's sheets, as failed.
        let round: Round = reply.json();
        let stop = stop_of(&round, &d.louise);
        assert_eq!(stop.state, StopState::Failed);

        let order = app.order_as_shop(&people.merchant, d.louise.id).await;
        assert_eq!(order.status, OrderStatus::Ready);
        let next = chrono::NaiveDate::parse_from_str(&order.fulfilment.date, "%Y-%m-%d").unwrap();
        let today = chrono::NaiveDate::parse_from_str(&today(), "%Y-%m-%d").unwrap();
        assert!(next > today, "{next} after {today}");
        assert!(matches!(chrono::Datelike::weekday(&next), chrono::Weekday::Tue | chrono::Weekday::Fri), "a food day: {next}");
        let history = order.history.unwrap();
        let failed: Vec<_> = history.iter().filter(|e| e.kind == OrderEventKind::Delivery).collect();
        assert_eq!(failed.len(), 1, "recorded once");
        assert!(failed[0].note.contains("personne à la maison") && failed[0].note.contains(&next.to_string()), "{}", failed[0].note);
        // The shop's inbox is told.
        let conn = &mut app.pool.get().unwrap();
        use diesel::prelude::*;
        let notes: Vec<String> = vitrine::db::schema::shop_events::table
            .select(vitrine::db::schema::shop_events::note)
            .load(conn)
            .unwrap();
        assert!(notes.iter().any(|n| n.contains(&d.louise.number) && n.contains("échec de livraison")), "{notes:?}");
        // The next date's round holds it again, pending.
        let later = app.rounds_of(&people.admin, &next.to_string()).await;
        assert_eq!(stop_of(&later[0], &d.louise).state, StopState::Pending);
    }

    async fn strangers_get_404_or_401_and_change_nothing(app) {
        let people = app.people().await;
        let d = app.deliveries().await;
        let round = app.staffed_round(&people).await;
        let id = round.id.unwrap();
        let key = stop_of(&round, &d.louise).key.clone();
        let before = app.round(&people.admin, id).await;
        let routes: Vec<(Method, String, Option<Value>)> = vec![
            (Method::GET, format!("/rounds/{id}"), None),
            (Method::GET, format!("/rounds/{id}/sheets"), None),
            (Method::GET, format!("/rounds/{id}/sheets.csv"), None),
            (Method::GET, format!("/rounds/{id}/collection.csv"), None),
            (Method::PATCH, format!("/rounds/{id}"), Some(json!({"name": "Pirate"}))),
            (Method::DELETE, format!("/rounds/{id}"), None),
            (Method::PUT, format!("/rounds/{id}/volunteers"), Some(json!({"volunteer_ids": []}))),
            (Method::PUT, format!("/rounds/{id}/stops"), Some(json!({"stops": []}))),
            (Method::POST, format!("/rounds/{id}/shops/{SHOP}/collected"), Some(json!({}))),
            (Method::POST, format!("/rounds/{id}/stops/{key}/delivered"), Some(json!({"payments": [{"order_id": d.louise.id, "method": "cash"}]}))),
            (Method::POST, format!("/rounds/{id}/stops/{key}/failed"), Some(json!({"reason": "refused"}))),
            (Method::POST, "/rounds".to_owned(), Some(json!({"date": today(), "name": "Pirate"}))),
            (Method::GET, format!("/rounds?date={}", today()), None),
            (Method::GET, "/admin/volunteers".to_owned(), None),
        ];
        for (method, path, body) in &routes {
            let url = app.url(&format!("/api/v1{path}"));
            let send = |token: Option<&str>| {
                let mut request = app.client.request(method.clone(), &url).header("Idempotency-Key", format!("k-{}", uuid::Uuid::new_v4()));
                if let Some(body) = body {
                    request = request.header("Content-Type", "application/json").body(body.to_string());
                }
                if let Some(token) = token {
                    request = request.bearer_auth(token);
                }
                async move { TestApp::read_response(request.send().await.unwrap()).await }
            };
            send(None).await.problem(401, "unauthorized");
            send(Some(KEY)).await.problem(401, "unauthorized");
            let admin_only = *method != Method::GET || path.starts_with("/admin") || path.starts_with("/rounds?");
            let mut strangers = vec![&people.merchant, &people.customer];
            // The volunteer of another round: 404, except their own (empty) list of rounds.
            if !path.starts_with("/rounds?") {
                strangers.push(&people.other_volunteer);
            }
            if admin_only && !path.contains("/collected") && !path.contains("/delivered") && !path.contains("/failed") && !path.starts_with("/rounds?") {
                strangers.push(&people.volunteer);
            }
            for token in strangers {
                send(Some(token)).await.problem(404, "not_found");
            }
        }
        let list = app.rounds_of(&people.other_volunteer, &today()).await;
        assert!(list.is_empty(), "another volunteer's list is empty");
        assert_eq!(app.round(&people.admin, id).await, before, "nothing changed");
        // The shop's side: strangers to the shop get 404.
        let path = format!("/shops/{SHOP}/rounds/next");
        for token in [&people.customer, &people.volunteer] {
            call(&app, Method::GET, &path, Some(token), None).await.problem(404, "not_found");
        }
        call(&app, Method::GET, &path, None, None).await.problem(401, "unauthorized");
        assert_eq!(call(&app, Method::GET, &path, Some(KEY), None).await.status, 200, "the shop's own key");

        // The volunteer sees their round today, and not one three days ahead.
        assert_eq!(app.round(&people.volunteer, id).await.id, Some(id));
        let far = chrono::NaiveDate::parse_from_str(&today(), "%Y-%m-%d").unwrap() + chrono::Duration::days(3);
        let reply = call(&app, Method::POST, "/rounds", Some(&people.admin), Some(&json!({"date": far.to_string(), "name": "Plus tard"}))).await;
        let far_round: Round = reply.json();
        let far_id = far_round.id.unwrap();
        let reply = call(&app, Method::PUT, &format!("/rounds/{far_id}/volunteers"), Some(&people.admin), Some(&json!({"volunteer_ids": [people.volunteer_id]}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        call(&app, Method::GET, &format!("/rounds/{far_id}"), Some(&people.volunteer), None).await.problem(404, "not_found");
        let mine = call(&app, Method::GET, "/rounds", Some(&people.volunteer), None).await.json::<RoundList>();
        assert_eq!(mine.rounds.iter().map(|r| r.id).collect::<Vec<_>>(), [Some(id)]);
        // Only volunteers can drive; the admins' list shows them with their phone.
        let reply = call(&app, Method::PUT, &format!("/rounds/{id}/volunteers"), Some(&people.admin), Some(&json!({"volunteer_ids": [people.volunteer_id, 1]}))).await;
        assert_eq!(reply.problem(422, "validation_failed").errors[0].field, "volunteer_ids[1]");
        let volunteers: Vec<Volunteer> = call(&app, Method::GET, "/admin/volunteers", Some(&people.admin), None).await.json();
        assert_eq!(volunteers.iter().map(|v| (v.name.as_str(), v.phone.as_deref())).collect::<Vec<_>>(),
            [("Anne Vidal", Some("06 11 22 33 44")), ("Lucie Vidal", Some("06 71 22 33 44")), ("Paul Roux", Some("06 11 22 33 44"))]);
    }

    async fn two_admins_and_two_phones_at_once_leave_every_stop_once(app) {
        let people = app.people().await;
        let d = app.deliveries().await;
        for order in [&d.paul] {
            for to in ["confirmed", "ready"] {
                app.shop_moves(&people.admin, order.id, json!({"to": to})).await;
            }
        }
        // Two admins create the date's first rounds at the same moment.
        let creations = (0..4).map(|i| {
            let app = &app;
            let admin = people.admin.clone();
            async move {
                let body = json!({"date": today(), "name": format!("Tournée {i}")});
                call(app, Method::POST, "/rounds", Some(&admin), Some(&body)).await
            }
        });
        let created = futures_util::future::join_all(creations).await;
        assert!(created.iter().all(|r| r.status == 201), "{:?}", created.iter().map(|r| &r.body).collect::<Vec<_>>());
        let rounds = app.rounds_of(&people.admin, &today()).await;
        assert_eq!(rounds.len(), 4);
        let keys: Vec<String> = rounds.iter().flat_map(|r| r.stops.iter().map(|s| s.key.clone())).collect();
        assert_eq!(keys.len(), 3, "every stop in the first round");
        // Each admin pulls every stop into their own round, many times, at once.
        let moves = (0..12).map(|i| {
            let app = &app;
            let admin = people.admin.clone();
            let id = rounds[i % 4].id.unwrap();
            let keys = keys.clone();
            async move {
                call(app, Method::PUT, &format!("/rounds/{id}/stops"), Some(&admin), Some(&json!({"stops": keys}))).await
            }
        });
        for reply in futures_util::future::join_all(moves).await {
            assert!(reply.status == 200 || reply.status == 409, "{} {}", reply.status, reply.body);
        }
        let rounds = app.rounds_of(&people.admin, &today()).await;
        let mut seen: Vec<String> = rounds.iter().flat_map(|r| r.stops.iter().map(|s| s.key.clone())).collect();
        seen.sort();
        let mut expected = keys.clone();
        expected.sort();
        assert_eq!(seen, expected, "every stop exactly once");

        // Two phones tap the same stop delivered with different keys at once: one wins.
        let holder = rounds.iter().find(|r| r.stops.iter().any(|s| s.orders.iter().any(|o| o.order_id == d.paul.id))).unwrap();
        let id = holder.id.unwrap();
        let reply = call(&app, Method::PUT, &format!("/rounds/{id}/volunteers"), Some(&people.admin), Some(&json!({"volunteer_ids": [people.volunteer_id]}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let key = stop_of(holder, &d.paul).key.clone();
        let path = format!("/rounds/{id}/stops/{key}/delivered");
        let body = json!({"payments": [{"order_id": d.paul.id, "method": "cash"}]});
        let taps = (0..6).map(|i| {
            let app = &app;
            let (path, body) = (path.clone(), body.clone());
            let token = if i % 2 == 0 { people.volunteer.clone() } else { people.admin.clone() };
            async move { app.tap(Some(&token), &path, &format!("phone-{}", i % 3), &body).await }
        });
        let statuses: Vec<u16> = futures_util::future::join_all(taps).await.iter().map(|r| r.status).collect();
        assert!(statuses.iter().all(|s| *s == 200 || *s == 409), "{statuses:?}");
        let order = app.order_as_shop(&people.admin, d.paul.id).await;
        let payments = order.history.unwrap().iter().filter(|e| e.kind == OrderEventKind::Payment).count();
        assert_eq!((order.status, payments), (OrderStatus::Completed, 1));
    }
}

on_both_backends! {
    async fn bad_input_on_the_new_fields_names_the_field_and_changes_nothing(app) {
        let people = app.people().await;
        let d = app.deliveries().await;
        let invalid = |reply: Reply| reply.invalid_fields();
        // A volunteer's phone.
        let reply = call(&app, Method::PATCH, "/me", Some(&people.volunteer), Some(&json!({"phone": "12"}))).await;
        assert_eq!(invalid(reply), ["phone"]);
        let reply = call(&app, Method::PATCH, "/me", Some(&people.volunteer), Some(&json!({"phone": "", "name": "x"}))).await;
        reply.problem(400, "malformed_body");
        // The access note at checkout.
        let cart = app.create_cart().await.id;
        let product = app.product_in(SHOP, 1).await;
        app.add_to_cart(&cart, product.id, 1).await;
        let body = json!({
            "customer": {"name": "Jeanne Martin", "phone": "0612345678"},
            "accept_terms": true, "fulfilment": {"method": "delivery", "address": {"street": "1 place aux Herbes",
                "postcode": d.communes[0].postcode, "commune": d.communes[0].name, "access_note": "x".repeat(301)}},
        });
        let reply = app.post_json(&format!("/api/v1/carts/{cart}/checkout"), &body, None).await;
        assert_eq!(invalid(reply), ["fulfilment.address.access_note"]);
        // Bags: only when marking ready, 1 to 50.
        let path = format!("/orders/{}/transitions", d.louise.id);
        let reply = call(&app, Method::POST, &path, Some(&people.merchant), Some(&json!({"to": "confirmed", "bags": 2}))).await;
        assert_eq!(reply.problem(422, "validation_failed").errors[0].field, "bags");
        app.shop_moves(&people.merchant, d.louise.id, json!({"to": "confirmed"})).await;
        let reply = call(&app, Method::POST, &path, Some(&people.merchant), Some(&json!({"to": "ready", "bags": 0}))).await;
        assert_eq!(invalid(reply), ["bags"]);
        assert_eq!(app.order_as_shop(&people.merchant, d.louise.id).await.status, OrderStatus::Confirmed);
        // A shop takes at least one means of payment.
        let reply = call(&app, Method::PATCH, &format!("/shops/{SHOP}"), Some(&people.merchant), Some(&json!({"delivery_payment_means": []}))).await;
        assert_eq!(invalid(reply), ["delivery_payment_means"]);
        let reply = call(&app, Method::PATCH, &format!("/shops/{SHOP}"), Some(&people.merchant), Some(&json!({"delivery_payment_means": ["card", "card", "card", "card"]}))).await;
        assert_eq!(invalid(reply), ["delivery_payment_means"]);
        let reply = call(&app, Method::PATCH, &format!("/shops/{SHOP}"), Some(&people.merchant), Some(&json!({"delivery_payment_means": ["bitcoin"]}))).await;
        reply.problem(400, "malformed_body");
        // Rounds.
        // A date of the right shape that does not exist is refused by the data (422).
        let reply = call(&app, Method::POST, "/rounds", Some(&people.admin), Some(&json!({"date": "2026-13-01", "name": "A"}))).await;
        assert_eq!(reply.refused_fields(), ["date"]);
        for (body, field) in [
            (json!({"date": today(), "name": "  "}), "name"),
            (json!({"date": today(), "name": "A", "ready_by": "23:00"}), "ready_by"),
        ] {
            let reply = call(&app, Method::POST, "/rounds", Some(&people.admin), Some(&body)).await;
            assert_eq!(invalid(reply), [field]);
        }
        let round = app.staffed_round(&people).await;
        let id = round.id.unwrap();
        let reply = call(&app, Method::PUT, &format!("/rounds/{id}/stops"), Some(&people.admin), Some(&json!({"stops": ["nope"]}))).await;
        assert_eq!(reply.problem(422, "validation_failed").errors[0].field, "stops[0]");
        // Leaving a stop out of its round's list: someone else changed it, read it again.
        let first = round.stops[0].key.clone();
        call(&app, Method::PUT, &format!("/rounds/{id}/stops"), Some(&people.admin), Some(&json!({"stops": [first]}))).await.problem(409, "conflict");
        let key = stop_of(&round, &d.louise).key.clone();
        let reply = app.tap(Some(&people.volunteer), &format!("/rounds/{id}/stops/{key}/failed"), "k", &json!({"reason": "lost"})).await;
        reply.problem(400, "malformed_body");
        assert_eq!(app.round(&people.admin, id).await, round, "nothing changed");
    }
}

/// `just run`'s demo (`--demo --demo-deliveries`): orders for delivery on the next delivery
/// dates, one left unconfirmed, in rounds the demo volunteer drives; the real binary.
async fn the_demo_deliveries_fill_rounds_the_demo_volunteer_drives(
    backend: crate::helpers::Backend,
) {
    use crate::server_process::{self, page_shells, url_argument};
    let Some((url, _database)) = crate::helpers::fresh_database(backend) else {
        return;
    };
    let url = url_argument(url);
    let folder = tempfile::tempdir().expect("temporary folder");
    page_shells(folder.path());
    let log = folder.path().join("server.log");
    let client = reqwest::Client::new();
    let server = server_process::start(
        &url,
        folder.path(),
        &log,
        &client,
        &[("VITRINE_DEMO_DELIVERIES", "true")],
    )
    .await;
    let token = |email: &'static str| {
        let (client, address) = (client.clone(), server.address.clone());
        async move {
            let session: Value = client
                .post(format!("{address}/api/v1/auth/login"))
                .json(&json!({"email": email, "password": PASSWORD}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            session["access_token"]
                .as_str()
                .expect("a session")
                .to_owned()
        }
    };
    let admin = token("admin@vitrine.demo").await;
    let mut rounds = Vec::new();
    for days in 0..14 {
        let date = (vitrine::domain::delivery::paris_time(chrono::Utc::now()).date()
            + chrono::Duration::days(days))
        .to_string();
        let list: RoundList = client
            .get(format!("{}/api/v1/rounds?date={date}", server.address))
            .bearer_auth(&admin)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        rounds.extend(list.rounds.into_iter().filter(|r| r.id.is_some()));
    }
    assert!(
        !rounds.is_empty(),
        "{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    for round in &rounds {
        assert_eq!(
            round
                .volunteers
                .iter()
                .map(|v| v.name.as_str())
                .collect::<Vec<_>>(),
            ["Lucie Vidal"]
        );
        assert!(!round.stops.is_empty(), "{round:?}");
    }
    let orders: usize = rounds
        .iter()
        .flat_map(|r| &r.stops)
        .map(|s| s.orders.len())
        .sum();
    assert_eq!(orders, 5, "Jeanne's two shops, Louise's, Paul's and Marc's");
    assert_eq!(
        rounds.iter().map(|r| r.unconfirmed_orders).sum::<u32>(),
        1,
        "Paul's"
    );
    let me: Value = client
        .get(format!("{}/api/v1/me", server.address))
        .bearer_auth(token("benevole@vitrine.demo").await)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (me["role"].as_str(), me["phone"].as_str()),
        (Some("volunteer"), Some("06 71 22 33 44")),
        "{me}"
    );
}

#[actix_web::test]
async fn the_demo_deliveries_fill_rounds_the_demo_volunteer_drives_sqlite() {
    the_demo_deliveries_fill_rounds_the_demo_volunteer_drives(crate::helpers::Backend::Sqlite)
        .await;
}

#[actix_web::test]
async fn the_demo_deliveries_fill_rounds_the_demo_volunteer_drives_postgres() {
    the_demo_deliveries_fill_rounds_the_demo_volunteer_drives(crate::helpers::Backend::Postgres)
        .await;
}
