//! The only route table: every API route is registered here, and the OpenAPI document is
//! collected from the same registrations, so the two cannot drift.

// The association's categories.
pub mod admin_categories;
// People (account administration).
pub mod admin_users;
// The association's dashboard (issue 13).
pub mod admin_stats;
// The delivery zone and days (issue 9).
pub mod admin_delivery;
// E-mails (issue 12): the association's mailbox.
pub mod admin_mail;
pub mod auth;
pub mod carts;
pub mod categories;
pub mod contract;
// The printed directory of shops (issue 13).
pub mod directory;
// E-mail links (issue 12): password reset by e-mail, address verification.
pub mod email_links;
pub mod health;
// Who sells, terms, withdrawal (issue 15): `/terms`, and the shop and order routes of
// the same concern (`/shops/{slug}/legal`, `/shops/{slug}/terms`, `/orders/{id}/withdrawal`).
pub mod legal;
pub mod marketplace;
pub mod orders;
pub mod pictures;
// Personal data (issue 15): the privacy page, export, erasure, guests' requests.
pub mod privacy;
pub mod products;
// What each page's shell carries for search engines, previews and slow networks (issue 16).
pub mod public_pages;
// The public pages drawn on the server with the app's views (issue 16).
pub mod page_render;
// What no route declares: the webhook events and the list pages' examples.
mod reference;
// E-mail settings and the one-click unsubscribe (issue 12).
pub mod notifications;
// Delivery rounds (issue 11).
pub mod rounds;
// Products entered for a shop (issue 11).
pub mod product_help;
// Found by search engines (issue 16): robots.txt and the sitemap.
pub mod seo;
pub mod shop_admin;
pub mod shop_orders;
pub mod shop_products;
pub mod shops;
// A product's variants (issue 14).
pub mod spa;
pub mod variants;
// Visits counted without cookies (issue 13).
pub mod visits;
// Webhooks (issue 17).
pub mod webhooks;

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
        .service(carts::update_cart_variant)
        .service(carts::remove_cart_variant)
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
        // E-mail links (issue 12): under `/auth` and `/me`, in one module because they share
        // their links (the confirm before its parent's sibling: a longer path).
        .service(email_links::confirm_password_reset)
        .service(email_links::request_password_reset)
        .service(email_links::verify_email)
        .service(email_links::resend_verification)
        .service(pictures::get_product_picture)
        // The shop's products in the back-office (export before the `{id}` routes).
        .service(shop_products::list_shop_products)
        .service(shop_products::create_product)
        .service(shop_products::export_products)
        .service(shop_products::import_products)
        .service(shop_products::update_product)
        // A product's variants (issue 14).
        .service(variants::list_variants)
        .service(variants::create_variant)
        .service(variants::update_variant)
        .service(variants::delete_variant)
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
        .service(shop_orders::change_order_lines)
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
        // The sender's settings before `{id}`.
        .service(admin_mail::get_mail_settings)
        .service(admin_mail::update_mail_settings)
        .service(admin_mail::get_mail)
        // E-mail settings (issue 12): the shopper's, the merchant's, the one-click unsubscribe.
        .service(notifications::get_my_notifications)
        .service(notifications::update_my_notifications)
        .service(notifications::get_shop_notifications)
        .service(notifications::update_shop_notifications)
        .service(notifications::unsubscribe)
        // Delivery rounds (issue 11). The admins' list of volunteers sits with the rounds it
        // staffs; the shop's view of its rounds too (the CSV before `{id}`'s siblings).
        .service(rounds::list_rounds)
        .service(rounds::create_round)
        .service(rounds::get_round_sheets_csv)
        .service(rounds::get_round_collection_csv)
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
        .service(rounds::shop_rounds)
        // Webhooks (issue 17): a shop's endpoints (the association's live in `webhooks` too).
        .service(webhooks::list_webhooks)
        .service(webhooks::create_webhook)
        .service(webhooks::get_webhook)
        .service(webhooks::update_webhook)
        .service(webhooks::delete_webhook)
        .service(webhooks::rotate_webhook_secret)
        .service(webhooks::list_webhook_attempts)
        .service(webhooks::test_webhook)
        .service(webhooks::replay_webhooks)
        .service(webhooks::admin_list_webhooks)
        .service(webhooks::admin_create_webhook)
        .service(webhooks::admin_get_webhook)
        .service(webhooks::admin_update_webhook)
        .service(webhooks::admin_delete_webhook)
        .service(webhooks::admin_rotate_webhook_secret)
        .service(webhooks::admin_list_webhook_attempts)
        .service(webhooks::admin_test_webhook)
        .service(webhooks::admin_replay_webhooks)
        // Products entered for a shop (issue 11): the product routes themselves are
        // `shop_products`'s.
        .service(product_help::get_product_help)
        .service(product_help::set_product_help)
        .service(product_help::set_product_helpers)
        .service(product_help::list_helped_shops)
        .service(product_help::get_shop_history)
        // The association's dashboard (issue 13).
        .service(admin_stats::get_stats)
        .service(admin_stats::get_stats_csv)
        // Visits counted without cookies (issue 13): public, what the dashboard's tile shows.
        .service(visits::record_visit)
        // The printed directory (issue 13): the admins' routes, then the public copy.
        .service(directory::get_directory_settings)
        .service(directory::update_directory_settings)
        .service(directory::get_directory_pdf)
        .service(directory::get_directory_csv)
        .service(directory::publish_directory)
        .service(directory::get_published_directory)
        // Personal data (issue 15): under `/privacy`, `/me`, `/track` and `/admin`, in one
        // module because they share one model.
        .service(privacy::get_privacy)
        .service(privacy::export_my_data)
        .service(privacy::erase_me)
        .service(privacy::request_erasure)
        .service(privacy::get_admin_privacy)
        .service(privacy::update_privacy_settings)
        .service(privacy::execute_erasure)
        // Who sells, terms, withdrawal (issue 15).
        .service(legal::set_shop_legal)
        .service(legal::get_terms)
        .service(legal::get_terms_version)
        .service(legal::get_default_terms_of_sale)
        .service(legal::get_default_terms_of_sale_version)
        .service(legal::update_terms)
        .service(legal::update_default_terms_of_sale)
        .service(legal::get_shop_terms)
        .service(legal::get_shop_terms_version)
        .service(legal::update_shop_terms)
        .service(legal::use_default_terms_of_sale)
        .service(legal::withdraw_from_order);
}

