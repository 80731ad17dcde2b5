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
    nav_shops: "Shops",

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
    home_all_shops: "Choose a shop by kind or by village",
    product_count,
    shop_count,

    kind_food: "Food",
    kind_non_food: "Shop",
    kind_restaurant: "Restaurant",

    search_label: "Search for a product or a shop",
    search_hint: "For example: honey, bread, shoes, bookshop.",
    search_button: "Search",

    loading: "Loading…",
    error_heading: "Something went wrong",
    error_network: "Vitrine cannot be reached. Check your internet connection, then try \
        again.",
    error_decode: "Vitrine received an unexpected answer. Try again in a moment.",
    error_reference: "Reference to quote:",
    retry: "Try again",

    catalogue_heading: "Catalogue",
    results_heading,
    filters_summary: "Filter by department, shop or price",
    filters_active,
    filter_category: "Department",
    all_categories: "All departments",
    filter_shop: "Shop",
    all_shops: "All shops",
    price_legend: "Price, in euros",
    price_min: "Lowest price",
    price_max: "Highest price",
    price_hint: "For example: 12.50",
    price_invalid: "Write a price in euros, for example 12.50.",
    price_order: "The highest price must be at least the lowest price.",
    in_stock_only: "In stock only",
    apply_filters: "Show the products",
    sort_label: "Sort by",
    sort_relevance: "Relevance",
    sort_price_asc: "Price, lowest first",
    sort_price_desc: "Price, highest first",
    sort_newest: "Newest",
    sort_name: "Name",
    clear_filters: "Clear the filters",
    no_products: "No product matches your choice.",
    no_products_hint: "Try another word, department or price, or clear the filters to see \
        the whole catalogue.",
    unknown_filter: "This department or shop does not exist, or is no longer on Vitrine.",
    page_empty: "This page is empty: the list is shorter.",
    first_page: "Go to the first page",
    pagination_label: "Result pages",
    previous: "Previous",
    next: "Next",
    page_of,

    stock_in_stock: "In stock",
    stock_low: "Only a few left",
    stock_out: "Sold out",
    stock_untracked: "Available",

    price_tax_included: "incl. VAT",
    sold_by: "Sold by",
    category_label: "Department",
    quantity: "Quantity",
    quantity_less: "One less",
    quantity_more: "One more",
    quantity_max,
    add_to_basket: "Add to basket",
    basket_soon: "The basket is coming soon. Meanwhile, order directly from the shop, by \
        phone or in person.",
    out_of_stock_text: "This product is sold out for now. The shop can tell you when it \
        will have more.",
    product_not_found_heading: "Product not found",
    product_not_found_text: "This product does not exist, or is no longer on sale.",
    to_catalogue: "See the catalogue",

    filter_kind: "Kind of shop",
    kind_all: "All",
    kind_food_plural: "Food",
    kind_non_food_plural: "Shops",
    kind_restaurant_plural: "Restaurants",
    filter_commune: "Village",
    all_communes: "All villages",
    delivers_only: "Home delivery only",
    no_shops: "No shop matches your choice.",

    shop_not_found_heading: "Shop not found",
    shop_not_found_text: "This shop does not exist, or is no longer on Vitrine.",
    to_shops: "See all the shops",
    contact_heading: "Address and contact",
    call: "Call",
    write_email: "Write to",
    hours_heading: "Opening hours",
    closed: "Closed",
    today: "today",
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    time,
    ways_heading: "Pickup and delivery",
    pickup_yes: "Pickup in the shop, during opening hours.",
    pickup_no: "No pickup in the shop.",
    delivery_on,
    delivery_yes: "Free home delivery.",
    delivery_no: "No home delivery.",
    shop_products_heading: "Its products",
    shop_products_empty: "This shop has no product online yet.",
    shop_in_catalogue: "Search or sort its products",

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

fn results_heading(count: u64, search: Option<&str>) -> String {
    match search {
        Some(search) => format!("{} for “{search}”", product_count(count)),
        None => product_count(count),
    }
}

fn filters_active(count: usize) -> String {
    if count == 1 {
        "1 filter chosen".to_owned()
    } else {
        format!("{count} filters chosen")
    }
}

fn page_of(page: u32, count: u32) -> String {
    format!("Page {page} of {count}")
}

fn quantity_max(max: u32) -> String {
    format!("{max} at most")
}

/// "09:00" -> "9:00".
fn time(hh_mm: &str) -> String {
    match hh_mm.strip_prefix('0') {
        Some(rest) if rest.len() == 4 => rest.to_owned(),
        _ => hh_mm.to_owned(),
    }
}

/// "Free delivery on Tuesday and Friday."
fn delivery_on(weekdays: &[u8]) -> String {
    let days: Vec<&str> = weekdays
        .iter()
        .filter_map(|day| STRINGS.weekdays.get(usize::from(*day).checked_sub(1)?))
        .copied()
        .collect();
    match days.as_slice() {
        [] => STRINGS.delivery_yes.to_owned(),
        [one] => format!("Free delivery on {one}."),
        [first @ .., last] => format!("Free delivery on {} and {last}.", first.join(", ")),
    }
}
