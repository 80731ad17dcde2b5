//! The shop's side of orders: the inbox and its live feed, status changes, payment at
//! handover, the merchant's note, and orders taken on the phone. Every route takes a
//! [`Caller`]: a merchant of the shop, an admin, or an API key of the shop; anyone else
//! gets 404, and no credentials 401.

use std::sync::Arc;
use std::time::Instant;

use actix_web::http::header::CACHE_CONTROL;
use actix_web::web::{self, Json, Path};
use actix_web::{HttpRequest, HttpResponse, get, patch, post, put};
use chrono::{Duration, Utc};
use shared::Page;
use shared::cart::MAX_QUANTITY;
use shared::error::{FieldError, Problem};
use shared::order::{Order, OrderStatus};
use shared::shop_orders::{
    LineChange, MAX_CHANGE_NOTE, MAX_MERCHANT_NOTE, MAX_REASON, MerchantNote, OrderChannel,
    OrderFeedEvent, OrderLinesChange, OrderTransition, PhoneOrder, RecordPayment, ShopOrdersQuery,
};

use crate::access::Caller;
use crate::db::models::now;
use crate::db::models::order::{self, Origin, ValidCheckout, View};
use crate::db::models::order_edit::{self, LineEdit};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::paging::Paging;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::order_feed::{REPLAY_HOURS, ShopStream, StillAllowed};
use crate::routes::orders::parse_contact;
use crate::startup::AppState;

/// Most lines in a phone order.
const MAX_PHONE_LINES: usize = 100;

/// 404 unless the order exists and the caller may run its shop.
fn shop_order(conn: &mut DbConn, caller: &Caller, id: i64) -> Result<(), ApiError> {
    match order::shop_and_owner(conn, id)? {
        Some((shop_id, _)) if caller.may_run(conn, shop_id)? => Ok(()),
        _ => Err(ApiError::NotFound(
            "there is no order of your shop with this id".into(),
        )),
    }
}

/// Runs a change of an order of the caller's shop in one transaction and answers the order
/// as the shop sees it.
async fn change_order<F>(
    state: &AppState,
    caller: Caller,
    id: i64,
    change: F,
) -> Result<Json<Order>, ApiError>
where
    F: Fn(&mut DbConn, &str) -> Result<(), ApiError> + Send + 'static,
{
    let order = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            shop_order(conn, &caller, id)?;
            change(conn, &caller.actor())?;
            Ok(order::load_as(conn, id, View::Shop)?)
        })
    })
    .await?;
    Ok(Json(order))
}

/// Lists a shop's orders.
///
/// Newest first, optionally in one status, with the customer's phone and the merchant's
/// note. The shop's merchants, the association's admins, and the shop's API keys with
/// `orders:read`; a shop the caller does not run answers 404. Changes nothing.
#[utoipa::path(
    tag = "shop orders",
    params(("slug" = String, Path, description = "The shop's slug"), ShopOrdersQuery),
    security(("bearer" = []), ("api_key" = ["orders:read"])),
    responses(
        (status = 200, description = "One page of the shop's orders", body = Page<Order>),
        (status = 400, description = "A bad `status`, `page` or `per_page`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop of yours has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/orders")]
pub async fn list_shop_orders(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    ValidQuery(query): ValidQuery<ShopOrdersQuery>,
) -> Result<Json<Page<Order>>, ApiError> {
    let paging = Paging::from_query(&shared::catalogue::PageQuery {
        page: query.page,
        per_page: query.per_page,
    })?;
    let slug = slug.into_inner();
    let page = db::run(&state.pool, move |conn| {
        let shop = caller.shop(conn, &slug)?;
        let (ids, total) = order::ids_of_shop(conn, shop.id, query.status, paging)?;
        let orders = ids
            .into_iter()
            .map(|id| order::load_as(conn, id, View::ShopInbox))
            .collect::<Result<_, _>>()?;
        Ok(paging.page(orders, total))
    })
    .await?;
    Ok(Json(page))
}

