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

    bo_heading: "My shops",
    bo_login_needed: "Log in with your shop's account to manage your orders and products.",
    bo_no_shop: "This account runs no shop yet.",
    bo_not_active: "Not visible on the site for now",
    bo_orders_link: "Orders",
    bo_products_link: "Products",
    bo_all_shops: "All my shops",
    bo_orders_heading: "Orders",
    bo_live: "New orders show up here by themselves, without reloading the page.",
    bo_live_lost: "Connection lost, trying again…",
    bo_sound: "Play a sound for each new order",
    bo_no_orders: "No orders yet.",
    bo_may_call: "Happy to be called",
    bo_no_call: "Prefers not to be called",
    bo_customer_note: "Customer's note:",
    bo_confirm: "Confirm the order",
    bo_mark_ready: "Mark as ready",
    bo_mark_completed: "Mark as handed over",
    bo_cancel: "Cancel the order",
    bo_cancel_reason: "Why it is cancelled (the customer will see it)",
    bo_cancel_confirm: "Confirm the cancellation",
    bo_paid: "Paid",
    bo_payment_due: "To be paid at handover",
    bo_payment_method: "Payment method",
    bo_cash: "Cash",
    bo_card: "Card",
    bo_cheque: "Cheque",
    bo_record_payment: "Record the payment",
    bo_merchant_note: "Note for the shop (what was agreed on the phone)",
    bo_save_note: "Save the note",
    bo_saved: "Saved.",
    bo_products_heading: "Products",
    bo_price: "Price incl. VAT, in euros",
    bo_stock: "Stock (empty: no limit)",
    bo_save: "Save",
    bo_draft: "draft",
    bo_on_sale: "on sale",
    bo_archived: "archived",
    bo_bad_price: "Write a price like 12.50.",
    bo_bad_stock: "Write a whole number, or leave it empty.",
    bo_back_office_link: "Run my shop",
    bo_association_link: "Shops to approve (association)",
    bo_association_heading: "Shops to approve",
    bo_association_only: "This page is for the association's administrators.",
    bo_none_pending: "No shop is waiting for approval.",
    bo_approve: "Approve and put online",
    bo_approved: "Approved: the shop is online.",
    bo_print: "Print the order slip",
    bo_history: "Order history",
    bo_history_customer: "the customer",
    bo_history_placed: "order placed",
    bo_history_paid: "payment recorded",
    bo_history_note: "note changed",
    bo_history_delivery: "delivery round",
    bo_new_order,
    bo_call,
    bo_history_lines_changed: "order changed after the call",
    about: "about",
    order_changed_heading: "Changes agreed with the shop",
    bo_edit_order: "Change the order",
    bo_edit_quantity: "Quantity",
    bo_edit_variant: "Size or variant",
    bo_edit_weight: "Weighed (grams)",
    bo_edit_remove: "Remove this line",
    bo_edit_note: "What was agreed with the customer",
    bo_edit_save: "Save the changes",
    bo_edit_nothing: "Nothing changed.",

    // Back-office: product management (issue 5, products part).
    bo_new_product: "New product",
    bo_edit_product: "Edit product",
    bo_back_to_products: "Back to the products",
    bo_search_label: "Find a product",
    bo_search_button: "Search",
    bo_status_filter: "Show",
    bo_all_statuses: "All products",
    bo_drafts: "Drafts",
    bo_all_on_sale: "On sale",
    bo_all_archived: "Archived",
    bo_no_match: "No product matches this search.",
    bo_no_products: "No product yet: add one with “New product”.",
    bo_edit: "Edit",
    bo_publish: "Put on sale",
    bo_unpublish: "Take off sale",
    bo_back_to_draft: "Back to draft",
    bo_archive: "Archive",
    bo_publish_refused: "This product cannot be put on sale: it is already on sale, or archived (make it a draft first). Reload the page to see where it stands.",
    bo_unpublish_refused: "This product is already a draft. Reload the page to see where it stands.",
    bo_archive_refused: "This product is already archived. Reload the page to see where it stands.",
    bo_status_now: "Done. The product is now:",
    bo_status_heading: "Status",
    bo_product_missing: "This product does not exist, or it is not this shop's.",
    bo_details_heading: "Product details",
    bo_name: "Product name",
    bo_description: "Description (optional)",
    bo_price_hint: "For example: 12.50",
    bo_vat: "VAT rate",
    bo_vat_5_5: "5.5 % (food, books)",
    bo_vat_20: "20 % (standard rate)",
    bo_vat_10: "10 % (restaurants, take-away)",
    bo_vat_2_1: "2.1 % (press, refunded medicines)",
    bo_vat_exempt: "0 % (VAT-exempt shop)",
    bo_stock_field: "Stock",
    bo_stock_hint: "Units in the shop. Leave empty if you do not count them.",
    bo_category: "Category",
    bo_choose_category: "Choose a category",
    bo_bad_name: "Write a name of 1 to 120 characters.",
    bo_bad_description: "The description may have at most 5,000 characters.",
    bo_bad_vat: "Choose a VAT rate from the list.",
    bo_bad_category: "Choose a category from the list.",
    bo_create_product: "Create the product (draft)",
    bo_save_product: "Save the changes",
    bo_picture_heading: "Picture",
    bo_picture_generated: "No picture yet: an image is made automatically.",
    bo_picture_choose: "Choose a new picture",
    bo_picture_hint: "A JPEG, PNG or WebP picture, at most 5 MB. It replaces the current one as soon as it is chosen.",
    bo_picture_saved: "Picture saved.",
    bo_picture_removed: "Picture removed.",
    bo_picture_remove: "Remove the picture",
    bo_picture_not_image: "This file is not a readable picture. Choose a JPEG, PNG or WebP picture.",
    bo_picture_too_big: "This picture is too large (over 5 MB). Choose a smaller one.",
    bo_csv_heading: "Spreadsheet (CSV file)",
    bo_csv_intro: "Export your products to change them in a spreadsheet, then import the file.",
    bo_export: "Export (CSV)",
    bo_import_label: "Import a CSV file",
    bo_import_hint: "The file is checked first: nothing changes before “Apply the import”.",
    bo_import_apply: "Apply the import",
    bo_import_has_errors: "Some lines need fixing: nothing was imported. Fix the file, then choose it again.",
    bo_import_file: "File chosen:",
    bo_import_errors_heading: "Lines to fix",
    bo_product_count,
    bo_import_would,
    bo_import_done,
    bo_import_error_at,
    bo_import_line,
    // Joining, the shop's profile, API keys, phone orders (back-office, shop part).
    bo_join_link: "Register my shop",
    bo_profile_link: "Profile and hours",
    bo_keys_link: "API keys",
    bo_phone_link: "Phone order",
    bo_join_heading: "Register my shop",
    bo_join_account_needed: "To register your shop, first create your personal account (or log in if you have one). You will then come back here.",
    bo_join_intro: "Tell us about your shop. The association checks each application before it goes online; it will call you if needed.",
    bo_kind_food: "Food (grocer, baker, butcher, producer…)",
    bo_kind_non_food: "Other shops (books, clothes, shoes, crafts…)",
    bo_kind_restaurant: "Restaurant or caterer",
    bo_shop_name: "Shop name",
    bo_shop_kind: "Kind of shop",
    bo_address: "Address (number and street)",
    bo_postcode: "Postcode",
    bo_commune: "Town",
    bo_phone: "Shop phone number",
    bo_email_optional: "Shop e-mail (optional)",
    bo_what_you_sell: "What you sell",
    bo_join_send: "Send my application",
    bo_join_pending: "Your shop is waiting for the association's approval. It is not on the site yet. Before it can be approved, give its legal identity (legal name, SIRET, registration, VAT, person responsible) on its profile, where you can also fill in its hours.",
    bo_fix_errors: "Nothing is saved yet: fix what is marked in red.",
    bo_not_saved: "The change was not saved.",
    bo_error_shop_name: "Write the shop's name (2 to 100 characters).",
    bo_error_kind: "Choose the kind of shop.",
    bo_error_address: "Write the shop's number and street.",
    bo_error_postcode: "Write a 5-digit postcode, such as 30700.",
    bo_error_commune: "Write the town's name.",
    bo_error_description: "Describe what you sell (at most 2,000 characters).",
    bo_profile_heading: "Shop profile",
    bo_public_page: "See the shop's page on the site",
    bo_shop_description: "About the shop (what you sell)",
    bo_hours_heading: "Opening hours",
    bo_hours_hint: "For each day: closed, or one period (9:00 – 19:00), or two with a break (9:00 – 12:30 then 15:00 – 19:00). Leave the afternoon fields empty if you do not close at noon.",
    bo_closed_that_day: "Closed that day",
    bo_opens: "Opens at",
    bo_closes: "Closes at",
    bo_reopens: "Reopens at (optional)",
    bo_closes_again: "Closes at (after the break)",
    bo_error_period_half: "Give both the opening and the closing time.",
    bo_error_open_day: "Give this day's hours, or tick “Closed that day”.",
    bo_error_hours: "These hours do not work: each period must close after it opens, without overlapping the other.",
    bo_orders_reach: "Pickup, delivery, VAT",
    bo_offered_legend: "How your customers get their orders",
    bo_offers_pickup: "Pickup at the shop",
    bo_offers_delivery: "Delivery by the association's volunteers",
    bo_error_none_offered: "Keep at least one of the two boxes: otherwise your customers could not get their orders.",
    bo_shop_vat_exempt: "Micro-business exempt from VAT",
    bo_food_days: "Also deliver on the food days (Tuesday and Friday)",
    bo_save_profile: "Save the profile",
    bo_logo_heading: "Logo",
    bo_logo_choose: "Choose a new logo",
    bo_logo_hint: "A JPEG, PNG or WebP photo or picture, at most 5 MB. It is sent as soon as you choose it.",
    bo_logo_sending: "Sending the logo…",
    bo_logo_saved: "New logo saved.",
    bo_closed_days_heading: "Exceptional closing days",
    bo_no_closed_day: "No closing day planned.",
    bo_closed_day_date: "Closing date",
    bo_add_closed_day: "Add this day",
    bo_reopen: "Remove",
    bo_error_date: "Choose a date.",
    bo_error_already_closed: "This day is already in the list.",
    bo_error_date_range: "Choose a date between today and two years from now.",
    bo_keys_heading: "API keys",
    bo_keys_intro: "A key lets your till or your website read and update your products and orders on Vitrine. Give one per device; revoke the key of a lost device.",
    bo_keys_list: "Your keys",
    bo_no_keys: "No key yet.",
    bo_key_name: "Key name",
    bo_key_name_hint: "For example: Shop till",
    bo_error_key_name: "Give the key a name (at most 100 characters).",
    bo_create_key: "Create the key",
    bo_key_once: "Copy this key now and keep it safe: it will never be shown again. If you lose it, revoke it and create another.",
    bo_new_key: "Your new key",
    bo_copy: "Copy",
    bo_copied: "Key copied.",
    bo_copy_failed: "Copying did not work: select the key and copy it by hand.",
    bo_key_noted: "Noted, hide the key",
    bo_key_never_used: "Never used",
    bo_revoke: "Revoke",
    bo_revoke_warning: "This key will stop working at once, for good.",
    bo_revoke_confirm: "Yes, revoke this key",
    bo_revoke_keep: "No, keep it",
    bo_phone_heading: "Phone order",
    bo_phone_products: "1. The products",
    bo_phone_search: "Search for a product",
    bo_phone_search_button: "Search",
    bo_phone_no_result: "No product on sale matches.",
    bo_add: "Add",
    bo_remove: "Remove",
    bo_phone_lines: "2. The order",
    bo_phone_no_line: "No product yet: search for them above.",
    bo_error_quantity: "Write a quantity of at least 1 for each product, or remove it.",
    bo_error_no_line: "Add at least one product.",
    bo_phone_customer: "3. The customer",
    bo_customer_name: "Customer's name",
    bo_customer_phone: "Customer's phone",
    bo_phone_way: "Pickup or delivery",
    bo_error_way: "Your shop does not offer this: choose the other.",
    bo_error_delivery_commune: "Choose the town from the list. If it is not there, offer pickup at the shop.",
    bo_phone_note: "Note (optional)",
    bo_error_note: "The note is too long.",
    bo_phone_may_call: "May be called back",
    bo_phone_place: "Save the order",
    bo_phone_fix: "The order is not saved yet: fix what is marked in red.",
    bo_phone_stock: "The order is not saved: there is not enough of a product left (see the detail). Lower the quantity or remove it.",
    bo_phone_gone: "The order is not saved: a product is no longer on sale. Remove it.",
    bo_phone_not_placed: "The order is not saved.",
    bo_phone_to_inbox: "See the orders",
    bo_phone_another: "Take another order",
    bo_join_sent,
    bo_logo_of,
    bo_closed_on,
    bo_reopen_label,
    bo_key_created,
    bo_key_created_on,
    bo_key_used_on,
    bo_key_revoked_on,
    bo_add_named,
    bo_remove_named,
    bo_quantity_of,
    bo_in_stock,
    bo_phone_done,

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
fn bo_new_order(number: &str) -> String {
    format!("New order: {number}")
}

