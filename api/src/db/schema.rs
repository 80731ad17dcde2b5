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
        // People (account administration):
        suspended_at -> Nullable<Timestamp>,
        session_generation -> BigInt,
        search_text -> Text,
        // Delivery rounds (issue 11): volunteers need one.
        phone -> Nullable<Text>,
        // E-mail links (issue 12): when the account's address was last proved.
        email_verified_at -> Nullable<Timestamp>,
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
        /// Place among its siblings, from 0.
        position -> Integer,
        /// The name in English, if the association gave one.
        name_en -> Nullable<Text>,
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
        /// A restaurant delivered on the food rounds.
        delivers_on_food_days -> Bool,
        // Hoarding (issue 10): a guest's website order not confirmed after this many hours
        // is cancelled and its stock put back.
        release_unconfirmed_after_hours -> Integer,
        // Delivery rounds (issue 11): what the shop accepts on the doorstep.
        accepts_cash -> Bool,
        accepts_cheque -> Bool,
        /// Only where the shop lent the volunteers a card terminal.
        accepts_card -> Bool,
        /// Products entered for the shop (issue 11): its merchant lets the association
        /// manage its products.
        helpers_allowed -> Bool,
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
        /// Bumped on every picture upload or removal; in the picture URL as `?v=`.
        picture_version -> BigInt,
        // Races (issue 10): one more on every change of the row (a trigger bumps it); the
        // back-office's ETag and `If-Match`.
        version -> BigInt,
        // Delivery rounds (issue 11).
        keep_cold -> Bool,
        // Issue 15: none, perishable, made_to_order, sealed_hygiene.
        withdrawal_exception -> Text,
        // Issue 14: no price per kilo or litre shown (where the rules allow).
        unit_price_exempt -> Bool,
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
    /// A product's variants (issue 14): sizes, jars, cheese by weight.
    product_variants (id) {
        id -> BigInt,
        product_id -> BigInt,
        position -> Integer,
        label -> Text,
        price_cents -> BigInt,
        stock -> Nullable<Integer>,
        sku -> Nullable<Text>,
        ean -> Nullable<Text>,
        active -> Bool,
        net_quantity -> Nullable<BigInt>,
        net_unit -> Nullable<Text>,
        sold_by_weight -> Bool,
        price_per_kg_cents -> Nullable<BigInt>,
        estimated_weight_g -> Nullable<Integer>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
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
    cart_items (cart_id, variant_id) {
        cart_id -> Text,
        product_id -> BigInt,
        variant_id -> BigInt,
        quantity -> Integer,
        added_at -> Timestamp,
    }
}

diesel::table! {
    orders (id) {
        id -> BigInt,
        shop_id -> BigInt,
        cart_id -> Text,
        user_id -> Nullable<BigInt>,
        status -> Text,
        payment_status -> Text,
        payment_method -> Nullable<Text>,
        fulfilment_method -> Text,
        fulfilment_date -> Text,
        address_street -> Nullable<Text>,
        address_postcode -> Nullable<Text>,
        address_commune -> Nullable<Text>,
        customer_name -> Text,
        customer_phone -> Text,
        customer_email -> Nullable<Text>,
        contact_preference -> Text,
        note -> Text,
        total_cents -> BigInt,
        tracking_token -> Text,
        channel -> Text,
        cancel_reason -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        /// What the shop agreed with the customer (on the phone); the shop's eyes only.
        merchant_note -> Text,
        /// The marketplace's prefix when the order was placed (`UZ` in `UZ-2026-00042`).
        number_prefix -> Text,
        // Hoarding (issue 10): the client address a website checkout came from (an IPv6
        // address by its /64), to bound what one connection has waiting for confirmation.
        client_address -> Nullable<Text>,
        // Delivery rounds (issue 11): "code porte 1234, 2e étage", and the bags the shop
        // packed when it marked the order ready.
        address_access_note -> Nullable<Text>,
        bags -> Nullable<Integer>,
        // E-mails (issue 12): the shopper's language at checkout, `fr` or `en`.
        language -> Text,
    }
}

