//! Interface strings in French (the default) and English, and the reader's choice of language.
//!
//! Each language is one [`Strings`] value ([`fr::STRINGS`], [`en::STRINGS`]), so a string
//! missing from a language is a compile error. [`provide_i18n`] puts the choice in context,
//! restores it from `localStorage`, keeps `<html lang>` in step and remembers changes;
//! components read strings with `use_i18n().t()`, which is reactive.

// The back-office's own strings, kept out of the browsing bundle.
pub mod back_office;
// The association's categories page.
pub mod categories;
// The delivery zone and days (issue 9).
pub mod delivery;
mod en;
mod fr;
// What a shop's API key may do (issue 17).
pub mod keys;
// Hoarding (issue 10): a full basket, too many orders waiting, released orders.
pub mod hoarding;
// The association's mailbox (issue 12).
pub mod mailbox;
// The association's dashboard (issue 13).
pub mod dashboard;
// The printed directory of shops (issue 13).
pub mod directory;
// Personal data (issue 15).
pub mod privacy;
// Webhooks (issue 17).
pub mod webhooks;
// E-mail links (issue 12): password reset by e-mail, address verification.
pub mod email_links;
// E-mail settings and the unsubscribe page (issue 12).
pub mod notifications;
// Races (issue 10): a product changed while the merchant looked at it.
pub mod marketplace;
pub mod stale;
// People (account administration).
mod people;
// Delivery rounds (issue 11).
pub mod rounds;
// Products entered for a shop (issue 11).
pub mod product_help;
// A product's sizes, jars and cuts in the back-office (issue 14).
pub mod variants;
// Who sells, terms, withdrawal (issue 15).
pub mod legal;
// The messages of the API's refusals that belong to one area.
pub mod problems;
// Who sells (issue 15).
pub mod seller;

pub use people::PeopleStrings;

use leptos::prelude::*;
use shared::{
    catalogue::{ProductSort, ShopKind, StockState},
    error::ErrorCode,
    order::OrderStatus,
};

/// `localStorage` key under which the chosen language is remembered.
const STORAGE_KEY: &str = "vitrine.lang";

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 code, as in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses a code written by [`Lang::code`].
    fn parse(code: &str) -> Option<Lang> {
        [Lang::Fr, Lang::En]
            .into_iter()
            .find(|lang| lang.code() == code)
    }

    /// The language the toggle in the header switches to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// This language's strings.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &fr::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }
}

/// Every string of the interface, in one language.
pub struct Strings {
    /// The messages of the API's refusals that belong to one area (see
    /// [`Strings::problem`]).
    pub problems: &'static problems::ProblemStrings,
    /// Who sells (issue 15): the seller's identity, the terms' titles.
    pub seller: &'static seller::SellerStrings,
    /// What the toggle that switches *to* this language shows: its code, "FR" or "EN".
    pub lang_short: &'static str,
    /// What that toggle says to screen readers after the code, in this language.
    pub lang_name: &'static str,

    /// The site's name, first part of the header's title.
    pub site_name: &'static str,
    /// The link that jumps over the header to the page's content.
    pub skip_to_content: &'static str,
    /// Accessible name of the main navigation.
    pub nav_label: &'static str,
    /// Navigation link to the home page.
    pub nav_home: &'static str,
    /// Navigation link to the catalogue.
    pub nav_catalogue: &'static str,
    /// Navigation link to the shop directory.
    pub nav_shops: &'static str,

    /// Name of the delivery way (also the badge of shops that deliver).
    pub way_delivery: &'static str,
    /// How delivery works.
    pub way_delivery_text: &'static str,
    /// Name of the pickup way (also the badge of shops that offer it).
    pub way_pickup: &'static str,
    /// How pickup works.
    pub way_pickup_text: &'static str,
    /// Name of the way to pay.
    pub way_payment: &'static str,
    /// How payment works.
    pub way_payment_text: &'static str,
    /// Heading of the list of categories.
    pub categories_heading: &'static str,
    /// Shown when there is no category yet.
    pub categories_empty: &'static str,
    /// Heading of the list of shops.
    pub shops_heading: &'static str,
    /// Shown when there is no shop yet.
    pub shops_empty: &'static str,
    /// The home page's link to the shop directory.
    pub home_all_shops: &'static str,
    /// "1 produit", "12 produits".
    pub product_count: fn(u64) -> String,
    /// "1 commerce", "45 commerces".
    pub shop_count: fn(u64) -> String,

