//! The typed client of the Vitrine REST API: one async function per endpoint, the wire types
//! of `shared` in and out, and one error type, [`ApiError`].
//!
//! Requests go to the same origin (`/api/v1/...`) through the browser's `fetch`. A 404 that
//! is an ordinary outcome (a product no longer on sale, a shop gone, a filter naming a category
//! that no longer exists) is `Ok(None)`, so that pages show it as such rather than as a failure.

use gloo_net::http::{Method, Request, RequestBuilder, Response};
use serde::{Serialize, de::DeserializeOwned};
use shared::{
    MAX_PER_PAGE,
    Page,
    admin_categories::{
        AdminCategory, CategoryTree, CreateCategory, DefaultCategories, MergeCategory, MergeReport,
        MoveCategory, RenameCategory,
    },
    // People (account administration).
    admin_users::{
        Account, AccountQuery, AccountSummary, AddAccountShop, ChangeRole, ResetCode, ResetWithCode,
    },
    auth::Role,
    auth::{Login, RefreshToken, Register, Session},
    cart::{AddCartItem, Cart, UpdateCartItem},
    catalogue::{
        Category, PageQuery, Product, ProductCard, ProductQuery, Shop, ShopQuery, ShopSummary,
    },
    // The delivery zone and days (issue 9).
    delivery::{AddCommune, CommuneMatch, CommuneSearch, DeliverySettings, UpdateDelivery},
    directory::{DirectoryEdition, DirectoryFormat, DirectorySettings, UpdateDirectory},
    error::{ErrorCode, Problem},
    mail::{MailMessage, MailQuery, MailSummary},
    notifications::{
        MailSettings, MyNotifications, ShopNotifications, Unsubscribed, UpdateMailSettings,
        UpdateMyNotifications, UpdateShopNotifications,
    },
    order::{Checkout, CheckoutResult, Commune, Order, OrderStatus},
    // Delivery rounds (issue 11).
    rounds::{
        CreateRound, DeliveredTap, FailedTap, Round, RoundList, RoundSheets, RoundsQuery,
        SetRoundStops, SetRoundVolunteers, ShopRounds, UpdateRound, Volunteer,
    },
    shop_admin::{
        AdminShop, AdminShopQuery, ApiKey, ApiKeyScope, ApplyForShop, ClosedDay, CreateApiKey,
        NewApiKey, ShopProfile, UpdateShop,
    },
    shop_orders::{
        MerchantNote, OrderLinesChange, OrderTransition, PaymentMethod, PhoneOrder, RecordPayment,
        ShopOrdersQuery,
    },
    shop_products::{
        CreateProduct, ImportQuery, ImportReport, ShopLogo, ShopProduct, ShopProductQuery,
        UpdateProduct, VariantInput,
    },
    // Webhooks (issue 17).
    webhooks::{
        CreateWebhook, ReplayWebhooks, UpdateWebhook, WebhookAttempt, WebhookEndpoint,
        WebhookQueued, WebhookWithSecret,
    },
};
use wasm_bindgen::JsValue;

/// Where the API lives, relative to the page's origin.
const API_BASE: &str = "/api/v1";

/// Why a call to the API failed. Pages show it (see `components::ErrorBox`), never swallow it.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request did not get an answer: offline, server down, request blocked.
    Network(String),
    /// The API answered with an error body (`application/problem+json`).
    Api(Problem),
    /// The API answered, but not with the body this client expects.
    Decode(String),
}

/// `GET /shops`: one page of the shop directory, filtered by `query`.
pub async fn list_shops(query: &ShopQuery) -> Result<Page<ShopSummary>, ApiError> {
    get("/shops", query).await
}

/// `GET /categories`: one page of the flat list of categories.
pub async fn list_categories(query: &PageQuery) -> Result<Page<Category>, ApiError> {
    get("/categories", query).await
}

/// `GET /products`: one page of the catalogue, filtered, sorted and paged by `query`.
///
/// `None` when the query names a category or a shop that does not exist (404).
pub async fn list_products(query: &ProductQuery) -> Result<Option<Page<ProductCard>>, ApiError> {
    found(get("/products", query).await)
}

/// `GET /products/{id}`: a product's page; `None` when it is not on sale (404).
pub async fn get_product(id: i64) -> Result<Option<Product>, ApiError> {
    found(get(&format!("/products/{id}"), &NoQuery {}).await)
}

/// `GET /shops/{slug}`: a shop's page; `None` when there is no such active shop (404).
pub async fn get_shop(slug: &str) -> Result<Option<Shop>, ApiError> {
    let slug = uri_component(slug);
    found(get(&format!("/shops/{slug}"), &NoQuery {}).await)
}

/// `POST /carts`: a new, empty basket.
pub async fn create_cart() -> Result<Cart, ApiError> {
    decode(send(Method::POST, "/carts", None, &[]).await?).await
}

/// `GET /carts/{id}`: a basket; `None` when there is no such basket (404).
pub async fn get_cart(id: &str) -> Result<Option<Cart>, ApiError> {
    found(get(&cart_path(id, ""), &NoQuery {}).await)
}

/// `POST /carts/{id}/items`: adds `quantity` of a product to its line of the basket.
pub async fn add_cart_item(id: &str, item: &AddCartItem) -> Result<Cart, ApiError> {
    let body = json(item)?;
    decode(send(Method::POST, &cart_path(id, "/items"), Some(body), &[]).await?).await
}

/// `PATCH /carts/{id}/variants/{variant_id}`: sets a line's quantity (0 removes it).
pub async fn set_cart_quantity(id: &str, variant_id: i64, quantity: i64) -> Result<Cart, ApiError> {
    let body = json(&UpdateCartItem { quantity })?;
    let path = cart_path(id, &format!("/variants/{variant_id}"));
    decode(send(Method::PATCH, &path, Some(body), &[]).await?).await
}

/// `DELETE /carts/{id}/variants/{variant_id}`: removes a line.
pub async fn remove_cart_item(id: &str, variant_id: i64) -> Result<Cart, ApiError> {
    let path = cart_path(id, &format!("/variants/{variant_id}"));
    decode(send(Method::DELETE, &path, None, &[]).await?).await
}

/// `GET /communes`: every commune the volunteers deliver to, page after page (a zone
/// rarely needs more than one).
pub async fn list_communes() -> Result<Vec<Commune>, ApiError> {
    let mut communes = Vec::new();
    let mut page = 1;
    loop {
        let query = PageQuery {
            page: Some(page),
            per_page: Some(MAX_PER_PAGE),
        };
        let answer: Page<Commune> = get("/communes", &query).await?;
        let last = page >= answer.page_count() || answer.items.is_empty();
        communes.extend(answer.items);
        if last {
            return Ok(communes);
        }
        page += 1;
    }
}

/// `POST /carts/{id}/checkout`: one order per shop. `key` is the attempt's `Idempotency-Key`,
/// the same on every retry of the same attempt; with an access token, the orders are the
/// account's.
pub async fn checkout(
    id: &str,
    key: &str,
    checkout: &Checkout,
    access_token: Option<&str>,
) -> Result<CheckoutResult, ApiError> {
    let body = json(checkout)?;
    let path = cart_path(id, "/checkout");
    let bearer = access_token.map(|token| format!("Bearer {token}"));
    let mut headers = vec![("Idempotency-Key", key)];
    if let Some(bearer) = &bearer {
        headers.push(("Authorization", bearer));
    }
    decode(send(Method::POST, &path, Some(body), &headers).await?).await
}

/// Sent on every call to `/auth/*`: the server then keeps the refresh token in an HttpOnly
/// cookie the app never sees, and reads it from there.
const BROWSER_SESSION: (&str, &str) = (
    shared::auth::BROWSER_SESSION_HEADER,
    shared::auth::BROWSER_SESSION_VALUE,
);

/// `POST /auth/register`: a new customer account, signed in (the refresh token in the
/// cookie).
pub async fn register(account: &Register) -> Result<Session, ApiError> {
    let body = json(account)?;
    decode(
        send(
            Method::POST,
            "/auth/register",
            Some(body),
            &[BROWSER_SESSION],
        )
        .await?,
    )
    .await
}

/// `POST /auth/login`: a session for an e-mail and password (the refresh token in the
/// cookie).
pub async fn login(credentials: &Login) -> Result<Session, ApiError> {
    let body = json(credentials)?;
    decode(send(Method::POST, "/auth/login", Some(body), &[BROWSER_SESSION]).await?).await
}

