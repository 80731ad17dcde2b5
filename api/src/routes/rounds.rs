//! Delivery rounds (issue 11): the admins plan a date's rounds (create, rename, delete,
//! volunteers, stops and their order), the volunteers and admins read the rounds and their
//! sheets (JSON and CSV) and tap "collected", "delivered" and "failed"; a shop reads its
//! next round. The admins' list of volunteers lives here too, beside the rounds it staffs.
//!
//! Who sees what: admins every round; a volunteer only the rounds they drive, from the day
//! before to the day after; anyone else 404 (no credentials, or an API key: 401).

use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::web::{self, Json, Path};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, put};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use shared::auth::Role;
use shared::error::Problem;
use shared::money::format_eur;
use shared::rounds::{
    CreateRound, DeliveredTap, FailedTap, FailureReason, Round, RoundList, RoundSheets,
    RoundsQuery, SetRoundStops, SetRoundVolunteers, ShopRounds, StopState, UpdateRound, Volunteer,
};

use crate::access::Caller;
use crate::auth::AuthUser;
use crate::db::models::idempotency::{self, Recorded};
use crate::db::models::rounds::{self, Day, RoundRow, Tapper};
use crate::db::models::{now, user};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::rounds::{MAX_ROUND_NAME, parse_date, parse_ready_by, volunteer_may_see};
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::routes::shop_admin::paris_today;
use crate::startup::AppState;

/// Longest accepted `Idempotency-Key`.
const MAX_KEY_LENGTH: usize = 200;
/// Most volunteers on one round.
const MAX_VOLUNTEERS: usize = 10;
/// Most stops in one `PUT /rounds/{id}/stops`.
const MAX_STOPS: usize = 300;
/// Longest note of a failed delivery.
const MAX_FAILURE_NOTE: usize = 300;

fn not_found() -> ApiError {
    ApiError::NotFound("there is no round of yours with this id".into())
}

/// Admins only; anyone else gets 404, as if the route were not there.
fn require_admin(user: AuthUser) -> Result<(), ApiError> {
    if user.role == Role::Admin {
        Ok(())
    } else {
        Err(ApiError::NotFound("there is nothing here for you".into()))
    }
}

/// The round if the caller may see it: an admin any, a volunteer one they drive whose date
/// is from yesterday to tomorrow; 404 otherwise.
fn visible_round(conn: &mut DbConn, user: AuthUser, id: i64) -> Result<RoundRow, ApiError> {
    let round = rounds::find_round(conn, id)?.ok_or_else(not_found)?;
    let allowed = match user.role {
        Role::Admin => true,
        Role::Volunteer => {
            let date = parse_date(&round.delivery_date).ok_or_else(not_found)?;
            volunteer_may_see(date, paris_today()) && rounds::drives(conn, id, user.id)?
        }
        _ => false,
    };
    if allowed { Ok(round) } else { Err(not_found()) }
}

fn round_date(round: &RoundRow) -> Result<NaiveDate, ApiError> {
    parse_date(&round.delivery_date).ok_or_else(|| {
        ApiError::Internal(anyhow::anyhow!(
            "round {} has the date {}",
            round.id,
            round.delivery_date
        ))
    })
}

fn parse_name(name: &str) -> Result<String, ApiError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_ROUND_NAME {
        return Err(ApiError::invalid("name", "must be 1 to 80 characters"));
    }
    Ok(name.to_owned())
}

fn ready_by(value: &str) -> Result<String, ApiError> {
    parse_ready_by(value)
        .ok_or_else(|| ApiError::invalid("ready_by", "must be a time from 05:00 to 14:00, HH:MM"))
}

/// A round after a change, in one transaction with the change: the date is locked first.
async fn change_round<F>(
    state: &AppState,
    user: AuthUser,
    id: i64,
    change: F,
) -> Result<Json<Round>, ApiError>
where
    F: Fn(&mut DbConn, &Day) -> Result<(), ApiError> + Send + 'static,
{
    require_admin(user)?;
    let round = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let round = visible_round(conn, user, id)?;
            rounds::lock_date(conn, round_date(&round)?)?;
            let day = rounds::load_day(conn, &round.delivery_date)?;
            change(conn, &day)?;
            Ok(rounds::load_day(conn, &round.delivery_date)?.round(Some(id)))
        })
    })
    .await?;
    Ok(Json(round))
}