    /// Label of a food shop.
    pub kind_food: &'static str,
    /// Label of a non-food shop.
    pub kind_non_food: &'static str,
    /// Label of a restaurant.
    pub kind_restaurant: &'static str,

    /// Label of the search box.
    pub search_label: &'static str,
    /// Example under the search box.
    pub search_hint: &'static str,
    /// The search box's button.
    pub search_button: &'static str,

    /// Text of the loading indicator.
    pub loading: &'static str,
    /// Heading of the error box.
    pub error_heading: &'static str,
    /// Error text when the API cannot be reached.
    pub error_network: &'static str,
    /// Error text when the API's answer makes no sense to the app.
    pub error_decode: &'static str,
    /// Label before the correlation id of a server error.
    pub error_reference: &'static str,
    /// The error box's retry button.
    pub retry: &'static str,

    /// The catalogue's title and heading.
    pub catalogue_heading: &'static str,
    /// Heading of the results: "903 produits", "12 produits pour « miel »".
    pub results_heading: fn(u64, Option<&str>) -> String,
    /// The disclosure that holds the filters.
    pub filters_summary: &'static str,
    /// Under it, how many filters are in force: "2 filtres choisis".
    pub filters_active: fn(usize) -> String,
    /// Label of the category select.
    pub filter_category: &'static str,
    /// Its first option.
    pub all_categories: &'static str,
    /// Label of the shop select.
    pub filter_shop: &'static str,
    /// Its first option.
    pub all_shops: &'static str,
    /// Legend of the two price fields.
    pub price_legend: &'static str,
    /// Label of the lowest price.
    pub price_min: &'static str,
    /// Label of the highest price.
    pub price_max: &'static str,
    /// How to write a price.
    pub price_hint: &'static str,
    /// A price field holds something that is not a price.
    pub price_invalid: &'static str,
    /// The highest price is below the lowest.
    pub price_order: &'static str,
    /// Label of the in-stock checkbox.
    pub in_stock_only: &'static str,
    /// The filters' submit button.
    pub apply_filters: &'static str,
    /// Label of the sort select.
    pub sort_label: &'static str,
    /// Sort by relevance (only with a search).
    pub sort_relevance: &'static str,
    /// Cheapest first.
    pub sort_price_asc: &'static str,
    /// Dearest first.
    pub sort_price_desc: &'static str,
    /// Newest first.
    pub sort_newest: &'static str,
    /// By name.
    pub sort_name: &'static str,
    /// Link back to the catalogue without any filter or search.
    pub clear_filters: &'static str,
    /// No product matches.
    pub no_products: &'static str,
    /// What to try then.
    pub no_products_hint: &'static str,
    /// The address names a category or shop that does not exist.
    pub unknown_filter: &'static str,
    /// A page number past the last page.
    pub page_empty: &'static str,
    /// Link to the first page.
    pub first_page: &'static str,
    /// Accessible name of the pagination.
    pub pagination_label: &'static str,
    /// Link to the previous page.
    pub previous: &'static str,
    /// Link to the next page.
    pub next: &'static str,
    /// "Page 2 sur 38".
    pub page_of: fn(u32, u32) -> String,

    /// Stock: plenty.
    pub stock_in_stock: &'static str,
    /// Stock: a few left.
    pub stock_low: &'static str,
    /// Stock: none left.
    pub stock_out: &'static str,
    /// Stock: not counted, always available.
    pub stock_untracked: &'static str,

