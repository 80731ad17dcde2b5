//! A shop's back-office for its products: the list with every status, creation, edits and
//! quick stock edits, publishing and archiving, pictures and the shop's logo, and the CSV
//! import and export. Every route takes a [`Caller`]: a merchant of the shop, an admin, or
//! an API key of the shop; anyone else gets 404 (401 without credentials).

use std::collections::{HashMap, HashSet};

use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_MATCH};
use actix_web::web::{self, Bytes, Json, Path};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, put};
use diesel::{OptionalExtension, QueryDsl, RunQueryDsl, SelectableHelper};
use shared::Page;
use shared::error::{FieldError, Problem};
use shared::legal::WithdrawalException;
use shared::shop_products::{
    CreateProduct, ImportQuery, ImportReport, ProductStatus, ShopLogo, ShopProduct,
    ShopProductQuery, UpdateProduct, UploadedFile,
};

use crate::access::{Caller, PENDING_SHOP_PRODUCTS};
use crate::db::models::picture;
use crate::db::models::product::{self, ShopProductRow};
use crate::db::models::shop::ShopRow;
use crate::db::models::variant::{self, VariantRow};
use crate::db::schema::shops;
use crate::db::{self, DbConn, write_transaction};
use crate::domain::paging::Paging;
use crate::domain::product::{self as rules, ProductValues, Transition};
use crate::domain::product_csv::{self, CurrentProduct, Write};
use crate::domain::search::query_terms;
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::images::{self, MAX_UPLOAD_BYTES};
use crate::routes::shops::MAX_QUERY_LENGTH;
use crate::startup::AppState;

/// Largest accepted CSV file.
const MAX_CSV_BYTES: usize = 5 * 1024 * 1024;
/// Content types a CSV upload may declare (spreadsheets and browsers disagree).
const CSV_CONTENT_TYPES: [&str; 4] = [
    "text/csv",
    "application/csv",
    "text/plain",
    "application/vnd.ms-excel",
];

/// Notes in the shop's history a product change made for the shop by someone not on its
/// team (an assigned volunteer, an admin): "Lucie Vidal a modifié « Confiture » pour
/// Épicerie du Duché". Call in the change's transaction.
pub(crate) fn note_for_shop(
    conn: &mut DbConn,
    caller: &Caller,
    shop: &ShopRow,
    what: &str,
) -> Result<(), ApiError> {
    if let Some(name) = caller.helper_name(conn, shop.id)? {
        let note = format!("{name} {what} pour {}", shop.name);
        crate::db::models::shop::record_event(
            conn,
            shop.id,
            &caller.actor(),
            (None, None),
            &note,
            crate::db::models::now(),
        )?;
    }
    Ok(())
}

fn no_such_product() -> ApiError {
    ApiError::NotFound("there is no product of yours with this id".into())
}

/// A product whatever its status, with its shop, if the caller may run that shop.
pub(crate) fn managed_product(
    conn: &mut DbConn,
    caller: &Caller,
    id: i64,
) -> Result<(ShopProductRow, ShopRow), ApiError> {
    let row = product::find_managed(conn, id)
        .optional()?
        .ok_or_else(no_such_product)?;
    if !caller.may_manage_products(conn, row.shop_id)? {
        return Err(no_such_product());
    }
    let shop = shops::table
        .find(row.shop_id)
        .select(ShopRow::as_select())
        .first(conn)?;
    Ok((row, shop))
}

/// The declared content type's essence, lower case, without parameters.
fn content_type(req: &HttpRequest) -> String {
    req.headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The whole body, refused with 413 beyond `limit` bytes (announced or sent).
async fn read_body(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
) -> Result<Bytes, ApiError> {
    let too_large = || {
        ApiError::PayloadTooLarge(format!(
            "the file is larger than {} MB",
            limit / (1024 * 1024)
        ))
    };
    let announced = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|length| length > limit) {
        return Err(too_large());
    }
    match payload.to_bytes_limited(limit).await {
        Ok(Ok(body)) => Ok(body),
        Err(_) => Err(too_large()),
        Ok(Err(err)) => Err(ApiError::MalformedBody(format!(
            "the body cannot be read: {err}"
        ))),
    }
}

/// Checks a new product's fields; each bad one is named.
fn parse_create(body: CreateProduct) -> Result<ProductValues, ApiError> {
    let mut errors = Vec::new();
    let mut check = |field: &str, result: Result<(), String>| {
        if let Err(message) = result {
            errors.push(FieldError {
                field: field.into(),
                message,
            });
        }
    };
    let mut values = ProductValues {
        name: String::new(),
        description: String::new(),
        price_cents: 0,
        vat_rate_bp: 0,
        stock: None,
        category: body.category.trim().to_owned(),
        status: ProductStatus::Draft,
        keep_cold: false,
        withdrawal_exception: WithdrawalException::None,
        unit_price_exempt: false,
    };
    check("name", rules::name(&body.name).map(|v| values.name = v));
    check(
        "description",
        rules::description(&body.description).map(|v| values.description = v),
    );
    check(
        "price_cents",
        rules::price_cents(body.price_cents).map(|v| values.price_cents = v),
    );
    check(
        "vat_rate",
        rules::vat_rate_bp(body.vat_rate).map(|v| values.vat_rate_bp = v),
    );
    check("stock", rules::stock(body.stock).map(|v| values.stock = v));
    if values.category.is_empty() {
        check("category", Err("is required: a category slug".into()));
    }
    ApiError::from_field_errors(errors).map_or(Ok(values), Err)
}

