//! The printed directory of shops (issue 13): the PDF parses, the booklet folds (pages in a
//! multiple of 4), every active shop's name and phone can be read in it and its QR code
//! decodes to its page, a suspended or left-out shop is absent, the same data gives the
//! same bytes; the settings, the CSV, publication and the public copy; who may call what.

use std::collections::BTreeSet;

use reqwest::Method;
use serde_json::json;
use shared::Page;
use shared::catalogue::{Shop, ShopSummary};
use shared::directory::{DirectoryEdition, DirectorySettings};
use shared::shop_admin::{NewApiKey, ShopProfile};

use crate::helpers::{TestApp, call, token_of};
use crate::on_both_backends;

const ADMIN: &str = "admin@vitrine.demo";
const GROCER: &str = "epicerie-du-duche";

/// A response's status, content type and raw bytes.
async fn fetch(app: &TestApp, path: &str, token: Option<&str>) -> (u16, String, Vec<u8>) {
    let mut request = app.client.get(app.url(&format!("/api/v1{path}")));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (
        status,
        content_type,
        response.bytes().await.expect("body").to_vec(),
    )
}

/// The PDF of `format`, checked to be one.
async fn pdf(app: &TestApp, admin: &str, format: &str) -> Vec<u8> {
    let (status, content_type, body) = fetch(
        app,
        &format!("/admin/directory.pdf?format={format}"),
        Some(admin),
    )
    .await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    assert_eq!(content_type, "application/pdf");
    assert!(body.starts_with(b"%PDF-"));
    body
}

/// Every active shop of the public directory, with its phone.
async fn active_shops(app: &TestApp) -> Vec<Shop> {
    let reply = app.get("/api/v1/shops?per_page=100").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let mut shops = Vec::new();
    for summary in reply.json::<Page<ShopSummary>>().items {
        let reply = app.get(&format!("/api/v1/shops/{}", summary.slug)).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        shops.push(reply.json::<Shop>());
    }
    assert!(shops.len() > 10, "the demo has shops");
    shops
}

/// The words of a text, one space between them.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF's pages and all their text (read through the fonts' ToUnicode maps).
fn read_pdf(bytes: &[u8]) -> (usize, String) {
    let document = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).expect("text extraction");
    (pages.len(), flat(&text))
}

/// What every image of the PDF decodes to as a QR code.
fn qr_codes(bytes: &[u8]) -> Vec<String> {
    let document = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let mut found = Vec::new();
    for object in document.objects.values() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        let is_image = stream
            .dict
            .get(b"Subtype")
            .and_then(|s| s.as_name())
            .is_ok_and(|name| name == b"Image");
        if !is_image {
            continue;
        }
        let dimension = |key: &[u8]| {
            usize::try_from(
                stream
                    .dict
                    .get(key)
                    .and_then(|v| v.as_i64())
                    .expect("dimension"),
            )
            .expect("positive")
        };
        let (width, height) = (dimension(b"Width"), dimension(b"Height"));
        let pixels = stream.decompressed_content().expect("the image inflates");
        assert_eq!(pixels.len(), width * height, "8-bit gray, one byte a pixel");
        // One pixel per module in the PDF: scaled up for the detector.
        const SCALE: usize = 6;
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(width * SCALE, height * SCALE, |x, y| {
                pixels[(y / SCALE) * width + x / SCALE]
            });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code per image");
        let (_, content) = grids[0].decode().expect("the QR code decodes");
        found.push(content);
    }
    found
}