    /// After a price: VAT included.
    pub price_tax_included: &'static str,
    /// Before the lowest price of a product whose sizes cost different prices.
    pub price_from: &'static str,
    /// Before a weight or price that is an estimate (sold by weight).
    pub about: &'static str,
    /// After the estimate of what is sold by weight.
    pub weighed_note: &'static str,
    /// Legend of the choice among a product's sizes, jars or cuts.
    pub variant_choose: &'static str,
    /// Beside a size that cannot be chosen.
    pub variant_sold_out: &'static str,
    /// Names the shop on a product page.
    pub sold_by: &'static str,
    /// Names the category on a product page.
    pub category_label: &'static str,
    /// Label of the quantity field.
    pub quantity: &'static str,
    /// The button that takes one away.
    pub quantity_less: &'static str,
    /// The button that adds one.
    pub quantity_more: &'static str,
    /// The most that can be ordered: "29 au maximum".
    pub quantity_max: fn(u32) -> String,
    /// The add-to-basket button.
    pub add_to_basket: &'static str,
    /// Said on the product page of what is out of stock.
    pub out_of_stock_text: &'static str,
    /// Heading of a product that is not on sale.
    pub product_not_found_heading: &'static str,
    /// What that page says.
    pub product_not_found_text: &'static str,
    /// Link to the catalogue.
    pub to_catalogue: &'static str,

    /// The shop directory's filter of kinds.
    pub filter_kind: &'static str,
    /// Every kind.
    pub kind_all: &'static str,
    /// Food shops, as a filter.
    pub kind_food_plural: &'static str,
    /// Non-food shops, as a filter.
    pub kind_non_food_plural: &'static str,
    /// Restaurants, as a filter.
    pub kind_restaurant_plural: &'static str,
    /// Label of the commune select.
    pub filter_commune: &'static str,
    /// Its first option.
    pub all_communes: &'static str,
    /// Label of the delivers-only checkbox.
    pub delivers_only: &'static str,
    /// No shop matches.
    pub no_shops: &'static str,

