//! The association's printed directory of shops (issue 13): the admins read and change its
//! settings (the cover's text, the shops left out), download it as a PDF (an A5 booklet or
//! an A4 poster) or as CSV for a print shop's own layout, and publish it; anyone downloads
//! the last published edition at a stable address.
//!
//! Admins only under `/admin`: anonymous callers get 401, anyone else (a merchant, a
//! volunteer, a customer, an API key) 404, as if the route did not exist.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::web::{self, Json};
use actix_web::{HttpResponse, get, post, put};
use shared::directory::{
    DirectoryEdition, DirectoryFormat, DirectoryQuery, DirectorySettings, DirectoryShop,
    MAX_COVER_CHARS, MAX_LEFT_OUT, UpdateDirectory,
};
use shared::error::Problem;

use crate::access::Caller;
use crate::db::models::directory::{self as model, DirectorySettingsRow};
use crate::db::models::shop::iso_time as iso_utc;
use crate::db::models::{marketplace, now, settings};
use crate::db::{self, DbConn, write_transaction};
use crate::directory_pdf;
use crate::domain::directory::{self as content, Directory, MarketplaceFacts, ShopFacts};
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::routes::shop_admin::paris_today;
use crate::startup::AppState;

/// Anyone but an admin is told the route does not exist.
fn admin(caller: &Caller) -> Result<(), ApiError> {
    if caller.is_admin() {
        Ok(())
    } else {
        Err(ApiError::NotFound("not found".into()))
    }
}

/// The public copy's address.
fn public_path(format: DirectoryFormat) -> String {
    format!("/api/v1/directory.pdf?format={}", format.as_str())
}

/// The marketplace's facts the cover needs.
fn marketplace_facts(conn: &mut DbConn, public_url: &str) -> Result<MarketplaceFacts, ApiError> {
    let market = marketplace::load(conn)?;
    Ok(MarketplaceFacts {
        name: market.name,
        town: market.town,
        phone: market.contact_phone,
        public_url: public_url.trim_end_matches('/').to_owned(),
    })
}

/// The directory's content from the live data.
fn load_directory(conn: &mut DbConn, public_url: &str) -> Result<Directory, ApiError> {
    let market = marketplace_facts(conn, public_url)?;
    let rules = settings::delivery_rules(conn)?;
    let chosen = model::load_settings(conn)?;
    let shops = model::active_shops(conn)?
        .into_iter()
        .map(|listed| {
            let shop = listed.shop;
            ShopFacts {
                kind: shop.kind(),
                opening_hours: shop.opening_hours(),
                slug: shop.slug,
                name: shop.name,
                description: shop.description,
                address: shop.address,
                postcode: shop.postcode,
                commune: shop.commune,
                phone: shop.phone,
                offers_pickup: shop.offers_pickup,
                offers_delivery: shop.offers_delivery,
                delivers_on_food_days: shop.delivers_on_food_days,
                category: listed.category,
            }
        })
        .collect();
    Ok(content::build(
        &market,
        &rules,
        &chosen.cover_text,
        shops,
        &chosen.left_out,
        paris_today(),
    ))
}

/// Reads the live data, then typesets it off the connection (typesetting takes a while and
/// needs no database).
async fn render(state: &AppState, format: DirectoryFormat) -> Result<Vec<u8>, ApiError> {
    let public_url = state.notices.base_url().to_owned();
    let directory = db::run(&state.pool, move |conn| load_directory(conn, &public_url)).await?;
    web::block(move || directory_pdf::render(&directory, format))
        .await?
        .map_err(ApiError::Internal)
}

fn pdf_response(pdf: Vec<u8>, format: DirectoryFormat) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/pdf"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("inline; filename=\"annuaire-{}.pdf\"", format.as_str()),
        ))
        .body(pdf)
}

/// The settings, every active shop and the published editions.
fn read_settings(conn: &mut DbConn, public_url: &str) -> Result<DirectorySettings, ApiError> {
    let market = marketplace_facts(conn, public_url)?;
    let chosen = model::load_settings(conn)?;
    let shops = model::active_shops(conn)?
        .into_iter()
        .map(|listed| DirectoryShop {
            left_out: chosen.left_out.contains(&listed.shop.slug),
            category: listed
                .category
                .map(|(name, _)| name)
                .unwrap_or_else(|| "Autres commerces".to_owned()),
            slug: listed.shop.slug,
            name: listed.shop.name,
        })
        .collect();
    let mut editions: Vec<DirectoryEdition> = model::editions(conn)?
        .into_iter()
        .filter_map(|(format, at, size_bytes)| {
            let format = DirectoryFormat::parse(&format)?;
            Some(DirectoryEdition {
                format,
                published_at: iso_utc(at),
                url: public_path(format),
                size_bytes,
            })
        })
        .collect();
    editions.sort_by_key(|edition| {
        DirectoryFormat::ALL
            .iter()
            .position(|format| *format == edition.format)
    });
    Ok(DirectorySettings {
        cover_text: chosen.cover_text,
        default_cover_text: content::default_cover_text(&market),
        left_out: chosen.left_out,
        shops,
        editions,
    })
}

