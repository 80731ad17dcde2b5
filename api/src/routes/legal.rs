//! Who sells, terms, withdrawal (issue 15): a shop's legal identity, the association's
//! terms of use and default terms of sale, each shop's terms of sale (all versioned), and
//! the withdrawal of an order's lines.
//!
//! Who may do what: the terms are public to read; the association's are saved by admins,
//! a shop's by its merchants and admins; the legal identity is set by the shop's merchants,
//! admins and the volunteers assigned to a shop that consents to the association's help
//! (as its products); a withdrawal is sent by the order's signed-in customer, or by anyone
//! holding its tracking token. Anyone else gets 404.

use std::sync::Arc;

use actix_web::web::{self, Json, Path};
use actix_web::{HttpResponse, delete, get, post, put};
use chrono::Utc;
use diesel::prelude::*;
use shared::error::{FieldError, Problem};
use shared::legal::{
    RequestWithdrawal, ShopLegal, Terms, TermsKind, UpdateShopLegal, UpdateTerms, WITHDRAWAL_DAYS,
    WithdrawalException,
};
use shared::order::{Order, OrderStatus, name_with_variant};
use shared::shop_orders::OrderEventKind;

use crate::access::Caller;
use crate::auth::MaybeUser;
use crate::db::models::order::{self, Event, View};
use crate::db::models::{legal, now, shop};
use crate::db::schema::{order_lines, orders, shops};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::legal::parse_identity;
use crate::error::ApiError;
use crate::startup::AppState;

/// Shortest and longest terms.
const TERMS_CHARS: std::ops::RangeInclusive<usize> = 20..=50_000;
/// Longest message with a withdrawal.
const MAX_WITHDRAWAL_MESSAGE: usize = 1000;
/// Most lines a withdrawal names.
const MAX_WITHDRAWAL_LINES: usize = 100;

/// An order's line as a withdrawal checks it: id, product, name, variant's label, exception.
type WithdrawableLine = (i64, i64, String, String, String);

// ---- The legal identity --------------------------------------------------------------

/// Sets a shop's legal identity.
///
/// Who sells: legal name, legal form, SIRET (14 digits, its Luhn key checked), where it is
/// registered (RCS or RM with the city, micro-entrepreneur exempt from registration, or
/// none), the intra-community VAT number (`FR` + key + the SIRET's SIREN, the key checked)
/// unless the shop is exempt from VAT (its profile's `vat_exempt`; then the mention "TVA non
/// applicable, art. 293 B du CGI" is shown instead), and the person responsible. Every field
/// each time; the new identity replaces the old one and shows at once on the shop's page;
/// orders keep the seller they were placed with. The association cannot approve a shop
/// without it. The shop's merchants, admins, and the volunteers helping a consenting shop;
/// anyone else gets 404. Recorded in the shop's history.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = UpdateShopLegal,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The identity as saved", body = ShopLegal),
        (status = 400, description = "A field is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs or helps has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: `errors` names each refused field (a SIRET whose key does not match, \
            a VAT number whose key or SIREN does not match, a VAT number for an exempt shop or none for a liable one, \
            a register without its city, a name too short)",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/shops/{slug}/legal")]
pub async fn set_shop_legal(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<UpdateShopLegal>,
) -> Result<Json<ShopLegal>, ApiError> {
    let slug = slug.into_inner();
    if caller.user().is_none() {
        return Err(ApiError::NotFound(format!(
            "no shop '{slug}' for an API key here: a person signed in does this"
        )));
    }
    let body = body.into_inner();
    let saved = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let row = caller.products_shop(conn, &slug)?;
            shop::lock(conn, row.id)?;
            let row = shop::find(conn, row.id)?;
            let identity = parse_identity(body.clone(), row.vat_exempt).map_err(|errors| {
                ApiError::from_refused_fields(errors)
                    .unwrap_or_else(|| ApiError::Unprocessable("invalid identity".into()))
            })?;
            let now = now();
            legal::save_identity(conn, row.id, &identity, now)?;
            // The shop's page is cached by the catalogue's version, which a change of the
            // shop's row bumps.
            diesel::update(shops::table.find(row.id))
                .set(shops::updated_at.eq(now))
                .execute(conn)?;
            shop::record_event(
                conn,
                row.id,
                &caller.actor(),
                (None, None),
                "legal identity changed",
                now,
            )?;
            legal::identity(conn, row.id)?
                .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("identity not saved")))
        })
    })
    .await?;
    Ok(Json(saved))
}

