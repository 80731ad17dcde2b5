//! Diesel table definitions, written by hand with portable types only, so one schema serves
//! SQLite and PostgreSQL. Keep in step with `migrations/{sqlite,postgres}`.

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        password_hash -> Text,
        name -> Text,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    communes (id) {
        id -> BigInt,
        name -> Text,
        postcode -> Text,
        insee -> Text,
    }
}

diesel::table! {
    categories (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        parent_id -> Nullable<BigInt>,
        position -> Integer,
    }
}

diesel::table! {
    shops (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        kind -> Text,
        status -> Text,
        description -> Text,
        address -> Text,
        commune -> Text,
        postcode -> Text,
        phone -> Text,
        email -> Text,
        opening_hours -> Text,
        offers_pickup -> Bool,
        offers_delivery -> Bool,
        vat_exempt -> Bool,
        search_text -> Text,
        sort_name -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    shop_members (shop_id, user_id) {
        shop_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::table! {
    products (id) {
        id -> BigInt,
        shop_id -> BigInt,
        category_id -> BigInt,
        slug -> Text,
        name -> Text,
        description -> Text,
        price_cents -> BigInt,
        vat_rate_bp -> Integer,
        stock -> Nullable<Integer>,
        status -> Text,
        search_text -> Text,
        sort_name -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// An active product of an active shop (kept by triggers).
        listed -> Bool,
    }
}

diesel::table! {
    /// One row, bumped by triggers on every change to products, shops or categories.
    catalogue_version (id) {
        id -> Integer,
        version -> BigInt,
    }
}

diesel::table! {
    carts (id) {
        id -> Text,
        user_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    cart_items (cart_id, product_id) {
        cart_id -> Text,
        product_id -> BigInt,
        quantity -> Integer,
        added_at -> Timestamp,
    }
}

diesel::joinable!(cart_items -> carts (cart_id));
diesel::joinable!(cart_items -> products (product_id));
diesel::joinable!(products -> shops (shop_id));
diesel::joinable!(products -> categories (category_id));
diesel::joinable!(shop_members -> shops (shop_id));
diesel::joinable!(shop_members -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    communes,
    categories,
    shops,
    shop_members,
    products,
    catalogue_version,
    carts,
    cart_items
);
