//! Personal data (issue 15): what the privacy page shows (`/privacy`), a signed-in
//! person's export of their data (`/me/export`) and erasure (`DELETE /me`), a guest's
//! erasure request through a tracking link, and the association's side: its privacy
//! settings, the requests it carries out, and the log of the scheduled anonymisation.

use serde::{Deserialize, Serialize};

use crate::auth::Me;
use crate::marketplace::LegalNotice;
use crate::notifications::MyNotifications;
use crate::order::{Address, Order};

/// Default months a guest's personal data is kept after their last order.
pub const DEFAULT_GUEST_RETENTION_MONTHS: i32 = 36;
/// The retention the association may set, in months.
pub const GUEST_RETENTION_MONTHS: std::ops::RangeInclusive<i32> = 1..=120;
/// How long the association may keep messages once sent or given up (90 by default), in
/// days.
pub const MESSAGE_RETENTION_DAYS: std::ops::RangeInclusive<i32> = 7..=730;
/// Years an order is kept for the shops' accounting (French commercial law).
pub const ORDER_KEEP_YEARS: i32 = 10;
/// How the erased person appears on the orders kept for the shops: followed by a number
/// (`Client supprimé #12`), the same on every order of one person.
pub const ERASED_CUSTOMER: &str = "Client supprimé";

/// What the privacy page shows, from the association's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "marketplace_name": "Les commerces d'Uzès",
    "controller": {
        "publisher_name": "Association des commerçants d'Uzès",
        "publisher_address": "1 place aux Herbes, 30700 Uzès",
        "publication_director": "Marie Dupont",
        "host_name": "OVH SAS", "host_address": "2 rue Kellermann, 59100 Roubaix", "host_phone": "09 72 10 10 07"
    },
    "data_contact_email": "donnees@commerces-uzes.fr",
    "contact_phone": "04 66 22 00 00",
    "guest_retention_months": 36,
    "message_retention_days": 90,
    "order_keep_years": 10,
    "session_days": 30
})))]
pub struct Privacy {
    /// The marketplace's name.
    pub marketplace_name: String,
    /// Who is responsible for the data: the association, as its legal notice names it.
    pub controller: LegalNotice,
    /// Where to send a data request (access, rectification, erasure, portability,
    /// objection): the association's privacy contact, else its contact e-mail.
    pub data_contact_email: String,
    /// The association's phone, for those without e-mail.
    pub contact_phone: String,
    /// Months a guest's personal data is kept after their last order, then anonymised.
    pub guest_retention_months: i32,
    /// Days an e-mail is kept once sent (or given up), then deleted.
    pub message_retention_days: i32,
    /// Years an order (with the pseudonym of an erased customer) is kept for accounting.
    pub order_keep_years: i32,
    /// Days a session (the refresh cookie) lasts without use.
    pub session_days: i64,
}

/// The association's privacy settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "contact_email": "donnees@commerces-uzes.fr", "guest_retention_months": 36,
    "message_retention_days": 90
})))]
pub struct PrivacySettings {
    /// Where people send data requests; empty: the association's contact e-mail.
    pub contact_email: String,
    /// Months after a guest's last order before their orders are anonymised (1 to 120).
    pub guest_retention_months: i32,
    /// Days a message (an e-mail, a webhook delivery) is kept once sent or given up, then
    /// deleted (7 to 730), as are messages held without a mail server; messages waiting
    /// for a new attempt are kept.
    pub message_retention_days: i32,
}

/// Changes the privacy settings; a field left out stays as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"guest_retention_months": 24})))]
#[serde(deny_unknown_fields)]
pub struct UpdatePrivacySettings {
    /// An e-mail address, or empty for the association's contact e-mail.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub contact_email: Option<String>,
    /// 1 to 120 months.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 120))]
    pub guest_retention_months: Option<i32>,
    /// 7 to 730 days.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 7, maximum = 730))]
    pub message_retention_days: Option<i32>,
}

/// Confirms the erasure of the signed-in account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"password": "mon mot de passe"})))]
#[serde(deny_unknown_fields)]
pub struct EraseAccount {
    /// The account's password, typed again.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub password: String,
}

/// What an erasure did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "pseudonym": "Client supprimé #12", "orders_pseudonymised": 3
})))]
pub struct Erasure {
    /// The name the kept orders now carry.
    pub pseudonym: String,
    /// Orders kept for the shops' accounting, now under the pseudonym.
    pub orders_pseudonymised: i64,
}

