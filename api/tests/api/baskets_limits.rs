//! Anonymous baskets against strangers (issue 10): at most 100 lines a basket, so many new
//! baskets an hour per client address (counted behind a trusted proxy by the address it
//! forwards, and only then), and old anonymous baskets purged, never one that became an
//! order.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use diesel::{BoolExpressionMethods, ExpressionMethods, QueryDsl, RunQueryDsl};
use shared::cart::Cart;
use vitrine::db::schema::{cart_items, products};
use vitrine::limits::Limits;

use crate::helpers::{AppOptions, Backend, Reply, TestApp, spawn_app_behind_proxies, test_limits};
use crate::on_both_backends;

const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// `POST /carts`, saying it comes through a proxy for `forwarded_for` (if any): the reply
/// and its `Retry-After`.
async fn new_basket(app: &TestApp, forwarded_for: Option<&str>) -> (Reply, Option<String>) {
    let mut request = app.client.post(app.url("/api/v1/carts"));
    if let Some(address) = forwarded_for {
        request = request.header("X-Forwarded-For", address);
    }
    let response = request.send().await.expect("request");
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (TestApp::read_response(response).await, retry_after)
}

/// Ids of `count` products on sale with stock (or untracked), read under the API.
fn products_on_sale(app: &TestApp, count: i64) -> Vec<i64> {
    let mut conn = app.pool.get().expect("connection");
    products::table
        .filter(products::listed.eq(true))
        .filter(products::stock.is_null().or(products::stock.ge(1)))
        .order(products::id.asc())
        .select(products::id)
        .limit(count)
        .load(&mut *conn)
        .expect("products")
}

/// A new basket with one unit of `product`.
async fn basket_of_one(app: &TestApp, product: i64) -> String {
    let cart = app.create_cart().await.id;
    assert_eq!(app.add_to_cart(&cart, product, 1).await.status, 200);
    cart
}

fn lines_of(app: &TestApp, cart: &str) -> i64 {
    let mut conn = app.pool.get().expect("connection");
    cart_items::table
        .filter(cart_items::cart_id.eq(cart))
        .count()
        .get_result(&mut *conn)
        .expect("count")
}