/// Moves an order to its next status, or cancels it.
///
/// `placed -> confirmed -> ready -> completed`, or `cancelled` with a reason from placed,
/// confirmed or ready (its stock goes back on sale). Recorded in the order's history with
/// who and when. The shop's merchants, the association's admins, and the shop's API keys
/// with `orders:write`; an order of a shop the caller does not run answers 404. The shop's
/// webhooks hear `order.status_changed`.
#[utoipa::path(
    tag = "shop orders",
    params(("id" = i64, Path, description = "The order's id")),
    request_body = OrderTransition,
    security(("bearer" = []), ("api_key" = ["orders:write"])),
    responses(
        (status = 200, description = "The order, as the shop sees it", body = Order),
        (status = 400, description = "Unknown fields, or a reason over 500 characters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No order of your shop has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a step this order can take now; the detail names both states", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a cancellation without a reason (`errors` names `reason`), or `bags` with another status than `ready`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/orders/{id}/transitions")]
pub async fn transition_order(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<OrderTransition>,
) -> Result<Json<Order>, ApiError> {
    let OrderTransition { to, reason, bags } = body.into_inner();
    let bags = match bags {
        None => None,
        Some(bags @ 1..=50) => Some(i32::try_from(bags).unwrap_or(1)),
        Some(_) => {
            return Err(ApiError::invalid(
                "bags",
                "must be a whole number from 1 to 50",
            ));
        }
    };
    if bags.is_some() && to != OrderStatus::Ready {
        return Err(ApiError::refused(
            "bags",
            "is given when the order is marked ready",
        ));
    }
    let reason = reason.unwrap_or_default().trim().to_owned();
    if reason.chars().count() > MAX_REASON {
        return Err(ApiError::invalid(
            "reason",
            format!("must be at most {MAX_REASON} characters"),
        ));
    }
    // A rule between two fields, which the schema does not state: 422.
    if to == OrderStatus::Cancelled && reason.is_empty() {
        return Err(ApiError::refused(
            "reason",
            "is required to cancel: the customer is told why",
        ));
    }
    let id = id.into_inner();
    let notices = Arc::clone(&state.notices);
    change_order(&state, caller, id, move |conn, actor| {
        order::transition(conn, id, to, actor, &reason, now())?;
        if let Some(bags) = bags {
            order::set_bags(conn, id, bags)?;
        }
        notices.order_changed(conn, id, to)?;
        crate::webhooks::events::order_status_changed(conn, id, to)
    })
    .await
}

/// Records an order's payment.
///
/// Cash, card or cheque, at handover, once; in the history. The shop's merchants, the
/// association's admins, and the shop's API keys with `orders:write`; an order of a shop
/// the caller does not run answers 404. The shop's webhooks hear `order.paid`.
#[utoipa::path(
    tag = "shop orders",
    params(("id" = i64, Path, description = "The order's id")),
    request_body = RecordPayment,
    security(("bearer" = []), ("api_key" = ["orders:write"])),
    responses(
        (status = 200, description = "The paid order, as the shop sees it", body = Order),
        (status = 400, description = "Unknown fields or method", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No order of your shop has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already paid, or cancelled", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/orders/{id}/payment")]
pub async fn record_payment(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<RecordPayment>,
) -> Result<Json<Order>, ApiError> {
    let method = body.into_inner().method;
    let id = id.into_inner();
    change_order(&state, caller, id, move |conn, actor| {
        order::record_payment(conn, id, method, actor, now())?;
        crate::webhooks::events::order_paid(conn, id)
    })
    .await
}

/// Sets the merchant's note on an order.
///
/// What was agreed with the customer on the phone. Only the shop's side sees it; the change
/// is in the history. The shop's merchants, the association's admins, and the shop's API
/// keys with `orders:write`; an order of a shop the caller does not run answers 404.
#[utoipa::path(
    tag = "shop orders",
    params(("id" = i64, Path, description = "The order's id")),
    request_body = MerchantNote,
    security(("bearer" = []), ("api_key" = ["orders:write"])),
    responses(
        (status = 200, description = "The order, as the shop sees it", body = Order),
        (status = 400, description = "Unknown fields, or a note over 1000 characters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No order of your shop has this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/orders/{id}/merchant-note")]
pub async fn set_merchant_note(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<MerchantNote>,
) -> Result<Json<Order>, ApiError> {
    let note = body.into_inner().note.trim().to_owned();
    if note.chars().count() > MAX_MERCHANT_NOTE {
        return Err(ApiError::invalid(
            "note",
            format!("must be at most {MAX_MERCHANT_NOTE} characters"),
        ));
    }
    let id = id.into_inner();
    change_order(&state, caller, id, move |conn, actor| {
        order::set_merchant_note(conn, id, &note, actor, now())
    })
    .await
}

/// Most changes in one change of an order's lines.
const MAX_LINE_CHANGES: usize = 100;
/// The heaviest line, in grams.
const MAX_WEIGHT_G: i64 = 100_000;

/// Checks one change of an order's lines; each bad field is named: in `errors` a value out
/// of its range (400), in `refused` fields that are each well-formed but do not go together
/// (422).
fn parse_line_change(
    index: usize,
    change: &LineChange,
    errors: &mut Vec<FieldError>,
    refused: &mut Vec<FieldError>,
) -> Option<LineEdit> {
    let named = |field: &str, message: &str| FieldError {
        field: format!("lines[{index}].{field}"),
        message: message.into(),
    };
    let mut invalid = |field: &str, message: &str| errors.push(named(field, message));
    let mut refuse = |field: &str, message: &str| refused.push(named(field, message));
    let quantity = match change.quantity {
        None => None,
        Some(q @ 0..=MAX_QUANTITY) => Some(i32::try_from(q).unwrap_or(0)),
        Some(_) => {
            invalid("quantity", "must be a whole number from 0 to 99");
            return None;
        }
    };
    let weight_g = match change.actual_weight_g {
        None => None,
        Some(g @ 1..=MAX_WEIGHT_G) => Some(i32::try_from(g).unwrap_or(1)),
        Some(_) => {
            invalid(
                "actual_weight_g",
                "must be a whole number of grams from 1 to 100000",
            );
            return None;
        }
    };
    match (change.line_id, change.product_id) {
        (Some(line_id), None) => {
            if change.variant_id.is_none() && quantity.is_none() && weight_g.is_none() {
                refuse(
                    "line_id",
                    "say what changes: variant_id, quantity or actual_weight_g",
                );
                return None;
            }
            Some(LineEdit::Line {
                index,
                line_id,
                variant_id: change.variant_id,
                quantity,
                weight_g,
            })
        }
        (None, Some(product_id)) => match quantity {
            Some(quantity) if quantity > 0 && weight_g.is_none() => Some(LineEdit::Add {
                index,
                product_id,
                variant_id: change.variant_id,
                quantity,
            }),
            _ if weight_g.is_some() => {
                refuse(
                    "actual_weight_g",
                    "is entered on a line of the order, once added",
                );
                None
            }
            _ => {
                refuse("quantity", "an added product needs a quantity from 1 to 99");
                None
            }
        },
        _ => {
            refuse(
                "line_id",
                "give either line_id (a line of the order) or product_id (a product to add)",
            );
            None
        }
    }
}

/// Checks a change of an order's lines: the edits and the note (required unless only
/// weights are entered).
fn parse_lines_change(request: OrderLinesChange) -> Result<(Vec<LineEdit>, String), ApiError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut refused: Vec<FieldError> = Vec::new();
    if request.lines.is_empty() {
        refused.push(FieldError {
            field: "lines".into(),
            message: "name at least one change".into(),
        });
    }
    if request.lines.len() > MAX_LINE_CHANGES {
        errors.push(FieldError {
            field: "lines".into(),
            message: "at most 100 changes at once".into(),
        });
    }
    let note = request.note.unwrap_or_default().trim().to_owned();
    if note.chars().count() > MAX_CHANGE_NOTE {
        errors.push(FieldError {
            field: "note".into(),
            message: format!("must be at most {MAX_CHANGE_NOTE} characters"),
        });
    }
    let edits: Vec<LineEdit> = request
        .lines
        .iter()
        .enumerate()
        .filter_map(|(index, change)| parse_line_change(index, change, &mut errors, &mut refused))
        .collect();
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    if let Some(err) = ApiError::from_refused_fields(refused) {
        return Err(err);
    }
    let mut repeated: Vec<FieldError> = Vec::new();
    for (index, change) in request.lines.iter().enumerate() {
        if change.line_id.is_some()
            && request.lines[..index]
                .iter()
                .any(|other| other.line_id == change.line_id)
        {
            repeated.push(FieldError {
                field: format!("lines[{index}].line_id"),
                message: "is already changed above: one change per line".into(),
            });
        }
    }
    if let Some(err) = ApiError::from_refused_fields(repeated) {
        return Err(err);
    }
    let weights_only = edits.iter().all(|edit| {
        matches!(
            edit,
            LineEdit::Line {
                variant_id: None,
                quantity: None,
                weight_g: Some(_),
                ..
            }
        )
    });
    if note.is_empty() && !weights_only {
        return Err(ApiError::refused(
            "note",
            "is required: say what was agreed with the customer, who reads it",
        ));
    }
    Ok((edits, note))
}

/// Changes an order's lines after the call.
///
/// One agreed change, in one transaction: swap a line's variant (another of the same
/// product, at today's price), change a quantity (0 removes the line, which then counts for
/// nothing), add a product of the shop at today's price, or enter the actual weight of a
/// line sold by weight (the whole line's grams; its price is that weight at its price per
/// kilo, rounded half up to the cent). Stock moves with it, never below zero; the lines'
/// totals, the order's total and VAT are recomputed. `note` (what was agreed with the
/// customer, who reads it) is required unless the change only enters weights. While the
/// order is placed or confirmed. The history records `lines_changed` with the note and each
/// change, before → after; the shopper is e-mailed; the shop's webhooks hear
/// `order.updated`. The shop's merchants, the association's admins, and the shop's API keys
/// with `orders:write`; an order of a shop the caller does not run answers 404.
#[utoipa::path(
    tag = "shop orders",
    params(("id" = i64, Path, description = "The order's id")),
    request_body = OrderLinesChange,
    security(("bearer" = []), ("api_key" = ["orders:write"])),
    responses(
        (status = 200, description = "The changed order, as the shop sees it", body = Order),
        (status = 400, description = "Unknown fields, a quantity or weight out of its range, a note too long; `errors` names each one", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No order of your shop has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order is no longer placed or confirmed, or not enough stock is left for the change: nothing was changed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: no change named, a change naming both or neither of `line_id` and `product_id`, or only a line without saying what changes, a weight on an added product, an added product without a quantity, no note, a line that is not the order's, a variant of another product or not on sale, a weight on a line not sold by weight, a product already in the order, every line removed, or nothing changed; `errors` names the field", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/orders/{id}/lines")]
pub async fn change_order_lines(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<OrderLinesChange>,
) -> Result<Json<Order>, ApiError> {
    let (edits, note) = parse_lines_change(body.into_inner())?;
    let id = id.into_inner();
    let notices = Arc::clone(&state.notices);
    change_order(&state, caller, id, move |conn, actor| {
        let changes = order_edit::change_lines(conn, id, &edits, &note, actor, now())?;
        notices.lines_changed(conn, id, &note, &changes)?;
        crate::webhooks::events::order_updated(conn, id, &changes)
    })
    .await
}

/// A phone order whose fields are valid by construction.
struct ValidPhoneOrder {
    /// The checkout rules' request; `per_shop` is filled in once the shop is known.
    checkout: ValidCheckout,
    note: String,
    /// (product id, variant id if named, quantity), each variant once.
    wanted: Vec<(i64, Option<i64>, i32)>,
}

/// Checks every field of a phone order; each bad one is named.
fn parse_phone_order(request: PhoneOrder) -> Result<ValidPhoneOrder, ApiError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let contact = parse_contact(request.customer, request.fulfilment.address, &mut errors);
    let mut invalid = |field: String, message: &str| {
        errors.push(FieldError {
            field,
            message: message.into(),
        })
    };
    if request.lines.is_empty() {
        invalid("lines".into(), "add at least one product");
    }
    if request.lines.len() > MAX_PHONE_LINES {
        invalid("lines".into(), "at most 100 products per order");
    }
    let mut wanted: Vec<(i64, Option<i64>, i32)> = Vec::new();
    // A product twice is well-formed line by line; refused as a whole (422).
    let mut repeated: Vec<FieldError> = Vec::new();
    for (index, line) in request.lines.iter().enumerate() {
        if request.lines[..index]
            .iter()
            .any(|other| other.product_id == line.product_id && other.variant_id == line.variant_id)
        {
            repeated.push(FieldError {
                field: format!("lines[{index}].product_id"),
                message: "is already in the order: change its quantity instead".into(),
            });
        }
        match i32::try_from(line.quantity) {
            Ok(quantity) if (1..=MAX_QUANTITY).contains(&line.quantity) => {
                wanted.push((line.product_id, line.variant_id, quantity));
            }
            _ => invalid(
                format!("lines[{index}].quantity"),
                "must be a whole number from 1 to 99",
            ),
        }
    }
    let note = request.note.unwrap_or_default().trim().to_owned();
    if note.chars().count() > 500 {
        invalid("note".into(), "must be at most 500 characters");
    }
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    if let Some(err) = ApiError::from_refused_fields(repeated) {
        return Err(err);
    }
    let phone = contact
        .phone
        .ok_or_else(|| ApiError::invalid("customer.phone", "is required"))?;
    if !request.terms_read_out {
        return Err(ApiError::refused(
            "terms_read_out",
            "must be true: read the shop's terms of sale (and the site's terms of use, with \
             the right of withdrawal) out to the customer before taking the order",
        ));
    }
    let checkout = ValidCheckout {
        name: contact.name,
        phone,
        email: contact.email,
        method: request.fulfilment.method,
        address: contact.address,
        per_shop: Vec::new(),
        contact: request.contact_preference.unwrap_or_default(),
        expected_total_cents: None,
    };
    Ok(ValidPhoneOrder {
        checkout,
        note,
        wanted,
    })
}

/// The checkout rules name a shop's method `per_shop.<slug>.method`; a phone order has
/// one method, `fulfilment.method`.
fn phone_order_fields(err: ApiError) -> ApiError {
    match err {
        ApiError::Validation { errors, .. } => {
            let errors = errors
                .into_iter()
                .map(|mut e| {
                    if e.field.starts_with("per_shop.") && e.field.ends_with(".method") {
                        e.field = "fulfilment.method".into();
                    }
                    e
                })
                .collect();
            ApiError::from_field_errors(errors)
                .unwrap_or_else(|| ApiError::invalid("fulfilment", "is invalid"))
        }
        other => other,
    }
}

/// Takes an order for a customer who called.
///
/// The same rules as checkout (prices from the catalogue, stock never oversold, delivery
/// communes, the shop's dates), for products of this shop only. The order is marked as
/// taken by phone, and the history says by whom. The shop's merchants, the association's
/// admins, and the shop's API keys with `orders:write`; the shop must be approved. The
/// shop's webhooks hear `order.placed`.
#[utoipa::path(
    tag = "shop orders",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = PhoneOrder,
    security(("bearer" = []), ("api_key" = ["orders:write"])),
    responses(
        (status = 201, description = "The order, as the shop sees it", body = Order),
        (status = 400, description = "A field is invalid; `errors` names each one", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop of yours has this slug, or a product is not one of its products", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not enough stock, or a product is not on sale; the detail names it; `seller_identity_missing`: the shop has not completed its legal identity and cannot take orders until it does", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet (a pending shop keeps its profile and at most 20 draft products)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a product on two lines (`errors` names the second), or `terms_read_out` missing or false; `below_delivery_minimum`: too little for delivery", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/shops/{slug}/phone-orders")]
pub async fn create_phone_order(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<PhoneOrder>,
) -> Result<HttpResponse, ApiError> {
    let ValidPhoneOrder {
        mut checkout,
        note,
        wanted,
    } = parse_phone_order(body.into_inner())?;
    let slug = slug.into_inner();
    let notices = Arc::clone(&state.notices);
    let order = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let shop = caller.shop(conn, &slug)?;
            caller.require_approved(&shop)?;
            let lines = order::shop_lines(conn, shop.id, &wanted)?;
            checkout.per_shop = vec![(shop.slug.clone(), None, note.clone())];
            let actor = caller.actor();
            let origin = Origin {
                // A phone order has no basket.
                cart_id: "",
                user_id: None,
                channel: OrderChannel::Phone,
                actor: &actor,
                // The shop's own: not counted against the customer's bounds.
                client_address: None,
            };
            let ids = order::place(conn, &lines, &checkout, &origin, Utc::now())
                .map_err(phone_order_fields)?;
            let id = ids
                .first()
                .copied()
                .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no order was placed")))?;
            // The shop took the call: only the shopper is told.
            notices.orders_placed(conn, &ids, false)?;
            crate::webhooks::events::orders_placed(conn, &ids)?;
            Ok(order::load_as(conn, id, View::Shop)?)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(order))
}

/// The `Last-Event-ID` header, if any.
fn last_event_id(req: &HttpRequest) -> Result<Option<i64>, ApiError> {
    let Some(value) = req.headers().get("Last-Event-ID") else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|id| *id >= 0)
        .map(Some)
        .ok_or_else(|| {
            ApiError::invalid(
                "Last-Event-ID",
                "must be the id of an event this stream sent",
            )
        })
}

