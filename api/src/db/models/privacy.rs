//! Personal data (issue 15): the privacy settings (one row, id 1); pseudonymising orders
//! (the person's identity replaced by a pseudonym, everything the shops' accounting needs
//! kept) and every trace of the person around them; erasing an account; guests' erasure
//! requests; the scheduled anonymisation of guests' old orders; the outbox's retention;
//! and a person's export.
//!
//! An order that is still open (placed, confirmed, ready) is never pseudonymised: the shop
//! and the volunteers still need to reach its customer. Erasure waits until it is handed
//! over or cancelled.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};
use shared::order::OrderStatus;
use shared::privacy::{
    AnonymisationRun, ApiKeyMade, ContactUsed, ERASED_CUSTOMER, ErasureRequest, ErasureRequested,
    MessageSent, PrivacySettings, SessionUsed,
};

use crate::db::DbConn;
use crate::db::models::shop::iso_time;
use crate::db::schema::{
    anonymisation_runs, anonymised_orders, api_keys, carts, delivery_outcomes,
    delivery_round_volunteers, delivery_stop_ranks, delivery_stops, erasure_requests,
    idempotency_keys, login_throttle, mail_opt_outs, order_events, orders, outbox,
    privacy_settings, refresh_tokens, refused_addresses, shops, users, webhook_attempts,
};
use crate::domain::rounds::stop_key;
use crate::error::ApiError;

diesel::define_sql_function! {
    /// SQL `replace(text, from, to)`, the same on SQLite and PostgreSQL.
    fn replace(text: Text, from: Text, to: Text) -> Text;
}

diesel::define_sql_function! {
    /// [`replace`] on a column that may be NULL.
    #[sql_name = "replace"]
    fn replace_nullable(text: Nullable<Text>, from: Text, to: Text) -> Nullable<Text>;
}

/// The one row's id.
const ID: i64 = 1;
/// What stands in for a phone, an e-mail or an address in free text.
const REMOVED: &str = "[supprimé]";
/// Identifiers shorter than this are not searched for in free text (too many false hits).
const SHORTEST_IDENTIFIER: usize = 3;
/// The statuses of an order still being handled.
const OPEN: [&str; 3] = ["placed", "confirmed", "ready"];
/// Orders the scheduled anonymisation takes in one round.
const RETENTION_BATCH: usize = 500;

/// The settings row.
pub fn load_settings(conn: &mut DbConn) -> QueryResult<PrivacySettings> {
    let (contact_email, guest_retention_months, message_retention_days) = privacy_settings::table
        .find(ID)
        .select((
            privacy_settings::contact_email,
            privacy_settings::guest_retention_months,
            privacy_settings::message_retention_days,
        ))
        .first::<(String, i32, i32)>(conn)?;
    Ok(PrivacySettings {
        contact_email,
        guest_retention_months,
        message_retention_days,
    })
}

/// Writes the settings the request names.
pub fn update_settings(
    conn: &mut DbConn,
    contact_email: Option<&str>,
    guest_retention_months: Option<i32>,
    message_retention_days: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    if let Some(email) = contact_email {
        diesel::update(privacy_settings::table.find(ID))
            .set(privacy_settings::contact_email.eq(email))
            .execute(conn)?;
    }
    if let Some(months) = guest_retention_months {
        diesel::update(privacy_settings::table.find(ID))
            .set(privacy_settings::guest_retention_months.eq(months))
            .execute(conn)?;
    }
    if let Some(days) = message_retention_days {
        diesel::update(privacy_settings::table.find(ID))
            .set(privacy_settings::message_retention_days.eq(days))
            .execute(conn)?;
    }
    diesel::update(privacy_settings::table.find(ID))
        .set(privacy_settings::updated_at.eq(now))
        .execute(conn)?;
    Ok(())
}

/// Deletes the messages (e-mails, webhook deliveries with their attempts) sent or given up
/// more than the association's retention ago; those not sent stay. How many went.
pub fn purge_old_messages(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    let days = load_settings(conn)?.message_retention_days.clamp(
        *shared::privacy::MESSAGE_RETENTION_DAYS.start(),
        *shared::privacy::MESSAGE_RETENTION_DAYS.end(),
    );
    super::outbox::purge_done(conn, now - chrono::Duration::days(i64::from(days)))
}