/// The printed directory's settings.
///
/// The cover's text (empty: the default, given beside it), the shops left out, every
/// active shop with the heading it is listed under, and the published editions.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The directory's settings", body = DirectorySettings, example = json!({
            "cover_text": "Les commerçants d'Uzès vous livrent chez vous.",
            "default_cover_text": "Les commerçants, artisans et restaurants d'Uzès et de ses villages vous accueillent dans leurs boutiques et sur internet.",
            "left_out": ["la-cave-du-duche"],
            "shops": [
                {"slug": "epicerie-du-duche", "name": "Épicerie du Duché", "category": "Épicerie", "left_out": false},
                {"slug": "la-cave-du-duche", "name": "La Cave du Duché", "category": "Vins et spiritueux", "left_out": true}
            ],
            "editions": [{"format": "a5", "published_at": "2026-12-05T09:30:00Z", "url": "/api/v1/directory.pdf?format=a5", "size_bytes": 104211}]
        })),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/directory")]
pub async fn get_directory_settings(
    caller: Caller,
    state: web::Data<AppState>,
) -> Result<Json<DirectorySettings>, ApiError> {
    admin(&caller)?;
    let public_url = state.notices.base_url().to_owned();
    Ok(Json(
        db::run(&state.pool, move |conn| read_settings(conn, &public_url)).await?,
    ))
}

/// Changes the printed directory's settings.
///
/// Replaces the cover's text (at most 1,500 characters; empty: the default text) and the
/// list of shops left out (slugs of existing shops, each once, at most 500). A slug no shop
/// has is refused (422); the next download or publication applies the change.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    request_body = UpdateDirectory,
    responses(
        (status = 200, description = "The directory's settings after the change", body = DirectorySettings, example = json!({
            "cover_text": "Les commerçants d'Uzès vous livrent chez vous.",
            "default_cover_text": "Les commerçants, artisans et restaurants d'Uzès et de ses villages vous accueillent dans leurs boutiques et sur internet.",
            "left_out": ["la-cave-du-duche"],
            "shops": [
                {"slug": "epicerie-du-duche", "name": "Épicerie du Duché", "category": "Épicerie", "left_out": false},
                {"slug": "la-cave-du-duche", "name": "La Cave du Duché", "category": "Vins et spiritueux", "left_out": true}
            ],
            "editions": [{"format": "a5", "published_at": "2026-12-05T09:30:00Z", "url": "/api/v1/directory.pdf?format=a5", "size_bytes": 104211}]
        })),
        (status = 400, description = "Malformed settings", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A slug names no shop, or a shop is given twice", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/admin/directory")]
pub async fn update_directory_settings(
    caller: Caller,
    state: web::Data<AppState>,
    body: Json<UpdateDirectory>,
) -> Result<Json<DirectorySettings>, ApiError> {
    admin(&caller)?;
    let body = body.into_inner();
    if body.cover_text.chars().count() > MAX_COVER_CHARS {
        return Err(ApiError::invalid(
            "cover_text",
            format!("must be at most {MAX_COVER_CHARS} characters"),
        ));
    }
    if body.left_out.len() > MAX_LEFT_OUT {
        return Err(ApiError::invalid(
            "left_out",
            format!("must list at most {MAX_LEFT_OUT} shops"),
        ));
    }
    let mut left_out = body.left_out;
    left_out.sort();
    let count = left_out.len();
    left_out.dedup();
    if left_out.len() != count {
        return Err(ApiError::refused("left_out", "must list each shop once"));
    }
    let chosen = DirectorySettingsRow {
        cover_text: body.cover_text.trim().to_owned(),
        left_out,
    };
    let public_url = state.notices.base_url().to_owned();
    let settings = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let known = model::known_slugs(conn, &chosen.left_out)?;
            if let Some(unknown) = chosen.left_out.iter().find(|slug| !known.contains(slug)) {
                return Err(ApiError::refused(
                    "left_out",
                    format!("no shop has the slug '{unknown}'"),
                ));
            }
            model::save_settings(conn, &chosen, now())?;
            Ok(())
        })?;
        read_settings(conn, &public_url)
    })
    .await?;
    Ok(Json(settings))
}

