//! API tests: the real application over HTTP, on SQLite and on PostgreSQL.

mod helpers;

mod accounts;
// People (account administration).
mod admin_users;
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