    /// Heading of a shop that does not exist.
    pub shop_not_found_heading: &'static str,
    /// What that page says.
    pub shop_not_found_text: &'static str,
    /// Link to the shop directory.
    pub to_shops: &'static str,
    /// Heading of the shop's address and contact.
    pub contact_heading: &'static str,
    /// The call button, before the number: "Appeler le".
    pub call: &'static str,
    /// The e-mail link, before the address.
    pub write_email: &'static str,
    /// Heading of the opening hours.
    pub hours_heading: &'static str,
    /// A day without opening hours.
    pub closed: &'static str,
    /// Marks today in the opening hours.
    pub today: &'static str,
    /// Weekday names, Monday first, as inside a sentence.
    pub weekdays: [&'static str; 7],
    /// A time of day from the API's `HH:MM`: "9 h 00".
    pub time: fn(&str) -> String,
    /// Heading of pickup and delivery.
    pub ways_heading: &'static str,
    /// The shop offers pickup.
    pub pickup_yes: &'static str,
    /// It does not.
    pub pickup_no: &'static str,
    /// The shop delivers on these ISO weekdays: "Livraison gratuite le mardi et le vendredi.".
    pub delivery_on: fn(&[u8]) -> String,
    /// The shop delivers, days not given.
    pub delivery_yes: &'static str,
    /// It does not deliver.
    pub delivery_no: &'static str,
    /// Heading of the shop's products.
    pub shop_products_heading: &'static str,
    /// The shop has no product on sale.
    pub shop_products_empty: &'static str,
    /// Link to the catalogue narrowed to the shop.
    pub shop_in_catalogue: &'static str,

    /// The header's link to the basket.
    pub nav_basket: &'static str,
    /// Read after the count in that link: " articles" ("Panier, 3 articles").
    pub basket_units: fn(i64) -> &'static str,
    /// Read after "Panier" when it is empty: ", vide".
    pub basket_none: &'static str,
    /// Shown while a product is being added.
    pub adding: &'static str,
    /// Confirmation of an addition.
    pub added_to_basket: &'static str,
    /// Link to the basket.
    pub see_basket: &'static str,
    /// There are not enough left to add or order that many.
    pub not_enough_stock: &'static str,
    /// The basket's title and heading.
    pub basket_heading: &'static str,
    /// The basket holds nothing.
    pub basket_empty: &'static str,
    /// What to do then.
    pub basket_empty_hint: &'static str,
    /// After a unit price.
    pub each: &'static str,
    /// Label of a line's quantity: "Quantité de Miel".
    pub quantity_of: fn(&str) -> String,
    /// Label of a line's − button.
    pub less_of: fn(&str) -> String,
    /// Label of a line's + button.
    pub more_of: fn(&str) -> String,
    /// A line's remove button.
    pub remove: &'static str,
    /// Before a line's total.
    pub line_total: &'static str,
    /// Before a shop's subtotal.
    pub subtotal: &'static str,
    /// Before the basket's or an order's total.
    pub total: &'static str,
    /// A line that cannot be ordered any more.
    pub unavailable: &'static str,
    /// "Livraison gratuite le mardi 1er décembre", from an ISO date.
    pub delivery_date: fn(&str) -> String,
    /// "Retrait en boutique dès le lundi 30 novembre", from an ISO date.
    pub pickup_date: fn(&str) -> String,
    /// The basket's button to the checkout.
    pub order_button: &'static str,
    /// The checkout's title and heading.
    pub checkout_heading: &'static str,
    /// Heading of the contact step.
    pub step_contact: &'static str,
    /// Label of the name field.
    pub name_label: &'static str,
    /// Label of the phone field.
    pub phone_label: &'static str,
    /// Example under it.
    pub phone_hint: &'static str,
    /// Label of the e-mail field.
    pub email_label: &'static str,
    /// Label of the may-call checkbox.
    pub may_call: &'static str,
    /// Heading of the delivery-or-pickup step.
    pub step_way: &'static str,
    /// Legend of that choice.
    pub way_legend: &'static str,
    /// The delivery choice.
    pub choose_delivery: &'static str,
    /// The pickup choice.
    pub choose_pickup: &'static str,
    /// A shop that does not deliver.
    pub no_delivery_for: fn(&str) -> String,
    /// A shop that does not offer pickup.
    pub no_pickup_for: fn(&str) -> String,
    /// Label of the street field.
    pub street_label: &'static str,
    /// First option of the commune select.
    pub commune_choose: &'static str,
    /// Under the commune select.
    pub delivery_area: &'static str,
    /// Heading of the summary step.
    pub step_confirm: &'static str,
    /// Payment of a delivered order.
    pub pay_on_delivery: &'static str,
    /// Payment of a collected order.
    pub pay_on_pickup: &'static str,
    /// The checkout's button.
    pub place_order: &'static str,
    /// While the order is sent.
    pub placing: &'static str,
    /// Above the form when a field is wrong.
    pub fix_errors: &'static str,
    /// Checkout found the basket changed.
    pub basket_changed: &'static str,
    /// The name is missing or too long.
    pub error_name: &'static str,
    /// The phone number is not one.
    pub error_phone: &'static str,
    /// The e-mail address is not one.
    pub error_email: &'static str,
    /// The street is missing.
    pub error_street: &'static str,
    /// The commune is missing or not delivered.
    pub error_commune: &'static str,
    /// The confirmation's title and heading.
    pub confirmation_heading: &'static str,
    /// What happens next.
    pub confirmation_intro: &'static str,
    /// "Commande UZ-2026-00042".
    pub order_number: fn(&str) -> String,
    /// Link to an order's tracking page.
    pub track_link: &'static str,
    /// Before an order's status.
    pub status_label: &'static str,
    /// Order status: placed.
    pub status_placed: &'static str,
    /// Order status: confirmed.
    pub status_confirmed: &'static str,
    /// Order status: ready.
    pub status_ready: &'static str,
    /// Order status: completed.
    pub status_completed: &'static str,
    /// Order status: cancelled.
    pub status_cancelled: &'static str,
    /// The tracking page's title and heading.
    pub track_heading: &'static str,
    /// Heading of an unknown tracking link.
    pub track_not_found_heading: &'static str,
    /// What that page says.
    pub track_not_found_text: &'static str,

    /// Header link to the log-in page.
    pub nav_login: &'static str,
    /// Header link to the signed-in shopper's orders.
    pub nav_account: &'static str,
    /// The log-in page's title and heading.
    pub login_heading: &'static str,
    /// What an account is for.
    pub login_intro: &'static str,
    /// Label of an account's e-mail field (required).
    pub account_email_label: &'static str,
    /// Label of the password field.
    pub password_label: &'static str,
    /// What a new password must be.
    pub password_hint: &'static str,
    /// The log-in button.
    pub login_button: &'static str,
    /// While logging in.
    pub login_sending: &'static str,
    /// Above the sign-up form when a field is wrong.
    pub fix_account_errors: &'static str,
    /// Wrong e-mail or password.
    pub login_failed: &'static str,
    /// Too many failed logins.
    pub login_locked: &'static str,
    /// Before the link to the sign-up page.
    pub no_account: &'static str,
    /// Link to the sign-up page.
    pub register_link: &'static str,
    /// The sign-up page's title and heading.
    pub register_heading: &'static str,
    /// The sign-up button.
    pub register_button: &'static str,
    /// While the account is created.
    pub register_sending: &'static str,
    /// An account exists with this e-mail.
    pub email_taken: &'static str,
    /// Before the link to the log-in page.
    pub have_account: &'static str,
    /// Link to the log-in page.
    pub login_link: &'static str,
    /// The password is too short or too long.
    pub error_password: &'static str,
    /// The account's e-mail is not one.
    pub error_account_email: &'static str,
    /// The account's orders page: title and heading.
    pub my_orders_heading: &'static str,
    /// An account without orders.
    pub my_orders_none: &'static str,
    /// The orders page of a guest.
    pub my_orders_login: &'static str,
    /// The log-out button.
    pub logout_button: &'static str,
    /// Checkout, for a guest.
    pub checkout_have_account: &'static str,
    /// A request the API found wrong (400, 422).
    pub problem_invalid: &'static str,
    /// Something that no longer exists (404).
    pub problem_gone: &'static str,
    /// Something changed meanwhile (409).
    pub problem_conflict: &'static str,
    /// The session is over (401).
    pub problem_session: &'static str,
    /// Too many attempts (429).
    pub problem_busy: &'static str,
    /// The server failed (5xx).
    pub problem_server: &'static str,
    /// Before the server's own words, in English, when the interface is French.
    pub server_said: &'static str,
    /// "Compte de Jeanne Martin".
    pub account_of: fn(&str) -> String,
    /// Checkout, signed in.
    pub checkout_signed_in: fn(&str) -> String,
    /// Label of the note to a shop.
    pub shop_note_label: fn(&str) -> String,

    /// The shopper's order: the heading of the shop's changes after the call.
    pub order_changed_heading: &'static str,

    // Back-office: product management (issue 5, products part).
    // Joining, the shop's profile, API keys, phone orders (back-office, shop part).
    /// The title and heading of the page shown for unknown addresses.
    pub not_found_heading: &'static str,
    /// What the not-found page says.
    pub not_found_text: &'static str,
    /// Link back to the home page.
    pub back_home: &'static str,

    /// The footer's reminder of the delivery days.
    pub footer_delivery: &'static str,
    /// Visits (issue 13): what the site counts, in the footer.
    pub footer_visits: &'static str,
    /// ... and what it says instead when the server counts nothing (`--no-visit-count`).
    pub footer_no_visits: &'static str,

    /// The marketplace's settings: home heading, footer, legal notices, setup (issue 9).
    pub marketplace: &'static marketplace::MarketplaceStrings,
}

impl Strings {
    /// What an API error code means for the reader.
    pub fn problem(&'static self, code: ErrorCode) -> &'static str {
        match code {
            ErrorCode::ValidationFailed
            | ErrorCode::MalformedBody
            | ErrorCode::UnsupportedMediaType
            | ErrorCode::PayloadTooLarge
            | ErrorCode::Unprocessable
            // The app only calls a path with a method it takes, and never with an API key.
            | ErrorCode::MethodNotAllowed
            | ErrorCode::ScopeMissing => self.problem_invalid,
            ErrorCode::Unauthorized => self.problem_session,
            ErrorCode::NotFound => self.problem_gone,
            ErrorCode::Conflict | ErrorCode::ProductChanged => self.problem_conflict,
            ErrorCode::TooManyRequests => self.problem_busy,
            // Limits on what a stranger can exhaust (issue 10).
            ErrorCode::Busy => self.problem_busy,
            ErrorCode::PictureTooLarge => self.problem_invalid,
            ErrorCode::Unavailable | ErrorCode::Internal => self.problem_server,
            // The association's categories.
            // The areas' own, from one small table, so that every bundle can word any
            // error without carrying the strings of the areas' pages.
            ErrorCode::CategoryCycle => self.problems.category_cycle,
            ErrorCode::CategoryNotEmpty => self.problems.category_not_empty,
            ErrorCode::CategoryNameTaken => self.problems.category_name_taken,
            ErrorCode::CategoriesExist => self.problems.categories_exist,
            ErrorCode::BelowDeliveryMinimum => self.problems.below_delivery_minimum,
            ErrorCode::BasketFull => self.problems.basket_full,
            ErrorCode::TooManyOpenOrders => self.problems.too_many_open_orders,
            ErrorCode::ShopNotApproved => self.problems.shop_not_approved,
            ErrorCode::TooManyApplications => self.problems.too_many_applications,
            ErrorCode::OrderNotConfirmed => self.problems.order_not_confirmed,
            ErrorCode::LegalIdentityMissing => self.problems.legal_identity_missing,
            ErrorCode::SellerIdentityMissing => self.problems.seller_identity_missing,
        }
    }

    /// The label of a kind of shop.
    pub fn kind(&self, kind: ShopKind) -> &'static str {
        match kind {
            ShopKind::Food => self.kind_food,
            ShopKind::NonFood => self.kind_non_food,
            ShopKind::Restaurant => self.kind_restaurant,
        }
    }

