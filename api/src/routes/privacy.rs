//! Personal data (issue 15): the privacy page's facts (`/privacy`, public); a signed-in
//! person's export (`GET /me/export`) and erasure (`DELETE /me`); a guest's erasure
//! request through their tracking link (`POST /track/{token}/erasure-request`); and the
//! association's side (`/admin/privacy`): its settings, the erasures it carries out, the
//! scheduled anonymisation's log. These routes live together because they share one model
//! ([`crate::db::models::privacy`]), whatever their URL prefix.
//!
//! Under `/admin`, admins only: anonymous callers get 401, anyone else (a merchant, a
//! volunteer, a customer, an API key) 404, as if the route did not exist.

use actix_web::http::header::CONTENT_DISPOSITION;
use actix_web::web::{self, Json, Path};
use actix_web::{HttpResponse, delete, get, patch, post};
use diesel::OptionalExtension;
use shared::auth::{Me, Role};
use shared::error::Problem;
use shared::privacy::{
    AdminPrivacy, DataExport, EraseAccount, Erasure, ErasureRequest, ErasureRequested,
    GUEST_RETENTION_MONTHS, MESSAGE_RETENTION_DAYS, ORDER_KEEP_YEARS, Privacy, PrivacySettings,
    UpdatePrivacySettings,
};

use crate::access::Caller;
use crate::auth::{AuthUser, REFRESH_TOKEN_DAYS};
use crate::db::models::order::{self, View};
use crate::db::models::privacy as model;
use crate::db::models::shop::iso_time;
use crate::db::models::{email_token, marketplace, now, session, user};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::email::parse_email;
use crate::error::ApiError;
use crate::startup::AppState;

/// Anyone but an admin is told the route does not exist.
fn admin(caller: &Caller) -> Result<i64, ApiError> {
    match caller.user() {
        Some(user) if caller.is_admin() => Ok(user.id),
        _ => Err(ApiError::NotFound("not found".into())),
    }
}

/// What the privacy page shows.
///
/// Who is responsible for the personal data (the association, as its legal notice names
/// it), where to send a data request, and how long each kind of data is kept, from the
/// association's settings. Public; changes nothing.
#[utoipa::path(
    tag = "marketplace",
    responses((status = 200, description = "The privacy page's facts", body = Privacy))
)]
#[get("/privacy")]
pub async fn get_privacy(state: web::Data<AppState>) -> Result<Json<Privacy>, ApiError> {
    let privacy = db::run(&state.pool, |conn| {
        // Only its texts are read: whether visits are counted does not matter here.
        let market = marketplace::public(conn, true)?;
        let settings = model::load_settings(conn)?;
        Ok(Privacy {
            marketplace_name: market.name,
            controller: market.legal,
            data_contact_email: if settings.contact_email.is_empty() {
                market.contact.email
            } else {
                settings.contact_email
            },
            contact_phone: market.contact.phone,
            guest_retention_months: settings.guest_retention_months,
            message_retention_days: settings.message_retention_days,
            order_keep_years: ORDER_KEEP_YEARS,
            session_days: REFRESH_TOKEN_DAYS,
        })
    })
    .await?;
    Ok(Json(privacy))
}

/// Everything about the signed-in person, from the database.
fn export_of(conn: &mut DbConn, user: AuthUser) -> Result<DataExport, ApiError> {
    let row = user::find(conn, user.id)
        .optional()?
        .ok_or(ApiError::Unauthorized)?;
    let (email_verified, email_refused) = email_token::email_status(conn, row.id, &row.email)?;
    let account = Me {
        cart_id: session::latest_cart(conn, row.id)?,
        id: row.id,
        email: row.email.clone(),
        name: row.name.clone(),
        role: user.role,
        phone: row.phone.clone(),
        email_verified,
        email_refused,
    };
    let orders = model::order_ids_of(conn, user.id)?
        .into_iter()
        .map(|id| order::load_as(conn, id, View::Customer))
        .collect::<Result<_, _>>()?;
    let (contacts_used, addresses_used) = model::contacts_of(conn, user.id)?;
    Ok(DataExport {
        exported_at: iso_time(now()),
        account_created_at: iso_time(model::created_at(conn, user.id)?),
        orders,
        contacts_used,
        addresses_used,
        notifications: crate::routes::notifications::my_notifications(conn, user)?,
        messages: model::messages_to(conn, &row.email)?,
        sessions: model::sessions_of(conn, user.id)?,
        api_keys: model::api_keys_of(conn, user.id)?,
        account,
    })
}

