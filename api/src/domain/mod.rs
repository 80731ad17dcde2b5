//! Pure rules, no IO: paging, search normalisation, pricing and VAT, delivery dates and
//! rounds, and the dashboard's figures.

// The association's categories.
pub mod category_tree;
pub mod default_categories;
pub mod delivery;
pub mod email;
// The language of a shopper's e-mails (issue 12).
pub mod language;
pub mod paging;
pub mod phone;
pub mod pricing;
pub mod product;
pub mod product_csv;
// Variants, prices per kilo, cheese by weight (issue 14).
pub mod search;
pub mod variant;
// The official list of communes, for the delivery zone (issue 9).
pub mod communes;
// Delivery rounds (issue 11).
pub mod rounds;
// The association's dashboard (issue 13).
pub mod stats;
// The printed directory's content (issue 13).
pub mod directory;
// Who sells, terms (issue 15).
pub mod legal;