/// Applies the present fields of a patch to a product's values; each bad field is named.
fn apply_patch(values: &mut ProductValues, patch: UpdateProduct) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    let mut check = |field: &str, result: Result<(), String>| {
        if let Err(message) = result {
            errors.push(FieldError {
                field: field.into(),
                message,
            });
        }
    };
    if let Some(name) = patch.name {
        check("name", rules::name(&name).map(|v| values.name = v));
    }
    if let Some(description) = patch.description {
        check(
            "description",
            rules::description(&description).map(|v| values.description = v),
        );
    }
    if let Some(price) = patch.price_cents {
        check(
            "price_cents",
            rules::price_cents(price).map(|v| values.price_cents = v),
        );
    }
    if let Some(rate) = patch.vat_rate {
        check(
            "vat_rate",
            rules::vat_rate_bp(rate).map(|v| values.vat_rate_bp = v),
        );
    }
    if let Some(stock) = patch.stock {
        check("stock", rules::stock(stock).map(|v| values.stock = v));
    }
    if let Some(category) = patch.category {
        let category = category.trim().to_owned();
        if category.is_empty() {
            check("category", Err("must be a category slug".into()));
        }
        values.category = category;
    }
    ApiError::from_field_errors(errors).map_or(Ok(()), Err)
}

fn check_vat_for_shop(rate_bp: i32, shop: &ShopRow) -> Result<(), ApiError> {
    rules::vat_rate_for_shop(rate_bp, shop.vat_exempt)
        .map(drop)
        .map_err(|message| ApiError::refused("vat_rate", message))
}

