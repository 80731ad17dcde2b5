//! How answers travel (issue 16): API answers compressed as `Accept-Encoding` asks (but not
//! the live orders stream, which must flush each event), and `HEAD` wherever `GET` is.

use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{call, token_of};
use crate::on_both_backends;

const SHOP: &str = "epicerie-du-duche";

on_both_backends! {
    async fn api_answers_are_compressed_as_asked_and_the_live_stream_is_not(app) {
        let url = app.url("/api/v1/products?per_page=24");
        let plain = app.client.get(&url).send().await.unwrap();
        assert_eq!(plain.headers().get("content-encoding"), None, "nothing asked, nothing compressed");
        let plain_len = plain.bytes().await.unwrap().len();
        for (asked, given) in [("gzip", "gzip"), ("br", "br"), ("gzip, deflate, br", "br")] {
            let reply = app.client.get(&url).header("Accept-Encoding", asked).send().await.unwrap();
            assert_eq!(reply.status(), 200);
            assert_eq!(reply.headers()["content-encoding"], given, "{asked}");
            assert!(reply.headers()["vary"].to_str().unwrap().to_ascii_lowercase().contains("accept-encoding"));
            let compressed = reply.bytes().await.unwrap().len();
            assert!(compressed * 3 < plain_len, "{asked}: {compressed} bytes against {plain_len}");
        }

        // The live stream: its first chunk arrives at once, uncompressed, even when asked.
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let mut stream = app.client.get(app.url(&format!("/api/v1/shops/{SHOP}/orders/events")))
            .bearer_auth(&merchant)
            .header("Accept", "text/event-stream")
            .header("Accept-Encoding", "gzip, br")
            .send().await.unwrap();
        assert_eq!(stream.status(), 200);
        assert_eq!(stream.headers().get("content-encoding"), None);
        let first = actix_web::rt::time::timeout(Duration::from_secs(5), stream.chunk()).await
            .expect("the first event arrives at once").unwrap().unwrap();
        assert!(String::from_utf8_lossy(&first).contains(": connected"), "{first:?}");
    }

    async fn head_is_answered_wherever_get_is(app) {
        for path in ["/api/v1/products?per_page=5", &format!("/api/v1/shops/{SHOP}"), "/api/v1/categories", "/healthz", "/api/openapi.yaml", "/"] {
            let get = app.client.get(app.url(path)).send().await.unwrap();
            let head = app.client.head(app.url(path)).send().await.unwrap();
            assert_eq!(head.status(), get.status(), "{path}");
            assert_eq!(get.status(), 200, "{path}");
            assert_eq!(head.headers().get("content-type"), get.headers().get("content-type"), "{path}");
            let length = get.headers().get("content-length").cloned();
            assert!(head.bytes().await.unwrap().is_empty(), "{path}: HEAD has no body");
            if let Some(length) = length {
                assert_eq!(Some(&length), app.client.head(app.url(path)).send().await.unwrap().headers().get("content-length"), "{path}");
            }
        }
        // Not a way around what GET refuses: the merchant's orders stay closed to strangers.
        let head = app.client.head(app.url(&format!("/api/v1/shops/{SHOP}/orders"))).send().await.unwrap();
        assert_eq!(head.status(), 401);
    }
}

on_both_backends! {
    async fn the_sitemap_lists_what_is_on_sale_and_robots_points_to_it(app) {
        let robots = app.client.get(app.url("/robots.txt")).send().await.unwrap();
        assert_eq!(robots.status(), 200);
        let robots = robots.text().await.unwrap();
        assert!(robots.contains(&format!("Sitemap: {}/sitemap.xml", app.address)), "{robots}");
        assert!(robots.contains("Disallow: /gestion") && robots.contains("Disallow: /compte"), "{robots}");

        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let on_sale = app.product_in(SHOP, 1).await.id;
        // Another product of the shop than `on_sale`.
        let page: shared::Page<shared::catalogue::ProductCard> = app.list_products(&format!("shop={SHOP}&per_page=100")).await.json();
        let archived = page.items.iter().map(|p| p.id).find(|id| *id != on_sale).expect("two products");
        let reply = call(&app, Method::POST, &format!("/products/{archived}/archive"), Some(&merchant), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let draft = call(&app, Method::POST, &format!("/shops/{SHOP}/products"), Some(&merchant), Some(&json!({"name": "Brouillon de miel", "description": "Pot de 350 g.", "price_cents": 900, "vat_rate": 5.5, "stock": 10, "category": "epicerie"}))).await;
        assert_eq!(draft.status, 201, "{}", draft.body);
        let draft = draft.json::<Value>()["id"].as_i64().expect("the draft's id");
        let suspended_product = app.product_in("chaussures-fabre", 1).await.id;
        let reply = call(&app, Method::POST, "/admin/shops/chaussures-fabre/suspend", Some(&admin), Some(&json!({"reason": "Fermeture pour travaux"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);

        let reply = app.client.get(app.url("/sitemap.xml")).send().await.unwrap();
        assert_eq!(reply.status(), 200);
        assert!(reply.headers()["content-type"].to_str().unwrap().starts_with("application/xml"));
        let xml = reply.text().await.unwrap();
        assert!(xml.starts_with("<?xml") && xml.contains("<urlset"), "{xml}");
        let listed = |path: &str| xml.contains(&format!("<loc>{}{path}</loc>", app.address));
        assert!(listed(&format!("/produits/{on_sale}")), "an active product is listed");
        assert!(!listed(&format!("/produits/{archived}")), "not an archived one");
        assert!(!listed(&format!("/produits/{draft}")), "not a draft");
        assert!(listed(&format!("/commerces/{SHOP}")));
        assert!(!listed("/commerces/chaussures-fabre"), "not a suspended shop");
        assert!(!listed(&format!("/produits/{suspended_product}")), "nor its products");
        assert!(listed("/catalogue?categorie=epicerie"), "categories, the & escaped where there is one");
        assert!(!xml.contains("/gestion"));
        let bad = app.client.get(app.url("/sitemap.xml?partie=2")).send().await.unwrap();
        assert_eq!(bad.status(), 404, "one part only at the demo's size");
    }
}

on_both_backends! {
    async fn content_hashed_files_are_kept_a_year_and_nothing_else_is(app) {
        std::fs::write(app.static_dir().join("vitrine.0123abcdef.js"), "export default 1;\n").unwrap();
        std::fs::write(app.static_dir().join("style.0123abcdef.css"), "body { color: #222 }\n").unwrap();
        std::fs::write(app.static_dir().join("notes.js"), "export default 2;\n").unwrap();
        for path in ["/vitrine.0123abcdef.js", "/style.0123abcdef.css"] {
            let reply = app.client.get(app.url(path)).send().await.unwrap();
            assert_eq!(reply.status(), 200, "{path}");
            assert_eq!(reply.headers()["cache-control"], vitrine::transport::IMMUTABLE, "{path}");
        }
        // A file without a hash, a page shell, and a hashed name that is no file (it falls
        // back to the shell, which must never be kept): asked again each time.
        for path in ["/notes.js", "/", "/catalogue", "/vitrine.9999999999.js"] {
            let reply = app.client.get(app.url(path)).send().await.unwrap();
            assert_eq!(reply.headers()["cache-control"], "no-cache", "{path}");
        }
    }
}
