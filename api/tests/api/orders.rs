//! Checkout: one order per shop, all or none, never oversold, safely retried.

use chrono::Utc;
use serde_json::{Value, json};
use shared::cart::FulfilmentMethod;
use shared::catalogue::{Product, ShopKind};
use shared::order::{CheckoutResult, Order, OrderStatus, PaymentStatus};
use vitrine::domain::delivery::DeliveryRules;

use crate::helpers::{Reply, TestApp};
use crate::on_both_backends;

fn delivery_body() -> Value {
    json!({
        "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78", "email": "jeanne@example.fr"},
        "accept_terms": true, "fulfilment": {"method": "delivery", "address": {"street": "3 rue Jacques d'Uzès", "postcode": "30700", "commune": "Uzès"}},
        "contact_preference": "call"
    })
}

impl TestApp {
    pub async fn checkout(&self, cart: &str, body: &Value, key: Option<&str>) -> Reply {
        let mut request = self
            .client
            .post(self.url(&format!("/api/v1/carts/{cart}/checkout")))
            .header("Content-Type", "application/json")
            .body(body.to_string());
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        Reply {
            status,
            content_type,
            etag: None,
            cache_control: None,
            body: response.text().await.unwrap(),
        }
    }

    async fn product(&self, id: i64) -> Product {
        self.get(&format!("/api/v1/products/{id}")).await.json()
    }

    /// A basket with `quantity` of `product`.
    async fn basket_with(&self, product: i64, quantity: i64) -> String {
        let cart = self.create_cart().await.id;
        let reply = self.add_to_cart(&cart, product, quantity).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        cart
    }
}

