//! Pure rules, no IO: paging, search normalisation, and (later) pricing, VAT, delivery dates
//! and the order state machine.

// The association's categories.
pub mod category_tree;
pub mod default_categories;
pub mod delivery;
pub mod email;
pub mod paging;
pub mod phone;
pub mod pricing;
pub mod product;
pub mod product_csv;
pub mod search;
// The official list of communes, for the delivery zone (issue 9).
pub mod communes;
// Delivery rounds (issue 11).
pub mod rounds;
