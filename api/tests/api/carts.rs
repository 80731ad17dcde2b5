//! The basket: one across shops, grouped by shop, with each shop's dates; every bad input.

use chrono::Utc;
use shared::Page;
use shared::cart::{Cart, FulfilmentMethod};
use shared::catalogue::{Product, ProductCard, ShopKind, StockState};
use vitrine::domain::delivery::DeliveryRules;

use crate::helpers::{Reply, TestApp};
use crate::on_both_backends;

impl TestApp {
    pub async fn create_cart(&self) -> Cart {
        let reply = self
            .send_raw(
                reqwest::Method::POST,
                "/api/v1/carts",
                "application/json",
                "",
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json()
    }

    pub async fn add_to_cart(&self, cart: &str, product_id: i64, quantity: i64) -> Reply {
        let body = format!(r#"{{"product_id": {product_id}, "quantity": {quantity}}}"#);
        self.send_raw(
            reqwest::Method::POST,
            &format!("/api/v1/carts/{cart}/items"),
            "application/json",
            &body,
        )
        .await
    }

    pub async fn set_cart_quantity(&self, cart: &str, product_id: i64, quantity: i64) -> Reply {
        let body = format!(r#"{{"quantity": {quantity}}}"#);
        self.send_raw(
            reqwest::Method::PATCH,
            &format!("/api/v1/carts/{cart}/items/{product_id}"),
            "application/json",
            &body,
        )
        .await
    }

    pub async fn get_cart(&self, cart: &str) -> Cart {
        let reply = self.get(&format!("/api/v1/carts/{cart}")).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    /// A product on sale in a shop, with at least `min_stock` units (or untracked).
    pub async fn product_in(&self, shop: &str, min_stock: u32) -> Product {
        let page: Page<ProductCard> = self
            .list_products(&format!("shop={shop}&in_stock=true&per_page=100"))
            .await
            .json();
        for card in page.items {
            let product: Product = self
                .get(&format!("/api/v1/products/{}", card.id))
                .await
                .json();
            if product.max_quantity >= min_stock {
                return product;
            }
        }
        panic!("no product of {shop} with {min_stock} in stock")
    }

    /// The first product on sale whose card matches.
    pub async fn product_where(&self, matches: impl Fn(&ProductCard) -> bool) -> ProductCard {
        for page in 1..=10 {
            let cards: Page<ProductCard> = self
                .list_products(&format!("per_page=100&page={page}"))
                .await
                .json();
            if let Some(card) = cards.items.into_iter().find(&matches) {
                return card;
            }
        }
        panic!("no such product in the demo")
    }
}

on_both_backends! {
    async fn a_basket_groups_lines_by_shop_with_totals_and_dates(app) {
        let cart = app.create_cart().await;
        assert!(cart.groups.is_empty());
        assert_eq!((cart.total_cents, cart.item_count, cart.currency.as_str()), (0, 0, "EUR"));

        let food = app.product_in("epicerie-du-duche", 5).await;
        let shoes = app.product_in("chaussures-fabre", 2).await;
        assert_eq!(app.add_to_cart(&cart.id, food.id, 2).await.status, 200);
        assert_eq!(app.add_to_cart(&cart.id, shoes.id, 1).await.status, 200);
        let reply = app.add_to_cart(&cart.id, food.id, 1).await;
        let cart: Cart = reply.json();

        assert_eq!(cart.groups.len(), 2);
        let (grocer, shoe_shop) = (&cart.groups[0], &cart.groups[1]);
        assert_eq!(grocer.shop.slug, "epicerie-du-duche");
        assert_eq!(grocer.lines.len(), 1, "adding again adds to the line");
        assert_eq!(grocer.lines[0].quantity, 3);
        assert_eq!(grocer.lines[0].unit_price_cents, food.price_cents);
        assert_eq!(grocer.lines[0].line_total_cents, 3 * food.price_cents);
        assert!(grocer.lines[0].available);
        assert_eq!(shoe_shop.subtotal_cents, shoes.price_cents);
        assert_eq!(cart.total_cents, 3 * food.price_cents + shoes.price_cents);
        assert_eq!(cart.item_count, 4);

        let delivery = |group: &shared::cart::CartGroup| {
            group.fulfilment_options.iter().find(|o| o.method == FulfilmentMethod::Delivery).map(|o| o.date.clone())
        };
        let now = Utc::now();
        let expected_food = DeliveryRules::default().delivery_date(&DeliveryRules::default().days(ShopKind::Food, true, false), &[], now);
        let expected_other = DeliveryRules::default().delivery_date(&DeliveryRules::default().days(ShopKind::NonFood, true, false), &[], now);
        assert_eq!(delivery(grocer), expected_food.map(|d| d.to_string()));
        assert_eq!(delivery(shoe_shop), expected_other.map(|d| d.to_string()));
        assert!(grocer.fulfilment_options.iter().any(|o| o.method == FulfilmentMethod::Pickup));

        assert_eq!(app.get_cart(&cart.id).await, cart, "the basket is kept on the server");
    }

    async fn quantities_change_and_lines_go(app) {
        let cart = app.create_cart().await.id;
        let product = app.product_in("epicerie-du-duche", 5).await;
        let other = app.product_in("chaussures-fabre", 1).await;
        app.add_to_cart(&cart, product.id, 1).await;
        app.add_to_cart(&cart, other.id, 1).await;
        let changed: Cart = app.set_cart_quantity(&cart, product.id, 4).await.json();
        assert_eq!(changed.groups[0].lines[0].quantity, 4);
        let removed: Cart = app.set_cart_quantity(&cart, product.id, 0).await.json();
        assert_eq!(removed.groups.len(), 1);
        assert_eq!(removed.groups[0].shop.slug, "chaussures-fabre");
        let reply = app
            .send_raw(reqwest::Method::DELETE, &format!("/api/v1/carts/{cart}/items/{}", other.id), "application/json", "")
            .await;
        assert!(reply.json::<Cart>().groups.is_empty());
        app.send_raw(reqwest::Method::DELETE, &format!("/api/v1/carts/{cart}/items/{}", other.id), "application/json", "")
            .await
            .problem(404, "not_found");
        app.set_cart_quantity(&cart, other.id, 2).await.problem(404, "not_found");
    }

    async fn stock_and_limits_are_enforced(app) {
        let cart = app.create_cart().await.id;
        let low = app.product_where(|p| p.stock == StockState::Low).await;
        let product: Product = app.get(&format!("/api/v1/products/{}", low.id)).await.json();
        let stock = i64::from(product.max_quantity);
        let problem = app.add_to_cart(&cart, low.id, stock + 1).await.problem(409, "conflict");
        assert!(problem.detail.contains(&low.id.to_string()) && problem.detail.contains(&low.name), "{}", problem.detail);
        assert_eq!(app.add_to_cart(&cart, low.id, stock).await.status, 200);
        app.add_to_cart(&cart, low.id, 1).await.problem(409, "conflict");
        let out = app.product_where(|p| p.stock == StockState::Out).await;
        app.add_to_cart(&cart, out.id, 1).await.problem(409, "conflict");
        app.set_cart_quantity(&cart, low.id, stock + 1).await.problem(409, "conflict");
        assert_eq!(app.get_cart(&cart).await.groups[0].lines[0].quantity, stock, "refusals change nothing");

        let plenty = app.product_where(|p| p.stock == StockState::Untracked).await;
        let empty = app.create_cart().await.id;
        for quantity in [0, -1, 100] {
            assert_eq!(app.add_to_cart(&empty, plenty.id, quantity).await.invalid_fields(), ["quantity"], "{quantity}");
        }
        app.add_to_cart(&empty, plenty.id, 60).await;
        assert_eq!(app.add_to_cart(&empty, plenty.id, 40).await.refused_fields(), ["quantity"], "a line holds 99 at most (422)");
        assert_eq!(app.set_cart_quantity(&empty, plenty.id, 100).await.invalid_fields(), ["quantity"]);
        assert_eq!(app.get_cart(&empty).await.item_count, 60);
    }

    async fn unknown_or_hidden_things_are_not_found(app) {
        let cart = app.create_cart().await.id;
        // A product that is not on sale is the body's fault (422); a 404 is the basket's.
        assert_eq!(app.add_to_cart(&cart, 999_999, 1).await.refused_fields(), ["product_id"]);
        let product = app.product_in("chaussures-fabre", 1).await;
        app.execute_sql(&format!("UPDATE products SET status = 'archived' WHERE id = {}", product.id));
        assert_eq!(app.add_to_cart(&cart, product.id, 1).await.refused_fields(), ["product_id"], "archived");
        let other = "0b5f6c1e-7a43-4c55-9d7e-1f2a3b4c5d6e";
        app.get(&format!("/api/v1/carts/{other}")).await.problem(404, "not_found");
        app.get("/api/v1/carts/not-a-uuid").await.problem(404, "not_found");
        app.add_to_cart(other, 1, 1).await.problem(404, "not_found");
        assert!(app.get_cart(&cart).await.groups.is_empty());
    }

    async fn bad_bodies_are_clear_4xx_and_change_nothing(app) {
        let cart = app.create_cart().await.id;
        let product = app.product_in("epicerie-du-duche", 2).await;
        let path = format!("/api/v1/carts/{cart}/items");
        let post = |content_type: &'static str, body: String| {
            let path = path.clone();
            let app = &app;
            async move { app.send_raw(reqwest::Method::POST, &path, content_type, &body).await }
        };
        post("application/json", "{\"product_id\": 1,".into()).await.problem(400, "malformed_body");
        post("application/json", "[]".into()).await.problem(400, "malformed_body");
        post("application/json", "{\"quantity\": 1}".into()).await.problem(400, "malformed_body");
        post("application/json", format!("{{\"product_id\": {}, \"quantity\": \"two\"}}", product.id)).await.problem(400, "malformed_body");
        let unknown_field = format!("{{\"product_id\": {}, \"quantity\": 1, \"price_cents\": 1}}", product.id);
        let problem = post("application/json", unknown_field).await.problem(400, "malformed_body");
        assert!(problem.detail.contains("price_cents"), "{}", problem.detail);
        post("text/plain", format!("{{\"product_id\": {}, \"quantity\": 1}}", product.id)).await.problem(415, "unsupported_media_type");
        post("application/x-www-form-urlencoded", "product_id=1&quantity=1".into()).await.problem(415, "unsupported_media_type");
        assert!(app.get_cart(&cart).await.groups.is_empty(), "nothing was added");
    }

    async fn concurrent_adds_to_one_basket_lose_nothing(app) {
        let cart = app.create_cart().await.id;
        let product = app.product_in("epicerie-du-duche", 30).await;
        let adds = (0..20).map(|_| app.add_to_cart(&cart, product.id, 1));
        let replies = futures_util::future::join_all(adds).await;
        assert!(replies.iter().all(|r| r.status == 200), "{:?}", replies.iter().map(|r| &r.body).collect::<Vec<_>>());
        assert_eq!(app.get_cart(&cart).await.item_count, 20);
    }
}

on_both_backends! {
    async fn closed_days_settings_and_restaurant_opt_in_move_delivery_dates(app) {
        let rules = DeliveryRules::default();
        let now = Utc::now();
        let food = app.product_in("epicerie-du-duche", 2).await;
        let cart = app.create_cart().await.id;
        app.add_to_cart(&cart, food.id, 1).await;
        let first = rules.delivery_date(&rules.days(ShopKind::Food, true, false), &[], now).unwrap();
        app.execute_sql(&format!(
            "INSERT INTO shop_closed_days (shop_id, day) SELECT id, '{first}' FROM shops WHERE slug = 'epicerie-du-duche'"
        ));
        let next = rules.delivery_date(&rules.days(ShopKind::Food, true, false), &[first], now).unwrap();
        let delivery = |cart: &Cart| {
            cart.groups[0].fulfilment_options.iter().find(|o| o.method == FulfilmentMethod::Delivery).map(|o| o.date.clone())
        };
        assert_eq!(delivery(&app.get_cart(&cart).await), Some(next.to_string()), "a closed day is skipped");

        // The association moves the non-food round to Wednesday: pages and baskets follow.
        let shop: shared::catalogue::Shop = app.get("/api/v1/shops/chaussures-fabre").await.json();
        assert_eq!(shop.delivery_days, [4]);
        app.execute_sql("UPDATE marketplace_settings SET value = '3' WHERE name = 'delivery_days.non_food'");
        let shop: shared::catalogue::Shop = app.get("/api/v1/shops/chaussures-fabre").await.json();
        assert_eq!(shop.delivery_days, [3], "the cached shop page follows the setting");
        let shoes = app.product_in("chaussures-fabre", 1).await;
        let other = app.basket_with_product(shoes.id).await;
        let date = delivery(&other).expect("a delivery date");
        let weekday = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap().format("%u").to_string();
        assert_eq!(weekday, "3", "{date} is a Wednesday");

        // A restaurant delivers only if it offers delivery and opts in to the food rounds.
        let restaurants: Page<shared::catalogue::ShopSummary> = app.list_shops("kind=restaurant").await.json();
        let slug = &restaurants.items[0].slug;
        app.execute_sql(&format!("UPDATE shops SET offers_delivery = TRUE WHERE slug = '{slug}'"));
        let page: shared::catalogue::Shop = app.get(&format!("/api/v1/shops/{slug}")).await.json();
        assert!(page.delivery_days.is_empty(), "not without opting in");
        app.execute_sql(&format!("UPDATE shops SET delivers_on_food_days = TRUE WHERE slug = '{slug}'"));
        let page: shared::catalogue::Shop = app.get(&format!("/api/v1/shops/{slug}")).await.json();
        assert_eq!(page.delivery_days, [2, 5]);
    }
}

impl TestApp {
    async fn basket_with_product(&self, product: i64) -> Cart {
        let cart = self.create_cart().await.id;
        self.add_to_cart(&cart, product, 1).await.json()
    }
}