/// Lists a shop's products, for the people who run it.
///
/// All of them (drafts, on sale, archived) with their exact stock, by name. The shop's
/// merchants, the association's admins, the volunteers assigned to it while it consents,
/// and the shop's API keys with `catalogue:read`; a product of a shop the caller may not
/// manage answers 404. Changes nothing.
#[utoipa::path(
    tag = "back-office",
    params(("slug" = String, Path, description = "The shop's slug"), ShopProductQuery),
    security(("bearer" = []), ("api_key" = ["catalogue:read"])),
    responses(
        (status = 200, description = "One page of the shop's products", body = Page<ShopProduct>),
        (status = 400, description = "A parameter is invalid; `errors` names it",
            body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop of yours has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/products")]
pub async fn list_shop_products(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    ValidQuery(query): ValidQuery<ShopProductQuery>,
) -> Result<Json<Page<ShopProduct>>, ApiError> {
    let mut errors = Vec::new();
    let status = match query.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(value) => {
            let status = ProductStatus::parse(value);
            if status.is_none() {
                errors.push(FieldError {
                    field: "status".into(),
                    message: "must be draft, active or archived".into(),
                });
            }
            status
        }
    };
    let q = query.q.as_deref().unwrap_or_default();
    if q.chars().count() > MAX_QUERY_LENGTH {
        errors.push(FieldError {
            field: "q".into(),
            message: format!("must be at most {MAX_QUERY_LENGTH} characters"),
        });
    }
    let terms = query_terms(q);
    let paging = Paging::parse(query.page, query.per_page, &mut errors);
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let slug = slug.into_inner();
    let page = db::run(&state.pool, move |conn| {
        let shop = caller.products_shop(conn, &slug)?;
        let (rows, total) = product::list_for_shop(conn, shop.id, status, &terms, paging)?;
        Ok(paging.page(product::managed_views(conn, rows)?, total))
    })
    .await?;
    Ok(Json(page))
}

/// Creates a product.
///
/// A product of the shop, as a draft: publish it to put it on sale. A shop not yet approved
/// may hold a few drafts only. The shop's merchants, the association's admins, the
/// volunteers assigned to it while it consents, and the shop's API keys with
/// `products:write`; a product of a shop the caller may not manage answers 404. The shop's
/// webhooks hear `product.created`.
#[utoipa::path(
    tag = "back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = CreateProduct,
    security(("bearer" = []), ("api_key" = ["products:write"])),
    responses(
        (status = 201, description = "The new product, a draft", body = ShopProduct),
        (status = 400, description = "A field is invalid, or unknown (`price`, `status`, `shop`...)",
            body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop of yours has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet (a pending shop keeps its profile and at most 20 draft products)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed` (`errors` names the field): no category has this slug, or a VAT rate the shop cannot charge (0 for a shop that charges VAT, any other for an exempt one)",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/shops/{slug}/products")]
pub async fn create_product(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<CreateProduct>,
) -> Result<HttpResponse, ApiError> {
    let values = parse_create(body.into_inner())?;
    let slug = slug.into_inner();
    let created = db::run(&state.pool, move |conn| {
        let id = write_transaction(conn, |conn| {
            let shop = caller.products_shop(conn, &slug)?;
            check_vat_for_shop(values.vat_rate_bp, &shop)?;
            if product::count_of_shop(conn, shop.id)? >= PENDING_SHOP_PRODUCTS {
                caller.require_approved(&shop)?;
            }
            let id = product::create(conn, &shop, &values, crate::db::models::now())?;
            note_for_shop(
                conn,
                &caller,
                &shop,
                &format!("a ajouté « {} »", values.name),
            )?;
            let created = product::find_managed(conn, id)?;
            crate::webhooks::events::product_created(conn, &created)?;
            Ok(id)
        })?;
        let row = product::find_managed(conn, id)?;
        Ok(product::managed_view(conn, row)?)
    })
    .await?;
    Ok(answer(StatusCode::CREATED, created))
}

/// The back-office's answer with a product: its JSON and its version as `ETag`.
pub(crate) fn answer(status: StatusCode, product: ShopProduct) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((ETAG, etag(product.version)))
        .json(product)
}

/// A product's version as an entity tag: `"12"`.
fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The versions an `If-Match` header accepts; `None` without the header or for `*`. Each
/// is an entity tag (`"12"`, `W/"12"`) or the bare version (`12`).
fn if_match(req: &HttpRequest) -> Result<Option<Vec<i64>>, ApiError> {
    let Some(value) = req.headers().get(IF_MATCH) else {
        return Ok(None);
    };
    let bad = || {
        ApiError::invalid(
            "If-Match",
            "must be the product's ETag as answered, such as \"12\"",
        )
    };
    let value = value.to_str().map_err(|_| bad())?.trim();
    if value == "*" {
        return Ok(None);
    }
    value
        .split(',')
        .map(|tag| {
            let tag = tag.trim();
            let tag = tag.strip_prefix("W/").unwrap_or(tag);
            let version = tag
                .strip_prefix('"')
                .and_then(|t| t.strip_suffix('"'))
                .unwrap_or(tag);
            Some(version)
                .filter(|v| (1..=18).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|v| v.parse::<i64>().ok())
                .ok_or_else(bad)
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// The stock delta of a patch, checked; `stock` and `stock_delta` do not go together.
fn stock_delta(patch: &UpdateProduct) -> Result<Option<i32>, ApiError> {
    let Some(delta) = patch.stock_delta else {
        return Ok(None);
    };
    if !(-rules::STOCK_MAX..=rules::STOCK_MAX).contains(&delta) {
        return Err(ApiError::invalid(
            "stock_delta",
            format!("must be a whole number from -{0} to {0}", rules::STOCK_MAX),
        ));
    }
    // Each is well-formed; together they contradict each other (422).
    if patch.stock.is_some() {
        return Err(ApiError::refused(
            "stock_delta",
            "give either stock (the new count) or stock_delta (what to add), not both",
        ));
    }
    Ok(i32::try_from(delta).ok())
}

/// Changes a product.
///
/// Changes some of a product's fields; absent fields stay as they are, and only the fields
/// that change are written. `{"stock": 5}` is the quick stock edit; `{"stock": null}` stops
/// counting the stock; `{"stock_delta": -2}` takes two from the stock as it is then. The
/// shop's merchants, the association's admins, the volunteers assigned to it while it
/// consents, and the shop's API keys with `products:write`; a product of a shop the caller
/// may not manage answers 404. When the price, stock or status changed, the shop's webhooks
/// hear `product.updated`.
///
/// Send `If-Match` with the product's `ETag` (or `version`) as you read it: if the product
/// changed since (a sale, another edit), nothing changes and the answer is 409
/// `product_changed`, its `detail` naming the stock now. Without `If-Match` a `stock` is an
/// inventory count that replaces whatever the stock is; the web app always sends it.
#[utoipa::path(
    tag = "back-office",
    params(
        ("id" = i64, Path, description = "The product's id"),
        ("If-Match" = Option<String>, Header,
            pattern = r#"^[ \t]*(\*|(W/)?("[0-9]{1,18}"|[0-9]{1,18})([ \t]*,[ \t]*(W/)?("[0-9]{1,18}"|[0-9]{1,18}))*)[ \t]*$"#,
            description = "The product's ETag as read, e.g. `\"12\"` (or its bare `version`, `12`), or several separated by commas: the change applies only if the product has not changed since"),
    ),
    request_body = UpdateProduct,
    security(("bearer" = []), ("api_key" = ["products:write"])),
    responses(
        (status = 200, description = "The product as it is now; its version in `ETag`", body = ShopProduct,
            headers(("ETag" = String, description = "The product's version, e.g. `\"13\"`"))),
        (status = 400, description = "A field or `If-Match` is invalid, or a field is unknown (`price`, `status`, `shop`...)",
            body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product of yours has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`product_changed`: the product changed since the `If-Match` version (nothing was changed; `detail` gives the stock now); `conflict`: a `stock_delta` on a stock that is not counted or that would go below 0",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed` (`errors` names the field): no category has this slug, a VAT rate the shop cannot charge, or both `stock` and `stock_delta`",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/products/{id}")]
pub async fn update_product(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<UpdateProduct>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = if_match(&req)?;
    let patch = body.into_inner();
    let delta = stock_delta(&patch)?;
    let row = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            // Under the row's lock, what is read is what the change applies to.
            product::lock(conn, &[id])?;
            let (row, shop) = managed_product(conn, &caller, id)?;
            if let Some(expected) = &expected
                && !expected.contains(&row.version)
            {
                return Err(ApiError::ProductChanged(changed_meanwhile(&row)));
            }
            let current = row.values();
            let mut values = current.clone();
            apply_patch(&mut values, patch.clone())?;
            if values.vat_rate_bp != current.vat_rate_bp {
                check_vat_for_shop(values.vat_rate_bp, &shop)?;
            }
            if let Some(keep_cold) = patch.keep_cold {
                values.keep_cold = keep_cold;
            }
            if let Some(exception) = patch.withdrawal_exception {
                values.withdrawal_exception = exception;
            }
            if let Some(exempt) = patch.unit_price_exempt {
                values.unit_price_exempt = exempt;
            }
            let now = crate::db::models::now();
            product::update(conn, &shop, id, &current, &values, now)?;
            if let Some(delta) = delta
                && !product::add_stock(conn, id, delta, now)?
            {
                return Err(ApiError::Conflict(match row.stock {
                    None => "the stock of this product is not counted: set a stock first".into(),
                    Some(stock) => format!(
                        "the stock is {stock}: adding {delta} would take it out of 0 to {}",
                        rules::STOCK_MAX
                    ),
                }));
            }
            note_for_shop(
                conn,
                &caller,
                &shop,
                &format!("a modifié « {} »", values.name),
            )?;
            let after = product::find_managed(conn, id)?;
            crate::webhooks::events::product_updated(conn, &row, &after)?;
            Ok(product::managed_view(conn, after)?)
        })
    })
    .await?;
    Ok(answer(StatusCode::OK, row))
}

