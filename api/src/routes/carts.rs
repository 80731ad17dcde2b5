//! The basket: create, read, add, change and remove lines. Anyone holding a basket's id
//! may use it; the id is a random UUID, so it cannot be guessed.
//!
//! Limits (issue 10): a basket holds at most `shared::cart::MAX_LINES` (100) different
//! products; one client address starts at most `--baskets-per-address-per-hour` baskets an
//! hour; anonymous baskets nobody touched for `--basket-days` are deleted (see
//! `crate::housekeeping`).

use actix_web::http::header::LOCATION;
use actix_web::web::{self, Json, Path};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post};
use chrono::{Duration, Utc};
use shared::cart::{AddCartItem, Cart, MAX_QUANTITY, UpdateCartItem};
use shared::error::Problem;

use crate::db::models::{cart, now};
use crate::db::{self, write_transaction};
use crate::error::ApiError;
use crate::login_throttle::{client_address, count_or_refuse};
use crate::startup::AppState;

/// A basket id from the path: a UUID, or no such basket.
pub fn cart_id(raw: &str) -> Result<String, ApiError> {
    uuid::Uuid::parse_str(raw)
        .map(|id| id.hyphenated().to_string())
        .map_err(|_| ApiError::NotFound("there is no basket with this id".into()))
}

fn check_range(quantity: i64, min: i64) -> Result<(), ApiError> {
    if (min..=MAX_QUANTITY).contains(&quantity) {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "quantity",
            format!("must be between {min} and {MAX_QUANTITY}"),
        ))
    }
}

