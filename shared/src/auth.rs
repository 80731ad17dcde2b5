//! Accounts and sessions: sign-up, log-in, short-lived access tokens and rotating refresh
//! tokens.

use serde::{Deserialize, Serialize};

/// The header the web app sends on its calls to `/auth/*` (with the value
/// [`BROWSER_SESSION_VALUE`]): the refresh token then lives in an HttpOnly cookie scoped to
/// `/api/v1/auth` instead of the JSON body, and refresh and log-out read it from there. A
/// cross-site form cannot send this header, so the cookie alone never refreshes a session.
pub const BROWSER_SESSION_HEADER: &str = "X-Requested-With";
/// The value of [`BROWSER_SESSION_HEADER`].
pub const BROWSER_SESSION_VALUE: &str = "vitrine";

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A shopper.
    Customer,
    /// A member of one or more shops' teams.
    Merchant,
    /// An association volunteer (delivery rounds).
    Volunteer,
    /// An association administrator.
    Admin,
}

impl Role {
    /// The wire and database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Merchant => "merchant",
            Role::Volunteer => "volunteer",
            Role::Admin => "admin",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<Role> {
        [Role::Customer, Role::Merchant, Role::Volunteer, Role::Admin]
            .into_iter()
            .find(|role| role.as_str() == value)
    }
}

/// Creates a customer account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "email": "jeanne.martin@example.fr",
    "password": "garrigue-et-lavande-30",
    "name": "Jeanne Martin"
})))]
pub struct Register {
    /// E-mail address, the account's login.
    #[cfg_attr(feature = "openapi", schema(max_length = 254, pattern = "<email>"))]
    pub email: String,
    /// 12 to 128 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 128))]
    pub password: String,
    /// Name, as shops will call the customer, 1 to 100 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 100, pattern = "<visible>"))]
    pub name: String,
    /// A guest basket to keep with the new account.
    #[serde(default)]
    pub cart_id: Option<String>,
}

/// Opens a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "email": "jeanne.martin@example.fr",
    "password": "garrigue-et-lavande-30"
})))]
pub struct Login {
    /// E-mail address.
    #[cfg_attr(feature = "openapi", schema(max_length = 254, pattern = "<email>"))]
    pub email: String,
    /// Password.
    #[cfg_attr(feature = "openapi", schema(max_length = 128))]
    pub password: String,
    /// A guest basket to keep with the account.
    #[serde(default)]
    pub cart_id: Option<String>,
}

/// Exchanges or revokes a refresh token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "refresh_token": "c2eca01fe3ba46bba89601a4d2bb5e503e7cb42ec99a48158906aee047464073"
})))]
pub struct RefreshToken {
    /// The refresh token of the session. The web app leaves it out (`{}`): its token is in
    /// the `vitrine_refresh` cookie, read only with the header [`BROWSER_SESSION_HEADER`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

/// The signed-in account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 3,
    "email": "jeanne.martin@example.fr",
    "name": "Jeanne Martin",
    "role": "customer",
    "cart_id": null,
    "phone": "06 12 34 56 78",
    "email_verified": true,
    "email_refused": null
})))]
pub struct Me {
    /// The account's id.
    pub id: i64,
    /// E-mail address.
    pub email: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// The account's basket, if it has one.
    pub cart_id: Option<String>,
    /// The account's phone, if given (`PATCH /me`); volunteers need one.
    #[serde(default)]
    pub phone: Option<String>,
    /// Whether the account's address was proved by the link sent to it (issue 12).
    #[serde(default)]
    pub email_verified: bool,
    /// Set when a mail server refused the account's address for good: no e-mail reaches
    /// it (issue 12).
    #[serde(default)]
    pub email_refused: Option<EmailRefused>,
}

/// A mail server refused the address for good: no more e-mail is sent to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailRefused {
    /// When, RFC 3339.
    pub at: String,
    /// What the mail server answered.
    pub reason: String,
}

/// A session: send `access_token` as `Authorization: Bearer <token>`; before it expires,
/// exchange `refresh_token` for a new pair (the old refresh token then stops working).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIzIiwicm9sZSI6ImN1c3RvbWVyIiwiaXNzIjoidml0cmluZSIsImF1ZCI6InZpdHJpbmUtYXBpIiwiaWF0IjoxNzk2NDIxODM1LCJleHAiOjE3OTY0MjI3MzUsImdlbiI6MH0.Xtf8G-BmP6TTBdhDHwksoK4IaQEBejOgl1tnis6WcF8",
    "token_type": "Bearer",
    "expires_in": 900,
    "refresh_token": "c2eca01fe3ba46bba89601a4d2bb5e503e7cb42ec99a48158906aee047464073",
    "user": {"id": 3, "email": "jeanne.martin@example.fr", "name": "Jeanne Martin", "role": "customer", "cart_id": null, "phone": "06 12 34 56 78", "email_verified": true, "email_refused": null}
})))]
pub struct Session {
    /// A JWT, valid `expires_in` seconds.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds the access token is valid.
    pub expires_in: u64,
    /// Single use; valid 30 days. Absent when the request came from the web app (with
    /// [`BROWSER_SESSION_HEADER`]): the token is then in an HttpOnly cookie.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// The account.
    pub user: Me,
}

// E-mail links (issue 12): a password reset by e-mail, and the account's address verified.

/// Asks for a link to set a new password, sent to the account's address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "email": "jeanne.martin@example.fr"
})))]
pub struct RequestPasswordReset {
    /// The account's e-mail address.
    #[cfg_attr(feature = "openapi", schema(max_length = 254, pattern = "<email>"))]
    pub email: String,
}

/// Sets a new password with the token of the link sent by e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "token": "3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a3f9a",
    "password": "garrigue-et-lavande-31"
})))]
pub struct ConfirmPasswordReset {
    /// The `jeton` of the link: 96 lower-case hexadecimal digits.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9a-f]{96}$"))]
    pub token: String,
    /// The new password, 12 to 128 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 128))]
    pub password: String,
}

/// Proves the account's address with the token of the link sent to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "token": "7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e7c1e"
})))]
pub struct VerifyEmail {
    /// The `jeton` of the link: 96 lower-case hexadecimal digits.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9a-f]{96}$"))]
    pub token: String,
}

/// A request for an e-mail was taken. For a password reset the answer is the same whether
/// the address has an account or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "detail": "If an account has this address, a link to set a new password was sent to it; it works for one hour."
})))]
pub struct LinkRequested {
    /// What happens next, in English (the web app says it in French).
    pub detail: String,
}
