//! English strings.

use super::{Strings, calendar_date, marketplace};

/// Every interface string in English.
pub static STRINGS: Strings = Strings {
    problems: &super::problems::EN,
    seller: &super::seller::EN,
    lang_short: "EN",
    lang_name: "English version",

    site_name: "Vitrine",
    skip_to_content: "Skip to content",
    nav_label: "Main menu",
    nav_home: "Home",
    nav_catalogue: "Catalogue",
    nav_shops: "Shops",

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
    price_from: "from",
    about: "about",
    weighed_note: "the exact price is set when it is weighed",
    variant_choose: "Choose",
    variant_sold_out: "sold out",
    sold_by: "Sold by",
    category_label: "Department",
    quantity: "Quantity",
    quantity_less: "One less",
    quantity_more: "One more",
    quantity_max,
    add_to_basket: "Add to basket",
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
    weekdays: shared::english::WEEKDAYS,
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

    nav_basket: "Basket",
    basket_units,
    basket_none: ", empty",
    adding: "Adding…",
    added_to_basket: "Added to the basket.",
    see_basket: "See the basket",
    not_enough_stock: "There are not enough left in stock for that many.",
    basket_heading: "Your basket",
    basket_empty: "Your basket is empty.",
    basket_empty_hint: "Choose products in the catalogue, then add them to the basket.",
    each: "each",
    quantity_of,
    less_of,
    more_of,
    remove: "Remove",
    line_total: "Total:",
    subtotal: "Subtotal",
    total: "Total to pay",
    unavailable: "This product is no longer available: remove it to order.",
    delivery_date,
    pickup_date,
    order_button: "Order",
    checkout_heading: "Place your order",
    step_contact: "1. Your details",
    name_label: "Full name",
    phone_label: "Phone",
    phone_hint: "For example: 04 66 22 12 34",
    email_label: "E-mail address (optional)",
    may_call: "The shopkeeper may call me",
    step_way: "2. Delivery or pickup",
    way_legend: "How do you want your order?",
    choose_delivery: "Free delivery to your home",
    choose_pickup: "Pickup in the shop",
    no_delivery_for,
    no_pickup_for,
    street_label: "Number and street",
    commune_choose: "Choose your village",
    delivery_area: "The volunteers deliver to the communes in this list.",
    step_confirm: "3. Check and confirm",
    pay_on_delivery: "Pay on delivery",
    pay_on_pickup: "Pay at pickup",
    place_order: "Confirm the order",
    placing: "Sending the order…",
    fix_errors: "Your order is not placed yet: correct what is marked in red.",
    basket_changed: "Your basket changed since you saw it. Check it below, then confirm again.",
    error_name: "Write your name (100 characters at most).",
    error_phone: "Write a 10-digit French phone number, for example 04 66 22 12 34.",
    error_email: "Write an e-mail address such as jeanne@example.fr, or leave this field empty.",
    error_street: "Write the number and street to deliver to.",
    error_commune: "Choose your village in the list. If it is not there, choose pickup in the shop.",
    confirmation_heading: "Thank you! Your order is placed",
    confirmation_intro: "Each shop prepares its part and may call you with a question. Keep this page or the tracking links below.",
    order_number,
    track_link: "Follow this order",
    status_label: "Status:",
    status_placed: "received, the shop will confirm it",
    status_confirmed: "confirmed by the shop, being prepared",
    status_ready: "ready",
    status_completed: "handed over, thank you!",
    status_cancelled: "cancelled",
    track_heading: "Following your order",
    track_not_found_heading: "Order not found",
    track_not_found_text: "This tracking link matches no order. Check that it is complete.",

    nav_login: "Log in",
    nav_account: "My account",
    login_heading: "Log in",
    login_intro: "With an account, you find your orders and your basket on any device. You can also order without one.",
    account_email_label: "E-mail address",
    password_label: "Password",
    password_hint: "At least 12 characters. A sentence you remember easily is fine.",
    login_button: "Log in",
    login_sending: "Logging in…",
    fix_account_errors: "The account is not created yet: correct what is marked in red.",
    login_failed: "Wrong e-mail address or password.",
    login_locked: "Too many failed attempts. Wait a quarter of an hour, then try again.",
    no_account: "No account yet?",
    register_link: "Create an account",
    register_heading: "Create an account",
    register_button: "Create my account",
    register_sending: "Creating the account…",
    email_taken: "An account already exists with this e-mail address. Log in with it.",
    have_account: "Already have an account?",
    login_link: "Log in",
    error_password: "The password must have 12 to 128 characters.",
    error_account_email: "Write an e-mail address like jeanne@example.fr.",
    my_orders_heading: "My orders",
    my_orders_none: "You have not placed any order with this account yet.",
    my_orders_login: "Log in to see your orders.",
    logout_button: "Log out",
    checkout_have_account: "Have an account? Your orders will be kept in it.",
    problem_invalid: "Something entered is not right. Check what you typed.",
    problem_gone: "What you asked for no longer exists, or is no longer on sale.",
    problem_conflict: "Something changed meanwhile (price, stock or status). Reload the page to see where things stand.",
    problem_session: "Your session has ended: log in again.",
    problem_busy: "Too many attempts in a row. Wait a few minutes, then try again.",
    problem_server: "Vitrine has a passing problem. Try again in a moment.",
    server_said: "Details:",
    account_of,
    checkout_signed_in,
    shop_note_label,

    order_changed_heading: "Changes agreed with the shop",

    // Back-office: product management (issue 5, products part).
    // Joining, the shop's profile, API keys, phone orders (back-office, shop part).
    not_found_heading: "Page not found",
    not_found_text: "This page does not exist, or its address has changed.",
    back_home: "Back to the home page",

    footer_delivery: "Free deliveries: Tuesday and Friday for food, Thursday for other \
        shops.",
    footer_visits: "Audience measured without cookies: this site counts the pages viewed and \
        each day's visitors, without keeping your IP address or your browser, and passes \
        nothing on to anyone. If your browser asks not to be tracked (Do Not Track or GPC), \
        you are not counted.",
    footer_no_visits: "No visit is counted: this site does not measure its audience.",

    marketplace: &marketplace::EN,
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

fn basket_units(count: i64) -> &'static str {
    if count == 1 { " item" } else { " items" }
}

