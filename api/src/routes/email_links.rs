//! E-mail links (issue 12): a password reset by e-mail, and the account's address verified.
//!
//! The links carry a random token (`db::models::email_token`, only its SHA-256 stored):
//! `{public-url}/mot-de-passe/nouveau?jeton=…` sets a new password (one hour, once),
//! `{public-url}/verifier-courriel?jeton=…` proves the address (48 hours, once). The anonymous
//! steps live under `/auth` (the token is the proof, the link may open on another device);
//! the signed-in account's "send it again" under `/me`. One module because they share their
//! links.

use actix_web::web::{self, Json};
use actix_web::{HttpRequest, HttpResponse, post};
use chrono::Duration;
use sha2::{Digest, Sha256};
use shared::admin_users::AccountEventKind;
use shared::auth::{ConfirmPasswordReset, LinkRequested, RequestPasswordReset, VerifyEmail};
use shared::error::{FieldError, Problem};

use crate::auth::{AuthUser, check_password_policy, hash_password_limited};
use crate::db::models::email_token::{self, Purpose};
use crate::db::models::{admin_users, now, user};
use crate::db::{self, write_transaction};
use crate::error::ApiError;
use crate::login_throttle::{self, client_address, count_or_refuse};
use crate::startup::AppState;

/// Reset e-mails an address may be sent in [`WINDOW_MINUTES`]: enough for a lost one, too
/// few to flood a mailbox.
const RESETS_PER_ACCOUNT: u32 = 3;
/// Reset requests a client address may make in [`WINDOW_MINUTES`], whatever the e-mails.
const RESETS_PER_CLIENT: u32 = 10;
/// Verification e-mails an account may ask for again in [`WINDOW_MINUTES`].
const VERIFICATIONS_PER_ACCOUNT: u32 = 3;
/// The throttles' window.
const WINDOW_MINUTES: i64 = 60;

/// The one answer to a reset request, whether the address has an account or not.
const RESET_REQUESTED: &str = "If an account exists for this address, a link to set a new \
     password has been sent to it; it works once, for one hour.";

fn reset_link_refused() -> ApiError {
    ApiError::Unprocessable(
        "this password reset link does not work (wrong, already used or expired): ask for a \
         new one"
            .into(),
    )
}

fn verify_link_refused() -> ApiError {
    ApiError::Unprocessable(
        "this verification link does not work (wrong, already used, expired, or for another \
         address): ask for a new one from your account"
            .into(),
    )
}

/// The token's field error, when it does not have the shape of a link's `jeton`.
fn check_token(token: &str) -> Option<FieldError> {
    (!email_token::well_formed(token)).then(|| FieldError {
        field: "token".into(),
        message: "must be the link's `jeton`: 96 lower-case hexadecimal digits".into(),
    })
}

