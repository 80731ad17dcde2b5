//! The shop back-office: joining and approval, suspension (and the catalogue cache), the
//! profile and closed days a merchant keeps, API keys, and who may do each of these.

use chrono::Utc;
use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::auth::{Role, Session};
use shared::cart::{Cart, FulfilmentMethod};
use shared::catalogue::{ProductCard, Shop, ShopKind};
use shared::shop_admin::{
    AdminShop, ApiKey, ClosedDay, NewApiKey, ShopMember, ShopProfile, ShopStatus,
};
use vitrine::db::schema::products;
use vitrine::domain::delivery::DeliveryRules;

use crate::helpers::TestApp;
use crate::helpers::{call, token_of};
use crate::on_both_backends;

const PASSWORD: &str = "vitrine-demo-2026";
const GROCER: &str = "epicerie-du-duche";
const SHOES: &str = "chaussures-fabre";

/// A new account, signed in.
pub(crate) async fn sign_up(app: &TestApp, email: &str) -> String {
    let reply = app
        .post_json(
            "/api/v1/auth/register",
            &json!({"email": email, "password": PASSWORD, "name": "Paul Roux"}),
            None,
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json::<Session>().access_token
}

/// An application for a food shop named `name`.
pub(crate) fn application(name: &str) -> Value {
    json!({
        "name": name, "kind": "food", "address": "12 rue Port Royal", "postcode": "30700",
        "commune": "Uzès", "phone": "+33 4 66 03 12 34", "email": "Bonjour@Garrigues.fr",
        "description": "Pélardons et tommes de brebis."
    })
}

async fn apply(app: &TestApp, token: &str, name: &str) -> ShopProfile {
    let reply = call(
        app,
        Method::POST,
        "/shops",
        Some(token),
        Some(&application(name)),
    )
    .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()
}

/// Someone else's shop: a merchant of a (pending) shop of their own and its API key.
struct Outsider {
    token: String,
    key: String,
}

async fn outsider(app: &TestApp) -> Outsider {
    let token = sign_up(app, "outsider@example.fr").await;
    let shop = apply(app, &token, "Boutique Voisine").await;
    // API keys are for approved shops.
    let admin = token_of(app, "admin@vitrine.demo").await;
    crate::helpers::give_legal_identity(app, &shop.slug, &token).await;
    let approved = call(
        app,
        Method::POST,
        &format!("/admin/shops/{}/approve", shop.slug),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(approved.status, 200, "{}", approved.body);
    let key = create_key(app, &token, &shop.slug, "caisse").await.key;
    Outsider { token, key }
}

/// Everyone who must get 404 on a shop's back-office: a customer, another shop's merchant
/// and another shop's API key.
async fn strangers(app: &TestApp) -> Vec<(&'static str, String)> {
    let other = outsider(app).await;
    vec![
        ("customer", token_of(app, "client@vitrine.demo").await),
        ("other merchant", other.token),
        ("other key", other.key),
    ]
}

async fn create_key(app: &TestApp, token: &str, slug: &str, name: &str) -> NewApiKey {
    let reply = call(
        app,
        Method::POST,
        &format!("/shops/{slug}/api-keys"),
        Some(token),
        Some(&json!({"name": name})),
    )
    .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()
}

async fn profile(app: &TestApp, token: &str, slug: &str) -> ShopProfile {
    let reply = call(
        app,
        Method::GET,
        &format!("/shops/{slug}/profile"),
        Some(token),
        None,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

async fn my_shops(app: &TestApp, token: &str) -> Vec<ShopProfile> {
    let reply = call(app, Method::GET, "/me/shops", Some(token), None).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json::<Page<ShopProfile>>().items
}

/// Products on sale in the whole catalogue.
async fn catalogue_total(app: &TestApp) -> u64 {
    app.list_products("per_page=1")
        .await
        .json::<Page<ProductCard>>()
        .total
}

/// An active product put straight into a shop (product editing is not this module's).
fn insert_product(app: &TestApp, slug: &str, product_slug: &str) -> i64 {
    app.execute_sql(&format!(
        "INSERT INTO products (shop_id, category_id, slug, name, description, price_cents, \
         vat_rate_bp, stock, status, search_text, sort_name, created_at, updated_at) \
         SELECT s.id, (SELECT MIN(id) FROM categories), '{product_slug}', 'Tomme de brebis', '', \
         900, 550, 5, 'active', ' tomme de brebis ', 'tomme de brebis', s.created_at, s.created_at \
         FROM shops s WHERE s.slug = '{slug}'"
    ));
    let mut conn = app.pool.get().expect("connection");
    products::table
        .filter(products::slug.eq(product_slug))
        .select(products::id)
        .first(&mut *conn)
        .expect("the product")
}

/// A shop's history as stored: (actor, note), oldest first.
pub fn history(app: &TestApp, slug: &str) -> Vec<(String, String)> {
    use vitrine::db::schema::{shop_events, shops};
    let mut conn = app.pool.get().expect("connection");
    let shop_id: i64 = shops::table
        .filter(shops::slug.eq(slug))
        .select(shops::id)
        .first(&mut *conn)
        .expect("the shop");
    shop_events::table
        .filter(shop_events::shop_id.eq(shop_id))
        .order(shop_events::id.asc())
        .select((shop_events::actor, shop_events::note))
        .load(&mut *conn)
        .expect("the history")
}

on_both_backends! {
    async fn joining_takes_a_shop_from_application_to_the_catalogue(app) {
        call(&app, Method::POST, "/shops", None, Some(&application("Fromagerie Zéphyrine"))).await.problem(401, "unauthorized");
        let token = sign_up(&app, "paul@example.fr").await;
        let shop = apply(&app, &token, "Fromagerie Zéphyrine").await;
        assert_eq!(shop.slug, "fromagerie-zephyrine");
        assert_eq!(shop.status, ShopStatus::Pending);
        assert_eq!(shop.kind, ShopKind::Food);
        assert_eq!(shop.phone, "04 66 03 12 34", "the phone is normalised");
        assert_eq!(shop.email, "bonjour@garrigues.fr");
        assert!(shop.offers_pickup && shop.offers_delivery);
        let second = apply(&app, &token, "Fromagerie  Zéphyrine !").await;
        assert_eq!(second.slug, "fromagerie-zephyrine-2", "slugs stay unique");

        // Bad applications say what to fix; an API key cannot apply.
        let mut bad = application("Épicerie");
        bad["phone"] = json!("12");
        bad["postcode"] = json!("3070");
        bad["description"] = json!("  ");
        let fields = call(&app, Method::POST, "/shops", Some(&token), Some(&bad)).await.invalid_fields();
        assert_eq!(fields, ["postcode", "phone", "description"]);
        let mut unknown = application("Épicerie");
        unknown["status"] = json!("active");
        call(&app, Method::POST, "/shops", Some(&token), Some(&unknown)).await.problem(400, "malformed_body");
        // (A pending shop makes no API key; the association may make one for it.)
        let association = token_of(&app, "admin@vitrine.demo").await;
        let key = create_key(&app, &association, &shop.slug, "caisse").await.key;
        call(&app, Method::POST, "/shops", Some(&key), Some(&application("Par clé"))).await.problem(401, "unauthorized");

        // The applicant is now a merchant, running both shops.
        let session: Session = app.login("paul@example.fr", PASSWORD).await.json();
        assert_eq!(session.user.role, Role::Merchant);
        let mine = my_shops(&app, &token).await;
        assert_eq!(mine.iter().map(|s| s.slug.as_str()).collect::<Vec<_>>(), ["fromagerie-zephyrine", "fromagerie-zephyrine-2"]);
        assert!(mine.iter().all(|s| s.status == ShopStatus::Pending));

        // Pending: invisible, and so are its products (asked first, so the cache holds the
        // answers from before the approval).
        let product = insert_product(&app, &shop.slug, "tomme-de-brebis-test");
        let before = catalogue_total(&app).await;
        app.get(&format!("/api/v1/shops/{}", shop.slug)).await.problem(404, "not_found");
        app.get(&format!("/api/v1/products/{product}")).await.problem(404, "not_found");
        let directory: Page<shared::catalogue::ShopSummary> = app.list_shops("q=zephyrine").await.json();
        assert_eq!(directory.total, 0);

        // The admin lists pending shops and approves this one.
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let pending: Page<AdminShop> = call(&app, Method::GET, "/admin/shops?status=pending", Some(&admin), None).await.json();
        assert_eq!(pending.total, 2);
        assert_eq!(pending.items[0].slug, "fromagerie-zephyrine-2", "newest first");
        assert_eq!(pending.items[1].phone, "04 66 03 12 34");
        call(&app, Method::POST, &format!("/admin/shops/{}/approve", shop.slug), Some(&admin), None).await.problem(409, "legal_identity_missing");
        crate::helpers::give_legal_identity(&app, &shop.slug, &admin).await;
        let approved = call(&app, Method::POST, &format!("/admin/shops/{}/approve", shop.slug), Some(&admin), None).await;
        assert_eq!(approved.status, 200, "{}", approved.body);
        assert_eq!(approved.json::<ShopProfile>().status, ShopStatus::Active);
        call(&app, Method::POST, &format!("/admin/shops/{}/approve", shop.slug), Some(&admin), None).await.problem(409, "conflict");

        let page: Shop = app.get(&format!("/api/v1/shops/{}", shop.slug)).await.json();
        assert_eq!(page.name, "Fromagerie Zéphyrine");
        let directory: Page<shared::catalogue::ShopSummary> = app.list_shops("q=zephyrine").await.json();
        assert_eq!(directory.items.iter().map(|s| s.slug.as_str()).collect::<Vec<_>>(), ["fromagerie-zephyrine"]);
        assert_eq!(catalogue_total(&app).await, before + 1, "its product is on sale");
        assert_eq!(app.get(&format!("/api/v1/products/{product}")).await.status, 200);
        let pending: Page<AdminShop> = call(&app, Method::GET, "/admin/shops?status=pending", Some(&admin), None).await.json();
        assert_eq!(pending.total, 1);
        call(&app, Method::GET, "/admin/shops?status=closed", Some(&admin), None).await.problem(400, "validation_failed");
    }

    async fn suspending_hides_a_shop_and_its_products_at_once(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let shop_products: Page<ProductCard> = app.list_products(&format!("shop={GROCER}&per_page=100")).await.json();
        assert!(shop_products.total > 0);
        let product = shop_products.items[0].id;
        let before = catalogue_total(&app).await;
        assert_eq!(app.get(&format!("/api/v1/shops/{GROCER}")).await.status, 200);

        let suspend = |reason: Value| {
            let (app, admin) = (&app, admin.clone());
            async move { call(app, Method::POST, &format!("/admin/shops/{GROCER}/suspend"), Some(&admin), Some(&reason)).await }
        };
        assert_eq!(suspend(json!({"reason": " "})).await.invalid_fields(), ["reason"]);
        suspend(json!({"reason": "x", "status": "active"})).await.problem(400, "malformed_body");
        let reply = suspend(json!({"reason": "Fermeture pour travaux"})).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let suspended: ShopProfile = reply.json();
        assert_eq!(suspended.status, ShopStatus::Suspended);
        assert_eq!(suspended.status_reason.as_deref(), Some("Fermeture pour travaux"));

        // Gone from every catalogue answer at once, cached or not.
        app.get(&format!("/api/v1/shops/{GROCER}")).await.problem(404, "not_found");
        app.list_products(&format!("shop={GROCER}")).await.problem(404, "not_found");
        app.get(&format!("/api/v1/products/{product}")).await.problem(404, "not_found");
        assert_eq!(catalogue_total(&app).await, before - shop_products.total);
        let shops: Page<shared::catalogue::ShopSummary> = app.list_shops("per_page=100").await.json();
        assert!(shops.items.iter().all(|s| s.slug != GROCER));

        // Its merchant still sees it, with the reason.
        let mine = my_shops(&app, &merchant).await;
        let grocer = mine.iter().find(|s| s.slug == GROCER).expect("still the merchant's");
        assert_eq!(grocer.status, ShopStatus::Suspended);
        assert_eq!(grocer.status_reason.as_deref(), Some("Fermeture pour travaux"));
        let listed: Page<AdminShop> = call(&app, Method::GET, "/admin/shops?status=suspended", Some(&admin), None).await.json();
        assert_eq!(listed.items.iter().map(|s| s.slug.as_str()).collect::<Vec<_>>(), [GROCER]);

        suspend(json!({"reason": "encore"})).await.problem(409, "conflict");
        let reply = call(&app, Method::POST, &format!("/admin/shops/{GROCER}/approve"), Some(&admin), None).await;
        assert_eq!(reply.json::<ShopProfile>().status_reason, None);
        assert_eq!(catalogue_total(&app).await, before, "back on sale");
        let admin_id = app.login("admin@vitrine.demo", PASSWORD).await.json::<Session>().user.id;
        let actor = format!("user:{admin_id}");
        assert_eq!(history(&app, GROCER), [(actor.clone(), "Fermeture pour travaux".to_owned()), (actor, String::new())], "who did what is recorded");
        assert_eq!(app.get(&format!("/api/v1/shops/{GROCER}")).await.status, 200);

        // A pending shop is approved or left pending, not suspended.
        let token = sign_up(&app, "paul@example.fr").await;
        let pending = apply(&app, &token, "Nouvelle Boutique").await;
        call(&app, Method::POST, &format!("/admin/shops/{}/suspend", pending.slug), Some(&admin), Some(&json!({"reason": "non"}))).await.problem(409, "conflict");
        call(&app, Method::POST, "/admin/shops/no-such-shop/approve", Some(&admin), None).await.problem(404, "not_found");
    }

    async fn only_admins_reach_the_admin_routes(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let own_key = create_key(&app, &merchant, GROCER, "caisse").await.key;
        let mut callers = strangers(&app).await;
        callers.push(("the shop's merchant", merchant.clone()));
        callers.push(("the shop's key", own_key));
        let routes = [
            (Method::GET, "/admin/shops".to_owned(), None),
            (Method::POST, format!("/admin/shops/{GROCER}/approve"), None),
            (Method::POST, format!("/admin/shops/{GROCER}/suspend"), Some(json!({"reason": "test"}))),
            (Method::POST, format!("/admin/shops/{GROCER}/members"), Some(json!({"email": "client@vitrine.demo"}))),
        ];
        for (method, path, body) in &routes {
            call(&app, method.clone(), path, None, body.as_ref()).await.problem(401, "unauthorized");
            for (who, token) in &callers {
                let reply = call(&app, method.clone(), path, Some(token), body.as_ref()).await;
                assert_eq!(reply.status, 404, "{who} {method} {path}: {}", reply.body);
            }
        }
        // Nothing changed: the shop is active and the customer runs no shop.
        assert_eq!(profile(&app, &admin, GROCER).await.status, ShopStatus::Active);
        let customer = token_of(&app, "client@vitrine.demo").await;
        assert!(my_shops(&app, &customer).await.is_empty());

        // The admin adds the customer to the shoe shop's team: they now run it.
        let add = |email: &str| {
            let (app, admin, body) = (&app, admin.clone(), json!({"email": email}));
            async move { call(app, Method::POST, &format!("/admin/shops/{SHOES}/members"), Some(&admin), Some(&body)).await }
        };
        let reply = add(" Client@Vitrine.demo ").await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        assert_eq!(reply.json::<ShopMember>().email, "client@vitrine.demo");
        assert_eq!(my_shops(&app, &customer).await.iter().map(|s| s.slug.as_str()).collect::<Vec<_>>(), [SHOES]);
        assert_eq!(profile(&app, &customer, SHOES).await.slug, SHOES);
        let session: Session = app.login("client@vitrine.demo", PASSWORD).await.json();
        assert_eq!(session.user.role, Role::Merchant);
        add("client@vitrine.demo").await.problem(409, "conflict");
        add("nobody@example.fr").await.problem(422, "unprocessable");

        // An admin's own shops are their memberships; every shop is in the admin list.
        assert!(my_shops(&app, &admin).await.is_empty());
        let all: Page<AdminShop> = call(&app, Method::GET, "/admin/shops?per_page=100", Some(&admin), None).await.json();
        assert_eq!(all.total, 49, "48 demo shops and the outsider's");
        call(&app, Method::GET, "/admin/shops?per_page=0", Some(&admin), None).await.problem(400, "validation_failed");
    }

    async fn a_merchant_keeps_the_profile_and_bad_input_changes_nothing(app) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let patch = |body: Value, token: String| {
            let app = &app;
            async move { call(app, Method::PATCH, &format!("/shops/{GROCER}"), Some(&token), Some(&body)).await }
        };
        let public: Shop = app.get(&format!("/api/v1/shops/{GROCER}")).await.json();
        let reply = patch(json!({
            "phone": "+33 (0)4 66 03 12 34",
            "email": "",
            "description": "Épicerie fine, vrac et produits du pays.",
            "opening_hours": [
                {"weekday": 6, "opens": "09:00", "closes": "12:30"},
                {"weekday": 2, "opens": "15:00", "closes": "19:00"},
                {"weekday": 2, "opens": "09:00", "closes": "12:30"}
            ],
            "offers_delivery": false,
            "vat_exempt": true
        }), merchant.clone()).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let changed: ShopProfile = reply.json();
        assert_eq!(changed.phone, "04 66 03 12 34");
        assert_eq!(changed.email, "");
        assert_eq!(changed.opening_hours.iter().map(|s| (s.weekday, s.opens.as_str())).collect::<Vec<_>>(), [(2, "09:00"), (2, "15:00"), (6, "09:00")]);
        assert!(!changed.offers_delivery && changed.vat_exempt);
        assert_eq!(changed.name, public.name);
        assert_eq!(profile(&app, &merchant, GROCER).await, changed, "read back");

        // Shoppers see it at once (the shop page is cached).
        let page: Shop = app.get(&format!("/api/v1/shops/{GROCER}")).await.json();
        assert_eq!(page.phone, "04 66 03 12 34");
        assert!(page.delivery_days.is_empty());
        assert!(page.vat_mention.is_some());
        let found: Page<shared::catalogue::ShopSummary> = app.list_shops("q=vrac").await.json();
        assert!(found.items.iter().any(|s| s.slug == GROCER), "the new description is searchable");

        // Bad input: each field named, unknown or reserved fields refused, nothing changed.
        let cases = [
            (json!({"phone": "12"}), vec!["phone"]),
            (json!({"postcode": "3070", "address": " "}), vec!["address", "postcode"]),
            (json!({"email": "not-an-email"}), vec!["email"]),
            (json!({"opening_hours": [{"weekday": 8, "opens": "09:00", "closes": "12:00"}]}), vec!["opening_hours[0].weekday"]),
            (json!({"opening_hours": [{"weekday": 1, "opens": "9h", "closes": "25:00"}]}), vec!["opening_hours[0].opens", "opening_hours[0].closes"]),
        ];
        for (body, fields) in cases {
            assert_eq!(patch(body.clone(), merchant.clone()).await.invalid_fields(), fields, "{body}");
        }
        // Well-formed, refused by another field or by the shop's kind: 422, each field named.
        let cases = [
            (json!({"opening_hours": [{"weekday": 1, "opens": "14:00", "closes": "12:00"}]}), vec!["opening_hours[0].closes"]),
            (json!({"opening_hours": [{"weekday": 1, "opens": "09:00", "closes": "13:00"}, {"weekday": 1, "opens": "12:00", "closes": "18:00"}]}), vec!["opening_hours"]),
            (json!({"delivers_on_food_days": true}), vec!["delivers_on_food_days"]),
        ];
        for (body, fields) in cases {
            assert_eq!(patch(body.clone(), merchant.clone()).await.refused_fields(), fields, "{body}");
        }
        for field in ["name", "status", "slug", "kind", "price"] {
            patch(json!({field: "x", "phone": "04 66 22 12 34"}), merchant.clone()).await.problem(400, "malformed_body");
        }
        patch(json!({"offers_pickup": false}), merchant.clone()).await.problem(422, "unprocessable");
        assert_eq!(profile(&app, &merchant, GROCER).await, changed, "nothing changed");

        // The access matrix: nobody else reads or changes it; the shop's own key reads only.
        call(&app, Method::GET, &format!("/shops/{GROCER}/profile"), None, None).await.problem(401, "unauthorized");
        call(&app, Method::PATCH, &format!("/shops/{GROCER}"), None, Some(&json!({"phone": "04 66 22 12 34"}))).await.problem(401, "unauthorized");
        call(&app, Method::GET, "/me/shops", None, None).await.problem(401, "unauthorized");
        for (who, token) in strangers(&app).await {
            let reply = call(&app, Method::GET, &format!("/shops/{GROCER}/profile"), Some(&token), None).await;
            assert_eq!(reply.status, 404, "{who}: {}", reply.body);
            let reply = patch(json!({"phone": "04 66 22 12 34"}), token.clone()).await;
            assert_eq!(reply.status, 404, "{who}: {}", reply.body);
            let theirs = call(&app, Method::GET, "/me/shops", Some(&token), None).await.json::<Page<ShopProfile>>();
            assert!(theirs.items.iter().all(|s| s.slug != GROCER), "{who}");
        }
        let key = create_key(&app, &merchant, GROCER, "caisse").await.key;
        assert_eq!(profile(&app, &key, GROCER).await, changed);
        patch(json!({"phone": "04 66 22 12 34"}), key).await.problem(404, "not_found");
        assert_eq!(profile(&app, &merchant, GROCER).await, changed, "nothing changed");

        // An admin may edit any shop; a restaurant may opt in to the food rounds.
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let restaurants: Page<shared::catalogue::ShopSummary> = app.list_shops("kind=restaurant").await.json();
        let restaurant = &restaurants.items[0].slug;
        let reply = call(&app, Method::PATCH, &format!("/shops/{restaurant}"), Some(&admin), Some(&json!({"offers_delivery": true, "delivers_on_food_days": true}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let page: Shop = app.get(&format!("/api/v1/shops/{restaurant}")).await.json();
        assert_eq!(page.delivery_days, [2, 5]);
        let admin_id = app.login("admin@vitrine.demo", PASSWORD).await.json::<Session>().user.id;
        assert_eq!(
            history(&app, restaurant),
            [(format!("user:{admin_id}"), "profile changed: offers_delivery, delivers_on_food_days".to_owned())],
            "an admin acting for a shop is recorded"
        );
    }

    async fn closed_days_move_the_delivery_date_shown_in_a_basket(app) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let rules = DeliveryRules::default();
        let now = Utc::now();
        let food = rules.days(ShopKind::Food, true, false);
        let first = rules.delivery_date(&food, &[], now).unwrap();
        let next = rules.delivery_date(&food, &[first], now).unwrap();
        let product = app.product_in(GROCER, 1).await;
        let cart = app.create_cart().await.id;
        app.add_to_cart(&cart, product.id, 1).await;
        let delivery = |cart: Cart| {
            cart.groups[0].fulfilment_options.iter().find(|o| o.method == FulfilmentMethod::Delivery).map(|o| o.date.clone())
        };
        assert_eq!(delivery(app.get_cart(&cart).await), Some(first.to_string()));

        let path = format!("/shops/{GROCER}/closed-days");
        let close = |date: Value, token: String| {
            let (app, path) = (&app, path.clone());
            async move { call(app, Method::POST, &path, Some(&token), Some(&json!({"date": date}))).await }
        };
        let list = |token: String| {
            let (app, path) = (&app, path.clone());
            async move {
                let reply = call(app, Method::GET, &path, Some(&token), None).await;
                assert_eq!(reply.status, 200, "{}", reply.body);
                reply.json::<Page<ClosedDay>>().items.into_iter().map(|d| d.date).collect::<Vec<_>>()
            }
        };
        let reply = close(json!(first.to_string()), merchant.clone()).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        assert_eq!(delivery(app.get_cart(&cart).await), Some(next.to_string()), "the closed day is skipped");
        assert_eq!(list(merchant.clone()).await, [first.to_string()]);

        close(json!(first.to_string()), merchant.clone()).await.problem(409, "conflict");
        let past = Utc::now().date_naive() - chrono::Duration::days(2);
        close(json!(past.to_string()), merchant.clone()).await.problem(422, "unprocessable");
        assert_eq!(close(json!("25/12/2026"), merchant.clone()).await.invalid_fields(), ["date"]);
        call(&app, Method::POST, &path, Some(&merchant), Some(&json!({"date": first.to_string(), "shop": SHOES}))).await.problem(400, "malformed_body");

        // Nobody else sees or changes them; the shop's key reads them only.
        let day = format!("{path}/{first}");
        call(&app, Method::GET, &path, None, None).await.problem(401, "unauthorized");
        call(&app, Method::POST, &path, None, Some(&json!({"date": next.to_string()}))).await.problem(401, "unauthorized");
        call(&app, Method::DELETE, &day, None, None).await.problem(401, "unauthorized");
        for (who, token) in strangers(&app).await {
            for reply in [
                call(&app, Method::GET, &path, Some(&token), None).await,
                close(json!(next.to_string()), token.clone()).await,
                call(&app, Method::DELETE, &day, Some(&token), None).await,
            ] {
                assert_eq!(reply.status, 404, "{who}: {}", reply.body);
            }
        }
        let key = create_key(&app, &merchant, GROCER, "caisse").await.key;
        assert_eq!(list(key.clone()).await, [first.to_string()]);
        close(json!(next.to_string()), key.clone()).await.problem(404, "not_found");
        call(&app, Method::DELETE, &day, Some(&key), None).await.problem(404, "not_found");
        assert_eq!(list(merchant.clone()).await, [first.to_string()], "nothing changed");

        let reply = call(&app, Method::DELETE, &day, Some(&merchant), None).await;
        assert_eq!(reply.status, 204, "{}", reply.body);
        assert_eq!(delivery(app.get_cart(&cart).await), Some(first.to_string()), "open again");
        assert!(list(merchant.clone()).await.is_empty());
        call(&app, Method::DELETE, &day, Some(&merchant), None).await.problem(404, "not_found");
    }

    async fn api_keys_are_shown_once_work_for_their_shop_only_and_can_be_revoked(app) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let path = format!("/shops/{GROCER}/api-keys");
        let created = create_key(&app, &merchant, GROCER, " Caisse du magasin ").await;
        assert_eq!(created.name, "Caisse du magasin");
        assert!(created.key.starts_with("vtr_") && created.key.len() == 68, "{}", created.key);
        assert_eq!(created.prefix, &created.key[..12]);
        let listing = |token: String| {
            let (app, path) = (&app, path.clone());
            async move {
                let reply = call(app, Method::GET, &path, Some(&token), None).await;
                assert_eq!(reply.status, 200, "{}", reply.body);
                reply
            }
        };
        let reply = listing(merchant.clone()).await;
        assert!(!reply.body.contains(&created.key), "the secret is never shown again");
        let keys = reply.json::<Page<ApiKey>>().items;
        assert_eq!(keys.len(), 1);
        assert_eq!((keys[0].id, keys[0].prefix.as_str(), keys[0].last_used_at.as_deref()), (created.id, created.prefix.as_str(), None));

        // The key acts for its shop, and only there.
        let key = created.key.clone();
        let theirs = my_shops(&app, &key).await;
        assert_eq!(theirs.iter().map(|s| s.slug.as_str()).collect::<Vec<_>>(), [GROCER]);
        assert_eq!(profile(&app, &key, GROCER).await.slug, GROCER);
        call(&app, Method::GET, &format!("/shops/{SHOES}/profile"), Some(&key), None).await.problem(404, "not_found");
        app.get_as("/api/v1/me", &key).await.problem(401, "unauthorized");
        app.get_as("/api/v1/me/orders", &key).await.problem(401, "unauthorized");
        call(&app, Method::GET, &path, Some(&key), None).await.problem(404, "not_found");
        call(&app, Method::POST, &path, Some(&key), Some(&json!({"name": "another"}))).await.problem(404, "not_found");
        let used = listing(merchant.clone()).await.json::<Page<ApiKey>>().items;
        assert!(used[0].last_used_at.is_some(), "last use is noted");

        // Bad requests and the access matrix change nothing.
        let bad = call(&app, Method::POST, &path, Some(&merchant), Some(&json!({"name": ""}))).await;
        assert_eq!(bad.invalid_fields(), ["name"]);
        call(&app, Method::POST, &path, Some(&merchant), Some(&json!({"name": "x", "shop": SHOES}))).await.problem(400, "malformed_body");
        let revoke_path = format!("{path}/{}", created.id);
        call(&app, Method::POST, &path, None, Some(&json!({"name": "x"}))).await.problem(401, "unauthorized");
        call(&app, Method::GET, &path, None, None).await.problem(401, "unauthorized");
        call(&app, Method::DELETE, &revoke_path, None, None).await.problem(401, "unauthorized");
        call(&app, Method::GET, "/me/shops", Some("vtr_not-a-key"), None).await.problem(401, "unauthorized");
        for (who, token) in strangers(&app).await {
            for reply in [
                call(&app, Method::POST, &path, Some(&token), Some(&json!({"name": "x"}))).await,
                call(&app, Method::GET, &path, Some(&token), None).await,
                call(&app, Method::DELETE, &revoke_path, Some(&token), None).await,
            ] {
                assert_eq!(reply.status, 404, "{who}: {}", reply.body);
            }
        }
        call(&app, Method::DELETE, &revoke_path, Some(&key), None).await.problem(404, "not_found");
        let keys = listing(merchant.clone()).await.json::<Page<ApiKey>>().items;
        assert_eq!(keys.len(), 1, "no key was added");
        assert!(keys[0].revoked_at.is_none(), "nor revoked");
        assert_eq!(my_shops(&app, &key).await.len(), 1, "it still works");

        // A key id of another shop is not this shop's.
        let shoes_key = create_key(&app, &merchant, SHOES, "compta").await;
        call(&app, Method::DELETE, &format!("{path}/{}", shoes_key.id), Some(&merchant), None).await.problem(404, "not_found");
        assert_eq!(my_shops(&app, &shoes_key.key).await[0].slug, SHOES);

        // Revoked: it stops working at once, and stays listed with the time.
        let reply = call(&app, Method::DELETE, &revoke_path, Some(&merchant), None).await;
        assert_eq!(reply.status, 204, "{}", reply.body);
        call(&app, Method::GET, "/me/shops", Some(&key), None).await.problem(401, "unauthorized");
        call(&app, Method::GET, &format!("/shops/{GROCER}/profile"), Some(&key), None).await.problem(401, "unauthorized");
        let keys = listing(merchant.clone()).await.json::<Page<ApiKey>>().items;
        assert!(keys[0].revoked_at.is_some());
        assert_eq!(call(&app, Method::DELETE, &revoke_path, Some(&merchant), None).await.status, 204, "revoking twice changes nothing");
        assert_eq!(listing(merchant.clone()).await.json::<Page<ApiKey>>().items[0].revoked_at, keys[0].revoked_at);

        // An admin manages any shop's keys.
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let admins = create_key(&app, &admin, GROCER, "association").await;
        assert_eq!(my_shops(&app, &admins.key).await[0].slug, GROCER);
        assert_eq!(listing(admin.clone()).await.json::<Page<ApiKey>>().total, 2);
    }
}