/// `POST /auth/refresh`: a new session for the cookie's refresh token, which the new one
/// replaces.
pub async fn refresh() -> Result<Session, ApiError> {
    let body = json(&RefreshToken {
        refresh_token: None,
    })?;
    decode(
        send(
            Method::POST,
            "/auth/refresh",
            Some(body),
            &[BROWSER_SESSION],
        )
        .await?,
    )
    .await
}

/// `POST /auth/logout`: the cookie's refresh token stops working, and the cookie goes.
pub async fn logout() -> Result<(), ApiError> {
    let body = json(&RefreshToken {
        refresh_token: None,
    })?;
    send(Method::POST, "/auth/logout", Some(body), &[BROWSER_SESSION]).await?;
    Ok(())
}

/// `GET /me/orders`: one page of the signed-in account's orders, newest first.
pub async fn my_orders(access_token: &str, page: u32) -> Result<Page<Order>, ApiError> {
    let query = PageQuery {
        page: Some(page),
        per_page: None,
    };
    authorized_get("/me/orders", &query, access_token).await
}

/// `GET /track/{token}`: an order seen through its tracking link; `None` when no order has it.
pub async fn track_order(token: &str) -> Result<Option<Order>, ApiError> {
    let token = uri_component(token);
    found(get(&format!("/track/{token}"), &NoQuery {}).await)
}

/// `GET /me/shops`: the shops the signed-in merchant runs.
pub async fn my_shops(token: &str) -> Result<Page<ShopProfile>, ApiError> {
    let query = PageQuery {
        page: None,
        per_page: Some(MAX_PER_PAGE),
    };
    authorized_get("/me/shops", &query, token).await
}

/// `GET /admin/shops?status=pending`: the shops waiting for the association's approval
/// (admins only: anyone else gets a 404).
pub async fn pending_shops(token: &str) -> Result<Page<AdminShop>, ApiError> {
    let query = AdminShopQuery {
        status: Some("pending".to_owned()),
        page: None,
        per_page: Some(MAX_PER_PAGE),
    };
    authorized_get("/admin/shops", &query, token).await
}

/// `GET /admin/shops?status=active`: the shops on the site.
pub async fn active_shops(token: &str) -> Result<Page<AdminShop>, ApiError> {
    let query = AdminShopQuery {
        status: Some("active".to_owned()),
        page: None,
        per_page: Some(MAX_PER_PAGE),
    };
    authorized_get("/admin/shops", &query, token).await
}

/// `POST /admin/shops/{slug}/approve`: the shop goes on the site.
pub async fn approve_shop(token: &str, slug: &str) -> Result<ShopProfile, ApiError> {
    let path = format!("/admin/shops/{}/approve", uri_component(slug));
    authorized_send(Method::POST, &path, "{}".to_owned(), token).await
}

// ---- Personal data (issue 15) ----

/// `GET /privacy`: what the privacy page shows.
pub async fn privacy() -> Result<shared::privacy::Privacy, ApiError> {
    get("/privacy", &NoQuery {}).await
}

/// `GET /me/export`: everything about the signed-in person, as the JSON file's bytes.
pub async fn export_my_data(token: &str) -> Result<Vec<u8>, ApiError> {
    let bearer = format!("Bearer {token}");
    let headers = [
        ("Authorization", bearer.as_str()),
        ("Accept", "application/json"),
    ];
    let response = send_get("/me/export", Vec::new(), &headers).await?;
    response
        .binary()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))
}

/// `DELETE /me`: erases the signed-in account, the password typed again.
pub async fn erase_me(
    token: &str,
    erase: &shared::privacy::EraseAccount,
) -> Result<shared::privacy::Erasure, ApiError> {
    let body = json(erase)?;
    authorized_send(Method::DELETE, "/me", body, token).await
}

/// `POST /track/{token}/erasure-request`: a guest asks for their data to be erased.
pub async fn request_erasure(
    tracking: &str,
) -> Result<shared::privacy::ErasureRequested, ApiError> {
    let path = format!("/track/{}/erasure-request", uri_component(tracking));
    decode(send(Method::POST, &path, None, &[]).await?).await
}

/// `GET /admin/privacy`: the settings, erasures and anonymisation log (admins).
pub async fn admin_privacy(token: &str) -> Result<shared::privacy::AdminPrivacy, ApiError> {
    authorized_get("/admin/privacy", &NoQuery {}, token).await
}

/// `PATCH /admin/privacy`: changes the privacy settings (admins).
pub async fn update_privacy(
    token: &str,
    change: &shared::privacy::UpdatePrivacySettings,
) -> Result<shared::privacy::PrivacySettings, ApiError> {
    let body = json(change)?;
    authorized_send(Method::PATCH, "/admin/privacy", body, token).await
}

/// `POST /admin/privacy/erasure-requests/{id}/execute`: carries out a guest's request.
pub async fn execute_erasure(
    token: &str,
    id: i64,
) -> Result<shared::privacy::ErasureRequest, ApiError> {
    let path = format!("/admin/privacy/erasure-requests/{id}/execute");
    authorized_send(Method::POST, &path, "{}".to_owned(), token).await
}

// ---- The printed directory of shops (admins, issue 13) ----

/// `GET /admin/directory`: the cover's text, the shops left out, the published editions.
pub async fn directory_settings(token: &str) -> Result<DirectorySettings, ApiError> {
    authorized_get("/admin/directory", &NoQuery {}, token).await
}

/// `PUT /admin/directory`: replaces the cover's text and the shops left out.
pub async fn update_directory(
    token: &str,
    change: &UpdateDirectory,
) -> Result<DirectorySettings, ApiError> {
    let body = json(change)?;
    authorized_send(Method::PUT, "/admin/directory", body, token).await
}

/// `GET /admin/directory.pdf?format=` (the PDF), or `GET /admin/directory.csv` (`None`).
pub async fn directory_file(
    token: &str,
    format: Option<DirectoryFormat>,
) -> Result<Vec<u8>, ApiError> {
    let bearer = format!("Bearer {token}");
    let (path, pairs, accept) = match format {
        Some(format) => (
            "/admin/directory.pdf",
            vec![("format".to_owned(), format.as_str().to_owned())],
            "application/pdf",
        ),
        None => ("/admin/directory.csv", Vec::new(), "text/csv"),
    };
    let headers = [("Authorization", bearer.as_str()), ("Accept", accept)];
    let response = send_get(path, pairs, &headers).await?;
    response
        .binary()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))
}

/// `POST /admin/directory/publish?format=`: stores the edition the public address serves.
pub async fn publish_directory(
    token: &str,
    format: DirectoryFormat,
) -> Result<DirectoryEdition, ApiError> {
    let path = format!("/admin/directory/publish?format={}", format.as_str());
    authorized_send(Method::POST, &path, "{}".to_owned(), token).await
}

// ---- The association's mailbox (admins, issue 12) ----

/// `GET /admin/mail`: the e-mails sent, to send or held, newest first.
pub async fn mailbox(token: &str, query: &MailQuery) -> Result<Page<MailSummary>, ApiError> {
    authorized_get("/admin/mail", query, token).await
}

/// `GET /admin/mail/{id}`: one e-mail as it is (or would be) sent.
pub async fn mail_message(token: &str, id: i64) -> Result<MailMessage, ApiError> {
    authorized_get(&format!("/admin/mail/{id}"), &NoQuery {}, token).await
}

// ---- The association's dashboard (admins, issue 13) ----

/// `GET /admin/stats`: every tile of the dashboard over a period.
pub async fn dashboard(
    token: &str,
    query: &shared::stats::StatsQuery,
) -> Result<shared::stats::Dashboard, ApiError> {
    authorized_get("/admin/stats", query, token).await
}

/// `GET /admin/stats/{tile}.csv`: one tile as a spreadsheet file.
pub async fn dashboard_csv(
    token: &str,
    tile: shared::stats::StatsTile,
    query: &shared::stats::StatsQuery,
) -> Result<Vec<u8>, ApiError> {
    let bearer = format!("Bearer {token}");
    let headers = [("Authorization", bearer.as_str()), ("Accept", "text/csv")];
    let path = format!("/admin/stats/{}.csv", tile.as_str());
    let response = send_get(&path, query_pairs(query)?, &headers).await?;
    response
        .binary()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))
}

// ---- Visits (issue 13) ----

