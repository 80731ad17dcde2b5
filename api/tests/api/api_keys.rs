//! Integrators' API keys (issue 17): the scopes a merchant gives a key, the 403 naming the
//! scope a call lacked, and the per-key rate limit with its headers, which holds when many
//! calls arrive at once.

use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::shop_admin::{ApiKey, ApiKeyScope, NewApiKey};
use shared::shop_products::ShopProduct;

use crate::helpers::token_of;
use crate::helpers::{AppOptions, Backend, TestApp, call, spawn_app_with_limits, test_limits};
use crate::on_both_backends;

const GROCER: &str = "epicerie-du-duche";

async fn create_key(app: &TestApp, token: &str, body: Value) -> NewApiKey {
    let reply = call(
        app,
        Method::POST,
        &format!("/shops/{GROCER}/api-keys"),
        Some(token),
        Some(&body),
    )
    .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()
}

/// The grocer's first product, as its merchant sees it.
async fn first_product(app: &TestApp, merchant: &str) -> ShopProduct {
    let reply = call(
        app,
        Method::GET,
        &format!("/shops/{GROCER}/products"),
        Some(merchant),
        None,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json::<Page<ShopProduct>>().items.remove(0)
}

/// A raw call: status, the `RateLimit-*` and `Retry-After` headers, and the body.
struct Limited {
    status: u16,
    limit: Option<u32>,
    remaining: Option<u32>,
    reset: Option<u32>,
    retry_after: Option<u32>,
    body: String,
}

async fn limited(app: &TestApp, token: &str) -> Limited {
    let response = app
        .client
        .get(app.url(&format!("/api/v1/shops/{GROCER}/profile")))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let number = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
    };
    Limited {
        status: response.status().as_u16(),
        limit: number("ratelimit-limit"),
        remaining: number("ratelimit-remaining"),
        reset: number("ratelimit-reset"),
        retry_after: number("retry-after"),
        body: response.text().await.expect("body"),
    }
}

