//! A shop's back-office: joining the marketplace, the association approving, suspending and
//! staffing shops, the profile and closed days a merchant keeps, and the shop's API keys.
//!
//! Who may do what: anyone signed in may apply to join; admins alone approve, suspend and
//! add members (anyone else gets 404, as if the route's shop did not exist); a shop's
//! merchants and admins read and change its profile, closed days and keys; an API key may
//! read its own shop's profile and closed days, and nothing else here (its merchant's
//! profile edits and key management need a signed-in person): 404 otherwise.
//!
//! Every change is written to the shop's history (`shop_events`) with who made it.

use std::sync::Arc;

use actix_web::web::{self, Json, Path};
use actix_web::{HttpResponse, delete, get, patch, post};
use chrono::{Duration, NaiveDate, Utc};
use shared::Page;
use shared::catalogue::{OpeningSlot, PageQuery, ShopKind};
use shared::error::{ErrorCode, FieldError, Problem};
use shared::shop_admin::{
    AddShopMember, AdminShop, AdminShopQuery, ApiKey, ApiKeyScope, ApplyForShop, ClosedDay,
    CreateApiKey, NewApiKey, RELEASE_HOURS_MAX, RELEASE_HOURS_MIN, ShopMember, ShopProfile,
    ShopStatus, SuspendShop, UpdateShop,
};
use shared::shop_orders::PaymentMethod;

use crate::access::{API_KEY_PREFIX, Caller, PENDING_APPLICATIONS_PER_ACCOUNT};
use crate::auth::{self, AuthUser};
use crate::db::models::shop::{self, NewShop, ShopChanges, ShopRow};
use crate::db::models::{api_key, now, user};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::delivery::paris_time;
use crate::domain::email::parse_email;
use crate::domain::paging::Paging;
use crate::domain::phone::FrenchPhone;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::startup::AppState;

/// Longest shop description, in characters.
const MAX_DESCRIPTION: usize = 2000;
/// Most opening periods a week may have.
const MAX_OPENING_SLOTS: usize = 28;
/// How far ahead a closed day may be set.
const CLOSED_DAYS_AHEAD: i64 = 730;
/// Characters of a key kept as its visible prefix (`vtr_` and 8 more).
const KEY_PREFIX_LENGTH: usize = API_KEY_PREFIX.len() + 8;

// ---- Parsing at the edge -------------------------------------------------------------

/// Collects field errors while a request is checked: malformed fields (400), and
/// well-formed ones that another field or the rules refuse (422, when nothing is malformed).
#[derive(Default)]
struct Errors(Vec<FieldError>, Vec<FieldError>);