/// The printed directory as a PDF, from the live data.
///
/// `format=a5` (the default): an A5 booklet, the cover then the shops by heading and an
/// alphabetical index, pages in reading order and their count a multiple of 4 for folding.
/// `format=a5_imposed`: the same booklet on A4 landscape sheets, two pages a side in
/// saddle-stitch order, to print double-sided (flip on the short edge), fold and staple.
/// `format=a4`: an A4 poster, the cover above the shops in two columns. Each shop has its
/// name, what it sells, address, phone, opening hours, delivery days and a QR code to its
/// page (`?src=flyer`); fonts are embedded; the same data gives the same bytes.
#[utoipa::path(
    tag = "administration",
    params(DirectoryQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The PDF", content_type = "application/pdf", body = Vec<u8>, example = json!("%PDF-1.7 …")),
        (status = 400, description = "Unknown format", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/directory.pdf")]
pub async fn get_directory_pdf(
    caller: Caller,
    state: web::Data<AppState>,
    query: ValidQuery<DirectoryQuery>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    let format = query.0.format.unwrap_or_default();
    Ok(pdf_response(render(&state, format).await?, format))
}

/// The directory's list as CSV, for a print shop's own layout: `;`-separated, UTF-8 with a
/// BOM, one line per shop in the directory's order.
fn directory_csv(directory: &Directory) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    writer.write_record([
        "Rubrique",
        "Commerce",
        "Ce qu'il vend",
        "Adresse",
        "Téléphone",
        "Horaires",
        "Livraison",
        "Page (QR code)",
    ])?;
    for entry in directory.entries() {
        writer.write_record([
            &entry.heading,
            &entry.name,
            &entry.sells,
            &entry.address,
            &entry.phone,
            &entry.hours,
            &entry.delivery,
            &entry.url,
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// The printed directory's list as CSV.
///
/// The same shops as the PDF, in its order, for a print shop's own layout: `;`-separated,
/// UTF-8 with a BOM; the heading, name, what it sells, address, phone, opening hours,
/// delivery and the address its QR code opens.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The CSV file", content_type = "text/csv", body = String, example = json!("Rubrique;Commerce;Ce qu'il vend;Adresse;Téléphone;Horaires;Livraison;Page (QR code)\r\n")),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/directory.csv")]
pub async fn get_directory_csv(
    caller: Caller,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    let public_url = state.notices.base_url().to_owned();
    let directory = db::run(&state.pool, move |conn| load_directory(conn, &public_url)).await?;
    let file = directory_csv(&directory).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((CONTENT_DISPOSITION, "attachment; filename=\"annuaire.csv\""))
        .body(file))
}

/// Publishes the printed directory.
///
/// Renders the directory in the format given (`a5` by default) from the live data and
/// stores it as the edition the public address serves, replacing the previous one.
#[utoipa::path(
    tag = "administration",
    params(DirectoryQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The published edition", body = DirectoryEdition, example = json!({
            "format": "a5", "published_at": "2026-12-05T09:30:00Z",
            "url": "/api/v1/directory.pdf?format=a5", "size_bytes": 182734
        })),
        (status = 400, description = "Unknown format", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/directory/publish")]
pub async fn publish_directory(
    caller: Caller,
    state: web::Data<AppState>,
    query: ValidQuery<DirectoryQuery>,
) -> Result<Json<DirectoryEdition>, ApiError> {
    admin(&caller)?;
    let format = query.0.format.unwrap_or_default();
    let pdf = render(&state, format).await?;
    let size_bytes = i64::try_from(pdf.len()).unwrap_or(i64::MAX);
    let at = now();
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            Ok(model::store_edition(conn, format.as_str(), &pdf, at)?)
        })
    })
    .await?;
    Ok(Json(DirectoryEdition {
        format,
        published_at: iso_utc(at),
        url: public_path(format),
        size_bytes,
    }))
}

/// The last published printed directory.
///
/// Public, no sign-in: the edition the association last published in the format given
/// (`a5` by default), at a stable address to link from the town's website or print a QR
/// code of. 404 before the first publication.
#[utoipa::path(
    tag = "catalogue",
    params(DirectoryQuery),
    responses(
        (status = 200, description = "The PDF", content_type = "application/pdf", body = Vec<u8>, example = json!("%PDF-1.7 …")),
        (status = 400, description = "Unknown format", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not published yet", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/directory.pdf")]
pub async fn get_published_directory(
    state: web::Data<AppState>,
    query: ValidQuery<DirectoryQuery>,
) -> Result<HttpResponse, ApiError> {
    let format = query.0.format.unwrap_or_default();
    let pdf = db::run(&state.pool, move |conn| {
        Ok(model::edition(conn, format.as_str())?)
    })
    .await?
    .ok_or_else(|| ApiError::NotFound("the directory is not published yet".into()))?;
    let mut response = pdf_response(pdf, format);
    response.headers_mut().insert(
        CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("public, max-age=300"),
    );
    Ok(response)
}
