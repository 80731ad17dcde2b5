//! Rows, inserts and queries, one module per table group. Rows never leave `api`: each
//! converts into its `shared` wire type.

// People (account administration).
pub mod admin_users;
pub mod api_key;
pub mod cart;
pub mod category;
// The association's categories: the admin side of the tree.
pub mod category_tree;
pub mod commune;
pub mod idempotency;
pub mod marketplace;
// Hoarding (issue 10): bounds on orders waiting for confirmation, and their release.
pub mod open_orders;
pub mod order;
// The outbox (issue 12): e-mails now, webhooks later.
pub mod outbox;
pub mod picture;
pub mod product;
// The CSV import's batched creation (issue 10).
pub mod product_import;
pub mod session;
pub mod settings;
pub mod shop;
pub mod user;
// The delivery zone and days (issue 9).
pub mod delivery;
// Delivery rounds (issue 11).
pub mod rounds;

/// The backend type of [`crate::db::DbConn`], for boxed queries.
pub type Db = <crate::db::DbConn as diesel::Connection>::Backend;

/// "now" as the database stores it (UTC, no zone).
pub fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}