on_both_backends! {
    async fn a_key_does_what_its_scopes_allow_and_gets_403_naming_the_scope_elsewhere(app) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let reader = create_key(&app, &merchant, json!({"name": "Site de la ville", "scopes": ["catalogue:read"]})).await;
        assert_eq!(reader.scopes, [ApiKeyScope::CatalogueRead]);
        let legacy = create_key(&app, &merchant, json!({"name": "Caisse"})).await;
        assert_eq!(legacy.scopes, ApiKeyScope::ALL, "no scopes given: every scope");
        let listed = call(&app, Method::GET, &format!("/shops/{GROCER}/api-keys"), Some(&merchant), None).await.json::<Page<ApiKey>>().items;
        let reader_listed = listed.iter().find(|key| key.id == reader.id).expect("listed");
        assert_eq!(reader_listed.scopes, [ApiKeyScope::CatalogueRead]);

        // It reads the catalogue...
        let product = first_product(&app, &reader.key).await;
        let profile = call(&app, Method::GET, &format!("/shops/{GROCER}/profile"), Some(&reader.key), None).await;
        assert_eq!(profile.status, 200, "{}", profile.body);

        // ...and changes nothing, sees no order: each refusal names the scope it lacked.
        let patch = format!("/products/{}", product.id);
        for (method, path, body, scope) in [
            (Method::PATCH, patch.clone(), Some(json!({"price_cents": 1})), "products:write"),
            (Method::POST, format!("/products/{}/archive", product.id), None, "products:write"),
            (Method::GET, format!("/shops/{GROCER}/orders"), None, "orders:read"),
            (Method::GET, "/orders/1".to_owned(), None, "orders:read"),
            (Method::GET, format!("/shops/{GROCER}/rounds/next"), None, "orders:read"),
            (Method::POST, "/orders/1/transitions".to_owned(), Some(json!({"to": "confirmed"})), "orders:write"),
            (Method::PATCH, format!("/shops/{GROCER}"), Some(json!({"phone": "04 66 00 00 00"})), "shop:write"),
            (Method::GET, format!("/shops/{GROCER}/webhooks"), None, "webhooks:manage"),
            (Method::POST, format!("/shops/{GROCER}/webhooks"), Some(json!({"url": "https://caisse.example/vitrine", "events": ["order.placed"]})), "webhooks:manage"),
        ] {
            let reply = call(&app, method.clone(), &path, Some(&reader.key), body.as_ref()).await;
            let problem = reply.problem(403, "scope_missing");
            assert!(problem.detail.contains(scope), "{method} {path}: {}", problem.detail);
        }
        // Routes no key may call say so, with the same code.
        for path in [format!("/shops/{GROCER}/api-keys"), "/admin/users".to_owned(), "/admin/webhooks".to_owned()] {
            let problem = call(&app, Method::GET, &path, Some(&reader.key), None).await.problem(403, "scope_missing");
            assert!(problem.detail.contains("not open to API keys"), "{}", problem.detail);
        }
        assert_eq!(first_product(&app, &merchant).await, product, "the product is as it was");

        // A key with the scopes does it; one without orders:write still cannot confirm.
        let till = create_key(&app, &merchant, json!({"name": "Caisse 2", "scopes": ["products:write", "orders:read", "products:write"]})).await;
        assert_eq!(till.scopes, [ApiKeyScope::ProductsWrite, ApiKeyScope::OrdersRead], "a repeated scope counts once");
        let edited = call(&app, Method::PATCH, &patch, Some(&till.key), Some(&json!({"stock": 42}))).await;
        assert_eq!(edited.status, 200, "{}", edited.body);
        assert_eq!(edited.json::<ShopProduct>().stock, Some(42));
        assert_eq!(call(&app, Method::GET, &format!("/shops/{GROCER}/orders"), Some(&till.key), None).await.status, 200);
        let problem = call(&app, Method::POST, "/orders/1/transitions", Some(&till.key), Some(&json!({"to": "confirmed"}))).await.problem(403, "scope_missing");
        assert!(problem.detail.contains("orders:write"), "{}", problem.detail);
        let problem = call(&app, Method::GET, &format!("/shops/{GROCER}/profile"), Some(&till.key), None).await.problem(403, "scope_missing");
        assert!(problem.detail.contains("catalogue:read"), "{}", problem.detail);

        // A key with webhooks:manage manages its shop's endpoints, not the association's.
        let hooks = create_key(&app, &merchant, json!({"name": "Compta", "scopes": ["webhooks:manage"]})).await;
        let listed = call(&app, Method::GET, &format!("/shops/{GROCER}/webhooks"), Some(&hooks.key), None).await;
        assert_eq!(listed.status, 200, "{}", listed.body);
        call(&app, Method::GET, "/admin/webhooks", Some(&hooks.key), None).await.problem(403, "scope_missing");

        // A key made without scopes keeps every one, as the keys made before scopes did.
        let edited = call(&app, Method::PATCH, &patch, Some(&legacy.key), Some(&json!({"stock": 43}))).await;
        assert_eq!(edited.status, 200, "{}", edited.body);
        assert_eq!(call(&app, Method::GET, &format!("/shops/{GROCER}/orders"), Some(&legacy.key), None).await.status, 200);
        assert_eq!(call(&app, Method::GET, &format!("/shops/{GROCER}/webhooks"), Some(&legacy.key), None).await.status, 200);
        let problem = call(&app, Method::GET, "/admin/webhooks", Some(&legacy.key), None).await.problem(404, "not_found");
        assert!(!problem.detail.is_empty());

        // Bad scope lists are refused and make no key.
        let path = format!("/shops/{GROCER}/api-keys");
        let bad = call(&app, Method::POST, &path, Some(&merchant), Some(&json!({"name": "x", "scopes": []}))).await;
        assert_eq!(bad.invalid_fields(), ["scopes"]);
        call(&app, Method::POST, &path, Some(&merchant), Some(&json!({"name": "x", "scopes": ["everything"]}))).await.problem(400, "malformed_body");
        let count = call(&app, Method::GET, &path, Some(&merchant), None).await.json::<Page<ApiKey>>().total;
        assert_eq!(count, 4, "no key was made by the bad requests");
    }
}

