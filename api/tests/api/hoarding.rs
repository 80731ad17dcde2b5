//! Hoarding stock for free (issue 10): what one phone number, e-mail address or connection
//! may have waiting for the shops' confirmation, also under parallel checkouts; and the
//! guest orders a shop did not confirm within its delay, cancelled by Vitrine with their
//! stock put back exactly once.

use std::net::{IpAddr, Ipv4Addr};

use chrono::Utc;
use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::catalogue::Product;
use shared::order::{CheckoutResult, Order, OrderStatus};
use shared::shop_admin::ShopProfile;
use shared::shop_orders::{AUTO_RELEASED, SYSTEM_ACTOR};
use vitrine::limits::Limits;

use crate::helpers::{
    AppOptions, Backend, Reply, TestApp, call, spawn_app_behind_proxies, test_limits, token_of,
};
use crate::on_both_backends;

const SHOP: &str = "epicerie-du-duche";
const MERCHANT: &str = "marchand@vitrine.demo";
const CUSTOMER: &str = "client@vitrine.demo";
const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// A checkout body for delivery in Uzès.
fn customer(phone: &str, email: Option<&str>) -> Value {
    let mut customer = json!({"name": "Jeanne Martin", "phone": phone});
    if let Some(email) = email {
        customer["email"] = json!(email);
    }
    json!({
        "customer": customer,
        "accept_terms": true, "fulfilment": {"method": "delivery", "address": {"street": "3 rue Jacques d'Uzès", "postcode": "30700", "commune": "Uzès"}},
    })
}

/// A tracked product of the grocer with exactly `stock` units.
async fn stocked(app: &TestApp, stock: i32) -> i64 {
    let product = app.product_in(SHOP, 1).await;
    app.execute_sql(&format!(
        "UPDATE product_variants SET stock = {stock} WHERE product_id = {}",
        product.id
    ));
    product.id
}

async fn stock_of(app: &TestApp, product: i64) -> u32 {
    let product: Product = app.get(&format!("/api/v1/products/{product}")).await.json();
    product.max_quantity
}

/// A basket with `quantity` of `product`.
async fn basket(app: &TestApp, product: i64, quantity: i64) -> String {
    let cart = app.create_cart().await.id;
    let reply = app.add_to_cart(&cart, product, quantity).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    cart
}

/// Checks `cart` out with `body`, through the trusted proxy for `forwarded_for`, as
/// `token`'s account or a guest.
async fn checkout(
    app: &TestApp,
    cart: &str,
    body: &Value,
    forwarded_for: Option<&str>,
    token: Option<&str>,
) -> Reply {
    let mut request = app
        .client
        .post(app.url(&format!("/api/v1/carts/{cart}/checkout")))
        .header("Content-Type", "application/json")
        .body(body.to_string());
    if let Some(address) = forwarded_for {
        request = request.header("X-Forwarded-For", address);
    }
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    TestApp::read_response(request.send().await.expect("request")).await
}

/// The one order a successful checkout made.
fn placed(reply: &Reply) -> Order {
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json::<CheckoutResult>().orders.remove(0)
}

