//! The association's mailbox: every e-mail the server wrote, newest first, with where it is
//! (pending, held without a mail server, sent, failed), and each one whole as it is or would
//! be sent; and the association's sender (name, address, reply-to). Admins only: anyone
//! else, API keys included, gets 404 as if the route did not exist.

use actix_web::web::{self, Json, Path};
use actix_web::{get, put};
use shared::Page;
use shared::error::Problem;
use shared::mail::{MailMessage, MailQuery, MailSummary};
use shared::notifications::{MailSettings, UpdateMailSettings};

use crate::access::Caller;
use crate::db::models::{delivery, notifications};
use crate::db::{self, models::outbox, write_transaction};
use crate::domain::email::parse_email;
use crate::domain::paging::Paging;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::mail::Email;
use crate::startup::AppState;

/// Anyone but an admin is told the route does not exist.
fn admin(caller: &Caller) -> Result<(), ApiError> {
    if caller.is_admin() {
        Ok(())
    } else {
        Err(ApiError::NotFound("not found".into()))
    }
}

/// The association's mailbox.
///
/// Every e-mail the server wrote (to shops, shoppers and admins), newest first, optionally
/// only those in one state (pending, held, sent, failed). Admins only; anyone else gets
/// 404. Changes nothing.
#[utoipa::path(
    tag = "mail",
    params(MailQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of e-mails", body = Page<MailSummary>),
        (status = 400, description = "A bad `state`, `page` or `per_page`, or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/mail")]
pub async fn list_mail(
    caller: Caller,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<MailQuery>,
) -> Result<Json<Page<MailSummary>>, ApiError> {
    admin(&caller)?;
    let mut errors = Vec::new();
    let paging = Paging::parse(query.page, query.per_page, &mut errors);
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let page = db::run(&state.pool, move |conn| {
        let (rows, total) = outbox::list_mail(conn, query.state, paging)?;
        Ok(paging.page(
            rows.iter().map(|row| row.summary()).collect(),
            u64::try_from(total).unwrap_or(0),
        ))
    })
    .await?;
    Ok(Json(page))
}

/// One e-mail, whole.
///
/// An e-mail the server wrote: its headers, its state, its text and its HTML. Admins only;
/// anyone else gets 404. Changes nothing.
#[utoipa::path(
    tag = "mail",
    params(("id" = i64, Path, description = "The e-mail's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The e-mail", body = MailMessage),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such e-mail, or not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/mail/{id}")]
pub async fn get_mail(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<MailMessage>, ApiError> {
    admin(&caller)?;
    let id = id.into_inner();
    let row = db::run(&state.pool, move |conn| Ok(outbox::find_mail(conn, id)?))
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no e-mail {id}")))?;
    let email: Email = serde_json::from_str(&row.payload).map_err(anyhow::Error::from)?;
    Ok(Json(MailMessage {
        summary: row.summary(),
        headers: email.headers(&row.message_id),
        text: email.text,
        html: email.html,
    }))
}

/// The association's sender as the e-mails show it now.
async fn load_settings(state: &AppState) -> Result<MailSettings, ApiError> {
    let notices = std::sync::Arc::clone(&state.notices);
    db::run(&state.pool, move |conn| {
        let sender = notices.sender(conn)?;
        Ok(MailSettings {
            sender_name: sender.name,
            sender_address: sender.address,
            reply_to: sender.reply_to.unwrap_or_default(),
        })
    })
    .await
}

/// The association's sender.
///
/// Who the e-mails come from, and where replies go. Admins only; anyone else gets 404.
/// Changes nothing.
#[utoipa::path(
    tag = "mail",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The association's sender", body = MailSettings),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/mail/settings")]
pub async fn get_mail_settings(
    caller: Caller,
    state: web::Data<AppState>,
) -> Result<Json<MailSettings>, ApiError> {
    admin(&caller)?;
    Ok(Json(load_settings(&state).await?))
}

/// Changes the association's sender.
///
/// The next e-mails written carry it; those already written keep theirs. Replies to a
/// shopper's order message still go to the shop's address when the shop has one. Admins
/// only; anyone else gets 404.
#[utoipa::path(
    tag = "mail",
    request_body = UpdateMailSettings,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The association's sender as it is now", body = MailSettings),
        (status = 400, description = "Unknown fields, an empty or too long name, or not an e-mail address (`errors` names each field)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/admin/mail/settings")]
pub async fn update_mail_settings(
    caller: Caller,
    state: web::Data<AppState>,
    body: Json<UpdateMailSettings>,
) -> Result<Json<MailSettings>, ApiError> {
    admin(&caller)?;
    let changes = body.into_inner();
    let mut errors = Vec::new();
    let mut rows: Vec<(&'static str, String)> = Vec::new();
    if let Some(name) = &changes.sender_name {
        let name = name.trim();
        if name.is_empty()
            || changes
                .sender_name
                .as_deref()
                .map_or(0, |n| n.chars().count())
                > 80
        {
            errors.push(shared::error::FieldError {
                field: "sender_name".into(),
                message: "1 to 80 characters".into(),
            });
        } else {
            rows.push((notifications::SENDER_NAME, name.to_owned()));
        }
    }
    if let Some(address) = &changes.sender_address {
        match parse_email(address) {
            Some(address) => rows.push((notifications::SENDER_ADDRESS, address)),
            None => errors.push(shared::error::FieldError {
                field: "sender_address".into(),
                message: "an e-mail address".into(),
            }),
        }
    }
    if let Some(reply_to) = &changes.reply_to {
        if reply_to.trim().is_empty() {
            rows.push((notifications::REPLY_TO, String::new()));
        } else {
            match parse_email(reply_to) {
                Some(address) => rows.push((notifications::REPLY_TO, address)),
                None => errors.push(shared::error::FieldError {
                    field: "reply_to".into(),
                    message: "an e-mail address, or empty for none".into(),
                }),
            }
        }
    }
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            for (name, value) in &rows {
                delivery::set(conn, name, value)?;
            }
            Ok(())
        })
    })
    .await?;
    Ok(Json(load_settings(&state).await?))
}