/// Lists the delivery rounds.
///
/// The rounds of a delivery date, or without `date` the rounds from yesterday to tomorrow.
/// Admins and volunteers, signed in (an API key is not enough); anyone else gets 404.
/// Changes nothing.
///
/// Admins see every round; a date no admin has split yet shows one default round (`id`
/// null) holding every delivery of the date (orders with `fulfilment = delivery` that are
/// not cancelled). A volunteer sees only the rounds they drive, from the day before to the
/// day after. Stops are in driving order; orders still `placed` are flagged `unconfirmed`.
#[utoipa::path(
    tag = "rounds",
    params(RoundsQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The rounds", body = RoundList),
        (status = 400, description = "`date` is not `YYYY-MM-DD`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: `date` has the shape but is not a real date", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in (an API key is not enough)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Neither an admin nor a volunteer", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/rounds")]
pub async fn list_rounds(
    user: AuthUser,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<RoundsQuery>,
) -> Result<Json<RoundList>, ApiError> {
    let date = match query.date.as_deref() {
        Some(date) => Some(
            parse_date(date)
                .ok_or_else(|| ApiError::refused("date", "must be a real date, YYYY-MM-DD"))?,
        ),
        None => None,
    };
    if !matches!(user.role, Role::Admin | Role::Volunteer) {
        return Err(ApiError::NotFound("there is nothing here for you".into()));
    }
    let today = paris_today();
    let (from, to) = match date {
        Some(date) => (date, date),
        None => (today - Duration::days(1), today + Duration::days(1)),
    };
    let list = db::run(&state.pool, move |conn| {
        let (from, to) = (from.to_string(), to.to_string());
        let mut list = Vec::new();
        if user.role == Role::Admin {
            let dates = match date {
                Some(date) => vec![date.to_string()],
                None => rounds::dates_with_rounds(conn, &from, &to)?,
            };
            for date in dates {
                list.extend(rounds::load_day(conn, &date)?.all_rounds());
            }
        } else {
            let mut loaded: Option<Day> = None;
            for round in rounds::rounds_of_volunteer(conn, user.id, &from, &to)? {
                let visible =
                    parse_date(&round.delivery_date).is_some_and(|d| volunteer_may_see(d, today));
                if !visible {
                    continue;
                }
                if loaded
                    .as_ref()
                    .is_none_or(|d| d.date != round.delivery_date)
                {
                    loaded = Some(rounds::load_day(conn, &round.delivery_date)?);
                }
                if let Some(day) = &loaded {
                    list.push(day.round(Some(round.id)));
                }
            }
        }
        Ok(RoundList { rounds: list })
    })
    .await?;
    Ok(Json(list))
}

/// Creates a delivery round.
///
/// A round for a delivery date. The date's first round takes every delivery of the date
/// (the default round becomes it); a later one starts empty: fill it with `PUT
/// /rounds/{id}/stops`. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "rounds",
    request_body = CreateRound,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new round", body = Round),
        (status = 400, description = "A bad `date`, `name` or `ready_by`; `errors` names it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: `date` has the shape but is not a real date", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/rounds")]
pub async fn create_round(
    user: AuthUser,
    state: web::Data<AppState>,
    body: Json<CreateRound>,
) -> Result<HttpResponse, ApiError> {
    require_admin(user)?;
    let body = body.into_inner();
    let date = parse_date(&body.date)
        .ok_or_else(|| ApiError::refused("date", "must be a real date, YYYY-MM-DD"))?;
    let name = parse_name(&body.name)?;
    let ready = match body.ready_by.as_deref() {
        Some(value) => ready_by(value)?,
        None => rounds::DEFAULT_READY_BY.to_owned(),
    };
    let round = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            rounds::lock_date(conn, date)?;
            let id = rounds::create_round(conn, date, &name, &ready, now())?;
            Ok(rounds::load_day(conn, &date.to_string())?.round(Some(id)))
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(round))
}

