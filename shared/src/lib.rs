//! Wire types of the Vitrine API, used by the server (`api`) and the browser client (`web`).
//!
//! Only data and pure helpers live here: no IO, no database, no HTTP. The crate builds for
//! wasm32; the OpenAPI schema derives sit behind the `openapi` feature that only `api` enables.
//!
//! - [`money`]: integer cents and their French formatting.
//! - [`catalogue`]: shops, categories, products and their queries.
//! - [`cart`]: the basket, grouped by shop, and its edits.
//! - [`order`]: checkout and the orders it makes, one per shop.
//! - [`shop_orders`]: the shop's side of orders: inbox, status changes, payment, phone
//!   orders, live feed.
//! - [`auth`]: accounts and sessions.
//! - [`bundle`]: which bundle of the web app shows which path.
//! - [`shop_products`]: a shop's own products in the back-office, and the CSV import report.
//! - [`shop_admin`]: joining, approval, a shop's profile, closed days and API keys.
//! - [`error`]: the problem+json error body and its stable codes.
//! - [`marketplace`]: the marketplace's settings: name, town, texts, contact, legal notices,
//!   palette.
//! - [`admin_categories`]: the association's category tree: create, rename, move, merge.
//! - [`admin_users`]: people: the admins' accounts list, roles, suspension, reset codes.
//! - [`delivery`]: the delivery zone (communes) and days, closed days, free-delivery rule.
//! - [`mail`]: the association's mailbox: the e-mails sent, pending or held.
//! - [`rounds`]: delivery rounds, their sheets and the volunteers' taps.

pub mod admin_categories;
pub mod admin_users;
pub mod auth;
pub mod bundle;
pub mod cart;
pub mod catalogue;
pub mod error;
pub mod marketplace;
pub mod money;
pub mod order;
pub mod shop_admin;
pub mod shop_orders;
pub mod shop_products;
// The delivery zone and days (issue 9).
pub mod delivery;
// E-mails (issue 12).
pub mod mail;
// Delivery rounds (issue 11).
pub mod rounds;

use serde::{Deserialize, Serialize};

/// Default number of items per page of a list.
pub const DEFAULT_PER_PAGE: u32 = 24;
/// Largest accepted `per_page`.
pub const MAX_PER_PAGE: u32 = 100;
/// The last page a list serves: a page costs as much as the rows it skips, so past 100
/// pages a filter or a search narrows the list instead.
pub const MAX_PAGE: u32 = 100;

/// One page of a list: every list endpoint answers this shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The page number, from 1.
    pub page: u32,
    /// The number of items per page that was asked for.
    pub per_page: u32,
    /// The number of items on all pages.
    pub total: u64,
}

impl<T> Page<T> {
    /// The number of pages needed to show `total` items, at least 1 and at most
    /// [`MAX_PAGE`] (the last one the API serves).
    pub fn page_count(&self) -> u32 {
        let per_page = u64::from(self.per_page.max(1));
        u32::try_from(self.total.div_ceil(per_page).max(1))
            .unwrap_or(u32::MAX)
            .min(MAX_PAGE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_count_rounds_up_and_is_at_least_one() {
        let page = |total| Page::<()> {
            items: vec![],
            page: 1,
            per_page: 24,
            total,
        };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(24).page_count(), 1);
        assert_eq!(page(25).page_count(), 2);
        assert_eq!(page(740).page_count(), 31);
        // Past the last page the API serves, the pager stops there.
        assert_eq!(page(24 * 150).page_count(), MAX_PAGE);
    }
}