/// Why orders were pseudonymised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// An erasure (an account's, or a guest's request), with its record's id.
    Erasure(i64),
    /// The scheduled anonymisation.
    Retention,
}

/// What identifies the customer of the orders being pseudonymised.
#[derive(Debug, Default)]
struct Identity {
    names: BTreeSet<String>,
    /// Phones, e-mails, streets, access notes.
    others: BTreeSet<String>,
    emails: BTreeSet<String>,
    /// An account's address not proved its own: only the account's letters to it go.
    unproved_emails: BTreeSet<String>,
    numbers: Vec<String>,
    carts: BTreeSet<String>,
    stop_keys: BTreeSet<String>,
}

impl Identity {
    fn name(&mut self, name: &str) {
        let name = name.trim();
        if name.chars().count() >= SHORTEST_IDENTIFIER && !name.starts_with(ERASED_CUSTOMER) {
            self.names.insert(name.to_owned());
        }
    }

    fn other(&mut self, value: &str) {
        let value = value.trim();
        if value.chars().count() >= SHORTEST_IDENTIFIER {
            self.others.insert(value.to_owned());
        }
    }

    fn email(&mut self, email: &str) {
        let email = email.trim().to_lowercase();
        if !email.is_empty() {
            self.other(&email);
            self.emails.insert(email);
        }
    }

    fn phone(&mut self, phone: &str) {
        self.other(phone);
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        self.other(&digits);
        if let Some(national) = digits.strip_prefix('0') {
            self.other(&format!("+33{national}"));
            self.other(&format!("+33 {national}"));
        }
    }

    /// Each identifier with what replaces it, in every spelling it may have been stored in
    /// (as typed, escaped in HTML, escaped in JSON), longest first.
    fn replacements(&self, pseudonym: &str) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut add = |value: &str, by: &str| {
            for spelling in spellings(value) {
                if !pairs.iter().any(|(seen, _)| *seen == spelling) {
                    pairs.push((spelling, by.to_owned()));
                }
            }
        };
        for name in &self.names {
            add(name, pseudonym);
        }
        for other in &self.others {
            add(other, REMOVED);
        }
        pairs.sort_by_key(|(value, _)| std::cmp::Reverse(value.chars().count()));
        pairs
    }
}

/// A value as typed, HTML-escaped and JSON-escaped (e-mails are stored as JSON holding
/// HTML).
fn spellings(value: &str) -> Vec<String> {
    let html = value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;");
    let mut all = vec![value.to_owned(), html.clone()];
    for text in [value, html.as_str()] {
        let json = serde_json::to_string(text).unwrap_or_default();
        all.push(json.trim_matches('"').to_owned());
    }
    all.sort();
    all.dedup();
    all
}

#[derive(Queryable)]
struct OrderIdentity {
    id: i64,
    status: String,
    name: String,
    phone: String,
    email: Option<String>,
    street: Option<String>,
    postcode: Option<String>,
    commune: Option<String>,
    access_note: Option<String>,
    cart_id: String,
    prefix: String,
    created_at: NaiveDateTime,
}

