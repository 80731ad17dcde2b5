//! Writes that race: product edits against checkouts (no sale undone), stock set from a
//! stale screen (refused), an edit of the handling alone (a new version), checkouts of the same products in opposite orders (no deadlock,
//! no 500), and what a 500 tells (a request id, never the database's words).

use std::sync::{Mutex, OnceLock};

use serde_json::{Value, json};
use shared::Page;
use shared::auth::Session;
use shared::catalogue::Product;
use shared::shop_products::ShopProduct;

use crate::helpers::{Reply, TestApp};
use crate::on_both_backends;

const PASSWORD: &str = "vitrine-demo-2026";
const SHOP: &str = "epicerie-du-duche";
const MERCHANT: &str = "marchand@vitrine.demo";

fn pickup_or_delivery() -> Value {
    json!({
        "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78", "email": "jeanne@example.fr"},
        "accept_terms": true, "fulfilment": {"method": "delivery", "address": {"street": "3 rue Jacques d'Uzès", "postcode": "30700", "commune": "Uzès"}},
        "contact_preference": "call"
    })
}

impl TestApp {
    async fn merchant_token(&self) -> String {
        let reply = self.login(MERCHANT, PASSWORD).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json::<Session>().access_token
    }

    /// `PATCH /products/{id}` as the merchant, with `If-Match` when given.
    async fn edit_product(
        &self,
        token: &str,
        id: i64,
        body: Value,
        if_match: Option<&str>,
    ) -> Reply {
        let mut request = self
            .client
            .patch(self.url(&format!("/api/v1/products/{id}")))
            .bearer_auth(token)
            .header("Content-Type", "application/json")
            .body(body.to_string());
        if let Some(tag) = if_match {
            request = request.header("If-Match", tag);
        }
        Self::read_response(request.send().await.expect("request")).await
    }

    /// The product as the back-office lists it.
    async fn managed_product(&self, token: &str, id: i64) -> ShopProduct {
        for page in 1..=5 {
            let reply = Self::read_response(
                self.client
                    .get(self.url(&format!(
                        "/api/v1/shops/{SHOP}/products?per_page=100&page={page}"
                    )))
                    .bearer_auth(token)
                    .send()
                    .await
                    .expect("request"),
            )
            .await;
            let page: Page<ShopProduct> = reply.json();
            if let Some(found) = page.items.into_iter().find(|p| p.id == id) {
                return found;
            }
        }
        panic!("no product {id} in {SHOP}")
    }

    /// A product of the grocery on sale, its stock set to `stock` by the merchant.
    async fn grocery_product(&self, token: &str, skip: usize, stock: i64) -> Product {
        let mut found = Vec::new();
        let page: Page<shared::catalogue::ProductCard> = self
            .list_products(&format!("shop={SHOP}&per_page=100"))
            .await
            .json();
        found.extend(page.items);
        let card = found
            .into_iter()
            .nth(skip)
            .expect("enough products in the grocery");
        let reply = self
            .edit_product(token, card.id, json!({"stock": stock}), None)
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        self.get(&format!("/api/v1/products/{}", card.id))
            .await
            .json()
    }

