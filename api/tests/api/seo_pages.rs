//! Found by search engines, shown in link previews, quick on a slow signal (issue 16): each
//! public page's HTML, as the server sends it before any script runs, carries its own title,
//! description, Open Graph tags, JSON-LD, no-script text, and the API's first answer.

use chrono::Datelike;
use reqwest::Method;
use serde_json::{Value, json};
use shared::catalogue::{Product, Shop};

use crate::helpers::{TestApp, call, token_of};
use crate::on_both_backends;

const SHOP: &str = "epicerie-du-duche";

/// A page's HTML as sent, and its status.
async fn page(app: &TestApp, path: &str) -> (u16, String) {
    let reply = app.client.get(app.url(path)).send().await.unwrap();
    let status = reply.status().as_u16();
    (status, reply.text().await.unwrap())
}

/// Undoes the HTML escapes the server writes in text and attributes.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn title(html: &str) -> String {
    let start = html.find("<title>").expect("a title") + "<title>".len();
    let end = html[start..].find("</title>").unwrap() + start;
    unescape(&html[start..end])
}

/// The content of `<meta {attribute}="{name}" content="...">`, if there is one.
fn meta(html: &str, attribute: &str, name: &str) -> Option<String> {
    let marker = format!("<meta {attribute}=\"{name}\" content=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(unescape(&html[start..end]))
}

fn canonical(html: &str) -> Option<String> {
    let marker = "<link rel=\"canonical\" href=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(unescape(&html[start..end]))
}

/// The JSON of the first `<script` whose opening tag contains `marker`, and that tag.
fn script(html: &str, marker: &str) -> Option<(String, Value)> {
    let at = html.find(marker)?;
    let open = html[..at].rfind("<script")?;
    let body = html[at..].find('>')? + at + 1;
    let end = html[body..].find("</script>")? + body;
    let value = serde_json::from_str(&html[body..end])
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", &html[body..end]));
    Some((html[open..body].to_owned(), value))
}

fn json_ld(html: &str) -> Value {
    script(html, "type=\"application/ld+json\"")
        .expect("JSON-LD")
        .1
}

/// The embedded first answer: its address and body.
fn initial(html: &str) -> Option<(String, Value)> {
    let (tag, value) = script(html, "id=\"vitrine-initial\"")?;
    let marker = "data-url=\"";
    let start = tag.find(marker)? + marker.len();
    let end = tag[start..].find('"')? + start;
    Some((unescape(&tag[start..end]), value))
}

/// What a reader without JavaScript sees of the page: the text of its `<main>` (the page
/// the server drew with the app's views, its `<noscript>` included), without the tags.
fn readable(html: &str) -> String {
    let start = html.find("<main").expect("a drawn page");
    let end = html[start..].find("</main>").expect("its end") + start;
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    words(&unescape(&text))
}

/// `text` with each run of white space (a no-break space too) as one space.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts the page embeds exactly what the API answers at `api_path`.
async fn assert_embeds_the_api_answer(app: &TestApp, html: &str, api_path: &str) {
    let (url, embedded) = initial(html).unwrap_or_else(|| panic!("no first answer: {html}"));
    assert_eq!(url, api_path);
    let answer: Value = app.get(api_path).await.json();
    assert_eq!(embedded, answer, "{api_path}");
}

on_both_backends! {
    async fn each_public_page_has_its_own_title_description_preview_and_first_answer(app) {
        let product: Product = app.get(&format!("/api/v1/products/{}", app.product_in(SHOP, 1).await.id)).await.json();
        let shop: Shop = app.get(&format!("/api/v1/shops/{SHOP}")).await.json();

        // Every public page's shell is compressed when the browser says it can take it.
        for path in ["/", "/catalogue?categorie=epicerie", &format!("/produits/{}", product.id), "/commerces", &format!("/commerces/{SHOP}")] {
            let reply = app.client.get(app.url(path)).header("Accept-Encoding", "br").send().await.unwrap();
            assert_eq!(reply.headers().get("content-encoding").map(|v| v.to_str().unwrap()), Some("br"), "{path}");
        }

        // A product: its name, price, shop; a Product with its Offer.
        let (status, html) = page(&app, &format!("/produits/{}", product.id)).await;
        assert_eq!(status, 200);
        assert!(title(&html).starts_with(&format!("{} — ", product.name)), "{}", title(&html));
        let description = meta(&html, "name", "description").unwrap();
        assert!(description.contains(&shared::money::format_eur(product.price_cents)), "{description}");
        assert_eq!(meta(&html, "property", "og:type").as_deref(), Some("product"));
        assert_eq!(meta(&html, "property", "og:title"), Some(title(&html)));
        let url = format!("{}/produits/{}", app.address, product.id);
        assert_eq!(meta(&html, "property", "og:url"), Some(url.clone()));
        assert_eq!(canonical(&html), Some(url));
        assert!(meta(&html, "name", "twitter:card").is_some());
        assert_eq!(meta(&html, "name", "robots"), None);
        let ld = json_ld(&html);
        assert_eq!(ld["@type"], "Product");
        assert_eq!(ld["name"], json!(product.name));
        let offer = &ld["offers"];
        assert_eq!(offer["price"], json!(format!("{}.{:02}", product.price_cents / 100, product.price_cents % 100)));
        assert_eq!(offer["priceCurrency"], "EUR");
        assert_eq!(offer["availability"], "https://schema.org/InStock");
        assert_eq!(offer["seller"]["name"], json!(shop.name));
        assert_eq!(offer["seller"]["telephone"], json!(shop.phone));
        assert_embeds_the_api_answer(&app, &html, &format!("/api/v1/products/{}", product.id)).await;
        // Without JavaScript: the page the app would show (name, price, description, shop),
        // and the shop's address, phone and hours.
        let text = readable(&html);
        let first_hours = shop.opening_hours[0].opens.clone();
        for expected in [&product.name, &shared::money::format_eur(product.price_cents), &product.description, &shop.name, &shop.address, &shop.phone, &first_hours] {
            assert!(text.contains(&words(expected)), "{expected} not in {text}");
        }

        // A shop: a LocalBusiness (a Store) with address, phone and hours.
        let (status, html) = page(&app, &format!("/commerces/{SHOP}")).await;
        assert_eq!(status, 200);
        assert!(title(&html).starts_with(&format!("{} — ", shop.name)), "{}", title(&html));
        assert_eq!(meta(&html, "property", "og:type").as_deref(), Some("business.business"));
        assert!(meta(&html, "property", "og:image").unwrap().ends_with(&shop.logo_url));
        let ld = json_ld(&html);
        assert_eq!(ld["@type"], "Store");
        assert_eq!(ld["telephone"], json!(shop.phone));
        assert_eq!(ld["address"]["streetAddress"], json!(shop.address));
        assert_eq!(ld["address"]["postalCode"], json!(shop.postcode));
        assert_eq!(ld["address"]["addressLocality"], json!(shop.commune));
        let hours = ld["openingHoursSpecification"].as_array().unwrap();
        assert_eq!(hours.len(), shop.opening_hours.len());
        assert!(!hours.is_empty());
        assert_eq!(hours[0]["opens"], json!(shop.opening_hours[0].opens));
        assert_embeds_the_api_answer(&app, &html, &format!("/api/v1/shops/{SHOP}")).await;
        // Without JavaScript: the shop's page as the app draws it, and its products.
        let text = readable(&html);
        let first_hours = shop.opening_hours[0].opens.trim_start_matches('0').replace(':', " h ");
        for expected in [&shop.name, &shop.description, &shop.address, &shop.phone, &first_hours] {
            assert!(text.contains(&words(expected)), "{expected} not in {text}");
        }
        // Its hours mark today as the town counts it (Paris time, not the server's UTC).
        let weekday = vitrine::domain::delivery::paris_time(chrono::Utc::now()).weekday().number_from_monday();
        let day = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"][weekday as usize - 1];
        assert!(text.contains(&format!("{day} (aujourd'hui)")), "{day} is not marked today in {text}");
        let sold: Value = app.get(&format!("/api/v1/products?shop={SHOP}")).await.json();
        assert!(text.contains(sold["items"][0]["name"].as_str().unwrap()), "{text}");

        // A category's page, the home page, the directory: their own titles and first answers.
        let (status, category) = page(&app, "/catalogue?categorie=epicerie").await;
        assert_eq!(status, 200);
        assert!(title(&category).starts_with("Catalogue — "), "{}", title(&category));
        assert!(meta(&category, "name", "description").unwrap().contains(" produits"));
        assert_eq!(canonical(&category), Some(format!("{}/catalogue?categorie=epicerie", app.address)));
        assert_embeds_the_api_answer(&app, &category, "/api/v1/products?category=epicerie&page=1").await;
        // Drawn with its 24 cards, and the filters' answers embedded for the app to start from.
        assert_eq!(category.matches("data-testid=\"product-card\"").count(), 24);
        for url in ["/api/v1/categories?per_page=100", "/api/v1/shops?per_page=100"] {
            assert!(category.contains(&format!("data-url=\"{url}\"")), "{url} not embedded");
        }
        let (_, searched) = page(&app, "/catalogue?q=miel%20de%20lavande&page=2").await;
        assert_eq!(title(&searched).split(" — ").take(2).collect::<Vec<_>>(), ["« miel de lavande »", "Catalogue"]);
        assert_eq!(meta(&searched, "name", "robots").as_deref(), Some("noindex"), "a search is not a page to index");
        assert_embeds_the_api_answer(&app, &searched, "/api/v1/products?page=2&q=miel+de+lavande").await;

        let (_, home) = page(&app, "/").await;
        assert_embeds_the_api_answer(&app, &home, "/api/v1/categories?per_page=100").await;
        let (_, directory) = page(&app, "/commerces").await;
        assert!(title(&directory).starts_with("Les commerces — "), "{}", title(&directory));
        assert_embeds_the_api_answer(&app, &directory, "/api/v1/shops?page=1&per_page=100").await;
        let titles = [title(&home), title(&directory), title(&category), title(&html)];
        for (i, a) in titles.iter().enumerate() {
            for b in &titles[i + 1..] {
                assert_ne!(a, b, "two pages with the same title");
            }
        }
    }

    async fn an_out_of_stock_product_says_out_of_stock(app) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let id = app.product_in(SHOP, 1).await.id;
        let reply = call(&app, Method::PATCH, &format!("/products/{id}"), Some(&merchant), Some(&json!({"stock": 0}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let (status, html) = page(&app, &format!("/produits/{id}")).await;
        assert_eq!(status, 200);
        assert_eq!(json_ld(&html)["offers"]["availability"], "https://schema.org/OutOfStock");
        assert_embeds_the_api_answer(&app, &html, &format!("/api/v1/products/{id}")).await;
    }

    async fn unknown_products_and_shops_are_404_noindex_and_private_pages_noindex(app) {
        for path in ["/produits/999999", "/produits/abc", "/commerces/pas-de-commerce-ici"] {
            let (status, html) = page(&app, path).await;
            assert_eq!(status, 404, "{path}");
            assert_eq!(meta(&html, "name", "robots").as_deref(), Some("noindex"), "{path}");
            assert!(title(&html).contains("introuvable"), "{path}: {}", title(&html));
            // The page drawn on the server says so too, rather than "loading".
            let main = readable(&html);
            assert!(main.contains("introuvable") && !main.contains("Chargement"), "{path}: {main}");
            assert!(initial(&html).is_none(), "{path}");
        }
        for path in ["/gestion", "/gestion/epicerie-du-duche/produits", "/compte/connexion", "/panier", "/commande", "/tournee"] {
            let (status, html) = page(&app, path).await;
            assert_eq!(status, 200, "{path}");
            assert_eq!(meta(&html, "name", "robots").as_deref(), Some("noindex"), "{path}");
            assert!(initial(&html).is_none() && !html.contains("ld+json"), "{path}");
        }
    }

    async fn text_from_the_database_cannot_break_out_of_the_page(app) {
        let merchant = token_of(&app, "marchand@vitrine.demo").await;
        let name = "</script><script>alert(1)</script>";
        let description = "\"><img src=x onerror=alert(2)> & <!-- </noscript>";
        let created = call(&app, Method::POST, &format!("/shops/{SHOP}/products"), Some(&merchant), Some(&json!({"name": name, "description": description, "price_cents": 1250, "vat_rate": 5.5, "stock": 4, "category": "epicerie"}))).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let id = created.json::<Value>()["id"].as_i64().unwrap();
        let published = call(&app, Method::POST, &format!("/products/{id}/publish"), Some(&merchant), None).await;
        assert_eq!(published.status, 200, "{}", published.body);

        let (status, html) = page(&app, &format!("/produits/{id}")).await;
        assert_eq!(status, 200);
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
        assert_eq!(html.matches("</noscript>").count(), html.matches("<noscript>").count());
        // Every script element the page has is one the server meant: the app's, the settings,
        // the JSON-LD, the first answer; each closes where it should and parses.
        assert_eq!(title(&html), format!("{name} — {}", title(&page(&app, "/").await.1)));
        let ld = json_ld(&html);
        assert_eq!(ld["name"], json!(name));
        assert_eq!(ld["description"], json!(description));
        assert_eq!(ld["offers"]["price"], "12.50");
        assert_eq!(meta(&html, "property", "og:title").unwrap(), title(&html));
        assert_embeds_the_api_answer(&app, &html, &format!("/api/v1/products/{id}")).await;
        let scripts = html.matches("<script").count();
        assert_eq!(scripts, html.matches("</script>").count(), "{html}");
    }
}