    /// The label of a kind of shop as a filter of the directory.
    pub fn kind_plural(&self, kind: ShopKind) -> &'static str {
        match kind {
            ShopKind::Food => self.kind_food_plural,
            ShopKind::NonFood => self.kind_non_food_plural,
            ShopKind::Restaurant => self.kind_restaurant_plural,
        }
    }

    /// The name of an order in the sort select.
    pub fn sort(&self, sort: ProductSort) -> &'static str {
        match sort {
            ProductSort::Relevance => self.sort_relevance,
            ProductSort::PriceAsc => self.sort_price_asc,
            ProductSort::PriceDesc => self.sort_price_desc,
            ProductSort::Newest => self.sort_newest,
            ProductSort::Name => self.sort_name,
        }
    }

    /// A stock state in words.
    pub fn stock(&self, stock: StockState) -> &'static str {
        match stock {
            StockState::InStock => self.stock_in_stock,
            StockState::Low => self.stock_low,
            StockState::Out => self.stock_out,
            StockState::Untracked => self.stock_untracked,
        }
    }

    /// An order's status in words.
    pub fn status(&self, status: OrderStatus) -> &'static str {
        match status {
            OrderStatus::Placed => self.status_placed,
            OrderStatus::Confirmed => self.status_confirmed,
            OrderStatus::Ready => self.status_ready,
            OrderStatus::Completed => self.status_completed,
            OrderStatus::Cancelled => self.status_cancelled,
        }
    }

    /// Races (issue 10): a product changed while the merchant looked at it. Read through a
    /// function like [`Strings::rounds`] so that only the back-office carries them.
    pub fn stale(&'static self) -> &'static stale::StaleStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &stale::EN
        } else {
            &stale::FR
        }
    }

    /// The delivery zone and days (issue 9), read through a function like
    /// [`Strings::rounds`] so that the browsing bundle does not carry them.
    pub fn delivery(&'static self) -> &'static delivery::DeliveryStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &delivery::EN
        } else {
            &delivery::FR
        }
    }

    /// Hoarding (issue 10): the shop's delay before releasing orders, and such a release;
    /// read through a function like [`Strings::rounds`].
    pub fn hoarding(&'static self) -> &'static hoarding::HoardingStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &hoarding::EN
        } else {
            &hoarding::FR
        }
    }

    /// The back-office's strings (`bo_*`), read through a function so that only the
    /// bundles that show the back-office carry them (issue 16: the browsing bundle's size).
    pub fn bo(&self) -> &'static back_office::BackOfficeStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &back_office::EN
        } else {
            &back_office::FR
        }
    }

    /// The association's categories page, read through a function like
    /// [`Strings::rounds`] so that only the back-office carries its strings.
    pub fn categories(&'static self) -> &'static categories::CategoriesStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &categories::EN
        } else {
            &categories::FR
        }
    }

    /// People (account administration): the strings of people's pages, read through a
    /// function like [`Strings::rounds`].
    pub fn people(&'static self) -> &'static PeopleStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &people::EN
        } else {
            &people::FR
        }
    }

    /// Terms and withdrawal (issue 15), read through a function as the rounds'.
    pub fn legal(&'static self) -> &'static legal::LegalStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &legal::EN
        } else {
            &legal::FR
        }
    }

    /// Delivery rounds (issue 11): read through a function rather than a field, so that
    /// only the bundles that show rounds carry their strings (the browsing bundle is at its
    /// size budget).
    pub fn rounds(&'static self) -> &'static rounds::RoundsStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &rounds::EN
        } else {
            &rounds::FR
        }
    }

    /// Products entered for a shop (issue 11), read through a function like
    /// [`Strings::rounds`].
    pub fn product_help(&'static self) -> &'static product_help::ProductHelpStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &product_help::EN
        } else {
            &product_help::FR
        }
    }

    /// A product's sizes, jars and cuts in the back-office (issue 14), read through a
    /// function like [`Strings::rounds`] so that only the back-office carries its strings.
    pub fn variants(&'static self) -> &'static variants::VariantsStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &variants::EN
        } else {
            &variants::FR
        }
    }

    /// The printed directory of shops (issue 13), read through a function like
    /// [`Strings::rounds`] so that only the back-office carries its strings.
    pub fn directory(&'static self) -> &'static directory::DirectoryStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &directory::EN
        } else {
            &directory::FR
        }
    }

    /// Personal data (issue 15), read through a function like [`Strings::rounds`].
    pub fn privacy(&'static self) -> &'static privacy::PrivacyStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &privacy::EN
        } else {
            &privacy::FR
        }
    }

    /// The association's mailbox (issue 12), read through a function like
    /// [`Strings::rounds`] so that only the back-office carries its strings.
    pub fn mailbox(&'static self) -> &'static mailbox::MailboxStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &mailbox::EN
        } else {
            &mailbox::FR
        }
    }

    /// The association's dashboard (issue 13), read through a function like
    /// [`Strings::rounds`] so that only the back-office carries its strings.
    pub fn dashboard(&'static self) -> &'static dashboard::DashboardStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &dashboard::EN
        } else {
            &dashboard::FR
        }
    }

    /// What a shop's API key may do (issue 17), read through a function like
    /// [`Strings::rounds`] so that only the back-office carries its strings.
    pub fn keys(&'static self) -> &'static keys::KeyStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &keys::EN
        } else {
            &keys::FR
        }
    }

    /// Webhooks (issue 17), read through a function like [`Strings::rounds`] so that only
    /// the back-office carries their strings.
    pub fn webhooks(&'static self) -> &'static webhooks::WebhooksStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &webhooks::EN
        } else {
            &webhooks::FR
        }
    }

    /// E-mail links (issue 12), read through a function like [`Strings::rounds`] so that
    /// only the bundles that show them carry their strings.
    pub fn email_links(&'static self) -> &'static email_links::EmailLinkStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &email_links::EN
        } else {
            &email_links::FR
        }
    }

    /// E-mail settings and the unsubscribe page (issue 12), read through a function like
    /// [`Strings::rounds`] so that the browsing bundle does not carry them.
    pub fn notifications(&'static self) -> &'static notifications::NotificationsStrings {
        if std::ptr::eq(self, &en::STRINGS) {
            &notifications::EN
        } else {
            &notifications::FR
        }
    }

    /// A payment method in words.
    pub fn payment(&self, method: shared::shop_orders::PaymentMethod) -> &'static str {
        use shared::shop_orders::PaymentMethod;
        match method {
            PaymentMethod::Cash => self.bo().bo_cash,
            PaymentMethod::Card => self.bo().bo_card,
            PaymentMethod::Cheque => self.bo().bo_cheque,
        }
    }

    /// The name of an ISO weekday (1 Monday .. 7 Sunday); empty for anything else.
    pub fn weekday(&self, weekday: u8) -> &'static str {
        usize::from(weekday)
            .checked_sub(1)
            .and_then(|index| self.weekdays.get(index))
            .copied()
            .unwrap_or("")
    }
}

