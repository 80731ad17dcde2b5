//! The catalogue: every filter, sort, paging edge and bad parameter of `GET /products`, and
//! a product's page.

use shared::Page;
use shared::catalogue::{Category, Product, ProductCard, StockState};

use crate::helpers::TestApp;
use crate::on_both_backends;

async fn cards(app: &TestApp, query: &str) -> Page<ProductCard> {
    let reply = app.list_products(query).await;
    assert_eq!(reply.status, 200, "{query}: {}", reply.body);
    reply.json()
}

/// Every product matching `query`, across pages.
async fn all_cards(app: &TestApp, query: &str) -> Vec<ProductCard> {
    let mut items = Vec::new();
    for page in 1.. {
        let page = cards(app, &format!("{query}&per_page=100&page={page}")).await;
        let done = page.items.len() < 100;
        items.extend(page.items);
        if done {
            assert_eq!(items.len() as u64, page.total);
            return items;
        }
    }
    unreachable!()
}

fn names(cards: &[ProductCard]) -> Vec<&str> {
    cards.iter().map(|c| c.name.as_str()).collect()
}

on_both_backends! {
    async fn products_are_paged_with_a_total(app) {
        let first = cards(&app, "").await;
        assert!(first.total >= 740, "the demo has at least 740 products, got {}", first.total);
        assert_eq!((first.page, first.per_page, first.items.len()), (1, 24, 24));
        let card = &first.items[0];
        assert_eq!(card.currency, "EUR");
        assert!(card.price_cents > 0 && !card.shop.slug.is_empty() && !card.category.is_empty());
        assert_eq!(card.thumbnail_url, format!("/api/v1/products/{}/picture?size=thumb", card.id));

        let last_page = first.total.div_ceil(100) as u32;
        let last = cards(&app, &format!("per_page=100&page={last_page}")).await;
        assert_eq!(last.items.len() as u64, first.total - u64::from(last_page - 1) * 100);
        let beyond = cards(&app, &format!("per_page=100&page={}", last_page + 1)).await;
        assert!(beyond.items.is_empty());
        assert_eq!(beyond.total, first.total);
    }

    async fn a_category_includes_its_sub_categories(app) {
        let categories: Page<Category> = app.list_categories("per_page=100").await.json();
        let parent = categories
            .items
            .iter()
            .find(|c| c.parent.is_none() && categories.items.iter().any(|s| s.parent.as_ref() == Some(&c.slug)))
            .expect("a category with sub-categories");
        let family: Vec<&Category> = categories
            .items
            .iter()
            .filter(|c| c.slug == parent.slug || c.parent.as_ref() == Some(&parent.slug))
            .collect();
        let in_family = all_cards(&app, &format!("category={}", parent.slug)).await;
        let expected: u64 = family.iter().map(|c| c.own_product_count).sum();
        assert_eq!(in_family.len() as u64, expected);
        assert_eq!(parent.subtree_product_count, expected);
        assert!(in_family.iter().all(|p| family.iter().any(|c| c.slug == p.category)));

        let child = family.iter().find(|c| c.parent.is_some()).unwrap();
        let in_child = cards(&app, &format!("category={}", child.slug)).await;
        assert_eq!(in_child.total, child.subtree_product_count);
    }

    async fn products_filter_by_shop_price_and_stock(app) {
        let shop = "epicerie-du-duche";
        let in_shop = all_cards(&app, &format!("shop={shop}")).await;
        assert!(!in_shop.is_empty());
        assert!(in_shop.iter().all(|p| p.shop.slug == shop));

        let between = all_cards(&app, "min_price_cents=500&max_price_cents=1000").await;
        assert!(!between.is_empty());
        assert!(between.iter().all(|p| (500..=1000).contains(&p.price_cents)));
        let exact = all_cards(&app, &format!("min_price_cents={0}&max_price_cents={0}", between[0].price_cents)).await;
        assert!(exact.iter().any(|p| p.id == between[0].id), "bounds are included");

        let everything = all_cards(&app, "").await;
        let out = everything.iter().filter(|p| p.stock == StockState::Out).count();
        assert!(out > 0, "the demo has products out of stock");
        let available = all_cards(&app, "in_stock=true").await;
        assert_eq!(available.len(), everything.len() - out);
        assert!(available.iter().all(|p| p.stock != StockState::Out));
        assert_eq!(all_cards(&app, "in_stock=false").await.len(), everything.len());
        assert!(everything.iter().any(|p| p.stock == StockState::Untracked));
        assert!(everything.iter().any(|p| p.stock == StockState::Low));
    }

    async fn products_sort_by_price_date_and_french_name(app) {
        let ascending = cards(&app, "sort=price_asc&per_page=100").await.items;
        assert!(ascending.windows(2).all(|w| w[0].price_cents <= w[1].price_cents));
        let descending = cards(&app, "sort=price_desc&per_page=100").await.items;
        assert!(descending.windows(2).all(|w| w[0].price_cents >= w[1].price_cents));
        assert!(descending[0].price_cents > ascending[0].price_cents);

        let by_name = all_cards(&app, "sort=name").await;
        let position = |prefix: &str| by_name.iter().position(|p| p.name.starts_with(prefix));
        let eclair = position("É").expect("a name starting with É");
        let (before_e, after_e) = (position("D"), position("F"));
        assert!(before_e.unwrap() < eclair && eclair < after_e.unwrap(), "É sorts with E");

        let newest = cards(&app, "sort=newest&per_page=100").await.items;
        let oldest_of_newest = newest.last().unwrap().id;
        let beyond = cards(&app, "sort=newest&per_page=100&page=9").await.items;
        assert!(beyond.iter().all(|p| p.id != oldest_of_newest));
        // The default without words is by name.
        assert_eq!(names(&cards(&app, "per_page=10").await.items), names(&by_name[..10]));
    }

    async fn search_ignores_case_accents_and_plurals(app) {
        let creme = all_cards(&app, "q=creme").await;
        assert!(creme.iter().any(|p| p.name.contains("Crème")), "{:?}", names(&creme));
        let chaussure = all_cards(&app, "q=chaussure").await;
        assert!(chaussure.iter().any(|p| p.name.contains("Chaussures")), "{:?}", names(&chaussure));
        assert_eq!(
            all_cards(&app, "q=CHAUSSURES").await.len(),
            chaussure.len(),
            "case and plural do not matter"
        );
        let epicerie = all_cards(&app, "q=EPICERIE").await;
        assert!(epicerie.iter().any(|p| p.shop.slug == "epicerie-du-duche"), "shop names are searched");
        // Name matches come first.
        let first_non_name = creme.iter().position(|p| !p.name.to_lowercase().contains("crème"));
        if let Some(first_non_name) = first_non_name {
            assert!(creme[first_non_name..].iter().all(|p| !p.name.to_lowercase().starts_with("crème")));
        }
        // Several words must all match.
        let both = all_cards(&app, "q=creme%20brulee").await;
        assert!(!both.is_empty() && both.len() < creme.len());
    }

    async fn search_input_is_data_never_sql(app) {
        let total = cards(&app, "").await.total;
        for q in ["%27%20OR%201%3D1%20--", "%25", "_", "%22creme%22", "creme*", "NEAR(a%20b)", "a%27b", "%5C"] {
            let reply = app.list_products(&format!("q={q}")).await;
            assert_eq!(reply.status, 200, "q={q}: {}", reply.body);
            let page: Page<ProductCard> = reply.json();
            assert!(page.total < total, "q={q} matched everything");
        }
        assert_eq!(cards(&app, "q=%22creme%22").await.total, cards(&app, "q=creme").await.total);
        let long = "a".repeat(201);
        assert_eq!(app.list_products(&format!("q={long}")).await.invalid_fields(), ["q"]);
        assert_eq!(app.list_products(&format!("q={}", "é".repeat(200))).await.status, 200);
    }

    async fn bad_catalogue_parameters_are_named(app) {
        let cases: [(&str, &[&str]); 8] = [
            ("sort=cheapest", &["sort"]),
            ("min_price_cents=-1", &["min_price_cents"]),
            ("max_price_cents=-100", &["max_price_cents"]),
            ("max_price_cents=douze", &["max_price_cents"]),
            ("per_page=101", &["per_page"]),
            ("per_page=0", &["per_page"]),
            ("page=0", &["page"]),
            ("in_stock=oui", &["in_stock"]),
        ];
        for (query, fields) in cases {
            assert_eq!(app.list_products(query).await.invalid_fields(), fields, "{query}");
        }
        // Well-formed bounds that ask for nothing: refused (422), the field named.
        assert_eq!(
            app.list_products("min_price_cents=900&max_price_cents=100").await.refused_fields(),
            ["min_price_cents"]
        );
        app.list_products("category=no-such-category").await.problem(404, "not_found");
        app.list_products("shop=no-such-shop").await.problem(404, "not_found");
    }

    async fn catalogue_answers_carry_etags_and_304(app) {
        for path in ["/api/v1/products?q=miel", "/api/v1/products/1", "/api/v1/shops/epicerie-du-duche"] {
            let first = app.get(path).await;
            assert_eq!(first.status, 200, "{path}");
            let etag = first.etag.clone().expect("an ETag");
            assert!(first.cache_control.as_deref().unwrap_or_default().contains("no-cache"));
            let again = app.get_if_none_match(path, &etag).await;
            assert_eq!(again.status, 304, "{path}");
            assert!(again.body.is_empty());
            assert_eq!(app.get_if_none_match(path, "\"other\"").await.status, 200);
        }
        // A changed price changes the answer and its ETag.
        let before = app.get("/api/v1/products/1").await;
        app.execute_sql("UPDATE product_variants SET price_cents = price_cents + 100 WHERE product_id = 1");
        let after = app.get_if_none_match("/api/v1/products/1", before.etag.as_deref().unwrap()).await;
        assert_eq!(after.status, 200);
        assert_eq!(after.json::<Product>().price_cents, before.json::<Product>().price_cents + 100);
    }

    async fn a_product_page_has_its_shop_and_category(app) {
        let card = cards(&app, "shop=epicerie-du-duche&per_page=1").await.items.remove(0);
        let product: Product = app.get(&format!("/api/v1/products/{}", card.id)).await.json();
        assert_eq!((product.id, &product.name, product.price_cents), (card.id, &card.name, card.price_cents));
        assert_eq!(product.shop.slug, "epicerie-du-duche");
        assert_eq!(product.category.slug, card.category);
        assert!([0.0, 2.1, 5.5, 10.0, 20.0].contains(&product.vat_rate));
        assert!(product.max_quantity <= 99);
        app.get("/api/v1/products/999999").await.problem(404, "not_found");
    }

    async fn hidden_products_and_suspended_shops_are_not_found(app) {
        let shop_products = all_cards(&app, "shop=chaussures-fabre").await;
        let (archived, draft) = (shop_products[0].id, shop_products[1].id);
        app.execute_sql(&format!("UPDATE products SET status = 'archived' WHERE id = {archived}"));
        app.execute_sql(&format!("UPDATE products SET status = 'draft' WHERE id = {draft}"));
        for id in [archived, draft] {
            app.get(&format!("/api/v1/products/{id}")).await.problem(404, "not_found");
            app.get(&format!("/api/v1/products/{id}/picture")).await.problem(404, "not_found");
        }
        assert_eq!(all_cards(&app, "shop=chaussures-fabre").await.len(), shop_products.len() - 2);

        let other = all_cards(&app, "shop=epicerie-du-duche").await;
        let total = cards(&app, "").await.total;
        app.execute_sql("UPDATE shops SET status = 'suspended' WHERE slug = 'epicerie-du-duche'");
        app.get(&format!("/api/v1/products/{}", other[0].id)).await.problem(404, "not_found");
        app.get("/api/v1/shops/epicerie-du-duche").await.problem(404, "not_found");
        app.list_products("shop=epicerie-du-duche").await.problem(404, "not_found");
        assert_eq!(cards(&app, "").await.total, total - other.len() as u64);
    }
}