/// `POST /visits`: reports the page just shown, without waiting for anything
/// (`navigator.sendBeacon`, sent as text, which needs no preflight and survives leaving the
/// page). A browser that cannot send it is simply not counted.
pub fn send_visit(visit: &shared::stats::Visit) {
    let Ok(body) = serde_json::to_string(visit) else {
        return;
    };
    let _ = leptos::prelude::window()
        .navigator()
        .send_beacon_with_opt_str(&format!("{API_BASE}/visits"), Some(&body));
}

// ---- The association's categories (admins) ----

/// `GET /admin/categories`: the whole tree with its product counts.
pub async fn admin_categories(token: &str) -> Result<CategoryTree, ApiError> {
    authorized_get("/admin/categories", &NoQuery {}, token).await
}

/// `GET /admin/categories/defaults`: what the default tree holds.
pub async fn default_categories(token: &str) -> Result<DefaultCategories, ApiError> {
    authorized_get("/admin/categories/defaults", &NoQuery {}, token).await
}

/// `POST /admin/categories/defaults`: installs the default tree on an empty marketplace.
pub async fn install_default_categories(token: &str) -> Result<CategoryTree, ApiError> {
    authorized_send(
        Method::POST,
        "/admin/categories/defaults",
        "{}".to_owned(),
        token,
    )
    .await
}

/// `POST /admin/categories`: a new category, last among its siblings.
pub async fn create_category(
    token: &str,
    category: &CreateCategory,
) -> Result<AdminCategory, ApiError> {
    authorized_send(Method::POST, "/admin/categories", json(category)?, token).await
}

/// `PATCH /admin/categories/{slug}`: new names; the slug stays.
pub async fn rename_category(
    token: &str,
    slug: &str,
    names: &RenameCategory,
) -> Result<AdminCategory, ApiError> {
    authorized_send(Method::PATCH, &category_path(slug, ""), json(names)?, token).await
}

/// `POST /admin/categories/{slug}/move`: a new parent and place; the tree after it.
pub async fn move_category(
    token: &str,
    slug: &str,
    place: &MoveCategory,
) -> Result<CategoryTree, ApiError> {
    authorized_send(
        Method::POST,
        &category_path(slug, "/move"),
        json(place)?,
        token,
    )
    .await
}

/// `POST /admin/categories/{slug}/merge`: everything moves into `into`.
pub async fn merge_category(token: &str, slug: &str, into: &str) -> Result<MergeReport, ApiError> {
    let body = json(&MergeCategory {
        into: into.to_owned(),
    })?;
    authorized_send(Method::POST, &category_path(slug, "/merge"), body, token).await
}

/// `DELETE /admin/categories/{slug}`: removes an empty category.
pub async fn delete_category(token: &str, slug: &str) -> Result<(), ApiError> {
    authorized_delete(&category_path(slug, ""), token).await
}

fn category_path(slug: &str, rest: &str) -> String {
    format!("/admin/categories/{}{rest}", uri_component(slug))
}

/// `GET /shops/{slug}/orders`: one page of a shop's orders, newest first.
pub async fn shop_orders(
    token: &str,
    slug: &str,
    status: Option<OrderStatus>,
) -> Result<Page<Order>, ApiError> {
    let query = ShopOrdersQuery {
        status,
        page: None,
        per_page: Some(MAX_PER_PAGE),
    };
    authorized_get(&shop_path(slug, "/orders"), &query, token).await
}

/// `GET /orders/{id}`: one order, as its shop sees it.
pub async fn get_order(token: &str, id: i64) -> Result<Order, ApiError> {
    authorized_get(&format!("/orders/{id}"), &NoQuery {}, token).await
}

/// `POST /orders/{id}/transitions`: moves an order on (or cancels it, with a reason).
pub async fn transition_order(
    token: &str,
    id: i64,
    to: OrderStatus,
    reason: Option<String>,
) -> Result<Order, ApiError> {
    let body = json(&OrderTransition {
        to,
        reason,
        bags: None,
    })?;
    authorized_send(
        Method::POST,
        &format!("/orders/{id}/transitions"),
        body,
        token,
    )
    .await
}

/// `POST /orders/{id}/payment`: the order was paid at handover.
pub async fn record_payment(
    token: &str,
    id: i64,
    method: PaymentMethod,
) -> Result<Order, ApiError> {
    let body = json(&RecordPayment { method })?;
    authorized_send(Method::POST, &format!("/orders/{id}/payment"), body, token).await
}

/// `PATCH /orders/{id}/lines`: one agreed change of the order's lines after the call.
pub async fn change_order_lines(
    token: &str,
    id: i64,
    change: &OrderLinesChange,
) -> Result<Order, ApiError> {
    let body = json(change)?;
    authorized_send(Method::PATCH, &format!("/orders/{id}/lines"), body, token).await
}

/// `PUT /orders/{id}/merchant-note`: what was agreed with the customer.
pub async fn set_merchant_note(token: &str, id: i64, note: String) -> Result<Order, ApiError> {
    let body = json(&MerchantNote { note })?;
    authorized_send(
        Method::PUT,
        &format!("/orders/{id}/merchant-note"),
        body,
        token,
    )
    .await
}

/// `GET /shops/{slug}/products`: one page of a shop's products, every status.
pub async fn shop_products(
    token: &str,
    slug: &str,
    page: u32,
) -> Result<Page<ShopProduct>, ApiError> {
    let query = ShopProductQuery {
        status: None,
        q: None,
        page: Some(page),
        per_page: Some(MAX_PER_PAGE),
    };
    authorized_get(&shop_path(slug, "/products"), &query, token).await
}

/// `PATCH /products/{id}`: changes some of a product's fields.
pub async fn update_product(
    token: &str,
    id: i64,
    change: &UpdateProduct,
) -> Result<ShopProduct, ApiError> {
    let body = json(change)?;
    authorized_send(Method::PATCH, &format!("/products/{id}"), body, token).await
}

// Races (issue 10): a change checked against the version the merchant saw.

/// `PATCH /products/{id}` with `If-Match: "<version>"`: changes the product only if it has
/// not changed since `version` was read, else 409 `product_changed`.
pub async fn update_product_if_unchanged(
    token: &str,
    id: i64,
    change: &UpdateProduct,
    version: i64,
) -> Result<ShopProduct, ApiError> {
    let body = json(change)?;
    let bearer = format!("Bearer {token}");
    let tag = format!("\"{version}\"");
    let headers = [
        ("Authorization", bearer.as_str()),
        ("If-Match", tag.as_str()),
    ];
    decode(
        send(
            Method::PATCH,
            &format!("/products/{id}"),
            Some(body),
            &headers,
        )
        .await?,
    )
    .await
}

// Back-office product management (issue 5, products part).

/// `GET /shops/{slug}/products`: one page of a shop's products, filtered by status and words.
pub async fn search_shop_products(
    token: &str,
    slug: &str,
    query: &ShopProductQuery,
) -> Result<Page<ShopProduct>, ApiError> {
    authorized_get(&shop_path(slug, "/products"), query, token).await
}

/// `POST /shops/{slug}/products`: a new product, a draft.
pub async fn create_product(
    token: &str,
    slug: &str,
    product: &CreateProduct,
) -> Result<ShopProduct, ApiError> {
    let body = json(product)?;
    authorized_send(Method::POST, &shop_path(slug, "/products"), body, token).await
}

/// `POST /products/{id}/publish`: the draft goes on sale (409 if it cannot).
pub async fn publish_product(token: &str, id: i64) -> Result<ShopProduct, ApiError> {
    let path = format!("/products/{id}/publish");
    authorized_send(Method::POST, &path, "{}".to_owned(), token).await
}

/// `POST /products/{id}/unpublish`: the product goes back to draft (409 if it is one).
pub async fn unpublish_product(token: &str, id: i64) -> Result<ShopProduct, ApiError> {
    let path = format!("/products/{id}/unpublish");
    authorized_send(Method::POST, &path, "{}".to_owned(), token).await
}

/// `POST /products/{id}/archive`: the product is withdrawn (409 if it already is).
pub async fn archive_product(token: &str, id: i64) -> Result<ShopProduct, ApiError> {
    let path = format!("/products/{id}/archive");
    authorized_send(Method::POST, &path, "{}".to_owned(), token).await
}

/// `PUT /products/{id}/picture`: the file's bytes become the product's picture.
pub async fn put_product_picture(
    token: &str,
    id: i64,
    file: &web_sys::File,
) -> Result<ShopProduct, ApiError> {
    let path = format!("/products/{id}/picture");
    let response = send_file(Method::PUT, &path, Vec::new(), &file.type_(), file, token).await?;
    decode(checked(response).await?).await
}

