//! Every migration goes up, down and up again, on both backends; and the variants'
//! migration (issue 14) keeps an existing marketplace's products, baskets and orders.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};
use vitrine::db::{self, revert_all_migrations, revert_last_migration, run_migrations};

use crate::helpers::{Backend, fresh_database};

fn round_trip(backend: Backend) {
    let Some((url, _database)) = fresh_database(backend) else {
        return;
    };
    let pool = db::connect(&url, 1).expect("connect");
    let mut conn = pool.get().expect("connection");
    run_migrations(&mut conn).expect("up");
    conn.batch_execute("SELECT id, slug, sort_name FROM shops")
        .expect("tables exist after up");
    revert_all_migrations(&mut conn).expect("down");
    assert!(
        conn.batch_execute("SELECT id FROM shops").is_err(),
        "tables are gone after down"
    );
    run_migrations(&mut conn).expect("up again");
    conn.batch_execute("SELECT id FROM products")
        .expect("tables exist again");
}

#[test]
fn migrations_run_up_down_and_up_again_on_sqlite() {
    round_trip(Backend::Sqlite);
}

#[test]
fn migrations_run_up_down_and_up_again_on_postgres() {
    round_trip(Backend::Postgres);
}

#[derive(Debug, PartialEq, QueryableByName)]
struct ProductState {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = BigInt)]
    price_cents: i64,
    #[diesel(sql_type = Nullable<Integer>)]
    stock: Option<i32>,
}

#[derive(Debug, PartialEq, QueryableByName)]
struct LineState {
    #[diesel(sql_type = BigInt)]
    order_id: i64,
    #[diesel(sql_type = BigInt)]
    product_id: i64,
    #[diesel(sql_type = BigInt)]
    unit_price_cents: i64,
    #[diesel(sql_type = Integer)]
    quantity: i32,
}

#[derive(Debug, PartialEq, QueryableByName)]
struct BasketState {
    #[diesel(sql_type = Text)]
    cart_id: String,
    #[diesel(sql_type = BigInt)]
    product_id: i64,
    #[diesel(sql_type = Integer)]
    quantity: i32,
}

