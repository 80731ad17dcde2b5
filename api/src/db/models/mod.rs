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
pub mod order_edit;
// The outbox (issue 12): e-mails now, webhooks later.
pub mod outbox;
// Webhooks (issue 17).
pub mod picture;
pub mod product;
// A product's variants (issue 14).
pub mod variant;
pub mod webhook;
// The CSV import's batched creation (issue 10).
pub mod product_import;
pub mod session;
pub mod settings;
pub mod shop;
pub mod user;
// The delivery zone and days (issue 9).
pub mod delivery;
// The printed directory (issue 13).
pub mod directory;
// Delivery rounds (issue 11).
pub mod rounds;
// E-mail links (issue 12): password resets and address verifications.
pub mod email_token;
// E-mail settings (issue 12): merchants', shoppers', the association's sender.
pub mod notifications;
// Products entered for a shop (issue 11).
pub mod product_help;
// Who sells, terms, withdrawal (issue 15).
pub mod legal;
// The association's dashboard (issue 13): its figures and the search log.
pub mod search_log;
pub mod stats;
// Personal data (issue 15): erasure, anonymisation, export.
pub mod privacy;
pub mod visit_log;

/// The backend type of [`crate::db::DbConn`], for boxed queries.
pub type Db = <crate::db::DbConn as diesel::Connection>::Backend;

/// "now" as the database stores it (UTC, no zone).
pub fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}
