//! The shop's side of orders: the inbox, the order as the shop sees it, status changes,
//! payment, the merchant's note, phone orders and the live feed; for each, who may not.

use std::time::Duration;

use serde_json::{Value, json};
use shared::Page;
use shared::auth::Session;
use shared::catalogue::Product;
use shared::order::{CheckoutResult, Order, OrderStatus, PaymentStatus};
use shared::shop_orders::{OrderChannel, OrderEventKind, OrderFeedEvent, PaymentMethod};

use crate::helpers::{Reply, TestApp};
use crate::on_both_backends;

const PASSWORD: &str = "vitrine-demo-2026";
const SHOP: &str = "epicerie-du-duche";
const OWN_KEY: &str = "vtr_own_key_of_the_epicerie_0123456789";
const OTHER_KEY: &str = "vtr_key_of_another_shop_0123456789abcd";

/// Everyone who calls in these tests.
struct Callers {
    /// The demo merchant, who runs `epicerie-du-duche` and `chaussures-fabre`.
    merchant: String,
    merchant_id: i64,
    /// The demo customer.
    customer: String,
    admin: String,
    /// A merchant of a third shop.
    other_merchant: String,
    /// The slug of that third shop.
    other_shop: String,
}

impl TestApp {
    async fn session(&self, email: &str) -> Session {
        let reply = self.login(email, PASSWORD).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    async fn callers(&self) -> Callers {
        let merchant = self.session("marchand@vitrine.demo").await;
        let shops: Page<shared::catalogue::ShopSummary> =
            self.list_shops("per_page=10").await.json();
        let other_shop = shops
            .items
            .iter()
            .map(|s| s.slug.clone())
            .find(|slug| slug != SHOP && slug != "chaussures-fabre")
            .expect("a third shop");
        let email = "autre.marchand@example.fr";
        let reply = self
            .post_json(
                "/api/v1/auth/register",
                &json!({"email": email, "password": PASSWORD, "name": "Autre Marchand"}),
                None,
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        self.execute_sql(&format!(
            "UPDATE users SET role = 'merchant' WHERE email = '{email}';
             INSERT INTO shop_members (shop_id, user_id)
                 SELECT s.id, u.id FROM shops s, users u WHERE s.slug = '{other_shop}' AND u.email = '{email}';
             INSERT INTO api_keys (shop_id, name, key_hash, prefix, created_at)
                 SELECT id, 'Caisse', '{own}', 'vtr_own_', CURRENT_TIMESTAMP FROM shops WHERE slug = '{SHOP}';
             INSERT INTO api_keys (shop_id, name, key_hash, prefix, created_at)
                 SELECT id, 'Compta', '{other}', 'vtr_key_', CURRENT_TIMESTAMP FROM shops WHERE slug = '{other_shop}';",
            own = vitrine::auth::token_hash(OWN_KEY),
            other = vitrine::auth::token_hash(OTHER_KEY),
        ));
        Callers {
            merchant_id: merchant.user.id,
            merchant: merchant.access_token,
            customer: self.session("client@vitrine.demo").await.access_token,
            admin: self.session("admin@vitrine.demo").await.access_token,
            other_merchant: self.session(email).await.access_token,
            other_shop,
        }
    }

    /// Sends a JSON body with any method, as `token` (or anonymously).
    async fn send_as(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
        token: Option<&str>,
    ) -> Reply {
        let mut request = self.client.request(method, self.url(path));
        if let Some(body) = body {
            request = request
                .header("Content-Type", "application/json")
                .body(body.to_string());
        }
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        Self::read_response(request.send().await.expect("request")).await
    }

    async fn shop_get(&self, path: &str, token: Option<&str>) -> Reply {
        self.send_as(reqwest::Method::GET, path, None, token).await
    }

    async fn shop_post(&self, path: &str, body: &Value, token: Option<&str>) -> Reply {
        self.send_as(reqwest::Method::POST, path, Some(body), token)
            .await
    }

    /// The order as the shop sees it.
    async fn shop_order(&self, callers: &Callers, id: i64) -> Order {
        let reply = self
            .shop_get(&format!("/api/v1/orders/{id}"), Some(&callers.merchant))
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    async fn transition(&self, id: i64, body: Value, token: &str) -> Reply {
        self.shop_post(
            &format!("/api/v1/orders/{id}/transitions"),
            &body,
            Some(token),
        )
        .await
    }

    /// A tracked product of the shop with exactly `stock` units.
    async fn stocked_product(&self, shop: &str, stock: i32) -> Product {
        let product = self.product_in(shop, 1).await;
        self.execute_sql(&format!(
            "UPDATE product_variants SET stock = {stock} WHERE product_id = {}",
            product.id
        ));
        self.get(&format!("/api/v1/products/{}", product.id))
            .await
            .json()
    }

    /// An order of `quantity` units of `product`, placed on the website by `token`'s
    /// account (or a guest), for delivery.
    async fn web_order(&self, product: i64, quantity: i64, token: Option<&str>) -> Order {
        let cart = self.create_cart().await.id;
        let reply = self.add_to_cart(&cart, product, quantity).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let body = json!({
            "customer": {"name": "Jeanne Martin", "phone": "0612345678", "email": "jeanne@example.fr"},
            "accept_terms": true, "fulfilment": {"method": "delivery", "address": {"street": "1 place aux Herbes", "postcode": "30700", "commune": "Uzès"}},
            "per_shop": {SHOP: {"note": "Sonnez deux fois"}}
        });
        let body = if self.product_shop(product).await == SHOP {
            body
        } else {
            let mut body = body;
            body["per_shop"] = json!({});
            body
        };
        let reply = self
            .post_json(&format!("/api/v1/carts/{cart}/checkout"), &body, token)
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json::<CheckoutResult>().orders.remove(0)
    }

    async fn product_shop(&self, product: i64) -> String {
        let product: Product = self
            .get(&format!("/api/v1/products/{product}"))
            .await
            .json();
        product.shop.slug
    }

    async fn stock_of(&self, product: i64) -> u32 {
        let product: Product = self
            .get(&format!("/api/v1/products/{product}"))
            .await
            .json();
        product.max_quantity
    }
}

/// Anonymous gets 401; the customer, a merchant of another shop and a key of another shop
/// get 404; the order as the shop sees it afterwards is `before`.
async fn refused_to_strangers(
    app: &TestApp,
    callers: &Callers,
    method: reqwest::Method,
    path: &str,
    body: Option<&Value>,
    order: Option<&Order>,
) {
    app.send_as(method.clone(), path, body, None)
        .await
        .problem(401, "unauthorized");
    for token in [
        callers.customer.as_str(),
        callers.other_merchant.as_str(),
        OTHER_KEY,
    ] {
        app.send_as(method.clone(), path, body, Some(token))
            .await
            .problem(404, "not_found");
    }
    if let Some(before) = order {
        assert_eq!(
            &app.shop_order(callers, before.id).await,
            before,
            "nothing changed after {method} {path}"
        );
    }
}

/// Reads the stream until an `order` event arrives, or panics after `wait`.
async fn next_order_event(
    response: &mut reqwest::Response,
    buffer: &mut String,
    wait: Duration,
) -> (i64, OrderFeedEvent) {
    let deadline = std::time::Instant::now() + wait;
    loop {
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let field = |name: &str| {
                block
                    .lines()
                    .find_map(|line| line.strip_prefix(name).map(str::trim).map(str::to_owned))
            };
            if field("event:").as_deref() == Some("order") {
                let id = field("id:").expect("an id").parse().expect("a numeric id");
                let data = serde_json::from_str(&field("data:").expect("data")).expect("JSON data");
                return (id, data);
            }
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let chunk = actix_web::rt::time::timeout(left, response.chunk())
            .await
            .unwrap_or_else(|_| panic!("no order event within {wait:?}; got {buffer:?}"))
            .expect("the stream stays open")
            .expect("the stream does not end");
        buffer.push_str(std::str::from_utf8(&chunk).expect("UTF-8"));
    }
}

/// Opens the shop's stream and reads its first chunk (which says it is connected, and may
/// hold events already): the response and what was read.
async fn open_stream(
    app: &TestApp,
    token: &str,
    last_event_id: Option<i64>,
) -> (reqwest::Response, String) {
    let mut request = app
        .client
        .get(app.url(&format!("/api/v1/shops/{SHOP}/orders/events")))
        .bearer_auth(token);
    if let Some(id) = last_event_id {
        request = request.header("Last-Event-ID", id.to_string());
    }
    let mut response = request.send().await.expect("request");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "text/event-stream"
    );
    let first = actix_web::rt::time::timeout(Duration::from_secs(5), response.chunk())
        .await
        .expect("the stream says it is connected")
        .unwrap()
        .unwrap();
    let first = String::from_utf8(first.to_vec()).unwrap();
    assert!(first.starts_with("retry: 3000\n: connected\n\n"), "{first}");
    (response, first)
}

on_both_backends! {
    async fn the_inbox_lists_the_shops_orders_newest_first_with_the_phone(app) {
        let callers = app.callers().await;
        let food = app.product_in(SHOP, 3).await;
        let shoes = app.product_in("chaussures-fabre", 1).await;
        let first = app.web_order(food.id, 1, Some(&callers.customer)).await;
        let second = app.web_order(food.id, 2, None).await;
        let elsewhere = app.web_order(shoes.id, 1, None).await;

        let path = format!("/api/v1/shops/{SHOP}/orders");
        for token in [callers.merchant.as_str(), OWN_KEY, callers.admin.as_str()] {
            let page: Page<Order> = app.shop_get(&path, Some(token)).await.json();
            assert_eq!(page.total, 2, "only this shop's orders");
            assert_eq!(page.items.iter().map(|o| o.id).collect::<Vec<_>>(), [second.id, first.id], "newest first");
            let order = &page.items[1];
            assert_eq!(order.customer_phone.as_deref(), Some("06 12 34 56 78"));
            assert_eq!(order.customer_email.as_deref(), Some("jeanne@example.fr"));
            assert_eq!((order.customer_name.as_str(), order.note.as_str()), ("Jeanne Martin", "Sonnez deux fois"));
            assert_eq!(order.lines[0].product_id, food.id);
            assert_eq!(order.fulfilment.address.as_ref().unwrap().commune, "Uzès");
            assert_eq!((order.status, order.payment_status), (OrderStatus::Placed, PaymentStatus::Due));
            assert_eq!(order.channel, Some(OrderChannel::Web));
            assert!(order.history.is_none(), "the history is on the order's own page");
        }
        let shoe_page: Page<Order> = app.shop_get("/api/v1/shops/chaussures-fabre/orders", Some(&callers.merchant)).await.json();
        assert_eq!(shoe_page.items.iter().map(|o| o.id).collect::<Vec<_>>(), [elsewhere.id]);
        app.shop_get("/api/v1/shops/chaussures-fabre/orders", Some(OWN_KEY)).await.problem(404, "not_found");

        app.transition(first.id, json!({"to": "confirmed"}), &callers.merchant).await;
        let placed: Page<Order> = app.shop_get(&format!("{path}?status=placed"), Some(&callers.merchant)).await.json();
        assert_eq!(placed.items.iter().map(|o| o.id).collect::<Vec<_>>(), [second.id]);
        let confirmed: Page<Order> = app.shop_get(&format!("{path}?status=confirmed&per_page=1&page=1"), Some(&callers.merchant)).await.json();
        assert_eq!((confirmed.total, confirmed.items[0].id), (1, first.id));
        assert_eq!(app.shop_get(&format!("{path}?status=shipped"), Some(&callers.merchant)).await.invalid_fields(), ["status"]);
        assert_eq!(app.shop_get(&format!("{path}?per_page=101"), Some(&callers.merchant)).await.invalid_fields(), ["per_page"]);

        refused_to_strangers(&app, &callers, reqwest::Method::GET, &path, None, None).await;
        app.shop_get("/api/v1/shops/no-such-shop/orders", Some(&callers.merchant)).await.problem(404, "not_found");
        assert_eq!(app.shop_get(&format!("/api/v1/shops/{}/orders", callers.other_shop), Some(&callers.other_merchant)).await.status, 200);
        let theirs: Page<Order> = app.shop_get(&format!("/api/v1/shops/{}/orders", callers.other_shop), Some(OTHER_KEY)).await.json();
        assert_eq!(theirs.total, 0, "another shop sees none of these orders");
    }

    async fn only_the_shop_sees_the_customers_phone_and_who_changed_what(app) {
        let callers = app.callers().await;
        let product = app.product_in(SHOP, 1).await;
        let order = app.web_order(product.id, 1, Some(&callers.customer)).await;
        assert!(order.customer_phone.is_none() && order.history.is_none(), "the checkout answer has no phone");
        app.transition(order.id, json!({"to": "confirmed", "reason": "Vu avec la cliente"}), &callers.merchant).await;
        let path = format!("/api/v1/orders/{}", order.id);

        for token in [callers.merchant.as_str(), OWN_KEY, callers.admin.as_str()] {
            let seen: Order = app.shop_get(&path, Some(token)).await.json();
            assert_eq!(seen.customer_phone.as_deref(), Some("06 12 34 56 78"));
            let history = seen.history.expect("the history");
            assert_eq!(history.len(), 2);
            assert_eq!((history[0].kind, history[0].to, history[0].actor.as_deref()), (OrderEventKind::Placed, Some(OrderStatus::Placed), Some("customer")));
            assert_eq!((history[1].from, history[1].to), (Some(OrderStatus::Placed), Some(OrderStatus::Confirmed)));
            assert_eq!(history[1].actor, Some(format!("user:{}", callers.merchant_id)));
            assert_eq!(history[1].actor_name.as_deref(), Some("Claire Fabre"));
            assert_eq!(history[1].note, "Vu avec la cliente");
        }

        let own = app.shop_get(&path, Some(&callers.customer)).await;
        assert_eq!(own.status, 200, "{}", own.body);
        assert!(!own.body.contains("06 12 34 56 78") && !own.body.contains("customer_phone"), "{}", own.body);
        let own: Order = own.json();
        let history = own.history.expect("the customer's history");
        assert_eq!(history.iter().map(|e| e.to).collect::<Vec<_>>(), [Some(OrderStatus::Placed), Some(OrderStatus::Confirmed)]);
        assert!(history.iter().all(|e| e.actor.is_none() && e.actor_name.is_none() && e.note.is_empty()));

        let tracked = app.get(&format!("/api/v1/track/{}", order.tracking_token)).await;
        assert_eq!(tracked.status, 200);
        assert!(!tracked.body.contains("06 12 34 56 78") && !tracked.body.contains("history"), "{}", tracked.body);

        app.shop_get(&path, None).await.problem(401, "unauthorized");
        for token in [callers.other_merchant.as_str(), OTHER_KEY] {
            app.shop_get(&path, Some(token)).await.problem(404, "not_found");
        }
        let guest_order = app.web_order(product.id, 1, None).await;
        app.shop_get(&format!("/api/v1/orders/{}", guest_order.id), Some(&callers.customer)).await.problem(404, "not_found");
        app.shop_get("/api/v1/orders/999999", Some(&callers.merchant)).await.problem(404, "not_found");
    }

    async fn orders_take_every_legal_step_and_refuse_the_others(app) {
        let callers = app.callers().await;
        let product = app.product_in(SHOP, 1).await;
        let order = app.web_order(product.id, 1, None).await;
        let id = order.id;

        for to in ["completed", "ready", "placed"] {
            let problem = app.transition(id, json!({"to": to}), &callers.merchant).await.problem(409, "conflict");
            assert!(problem.detail.contains(&format!("from placed to {to}")), "{}", problem.detail);
        }
        let before = app.shop_order(&callers, id).await;
        let body = json!({"to": "confirmed", "status": "x"});
        app.transition(id, body.clone(), &callers.merchant).await.problem(400, "malformed_body");
        app.transition(id, json!({"to": "shipped"}), &callers.merchant).await.problem(400, "malformed_body");
        assert_eq!(app.transition(id, json!({"to": "confirmed", "reason": "x".repeat(501)}), &callers.merchant).await.invalid_fields(), ["reason"]);
        refused_to_strangers(&app, &callers, reqwest::Method::POST, &format!("/api/v1/orders/{id}/transitions"), Some(&json!({"to": "confirmed"})), Some(&before)).await;

        let confirmed: Order = app.transition(id, json!({"to": "confirmed"}), &callers.merchant).await.json();
        assert_eq!(confirmed.status, OrderStatus::Confirmed);
        let problem = app.transition(id, json!({"to": "confirmed"}), &callers.merchant).await.problem(409, "conflict");
        assert!(problem.detail.contains("from confirmed to confirmed"), "{}", problem.detail);
        app.transition(id, json!({"to": "placed"}), &callers.merchant).await.problem(409, "conflict");
        let ready: Order = app.transition(id, json!({"to": "ready"}), OWN_KEY).await.json();
        assert_eq!(ready.status, OrderStatus::Ready);
        let completed: Order = app.transition(id, json!({"to": "completed"}), &callers.admin).await.json();
        assert_eq!(completed.status, OrderStatus::Completed);
        for to in ["cancelled", "ready", "placed"] {
            let problem = app.transition(id, json!({"to": to, "reason": "trop tard"}), &callers.merchant).await.problem(409, "conflict");
            assert!(problem.detail.contains(&format!("from completed to {to}")), "{}", problem.detail);
        }

        let history = app.shop_order(&callers, id).await.history.unwrap();
        let steps: Vec<_> = history.iter().map(|e| (e.from, e.to)).collect();
        assert_eq!(steps, [
            (None, Some(OrderStatus::Placed)),
            (Some(OrderStatus::Placed), Some(OrderStatus::Confirmed)),
            (Some(OrderStatus::Confirmed), Some(OrderStatus::Ready)),
            (Some(OrderStatus::Ready), Some(OrderStatus::Completed)),
        ]);
        let actors: Vec<_> = history.iter().map(|e| e.actor.clone().unwrap()).collect();
        assert_eq!(actors[1], format!("user:{}", callers.merchant_id));
        assert!(actors[2].starts_with("api_key:"), "{actors:?}");
        assert_eq!(history[2].actor_name.as_deref(), Some("API key Caisse"));
        assert_ne!(actors[3], actors[1], "the admin is named, not the merchant");
        assert!(history.windows(2).all(|w| w[0].at <= w[1].at && w[0].id < w[1].id));
    }

    async fn cancelling_needs_a_reason_and_puts_the_stock_back(app) {
        let callers = app.callers().await;
        let tracked = app.stocked_product(SHOP, 10).await;
        let order = app.web_order(tracked.id, 3, Some(&callers.customer)).await;
        assert_eq!(app.stock_of(tracked.id).await, 7);
        let path = format!("/api/v1/orders/{}/transitions", order.id);

        let before = app.shop_order(&callers, order.id).await;
        for body in [json!({"to": "cancelled"}), json!({"to": "cancelled", "reason": "   "})] {
            assert_eq!(app.shop_post(&path, &body, Some(&callers.merchant)).await.refused_fields(), ["reason"]);
        }
        refused_to_strangers(&app, &callers, reqwest::Method::POST, &path, Some(&json!({"to": "cancelled", "reason": "non"})), Some(&before)).await;
        assert_eq!(app.stock_of(tracked.id).await, 7, "refused cancellations put nothing back");

        app.transition(order.id, json!({"to": "confirmed"}), &callers.merchant).await;
        let cancelled: Order = app.transition(order.id, json!({"to": "cancelled", "reason": "Plus de stock en réserve"}), &callers.merchant).await.json();
        assert_eq!(cancelled.status, OrderStatus::Cancelled);
        assert_eq!(cancelled.cancel_reason.as_deref(), Some("Plus de stock en réserve"));
        assert_eq!(app.stock_of(tracked.id).await, 10, "the stock went back");
        app.transition(order.id, json!({"to": "cancelled", "reason": "encore"}), &callers.merchant).await.problem(409, "conflict");
        assert_eq!(app.stock_of(tracked.id).await, 10, "and only once");

        let own: Order = app.shop_get(&format!("/api/v1/orders/{}", order.id), Some(&callers.customer)).await.json();
        let last = own.history.unwrap().pop().unwrap();
        assert_eq!((last.to, last.note.as_str()), (Some(OrderStatus::Cancelled), "Plus de stock en réserve"), "the customer is told why");

        // An untracked product stays untracked; a ready order can still be cancelled.
        let untracked = app.product_in(SHOP, 1).await;
        app.execute_sql(&format!("UPDATE product_variants SET stock = NULL WHERE product_id = {}", untracked.id));
        let other = app.web_order(untracked.id, 2, None).await;
        app.transition(other.id, json!({"to": "confirmed"}), &callers.merchant).await;
        app.transition(other.id, json!({"to": "ready"}), &callers.merchant).await;
        let cancelled: Order = app.transition(other.id, json!({"to": "cancelled", "reason": "Jamais venu"}), OWN_KEY).await.json();
        assert_eq!(cancelled.status, OrderStatus::Cancelled);
        let product: Product = app.get(&format!("/api/v1/products/{}", untracked.id)).await.json();
        assert_eq!(product.stock, shared::catalogue::StockState::Untracked);
    }

    async fn payment_is_recorded_once_and_never_for_a_cancelled_order(app) {
        let callers = app.callers().await;
        let product = app.product_in(SHOP, 2).await;
        let order = app.web_order(product.id, 1, None).await;
        let path = format!("/api/v1/orders/{}/payment", order.id);

        let before = app.shop_order(&callers, order.id).await;
        app.shop_post(&path, &json!({"method": "bitcoin"}), Some(&callers.merchant)).await.problem(400, "malformed_body");
        app.shop_post(&path, &json!({"method": "cash", "amount_cents": 1}), Some(&callers.merchant)).await.problem(400, "malformed_body");
        refused_to_strangers(&app, &callers, reqwest::Method::POST, &path, Some(&json!({"method": "cash"})), Some(&before)).await;

        let paid: Order = app.shop_post(&path, &json!({"method": "card"}), Some(OWN_KEY)).await.json();
        assert_eq!((paid.payment_status, paid.payment_method), (PaymentStatus::Paid, Some(PaymentMethod::Card)));
        let problem = app.shop_post(&path, &json!({"method": "cash"}), Some(&callers.merchant)).await.problem(409, "conflict");
        assert!(problem.detail.contains("already paid"), "{}", problem.detail);
        let after = app.shop_order(&callers, order.id).await;
        assert_eq!(after.payment_method, Some(PaymentMethod::Card), "the first payment stands");
        let last = after.history.unwrap().pop().unwrap();
        assert_eq!((last.kind, last.note.as_str()), (OrderEventKind::Payment, "card"));
        assert!(last.actor.unwrap().starts_with("api_key:"));

        let cancelled = app.web_order(product.id, 1, None).await;
        app.transition(cancelled.id, json!({"to": "cancelled", "reason": "Erreur de saisie"}), &callers.merchant).await;
        let problem = app.shop_post(&format!("/api/v1/orders/{}/payment", cancelled.id), &json!({"method": "cheque"}), Some(&callers.merchant)).await.problem(409, "conflict");
        assert!(problem.detail.contains("cancelled"), "{}", problem.detail);
        assert_eq!(app.shop_order(&callers, cancelled.id).await.payment_status, PaymentStatus::Due);
    }

    async fn the_merchant_note_is_in_the_history_and_hidden_from_the_customer(app) {
        let callers = app.callers().await;
        let product = app.product_in(SHOP, 1).await;
        let order = app.web_order(product.id, 1, Some(&callers.customer)).await;
        let path = format!("/api/v1/orders/{}/merchant-note", order.id);
        let put = |body: Value, token: Option<String>| {
            let path = path.clone();
            let app = &app;
            async move { app.send_as(reqwest::Method::PUT, &path, Some(&body), token.as_deref()).await }
        };

        let before = app.shop_order(&callers, order.id).await;
        assert_eq!(before.merchant_note.as_deref(), Some(""));
        assert_eq!(put(json!({"note": "é".repeat(1001)}), Some(callers.merchant.clone())).await.invalid_fields(), ["note"]);
        put(json!({"note": "ok", "status": "ready"}), Some(callers.merchant.clone())).await.problem(400, "malformed_body");
        refused_to_strangers(&app, &callers, reqwest::Method::PUT, &path, Some(&json!({"note": "pirate"})), Some(&before)).await;

        let noted: Order = put(json!({"note": "Rappelée : pointure 39, passe jeudi"}), Some(callers.merchant.clone())).await.json();
        assert_eq!(noted.merchant_note.as_deref(), Some("Rappelée : pointure 39, passe jeudi"));
        let last = noted.history.unwrap().pop().unwrap();
        assert_eq!((last.kind, last.note.as_str()), (OrderEventKind::Note, "Rappelée : pointure 39, passe jeudi"));

        let own = app.shop_get(&format!("/api/v1/orders/{}", order.id), Some(&callers.customer)).await;
        assert!(!own.body.contains("pointure 39") && !own.body.contains("merchant_note"), "{}", own.body);
        let own: Order = own.json();
        assert!(own.history.unwrap().iter().all(|e| e.kind != OrderEventKind::Note));
        assert_eq!(app.shop_order(&callers, order.id).await.status, OrderStatus::Placed, "a note changes no status");
    }

    async fn phone_orders_follow_the_checkout_rules_for_their_shop(app) {
        let callers = app.callers().await;
        let product = app.stocked_product(SHOP, 5).await;
        let shoes = app.product_in("chaussures-fabre", 1).await;
        let path = format!("/api/v1/shops/{SHOP}/phone-orders");
        let body = |product_id: i64, quantity: i64| json!({
            "customer": {"name": "Marcel Roux", "phone": "04 66 22 12 34"},
            "terms_read_out": true, "fulfilment": {"method": "delivery", "address": {"street": "5 rue Saint-Étienne", "postcode": "30700", "commune": "Uzès"}},
            "lines": [{"product_id": product_id, "quantity": quantity}],
            "note": "Sonner chez la voisine",
            "contact_preference": "no_call"
        });
        let inbox = format!("/api/v1/shops/{SHOP}/orders");
        let count = || async { app.shop_get(&inbox, Some(&callers.merchant)).await.json::<Page<Order>>().total };

        refused_to_strangers(&app, &callers, reqwest::Method::POST, &path, Some(&body(product.id, 1)), None).await;
        let problem = app.shop_post(&path, &body(product.id, 6), Some(&callers.merchant)).await.problem(409, "conflict");
        assert!(problem.detail.contains(&product.name), "{}", problem.detail);
        let problem = app.shop_post(&path, &body(shoes.id, 1), Some(&callers.merchant)).await.problem(404, "not_found");
        assert!(problem.detail.contains(&format!("product {}", shoes.id)), "{}", problem.detail);

        let mut bad = body(product.id, 1);
        bad["customer"]["phone"] = json!("12 34");
        bad["lines"] = json!([{"product_id": product.id, "quantity": 0}, {"product_id": product.id, "quantity": 1}]);
        assert_eq!(app.shop_post(&path, &bad, Some(&callers.merchant)).await.invalid_fields(), ["customer.phone", "lines[0].quantity"]);
        // Each line well-formed, a product twice: refused (422), the second line named.
        let mut bad = body(product.id, 1);
        bad["lines"] = json!([{"product_id": product.id, "quantity": 1}, {"product_id": product.id, "quantity": 2}]);
        assert_eq!(app.shop_post(&path, &bad, Some(&callers.merchant)).await.refused_fields(), ["lines[1].product_id"]);
        let mut bad = body(product.id, 1);
        bad["lines"] = json!([]);
        assert_eq!(app.shop_post(&path, &bad, Some(&callers.merchant)).await.invalid_fields(), ["lines"]);
        let mut bad = body(product.id, 1);
        bad["fulfilment"]["address"] = json!({"street": "1 rue", "postcode": "30000", "commune": "Nîmes"});
        assert_eq!(app.shop_post(&path, &bad, Some(&callers.merchant)).await.refused_fields(), ["fulfilment.address.commune"]);
        for field in ["price_cents", "status", "shop"] {
            let mut bad = body(product.id, 1);
            bad[field] = json!(1);
            app.shop_post(&path, &bad, Some(&callers.merchant)).await.problem(400, "malformed_body");
        }
        let mut bad = body(product.id, 1);
        bad["lines"][0]["unit_price_cents"] = json!(1);
        app.shop_post(&path, &bad, Some(&callers.merchant)).await.problem(400, "malformed_body");
        assert_eq!(count().await, 0, "nothing was ordered");
        assert_eq!(app.stock_of(product.id).await, 5, "no stock was taken");

        let reply = app.shop_post(&path, &body(product.id, 2), Some(&callers.merchant)).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let order: Order = reply.json();
        assert_eq!(order.channel, Some(OrderChannel::Phone));
        assert_eq!((order.shop.slug.as_str(), order.status), (SHOP, OrderStatus::Placed));
        assert_eq!(order.customer_phone.as_deref(), Some("04 66 22 12 34"));
        assert_eq!(order.total_cents, 2 * product.price_cents, "the catalogue's price");
        assert_eq!(order.note, "Sonner chez la voisine");
        assert_eq!(order.contact_preference, shared::order::ContactPreference::NoCall);
        assert!(!order.fulfilment.date.is_empty());
        let history = order.history.unwrap();
        assert_eq!(history[0].actor, Some(format!("user:{}", callers.merchant_id)));
        assert_eq!(history[0].kind, OrderEventKind::Placed);
        assert_eq!(app.stock_of(product.id).await, 3);
        assert_eq!(count().await, 1);

        let by_key: Order = app.shop_post(&path, &body(product.id, 3), Some(OWN_KEY)).await.json();
        assert!(by_key.history.unwrap()[0].actor.as_deref().unwrap().starts_with("api_key:"));
        app.shop_post(&path, &body(product.id, 1), Some(&callers.merchant)).await.problem(409, "conflict");
        assert_eq!(app.stock_of(product.id).await, 0);
    }

    async fn the_live_inbox_shows_an_order_placed_on_another_instance(app) {
        let callers = app.callers().await;
        let other = app.another_instance().await;
        let food = app.product_in(SHOP, 3).await;
        let shoes = app.product_in("chaussures-fabre", 1).await;

        let path = format!("/api/v1/shops/{SHOP}/orders/events");
        app.shop_get(&path, None).await.problem(401, "unauthorized");
        for token in [callers.customer.as_str(), callers.other_merchant.as_str(), OTHER_KEY] {
            app.shop_get(&path, Some(token)).await.problem(404, "not_found");
        }
        let bad = app.client.get(app.url(&path)).bearer_auth(&callers.merchant).header("Last-Event-ID", "abc").send().await.unwrap();
        assert_eq!(TestApp::read_response(bad).await.invalid_fields(), ["Last-Event-ID"]);

        let before = other.web_order(food.id, 1, None).await;
        let (mut stream, mut buffer) = open_stream(&app, &callers.merchant, None).await;
        // Another shop's order, then one of this shop, both through the other instance.
        other.web_order(shoes.id, 1, None).await;
        let order = other.web_order(food.id, 1, None).await;
        let (placed_id, event) = next_order_event(&mut stream, &mut buffer, Duration::from_secs(10)).await;
        assert_eq!((event.order_id, event.kind, event.status), (order.id, OrderEventKind::Placed, OrderStatus::Placed), "not {} from before the stream", before.id);
        assert_eq!((event.number.as_str(), event.event_id), (order.number.as_str(), placed_id));

        let (mut key_stream, mut key_buffer) = open_stream(&app, OWN_KEY, Some(placed_id)).await;
        other.transition(order.id, json!({"to": "confirmed"}), &callers.merchant).await;
        other.shop_post(&format!("/api/v1/orders/{}/payment", order.id), &json!({"method": "cash"}), Some(&callers.merchant)).await;
        let (confirmed_id, event) = next_order_event(&mut stream, &mut buffer, Duration::from_secs(10)).await;
        assert_eq!((event.kind, event.to), (OrderEventKind::Status, Some(OrderStatus::Confirmed)));
        let (_, event) = next_order_event(&mut stream, &mut buffer, Duration::from_secs(10)).await;
        assert_eq!((event.kind, event.order_id), (OrderEventKind::Payment, order.id));
        drop(stream);
        let (id, _) = next_order_event(&mut key_stream, &mut key_buffer, Duration::from_secs(10)).await;
        assert_eq!(id, confirmed_id, "an API key follows the inbox too");

        // Resuming after the new order replays what came since, from the database.
        let (mut resumed, mut resumed_buffer) = open_stream(&other, &callers.merchant, Some(placed_id)).await;
        let (id, event) = next_order_event(&mut resumed, &mut resumed_buffer, Duration::from_secs(5)).await;
        assert_eq!((id, event.kind), (confirmed_id, OrderEventKind::Status));
        let (_, event) = next_order_event(&mut resumed, &mut resumed_buffer, Duration::from_secs(5)).await;
        assert_eq!(event.kind, OrderEventKind::Payment);
        let phone = json!({
            "customer": {"name": "Marcel Roux", "phone": "04 66 22 12 34"},
            "terms_read_out": true, "fulfilment": {"method": "delivery", "address": {"street": "5 rue Saint-Étienne", "postcode": "30700", "commune": "Uzès"}},
            "lines": [{"product_id": food.id, "quantity": 1}]
        });
        let phoned: Order = app.shop_post(&format!("/api/v1/shops/{SHOP}/phone-orders"), &phone, Some(&callers.merchant)).await.json();
        let (_, event) = next_order_event(&mut resumed, &mut resumed_buffer, Duration::from_secs(10)).await;
        assert_eq!((event.order_id, event.kind), (phoned.id, OrderEventKind::Placed), "a phone order shows up live on the other instance");
    }

    async fn a_live_inbox_ends_when_its_key_is_revoked(app) {
        // (The callers include the shop's own key.)
        let _callers = app.callers().await;
        let food = app.product_in(SHOP, 3).await;
        let (mut stream, mut buffer) = open_stream(&app, OWN_KEY, None).await;
        let order = app.web_order(food.id, 1, None).await;
        let (_, event) = next_order_event(&mut stream, &mut buffer, Duration::from_secs(10)).await;
        assert_eq!(event.order_id, order.id, "the key follows the inbox");

        // Revoked (by the shop, or as here behind the API's back): the next event of the
        // shop ends the stream instead of reaching it.
        app.execute_sql(&format!(
            "UPDATE api_keys SET revoked_at = created_at WHERE key_hash = '{}'",
            vitrine::auth::token_hash(OWN_KEY)
        ));
        app.web_order(food.id, 1, None).await;
        let end = async {
            loop {
                match stream.chunk().await {
                    Ok(Some(chunk)) => assert!(!String::from_utf8_lossy(&chunk).contains("event: order"), "an event after the revocation"),
                    Ok(None) | Err(_) => return,
                }
            }
        };
        actix_web::rt::time::timeout(Duration::from_secs(10), end).await.expect("the stream ends");
        app.shop_get(&format!("/api/v1/shops/{SHOP}/orders/events"), Some(OWN_KEY)).await.problem(401, "unauthorized");
    }

    async fn a_shop_holds_at_most_ten_live_inboxes(app) {
        let callers = app.callers().await;
        let mut open = Vec::new();
        for _ in 0..10 {
            open.push(open_stream(&app, &callers.merchant, None).await);
        }
        let refused = app.client.get(app.url(&format!("/api/v1/shops/{SHOP}/orders/events"))).bearer_auth(&callers.merchant).send().await.unwrap();
        assert_eq!(refused.status(), 503);
        assert_eq!(refused.headers()["retry-after"], "30");
        assert_eq!(TestApp::read_response(refused).await.json::<Value>()["code"], "busy");
        // Another shop is not held back by this one.
        let other = app.client.get(app.url("/api/v1/shops/chaussures-fabre/orders/events")).bearer_auth(&callers.merchant).send().await.unwrap();
        assert_eq!(other.status(), 200);
        drop(open);
    }

    async fn a_resumed_inbox_replays_at_most_the_last_day(app) {
        let callers = app.callers().await;
        let food = app.product_in(SHOP, 3).await;
        let old = app.web_order(food.id, 1, None).await;
        let recent = app.web_order(food.id, 1, None).await;
        app.execute_sql(&format!("UPDATE order_events SET at = '2020-01-01 00:00:00' WHERE order_id = {}", old.id));
        // From the very beginning: only what the last 24 hours hold comes back.
        let (mut stream, mut buffer) = open_stream(&app, &callers.merchant, Some(0)).await;
        let (_, event) = next_order_event(&mut stream, &mut buffer, Duration::from_secs(10)).await;
        assert_ne!(event.order_id, old.id, "an event older than a day was replayed");
        let mut seen = vec![event.order_id];
        while seen.last() != Some(&recent.id) {
            seen.push(next_order_event(&mut stream, &mut buffer, Duration::from_secs(10)).await.1.order_id);
        }
        assert!(!seen.contains(&old.id), "{seen:?}");
    }
}