/// A phone number and e-mail given at checkout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactUsed {
    /// The name given.
    pub name: String,
    /// The phone given.
    pub phone: String,
    /// The e-mail given, if any.
    pub email: Option<String>,
}

/// An e-mail the server wrote to the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageSent {
    /// When it was written, RFC 3339.
    pub created_at: String,
    /// Its subject.
    pub subject: String,
    /// `pending`, `held`, `sent` or `failed`.
    pub state: String,
    /// When it left, RFC 3339.
    pub sent_at: Option<String>,
    /// Its text.
    pub text: String,
}

/// A session of the account (never its token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionUsed {
    /// When it began (or was last renewed), RFC 3339.
    pub created_at: String,
    /// When it ends unless renewed, RFC 3339.
    pub expires_at: String,
    /// When it was closed or replaced, RFC 3339.
    pub revoked_at: Option<String>,
}

/// An API key the account made (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKeyMade {
    /// The shop's slug.
    pub shop: String,
    /// The key's name.
    pub name: String,
    /// Its first characters, as the back-office shows them.
    pub prefix: String,
    /// When it was made, RFC 3339.
    pub created_at: String,
    /// When it was revoked, RFC 3339.
    pub revoked_at: Option<String>,
}

/// Everything the marketplace holds about the signed-in person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataExport {
    /// When this export was made, RFC 3339.
    pub exported_at: String,
    /// The account.
    pub account: Me,
    /// When the account was made, RFC 3339.
    pub account_created_at: String,
    /// Every order of the account, newest first, with its lines, totals and history.
    pub orders: Vec<Order>,
    /// The names, phones and e-mails given at checkout.
    pub contacts_used: Vec<ContactUsed>,
    /// The delivery addresses given at checkout.
    pub addresses_used: Vec<Address>,
    /// The e-mail settings.
    pub notifications: MyNotifications,
    /// The e-mails written to the account's address.
    pub messages: Vec<MessageSent>,
    /// The sessions (sign-ins) of the last 30 days.
    pub sessions: Vec<SessionUsed>,
    /// The API keys the account made for its shops.
    pub api_keys: Vec<ApiKeyMade>,
}

/// A guest's erasure request, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"requested_at": "2026-12-05T09:30:00Z", "done_at": null})))]
pub struct ErasureRequested {
    /// When it was asked, RFC 3339.
    pub requested_at: String,
    /// When the association carried it out, RFC 3339.
    pub done_at: Option<String>,
}

/// An erasure, as the association's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": 4, "kind": "guest", "order_number": "UZ-2026-00042", "shop_name": "Épicerie du Duché",
    "customer_name": "Jeanne Martin", "requested_at": "2026-12-05T09:30:00Z",
    "done_at": null, "done_by": null, "orders_pseudonymised": 0
})))]
pub struct ErasureRequest {
    /// Its id.
    pub id: i64,
    /// `guest` (asked through a tracking link, carried out by an admin) or `account` (an
    /// account erased by its owner, done at once).
    pub kind: String,
    /// The order whose tracking link asked (guests).
    pub order_number: Option<String>,
    /// That order's shop.
    pub shop_name: Option<String>,
    /// The name on that order: the person's until it is carried out, then the pseudonym.
    pub customer_name: Option<String>,
    /// When it was asked, RFC 3339.
    pub requested_at: String,
    /// When it was carried out, RFC 3339.
    pub done_at: Option<String>,
    /// The admin who carried it out (`null` for an account erased by its owner).
    pub done_by: Option<String>,
    /// Orders pseudonymised.
    pub orders_pseudonymised: i64,
}

/// A round of the scheduled anonymisation that anonymised something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "ran_at": "2026-12-05T03:00:00Z", "cutoff": "2023-12-05T03:00:00Z", "orders": 12
})))]
pub struct AnonymisationRun {
    /// When, RFC 3339.
    pub ran_at: String,
    /// Guests whose last order was before this were anonymised, RFC 3339.
    pub cutoff: String,
    /// Orders anonymised.
    pub orders: i64,
}

/// The association's privacy page: settings, erasures and the anonymisation log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminPrivacy {
    /// The settings.
    pub settings: PrivacySettings,
    /// The erasures, waiting ones first, then the latest 50 done.
    pub requests: Vec<ErasureRequest>,
    /// The latest 50 rounds of the scheduled anonymisation that did something.
    pub runs: Vec<AnonymisationRun>,
}
