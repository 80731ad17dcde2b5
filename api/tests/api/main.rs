//! API tests: the real application over HTTP, on SQLite and on PostgreSQL.

mod helpers;

mod accounts;
mod carts;
mod catalogue;
mod errors;
mod foundation;
mod migrations;
mod openapi;
mod orders;
mod products;
// Races (issue 10): lost updates, deadlocks, 500 bodies, kill -9.
mod durability;
mod races;
mod shop_admin;
mod shop_orders;
mod shop_products;