diesel::table! {
    order_lines (id) {
        id -> BigInt,
        order_id -> BigInt,
        product_id -> BigInt,
        name -> Text,
        unit_price_cents -> BigInt,
        vat_rate_bp -> Integer,
        quantity -> Integer,
        // Issue 15: the product's exception to the right of withdrawal when ordered.
        withdrawal_exception -> Text,
        // Issue 14: the variant as ordered, and what a line sold by weight weighed.
        variant_id -> Nullable<BigInt>,
        variant_label -> Text,
        net_quantity -> Nullable<BigInt>,
        net_unit -> Nullable<Text>,
        sold_by_weight -> Bool,
        price_per_kg_cents -> Nullable<BigInt>,
        estimated_weight_g -> Nullable<Integer>,
        actual_weight_g -> Nullable<Integer>,
        line_total_cents -> BigInt,
        removed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    order_events (id) {
        id -> BigInt,
        order_id -> BigInt,
        at -> Timestamp,
        actor -> Text,
        from_status -> Nullable<Text>,
        to_status -> Nullable<Text>,
        note -> Text,
        /// `placed`, `status`, `payment`, `note` or `delivery` (a tap of a round).
        kind -> Text,
    }
}

diesel::table! {
    idempotency_keys (cart_id, key) {
        cart_id -> Text,
        key -> Text,
        request -> Text,
        status -> Integer,
        response -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        replaced_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    /// Failed logins per account and per client address (issue 10).
    login_throttle (key) {
        key -> Text,
        started_at -> Timestamp,
        expires_at -> Timestamp,
        attempts -> Integer,
    }
}

diesel::table! {
    secrets (name) {
        name -> Text,
        value -> Text,
    }
}

diesel::table! {
    marketplace_settings (name) {
        name -> Text,
        value -> Text,
    }
}

diesel::table! {
    shop_closed_days (shop_id, day) {
        shop_id -> BigInt,
        day -> Text,
    }
}

diesel::table! {
    api_keys (id) {
        id -> BigInt,
        shop_id -> BigInt,
        name -> Text,
        key_hash -> Text,
        prefix -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        scopes -> Nullable<Text>,
    }
}

diesel::table! {
    /// A product's uploaded picture, JPEG, in two sizes.
    product_pictures (product_id) {
        product_id -> BigInt,
        display -> Binary,
        thumb -> Binary,
        content_type -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// A shop's uploaded logo, JPEG, in two sizes.
    shop_logos (shop_id) {
        shop_id -> BigInt,
        version -> BigInt,
        display -> Binary,
        thumb -> Binary,
        content_type -> Text,
        updated_at -> Timestamp,
    }
}

// The marketplace's settings (issue 9): one row, id 1.
diesel::table! {
    marketplace (id) {
        id -> BigInt,
        name -> Text,
        town -> Text,
        tagline_fr -> Text,
        tagline_en -> Text,
        intro_fr -> Text,
        intro_en -> Text,
        contact_phone -> Text,
        contact_email -> Text,
        contact_address -> Text,
        publisher_name -> Text,
        publisher_address -> Text,
        publication_director -> Text,
        host_name -> Text,
        host_address -> Text,
        host_phone -> Text,
        palette -> Text,
        order_number_prefix -> Text,
        logo_version -> BigInt,
        logo -> Nullable<Binary>,
        configured_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(product_pictures -> products (product_id));
diesel::joinable!(shop_logos -> shops (shop_id));
diesel::joinable!(shop_closed_days -> shops (shop_id));
diesel::joinable!(api_keys -> shops (shop_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(orders -> shops (shop_id));
diesel::joinable!(order_lines -> orders (order_id));
diesel::joinable!(order_events -> orders (order_id));
diesel::joinable!(cart_items -> carts (cart_id));
diesel::joinable!(cart_items -> products (product_id));
diesel::joinable!(cart_items -> product_variants (variant_id));
diesel::joinable!(product_variants -> products (product_id));
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
    product_variants,
    catalogue_version,
    carts,
    cart_items,
    orders,
    order_lines,
    order_events,
    idempotency_keys,
    refresh_tokens,
    login_throttle,
    secrets,
    marketplace_settings,
    marketplace,
    shop_closed_days,
    api_keys,
    product_pictures,
    shop_logos
);

diesel::table! {
    /// A shop's history: status changes, members, profile edits, closed days, API keys.
    shop_events (id) {
        id -> BigInt,
        shop_id -> BigInt,
        at -> Timestamp,
        actor -> Text,
        from_status -> Nullable<Text>,
        to_status -> Nullable<Text>,
        note -> Text,
    }
}

// Categories: the slugs of merged categories and the category they lead to.
diesel::table! {
    category_aliases (slug) {
        slug -> Text,
        category_id -> BigInt,
    }
}

diesel::joinable!(category_aliases -> categories (category_id));
diesel::allow_tables_to_appear_in_same_query!(category_aliases, categories);

// People (account administration): the history of each account, and password reset codes.
diesel::table! {
    /// What admins did to an account, with who and when.
    admin_events (id) {
        id -> BigInt,
        user_id -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<BigInt>,
        kind -> Text,
        detail -> Text,
    }
}

diesel::table! {
    /// The one-time password reset code of an account, stored hashed.
    reset_codes (user_id) {
        user_id -> BigInt,
        code_hash -> Text,
        expires_at -> Timestamp,
        attempts_left -> Integer,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

// The delivery zone and days (issue 9).
diesel::table! {
    /// The marketplace's closed days (holidays): no delivery on these dates.
    marketplace_closed_days (day) {
        day -> Text,
    }
}
// The outbox (issue 12; issue 17's webhooks will use it too).
diesel::table! {
    /// What must leave the server because of a change: written in the change's transaction,
    /// sent by the worker (`crate::outbox`).
    outbox (id) {
        id -> BigInt,
        /// `email` or `webhook`.
        channel -> Text,
        topic -> Text,
        recipient -> Text,
        subject -> Text,
        /// The whole message as JSON.
        payload -> Text,
        message_id -> Text,
        /// `pending`, `held`, `sent` or `failed`.
        state -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        lease_until -> Nullable<Timestamp>,
        lease_owner -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
    }
}
diesel::table! {
    /// Addresses a mail server refused for good: no more mail to them.
    refused_addresses (address) {
        address -> Text,
        refused_at -> Timestamp,
        reason -> Text,
    }
}

// Delivery rounds (issue 11).
diesel::table! {
    /// A round of a delivery date, driven by one or more volunteers.
    delivery_rounds (id) {
        id -> BigInt,
        delivery_date -> Text,
        name -> Text,
        ready_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    delivery_round_volunteers (round_id, user_id) {
        round_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::table! {
    /// The round an admin put a stop of a date in, and its place when set by hand.
    delivery_stops (delivery_date, stop_key) {
        delivery_date -> Text,
        stop_key -> Text,
        round_id -> BigInt,
        position -> Nullable<Integer>,
    }
}

diesel::table! {
    /// The place an admin last gave an address, reused on later rounds.
    delivery_stop_ranks (stop_key) {
        stop_key -> Text,
        rank -> Integer,
    }
}

diesel::table! {
    delivery_collections (round_id, shop_id) {
        round_id -> BigInt,
        shop_id -> BigInt,
        at -> Timestamp,
        actor -> Text,
    }
}

diesel::table! {
    /// Delivered or failed, per order and delivery date.
    delivery_outcomes (order_id, delivery_date) {
        order_id -> BigInt,
        delivery_date -> Text,
        outcome -> Text,
        reason -> Text,
        payment_method -> Nullable<Text>,
        actor -> Text,
        at -> Timestamp,
    }
}

diesel::joinable!(delivery_round_volunteers -> delivery_rounds (round_id));
diesel::joinable!(delivery_round_volunteers -> users (user_id));
diesel::joinable!(delivery_stops -> delivery_rounds (round_id));
diesel::joinable!(delivery_collections -> delivery_rounds (round_id));
diesel::joinable!(delivery_outcomes -> orders (order_id));
diesel::allow_tables_to_appear_in_same_query!(
    delivery_rounds,
    delivery_round_volunteers,
    delivery_stops,
    delivery_stop_ranks,
    delivery_collections,
    delivery_outcomes,
);
diesel::allow_tables_to_appear_in_same_query!(delivery_rounds, users);
diesel::allow_tables_to_appear_in_same_query!(delivery_round_volunteers, users);
diesel::allow_tables_to_appear_in_same_query!(delivery_outcomes, orders);
diesel::allow_tables_to_appear_in_same_query!(delivery_outcomes, shops);
diesel::allow_tables_to_appear_in_same_query!(delivery_collections, shops);

// Webhooks (issue 17).
diesel::table! {
    /// Where a shop (or, without a shop, the association) wants its events posted.
    webhook_endpoints (id) {
        id -> BigInt,
        shop_id -> Nullable<BigInt>,
        url -> Text,
        /// The event types, space-separated.
        events -> Text,
        description -> Text,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_until -> Nullable<Timestamp>,
        disabled_at -> Nullable<Timestamp>,
        disabled_reason -> Nullable<Text>,
        failing_since -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}
diesel::table! {
    /// The delivery log: one row per attempt.
    webhook_attempts (id) {
        id -> BigInt,
        endpoint_id -> BigInt,
        outbox_id -> BigInt,
        attempt -> Integer,
        attempted_at -> Timestamp,
        status -> Nullable<Integer>,
        duration_ms -> BigInt,
        response_excerpt -> Text,
    }
}
diesel::joinable!(webhook_attempts -> webhook_endpoints (endpoint_id));
diesel::joinable!(webhook_attempts -> outbox (outbox_id));
diesel::allow_tables_to_appear_in_same_query!(webhook_attempts, webhook_endpoints, outbox);
// E-mail links (issue 12): password resets and address verifications.
diesel::table! {
    /// A link sent by e-mail: only its token's SHA-256, single use, expiring.
    email_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        /// `reset` or `verify`.
        purpose -> Text,
        token_hash -> Text,
        /// The address the link was sent to.
        email -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}
diesel::joinable!(email_tokens -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(email_tokens, users);
// E-mail settings (issue 12); a missing row means the defaults.
diesel::table! {
    merchant_mail_settings (shop_id, user_id) {
        shop_id -> BigInt,
        user_id -> BigInt,
        new_order -> Bool,
        daily_summary -> Bool,
    }
}

diesel::table! {
    shop_mail_settings (shop_id) {
        shop_id -> BigInt,
        summary_time -> Text,
    }
}

diesel::table! {
    mail_opt_outs (address, topic) {
        address -> Text,
        topic -> Text,
        created_at -> Timestamp,
    }
}
// Products entered for a shop (issue 11): the volunteers an admin assigned to a consenting
// shop.
diesel::table! {
    shop_helpers (shop_id, user_id) {
        shop_id -> BigInt,
        user_id -> BigInt,
        assigned_at -> Timestamp,
    }
}

diesel::joinable!(shop_helpers -> shops (shop_id));
diesel::joinable!(shop_helpers -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(shop_helpers, shops);
diesel::allow_tables_to_appear_in_same_query!(shop_helpers, users);
// The dashboard (issue 13): catalogue searches per day and normalised query.
diesel::table! {
    search_log (day, query) {
        /// The day in Europe/Paris, `YYYY-MM-DD`.
        day -> Text,
        query -> Text,
        searches -> Integer,
        empty_searches -> Integer,
        results -> Integer,
    }
}

// The dashboard (issue 13): visits per day and page type, nothing per visitor.
diesel::table! {
    visit_log (day, page) {
        /// The day in Europe/Paris, `YYYY-MM-DD`.
        day -> Text,
        /// A page type, or `all` for the day's totals.
        page -> Text,
        page_views -> BigInt,
        visitors -> BigInt,
        flyer_visits -> BigInt,
    }
}

// The printed directory (issue 13): its settings (one row, id 1) and published editions.
diesel::table! {
    /// The cover's text and the shops left out (slugs, one per line).
    directory_settings (id) {
        id -> BigInt,
        cover_text -> Text,
        left_out -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The last published PDF of each format (`a5`, `a4`, `a5_imposed`).
    directory_editions (format) {
        format -> Text,
        pdf -> Binary,
        published_at -> Timestamp,
    }
}

// Personal data (issue 15): privacy settings (one row, id 1), erasures, pseudonymised
// orders and the scheduled anonymisation's log.
diesel::table! {
    privacy_settings (id) {
        id -> BigInt,
        contact_email -> Text,
        guest_retention_months -> Integer,
        message_retention_days -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    erasure_requests (id) {
        id -> BigInt,
        /// `account` or `guest`.
        kind -> Text,
        order_id -> Nullable<BigInt>,
        requested_at -> Timestamp,
        done_at -> Nullable<Timestamp>,
        done_by -> Nullable<BigInt>,
        orders_pseudonymised -> Integer,
    }
}

diesel::table! {
    anonymised_orders (order_id) {
        order_id -> BigInt,
        at -> Timestamp,
        /// `erasure` or `retention`.
        reason -> Text,
        erasure_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    anonymisation_runs (id) {
        id -> BigInt,
        ran_at -> Timestamp,
        cutoff -> Timestamp,
        orders -> Integer,
    }
}

diesel::joinable!(erasure_requests -> orders (order_id));
diesel::joinable!(erasure_requests -> users (done_by));
diesel::joinable!(anonymised_orders -> orders (order_id));
diesel::allow_tables_to_appear_in_same_query!(erasure_requests, orders);
diesel::allow_tables_to_appear_in_same_query!(erasure_requests, users);
diesel::allow_tables_to_appear_in_same_query!(erasure_requests, shops);
diesel::allow_tables_to_appear_in_same_query!(anonymised_orders, orders);

// Who sells, terms, withdrawal (issue 15).
diesel::table! {
    /// A shop's legal identity (issue 15); one row once given.
    shop_legal (shop_id) {
        shop_id -> BigInt,
        legal_name -> Text,
        legal_form -> Text,
        siret -> Text,
        registration -> Text,
        registration_city -> Text,
        vat_number -> Text,
        responsible -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Every saved version of the terms of use (`use`, shop 0) and of sale (`sale`: shop 0
    /// the association's default, else the shop's own).
    terms_versions (id) {
        id -> BigInt,
        scope -> Text,
        shop_id -> BigInt,
        version -> Integer,
        body -> Text,
        created_at -> Timestamp,
        created_by -> Text,
    }
}

diesel::table! {
    /// What an order's customer accepted, and its seller frozen at checkout (issue 15).
    order_legal (order_id) {
        order_id -> BigInt,
        seller -> Text,
        terms_of_use_version -> Integer,
        terms_of_sale_source -> Text,
        terms_of_sale_version -> Integer,
        terms_accepted_at -> Timestamp,
        terms_accepted_how -> Text,
    }
}

diesel::table! {
    /// Withdrawals (rétractation) of order lines, one per line (issue 15).
    order_withdrawals (id) {
        id -> BigInt,
        order_id -> BigInt,
        order_line_id -> BigInt,
        message -> Text,
        at -> Timestamp,
        actor -> Text,
    }
}

diesel::table! {
    /// The shops that went back to the association's default terms of sale after writing
    /// their own, and since when (issue 15).
    shop_default_terms (shop_id) {
        shop_id -> BigInt,
        since -> Timestamp,
    }
}

diesel::joinable!(shop_legal -> shops (shop_id));
diesel::joinable!(shop_default_terms -> shops (shop_id));
diesel::allow_tables_to_appear_in_same_query!(shop_default_terms, shops);
diesel::joinable!(order_legal -> orders (order_id));
diesel::joinable!(order_withdrawals -> orders (order_id));
diesel::allow_tables_to_appear_in_same_query!(shop_legal, shops);
diesel::allow_tables_to_appear_in_same_query!(order_legal, orders);
diesel::allow_tables_to_appear_in_same_query!(order_withdrawals, orders);
diesel::allow_tables_to_appear_in_same_query!(order_withdrawals, order_lines);
