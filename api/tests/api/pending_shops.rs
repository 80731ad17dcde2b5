//! A shop the association has not approved yet: it keeps its profile and a few drafts, and
//! nothing costly (publishing, pictures, imports, API keys, phone orders, the live feed);
//! and one account cannot pile up applications, even sent all at once.

use reqwest::Method;
use serde_json::{Value, json};
use shared::shop_admin::ShopProfile;

use crate::helpers::{TestApp, call, token_of};
use crate::on_both_backends;
use crate::shop_admin::{application, sign_up};

const ADMIN: &str = "admin@vitrine.demo";

fn product(name: &str) -> Value {
    json!({"name": name, "price_cents": 690, "vat_rate": 5.5, "stock": 10, "category": "epicerie"})
}

/// A tiny valid PNG (1×1).
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// `method /api/v1<path>` with a raw body of `content_type`, as the merchant.
async fn upload(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    content_type: &str,
    body: Vec<u8>,
) -> u16 {
    let response = app
        .client
        .request(method, app.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .expect("request");
    response.status().as_u16()
}

on_both_backends! {
    async fn a_pending_shop_keeps_its_profile_and_drafts_and_nothing_costly(app) {
        let merchant = sign_up(&app, "fromager@example.fr").await;
        let shop: ShopProfile = call(&app, Method::POST, "/shops", Some(&merchant), Some(&application("Fromagerie du Portalet"))).await.json();
        let slug = shop.slug.clone();

        // What a pending shop may do: its profile, and drafts.
        let patched = call(&app, Method::PATCH, &format!("/shops/{slug}"), Some(&merchant), Some(&json!({"description": "Fromages de brebis."}))).await;
        assert_eq!(patched.status, 200, "{}", patched.body);
        let draft = call(&app, Method::POST, &format!("/shops/{slug}/products"), Some(&merchant), Some(&product("Pélardon"))).await;
        assert_eq!(draft.status, 201, "{}", draft.body);
        let id = draft.json::<Value>()["id"].as_i64().unwrap();

        // What it may not do yet, each a 403 naming the reason, and nothing changed.
        call(&app, Method::POST, &format!("/products/{id}/publish"), Some(&merchant), None).await.problem(403, "shop_not_approved");
        assert_eq!(upload(&app, Method::PUT, &format!("/products/{id}/picture"), &merchant, "image/png", PNG.to_vec()).await, 403);
        assert_eq!(upload(&app, Method::PUT, &format!("/shops/{slug}/logo"), &merchant, "image/png", PNG.to_vec()).await, 403);
        let csv = "nom;prix;tva;stock;categorie\nTomme;5,00;5,5;3;epicerie\n".as_bytes().to_vec();
        assert_eq!(upload(&app, Method::POST, &format!("/shops/{slug}/products/import"), &merchant, "text/csv", csv).await, 403);
        call(&app, Method::POST, &format!("/shops/{slug}/api-keys"), Some(&merchant), Some(&json!({"name": "caisse"}))).await.problem(403, "shop_not_approved");
        let phone_order = json!({
            "customer": {"name": "Marcel Roux", "phone": "04 66 22 12 34"},
            "terms_read_out": true, "fulfilment": {"method": "pickup"},
            "lines": [{"product_id": id, "quantity": 1}]
        });
        call(&app, Method::POST, &format!("/shops/{slug}/phone-orders"), Some(&merchant), Some(&phone_order)).await.problem(403, "shop_not_approved");
        call(&app, Method::GET, &format!("/shops/{slug}/orders/events"), Some(&merchant), None).await.problem(403, "shop_not_approved");
        let keys = call(&app, Method::GET, &format!("/shops/{slug}/api-keys"), Some(&merchant), None).await.json::<Value>();
        assert_eq!(keys["total"], 0, "no key was made");
        let status = call(&app, Method::GET, &format!("/shops/{slug}/products?per_page=100"), Some(&merchant), None).await.json::<Value>();
        assert_eq!(status["total"], 1, "the import added nothing");
        assert_eq!(status["items"][0]["status"], "draft", "still a draft");

        // At most 20 drafts.
        for n in 2..=20 {
            let reply = call(&app, Method::POST, &format!("/shops/{slug}/products"), Some(&merchant), Some(&product(&format!("Tomme {n}")))).await;
            assert_eq!(reply.status, 201, "draft {n}: {}", reply.body);
        }
        call(&app, Method::POST, &format!("/shops/{slug}/products"), Some(&merchant), Some(&product("Tomme 21"))).await.problem(403, "shop_not_approved");

        // The association may do it for them; once approved, the merchant may too.
        let admin = token_of(&app, ADMIN).await;
        assert_eq!(call(&app, Method::POST, &format!("/shops/{slug}/api-keys"), Some(&admin), Some(&json!({"name": "pour eux"}))).await.status, 201);
        crate::helpers::give_legal_identity(&app, &slug, &merchant).await;
        assert_eq!(call(&app, Method::POST, &format!("/admin/shops/{slug}/approve"), Some(&admin), None).await.status, 200);
        assert_eq!(call(&app, Method::POST, &format!("/products/{id}/publish"), Some(&merchant), None).await.status, 200);
        assert_eq!(call(&app, Method::POST, &format!("/shops/{slug}/products"), Some(&merchant), Some(&product("Tomme 21"))).await.status, 201);
        assert_eq!(upload(&app, Method::PUT, &format!("/products/{id}/picture"), &merchant, "image/png", PNG.to_vec()).await, 200);
    }

    async fn one_account_has_at_most_three_applications_waiting(app) {
        let token = sign_up(&app, "collectionneur@example.fr").await;
        for n in 1..=3 {
            let reply = call(&app, Method::POST, "/shops", Some(&token), Some(&application(&format!("Boutique {n}")))).await;
            assert_eq!(reply.status, 201, "{}", reply.body);
        }
        call(&app, Method::POST, "/shops", Some(&token), Some(&application("Boutique 4"))).await.problem(422, "too_many_applications");

        // Once the association answered one, another may be sent.
        let admin = token_of(&app, ADMIN).await;
        let mine: Value = call(&app, Method::GET, "/me/shops", Some(&token), None).await.json();
        let first = mine["items"][0]["slug"].as_str().unwrap().to_owned();
        crate::helpers::give_legal_identity(&app, &first, &admin).await;
        assert_eq!(call(&app, Method::POST, &format!("/admin/shops/{first}/approve"), Some(&admin), None).await.status, 200);
        assert_eq!(call(&app, Method::POST, "/shops", Some(&token), Some(&application("Boutique 4"))).await.status, 201);
    }

    async fn applications_sent_all_at_once_are_counted_one_after_the_other(app) {
        let token = sign_up(&app, "presse@example.fr").await;
        let attempts = (0..8).map(|n| {
            let token = token.clone();
            let app = &app;
            async move { call(app, Method::POST, "/shops", Some(&token), Some(&application(&format!("Étal {n}")))).await }
        });
        let answers = futures_util::future::join_all(attempts).await;
        let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
        assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 3, "{statuses:?}");
        assert!(statuses.iter().all(|s| *s == 201 || *s == 422), "{statuses:?}");
    }
}