on_both_backends! {
    async fn the_booklet_lists_every_active_shop_with_a_qr_code_to_its_page(app) {
        let admin = token_of(&app, ADMIN).await;
        let shops = active_shops(&app).await;
        let bytes = pdf(&app, &admin, "a5").await;
        let (pages, text) = read_pdf(&bytes);
        assert_eq!(pages % 4, 0, "an A5 booklet folds: {pages} pages");
        assert!(pages >= 8, "{pages} pages");
        for shop in &shops {
            assert!(text.contains(&flat(&shop.name)), "{} missing", shop.name);
            assert!(text.contains(&shop.phone), "{}'s phone {} missing", shop.name, shop.phone);
        }
        assert!(text.contains("Comment ça marche"), "the cover explains");
        assert!(text.contains("le mardi et le vendredi"), "the food days, from the rules");
        assert!(text.contains("autres commerces le jeudi"), "the other days");
        assert!(text.contains("Index alphabétique"));
        assert!(text.contains("Données au "), "the footer dates the data");
        let base = app.notices.base_url().trim_end_matches('/').to_owned();
        let expected: BTreeSet<String> = shops
            .iter()
            .map(|shop| format!("{base}/commerces/{}?src=flyer", shop.slug))
            .collect();
        let decoded: BTreeSet<String> = qr_codes(&bytes).into_iter().collect();
        assert_eq!(decoded, expected, "one QR code per shop, to its page");
    }

    async fn the_imposed_booklet_has_two_pages_a_side_on_a4_landscape(app) {
        let admin = token_of(&app, ADMIN).await;
        let booklet = pdf(&app, &admin, "a5").await;
        let imposed = pdf(&app, &admin, "a5_imposed").await;
        let ((pages, text), (sides, imposed_text)) = (read_pdf(&booklet), read_pdf(&imposed));
        assert_eq!(sides * 2, pages, "two A5 pages a side");
        assert_eq!(sides % 2, 0, "both sides of each sheet");
        let document = lopdf::Document::load_mem(&imposed).expect("parses");
        let page = document.get_pages()[&1];
        let media_box = document.get_dictionary(page).expect("page").get(b"MediaBox").expect("box").as_array().expect("array").clone();
        let (width, height) = (media_box[2].as_float().expect("width"), media_box[3].as_float().expect("height"));
        assert!((width - 841.9).abs() < 1.0 && (height - 595.3).abs() < 1.0, "A4 landscape: {width} x {height}");
        // The first side carries the last page (the index) beside the cover.
        let first_side = flat(&document.extract_text(&[1]).expect("text"));
        assert!(first_side.contains("Index alphabétique") && first_side.contains("Comment ça marche"), "{first_side}");
        let mut words: Vec<&str> = text.split(' ').collect();
        let mut imposed_words: Vec<&str> = imposed_text.split(' ').collect();
        words.sort_unstable();
        imposed_words.sort_unstable();
        assert_eq!(words, imposed_words, "the same words, in another order");
        let (mut qr, mut imposed_qr) = (qr_codes(&booklet), qr_codes(&imposed));
        qr.sort();
        imposed_qr.sort();
        assert_eq!(qr, imposed_qr);
    }

    async fn the_same_data_gives_the_same_bytes(app) {
        let admin = token_of(&app, ADMIN).await;
        for format in ["a5", "a4", "a5_imposed"] {
            let (first, second) = (pdf(&app, &admin, format).await, pdf(&app, &admin, format).await);
            assert!(first == second, "{format}: two renders differ");
        }
        let poster = pdf(&app, &admin, "a4").await;
        let (pages, text) = read_pdf(&poster);
        assert!(pages >= 2, "{pages}");
        assert!(text.contains("Comment ça marche"));
        let document = lopdf::Document::load_mem(&poster).expect("parses");
        let page = document.get_pages()[&1];
        let media_box = document.get_dictionary(page).expect("page").get(b"MediaBox").expect("box").as_array().expect("array").clone();
        let width = media_box[2].as_float().expect("width");
        assert!((width - 595.3).abs() < 1.0, "A4 is 210 mm wide: {width}");
    }

    async fn suspended_and_left_out_shops_are_not_printed(app) {
        let admin = token_of(&app, ADMIN).await;
        let shops = active_shops(&app).await;
        let grocer = shops.iter().find(|s| s.slug == GROCER).expect("the demo's grocer").clone();
        let left = shops.iter().find(|s| s.slug != GROCER).expect("another shop").clone();
        let reply = call(&app, Method::POST, &format!("/admin/shops/{GROCER}/suspend"), Some(&admin), Some(&json!({"reason": "travaux"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = call(&app, Method::PUT, "/admin/directory", Some(&admin),
            Some(&json!({"cover_text": "Bienvenue chez nos commerçants !\nÀ bientôt.", "left_out": [left.slug]}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let settings: DirectorySettings = reply.json();
        assert_eq!(settings.left_out.as_slice(), std::slice::from_ref(&left.slug));
        assert!(settings.shops.iter().any(|s| s.slug == left.slug && s.left_out));
        assert!(!settings.shops.iter().any(|s| s.slug == GROCER), "a suspended shop is not offered");

        let bytes = pdf(&app, &admin, "a5").await;
        let (pages, text) = read_pdf(&bytes);
        assert_eq!(pages % 4, 0);
        assert!(text.contains("Bienvenue chez nos commerçants !"), "the admins' cover text");
        for gone in [&grocer, &left] {
            assert!(!text.contains(&flat(&gone.name)), "{} printed", gone.name);
            assert!(!text.contains(&gone.phone), "{}'s phone printed", gone.name);
        }
        let decoded = qr_codes(&bytes);
        assert_eq!(decoded.len(), shops.len() - 2);
        assert!(!decoded.iter().any(|url| url.contains(&format!("/{GROCER}?")) || url.contains(&format!("/{}?", left.slug))));

        let (status, content_type, csv) = fetch(&app, "/admin/directory.csv", Some(&admin)).await;
        assert_eq!(status, 200);
        assert_eq!(content_type, "text/csv; charset=utf-8");
        let csv = String::from_utf8(csv).expect("UTF-8");
        assert!(csv.starts_with("\u{feff}Rubrique;Commerce;"), "{csv}");
        assert_eq!(csv.lines().count(), shops.len() - 2 + 1, "a line per printed shop");
        assert!(!csv.contains(&left.phone) && !csv.contains(&grocer.phone));
    }

    async fn published_editions_are_served_to_anyone(app) {
        let admin = token_of(&app, ADMIN).await;
        for format in ["a5", "a4"] {
            let (status, content_type, _) = fetch(&app, &format!("/directory.pdf?format={format}"), None).await;
            assert_eq!((status, content_type.as_str()), (404, "application/problem+json"), "{format} before publishing");
        }
        let reply = call(&app, Method::POST, "/admin/directory/publish?format=a5", Some(&admin), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let edition: DirectoryEdition = reply.json();
        assert_eq!(edition.url, "/api/v1/directory.pdf?format=a5");
        let (status, content_type, public) = fetch(&app, "/directory.pdf?format=a5", None).await;
        assert_eq!((status, content_type.as_str()), (200, "application/pdf"));
        assert_eq!(i64::try_from(public.len()).unwrap(), edition.size_bytes);
        assert_eq!(public, pdf(&app, &admin, "a5").await, "the published copy is the directory");
        // Without a format: the booklet. The poster is still unpublished.
        assert_eq!(fetch(&app, "/directory.pdf", None).await.0, 200);
        assert_eq!(fetch(&app, "/directory.pdf?format=a4", None).await.0, 404);
        let settings: DirectorySettings = call(&app, Method::GET, "/admin/directory", Some(&admin), None).await.json();
        assert_eq!(settings.editions.len(), 1);
        assert_eq!(settings.editions[0].size_bytes, edition.size_bytes);
    }

    async fn bad_settings_and_formats_are_refused(app) {
        let admin = token_of(&app, ADMIN).await;
        let before = call(&app, Method::GET, "/admin/directory", Some(&admin), None).await.body;
        let too_long = "é".repeat(1501);
        for body in [
            json!({"cover_text": too_long, "left_out": []}),
            json!({"cover_text": "x"}),
            json!({"cover_text": "x", "left_out": [], "colour": "red"}),
            json!({"cover_text": "x", "left_out": "epicerie-du-duche"}),
        ] {
            let reply = call(&app, Method::PUT, "/admin/directory", Some(&admin), Some(&body)).await;
            assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        }
        for left_out in [json!(["pas-de-commerce-ici"]), json!([GROCER, GROCER])] {
            let reply = call(&app, Method::PUT, "/admin/directory", Some(&admin), Some(&json!({"cover_text": "", "left_out": left_out}))).await;
            assert_eq!(reply.refused_fields(), ["left_out"], "{}", reply.body);
        }
        assert_eq!(call(&app, Method::GET, "/admin/directory", Some(&admin), None).await.body, before);
        for path in ["/admin/directory.pdf?format=a3", "/admin/directory.pdf?format=", "/admin/directory.pdf?size=a5"] {
            let (status, _, body) = fetch(&app, path, Some(&admin)).await;
            assert_eq!(status, 400, "{path}: {}", String::from_utf8_lossy(&body));
        }
        assert_eq!(fetch(&app, "/directory.pdf?format=a3", None).await.0, 400);
    }

    async fn only_admins_may_print_the_directory(app) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let volunteer = token_of(&app, "benevole@vitrine.demo").await;
        let customer = token_of(&app, "client@vitrine.demo").await;
        let reply = call(&app, Method::GET, "/me/shops", Some(&merchant), None).await;
        let shop = reply.json::<Page<ShopProfile>>().items.remove(0);
        let reply = call(&app, Method::POST, &format!("/shops/{}/api-keys", shop.slug), Some(&merchant), Some(&json!({"name": "caisse"}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let key = reply.json::<NewApiKey>().key;
        let routes = [
            (Method::GET, "/admin/directory", None),
            (Method::PUT, "/admin/directory", Some(json!({"cover_text": "", "left_out": []}))),
            (Method::GET, "/admin/directory.pdf?format=a5", None),
            (Method::GET, "/admin/directory.pdf?format=a4", None),
            (Method::GET, "/admin/directory.csv", None),
            (Method::POST, "/admin/directory/publish?format=a5", None),
        ];
        for (method, path, body) in &routes {
            call(&app, method.clone(), path, None, body.as_ref()).await.problem(401, "unauthorized");
            for (who, token) in [("merchant", &merchant), ("volunteer", &volunteer), ("customer", &customer), ("api key", &key)] {
                let reply = call(&app, method.clone(), path, Some(token), body.as_ref()).await;
                assert_eq!(reply.status, 404, "{who} {method} {path}: {}", reply.body);
                reply.problem(404, "not_found");
            }
        }
        // Nothing was published by anyone.
        assert_eq!(fetch(&app, "/directory.pdf", None).await.0, 404);
    }
}