// ---- Terms ---------------------------------------------------------------------------

fn parse_terms(body: UpdateTerms) -> Result<String, ApiError> {
    let text = body.body.trim().replace("\r\n", "\n");
    if !TERMS_CHARS.contains(&text.chars().count()) {
        return Err(ApiError::invalid(
            "body",
            "must be 20 to 50,000 characters of text",
        ));
    }
    Ok(text)
}

async fn association_terms(
    state: &AppState,
    kind: TermsKind,
    version: Option<i32>,
) -> Result<Json<Terms>, ApiError> {
    let terms = db::run(&state.pool, move |conn| {
        legal::association_terms(conn, kind, version)?
            .ok_or_else(|| ApiError::NotFound("there is no such version of these terms".into()))
    })
    .await?;
    Ok(Json(terms))
}

/// The site's terms of use.
///
/// The association's terms of use, latest version: who runs the marketplace (the
/// association) and that each shop sells its own products. Public; changes nothing.
#[utoipa::path(
    tag = "legal",
    responses((status = 200, description = "The latest version", body = Terms))
)]
#[get("/terms")]
pub async fn get_terms(state: web::Data<AppState>) -> Result<Json<Terms>, ApiError> {
    association_terms(&state, TermsKind::Use, None).await
}

/// One version of the terms of use.
///
/// Every saved version stays readable, as an order records the one its customer accepted.
/// Version 1 is the text built into Vitrine. Public; changes nothing.
#[utoipa::path(
    tag = "legal",
    params(("n" = i32, Path, description = "The version's number, from 1")),
    responses(
        (status = 200, description = "That version", body = Terms),
        (status = 404, description = "No such version", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/terms/versions/{n}")]
pub async fn get_terms_version(
    state: web::Data<AppState>,
    n: Path<i32>,
) -> Result<Json<Terms>, ApiError> {
    association_terms(&state, TermsKind::Use, Some(n.into_inner())).await
}

/// The association's default terms of sale.
///
/// The terms of sale of every shop that did not write its own, latest version. Public;
/// changes nothing.
#[utoipa::path(
    tag = "legal",
    responses((status = 200, description = "The latest version", body = Terms))
)]
#[get("/terms/sale")]
pub async fn get_default_terms_of_sale(
    state: web::Data<AppState>,
) -> Result<Json<Terms>, ApiError> {
    association_terms(&state, TermsKind::Sale, None).await
}

/// One version of the default terms of sale.
///
/// Version 1 is the text built into Vitrine. Public; changes nothing.
#[utoipa::path(
    tag = "legal",
    params(("n" = i32, Path, description = "The version's number, from 1")),
    responses(
        (status = 200, description = "That version", body = Terms),
        (status = 404, description = "No such version", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/terms/sale/versions/{n}")]
pub async fn get_default_terms_of_sale_version(
    state: web::Data<AppState>,
    n: Path<i32>,
) -> Result<Json<Terms>, ApiError> {
    association_terms(&state, TermsKind::Sale, Some(n.into_inner())).await
}

async fn save_association_terms(
    caller: Caller,
    state: &AppState,
    kind: TermsKind,
    body: UpdateTerms,
) -> Result<HttpResponse, ApiError> {
    if !caller.is_admin() || caller.user().is_none() {
        return Err(ApiError::NotFound("not found".into()));
    }
    let text = parse_terms(body)?;
    let terms = db::run(&state.pool, move |conn| {
        let version = write_transaction(conn, |conn| {
            Ok(legal::save_terms(
                conn,
                kind,
                None,
                &text,
                &caller.actor(),
                now(),
            )?)
        })?;
        legal::association_terms(conn, kind, Some(version))?
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("terms not saved")))
    })
    .await?;
    Ok(HttpResponse::Created().json(terms))
}

