//! API tests: the real application over HTTP, on SQLite and on PostgreSQL.

mod helpers;

// The delivery zone and days (issue 9).
mod admin_delivery;

mod accounts;
mod carts;
mod catalogue;
mod errors;
mod foundation;
mod migrations;
mod openapi;
mod orders;
mod products;
mod shop_admin;
mod shop_orders;
mod shop_products;
