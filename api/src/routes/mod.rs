//! The only route table: every API route is registered here, and the OpenAPI document is
//! collected from the same registrations, so the two cannot drift.

// The association's categories.
pub mod admin_categories;
// People (account administration).
pub mod admin_users;
// The delivery zone and days (issue 9).
pub mod admin_delivery;
// E-mails (issue 12): the association's mailbox.
pub mod admin_mail;
pub mod auth;
pub mod carts;
pub mod categories;
pub mod contract;
pub mod health;
pub mod marketplace;
pub mod orders;
pub mod pictures;
pub mod products;
// Delivery rounds (issue 11).
pub mod rounds;
pub mod shop_admin;
pub mod shop_orders;
pub mod shop_products;
pub mod shops;
pub mod spa;

use actix_web::App;
use utoipa::OpenApi;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{AppExt, scope};

/// The `/api/v1` routes.
pub fn api_v1(cfg: &mut ServiceConfig) {
    cfg.service(health::ping)
        .service(shops::list_shops)
        .service(shops::get_shop)
        .service(pictures::get_shop_logo)
        .service(categories::list_categories)
        .service(products::list_products)
        .service(products::get_product)
        .service(carts::create_cart)
        .service(carts::get_cart)
        .service(carts::add_cart_item)
        .service(carts::update_cart_item)
        .service(carts::remove_cart_item)
        .service(orders::checkout_cart)
        .service(orders::list_communes)
        .service(orders::track_order)
        .service(orders::get_order)
        .service(orders::cancel_order)
        .service(orders::list_my_orders)
        .service(orders::get_me)
        .service(orders::update_me)
        .service(auth::register)
        .service(auth::login)
        .service(auth::refresh)
        .service(auth::logout)
        .service(pictures::get_product_picture)
        // The shop's products in the back-office (export before the `{id}` routes).
        .service(shop_products::list_shop_products)
        .service(shop_products::create_product)
        .service(shop_products::export_products)
        .service(shop_products::import_products)
        .service(shop_products::update_product)
        .service(shop_products::publish_product)
        .service(shop_products::unpublish_product)
        .service(shop_products::archive_product)
        .service(shop_products::put_product_picture)
        .service(shop_products::delete_product_picture)
        .service(shop_products::put_shop_logo)
        .service(shop_products::delete_shop_logo)
        // Shop back-office: joining, approval, profile, closed days, API keys.
        .service(shop_admin::apply_for_shop)
        .service(shop_admin::list_my_shops)
        .service(shop_admin::list_all_shops)
        .service(shop_admin::approve_shop)
        .service(shop_admin::suspend_shop)
        .service(shop_admin::add_shop_member)
        .service(shop_admin::get_shop_profile)
        .service(shop_admin::update_shop)
        .service(shop_admin::list_closed_days)
        .service(shop_admin::add_closed_day)
        .service(shop_admin::remove_closed_day)
        .service(shop_admin::create_api_key)
        .service(shop_admin::list_api_keys)
        .service(shop_admin::revoke_api_key)
        // The shop's side of orders (the SSE route before its sibling: a longer path).
        .service(shop_orders::order_events)
        .service(shop_orders::list_shop_orders)
        .service(shop_orders::transition_order)
        .service(shop_orders::record_payment)
        .service(shop_orders::set_merchant_note)
        .service(shop_orders::create_phone_order)
        // The marketplace's settings (issue 9): public, then admins'.
        .service(marketplace::get_marketplace)
        .service(marketplace::get_marketplace_logo)
        .service(marketplace::get_admin_marketplace)
        .service(marketplace::update_marketplace)
        .service(marketplace::put_marketplace_logo)
        .service(marketplace::delete_marketplace_logo)
        // The association's categories (the defaults before the `{slug}` routes).
        .service(admin_categories::get_default_categories)
        .service(admin_categories::install_default_categories)
        .service(admin_categories::list_admin_categories)
        .service(admin_categories::create_category)
        .service(admin_categories::rename_category)
        .service(admin_categories::move_category)
        .service(admin_categories::merge_category)
        .service(admin_categories::delete_category)
        // People: the admins manage accounts. The reset with a code is public and lives
        // beside the codes it uses, not in `auth`.
        .service(admin_users::list_accounts)
        .service(admin_users::get_account)
        .service(admin_users::change_role)
        .service(admin_users::add_account_shop)
        .service(admin_users::remove_account_shop)
        .service(admin_users::suspend_account)
        .service(admin_users::reinstate_account)
        .service(admin_users::create_reset_code)
        .service(admin_users::reset_with_code)
        // The delivery zone and days (issue 9). The public rules (`/delivery`) sit with the
        // admins' routes that set them; the zone itself stays `orders::list_communes`.
        .service(admin_delivery::get_delivery)
        .service(admin_delivery::get_admin_delivery)
        .service(admin_delivery::update_delivery)
        .service(admin_delivery::add_marketplace_closed_day)
        .service(admin_delivery::remove_marketplace_closed_day)
        .service(admin_delivery::search_communes)
        .service(admin_delivery::add_commune)
        .service(admin_delivery::remove_commune)
        .service(admin_mail::list_mail)
        .service(admin_mail::get_mail)
        // Delivery rounds (issue 11). The admins' list of volunteers sits with the rounds it
        // staffs; the shop's view of its rounds too (the CSV before `{id}`'s siblings).
        .service(rounds::list_rounds)
        .service(rounds::create_round)
        .service(rounds::get_round_sheets_csv)
        .service(rounds::get_round_sheets)
        .service(rounds::get_round)
        .service(rounds::update_round)
        .service(rounds::delete_round)
        .service(rounds::set_round_volunteers)
        .service(rounds::set_round_stops)
        .service(rounds::tap_collected)
        .service(rounds::tap_delivered)
        .service(rounds::tap_failed)
        .service(rounds::list_volunteers)
        .service(rounds::shop_rounds);
}