fn quantity_of(name: &str) -> String {
    format!("Quantity of {name}")
}

fn less_of(name: &str) -> String {
    format!("One less: {name}")
}

fn more_of(name: &str) -> String {
    format!("One more: {name}")
}

/// "Tuesday 1 December"; the ISO text itself if it is not a date.
pub(super) fn date(iso: &str) -> String {
    let Some((day, month, weekday)) = calendar_date(iso) else {
        return iso.to_owned();
    };
    shared::english::long_date(weekday, day, u32::try_from(month).unwrap_or_default())
}

fn delivery_date(iso: &str) -> String {
    format!("Free delivery on {}", date(iso))
}

fn pickup_date(iso: &str) -> String {
    format!("Pickup in the shop from {}", date(iso))
}

fn no_delivery_for(shop: &str) -> String {
    format!("{shop} does not deliver: you will collect this order in the shop.")
}

fn no_pickup_for(shop: &str) -> String {
    format!("{shop} does not offer pickup: this order will be delivered.")
}

fn order_number(number: &str) -> String {
    format!("Order {number}")
}

fn account_of(name: &str) -> String {
    format!("Account of {name}")
}

fn checkout_signed_in(name: &str) -> String {
    format!("You are ordering with the account of {name}: your orders will be kept in it.")
}

fn shop_note_label(shop: &str) -> String {
    format!("A word for {shop} (optional)")
}
// Back-office: product management (issue 5, products part).

// Joining, the shop's profile, API keys, phone orders (back-office, shop part).

/// "Tuesday 1 December 2026" from `YYYY-MM-DD`.
pub(super) fn dated(iso: &str) -> String {
    match iso.get(..4) {
        Some(year) if calendar_date(iso).is_some() => format!("{} {year}", date(iso)),
        _ => iso.to_owned(),
    }
}