impl Errors {
    fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    fn refuse(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.1.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// A trimmed text of `min..=max` characters.
    fn text(&mut self, field: &str, value: &str, min: usize, max: usize) -> String {
        let value = value.trim().to_owned();
        if !(min..=max).contains(&value.chars().count()) {
            self.add(field, format!("must be {min} to {max} characters"));
        }
        value
    }

    fn phone(&mut self, field: &str, value: &str) -> String {
        FrenchPhone::parse(value)
            .map(|phone| phone.display())
            .unwrap_or_else(|message| {
                self.add(field, message);
                String::new()
            })
    }

    fn postcode(&mut self, field: &str, value: &str) -> String {
        let value = value.trim().to_owned();
        if value.len() != 5 || !value.bytes().all(|b| b.is_ascii_digit()) {
            self.add(field, "must be 5 digits, such as 30700");
        }
        value
    }

    /// An e-mail address, or empty.
    fn email(&mut self, field: &str, value: &str) -> String {
        if value.trim().is_empty() {
            return String::new();
        }
        parse_email(value).unwrap_or_else(|| {
            self.add(
                field,
                "must be an e-mail address such as contact@example.fr",
            );
            String::new()
        })
    }

    /// Hours a guest's order may wait for confirmation, within the bounds.
    fn release_hours(&mut self, field: &str, hours: i64) -> Option<i32> {
        if (RELEASE_HOURS_MIN..=RELEASE_HOURS_MAX).contains(&hours) {
            i32::try_from(hours).ok()
        } else {
            self.add(
                field,
                format!(
                    "must be a number of hours from {RELEASE_HOURS_MIN} to {RELEASE_HOURS_MAX} \
                     (14 days)"
                ),
            );
            None
        }
    }

    fn done(self) -> Result<(), ApiError> {
        ApiError::from_field_errors(self.0)
            .or_else(|| ApiError::from_refused_fields(self.1))
            .map_or(Ok(()), Err)
    }
}

/// A valid `HH:MM` time (00:00 to 23:59, or 24:00 for closing at midnight).
fn is_time(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.len() != 5 || bytes[2] != b':' {
        return false;
    }
    let number = |digits: &[u8]| -> Option<u32> {
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    match (number(&bytes[..2]), number(&bytes[3..])) {
        (Some(24), Some(0)) => true,
        (Some(hours), Some(minutes)) => hours < 24 && minutes < 60,
        _ => false,
    }
}

/// Checks a week of opening periods and puts them in order: weekday then time.
fn parse_hours(slots: Vec<OpeningSlot>, errors: &mut Errors) -> Vec<OpeningSlot> {
    if slots.len() > MAX_OPENING_SLOTS {
        errors.add(
            "opening_hours",
            format!("must have at most {MAX_OPENING_SLOTS} periods"),
        );
        return slots;
    }
    let mut valid = true;
    for (i, slot) in slots.iter().enumerate() {
        let field = |name: &str| format!("opening_hours[{i}].{name}");
        if !(1..=7).contains(&slot.weekday) {
            errors.add(field("weekday"), "must be 1 (Monday) to 7 (Sunday)");
            valid = false;
        }
        for (name, time) in [("opens", &slot.opens), ("closes", &slot.closes)] {
            if !is_time(time) || (name == "opens" && time == "24:00") {
                errors.add(field(name), "must be a time HH:MM, such as 09:30");
                valid = false;
            }
        }
        if valid && slot.opens >= slot.closes {
            errors.refuse(field("closes"), "must be later than opens");
            valid = false;
        }
    }
    let mut slots = slots;
    slots.sort_by(|a, b| (a.weekday, &a.opens).cmp(&(b.weekday, &b.opens)));
    if valid
        && let Some(pair) = slots
            .windows(2)
            .find(|pair| pair[0].weekday == pair[1].weekday && pair[1].opens < pair[0].closes)
    {
        errors.refuse(
            "opening_hours",
            format!(
                "periods of weekday {} overlap: {}-{} and {}-{}",
                pair[0].weekday, pair[0].opens, pair[0].closes, pair[1].opens, pair[1].closes
            ),
        );
    }
    slots
}

/// An application, valid: the new shop's fields and its slug's base.
struct ValidApplication {
    slug_base: String,
    name: String,
    kind: ShopKind,
    address: String,
    postcode: String,
    commune: String,
    phone: String,
    email: String,
    description: String,
}

fn parse_application(body: ApplyForShop) -> Result<ValidApplication, ApiError> {
    let mut errors = Errors::default();
    let name = errors.text("name", &body.name, 2, 100);
    let slug_base = shop::slug_of(&name);
    if slug_base.is_empty() && errors.0.is_empty() {
        errors.refuse("name", "must contain letters or digits");
    }
    let application = ValidApplication {
        slug_base,
        name,
        kind: body.kind,
        address: errors.text("address", &body.address, 1, 200),
        postcode: errors.postcode("postcode", &body.postcode),
        commune: errors.text("commune", &body.commune, 1, 100),
        phone: errors.phone("phone", &body.phone),
        email: errors.email("email", body.email.as_deref().unwrap_or_default()),
        description: errors.text("description", &body.description, 1, MAX_DESCRIPTION),
    };
    errors.done()?;
    Ok(application)
}

/// Checks a profile change, field by field; what depends on the shop is checked later.
fn parse_update(body: UpdateShop) -> Result<ShopChanges, ApiError> {
    let mut errors = Errors::default();
    if let Some(means) = &body.delivery_payment_means {
        if means.is_empty() {
            errors.add(
                "delivery_payment_means",
                "name at least one: cash, cheque or card",
            );
        } else if means.len() > 3 {
            // A mean named twice counts once, but the list is three items at most.
            errors.add(
                "delivery_payment_means",
                "at most three: cash, cheque and card",
            );
        }
    }
    let mut hours = None;
    if let Some(slots) = body.opening_hours {
        let slots = parse_hours(slots, &mut errors);
        hours = Some(serde_json::to_string(&slots).map_err(|e| ApiError::Internal(e.into()))?);
    }
    let changes = ShopChanges {
        description: body
            .description
            .map(|d| errors.text("description", &d, 1, MAX_DESCRIPTION)),
        phone: body.phone.map(|p| errors.phone("phone", &p)),
        email: body.email.map(|e| errors.email("email", &e)),
        address: body.address.map(|a| errors.text("address", &a, 1, 200)),
        postcode: body.postcode.map(|p| errors.postcode("postcode", &p)),
        commune: body.commune.map(|c| errors.text("commune", &c, 1, 100)),
        opening_hours: hours,
        offers_pickup: body.offers_pickup,
        offers_delivery: body.offers_delivery,
        vat_exempt: body.vat_exempt,
        delivers_on_food_days: body.delivers_on_food_days,
        release_unconfirmed_after_hours: body
            .release_unconfirmed_after_hours
            .and_then(|hours| errors.release_hours("release_unconfirmed_after_hours", hours)),
        search_text: None,
        updated_at: None,
        ..payment_means_changes(body.delivery_payment_means)
    };
    errors.done()?;
    Ok(changes)
}

/// The `accepts_*` columns of a change of the payment means (an empty list is refused
/// before, by `update_shop`).
fn payment_means_changes(means: Option<Vec<PaymentMethod>>) -> ShopChanges {
    let Some(means) = means else {
        return ShopChanges::default();
    };
    ShopChanges {
        accepts_cash: Some(means.contains(&PaymentMethod::Cash)),
        accepts_cheque: Some(means.contains(&PaymentMethod::Cheque)),
        accepts_card: Some(means.contains(&PaymentMethod::Card)),
        ..ShopChanges::default()
    }
}

/// The fields a profile change sets, for the shop's history.
fn changed_fields(body: &UpdateShop) -> Vec<&'static str> {
    [
        ("description", body.description.is_some()),
        ("phone", body.phone.is_some()),
        ("email", body.email.is_some()),
        ("address", body.address.is_some()),
        ("postcode", body.postcode.is_some()),
        ("commune", body.commune.is_some()),
        ("opening_hours", body.opening_hours.is_some()),
        ("offers_pickup", body.offers_pickup.is_some()),
        ("offers_delivery", body.offers_delivery.is_some()),
        ("vat_exempt", body.vat_exempt.is_some()),
        (
            "delivers_on_food_days",
            body.delivers_on_food_days.is_some(),
        ),
        (
            "release_unconfirmed_after_hours",
            body.release_unconfirmed_after_hours.is_some(),
        ),
        (
            "delivery_payment_means",
            body.delivery_payment_means.is_some(),
        ),
    ]
    .into_iter()
    .filter_map(|(name, set)| set.then_some(name))
    .collect()
}

/// Today in Europe/Paris, the day closed days are counted from.
pub(crate) fn paris_today() -> NaiveDate {
    paris_time(Utc::now()).date()
}

/// A closed day's date (a shop's or the marketplace's): `YYYY-MM-DD`, today or later, at
/// most two years ahead.
pub(crate) fn parse_closed_day(value: &str) -> Result<NaiveDate, ApiError> {
    let date = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .ok()
        .filter(|_| value.trim().len() == 10)
        .ok_or_else(|| {
            ApiError::invalid("date", "must be a date YYYY-MM-DD, such as 2026-12-25")
        })?;
    let today = paris_today();
    if date < today {
        return Err(ApiError::Unprocessable(format!(
            "{date} is in the past: only today or a later day can be closed"
        )));
    }
    if date > today + Duration::days(CLOSED_DAYS_AHEAD) {
        return Err(ApiError::Unprocessable(format!(
            "{date} is too far ahead: closed days can be set up to two years ahead"
        )));
    }
    Ok(date)
}

// ---- Who may call --------------------------------------------------------------------

/// The admin behind the call; anyone else is told the route's resource does not exist.
fn admin(caller: &Caller) -> Result<AuthUser, ApiError> {
    match caller.user() {
        Some(user) if caller.is_admin() => Ok(user),
        _ => Err(ApiError::NotFound("not found".into())),
    }
}

/// The person behind the call: profile edits and key management are not for API keys.
fn person(caller: &Caller, slug: &str) -> Result<AuthUser, ApiError> {
    caller.user().ok_or_else(|| {
        ApiError::NotFound(format!(
            "no shop '{slug}' for an API key here: a merchant signed in does this"
        ))
    })
}

/// A shop for the association, whatever its status.
fn any_shop(conn: &mut DbConn, slug: &str) -> Result<ShopRow, ApiError> {
    shop::find_by_slug(conn, slug)?.ok_or_else(|| ApiError::NotFound(format!("no shop '{slug}'")))
}

// ---- Joining and the association's decisions -----------------------------------------

/// Applies to join the marketplace.
///
/// Any signed-in account (not an API key) applies for a new shop: it is created `pending`,
/// invisible to shoppers until an admin approves it, and the caller becomes its merchant;
/// at most 3 applications may wait at once. The association's webhooks hear `shop.applied`.
#[utoipa::path(
    tag = "shop back-office",
    request_body = ApplyForShop,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The pending shop, as its merchant sees it", body = ShopProfile),
        (status = 400, description = "A field is invalid; `errors` names each one, or an unknown field",
            body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in (an API key cannot apply)",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`too_many_applications`: this account already has 3 applications waiting; `validation_failed`: a name without a letter or digit to make its address from",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/shops")]
pub async fn apply_for_shop(
    user: AuthUser,
    state: web::Data<AppState>,
    body: Json<ApplyForShop>,
) -> Result<HttpResponse, ApiError> {
    let app = parse_application(body.into_inner())?;
    let notices = Arc::clone(&state.notices);
    let profile = db::run(&state.pool, move |conn| {
        let id = write_transaction(conn, |conn| {
            let now = now();
            if shop::pending_applications_of(conn, user.id)? >= PENDING_APPLICATIONS_PER_ACCOUNT {
                return Err(ApiError::UnprocessableWith(
                    ErrorCode::TooManyApplications,
                    format!(
                        "this account already has {PENDING_APPLICATIONS_PER_ACCOUNT} applications \
                         waiting for the association: wait for their answer"
                    ),
                ));
            }
            let slug = shop::unique_slug(conn, &app.slug_base)?;
            let id = NewShop {
                slug: &slug,
                name: &app.name,
                kind: app.kind.as_str(),
                status: ShopStatus::Pending.as_str(),
                description: &app.description,
                address: &app.address,
                commune: &app.commune,
                postcode: &app.postcode,
                phone: &app.phone,
                email: &app.email,
                opening_hours: "[]".into(),
                offers_pickup: true,
                // Restaurants deliver only once they opt in to the food rounds.
                offers_delivery: app.kind != ShopKind::Restaurant,
                vat_exempt: false,
                search_text: shop::shop_search_text(&app.name, &app.description, &app.commune),
                sort_name: crate::domain::search::sort_key(&app.name),
                created_at: now,
                updated_at: now,
            }
            .insert(conn)?;
            user::add_shop_member(conn, id, user.id)?;
            shop::make_merchant(conn, user.id)?;
            let actor = Caller::User(user).actor();
            shop::record_event(
                conn,
                id,
                &actor,
                (None, Some(ShopStatus::Pending)),
                "applied",
                now,
            )?;
            let applicant = crate::db::models::user::find(conn, user.id)?;
            notices.shop_applied(
                conn,
                id,
                &format!("{} ({})", applicant.name, applicant.email),
            )?;
            crate::webhooks::events::shop_applied(conn, id)?;
            Ok(id)
        })?;
        Ok(shop::find(conn, id)?.into_profile(conn)?)
    })
    .await?;
    Ok(HttpResponse::Created().json(profile))
}

/// Lists every shop, for the association.
///
/// Every shop whatever its status, optionally only the `pending` ones (to approve), newest
/// applications first. Admins only; anyone else gets 404. Changes nothing.
#[utoipa::path(
    tag = "administration",
    params(AdminShopQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of shops", body = Page<AdminShop>),
        (status = 400, description = "A parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/shops")]
pub async fn list_all_shops(
    caller: Caller,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<AdminShopQuery>,
) -> Result<Json<Page<AdminShop>>, ApiError> {
    admin(&caller)?;
    let mut errors = Vec::new();
    let paging = Paging::parse(query.page, query.per_page, &mut errors);
    let status = query.status.as_deref().and_then(|value| {
        let status = ShopStatus::parse(value);
        if status.is_none() {
            errors.push(FieldError {
                field: "status".into(),
                message: "must be pending, active or suspended".into(),
            });
        }
        status
    });
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let page = db::run(&state.pool, move |conn| {
        let (rows, total) = shop::list_all(conn, status, paging)?;
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let complete = crate::db::models::legal::with_identity(conn, &ids)?;
        let items = rows
            .into_iter()
            .map(|row| {
                let legal_complete = complete.contains(&row.id);
                AdminShop {
                    legal_complete,
                    ..AdminShop::from(row)
                }
            })
            .collect();
        Ok(paging.page(items, total))
    })
    .await?;
    Ok(Json(page))
}

/// Moves a shop to `to` if the state machine allows it, and records who did it.
async fn change_status(
    state: &AppState,
    caller: Caller,
    slug: String,
    to: ShopStatus,
    note: String,
) -> Result<ShopProfile, ApiError> {
    admin(&caller)?;
    db::run(&state.pool, move |conn| {
        let id = write_transaction(conn, |conn| {
            let row = any_shop(conn, &slug)?;
            let from = row.status();
            if !from.can_become(to) {
                return Err(ApiError::Conflict(format!(
                    "the shop is {}: it cannot become {}",
                    from.as_str(),
                    to.as_str()
                )));
            }
            if to == ShopStatus::Active
                && from == ShopStatus::Pending
                && crate::db::models::legal::identity(conn, row.id)?.is_none()
            {
                return Err(ApiError::ConflictWith(
                    ErrorCode::LegalIdentityMissing,
                    format!(
                        "{} has not given its legal identity (legal name, legal form, SIRET, \
                     registration, VAT number unless exempt, person responsible): it cannot \
                     sell until it does (PUT /api/v1/shops/{}/legal)",
                        row.name, row.slug
                    ),
                ));
            }
            let now = now();
            if shop::set_status(conn, row.id, (from, to), now)? == 0 {
                return Err(ApiError::Conflict(
                    "the shop's status changed meanwhile: reload and try again".into(),
                ));
            }
            shop::record_event(
                conn,
                row.id,
                &caller.actor(),
                (Some(from), Some(to)),
                &note,
                now,
            )?;
            if to == ShopStatus::Active {
                crate::webhooks::events::shop_approved(conn, row.id)?;
            }
            Ok(row.id)
        })?;
        Ok(shop::find(conn, id)?.into_profile(conn)?)
    })
    .await
}

/// Approves a shop.
///
/// Approves a pending shop, or lifts a suspension: the shop and its active products appear
/// in the catalogue at once. Admins only; anyone else gets 404. The association's webhooks
/// hear `shop.approved`; recorded in the shop's history.
#[utoipa::path(
    tag = "administration",
    params(("slug" = String, Path, description = "The shop's slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The shop, now active", body = ShopProfile),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such shop, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The shop is already active", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/shops/{slug}/approve")]
pub async fn approve_shop(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<Json<ShopProfile>, ApiError> {
    let profile = change_status(
        &state,
        caller,
        slug.into_inner(),
        ShopStatus::Active,
        String::new(),
    )
    .await?;
    Ok(Json(profile))
}

/// Suspends a shop.
///
/// Suspends an active shop, with a reason: it and its products vanish from the catalogue at
/// once; its merchants still see it, with the reason. Admins only; anyone else gets 404.
/// Recorded in the shop's history.
#[utoipa::path(
    tag = "administration",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = SuspendShop,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The shop, now suspended", body = ShopProfile),
        (status = 400, description = "No reason given, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such shop, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The shop is not active", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/shops/{slug}/suspend")]
pub async fn suspend_shop(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<SuspendShop>,
) -> Result<Json<ShopProfile>, ApiError> {
    admin(&caller)?;
    let mut errors = Errors::default();
    let reason = errors.text("reason", &body.reason, 1, 500);
    errors.done()?;
    let profile = change_status(
        &state,
        caller,
        slug.into_inner(),
        ShopStatus::Suspended,
        reason,
    )
    .await?;
    Ok(Json(profile))
}

/// Adds an account to a shop's team.
///
/// An existing account, by e-mail (a shop can have several merchants, a merchant several
/// shops); a customer account becomes a merchant. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = AddShopMember,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new member", body = ShopMember),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such shop, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already a member", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No account has this e-mail", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/shops/{slug}/members")]
pub async fn add_shop_member(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<AddShopMember>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    let slug = slug.into_inner();
    let email = body.into_inner().email.trim().to_lowercase();
    let member = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let row = any_shop(conn, &slug)?;
            let account = user::find_by_email(conn, &email)?.ok_or_else(|| {
                ApiError::Unprocessable(format!(
                    "no account has the e-mail {email}: ask them to sign up first"
                ))
            })?;
            if shop::is_member(conn, row.id, account.id)? {
                return Err(ApiError::Conflict(format!(
                    "{email} is already a member of this shop"
                )));
            }
            user::add_shop_member(conn, row.id, account.id)?;
            shop::make_merchant(conn, account.id)?;
            shop::record_event(
                conn,
                row.id,
                &caller.actor(),
                (None, None),
                &format!("member added: {email}"),
                now(),
            )?;
            Ok(ShopMember {
                id: account.id,
                email: account.email,
                name: account.name,
            })
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(member))
}

// ---- The merchant's shops and profile ------------------------------------------------

/// The shops the caller runs.
///
/// Whatever their status, with their whole profile: a merchant's (an admin's own
/// memberships too; admins find every shop in `/admin/shops`), or an API key's one shop
/// (with `catalogue:read`). Changes nothing.
#[utoipa::path(
    tag = "shop back-office",
    params(PageQuery),
    security(("bearer" = []), ("api_key" = ["catalogue:read"])),
    responses(
        (status = 200, description = "One page of shops", body = Page<ShopProfile>),
        (status = 400, description = "Bad paging", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/shops")]
pub async fn list_my_shops(
    caller: Caller,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Json<Page<ShopProfile>>, ApiError> {
    let paging = Paging::from_query(&query)?;
    let page = db::run(&state.pool, move |conn| {
        let rows = match caller {
            Caller::Key { shop_id, .. } => vec![shop::find(conn, shop_id)?],
            Caller::User(user) => shop::of_member(conn, user.id)?,
        };
        let profiles = rows
            .into_iter()
            .map(|row| row.into_profile(conn))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(paging.page_of(profiles))
    })
    .await?;
    Ok(Json(page))
}

/// A shop's profile, for the people who run it.
///
/// The profile as its merchants see it, whatever the shop's status. The shop's merchants,
/// the association's admins, and the shop's API keys with `catalogue:read`; a shop the
/// caller does not run answers 404. Changes nothing.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    security(("bearer" = []), ("api_key" = ["catalogue:read"])),
    responses(
        (status = 200, description = "The shop's profile", body = ShopProfile),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/profile")]
pub async fn get_shop_profile(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<Json<ShopProfile>, ApiError> {
    let slug = slug.into_inner();
    let profile = db::run(&state.pool, move |conn| {
        Ok(caller.shop(conn, &slug)?.into_profile(conn)?)
    })
    .await?;
    Ok(Json(profile))
}

/// Changes a shop's profile.
///
/// Any of its fields, only those given. `name`, `slug`, `status` and `kind` are the
/// association's (400). At least one of pickup and delivery stays offered (422). The shop's
/// merchants, the association's admins, and the shop's API keys with `shop:write`; a shop
/// the caller does not run answers 404.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = UpdateShop,
    security(("bearer" = []), ("api_key" = ["shop:write"])),
    responses(
        (status = 200, description = "The profile after the change", body = ShopProfile),
        (status = 400, description = "A field is invalid (`errors` names each one), or unknown",
            body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`unprocessable`: neither pickup nor delivery would be offered; \
            `validation_failed` (`errors` names each field): an opening period that closes before it opens, \
            two that overlap, `delivers_on_food_days` for a shop that is not a restaurant",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/shops/{slug}")]
pub async fn update_shop(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<UpdateShop>,
) -> Result<Json<ShopProfile>, ApiError> {
    let slug = slug.into_inner();
    person(&caller, &slug)?;
    let body = body.into_inner();
    let note = format!("profile changed: {}", changed_fields(&body).join(", "));
    let mut changes = parse_update(body)?;
    let profile = db::run(&state.pool, move |conn| {
        let id = write_transaction(conn, |conn| {
            let row = caller.shop(conn, &slug)?;
            // Two edits at once (one drops pickup, the other delivery) must not both pass.
            shop::lock(conn, row.id)?;
            let row = shop::find(conn, row.id)?;
            if changes.delivers_on_food_days == Some(true) && row.kind() != ShopKind::Restaurant {
                return Err(ApiError::refused(
                    "delivers_on_food_days",
                    "only restaurants choose the food rounds; other shops follow their kind's days",
                ));
            }
            let pickup = changes.offers_pickup.unwrap_or(row.offers_pickup);
            let delivery = changes.offers_delivery.unwrap_or(row.offers_delivery);
            if !pickup && !delivery {
                return Err(ApiError::Unprocessable(
                    "a shop offers pickup, delivery or both: keep at least one".into(),
                ));
            }
            if changes.description.is_some() || changes.commune.is_some() {
                changes.search_text = Some(shop::shop_search_text(
                    &row.name,
                    changes.description.as_deref().unwrap_or(&row.description),
                    changes.commune.as_deref().unwrap_or(&row.commune),
                ));
            }
            let now = now();
            changes.updated_at = Some(now);
            changes.apply(conn, row.id)?;
            shop::record_event(conn, row.id, &caller.actor(), (None, None), &note, now)?;
            Ok(row.id)
        })?;
        Ok(shop::find(conn, id)?.into_profile(conn)?)
    })
    .await?;
    Ok(Json(profile))
}

// ---- Closed days ---------------------------------------------------------------------

/// Lists a shop's closed days.
///
/// The days the shop will be closed, from today on: no pickup, no delivery of its orders.
/// The shop's merchants, the association's admins, and the shop's API keys with
/// `catalogue:read`; a shop the caller does not run answers 404. Changes nothing.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug"), PageQuery),
    security(("bearer" = []), ("api_key" = ["catalogue:read"])),
    responses(
        (status = 200, description = "One page of closed days, soonest first", body = Page<ClosedDay>),
        (status = 400, description = "Bad paging", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/closed-days")]
pub async fn list_closed_days(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Json<Page<ClosedDay>>, ApiError> {
    let paging = Paging::from_query(&query)?;
    let slug = slug.into_inner();
    let page = db::run(&state.pool, move |conn| {
        let row = caller.shop(conn, &slug)?;
        let days = shop::closed_days_from(conn, row.id, paris_today())?;
        Ok(paging.page_of(
            days.into_iter()
                .map(|day| ClosedDay {
                    date: day.to_string(),
                })
                .collect(),
        ))
    })
    .await?;
    Ok(Json(page))
}

/// Closes a shop on a day.
///
/// Baskets and checkouts skip the day for the shop's pickup and delivery. The shop's
/// merchants, the association's admins, and the shop's API keys with `shop:write`; a shop
/// the caller does not run answers 404.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = ClosedDay,
    security(("bearer" = []), ("api_key" = ["shop:write"])),
    responses(
        (status = 201, description = "The day is closed", body = ClosedDay),
        (status = 400, description = "Not a date, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The day is already closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The day is past, or more than two years ahead", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/shops/{slug}/closed-days")]
pub async fn add_closed_day(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<ClosedDay>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    person(&caller, &slug)?;
    let day = parse_closed_day(&body.date)?;
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let row = caller.shop(conn, &slug)?;
            if shop::add_closed_day(conn, row.id, day)? {
                let note = format!("closed day added: {day}");
                shop::record_event(conn, row.id, &caller.actor(), (None, None), &note, now())?;
                Ok(())
            } else {
                Err(ApiError::Conflict(format!("{day} is already a closed day")))
            }
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(ClosedDay {
        date: day.to_string(),
    }))
}

/// Opens a shop's closed day again.
///
/// Baskets and checkouts offer the day again for the shop's pickup and delivery. The shop's
/// merchants, the association's admins, and the shop's API keys with `shop:write`; a shop
/// the caller does not run answers 404.
#[utoipa::path(
    tag = "shop back-office",
    params(
        ("slug" = String, Path, description = "The shop's slug"),
        ("date" = String, Path, description = "The closed day, YYYY-MM-DD"),
    ),
    security(("bearer" = []), ("api_key" = ["shop:write"])),
    responses(
        (status = 204, description = "The day is open again"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such closed day of a shop the caller runs",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/shops/{slug}/closed-days/{date}")]
pub async fn remove_closed_day(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (slug, date) = path.into_inner();
    person(&caller, &slug)?;
    let not_found = || ApiError::NotFound(format!("{date} is not a closed day of this shop"));
    let day = NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| not_found())?;
    let removed = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let row = caller.shop(conn, &slug)?;
            let removed = shop::remove_closed_day(conn, row.id, day)?;
            if removed > 0 {
                let note = format!("closed day removed: {day}");
                shop::record_event(conn, row.id, &caller.actor(), (None, None), &note, now())?;
            }
            Ok(removed)
        })
    })
    .await?;
    if removed == 0 {
        return Err(not_found());
    }
    Ok(HttpResponse::NoContent().finish())
}

// ---- API keys ------------------------------------------------------------------------

/// Creates an API key for a shop.
///
/// The secret, in `key`, is shown this once: it is stored hashed. Send it as
/// `Authorization: Bearer <key>` to act for this shop, and nothing else, within the
/// `scopes` chosen here (give only what the integration needs; without `scopes` the key
/// gets every scope). Each key may make `--api-key-requests-per-minute` requests a minute.
/// The shop's merchants and the association's admins, signed in (an API key gets 403
/// `scope_missing`: keys cannot manage keys); a shop the caller does not run answers 404.
/// The shop must be approved.
#[utoipa::path(
    tag = "api keys",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = CreateApiKey,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new key, with its secret", body = NewApiKey),
        (status = 400, description = "Bad name, an empty scope list, an unknown scope or field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug (API keys cannot manage keys)",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet (a pending shop keeps its profile and at most 20 draft products)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/shops/{slug}/api-keys")]
pub async fn create_api_key(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<CreateApiKey>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let user = person(&caller, &slug)?;
    let mut errors = Errors::default();
    let name = errors.text("name", &body.name, 1, 100);
    let scopes = match &body.scopes {
        None => None,
        Some(list) => {
            if list.is_empty() || list.len() > ApiKeyScope::ALL.len() {
                errors.add("scopes", "must list from one to six scopes");
            }
            Some(api_key::encode_scopes(list))
        }
    };
    errors.done()?;
    let key = format!("{API_KEY_PREFIX}{}", auth::random_secret());
    let prefix = key[..KEY_PREFIX_LENGTH].to_owned();
    let hash = auth::token_hash(&key);
    let created = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let row = caller.shop(conn, &slug)?;
            caller.require_approved(&row)?;
            let id = api_key::NewApiKey {
                shop_id: row.id,
                name: &name,
                key_hash: &hash,
                prefix: &prefix,
                created_by: Some(user.id),
                created_at: now(),
                scopes: scopes.as_deref(),
            }
            .insert(conn)?;
            let note = format!("API key {id} created: {name}");
            shop::record_event(conn, row.id, &caller.actor(), (None, None), &note, now())?;
            api_key::find_in_shop(conn, row.id, id)?
                .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("the new key vanished")))
        })
    })
    .await?;
    let scopes = created.scopes();
    Ok(HttpResponse::Created().json(NewApiKey {
        id: created.id,
        name: created.name,
        prefix: created.prefix,
        key,
        scopes,
        created_at: shop::iso_time(created.created_at),
    }))
}

/// Lists a shop's API keys.
///
/// Revoked ones too, newest first, with their scopes; never their secrets. The shop's
/// merchants and the association's admins, signed in (an API key gets 403 `scope_missing`:
/// keys cannot manage keys); a shop the caller does not run answers 404. Changes nothing.
#[utoipa::path(
    tag = "api keys",
    params(("slug" = String, Path, description = "The shop's slug"), PageQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of keys", body = Page<ApiKey>),
        (status = 400, description = "Bad paging", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug (API keys cannot manage keys)",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/api-keys")]
pub async fn list_api_keys(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Json<Page<ApiKey>>, ApiError> {
    let slug = slug.into_inner();
    person(&caller, &slug)?;
    let paging = Paging::from_query(&query)?;
    let page = db::run(&state.pool, move |conn| {
        let row = caller.shop(conn, &slug)?;
        let keys = api_key::list_for_shop(conn, row.id)?;
        Ok(paging.page_of(keys.into_iter().map(ApiKey::from).collect()))
    })
    .await?;
    Ok(Json(page))
}

/// Revokes a shop's API key.
///
/// It stops working at once (401). Revoking a revoked key changes nothing. The shop's
/// merchants and the association's admins, signed in (an API key gets 403 `scope_missing`:
/// keys cannot manage keys); a shop the caller does not run answers 404.
#[utoipa::path(
    tag = "api keys",
    params(
        ("slug" = String, Path, description = "The shop's slug"),
        ("id" = i64, Path, description = "The key's id"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "The key is revoked"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such key of a shop the caller runs (API keys cannot manage keys)",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/shops/{slug}/api-keys/{id}")]
pub async fn revoke_api_key(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(String, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (slug, id) = path.into_inner();
    person(&caller, &slug)?;
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let row = caller.shop(conn, &slug)?;
            if api_key::find_in_shop(conn, row.id, id)?.is_none() {
                return Err(ApiError::NotFound(format!(
                    "the shop has no API key with id {id}"
                )));
            }
            if api_key::revoke(conn, row.id, id, now())? > 0 {
                let note = format!("API key {id} revoked");
                shop::record_event(conn, row.id, &caller.actor(), (None, None), &note, now())?;
            }
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(weekday: u8, opens: &str, closes: &str) -> OpeningSlot {
        OpeningSlot {
            weekday,
            opens: opens.into(),
            closes: closes.into(),
        }
    }

    fn fields(slots: Vec<OpeningSlot>) -> Vec<String> {
        let mut errors = Errors::default();
        parse_hours(slots, &mut errors);
        errors
            .0
            .into_iter()
            .chain(errors.1)
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn times_are_hh_mm_within_the_day() {
        for ok in ["00:00", "09:30", "23:59", "24:00"] {
            assert!(is_time(ok), "{ok}");
        }
        for bad in [
            "9:30", "09h30", "24:01", "25:00", "12:60", "ab:cd", "09:30:00", "",
        ] {
            assert!(!is_time(bad), "{bad}");
        }
    }

    #[test]
    fn opening_hours_are_checked_and_sorted() {
        let mut errors = Errors::default();
        let sorted = parse_hours(
            vec![
                slot(3, "14:00", "18:00"),
                slot(2, "09:00", "12:00"),
                slot(3, "09:00", "12:00"),
            ],
            &mut errors,
        );
        assert!(errors.0.is_empty() && errors.1.is_empty());
        assert_eq!(
            sorted,
            [
                slot(2, "09:00", "12:00"),
                slot(3, "09:00", "12:00"),
                slot(3, "14:00", "18:00")
            ]
        );
        assert_eq!(
            fields(vec![slot(0, "09:00", "12:00")]),
            ["opening_hours[0].weekday"]
        );
        assert_eq!(
            fields(vec![slot(8, "09:00", "12:00")]),
            ["opening_hours[0].weekday"]
        );
        assert_eq!(
            fields(vec![slot(1, "9h", "12:00")]),
            ["opening_hours[0].opens"]
        );
        assert_eq!(
            fields(vec![slot(1, "24:00", "24:00")]),
            ["opening_hours[0].opens"]
        );
        assert_eq!(
            fields(vec![slot(1, "12:00", "09:00")]),
            ["opening_hours[0].closes"]
        );
        assert_eq!(
            fields(vec![slot(1, "09:00", "12:00"), slot(1, "11:00", "14:00")]),
            ["opening_hours"]
        );
        assert!(fields(vec![slot(1, "09:00", "12:00"), slot(1, "12:00", "14:00")]).is_empty());
        assert_eq!(
            fields(vec![slot(1, "09:00", "10:00"); 29]),
            ["opening_hours"]
        );
    }
}