/// A marketplace as the version before variants left it: the demo with its delivery orders
/// and a basket, migrated up to variants, is each product's one variant at its price and
/// stock, each order line that variant's, each basket line too.
fn products_become_single_variants(backend: Backend) {
    let Some((url, _database)) = fresh_database(backend) else {
        return;
    };
    let pool = db::connect(&url, 1).expect("connect");
    let mut conn = pool.get().expect("connection");
    run_migrations(&mut conn).expect("up");
    // Down to the version before variants (the migrations after it first).
    while diesel::sql_query("SELECT id FROM product_variants LIMIT 1")
        .execute(&mut conn)
        .is_ok()
    {
        revert_last_migration(&mut conn).expect("down to the version before variants");
    }
    // The previous version's data, written as it wrote it.
    conn.batch_execute(
        "INSERT INTO categories (slug, name, position) VALUES ('epicerie', 'Épicerie', 0); \
         INSERT INTO shops (slug, name, kind, status, description, address, commune, postcode, phone, email, opening_hours, offers_pickup, offers_delivery, vat_exempt, search_text, sort_name, created_at, updated_at) \
           VALUES ('epicerie', 'Épicerie', 'food', 'active', '', '1 rue', 'Uzès', '30700', '04 66 00 00 00', 'e@example.fr', '[]', TRUE, TRUE, FALSE, ' epicerie', 'epicerie', '2026-12-01 10:00:00', '2026-12-01 10:00:00'); \
         INSERT INTO products (shop_id, category_id, slug, name, description, price_cents, vat_rate_bp, stock, status, search_text, sort_name, created_at, updated_at) VALUES \
           (1, 1, 'miel', 'Miel 500 g', '', 990, 550, 7, 'active', ' miel', 'miel', '2026-12-01 10:00:00', '2026-12-01 10:00:00'), \
           (1, 1, 'pain', 'Pain', '', 250, 550, NULL, 'active', ' pain', 'pain', '2026-12-01 10:00:00', '2026-12-01 10:00:00'), \
           (1, 1, 'sel', 'Sel', '', 300, 550, 0, 'draft', ' sel', 'sel', '2026-12-01 10:00:00', '2026-12-01 10:00:00'); \
         INSERT INTO carts (id, created_at, updated_at) VALUES ('panier', '2026-12-01 10:00:00', '2026-12-01 10:00:00'); \
         INSERT INTO cart_items (cart_id, product_id, quantity, added_at) VALUES ('panier', 1, 2, '2026-12-01 10:00:00'), ('panier', 2, 1, '2026-12-01 10:01:00'); \
         INSERT INTO orders (shop_id, cart_id, status, payment_status, fulfilment_method, fulfilment_date, customer_name, customer_phone, contact_preference, note, total_cents, tracking_token, channel, created_at, updated_at, merchant_note, number_prefix, language) \
           VALUES (1, 'ancien', 'completed', 'paid', 'pickup', '2026-12-02', 'Jeanne', '06 12 34 56 78', 'call', '', 2230, 'jeton', 'web', '2026-12-01 10:00:00', '2026-12-01 10:00:00', '', 'UZ', 'fr'); \
         INSERT INTO order_lines (order_id, product_id, name, unit_price_cents, vat_rate_bp, quantity) VALUES (1, 1, 'Miel 500 g', 990, 550, 2), (1, 2, 'Pain', 250, 550, 1);",
    )
    .expect("the previous version's data");
    let products = "SELECT id, price_cents, stock FROM products ORDER BY id";
    let before: Vec<ProductState> = diesel::sql_query(products).load(&mut conn).unwrap();
    run_migrations(&mut conn).expect("up to variants");
    let after: Vec<ProductState> = diesel::sql_query(products).load(&mut conn).unwrap();
    assert_eq!(after, before, "prices and stock unchanged");
    let variants: Vec<ProductState> = diesel::sql_query(
        "SELECT product_id AS id, price_cents, stock FROM product_variants WHERE label = '' ORDER BY product_id",
    )
    .load(&mut conn)
    .unwrap();
    assert_eq!(
        variants, before,
        "each product is one unlabelled variant at its price and stock"
    );
    let lines: Vec<LineState> = diesel::sql_query(
        "SELECT l.order_id, l.product_id, l.unit_price_cents, l.quantity FROM order_lines l \
         JOIN product_variants v ON v.id = l.variant_id AND v.product_id = l.product_id \
         WHERE l.line_total_cents = l.unit_price_cents * l.quantity ORDER BY l.id",
    )
    .load(&mut conn)
    .unwrap();
    assert_eq!(
        lines,
        [
            LineState {
                order_id: 1,
                product_id: 1,
                unit_price_cents: 990,
                quantity: 2
            },
            LineState {
                order_id: 1,
                product_id: 2,
                unit_price_cents: 250,
                quantity: 1
            },
        ],
        "each line names its product's variant and costs what it cost"
    );
    let baskets: Vec<BasketState> = diesel::sql_query(
        "SELECT c.cart_id, c.product_id, c.quantity FROM cart_items c \
         JOIN product_variants v ON v.id = c.variant_id AND v.product_id = c.product_id ORDER BY c.added_at",
    )
    .load(&mut conn)
    .unwrap();
    assert_eq!(
        baskets,
        [
            BasketState {
                cart_id: "panier".into(),
                product_id: 1,
                quantity: 2
            },
            BasketState {
                cart_id: "panier".into(),
                product_id: 2,
                quantity: 1
            },
        ]
    );
    // The product keeps following its variant from then on.
    conn.batch_execute("UPDATE product_variants SET stock = stock - 2 WHERE product_id = 1")
        .unwrap();
    let miel: Vec<ProductState> =
        diesel::sql_query("SELECT id, price_cents, stock FROM products WHERE id = 1")
            .load(&mut conn)
            .unwrap();
    assert_eq!(miel[0].stock, Some(5));
}

#[test]
fn products_become_single_variants_on_sqlite() {
    products_become_single_variants(Backend::Sqlite);
}

#[test]
fn products_become_single_variants_on_postgres() {
    products_become_single_variants(Backend::Postgres);
}
