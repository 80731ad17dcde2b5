//! A shop's back-office for its products: who may use it, edits the catalogue reflects,
//! pictures, and the CSV import and export.

use std::io::Cursor;

use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::auth::Session;
use shared::cart::Cart;
use shared::catalogue::{Product, StockState};
use shared::shop_products::{ImportAction, ImportReport, ProductStatus, ShopLogo, ShopProduct};

use crate::helpers::{Reply, TestApp};
use crate::on_both_backends;

const PASSWORD: &str = "vitrine-demo-2026";
const SHOP: &str = "epicerie-du-duche";
/// The secret of an API key of a shop the demo merchant does not run.
const OTHER_KEY: &str = "vtr_other_shop_key_0123456789abcdef";
/// The secret of an API key of the demo merchant's grocery.
const OWN_KEY: &str = "vtr_own_shop_key_0123456789abcdef";

/// A response read as bytes (pictures, CSV files).
struct Raw {
    status: u16,
    content_type: String,
    cache_control: String,
    bytes: Vec<u8>,
}

impl TestApp {
    /// Any request with an optional bearer token and a raw body.
    async fn bo_send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        content_type: &str,
        body: Vec<u8>,
    ) -> Raw {
        let mut request = self.client.request(method, self.url(path));
        if !content_type.is_empty() {
            request = request.header("Content-Type", content_type);
        }
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.body(body).send().await.expect("request");
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let (content_type, cache_control) = (
            header(reqwest::header::CONTENT_TYPE),
            header(reqwest::header::CACHE_CONTROL),
        );
        Raw {
            status: response.status().as_u16(),
            content_type,
            cache_control,
            bytes: response.bytes().await.expect("body").to_vec(),
        }
    }

    /// A JSON (or empty) request, read as a `Reply`.
    async fn bo(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let (content_type, bytes) = match body {
            Some(body) => ("application/json", body.to_string().into_bytes()),
            None => ("", Vec::new()),
        };
        let raw = self.bo_send(method, path, token, content_type, bytes).await;
        Reply {
            status: raw.status,
            content_type: raw.content_type,
            etag: None,
            cache_control: Some(raw.cache_control),
            body: String::from_utf8_lossy(&raw.bytes).into_owned(),
        }
    }

    async fn bo_token(&self, email: &str) -> String {
        let reply = self.login(email, PASSWORD).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json::<Session>().access_token
    }

    /// Tokens of a merchant of another shop and of a customer, and API keys of this shop
    /// and of another one.
    async fn strangers(&self) -> (String, String) {
        let reply = self
            .post_json(
                "/api/v1/auth/register",
                &json!({"email": "autre@example.fr", "password": PASSWORD, "name": "Autre marchand"}),
                None,
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let other_shop = format!(
            "(SELECT id FROM shops WHERE slug NOT IN ('{SHOP}', 'chaussures-fabre') ORDER BY id LIMIT 1)"
        );
        self.execute_sql(&format!(
            "UPDATE users SET role = 'merchant' WHERE email = 'autre@example.fr';
             INSERT INTO shop_members (shop_id, user_id)
                 SELECT {other_shop}, id FROM users WHERE email = 'autre@example.fr';
             INSERT INTO api_keys (shop_id, name, key_hash, prefix, created_at)
                 VALUES ({other_shop}, 'caisse', '{}', 'vtr_othe', CURRENT_TIMESTAMP);
             INSERT INTO api_keys (shop_id, name, key_hash, prefix, created_at)
                 SELECT id, 'caisse', '{}', 'vtr_own_', CURRENT_TIMESTAMP FROM shops WHERE slug = '{SHOP}';",
            vitrine::auth::token_hash(OTHER_KEY),
            vitrine::auth::token_hash(OWN_KEY),
        ));
        (
            self.bo_token("autre@example.fr").await,
            self.bo_token("client@vitrine.demo").await,
        )
    }

    async fn shop_products(&self, token: &str, query: &str) -> Page<ShopProduct> {
        let reply = self
            .bo(
                Method::GET,
                &format!("/api/v1/shops/{SHOP}/products?{query}"),
                Some(token),
                None,
            )
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    async fn shop_product(&self, token: &str, id: i64) -> ShopProduct {
        self.shop_products(token, "per_page=100&page=1")
            .await
            .items
            .into_iter()
            .chain(self.shop_products(token, "per_page=100&page=2").await.items)
            .chain(self.shop_products(token, "per_page=100&page=3").await.items)
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no product {id} in the shop"))
    }

    async fn create_product(&self, token: &str, body: Value) -> ShopProduct {
        let reply = self
            .bo(
                Method::POST,
                &format!("/api/v1/shops/{SHOP}/products"),
                Some(token),
                Some(body),
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json()
    }

    async fn export_csv(&self, token: &str) -> Vec<u8> {
        let raw = self
            .bo_send(
                Method::GET,
                &format!("/api/v1/shops/{SHOP}/products/export"),
                Some(token),
                "",
                Vec::new(),
            )
            .await;
        assert_eq!(raw.status, 200);
        assert_eq!(raw.content_type, "text/csv; charset=utf-8");
        raw.bytes
    }

    async fn import_csv(&self, token: &str, file: Vec<u8>, dry_run: bool) -> (u16, ImportReport) {
        let raw = self
            .bo_send(
                Method::POST,
                &format!("/api/v1/shops/{SHOP}/products/import?dry_run={dry_run}"),
                Some(token),
                "text/csv",
                file,
            )
            .await;
        let body = String::from_utf8_lossy(&raw.bytes).into_owned();
        let report = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
        (raw.status, report)
    }
}

fn new_product() -> Value {
    json!({"name": "Crème Zéphyrine", "description": "Pot de 350 g.", "price_cents": 690,
           "vat_rate": 5.5, "stock": 10, "category": "epicerie"})
}

/// A PNG of this size, made here.
fn png(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            u8::try_from(x % 256).unwrap(),
            u8::try_from(y % 256).unwrap(),
            90,
        ])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

fn size_of_jpeg(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(
        image::guess_format(bytes).unwrap(),
        image::ImageFormat::Jpeg
    );
    let picture = image::load_from_memory(bytes).unwrap();
    (picture.width(), picture.height())
}

on_both_backends! {
    async fn strangers_get_401_or_404_from_every_back_office_route_and_change_nothing(app) {
        let merchant = app.bo_token("marchand@vitrine.demo").await;
        let (other_merchant, customer) = app.strangers().await;
        let before = app.shop_products(&merchant, "per_page=100").await;
        let product = before.items[0].clone();
        let id = product.id;
        let csv = "nom;prix;tva;categorie\nIntrus;1,00;5,5;epicerie\n".as_bytes().to_vec();
        let routes: Vec<(Method, String, &str, Vec<u8>)> = vec![
            (Method::GET, format!("/api/v1/shops/{SHOP}/products"), "", vec![]),
            (Method::POST, format!("/api/v1/shops/{SHOP}/products"), "application/json", new_product().to_string().into_bytes()),
            (Method::PATCH, format!("/api/v1/products/{id}"), "application/json", br#"{"price_cents": 1, "stock": 0}"#.to_vec()),
            (Method::POST, format!("/api/v1/products/{id}/publish"), "", vec![]),
            (Method::POST, format!("/api/v1/products/{id}/unpublish"), "", vec![]),
            (Method::POST, format!("/api/v1/products/{id}/archive"), "", vec![]),
            (Method::PUT, format!("/api/v1/products/{id}/picture"), "image/png", png(40, 30)),
            (Method::DELETE, format!("/api/v1/products/{id}/picture"), "", vec![]),
            (Method::PUT, format!("/api/v1/shops/{SHOP}/logo"), "image/png", png(40, 30)),
            (Method::DELETE, format!("/api/v1/shops/{SHOP}/logo"), "", vec![]),
            (Method::GET, format!("/api/v1/shops/{SHOP}/products/export"), "", vec![]),
            (Method::POST, format!("/api/v1/shops/{SHOP}/products/import"), "text/csv", csv.clone()),
        ];
        for (method, path, content_type, body) in &routes {
            let anonymous = app.bo_send(method.clone(), path, None, content_type, body.clone()).await;
            assert_eq!((anonymous.status, anonymous.content_type.as_str()), (401, "application/problem+json"), "anonymous {method} {path}");
            for (who, token) in [("customer", customer.as_str()), ("other merchant", other_merchant.as_str()), ("other key", OTHER_KEY)] {
                let reply = app.bo_send(method.clone(), path, Some(token), content_type, body.clone()).await;
                assert_eq!((reply.status, reply.content_type.as_str()), (404, "application/problem+json"), "{who} {method} {path}");
            }
        }
        let after = app.shop_products(&merchant, "per_page=100").await;
        assert_eq!(after.total, before.total, "nothing was created");
        assert_eq!(app.shop_product(&merchant, id).await, product, "the product is untouched");
        let logo = app.bo_send(Method::GET, &format!("/api/v1/shops/{SHOP}/logo"), None, "", vec![]).await;
        assert_eq!(logo.content_type, "image/svg+xml", "no logo was uploaded");

        // The shop's own key and the association's admin may.
        let admin = app.bo_token("admin@vitrine.demo").await;
        for token in [OWN_KEY, admin.as_str()] {
            assert_eq!(app.shop_products(token, "per_page=1").await.total, before.total);
        }
        let edited = app.bo(Method::PATCH, &format!("/api/v1/products/{id}"), Some(OWN_KEY), Some(json!({"stock": 7}))).await;
        assert_eq!(edited.status, 200, "{}", edited.body);
        assert_eq!(edited.json::<ShopProduct>().stock, Some(7));
        let other_shop_list = app.bo(Method::GET, "/api/v1/shops/chaussures-fabre/products", Some(OWN_KEY), None).await;
        other_shop_list.problem(404, "not_found");
        app.bo(Method::GET, &format!("/api/v1/shops/{SHOP}/products"), Some("vtr_not_a_key"), None).await.problem(401, "unauthorized");
    }

    async fn a_merchant_creates_edits_publishes_and_archives_and_the_catalogue_follows(app) {
        let merchant = app.bo_token("marchand@vitrine.demo").await;
        let created = app.create_product(&merchant, new_product()).await;
        assert_eq!((created.status, created.price_cents, created.vat_rate, created.stock), (ProductStatus::Draft, 690, 5.5, Some(10)));
        assert_eq!((created.name.as_str(), created.slug.as_str(), created.category.as_str()), ("Crème Zéphyrine", "creme-zephyrine", "epicerie"));
        let public = format!("/api/v1/products/{}", created.id);
        app.get(&public).await.problem(404, "not_found");
        let listed = app.shop_products(&merchant, "status=draft&q=zephyrine").await;
        assert_eq!(listed.items.iter().map(|p| p.id).collect::<Vec<_>>(), [created.id]);

        let published = app.bo(Method::POST, &format!("{public}/publish"), Some(&merchant), None).await;
        assert_eq!(published.json::<ShopProduct>().status, ProductStatus::Active);
        let shown: Product = app.get(&public).await.json();
        assert_eq!((shown.price_cents, shown.stock), (690, StockState::InStock));
        let cards = app.list_products("q=zephyrine&per_page=100").await.body;
        assert!(cards.contains("Crème Zéphyrine"), "{cards}");

        // The catalogue is cached: an edit must show at once.
        let edited = app.bo(Method::PATCH, &public, Some(&merchant), Some(json!({"price_cents": 750}))).await;
        assert_eq!(edited.status, 200, "{}", edited.body);
        let shown: Product = app.get(&public).await.json();
        assert_eq!(shown.price_cents, 750);
        let stock = app.bo(Method::PATCH, &public, Some(&merchant), Some(json!({"stock": 2}))).await.json::<ShopProduct>();
        assert_eq!((stock.stock, stock.price_cents), (Some(2), 750), "a stock edit leaves the price");
        assert_eq!(app.get(&public).await.json::<Product>().stock, StockState::Low);
        let untracked = app.bo(Method::PATCH, &public, Some(&merchant), Some(json!({"stock": null}))).await.json::<ShopProduct>();
        assert_eq!(untracked.stock, None);
        let renamed = app.bo(Method::PATCH, &public, Some(&merchant), Some(json!({"name": "Crème Zéphyrine d'Ardèche", "vat_rate": 20}))).await.json::<ShopProduct>();
        assert_eq!((renamed.stock, renamed.vat_rate, renamed.slug.as_str()), (None, 20.0, "creme-zephyrine"), "absent stock stays untracked; the slug stays");
        assert_eq!(app.get(&public).await.json::<Product>().name, "Crème Zéphyrine d'Ardèche");

        // Archived: gone from the catalogue and unavailable in a basket holding it.
        let cart = app.create_cart().await.id;
        assert_eq!(app.add_to_cart(&cart, created.id, 1).await.status, 200);
        let archived = app.bo(Method::POST, &format!("{public}/archive"), Some(&merchant), None).await;
        assert_eq!(archived.json::<ShopProduct>().status, ProductStatus::Archived);
        app.get(&public).await.problem(404, "not_found");
        let cart: Cart = app.get_cart(&cart).await;
        assert!(!cart.groups[0].lines[0].available, "an archived product cannot be bought");
        assert_eq!(app.shop_products(&merchant, "status=archived").await.items[0].id, created.id);

        // Transitions that make no sense are 409 and change nothing.
        app.bo(Method::POST, &format!("{public}/publish"), Some(&merchant), None).await.problem(409, "conflict");
        app.bo(Method::POST, &format!("{public}/archive"), Some(&merchant), None).await.problem(409, "conflict");
        let draft = app.bo(Method::POST, &format!("{public}/unpublish"), Some(&merchant), None).await.json::<ShopProduct>();
        assert_eq!(draft.status, ProductStatus::Draft);
        app.bo(Method::POST, &format!("{public}/unpublish"), Some(&merchant), None).await.problem(409, "conflict");
        app.bo(Method::POST, &format!("{public}/publish"), Some(&merchant), None).await;
        app.bo(Method::POST, &format!("{public}/publish"), Some(&merchant), None).await.problem(409, "conflict");
        assert_eq!(app.get(&public).await.json::<Product>().price_cents, 750, "on sale again");
        app.bo(Method::POST, "/api/v1/products/999999/publish", Some(&merchant), None).await.problem(404, "not_found");
    }

    async fn bad_product_payloads_are_refused_with_the_field_named_and_change_nothing(app) {
        let merchant = app.bo_token("marchand@vitrine.demo").await;
        let before = app.shop_products(&merchant, "per_page=1").await.total;
        let path = format!("/api/v1/shops/{SHOP}/products");
        for extra in ["price", "status", "shop"] {
            let mut body = new_product();
            body[extra] = json!("x");
            app.bo(Method::POST, &path, Some(&merchant), Some(body)).await.problem(400, "malformed_body");
        }
        // Malformed (400), then well-formed but refused by the shop or the categories (422).
        let cases: Vec<(Value, u16, Vec<&str>)> = vec![
            (json!({"vat_rate": 19.6}), 400, vec!["vat_rate"]),
            (json!({"price_cents": -100}), 400, vec!["price_cents"]),
            (json!({"price_cents": 0, "stock": -1}), 400, vec!["price_cents", "stock"]),
            (json!({"name": "  "}), 400, vec!["name"]),
            (json!({"vat_rate": 0}), 422, vec!["vat_rate"]),
            (json!({"category": "no-such-category"}), 422, vec!["category"]),
        ];
        for (change, status, fields) in cases {
            let mut body = new_product();
            for (key, value) in change.as_object().unwrap() {
                body[key] = value.clone();
            }
            let reply = app.bo(Method::POST, &path, Some(&merchant), Some(body.clone())).await;
            let fields_named = if status == 400 { reply.invalid_fields() } else { reply.refused_fields() };
            assert_eq!(fields_named, fields, "{body}");
        }
        assert_eq!(app.shop_products(&merchant, "per_page=1").await.total, before, "nothing was created");

        let product = app.shop_products(&merchant, "per_page=1").await.items[0].clone();
        let patch = format!("/api/v1/products/{}", product.id);
        for body in [json!({"status": "archived"}), json!({"price": 1}), json!({"shop": "chaussures-fabre"})] {
            app.bo(Method::PATCH, &patch, Some(&merchant), Some(body)).await.problem(400, "malformed_body");
        }
        assert_eq!(app.bo(Method::PATCH, &patch, Some(&merchant), Some(json!({"stock": -3, "vat_rate": 7}))).await.invalid_fields(), ["vat_rate", "stock"]);
        assert_eq!(app.shop_product(&merchant, product.id).await, product, "the product is untouched");
        assert_eq!(app.bo(Method::GET, &format!("{path}?status=sold"), Some(&merchant), None).await.invalid_fields(), ["status"]);
        assert_eq!(app.bo(Method::GET, &format!("{path}?per_page=500"), Some(&merchant), None).await.invalid_fields(), ["per_page"]);
    }

    async fn an_uploaded_picture_is_served_as_jpeg_in_two_sizes_under_a_new_url(app) {
        let merchant = app.bo_token("marchand@vitrine.demo").await;
        let product = app.product_in(SHOP, 0).await;
        let path = format!("/api/v1/products/{}/picture", product.id);
        assert!(!product.picture_url.contains("v="));

        let uploaded = app.bo_send(Method::PUT, &path, Some(&merchant), "image/png", png(1200, 900)).await;
        assert_eq!(uploaded.status, 200, "{}", String::from_utf8_lossy(&uploaded.bytes));
        let uploaded: ShopProduct = serde_json::from_slice(&uploaded.bytes).unwrap();
        assert!(uploaded.has_picture);
        assert_eq!(uploaded.picture_url, format!("{path}?v=1"));
        let shown: Product = app.get(&format!("/api/v1/products/{}", product.id)).await.json();
        assert_eq!((shown.picture_url.as_str(), shown.thumbnail_url.as_str()), (uploaded.picture_url.as_str(), uploaded.thumbnail_url.as_str()), "the catalogue gives the new URLs");

        let display = app.bo_send(Method::GET, &shown.picture_url, None, "", vec![]).await;
        assert_eq!((display.status, display.content_type.as_str()), (200, "image/jpeg"));
        assert_eq!(size_of_jpeg(&display.bytes), (800, 600));
        assert!(display.cache_control.contains("immutable"), "{}", display.cache_control);
        let thumb = app.bo_send(Method::GET, &shown.thumbnail_url, None, "", vec![]).await;
        assert_eq!(size_of_jpeg(&thumb.bytes), (240, 180));
        let unversioned = app.bo_send(Method::GET, &path, None, "", vec![]).await;
        assert_eq!((unversioned.content_type.as_str(), unversioned.cache_control.as_str()), ("image/jpeg", "public, no-cache"));

        // Bad uploads are clear 4xx and change nothing.
        let text = app.bo_send(Method::PUT, &path, Some(&merchant), "image/png", b"I am not a picture, only text".to_vec()).await;
        assert_eq!((text.status, text.content_type.as_str()), (400, "application/problem+json"));
        let declared = app.bo_send(Method::PUT, &path, Some(&merchant), "text/plain", png(10, 10)).await;
        assert_eq!((declared.status, declared.content_type.as_str()), (415, "application/problem+json"));
        let mut huge = png(64, 64);
        huge.resize(5 * 1024 * 1024 + 1, 0);
        let oversized = app.bo_send(Method::PUT, &path, Some(&merchant), "image/png", huge).await;
        assert_eq!((oversized.status, oversized.content_type.as_str()), (413, "application/problem+json"));
        assert_eq!(app.shop_product(&merchant, product.id).await.picture_url, format!("{path}?v=1"));

        // Removed: the generated picture is back, under another URL.
        assert_eq!(app.bo_send(Method::DELETE, &path, Some(&merchant), "", vec![]).await.status, 204);
        let shown: Product = app.get(&format!("/api/v1/products/{}", product.id)).await.json();
        assert_eq!(shown.picture_url, format!("{path}?v=2"));
        assert_eq!(app.bo_send(Method::GET, &shown.picture_url, None, "", vec![]).await.content_type, "image/svg+xml");

        // A draft's picture is its shop's business.
        let draft = app.create_product(&merchant, new_product()).await;
        let draft_picture = format!("/api/v1/products/{}/picture", draft.id);
        assert_eq!(app.bo_send(Method::PUT, &draft_picture, Some(&merchant), "image/png", png(300, 300)).await.status, 200);
        assert_eq!(app.bo_send(Method::GET, &draft_picture, None, "", vec![]).await.status, 404);
        let own = app.bo_send(Method::GET, &draft_picture, Some(&merchant), "", vec![]).await;
        assert_eq!((own.status, own.content_type.as_str(), own.cache_control.as_str()), (200, "image/jpeg", "private, no-cache"));

        // The shop's logo.
        let logo = app.bo_send(Method::PUT, &format!("/api/v1/shops/{SHOP}/logo"), Some(&merchant), "image/webp", png(500, 1000)).await;
        assert_eq!(logo.status, 200, "{}", String::from_utf8_lossy(&logo.bytes));
        let logo: ShopLogo = serde_json::from_slice(&logo.bytes).unwrap();
        let thumb = app.bo_send(Method::GET, &logo.thumbnail_url, None, "", vec![]).await;
        assert_eq!(size_of_jpeg(&thumb.bytes), (120, 240));
        let unversioned = app.bo_send(Method::GET, &format!("/api/v1/shops/{SHOP}/logo"), None, "", vec![]).await;
        assert_eq!(size_of_jpeg(&unversioned.bytes), (400, 800));
        assert_eq!(app.bo_send(Method::DELETE, &format!("/api/v1/shops/{SHOP}/logo"), Some(&merchant), "", vec![]).await.status, 204);
        assert_eq!(app.bo_send(Method::GET, &format!("/api/v1/shops/{SHOP}/logo"), None, "", vec![]).await.content_type, "image/svg+xml");
    }

    async fn a_csv_export_imported_back_changes_nothing(app) {
        let merchant = app.bo_token("marchand@vitrine.demo").await;
        app.create_product(&merchant, json!({"name": "Olives; \"cassées\"", "description": "Deux lignes\net un point-virgule ;",
            "price_cents": 1205, "vat_rate": 5.5, "stock": null, "category": "epicerie"})).await;
        let before = app.shop_products(&merchant, "per_page=100").await;
        let file = app.export_csv(&merchant).await;
        assert!(file.starts_with("\u{feff}id;nom;description;prix;tva;stock;categorie;statut;version;retractation;froid".as_bytes()));
        let text = String::from_utf8(file.clone()).unwrap();
        assert!(text.contains(";12,05;5,5;;epicerie;brouillon"), "{text}");

        for dry_run in [true, false] {
            let (status, report) = app.import_csv(&merchant, file.clone(), dry_run).await;
            assert_eq!(status, 200);
            assert!(report.errors.is_empty(), "{:?}", report.errors);
            assert_eq!((report.created, report.updated, report.unchanged), (0, 0, before.total), "{:?}", report.lines.iter().filter(|l| l.action != ImportAction::Unchanged).collect::<Vec<_>>());
        }
        assert_eq!(app.shop_products(&merchant, "per_page=100").await, before, "nothing changed");
    }

    async fn csv_imports_accept_utf8_and_windows_1252_with_either_separator(app) {
        let merchant = app.bo_token("marchand@vitrine.demo").await;
        let existing = app.shop_products(&merchant, "per_page=2").await;
        let (first, second) = (&existing.items[0], &existing.items[1]);
        let utf8 = format!(
            "\u{feff}id;nom;prix;tva;stock;categorie\n{};{};99,90;{};4;{}\n;Crème Zéphyrine;6,90;5,5;;epicerie\n",
            first.id, first.name, first.vat_rate.to_string().replace('.', ","), first.category
        );
        let (status, dry) = app.import_csv(&merchant, utf8.clone().into_bytes(), true).await;
        assert_eq!(status, 200);
        assert!(dry.dry_run && dry.errors.is_empty(), "{:?}", dry.errors);
        assert_eq!((dry.created, dry.updated, dry.unchanged), (1, 1, 0));
        let changes: Vec<(&str, Option<&str>, &str)> = dry.lines[0].changes.iter().map(|c| (c.field.as_str(), c.from.as_deref(), c.to.as_str())).collect();
        assert!(changes.contains(&("prix", Some(product_price(first).as_str()), "99,90")), "{changes:?}");
        assert_eq!(app.shop_product(&merchant, first.id).await, *first, "a dry run changes nothing");

        let (status, applied) = app.import_csv(&merchant, utf8.into_bytes(), false).await;
        assert_eq!((status, applied.dry_run, applied.created, applied.updated), (200, false, 1, 1));
        let updated = app.shop_product(&merchant, first.id).await;
        assert_eq!((updated.price_cents, updated.stock), (9990, Some(4)));
        let created = app.shop_products(&merchant, "q=zephyrine").await.items;
        assert_eq!(created.len(), 1);
        assert_eq!((created[0].name.as_str(), created[0].price_cents, created[0].stock, created[0].status), ("Crème Zéphyrine", 690, None, ProductStatus::Draft));

        // What a French spreadsheet saves: Windows-1252, here with commas and quoted prices.
        let latin = format!(
            "id,nom,prix,tva,categorie,statut\n{},\"Pâté en croûte, maison\",\"12,50\",\"5,5\",epicerie,en vente\n,Pain d'épices Quiberonne,4.2,5.5,epicerie,\n",
            second.id
        );
        let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&latin);
        assert!(!lossy);
        assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
        let (status, report) = app.import_csv(&merchant, bytes.into_owned(), false).await;
        assert_eq!(status, 200, "{:?}", report.errors);
        let renamed = app.shop_product(&merchant, second.id).await;
        assert_eq!((renamed.name.as_str(), renamed.price_cents, renamed.vat_rate, renamed.status), ("Pâté en croûte, maison", 1250, 5.5, ProductStatus::Active));
        let shown: Product = app.get(&format!("/api/v1/products/{}", second.id)).await.json();
        assert_eq!((shown.name.as_str(), shown.price_cents), ("Pâté en croûte, maison", 1250), "the catalogue shows the import");
        let spice = app.shop_products(&merchant, "q=quiberonne").await.items;
        assert_eq!((spice[0].name.as_str(), spice[0].price_cents), ("Pain d'épices Quiberonne", 420));

        let wrong_type = app.bo_send(Method::POST, &format!("/api/v1/shops/{SHOP}/products/import"), Some(&merchant), "application/json", b"{}".to_vec()).await;
        assert_eq!(wrong_type.status, 415);
    }

    async fn a_csv_carries_the_withdrawal_exception_and_keep_cold(app) {
        use shared::legal::WithdrawalException;
        let merchant = app.bo_token("marchand@vitrine.demo").await;
        let listed = app.shop_products(&merchant, "per_page=2").await;
        let (first, second) = (listed.items[0].id, listed.items[1].id);
        let patch = json!({"withdrawal_exception": "perishable", "keep_cold": true});
        let reply = crate::helpers::call(&app, Method::PATCH, &format!("/products/{first}"), Some(&merchant), Some(&patch)).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let text = String::from_utf8(app.export_csv(&merchant).await).unwrap();
        assert!(text.starts_with("\u{feff}id;nom;description;prix;tva;stock;categorie;statut;version;retractation;froid;variante;reference;ean;quantite_nette\r\n"), "{text}");
        let line = text.lines().find(|l| l.starts_with(&format!("{first};"))).unwrap();
        assert!(line.contains(";périssable;oui;"), "{line}");
        let line = text.lines().find(|l| l.starts_with(&format!("{second};"))).unwrap();
        assert!(line.contains(";aucune;non;"), "{line}");

        // A file without the columns leaves them as they are.
        let (status, report) = app.import_csv(&merchant, format!("id;stock\n{first};7\n").into_bytes(), false).await;
        assert_eq!((status, report.updated), (200, 1), "{:?}", report.errors);
        let kept = app.shop_product(&merchant, first).await;
        assert_eq!((kept.stock, kept.withdrawal_exception, kept.keep_cold), (Some(7), WithdrawalException::Perishable, true));

        // The file sets them, on an update and on a creation.
        let file = format!("id;nom;prix;tva;categorie;retractation;froid\n{second};;;;;sur mesure;oui\n;Savon de Marseille scellé;4,50;20;epicerie;hygiène;non\n");
        let file = file.replace(&format!("{second};;;;;"), &format!("{second};{};{};{};{};", listed.items[1].name, product_price(&listed.items[1]), listed.items[1].vat_rate.to_string().replace('.', ","), listed.items[1].category));
        let (status, report) = app.import_csv(&merchant, file.into_bytes(), false).await;
        assert_eq!((status, report.created, report.updated), (200, 1, 1), "{:?}", report.errors);
        let changed = app.shop_product(&merchant, second).await;
        assert_eq!((changed.withdrawal_exception, changed.keep_cold), (WithdrawalException::MadeToOrder, true));
        let soap = app.shop_products(&merchant, "q=marseille").await.items;
        assert_eq!((soap[0].withdrawal_exception, soap[0].keep_cold), (WithdrawalException::SealedHygiene, false));

        // Bad values: named with their line and column; nothing is applied.
        let before = app.shop_products(&merchant, "per_page=100").await;
        let bad = format!("id;retractation;froid\n{first};abîmé;non\n{second};aucune;peut-être\n");
        let (status, report) = app.import_csv(&merchant, bad.into_bytes(), false).await;
        assert_eq!(status, 422);
        let errors: Vec<(u64, &str)> = report.errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(errors, [(2, "retractation"), (3, "froid")], "{:?}", report.errors);
        assert!(report.errors[0].message.contains("périssable"), "{}", report.errors[0].message);
        assert_eq!(app.shop_products(&merchant, "per_page=100").await, before, "nothing was applied");
    }

    async fn a_csv_with_bad_lines_reports_each_and_imports_nothing(app) {
        let merchant = app.bo_token("marchand@vitrine.demo").await;
        let before = app.shop_products(&merchant, "per_page=100").await;
        let first = &before.items[0];
        let other_shop_product = app.product_in("chaussures-fabre", 0).await;
        let file = format!(
            "id;nom;prix;tva;categorie\n\
             {};Nouveau nom;1,00;{};{}\n\
             ;Sans prix;;5,5;epicerie\n\
             ;Bon produit;3,00;5,5;epicerie\n\
             ;Mauvais;3,00;7;nulle-part\n\
             {};Pas à nous;3,00;20;epicerie\n",
            first.id, first.vat_rate.to_string().replace('.', ","), first.category, other_shop_product.id
        );
        for dry_run in [true, false] {
            let (status, report) = app.import_csv(&merchant, file.clone().into_bytes(), dry_run).await;
            assert_eq!(status, if dry_run { 200 } else { 422 });
            let errors: Vec<(u64, &str)> = report.errors.iter().map(|e| (e.line, e.field.as_str())).collect();
            assert_eq!(errors, [(3, "prix"), (5, "tva"), (5, "categorie"), (6, "id")], "{:?}", report.errors);
        }
        assert_eq!(app.shop_products(&merchant, "per_page=100").await, before, "nothing was applied");
    }
}

/// A product's price as the CSV writes it.
fn product_price(product: &ShopProduct) -> String {
    format!(
        "{},{:02}",
        product.price_cents / 100,
        product.price_cents % 100
    )
}
