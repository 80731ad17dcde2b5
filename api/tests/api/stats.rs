//! The association's dashboard (issue 13): who may read it, an order and a basket placed in
//! the test showing in the figures, the searches that found nothing, the shops'
//! confirmation lag, the CSV files, bad parameters, and the search log kept 25 months.

use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::catalogue::{ShopKind, ShopSummary};
use shared::order::{CheckoutResult, Commune, Order};
use shared::stats::{ConfirmationLag, Dashboard, StatsTile};

use crate::helpers::{Reply, TestApp, call, token_of};
use crate::on_both_backends;

const KEY: &str = "vtr_stats_key_of_the_epicerie_0123456789";

/// Today in Europe/Paris, as the dashboard counts days.
fn today() -> chrono::NaiveDate {
    vitrine::domain::delivery::paris_time(chrono::Utc::now()).date()
}

/// Yesterday to today: room for orders moved a few hours back.
fn period() -> String {
    format!(
        "from={}&to={}",
        today() - chrono::Duration::days(1),
        today()
    )
}

/// A UTC instant as both databases take it in SQL.
fn sql_time(at: chrono::NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M:%S").to_string()
}

impl TestApp {
    async fn stats_dashboard(&self, admin: &str, query: &str) -> Dashboard {
        let reply = call(
            self,
            Method::GET,
            &format!("/admin/stats?{query}"),
            Some(admin),
            None,
        )
        .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    /// One checkout of a product of each shop, delivered in Uzès: one order per shop.
    async fn stats_checkout(&self, shops: &[&str]) -> Vec<Order> {
        let cart = self.create_cart().await.id;
        for shop in shops {
            let product = self.product_in(shop, 2).await;
            let reply = self.add_to_cart(&cart, product.id, 1).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let communes: Page<Commune> = self.get("/api/v1/communes?per_page=100").await.json();
        let uzes = communes
            .items
            .iter()
            .find(|c| c.name == "Uzès")
            .expect("Uzès");
        let body = json!({
            "customer": {"name": "Jeanne Martin", "phone": "0612345678"},
            "accept_terms": true, "fulfilment": {"method": "delivery", "address": {
                "street": "12 rue Jacques d'Uzès", "postcode": uzes.postcode, "commune": uzes.name}},
        });
        let reply = self
            .post_json(&format!("/api/v1/carts/{cart}/checkout"), &body, None)
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json::<CheckoutResult>().orders
    }

    /// Two delivering shops that are not restaurants.
    async fn stats_two_shops(&self) -> [String; 2] {
        let shops: Page<ShopSummary> = self.list_shops("per_page=100").await.json();
        let slugs: Vec<String> = shops
            .items
            .iter()
            .filter(|s| s.offers_delivery && s.kind != ShopKind::Restaurant)
            .map(|s| s.slug.clone())
            .take(2)
            .collect();
        [slugs[0].clone(), slugs[1].clone()]
    }
}

fn lag(lags: &[ConfirmationLag], hours: u32) -> (u32, u32) {
    let lag = lags.iter().find(|l| l.hours == hours).expect("the lag");
    (lag.placed_before, lag.unconfirmed)
}

on_both_backends! {
    async fn only_admins_read_the_dashboard(app) {
        app.execute_sql(&format!(
            "INSERT INTO api_keys (shop_id, name, key_hash, prefix, created_at)
                 SELECT id, 'Caisse', '{}', 'vtr_stat', CURRENT_TIMESTAMP FROM shops WHERE slug = 'epicerie-du-duche'",
            vitrine::auth::token_hash(KEY)
        ));
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let strangers = [
            token_of(&app, "marchand@vitrine.demo").await,
            token_of(&app, "benevole@vitrine.demo").await,
            token_of(&app, "client@vitrine.demo").await,
            KEY.to_owned(),
        ];
        let mut paths = vec!["/admin/stats".to_owned(), format!("/admin/stats?{}&by=week", period())];
        paths.extend(StatsTile::ALL.iter().map(|t| format!("/admin/stats/{}.csv", t.as_str())));
        for path in &paths {
            call(&app, Method::GET, path, None, None).await.problem(401, "unauthorized");
            for token in &strangers {
                call(&app, Method::GET, path, Some(token), None).await.problem(404, "not_found");
            }
            let reply = call(&app, Method::GET, path, Some(&admin), None).await;
            assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        }
    }

    async fn an_order_and_a_basket_across_two_shops_show_in_the_figures(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let before = app.stats_dashboard(&admin, &period()).await;
        let [first, second] = app.stats_two_shops().await;
        let orders = app.stats_checkout(&[&first, &second]).await;
        assert_eq!(orders.len(), 2);
        let value: i64 = orders.iter().map(|o| o.total_cents).sum();
        let after = app.stats_dashboard(&admin, &period()).await;

        assert_eq!(after.orders.total.orders, before.orders.total.orders + 2);
        assert_eq!(after.orders.total.value_cents, before.orders.total.value_cents + value);
        let today_figures = |d: &Dashboard| {
            d.orders.periods.iter().find(|p| p.start == today().to_string()).expect("today").clone()
        };
        assert_eq!(today_figures(&after).orders, today_figures(&before).orders + 2);
        assert_eq!(after.baskets.total.baskets, before.baskets.total.baskets + 1);
        assert_eq!(after.baskets.total.multi_shop, before.baskets.total.multi_shop + 1);
        let orders_of = |d: &Dashboard, slug: &str| {
            d.shops.iter().find(|s| s.slug == slug).map_or(0, |s| s.orders)
        };
        assert_eq!(orders_of(&after, &first), orders_of(&before, &first) + 1);
        assert_eq!(orders_of(&after, &second), orders_of(&before, &second) + 1);
        assert_eq!(after.fulfilment.deliveries, before.fulfilment.deliveries + 2);
        let uzes = |d: &Dashboard| {
            d.fulfilment.communes.iter().find(|c| c.commune == "Uzès").map_or(0, |c| c.deliveries)
        };
        assert_eq!(uzes(&after), uzes(&before) + 2);
        assert_eq!(after.confirmation.still_unconfirmed, before.confirmation.still_unconfirmed + 2);

        // The same figures as a spreadsheet file.
        let reply = call(&app, Method::GET, &format!("/admin/stats/orders.csv?{}", period()), Some(&admin), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.content_type, "text/csv; charset=utf-8");
        assert!(reply.body.starts_with("\u{feff}jour;commandes;annulées;montant\r\n"), "{}", reply.body);
        let total_line = reply.body.lines().last().expect("a total line");
        assert_eq!(
            total_line,
            format!("total;{};{};{}", after.orders.total.orders, after.orders.total.cancelled,
                shared::money::format_eur(after.orders.total.value_cents))
        );
        let reply = call(&app, Method::GET, &format!("/admin/stats/baskets.csv?{}", period()), Some(&admin), None).await;
        assert!(reply.body.contains("paniers de plusieurs commerces"), "{}", reply.body);
    }

    async fn a_search_that_finds_nothing_is_counted_once_per_search(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        // Twice the same search, spelled two ways, and a page turn that does not count.
        for query in ["q=Tondeuse%20%C3%A0%20gazon", "q=++tondeuse+A+GAZON+", "q=tondeuse+a+gazon&page=2"] {
            let page: Page<Value> = app.list_products(query).await.json();
            assert_eq!(page.total, 0);
        }
        let found: Page<Value> = app.list_products("q=miel").await.json();
        assert!(found.total > 0, "the demo sells honey");
        // The log is written after the answer: wait for it.
        let mut dashboard = app.stats_dashboard(&admin, &period()).await;
        for _ in 0..50 {
            if dashboard.searches.searches >= 3 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            dashboard = app.stats_dashboard(&admin, &period()).await;
        }
        let searches = &dashboard.searches;
        assert_eq!((searches.searches, searches.empty_searches), (3, 2), "{searches:?}");
        let empty = &searches.top_empty[0];
        assert_eq!((empty.query.as_str(), empty.searches, empty.empty_searches, empty.results), ("tondeuse a gazon", 2, 2, 0));
        assert_eq!(searches.top_empty.len(), 1);
        let honey = searches.top.iter().find(|s| s.query == "miel").expect("miel");
        assert_eq!((honey.searches, u64::from(honey.results)), (1, found.total));
        let reply = call(&app, Method::GET, &format!("/admin/stats/searches.csv?{}", period()), Some(&admin), None).await;
        assert!(reply.body.contains("sans résultat;tondeuse a gazon;2;2;0\r\n"), "{}", reply.body);
        // Nothing about who searched is kept: the table has the day, the words, the counts.
        let days: Vec<String> = {
            use diesel::prelude::*;
            use vitrine::db::schema::search_log;
            let mut conn = app.pool.get().unwrap();
            search_log::table.select(search_log::day).load(&mut conn).unwrap()
        };
        assert!(days.iter().all(|d| *d == today().to_string()), "{days:?}");
    }

    async fn searches_older_than_25_months_are_deleted_by_housekeeping(app) {
        let day = |months: u32| (today() - chrono::Months::new(months)).to_string();
        app.execute_sql(&format!(
            "INSERT INTO search_log (day, query, searches, empty_searches, results) VALUES
                 ('{}', 'ancienne', 3, 0, 2), ('{}', 'recente', 1, 1, 0)",
            day(26),
            day(24)
        ));
        let limits = crate::helpers::test_limits();
        vitrine::housekeeping::round(&app.pool, &limits, &Default::default()).await.unwrap();
        let left: Vec<String> = {
            use diesel::prelude::*;
            use vitrine::db::schema::search_log;
            let mut conn = app.pool.get().unwrap();
            search_log::table.select(search_log::query).load(&mut conn).unwrap()
        };
        assert_eq!(left, ["recente"]);
    }

    async fn orders_left_unconfirmed_for_two_hours_are_counted(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let before = app.stats_dashboard(&admin, &period()).await;
        let [first, second] = app.stats_two_shops().await;
        let slow = app.stats_checkout(&[&first]).await.remove(0);
        let quick = app.stats_checkout(&[&second]).await.remove(0);
        // Both placed three hours ago; the quick one confirmed an hour after, the slow one
        // three hours after (just now).
        let placed = chrono::Utc::now().naive_utc() - chrono::Duration::hours(3);
        for order in [&slow, &quick] {
            app.execute_sql(&format!(
                "UPDATE orders SET created_at = '{}' WHERE id = {}; UPDATE order_events SET at = '{}' WHERE order_id = {}",
                sql_time(placed), order.id, sql_time(placed), order.id
            ));
            let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", order.id), Some(&admin),
                Some(&json!({"to": "confirmed"}))).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        app.execute_sql(&format!(
            "UPDATE order_events SET at = '{}' WHERE order_id = {} AND to_status = 'confirmed'",
            sql_time(placed + chrono::Duration::hours(1)), quick.id
        ));
        let after = app.stats_dashboard(&admin, &period()).await;
        let (placed_before, unconfirmed) = lag(&before.confirmation.lags, 2);
        assert_eq!(lag(&after.confirmation.lags, 2), (placed_before + 2, unconfirmed + 1));
        let (placed_before, unconfirmed) = lag(&before.confirmation.lags, 6);
        assert_eq!(lag(&after.confirmation.lags, 6), (placed_before, unconfirmed), "three hours ago is not six");
        assert_eq!(after.confirmation.confirmed, before.confirmation.confirmed + 2);
        let shop = after.confirmation.shops.iter().find(|s| s.slug == first).expect("the slow shop");
        assert!(shop.median_minutes.is_some_and(|m| m >= 179), "{shop:?}");
        let reply = call(&app, Method::GET, &format!("/admin/stats/confirmation.csv?{}", period()), Some(&admin), None).await;
        assert!(reply.body.contains("non confirmées après 2 h"), "{}", reply.body);
    }

    async fn bad_parameters_are_named(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let get = |query: String| {
            let admin = admin.clone();
            let app = &app;
            async move { call(app, Method::GET, &format!("/admin/stats{query}"), Some(&admin), None).await }
        };
        let fields = |reply: Reply, status: u16| -> Vec<String> {
            reply.problem(status, "validation_failed").errors.into_iter().map(|e| e.field).collect()
        };
        assert_eq!(fields(get("?from=4%20d%C3%A9c".into()).await, 400), ["from"]);
        assert_eq!(fields(get("?to=2026-12-4".into()).await, 400), ["to"]);
        assert_eq!(fields(get("?by=year".into()).await, 400), ["by"]);
        assert_eq!(fields(get("?shop=x".into()).await, 400), ["shop"]);
        assert_eq!(fields(get("?from=2026-02-30".into()).await, 422), ["from"]);
        assert_eq!(fields(get("?from=2026-12-05&to=2026-12-04".into()).await, 422), ["from"]);
        assert_eq!(fields(get("?from=2024-01-01&to=2026-12-04".into()).await, 422), ["to"]);
        assert_eq!(get("/weather.csv".into()).await.problem(404, "not_found").status, 404);
        let month = app.stats_dashboard(&admin, "from=2026-01-15&to=2026-03-02&by=month").await;
        assert_eq!(month.orders.periods.iter().map(|p| p.start.as_str()).collect::<Vec<_>>(),
            ["2026-01-01", "2026-02-01", "2026-03-01"]);
    }
}
