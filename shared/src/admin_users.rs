//! People: the association's admins manage accounts (roles, shop membership, suspension,
//! a password reset code read out on the phone), and every change is kept in the account's
//! history. The account's owner uses the code with [`ResetWithCode`].

use serde::{Deserialize, Serialize};

use crate::auth::Role;

/// Which accounts `GET /admin/users` lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct AccountQuery {
    /// Words of the name or e-mail address; accents and case do not matter (`helene`
    /// finds "Hélène").
    #[serde(default)]
    pub q: Option<String>,
    /// Only accounts with this role.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(inline))]
    pub role: Option<Role>,
    /// Page number, from 1.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 24).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u32>,
}

/// A shop an account is a merchant of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountShop {
    /// The shop's slug.
    pub slug: String,
    /// The shop's name.
    pub name: String,
}

/// An account in the admins' list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 2,
    "name": "Claire Fabre",
    "email": "claire.fabre@example.fr",
    "role": "merchant",
    "shops": [{"slug": "epicerie-du-duche", "name": "Épicerie du Duché"}],
    "suspended": false
})))]
pub struct AccountSummary {
    /// The account's id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// E-mail address (the login).
    pub email: String,
    /// Role.
    pub role: Role,
    /// The shops whose team it is on, by name.
    pub shops: Vec<AccountShop>,
    /// Whether the account is suspended (it cannot sign in, its sessions and keys stop).
    pub suspended: bool,
}

/// What happened to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountEventKind {
    /// The role changed; `detail` is `from -> to`.
    RoleChanged,
    /// Added to a shop's team; `detail` is the shop's name.
    ShopAdded,
    /// Removed from a shop's team; `detail` is the shop's name.
    ShopRemoved,
    /// Suspended: sessions and keys stopped.
    Suspended,
    /// Reinstated after a suspension.
    Reinstated,
    /// A password reset code was generated (the code itself is never kept).
    ResetCodeCreated,
    /// The owner set a new password with a reset code; every session was closed.
    PasswordReset,
}

/// Who made a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountActor {
    /// Their account's id.
    pub id: i64,
    /// Their name.
    pub name: String,
}

/// One change to an account, with who made it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountEvent {
    /// When, ISO 8601 UTC.
    pub at: String,
    /// Who; `None` if their account was deleted since.
    pub actor: Option<AccountActor>,
    /// What.
    pub kind: AccountEventKind,
    /// Details: the roles, the shop.
    pub detail: String,
}

/// One account, as its page in the back-office shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 2,
    "name": "Claire Fabre",
    "email": "claire.fabre@example.fr",
    "phone": "04 66 22 12 34",
    "role": "merchant",
    "shops": [{"slug": "epicerie-du-duche", "name": "Épicerie du Duché"}],
    "suspended_at": null,
    "created_at": "2026-11-02T08:30:00+00:00",
    "last_seen_at": "2026-12-04T09:40:00+00:00",
    "history": [{"at": "2026-11-02T09:00:00+00:00", "kind": "shop_added", "actor": {"id": 1, "name": "Association des commerçants"}, "detail": "Ajoutée à l'équipe de Épicerie du Duché"}],
    "email_verified": true,
    "email_refused": null
})))]
pub struct Account {
    /// The account's id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// E-mail address (the login).
    pub email: String,
    /// The phone the person gave on their account page (volunteers need one), if any.
    pub phone: Option<String>,
    /// Role.
    pub role: Role,
    /// The shops whose team it is on.
    pub shops: Vec<AccountShop>,
    /// When it was suspended, ISO 8601 UTC; `None` while it is active.
    pub suspended_at: Option<String>,
    /// When it was created, ISO 8601 UTC.
    pub created_at: String,
    /// When a session was last opened or renewed (sign-in, or the app renewing its token),
    /// ISO 8601 UTC; `None` if never.
    pub last_seen_at: Option<String>,
    /// Every change, newest first.
    pub history: Vec<AccountEvent>,
    /// Whether its address was proved by the link sent to it (issue 12).
    #[serde(default)]
    pub email_verified: bool,
    /// Set when a mail server refused its address for good (issue 12).
    #[serde(default)]
    pub email_refused: Option<crate::auth::EmailRefused>,
}

/// Changes an account's role. `merchant` needs a shop (add it to one instead); becoming a
/// `customer` or a `volunteer` also takes the account off every shop's team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "role": "volunteer"
})))]
pub struct ChangeRole {
    /// The new role.
    pub role: Role,
}

/// Puts an account on a shop's team; a customer becomes a merchant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "shop": "epicerie-du-duche"
})))]
pub struct AddAccountShop {
    /// The shop's slug.
    pub shop: String,
}

/// A new password reset code, to read out to the account's owner on the phone. It is shown
/// this once, works once, for one hour, and replaces any earlier code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "code": "4821 0937 5512",
    "expires_at": "2026-12-03T11:00:00Z"
})))]
pub struct ResetCode {
    /// Three groups of four digits.
    pub code: String,
    /// When it stops working, ISO 8601 UTC.
    pub expires_at: String,
}

/// Sets a new password with the code an admin read out. Every session of the account is
/// closed on success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "email": "jeanne.martin@example.fr",
    "code": "4821 0937 5512",
    "new_password": "garrigue-et-lavande-31"
})))]
pub struct ResetWithCode {
    /// The account's e-mail address.
    pub email: String,
    /// The 12 digits; spaces, dashes and dots are ignored.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^[ .\u00A0-]*([0-9][ .\u00A0-]*){12}$")
    )]
    pub code: String,
    /// The new password, 12 to 128 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 128))]
    pub new_password: String,
}
