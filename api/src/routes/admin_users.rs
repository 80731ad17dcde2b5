//! People: the association's admins manage accounts. They search them, change a role, put an
//! account on a shop's team or take it off, suspend and reinstate it (its sessions and the
//! API keys it created stop at once), and generate a one-time code to read out on the phone
//! so the owner can set a new password at `POST /auth/reset-with-code` (until mail exists).
//!
//! Admins only: anyone else, API keys included, gets 404 as if the route did not exist. The
//! last active admin can be neither demoted nor suspended, even by two requests at once
//! (see [`admin_users::lock_active_admins`]). Every change is written to the account's
//! history with who made it.

use std::sync::LazyLock;

use actix_web::web::{self, Json, Path};
use actix_web::{HttpResponse, delete, get, post, put};
use chrono::Duration;
use shared::Page;
use shared::admin_users::{
    Account, AccountEventKind, AccountQuery, AccountSummary, AddAccountShop, ChangeRole, ResetCode,
    ResetWithCode,
};
use shared::auth::Role;
use shared::error::{FieldError, Problem};

use crate::access::Caller;
use crate::auth::{
    AuthUser, check_password_policy, hash_password, hash_password_limited, verify_password_limited,
};
use crate::db::models::admin_users::{self, AccountRow};
use crate::db::models::{now, session, shop};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::paging::Paging;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::startup::AppState;

/// How long a reset code works.
const RESET_CODE_MINUTES: i64 = 60;
/// Wrong tries a reset code survives; the last one ends it.
const RESET_CODE_ATTEMPTS: i32 = 5;
/// Digits of a reset code, read out as three groups of four.
const RESET_CODE_DIGITS: usize = 12;
/// Longest accepted search.
const MAX_SEARCH: usize = 200;

/// A hash of no real code: an unknown e-mail costs as long as a known one.
static DUMMY_CODE_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password("000000000000").unwrap_or_default());

/// The admin behind the call; anyone else is told the route does not exist.
fn admin(caller: &Caller) -> Result<AuthUser, ApiError> {
    match caller.user() {
        Some(user) if caller.is_admin() => Ok(user),
        _ => Err(ApiError::NotFound("not found".into())),
    }
}

fn no_account(id: i64) -> ApiError {
    ApiError::NotFound(format!("no account {id}"))
}

/// The whole account, as its page shows it.
fn account_of(conn: &mut DbConn, id: i64) -> Result<Account, ApiError> {
    let row = admin_users::find(conn, id)?.ok_or_else(|| no_account(id))?;
    Ok(admin_users::account(conn, row)?)
}

/// Runs an admin's change to an account in one write transaction, after locking the active
/// admins and the account; answers the account as it is afterwards.
async fn change_account<F>(state: &AppState, id: i64, change: F) -> Result<Account, ApiError>
where
    F: FnMut(&mut DbConn, AccountRow, &[i64]) -> Result<(), ApiError> + Send + 'static,
{
    let mut change = change;
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let admins = admin_users::lock_active_admins(conn)?;
            let row = admin_users::lock(conn, id)?.ok_or_else(|| no_account(id))?;
            change(conn, row, &admins)
        })?;
        account_of(conn, id)
    })
    .await
}

/// Refuses a change that would leave no active admin.
fn keep_an_admin(row: &AccountRow, admins: &[i64]) -> Result<(), ApiError> {
    if row.is_active_admin() && admins.iter().all(|admin| *admin == row.id) {
        return Err(ApiError::Conflict(
            "this is the last active admin: make another account admin first".into(),
        ));
    }
    Ok(())
}

/// Lists the accounts.
///
/// Accounts by name, with their role, shops and whether they are suspended; search by name
/// or e-mail, filter by role. Admins only; anyone else gets 404. Changes nothing.
#[utoipa::path(
    tag = "people",
    params(AccountQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of accounts", body = Page<AccountSummary>),
        (status = 400, description = "A parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/users")]
pub async fn list_accounts(
    caller: Caller,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<AccountQuery>,
) -> Result<Json<Page<AccountSummary>>, ApiError> {
    admin(&caller)?;
    let mut errors = Vec::new();
    let paging = Paging::parse(query.page, query.per_page, &mut errors);
    let q = query
        .q
        .map(|q| q.trim().to_owned())
        .filter(|q| !q.is_empty());
    if q.as_ref().is_some_and(|q| q.chars().count() > MAX_SEARCH) {
        errors.push(FieldError {
            field: "q".into(),
            message: format!("must be at most {MAX_SEARCH} characters"),
        });
    }
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let role = query.role;
    let page = db::run(&state.pool, move |conn| {
        let (rows, total) = admin_users::list(conn, q.as_deref(), role, paging)?;
        Ok(paging.page(admin_users::summaries(conn, rows)?, total))
    })
    .await?;
    Ok(Json(page))
}