fn identities(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<OrderIdentity>> {
    orders::table
        .filter(orders::id.eq_any(ids))
        .order(orders::id.asc())
        .select((
            orders::id,
            orders::status,
            orders::customer_name,
            orders::customer_phone,
            orders::customer_email,
            orders::address_street,
            orders::address_postcode,
            orders::address_commune,
            orders::address_access_note,
            orders::cart_id,
            orders::number_prefix,
            orders::created_at,
        ))
        .load(conn)
}

/// The orders' customer's identity, plus `extra` (an account's own name, e-mail, phone).
fn identity_of(rows: &[OrderIdentity], extra: Option<&AccountIdentity>) -> Identity {
    let mut identity = Identity::default();
    for row in rows {
        identity.name(&row.name);
        identity.phone(&row.phone);
        if let Some(email) = &row.email {
            identity.email(email);
        }
        if let Some(street) = &row.street {
            identity.other(street);
            identity.stop_keys.insert(stop_key(
                street,
                row.postcode.as_deref().unwrap_or_default(),
                row.commune.as_deref().unwrap_or_default(),
            ));
        }
        if let Some(note) = &row.access_note {
            identity.other(note);
        }
        identity.carts.insert(row.cart_id.clone());
        // Any year: a LIKE pattern of the number (`UZ-____-00042`).
        identity
            .numbers
            .push(format!("{}-____-{:05}", row.prefix, row.id));
    }
    if let Some(account) = extra {
        identity.name(&account.name);
        if account.email_verified {
            identity.email(&account.email);
        } else {
            // Not proved the account's: replaced where the account's own records hold it,
            // and its letters to it go, but the rest kept by address (the orders' messages
            // to it, opt-outs, refusals) may be a stranger's, and stays.
            identity.other(&account.email);
            identity
                .unproved_emails
                .insert(account.email.trim().to_lowercase());
        }
        if let Some(phone) = &account.phone {
            identity.phone(phone);
        }
    }
    identity
}

/// An account's own identifiers, and whether its address is proved its own.
#[derive(Debug)]
struct AccountIdentity {
    name: String,
    email: String,
    phone: Option<String>,
    email_verified: bool,
}

/// Replaces the customer's identity on `ids` (all closed orders) by `pseudonym`, and
/// removes the traces of it around them: free text of the orders' history, the shops'
/// notes and the volunteers' reasons (the identifiers replaced), the messages written to
/// the customer (deleted) or about the orders (identifiers replaced), the checkout's
/// recorded request, the rounds' remembered stops, refusals, opt-outs and throttling of
/// their e-mail addresses. Totals, lines, shop, dates, statuses and the commune stay.
/// Call inside a write transaction.
fn pseudonymise(
    conn: &mut DbConn,
    ids: &[i64],
    extra: Option<&AccountIdentity>,
    pseudonym: &str,
    reason: Reason,
    now: NaiveDateTime,
) -> Result<usize, ApiError> {
    let rows = identities(conn, ids)?;
    if let Some(open) = rows.iter().find(|row| OPEN.contains(&row.status.as_str())) {
        return Err(ApiError::Conflict(format!(
            "the order {} is still being handled by its shop ({}): it can be erased once \
             it is handed over or cancelled",
            super::order::order_number(&open.prefix, open.id, open.created_at),
            open.status
        )));
    }
    let identity = identity_of(&rows, extra);
    let replacements = identity.replacements(pseudonym);

    // Free text that may name the person: replaced before the structured fields go.
    for (value, by) in &replacements {
        diesel::update(orders::table.filter(orders::id.eq_any(ids)))
            .set((
                orders::merchant_note.eq(replace(orders::merchant_note, value, by)),
                orders::cancel_reason.eq(replace_nullable(orders::cancel_reason, value, by)),
            ))
            .execute(conn)?;
        diesel::update(order_events::table.filter(order_events::order_id.eq_any(ids)))
            .set(order_events::note.eq(replace(order_events::note, value, by)))
            .execute(conn)?;
        diesel::update(delivery_outcomes::table.filter(delivery_outcomes::order_id.eq_any(ids)))
            .set(delivery_outcomes::reason.eq(replace(delivery_outcomes::reason, value, by)))
            .execute(conn)?;
    }
    diesel::update(orders::table.filter(orders::id.eq_any(ids)))
        .set((
            orders::customer_name.eq(pseudonym),
            orders::customer_phone.eq(""),
            orders::customer_email.eq(None::<String>),
            orders::note.eq(""),
            orders::address_access_note.eq(None::<String>),
            orders::client_address.eq(None::<String>),
        ))
        .execute(conn)?;
    diesel::update(
        orders::table
            .filter(orders::id.eq_any(ids))
            .filter(orders::address_street.is_not_null()),
    )
    .set(orders::address_street.eq(REMOVED))
    .execute(conn)?;

    // The messages: those to the person go; those about the orders (to the shop, webhooks)
    // lose the identifiers.
    let emails: Vec<String> = identity.emails.iter().cloned().collect();
    let to_person: Vec<i64> = outbox::table
        .filter(outbox::channel.eq("email"))
        .filter(outbox::recipient.eq_any(&emails))
        .select(outbox::id)
        .load(conn)?;
    diesel::delete(outbox::table.filter(outbox::id.eq_any(&to_person))).execute(conn)?;
    let unproved: Vec<String> = identity.unproved_emails.iter().cloned().collect();
    diesel::delete(
        outbox::table
            .filter(outbox::channel.eq("email"))
            .filter(outbox::recipient.eq_any(&unproved))
            .filter(outbox::topic.eq_any(crate::mail::notices::ACCOUNT_TOPICS)),
    )
    .execute(conn)?;
    let mut about: BTreeSet<i64> = BTreeSet::new();
    for number in &identity.numbers {
        let pattern = format!("%{number}%");
        let found: Vec<i64> = outbox::table
            .filter(
                outbox::payload
                    .like(pattern.clone())
                    .or(outbox::subject.like(pattern)),
            )
            .select(outbox::id)
            .load(conn)?;
        about.extend(found);
    }
    let about: Vec<i64> = about.into_iter().collect();
    for chunk in about.chunks(500) {
        for (value, by) in &replacements {
            diesel::update(outbox::table.filter(outbox::id.eq_any(chunk)))
                .set((
                    outbox::payload.eq(replace(outbox::payload, value, by)),
                    outbox::subject.eq(replace(outbox::subject, value, by)),
                    outbox::last_error.eq(replace_nullable(outbox::last_error, value, by)),
                ))
                .execute(conn)?;
            diesel::update(
                webhook_attempts::table.filter(webhook_attempts::outbox_id.eq_any(chunk)),
            )
            .set(webhook_attempts::response_excerpt.eq(replace(
                webhook_attempts::response_excerpt,
                value,
                by,
            )))
            .execute(conn)?;
        }
    }
    diesel::delete(refused_addresses::table.filter(refused_addresses::address.eq_any(&emails)))
        .execute(conn)?;
    diesel::delete(mail_opt_outs::table.filter(mail_opt_outs::address.eq_any(&emails)))
        .execute(conn)?;
    let throttles: Vec<String> = emails
        .iter()
        .map(|email| crate::login_throttle::account_key(email))
        .collect();
    diesel::delete(login_throttle::table.filter(login_throttle::key.eq_any(&throttles)))
        .execute(conn)?;

    // The checkout's recorded request and answer hold the contact as typed.
    let carts: Vec<String> = identity.carts.iter().cloned().collect();
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::cart_id.eq_any(&carts)))
        .execute(conn)?;
    // The rounds remember each address's stop (its key is a hash of the address).
    let keys: Vec<String> = identity.stop_keys.iter().cloned().collect();
    diesel::delete(delivery_stops::table.filter(delivery_stops::stop_key.eq_any(&keys)))
        .execute(conn)?;
    diesel::delete(delivery_stop_ranks::table.filter(delivery_stop_ranks::stop_key.eq_any(&keys)))
        .execute(conn)?;

    let (reason, erasure_id) = match reason {
        Reason::Erasure(id) => ("erasure", Some(id)),
        Reason::Retention => ("retention", None),
    };
    for id in ids {
        diesel::delete(anonymised_orders::table.find(id)).execute(conn)?;
        diesel::insert_into(anonymised_orders::table)
            .values((
                anonymised_orders::order_id.eq(id),
                anonymised_orders::at.eq(now),
                anonymised_orders::reason.eq(reason),
                anonymised_orders::erasure_id.eq(erasure_id),
            ))
            .execute(conn)?;
    }
    Ok(ids.len())
}