fn bo_call(phone: &str) -> String {
    format!("Call {phone}")
}

// Back-office: product management (issue 5, products part).

fn bo_product_count(count: u64) -> String {
    match count {
        0 => "No product".to_owned(),
        1 => "1 product".to_owned(),
        n => format!("{n} products"),
    }
}

fn bo_import_would(created: u64, updated: u64, unchanged: u64) -> String {
    format!(
        "The file is correct. To create: {created}; to change: {updated}; unchanged: {unchanged}. Nothing has changed yet."
    )
}

fn bo_import_done(created: u64, updated: u64, unchanged: u64) -> String {
    format!("Import applied. Created: {created}; changed: {updated}; unchanged: {unchanged}.")
}

fn bo_import_error_at(line: u64, field: &str) -> String {
    if field == "ligne" {
        format!("Line {line}:")
    } else {
        format!("Line {line}, column “{field}”:")
    }
}

fn bo_import_line(line: u64, creates: bool) -> String {
    if creates {
        format!("Line {line}, new product:")
    } else {
        format!("Line {line}, changed:")
    }
}

// Joining, the shop's profile, API keys, phone orders (back-office, shop part).

fn bo_join_sent(v: &str) -> String {
    format!("Thank you! The application for “{v}” is sent.")
}

fn bo_logo_of(v: &str) -> String {
    format!("Logo of {v}")
}