/// A calendar date from the API's `YYYY-MM-DD`: (day of month, month 1..=12, ISO weekday
/// 1 Monday ..= 7 Sunday); `None` if it is not one.
pub fn calendar_date(iso: &str) -> Option<(u32, usize, u8)> {
    let mut parts = iso.splitn(3, '-').map(str::parse::<i64>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Days since 1970-01-01 (a Thursday), after Howard Hinnant's `days_from_civil`.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    let weekday = (days + 3).rem_euclid(7) + 1;
    Some((
        u32::try_from(day).ok()?,
        usize::try_from(month).ok()?,
        u8::try_from(weekday).ok()?,
    ))
}

/// The reader's language, shared through context by [`provide_i18n`].
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The current language (reactive).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The current language's strings (reactive).
    pub fn t(self) -> &'static Strings {
        self.lang().strings()
    }

    /// Switches the interface to `lang` and remembers the choice.
    pub fn set(self, lang: Lang) {
        self.lang.set(lang);
    }
}

/// Puts the reader's language in context: the remembered one, else French. From then on,
/// `<html lang>` follows it and every change is remembered in `localStorage`.
pub fn provide_i18n() {
    let lang = RwSignal::new(stored_lang().unwrap_or_default());
    CURRENT.set(lang.get_untracked());
    Effect::new(move || {
        let lang = lang.get();
        CURRENT.set(lang);
        if let Some(root) = document().document_element() {
            // Only fails for an invalid attribute name, and "lang" is valid.
            let _ = root.set_attribute("lang", lang.code());
        }
        store_lang(lang);
    });
    provide_context(I18n { lang });
}