/// One delivery round.
///
/// The round, with its volunteers and its stops in driving order. Admins see every round; a
/// volunteer only those they drive, from the day before to the day after; anyone else gets
/// 404. Changes nothing.
#[utoipa::path(
    tag = "rounds",
    params(("id" = i64, Path, description = "The round's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The round", body = Round),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No round of yours has this id (a volunteer sees the rounds they drive, from the day before to the day after)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/rounds/{id}")]
pub async fn get_round(
    user: AuthUser,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<Round>, ApiError> {
    let id = id.into_inner();
    let round = db::run(&state.pool, move |conn| {
        let round = visible_round(conn, user, id)?;
        Ok(rounds::load_day(conn, &round.delivery_date)?.round(Some(id)))
    })
    .await?;
    Ok(Json(round))
}

/// Changes a delivery round.
///
/// Renames the round or changes its ready-by time. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "rounds",
    params(("id" = i64, Path, description = "The round's id")),
    request_body = UpdateRound,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The round", body = Round),
        (status = 400, description = "A bad `name` or `ready_by`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin, or no such round", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/rounds/{id}")]
pub async fn update_round(
    user: AuthUser,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<UpdateRound>,
) -> Result<Json<Round>, ApiError> {
    let body = body.into_inner();
    let name = body.name.as_deref().map(parse_name).transpose()?;
    let ready = body.ready_by.as_deref().map(ready_by).transpose()?;
    let id = id.into_inner();
    change_round(&state, user, id, move |conn, _| {
        Ok(rounds::update_round(
            conn,
            id,
            name.as_deref(),
            ready.as_deref(),
        )?)
    })
    .await
}

/// Deletes a delivery round.
///
/// Its stops go back to the date's first remaining round (or the default round). Refused
/// (409) once volunteers recorded a tap on it. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "rounds",
    params(("id" = i64, Path, description = "The round's id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin, or no such round", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Collections or deliveries were recorded on it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/rounds/{id}")]
pub async fn delete_round(
    user: AuthUser,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    require_admin(user)?;
    let id = id.into_inner();
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let round = visible_round(conn, user, id)?;
            rounds::lock_date(conn, round_date(&round)?)?;
            let day = rounds::load_day(conn, &round.delivery_date)?;
            rounds::delete_round(conn, &day, id)
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sets who drives a delivery round.
///
/// Replaces the round's list of volunteers (accounts with the `volunteer` role, at most
/// 10); they see the round from the day before to the day after. Admins only; anyone else
/// gets 404.
#[utoipa::path(
    tag = "rounds",
    params(("id" = i64, Path, description = "The round's id")),
    request_body = SetRoundVolunteers,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The round", body = Round),
        (status = 400, description = "Malformed body, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin, or no such round", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: more than 10 volunteers, one listed twice, or an account that is not a volunteer (`errors` names `volunteer_ids[i]`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/rounds/{id}/volunteers")]
pub async fn set_round_volunteers(
    user: AuthUser,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<SetRoundVolunteers>,
) -> Result<Json<Round>, ApiError> {
    let ids = body.into_inner().volunteer_ids;
    if ids.len() > MAX_VOLUNTEERS {
        return Err(ApiError::refused("volunteer_ids", "at most 10 volunteers"));
    }
    if let Some(index) = (1..ids.len()).find(|&i| ids[..i].contains(&ids[i])) {
        return Err(ApiError::refused(
            format!("volunteer_ids[{index}]"),
            "is already listed",
        ));
    }
    let id = id.into_inner();
    change_round(&state, user, id, move |conn, _| {
        rounds::set_volunteers(conn, id, &ids)
    })
    .await
}

/// Sets a round's stops and their order.
///
/// Stops of the date's other rounds that are listed move into it. Admins only; anyone else
/// gets 404.
///
/// List every stop the round holds now (409 otherwise: another admin changed it since you
/// read it), in driving order. The order is kept, and reused for the same addresses on
/// later rounds; nothing reorders it afterwards.
#[utoipa::path(
    tag = "rounds",
    params(("id" = i64, Path, description = "The round's id")),
    request_body = SetRoundStops,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The round, its stops in the new order", body = Round),
        (status = 400, description = "More than 300 stops", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin, or no such round", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The round holds a stop the list leaves out: read it again", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a key that is no stop of the date, or listed twice (`errors` names `stops[i]`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/rounds/{id}/stops")]
pub async fn set_round_stops(
    user: AuthUser,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<SetRoundStops>,
) -> Result<Json<Round>, ApiError> {
    let keys = body.into_inner().stops;
    if keys.len() > MAX_STOPS {
        return Err(ApiError::invalid("stops", "at most 300 stops"));
    }
    let id = id.into_inner();
    change_round(&state, user, id, move |conn, day| {
        rounds::set_stops(conn, day, id, &keys)
    })
    .await
}

/// The sheets of a delivery round.
///
/// For the screens and print: one collection sheet per shop (address, phone, ready-by time,
/// each order's number, the customer's initials, lines and quantities, bags, keep-cold,
/// collected tick) and the drop sheet grouped by commune in stop order (sequence, address
/// and access note, customer name and phone, bags per shop, the amount to collect for each
/// shop with the payment means it accepts, the customer's note, the state). Admins, and the
/// volunteers who drive the round (from the day before to the day after); anyone else gets
/// 404. Changes nothing.
#[utoipa::path(
    tag = "rounds",
    params(("id" = i64, Path, description = "The round's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The sheets", body = RoundSheets),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No round of yours has this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/rounds/{id}/sheets")]
pub async fn get_round_sheets(
    user: AuthUser,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<RoundSheets>, ApiError> {
    Ok(Json(sheets(&state, user, id.into_inner()).await?))
}

async fn sheets(state: &AppState, user: AuthUser, id: i64) -> Result<RoundSheets, ApiError> {
    db::run(&state.pool, move |conn| {
        let round = visible_round(conn, user, id)?;
        Ok(rounds::load_day(conn, &round.delivery_date)?.sheets(id))
    })
    .await
}

fn payment_fr(method: shared::shop_orders::PaymentMethod) -> &'static str {
    match method {
        shared::shop_orders::PaymentMethod::Cash => "espèces",
        shared::shop_orders::PaymentMethod::Cheque => "chèque",
        shared::shop_orders::PaymentMethod::Card => "carte",
    }
}

fn state_fr(state: StopState, reason: Option<FailureReason>) -> String {
    match state {
        StopState::Pending => "à livrer".into(),
        StopState::Delivered => "livrée".into(),
        StopState::Failed => format!(
            "échec ({})",
            reason.map_or("sans raison", FailureReason::label_fr)
        ),
    }
}

/// The drop sheet as CSV: one line per shop's order, stops in driving order.
fn sheets_csv(sheets: &RoundSheets) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    writer.write_record([
        "tournée",
        "date",
        "ordre",
        "commune",
        "adresse",
        "accès",
        "client",
        "téléphone",
        "commande",
        "commerce",
        "sacs",
        "froid",
        "à encaisser",
        "moyens acceptés",
        "note",
        "état",
    ])?;
    for commune in &sheets.drop {
        for stop in &commune.stops {
            for order in &stop.orders {
                writer.write_record([
                    sheets.name.as_str(),
                    &sheets.date,
                    &stop.sequence.to_string(),
                    &commune.commune,
                    &format!("{}, {} {}", stop.street, stop.postcode, stop.commune),
                    stop.access_note.as_deref().unwrap_or_default(),
                    &stop.customer_name,
                    &stop.customer_phone,
                    &order.number,
                    &order.shop.name,
                    &order.bags.map(|b| b.to_string()).unwrap_or_default(),
                    if order.keep_cold { "oui" } else { "" },
                    &format_eur(order.amount_due_cents),
                    &order
                        .payment_means
                        .iter()
                        .map(|m| payment_fr(*m))
                        .collect::<Vec<_>>()
                        .join(", "),
                    &order.note,
                    &state_fr(order.state, order.failure_reason),
                ])?;
            }
        }
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// A round's drop sheet, as CSV.
///
/// For spreadsheets: `;`-separated, UTF-8 with a BOM, one line per shop's order in stop
/// order, amounts as `12,50 €`. Admins, and the round's volunteers; changes nothing.
#[utoipa::path(
    tag = "rounds",
    params(("id" = i64, Path, description = "The round's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The CSV file", content_type = "text/csv", body = String),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No round of yours has this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/rounds/{id}/sheets.csv")]
pub async fn get_round_sheets_csv(
    user: AuthUser,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let sheets = sheets(&state, user, id).await?;
    let file = sheets_csv(&sheets).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"tournee-{}-{id}.csv\"", sheets.date),
        ))
        .body(file))
}

/// The collection sheets as CSV: one line per line of each shop's order, shops in round order.
fn collection_csv(sheets: &RoundSheets) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    writer.write_record([
        "tournée",
        "date",
        "commerce",
        "adresse",
        "téléphone",
        "prêt à",
        "commande",
        "client",
        "commune",
        "sacs",
        "article",
        "quantité",
        "froid",
        "collecté",
    ])?;
    for sheet in &sheets.collection {
        for order in &sheet.orders {
            for line in &order.lines {
                writer.write_record([
                    sheets.name.as_str(),
                    &sheets.date,
                    &sheet.shop.name,
                    &format!("{}, {}", sheet.address, sheet.commune),
                    &sheet.phone,
                    &sheet.ready_by,
                    &order.number,
                    &order.customer_initials,
                    &order.commune,
                    &order.bags.map(|b| b.to_string()).unwrap_or_default(),
                    &line.name,
                    &line.quantity.to_string(),
                    if line.keep_cold { "oui" } else { "" },
                    if sheet.collected { "oui" } else { "" },
                ])?;
            }
        }
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// A round's collection sheets, as CSV.
///
/// For spreadsheets: `;`-separated, UTF-8 with a BOM, one line per article of each shop's
/// order (shop, address, phone, ready-by time, order number, customer's initials, bags,
/// quantity, keep-cold, collected). Admins, and the round's volunteers; changes nothing.
#[utoipa::path(
    tag = "rounds",
    params(("id" = i64, Path, description = "The round's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The CSV file", content_type = "text/csv", body = String),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No round of yours has this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/rounds/{id}/collection.csv")]
pub async fn get_round_collection_csv(
    user: AuthUser,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let sheets = sheets(&state, user, id).await?;
    let file = collection_csv(&sheets).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"collecte-{}-{id}.csv\"", sheets.date),
        ))
        .body(file))
}

/// The `Idempotency-Key` of a tap: required, so that a tap sent again (offline replay) is
/// recorded once.
fn tap_key(req: &HttpRequest) -> Result<String, ApiError> {
    let key = req
        .headers()
        .get("Idempotency-Key")
        .map(|v| v.to_str().map(str::trim).unwrap_or_default())
        .unwrap_or_default();
    if key.is_empty() || key.len() > MAX_KEY_LENGTH {
        return Err(ApiError::invalid(
            "Idempotency-Key",
            format!("a tap needs one: 1 to {MAX_KEY_LENGTH} visible ASCII characters"),
        ));
    }
    Ok(key.to_owned())
}

/// Runs a tap once per `Idempotency-Key`: the same key with the same request answers the
/// first answer again and records nothing; with another request, 422. The date is locked
/// before the key is looked up, so a replay arriving while the first is running waits for
/// it and then replays it.
async fn tap<F>(
    state: &AppState,
    user: AuthUser,
    req: &HttpRequest,
    id: i64,
    body: String,
    act: F,
) -> Result<HttpResponse, ApiError>
where
    F: Fn(&mut DbConn, &Day, &Tapper, DateTime<Utc>) -> Result<(), ApiError> + Send + 'static,
{
    let key = tap_key(req)?;
    let request = format!("{} {}\n{body}", req.method(), req.path());
    // Keys are the tapper's own: scoped like a basket's.
    let scope = format!("tap:user:{}", user.id);
    let answer = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let round = visible_round(conn, user, id)?;
            rounds::lock_date(conn, round_date(&round)?)?;
            if let Some(first) = idempotency::find(conn, &scope, &key)? {
                if first.request == request {
                    return Ok(first);
                }
                return Err(ApiError::Unprocessable(
                    "this Idempotency-Key was already used for a different tap".into(),
                ));
            }
            let name = user::find(conn, user.id)?.name;
            let actor = format!("user:{}", user.id);
            let tapper = Tapper {
                actor: &actor,
                name: &name,
            };
            let day = rounds::load_day(conn, &round.delivery_date)?;
            act(conn, &day, &tapper, Utc::now())?;
            let after = rounds::load_day(conn, &round.delivery_date)?.round(Some(id));
            let answer = Recorded {
                request: request.clone(),
                status: 200,
                response: serde_json::to_string(&after)
                    .map_err(|e| ApiError::Internal(e.into()))?,
            };
            idempotency::record(conn, &scope, &key, &answer)?;
            Ok(answer)
        })
    })
    .await?;
    Ok(
        HttpResponse::build(StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK))
            .content_type("application/json")
            .body(answer.response),
    )
}

/// Records a shop's bags as collected.
///
/// "Collected": the volunteer has the shop's bags for this round. Recorded once per shop
/// and round, and in the history of each of the shop's orders on the round (who and when).
/// Admins, and the volunteers who drive the round (from the day before to the day after);
/// anyone else gets 404.
///
/// Send an `Idempotency-Key`: the same tap sent again answers the same and records nothing
/// more.
#[utoipa::path(
    tag = "rounds",
    params(
        ("id" = i64, Path, description = "The round's id"),
        ("slug" = String, Path, description = "The shop's slug"),
        ("Idempotency-Key" = String, Header, max_length = 200, pattern = r"^[!-~]([\t -~]*[!-~])?$",
            description = "One per tap, made by the phone when the tap is made (a UUID)"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The round", body = Round),
        (status = 400, description = "No `Idempotency-Key`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No round of yours has this id, or it has nothing to collect at this shop", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`unprocessable`: the key was used for another tap", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/rounds/{id}/shops/{slug}/collected")]
pub async fn tap_collected(
    req: HttpRequest,
    user: AuthUser,
    state: web::Data<AppState>,
    path: Path<(i64, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, slug) = path.into_inner();
    tap(
        &state,
        user,
        &req,
        id,
        String::new(),
        move |conn, day, by, at| rounds::collect(conn, day, id, &slug, by, at.naive_utc()),
    )
    .await
}

/// Records a stop as delivered.
///
/// "Delivered": every order of the stop was handed over. Completes each shop's order (a
/// confirmed one goes through `ready`) and records its payment once, by the method given
/// for it in `payments` (one the shop accepts); the shop's history shows it paid and by
/// which volunteer. Admins, and the volunteers who drive the round (from the day before to
/// the day after); anyone else gets 404.
///
/// Send an `Idempotency-Key`: the same tap sent again answers the same and records nothing
/// more.
#[utoipa::path(
    tag = "rounds",
    params(
        ("id" = i64, Path, description = "The round's id"),
        ("stop" = String, Path, description = "The stop's key (`Stop.key`)"),
        ("Idempotency-Key" = String, Header, max_length = 200, pattern = r"^[!-~]([\t -~]*[!-~])?$",
            description = "One per tap, made by the phone when the tap is made (a UUID)"),
    ),
    request_body = DeliveredTap,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The round", body = Round),
        (status = 400, description = "No `Idempotency-Key`, unknown fields or method", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No round of yours has this id, or no such stop in it", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The stop was already recorded (with another key, `conflict`), or `order_not_confirmed`: an order of the stop was never confirmed by its shop (call it), nothing recorded", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a payment missing for an order still due, an order not at this stop, a means its shop does not accept (`errors` names each); `unprocessable`: the key was used for another tap", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/rounds/{id}/stops/{stop}/delivered")]
pub async fn tap_delivered(
    req: HttpRequest,
    user: AuthUser,
    state: web::Data<AppState>,
    path: Path<(i64, String)>,
    body: Json<DeliveredTap>,
) -> Result<HttpResponse, ApiError> {
    let (id, stop) = path.into_inner();
    let payments = body.into_inner().payments;
    if payments.len() > 20 {
        return Err(ApiError::invalid("payments", "at most 20 payments"));
    }
    let text = serde_json::to_string(&payments).map_err(|e| ApiError::Internal(e.into()))?;
    tap(&state, user, &req, id, text, move |conn, day, by, at| {
        rounds::deliver(conn, day, id, &stop, &payments, by, at.naive_utc())
    })
    .await
}

/// Records a failed delivery.
///
/// "Failed": nobody home, refused, a wrong address. Each order of the stop goes back to its
/// shop, `ready`, with the next delivery date of its shop's kind; the shop's history and
/// the order's say why and who reported it. The stop stays on this date's sheets as failed.
/// Admins, and the volunteers who drive the round (from the day before to the day after);
/// anyone else gets 404.
///
/// Send an `Idempotency-Key`: the same tap sent again answers the same and records nothing
/// more.
#[utoipa::path(
    tag = "rounds",
    params(
        ("id" = i64, Path, description = "The round's id"),
        ("stop" = String, Path, description = "The stop's key (`Stop.key`)"),
        ("Idempotency-Key" = String, Header, max_length = 200, pattern = r"^[!-~]([\t -~]*[!-~])?$",
            description = "One per tap, made by the phone when the tap is made (a UUID)"),
    ),
    request_body = FailedTap,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The round", body = Round),
        (status = 400, description = "No `Idempotency-Key`, unknown fields or reason, a note over 300 characters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No round of yours has this id, or no such stop in it", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The stop was already recorded (with another key)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: `other` without a note; `unprocessable`: the key was used for another tap", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/rounds/{id}/stops/{stop}/failed")]
pub async fn tap_failed(
    req: HttpRequest,
    user: AuthUser,
    state: web::Data<AppState>,
    path: Path<(i64, String)>,
    body: Json<FailedTap>,
) -> Result<HttpResponse, ApiError> {
    let (id, stop) = path.into_inner();
    let FailedTap { reason, note } = body.into_inner();
    let note = note.unwrap_or_default().trim().to_owned();
    if note.chars().count() > MAX_FAILURE_NOTE {
        return Err(ApiError::invalid("note", "must be at most 300 characters"));
    }
    if reason == FailureReason::Other && note.is_empty() {
        return Err(ApiError::refused("note", "say what happened"));
    }
    let text = format!("{} {note}", reason.as_str());
    tap(&state, user, &req, id, text, move |conn, day, by, at| {
        rounds::fail(conn, day, id, &stop, (reason, &note), by, at)
    })
    .await
}

/// The association's volunteers.
///
/// Accounts with the `volunteer` role, with their phone, by name, to staff the rounds.
/// Admins only; anyone else gets 404. Changes nothing.
#[utoipa::path(
    tag = "rounds",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The volunteers", body = Vec<Volunteer>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/volunteers")]
