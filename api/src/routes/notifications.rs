//! E-mail settings (issue 12): a shopper's non-essential messages (`/me/notifications`), a
//! merchant's messages for one of their shops and the shop's daily-summary time
//! (`/shops/{slug}/notifications`), and the one-click unsubscribe of a message's
//! `List-Unsubscribe` link (`/unsubscribe`, no sign-in: the signed token is the proof).
//! The association's sender sits with its mailbox (`admin_mail`).

use actix_web::web::{self, Json, Path};
use actix_web::{get, post, put};
use shared::auth::Role;
use shared::error::Problem;
use shared::notifications::{
    MyNotifications, ShopNotifications, UnsubscribeQuery, Unsubscribed, UpdateMyNotifications,
    UpdateShopNotifications,
};

use crate::access::Caller;
use crate::auth::AuthUser;
use crate::db::models::notifications::{self, DELIVERY_REMINDER, ROUND_WARNING};
use crate::db::models::{now, user};
use crate::db::{self, DbConn, write_transaction};
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::mail::unsubscribe::Subscription;
use crate::startup::AppState;

/// The account's address (a deleted account: 401).
fn address_of(conn: &mut DbConn, user: AuthUser) -> Result<String, ApiError> {
    use diesel::OptionalExtension;
    Ok(user::find(conn, user.id)
        .optional()?
        .ok_or(ApiError::Unauthorized)?
        .email)
}

pub(crate) fn my_notifications(
    conn: &mut DbConn,
    user: AuthUser,
) -> Result<MyNotifications, ApiError> {
    let address = address_of(conn, user)?;
    let round_warning = if user.role == Role::Admin {
        Some(!notifications::opted_out(conn, &address, ROUND_WARNING)?)
    } else {
        None
    };
    Ok(MyNotifications {
        delivery_reminder: !notifications::opted_out(conn, &address, DELIVERY_REMINDER)?,
        round_warning,
    })
}

/// The signed-in account's e-mail settings.
///
/// Which non-essential e-mails the account gets. Any signed-in account, for itself; changes
/// nothing.
#[utoipa::path(
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Which non-essential e-mails the account gets", body = MyNotifications),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/notifications")]
pub async fn get_my_notifications(
    user: AuthUser,
    state: web::Data<AppState>,
) -> Result<Json<MyNotifications>, ApiError> {
    let answer = db::run(&state.pool, move |conn| my_notifications(conn, user)).await?;
    Ok(Json(answer))
}

/// Changes the signed-in account's e-mail settings.
///
/// Turns the account's non-essential e-mails on or off. The messages about an order
/// (received, confirmed, ready, cancelled) are always sent. Any signed-in account, for
/// itself; `round_warning` only for an admin.
#[utoipa::path(
    tag = "accounts",
    request_body = UpdateMyNotifications,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account's e-mails as they are now", body = MyNotifications),
        (status = 400, description = "Unknown fields, or not a boolean", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`round_warning` from an account that is not an admin's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/me/notifications")]
pub async fn update_my_notifications(
    user: AuthUser,
    state: web::Data<AppState>,
    body: Json<UpdateMyNotifications>,
) -> Result<Json<MyNotifications>, ApiError> {
    let changes = body.into_inner();
    if changes.round_warning.is_some() && user.role != Role::Admin {
        return Err(ApiError::refused(
            "round_warning",
            "only the association's admins get the round warnings",
        ));
    }
    let answer = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let address = address_of(conn, user)?;
            let now = now();
            if let Some(wanted) = changes.delivery_reminder {
                notifications::set_wanted(conn, &address, DELIVERY_REMINDER, wanted, now)?;
            }
            if let Some(wanted) = changes.round_warning {
                notifications::set_wanted(conn, &address, ROUND_WARNING, wanted, now)?;
            }
            my_notifications(conn, user)
        })
    })
    .await?;
    Ok(Json(answer))
}

fn shop_notifications(
    conn: &mut DbConn,
    shop_id: i64,
    user_id: i64,
) -> Result<ShopNotifications, ApiError> {
    let choices = notifications::merchant_choices(conn, shop_id, user_id)?;
    Ok(ShopNotifications {
        new_order: choices.new_order,
        daily_summary: choices.daily_summary,
        summary_time: notifications::summary_time(conn, shop_id)?,
    })
}

/// The account behind a back-office call: an API key has no e-mails of its own (404).
fn person(caller: &Caller, slug: &str) -> Result<AuthUser, ApiError> {
    caller
        .user()
        .ok_or_else(|| ApiError::NotFound(format!("no shop '{slug}'")))
}