/// Saves a new version of the terms of use.
///
/// Every save makes the next version (the first saved is version 2, the built-in text
/// being 1); earlier ones stay readable, and orders keep the version they accepted. Admins
/// only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    request_body = UpdateTerms,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new version", body = Terms),
        (status = 400, description = "The text is too short or too long", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/admin/terms")]
pub async fn update_terms(
    caller: Caller,
    state: web::Data<AppState>,
    body: Json<UpdateTerms>,
) -> Result<HttpResponse, ApiError> {
    save_association_terms(caller, &state, TermsKind::Use, body.into_inner()).await
}

/// Saves a new version of the default terms of sale.
///
/// The terms of every shop that did not write its own; versioned like the terms of use.
/// Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    request_body = UpdateTerms,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new version", body = Terms),
        (status = 400, description = "The text is too short or too long", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/admin/terms/sale")]
pub async fn update_default_terms_of_sale(
    caller: Caller,
    state: web::Data<AppState>,
    body: Json<UpdateTerms>,
) -> Result<HttpResponse, ApiError> {
    save_association_terms(caller, &state, TermsKind::Sale, body.into_inner()).await
}

/// A shop's terms of sale.
///
/// Its own latest version if it wrote some (`source: shop`), else the association's
/// default (`source: association`). An active shop; public; changes nothing.
#[utoipa::path(
    tag = "legal",
    params(("slug" = String, Path, description = "The shop's slug")),
    responses(
        (status = 200, description = "The terms a shopper accepts when ordering from it", body = Terms),
        (status = 404, description = "No such active shop", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/terms")]
pub async fn get_shop_terms(
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<Json<Terms>, ApiError> {
    let slug = slug.into_inner();
    let terms = db::run(&state.pool, move |conn| {
        let row = shop::find_active_by_slug(conn, &slug)
            .optional()?
            .ok_or_else(|| ApiError::NotFound("there is no active shop with this slug".into()))?;
        Ok(legal::shop_terms(conn, &row)?)
    })
    .await?;
    Ok(Json(terms))
}

/// One version of a shop's own terms of sale.
///
/// Every version the shop saved stays readable (an order records the one its customer
/// accepted). Public; changes nothing.
#[utoipa::path(
    tag = "legal",
    params(
        ("slug" = String, Path, description = "The shop's slug"),
        ("n" = i32, Path, description = "The version's number, from 1"),
    ),
    responses(
        (status = 200, description = "That version", body = Terms),
        (status = 404, description = "No such shop or version", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/terms/versions/{n}")]
pub async fn get_shop_terms_version(
    state: web::Data<AppState>,
    path: Path<(String, i32)>,
) -> Result<Json<Terms>, ApiError> {
    let (slug, n) = path.into_inner();
    let terms = db::run(&state.pool, move |conn| {
        let row = shop::find_by_slug(conn, &slug)?
            .ok_or_else(|| ApiError::NotFound(format!("no shop '{slug}'")))?;
        legal::shop_terms_version(conn, &row, n)?
            .ok_or_else(|| ApiError::NotFound("the shop has no such version of its terms".into()))
    })
    .await?;
    Ok(Json(terms))
}

/// Saves a new version of a shop's own terms of sale.
///
/// From then on shoppers accept these instead of the association's default; earlier
/// versions stay readable and orders keep the version they accepted. The shop's merchants
/// and admins; anyone else gets 404. Recorded in the shop's history.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = UpdateTerms,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new version", body = Terms),
        (status = 400, description = "The text is too short or too long", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/shops/{slug}/terms")]
pub async fn update_shop_terms(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<UpdateTerms>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    if caller.user().is_none() {
        return Err(ApiError::NotFound(format!(
            "no shop '{slug}' for an API key here: a person signed in does this"
        )));
    }
    let text = parse_terms(body.into_inner())?;
    let terms = db::run(&state.pool, move |conn| {
        let (row, version) = write_transaction(conn, |conn| {
            let row = caller.shop(conn, &slug)?;
            let now = now();
            let version = legal::save_terms(
                conn,
                TermsKind::Sale,
                Some(row.id),
                &text,
                &caller.actor(),
                now,
            )?;
            shop::record_event(
                conn,
                row.id,
                &caller.actor(),
                (None, None),
                &format!("terms of sale: version {version}"),
                now,
            )?;
            Ok((row, version))
        })?;
        legal::shop_terms_version(conn, &row, version)?
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("terms not saved")))
    })
    .await?;
    Ok(HttpResponse::Created().json(terms))
}

/// Goes back to the association's default terms of sale.
///
/// For a shop that wrote its own: from then on shoppers accept the association's default
/// (its current version, as `GET /shops/{slug}/terms` shows); the shop's own versions stay
/// readable and orders already placed keep the version they accepted. Saving its own text
/// again (`PUT`) makes it the shop's terms anew. Doing it when the shop already uses the
/// default changes nothing. The shop's merchants and admins; anyone else gets 404. Recorded
/// in the shop's history.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The terms shoppers now accept: the association's default", body = Terms),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/shops/{slug}/terms")]
pub async fn use_default_terms_of_sale(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<Json<Terms>, ApiError> {
    let slug = slug.into_inner();
    if caller.user().is_none() {
        return Err(ApiError::NotFound(format!(
            "no shop '{slug}' for an API key here: a person signed in does this"
        )));
    }
    let terms = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let row = caller.shop(conn, &slug)?;
            let now = now();
            if legal::use_default_terms(conn, row.id, now)? {
                shop::record_event(
                    conn,
                    row.id,
                    &caller.actor(),
                    (None, None),
                    "terms of sale: the association's default",
                    now,
                )?;
            }
            Ok(legal::shop_terms(conn, &row)?)
        })
    })
    .await?;
    Ok(Json(terms))
}

// ---- Withdrawal ----------------------------------------------------------------------

/// Withdraws from lines of an order (droit de rétractation).
///
/// Within 14 days of handover (the order `completed`: picked up or delivered), the
/// customer withdraws from lines, named by their ids (`line_ids`: one size of a product) or
/// by their products (`product_ids`: every line of each), without a reason, with an
/// optional message for the shop. Before handover it is a cancellation instead (409 says
/// so). A line whose product is an exception (perishable, made to order, sealed hygiene
/// goods) is refused with the reason (422 naming the line); a line already withdrawn 409.
/// The order's history records it and the shop's merchants are e-mailed. The order's
/// signed-in customer, or anyone holding its tracking token (`tracking_token` in the body);
/// anyone else gets 404.
#[utoipa::path(
    tag = "orders",
    params(("id" = i64, Path, description = "The order's id")),
    request_body = RequestWithdrawal,
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The order, its lines marked withdrawn", body = Order),
        (status = 400, description = "A field is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No order of yours, or with this token, has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not handed over yet (cancel it instead), the 14 days are over, or a line was already withdrawn",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: no line named, or `errors` names each refused one \
            (`line_ids[i]`, `product_ids[i]`): not in the order, named twice, or an exception to the right of withdrawal with its reason",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/orders/{id}/withdrawal")]
pub async fn withdraw_from_order(
    MaybeUser(user): MaybeUser,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<RequestWithdrawal>,
) -> Result<Json<Order>, ApiError> {
    let id = id.into_inner();
    let body = body.into_inner();
    let message = body.message.clone().unwrap_or_default().trim().to_owned();
    let mut errors: Vec<FieldError> = Vec::new();
    for (field, ids) in [
        ("line_ids", &body.line_ids),
        ("product_ids", &body.product_ids),
    ] {
        if ids.len() > MAX_WITHDRAWAL_LINES {
            errors.push(FieldError {
                field: field.into(),
                message: format!("must name at most {MAX_WITHDRAWAL_LINES} items"),
            });
        }
    }
    if message.chars().count() > MAX_WITHDRAWAL_MESSAGE {
        errors.push(FieldError {
            field: "message".into(),
            message: format!("must be at most {MAX_WITHDRAWAL_MESSAGE} characters"),
        });
    }
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let named = body.line_ids.len() + body.product_ids.len();
    if !(1..=MAX_WITHDRAWAL_LINES).contains(&named) {
        return Err(ApiError::refused(
            "line_ids",
            format!(
                "name 1 to {MAX_WITHDRAWAL_LINES} lines of the order (line_ids or product_ids)"
            ),
        ));
    }
    let notices = Arc::clone(&state.notices);
    let order = db::run(&state.pool, move |conn| {
        let by_owner = write_transaction(conn, |conn| {
            let not_found = || ApiError::NotFound("there is no order of yours with this id".into());
            let (owner, token, status): (Option<i64>, String, String) = orders::table
                .find(id)
                .select((orders::user_id, orders::tracking_token, orders::status))
                .first(conn)
                .optional()?
                .ok_or_else(not_found)?;
            let by_owner = owner.is_some() && owner == user.map(|u| u.id);
            let by_token = body.tracking_token.as_deref() == Some(token.as_str());
            if !by_owner && !by_token {
                return Err(not_found());
            }
            if let DbConn::Pg(pg) = conn {
                // Two withdrawals of one order at once are checked one after the other.
                orders::table
                    .find(id)
                    .select(orders::id)
                    .for_update()
                    .load::<i64>(pg)?;
            }
            let status = OrderStatus::parse(&status).unwrap_or(OrderStatus::Placed);
            let handed_over = order::handed_over_on(conn, id)?;
            let Some(handed_over) = handed_over.filter(|_| status == OrderStatus::Completed) else {
                return Err(ApiError::Conflict(
                    "the order has not been handed over yet: this is a cancellation, not a \
                     withdrawal; cancel it (POST /orders/{id}/cancel) while the shop has not \
                     confirmed it, or call the shop"
                        .into(),
                ));
            };
            let today = crate::domain::delivery::paris_time(Utc::now()).date();
            let deadline = handed_over + chrono::Duration::days(WITHDRAWAL_DAYS);
            if today > deadline {
                return Err(ApiError::Conflict(format!(
                    "the 14 days to withdraw ended on {deadline} (the order was handed over \
                     on {handed_over})"
                )));
            }
            let lines: Vec<WithdrawableLine> = order_lines::table
                .filter(order_lines::order_id.eq(id))
                .filter(order_lines::removed_at.is_null())
                .select((
                    order_lines::id,
                    order_lines::product_id,
                    order_lines::name,
                    order_lines::variant_label,
                    order_lines::withdrawal_exception,
                ))
                .load(conn)?;
            let mut refused: Vec<FieldError> = Vec::new();
            // Each line named, with the field that named it.
            let mut named: Vec<(String, &WithdrawableLine)> = Vec::new();
            for (index, line_id) in body.line_ids.iter().enumerate() {
                let field = format!("line_ids[{index}]");
                match lines.iter().find(|line| line.0 == *line_id) {
                    Some(line) => named.push((field, line)),
                    None => refused.push(FieldError {
                        field,
                        message: format!("line {line_id} is not in this order"),
                    }),
                }
            }
            for (index, product_id) in body.product_ids.iter().enumerate() {
                let field = format!("product_ids[{index}]");
                let before = named.len();
                named.extend(
                    lines
                        .iter()
                        .filter(|line| line.1 == *product_id)
                        .map(|line| (field.clone(), line)),
                );
                if named.len() == before {
                    refused.push(FieldError {
                        field,
                        message: format!("product {product_id} is not in this order"),
                    });
                }
            }
            let done = legal::withdrawals(conn, id)?;
            let mut chosen: Vec<(i64, String)> = Vec::new();
            for (field, (line_id, _, name, label, exception)) in named {
                let name = name_with_variant(name, label);
                let exception = WithdrawalException::parse(exception).unwrap_or_default();
                if let Some(reason) = exception.reason_fr() {
                    refused.push(FieldError {
                        field,
                        message: format!(
                            "{name}: no right of withdrawal ({}): {reason}",
                            exception.as_str()
                        ),
                    });
                    continue;
                }
                if chosen.iter().any(|(l, _)| l == line_id) {
                    refused.push(FieldError {
                        field,
                        message: format!("{name} is named twice"),
                    });
                    continue;
                }
                if done.iter().any(|w| w.line_id == *line_id) {
                    return Err(ApiError::Conflict(format!(
                        "{name} was already withdrawn from"
                    )));
                }
                chosen.push((*line_id, name));
            }
            if let Some(err) = ApiError::from_refused_fields(refused) {
                return Err(err);
            }
            let actor = match user {
                Some(user) if by_owner => format!("user:{}", user.id),
                _ => order::CUSTOMER_ACTOR.to_owned(),
            };
            let now = now();
            for (line_id, _) in &chosen {
                legal::record_withdrawal(conn, id, *line_id, &message, &actor, now)?;
            }
            let names: Vec<String> = chosen.into_iter().map(|(_, name)| name).collect();
            let note = if message.is_empty() {
                names.join(", ")
            } else {
                format!("{} — {message}", names.join(", "))
            };
            order::record_event(
                conn,
                id,
                Event {
                    kind: OrderEventKind::Withdrawal,
                    actor: &actor,
                    from: None,
                    to: None,
                    note: &note,
                },
                now,
            )?;
            notices.withdrawal_received(conn, id, &names, &message)?;
            Ok(by_owner)
        })?;
        let view = if by_owner {
            View::Customer
        } else {
            View::Public
        };
        Ok(order::load_as(conn, id, view)?)
    })
    .await?;
    Ok(Json(order))
}
