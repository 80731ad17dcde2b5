//! The marketplace's settings: the public answer the web app reads on every page load, and
//! the admins' reading and changing of them (name, town, texts, contact, legal notices,
//! palette, order-number prefix, logo). Admins only: anyone else gets 404, anonymous 401.

use actix_web::web::{self, Json};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, put};
use shared::error::{FieldError, Problem};
use shared::marketplace::{AdminMarketplace, LogoQuery, Marketplace, Palette, UpdateMarketplace};
use shared::shop_products::UploadedFile;

use crate::access::Caller;
use crate::db::models::marketplace::{self, MarketplaceChanges};
use crate::db::models::now;
use crate::db::{self, write_transaction};
use crate::domain::email::parse_email;
use crate::domain::phone::FrenchPhone;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::routes::pictures::jpeg_response;
use crate::routes::shop_products::read_picture;
use crate::startup::AppState;

/// A URL naming the logo's version never changes: keep it for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The marketplace's settings.
///
/// The marketplace as the web app shows it: name, town, texts in both languages (English
/// absent where the association wrote none), contact, legal notices, palette, logo,
/// whether the first administrator is still to be created, and whether this server counts
/// visits (not with `--no-visit-count`). Public; read it on every page load; changes
/// nothing.
#[utoipa::path(
    tag = "marketplace",
    responses(
        (status = 200, description = "The marketplace's settings", body = Marketplace),
    )
)]
#[get("/marketplace")]
pub async fn get_marketplace(state: web::Data<AppState>) -> Result<Json<Marketplace>, ApiError> {
    let counts_visits = state.visits.enabled();
    let answer = db::run(&state.pool, move |conn| {
        Ok(marketplace::public(conn, counts_visits)?)
    })
    .await?;
    Ok(Json(answer))
}

/// The association's logo.
///
/// A JPEG of at most 240 px a side; 404 when the association has none. Public; changes
/// nothing.
#[utoipa::path(
    tag = "marketplace",
    params(LogoQuery),
    responses(
        (status = 200, description = "The logo", content_type = "image/jpeg"),
        (status = 400, description = "`v` is not a whole number", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The association has no logo", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/marketplace/logo")]
pub async fn get_marketplace_logo(
    req: HttpRequest,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<LogoQuery>,
) -> Result<HttpResponse, ApiError> {
    let logo = db::run(&state.pool, |conn| Ok(marketplace::logo(conn)?)).await?;
    let (bytes, version) =
        logo.ok_or_else(|| ApiError::NotFound("the association has no logo".into()))?;
    let asked = query.v == Some(version);
    let cache = if asked { IMMUTABLE } else { "public, no-cache" };
    Ok(jpeg_response(
        &req,
        bytes,
        format!("\"marketplace-logo-{version}\""),
        cache,
    ))
}

/// The marketplace's settings, for the association.
///
/// The settings as admins read them, with the first start's progress (settings saved,
/// categories, delivery communes, shops). Admins only; anyone else gets 404. Changes
/// nothing.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The settings and the setup's progress", body = AdminMarketplace),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/marketplace")]
pub async fn get_admin_marketplace(
    caller: Caller,
    state: web::Data<AppState>,
) -> Result<Json<AdminMarketplace>, ApiError> {
    admin(&caller)?;
    let counts_visits = state.visits.enabled();
    let answer = db::run(&state.pool, move |conn| load_admin(conn, counts_visits)).await?;
    Ok(Json(answer))
}

fn load_admin(
    conn: &mut crate::db::DbConn,
    counts_visits: bool,
) -> Result<AdminMarketplace, ApiError> {
    Ok(AdminMarketplace {
        marketplace: marketplace::public(conn, counts_visits)?,
        setup: marketplace::setup_progress(conn)?,
    })
}

/// Changes the marketplace's settings.
///
/// Only the fields given change. French texts cannot be emptied; an empty English text
/// means "the French one". A new order-number prefix applies to orders placed from now on;
/// existing orders keep their numbers. Admins only; anyone else gets 404. The web app shows
/// the change on its next page load.
#[utoipa::path(
    tag = "administration",
    request_body = UpdateMarketplace,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The settings as they are now", body = AdminMarketplace),
        (status = 400, description = "A field is invalid (each one named) or unknown",
            body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/admin/marketplace")]
pub async fn update_marketplace(
    caller: Caller,
    state: web::Data<AppState>,
    body: Json<UpdateMarketplace>,
) -> Result<Json<AdminMarketplace>, ApiError> {
    admin(&caller)?;
    let changes = parse(body.into_inner())?;
    let counts_visits = state.visits.enabled();
    let answer = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            marketplace::update(conn, &changes, now())?;
            load_admin(conn, counts_visits)
        })
    })
    .await?;
    Ok(Json(answer))
}

