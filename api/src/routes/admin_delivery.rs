//! The delivery zone and days: the association's admins search the official list of
//! communes and add or remove communes of the zone, set the delivery weekdays per kind of
//! shop, the cut-off hour, the marketplace's closed days and the free-delivery rule; anyone
//! reads the rules the basket and checkout apply (`GET /delivery`; the zone itself is
//! `GET /communes`).
//!
//! Admins only under `/admin`: anonymous callers get 401, anyone else (a customer, a
//! merchant, an API key) 404, as if the route did not exist. A change applies to the next
//! basket or checkout at once (they read the rules each time); an order keeps the date it
//! was given.

use actix_web::web::{self, Json, Path};
use actix_web::{HttpResponse, delete, get, patch, post};
use chrono::NaiveDate;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use shared::Page;
use shared::delivery::{
    AddCommune, CommuneMatch, CommuneSearch, DEFAULT_COMMUNE_RESULTS, DeliverySettings,
    FreeDelivery, MAX_COMMUNE_RESULTS, MAX_MINIMUM_BASKET_CENTS, UpdateDelivery,
};
use shared::error::{FieldError, Problem};
use shared::order::Commune;
use shared::shop_admin::ClosedDay;

use crate::access::Caller;
use crate::db::models::commune::NewCommune;
use crate::db::models::{delivery, settings};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::communes::{self, CommuneQuery};
use crate::domain::delivery::DeliveryRules;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::routes::shop_admin::{paris_today, parse_closed_day};
use crate::startup::AppState;

/// Longest search, in characters.
const MAX_QUERY_CHARS: usize = 100;

/// Anyone but an admin is told the route does not exist.
fn admin(caller: &Caller) -> Result<(), ApiError> {
    if caller.is_admin() {
        Ok(())
    } else {
        Err(ApiError::NotFound("not found".into()))
    }
}

/// The rules as the wire shows them, with the closed days from `today` on.
fn settings_of(rules: DeliveryRules, today: NaiveDate) -> DeliverySettings {
    DeliverySettings {
        food_days: rules.food,
        non_food_days: rules.non_food,
        cut_off_hour: u8::try_from(rules.cut_off_hour).unwrap_or(18),
        closed_days: rules
            .closed_days
            .iter()
            .filter(|day| **day >= today)
            .map(NaiveDate::to_string)
            .collect(),
        free_delivery: match rules.minimum_basket_cents {
            Some(minimum_cents) => FreeDelivery::MinimumBasket { minimum_cents },
            None => FreeDelivery::Always {},
        },
    }
}

fn read_settings(conn: &mut DbConn) -> Result<DeliverySettings, ApiError> {
    Ok(settings_of(settings::delivery_rules(conn)?, paris_today()))
}

/// The delivery rules.
///
/// What the basket and checkout apply: weekdays per kind of shop, the cut-off, the
/// marketplace's closed days ahead, the free-delivery rule. Public, no sign-in; changes
/// nothing.
#[utoipa::path(
    tag = "orders",
    responses(
        (status = 200, description = "The delivery rules", body = DeliverySettings),
    )
)]
#[get("/delivery")]
pub async fn get_delivery(state: web::Data<AppState>) -> Result<Json<DeliverySettings>, ApiError> {
    Ok(Json(db::run(&state.pool, read_settings).await?))
}

/// The delivery rules, for the association.
///
/// The rules as the association's page edits them. Admins only; anyone else gets 404.
/// Changes nothing.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The delivery rules", body = DeliverySettings),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/delivery")]
pub async fn get_admin_delivery(
    caller: Caller,
    state: web::Data<AppState>,
) -> Result<Json<DeliverySettings>, ApiError> {
    admin(&caller)?;
    Ok(Json(db::run(&state.pool, read_settings).await?))
}

/// Weekdays 1-7, each once, sorted; `None` (with an error) otherwise: a day out of range
/// goes to `errors` (400), a day given twice to `refused` (422: each item is well-formed).
fn weekdays(
    field: &str,
    days: &[u8],
    errors: &mut Vec<FieldError>,
    refused: &mut Vec<FieldError>,
) -> Option<String> {
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.iter().any(|d| !(1..=7).contains(d)) {
        errors.push(FieldError {
            field: field.into(),
            message: "must list weekdays 1 (Monday) to 7 (Sunday), each once".into(),
        });
        return None;
    }
    if sorted.len() != days.len() {
        refused.push(FieldError {
            field: field.into(),
            message: "must list each weekday once".into(),
        });
        return None;
    }
    Some(
        sorted
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(","),
    )
}

/// Changes the delivery rules.
///
/// Changes the rules given; the others keep their value. Baskets and checkouts offer the
/// new dates at once; orders already placed keep theirs. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    request_body = UpdateDelivery,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The delivery rules, changed", body = DeliverySettings),
        (status = 400, description = "A bad weekday, hour or minimum, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a weekday given twice (`errors` names the list)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/admin/delivery")]