pub async fn list_volunteers(
    user: AuthUser,
    state: web::Data<AppState>,
) -> Result<Json<Vec<Volunteer>>, ApiError> {
    require_admin(user)?;
    let list = db::run(&state.pool, |conn| Ok(rounds::volunteers(conn)?)).await?;
    Ok(Json(list))
}

/// A shop's next delivery round and the last three.
///
/// The next delivery date with orders of the shop (today or later): when the bags must be
/// ready, the orders to prepare, bags; before it, which orders were delivered, paid by what
/// and by whom, or failed and why. The shop's merchants, the association's admins, and the
/// shop's API keys with `orders:read`; a shop the caller does not run answers 404. Changes
/// nothing.
#[utoipa::path(
    tag = "rounds",
    params(("slug" = String, Path, description = "The shop's slug")),
    security(("bearer" = []), ("api_key" = ["orders:read"])),
    responses(
        (status = 200, description = "The shop's rounds", body = ShopRounds),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop of yours has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/rounds/next")]
pub async fn shop_rounds(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<Json<ShopRounds>, ApiError> {
    let slug = slug.into_inner();
    let today = paris_today().to_string();
    let rounds = db::run(&state.pool, move |conn| {
        let shop = caller.shop(conn, &slug)?;
        let (next, past) = rounds::shop_dates(conn, shop.id, &today, 3)?;
        let next = match next {
            Some(date) => rounds::load_day(conn, &date)?.shop_day(conn, shop.id)?,
            None => None,
        };
        let mut days = Vec::new();
        for date in past {
            if let Some(day) = rounds::load_day(conn, &date)?.shop_day(conn, shop.id)? {
                days.push(day);
            }
        }
        Ok(ShopRounds { next, past: days })
    })
    .await?;
    Ok(Json(rounds))
}
