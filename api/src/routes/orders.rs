//! Checkout, the delivery communes, and a guest's view of an order.

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::web::{self, Json, Path};
use actix_web::{HttpRequest, HttpResponse, get, patch, post};
use chrono::Utc;
use diesel::OptionalExtension;
use shared::Page;
use shared::auth::Me;
use shared::catalogue::PageQuery;
use shared::error::{FieldError, Problem};
use shared::order::{
    Address, Checkout, CheckoutResult, Commune, Customer, MAX_NOTE_CHARS, Order, OrderStatus,
};
use shared::rounds::UpdateMe;

use crate::access::Caller;
use crate::auth::{AuthUser, MaybeUser};
use crate::db::models::idempotency::{self, Recorded};
use crate::db::models::open_orders::Bounds;
use crate::db::models::order::{self, ValidCheckout, View};
use crate::db::models::{cart, commune};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::email::parse_email;
use crate::domain::paging::Paging;
use crate::domain::phone::FrenchPhone;
use crate::domain::rounds::MAX_ACCESS_NOTE;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::login_throttle::client_address;
use crate::routes::carts::cart_id;
use crate::startup::AppState;

/// Longest accepted `Idempotency-Key`.
const MAX_KEY_LENGTH: usize = 200;

/// The delivery communes.
///
/// The communes the association's volunteers deliver to, for the checkout's address.
/// Public; changes nothing.
#[utoipa::path(
    tag = "orders",
    params(PageQuery),
    responses(
        (status = 200, description = "The communes volunteers deliver to", body = Page<Commune>),
        (status = 400, description = "Bad paging", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/communes")]
pub async fn list_communes(
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Json<Page<Commune>>, ApiError> {
    let paging = Paging::from_query(&query)?;
    let all = db::run(&state.pool, |conn| Ok(commune::list(conn)?)).await?;
    Ok(Json(paging.page_of(all)))
}

/// Who orders and where to, trimmed and checked.
pub(crate) struct ValidContact {
    pub name: String,
    /// `None` only when `errors` says why.
    pub phone: Option<FrenchPhone>,
    pub email: Option<String>,
    pub address: Option<Address>,
}

/// Checks the customer and the address of a checkout or a phone order; each bad field is
/// added to `errors`.
pub(crate) fn parse_contact(
    customer: Customer,
    address: Option<Address>,
    errors: &mut Vec<FieldError>,
) -> ValidContact {
    let mut invalid = |field: &str, message: &str| {
        errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        })
    };
    let name = customer.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 {
        invalid("customer.name", "must be 1 to 100 characters");
    }
    let phone = FrenchPhone::parse(&customer.phone)
        .map_err(|message| invalid("customer.phone", message))
        .ok();
    let email = customer
        .email
        .filter(|e| !e.trim().is_empty())
        .and_then(|e| {
            let parsed = parse_email(&e);
            if parsed.is_none() {
                invalid(
                    "customer.email",
                    "must be an e-mail address such as jeanne@example.fr",
                );
            }
            parsed
        });
    let address = address.map(|mut address| {
        address.street = address.street.trim().to_owned();
        address.postcode = address.postcode.trim().to_owned();
        address.commune = address.commune.trim().to_owned();
        address.access_note = address
            .access_note
            .map(|note| note.trim().to_owned())
            .filter(|note| !note.is_empty());
        address
    });
    if let Some(address) = &address {
        if address.street.is_empty() || address.street.chars().count() > 200 {
            invalid("fulfilment.address.street", "must be 1 to 200 characters");
        }
        if address.postcode.len() != 5 || !address.postcode.bytes().all(|b| b.is_ascii_digit()) {
            invalid("fulfilment.address.postcode", "must be 5 digits");
        }
        if address.commune.is_empty() {
            invalid("fulfilment.address.commune", "is required");
        }
        if address
            .access_note
            .as_ref()
            .is_some_and(|note| note.chars().count() > MAX_ACCESS_NOTE)
        {
            invalid(
                "fulfilment.address.access_note",
                "must be at most 300 characters",
            );
        }
    }
    ValidContact {
        name,
        phone,
        email,
        address,
    }
}

/// Checks every field of a checkout; each bad one is named.
fn parse_checkout(checkout: Checkout) -> Result<ValidCheckout, ApiError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let contact = parse_contact(checkout.customer, checkout.fulfilment.address, &mut errors);
    let mut invalid = |field: &str, message: &str| {
        errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        })
    };
    let mut per_shop = Vec::new();
    for (slug, choice) in checkout.per_shop {
        let note = choice.note.unwrap_or_default().trim().to_owned();
        if note.chars().count() > MAX_NOTE_CHARS {
            invalid(
                &format!("per_shop.{slug}.note"),
                "must be at most 500 characters",
            );
        }
        per_shop.push((slug, choice.method, note));
    }
    if checkout.expected_total_cents.is_some_and(|t| t < 0) {
        invalid("expected_total_cents", "must be 0 or more");
    }
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let phone = contact
        .phone
        .ok_or_else(|| ApiError::invalid("customer.phone", "is required"))?;
    if !checkout.accept_terms {
        return Err(ApiError::refused(
            "accept_terms",
            "must be true: read and accept the terms of sale of every shop in the basket \
             (GET /api/v1/shops/{slug}/terms) and the site's terms of use (GET /api/v1/terms)",
        ));
    }
    Ok(ValidCheckout {
        name: contact.name,
        phone,
        email: contact.email,
        method: checkout.fulfilment.method,
        address: contact.address,
        per_shop,
        contact: checkout.contact_preference.unwrap_or_default(),
        expected_total_cents: checkout.expected_total_cents,
    })
}

