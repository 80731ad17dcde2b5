//! Products entered for a shop (issue 11): the shop's consent, the admins' assignment, the
//! volunteer managing the shop's products and nothing else of it, the shop's history, the
//! withdrawal that ends the access at the very next request, and a withdrawal racing the
//! volunteer's writes on PostgreSQL.

use reqwest::Method;
use serde_json::{Value, json};
use shared::product_help::{HelpedShops, ProductHelp, ShopHistory};
use shared::shop_products::ShopProduct;

use crate::helpers::{Backend, Reply, TestApp, call, spawn_app, token_of};
use crate::on_both_backends;

const PASSWORD: &str = "vitrine-demo-2026";
/// The demo merchant's food shop.
const SHOP: &str = "epicerie-du-duche";
const KEY: &str = "vtr_product_help_key_0123456789abcdef";

/// The callers of these tests.
struct Callers {
    admin: String,
    merchant: String,
    customer: String,
    /// The demo volunteer, Lucie Vidal.
    volunteer: String,
    volunteer_id: i64,
    /// A volunteer nobody assigned.
    other_volunteer: String,
    /// A volunteer assigned to another consenting shop.
    elsewhere_volunteer: String,
    /// A merchant of another shop.
    other_merchant: String,
    /// The slug of that other shop.
    other_shop: String,
}

