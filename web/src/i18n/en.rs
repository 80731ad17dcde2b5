//! English strings.

use super::Strings;

/// Every interface string in English.
pub static STRINGS: Strings = Strings {
    lang_short: "EN",
    lang_name: "English version",

    site_name: "Vitrine",
    site_tagline: "the shops of Uzès",
    skip_to_content: "Skip to content",
    nav_label: "Main menu",
    nav_home: "Home",
    nav_catalogue: "Catalogue",

    home_title: "Vitrine — shops of Uzès",
    home_heading: "Buy from your local shops in Uzès",
    home_intro: "Vitrine brings together the shops, craftspeople, producers and \
        restaurants of Uzès and the surrounding villages. One basket for all your shopping, \
        whatever the shop.",
    way_delivery: "Free delivery",
    way_delivery_text: "To your door, by the association's volunteers: on Tuesday and \
        Friday for food, on Thursday for other shops.",
    way_pickup: "Pickup in shop",
    way_pickup_text: "You collect your order during the shop's opening hours.",
    way_payment: "Pay in person",
    way_payment_text: "You pay on delivery or at pickup: nothing to pay online.",
    categories_heading: "Departments",
    categories_empty: "No department yet.",
    shops_heading: "The shops",
    shops_empty: "No shop yet.",
    product_count,
    shop_count,

    kind_food: "Food",
    kind_non_food: "Shop",
    kind_restaurant: "Restaurant",

    loading: "Loading…",
    error_heading: "Something went wrong",
    error_network: "Vitrine cannot be reached. Check your internet connection, then try \
        again.",
    error_decode: "Vitrine received an unexpected answer. Try again in a moment.",
    error_reference: "Reference to quote:",
    retry: "Try again",

    catalogue_heading: "Catalogue — coming soon",
    catalogue_text: "The product catalogue is coming soon. Meanwhile, all the shops are \
        on the home page.",
    not_found_heading: "Page not found",
    not_found_text: "This page does not exist, or its address has changed.",
    back_home: "Back to the home page",

    footer_about: "Vitrine is free software, run by the Uzès shopkeepers' association.",
    footer_delivery: "Free deliveries: Tuesday and Friday for food, Thursday for other \
        shops.",
};

fn product_count(count: u64) -> String {
    if count == 1 {
        "1 product".to_owned()
    } else {
        format!("{count} products")
    }
}

fn shop_count(count: u64) -> String {
    if count == 1 {
        "1 shop".to_owned()
    } else {
        format!("{count} shops")
    }
}