/// The pseudonym of the person of erasure `id`: `Client supprimé #12`.
pub fn pseudonym(id: i64) -> String {
    format!("{ERASED_CUSTOMER} #{id}")
}

/// Locks the account's row for the rest of the transaction (erasure and checkout take it
/// first, so one waits for the other); 401 when the account no longer exists.
pub fn lock_account(conn: &mut DbConn, user_id: i64) -> Result<(), ApiError> {
    let found: Option<i64> = match conn {
        DbConn::Pg(pg) => users::table
            .find(user_id)
            .select(users::id)
            .for_update()
            .first(pg)
            .optional()?,
        DbConn::Sqlite(sqlite) => users::table
            .find(user_id)
            .select(users::id)
            .first(sqlite)
            .optional()?,
    };
    found.map(|_| ()).ok_or(ApiError::Unauthorized)
}

/// Erases the account: its orders, and the guest orders placed with its address if that
/// address is verified, pseudonymised (all must be closed), then the account and
/// everything hanging on it deleted (sessions, e-mail links, reset codes, baskets, its
/// history); the API keys it made are revoked. Call inside a write transaction; checks
/// nothing about who asks.
pub fn erase_account(
    conn: &mut DbConn,
    user_id: i64,
    now: NaiveDateTime,
) -> Result<(String, usize), ApiError> {
    lock_account(conn, user_id)?;
    let (name, email, phone): (String, String, Option<String>) = users::table
        .find(user_id)
        .select((users::name, users::email, users::phone))
        .first(conn)?;
    let account = AccountIdentity {
        name,
        email,
        phone,
        email_verified: super::email_token::verified_at(conn, user_id)?.is_some(),
    };
    let erasure: i64 = diesel::insert_into(erasure_requests::table)
        .values((
            erasure_requests::kind.eq("account"),
            erasure_requests::requested_at.eq(now),
            erasure_requests::done_at.eq(Some(now)),
        ))
        .returning(erasure_requests::id)
        .get_result(conn)?;
    let pseudonym = pseudonym(erasure);
    let mut ids: Vec<i64> = orders::table
        .filter(orders::user_id.eq(user_id))
        .select(orders::id)
        .load(conn)?;
    // The guest orders placed with the account's address, only once the address is proved
    // the account's: else registering a stranger's address would erase their orders.
    if account.email_verified {
        let guest: Vec<i64> = orders::table
            .filter(orders::user_id.is_null())
            .filter(orders::customer_email.eq(account.email.to_lowercase()))
            .select(orders::id)
            .load(conn)?;
        ids.extend(guest);
    }
    let done = pseudonymise(
        conn,
        &ids,
        Some(&account),
        &pseudonym,
        Reason::Erasure(erasure),
        now,
    )?;
    diesel::update(erasure_requests::table.find(erasure))
        .set(erasure_requests::orders_pseudonymised.eq(i32::try_from(done).unwrap_or(i32::MAX)))
        .execute(conn)?;
    diesel::update(orders::table.filter(orders::user_id.eq(user_id)))
        .set(orders::user_id.eq(None::<i64>))
        .execute(conn)?;
    diesel::update(
        api_keys::table
            .filter(api_keys::created_by.eq(user_id))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(now))
    .execute(conn)?;
    let baskets: Vec<String> = carts::table
        .filter(carts::user_id.eq(user_id))
        .select(carts::id)
        .load(conn)?;
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::cart_id.eq_any(&baskets)))
        .execute(conn)?;
    diesel::delete(carts::table.filter(carts::id.eq_any(&baskets))).execute(conn)?;
    diesel::delete(
        delivery_round_volunteers::table.filter(delivery_round_volunteers::user_id.eq(user_id)),
    )
    .execute(conn)?;
    // Sessions, e-mail links, reset codes, memberships, its history: ON DELETE CASCADE.
    diesel::delete(users::table.find(user_id)).execute(conn)?;
    Ok((pseudonym, done))
}

