//! Who may run a shop: its merchants, the association's admins, and the shop's own API keys
//! (within their scopes and rate limit, see [`key_policy`]).
//!
//! Handlers of the back-office take a [`Caller`] (401 without valid credentials) and ask it
//! for the shop they act on; a shop the caller may not run answers 404, exactly like a shop
//! that does not exist, so slugs and ids cannot be probed.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use diesel::prelude::*;
use shared::auth::Role;

use crate::auth::{self, AuthUser};
use crate::db::models::shop::{STATUS_ACTIVE, ShopRow};
use crate::db::models::{api_key, now, product_help, user};
use crate::db::schema::{shop_members, shops};
use crate::db::{self, DbConn, write_transaction};
use crate::error::ApiError;
use crate::key_policy;
use crate::startup::AppState;

/// Draft products a shop may hold before the association approves it.
pub const PENDING_SHOP_PRODUCTS: i64 = 20;

/// Applications for a shop one account may have waiting for the association at once.
pub const PENDING_APPLICATIONS_PER_ACCOUNT: i64 = 3;

/// How every API key starts, so the server tells a key from an access token at a glance.
pub const API_KEY_PREFIX: &str = "vtr_";

/// An authenticated caller of the back-office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    /// A signed-in account (merchant, admin, or anyone: membership is checked per shop).
    User(AuthUser),
    /// An API key, which can act for its one shop and nothing else.
    Key { id: i64, shop_id: i64 },
}

impl Caller {
    /// The user behind the call, if it is not an API key.
    pub fn user(&self) -> Option<AuthUser> {
        match self {
            Caller::User(user) => Some(*user),
            Caller::Key { .. } => None,
        }
    }

    pub fn is_admin(&self) -> bool {
        matches!(self, Caller::User(user) if user.role == Role::Admin)
    }

    /// How the caller appears in an order's history: `user:<id>` or `api_key:<id>`.
    pub fn actor(&self) -> String {
        match self {
            Caller::User(user) => format!("user:{}", user.id),
            Caller::Key { id, .. } => format!("api_key:{id}"),
        }
    }

    /// Whether the caller may run the shop with this id.
    pub fn may_run(&self, conn: &mut DbConn, shop_id: i64) -> QueryResult<bool> {
        match self {
            Caller::Key { shop_id: own, .. } => Ok(*own == shop_id),
            Caller::User(user) if user.role == Role::Admin => Ok(true),
            Caller::User(user) => diesel::select(diesel::dsl::exists(
                shop_members::table
                    .filter(shop_members::shop_id.eq(shop_id))
                    .filter(shop_members::user_id.eq(user.id)),
            ))
            .get_result(conn),
        }
    }

    /// Whether the caller may still run the shop, as the database says now (for a stream
    /// opened earlier): an API key not revoked, an account not suspended whose current role
    /// and memberships still let it run the shop.
    pub fn still_runs(&self, conn: &mut DbConn, shop_id: i64) -> QueryResult<bool> {
        match self {
            Caller::Key { id, shop_id: own } => {
                Ok(*own == shop_id && api_key::is_active(conn, *id)?)
            }
            Caller::User(user) => {
                if user::is_suspended(conn, user.id)? {
                    return Ok(false);
                }
                let Some((role, _)) = user::session_state(conn, user.id)? else {
                    return Ok(false);
                };
                let now = AuthUser {
                    id: user.id,
                    role: Role::parse(&role).unwrap_or(Role::Customer),
                };
                Caller::User(now).may_run(conn, shop_id)
            }
        }
    }

    /// Refuses what only an approved shop may do (publish, upload pictures, import, phone
    /// orders, API keys, the live feed) while the association has not approved `shop`; the
    /// association's admins may do it anyway. Until then a shop keeps its profile and a few
    /// drafts ([`PENDING_SHOP_PRODUCTS`]), so that nothing costly is open to anyone who
    /// signs up.
    pub fn require_approved(&self, shop: &ShopRow) -> Result<(), ApiError> {
        if shop.status == STATUS_ACTIVE || self.is_admin() {
            return Ok(());
        }
        Err(ApiError::ShopNotApproved(format!(
            "the association has not approved the shop '{}' yet: until then it keeps its \
             profile and at most {PENDING_SHOP_PRODUCTS} draft products",
            shop.slug
        )))
    }