async fn shop_view(app: &TestApp, merchant: &str, id: i64) -> Order {
    let reply = call(
        app,
        Method::GET,
        &format!("/orders/{id}"),
        Some(merchant),
        None,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

/// Moves an order's creation `hours` back.
fn placed_hours_ago(app: &TestApp, id: i64, hours: i64) {
    let at = (Utc::now() - chrono::Duration::hours(hours))
        .naive_utc()
        .format("%Y-%m-%d %H:%M:%S");
    app.execute_sql(&format!(
        "UPDATE orders SET created_at = '{at}' WHERE id = {id}"
    ));
}

fn open_orders_of_phone(app: &TestApp, phone: &str) -> i64 {
    use vitrine::db::schema::orders;
    let mut conn = app.pool.get().expect("connection");
    orders::table
        .filter(orders::customer_phone.eq(phone))
        .filter(orders::status.eq("placed"))
        .count()
        .get_result(&mut *conn)
        .expect("count")
}

async fn bounds(backend: Backend) {
    let limits = Limits {
        open_orders_per_customer: 2,
        open_units_per_customer: 5,
        ..test_limits()
    };
    let Some(app) =
        spawn_app_behind_proxies(backend, AppOptions { demo: true }, limits, vec![LOOPBACK]).await
    else {
        return;
    };
    let merchant = token_of(&app, MERCHANT).await;
    let product = stocked(&app, 50).await;
    let order = |phone: &'static str, email: Option<&'static str>, address: &'static str| {
        let app = &app;
        async move {
            let cart = basket(app, product, 1).await;
            let reply = checkout(app, &cart, &customer(phone, email), Some(address), None).await;
            (cart, reply)
        }
    };

    // Per phone number, however it is spelled.
    let (_, first) = order("06 11 11 11 11", Some("jeanne@example.fr"), "198.51.100.1").await;
    let first = placed(&first);
    placed(&order("0611111111", None, "198.51.100.2").await.1);
    let (held, refused) = order("+33 6 11 11 11 11", None, "198.51.100.3").await;
    let problem = refused.problem(422, "too_many_open_orders");
    assert!(
        problem
            .detail
            .contains("this phone number already has 2 orders"),
        "{}",
        problem.detail
    );
    assert_eq!(
        app.get_cart(&held).await.item_count,
        1,
        "the refused basket is kept"
    );
    assert_eq!(
        stock_of(&app, product).await,
        48,
        "the refused checkout took nothing"
    );

    // Per e-mail address, whatever its case.
    placed(
        &order("06 22 22 22 22", Some("jeanne@example.fr"), "198.51.100.4")
            .await
            .1,
    );
    let (_, refused) = order("06 33 33 33 33", Some("Jeanne@Example.FR"), "198.51.100.5").await;
    let problem = refused.problem(422, "too_many_open_orders");
    assert!(
        problem.detail.contains("this e-mail address"),
        "{}",
        problem.detail
    );

    // Per connection.
    placed(&order("06 44 44 44 44", None, "198.51.100.1").await.1);
    let (_, refused) = order("06 55 55 55 55", None, "198.51.100.1").await;
    let problem = refused.problem(422, "too_many_open_orders");
    assert!(
        problem.detail.contains("this connection"),
        "{}",
        problem.detail
    );

    // A confirmed order no longer waits: the phone number may order again.
    let reply = call(
        &app,
        Method::POST,
        &format!("/orders/{}/transitions", first.id),
        Some(&merchant),
        Some(&json!({"to": "confirmed"})),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    placed(
        &checkout(
            &app,
            &held,
            &customer("06 11 11 11 11", None),
            Some("198.51.100.3"),
            None,
        )
        .await,
    );

    // Units too: six at once are more than five.
    let cart = basket(&app, product, 6).await;
    let refused = checkout(
        &app,
        &cart,
        &customer("06 66 66 66 66", None),
        Some("198.51.100.6"),
        None,
    )
    .await;
    let problem = refused.problem(422, "too_many_open_orders");
    assert!(problem.detail.contains("6 units"), "{}", problem.detail);
    assert_eq!(
        stock_of(&app, product).await,
        45,
        "five orders of one unit, nothing else"
    );
}

async fn parallel_checkouts(backend: Backend) {
    let limits = Limits {
        open_orders_per_customer: 3,
        ..test_limits()
    };
    let Some(app) =
        spawn_app_behind_proxies(backend, AppOptions { demo: true }, limits, vec![LOOPBACK]).await
    else {
        return;
    };
    // Each basket holds a product of its own, so no product's row lock queues them: only
    // what bounds the phone number may.
    let products = grocery_products(&app, 16);
    app.execute_sql(&format!(
        "UPDATE product_variants SET stock = 10 WHERE product_id IN ({})",
        products
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let mut carts = Vec::new();
    for product in &products {
        carts.push(basket(&app, *product, 1).await);
    }
    // Each from its own address and e-mail: only the phone number binds them.
    let replies = futures_util::future::join_all(carts.iter().enumerate().map(|(n, cart)| {
        let email = format!("voisin{n}@example.fr");
        let body = customer("06 77 77 77 77", Some(&email));
        let app = &app;
        async move { checkout(app, cart, &body, Some(&format!("198.51.100.{n}")), None).await }
    }))
    .await;
    let won = replies.iter().filter(|r| r.status == 201).count();
    for reply in replies.iter().filter(|r| r.status != 201) {
        reply.problem(422, "too_many_open_orders");
    }
    assert_eq!(won, 3, "never more than the bound acknowledged");
    assert_eq!(open_orders_of_phone(&app, "06 77 77 77 77"), 3);
    let mut left = 0;
    for product in &products {
        left += stock_of(&app, *product).await;
    }
    assert_eq!(left, 16 * 10 - 3, "only the acknowledged orders took stock");
}

/// Ids of `count` of the grocer's products on sale.
fn grocery_products(app: &TestApp, count: i64) -> Vec<i64> {
    use vitrine::db::schema::{products, shops};
    let mut conn = app.pool.get().expect("connection");
    let ids: Vec<i64> = products::table
        .inner_join(shops::table)
        .filter(shops::slug.eq(SHOP))
        .filter(products::listed.eq(true))
        .order(products::id.asc())
        .select(products::id)
        .limit(count)
        .load(&mut *conn)
        .expect("products");
    assert_eq!(ids.len() as i64, count, "the grocer has enough products");
    ids
}

mod a_customer_may_have_only_so_many_orders_waiting_for_confirmation {
    use super::*;

    #[actix_web::test]
    async fn sqlite() {
        bounds(Backend::Sqlite).await;
    }

    #[actix_web::test]
    async fn postgres() {
        bounds(Backend::Postgres).await;
    }
}

mod parallel_checkouts_of_one_phone_number_never_pass_the_bound {
    use super::*;

    #[actix_web::test]
    async fn sqlite() {
        parallel_checkouts(Backend::Sqlite).await;
    }

    #[actix_web::test]
    async fn postgres() {
        parallel_checkouts(Backend::Postgres).await;
    }
}

on_both_backends! {
    async fn unconfirmed_guest_orders_past_the_shops_delay_are_released_once(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let account = token_of(&app, CUSTOMER).await;
        let product = stocked(&app, 20).await;
        let guest = customer("06 12 34 56 78", None);
        let old = placed(&checkout(&app, &basket(&app, product, 2).await, &guest, None, None).await);
        let confirmed = placed(&checkout(&app, &basket(&app, product, 1).await, &guest, None, None).await);
        let young = placed(&checkout(&app, &basket(&app, product, 1).await, &guest, None, None).await);
        let of_account = placed(&checkout(&app, &basket(&app, product, 1).await, &guest, None, Some(&account)).await);
        let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", confirmed.id), Some(&merchant), Some(&json!({"to": "confirmed"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        for id in [old.id, confirmed.id, of_account.id] {
            placed_hours_ago(&app, id, 49);
        }
        placed_hours_ago(&app, young.id, 5);
        assert_eq!(stock_of(&app, product).await, 15);

        // Two rounds at once (two servers, or two ticks): released once, stock back once.
        let limits = test_limits();
        let (a, b) = futures_util::future::join(
            vitrine::housekeeping::round(&app.pool, &limits, &Default::default()),
            vitrine::housekeeping::round(&app.pool, &limits, &Default::default()),
        )
        .await;
        assert_eq!(a.unwrap().orders_released + b.unwrap().orders_released, 1);
        assert_eq!(vitrine::housekeeping::round(&app.pool, &limits, &Default::default()).await.unwrap().orders_released, 0);
        assert_eq!(stock_of(&app, product).await, 17, "the two units are back on sale, once");

        // The shop sees it cancelled by Vitrine, with the reason; so does the tracking link.
        let seen = shop_view(&app, &merchant, old.id).await;
        assert_eq!(seen.status, OrderStatus::Cancelled);
        assert_eq!(seen.cancel_reason.as_deref(), Some(AUTO_RELEASED));
        let last = seen.history.unwrap().pop().unwrap();
        assert_eq!((last.actor.as_deref(), last.to, last.note.as_str()), (Some(SYSTEM_ACTOR), Some(OrderStatus::Cancelled), AUTO_RELEASED));
        let tracked: Order = app.get(&format!("/api/v1/track/{}", old.tracking_token)).await.json();
        assert_eq!((tracked.status, tracked.cancel_reason.as_deref()), (OrderStatus::Cancelled, Some(AUTO_RELEASED)));
        let inbox: Page<Order> = call(&app, Method::GET, &format!("/shops/{SHOP}/orders?status=cancelled"), Some(&merchant), None).await.json();
        assert!(inbox.items.iter().any(|o| o.id == old.id), "the inbox lists it as cancelled");
        // The confirmed, the young and the account's orders are untouched.
        for (order, status) in [(&confirmed, OrderStatus::Confirmed), (&young, OrderStatus::Placed), (&of_account, OrderStatus::Placed)] {
            assert_eq!(shop_view(&app, &merchant, order.id).await.status, status, "{}", order.number);
        }

        // A shorter delay, chosen by the shop, releases the young one; never the account's.
        let reply = call(&app, Method::PATCH, &format!("/shops/{SHOP}"), Some(&merchant), Some(&json!({"release_unconfirmed_after_hours": 4}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(vitrine::housekeeping::round(&app.pool, &limits, &Default::default()).await.unwrap().orders_released, 1);
        assert_eq!(shop_view(&app, &merchant, young.id).await.status, OrderStatus::Cancelled);
        assert_eq!(shop_view(&app, &merchant, of_account.id).await.status, OrderStatus::Placed);
        assert_eq!(stock_of(&app, product).await, 18);
        // A released order is cancelled for good: the shop cannot confirm it afterwards.
        let reply = call(&app, Method::POST, &format!("/orders/{}/transitions", old.id), Some(&merchant), Some(&json!({"to": "confirmed"}))).await;
        reply.problem(409, "conflict");
    }

    async fn the_release_delay_is_a_shop_setting_within_bounds(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let profile = |reply: Reply| {
            assert_eq!(reply.status, 200, "{}", reply.body);
            reply.json::<ShopProfile>().release_unconfirmed_after_hours
        };
        let path = format!("/shops/{SHOP}/profile");
        assert_eq!(profile(call(&app, Method::GET, &path, Some(&merchant), None).await), 48, "the default");
        for hours in [-1, 0, 3, 337, 10_000] {
            let reply = call(&app, Method::PATCH, &format!("/shops/{SHOP}"), Some(&merchant), Some(&json!({"release_unconfirmed_after_hours": hours}))).await;
            assert_eq!(reply.invalid_fields(), ["release_unconfirmed_after_hours"], "{hours}");
        }
        assert_eq!(profile(call(&app, Method::GET, &path, Some(&merchant), None).await), 48, "refusals changed nothing");
        for hours in [4, 336, 12] {
            let reply = call(&app, Method::PATCH, &format!("/shops/{SHOP}"), Some(&merchant), Some(&json!({"release_unconfirmed_after_hours": hours}))).await;
            assert_eq!(profile(reply), hours);
        }
        assert_eq!(profile(call(&app, Method::GET, &path, Some(&merchant), None).await), 12, "read back");
    }
}