on_both_backends! {
    async fn a_basket_refuses_its_101st_product_and_stays_as_it_was(app) {
        let ids = products_on_sale(&app, 101);
        assert_eq!(ids.len(), 101, "the demo has enough products");
        let cart = app.create_cart().await.id;
        for id in &ids[..100] {
            let reply = app.add_to_cart(&cart, *id, 1).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let before: Cart = app.get_cart(&cart).await;
        assert_eq!(before.item_count, 100);

        let problem = app.add_to_cart(&cart, ids[100], 1).await.problem(422, "basket_full");
        assert!(problem.detail.contains("at most 100 different products"), "{}", problem.detail);
        let after: Cart = app.get_cart(&cart).await;
        assert_eq!(after, before, "the refused line changed nothing");
        assert_eq!(lines_of(&app, &cart), 100);

        // More of a product already there is not a new line; a freed line takes a new one.
        assert_eq!(app.add_to_cart(&cart, ids[0], 1).await.status, 200);
        assert_eq!(app.set_cart_quantity(&cart, ids[1], 0).await.status, 200);
        assert_eq!(app.add_to_cart(&cart, ids[100], 1).await.status, 200);
        assert_eq!(lines_of(&app, &cart), 100);
    }

    async fn the_purge_deletes_old_anonymous_baskets_and_keeps_the_others(app) {
        let product = app.product_in("epicerie-du-duche", 5).await;
        let old = basket_of_one(&app, product.id).await;
        let recent = basket_of_one(&app, product.id).await;
        let ordered = basket_of_one(&app, product.id).await;
        let of_account = basket_of_one(&app, product.id).await;
        let checkout = serde_json::json!({
            "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
            "accept_terms": true, "fulfilment": {"method": "pickup"}
        });
        assert_eq!(app.checkout(&ordered, &checkout, None).await.status, 201);
        assert_eq!(app.add_to_cart(&ordered, product.id, 1).await.status, 200, "a basket goes on after an order");
        app.execute_sql(&format!(
            "UPDATE carts SET user_id = (SELECT id FROM users WHERE email = 'client@vitrine.demo') WHERE id = '{of_account}';
             UPDATE carts SET updated_at = '2020-01-01 00:00:00' WHERE id IN ('{old}', '{ordered}', '{of_account}');"
        ));
        // A little younger than the limit: kept.
        let days = i64::from(Limits::default().basket_days);
        let young = (chrono::Utc::now() - chrono::Duration::days(days) + chrono::Duration::hours(2))
            .naive_utc()
            .format("%Y-%m-%d %H:%M:%S");
        app.execute_sql(&format!("UPDATE carts SET updated_at = '{young}' WHERE id = '{recent}'"));

        // A server starting on this database runs a round at once.
        let other = app.another_instance().await;
        let mut waited = 0;
        while app.get(&format!("/api/v1/carts/{old}")).await.status != 404 {
            assert!(waited < 100, "the old basket was not purged at start");
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
            waited += 1;
        }
        assert_eq!(lines_of(&app, &old), 0, "its lines went with it");
        for kept in [&recent, &ordered, &of_account] {
            let cart = app.get_cart(kept).await;
            assert_eq!(cart.item_count, 1, "{kept} is kept with its line");
        }
        // Another round now finds nothing to do.
        let round = vitrine::housekeeping::round(&other.pool, &test_limits(), &Default::default()).await.unwrap();
        assert_eq!(round.baskets_purged, 0);
    }
}

/// Many baskets from one address: the limit, with `Retry-After`; another address is
/// served; without a trusted proxy, `X-Forwarded-For` changes nothing.
async fn baskets_per_address(backend: Backend) {
    let limits = Limits {
        baskets_per_address_per_hour: 3,
        ..test_limits()
    };
    let options = AppOptions { demo: true };
    let Some(app) =
        spawn_app_behind_proxies(backend, options, limits.clone(), vec![LOOPBACK]).await
    else {
        return;
    };
    for _ in 0..3 {
        let (reply, _) = new_basket(&app, Some("198.51.100.7")).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let (reply, retry_after) = new_basket(&app, Some("198.51.100.7")).await;
    reply.problem(429, "too_many_requests");
    let seconds: u64 = retry_after.expect("Retry-After").parse().unwrap();
    assert!((1..=3600).contains(&seconds), "{seconds}");
    // The client cannot choose its address: the proxy appends the one it saw.
    let (reply, _) = new_basket(&app, Some("203.0.113.1, 198.51.100.7")).await;
    reply.problem(429, "too_many_requests");
    let (reply, _) = new_basket(&app, Some("198.51.100.8")).await;
    assert_eq!(
        reply.status, 201,
        "another address is served: {}",
        reply.body
    );
    // Nothing was stored for the refused ones.
    assert_eq!(baskets(&app), 4);

    // From a peer that is no trusted proxy, the header is ignored: all are 127.0.0.1.
    let Some(direct) = spawn_app_behind_proxies(backend, options, limits, Vec::new()).await else {
        return;
    };
    for n in 0..3 {
        let (reply, _) = new_basket(&direct, Some(&format!("198.51.100.{n}"))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let (reply, _) = new_basket(&direct, Some("198.51.100.99")).await;
    reply.problem(429, "too_many_requests");
}

fn baskets(app: &TestApp) -> i64 {
    use vitrine::db::schema::carts;
    let mut conn = app.pool.get().expect("connection");
    carts::table.count().get_result(&mut *conn).expect("count")
}

mod too_many_baskets_from_one_address_get_429_and_another_address_is_served {
    use super::*;

    #[actix_web::test]
    async fn sqlite() {
        baskets_per_address(Backend::Sqlite).await;
    }

    #[actix_web::test]
    async fn postgres() {
        baskets_per_address(Backend::Postgres).await;
    }
}