/// A merchant's e-mail settings for a shop.
///
/// The calling merchant's e-mails for this shop, and the shop's daily-summary time. The
/// shop's merchants and the association's admins, signed in (not an API key). Changes
/// nothing.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller's e-mails for the shop", body = ShopNotifications),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such shop, or the caller does not run it (API keys included)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/notifications")]
pub async fn get_shop_notifications(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<Json<ShopNotifications>, ApiError> {
    let slug = slug.into_inner();
    let user = person(&caller, &slug)?;
    let answer = db::run(&state.pool, move |conn| {
        let shop = caller.shop(conn, &slug)?;
        shop_notifications(conn, shop.id, user.id)
    })
    .await?;
    Ok(Json(answer))
}

/// Changes a merchant's e-mail settings for a shop.
///
/// Changes the calling merchant's e-mails for this shop, and the shop's daily-summary time
/// (one per shop: every merchant of the shop sees the change). The shop's merchants and the
/// association's admins, signed in (not an API key).
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = UpdateShopNotifications,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller's e-mails for the shop as they are now", body = ShopNotifications),
        (status = 400, description = "Unknown fields, or a time that is not `HH:MM` (`errors` names `summary_time`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such shop, or the caller does not run it (API keys included)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/shops/{slug}/notifications")]
pub async fn update_shop_notifications(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<UpdateShopNotifications>,
) -> Result<Json<ShopNotifications>, ApiError> {
    let slug = slug.into_inner();
    let user = person(&caller, &slug)?;
    let changes = body.into_inner();
    if let Some(time) = &changes.summary_time {
        let valid = time.len() == 5
            && chrono::NaiveTime::parse_from_str(time, "%H:%M").is_ok()
            && time.as_bytes()[2] == b':';
        if !valid {
            return Err(ApiError::invalid(
                "summary_time",
                "a time HH:MM, from 00:00 to 23:59",
            ));
        }
    }
    let answer = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let shop = caller.shop(conn, &slug)?;
            notifications::set_merchant_choices(
                conn,
                shop.id,
                user.id,
                changes.new_order,
                changes.daily_summary,
            )?;
            if let Some(time) = &changes.summary_time {
                notifications::set_summary_time(conn, shop.id, time)?;
            }
            shop_notifications(conn, shop.id, user.id)
        })
    })
    .await?;
    Ok(Json(answer))
}

/// Turns one kind of e-mail off.
///
/// One-click unsubscribe (RFC 8058): the `List-Unsubscribe` link of a daily summary, a
/// delivery reminder or a round warning, POSTed by the mail client (body
/// `List-Unsubscribe=One-Click`, which is not needed) or by the web page `/desabonnement`.
/// No sign-in: the signed token in the link says who and what. Turns that message off for
/// the person it was sent to; doing it twice changes nothing more.
#[utoipa::path(
    tag = "accounts",
    params(UnsubscribeQuery),
    responses(
        (status = 200, description = "The message is turned off", body = Unsubscribed),
        (status = 400, description = "No token, or not a token's shape", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A token this server did not sign (`errors` names `token`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/unsubscribe")]
pub async fn unsubscribe(
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<UnsubscribeQuery>,
) -> Result<Json<Unsubscribed>, ApiError> {
    let token = query.token;
    let shaped = (1..=700).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.');
    if !shaped {
        return Err(ApiError::invalid("token", "not an unsubscribe token"));
    }
    let subscription = state
        .notices
        .unsubscribe_key()
        .read(&token)
        .ok_or_else(|| {
            ApiError::refused(
                "token",
                "this link is not one of ours, or it was cut: copy the whole link of the e-mail",
            )
        })?;
    let topic = subscription.topic().to_owned();
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            match &subscription {
                Subscription::DeliveryReminder { address } => {
                    notifications::set_wanted(conn, address, DELIVERY_REMINDER, false, now())?
                }
                Subscription::RoundWarning { address } => {
                    notifications::set_wanted(conn, address, ROUND_WARNING, false, now())?
                }
                Subscription::DailySummary { shop_id, user_id } => {
                    notifications::set_merchant_choices(
                        conn,
                        *shop_id,
                        *user_id,
                        None,
                        Some(false),
                    )?
                }
            }
            Ok(())
        })
    })
    .await?;
    Ok(Json(Unsubscribed { topic }))
}