/// The parts of the document that are not collected from the routes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Vitrine API",
        description = "The REST API of Vitrine, the online marketplace of a town's independent \
            shops. JSON in and out; errors are application/problem+json (RFC 9457) with a \
            stable `code`; lists answer `{items, page, per_page, total}`; money is integer \
            cents (`*_cents`) in EUR, VAT included.",
        license(name = "AGPL-3.0-or-later"),
    ),
    servers((url = "/", description = "This server")),
    tags(
        (name = "catalogue", description = "Shops, categories and products, public."),
        (name = "basket", description = "One basket across shops, grouped by shop with each \
            shop's pickup and delivery dates."),
        (name = "orders", description = "Checkout: one order per shop, free delivery or pickup, \
            paid at handover."),
        (name = "shop orders", description = "The shop's side of orders, for its merchants, its \
            API keys and admins: the inbox and its live feed (server-sent events), status \
            changes, payment at handover, the merchant's note, phone orders."),
        (name = "accounts", description = "Sign-up, log-in and sessions: a short-lived JWT \
            access token (Authorization: Bearer) and a rotating refresh token."),
        (name = "back-office", description = "A shop's products, pictures, logo and CSV \
            import/export, for its merchants, the association's admins and the shop's API keys \
            (Authorization: Bearer). A shop or product the caller may not run answers 404."),
        (name = "health", description = "Liveness and a fixed answer for benchmarks."),
        (name = "shop back-office", description = "A shop's merchants (or its API key) run it: \
            apply to join, the shops one runs, profile, opening hours, closed days."),
        (name = "administration", description = "The association approves, suspends and \
            staffs shops. Admins only: anyone else gets 404."),
        (name = "marketplace", description = "The marketplace's name, town, texts, contact, \
            legal notices and palette, as the web app shows them."),
        (name = "people", description = "The association's admins manage accounts: search, \
            roles, shop teams, suspension (sessions and keys stop at once), a one-time password \
            reset code to read out on the phone, and each account's history. Admins only: \
            anyone else gets 404."),
        (name = "mail", description = "The association's mailbox: every e-mail the server \
            wrote (to shops, shoppers and admins), pending, held (no mail server configured), \
            sent or failed, each readable whole. Admins only: anyone else gets 404."),
        (name = "rounds", description = "The association's delivery rounds: a delivery date's \
            deliveries split by admins into rounds with volunteers and ordered stops, the \
            collection and drop sheets (JSON and CSV), and the volunteers' taps (collected, \
            delivered, failed; each with an `Idempotency-Key`). Admins see every round; a \
            volunteer only those they drive, from the day before to the day after; anyone else \
            gets 404."),
        (name = "api keys", description = "Keys a shop's integrations (till, accounting) send \
            as `Authorization: Bearer vtr_...`: shown once, stored hashed, revocable."),
    ),
    components(schemas(shared::error::Problem, shared::error::ErrorCode, shared::error::FieldError)),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

/// Declares the `bearer` security scheme the protected routes name.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

/// The OpenAPI document, collected from [`api_v1`].
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(scope::scope("/api/v1").configure(api_v1))
        .split_for_parts();
    let mut api = api;
    contract::apply(&mut api);
    api
}