thread_local! {
    /// The reader's language outside the reactive tree, for [`request_language`].
    static CURRENT: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::Fr) };
}

/// The reader's language as the API requests send it (`Accept-Language`), so the server
/// writes the shopper's e-mails in it (issue 12).
pub fn request_language() -> &'static str {
    CURRENT.get().code()
}

/// The language chosen with [`provide_i18n`].
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Which interface string: `|t| t.retry`. What components take to show a string that follows
/// the language.
pub type Text = fn(&'static Strings) -> &'static str;

/// An interface string that follows the language, as text or an attribute value:
/// `{tr(|t| t.retry)}`.
///
/// Every call returns the same type of closure, so the code that keeps a text up to date is
/// compiled once for all of them rather than once per string: a third of the wasm.
pub fn tr(pick: Text) -> impl Fn() -> &'static str + Copy {
    let i18n = use_i18n();
    move || pick(i18n.t())
}

/// A sentence about one value that follows the language: `{tr_with(|t| t.order_number, number)}`.
///
/// Like [`tr`], one type of closure for all of them, compiled once.
pub type TextWith = fn(&'static Strings) -> fn(&str) -> String;

/// See [`TextWith`].
pub fn tr_with(pick: TextWith, value: String) -> impl Fn() -> String + Clone {
    let i18n = use_i18n();
    move || pick(i18n.t())(&value)
}

/// The language remembered by a previous visit, if storage is available and holds one.
fn stored_lang() -> Option<Lang> {
    Lang::parse(&crate::state::storage::load(STORAGE_KEY)?)
}

/// Remembers `lang`; without storage (private browsing, blocked), the choice lasts the visit.
fn store_lang(lang: Lang) {
    crate::state::storage::save(STORAGE_KEY, Some(lang.code()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_know_their_weekday() {
        assert_eq!(calendar_date("2026-12-01"), Some((1, 12, 2)), "a Tuesday");
        assert_eq!(calendar_date("2026-11-30"), Some((30, 11, 1)), "a Monday");
        assert_eq!(calendar_date("2026-12-03"), Some((3, 12, 4)), "a Thursday");
        assert_eq!(calendar_date("2028-02-29"), Some((29, 2, 2)), "a Tuesday");
        assert_eq!(calendar_date("2027-01-01"), Some((1, 1, 5)), "a Friday");
        for bad in ["", "2026-13-01", "2026-12", "hier", "2026-12-00"] {
            assert_eq!(calendar_date(bad), None, "{bad:?}");
        }
    }
}