/// Downloads the signed-in person's data.
///
/// Everything the marketplace holds about the signed-in account, as one JSON file: the
/// account, every one of its orders (lines, totals, statuses, history), the names, phones
/// and addresses given at checkout, its e-mail settings, the e-mails written to it, its
/// sessions (dates, never tokens) and the API keys it made (names, never secrets). Any
/// signed-in account, for itself; changes nothing.
#[utoipa::path(
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The person's data (also offered as the file `mes-donnees.json`)", body = DataExport, example = json!({
            "exported_at": "2026-12-05T10:00:00+00:00",
            "account": {"id": 7, "email": "jeanne@example.fr", "name": "Jeanne Martin", "role": "customer", "cart_id": null, "phone": "06 12 34 56 78", "email_verified": true, "email_refused": null},
            "account_created_at": "2026-11-02T08:30:00+00:00",
            "orders": [{"id": 42, "number": "UZ-2026-00042", "shop": {"slug": "epicerie-du-duche", "name": "Épicerie du Duché"}, "status": "completed", "payment_status": "paid", "fulfilment": {"method": "delivery", "date": "2026-12-08", "address": {"street": "12 rue de la République", "postcode": "30700", "commune": "Uzès"}, "pickup_address": null}, "customer_name": "Jeanne Martin", "lines": [{"product_id": 20, "name": "Anchoïade", "unit_price_cents": 610, "vat_rate": 5.5, "quantity": 2, "line_total_cents": 1220}], "total_cents": 1220, "currency": "EUR", "vat": [{"rate": 5.5, "total_cents": 1220, "vat_cents": 64, "net_cents": 1156}], "vat_mention": null, "note": "", "contact_preference": "call", "tracking_token": "b296ab8fb56b47aba71f1ac17652d505", "created_at": "2026-12-04T09:15:00+00:00", "payment_method": "cash", "cancel_reason": null, "channel": "web", "history": [{"id": 101, "at": "2026-12-04T09:15:00+00:00", "kind": "placed", "actor": "customer", "actor_name": null, "from": null, "to": "placed", "note": ""}]}],
            "contacts_used": [{"name": "Jeanne Martin", "phone": "06 12 34 56 78", "email": "jeanne@example.fr"}],
            "addresses_used": [{"street": "12 rue de la République", "postcode": "30700", "commune": "Uzès"}],
            "notifications": {"delivery_reminder": true, "round_warning": null},
            "messages": [{"created_at": "2026-12-04T09:15:01+00:00", "subject": "Votre commande UZ-2026-00042 est reçue", "state": "sent", "sent_at": "2026-12-04T09:15:03+00:00", "text": "Bonjour Jeanne Martin, ..."}],
            "sessions": [{"created_at": "2026-12-04T09:00:00+00:00", "expires_at": "2027-01-03T09:00:00+00:00", "revoked_at": null}],
            "api_keys": []
        })),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/export")]
pub async fn export_my_data(
    user: AuthUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let export = db::run(&state.pool, move |conn| export_of(conn, user)).await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            CONTENT_DISPOSITION,
            "attachment; filename=\"mes-donnees.json\"",
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(export))
}

