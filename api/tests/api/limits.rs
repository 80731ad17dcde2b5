//! Limits on what a stranger can exhaust (issue 10): pictures refused from their header,
//! password hashing capped, failed logins throttled per account and
//! per address in the database, a CSV import that does not block checkouts, JSON bodies
//! over the limit, and control characters in text. The server's memory under the same
//! loads is measured on the real binary in `memory.rs`.

use futures_util::future::join_all;
use reqwest::Method;
use serde_json::{Value, json};
use shared::auth::Session;
use shared::shop_products::ImportReport;
use vitrine::limits::Limits;

use crate::helpers::{AppOptions, Backend, Reply, TestApp, spawn_app_with_limits};
use crate::on_both_backends;
use crate::png::black_png;

const PASSWORD: &str = "vitrine-demo-2026";
const SHOP: &str = "epicerie-du-duche";
const MERCHANT: &str = "marchand@vitrine.demo";
const CUSTOMER: &str = "client@vitrine.demo";

/// A request with an optional bearer token and a raw body; the status, `Retry-After` and
/// the body.
async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    content_type: &str,
    body: Vec<u8>,
) -> (Reply, Option<String>) {
    let mut request = app
        .client
        .request(method, app.url(path))
        .header("Content-Type", content_type)
        .body(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("request");
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (TestApp::read_response(response).await, retry_after)
}

async fn login(app: &TestApp, email: &str, password: &str) -> (Reply, Option<String>) {
    let body = json!({"email": email, "password": password}).to_string();
    send(
        app,
        Method::POST,
        "/api/v1/auth/login",
        None,
        "application/json",
        body.into_bytes(),
    )
    .await
}

async fn token(app: &TestApp, email: &str) -> String {
    let (reply, _) = login(app, email, PASSWORD).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json::<Session>().access_token
}

/// A product of the demo grocery, by id.
async fn a_product_id(app: &TestApp, token: &str) -> i64 {
    let (reply, _) = send(
        app,
        Method::GET,
        &format!("/api/v1/shops/{SHOP}/products?per_page=1"),
        Some(token),
        "",
        Vec::new(),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json::<Value>()["items"][0]["id"].as_i64().unwrap()
}

on_both_backends! {
    async fn huge_pictures_are_refused_from_their_header(app) {
        let merchant = token(&app, MERCHANT).await;
        let id = a_product_id(&app, &merchant).await;
        let path = format!("/api/v1/products/{id}/picture");
        let bomb = black_png(12_000, 12_000, true);
        let liar = black_png(30_000, 30_000, false);
        assert!(bomb.len() < 1_000_000 && liar.len() < 200);
        let uploads = (0..4).map(|_| bomb.clone()).chain([liar]).map(|file| {
            let (path, merchant) = (path.clone(), merchant.clone());
            let app = &app;
            async move { send(app, Method::PUT, &path, Some(&merchant), "image/png", file).await.0 }
        });
        for reply in join_all(uploads).await {
            let problem = reply.problem(422, "picture_too_large");
            assert!(problem.detail.contains("6000 pixels a side"), "{}", problem.detail);
        }
        // The server's memory meanwhile: memory.rs, on the real binary.

        // A real picture within the limits still goes through.
        let (ok, _) = send(&app, Method::PUT, &path, Some(&merchant), "image/png", black_png(1_200, 900, true)).await;
        assert_eq!(ok.status, 200, "{}", ok.body);
    }

    async fn json_bodies_over_the_limit_are_413_and_control_characters_name_their_field(app) {
        let big = json!({"email": "paul@example.fr", "password": "un mot de passe long", "name": "x".repeat(300 * 1024)});
        let (reply, _) = send(&app, Method::POST, "/api/v1/auth/register", None, "application/json", big.to_string().into_bytes()).await;
        reply.problem(413, "payload_too_large");

        // PostgreSQL refuses NUL in text: this was a 500 there.
        for (name, field) in [("Paul\u{0}", "name"), ("Pa\u{1b}[31mul", "name")] {
            let body = json!({"email": "paul@example.fr", "password": "un mot de passe long", "name": name});
            let (reply, _) = send(&app, Method::POST, "/api/v1/auth/register", None, "application/json", body.to_string().into_bytes()).await;
            assert_eq!(reply.invalid_fields(), [field], "{}", reply.body);
        }
        let (reply, _) = login(&app, "paul@example.fr", "un mot de passe long").await;
        reply.problem(401, "unauthorized");

        let nested = json!({"customer": {"name": "Jeanne\u{0}", "phone": "06 12 34 56 78"}, "accept_terms": true, "fulfilment": {"method": "pickup"}});
        let cart = app.create_cart().await.id;
        let (reply, _) = send(&app, Method::POST, &format!("/api/v1/carts/{cart}/checkout"), None, "application/json", nested.to_string().into_bytes()).await;
        assert_eq!(reply.invalid_fields(), ["customer.name"], "{}", reply.body);

        // Tabs and line breaks are text; in a query or a path a control character is not.
        assert_eq!(app.list_products("q=confiture%00").await.invalid_fields(), ["q"]);
        assert_eq!(app.get("/api/v1/shops/epicerie%00du-duche").await.invalid_fields(), ["path"]);
        let merchant = token(&app, MERCHANT).await;
        let file = "nom;prix;tva;categorie\nMiel\u{0} de lavande;8,50;5,5;epicerie\n";
        let (reply, _) = send(&app, Method::POST, &format!("/api/v1/shops/{SHOP}/products/import"), Some(&merchant), "text/csv", file.as_bytes().to_vec()).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let report: ImportReport = reply.json();
        assert_eq!(report.errors.iter().map(|e| (e.line, e.field.as_str())).collect::<Vec<_>>(), [(2, "nom")]);
    }

    async fn a_2000_line_import_leaves_checkouts_running_meanwhile_unharmed(app) {
        let merchant = token(&app, MERCHANT).await;
        let mut file = String::from("nom;description;prix;tva;stock;categorie\n");
        for i in 0..2_000 {
            file.push_str(&format!("Confiture n°{i};Pot de 350 g;{},{:02};5,5;{};epicerie\n", 3 + i % 7, i % 100, i % 50));
        }
        let product = app.product_in(SHOP, 20).await;
        let mut carts = Vec::new();
        for _ in 0..10 {
            let cart = app.create_cart().await.id;
            assert_eq!(app.add_to_cart(&cart, product.id, 1).await.status, 200);
            carts.push(cart);
        }
        let import_path = format!("/api/v1/shops/{SHOP}/products/import");
        let import = send(&app, Method::POST, &import_path, Some(&merchant), "text/csv", file.into_bytes());
        let checkouts = join_all(carts.iter().map(|cart| {
            let body = json!({
                "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
                "accept_terms": true, "fulfilment": {"method": "delivery", "address": {"street": "3 rue Jacques d'Uzès", "postcode": "30700", "commune": "Uzès"}},
                "contact_preference": "call"
            });
            let app = &app;
            async move { app.checkout(cart, &body, None).await }
        }));
        let ((imported, _), checkouts) = futures_util::join!(import, checkouts);
        assert_eq!(imported.status, 200, "{}", imported.body);
        let report: ImportReport = imported.json();
        assert_eq!((report.created, report.errors.len()), (2_000, 0));
        for reply in checkouts {
            assert_eq!(reply.status, 201, "a checkout during the import: {}", reply.body);
        }
        let listed: Value = send(&app, Method::GET, &format!("/api/v1/shops/{SHOP}/products?q=confiture%20n&per_page=1"), Some(&merchant), "", Vec::new()).await.0.json();
        assert!(listed["total"].as_u64().unwrap() >= 2_000);
    }
}

/// Like `on_both_backends!`, on the demo with limits of the test's own.
macro_rules! with_limits {
    ($(async fn $name:ident($app:ident, $limits:ident = $value:expr) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports, reason = "not every test body uses the module's imports")]
                use super::*;

                #[actix_web::test]
                async fn sqlite() {
                    let $limits: Limits = $value;
                    let $app = spawn_app_with_limits(Backend::Sqlite, AppOptions { demo: true }, $limits.clone())
                        .await
                        .expect("SQLite always runs");
                    $body
                }

                #[actix_web::test]
                async fn postgres() {
                    let $limits: Limits = $value;
                    let Some($app) = spawn_app_with_limits(Backend::Postgres, AppOptions { demo: true }, $limits.clone()).await else { return };
                    $body
                }
            }
        )*
    };
}