/// `DELETE /products/{id}/picture`: the generated picture is shown again.
pub async fn delete_product_picture(token: &str, id: i64) -> Result<(), ApiError> {
    let bearer = format!("Bearer {token}");
    let path = format!("/products/{id}/picture");
    send(Method::DELETE, &path, None, &[("Authorization", &bearer)]).await?;
    Ok(())
}

/// `POST /products/{id}/variants`: adds a size, jar or cut; the product with its variants.
pub async fn create_variant(
    token: &str,
    id: i64,
    variant: &VariantInput,
) -> Result<ShopProduct, ApiError> {
    let body = json(variant)?;
    authorized_send(
        Method::POST,
        &format!("/products/{id}/variants"),
        body,
        token,
    )
    .await
}

/// `PATCH /products/{id}/variants/{variant_id}`: changes one; the product with its variants.
pub async fn update_variant(
    token: &str,
    id: i64,
    variant_id: i64,
    change: &VariantInput,
) -> Result<ShopProduct, ApiError> {
    let body = json(change)?;
    let path = format!("/products/{id}/variants/{variant_id}");
    authorized_send(Method::PATCH, &path, body, token).await
}

/// `DELETE /products/{id}/variants/{variant_id}`: removes one; the product with the others.
pub async fn delete_variant(
    token: &str,
    id: i64,
    variant_id: i64,
) -> Result<ShopProduct, ApiError> {
    let bearer = format!("Bearer {token}");
    let path = format!("/products/{id}/variants/{variant_id}");
    decode(send(Method::DELETE, &path, None, &[("Authorization", &bearer)]).await?).await
}

/// `GET /shops/{slug}/products/export`: the shop's products as a CSV file.
pub async fn export_products(token: &str, slug: &str) -> Result<Vec<u8>, ApiError> {
    let bearer = format!("Bearer {token}");
    let headers = [("Authorization", bearer.as_str()), ("Accept", "text/csv")];
    let response = send_get(&shop_path(slug, "/products/export"), Vec::new(), &headers).await?;
    response
        .binary()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))
}

/// `POST /shops/{slug}/products/import`: the CSV file's report; with `dry_run`, nothing
/// changes. A file with bad lines is a report too (200 for a dry run, 422 otherwise), never
/// an error.
pub async fn import_products(
    token: &str,
    slug: &str,
    file: &web_sys::File,
    dry_run: bool,
) -> Result<ImportReport, ApiError> {
    let query = ImportQuery {
        dry_run: dry_run.then_some(true),
    };
    let path = shop_path(slug, "/products/import");
    let pairs = query_pairs(&query)?;
    let response = send_file(Method::POST, &path, pairs, "text/csv", file, token).await?;
    if response.status() == 422 {
        return decode(response).await;
    }
    decode(checked(response).await?).await
}

/// A picture the API serves only to its shop (`picture_url` of a product not on sale), at its
/// address (`/api/v1/...`): its bytes and content type.
pub async fn private_picture(token: &str, url: &str) -> Result<(Vec<u8>, String), ApiError> {
    let bearer = format!("Bearer {token}");
    let response = Request::get(url)
        .header("Authorization", &bearer)
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    let response = checked(response).await?;
    let kind = response.headers().get("content-type").unwrap_or_default();
    let bytes = response
        .binary()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    Ok((bytes, kind))
}

/// Sends a file as the whole body, with its content type, unchecked: the caller reads the
/// status.
async fn send_file(
    method: Method,
    path: &str,
    pairs: Vec<(String, String)>,
    content_type: &str,
    file: &web_sys::File,
    token: &str,
) -> Result<Response, ApiError> {
    let bearer = format!("Bearer {token}");
    let body: &JsValue = file.as_ref();
    RequestBuilder::new(&format!("{API_BASE}{path}"))
        .method(method)
        .header("Accept", "application/json")
        .header("Authorization", &bearer)
        .header("Content-Type", content_type)
        .query(pairs.iter().map(|(name, value)| (name.as_str(), value)))
        .body(body.clone())
        .map_err(|error| ApiError::Network(error.to_string()))?
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))
}

/// `GET /shops/{slug}/orders/events`: the shop's live feed (server-sent events), as a
/// response whose body streams.
pub async fn shop_order_events(
    token: &str,
    slug: &str,
    last_event_id: Option<i64>,
) -> Result<Response, ApiError> {
    let bearer = format!("Bearer {token}");
    let last = last_event_id.map(|id| id.to_string());
    let mut headers = vec![
        ("Authorization", bearer.as_str()),
        ("Accept", "text/event-stream"),
    ];
    if let Some(last) = &last {
        headers.push(("Last-Event-ID", last));
    }
    send_get(&shop_path(slug, "/orders/events"), Vec::new(), &headers).await
}

// Joining, the shop's profile, API keys, phone orders (back-office, shop part).

/// `POST /shops`: applies to join the marketplace; the shop waits for the association.
pub async fn apply_for_shop(
    token: &str,
    application: &ApplyForShop,
) -> Result<ShopProfile, ApiError> {
    let body = json(application)?;
    authorized_send(Method::POST, "/shops", body, token).await
}

/// `GET /shops/{slug}/profile`: a shop the signed-in merchant runs, as they can change it.
pub async fn shop_profile(token: &str, slug: &str) -> Result<ShopProfile, ApiError> {
    authorized_get(&shop_path(slug, "/profile"), &NoQuery {}, token).await
}

/// `PATCH /shops/{slug}`: changes some of the shop's profile.
pub async fn update_shop(
    token: &str,
    slug: &str,
    change: &UpdateShop,
) -> Result<ShopProfile, ApiError> {
    let body = json(change)?;
    authorized_send(Method::PATCH, &shop_path(slug, ""), body, token).await
}

/// `GET /shops/{slug}/closed-days`: the days the shop will be closed, soonest first.
pub async fn closed_days(token: &str, slug: &str) -> Result<Page<ClosedDay>, ApiError> {
    let query = PageQuery {
        page: None,
        per_page: Some(MAX_PER_PAGE),
    };
    authorized_get(&shop_path(slug, "/closed-days"), &query, token).await
}

/// `POST /shops/{slug}/closed-days`: the shop will be closed on `date` (`YYYY-MM-DD`).
pub async fn add_closed_day(token: &str, slug: &str, date: &str) -> Result<ClosedDay, ApiError> {
    let body = json(&ClosedDay {
        date: date.to_owned(),
    })?;
    authorized_send(Method::POST, &shop_path(slug, "/closed-days"), body, token).await
}

/// `DELETE /shops/{slug}/closed-days/{date}`: the shop opens again on `date`.
pub async fn remove_closed_day(token: &str, slug: &str, date: &str) -> Result<(), ApiError> {
    let path = shop_path(slug, &format!("/closed-days/{}", uri_component(date)));
    authorized_delete(&path, token).await
}

/// `PUT /shops/{slug}/logo`: the file's bytes, with its content type, become the logo.
pub async fn put_shop_logo(
    token: &str,
    slug: &str,
    file: web_sys::File,
) -> Result<ShopLogo, ApiError> {
    let path = shop_path(slug, "/logo");
    let response = send_file(Method::PUT, &path, Vec::new(), &file.type_(), &file, token).await?;
    decode(checked(response).await?).await
}

/// `GET /shops/{slug}/api-keys`: the shop's API keys, revoked ones included.
pub async fn api_keys(token: &str, slug: &str) -> Result<Page<ApiKey>, ApiError> {
    let query = PageQuery {
        page: None,
        per_page: Some(MAX_PER_PAGE),
    };
    authorized_get(&shop_path(slug, "/api-keys"), &query, token).await
}

/// `POST /shops/{slug}/api-keys`: a new key, whose secret is in the answer only.
pub async fn create_api_key(
    token: &str,
    slug: &str,
    name: &str,
    scopes: Vec<ApiKeyScope>,
) -> Result<NewApiKey, ApiError> {
    let body = json(&CreateApiKey {
        name: name.to_owned(),
        scopes: Some(scopes),
    })?;
    authorized_send(Method::POST, &shop_path(slug, "/api-keys"), body, token).await
}

