//! The association's mailbox: every e-mail the server wrote, newest first, with where it is
//! (pending, held without a mail server, sent, failed), and each one whole as it is or would
//! be sent. Admins only: anyone else, API keys included, gets 404 as if the route did not
//! exist.

use actix_web::get;
use actix_web::web::{self, Json, Path};
use shared::Page;
use shared::error::Problem;
use shared::mail::{MailMessage, MailQuery, MailSummary};

use crate::access::Caller;
use crate::db::{self, models::outbox};
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

/// The mailbox: e-mails newest first, optionally in one state.
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

/// One e-mail, whole: its headers, its text and its HTML.
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
