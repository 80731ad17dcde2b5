//! Products entered for a shop (issue 11): the shop's consent (its merchants only), the
//! admins' assignment of volunteers to a consenting shop, the shops a volunteer helps, and
//! the shop's history. The product routes themselves (`shop_products`) let an assigned
//! volunteer in through [`Caller::products_shop`]; every other shop route stays 404 for them.

use actix_web::web::{self, Json, Path};
use actix_web::{get, put};
use diesel::prelude::*;
use shared::auth::Role;
use shared::error::Problem;
use shared::product_help::{
    HelpedShops, ProductHelp, SetProductHelp, SetProductHelpers, ShopHistory,
};

use crate::access::Caller;
use crate::auth::AuthUser;
use crate::db::models::product_help::{self, MAX_HELPERS};
use crate::db::models::{now, shop, user};
use crate::db::schema::shop_members;
use crate::db::{self, write_transaction};
use crate::error::ApiError;
use crate::startup::AppState;

/// Whether the association may manage a shop's products.
///
/// The shop's consent that the association's volunteers manage its products, and the
/// volunteers who do. The shop's merchants and the association's admins; changes nothing.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The consent and the helpers", body = ProductHelp),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/product-help")]
pub async fn get_product_help(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<Json<ProductHelp>, ApiError> {
    let slug = slug.into_inner();
    let help = db::run(&state.pool, move |conn| {
        let row = caller.shop(conn, &slug)?;
        Ok(product_help::load(conn, row.id)?)
    })
    .await?;
    Ok(Json(help))
}

/// Gives or withdraws a shop's consent to the association's help.
///
/// Whether the association's volunteers may manage the shop's products: its own merchants
/// only decide (422 for an admin or an API key). Withdrawing ends every assignment at once:
/// a volunteer's very next request is refused. Recorded in the shop's history.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = SetProductHelp,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The consent and the helpers now", body = ProductHelp),
        (status = 400, description = "The body is malformed, or has an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`unprocessable`: only the shop's own merchants give or withdraw the consent", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/shops/{slug}/product-help")]
pub async fn set_product_help(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<SetProductHelp>,
) -> Result<Json<ProductHelp>, ApiError> {
    let allowed = body.into_inner().allowed;
    let slug = slug.into_inner();
    let help = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let row = caller.shop(conn, &slug)?;
            let member = match caller {
                Caller::User(user) => diesel::select(diesel::dsl::exists(
                    shop_members::table
                        .filter(shop_members::shop_id.eq(row.id))
                        .filter(shop_members::user_id.eq(user.id)),
                ))
                .get_result::<bool>(conn)?,
                Caller::Key { .. } => false,
            };
            if !member {
                return Err(ApiError::Unprocessable(
                    "only the shop's own merchants give or withdraw its consent".into(),
                ));
            }
            if product_help::set_allowed(conn, row.id, allowed)? {
                let name = caller
                    .user()
                    .map(|u| user::find(conn, u.id))
                    .transpose()?
                    .map(|u| u.name)
                    .unwrap_or_default();
                let note = if allowed {
                    format!("{name} a autorisé l'association à gérer les produits de la boutique")
                } else {
                    format!(
                        "{name} a retiré à l'association l'autorisation de gérer les produits \
                         de la boutique : les bénévoles n'y ont plus accès"
                    )
                };
                shop::record_event(conn, row.id, &caller.actor(), (None, None), &note, now())?;
            }
            Ok(product_help::load(conn, row.id)?)
        })
    })
    .await?;
    Ok(Json(help))
}

/// Assigns volunteers to a shop's products.
///
/// Replaces the list of volunteers who manage a consenting shop's products, and nothing
/// else of it. Admins only; anyone else gets 404. 422 while the shop does not consent, or
/// naming each account that is no active volunteer. Recorded in the shop's history.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    request_body = SetProductHelpers,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The consent and the helpers now", body = ProductHelp),
        (status = 400, description = "The body is malformed, or lists more than 10 accounts", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin, or no shop has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the shop does not consent (`volunteer_ids`), or an account is no active volunteer (`volunteer_ids[i]`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/admin/shops/{slug}/product-helpers")]
pub async fn set_product_helpers(
    user: AuthUser,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<SetProductHelpers>,
) -> Result<Json<ProductHelp>, ApiError> {
    if user.role != Role::Admin {
        return Err(ApiError::NotFound("there is nothing here for you".into()));
    }
    let mut ids = body.into_inner().volunteer_ids;
    if ids.len() > MAX_HELPERS {
        return Err(ApiError::invalid(
            "volunteer_ids",
            format!("at most {MAX_HELPERS} volunteers"),
        ));
    }
    ids.dedup();
    let slug = slug.into_inner();
    let help = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            let row = Caller::User(user).shop(conn, &slug)?;
            let (added, removed) = product_help::set_helpers(conn, row.id, &ids, now())?;
            let admin = user::find(conn, user.id)?.name;
            for name in added {
                let note = format!("{admin} a confié les produits de la boutique à {name}");
                shop::record_event(
                    conn,
                    row.id,
                    &Caller::User(user).actor(),
                    (None, None),
                    &note,
                    now(),
                )?;
            }
            for name in removed {
                let note = format!("{admin} a retiré à {name} les produits de la boutique");
                shop::record_event(
                    conn,
                    row.id,
                    &Caller::User(user).actor(),
                    (None, None),
                    &note,
                    now(),
                )?;
            }
            Ok(product_help::load(conn, row.id)?)
        })
    })
    .await?;
    Ok(Json(help))
}

/// The shops whose products the caller manages for them.
///
/// A volunteer's assigned shops that consent (as the database says now); for an admin every
/// consenting shop; for anyone else signed in none. Changes nothing.
#[utoipa::path(
    tag = "shop back-office",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The shops, by name", body = HelpedShops),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/helped-shops")]
pub async fn list_helped_shops(
    user: AuthUser,
    state: web::Data<AppState>,
) -> Result<Json<HelpedShops>, ApiError> {
    let items = db::run(&state.pool, move |conn| {
        Ok(product_help::helped_shops(conn, user.id, user.role)?)
    })
    .await?;
    Ok(Json(HelpedShops { items }))
}

/// A shop's history.
///
/// Newest first, at most 200 steps: its application, approval, suspensions, team, profile
/// edits, closed days, API keys, its consent and helpers, and every product change a
/// volunteer or an admin made for it ("Lucie Vidal a modifié « Confiture » pour Épicerie du
/// Duché"). The shop's merchants and the association's admins; changes nothing.
#[utoipa::path(
    tag = "shop back-office",
    params(("slug" = String, Path, description = "The shop's slug")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The history", body = ShopHistory),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No shop the caller runs has this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/shops/{slug}/history")]
pub async fn get_shop_history(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<Json<ShopHistory>, ApiError> {
    let slug = slug.into_inner();
    let items = db::run(&state.pool, move |conn| {
        let row = caller.shop(conn, &slug)?;
        Ok(product_help::history(conn, row.id)?)
    })
    .await?;
    Ok(Json(ShopHistory { items }))
}