/// `DELETE /shops/{slug}/api-keys/{id}`: the key stops working.
pub async fn revoke_api_key(token: &str, slug: &str, id: i64) -> Result<(), ApiError> {
    authorized_delete(&shop_path(slug, &format!("/api-keys/{id}")), token).await
}

// ---- Webhooks (issue 17): a shop's endpoints (`Some(slug)`) or the association's (`None`) ----

/// The webhooks' path of a shop or of the association, with `rest` after it.
fn webhooks_path(slug: Option<&str>, rest: &str) -> String {
    match slug {
        Some(slug) => shop_path(slug, &format!("/webhooks{rest}")),
        None => format!("/admin/webhooks{rest}"),
    }
}

/// `GET …/webhooks`: the endpoints, never their secrets.
pub async fn webhooks(token: &str, slug: Option<&str>) -> Result<Page<WebhookEndpoint>, ApiError> {
    let query = PageQuery {
        page: None,
        per_page: Some(MAX_PER_PAGE),
    };
    authorized_get(&webhooks_path(slug, ""), &query, token).await
}

/// `POST …/webhooks`: a new endpoint, whose secret is in the answer only.
pub async fn create_webhook(
    token: &str,
    slug: Option<&str>,
    body: &CreateWebhook,
) -> Result<WebhookWithSecret, ApiError> {
    authorized_send(Method::POST, &webhooks_path(slug, ""), json(body)?, token).await
}

/// `PATCH …/webhooks/{id}`: its address, events, description, or whether it is enabled.
pub async fn update_webhook(
    token: &str,
    slug: Option<&str>,
    id: i64,
    body: &UpdateWebhook,
) -> Result<WebhookEndpoint, ApiError> {
    let path = webhooks_path(slug, &format!("/{id}"));
    authorized_send(Method::PATCH, &path, json(body)?, token).await
}

/// `DELETE …/webhooks/{id}`.
pub async fn delete_webhook(token: &str, slug: Option<&str>, id: i64) -> Result<(), ApiError> {
    authorized_delete(&webhooks_path(slug, &format!("/{id}")), token).await
}

/// `POST …/webhooks/{id}/rotate-secret`: a new secret, in the answer only.
pub async fn rotate_webhook_secret(
    token: &str,
    slug: Option<&str>,
    id: i64,
) -> Result<WebhookWithSecret, ApiError> {
    let path = webhooks_path(slug, &format!("/{id}/rotate-secret"));
    authorized_send(Method::POST, &path, String::new(), token).await
}

/// `GET …/webhooks/{id}/attempts`: the delivery log, newest first.
pub async fn webhook_attempts(
    token: &str,
    slug: Option<&str>,
    id: i64,
) -> Result<Page<WebhookAttempt>, ApiError> {
    let query = PageQuery {
        page: None,
        per_page: Some(50),
    };
    authorized_get(
        &webhooks_path(slug, &format!("/{id}/attempts")),
        &query,
        token,
    )
    .await
}

/// `POST …/webhooks/{id}/test`: a `webhook.test` event.
pub async fn test_webhook(
    token: &str,
    slug: Option<&str>,
    id: i64,
) -> Result<WebhookQueued, ApiError> {
    let path = webhooks_path(slug, &format!("/{id}/test"));
    authorized_send(Method::POST, &path, String::new(), token).await
}

/// `POST …/webhooks/{id}/replay`: one event again, or every event since a date.
pub async fn replay_webhooks(
    token: &str,
    slug: Option<&str>,
    id: i64,
    body: &ReplayWebhooks,
) -> Result<WebhookQueued, ApiError> {
    let path = webhooks_path(slug, &format!("/{id}/replay"));
    authorized_send(Method::POST, &path, json(body)?, token).await
}

/// `GET /shops/{slug}/products?q=&status=active`: the shop's products on sale matching `q`.
pub async fn products_on_sale(
    token: &str,
    slug: &str,
    q: &str,
) -> Result<Page<ShopProduct>, ApiError> {
    let query = ShopProductQuery {
        status: Some("active".to_owned()),
        q: (!q.trim().is_empty()).then(|| q.trim().to_owned()),
        page: None,
        per_page: Some(MAX_PER_PAGE),
    };
    authorized_get(&shop_path(slug, "/products"), &query, token).await
}

/// `POST /shops/{slug}/phone-orders`: an order taken on the phone, placed for the customer.
pub async fn create_phone_order(
    token: &str,
    slug: &str,
    order: &PhoneOrder,
) -> Result<Order, ApiError> {
    let body = json(order)?;
    authorized_send(Method::POST, &shop_path(slug, "/phone-orders"), body, token).await
}

// The delivery zone and days (issue 9).

/// `GET /admin/delivery`: the delivery rules, for admins.
pub async fn admin_delivery(token: &str) -> Result<DeliverySettings, ApiError> {
    authorized_get("/admin/delivery", &NoQuery {}, token).await
}

/// `PATCH /admin/delivery`: changes some delivery rules.
pub async fn update_delivery(
    token: &str,
    change: &UpdateDelivery,
) -> Result<DeliverySettings, ApiError> {
    let body = json(change)?;
    authorized_send(Method::PATCH, "/admin/delivery", body, token).await
}

/// `POST /admin/delivery/closed-days`: no delivery on `date` (`YYYY-MM-DD`).
pub async fn add_marketplace_closed_day(token: &str, date: &str) -> Result<ClosedDay, ApiError> {
    let body = json(&ClosedDay {
        date: date.to_owned(),
    })?;
    authorized_send(Method::POST, "/admin/delivery/closed-days", body, token).await
}

/// `DELETE /admin/delivery/closed-days/{date}`: deliveries resume on `date`.
pub async fn remove_marketplace_closed_day(token: &str, date: &str) -> Result<(), ApiError> {
    let path = format!("/admin/delivery/closed-days/{}", uri_component(date));
    authorized_delete(&path, token).await
}

/// `GET /admin/communes/search?q=`: communes of the official list matching `q`.
pub async fn search_communes(token: &str, q: &str) -> Result<Page<CommuneMatch>, ApiError> {
    let query = CommuneSearch {
        q: q.to_owned(),
        limit: Some(shared::delivery::MAX_COMMUNE_RESULTS),
    };
    authorized_get("/admin/communes/search", &query, token).await
}

/// `POST /admin/communes`: the commune joins the delivery zone.
pub async fn add_commune(token: &str, commune: &AddCommune) -> Result<Commune, ApiError> {
    let body = json(commune)?;
    authorized_send(Method::POST, "/admin/communes", body, token).await
}

/// `DELETE /admin/communes/{insee}`: the commune leaves the delivery zone.
pub async fn remove_commune(token: &str, insee: &str) -> Result<(), ApiError> {
    let path = format!("/admin/communes/{}", uri_component(insee));
    authorized_delete(&path, token).await
}

// The marketplace's settings (issue 9).

/// `GET /marketplace`: the marketplace's name, town, texts, contact, legal notices, palette.
pub async fn get_marketplace() -> Result<shared::marketplace::Marketplace, ApiError> {
    get("/marketplace", &NoQuery {}).await
}

/// `GET /admin/marketplace`: the settings and the first start's progress (admins).
pub async fn admin_marketplace(
    token: &str,
) -> Result<shared::marketplace::AdminMarketplace, ApiError> {
    authorized_get("/admin/marketplace", &NoQuery {}, token).await
}

/// `PATCH /admin/marketplace`: changes the fields given.
pub async fn update_marketplace(
    token: &str,
    change: &shared::marketplace::UpdateMarketplace,
) -> Result<shared::marketplace::AdminMarketplace, ApiError> {
    let body = json(change)?;
    authorized_send(Method::PATCH, "/admin/marketplace", body, token).await
}

/// `PUT /admin/marketplace/logo`: the file's bytes, with its content type, become the logo.
pub async fn put_marketplace_logo(
    token: &str,
    file: web_sys::File,
) -> Result<shared::marketplace::Marketplace, ApiError> {
    let path = "/admin/marketplace/logo";
    let response = send_file(Method::PUT, path, Vec::new(), &file.type_(), &file, token).await?;
    decode(checked(response).await?).await
}

/// `DELETE /admin/marketplace/logo`: the association has no logo any more.
pub async fn delete_marketplace_logo(token: &str) -> Result<(), ApiError> {
    authorized_delete("/admin/marketplace/logo", token).await
}

// ---- People: the admins manage accounts ------------------------------------------------