/// One account, for the association.
///
/// Its role, shops, suspension, dates, and its history. Admins only; anyone else gets 404.
/// Changes nothing.
#[utoipa::path(
    tag = "people",
    params(("id" = i64, Path, description = "The account's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = Account),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account, or not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/users/{id}")]
pub async fn get_account(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<Account>, ApiError> {
    admin(&caller)?;
    let id = id.into_inner();
    let account = db::run(&state.pool, move |conn| account_of(conn, id)).await?;
    Ok(Json(account))
}

/// Changes an account's role.
///
/// It takes effect on the account's very next request. Becoming a customer or a volunteer
/// also takes it off every shop's team; `merchant` needs a shop (add the account to one
/// instead); the last active admin keeps the role (409). Admins only; anyone else gets 404.
/// Recorded in the account's history.
#[utoipa::path(
    tag = "people",
    params(("id" = i64, Path, description = "The account's id")),
    request_body = ChangeRole,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account, changed", body = Account),
        (status = 400, description = "Unknown role or field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "It is the last active admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`merchant` for an account on no shop's team", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/admin/users/{id}/role")]
pub async fn change_role(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<ChangeRole>,
) -> Result<Json<Account>, ApiError> {
    let actor = admin(&caller)?;
    let to = body.into_inner().role;
    let account = change_account(&state, id.into_inner(), move |conn, row, admins| {
        let from = row.role();
        if from == to {
            return Ok(());
        }
        if from == Role::Admin {
            keep_an_admin(&row, admins)?;
        }
        if to == Role::Merchant && admin_users::shop_count(conn, row.id)? == 0 {
            return Err(ApiError::Unprocessable(
                "a merchant runs a shop: add the account to a shop's team instead".into(),
            ));
        }
        let now = now();
        admin_users::set_role(conn, row.id, to)?;
        let mut detail = format!("{} -> {}", from.as_str(), to.as_str());
        if matches!(to, Role::Customer | Role::Volunteer) {
            let left = admin_users::leave_all_shops(conn, row.id)?;
            for name in &left {
                admin_users::record_event(
                    conn,
                    row.id,
                    Some(actor.id),
                    AccountEventKind::ShopRemoved,
                    name,
                    now,
                )?;
            }
            if !left.is_empty() {
                detail = format!("{detail} ({})", left.join(", "));
            }
        }
        admin_users::record_event(
            conn,
            row.id,
            Some(actor.id),
            AccountEventKind::RoleChanged,
            &detail,
            now,
        )?;
        Ok(())
    })
    .await?;
    Ok(Json(account))
}

/// Puts an account on a shop's team.
///
/// Whatever the shop's status; a customer becomes a merchant, and can run the shop on their
/// next request. Admins only; anyone else gets 404. Recorded in the account's history.
#[utoipa::path(
    tag = "people",
    params(("id" = i64, Path, description = "The account's id")),
    request_body = AddAccountShop,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account, with the shop", body = Account),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already on the shop's team", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No shop has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/users/{id}/shops")]
pub async fn add_account_shop(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<AddAccountShop>,
) -> Result<Json<Account>, ApiError> {
    let actor = admin(&caller)?;
    let slug = body.into_inner().shop.trim().to_owned();
    let account = change_account(&state, id.into_inner(), move |conn, row, _| {
        let shop = shop::find_by_slug(conn, &slug)?.ok_or_else(|| {
            ApiError::Unprocessable(format!("no shop has the address name '{slug}'"))
        })?;
        if shop::is_member(conn, shop.id, row.id)? {
            return Err(ApiError::Conflict(format!(
                "{} is already on the team of {}",
                row.name, shop.name
            )));
        }
        crate::db::models::user::add_shop_member(conn, shop.id, row.id)?;
        shop::make_merchant(conn, row.id)?;
        let now = now();
        admin_users::record_event(
            conn,
            row.id,
            Some(actor.id),
            AccountEventKind::ShopAdded,
            &shop.name,
            now,
        )?;
        shop::record_event(
            conn,
            shop.id,
            &caller.actor(),
            (None, None),
            &format!("member added: {}", row.email),
            now,
        )?;
        Ok(())
    })
    .await?;
    Ok(Json(account))
}

/// Takes an account off a shop's team.
///
/// The account no longer runs the shop from its next request; a merchant on no other team
/// becomes a customer. Admins only; anyone else gets 404. Recorded in the account's
/// history.
#[utoipa::path(
    tag = "people",
    params(
        ("id" = i64, Path, description = "The account's id"),
        ("slug" = String, Path, description = "The shop's slug"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account, without the shop", body = Account),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account, not on that shop's team, or not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/admin/users/{id}/shops/{slug}")]
pub async fn remove_account_shop(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(i64, String)>,
) -> Result<Json<Account>, ApiError> {
    let actor = admin(&caller)?;
    let (id, slug) = path.into_inner();
    let account = change_account(&state, id, move |conn, row, _| {
        let not_member =
            || ApiError::NotFound(format!("the account is not on the team of '{slug}'"));
        let shop = shop::find_by_slug(conn, &slug)?.ok_or_else(not_member)?;
        if admin_users::leave_shop(conn, row.id, shop.id)? == 0 {
            return Err(not_member());
        }
        let now = now();
        admin_users::record_event(
            conn,
            row.id,
            Some(actor.id),
            AccountEventKind::ShopRemoved,
            &shop.name,
            now,
        )?;
        shop::record_event(
            conn,
            shop.id,
            &caller.actor(),
            (None, None),
            &format!("member removed: {}", row.email),
            now,
        )?;
        if row.role() == Role::Merchant && admin_users::shop_count(conn, row.id)? == 0 {
            admin_users::set_role(conn, row.id, Role::Customer)?;
            admin_users::record_event(
                conn,
                row.id,
                Some(actor.id),
                AccountEventKind::RoleChanged,
                "merchant -> customer",
                now,
            )?;
        }
        Ok(())
    })
    .await?;
    Ok(Json(account))
}

/// Suspends an account.
///
/// The account cannot sign in, its access tokens are refused at once, its sessions are
/// closed, its reset code is dropped, and the API keys it created stop working while it is
/// suspended. Admins only; anyone else gets 404. An admin cannot suspend their own account,
/// nor the last active admin. Recorded in the account's history.
#[utoipa::path(
    tag = "people",
    params(("id" = i64, Path, description = "The account's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account, suspended", body = Account),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already suspended, or the last active admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "One's own account", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/users/{id}/suspend")]
pub async fn suspend_account(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<Account>, ApiError> {
    let actor = admin(&caller)?;
    let account = change_account(&state, id.into_inner(), move |conn, row, admins| {
        if row.suspended_at.is_some() {
            return Err(ApiError::Conflict(
                "the account is already suspended".into(),
            ));
        }
        keep_an_admin(&row, admins)?;
        if row.id == actor.id {
            return Err(ApiError::Unprocessable(
                "you cannot suspend your own account".into(),
            ));
        }
        let now = now();
        admin_users::set_suspended(conn, row.id, Some(now))?;
        session::revoke_all(conn, row.id, now)?;
        admin_users::delete_reset_code(conn, row.id)?;
        admin_users::record_event(
            conn,
            row.id,
            Some(actor.id),
            AccountEventKind::Suspended,
            "",
            now,
        )?;
        Ok(())
    })
    .await?;
    Ok(Json(account))
}

/// Lifts an account's suspension.
///
/// The account can sign in again; its old sessions stay closed, and its API keys work
/// again. Admins only; anyone else gets 404. Recorded in the account's history.
#[utoipa::path(
    tag = "people",
    params(("id" = i64, Path, description = "The account's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account, active", body = Account),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not suspended", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/users/{id}/reinstate")]
pub async fn reinstate_account(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<Account>, ApiError> {
    let actor = admin(&caller)?;
    let account = change_account(&state, id.into_inner(), move |conn, row, _| {
        if row.suspended_at.is_none() {
            return Err(ApiError::Conflict("the account is not suspended".into()));
        }
        let now = now();
        admin_users::set_suspended(conn, row.id, None)?;
        admin_users::record_event(
            conn,
            row.id,
            Some(actor.id),
            AccountEventKind::Reinstated,
            "",
            now,
        )?;
        Ok(())
    })
    .await?;
    Ok(Json(account))
}

/// Twelve random digits.
fn new_code() -> String {
    let number = uuid::Uuid::new_v4().as_u128() % 10u128.pow(RESET_CODE_DIGITS as u32);
    format!("{number:012}")
}

/// `123456789012` as it is read out: `1234 5678 9012`.
fn grouped(digits: &str) -> String {
    digits
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The digits of a typed code (spaces, dashes and dots ignored), if there are twelve.
fn parse_code(typed: &str) -> Option<String> {
    let digits: String = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}'))
        .collect();
    (digits.len() == RESET_CODE_DIGITS && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(digits)
}

/// Makes a one-time password reset code.
///
/// A code for the account's owner to set a new password with (`POST
/// /auth/reset-with-code`), to read out on the phone: shown this once, valid one hour, 5
/// wrong tries end it, and it replaces any earlier code. Admins only; anyone else gets 404.
/// Recorded in the account's history.
#[utoipa::path(
    tag = "people",
    params(("id" = i64, Path, description = "The account's id")),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The code", body = ResetCode),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The account is suspended", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/users/{id}/reset-code")]
pub async fn create_reset_code(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let actor = admin(&caller)?;
    let id = id.into_inner();
    let code = new_code();
    let to_hash = code.clone();
    let hash = hash_password_limited(&state, to_hash).await?;
    let expires_at = now() + Duration::minutes(RESET_CODE_MINUTES);
    change_account(&state, id, move |conn, row, _| {
        if row.suspended_at.is_some() {
            return Err(ApiError::Conflict(
                "the account is suspended: reinstate it first".into(),
            ));
        }
        let now = now();
        admin_users::replace_reset_code(
            conn,
            row.id,
            &hash,
            expires_at,
            RESET_CODE_ATTEMPTS,
            actor.id,
            now,
        )?;
        admin_users::record_event(
            conn,
            row.id,
            Some(actor.id),
            AccountEventKind::ResetCodeCreated,
            "",
            now,
        )?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::Created().json(ResetCode {
        code: grouped(&code),
        expires_at: crate::db::models::shop::iso_time(expires_at),
    }))
}

/// The one answer to a code that does not work, whatever the reason (unknown e-mail, wrong,
/// used, expired or too many tries), so it tells a stranger nothing.
fn code_refused() -> ApiError {
    ApiError::Unprocessable(
        "this code does not work with this e-mail (wrong, used or expired): ask the \
         association for a new one"
            .into(),
    )
}

/// Sets a new password with an admin's code.
///
/// For someone an admin helped on the phone (`POST /admin/users/{id}/reset-code`); no
/// sign-in. The answer is the same whether the e-mail has an account or not; 5 wrong codes
/// end the code. On success every session of the account is closed and the code is used up.
#[utoipa::path(
    tag = "accounts",
    request_body = ResetWithCode,
    responses(
        (status = 204, description = "The new password is set; sign in with it"),
        (status = 400, description = "The code is not 12 digits, the password is too short or long, or an unknown field",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The code does not work with this e-mail (the same answer whatever the reason)",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/reset-with-code")]
pub async fn reset_with_code(
    state: web::Data<AppState>,
    body: Json<ResetWithCode>,
) -> Result<HttpResponse, ApiError> {
    let ResetWithCode {
        email,
        code,
        new_password,
    } = body.into_inner();
    let email = email.trim().to_lowercase();
    let mut errors = Vec::new();
    if let Err(ApiError::Validation { errors: more, .. }) = check_password_policy(&new_password) {
        errors.extend(more.into_iter().map(|error| FieldError {
            field: "new_password".into(),
            ..error
        }));
    }
    let digits = parse_code(&code);
    if digits.is_none() {
        errors.push(FieldError {
            field: "code".into(),
            message: "must be the 12 digits the association read out, such as 1234 5678 9012"
                .into(),
        });
    }
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let digits = digits.unwrap_or_default();
    let found = db::run(&state.pool, move |conn| {
        let Some(id) = admin_users::active_id_by_email(conn, &email)? else {
            return Ok(None);
        };
        Ok(admin_users::live_reset_code(conn, id, now())?)
    })
    .await?;
    let stored = found
        .as_ref()
        .map_or_else(|| DUMMY_CODE_HASH.clone(), |row| row.code_hash.clone());
    // Anonymous: under the hashing cap like a login, or a crowd of codes takes the memory.
    let matches = verify_password_limited(&state, digits, stored).await?;
    let Some(code) = found else {
        return Err(code_refused());
    };
    if !matches {
        db::run(&state.pool, move |conn| {
            Ok(admin_users::spend_attempt(
                conn,
                code.user_id,
                &code.code_hash,
            )?)
        })
        .await?;
        return Err(code_refused());
    }
    let hash = hash_password_limited(&state, new_password).await?;
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let now = now();
            if admin_users::use_reset_code(conn, code.user_id, &code.code_hash, now)? == 0 {
                return Err(code_refused());
            }
            admin_users::set_password(conn, code.user_id, &hash, now)?;
            admin_users::record_event(
                conn,
                code.user_id,
                Some(code.user_id),
                AccountEventKind::PasswordReset,
                "",
                now,
            )
            .map_err(ApiError::from)
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_twelve_digits_read_in_three_groups() {
        let code = new_code();
        assert_eq!(code.len(), 12);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(grouped("123456789012"), "1234 5678 9012");
        assert_eq!(parse_code("1234 5678-9012"), Some("123456789012".into()));
        assert_eq!(parse_code(" 1234.5678.9012 "), Some("123456789012".into()));
        assert_eq!(parse_code("1234 5678 901"), None);
        assert_eq!(parse_code("1234 5678 901a"), None);
        assert_ne!(new_code(), new_code());
    }
}