/// The `Idempotency-Key` header, if any.
fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(value) = req.headers().get("Idempotency-Key") else {
        return Ok(None);
    };
    let key = value.to_str().map(str::trim).unwrap_or_default();
    if key.is_empty() || key.len() > MAX_KEY_LENGTH {
        return Err(ApiError::invalid(
            "Idempotency-Key",
            format!("must be 1 to {MAX_KEY_LENGTH} visible ASCII characters"),
        ));
    }
    Ok(Some(key.to_owned()))
}

/// Turns a basket into orders.
///
/// One order per shop, all or none, and the basket is emptied; the stock of each line is
/// taken. A shop that has not completed its legal identity takes no order (409
/// `seller_identity_missing`, the basket kept). Whoever holds the basket's id, signed in or as a guest. Each shop's webhooks hear
/// `order.placed`.
///
/// One phone number, one e-mail address and one connection may have only so many orders (10
/// by default) and units (200) waiting for the shops' confirmation at once: beyond, 422
/// `too_many_open_orders` and nothing is ordered. A guest's order a shop does not confirm
/// within its delay (`release_unconfirmed_after_hours`) is cancelled with the reason
/// `auto_released` and its stock put back on sale.
///
/// Send an `Idempotency-Key` header to retry safely: the same key with the same body
/// replays the first answer; with another body it is refused (422).
///
/// The shopper's e-mails about these orders (received, confirmed, ready, cancelled, the
/// delivery reminder) are written in the language `Accept-Language` prefers: English or
/// French, French when it names neither.
#[utoipa::path(
    tag = "orders",
    params(
        ("id" = String, Path, description = "The basket's id"),
        ("Idempotency-Key" = Option<String>, Header, max_length = 200, pattern = r"^[!-~]([\t -~]*[!-~])?$",
            description = "Any unique string of visible ASCII characters, up to 200"),
        ("Accept-Language" = Option<String>, Header,
            description = "The shopper's language for their e-mails, e.g. `en` or `fr-FR,fr;q=0.9` (French by default)"),
    ),
    request_body = Checkout,
    responses(
        (status = 201, description = "One order per shop", body = CheckoutResult),
        (status = 400, description = "A field is invalid; `errors` names each one",
            body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such basket", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Stock or prices changed since the basket was shown; the detail names the product; \
            `seller_identity_missing`: a shop of the basket has not completed its legal identity and cannot take orders (the detail \
            names it; nothing was ordered and the basket is unchanged)",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`unprocessable`: an empty basket, or the key was used for another request; \
            `below_delivery_minimum`: a shop's part is too small for delivery; `too_many_open_orders`: the customer (its phone number, \
            e-mail address or connection) already has as many orders or units waiting for the shops' confirmation as one may; \
            `validation_failed` (`errors` names each field): `accept_terms` missing or false (the shopper must accept the terms of \
            sale of every shop in the basket and the site's terms of use), or what the basket, the shops or the delivery zone refuse (a shop without \
            pickup or delivery, an address outside the zone, a delivery without an address, `per_shop` naming a shop not in the basket); \
            nothing was ordered",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/carts/{id}/checkout")]
pub async fn checkout_cart(
    req: HttpRequest,
    MaybeUser(user): MaybeUser,
    state: web::Data<AppState>,
    id: Path<String>,
    body: Json<Checkout>,
) -> Result<HttpResponse, ApiError> {
    let id = cart_id(&id)?;
    let key = idempotency_key(&req)?;
    let checkout = body.into_inner();
    let request = serde_json::to_string(&checkout).map_err(anyhow::Error::from)?;
    let valid = parse_checkout(checkout)?;
    let address = client_address(&req);
    let limits = &state.limits.limits;
    let bounds = Bounds {
        orders: i64::from(limits.open_orders_per_customer),
        units: i64::from(limits.open_units_per_customer),
    };
    let notices = Arc::clone(&state.notices);
    let language = crate::extract::language(&req);
    let answer = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            // Personal data (issue 15): the account's row first, as its erasure takes it, so
            // an erasure and a checkout of one account never interleave.
            if let Some(user) = user {
                crate::db::models::privacy::lock_account(conn, user.id)?;
            }
            cart::lock_for_edit(conn, &id, crate::db::models::now())?;
            if let Some(key) = &key
                && let Some(first) = idempotency::find(conn, &id, key)?
            {
                if first.request == request {
                    return Ok(first);
                }
                return Err(ApiError::Unprocessable(
                    "this Idempotency-Key was already used for a different request".into(),
                ));
            }
            let ids = order::checkout(
                conn,
                &id,
                &valid,
                user.map(|u| u.id),
                (address != "unknown").then_some(address.as_str()),
                bounds,
                Utc::now(),
            )?;
            order::set_language(conn, &ids, language)?;
            notices.orders_placed(conn, &ids, true)?;
            crate::webhooks::events::orders_placed(conn, &ids)?;
            let orders = ids
                .into_iter()
                .map(|id| order::load(conn, id))
                .collect::<Result<_, _>>()?;
            let response = serde_json::to_string(&CheckoutResult { orders })
                .map_err(|e| ApiError::Internal(e.into()))?;
            let answer = Recorded {
                request: request.clone(),
                status: 201,
                response,
            };
            if let Some(key) = &key {
                idempotency::record(conn, &id, key, &answer)?;
            }
            Ok(answer)
        })
    })
    .await?;
    Ok(
        HttpResponse::build(StatusCode::from_u16(answer.status).unwrap_or(StatusCode::CREATED))
            .content_type("application/json")
            .body(answer.response),
    )
}