/// `GET /admin/users`: one page of accounts, searched and filtered.
pub async fn accounts(token: &str, query: &AccountQuery) -> Result<Page<AccountSummary>, ApiError> {
    authorized_get("/admin/users", query, token).await
}

/// `GET /admin/users/{id}`: one account with its history; `None` when there is none.
pub async fn account(token: &str, id: i64) -> Result<Option<Account>, ApiError> {
    found(authorized_get(&format!("/admin/users/{id}"), &NoQuery {}, token).await)
}

/// `PUT /admin/users/{id}/role`: a new role, effective at once.
pub async fn change_role(token: &str, id: i64, role: Role) -> Result<Account, ApiError> {
    let body = json(&ChangeRole { role })?;
    authorized_send(Method::PUT, &format!("/admin/users/{id}/role"), body, token).await
}

/// `POST /admin/users/{id}/shops`: puts the account on a shop's team.
pub async fn add_account_shop(token: &str, id: i64, shop: &str) -> Result<Account, ApiError> {
    let body = json(&AddAccountShop {
        shop: shop.to_owned(),
    })?;
    authorized_send(
        Method::POST,
        &format!("/admin/users/{id}/shops"),
        body,
        token,
    )
    .await
}

/// `DELETE /admin/users/{id}/shops/{slug}`: takes the account off a shop's team.
pub async fn remove_account_shop(token: &str, id: i64, slug: &str) -> Result<Account, ApiError> {
    let path = format!("/admin/users/{id}/shops/{}", uri_component(slug));
    let bearer = format!("Bearer {token}");
    decode(send(Method::DELETE, &path, None, &[("Authorization", &bearer)]).await?).await
}

/// `POST /admin/users/{id}/suspend` (or `/reinstate` when `suspend` is false).
pub async fn suspend_account(token: &str, id: i64, suspend: bool) -> Result<Account, ApiError> {
    let verb = if suspend { "suspend" } else { "reinstate" };
    let bearer = format!("Bearer {token}");
    let path = format!("/admin/users/{id}/{verb}");
    decode(send(Method::POST, &path, None, &[("Authorization", &bearer)]).await?).await
}

/// `POST /admin/users/{id}/reset-code`: a one-time code to read out, shown this once.
pub async fn create_reset_code(token: &str, id: i64) -> Result<ResetCode, ApiError> {
    let bearer = format!("Bearer {token}");
    let path = format!("/admin/users/{id}/reset-code");
    decode(send(Method::POST, &path, None, &[("Authorization", &bearer)]).await?).await
}

/// `GET /admin/shops`: every shop, whatever its status (the first 100), to pick a team from.
pub async fn admin_shops(token: &str) -> Result<Page<AdminShop>, ApiError> {
    let query = AdminShopQuery {
        status: None,
        page: None,
        per_page: Some(MAX_PER_PAGE),
    };
    authorized_get("/admin/shops", &query, token).await
}

/// `POST /auth/reset-with-code`: a new password with the code the association read out.
pub async fn reset_with_code(reset: &ResetWithCode) -> Result<(), ApiError> {
    let body = json(reset)?;
    send(Method::POST, "/auth/reset-with-code", Some(body), &[]).await?;
    Ok(())
}

// Delivery rounds (issue 11).

/// `GET /rounds`: a date's rounds (admins), or without a date the rounds from yesterday to
/// tomorrow (a volunteer: only theirs).
pub async fn rounds(token: &str, date: Option<String>) -> Result<RoundList, ApiError> {
    authorized_get("/rounds", &RoundsQuery { date }, token).await
}

/// `POST /rounds`: a new round of a date (the date's first takes every delivery).
pub async fn create_round(token: &str, round: &CreateRound) -> Result<Round, ApiError> {
    authorized_send(Method::POST, "/rounds", json(round)?, token).await
}

/// `PATCH /rounds/{id}`: renames a round or changes its ready-by time.
pub async fn update_round(token: &str, id: i64, change: &UpdateRound) -> Result<Round, ApiError> {
    authorized_send(
        Method::PATCH,
        &format!("/rounds/{id}"),
        json(change)?,
        token,
    )
    .await
}

/// `DELETE /rounds/{id}`: removes a round; its stops go back to the date's first round.
pub async fn delete_round(token: &str, id: i64) -> Result<(), ApiError> {
    authorized_delete(&format!("/rounds/{id}"), token).await
}

/// `PUT /rounds/{id}/volunteers`: who drives the round.
pub async fn set_round_volunteers(
    token: &str,
    id: i64,
    volunteer_ids: Vec<i64>,
) -> Result<Round, ApiError> {
    let body = json(&SetRoundVolunteers { volunteer_ids })?;
    authorized_send(
        Method::PUT,
        &format!("/rounds/{id}/volunteers"),
        body,
        token,
    )
    .await
}

/// `PUT /rounds/{id}/stops`: the round's stops in driving order (a stop of another round
/// listed here moves into this one).
pub async fn set_round_stops(token: &str, id: i64, stops: Vec<String>) -> Result<Round, ApiError> {
    let body = json(&SetRoundStops { stops })?;
    authorized_send(Method::PUT, &format!("/rounds/{id}/stops"), body, token).await
}

/// `GET /rounds/{id}/sheets`: the collection and drop sheets; `None` when not the
/// caller's (404).
pub async fn round_sheets(token: &str, id: i64) -> Result<Option<RoundSheets>, ApiError> {
    found(authorized_get(&format!("/rounds/{id}/sheets"), &NoQuery {}, token).await)
}

/// `GET /rounds/{id}/sheets.csv` (the drop sheet) or `GET /rounds/{id}/collection.csv` (the
/// collection sheets, `collection`) as a spreadsheet file.
pub async fn round_sheets_csv(token: &str, id: i64, collection: bool) -> Result<Vec<u8>, ApiError> {
    let bearer = format!("Bearer {token}");
    let headers = [("Authorization", bearer.as_str()), ("Accept", "text/csv")];
    let file = if collection { "collection" } else { "sheets" };
    let response = send_get(&format!("/rounds/{id}/{file}.csv"), Vec::new(), &headers).await?;
    response
        .binary()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))
}

/// `POST /rounds/{id}/shops/{slug}/collected`, once per `key` however often it is sent.
pub async fn tap_collected(token: &str, id: i64, slug: &str, key: &str) -> Result<(), ApiError> {
    let path = format!("/rounds/{id}/shops/{}/collected", uri_component(slug));
    tap(token, &path, None, key).await
}

/// `POST /rounds/{id}/stops/{stop}/delivered`, once per `key`.
pub async fn tap_delivered(
    token: &str,
    id: i64,
    stop: &str,
    tap_body: &DeliveredTap,
    key: &str,
) -> Result<(), ApiError> {
    let path = format!("/rounds/{id}/stops/{}/delivered", uri_component(stop));
    tap(token, &path, Some(json(tap_body)?), key).await
}

/// `POST /rounds/{id}/stops/{stop}/failed`, once per `key`.
pub async fn tap_failed(
    token: &str,
    id: i64,
    stop: &str,
    tap_body: &FailedTap,
    key: &str,
) -> Result<(), ApiError> {
    let path = format!("/rounds/{id}/stops/{}/failed", uri_component(stop));
    tap(token, &path, Some(json(tap_body)?), key).await
}

/// A volunteer's tap with its own `Idempotency-Key`; its answer (the round) is not read:
/// the page loads the sheets again.
async fn tap(token: &str, path: &str, body: Option<String>, key: &str) -> Result<(), ApiError> {
    let bearer = format!("Bearer {token}");
    let headers = [("Authorization", bearer.as_str()), ("Idempotency-Key", key)];
    send(Method::POST, path, body, &headers).await?;
    Ok(())
}

/// `GET /admin/volunteers`: the association's volunteers with their phone.
pub async fn volunteers(token: &str) -> Result<Vec<Volunteer>, ApiError> {
    authorized_get("/admin/volunteers", &NoQuery {}, token).await
}

/// `GET /shops/{slug}/rounds/next`: the shop's next round and its last ones.
pub async fn shop_rounds(token: &str, slug: &str) -> Result<ShopRounds, ApiError> {
    authorized_get(&shop_path(slug, "/rounds/next"), &NoQuery {}, token).await
}

// ---- E-mail settings (issue 12) ----

/// `GET /me/notifications`: the account's non-essential e-mails.
pub async fn my_notifications(token: &str) -> Result<MyNotifications, ApiError> {
    authorized_get("/me/notifications", &NoQuery {}, token).await
}