/// An application where each key may make `limit` requests a minute.
async fn limited_app(backend: Backend, limit: u32) -> Option<TestApp> {
    let limits = vitrine::limits::Limits {
        api_key_requests_per_minute: limit,
        ..test_limits()
    };
    spawn_app_with_limits(backend, AppOptions { demo: true }, limits).await
}

async fn a_key_beyond_its_limit_gets_429_with_the_headers_and_accounts_do_not(app: TestApp) {
    let merchant = token_of(&app, "marchand@vitrine.demo").await;
    let key = create_key(
        &app,
        &merchant,
        json!({"name": "Caisse", "scopes": ["catalogue:read"]}),
    )
    .await;
    for made in 1..=5 {
        let reply = limited(&app, &key.key).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!((reply.limit, reply.remaining), (Some(5), Some(5 - made)));
        assert!(
            reply.reset.is_some_and(|reset| (1..=60).contains(&reset)),
            "{:?}",
            reply.reset
        );
    }
    let refused = limited(&app, &key.key).await;
    assert_eq!(refused.status, 429, "{}", refused.body);
    assert!(
        refused.body.contains("too_many_requests"),
        "{}",
        refused.body
    );
    assert_eq!((refused.limit, refused.remaining), (Some(5), Some(0)));
    assert!(
        refused
            .retry_after
            .is_some_and(|after| (1..=60).contains(&after)),
        "{:?}",
        refused.retry_after
    );

    // Another key counts on its own; the merchant's own session is not limited.
    let other = create_key(
        &app,
        &merchant,
        json!({"name": "Compta", "scopes": ["catalogue:read"]}),
    )
    .await;
    assert_eq!(limited(&app, &other.key).await.remaining, Some(4));
    for _ in 0..8 {
        let reply = limited(&app, &merchant).await;
        assert_eq!((reply.status, reply.limit), (200, None), "{}", reply.body);
    }
}

async fn calls_at_once_never_pass_the_limit(app: TestApp) {
    let merchant = token_of(&app, "marchand@vitrine.demo").await;
    let key = create_key(
        &app,
        &merchant,
        json!({"name": "Caisse", "scopes": ["catalogue:read"]}),
    )
    .await;
    let calls = (0..30).map(|_| limited(&app, &key.key));
    let replies = futures_util::future::join_all(calls).await;
    let passed = replies.iter().filter(|reply| reply.status == 200).count();
    let refused = replies.iter().filter(|reply| reply.status == 429).count();
    assert_eq!(
        (passed, refused),
        (10, 20),
        "{:?}",
        replies.iter().map(|r| r.status).collect::<Vec<_>>()
    );
}

#[actix_web::test]
async fn rate_limit_sqlite() {
    let app = limited_app(Backend::Sqlite, 5)
        .await
        .expect("SQLite always runs");
    a_key_beyond_its_limit_gets_429_with_the_headers_and_accounts_do_not(app).await;
}

#[actix_web::test]
async fn rate_limit_postgres() {
    let Some(app) = limited_app(Backend::Postgres, 5).await else {
        return;
    };
    a_key_beyond_its_limit_gets_429_with_the_headers_and_accounts_do_not(app).await;
}

#[actix_web::test]
async fn rate_limit_at_once_sqlite() {
    let app = limited_app(Backend::Sqlite, 10)
        .await
        .expect("SQLite always runs");
    calls_at_once_never_pass_the_limit(app).await;
}

#[actix_web::test]
async fn rate_limit_at_once_postgres() {
    let Some(app) = limited_app(Backend::Postgres, 10).await else {
        return;
    };
    calls_at_once_never_pass_the_limit(app).await;
}

on_both_backends! {
    async fn the_integrators_guide_is_served_beside_the_api_docs(app) {
        let reply = app.get("/api/integrators.md").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.content_type, "text/markdown; charset=utf-8");
        assert!(reply.body.contains("webhook-signature") && reply.body.contains("RateLimit-Remaining"));
        let docs = app.get("/api/openapi.yaml").await;
        assert!(docs.body.contains("(/api/integrators.md)"), "the reference links the guide");
    }
}