/// What a 409 `product_changed` says: the stock as it is now, in words and as a number.
fn changed_meanwhile(row: &ShopProductRow) -> String {
    match row.stock {
        Some(stock) => format!(
            "the product changed since you read it (a sale or another edit): its stock is now {stock}; nothing was changed"
        ),
        None => "the product changed since you read it: its stock is not counted now; nothing was changed".into(),
    }
}

async fn change_status(
    caller: Caller,
    state: web::Data<AppState>,
    id: i64,
    transition: Transition,
) -> Result<HttpResponse, ApiError> {
    let row = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let (row, shop) = managed_product(conn, &caller, id)?;
            if matches!(transition, Transition::Publish) {
                caller.require_approved(&shop)?;
            }
            let status = transition.apply(row.status()).map_err(ApiError::Conflict)?;
            product::set_status(conn, id, status, crate::db::models::now())?;
            let what = match transition {
                Transition::Publish => "a mis en vente",
                Transition::Unpublish => "a retiré de la vente",
                Transition::Archive => "a archivé",
            };
            note_for_shop(conn, &caller, &shop, &format!("{what} « {} »", row.name))?;
            let after = product::find_managed(conn, id)?;
            if matches!(transition, Transition::Archive) {
                crate::webhooks::events::product_deleted(conn, &after)?;
            } else {
                crate::webhooks::events::product_updated(conn, &row, &after)?;
            }
            Ok(product::managed_view(conn, after)?)
        })
    })
    .await?;
    Ok(answer(StatusCode::OK, row))
}

/// Puts a product on sale.
///
/// A draft becomes `active`; when its shop is active, it shows in the catalogue at once.
/// The shop's merchants, the association's admins, the volunteers assigned to it while it
/// consents, and the shop's API keys with `products:write`; a product of a shop the caller
/// may not manage answers 404. The shop must be approved. The shop's webhooks hear
/// `product.updated`.
#[utoipa::path(
    tag = "back-office",
    params(("id" = i64, Path, description = "The product's id")),
    security(("bearer" = []), ("api_key" = ["products:write"])),
    responses(
        (status = 200, description = "The product, now `active`", body = ShopProduct),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product of yours has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already on sale, or archived (unpublish it first)",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet (a pending shop keeps its profile and at most 20 draft products)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/products/{id}/publish")]
pub async fn publish_product(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    change_status(caller, state, id.into_inner(), Transition::Publish).await
}

/// Takes a product off sale.
///
/// An active product, or an archived one, becomes a draft: not shown to shoppers, kept for
/// past orders. The shop's merchants, the association's admins, the volunteers assigned to
/// it while it consents, and the shop's API keys with `products:write`; a product of a shop
/// the caller may not manage answers 404. The shop's webhooks hear `product.updated`.
#[utoipa::path(
    tag = "back-office",
    params(("id" = i64, Path, description = "The product's id")),
    security(("bearer" = []), ("api_key" = ["products:write"])),
    responses(
        (status = 200, description = "The product, now a `draft`", body = ShopProduct),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product of yours has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already a draft", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/products/{id}/unpublish")]
pub async fn unpublish_product(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    change_status(caller, state, id.into_inner(), Transition::Unpublish).await
}

/// Withdraws a product.
///
/// Gone from the catalogue, and unavailable in baskets that hold it; past orders keep it.
/// The shop's merchants, the association's admins, the volunteers assigned to it while it
/// consents, and the shop's API keys with `products:write`; a product of a shop the caller
/// may not manage answers 404. The shop's webhooks hear `product.deleted`.
#[utoipa::path(
    tag = "back-office",
    params(("id" = i64, Path, description = "The product's id")),
    security(("bearer" = []), ("api_key" = ["products:write"])),
    responses(
        (status = 200, description = "The product, now `archived`", body = ShopProduct),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product of yours has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already archived", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/products/{id}/archive")]
pub async fn archive_product(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    change_status(caller, state, id.into_inner(), Transition::Archive).await
}