/// `PUT /me/notifications`: turns them on or off.
pub async fn update_my_notifications(
    token: &str,
    changes: &UpdateMyNotifications,
) -> Result<MyNotifications, ApiError> {
    authorized_send(Method::PUT, "/me/notifications", json(changes)?, token).await
}

/// `GET /shops/{slug}/notifications`: the caller's e-mails for the shop, its summary time.
pub async fn shop_notifications(token: &str, slug: &str) -> Result<ShopNotifications, ApiError> {
    authorized_get(&shop_path(slug, "/notifications"), &NoQuery {}, token).await
}

/// `PUT /shops/{slug}/notifications`.
pub async fn update_shop_notifications(
    token: &str,
    slug: &str,
    changes: &UpdateShopNotifications,
) -> Result<ShopNotifications, ApiError> {
    let path = shop_path(slug, "/notifications");
    authorized_send(Method::PUT, &path, json(changes)?, token).await
}

/// `GET /admin/mail/settings`: the association's sender.
pub async fn mail_settings(token: &str) -> Result<MailSettings, ApiError> {
    authorized_get("/admin/mail/settings", &NoQuery {}, token).await
}

/// `PUT /admin/mail/settings`.
pub async fn update_mail_settings(
    token: &str,
    changes: &UpdateMailSettings,
) -> Result<MailSettings, ApiError> {
    authorized_send(Method::PUT, "/admin/mail/settings", json(changes)?, token).await
}

/// `POST /unsubscribe?token=`: turns off the message an e-mail's link names.
pub async fn unsubscribe(token: &str) -> Result<Unsubscribed, ApiError> {
    let path = format!("/unsubscribe?token={}", uri_component(token));
    decode(send(Method::POST, &path, None, &[]).await?).await
}

// Products entered for a shop (issue 11).

/// `GET /shops/{slug}/product-help`: the shop's consent and its helpers.
pub async fn product_help(
    token: &str,
    slug: &str,
) -> Result<shared::product_help::ProductHelp, ApiError> {
    authorized_get(&shop_path(slug, "/product-help"), &NoQuery {}, token).await
}

/// `PUT /shops/{slug}/product-help`: gives or withdraws the consent (the shop's merchants).
pub async fn set_product_help(
    token: &str,
    slug: &str,
    allowed: bool,
) -> Result<shared::product_help::ProductHelp, ApiError> {
    let body = json(&shared::product_help::SetProductHelp { allowed })?;
    authorized_send(Method::PUT, &shop_path(slug, "/product-help"), body, token).await
}

/// `PUT /admin/shops/{slug}/product-helpers`: the volunteers who manage the shop's products.
pub async fn set_product_helpers(
    token: &str,
    slug: &str,
    volunteer_ids: Vec<i64>,
) -> Result<shared::product_help::ProductHelp, ApiError> {
    let body = json(&shared::product_help::SetProductHelpers { volunteer_ids })?;
    let path = format!("/admin/shops/{}/product-helpers", uri_component(slug));
    authorized_send(Method::PUT, &path, body, token).await
}

/// `GET /me/helped-shops`: the shops whose products the caller manages for them.
pub async fn helped_shops(token: &str) -> Result<shared::product_help::HelpedShops, ApiError> {
    authorized_get("/me/helped-shops", &NoQuery {}, token).await
}

/// `GET /shops/{slug}/history`: the shop's history, newest first.
pub async fn shop_history(
    token: &str,
    slug: &str,
) -> Result<shared::product_help::ShopHistory, ApiError> {
    authorized_get(&shop_path(slug, "/history"), &NoQuery {}, token).await
}

/// A `DELETE` whose success has no body (204).
async fn authorized_delete(path: &str, token: &str) -> Result<(), ApiError> {
    let bearer = format!("Bearer {token}");
    send(Method::DELETE, path, None, &[("Authorization", &bearer)]).await?;
    Ok(())
}

/// A shop's path, with `rest` after its slug.
fn shop_path(slug: &str, rest: &str) -> String {
    format!("/shops/{}{rest}", uri_component(slug))
}

async fn authorized_get<Q: Serialize, T: DeserializeOwned>(
    path: &str,
    query: &Q,
    token: &str,
) -> Result<T, ApiError> {
    let bearer = format!("Bearer {token}");
    let headers = [("Authorization", bearer.as_str())];
    decode(send_get(path, query_pairs(query)?, &headers).await?).await
}

async fn authorized_send<T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: String,
    token: &str,
) -> Result<T, ApiError> {
    let bearer = format!("Bearer {token}");
    decode(send(method, path, Some(body), &[("Authorization", &bearer)]).await?).await
}

/// A basket's path, with `rest` after its id.
fn cart_path(id: &str, rest: &str) -> String {
    format!("/carts/{}{rest}", uri_component(id))
}

/// A request body as JSON.
fn json<B: Serialize>(body: &B) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|error| ApiError::Decode(error.to_string()))
}

/// Reads a successful answer's body.
async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    response
        .json::<T>()
        .await
        .map_err(|error| ApiError::Decode(error.to_string()))
}

/// Sends a request with an optional JSON `body` and extra `headers`; an error status becomes
/// [`ApiError::Api`]. Not generic, so compiled once.
async fn send(
    method: Method,
    path: &str,
    body: Option<String>,
    headers: &[(&str, &str)],
) -> Result<Response, ApiError> {
    let mut request = RequestBuilder::new(&format!("{API_BASE}{path}"))
        .method(method)
        .header("Accept", "application/json")
        // The language the shopper reads the site in: the server writes their e-mails in it.
        .header("Accept-Language", crate::i18n::request_language());
    for (name, value) in headers {
        request = request.header(name, value);
    }
    let request = match body {
        Some(body) => request
            .header("Content-Type", "application/json")
            .body(body),
        None => request.build(),
    }
    .map_err(|error| ApiError::Network(error.to_string()))?;
    let response = request
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    checked(response).await
}

/// The query of an endpoint that takes none.
#[derive(Serialize)]
struct NoQuery {}

/// Turns the API's "not found" into `Ok(None)`.
fn found<T>(result: Result<T, ApiError>) -> Result<Option<T>, ApiError> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

/// `text` as one path segment or query value, encoded as JavaScript's `encodeURIComponent`
/// does (every byte but ASCII letters, digits and `-_.!~*'()` as `%XX`). Written here rather
/// than called from JavaScript so that the server's render (issue 16) writes the same.
fn uri_component(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
    out
}

/// Sends a `GET` to `path` (below [`API_BASE`]) with `query` as its query string.
async fn get<Q: Serialize, T: DeserializeOwned>(path: &str, query: &Q) -> Result<T, ApiError> {
    let pairs = query_pairs(query)?;
    // Only public answers are embedded: `authorized_get` always goes out.
    if let Some(body) = initial_answer(path, &pairs) {
        return serde_json::from_str(&body).map_err(|error| ApiError::Decode(error.to_string()));
    }
    decode(send_get(path, pairs, &[]).await?).await
}

/// The shell's embedded answer for `path` (below [`API_BASE`]) with `pairs`, if it is for
/// exactly that address. Not generic, so compiled once.
fn initial_answer(path: &str, pairs: &[(String, String)]) -> Option<String> {
    take_initial(&shared::initial::api_url(
        &format!("{API_BASE}{path}"),
        pairs,
    ))
}

/// The part of [`get`] that does not depend on the types, compiled once rather than once per
/// endpoint: sends the request and turns an error status into [`ApiError::Api`].
#[cfg(target_arch = "wasm32")]
async fn send_get(
    path: &str,
    pairs: Vec<(String, String)>,
    headers: &[(&str, &str)],
) -> Result<Response, ApiError> {
    let mut request =
        Request::get(&format!("{API_BASE}{path}")).header("Accept", "application/json");
    for (name, value) in headers {
        request = request.header(name, value);
    }
    let response = request
        .query(pairs.iter().map(|(name, value)| (name.as_str(), value)))
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    checked(response).await
}

/// On the server (issue 16) no request goes out. The problem the server gave for the address
/// ("not found") is the answer, so the view says so rather than "loading"; otherwise the
/// render notes the address, for the server to load and render again with its answer, and
/// the view shows its "loading" state meanwhile.
#[cfg(not(target_arch = "wasm32"))]
async fn send_get(
    path: &str,
    pairs: Vec<(String, String)>,
    _headers: &[(&str, &str)],
) -> Result<Response, ApiError> {
    let url = shared::initial::api_url(&format!("{API_BASE}{path}"), &pairs);
    if let Some(Err(problem)) = crate::server::answer(&url) {
        return Err(ApiError::Api(problem));
    }
    crate::server::note_missing(url);
    std::future::pending().await
}