on_both_backends! {
    async fn a_basket_across_two_shops_becomes_two_orders_with_their_dates(app) {
        let food = app.product_in("epicerie-du-duche", 5).await;
        let shoes = app.product_in("chaussures-fabre", 2).await;
        let cart = app.create_cart().await.id;
        app.add_to_cart(&cart, food.id, 3).await;
        app.add_to_cart(&cart, shoes.id, 1).await;

        let reply = app.checkout(&cart, &delivery_body(), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let orders = reply.json::<CheckoutResult>().orders;
        assert_eq!(orders.len(), 2);
        let (grocer, shoe_shop) = (&orders[0], &orders[1]);
        assert_eq!(grocer.shop.slug, "epicerie-du-duche");
        assert_eq!(shoe_shop.shop.slug, "chaussures-fabre");
        let now = Utc::now();
        assert_eq!(grocer.fulfilment.date, DeliveryRules::default().delivery_date(&DeliveryRules::default().days(ShopKind::Food, true, false), &[], now).unwrap().to_string());
        assert_eq!(shoe_shop.fulfilment.date, DeliveryRules::default().delivery_date(&DeliveryRules::default().days(ShopKind::NonFood, true, false), &[], now).unwrap().to_string());
        for order in &orders {
            assert_eq!(order.status, OrderStatus::Placed);
            assert_eq!(order.payment_status, PaymentStatus::Due);
            assert_eq!(order.fulfilment.method, FulfilmentMethod::Delivery);
            assert_eq!(order.fulfilment.address.as_ref().unwrap().commune, "Uzès");
            assert!(order.number.starts_with("UZ-20"), "{}", order.number);
            assert!(order.tracking_token.len() >= 32);
            let vat_total: i64 = order.vat.iter().map(|v| v.total_cents).sum();
            assert_eq!(vat_total, order.total_cents);
        }
        assert_eq!(grocer.lines[0].unit_price_cents, food.price_cents);
        assert_eq!(grocer.lines[0].quantity, 3);
        assert_eq!(grocer.total_cents, 3 * food.price_cents);
        assert_eq!(shoe_shop.total_cents, shoes.price_cents);
        assert_eq!(shoe_shop.vat[0].rate, 20.0);
        assert_eq!(shoe_shop.vat[0].vat_cents, (shoes.price_cents * 20 * 2 + 120) / 240, "VAT is extracted, rounded");

        assert!(app.get_cart(&cart).await.groups.is_empty(), "the basket is emptied");
        assert_eq!(app.product(food.id).await.max_quantity, food.max_quantity - 3, "stock was taken");

        let tracked: Order = app.get(&format!("/api/v1/track/{}", grocer.tracking_token)).await.json();
        assert_eq!(&tracked, grocer);
        app.get("/api/v1/track/not-a-token").await.problem(404, "not_found");
    }

    async fn pickup_gives_the_shop_address_and_pickup_only_shops_refuse_delivery(app) {
        let shops: shared::Page<shared::catalogue::ShopSummary> = app.list_shops("delivers=false&kind=food&per_page=100").await.json();
        let pickup_only = &shops.items[0];
        let product = app.product_in(&pickup_only.slug, 1).await;
        let cart = app.basket_with(product.id, 1).await;

        let problem = app.checkout(&cart, &delivery_body(), None).await.problem(422, "validation_failed");
        assert_eq!(problem.errors[0].field, format!("per_shop.{}.method", pickup_only.slug));

        let mut body = delivery_body();
        body["per_shop"] = json!({pickup_only.slug.clone(): {"method": "pickup", "note": "Je passerai vers 11 h"}});
        let reply = app.checkout(&cart, &body, None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let order = &reply.json::<CheckoutResult>().orders[0];
        assert_eq!(order.fulfilment.method, FulfilmentMethod::Pickup);
        assert!(order.fulfilment.address.is_none());
        assert!(order.fulfilment.pickup_address.as_ref().unwrap().contains(&pickup_only.commune));
        assert_eq!(order.note, "Je passerai vers 11 h");
    }

    async fn bad_checkouts_say_what_to_fix_and_create_nothing(app) {
        let product = app.product_in("epicerie-du-duche", 5).await;
        let cart = app.basket_with(product.id, 2).await;
        let fields = |reply: Reply| reply.invalid_fields();

        let mut body = delivery_body();
        body["customer"]["phone"] = json!("12 34");
        assert_eq!(fields(app.checkout(&cart, &body, None).await), ["customer.phone"]);
        let mut body = delivery_body();
        body["customer"]["name"] = json!("  ");
        body["customer"]["email"] = json!("jeanne");
        assert_eq!(fields(app.checkout(&cart, &body, None).await), ["customer.name", "customer.email"]);
        let mut body = delivery_body();
        body["fulfilment"]["address"]["commune"] = json!("Nîmes");
        body["fulfilment"]["address"]["postcode"] = json!("30000");
        // Well-formed, refused by the zone, another field or the basket: 422, the field named.
        let problem = app.checkout(&cart, &body, None).await.problem(422, "validation_failed");
        assert_eq!(problem.errors[0].field, "fulfilment.address.commune");
        let mut body = delivery_body();
        body["fulfilment"] = json!({"method": "delivery"});
        assert_eq!(app.checkout(&cart, &body, None).await.refused_fields(), ["fulfilment.address"]);
        let mut body = delivery_body();
        body["per_shop"] = json!({"no-such-shop": {"note": "?"}});
        assert_eq!(app.checkout(&cart, &body, None).await.refused_fields(), ["per_shop.no-such-shop"]);
        let mut body = delivery_body();
        body["total_cents"] = json!(1);
        app.checkout(&cart, &body, None).await.problem(400, "malformed_body");

        let mut body = delivery_body();
        body["expected_total_cents"] = json!(2 * product.price_cents + 1);
        let problem = app.checkout(&cart, &body, None).await.problem(409, "conflict");
        assert!(problem.detail.contains("prices changed"), "{}", problem.detail);

        app.execute_sql(&format!("UPDATE product_variants SET stock = 1 WHERE product_id = {}", product.id));
        let problem = app.checkout(&cart, &delivery_body(), None).await.problem(409, "conflict");
        assert!(problem.detail.contains(&product.name), "{}", problem.detail);

        assert_eq!(app.get_cart(&cart).await.item_count, 2, "the basket is untouched");
        assert_eq!(app.product(product.id).await.max_quantity, 1, "the stock is untouched");
        let empty = app.create_cart().await.id;
        app.checkout(&empty, &delivery_body(), None).await.problem(422, "unprocessable");
        app.checkout("0b5f6c1e-7a43-4c55-9d7e-1f2a3b4c5d6e", &delivery_body(), None).await.problem(404, "not_found");
    }

    async fn an_idempotency_key_replays_the_first_answer(app) {
        let product = app.product_in("epicerie-du-duche", 5).await;
        let cart = app.basket_with(product.id, 1).await;
        let first = app.checkout(&cart, &delivery_body(), Some("checkout-2026-0001")).await;
        assert_eq!(first.status, 201, "{}", first.body);
        let again = app.checkout(&cart, &delivery_body(), Some("checkout-2026-0001")).await;
        assert_eq!(again.status, 201);
        assert_eq!(again.body, first.body, "the same orders, not new ones");
        assert_eq!(app.product(product.id).await.max_quantity, product.max_quantity - 1, "stock taken once");

        let mut other = delivery_body();
        other["customer"]["name"] = json!("Quelqu'un d'autre");
        app.checkout(&cart, &other, Some("checkout-2026-0001")).await.problem(422, "unprocessable");
        assert_eq!(app.checkout(&cart, &delivery_body(), Some("clé")).await.invalid_fields(), ["Idempotency-Key"]);
        let long = "k".repeat(201);
        assert_eq!(app.checkout(&cart, &delivery_body(), Some(&long)).await.invalid_fields(), ["Idempotency-Key"]);
    }

    async fn fifty_shoppers_racing_for_five_units_get_five_orders(app) {
        let product = app.product_in("epicerie-du-duche", 5).await;
        app.execute_sql(&format!("UPDATE product_variants SET stock = 5 WHERE product_id = {}", product.id));
        let mut carts = Vec::new();
        for _ in 0..50 {
            carts.push(app.basket_with(product.id, 1).await);
        }
        let body = delivery_body();
        let replies = futures_util::future::join_all(carts.iter().map(|cart| app.checkout(cart, &body, None))).await;
        let won = replies.iter().filter(|r| r.status == 201).count();
        let lost = replies.iter().filter(|r| r.status == 409).count();
        assert_eq!((won, lost), (5, 45), "{:?}", replies.iter().filter(|r| r.status != 201 && r.status != 409).map(|r| &r.body).collect::<Vec<_>>());
        for reply in replies.iter().filter(|r| r.status == 409) {
            assert_eq!(reply.content_type, "application/problem+json");
        }
        let after: Product = app.product(product.id).await;
        assert_eq!((after.max_quantity, after.stock), (0, shared::catalogue::StockState::Out));
    }

    async fn vat_exempt_shops_carry_the_legal_mention(app) {
        let mut exempt = None;
        let shops: shared::Page<shared::catalogue::ShopSummary> = app.list_shops("per_page=100").await.json();
        for summary in &shops.items {
            let shop: shared::catalogue::Shop = app.get(&format!("/api/v1/shops/{}", summary.slug)).await.json();
            if shop.vat_exempt && shop.offers_pickup {
                exempt = Some(shop);
                break;
            }
        }
        let shop = exempt.expect("a VAT-exempt shop in the demo");
        let product = app.product_in(&shop.slug, 1).await;
        let cart = app.basket_with(product.id, 1).await;
        let mut body = delivery_body();
        body["fulfilment"] = json!({"method": "pickup"});
        let reply = app.checkout(&cart, &body, None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let order = &reply.json::<CheckoutResult>().orders[0];
        assert_eq!(order.vat_mention.as_deref(), Some("TVA non applicable, art. 293 B du CGI"));
        assert_eq!((order.vat[0].rate, order.vat[0].vat_cents), (0.0, 0));
    }

    async fn two_instances_on_one_database_never_serve_a_stale_catalogue(app) {
        let other = app.another_instance().await;
        let product = app.product_in("epicerie-du-duche", 3).await;
        let path = format!("/api/v1/products/{}", product.id);
        // Both instances have the product page in their caches.
        assert_eq!(other.get(&path).await.json::<Product>(), product);
        let listed = "/api/v1/products?shop=epicerie-du-duche&per_page=100";
        let before = app.get(listed).await;

        // A shopper checks out through the other instance: the stock changes there.
        let cart = other.basket_with(product.id, 2).await;
        assert_eq!(other.checkout(&cart, &delivery_body(), None).await.status, 201);
        assert_eq!(app.get(&path).await.json::<Product>().max_quantity, product.max_quantity - 2);

        // A price changes in the database (as a merchant's edit on any instance would).
        app.execute_sql(&format!("UPDATE product_variants SET price_cents = price_cents + 10 WHERE product_id = {}", product.id));
        for instance in [&app, &other] {
            assert_eq!(instance.get(&path).await.json::<Product>().price_cents, product.price_cents + 10);
            assert_ne!(instance.get(listed).await.body, before.body);
        }
    }

    async fn communes_list_the_delivery_area(app) {
        let page: shared::Page<shared::order::Commune> = app.get("/api/v1/communes?per_page=100").await.json();
        assert!(page.total >= 15);
        let uzes = page.items.iter().find(|c| c.name == "Uzès").expect("Uzès");
        assert_eq!((uzes.postcode.as_str(), uzes.insee.as_str()), ("30700", "30334"));
    }
}