/// Checks the declared type, reads at most 5 MB, checks the declared size and decodes the
/// picture (off the async workers, a few at a time): 415, 413, 422, 400 or 503 with a
/// message a person can act on.
pub(crate) async fn read_picture(
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<images::Resized, ApiError> {
    if !images::accepted_content_type(&content_type(req)) {
        return Err(ApiError::UnsupportedMediaType(
            "send the picture itself as the body, with Content-Type image/jpeg, image/png or image/webp"
                .into(),
        ));
    }
    let body = read_body(req, payload, MAX_UPLOAD_BYTES).await?;
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no application state")))?;
    // At most a few decodings at once; the slot goes with the work, even if the client leaves.
    let slot = state.limits.picture_slot().await?;
    web::block(move || {
        let resized = images::resize_upload(&body);
        drop(slot);
        resized
    })
    .await?
    .map_err(|err| match err {
        images::PictureError::TooManyPixels(..) | images::PictureError::TooMuchMemory => {
            ApiError::PictureTooLarge(err.to_string())
        }
        other => ApiError::invalid("picture", other.to_string()),
    })
}

/// Uploads a product's picture.
///
/// The body is the JPEG, PNG or WebP file itself (at most 5 MB). It is checked by its
/// content, resized to 800 px and 240 px, stored as JPEG, and the product's picture URLs
/// change. The shop's merchants, the association's admins, the volunteers assigned to it
/// while it consents, and the shop's API keys with `products:write`; a product of a shop
/// the caller may not manage answers 404. The shop must be approved.
#[utoipa::path(
    tag = "back-office",
    params(("id" = i64, Path, description = "The product's id")),
    request_body(description = "The picture file, at most 5 MB",
        content((UploadedFile = "image/jpeg"), (UploadedFile = "image/png"), (UploadedFile = "image/webp"))),
    security(("bearer" = []), ("api_key" = ["products:write"])),
    responses(
        (status = 200, description = "The product with its new picture URLs", body = ShopProduct),
        (status = 400, description = "The body is not a readable JPEG, PNG or WebP picture",
            body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product of yours has this id", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than 5 MB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Content-Type is not image/jpeg, image/png or image/webp",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`picture_too_large`: more than 6,000 pixels a side, or too much memory to open",
            body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "`busy`: too many pictures being processed; retry after `Retry-After` seconds",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet (a pending shop keeps its profile and at most 20 draft products)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/products/{id}/picture")]
pub async fn put_product_picture(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    id: Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    // Strangers are turned away before their upload is read.
    db::run(&state.pool, move |conn| {
        let (_, shop) = managed_product(conn, &caller, id)?;
        caller.require_approved(&shop)
    })
    .await?;
    let resized = read_picture(&req, payload).await?;
    let row = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let (row, shop) = managed_product(conn, &caller, id)?;
            picture::store_product_picture(conn, id, &resized, crate::db::models::now())?;
            note_for_shop(
                conn,
                &caller,
                &shop,
                &format!("a changé la photo de « {} »", row.name),
            )?;
            let row = product::find_managed(conn, id)?;
            Ok(product::managed_view(conn, row)?)
        })
    })
    .await?;
    Ok(answer(StatusCode::OK, row))
}

/// Removes a product's picture.
///
/// Drops the uploaded picture; a generated one is shown again. The shop's merchants, the
/// association's admins, the volunteers assigned to it while it consents, and the shop's
/// API keys with `products:write`; a product of a shop the caller may not manage answers
/// 404.
#[utoipa::path(
    tag = "back-office",
    params(("id" = i64, Path, description = "The product's id")),
    security(("bearer" = []), ("api_key" = ["products:write"])),
    responses(
        (status = 204, description = "The product has no uploaded picture now"),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product of yours has this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/products/{id}/picture")]
pub async fn delete_product_picture(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let (row, shop) = managed_product(conn, &caller, id)?;
            picture::delete_product_picture(conn, id, crate::db::models::now())?;
            note_for_shop(
                conn,
                &caller,
                &shop,
                &format!("a retiré la photo de « {} »", row.name),
            )
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

fn logo_urls(slug: &str, version: i64) -> ShopLogo {
    ShopLogo {
        logo_url: format!("/api/v1/shops/{slug}/logo?v={version}"),
        thumbnail_url: format!("/api/v1/shops/{slug}/logo?size=thumb&v={version}"),
    }
}

/// Uploads a shop's logo.
///
/// The body is the JPEG, PNG or WebP file itself (at most 5 MB), checked by its content,
/// resized to 800 px and 240 px and stored as JPEG; its URL changes. The shop's merchants,
/// the association's admins, and the shop's API keys with `shop:write`; a shop the caller
/// does not run answers 404. The shop must be approved.
#[utoipa::path(
    tag = "back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body(description = "The logo file, at most 5 MB",
        content((UploadedFile = "image/jpeg"), (UploadedFile = "image/png"), (UploadedFile = "image/webp"))),
    security(("bearer" = []), ("api_key" = ["shop:write"])),
    responses(
        (status = 200, description = "Where the new logo is served", body = ShopLogo),
        (status = 400, description = "The body is not a readable JPEG, PNG or WebP picture",
            body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop of yours has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than 5 MB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Content-Type is not image/jpeg, image/png or image/webp",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`picture_too_large`: more than 6,000 pixels a side, or too much memory to open",
            body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "`busy`: too many pictures being processed; retry after `Retry-After` seconds",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet (a pending shop keeps its profile and at most 20 draft products)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/shops/{slug}/logo")]
pub async fn put_shop_logo(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: Path<String>,
    payload: web::Payload,
) -> Result<Json<ShopLogo>, ApiError> {
    let slug = slug.into_inner();
    let wanted = slug.clone();
    db::run(&state.pool, move |conn| {
        caller.require_approved(&caller.shop(conn, &wanted)?)
    })
    .await?;
    let resized = read_picture(&req, payload).await?;
    let logo = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let shop = caller.shop(conn, &slug)?;
            let version =
                picture::store_shop_logo(conn, shop.id, &resized, crate::db::models::now())?;
            Ok(logo_urls(&shop.slug, version))
        })
    })
    .await?;
    Ok(Json(logo))
}