/// Asks for a password reset link.
///
/// Anyone may ask, without signing in. A link to set a new password goes to the account of
/// this address, if there is one. The answer is the same (202, same body) whether there is
/// or not, and no password is hashed on either path. Requests are throttled per address (3
/// an hour) and per client (10 an hour): beyond, 429 with `Retry-After`, again the same for
/// any address. The link works once, for one hour; a newer request leaves older links
/// working until a reset.
#[utoipa::path(
    tag = "accounts",
    request_body = RequestPasswordReset,
    responses(
        (status = 202, description = "Taken: if the address has an account (not suspended), the link is on its way", body = LinkRequested),
        (status = 400, description = "The e-mail is not an address (at most 254 characters), or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests for this address or from this client; retry after `Retry-After` seconds", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/password-reset")]
pub async fn request_password_reset(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Json<RequestPasswordReset>,
) -> Result<HttpResponse, ApiError> {
    let raw = body.into_inner().email;
    let email = raw.trim().to_lowercase();
    // The length is the document's (`maxLength`), counted before trimming as it counts it.
    if raw.chars().count() > 254 || !login_throttle::valid_email(&email) {
        return Err(ApiError::invalid(
            "email",
            "must be an e-mail address such as jeanne@example.fr, at most 254 characters",
        ));
    }
    let client_key = format!("reset-client:{}", client_address(&req));
    let account_key = format!(
        "reset-account:{}",
        hex::encode(Sha256::digest(email.as_bytes()))
    );
    let notices = state.notices.clone();
    let language = crate::extract::language(&req);
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let now = now();
            let window = Duration::minutes(WINDOW_MINUTES);
            // Always the client first, then the account: a fixed order of row locks.
            count_or_refuse(
                conn,
                &client_key,
                RESETS_PER_CLIENT,
                window,
                now,
                "too many password reset requests from this address: try again later",
            )?;
            count_or_refuse(
                conn,
                &account_key,
                RESETS_PER_ACCOUNT,
                window,
                now,
                "too many password reset requests for this e-mail: try again later, and look \
                 for the links already sent (also in the spam folder)",
            )?;
            if let Some(row) = user::find_by_email(conn, &email)? {
                let token = email_token::create(conn, row.id, Purpose::Reset, &row.email, now)?;
                notices.password_reset(conn, &row.email, &row.name, &token, language)?;
            }
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::Accepted().json(LinkRequested {
        detail: RESET_REQUESTED.into(),
    }))
}

/// Sets a new password with a reset link.
///
/// Uses the token of the link sent by e-mail (same rules as sign-up: 12 to 128 characters);
/// no sign-in. The link is spent by one conditional update: of two requests with the same
/// token, exactly one succeeds. Every other reset link of the account stops working, every
/// session is closed (refresh tokens revoked, access tokens refused), the failed logins of
/// the account are forgotten, and the address counts as verified.
#[utoipa::path(
    tag = "accounts",
    request_body = ConfirmPasswordReset,
    responses(
        (status = 204, description = "The new password is set; sign in with it"),
        (status = 400, description = "The token is not 96 hexadecimal digits, the password is not 12 to 128 characters, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The link does not work: unknown, already used or expired", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "`busy`: too many passwords being hashed; retry after `Retry-After` seconds", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/password-reset/confirm")]
pub async fn confirm_password_reset(
    state: web::Data<AppState>,
    body: Json<ConfirmPasswordReset>,
) -> Result<HttpResponse, ApiError> {
    let ConfirmPasswordReset { token, password } = body.into_inner();
    let mut errors: Vec<FieldError> = check_token(&token).into_iter().collect();
    if let Err(ApiError::Validation { errors: more, .. }) = check_password_policy(&password) {
        errors.extend(more);
    }
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    // The link must work before a hash is spent on its password.
    let link = db::run(&state.pool, move |conn| {
        Ok(email_token::find_live(conn, &token, Purpose::Reset, now())?)
    })
    .await?
    .filter(|link| link.email == link.account_email)
    .ok_or_else(reset_link_refused)?;
    let hash = hash_password_limited(&state, password).await?;
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let now = now();
            if !email_token::spend(conn, link.id, now)? {
                return Err(reset_link_refused());
            }
            admin_users::set_password(conn, link.user_id, &hash, now)?;
            email_token::spend_all(conn, link.user_id, Purpose::Reset, now)?;
            email_token::mark_verified(conn, link.user_id, &link.email, now)?;
            login_throttle::clear_account(conn, &link.email)?;
            admin_users::record_event(
                conn,
                link.user_id,
                Some(link.user_id),
                AccountEventKind::PasswordReset,
                "",
                now,
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Verifies an account's address.
///
/// Proves the address with the token of the link sent to it (48 hours, once, and only for
/// the address it was sent to); no sign-in. The account then counts as verified.
#[utoipa::path(
    tag = "accounts",
    request_body = VerifyEmail,
    responses(
        (status = 204, description = "The address is verified"),
        (status = 400, description = "The token is not 96 hexadecimal digits, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The link does not work: unknown, already used, expired, or the account's address changed since", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/verify-email")]
pub async fn verify_email(
    state: web::Data<AppState>,
    body: Json<VerifyEmail>,
) -> Result<HttpResponse, ApiError> {
    let token = body.into_inner().token;
    if let Some(err) = ApiError::from_field_errors(check_token(&token).into_iter().collect()) {
        return Err(err);
    }
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let now = now();
            let link = email_token::find_live(conn, &token, Purpose::Verify, now)?
                .filter(|link| link.email == link.account_email)
                .ok_or_else(verify_link_refused)?;
            if !email_token::spend(conn, link.id, now)? {
                return Err(verify_link_refused());
            }
            email_token::spend_all(conn, link.user_id, Purpose::Verify, now)?;
            email_token::mark_verified(conn, link.user_id, &link.email, now)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sends a new address verification link.
///
/// The signed-in account gets a new link to verify its address (48 hours, once); 3 an hour
/// at most. Nothing else changes.
#[utoipa::path(
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 202, description = "The link is on its way", body = LinkRequested),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The address is already verified", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A mail server refused the address for good: no e-mail can reach it", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Asked too often; retry after `Retry-After` seconds", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/verification")]
pub async fn resend_verification(
    req: HttpRequest,
    user: AuthUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let notices = state.notices.clone();
    let language = crate::extract::language(&req);
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let now = now();
            let row = user::find(conn, user.id)?;
            let (verified, refused) = email_token::email_status(conn, row.id, &row.email)?;
            if verified {
                return Err(ApiError::Conflict("the address is already verified".into()));
            }
            if let Some(refused) = refused {
                return Err(ApiError::Unprocessable(format!(
                    "a mail server refused this address for good ({}): no e-mail can reach it",
                    refused.reason
                )));
            }
            count_or_refuse(
                conn,
                &format!("verify-account:{}", row.id),
                VERIFICATIONS_PER_ACCOUNT,
                Duration::minutes(WINDOW_MINUTES),
                now,
                "verification links were sent several times this hour: look for them (also in \
                 the spam folder), or try again later",
            )?;
            let token = email_token::create(conn, row.id, Purpose::Verify, &row.email, now)?;
            notices.verify_address(conn, &row.email, &row.name, &token, language)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::Accepted().json(LinkRequested {
        detail: "A link to verify the address has been sent to it; it works once, for 48 hours."
            .into(),
    }))
}