/// Erases the signed-in account.
///
/// With the account's password typed again. Its orders stay for the shops' accounting (kept
/// 10 years), with the person's name replaced by a pseudonym (`Client supprimé #12`, the
/// same on all of them) and their phone, e-mail, street, access note and notes removed;
/// totals, lines, shop and dates stay. When the account's address is verified, the orders
/// placed earlier without an account with that address are pseudonymised the same way (an
/// unverified address erases none: it may be someone else's). The account is deleted (its
/// address may sign up again), its sessions end at once (access and refresh tokens
/// refused), its e-mail links and reset codes go, the API keys it made are revoked, and the
/// e-mails written to it are deleted (those not sent yet with them). Only a customer's
/// account: the association first gives a merchant, volunteer or admin the customer role.
/// 409 while one of those orders (the account's, or a guest order with its verified
/// address) is still being handled (placed, confirmed or ready), naming it: nothing is
/// erased until it is handed over or cancelled.
#[utoipa::path(
    tag = "accounts",
    request_body = EraseAccount,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account is erased", body = Erasure),
        (status = 400, description = "Unknown fields, or no password", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "An order is still being handled, or the account is not a customer's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the password is wrong (`errors` names `password`); nothing was erased", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me")]
pub async fn erase_me(
    user: AuthUser,
    state: web::Data<AppState>,
    body: Json<EraseAccount>,
) -> Result<Json<Erasure>, ApiError> {
    let password = body.into_inner().password;
    if password.is_empty() || password.chars().count() > 128 {
        return Err(ApiError::invalid("password", "type the account's password"));
    }
    if user.role != Role::Customer {
        return Err(ApiError::Conflict(
            "this account runs part of the marketplace (merchant, volunteer or admin): ask the \
             association to give it the customer role first"
                .into(),
        ));
    }
    let stored = db::run(&state.pool, move |conn| {
        Ok(user::find(conn, user.id)
            .optional()?
            .ok_or(ApiError::Unauthorized)?
            .password_hash)
    })
    .await?;
    if !crate::auth::verify_password_limited(&state, password, stored).await? {
        return Err(ApiError::refused(
            "password",
            "is not this account's password",
        ));
    }
    let (pseudonym, done) = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| model::erase_account(conn, user.id, now()))
    })
    .await?;
    tracing::info!(orders = done, "account erased by its owner");
    Ok(Json(Erasure {
        pseudonym,
        orders_pseudonymised: i64::try_from(done).unwrap_or(i64::MAX),
    }))
}

/// Asks the association to erase a guest's personal data.
///
/// From an order's tracking link, no sign-in (the secret link is the proof). Recorded for
/// the association, which carries it out (`POST /admin/privacy/erasure-requests/{id}/execute`):
/// the order, the other guest orders with its e-mail address, and those with both its phone
/// and its name, are pseudonymised once closed. 201 when recorded, 200 when a request of
/// this order already waits. 409 for an order of an account: its owner erases the account.
#[utoipa::path(
    tag = "orders",
    params(("token" = String, Path, description = "The order's tracking token")),
    responses(
        (status = 201, description = "The request is recorded", body = ErasureRequested),
        (status = 200, description = "A request of this order already waits", body = ErasureRequested),
        (status = 404, description = "No order has this token", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order belongs to an account", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/track/{token}/erasure-request")]
pub async fn request_erasure(
    state: web::Data<AppState>,
    token: Path<String>,
) -> Result<HttpResponse, ApiError> {
    let token = token.into_inner();
    let (requested, new) = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            model::request_guest_erasure(conn, &token, now())
        })
    })
    .await?;
    Ok(if new {
        HttpResponse::Created().json(requested)
    } else {
        HttpResponse::Ok().json(requested)
    })
}

fn admin_privacy(conn: &mut DbConn) -> Result<AdminPrivacy, ApiError> {
    Ok(AdminPrivacy {
        settings: model::load_settings(conn)?,
        requests: model::list_requests(conn)?,
        runs: model::runs(conn)?,
    })
}

/// The association's privacy settings and erasures.
///
/// The settings (the data-requests contact, the guests' and the messages' retention), the erasures (guests'
/// requests waiting first, then the latest done, with when and by whom) and the scheduled
/// anonymisation's log. Admins only; changes nothing.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Settings, erasures and log", body = AdminPrivacy, example = json!({
            "settings": {"contact_email": "donnees@commerces-uzes.fr", "guest_retention_months": 36, "message_retention_days": 90},
            "requests": [
                {"id": 4, "kind": "guest", "order_number": "UZ-2026-00042", "shop_name": "Épicerie du Duché", "customer_name": "Jeanne Martin", "requested_at": "2026-12-05T09:30:00+00:00", "done_at": null, "done_by": null, "orders_pseudonymised": 0},
                {"id": 3, "kind": "account", "order_number": null, "shop_name": null, "customer_name": null, "requested_at": "2026-12-01T18:02:00+00:00", "done_at": "2026-12-01T18:02:00+00:00", "done_by": null, "orders_pseudonymised": 5}
            ],
            "runs": [{"ran_at": "2026-12-05T03:00:00+00:00", "cutoff": "2023-12-05T03:00:00+00:00", "orders": 12}]
        })),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/privacy")]
