//! A product's variants (issue 14): the sizes, jars and cuts shoppers pick from, public; and
//! their management by the shop (add, change, remove), with the same callers as the
//! product's other edits.

use actix_web::http::StatusCode;
use actix_web::web::{self, Json, Path};
use actix_web::{HttpResponse, delete, get, patch, post};
use diesel::OptionalExtension;
use shared::catalogue::Variant;
use shared::error::{FieldError, Problem};
use shared::shop_products::{ShopProduct, VariantInput};

use crate::access::Caller;
use crate::db::models::product::{self, ShopProductRow};
use crate::db::models::variant::{self, VariantRow};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::product::STOCK_MAX;
use crate::domain::variant::{VARIANTS_MAX, VariantValues, apply};
use crate::error::ApiError;
use crate::routes::shop_products::{answer, managed_product, note_for_shop};
use crate::startup::AppState;

/// Lists a product's variants on sale.
///
/// The sizes, jars or cuts of a product on sale, in the shop's order, each with its price,
/// stock state, net quantity and price per kilo, litre or piece. A product without sizes
/// has one, labelled `""`. Public; changes nothing.
#[utoipa::path(
    tag = "catalogue",
    params(("id" = i64, Path, description = "The product's id")),
    responses(
        (status = 200, description = "Its variants on sale", body = Vec<Variant>),
        (status = 404, description = "No product on sale has this id",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/products/{id}/variants")]
pub async fn list_variants(
    state: web::Data<AppState>,
    id: Path<i64>,
) -> Result<Json<Vec<Variant>>, ApiError> {
    let id = id.into_inner();
    let variants = db::run(&state.pool, move |conn| {
        let product = product::find_visible(conn, id)
            .optional()?
            .ok_or_else(|| ApiError::NotFound("there is no product on sale with this id".into()))?;
        Ok(product.variants)
    })
    .await?;
    Ok(Json(variants))
}

/// The label rules that involve the product's other variants: unique, and empty only for a
/// product's only variant.
fn check_labels(others: &[VariantRow], values: &VariantValues, errors: &mut Vec<FieldError>) {
    if others.iter().any(|v| v.label == values.label) {
        errors.push(FieldError {
            field: "label".into(),
            message: format!(
                "another variant of this product is labelled \"{}\"",
                values.label
            ),
        });
    } else if !others.is_empty() && values.label.is_empty() {
        errors.push(FieldError {
            field: "label".into(),
            message: "is required: a product with several variants names each (\"39\", \"500 g\")"
                .into(),
        });
    } else if let Some(unnamed) = others.iter().find(|v| v.label.is_empty()) {
        errors.push(FieldError {
            field: "label".into(),
            message: format!(
                "name the product's first variant before adding another: PATCH /api/v1/products/{}/variants/{} with its label",
                unnamed.product_id, unnamed.id
            ),
        });
    }
}

/// Writes a variant's change for a caller who may manage the product, under the product's
/// lock, and answers the product with its variants (the webhooks hear a price or stock
/// change of the product).
fn change(
    conn: &mut DbConn,
    caller: &Caller,
    product_id: i64,
    what: &str,
    write: impl Fn(&mut DbConn, &ShopProductRow, Vec<VariantRow>) -> Result<(), ApiError>,
) -> Result<ShopProduct, ApiError> {
    write_transaction(conn, |conn| {
        product::lock(conn, &[product_id])?;
        let (row, shop) = managed_product(conn, caller, product_id)?;
        let variants = variant::of_product(conn, product_id)?;
        write(conn, &row, variants)?;
        note_for_shop(conn, caller, &shop, &format!("{what} de « {} »", row.name))?;
        let after = product::find_managed(conn, product_id)?;
        crate::webhooks::events::product_updated(conn, &row, &after)?;
        Ok(product::managed_view(conn, after)?)
    })
}

/// Adds a variant to a product.
///
/// A size, a jar, a cut: its label (unique within the product), price (or, sold by weight,
/// price per kilo and estimated weight of a piece), stock, barcode, net quantity. A product
/// whose only variant has no label must name it first (`PATCH` its variant). The shop's
/// merchants, the association's admins, the volunteers assigned to it while it consents,
/// and the shop's API keys with `products:write`.
#[utoipa::path(
    tag = "back-office",
    params(("id" = i64, Path, description = "The product's id")),
    request_body = VariantInput,
    security(("bearer" = []), ("api_key" = ["products:write"])),
    responses(
        (status = 201, description = "The product with its variants; its version in `ETag`", body = ShopProduct),
        (status = 400, description = "A field is invalid or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product of yours has this id", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed` (`errors` names the field): a label already used or missing, a price missing, a net quantity without its unit, too many variants",
            body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/products/{id}/variants")]
pub async fn create_variant(
    caller: Caller,
    state: web::Data<AppState>,
    id: Path<i64>,
    body: Json<VariantInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let input = body.into_inner();
    if input.stock_delta.is_some() {
        // Well-formed, but a new variant has no stock to add to (422).
        return Err(ApiError::refused(
            "stock_delta",
            "a new variant takes its stock as `stock`",
        ));
    }
    let product = db::run(&state.pool, move |conn| {
        change(
            conn,
            &caller,
            id,
            "a ajouté une variante",
            |conn, _, variants| {
                let mut values = VariantValues {
                    active: true,
                    position: variants.iter().map(|v| v.position + 1).max().unwrap_or(0),
                    ..VariantValues::default()
                };
                let mut errors = apply(&mut values, &input).err().unwrap_or_default();
                if errors.is_empty() {
                    check_labels(&variants, &values, &mut errors);
                }
                if i64::try_from(variants.len()).unwrap_or(i64::MAX) >= VARIANTS_MAX {
                    errors.push(FieldError {
                        field: "label".into(),
                        message: format!("a product has at most {VARIANTS_MAX} variants"),
                    });
                }
                if let Some(err) = ApiError::from_refused_fields(errors) {
                    return Err(err);
                }
                variant::insert(conn, id, &values, crate::db::models::now())?;
                Ok(())
            },
        )
    })
    .await?;
    Ok(answer(StatusCode::CREATED, product))
}

/// The variant `variant_id` of `variants`, or 404.
fn variant_of(variants: &[VariantRow], variant_id: i64) -> Result<&VariantRow, ApiError> {
    variants
        .iter()
        .find(|v| v.id == variant_id)
        .ok_or_else(|| ApiError::NotFound("this product has no variant with this id".into()))
}

/// Changes a variant.
///
/// Absent fields stay as they are. `{"stock": 5}` sets the count, `{"stock": null}` stops
/// counting it, `{"stock_delta": -2}` takes two from the stock as it is then (409 when not
/// counted or below 0). `{"active": false}` takes it off sale (it stays on the orders that
/// name it). Same callers as adding one.
#[utoipa::path(
    tag = "back-office",
    params(
        ("id" = i64, Path, description = "The product's id"),
        ("variant_id" = i64, Path, description = "The variant's id"),
    ),
    request_body = VariantInput,
    security(("bearer" = []), ("api_key" = ["products:write"])),
    responses(
        (status = 200, description = "The product with its variants; its version in `ETag`", body = ShopProduct),
        (status = 400, description = "A field is invalid or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product of yours has this id, or it has no such variant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A `stock_delta` on a stock that is not counted or would leave 0 to 1,000,000", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed` (`errors` names the field)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/products/{id}/variants/{variant_id}")]
pub async fn update_variant(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(i64, i64)>,
    body: Json<VariantInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, variant_id) = path.into_inner();
    let input = body.into_inner();
    let delta = match input.stock_delta {
        None => None,
        Some(_) if input.stock.is_some() => {
            return Err(ApiError::refused(
                "stock_delta",
                "give either stock (the new count) or stock_delta (what to add), not both",
            ));
        }
        Some(delta) if (-STOCK_MAX..=STOCK_MAX).contains(&delta) => i32::try_from(delta).ok(),
        Some(_) => {
            return Err(ApiError::invalid(
                "stock_delta",
                format!("must be a whole number from -{STOCK_MAX} to {STOCK_MAX}"),
            ));
        }
    };
    let product = db::run(&state.pool, move |conn| {
        change(conn, &caller, id, "a modifié une variante", |conn, _, variants| {
            let current = variant_of(&variants, variant_id)?;
            let mut values = current.values();
            let mut errors = apply(&mut values, &input).err().unwrap_or_default();
            if errors.is_empty() && values.label != current.label {
                let others: Vec<VariantRow> = variants
                    .iter()
                    .filter(|v| v.id != variant_id)
                    .cloned()
                    .collect();
                check_labels(&others, &values, &mut errors);
            }
            if let Some(err) = ApiError::from_refused_fields(errors) {
                return Err(err);
            }
            let now = crate::db::models::now();
            if values != current.values() {
                variant::update(conn, variant_id, &values, now)?;
            }
            if let Some(delta) = delta
                && !variant::add_stock(conn, variant_id, delta, now)?
            {
                return Err(ApiError::Conflict(match values.stock {
                    None => "the stock of this variant is not counted: set a stock first".into(),
                    Some(stock) => format!(
                        "the stock is {stock}: adding {delta} would take it out of 0 to {STOCK_MAX}"
                    ),
                }));
            }
            Ok(())
        })
    })
    .await?;
    Ok(answer(StatusCode::OK, product))
}

/// Removes a variant.
///
/// Only a variant no order names, and never a product's last one: a variant that was
/// ordered is taken off sale with `{"active": false}` instead (409 says so). Same callers
/// as adding one.
#[utoipa::path(
    tag = "back-office",
    params(
        ("id" = i64, Path, description = "The product's id"),
        ("variant_id" = i64, Path, description = "The variant's id"),
    ),
    security(("bearer" = []), ("api_key" = ["products:write"])),
    responses(
        (status = 200, description = "The product with its remaining variants", body = ShopProduct),
        (status = 401, description = "No valid credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product of yours has this id, or it has no such variant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "It is the product's only variant, or an order names it (take it off sale instead)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/products/{id}/variants/{variant_id}")]
pub async fn delete_variant(
    caller: Caller,
    state: web::Data<AppState>,
    path: Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, variant_id) = path.into_inner();
    let product = db::run(&state.pool, move |conn| {
        change(conn, &caller, id, "a supprimé une variante", |conn, _, variants| {
            let current = variant_of(&variants, variant_id)?;
            if variants.len() == 1 {
                return Err(ApiError::Conflict(
                    "a product keeps at least one variant: archive the product instead".into(),
                ));
            }
            if !variant::delete(conn, current.id)? {
                return Err(ApiError::Conflict(format!(
                    "orders name the variant \"{}\": take it off sale with {{\"active\": false}} instead",
                    current.label
                )));
            }
            Ok(())
        })
    })
    .await?;
    Ok(answer(StatusCode::OK, product))
}