/// Records a guest's erasure request from an order's tracking link; asking again while one
/// waits answers the waiting one. 404 for an unknown link.
pub fn request_guest_erasure(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> Result<(ErasureRequested, bool), ApiError> {
    let order: Option<(i64, Option<i64>)> = orders::table
        .filter(orders::tracking_token.eq(token))
        .select((orders::id, orders::user_id))
        .first(conn)
        .optional()?;
    let Some((order_id, user_id)) = order else {
        return Err(ApiError::NotFound("no order has this tracking link".into()));
    };
    if user_id.is_some() {
        return Err(ApiError::Conflict(
            "this order belongs to an account: sign in and erase the account from its page".into(),
        ));
    }
    let waiting: Option<NaiveDateTime> = erasure_requests::table
        .filter(erasure_requests::order_id.eq(order_id))
        .filter(erasure_requests::done_at.is_null())
        .select(erasure_requests::requested_at)
        .first(conn)
        .optional()?;
    if let Some(at) = waiting {
        return Ok((
            ErasureRequested {
                requested_at: iso_time(at),
                done_at: None,
            },
            false,
        ));
    }
    diesel::insert_into(erasure_requests::table)
        .values((
            erasure_requests::kind.eq("guest"),
            erasure_requests::order_id.eq(order_id),
            erasure_requests::requested_at.eq(now),
        ))
        .execute(conn)?;
    // As stored (PostgreSQL keeps microseconds), so asking again answers the same time.
    let at: NaiveDateTime = erasure_requests::table
        .filter(erasure_requests::order_id.eq(order_id))
        .filter(erasure_requests::done_at.is_null())
        .select(erasure_requests::requested_at)
        .first(conn)?;
    Ok((
        ErasureRequested {
            requested_at: iso_time(at),
            done_at: None,
        },
        true,
    ))
}

/// The guest orders one guest's request covers: the order whose link asked, the other
/// guest orders with its e-mail address (the link went to that address), and those with
/// both its phone and its name (a phone alone may be a household's, a name alone anyone's).
/// Orders of accounts are never included: their owners erase them.
fn guest_orders_of(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<i64>> {
    let (phone, name, email): (String, String, Option<String>) = orders::table
        .find(order_id)
        .select((
            orders::customer_phone,
            orders::customer_name,
            orders::customer_email,
        ))
        .first(conn)?;
    let mut ids: BTreeSet<i64> = BTreeSet::from([order_id]);
    if let Some(email) = email.filter(|e| !e.is_empty()) {
        let same: Vec<i64> = orders::table
            .filter(orders::user_id.is_null())
            .filter(orders::customer_email.eq(email.to_lowercase()))
            .select(orders::id)
            .load(conn)?;
        ids.extend(same);
    }
    if !phone.is_empty() && !name.starts_with(ERASED_CUSTOMER) {
        let candidates: Vec<(i64, String)> = orders::table
            .filter(orders::user_id.is_null())
            .filter(orders::customer_phone.eq(&phone))
            .select((orders::id, orders::customer_name))
            .load(conn)?;
        let wanted = crate::domain::search::sort_key(&name);
        ids.extend(
            candidates
                .into_iter()
                .filter(|(_, other)| crate::domain::search::sort_key(other) == wanted)
                .map(|(id, _)| id),
        );
    }
    Ok(ids.into_iter().collect())
}

/// Carries out a guest's waiting request: see [`guest_orders_of`] for the orders it covers.
/// 404 for an unknown request, 409 for one already done or one with an order still open.
/// Call inside a write transaction.
pub fn execute_request(
    conn: &mut DbConn,
    id: i64,
    admin_id: i64,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let request: Option<(Option<i64>, Option<NaiveDateTime>, String)> = erasure_requests::table
        .find(id)
        .select((
            erasure_requests::order_id,
            erasure_requests::done_at,
            erasure_requests::kind,
        ))
        .first(conn)
        .optional()?;
    let Some((order_id, done_at, kind)) = request else {
        return Err(ApiError::NotFound("no erasure request has this id".into()));
    };
    if done_at.is_some() || kind != "guest" {
        return Err(ApiError::Conflict(
            "this erasure was already carried out".into(),
        ));
    }
    let done = match order_id {
        Some(order_id) => {
            let ids = guest_orders_of(conn, order_id)?;
            pseudonymise(conn, &ids, None, &pseudonym(id), Reason::Erasure(id), now)?
        }
        None => 0,
    };
    diesel::update(erasure_requests::table.find(id))
        .set((
            erasure_requests::done_at.eq(Some(now)),
            erasure_requests::done_by.eq(Some(admin_id)),
            erasure_requests::orders_pseudonymised.eq(i32::try_from(done).unwrap_or(i32::MAX)),
        ))
        .execute(conn)?;
    Ok(())
}

/// The erasures: waiting ones first (oldest first), then the latest 50 done.
pub fn list_requests(conn: &mut DbConn) -> QueryResult<Vec<ErasureRequest>> {
    type Row = (
        i64,
        String,
        Option<i64>,
        NaiveDateTime,
        Option<NaiveDateTime>,
        Option<i64>,
        i32,
    );
    let select = (
        erasure_requests::id,
        erasure_requests::kind,
        erasure_requests::order_id,
        erasure_requests::requested_at,
        erasure_requests::done_at,
        erasure_requests::done_by,
        erasure_requests::orders_pseudonymised,
    );
    let mut rows: Vec<Row> = erasure_requests::table
        .filter(erasure_requests::done_at.is_null())
        .order(erasure_requests::id.asc())
        .select(select)
        .load(conn)?;
    let done: Vec<Row> = erasure_requests::table
        .filter(erasure_requests::done_at.is_not_null())
        .order(erasure_requests::id.desc())
        .limit(50)
        .select(select)
        .load(conn)?;
    rows.extend(done);
    let mut out = Vec::with_capacity(rows.len());
    for (id, kind, order_id, requested_at, done_at, done_by, count) in rows {
        let order: Option<(i64, String, NaiveDateTime, String, String)> = match order_id {
            Some(order_id) => orders::table
                .inner_join(shops::table)
                .filter(orders::id.eq(order_id))
                .select((
                    orders::id,
                    orders::number_prefix,
                    orders::created_at,
                    shops::name,
                    orders::customer_name,
                ))
                .first(conn)
                .optional()?,
            None => None,
        };
        let done_by = match done_by {
            Some(admin) => users::table
                .find(admin)
                .select(users::name)
                .first::<String>(conn)
                .optional()?,
            None => None,
        };
        out.push(ErasureRequest {
            id,
            kind,
            order_number: order
                .as_ref()
                .map(|(id, prefix, at, _, _)| super::order::order_number(prefix, *id, *at)),
            shop_name: order.as_ref().map(|o| o.3.clone()),
            customer_name: order.map(|o| o.4),
            requested_at: iso_time(requested_at),
            done_at: done_at.map(iso_time),
            done_by,
            orders_pseudonymised: i64::from(count),
        });
    }
    Ok(out)
}

/// The latest 50 rounds of the scheduled anonymisation that did something.
pub fn runs(conn: &mut DbConn) -> QueryResult<Vec<AnonymisationRun>> {
    let rows: Vec<(NaiveDateTime, NaiveDateTime, i32)> = anonymisation_runs::table
        .order(anonymisation_runs::id.desc())
        .limit(50)
        .select((
            anonymisation_runs::ran_at,
            anonymisation_runs::cutoff,
            anonymisation_runs::orders,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(ran_at, cutoff, orders)| AnonymisationRun {
            ran_at: iso_time(ran_at),
            cutoff: iso_time(cutoff),
            orders: i64::from(orders),
        })
        .collect())
}

/// The scheduled anonymisation: guest orders, closed, not yet anonymised, whose customer
/// (the same phone, or the same e-mail) has ordered nothing as a guest since the retention
/// period began, are pseudonymised (`Client anonymisé #<order id>`), at most
/// [`RETENTION_BATCH`] a round; a round that did something is logged. Safe when two
/// instances run it at once (each order is taken under the write lock and skipped once
/// done). Call inside a write transaction.
pub fn anonymise_old_guest_orders(
    conn: &mut DbConn,
    now: NaiveDateTime,
) -> Result<usize, ApiError> {
    let months = load_settings(conn)?.guest_retention_months.clamp(
        *shared::privacy::GUEST_RETENTION_MONTHS.start(),
        *shared::privacy::GUEST_RETENTION_MONTHS.end(),
    );
    let cutoff = now
        .checked_sub_months(chrono::Months::new(u32::try_from(months).unwrap_or(36)))
        .unwrap_or(now);
    let closed = [
        OrderStatus::Completed.as_str(),
        OrderStatus::Cancelled.as_str(),
    ];
    let candidates: Vec<(i64, String, Option<String>)> = orders::table
        .left_join(anonymised_orders::table)
        .filter(anonymised_orders::order_id.is_null())
        .filter(orders::user_id.is_null())
        .filter(orders::created_at.lt(cutoff))
        .filter(orders::status.eq_any(closed))
        .order(orders::id.asc())
        .select((orders::id, orders::customer_phone, orders::customer_email))
        .load(conn)?;
    let mut done = 0;
    for (id, phone, email) in candidates {
        if done >= RETENTION_BATCH {
            break;
        }
        let recent_phone: bool = !phone.is_empty()
            && diesel::select(diesel::dsl::exists(
                orders::table
                    .filter(orders::user_id.is_null())
                    .filter(orders::customer_phone.eq(&phone))
                    .filter(orders::created_at.ge(cutoff)),
            ))
            .get_result(conn)?;
        let recent_email: bool = match &email {
            Some(email) if !email.is_empty() => diesel::select(diesel::dsl::exists(
                orders::table
                    .filter(orders::user_id.is_null())
                    .filter(orders::customer_email.eq(email))
                    .filter(orders::created_at.ge(cutoff)),
            ))
            .get_result(conn)?,
            _ => false,
        };
        if recent_phone || recent_email {
            continue;
        }
        pseudonymise(
            conn,
            &[id],
            None,
            &format!("Client anonymisé #{id}"),
            Reason::Retention,
            now,
        )?;
        done += 1;
    }
    if done > 0 {
        diesel::insert_into(anonymisation_runs::table)
            .values((
                anonymisation_runs::ran_at.eq(now),
                anonymisation_runs::cutoff.eq(cutoff),
                anonymisation_runs::orders.eq(i32::try_from(done).unwrap_or(i32::MAX)),
            ))
            .execute(conn)?;
    }
    Ok(done)
}

/// When the account was made.
pub fn created_at(conn: &mut DbConn, user_id: i64) -> QueryResult<NaiveDateTime> {
    users::table
        .find(user_id)
        .select(users::created_at)
        .first(conn)
}

/// Every order of the account, newest first.
pub fn order_ids_of(conn: &mut DbConn, user_id: i64) -> QueryResult<Vec<i64>> {
    orders::table
        .filter(orders::user_id.eq(user_id))
        .order((orders::created_at.desc(), orders::id.desc()))
        .select(orders::id)
        .load(conn)
}

/// The names, phones and e-mails given on the account's orders, and its addresses.
pub fn contacts_of(
    conn: &mut DbConn,
    user_id: i64,
) -> QueryResult<(Vec<ContactUsed>, Vec<shared::order::Address>)> {
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = orders::table
        .filter(orders::user_id.eq(user_id))
        .order(orders::id.asc())
        .select((
            orders::customer_name,
            orders::customer_phone,
            orders::customer_email,
            orders::address_street,
            orders::address_postcode,
            orders::address_commune,
            orders::address_access_note,
        ))
        .load(conn)?;
    let mut contacts: Vec<ContactUsed> = Vec::new();
    let mut addresses: Vec<shared::order::Address> = Vec::new();
    for (name, phone, email, street, postcode, commune, access_note) in rows {
        let contact = ContactUsed { name, phone, email };
        if !contacts.contains(&contact) {
            contacts.push(contact);
        }
        if let Some(street) = street {
            let address = shared::order::Address {
                street,
                postcode: postcode.unwrap_or_default(),
                commune: commune.unwrap_or_default(),
                access_note,
            };
            if !addresses.contains(&address) {
                addresses.push(address);
            }
        }
    }
    Ok((contacts, addresses))
}

/// The e-mails written to `address`, oldest first.
pub fn messages_to(conn: &mut DbConn, address: &str) -> QueryResult<Vec<MessageSent>> {
    let rows: Vec<(NaiveDateTime, String, String, Option<NaiveDateTime>, String)> = outbox::table
        .filter(outbox::channel.eq("email"))
        .filter(outbox::recipient.eq(address))
        .order(outbox::id.asc())
        .select((
            outbox::created_at,
            outbox::subject,
            outbox::state,
            outbox::sent_at,
            outbox::payload,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(created_at, subject, state, sent_at, payload)| MessageSent {
                created_at: iso_time(created_at),
                subject,
                state,
                sent_at: sent_at.map(iso_time),
                text: serde_json::from_str::<crate::mail::Email>(&payload)
                    .map(|email| email.text)
                    .unwrap_or_default(),
            },
        )
        .collect())
}

/// The account's sessions (refresh tokens) still on record.
pub fn sessions_of(conn: &mut DbConn, user_id: i64) -> QueryResult<Vec<SessionUsed>> {
    let rows: Vec<(NaiveDateTime, NaiveDateTime, Option<NaiveDateTime>)> = refresh_tokens::table
        .filter(refresh_tokens::user_id.eq(user_id))
        .order(refresh_tokens::id.asc())
        .select((
            refresh_tokens::created_at,
            refresh_tokens::expires_at,
            refresh_tokens::revoked_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(created_at, expires_at, revoked_at)| SessionUsed {
            created_at: iso_time(created_at),
            expires_at: iso_time(expires_at),
            revoked_at: revoked_at.map(iso_time),
        })
        .collect())
}

/// The API keys the account made.
pub fn api_keys_of(conn: &mut DbConn, user_id: i64) -> QueryResult<Vec<ApiKeyMade>> {
    let rows: Vec<(String, String, String, NaiveDateTime, Option<NaiveDateTime>)> = api_keys::table
        .inner_join(shops::table)
        .filter(api_keys::created_by.eq(user_id))
        .order(api_keys::id.asc())
        .select((
            shops::slug,
            api_keys::name,
            api_keys::prefix,
            api_keys::created_at,
            api_keys::revoked_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(shop, name, prefix, created_at, revoked_at)| ApiKeyMade {
            shop,
            name,
            prefix,
            created_at: iso_time(created_at),
            revoked_at: revoked_at.map(iso_time),
        })
        .collect())
}