pub async fn update_delivery(
    caller: Caller,
    state: web::Data<AppState>,
    body: Json<UpdateDelivery>,
) -> Result<Json<DeliverySettings>, ApiError> {
    admin(&caller)?;
    let body = body.into_inner();
    let (mut errors, mut refused) = (Vec::new(), Vec::new());
    let mut changes: Vec<(&'static str, String)> = Vec::new();
    if let Some(days) = &body.food_days
        && let Some(value) = weekdays("food_days", days, &mut errors, &mut refused)
    {
        changes.push((delivery::FOOD_DAYS, value));
    }
    if let Some(days) = &body.non_food_days
        && let Some(value) = weekdays("non_food_days", days, &mut errors, &mut refused)
    {
        changes.push((delivery::NON_FOOD_DAYS, value));
    }
    match body.cut_off_hour {
        Some(hour) if hour > 23 => errors.push(FieldError {
            field: "cut_off_hour".into(),
            message: "must be an hour from 0 to 23".into(),
        }),
        Some(hour) => changes.push((delivery::CUT_OFF_HOUR, hour.to_string())),
        None => {}
    }
    match body.free_delivery {
        Some(FreeDelivery::MinimumBasket { minimum_cents })
            if !(1..=MAX_MINIMUM_BASKET_CENTS).contains(&minimum_cents) =>
        {
            errors.push(FieldError {
                field: "free_delivery.minimum_cents".into(),
                message: format!("must be 1 to {MAX_MINIMUM_BASKET_CENTS} cents"),
            })
        }
        Some(FreeDelivery::MinimumBasket { minimum_cents }) => {
            changes.push((delivery::MIN_BASKET_CENTS, minimum_cents.to_string()));
        }
        Some(FreeDelivery::Always {}) => changes.push((delivery::MIN_BASKET_CENTS, "0".into())),
        None => {}
    }
    if let Some(err) =
        ApiError::from_field_errors(errors).or_else(|| ApiError::from_refused_fields(refused))
    {
        return Err(err);
    }
    let settings = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            for (name, value) in &changes {
                delivery::set(conn, name, value)?;
            }
            read_settings(conn)
        })
    })
    .await?;
    Ok(Json(settings))
}

/// Closes the marketplace on a day.
///
/// A holiday, say: no delivery that day, for any shop; baskets and checkouts offer the next
/// round instead. The day must be ahead, within two years. Admins only; anyone else gets
/// 404.
#[utoipa::path(
    tag = "administration",
    request_body = ClosedDay,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The day is closed", body = ClosedDay),
        (status = 400, description = "Not a date, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The day is already closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The day is past, or more than two years ahead", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/delivery/closed-days")]
pub async fn add_marketplace_closed_day(
    caller: Caller,
    state: web::Data<AppState>,
    body: Json<ClosedDay>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    let day = parse_closed_day(&body.date)?;
    let already = move || ApiError::Conflict(format!("{day} is already a closed day"));
    db::run(&state.pool, move |conn| {
        match write_transaction(conn, |conn| Ok(delivery::add_closed_day(conn, day)?)) {
            Ok(true) => Ok(()),
            Ok(false) => Err(already()),
            Err(err) => Err(err),
        }
    })
    .await
    .map_err(|err| match err {
        ApiError::Conflict(_) => already(),
        other => other,
    })?;
    Ok(HttpResponse::Created().json(ClosedDay {
        date: day.to_string(),
    }))
}

/// Opens a closed day again.
///
/// Deliveries that day resume, and baskets and checkouts offer it again. Admins only;
/// anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    params(("date" = String, Path, description = "The closed day, YYYY-MM-DD")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "The day is open again"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not a closed day, or not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/admin/delivery/closed-days/{date}")]
pub async fn remove_marketplace_closed_day(
    caller: Caller,
    state: web::Data<AppState>,
    date: Path<String>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    let date = date.into_inner();
    let not_found = || ApiError::NotFound(format!("{date} is not a closed day"));
    let day = NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| not_found())?;
    let removed = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| Ok(delivery::remove_closed_day(conn, day)?))
    })
    .await?;
    if removed == 0 {
        return Err(not_found());
    }
    Ok(HttpResponse::NoContent().finish())
}

