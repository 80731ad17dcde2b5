//! Accounts and sessions: sign up, log in, refresh, log out.

use actix_web::http::StatusCode;
use actix_web::web::{self, Json};
use actix_web::{HttpRequest, HttpResponse, post};
use chrono::Utc;
use shared::auth::{Login, Me, RefreshToken, Register, Role, Session};
use shared::error::{FieldError, Problem};

use crate::auth::{ACCESS_TOKEN_SECONDS, check_password_policy, hash_password_limited};
use crate::db::models::user::{self, NewUser, UserRow};
use crate::db::models::{email_token, session};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::email::parse_email;
use crate::error::ApiError;
use crate::routes::carts::cart_id;
use crate::session_cookie::Delivery;
use crate::startup::AppState;

fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn check_email(email: &str) -> Option<FieldError> {
    parse_email(email).is_none().then(|| FieldError {
        field: "email".into(),
        message: "must be an e-mail address such as jeanne@example.fr".into(),
    })
}

/// Opens a session for a user: a new access token and refresh token.
fn open_session(state: &AppState, conn: &mut DbConn, row: UserRow) -> Result<Session, ApiError> {
    let role = Role::parse(&row.role).unwrap_or(Role::Customer);
    let refresh_token = session::create_refresh_token(conn, row.id, crate::db::models::now())?;
    let (email_verified, email_refused) = email_token::email_status(conn, row.id, &row.email)?;
    Ok(Session {
        access_token: state
            .token_keys
            .issue(row.id, role, row.session_generation)?,
        token_type: "Bearer".into(),
        expires_in: ACCESS_TOKEN_SECONDS,
        refresh_token: Some(refresh_token),
        user: Me {
            cart_id: session::latest_cart(conn, row.id)?,
            id: row.id,
            email: row.email,
            name: row.name,
            role,
            phone: row.phone,
            email_verified,
            email_refused,
        },
    })
}

/// Creates a customer account.
///
/// Anyone may sign up; the answer opens a session at once, and a guest basket named by
/// `cart_id` is kept with the account. The address is sent a link that verifies it (valid
/// 48 hours, once; `POST /auth/verify-email`).
#[utoipa::path(
    tag = "accounts",
    request_body = Register,
    params(BrowserSession),
    responses(
        (status = 201, description = "The account and its session", body = Session, headers(("Set-Cookie" = String, description = "With `X-Requested-With: vitrine` only: `vitrine_refresh=<refresh token>; HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth; Max-Age=2592000`"))),
        (status = 400, description = "A field is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The `cart_id` names no basket", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "An account with this e-mail exists", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "`busy`: too many passwords being hashed; retry after `Retry-After` seconds", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/register")]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<Register>,
) -> Result<HttpResponse, ApiError> {
    let Register {
        email,
        password,
        name,
        cart_id: cart,
    } = body.into_inner();
    let email = normalise_email(&email);
    let name = name.trim().to_owned();
    let mut errors: Vec<FieldError> = check_email(&email).into_iter().collect();
    if let Err(ApiError::Validation { errors: more, .. }) = check_password_policy(&password) {
        errors.extend(more);
    }
    if name.is_empty() || name.chars().count() > 100 {
        errors.push(FieldError {
            field: "name".into(),
            message: "must be 1 to 100 characters".into(),
        });
    }
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let cart = cart.as_deref().map(cart_id).transpose()?;
    let hash = hash_password_limited(&state, password).await?;
    let state_for_db = state.clone();
    let notices = state.notices.clone();
    let language = crate::extract::language(&req);
    let session = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            if user::find_by_email(conn, &email)?.is_some() {
                return Err(ApiError::Conflict(
                    "an account with this e-mail already exists: log in".into(),
                ));
            }
            let id = NewUser {
                email: &email,
                password_hash: &hash,
                name: &name,
                role: Role::Customer.as_str(),
                created_at: crate::db::models::now(),
            }
            .insert(conn)?;
            if let Some(cart) = &cart {
                session::adopt_cart(conn, cart, id)?;
            }
            // E-mail links (issue 12): the link that proves the address.
            let token = email_token::create(
                conn,
                id,
                email_token::Purpose::Verify,
                &email,
                crate::db::models::now(),
            )?;
            notices.verify_address(conn, &email, &name, &token, language)?;
            let row = user::find(conn, id)?;
            open_session(&state_for_db, conn, row)
        })
    })
    .await?;
    Ok(Delivery::of(&req).open(StatusCode::CREATED, session))
}