/// Uploads the association's logo.
///
/// The body is the JPEG, PNG or WebP file itself (at most 5 MB), checked by its content and
/// stored as a JPEG of at most 240 px a side; it replaces any earlier logo and its URL
/// changes. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    request_body(description = "The logo file, at most 5 MB",
        content((UploadedFile = "image/jpeg"), (UploadedFile = "image/png"), (UploadedFile = "image/webp"))),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The settings with the new logo's URL", body = Marketplace),
        (status = 400, description = "The body is not a readable JPEG, PNG or WebP picture",
            body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than 5 MB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Content-Type is not image/jpeg, image/png or image/webp",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/admin/marketplace/logo")]
pub async fn put_marketplace_logo(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    payload: web::Payload,
) -> Result<Json<Marketplace>, ApiError> {
    admin(&caller)?;
    let resized = read_picture(&req, payload).await?;
    let counts_visits = state.visits.enabled();
    let answer = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            marketplace::store_logo(conn, &resized, now())?;
            Ok(marketplace::public(conn, counts_visits)?)
        })
    })
    .await?;
    Ok(Json(answer))
}

/// Removes the association's logo.
///
/// The marketplace has no logo until a new one is uploaded. Admins only; anyone else gets
/// 404.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "The association has no logo now"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/admin/marketplace/logo")]
pub async fn delete_marketplace_logo(
    caller: Caller,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    db::run(&state.pool, |conn| {
        Ok(marketplace::delete_logo(conn, now())?)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Anyone but an admin is told the settings do not exist.
fn admin(caller: &Caller) -> Result<(), ApiError> {
    if caller.is_admin() {
        Ok(())
    } else {
        Err(ApiError::NotFound("not found".into()))
    }
}

// ---- Parsing at the edge -------------------------------------------------------------

/// Collects field errors while a change is checked.
#[derive(Default)]
struct Errors(Vec<FieldError>);

impl Errors {
    fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// A trimmed text of `min..=max` characters (control characters other than tab and
    /// line breaks are refused at the edge, `text_guard`, as for every text).
    fn text(
        &mut self,
        field: &str,
        value: Option<String>,
        min: usize,
        max: usize,
    ) -> Option<String> {
        let value = value?.trim().to_owned();
        let length = value.chars().count();
        if !(min..=max).contains(&length) {
            if min > 0 && length == 0 {
                self.add(field, format!("is required (at most {max} characters)"));
            } else {
                self.add(field, format!("must be {min} to {max} characters"));
            }
        }
        Some(value)
    }
}

/// Checks a change into the columns it writes, or names every bad field.
fn parse(body: UpdateMarketplace) -> Result<MarketplaceChanges, ApiError> {
    let mut e = Errors::default();
    let contact_phone = body.contact_phone.map(|phone| {
        let phone = phone.trim().to_owned();
        if phone.is_empty() {
            return phone;
        }
        FrenchPhone::parse(&phone)
            .map(|phone| phone.display())
            .unwrap_or_else(|message| {
                e.add("contact_phone", message);
                phone
            })
    });
    let contact_email = body.contact_email.map(|email| {
        if email.trim().is_empty() {
            return String::new();
        }
        parse_email(&email).unwrap_or_else(|| {
            e.add(
                "contact_email",
                "must be an e-mail address such as contact@example.fr",
            );
            email.trim().to_owned()
        })
    });
    let palette = body.palette.map(|name| {
        if Palette::parse(name.trim()).is_none() {
            let names: Vec<&str> = Palette::ALL.iter().map(|p| p.as_str()).collect();
            e.add("palette", format!("must be one of {}", names.join(", ")));
        }
        name.trim().to_owned()
    });
    let order_number_prefix = body.order_number_prefix.map(|prefix| {
        let prefix = prefix.trim().to_ascii_uppercase();
        if !(1..=6).contains(&prefix.len()) || !prefix.bytes().all(|b| b.is_ascii_alphanumeric()) {
            e.add(
                "order_number_prefix",
                "must be 1 to 6 letters or digits, such as CMD",
            );
        }
        prefix
    });
    let changes = MarketplaceChanges {
        name: e.text("name", body.name, 1, 80),
        town: e.text("town", body.town, 1, 80),
        tagline_fr: e.text("tagline_fr", body.tagline_fr, 1, 120),
        tagline_en: e.text("tagline_en", body.tagline_en, 0, 120),
        intro_fr: e.text("intro_fr", body.intro_fr, 1, 1500),
        intro_en: e.text("intro_en", body.intro_en, 0, 1500),
        contact_phone,
        contact_email,
        contact_address: e.text("contact_address", body.contact_address, 0, 300),
        publisher_name: e.text("publisher_name", body.publisher_name, 0, 200),
        publisher_address: e.text("publisher_address", body.publisher_address, 0, 300),
        publication_director: e.text("publication_director", body.publication_director, 0, 200),
        host_name: e.text("host_name", body.host_name, 0, 200),
        host_address: e.text("host_address", body.host_address, 0, 300),
        host_phone: e.text("host_phone", body.host_phone, 0, 40),
        palette,
        order_number_prefix,
    };
    match ApiError::from_field_errors(e.0) {
        Some(err) => Err(err),
        None => Ok(changes),
    }
}