    /// A basket holding one unit of each product, added in this order.
    async fn basket_of(&self, products: &[i64]) -> String {
        let cart = self.create_cart().await.id;
        for product in products {
            let reply = self.add_to_cart(&cart, *product, 1).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        cart
    }
}

/// A 5xx answer's body, for assertion messages.
fn server_errors(replies: &[Reply]) -> Vec<&str> {
    replies
        .iter()
        .filter(|r| r.status >= 500)
        .map(|r| r.body.as_str())
        .collect()
}

on_both_backends! {
    async fn checkouts_racing_price_edits_lose_no_sale_and_keep_the_last_price(app) {
        let token = app.merchant_token().await;
        let product = app.grocery_product(&token, 0, 40).await;
        let mut carts = Vec::new();
        for _ in 0..20 {
            carts.push(app.basket_of(&[product.id]).await);
        }
        let body = pickup_or_delivery();
        let checkouts = futures_util::future::join_all(carts.iter().map(|cart| app.checkout(cart, &body, None)));
        let edits = async {
            let mut replies = Vec::new();
            for price in 101..=120 {
                replies.push(app.edit_product(&token, product.id, json!({"price_cents": price}), None).await);
            }
            replies
        };
        let (checkouts, edits) = futures_util::future::join(checkouts, edits).await;
        assert!(checkouts.iter().all(|r| r.status == 201), "{:?}", checkouts.iter().map(|r| &r.body).collect::<Vec<_>>());
        assert!(edits.iter().all(|r| r.status == 200), "{:?}", server_errors(&edits));
        let after: Product = app.get(&format!("/api/v1/products/{}", product.id)).await.json();
        assert_eq!((after.max_quantity, after.price_cents), (20, 120));
        let managed = app.managed_product(&token, product.id).await;
        assert_eq!(managed.stock, Some(20));
    }

    async fn a_stock_set_from_a_stale_screen_is_refused_and_changes_nothing(app) {
        let token = app.merchant_token().await;
        let product = app.grocery_product(&token, 1, 10).await;
        let seen = app.managed_product(&token, product.id).await;
        // The answer names the version as its ETag, and a no-op edit with it passes.
        let reply = app.edit_product(&token, product.id, json!({}), Some(&format!("\"{}\"", seen.version))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.etag, Some(format!("\"{}\"", seen.version)));
        // A sale happens; the merchant's screen still says 10.
        let cart = app.basket_of(&[product.id]).await;
        assert_eq!(app.checkout(&cart, &pickup_or_delivery(), None).await.status, 201);
        let stale = format!("\"{}\"", seen.version);
        let reply = app.edit_product(&token, product.id, json!({"stock": 12, "price_cents": 999}), Some(&stale)).await;
        let problem = reply.problem(409, "product_changed");
        assert!(problem.detail.contains("now 9"), "{}", problem.detail);
        let now = app.managed_product(&token, product.id).await;
        assert_eq!((now.stock, now.price_cents), (Some(9), seen.price_cents));
        assert!(now.version > seen.version);
        // With what it shows now, the edit passes, and the answer carries the next version.
        let current = format!("\"{}\"", now.version);
        let reply = app.edit_product(&token, product.id, json!({"stock": 12}), Some(&current)).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let edited: ShopProduct = reply.json();
        assert_eq!(edited.stock, Some(12));
        assert_eq!(reply.etag, Some(format!("\"{}\"", edited.version)));
        // The bare version (the `version` field) is taken too: a stale one is refused.
        let reply = app.edit_product(&token, product.id, json!({"stock": 5}), Some(&now.version.to_string())).await;
        reply.problem(409, "product_changed");
        let reply = app.edit_product(&token, product.id, json!({"stock": 13}), Some(&edited.version.to_string())).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        // A bad If-Match is a 400 naming it.
        for bad in ["douze", "+12", "-1", "\"12", "W/12x"] {
            let reply = app.edit_product(&token, product.id, json!({"stock": 3}), Some(bad)).await;
            assert_eq!(reply.invalid_fields(), ["If-Match"], "{bad}");
        }
    }

    async fn an_edit_of_the_handling_alone_is_a_new_version_written_once(app) {
        let token = app.merchant_token().await;
        let product = app.grocery_product(&token, 2, 10).await;
        let seen = app.managed_product(&token, product.id).await;
        assert!(!seen.keep_cold);
        // `updated_at` counts seconds: let one pass, so that a change shows in it.
        actix_web::rt::time::sleep(std::time::Duration::from_millis(1_100)).await;
        let tag = format!("\"{}\"", seen.version);
        let reply = app.edit_product(&token, product.id, json!({"keep_cold": true}), Some(&tag)).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let edited: ShopProduct = reply.json();
        assert!(edited.keep_cold);
        assert_eq!(edited.version, seen.version + 1, "one more version, as any edit");
        assert_eq!(reply.etag, Some(format!("\"{}\"", edited.version)));
        assert_ne!(edited.updated_at, seen.updated_at, "the product says it changed");
        // A screen that read it before this edit is refused now.
        app.edit_product(&token, product.id, json!({"keep_cold": false}), Some(&tag)).await.problem(409, "product_changed");
        // Several fields and the handling in one edit: one write, one version.
        let reply = app.edit_product(&token, product.id, json!({"price_cents": 777, "keep_cold": false, "withdrawal_exception": "perishable"}), Some(&format!("\"{}\"", edited.version))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let both: ShopProduct = reply.json();
        assert_eq!((both.price_cents, both.keep_cold), (777, false));
        assert_eq!(both.withdrawal_exception, shared::legal::WithdrawalException::Perishable);
        assert_eq!(both.version, edited.version + 1);
        // The same handling again changes nothing, not even the version.
        let reply = app.edit_product(&token, product.id, json!({"keep_cold": false, "withdrawal_exception": "perishable"}), None).await;
        assert_eq!(reply.json::<ShopProduct>().version, both.version);
    }

    async fn racing_stock_edits_with_the_same_version_let_exactly_one_win(app) {
        let token = app.merchant_token().await;
        let product = app.grocery_product(&token, 2, 10).await;
        let seen = format!("\"{}\"", app.managed_product(&token, product.id).await.version);
        let replies = futures_util::future::join_all(
            (0..12).map(|n| app.edit_product(&token, product.id, json!({"stock": 20 + n}), Some(&seen))),
        )
        .await;
        let winners: Vec<&Reply> = replies.iter().filter(|r| r.status == 200).collect();
        assert_eq!(winners.len(), 1, "{:?}", replies.iter().map(|r| (r.status, &r.body)).collect::<Vec<_>>());
        for reply in replies.iter().filter(|r| r.status != 200) {
            reply.problem(409, "product_changed");
        }
        let won: ShopProduct = winners[0].json();
        assert_eq!(app.managed_product(&token, product.id).await.stock, won.stock);
    }

    async fn a_stock_delta_adds_to_the_stock_as_it_is_and_never_below_zero(app) {
        let token = app.merchant_token().await;
        let product = app.grocery_product(&token, 3, 5).await;
        let cart = app.basket_of(&[product.id]).await;
        assert_eq!(app.checkout(&cart, &pickup_or_delivery(), None).await.status, 201);
        // Twelve delivered, counted from the 4 left, not the 5 the merchant saw.
        let reply = app.edit_product(&token, product.id, json!({"stock_delta": 12}), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json::<ShopProduct>().stock, Some(16));
        let reply = app.edit_product(&token, product.id, json!({"stock_delta": -17}), None).await;
        reply.problem(409, "conflict");
        let reply = app.edit_product(&token, product.id, json!({"stock_delta": -1, "stock": 3}), None).await;
        assert_eq!(reply.refused_fields(), ["stock_delta"], "both at once: refused (422)");
        assert_eq!(app.managed_product(&token, product.id).await.stock, Some(16));
        // Racing deltas all count.
        let replies = futures_util::future::join_all(
            (0..10).map(|_| app.edit_product(&token, product.id, json!({"stock_delta": -1}), None)),
        )
        .await;
        assert!(replies.iter().all(|r| r.status == 200), "{:?}", replies.iter().map(|r| &r.body).collect::<Vec<_>>());
        assert_eq!(app.managed_product(&token, product.id).await.stock, Some(6));
    }

    async fn checkouts_of_two_products_in_opposite_orders_never_deadlock(app) {
        let token = app.merchant_token().await;
        let first = app.grocery_product(&token, 4, 40).await;
        let second = app.grocery_product(&token, 5, 50).await;
        let mut carts = Vec::new();
        for n in 0..60 {
            let order = if n % 2 == 0 { [first.id, second.id] } else { [second.id, first.id] };
            carts.push(app.basket_of(&order).await);
        }
        let body = pickup_or_delivery();
        let replies = futures_util::future::join_all(carts.iter().map(|cart| app.checkout(cart, &body, None))).await;
        assert!(server_errors(&replies).is_empty(), "{:?}", server_errors(&replies));
        let won = replies.iter().filter(|r| r.status == 201).count();
        for reply in replies.iter().filter(|r| r.status != 201) {
            let problem = reply.problem(409, "conflict");
            assert!(problem.detail.contains("not enough stock"), "{}", problem.detail);
        }
        // Every basket could be served until the first product ran out: exactly 40.
        assert_eq!(won, 40);
        assert_eq!(app.managed_product(&token, first.id).await.stock, Some(0));
        assert_eq!(app.managed_product(&token, second.id).await.stock, Some(10));
    }

    async fn a_csv_line_never_undoes_a_sale_made_after_the_export(app) {
        let token = app.merchant_token().await;
        let product = app.grocery_product(&token, 6, 8).await;
        let export = app
            .client
            .get(app.url(&format!("/api/v1/shops/{SHOP}/products/export")))
            .bearer_auth(&token)
            .send()
            .await
            .expect("request")
            .text()
            .await
            .expect("body");
        let header = export.lines().next().expect("a header");
        let version_column = header
            .split(';')
            .position(|name| name == "version")
            .expect("a version column");
        let line = export
            .lines()
            .find(|l| l.starts_with(&format!("{};", product.id)))
            .expect("the product's line")
            .to_owned();
        // A sale after the export; the merchant then types 30 in the stock cell.
        let cart = app.basket_of(&[product.id]).await;
        assert_eq!(app.checkout(&cart, &pickup_or_delivery(), None).await.status, 201);
        let exported_version = line.split(';').nth(version_column).expect("a version cell").trim().to_owned();
        assert!(exported_version.parse::<i64>().is_ok(), "{line}");
        let with_stock = |stock: &str, version: &str| format!("id;stock;version\r\n{};{stock};{version}\r\n", product.id);
        let import = |file: String| {
            let app = &app;
            let token = token.clone();
            async move {
                let reply = TestApp::read_response(
                    app.client
                        .post(app.url(&format!("/api/v1/shops/{SHOP}/products/import")))
                        .bearer_auth(token)
                        .header("Content-Type", "text/csv")
                        .body(file)
                        .send()
                        .await
                        .expect("request"),
                )
                .await;
                (reply.status, reply.json::<shared::shop_products::ImportReport>())
            }
        };
        let (status, report) = import(with_stock("30", &exported_version)).await;
        assert_eq!(status, 422);
        assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
        assert_eq!(report.errors[0].field, "stock");
        assert!(report.errors[0].message.contains("now 7"), "{}", report.errors[0].message);
        assert_eq!(app.managed_product(&token, product.id).await.stock, Some(7));
        // The stock as it is now passes with the old version; a count without a version is
        // an inventory and replaces it.
        let (status, _) = import(with_stock("7", &exported_version)).await;
        assert_eq!(status, 200);
        let (status, report) = import(with_stock("30", "")).await;
        assert_eq!(status, 200, "{:?}", report.errors);
        assert_eq!(app.managed_product(&token, product.id).await.stock, Some(30));
    }

    async fn a_server_error_answers_a_request_id_and_never_the_database_words(app) {
        let logs = capture_logs();
        let product = app.product_in(SHOP, 1).await;
        let cart = app.basket_of(&[product.id]).await;
        // A failure only the database sees: the table orders' lines go to is gone.
        app.execute_sql("ALTER TABLE order_lines RENAME TO order_lines_gone");
        let reply = app.checkout(&cart, &pickup_or_delivery(), None).await;
        let problem = reply.problem(500, "internal");
        let id = problem.correlation_id.clone().expect("a request id");
        // The body less the name of its id's field (which holds "relation").
        let body = reply.body.to_lowercase().replace("\"correlation_id\"", "");
        for word in ["order_lines", "relation", "no such", "table", "sql", "insert", "database", "diesel"] {
            assert!(!body.contains(word), "the body tells {word:?}: {}", reply.body);
        }
        assert!(problem.detail.contains(&id));
        let log = logs.lock().expect("log").clone();
        let line = log.lines().find(|l| l.contains(&id)).unwrap_or_else(|| panic!("no log line with {id}"));
        assert!(line.contains("order_lines"), "the log line lacks the cause: {line}");
        // And the basket is still there, untouched.
        assert_eq!(app.get_cart(&cart).await.groups.len(), 1);
    }
}

/// Everything the application logs in this test binary, from the first call on.
fn capture_logs() -> &'static Mutex<String> {
    static LOGS: OnceLock<&'static Mutex<String>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs: &'static Mutex<String> = Box::leak(Box::new(Mutex::new(String::new())));
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .with_writer(move || LogWriter(logs))
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("no other test installs a global log subscriber");
        logs
    })
}

struct LogWriter(&'static Mutex<String>);

impl std::io::Write for LogWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut logs) = self.0.lock() {
            logs.push_str(&String::from_utf8_lossy(bytes));
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