with_limits! {
    async fn a_crowd_of_logins_waits_for_the_hashing_slots_and_none_is_a_500(
        app, limits = Limits { login_failures_per_address: 1_000, ..Limits::default() }
    ) {
        let attempts = (0..60).map(|i| {
            let app = &app;
            async move { login(app, &format!("personne{i}@example.fr"), "pas le bon mot de passe").await }
        });
        let replies = join_all(attempts).await;
        let mut checked = 0;
        for (reply, retry_after) in &replies {
            match reply.status {
                401 => checked += 1,
                503 => {
                    reply.problem(503, "busy");
                    assert!(retry_after.is_some(), "a 503 says when to come back");
                }
                other => panic!("{other}: {}", reply.body),
            }
        }
        assert!(checked > 0, "some passwords were checked");
        // The server's memory meanwhile: memory.rs, on the real binary.
    }

    async fn failed_logins_are_counted_atomically_and_the_window_lets_the_owner_back(
        app, limits = Limits { login_window_seconds: 8, ..Limits::default() }
    ) {
        let attempts = (0..60).map(|_| {
            let app = &app;
            async move { login(app, CUSTOMER, "pas le bon mot de passe").await }
        });
        let replies = join_all(attempts).await;
        let checked = replies.iter().filter(|(r, _)| r.status == 401).count();
        let refused: Vec<_> = replies.iter().filter(|(r, _)| r.status == 429).collect();
        assert_eq!(checked, limits.login_failures_per_account as usize, "only the limit were checked against the hash");
        assert_eq!(checked + refused.len(), 60, "the rest were refused without a hash");
        for (reply, retry_after) in &refused {
            reply.problem(429, "too_many_requests");
            let seconds: u64 = retry_after.as_deref().expect("Retry-After").parse().unwrap();
            assert!((1..=limits.login_window_seconds).contains(&seconds));
        }

        // The owner too, until the window passes; another account is not affected.
        let (reply, retry_after) = login(&app, CUSTOMER, PASSWORD).await;
        reply.problem(429, "too_many_requests");
        assert_eq!(login(&app, MERCHANT, PASSWORD).await.0.status, 200);
        let wait: u64 = retry_after.unwrap().parse().unwrap();
        actix_web::rt::time::sleep(std::time::Duration::from_secs(wait + 1)).await;
        let (reply, _) = login(&app, CUSTOMER, PASSWORD).await;
        assert_eq!(reply.status, 200, "the window passed: {}", reply.body);

        // A success clears the account's count; the count is shared by every instance.
        let other = app.another_instance().await;
        for instance in [&app, &other, &app, &other, &app] {
            login(instance, CUSTOMER, "pas le bon mot de passe").await.0.problem(401, "unauthorized");
        }
        login(&other, CUSTOMER, PASSWORD).await.0.problem(429, "too_many_requests");
    }

    async fn each_address_may_fail_only_so_often_and_long_e_mails_store_nothing(
        app, limits = Limits { login_failures_per_address: 8, ..Limits::default() }
    ) {
        let rows = || throttle_rows(&app);
        let long = format!("{}@example.fr", "a".repeat(250 * 1024));
        for _ in 0..5 {
            let (reply, _) = login(&app, &long, "pas le bon mot de passe").await;
            assert_eq!(reply.invalid_fields(), ["email"]);
        }
        assert_eq!(rows(), 0, "nothing was stored for e-mails that are not addresses");
        for i in 0..8 {
            login(&app, &format!("inconnu{i}@example.fr"), "pas le bon mot de passe").await.0.problem(401, "unauthorized");
        }
        let (reply, retry_after) = login(&app, "inconnu9@example.fr", "pas le bon mot de passe").await;
        reply.problem(429, "too_many_requests");
        assert!(retry_after.is_some());
        // One row per account tried and one for the address, however long the loop runs.
        for i in 10..40 {
            login(&app, &format!("inconnu{i}@example.fr"), "x").await.0.problem(429, "too_many_requests");
        }
        assert_eq!(rows(), 9);
    }

}

/// The number of rows counting failed logins.
fn throttle_rows(app: &TestApp) -> i64 {
    use diesel::{QueryDsl, RunQueryDsl};
    use vitrine::db::schema::login_throttle;
    let mut conn = app.pool.get().expect("connection");
    login_throttle::table
        .count()
        .get_result(&mut *conn)
        .expect("count")
}