/// Searches the French communes.
///
/// Searches the official list of French communes (shipped with the server) by name,
/// postcode or INSEE code, to add one to the delivery zone. Admins only; anyone else gets
/// 404. Changes nothing.
#[utoipa::path(
    tag = "administration",
    params(CommuneSearch),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The best matches, at most `limit`; `total` counts them all", body = Page<CommuneMatch>),
        (status = 400, description = "An empty or too long search, or a bad limit", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a search without a letter or digit (`errors` names `q`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/communes/search")]
pub async fn search_communes(
    caller: Caller,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<CommuneSearch>,
) -> Result<Json<Page<CommuneMatch>>, ApiError> {
    admin(&caller)?;
    let mut errors = Vec::new();
    let parsed = CommuneQuery::parse(&query.q);
    let message =
        format!("must be a name, a postcode or an INSEE code, 1 to {MAX_QUERY_CHARS} characters");
    if !(1..=MAX_QUERY_CHARS).contains(&query.q.chars().count()) {
        errors.push(FieldError {
            field: "q".into(),
            message: message.clone(),
        });
    }
    let limit = query.limit.unwrap_or(DEFAULT_COMMUNE_RESULTS);
    if !(1..=MAX_COMMUNE_RESULTS).contains(&limit) {
        errors.push(FieldError {
            field: "limit".into(),
            message: format!("must be 1 to {MAX_COMMUNE_RESULTS}"),
        });
    }
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    // Well-formed, but without a letter or digit to look for (`-`, `?`): refused (422).
    if parsed.is_empty() {
        return Err(ApiError::refused("q", message));
    }
    let zone = db::run(&state.pool, |conn| Ok(delivery::zone_insee_codes(conn)?)).await?;
    let (found, total) = communes::search(&parsed, limit as usize);
    let items = found
        .into_iter()
        .map(|c| CommuneMatch {
            insee: c.insee.clone(),
            name: c.name.clone(),
            postcodes: c.postcodes.clone(),
            departement: c.departement.clone(),
            in_zone: zone.contains(&c.insee),
        })
        .collect();
    Ok(Json(Page {
        items,
        page: 1,
        per_page: limit,
        total: total as u64,
    }))
}

/// Adds a commune to the delivery zone.
///
/// Adds a commune of the official list (by INSEE code): shoppers living there may choose
/// delivery at once. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    request_body = AddCommune,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The commune, now in the zone", body = Commune),
        (status = 400, description = "Malformed body, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The commune is already in the zone", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed` (`errors` names the field): no commune has this INSEE code, a postcode that is not the commune's, a postcode missing for a commune that has several", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/communes")]
pub async fn add_commune(
    caller: Caller,
    state: web::Data<AppState>,
    body: Json<AddCommune>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    let AddCommune { insee, postcode } = body.into_inner();
    let insee = insee.trim().to_uppercase();
    let official = communes::find(&insee).ok_or_else(|| {
        ApiError::refused(
            "insee",
            format!("no commune has the INSEE code '{insee}': search for it first"),
        )
    })?;
    let postcode = match (
        postcode.map(|p| p.trim().to_owned()),
        &official.postcodes[..],
    ) {
        (Some(p), codes) if codes.contains(&p) => p,
        (Some(p), codes) => {
            return Err(ApiError::refused(
                "postcode",
                format!(
                    "{p} is not a postcode of {} ({})",
                    official.name,
                    codes.join(", ")
                ),
            ));
        }
        (None, [only]) => only.clone(),
        (None, codes) => {
            return Err(ApiError::refused(
                "postcode",
                format!(
                    "{} has several postcodes ({}): choose one",
                    official.name,
                    codes.join(", ")
                ),
            ));
        }
    };
    let commune = Commune {
        name: official.name.clone(),
        postcode,
        insee: official.insee.clone(),
    };
    let already = {
        let name = commune.name.clone();
        move || ApiError::Conflict(format!("{name} is already in the delivery zone"))
    };
    let row = commune.clone();
    let result = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            if delivery::in_zone(conn, &row.insee)? {
                return Ok(false);
            }
            NewCommune {
                name: &row.name,
                postcode: &row.postcode,
                insee: &row.insee,
            }
            .insert(conn)
            .map_err(|err| match err {
                // Another admin added it at the same moment.
                DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                    ApiError::Conflict(String::new())
                }
                other => other.into(),
            })?;
            Ok(true)
        })
    })
    .await;
    match result {
        Ok(true) => Ok(HttpResponse::Created().json(commune)),
        Ok(false) | Err(ApiError::Conflict(_)) => Err(already()),
        Err(err) => Err(err),
    }
}

/// Removes a commune from the delivery zone.
///
/// Shoppers there can no longer choose delivery. Orders already placed keep their address
/// and date. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    params(("insee" = String, Path, description = "The commune's INSEE code")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "The commune is out of the zone"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not in the zone, or not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/admin/communes/{insee}")]
pub async fn remove_commune(
    caller: Caller,
    state: web::Data<AppState>,
    insee: Path<String>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    let insee = insee.into_inner();
    let not_found = ApiError::NotFound(format!("{insee} is not in the delivery zone"));
    let removed = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| Ok(delivery::remove_commune(conn, &insee)?))
    })
    .await?;
    if removed == 0 {
        return Err(not_found);
    }
    Ok(HttpResponse::NoContent().finish())
}
