//! The marketplace's settings: the public answer, the admins' changes (one field at a time,
//! validated, shown at once, also in the page shells), who may change them, the logo, the
//! first start (`needs_admin`), and the order-number prefix.

use reqwest::Method;
use serde_json::{Value, json};
use shared::auth::Session;
use shared::cart::FulfilmentMethod;
use shared::marketplace::{AdminMarketplace, Marketplace, Palette};
use shared::order::CheckoutResult;

use crate::helpers::{AppOptions, Backend, Reply, TestApp, spawn_app_with};
use crate::helpers::{call, token_of};
use crate::on_both_backends;

const ADMIN: &str = "admin@vitrine.demo";

async fn public(app: &TestApp) -> Marketplace {
    let reply = app.get("/api/v1/marketplace").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

async fn patch(app: &TestApp, token: &str, body: &Value) -> Reply {
    call(
        app,
        Method::PATCH,
        "/admin/marketplace",
        Some(token),
        Some(body),
    )
    .await
}

/// A tiny PNG (2 x 2, red).
fn png() -> Vec<u8> {
    let mut bytes = Vec::new();
    let image = image::RgbImage::from_pixel(2, 2, image::Rgb([200, 30, 30]));
    image::DynamicImage::ImageRgb8(image)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .expect("png");
    bytes
}

/// Places a pickup order for one unit of a product of the demo's grocer; returns its id
/// and number.
async fn place_order(app: &TestApp) -> (i64, String, String) {
    let product = app.product_in("epicerie-du-duche", 2).await;
    let cart = app.create_cart().await.id;
    let reply = app.add_to_cart(&cart, product.id, 1).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let body = json!({
        "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
        "accept_terms": true, "fulfilment": {"method": "pickup"},
        "contact_preference": "call"
    });
    let reply = app.checkout(&cart, &body, None).await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let order = reply.json::<CheckoutResult>().orders.remove(0);
    assert_eq!(order.fulfilment.method, FulfilmentMethod::Pickup);
    (order.id, order.number, order.tracking_token)
}

on_both_backends! {
    async fn the_demo_sets_the_marketplace_and_the_public_answer_gives_it(app) {
        let market = public(&app).await;
        assert_eq!(market.town, "Uzès");
        assert_eq!(market.name, "Vitrine");
        assert_eq!(market.tagline.fr, "les commerces d'Uzès");
        assert!(market.tagline.en.is_some());
        assert_eq!(market.palette, Palette::Terre);
        assert_eq!(market.order_number_prefix, "UZ");
        assert!(!market.needs_admin, "the demo has an admin");
        assert!(!market.legal.publisher_name.is_empty());
        assert_eq!(market.logo_url, None);
    }

    async fn a_change_shows_at_once_in_the_answer_and_the_page_shells(app) {
        let admin = token_of(&app, ADMIN).await;
        let home = app.get("/").await;
        assert!(home.body.contains("<title>Vitrine — les commerces d'Uzès</title>"), "{}", home.body);

        let reply = patch(&app, &admin, &json!({
            "name": "Les Boutiques", "town": "Saint-Quentin-la-Poterie",
            "tagline_fr": "les commerces de Saint-Quentin", "tagline_en": "",
            "intro_fr": "Potiers & boutiques.", "palette": "mer"
        })).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let answer: AdminMarketplace = reply.json();
        assert_eq!(answer.marketplace.town, "Saint-Quentin-la-Poterie");

        let market = public(&app).await;
        assert_eq!(market.name, "Les Boutiques");
        assert_eq!(market.tagline.en, None, "an emptied English text falls back to French");
        assert_eq!(market.tagline.get(true), "les commerces de Saint-Quentin");
        assert_eq!(market.palette, Palette::Mer);
        // Every shell, whatever its bundle or path, is filled in from the settings now.
        for path in ["/", "/index.html", "/catalogue", "/panier", "/gestion", "/gestion.html"] {
            let page = app.get(path).await;
            assert_eq!(page.status, 200, "{path}");
            assert!(page.content_type.starts_with("text/html"), "{path}: {}", page.content_type);
            assert!(
                // After the page's own part (issue 16: "Catalogue — ...").
                page.body.contains("Les Boutiques — les commerces de Saint-Quentin</title>"),
                "{path}: {}", page.body
            );
            assert!(page.body.contains("data-palette=\"mer\""), "{path}");
            assert!(page.body.contains("Potiers &amp; boutiques."), "{path}");
            assert!(page.body.contains("\"town\":\"Saint-Quentin-la-Poterie\""), "{path}: the settings are embedded");
        }
        // The other instance on the same database sees it too.
        let other = app.another_instance().await;
        assert_eq!(public(&other).await.name, "Les Boutiques");
    }

    async fn a_change_of_one_field_leaves_the_others(app) {
        let admin = token_of(&app, ADMIN).await;
        let before = public(&app).await;
        let reply = patch(&app, &admin, &json!({"contact_phone": "0466 11 22 33"})).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let after = public(&app).await;
        assert_eq!(after.contact.phone, "04 66 11 22 33");
        assert_eq!(Marketplace { contact: before.contact.clone(), ..after.clone() }, before);
        // An empty change changes nothing.
        let reply = patch(&app, &admin, &json!({})).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(public(&app).await, after);
    }

    async fn bad_fields_are_each_named_and_change_nothing(app) {
        let admin = token_of(&app, ADMIN).await;
        let before = public(&app).await;
        let cases = [
            (json!({"name": "  "}), "name"),
            (json!({"town": "x".repeat(81)}), "town"),
            (json!({"tagline_fr": ""}), "tagline_fr"),
            (json!({"intro_fr": ""}), "intro_fr"),
            (json!({"tagline_en": "a\u{7}b"}), "tagline_en"),
            (json!({"contact_phone": "12"}), "contact_phone"),
            (json!({"contact_email": "pas une adresse"}), "contact_email"),
            (json!({"palette": "rose"}), "palette"),
            (json!({"order_number_prefix": "U-Z"}), "order_number_prefix"),
            (json!({"order_number_prefix": "TOOLONG"}), "order_number_prefix"),
            (json!({"host_phone": "1".repeat(41)}), "host_phone"),
        ];
        for (body, field) in cases {
            let reply = patch(&app, &admin, &body).await;
            assert_eq!(reply.invalid_fields(), vec![field.to_owned()], "{body}");
        }
        // Several bad fields are all named, and the good one beside them is not written.
        let reply = patch(&app, &admin, &json!({"name": "", "palette": "rose", "town": "Arles"})).await;
        let mut fields = reply.invalid_fields();
        fields.sort();
        assert_eq!(fields, ["name", "palette"]);
        // Unknown fields and wrong types are refused too.
        patch(&app, &admin, &json!({"colour": "red"})).await.problem(400, "malformed_body");
        patch(&app, &admin, &json!({"name": 3})).await.problem(400, "malformed_body");
        assert_eq!(public(&app).await, before);
    }

    async fn only_admins_read_and_change_the_settings(app) {
        let admin = token_of(&app, ADMIN).await;
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let customer = token_of(&app, "client@vitrine.demo").await;
        let key = call(&app, Method::POST, "/shops/epicerie-du-duche/api-keys", Some(&merchant), Some(&json!({"name": "caisse"}))).await;
        assert_eq!(key.status, 201, "{}", key.body);
        let key = key.json::<shared::shop_admin::NewApiKey>().key;
        let before = public(&app).await;

        let change = json!({"name": "Pris"});
        let requests: [(Method, &str, Option<&Value>); 4] = [
            (Method::GET, "/admin/marketplace", None),
            (Method::PATCH, "/admin/marketplace", Some(&change)),
            (Method::DELETE, "/admin/marketplace/logo", None),
            (Method::PUT, "/admin/marketplace/logo", None),
        ];
        for (method, path, body) in &requests {
            call(&app, method.clone(), path, None, *body).await.problem(401, "unauthorized");
            for (who, token) in [("customer", &customer), ("merchant", &merchant), ("API key", &key)] {
                let reply = call(&app, method.clone(), path, Some(token), *body).await;
                assert_eq!(reply.status, 404, "{who} {method} {path}: {}", reply.body);
                reply.problem(404, "not_found");
            }
        }
        assert_eq!(public(&app).await, before, "nobody but an admin changed anything");

        let reply = call(&app, Method::GET, "/admin/marketplace", Some(&admin), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let answer: AdminMarketplace = reply.json();
        assert_eq!(answer.marketplace, before);
        assert!(answer.setup.settings_saved && answer.setup.categories > 0);
        assert!(answer.setup.communes > 0 && answer.setup.shops > 0);
        assert!(answer.setup.is_complete());
    }

    async fn the_logo_is_uploaded_served_and_removed(app) {
        let admin = token_of(&app, ADMIN).await;
        let upload = |body: Vec<u8>, content_type: &'static str| {
            app.client
                .put(app.url("/api/v1/admin/marketplace/logo"))
                .bearer_auth(&admin)
                .header("Content-Type", content_type)
                .body(body)
                .send()
        };
        let reply = TestApp::read_response(upload(b"not a picture".to_vec(), "image/png").await.unwrap()).await;
        assert_eq!(reply.invalid_fields(), ["picture"]);
        let reply = TestApp::read_response(upload(png(), "text/plain").await.unwrap()).await;
        reply.problem(415, "unsupported_media_type");
        app.get("/api/v1/marketplace/logo").await.problem(404, "not_found");

        let reply = TestApp::read_response(upload(png(), "image/png").await.unwrap()).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let url = reply.json::<Marketplace>().logo_url.expect("a logo URL");
        assert_eq!(public(&app).await.logo_url.as_deref(), Some(url.as_str()));
        let logo = app.client.get(app.url(&url)).send().await.unwrap();
        assert_eq!(logo.status(), 200);
        assert_eq!(logo.headers()["content-type"], "image/jpeg");
        assert!(logo.headers()["cache-control"].to_str().unwrap().contains("immutable"));
        let bytes = logo.bytes().await.unwrap();
        assert!(image::load_from_memory(&bytes).is_ok(), "the logo is a picture");
        // Another version may be kept a short while only; a version that is no number is a 400.
        let (path, _) = url.split_once('?').expect("a versioned URL");
        let other = app.client.get(app.url(&format!("{path}?v=1{}", "0".repeat(6)))).send().await.unwrap();
        assert!(!other.headers()["cache-control"].to_str().unwrap().contains("immutable"));
        for v in ["abc", "9223372036854775808"] {
            assert_eq!(app.get(&format!("{path}?v={v}")).await.invalid_fields(), ["v"], "{v}");
        }

        let reply = call(&app, Method::DELETE, "/admin/marketplace/logo", Some(&admin), None).await;
        assert_eq!(reply.status, 204, "{}", reply.body);
        assert_eq!(public(&app).await.logo_url, None);
        app.get("/api/v1/marketplace/logo").await.problem(404, "not_found");
    }

    async fn new_orders_take_the_prefix_and_placed_orders_keep_their_numbers(app) {
        let admin = token_of(&app, ADMIN).await;
        let (_, first, first_token) = place_order(&app).await;
        assert!(first.starts_with("UZ-20"), "{first}");

        let reply = patch(&app, &admin, &json!({"order_number_prefix": "sq"})).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(public(&app).await.order_number_prefix, "SQ");
        let (id, second, _) = place_order(&app).await;
        assert_eq!(second, format!("SQ-{}-{id:05}", &first[3..7]));

        let tracked: shared::order::Order = app.get(&format!("/api/v1/track/{first_token}")).await.json();
        assert_eq!(tracked.number, first, "an order placed before keeps its number");
    }

    async fn two_admins_changing_different_fields_at_once_keep_both_changes(app) {
        let admin = token_of(&app, ADMIN).await;
        for round in 0..8 {
            let name = format!("Nom {round}");
            let phone = format!("04 66 00 00 0{round}");
            let (first, second) = (json!({"name": name}), json!({"contact_phone": phone}));
            let (a, b) = futures_util::join!(
                patch(&app, &admin, &first),
                patch(&app, &admin, &second),
            );
            assert_eq!((a.status, b.status), (200, 200), "{} {}", a.body, b.body);
            let market = public(&app).await;
            assert_eq!((market.name.as_str(), market.contact.phone.as_str()), (name.as_str(), phone.as_str()));
        }
    }
}

/// An empty database: the answer says an administrator is needed, the shell names no town,
/// and once one exists (as `vitrine create-admin` makes it) it no longer does.
async fn first_start(backend: Backend) {
    let Some(app) = spawn_app_with(backend, AppOptions { demo: false }).await else {
        return;
    };
    let market = public(&app).await;
    assert!(market.needs_admin);
    assert_eq!((market.name.as_str(), market.town.as_str()), ("", ""));
    let home = app.get("/").await;
    assert!(
        home.body.contains("<title>Vitrine</title>"),
        "{}",
        home.body
    );

    let email = "presidente@example.fr";
    vitrine::commands::create_admin(
        &vitrine::config::DatabaseArgs {
            database_url: app.database_url_string(),
            db_pool_size: 1,
        },
        email,
        "un mot de passe solide",
        "Présidente",
    )
    .expect("create-admin");
    assert!(!public(&app).await.needs_admin);

    let token = app
        .login(email, "un mot de passe solide")
        .await
        .json::<Session>()
        .access_token;
    let reply = call(&app, Method::GET, "/admin/marketplace", Some(&token), None).await;
    let answer: AdminMarketplace = reply.json();
    assert!(!answer.setup.settings_saved);
    assert_eq!(
        (
            answer.setup.categories,
            answer.setup.communes,
            answer.setup.shops
        ),
        (0, 0, 0)
    );
    assert!(!answer.setup.is_complete());
    assert_eq!(answer.marketplace.order_number_prefix, "CMD");

    let reply = patch(
        &app,
        &token,
        &json!({"town": "Saint-Quentin-la-Poterie", "name": "Vitrine"}),
    )
    .await;
    let answer: AdminMarketplace = reply.json();
    assert!(answer.setup.settings_saved);
    assert_eq!(
        answer.marketplace.order_number_prefix, "SQ",
        "derived from the town"
    );
}

#[actix_web::test]
async fn an_empty_database_needs_an_admin_until_one_exists_on_sqlite() {
    first_start(Backend::Sqlite).await;
}

#[actix_web::test]
async fn an_empty_database_needs_an_admin_until_one_exists_on_postgres() {
    first_start(Backend::Postgres).await;
}
