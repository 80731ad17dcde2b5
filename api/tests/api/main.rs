//! API tests: the real application over HTTP, on SQLite and on PostgreSQL.

mod helpers;
// Hand-made PNGs; the real binary as a child process.
mod png;
mod server_process;

// The association's categories.
// The delivery zone and days (issue 9).
mod admin_delivery;

mod accounts;
// Integrators (issue 17): API keys' scopes and rate limit.
mod admin_categories;
mod api_keys;
// People (account administration).
mod admin_users;
mod carts;
mod catalogue;
// The printed directory of shops (issue 13).
mod directory;
mod errors;
mod foundation;
mod marketplace;
// Limits on what a stranger can exhaust (issue 10).
mod baskets_limits;
mod hoarding;
mod limits;
// E-mails (issue 12), and the SMTP server the tests talk to.
mod mail;
// Password reset by e-mail, address verification (issue 12).
mod email_links;
// E-mail settings, unsubscribe, scheduled messages (issue 12).
mod notifications;
// The real server's memory under those loads.
mod memory;
mod migrations;
mod smtp_server;
// Webhooks (issue 17).
mod webhook_receiver;
mod webhooks;
// Operations: backup, restore, downgrade guard.
mod openapi;
mod operations;
mod orders;
// Who sells, terms, withdrawal (issue 15).
mod legal;
mod products;
// Races (issue 10): lost updates, deadlocks, 500 bodies, kill -9.
mod durability;
mod pending_shops;
// Personal data (issue 15).
mod privacy;
mod races;
// Variants and prices per kilo (issue 14).
mod variants;
// Changing an order after the call (issue 14).
mod order_edits;
// Delivery rounds (issue 11).
mod product_help;
mod rounds;
mod shop_admin;
mod shop_orders;
mod shop_products;
// Per-page meta, JSON-LD, no-script text and first answer in the page shells (issue 16).
mod seo_pages;
// The association's dashboard (issue 13), and the visits it counts.
mod stats;
mod visits;
// The browser side: security headers, the refresh cookie, refresh races.
mod browser;
// How answers travel (issue 16).
mod transport;
