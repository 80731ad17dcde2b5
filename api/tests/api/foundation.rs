//! The server itself: health, the single-page app and its fallback, the docs, the demo data.

use crate::on_both_backends;

on_both_backends! {
    async fn healthz_answers_when_the_database_does(app) {
        let reply = app.get("/healthz").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json::<serde_json::Value>()["status"], "ok");
    }

    async fn client_routes_fall_back_to_the_page_of_their_bundle(app) {
        let browse = ["/", "/catalogue", "/commerces/epicerie-du-duche", "/mentions-legales", "/a/b/c?x=1"];
        // The terms and the privacy page are with the checkout and the account (issue 16).
        let order = ["/panier", "/commande", "/commande/merci?suivi=x", "/suivi/abc", "/compte/connexion", "/conditions", "/confidentialite", "/commerces/epicerie-du-duche/conditions"];
        for (paths, script) in [(&browse[..], "/vitrine.js"), (&order[..], "/commande.js")] {
            for path in paths {
                let reply = app.get(path).await;
                assert_eq!(reply.status, 200, "{path}");
                assert!(reply.content_type.starts_with("text/html"), "{path}: {}", reply.content_type);
                assert!(reply.body.contains(script), "{path} should load {script}: {}", reply.body);
            }
        }
    }

    async fn api_docs_and_document_are_served(app) {
        let json = app.get("/api/openapi.json").await;
        assert_eq!(json.status, 200);
        let document: serde_json::Value = json.json();
        assert!(document["paths"]["/api/v1/shops"]["get"].is_object());
        let yaml = app.get("/api/openapi.yaml").await;
        assert_eq!(yaml.status, 200);
        assert!(yaml.body.contains("/api/v1/categories:"));
        for path in ["/api/docs/", "/api/docs"] {
            let docs = app.get(path).await;
            assert_eq!(docs.status, 200, "{path}");
            assert!(docs.body.contains("swagger-ui"), "{path}: {}", docs.body);
        }
        let docs = app.get("/api/docs/").await;
        // The UI's files come from the binary, not from a CDN.
        assert!(!docs.body.contains("https://"), "{}", docs.body);
    }

    async fn the_ceiling_endpoint_answers_a_fixed_body(app) {
        let reply = app.get("/api/v1/ping").await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body, r#"{"pong":true}"#);
    }
}

#[actix_web::test]
async fn the_demo_data_is_the_same_on_every_load() {
    use crate::helpers::{Backend, spawn_app};
    let first = spawn_app(Backend::Sqlite).await.expect("app");
    let second = spawn_app(Backend::Sqlite).await.expect("app");
    for path in [
        "/api/v1/shops?per_page=100",
        "/api/v1/categories?per_page=100",
    ] {
        let (a, b) = (first.get(path).await, second.get(path).await);
        assert_eq!(a.status, 200);
        assert_eq!(a.body, b.body, "{path} differs between two demo loads");
    }
}

#[actix_web::test]
async fn without_demo_the_marketplace_starts_empty() {
    use crate::helpers::{AppOptions, Backend, spawn_app_with};
    let app = spawn_app_with(Backend::Sqlite, AppOptions { demo: false })
        .await
        .expect("app");
    let page: shared::Page<shared::catalogue::ShopSummary> = app.list_shops("").await.json();
    assert_eq!(page.total, 0);
    assert!(page.items.is_empty());
}