/// A guest's view of an order.
///
/// One order, found by the secret token of the tracking link it was given at checkout; no
/// sign-in. No phone and no history, but for the shop's changes after the call (what was
/// agreed, before → after: `history` then holds those, never who made them). Changes
/// nothing.
#[utoipa::path(
    tag = "orders",
    params(("token" = String, Path, description = "The order's tracking token")),
    responses(
        (status = 200, description = "The order", body = Order),
        (status = 404, description = "No order has this token", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/track/{token}")]
pub async fn track_order(
    state: web::Data<AppState>,
    token: Path<String>,
) -> Result<Json<Order>, ApiError> {
    let token = token.into_inner();
    let order = db::run(&state.pool, move |conn| {
        let id = order::id_by_token(conn, &token)
            .optional()?
            .ok_or_else(|| ApiError::NotFound("no order has this tracking link".into()))?;
        Ok(order::load(conn, id)?)
    })
    .await?;
    Ok(Json(order))
}

/// An order its signed-in customer may see; anyone else gets 404.
fn own_order(conn: &mut DbConn, user: AuthUser, id: i64) -> Result<(), ApiError> {
    match order::owner(conn, id)? {
        Some(Some(owner)) if owner == user.id => Ok(()),
        _ => Err(ApiError::NotFound(
            "there is no order of yours with this id".into(),
        )),
    }
}

/// One order, as the caller may see it.
///
/// Its customer sees it with its status history; the shop's merchants, its API keys with
/// `orders:read` and admins also see the customer's phone, the merchant's note and who made
/// each change. Anyone else gets 404. Changes nothing.
#[utoipa::path(
    tag = "orders",
    params(("id" = i64, Path, description = "The order's id")),
    security(("bearer" = []), ("api_key" = ["orders:read"])),
    responses(
        (status = 200, description = "The order", body = Order),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No order of yours or of your shop has this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/orders/{id}")]
pub async fn get_order(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<Order>, ApiError> {
    let id = id.into_inner();
    let order = db::run(&state.pool, move |conn| {
        let view = match order::shop_and_owner(conn, id)? {
            Some((shop_id, _)) if caller.may_run(conn, shop_id)? => View::Shop,
            Some((_, Some(owner))) if caller.user().is_some_and(|u| u.id == owner) => {
                View::Customer
            }
            _ => {
                return Err(ApiError::NotFound(
                    "there is no order of yours with this id".into(),
                ));
            }
        };
        Ok(order::load_as(conn, id, view)?)
    })
    .await?;
    Ok(Json(order))
}

/// Cancels one's own order.
///
/// The signed-in customer cancels one of their orders while it is still `placed` (409 once
/// the shop confirmed it); its stock goes back on sale and the shop's webhooks hear
/// `order.status_changed`. Anyone else's order answers 404.
#[utoipa::path(
    tag = "orders",
    params(("id" = i64, Path, description = "The order's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The cancelled order", body = Order),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No order of yours has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The shop already confirmed it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/orders/{id}/cancel")]
pub async fn cancel_order(
    user: AuthUser,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<Order>, ApiError> {
    let id = id.into_inner();
    let notices = Arc::clone(&state.notices);
    let order = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            own_order(conn, user, id)?;
            order::cancel_placed(
                conn,
                id,
                "customer",
                "cancelled by the customer",
                crate::db::models::now(),
            )?;
            notices.order_changed(conn, id, OrderStatus::Cancelled)?;
            notices.cancelled_by_customer(conn, id)?;
            crate::webhooks::events::order_status_changed(conn, id, OrderStatus::Cancelled)
        })?;
        Ok(order::load(conn, id)?)
    })
    .await?;
    Ok(Json(order))
}

/// The signed-in customer's orders.
///
/// Their orders in every shop, newest first, one page at a time. Any signed-in account, for
/// itself; changes nothing.
#[utoipa::path(
    tag = "accounts",
    params(PageQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of orders", body = Page<Order>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/orders")]
pub async fn list_my_orders(
    user: AuthUser,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Json<Page<Order>>, ApiError> {
    let paging = Paging::from_query(&query)?;
    let page = db::run(&state.pool, move |conn| {
        let (ids, total) = order::ids_of_user(conn, user.id, paging)?;
        let orders = ids
            .into_iter()
            .map(|id| order::load(conn, id))
            .collect::<Result<_, _>>()?;
        Ok(paging.page(orders, total))
    })
    .await?;
    Ok(Json(page))
}

/// The signed-in account.
///
/// Its id, e-mail, name, role, basket, phone and whether its address is verified. Any
/// signed-in account; changes nothing.
#[utoipa::path(
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = Me),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me")]
pub async fn get_me(user: AuthUser, state: web::Data<AppState>) -> Result<Json<Me>, ApiError> {
    Ok(Json(load_me(&state, user).await?))
}

/// The signed-in account as `GET /me` answers it.
async fn load_me(state: &AppState, user: AuthUser) -> Result<Me, ApiError> {
    db::run(&state.pool, move |conn| {
        let row = crate::db::models::user::find(conn, user.id)
            .optional()?
            .ok_or(ApiError::Unauthorized)?;
        let (email_verified, email_refused) =
            crate::db::models::email_token::email_status(conn, row.id, &row.email)?;
        Ok(Me {
            cart_id: crate::db::models::session::latest_cart(conn, row.id)?,
            id: row.id,
            email: row.email,
            name: row.name,
            role: user.role,
            phone: row.phone,
            email_verified,
            email_refused,
        })
    })
    .await
}

/// Changes the signed-in account.
///
/// Sets its phone (volunteers need one; the admins' list of volunteers shows it); an empty
/// string removes it. Any signed-in account, for itself.
#[utoipa::path(
    tag = "accounts",
    request_body = UpdateMe,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = Me),
        (status = 400, description = "Unknown fields, or not a French phone number (`errors` names `phone`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/me")]
pub async fn update_me(
    user: AuthUser,
    state: web::Data<AppState>,
    body: Json<UpdateMe>,
) -> Result<Json<Me>, ApiError> {
    let phone = body.into_inner().phone;
    // The document's bound, before the spaces around the number are trimmed.
    if phone.chars().count() > 30 {
        return Err(ApiError::invalid("phone", "at most 30 characters"));
    }
    let phone = if phone.trim().is_empty() {
        None
    } else {
        Some(
            FrenchPhone::parse(&phone)
                .map_err(|message| ApiError::invalid("phone", message))?
                .display(),
        )
    };
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            Ok(crate::db::models::user::set_phone(
                conn,
                user.id,
                phone.as_deref(),
            )?)
        })
    })
    .await?;
    Ok(Json(load_me(&state, user).await?))
}
