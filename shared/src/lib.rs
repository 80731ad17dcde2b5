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
//! - [`webhooks`]: the endpoints integrators register, their events and delivery log.
//! - [`notifications`]: who gets which e-mails: merchants', shoppers', the association's.
//! - [`stats`]: the association's dashboard: orders, baskets, deliveries, searches.
//! - [`privacy`]: the privacy page, a person's data export and erasure, guests' requests.
//! - [`initial`]: the first API answer a page shell carries, and the address it answers.
//! - [`measure`]: net quantities, prices per kilo or litre, weighed pieces.
//! - [`legal`]: who sells (a shop's legal identity), terms of use and of sale, withdrawal.

pub mod admin_categories;
pub mod admin_users;
pub mod auth;
pub mod bundle;
pub mod cart;
pub mod catalogue;
pub mod error;
// French calendar words, for the web app and the e-mails alike.
pub mod english;
pub mod french;
pub mod marketplace;
pub mod measure;
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
// Webhooks (issue 17).
pub mod webhooks;
// E-mail settings (issue 12).
pub mod notifications;
// Products entered for a shop (issue 11).
pub mod product_help;
// The association's dashboard (issue 13).
pub mod stats;
// The printed directory of shops (issue 13).
pub mod directory;
// Personal data (issue 15).
pub mod privacy;
// The first API answer carried in the page shell (issue 16).
pub mod initial;
// Who sells, terms, withdrawal (issue 15).
pub mod legal;

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

/// A list of ids as JSON may write whole numbers: `7` or `7.0` (JSON Schema calls both an
/// integer, and some clients send the second); a fraction or a number out of range is
/// refused like any malformed body.
pub fn whole_number_ids<'de, D>(deserializer: D) -> Result<Vec<i64>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Whole {
        Int(i64),
        Float(f64),
    }
    // 2^63 as f64: the first whole number past i64::MAX.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    Vec::<Whole>::deserialize(deserializer)?
        .into_iter()
        .map(|number| match number {
            Whole::Int(id) => Ok(id),
            #[allow(
                clippy::cast_possible_truncation,
                reason = "whole and in range, checked"
            )]
            Whole::Float(id) if id.fract() == 0.0 && (-LIMIT..LIMIT).contains(&id) => Ok(id as i64),
            Whole::Float(id) => Err(serde::de::Error::custom(format!(
                "{id} is not an id: ids are whole numbers"
            ))),
        })
        .collect()
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
    fn ids_are_whole_numbers_written_either_way() {
        #[derive(Deserialize)]
        struct Ids {
            #[serde(deserialize_with = "whole_number_ids")]
            ids: Vec<i64>,
        }
        let ids = |json: &str| serde_json::from_str::<Ids>(json).map(|i| i.ids);
        assert_eq!(ids(r#"{"ids": [7, 9.0, -185.0]}"#).unwrap(), [7, 9, -185]);
        assert!(ids(r#"{"ids": [7.5]}"#).is_err());
        assert!(ids(r#"{"ids": [1e30]}"#).is_err());
        assert!(ids(r#"{"ids": ["7"]}"#).is_err());
    }

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