/// Opens a session.
///
/// Anyone with an account (not suspended) signs in with e-mail and password; a guest basket
/// named by `cart_id` is kept with the account. A wrong e-mail and a wrong password get the
/// same 401. Failed logins are counted per account and per client address: beyond 5 in 15
/// minutes for an account (30 for an address), logins are refused with 429 and
/// `Retry-After` until the window passes, without checking the password.
#[utoipa::path(
    tag = "accounts",
    request_body = Login,
    params(BrowserSession),
    responses(
        (status = 200, description = "The session", body = Session, headers(("Set-Cookie" = String, description = "With `X-Requested-With: vitrine` only: `vitrine_refresh=<refresh token>; HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth; Max-Age=2592000`"))),
        (status = 400, description = "The e-mail is not an address (at most 254 characters), or the password is longer than 128 characters",
            body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Wrong e-mail or password", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The `cart_id` names no basket", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; retry after `Retry-After` seconds", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "`busy`: too many passwords being checked; retry after `Retry-After` seconds", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Json<Login>,
) -> Result<HttpResponse, ApiError> {
    let Login {
        email,
        password,
        cart_id: cart,
    } = body.into_inner();
    let email = normalise_email(&email);
    let cart = cart.as_deref().map(cart_id).transpose()?;
    let row = crate::login_throttle::check_password(&state, &req, email, password).await?;
    let state_for_db = state.clone();
    let session = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            if let Some(cart) = &cart {
                session::adopt_cart(conn, cart, row.id)?;
            }
            open_session(&state_for_db, conn, row.clone())
        })
    })
    .await?;
    Ok(Delivery::of(&req).open(StatusCode::OK, session))
}

/// Renews a session.
///
/// Exchanges a refresh token for a new session; the old token stops working. Using a
/// refresh token twice, even at the same moment, closes every session of the account. No
/// access token needed: the refresh token is the proof.
///
/// The token comes from the body, or for the web app from the `vitrine_refresh` cookie,
/// read only with `X-Requested-With: vitrine`; the new one goes back the same way.
#[utoipa::path(
    tag = "accounts",
    request_body = RefreshToken,
    params(BrowserSession),
    responses(
        (status = 200, description = "A new session", body = Session, headers(("Set-Cookie" = String, description = "With `X-Requested-With: vitrine` only: `vitrine_refresh=<refresh token>; HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth; Max-Age=2592000`"))),
        (status = 401, description = "No token, or an unknown, expired, used or revoked one (the cookie, if any, is cleared)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<RefreshToken>,
) -> Result<HttpResponse, ApiError> {
    let (token, delivery) = Delivery::presented(&req, body.into_inner().refresh_token);
    let Some(token) = token else {
        return Ok(delivery.refuse(&ApiError::Unauthorized));
    };
    let state_for_db = state.clone();
    // Spending the old token and issuing the new one commit together: a second use that
    // waited for the first one's row sees the new token (see `spend_refresh_token` for the
    // one second use that is not a leak).
    let session = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let now = crate::db::models::now();
            let Some(spent) = session::spend_refresh_token(conn, &token, now)? else {
                return Ok(None);
            };
            let row = user::find(conn, spent.user_id)?;
            let opened = open_session(&state_for_db, conn, row)?;
            if let Some(successor) = &opened.refresh_token {
                session::link_successor(conn, spent.id, successor)?;
            }
            Ok(Some(opened))
        })
    })
    .await?;
    Ok(match session {
        Some(session) => delivery.open(StatusCode::OK, session),
        None => delivery.refuse(&ApiError::Unauthorized),
    })
}

/// Closes a session.
///
/// Its refresh token stops working (an unknown one is ignored); access tokens expire on
/// their own within 15 minutes. No access token needed: the refresh token is the proof.
///
/// The token comes from the body, or for the web app from the `vitrine_refresh` cookie,
/// read only with `X-Requested-With: vitrine`, which is then cleared.
#[utoipa::path(
    tag = "accounts",
    request_body = RefreshToken,
    params(BrowserSession),
    responses(
        (status = 204, description = "Logged out"),
        (status = 401, description = "No token in the body, and no `X-Requested-With: vitrine` to read the cookie", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<RefreshToken>,
) -> Result<HttpResponse, ApiError> {
    let (token, delivery) = Delivery::presented(&req, body.into_inner().refresh_token);
    if let Some(token) = token {
        db::run(&state.pool, move |conn| {
            Ok(session::revoke(conn, &token, Utc::now().naive_utc())?)
        })
        .await?;
    } else if delivery == Delivery::Body {
        return Err(ApiError::Unauthorized);
    }
    Ok(delivery.close(HttpResponse::NoContent().finish()))
}

/// The header the web app sends on `/auth/*` (OpenAPI).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[expect(
    dead_code,
    reason = "read by hand in session_cookie; here for the document"
)]
struct BrowserSession {
    /// `vitrine` from the web app: the refresh token then travels in the HttpOnly cookie
    /// `vitrine_refresh` (`SameSite=Strict; Path=/api/v1/auth`), not in the body, and
    /// refresh and log-out read it from there. Other clients leave it out and keep the
    /// refresh token in the body.
    #[param(rename = "X-Requested-With")]
    x_requested_with: Option<String>,
}