fn bo_closed_on(v: &str) -> String {
    format!("Closed on {}", dated(v))
}

fn bo_reopen_label(v: &str) -> String {
    format!("Remove {}", dated(v))
}

fn bo_key_created(v: &str) -> String {
    format!("Key “{v}” created")
}

fn bo_key_created_on(v: &str) -> String {
    format!("Created on {}", dated(v))
}

fn bo_key_used_on(v: &str) -> String {
    format!("Last used on {}", dated(v))
}

fn bo_key_revoked_on(v: &str) -> String {
    format!("Revoked on {}: no longer works", dated(v))
}

fn bo_add_named(v: &str) -> String {
    format!("Add {v}")
}

fn bo_remove_named(v: &str) -> String {
    format!("Remove {v}")
}

fn bo_quantity_of(v: &str) -> String {
    format!("Quantity: {v}")
}

fn bo_in_stock(v: &str) -> String {
    format!("{v} in stock")
}

fn bo_phone_done(v: &str) -> String {
    format!("Order {v} saved")
}

/// "Tuesday 1 December 2026" from `YYYY-MM-DD`.
pub(super) fn dated(iso: &str) -> String {
    match iso.get(..4) {
        Some(year) if calendar_date(iso).is_some() => format!("{} {year}", date(iso)),
        _ => iso.to_owned(),
    }
}