/// A shop's live inbox, as server-sent events.
///
/// A `text/event-stream` with one `order` event per change of one of the shop's orders (a
/// new order, a status change, a payment, a note), whose `id:` is the history entry's id;
/// send the last one back as `Last-Event-ID` to resume after it. A comment is sent every 15
/// seconds when nothing happens. The shop's merchants, the association's admins, and the
/// shop's API keys with `orders:read`; the shop must be approved. Changes nothing.
///
/// Authenticate with the `Authorization` header (read it with `fetch` streaming;
/// `EventSource` cannot send it). Events may repeat across reconnections, never go missing.
#[utoipa::path(
    tag = "shop orders",
    params(
        ("slug" = String, Path, description = "The shop's slug"),
        ("Last-Event-ID" = Option<i64>, Header, description = "Resume after this event; without it, only what happens from now on is sent"),
    ),
    security(("bearer" = []), ("api_key" = ["orders:read"])),
    responses(
        (status = 200, description = "The stream: `id: <entry id>`, `event: order`, `data: <OrderFeedEvent JSON>`",
            body = OrderFeedEvent, content_type = "text/event-stream"),
        (status = 400, description = "A bad `Last-Event-ID`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop of yours has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet (a pending shop keeps its profile and at most 20 draft products)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/orders/events")]