pub async fn get_admin_privacy(
    caller: Caller,
    state: web::Data<AppState>,
) -> Result<Json<AdminPrivacy>, ApiError> {
    admin(&caller)?;
    Ok(Json(db::run(&state.pool, admin_privacy).await?))
}

/// Changes the association's privacy settings.
///
/// `contact_email` (an address, or empty for the association's contact e-mail),
/// `guest_retention_months` (1 to 120) and `message_retention_days` (7 to 730: how long
/// e-mails and webhook deliveries are kept once sent or given up): a field left out stays.
/// The next housekeeping round applies a shorter retention. Admins only.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    request_body = UpdatePrivacySettings,
    responses(
        (status = 200, description = "The settings after the change", body = PrivacySettings),
        (status = 400, description = "Malformed: `guest_retention_months` out of 1 to 120, `message_retention_days` out of 7 to 730, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: `contact_email` is not an e-mail address", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/admin/privacy")]
pub async fn update_privacy_settings(
    caller: Caller,
    state: web::Data<AppState>,
    body: Json<UpdatePrivacySettings>,
) -> Result<Json<PrivacySettings>, ApiError> {
    admin(&caller)?;
    let changes = body.into_inner();
    // Out of range breaks the schema (400); an address that is none is refused (422).
    if let Some(months) = changes.guest_retention_months
        && !GUEST_RETENTION_MONTHS.contains(&months)
    {
        return Err(ApiError::invalid(
            "guest_retention_months",
            "must be 1 to 120 months",
        ));
    }
    if let Some(days) = changes.message_retention_days
        && !MESSAGE_RETENTION_DAYS.contains(&days)
    {
        return Err(ApiError::invalid(
            "message_retention_days",
            "must be 7 to 730 days",
        ));
    }
    let email = match changes.contact_email.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(String::new()),
        Some(email) => match parse_email(email) {
            Some(parsed) if email.len() <= 254 => Some(parsed),
            _ => {
                return Err(ApiError::refused(
                    "contact_email",
                    "must be an e-mail address such as donnees@example.fr, or empty",
                ));
            }
        },
    };
    let (months, days) = (
        changes.guest_retention_months,
        changes.message_retention_days,
    );
    let settings = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            model::update_settings(conn, email.as_deref(), months, days, now())?;
            Ok(model::load_settings(conn)?)
        })
    })
    .await?;
    Ok(Json(settings))
}

/// Carries out a guest's erasure request.
///
/// Pseudonymises the order whose tracking link asked, the other guest orders with its
/// e-mail address and those with both its phone and its name (`Client supprimé #<request
/// id>`; totals, lines, shop and dates stay), deletes the e-mails written to that address
/// and removes the identifiers from the messages about those orders. Records when and by
/// whom. 409 when already done, or while one of those orders is still being handled.
/// Admins only.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The request's id")),
    responses(
        (status = 200, description = "The request, carried out", body = ErasureRequest),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin, or no such request", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already carried out, or an order is still being handled", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/privacy/erasure-requests/{id}/execute")]
pub async fn execute_erasure(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<ErasureRequest>, ApiError> {
    let admin_id = admin(&caller)?;
    let id = id.into_inner();
    let request = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            model::execute_request(conn, id, admin_id, now())
        })?;
        model::list_requests(conn)?
            .into_iter()
            .find(|request| request.id == id)
            .ok_or_else(|| ApiError::NotFound("no erasure request has this id".into()))
    })
    .await?;
    Ok(Json(request))
}