/// The parts of the document that are not collected from the routes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Vitrine API",
        description = "The REST API of Vitrine, the online marketplace of a town's independent \
            shops. JSON in and out; errors are application/problem+json (RFC 9457) with a \
            stable `code`; lists answer `{items, page, per_page, total}`; money is integer \
            cents (`*_cents`) in EUR, VAT included. Integrators: start with the \
            [guide](/api/integrators.md) (keys and scopes, rate limit, paging, stock updates, \
            webhooks and their signatures, errors, retries).",
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
        (name = "webhooks", description = "Endpoints a shop (or the association) registers to \
            be told of orders, products and shops: signed as Standard Webhooks sign \
            (`webhook-id`, `webhook-timestamp`, `webhook-signature`), retried, with a delivery \
            log, a test event and replays. A shop's merchants (or its API key with \
            `webhooks:manage`) manage the shop's; the association's admins manage those that \
            hear of every shop. The events and their payloads are in the document's \
            `webhooks`."),
        (name = "dashboard", description = "The association's dashboard: orders and their \
            value, orders per shop, baskets (median, share across several shops), deliveries \
            per round and commune against pickups, the shops' confirmation lag, cancellations, \
            quiet shops, the catalogue's searches and the visits over a period, each tile also \
            as CSV. Admins only: anyone else gets 404."),
        (name = "visits", description = "The web app reports each public page it shows: \
            counted without cookies and without keeping anyone's address (a visitor is a keyed \
            hash, kept in memory for one day, of their address and browser), for the \
            dashboard's visits tile."),
        (name = "api keys", description = "Keys a shop's integrations (till, accounting) send \
            as `Authorization: Bearer vtr_...`: shown once, stored hashed, revocable."),
        (name = "legal", description = "What the law asks of the marketplace: the \
            association's terms of use, the terms of sale of each shop (its own, or the \
            association's default), every version kept and readable; each shop's legal \
            identity is on its page and on every order (`seller`)."),
    ),
    components(schemas(shared::error::Problem, shared::error::ErrorCode, shared::error::FieldError)),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

/// Declares the security schemes the protected routes name: `bearer` (an account's access
/// token) and `api_key` (a shop's key, whose scopes each operation names).
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
                    .description(Some(
                        "An account's access token (a JWT from `POST /api/v1/auth/login`), \
                         valid 15 minutes; renew it with `POST /api/v1/auth/refresh`.",
                    ))
                    .build(),
            ),
        );
        let scopes = shared::shop_admin::ApiKeyScope::ALL
            .map(|scope| format!("`{}`", scope.as_str()))
            .join(", ");
        components.add_security_scheme(
            crate::key_policy::API_KEY_SCHEME,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("vtr_ API key")
                    .description(Some(format!(
                        "A shop's API key (`Authorization: Bearer vtr_...`), made by its \
                         merchant with the scopes it needs ({scopes}); each operation open \
                         to keys names the scope it needs, and a key without it gets 403 \
                         `scope_missing`. Each key may make \
                         `--api-key-requests-per-minute` requests a minute (600 by default), \
                         counted across instances: beyond, 429 with `Retry-After`; every \
                         answer to a key carries `RateLimit-Limit`, `RateLimit-Remaining` and \
                         `RateLimit-Reset`."
                    )))
                    .build(),
            ),
        );
    }
}

/// The OpenAPI document as YAML (`openapi.yaml`, `/api/openapi.yaml`). Times written
/// `HH:MM` are quoted: the emitter leaves them bare, as YAML 1.2 allows, but YAML 1.1 readers
/// (PyYAML, and so the fuzzer and many integrators' tools) read a bare `12:30` as the
/// base-60 number 750.
pub fn openapi_yaml() -> anyhow::Result<String> {
    let yaml = openapi().to_yaml()?;
    let mut out = String::with_capacity(yaml.len() + 1024);
    for line in yaml.lines() {
        match line.rsplit_once(' ') {
            Some((head, value))
                if is_time(value) && (head.ends_with(':') || head.trim_start() == "-") =>
            {
                out.push_str(&format!("{head} '{value}'"));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    Ok(out)
}

/// `HH:MM`, the shape YAML 1.1 reads as a number.
fn is_time(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 5 && bytes[2] == b':' && [0, 1, 3, 4].iter().all(|&i| bytes[i].is_ascii_digit())
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
    reference::apply(&mut api);
    api
}