/// Signs up an account and gives it a role as an admin would: its token and id.
async fn account(app: &TestApp, email: &str, name: &str, role: &str) -> (String, i64) {
    let reply = app
        .post_json(
            "/api/v1/auth/register",
            &json!({"email": email, "password": PASSWORD, "name": name}),
            None,
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    app.execute_sql(&format!(
        "UPDATE users SET role = '{role}' WHERE email = '{email}'"
    ));
    let token = token_of(app, email).await;
    let me: Value = call(app, Method::GET, "/me", Some(&token), None)
        .await
        .json();
    (token, me["id"].as_i64().unwrap())
}

async fn callers(app: &TestApp) -> Callers {
    let admin = token_of(app, "admin@vitrine.demo").await;
    let volunteer = token_of(app, "benevole@vitrine.demo").await;
    let me: Value = call(app, Method::GET, "/me", Some(&volunteer), None)
        .await
        .json();
    let (other_volunteer, _) =
        account(app, "anne.benevole@example.fr", "Anne Vidal", "volunteer").await;
    let (elsewhere_volunteer, elsewhere_id) =
        account(app, "marc.benevole@example.fr", "Marc Roux", "volunteer").await;
    let (other_merchant, other_merchant_id) =
        account(app, "paul@example.fr", "Paul Merle", "merchant").await;
    let other_shop: String = {
        let shops: Value = app.get("/api/v1/shops?per_page=10").await.json();
        shops["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["slug"].as_str().unwrap().to_owned())
            .find(|slug| slug != SHOP && slug != "chaussures-fabre")
            .unwrap()
    };
    app.execute_sql(&format!(
        "INSERT INTO shop_members (shop_id, user_id) SELECT id, {other_merchant_id} FROM shops WHERE slug = '{other_shop}';
         UPDATE shops SET helpers_allowed = TRUE WHERE slug = '{other_shop}';
         INSERT INTO shop_helpers (shop_id, user_id, assigned_at) SELECT id, {elsewhere_id}, CURRENT_TIMESTAMP FROM shops WHERE slug = '{other_shop}';
         INSERT INTO api_keys (shop_id, name, key_hash, prefix, created_at)
             SELECT id, 'Caisse', '{}', 'vtr_prod', CURRENT_TIMESTAMP FROM shops WHERE slug = '{SHOP}'",
        vitrine::auth::token_hash(KEY)
    ));
    Callers {
        admin,
        merchant: token_of(app, "marchand@vitrine.demo").await,
        customer: token_of(app, "client@vitrine.demo").await,
        volunteer,
        volunteer_id: me["id"].as_i64().unwrap(),
        other_volunteer,
        elsewhere_volunteer,
        other_merchant,
        other_shop,
    }
}

fn new_product(name: &str) -> Value {
    json!({"name": name, "description": "Pot de 350 g.", "price_cents": 690,
           "vat_rate": 5.5, "stock": 10, "category": "epicerie"})
}

async fn consent(app: &TestApp, token: &str, allowed: bool) -> Reply {
    call(
        app,
        Method::PUT,
        &format!("/shops/{SHOP}/product-help"),
        Some(token),
        Some(&json!({"allowed": allowed})),
    )
    .await
}

async fn assign(app: &TestApp, token: &str, ids: &[i64]) -> Reply {
    call(
        app,
        Method::PUT,
        &format!("/admin/shops/{SHOP}/product-helpers"),
        Some(token),
        Some(&json!({"volunteer_ids": ids})),
    )
    .await
}

async fn history(app: &TestApp, token: &str) -> Vec<String> {
    let history: ShopHistory = call(
        app,
        Method::GET,
        &format!("/shops/{SHOP}/history"),
        Some(token),
        None,
    )
    .await
    .json();
    history.items.into_iter().map(|entry| entry.note).collect()
}

/// The merchant consents and the admin assigns the demo volunteer.
async fn helped(app: &TestApp, c: &Callers) {
    let reply = consent(app, &c.merchant, true).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let help: ProductHelp = assign(app, &c.admin, &[c.volunteer_id]).await.json();
    assert!(help.allowed);
    assert_eq!(
        help.helpers
            .iter()
            .map(|h| h.name.as_str())
            .collect::<Vec<_>>(),
        ["Lucie Vidal"]
    );
}

async fn put_picture(app: &TestApp, token: &str, id: i64) -> Reply {
    let request = app
        .client
        .put(app.url(&format!("/api/v1/products/{id}/picture")))
        .bearer_auth(token)
        .header("Content-Type", "image/png")
        .body(crate::png::black_png(40, 30, true));
    TestApp::read_response(request.send().await.unwrap()).await
}

on_both_backends! {
    async fn consent_is_off_by_default_and_the_admin_assigns_only_volunteers_of_a_consenting_shop(app) {
        let c = callers(&app).await;
        let help: ProductHelp = call(&app, Method::GET, &format!("/shops/{SHOP}/product-help"), Some(&c.merchant), None).await.json();
        assert_eq!(help, ProductHelp { allowed: false, helpers: vec![] });
        // Not consenting: no assignment.
        let refused = assign(&app, &c.admin, &[c.volunteer_id]).await;
        assert_eq!(refused.problem(422, "validation_failed").errors[0].field, "volunteer_ids");
        // Only the shop's own merchants consent; only admins assign.
        consent(&app, &c.admin, true).await.problem(422, "unprocessable");
        consent(&app, &c.other_merchant, true).await.problem(404, "not_found");
        consent(&app, &c.volunteer, true).await.problem(404, "not_found");
        let key = app.client.put(app.url(&format!("/api/v1/shops/{SHOP}/product-help"))).bearer_auth(KEY)
            .json(&json!({"allowed": true})).send().await.unwrap();
        assert_eq!(key.status(), 422);
        consent(&app, &c.merchant, true).await;
        for token in [&c.merchant, &c.volunteer, &c.customer] {
            assign(&app, token, &[c.volunteer_id]).await.problem(404, "not_found");
        }
        // A customer is no volunteer; too many is malformed; unknown fields too.
        let customer_id: Value = call(&app, Method::GET, "/me", Some(&c.customer), None).await.json();
        let refused = assign(&app, &c.admin, &[c.volunteer_id, customer_id["id"].as_i64().unwrap()]).await;
        assert_eq!(refused.problem(422, "validation_failed").errors[0].field, "volunteer_ids[1]");
        assign(&app, &c.admin, &[1; 11]).await.problem(400, "validation_failed");
        let unknown = call(&app, Method::PUT, &format!("/admin/shops/{SHOP}/product-helpers"), Some(&c.admin),
            Some(&json!({"volunteer_ids": [], "shop": "x"}))).await;
        assert_eq!(unknown.status, 400, "{}", unknown.body);
        helped(&app, &c).await;
        // The volunteer's list of shops, and the admin's (every consenting shop).
        let mine: HelpedShops = call(&app, Method::GET, "/me/helped-shops", Some(&c.volunteer), None).await.json();
        assert_eq!(mine.items.iter().map(|s| s.slug.as_str()).collect::<Vec<_>>(), [SHOP]);
        let theirs: HelpedShops = call(&app, Method::GET, "/me/helped-shops", Some(&c.other_volunteer), None).await.json();
        assert!(theirs.items.is_empty());
        let admins: HelpedShops = call(&app, Method::GET, "/me/helped-shops", Some(&c.admin), None).await.json();
        assert_eq!(admins.items.len(), 2);
        call(&app, Method::GET, "/me/helped-shops", None, None).await.problem(401, "unauthorized");
        let notes = history(&app, &c.merchant).await;
        assert!(notes.iter().any(|n| n == "Association des commerçants a confié les produits de la boutique à Lucie Vidal"), "{notes:?}");
        assert!(notes.iter().any(|n| n.starts_with("Claire Fabre a autorisé l'association")), "{notes:?}");
    }

    async fn the_assigned_volunteer_manages_the_products_and_nothing_else_and_the_shop_reads_who_did_it(app) {
        let c = callers(&app).await;
        helped(&app, &c).await;
        let created = call(&app, Method::POST, &format!("/shops/{SHOP}/products"), Some(&c.volunteer), Some(&new_product("Confiture Zéphyrine"))).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let product: ShopProduct = created.json();
        let edited = call(&app, Method::PATCH, &format!("/products/{}", product.id), Some(&c.volunteer), Some(&json!({"price_cents": 750}))).await;
        assert_eq!(edited.json::<ShopProduct>().price_cents, 750);
        assert_eq!(put_picture(&app, &c.volunteer, product.id).await.status, 200);
        let published = call(&app, Method::POST, &format!("/products/{}/publish", product.id), Some(&c.volunteer), None).await;
        assert_eq!(published.status, 200, "{}", published.body);
        let list: Value = call(&app, Method::GET, &format!("/shops/{SHOP}/products?q=zephyrine"), Some(&c.volunteer), None).await.json();
        assert_eq!(list["total"], 1);
        let csv = app.client.post(app.url(&format!("/api/v1/shops/{SHOP}/products/import")))
            .bearer_auth(&c.volunteer).header("Content-Type", "text/csv")
            .body("nom;prix;tva;categorie\nMiel de garrigue;9,50;5,5;epicerie\n").send().await.unwrap();
        assert_eq!(csv.status(), 200);
        // The merchant sees the product as the volunteer left it.
        let merchant_view: Value = call(&app, Method::GET, &format!("/shops/{SHOP}/products?q=zephyrine"), Some(&c.merchant), None).await.json();
        assert_eq!(merchant_view["items"][0]["price_cents"], 750);
        assert_eq!(merchant_view["items"][0]["status"], "active");
        // The shop's history says who did what, for whom; the merchant's own edits are not in it.
        call(&app, Method::PATCH, &format!("/products/{}", product.id), Some(&c.merchant), Some(&json!({"stock": 12}))).await;
        let notes = history(&app, &c.merchant).await;
        for note in [
            "Lucie Vidal a ajouté « Confiture Zéphyrine » pour Épicerie du Duché",
            "Lucie Vidal a modifié « Confiture Zéphyrine » pour Épicerie du Duché",
            "Lucie Vidal a changé la photo de « Confiture Zéphyrine » pour Épicerie du Duché",
            "Lucie Vidal a mis en vente « Confiture Zéphyrine » pour Épicerie du Duché",
            "Lucie Vidal a importé un fichier CSV (1 produit(s) ajouté(s), 0 modifié(s)) pour Épicerie du Duché",
        ] {
            assert!(notes.iter().any(|n| n == note), "{note} in {notes:?}");
        }
        assert_eq!(notes.iter().filter(|n| n.contains("a modifié")).count(), 1, "{notes:?}");
        let entries: ShopHistory = call(&app, Method::GET, &format!("/shops/{SHOP}/history"), Some(&c.merchant), None).await.json();
        assert_eq!(entries.items[1].actor_name.as_deref(), Some("Lucie Vidal"));

        // Nothing else of the shop: its orders, keys, profile, history, consent, rounds are 404.
        for path in [
            format!("/shops/{SHOP}/orders"), format!("/shops/{SHOP}/api-keys"), format!("/shops/{SHOP}/profile"),
            format!("/shops/{SHOP}/history"), format!("/shops/{SHOP}/product-help"), format!("/shops/{SHOP}/closed-days"),
        ] {
            call(&app, Method::GET, &path, Some(&c.volunteer), None).await.problem(404, "not_found");
        }
        call(&app, Method::PATCH, &format!("/shops/{SHOP}"), Some(&c.volunteer), Some(&json!({"description": "Pirate"}))).await.problem(404, "not_found");
        call(&app, Method::POST, &format!("/shops/{SHOP}/api-keys"), Some(&c.volunteer), Some(&json!({"name": "Pirate"}))).await.problem(404, "not_found");
        let profile: Value = call(&app, Method::GET, &format!("/shops/{SHOP}/profile"), Some(&c.merchant), None).await.json();
        assert_ne!(profile["description"], "Pirate");
        let mine: Value = call(&app, Method::GET, "/me/shops", Some(&c.volunteer), None).await.json();
        assert_eq!(mine["total"], 0, "helping is not membership");
    }

    async fn strangers_to_the_shop_get_404_or_401_and_change_nothing(app) {
        let c = callers(&app).await;
        helped(&app, &c).await;
        let product: ShopProduct = call(&app, Method::POST, &format!("/shops/{SHOP}/products"), Some(&c.volunteer), Some(&new_product("Confiture Zéphyrine"))).await.json();
        let before = history(&app, &c.merchant).await;
        let id = product.id;
        let routes: Vec<(Method, String, Option<Value>)> = vec![
            (Method::GET, format!("/shops/{SHOP}/products"), None),
            (Method::POST, format!("/shops/{SHOP}/products"), Some(new_product("Intrus"))),
            (Method::PATCH, format!("/products/{id}"), Some(json!({"name": "Pirate"}))),
            (Method::POST, format!("/products/{id}/publish"), None),
            (Method::POST, format!("/products/{id}/archive"), None),
            (Method::DELETE, format!("/products/{id}/picture"), None),
            (Method::GET, format!("/shops/{SHOP}/products/export"), None),
            (Method::GET, format!("/shops/{SHOP}/history"), None),
            (Method::GET, format!("/shops/{SHOP}/product-help"), None),
            (Method::PUT, format!("/shops/{SHOP}/product-help"), Some(json!({"allowed": false}))),
            (Method::PUT, format!("/admin/shops/{SHOP}/product-helpers"), Some(json!({"volunteer_ids": []}))),
        ];
        let admin_only = |path: &str| path.starts_with("/admin/");
        let strangers = [
            ("another volunteer", Some(c.other_volunteer.as_str())),
            ("a volunteer of another shop", Some(c.elsewhere_volunteer.as_str())),
            ("a merchant of another shop", Some(c.other_merchant.as_str())),
            ("a customer", Some(c.customer.as_str())),
            ("anonymous", None),
        ];
        for (method, path, body) in &routes {
            for (who, token) in &strangers {
                let reply = call(&app, method.clone(), path, *token, body.as_ref()).await;
                let expected = if token.is_none() { 401 } else { 404 };
                assert_eq!(reply.status, expected, "{who}: {method} {path}: {}", reply.body);
            }
            // The shop's own API key runs its products, but is no account for the admins'
            // routes (401); it may not give the consent either (422, above).
            if admin_only(path) {
                let key = app.client.request(method.clone(), app.url(&format!("/api/v1{path}"))).bearer_auth(KEY)
                    .json(body.as_ref().unwrap()).send().await.unwrap();
                assert_eq!(key.status(), 401, "key: {path}");
            }
        }
        // The volunteer does not reach the other consenting shop, nor its products.
        let other = format!("/shops/{}/products", c.other_shop);
        call(&app, Method::GET, &other, Some(&c.volunteer), None).await.problem(404, "not_found");
        let theirs = call(&app, Method::GET, &other, Some(&c.elsewhere_volunteer), None).await;
        assert_eq!(theirs.status, 200, "{}", theirs.body);
        // Nothing changed.
        let now: Value = call(&app, Method::GET, &format!("/shops/{SHOP}/products?q=zephyrine"), Some(&c.merchant), None).await.json();
        assert_eq!((&now["items"][0]["name"], &now["items"][0]["status"]), (&json!(product.name), &json!("draft")));
        assert_eq!(history(&app, &c.merchant).await, before);
        let help: ProductHelp = call(&app, Method::GET, &format!("/shops/{SHOP}/product-help"), Some(&c.merchant), None).await.json();
        assert!(help.allowed && help.helpers.len() == 1);
    }

    async fn withdrawing_consent_ends_the_access_at_the_very_next_request(app) {
        let c = callers(&app).await;
        helped(&app, &c).await;
        let product: ShopProduct = call(&app, Method::POST, &format!("/shops/{SHOP}/products"), Some(&c.volunteer), Some(&new_product("Confiture Zéphyrine"))).await.json();
        // The same access token, the very next request.
        let withdrawn: ProductHelp = consent(&app, &c.merchant, false).await.json();
        assert_eq!(withdrawn, ProductHelp { allowed: false, helpers: vec![] });
        call(&app, Method::PATCH, &format!("/products/{}", product.id), Some(&c.volunteer), Some(&json!({"name": "Pirate"}))).await.problem(404, "not_found");
        call(&app, Method::POST, &format!("/shops/{SHOP}/products"), Some(&c.volunteer), Some(&new_product("Trop tard"))).await.problem(404, "not_found");
        assert_eq!(put_picture(&app, &c.volunteer, product.id).await.status, 404);
        let mine: HelpedShops = call(&app, Method::GET, "/me/helped-shops", Some(&c.volunteer), None).await.json();
        assert!(mine.items.is_empty());
        // Consent given again: the assignment ended with the withdrawal, it is not back.
        consent(&app, &c.merchant, true).await;
        call(&app, Method::GET, &format!("/shops/{SHOP}/products"), Some(&c.volunteer), None).await.problem(404, "not_found");
        let notes = history(&app, &c.merchant).await;
        assert!(notes.iter().any(|n| n.starts_with("Claire Fabre a retiré à l'association")), "{notes:?}");
        assert!(!notes.iter().any(|n| n.contains("Pirate") || n.contains("Trop tard")), "{notes:?}");
    }
}

/// The consent withdrawn while the volunteer creates products as fast as she can, on
/// PostgreSQL: every product acknowledged is in the shop and in its history; every other
/// request was refused; after the withdrawal nothing gets in.
#[actix_web::test]
async fn a_withdrawal_racing_the_volunteers_writes_lets_each_in_with_its_history_or_refuses_it_postgres()
 {
    let Some(app) = spawn_app(Backend::Postgres).await else {
        return;
    };
    let c = callers(&app).await;
    helped(&app, &c).await;
    for round in 0..3 {
        let writes = (0..8).map(|i| {
            let (app, token) = (&app, c.volunteer.clone());
            async move {
                let name = format!("Produit {round}-{i}");
                let reply = call(
                    app,
                    Method::POST,
                    &format!("/shops/{SHOP}/products"),
                    Some(&token),
                    Some(&new_product(&name)),
                )
                .await;
                (name, reply.status)
            }
        });
        let withdrawal = async { consent(&app, &c.merchant, false).await.status };
        let (replies, withdrawn) =
            futures_util::join!(futures_util::future::join_all(writes), withdrawal);
        assert_eq!(withdrawn, 200);
        let notes = history(&app, &c.merchant).await;
        let listed: Value = call(
            &app,
            Method::GET,
            &format!("/shops/{SHOP}/products?q=produit&per_page=100"),
            Some(&c.merchant),
            None,
        )
        .await
        .json();
        let names: Vec<&str> = listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        for (name, status) in &replies {
            let in_shop = names.contains(&name.as_str());
            let noted = notes
                .iter()
                .any(|n| n == &format!("Lucie Vidal a ajouté « {name} » pour Épicerie du Duché"));
            match status {
                201 => assert!(
                    in_shop && noted,
                    "{name}: acknowledged, so in the shop and its history"
                ),
                404 => assert!(!in_shop && !noted, "{name}: refused, so nowhere"),
                other => panic!("{name}: {other}"),
            }
        }
        call(
            &app,
            Method::POST,
            &format!("/shops/{SHOP}/products"),
            Some(&c.volunteer),
            Some(&new_product("Après")),
        )
        .await
        .problem(404, "not_found");
        helped(&app, &c).await;
    }
}