pub async fn order_events(
    req: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<HttpResponse, ApiError> {
    let resume = last_event_id(&req)?;
    // A signed-in caller's stream ends with its access token (the app opens a new one with
    // a fresh token); an API key's lasts while the key works.
    let ends_at = match caller {
        Caller::User(_) => {
            let exp = crate::auth::bearer(&req)
                .and_then(|token| state.token_keys.expiry(token))
                .unwrap_or(0);
            let left = exp.saturating_sub(u64::try_from(Utc::now().timestamp()).unwrap_or(0));
            Some(Instant::now() + std::time::Duration::from_secs(left))
        }
        Caller::Key { .. } => None,
    };
    let slug = slug.into_inner();
    let (shop_id, cursor) = db::run(&state.pool, move |conn| {
        let shop = caller.shop(conn, &slug)?;
        caller.require_approved(&shop)?;
        // At most REPLAY_HOURS back, whatever the Last-Event-ID.
        let oldest = order::event_id_before(conn, now() - Duration::hours(REPLAY_HOURS))?;
        let cursor = match resume {
            Some(cursor) => cursor.max(oldest),
            None => order::last_event_id(conn)?,
        };
        Ok((shop.id, cursor))
    })
    .await?;
    let slot = state.order_feed.admit(shop_id)?;
    let still_allowed: StillAllowed = Arc::new(move |conn| Ok(caller.still_runs(conn, shop_id)?));
    let receiver = state.order_feed.subscribe(&state.pool);
    let body = ShopStream::new(
        state.pool.clone(),
        slot,
        receiver,
        cursor,
        still_allowed,
        ends_at,
    )
    .into_body()
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/event-stream")
        .insert_header((CACHE_CONTROL, "no-cache"))
        // Tells nginx not to buffer the stream.
        .insert_header(("X-Accel-Buffering", "no"))
        .body(body))
}