/// Creates an empty basket.
///
/// Anyone, signed in or not: whoever holds the basket's id may fill it and check it out.
/// One client address may start only so many baskets an hour (30 by default): beyond, 429
/// with `Retry-After`.
#[utoipa::path(
    tag = "basket",
    responses(
        (status = 201, description = "The new, empty basket", body = Cart,
            headers(("Location" = String, description = "The basket's URL"))),
        (status = 429, description = "This address started too many baskets this hour; \
            `Retry-After` says when it may start another",
            body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/carts")]
pub async fn create_cart(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let id = uuid::Uuid::new_v4().to_string();
    let key = format!("baskets:{}", client_address(&req));
    let limit = state.limits.limits.baskets_per_address_per_hour;
    let cart = db::run(&state.pool, move |conn| {
        let now = now();
        write_transaction(conn, |conn| {
            count_or_refuse(
                conn,
                &key,
                limit,
                Duration::hours(1),
                now,
                "this connection started too many baskets in the last hour: use the one \
                 you have, or try again later",
            )?;
            Ok(cart::create(conn, &id, now)?)
        })?;
        cart::load(conn, &id, Utc::now())
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/carts/{}", cart.id)))
        .json(cart))
}

/// One basket.
///
/// The basket, grouped by shop, at today's prices, with each shop's pickup and delivery
/// dates. Whoever holds its id may read it, signed in or not; changes nothing.
#[utoipa::path(
    tag = "basket",
    params(("id" = String, Path, description = "The basket's id")),
    responses(
        (status = 200, description = "The basket", body = Cart),
        (status = 404, description = "No such basket", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/carts/{id}")]
pub async fn get_cart(
    state: web::Data<AppState>,
    id: Path<String>,
) -> Result<Json<Cart>, ApiError> {
    let id = cart_id(&id)?;
    let cart = db::run(&state.pool, move |conn| cart::load(conn, &id, Utc::now())).await?;
    Ok(Json(cart))
}

/// Adds a product to a basket.
///
/// Puts units of a product in the basket, adding to its line if it is there. Whoever holds
/// the basket's id may change it, signed in or not. Nothing is reserved: stock is taken at
/// checkout.
#[utoipa::path(
    tag = "basket",
    params(("id" = String, Path, description = "The basket's id")),
    request_body = AddCartItem,
    responses(
        (status = 200, description = "The basket after the change", body = Cart),
        (status = 400, description = "Quantity out of 1..99, or a malformed body",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such basket",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not enough stock; the detail names the product",
            body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`basket_full`: the basket already holds 100 different products; `validation_failed`: no product on sale has this `product_id`, or the line would hold more than 99 (`errors` names the field); nothing was changed",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/carts/{id}/items")]
pub async fn add_cart_item(
    state: web::Data<AppState>,
    id: Path<String>,
    body: Json<AddCartItem>,
) -> Result<Json<Cart>, ApiError> {
    let id = cart_id(&id)?;
    let AddCartItem {
        product_id,
        variant_id,
        quantity,
    } = body.into_inner();
    check_range(quantity, 1)?;
    let cart = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            cart::add_item(conn, &id, product_id, variant_id, quantity, now())
        })?;
        cart::load(conn, &id, Utc::now())
    })
    .await?;
    Ok(Json(cart))
}

/// Sets a basket line's quantity.
///
/// Sets the quantity of a product already in the basket; 0 removes the line. Whoever holds
/// the basket's id may change it, signed in or not.
#[utoipa::path(
    tag = "basket",
    params(
        ("id" = String, Path, description = "The basket's id"),
        ("product_id" = i64, Path, description = "The product's id"),
    ),
    request_body = UpdateCartItem,
    responses(
        (status = 200, description = "The basket after the change", body = Cart),
        (status = 400, description = "Quantity out of 0..99, or a malformed body",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such basket, or the product is not in it",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not enough stock; the detail names the product",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/carts/{id}/items/{product_id}")]
pub async fn update_cart_item(
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
    body: Json<UpdateCartItem>,
) -> Result<Json<Cart>, ApiError> {
    let (id, product_id) = path.into_inner();
    change_line(
        &state,
        &id,
        Line::OfProduct(product_id),
        Some(body.quantity),
    )
    .await
}

/// Removes a product from a basket.
///
/// Drops the product's line. Whoever holds the basket's id may change it, signed in or not.
#[utoipa::path(
    tag = "basket",
    params(
        ("id" = String, Path, description = "The basket's id"),
        ("product_id" = i64, Path, description = "The product's id"),
    ),
    responses(
        (status = 200, description = "The basket after the change", body = Cart),
        (status = 404, description = "No such basket, or the product is not in it",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/carts/{id}/items/{product_id}")]
pub async fn remove_cart_item(
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
) -> Result<Json<Cart>, ApiError> {
    let (id, product_id) = path.into_inner();
    change_line(&state, &id, Line::OfProduct(product_id), None).await
}

/// Sets the quantity of a variant's line.
///
/// Sets the quantity of a variant already in the basket (size 39 and size 40 of a product
/// are two lines); 0 removes the line. Whoever holds the basket's id may change it.
#[utoipa::path(
    tag = "basket",
    params(
        ("id" = String, Path, description = "The basket's id"),
        ("variant_id" = i64, Path, description = "The variant's id (`variant_id` of the line)"),
    ),
    request_body = UpdateCartItem,
    responses(
        (status = 200, description = "The basket after the change", body = Cart),
        (status = 400, description = "Quantity out of 0..99, or a malformed body",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such basket, or the variant is not in it",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not enough stock; the detail names the product",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "More than 99 of it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/carts/{id}/variants/{variant_id}")]
pub async fn update_cart_variant(
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
    body: Json<UpdateCartItem>,
) -> Result<Json<Cart>, ApiError> {
    let (id, variant_id) = path.into_inner();
    change_line(
        &state,
        &id,
        Line::OfVariant(variant_id),
        Some(body.quantity),
    )
    .await
}

/// Removes a variant's line from a basket.
///
/// Whoever holds the basket's id may change it, signed in or not.
#[utoipa::path(
    tag = "basket",
    params(
        ("id" = String, Path, description = "The basket's id"),
        ("variant_id" = i64, Path, description = "The variant's id (`variant_id` of the line)"),
    ),
    responses(
        (status = 200, description = "The basket after the change", body = Cart),
        (status = 404, description = "No such basket, or the variant is not in it",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/carts/{id}/variants/{variant_id}")]
pub async fn remove_cart_variant(
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
) -> Result<Json<Cart>, ApiError> {
    let (id, variant_id) = path.into_inner();
    change_line(&state, &id, Line::OfVariant(variant_id), None).await
}

/// A basket line as a route names it: by its variant, or by its product when the product
/// has one line in the basket (the routes from before sizes).
#[derive(Clone, Copy)]
enum Line {
    OfProduct(i64),
    OfVariant(i64),
}

/// Sets a line's quantity (0 removes it), or removes it (`None`); the basket after.
async fn change_line(
    state: &AppState,
    id: &str,
    line: Line,
    quantity: Option<i64>,
) -> Result<Json<Cart>, ApiError> {
    let id = cart_id(id)?;
    if let Some(quantity) = quantity {
        check_range(quantity, 0)?;
    }
    let cart = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let variant_id = match line {
                Line::OfProduct(product_id) => cart::line_of_product(conn, &id, product_id)?,
                Line::OfVariant(variant_id) => variant_id,
            };
            match quantity {
                Some(quantity) => cart::set_quantity(conn, &id, variant_id, quantity, now()),
                None => cart::remove_item(conn, &id, variant_id, now()),
            }
        })?;
        cart::load(conn, &id, Utc::now())
    })
    .await?;
    Ok(Json(cart))
}
