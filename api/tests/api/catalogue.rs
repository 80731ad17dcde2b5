//! The catalogue as shoppers read it: shops and categories.

use shared::Page;
use shared::catalogue::{Category, ShopKind, ShopSummary};

use crate::helpers::TestApp;
use crate::on_both_backends;

async fn all_shops(app: &TestApp, query: &str) -> Vec<ShopSummary> {
    let page: Page<ShopSummary> = app
        .list_shops(&format!("per_page=100&{query}"))
        .await
        .json();
    assert!(page.total <= 100, "more than one page");
    page.items
}

fn folded(name: &str) -> String {
    name.to_lowercase()
        .replace(['é', 'É', 'è', 'ê'], "e")
        .replace(['à', 'â'], "a")
}

on_both_backends! {
    async fn shops_are_listed_in_pages_in_french_order(app) {
        let first: Page<ShopSummary> = app.list_shops("").await.json();
        assert!(first.total >= 45, "the demo has at least 45 shops, got {}", first.total);
        assert_eq!((first.page, first.per_page, first.items.len()), (1, 24, 24));
        let second: Page<ShopSummary> = app.list_shops("page=2").await.json();
        assert_eq!(second.page, 2);
        assert!(first.items.iter().all(|a| second.items.iter().all(|b| a.slug != b.slug)));

        let all = all_shops(&app, "").await;
        assert_eq!(all.len() as u64, first.total);
        let names: Vec<String> = all.iter().map(|s| folded(&s.name)).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "accented names sort with their letter");

        let beyond: Page<ShopSummary> = app.list_shops("page=100").await.json();
        assert!(beyond.items.is_empty());
        assert_eq!(beyond.total, first.total);
    }

    async fn shops_filter_by_kind_delivery_and_commune(app) {
        let all = all_shops(&app, "").await;
        for kind in ShopKind::ALL {
            let shops = all_shops(&app, &format!("kind={}", kind.as_str())).await;
            assert!(!shops.is_empty(), "the demo has {kind:?} shops");
            assert!(shops.iter().all(|s| s.kind == kind));
            assert_eq!(shops.len(), all.iter().filter(|s| s.kind == kind).count());
        }
        let delivering = all_shops(&app, "delivers=true").await;
        let pickup_only = all_shops(&app, "delivers=false").await;
        assert!(!delivering.is_empty() && !pickup_only.is_empty());
        assert!(delivering.iter().all(|s| s.offers_delivery));
        assert!(pickup_only.iter().all(|s| !s.offers_delivery));
        assert_eq!(delivering.len() + pickup_only.len(), all.len());

        let uzes = all_shops(&app, "commune=Uz%C3%A8s").await;
        assert!(!uzes.is_empty() && uzes.len() < all.len());
        assert!(uzes.iter().all(|s| s.commune == "Uzès"));
    }

    async fn shops_search_ignores_case_accents_and_plurals(app) {
        let all = all_shops(&app, "").await;
        let epicerie = all_shops(&app, "q=EPICERIE").await;
        assert!(epicerie.iter().any(|s| s.slug == all[0].slug || s.name.contains("picerie")));
        assert!(!epicerie.is_empty() && epicerie.len() < all.len());
        let none = all_shops(&app, "q=%25%27%3B%20DROP%20TABLE%20shops").await;
        assert!(none.is_empty(), "SQL in a search is only text");
        assert_eq!(all_shops(&app, "").await.len(), all.len());
        let long = "a".repeat(201);
        assert_eq!(app.list_shops(&format!("q={long}")).await.invalid_fields(), ["q"]);
    }

    async fn shop_logos_are_small_svgs(app) {
        let shop = &all_shops(&app, "").await[0];
        let reply = app.get(&shop.logo_url).await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.content_type, "image/svg+xml");
        assert!(reply.body.starts_with("<svg") && reply.body.len() < 4096);
        app.get("/api/v1/shops/no-such-shop/logo").await.problem(404, "not_found");
    }

    async fn categories_form_a_tree_with_product_counts(app) {
        let page: Page<Category> = app.list_categories("per_page=100").await.json();
        assert!(page.total >= 12, "at least 12 categories, got {}", page.total);
        let slugs: Vec<&str> = page.items.iter().map(|c| c.slug.as_str()).collect();
        for category in &page.items {
            if let Some(parent) = &category.parent {
                let parent_at = slugs.iter().position(|s| s == parent).expect("parent exists");
                let child_at = slugs.iter().position(|s| *s == category.slug).unwrap();
                assert!(parent_at < child_at, "{parent} is listed before {}", category.slug);
            }
        }
        let products: u64 = page.items.iter().map(|c| c.own_product_count).sum();
        assert!(products >= 740, "at least 740 products on sale, got {products}");
        let top_level: u64 = page
            .items
            .iter()
            .filter(|c| c.parent.is_none())
            .map(|c| c.subtree_product_count)
            .sum();
        assert_eq!(top_level, products, "the top level's subtrees hold every product");

        let small: Page<Category> = app.list_categories("per_page=5&page=2").await.json();
        assert_eq!(small.items, page.items[5..10]);
    }
}

on_both_backends! {
    async fn a_shop_page_has_hours_phone_and_delivery_days(app) {
        let shop: shared::catalogue::Shop = app.get("/api/v1/shops/epicerie-du-duche").await.json();
        assert_eq!(shop.kind, ShopKind::Food);
        assert!(shop.offers_delivery);
        assert_eq!(shop.delivery_days, [2, 5], "food is delivered on Tuesday and Friday");
        assert!(!shop.phone.is_empty() && !shop.address.is_empty());
        assert!(!shop.opening_hours.is_empty());
        assert!(shop.opening_hours.iter().all(|h| (1..=7).contains(&h.weekday) && h.opens < h.closes));
        assert!(
            shop.opening_hours.windows(2).all(|w| (w[0].weekday, &w[0].opens) <= (w[1].weekday, &w[1].opens)),
            "hours come by weekday, then time"
        );

        let shoes: shared::catalogue::Shop = app.get("/api/v1/shops/chaussures-fabre").await.json();
        assert_eq!(shoes.delivery_days, [4], "other shops are delivered on Thursday");

        let all = all_shops(&app, "").await;
        for summary in all.iter().filter(|s| !s.offers_delivery).take(3) {
            let shop: shared::catalogue::Shop = app.get(&format!("/api/v1/shops/{}", summary.slug)).await.json();
            assert!(shop.delivery_days.is_empty(), "{} is pickup only", summary.slug);
        }
        let mut exempt = 0;
        for summary in &all {
            let shop: shared::catalogue::Shop = app.get(&format!("/api/v1/shops/{}", summary.slug)).await.json();
            assert_eq!(shop.vat_mention.is_some(), shop.vat_exempt);
            if shop.vat_exempt {
                exempt += 1;
                assert_eq!(shop.vat_mention.as_deref(), Some("TVA non applicable, art. 293 B du CGI"));
            }
        }
        assert!(exempt > 0, "the demo has VAT-exempt shops");
        app.get("/api/v1/shops/no-such-shop").await.problem(404, "not_found");
    }
}
