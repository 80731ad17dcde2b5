//! API tests: the real application over HTTP, on SQLite and on PostgreSQL.

mod helpers;
// Hand-made PNGs; the real binary as a child process.
mod png;
mod server_process;

// The association's categories.
// The delivery zone and days (issue 9).
mod admin_delivery;

mod accounts;
mod admin_categories;
// People (account administration).
mod admin_users;
mod carts;
mod catalogue;
mod errors;
mod foundation;
mod marketplace;
// Limits on what a stranger can exhaust (issue 10).
mod baskets_limits;
mod hoarding;
mod limits;
// E-mails (issue 12), and the SMTP server the tests talk to.
mod mail;
// The real server's memory under those loads.
mod memory;
mod migrations;
mod smtp_server;
// Operations: backup, restore, downgrade guard.
mod openapi;
mod operations;
mod orders;
mod products;
// Races (issue 10): lost updates, deadlocks, 500 bodies, kill -9.
mod durability;
mod pending_shops;
mod races;
// Delivery rounds (issue 11).
mod rounds;
mod shop_admin;
mod shop_orders;
mod shop_products;
// The browser side: security headers, the refresh cookie, refresh races.
mod browser;