    /// Whether the caller may manage the products of the shop with this id: whoever runs it,
    /// and a volunteer an admin assigned to it while it consents to the association's help
    /// (issue 11), as the database says now: a withdrawal ends it at the next request.
    pub fn may_manage_products(&self, conn: &mut DbConn, shop_id: i64) -> QueryResult<bool> {
        if self.may_run(conn, shop_id)? {
            return Ok(true);
        }
        match self {
            Caller::User(user) if user.role == Role::Volunteer => {
                product_help::helps(conn, shop_id, user.id)
            }
            _ => Ok(false),
        }
    }

    /// The shop with this slug if the caller may manage its products
    /// ([`Caller::may_manage_products`]); 404 otherwise.
    pub fn products_shop(&self, conn: &mut DbConn, slug: &str) -> Result<ShopRow, ApiError> {
        let shop = shops::table
            .filter(shops::slug.eq(slug))
            .select(ShopRow::as_select())
            .first(conn)
            .optional()?;
        match shop {
            Some(shop) if self.may_manage_products(conn, shop.id)? => Ok(shop),
            _ => Err(ApiError::NotFound(format!("no shop '{slug}'"))),
        }
    }

    /// The caller's name when they change the shop's products for it without being on its
    /// team (an assigned volunteer, or an admin), for the shop's history; `None` for the
    /// shop's own merchants and keys.
    pub fn helper_name(&self, conn: &mut DbConn, shop_id: i64) -> QueryResult<Option<String>> {
        let Caller::User(user) = self else {
            return Ok(None);
        };
        if !matches!(user.role, Role::Volunteer | Role::Admin) {
            return Ok(None);
        }
        let member: bool = diesel::select(diesel::dsl::exists(
            shop_members::table
                .filter(shop_members::shop_id.eq(shop_id))
                .filter(shop_members::user_id.eq(user.id)),
        ))
        .get_result(conn)?;
        if member {
            return Ok(None);
        }
        Ok(Some(user::find(conn, user.id)?.name))
    }

    /// The shop with this slug, whatever its status, if the caller may run it; 404 otherwise.
    pub fn shop(&self, conn: &mut DbConn, slug: &str) -> Result<ShopRow, ApiError> {
        let shop = shops::table
            .filter(shops::slug.eq(slug))
            .select(ShopRow::as_select())
            .first(conn)
            .optional()?;
        match shop {
            Some(shop) if self.may_run(conn, shop.id)? => Ok(shop),
            _ => Err(ApiError::NotFound(format!("no shop '{slug}'"))),
        }
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Caller, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let key = auth::bearer(req)
            .filter(|token| token.starts_with(API_KEY_PREFIX))
            .map(auth::token_hash);
        let Some(key_hash) = key else {
            let user = auth::authenticate(req);
            return Box::pin(
                async move { user.await?.map(Caller::User).ok_or(ApiError::Unauthorized) },
            );
        };
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let access = key_policy::required_scope(req);
        let req = req.clone();
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no application state")))?;
            let limit = state.limits.limits.api_key_requests_per_minute;
            let found = db::run(&state.pool, move |conn| {
                write_transaction(conn, |conn| {
                    let Some(key) = api_key::authenticate(conn, &key_hash)? else {
                        return Ok(None);
                    };
                    let counted = key_policy::count_call(conn, key.id, limit, now())?;
                    Ok(Some((key, counted)))
                })
            })
            .await?;
            let Some((key, (allowance, over))) = found else {
                return Err(ApiError::Unauthorized);
            };
            req.extensions_mut().insert(allowance);
            if over {
                return Err(allowance.refusal());
            }
            key_policy::check_scope(&key, access)?;
            Ok(Caller::Key {
                id: key.id,
                shop_id: key.shop_id,
            })
        })
    }
}