/// The response if its status is a success, else its problem as [`ApiError::Api`].
async fn checked(response: Response) -> Result<Response, ApiError> {
    if response.ok() {
        return Ok(response);
    }
    match response.json::<Problem>().await {
        Ok(problem) => Err(ApiError::Api(problem)),
        Err(error) => Err(ApiError::Decode(format!(
            "HTTP {} without a problem body: {error}",
            response.status()
        ))),
    }
}

/// Flattens a query struct of `shared` into `name=value` pairs, leaving out `None` fields
/// (the same pairs the server writes the address of an embedded answer from).
fn query_pairs<Q: Serialize>(query: &Q) -> Result<Vec<(String, String)>, ApiError> {
    shared::initial::query_pairs(query).map_err(ApiError::Decode)
}

thread_local! {
    /// The answers embedded in the page shell (see [`shared::initial`]), by address: `None`
    /// until read, then each until a request takes it or the app navigates.
    #[cfg(target_arch = "wasm32")]
    static INITIAL: std::cell::RefCell<Option<Vec<(String, String)>>> =
        const { std::cell::RefCell::new(None) };
}

/// The embedded answer for exactly `url`, taken out (a second request for it goes to the
/// network). Read from the shell, and removed from it, on the first request.
#[cfg(target_arch = "wasm32")]
fn take_initial(url: &str) -> Option<String> {
    INITIAL.with_borrow_mut(|slot| {
        let answers = slot.get_or_insert_with(|| {
            let mut answers = Vec::new();
            while let Some(script) = leptos::prelude::document()
                .get_element_by_id(&shared::initial::script_id(answers.len()))
            {
                answers.push((
                    script.get_attribute("data-url").unwrap_or_default(),
                    script.text_content().unwrap_or_default(),
                ));
                script.remove();
            }
            answers
        });
        let at = answers.iter().position(|(at, _)| at == url)?;
        Some(answers.swap_remove(at).1)
    })
}

/// On the server, the bodies it loaded for the page it renders (each as often as asked; a
/// problem it gave is [`send_get`]'s).
#[cfg(not(target_arch = "wasm32"))]
fn take_initial(url: &str) -> Option<String> {
    crate::server::answer(url)?.ok()
}

/// Forgets the embedded answers: they were for the page the app started on, and the app has
/// moved on (their data may have changed since; the network answers from now on).
pub fn forget_initial() {
    #[cfg(target_arch = "wasm32")]
    INITIAL.with_borrow_mut(|slot| *slot = Some(Vec::new()));
}

// E-mail links (issue 12): password reset by e-mail, address verification.

/// `POST /auth/password-reset`: a link to set a new password, sent to the address if it has
/// an account (the answer is the same either way).
pub async fn request_password_reset(
    request: &shared::auth::RequestPasswordReset,
) -> Result<(), ApiError> {
    let body = json(request)?;
    send(Method::POST, "/auth/password-reset", Some(body), &[]).await?;
    Ok(())
}

/// `POST /auth/password-reset/confirm`: the new password, with the link's token.
pub async fn confirm_password_reset(
    confirm: &shared::auth::ConfirmPasswordReset,
) -> Result<(), ApiError> {
    let body = json(confirm)?;
    send(
        Method::POST,
        "/auth/password-reset/confirm",
        Some(body),
        &[],
    )
    .await?;
    Ok(())
}

/// `POST /auth/verify-email`: proves the account's address with the link's token.
pub async fn verify_email(verify: &shared::auth::VerifyEmail) -> Result<(), ApiError> {
    let body = json(verify)?;
    send(Method::POST, "/auth/verify-email", Some(body), &[]).await?;
    Ok(())
}

/// `GET /me`: the signed-in account as it is now (its address verified or refused).
pub async fn me(token: &str) -> Result<shared::auth::Me, ApiError> {
    let bearer = format!("Bearer {token}");
    decode(send_get("/me", Vec::new(), &[("Authorization", bearer.as_str())]).await?).await
}

/// `POST /me/verification`: a new link to verify the account's address.
pub async fn resend_verification(token: &str) -> Result<(), ApiError> {
    let bearer = format!("Bearer {token}");
    send(
        Method::POST,
        "/me/verification",
        None,
        &[("Authorization", &bearer)],
    )
    .await?;
    Ok(())
}

// Who sells, terms, withdrawal (issue 15).

/// `GET /terms`: the site's terms of use, latest version.
pub async fn get_terms() -> Result<shared::legal::Terms, ApiError> {
    get("/terms", &NoQuery {}).await
}

/// `GET /shops/{slug}/terms`: a shop's terms of sale (its own, or the default); `None`
/// when there is no such active shop.
pub async fn get_shop_terms(slug: &str) -> Result<Option<shared::legal::Terms>, ApiError> {
    found(get(&shop_path(slug, "/terms"), &NoQuery {}).await)
}

/// `GET /terms/sale`: the association's default terms of sale, latest version.
pub async fn get_default_terms_of_sale() -> Result<shared::legal::Terms, ApiError> {
    get("/terms/sale", &NoQuery {}).await
}

/// `PUT /admin/terms`: a new version of the site's terms of use (admins).
pub async fn update_terms(
    token: &str,
    terms: &shared::legal::UpdateTerms,
) -> Result<shared::legal::Terms, ApiError> {
    authorized_send(Method::PUT, "/admin/terms", json(terms)?, token).await
}

/// `PUT /admin/terms/sale`: a new version of the default terms of sale (admins).
pub async fn update_default_terms_of_sale(
    token: &str,
    terms: &shared::legal::UpdateTerms,
) -> Result<shared::legal::Terms, ApiError> {
    authorized_send(Method::PUT, "/admin/terms/sale", json(terms)?, token).await
}

/// `PUT /shops/{slug}/legal`: sets a shop's legal identity.
pub async fn set_shop_legal(
    token: &str,
    slug: &str,
    identity: &shared::legal::UpdateShopLegal,
) -> Result<shared::legal::ShopLegal, ApiError> {
    authorized_send(
        Method::PUT,
        &shop_path(slug, "/legal"),
        json(identity)?,
        token,
    )
    .await
}

/// `PUT /shops/{slug}/terms`: a new version of the shop's own terms of sale.
pub async fn update_shop_terms(
    token: &str,
    slug: &str,
    terms: &shared::legal::UpdateTerms,
) -> Result<shared::legal::Terms, ApiError> {
    authorized_send(Method::PUT, &shop_path(slug, "/terms"), json(terms)?, token).await
}

/// `DELETE /shops/{slug}/terms`: back to the association's default terms of sale, which
/// it answers.
pub async fn use_default_terms_of_sale(
    token: &str,
    slug: &str,
) -> Result<shared::legal::Terms, ApiError> {
    let bearer = format!("Bearer {token}");
    let path = shop_path(slug, "/terms");
    decode(send(Method::DELETE, &path, None, &[("Authorization", &bearer)]).await?).await
}

/// `POST /orders/{id}/withdrawal`: withdraws from lines of an order, with its tracking
/// token (a guest) or signed in (`token`).
pub async fn withdraw_from_order(
    id: i64,
    request: &shared::legal::RequestWithdrawal,
    token: Option<&str>,
) -> Result<Order, ApiError> {
    let path = format!("/orders/{id}/withdrawal");
    let bearer = token.map(|token| format!("Bearer {token}"));
    let headers: Vec<(&str, &str)> = bearer
        .as_deref()
        .map(|b| vec![("Authorization", b)])
        .unwrap_or_default();
    decode(send(Method::POST, &path, Some(json(request)?), &headers).await?).await
}

#[cfg(test)]
mod tests {
    use super::uri_component;

    /// As JavaScript's `encodeURIComponent` writes them, which the server's draw must match.
    #[test]
    fn path_segments_are_encoded_as_encode_uri_component_does() {
        assert_eq!(uri_component("epicerie-du-duche"), "epicerie-du-duche");
        assert_eq!(uri_component("a b/c?d&e#f"), "a%20b%2Fc%3Fd%26e%23f");
        assert_eq!(uri_component("Uzès"), "Uz%C3%A8s");
        assert_eq!(uri_component("!~*'()-_."), "!~*'()-_.");
    }
}
