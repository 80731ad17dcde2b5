//! API tests: the real application over HTTP, on SQLite and on PostgreSQL.

mod helpers;

mod accounts;
mod carts;
mod catalogue;
mod errors;
mod foundation;
// Limits on what a stranger can exhaust (issue 10).
mod limits;
mod migrations;
mod openapi;
mod orders;
mod products;
mod shop_admin;
mod shop_orders;
mod shop_products;