/// Removes a shop's logo.
///
/// Drops the uploaded logo; a generated one is shown again. The shop's merchants, the
/// association's admins, and the shop's API keys with `shop:write`; a shop the caller does
/// not run answers 404.
#[utoipa::path(
    tag = "back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    security(("bearer" = []), ("api_key" = ["shop:write"])),
    responses(
        (status = 204, description = "The shop has no uploaded logo now"),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop of yours has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/shops/{slug}/logo")]
pub async fn delete_shop_logo(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let shop = caller.shop(conn, &slug)?;
            Ok(picture::delete_shop_logo(conn, shop.id)?)
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Exports a shop's products as CSV.
///
/// A file for a spreadsheet: UTF-8 with a BOM, `;`-separated, French prices (`12,50`),
/// columns `id;nom;description;prix;tva;stock;categorie;statut;version;retractation;froid`
/// (`retractation`: the exception to the right of withdrawal, `aucune`, `périssable`,
/// `sur mesure` or `hygiène`; `froid`: kept cold on the rounds, `oui` or `non`). Edit it and
/// import it back. The shop's merchants, the association's admins, the volunteers assigned to it
/// while it consents, and the shop's API keys with `catalogue:read`; a product of a shop
/// the caller may not manage answers 404. Changes nothing.
#[utoipa::path(
    tag = "back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    security(("bearer" = []), ("api_key" = ["catalogue:read"])),
    responses(
        (status = 200, description = "The CSV file", content_type = "text/csv", body = String),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop of yours has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/products/export")]
pub async fn export_products(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let (slug, file) = db::run(&state.pool, move |conn| {
        let shop = caller.products_shop(conn, &slug)?;
        let rows = product::all_of_shop(conn, shop.id)?;
        let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
        let variants = variant::of_products(conn, &ids)?;
        let products: Vec<CurrentProduct> = rows
            .into_iter()
            .map(|row| CurrentProduct {
                id: row.id,
                values: row.values(),
                version: row.version,
                variants: variants
                    .iter()
                    .filter(|v| v.product_id == row.id)
                    .map(VariantRow::values)
                    .collect(),
            })
            .collect();
        let file = product_csv::export(&products).map_err(|e| ApiError::Internal(e.into()))?;
        Ok((shop.slug, file))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"produits-{slug}.csv\""),
        ))
        .body(file))
}

/// The shop's products, by id, as an import compares them (with their versions).
fn current_products(
    conn: &mut DbConn,
    shop: &ShopRow,
) -> Result<HashMap<i64, ShopProductRow>, ApiError> {
    Ok(product::all_of_shop(conn, shop.id)?
        .into_iter()
        .map(|row| (row.id, row))
        .collect())
}

/// Checks parsed lines against the shop's products and, unless it is a dry run and when no
/// line is bad, applies them, writing only the fields each line changes. The parsing is done
/// before (off the database) and the lines are planned outside any transaction; the write
/// transaction then locks and reloads the shop's products (one query), plans again if one
/// changed meanwhile (a sale lowered its stock: its version moved), and writes: creations
/// in batches, updates one by one.
fn import(
    conn: &mut DbConn,
    caller: &Caller,
    slug: &str,
    parsed: (
        Vec<product_csv::ImportRow>,
        Vec<shared::shop_products::ImportError>,
    ),
    dry_run: bool,
) -> Result<ImportReport, ApiError> {
    let shop = caller.products_shop(conn, slug)?;
    let categories: HashSet<String> = product::category_slugs(conn)?.into_iter().collect();
    let (rows, errors) = parsed;
    let exported_versions: HashMap<u64, i64> = rows
        .iter()
        .filter_map(|row| Some((row.line, row.version?)))
        .collect();
    let (rows, variant_lines) = product_csv::group_variants(rows);
    let plan = |current: &HashMap<i64, ShopProductRow>, variants: &[VariantRow]| {
        let existing: HashMap<i64, ProductValues> = current
            .iter()
            .map(|(id, row)| (*id, row.values()))
            .collect();
        let (mut report, mut writes) = product_csv::plan(
            rows.clone(),
            errors.clone(),
            &existing,
            &categories,
            shop.vat_exempt,
            dry_run,
        );
        let stale: Vec<_> = report
            .lines
            .iter()
            .filter_map(|line| {
                let row = current.get(&line.id?)?;
                product_csv::stale_stock(
                    line,
                    exported_versions.get(&line.line).copied(),
                    row.version,
                    row.stock,
                )
            })
            .collect();
        let mut bad = stale;
        bad.extend(variant_errors(
            &rows,
            &variant_lines,
            &writes,
            current,
            variants,
            &exported_versions,
        ));
        if !bad.is_empty() {
            report.errors.extend(bad);
            report.errors.sort_by_key(|e| e.line);
            writes.clear();
        }
        (report, writes, existing)
    };
    let versions = |current: &HashMap<i64, ShopProductRow>| -> HashMap<i64, i64> {
        current.iter().map(|(id, row)| (*id, row.version)).collect()
    };
    let current = current_products(conn, &shop)?;
    let variants = shop_variants(conn, &current)?;
    let (report, writes, existing) = plan(&current, &variants);
    if dry_run || !report.errors.is_empty() {
        return Ok(report);
    }
    write_transaction(conn, |conn| {
        // What is checked below is what is written: the shop's products hold still.
        product::lock_of_shop(conn, shop.id)?;
        // A helper's access is checked again in the transaction that writes (issue 11).
        if !caller.may_manage_products(conn, shop.id)? {
            return Err(ApiError::NotFound(format!("no shop '{slug}'")));
        }
        let fresh = current_products(conn, &shop)?;
        let (report, writes, existing) = if versions(&fresh) == versions(&current) {
            (report.clone(), writes.clone(), existing.clone())
        } else {
            plan(&fresh, &shop_variants(conn, &fresh)?)
        };
        if !report.errors.is_empty() {
            return Ok(report);
        }
        let now = crate::db::models::now();
        let mut created = Vec::new();
        // The product each group of variant lines is about, by the group's first line.
        let mut products_of: HashMap<u64, i64> = rows
            .iter()
            .filter_map(|row| Some((row.line, row.id?)))
            .collect();
        for write in writes {
            match write {
                // A new product with variants is made one by one (its id is needed).
                Write::Create { line, values } if variant_lines.contains_key(&line) => {
                    products_of.insert(line, product::create(conn, &shop, &values, now)?);
                }
                Write::Create { values, .. } => created.push(values),
                Write::Update { id, values, .. } => {
                    if let Some(before) = existing.get(&id) {
                        product::update(conn, &shop, id, before, &values, now)?;
                    }
                }
            }
        }
        crate::db::models::product_import::insert_new(conn, &shop, &created, now)?;
        for (line, group) in &variant_lines {
            if let Some(id) = products_of.get(line) {
                apply_variant_lines(conn, *id, group, now)?;
            }
        }
        let after = current_products(conn, &shop)?;
        crate::webhooks::events::products_imported(conn, shop.id, &fresh, &after)?;
        let what = format!(
            "a importé un fichier CSV ({} produit(s) ajouté(s), {} modifié(s))",
            report.created, report.updated
        );
        note_for_shop(conn, caller, &shop, &what)?;
        Ok(report)
    })
}

/// The variants of the shop's products.
fn shop_variants(
    conn: &mut DbConn,
    current: &HashMap<i64, ShopProductRow>,
) -> Result<Vec<VariantRow>, ApiError> {
    let ids: Vec<i64> = current.keys().copied().collect();
    Ok(variant::of_products(conn, &ids)?)
}

/// The bad lines about variants (issue 14): a variant line whose stock would undo what
/// happened since the export (as [`product_csv::stale_stock`] for a product), a new price
/// for a variant sold by weight (priced by the kilo in the back-office), and a line without
/// a variant that changes the price or stock of a product with several.
fn variant_errors(
    heads: &[product_csv::ImportRow],
    groups: &product_csv::VariantLines,
    writes: &[Write],
    current: &HashMap<i64, ShopProductRow>,
    variants: &[VariantRow],
    exported_versions: &HashMap<u64, i64>,
) -> Vec<shared::shop_products::ImportError> {
    let mut errors = Vec::new();
    let mut error = |line: u64, field: &str, message: String| {
        errors.push(shared::shop_products::ImportError {
            line,
            field: field.into(),
            message,
        });
    };
    // Each product's variants, found in one step (an import may hold thousands of lines).
    let mut by_product: HashMap<i64, Vec<&VariantRow>> = HashMap::new();
    for v in variants {
        by_product.entry(v.product_id).or_default().push(v);
    }
    let of = |id: i64| by_product.get(&id).into_iter().flatten().copied();
    for head in heads {
        let (Some(id), Some(group)) = (head.id, groups.get(&head.line)) else {
            continue;
        };
        let Some(product) = current.get(&id) else {
            continue;
        };
        for row in group {
            let label = row.variant.as_deref().unwrap_or_default();
            let found = of(id)
                .find(|v| v.label == label)
                .or_else(|| of(id).find(|v| v.label.is_empty()));
            let Some(found) = found else { continue };
            if let (Some(stock), Some(exported)) = (row.stock, exported_versions.get(&row.line))
                && stock != found.stock
                && *exported != product.version
            {
                let now = found
                    .stock
                    .map_or_else(|| "not counted".into(), |n| n.to_string());
                error(
                    row.line,
                    "stock",
                    format!(
                        "the product changed since the export (a sale or another edit): the stock of \"{label}\" is now {now}; write that, or the count you made and empty the version cell, or export again"
                    ),
                );
            }
            if found.sold_by_weight
                && row
                    .price_cents
                    .is_some_and(|price| price != found.price_cents)
            {
                error(
                    row.line,
                    "prix",
                    format!(
                        "\"{label}\" is sold by weight: change its price per kilo in the back-office"
                    ),
                );
            }
        }
    }
    for write in writes {
        let Write::Update { line, id, values } = write else {
            continue;
        };
        let (Some(product), false) = (current.get(id), groups.contains_key(line)) else {
            continue;
        };
        if of(*id).count() > 1
            && (values.price_cents != product.price_cents || values.stock != product.stock)
        {
            error(
                *line,
                "variante",
                "this product has several variants: give each its line, with its label in the variante column".into(),
            );
        }
    }
    errors
}

/// Writes a product's variant lines: each sets the variant of its label (the product's
/// unlabelled single variant takes the first label), or adds one.
fn apply_variant_lines(
    conn: &mut DbConn,
    product_id: i64,
    lines: &[product_csv::ImportRow],
    now: chrono::NaiveDateTime,
) -> Result<(), ApiError> {
    for row in lines {
        let label = row.variant.clone().unwrap_or_default();
        let variants = variant::of_product(conn, product_id)?;
        let unnamed_alone = variants.len() == 1 && variants[0].label.is_empty();
        let found = variants
            .iter()
            .find(|v| v.label == label)
            .or(variants.first().filter(|_| unnamed_alone));
        let mut values = found.map_or_else(
            || crate::domain::variant::VariantValues {
                active: true,
                position: variants.iter().map(|v| v.position + 1).max().unwrap_or(0),
                ..Default::default()
            },
            VariantRow::values,
        );
        values.label = label.clone();
        if let Some(price) = row.price_cents {
            values.price_cents = price;
        }
        if let Some(stock) = row.stock {
            values.stock = stock;
        }
        if let Some(sku) = &row.sku {
            values.sku = sku.clone();
        }
        if let Some(ean) = &row.ean {
            values.ean = ean.clone();
        }
        if let Some(net) = row.net {
            values.net_quantity = net.map(|(q, _)| q);
            values.net_unit = net.map(|(_, u)| u);
        }
        if values.price_cents < 1 {
            return Err(ApiError::refused(
                "prix",
                format!("line {}: the variant \"{label}\" needs a price", row.line),
            ));
        }
        match found {
            Some(found) if found.values() == values => {}
            Some(found) => {
                variant::update(conn, found.id, &values, now)?;
            }
            None => {
                variant::insert(conn, product_id, &values, now)?;
            }
        }
    }
    Ok(())
}

/// Imports a shop's products from CSV.
///
/// The body is the CSV file (`Content-Type: text/csv`, at most 5 MB): UTF-8 or
/// Windows-1252, `;` or `,`, prices `12,50` or `12.50`, an empty stock for "not counted". A
/// line with the `id` of one of the shop's products updates it; a line without an id
/// creates a draft (or the `statut` it gives). `retractation` and `froid` as the export
/// writes them (an empty cell: unchanged, or none and no for a new product). Variants
/// (`variante`, `reference`, `ean`, `quantite_nette`): one line per variant, its `prix`
/// and `stock` the variant's; a product's lines share its `id` (a new product's, its
/// `nom`); a label not yet known adds a variant, and a product's unlabelled single variant
/// takes the first label. Missing columns leave those fields as they
/// are, and only the fields a line changes are written. All or nothing: with any bad line
/// nothing is applied, and every bad line is reported. `?dry_run=true` only reports what
/// would change. The shop's merchants, the association's admins, the volunteers assigned to
/// it while it consents, and the shop's API keys with `products:write`; the shop must be
/// approved.
///
/// Stock and sales: the export's `version` column is each product's version when it was
/// exported. A line that sets another stock than the product's current one, for a product
/// that changed since that version (a sale, a cancelled order, another edit), is a bad line
/// (`stock`, naming the stock now), so an import never undoes a sale made after the export.
/// A line without a version (an empty cell, or no such column) sets the stock as an
/// inventory count, whatever it is now.
#[utoipa::path(
    tag = "back-office",
    params(("slug" = String, Path, description = "The shop's slug"), ImportQuery),
    request_body(description = "The CSV file", content((UploadedFile = "text/csv"))),
    security(("bearer" = []), ("api_key" = ["products:write"])),
    responses(
        (status = 200, description = "Applied (or, for a dry run, what would be; a dry run with bad lines lists them in `errors`)",
            body = ImportReport),
        (status = 400, description = "A parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop of yours has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than 5 MB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Content-Type is not text/csv", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad lines, listed in `errors`: nothing was applied", body = ImportReport),
        (status = 403, description = "`shop_not_approved`: the association has not approved the shop yet (a pending shop keeps its profile and at most 20 draft products)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/shops/{slug}/products/import")]
pub async fn import_products(
    caller: Caller,
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: Path<String>,
    ValidQuery(query): ValidQuery<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let dry_run = query.dry_run.unwrap_or(false);
    let wanted = slug.clone();
    db::run(&state.pool, move |conn| {
        caller.require_approved(&caller.products_shop(conn, &wanted)?)
    })
    .await?;
    if !CSV_CONTENT_TYPES.contains(&content_type(&req).as_str()) {
        return Err(ApiError::UnsupportedMediaType(
            "send the CSV file itself as the body, with Content-Type: text/csv".into(),
        ));
    }
    let file = read_body(&req, payload, MAX_CSV_BYTES).await?;
    let parsed = web::block(move || product_csv::parse(&file)).await?;
    let report = db::run(&state.pool, move |conn| {
        import(conn, &caller, &slug, parsed, dry_run)
    })
    .await?;
    let status = if !dry_run && !report.errors.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(HttpResponse::build(status).json(report))
}
