//! Shops: rows, inserts, the directory query, and the back-office's queries (joining,
//! status changes and their history, profile changes, closed days).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use shared::auth::Role;
use shared::catalogue::{OpeningSlot, Shop, ShopKind, ShopSummary};
use shared::shop_admin::{AdminShop, ShopProfile, ShopStatus};
use shared::shop_orders::PaymentMethod;

use super::{Db, settings};
use crate::db::DbConn;
use crate::db::schema::{shop_closed_days, shop_events, shop_members, shops, users};
use crate::domain::delivery::DeliveryRules;
use crate::domain::paging::Paging;
use crate::domain::search::{escape_like, query_terms, search_key, sort_key};

/// Where a shop stands with the association.
pub const STATUS_ACTIVE: &str = "active";

/// Where a shop's logo is served.
fn logo_url(slug: &str) -> String {
    format!("/api/v1/shops/{slug}/logo")
}

/// What a VAT-exempt micro-entrepreneur must print on prices and receipts.
pub const VAT_EXEMPT_MENTION: &str = "TVA non applicable, art. 293 B du CGI";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = shops)]
pub struct ShopRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub status: String,
    pub description: String,
    pub address: String,
    pub commune: String,
    pub postcode: String,
    pub phone: String,
    pub email: String,
    pub opening_hours: String,
    pub offers_pickup: bool,
    pub offers_delivery: bool,
    pub vat_exempt: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub delivers_on_food_days: bool,
    pub release_unconfirmed_after_hours: i32,
    pub accepts_cash: bool,
    pub accepts_cheque: bool,
    pub accepts_card: bool,
}

impl ShopRow {
    /// What the shop accepts on the doorstep (issue 11).
    pub fn payment_means(&self) -> Vec<PaymentMethod> {
        payment_means(self.accepts_cash, self.accepts_cheque, self.accepts_card)
    }
}

/// The payment means of the three `accepts_*` columns, in a fixed order.
pub fn payment_means(cash: bool, cheque: bool, card: bool) -> Vec<PaymentMethod> {
    [
        (cash, PaymentMethod::Cash),
        (cheque, PaymentMethod::Cheque),
        (card, PaymentMethod::Card),
    ]
    .into_iter()
    .filter_map(|(accepted, method)| accepted.then_some(method))
    .collect()
}

#[derive(Debug, Insertable)]
#[diesel(table_name = shops)]
pub struct NewShop<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub status: &'a str,
    pub description: &'a str,
    pub address: &'a str,
    pub commune: &'a str,
    pub postcode: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
    pub opening_hours: String,
    pub offers_pickup: bool,
    pub offers_delivery: bool,
    pub vat_exempt: bool,
    pub search_text: String,
    pub sort_name: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Filters of the shop directory, already valid.
#[derive(Debug, Clone, Default)]
pub struct ShopFilter {
    pub kind: Option<ShopKind>,
    pub commune: Option<String>,
    pub delivers: Option<bool>,
    pub q: Option<String>,
}

impl NewShop<'_> {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<i64> {
        diesel::insert_into(shops::table)
            .values(self)
            .returning(shops::id)
            .get_result(conn)
    }
}

fn filtered(filter: &ShopFilter) -> shops::BoxedQuery<'static, Db> {
    let mut query = shops::table
        .filter(shops::status.eq(STATUS_ACTIVE))
        .into_boxed();
    if let Some(kind) = filter.kind {
        query = query.filter(shops::kind.eq(kind.as_str()));
    }
    if let Some(commune) = &filter.commune {
        query = query.filter(shops::commune.eq(commune.clone()));
    }
    if let Some(delivers) = filter.delivers {
        query = query.filter(shops::offers_delivery.eq(delivers));
    }
    for term in filter.q.as_deref().map(query_terms).unwrap_or_default() {
        let pattern = format!("% {}%", escape_like(&term));
        query = query.filter(shops::search_text.like(pattern).escape('\\'));
    }
    query
}

/// One page of active shops matching the filter, in French alphabetical order, and the total.
pub fn list_active(
    conn: &mut DbConn,
    filter: &ShopFilter,
    paging: Paging,
) -> QueryResult<(Vec<ShopRow>, u64)> {
    let total: i64 = filtered(filter).count().get_result(conn)?;
    let rows = filtered(filter)
        .order((shops::sort_name.asc(), shops::id.asc()))
        .offset(paging.offset())
        .limit(paging.limit())
        .select(ShopRow::as_select())
        .load(conn)?;
    Ok((rows, u64::try_from(total).unwrap_or(0)))
}

/// Number of shops in the database, whatever their status.
pub fn count_all(conn: &mut DbConn) -> QueryResult<i64> {
    shops::table.count().get_result(conn)
}

impl ShopRow {
    /// The kind as the wire type; the database's CHECK constraint guarantees it parses.
    pub fn kind(&self) -> ShopKind {
        ShopKind::parse(&self.kind).unwrap_or(ShopKind::NonFood)
    }

    /// Opening hours, stored as JSON, by weekday then time.
    pub fn opening_hours(&self) -> Vec<OpeningSlot> {
        let mut hours: Vec<OpeningSlot> =
            serde_json::from_str(&self.opening_hours).unwrap_or_default();
        hours.sort_by(|a, b| (a.weekday, &a.opens).cmp(&(b.weekday, &b.opens)));
        hours
    }
}

impl From<ShopRow> for ShopSummary {
    fn from(row: ShopRow) -> ShopSummary {
        ShopSummary {
            kind: row.kind(),
            logo_url: logo_url(&row.slug),
            slug: row.slug,
            name: row.name,
            description: row.description,
            commune: row.commune,
            postcode: row.postcode,
            offers_pickup: row.offers_pickup,
            offers_delivery: row.offers_delivery,
        }
    }
}

impl ShopRow {
    /// The shop's page, with its delivery days under the marketplace's rules.
    pub fn into_page(self, rules: &DeliveryRules) -> Shop {
        let (opening_hours, kind) = (self.opening_hours(), self.kind());
        Shop {
            delivery_days: rules.days(kind, self.offers_delivery, self.delivers_on_food_days),
            vat_mention: self.vat_exempt.then(|| VAT_EXEMPT_MENTION.to_owned()),
            logo_url: logo_url(&self.slug),
            slug: self.slug,
            name: self.name,
            kind,
            description: self.description,
            commune: self.commune,
            postcode: self.postcode,
            offers_pickup: self.offers_pickup,
            offers_delivery: self.offers_delivery,
            address: self.address,
            phone: self.phone,
            email: self.email,
            opening_hours,
            vat_exempt: self.vat_exempt,
            legal: None,
        }
    }
}

/// An active shop by its slug.
pub fn find_active_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<ShopRow> {
    shops::table
        .filter(shops::slug.eq(slug))
        .filter(shops::status.eq(STATUS_ACTIVE))
        .select(ShopRow::as_select())
        .first(conn)
}

// The back-office: joining, the association's decisions, the profile and closed days.

/// As the API writes a stored UTC time: ISO 8601.
pub fn iso_time(at: NaiveDateTime) -> String {
    chrono::DateTime::<chrono::Utc>::from_naive_utc_and_offset(at, chrono::Utc).to_rfc3339()
}

/// The slug a name gives: lower-case ASCII words joined by `-`, at most 60 characters
/// ("Épicerie du Duché" -> `epicerie-du-duche`); empty when the name has no letters or
/// digits.
pub fn slug_of(name: &str) -> String {
    let mut slug = String::new();
    for word in sort_key(name).split(' ') {
        let word: String = word.chars().filter(char::is_ascii_alphanumeric).collect();
        if word.is_empty() {
            continue;
        }
        if !slug.is_empty() && slug.len() + 1 + word.len() > MAX_SLUG_LENGTH {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    slug.truncate(MAX_SLUG_LENGTH);
    slug
}

/// Longest slug made from a name (before a `-2` suffix).
const MAX_SLUG_LENGTH: usize = 60;

/// `base`, or `base-2`, `base-3`... the first that no shop has.
pub fn unique_slug(conn: &mut DbConn, base: &str) -> QueryResult<String> {
    let taken: Vec<String> = shops::table
        .filter(
            shops::slug.eq(base).or(shops::slug
                .like(format!("{}-%", escape_like(base)))
                .escape('\\')),
        )
        .select(shops::slug)
        .load(conn)?;
    let mut candidate = base.to_owned();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Ok(candidate)
}

/// A shop's searchable text, kept with its name, description and commune.
pub fn shop_search_text(name: &str, description: &str, commune: &str) -> String {
    search_key(&format!("{name} {description} {commune}"))
}

/// A shop by id, whatever its status.
pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<ShopRow> {
    shops::table
        .find(id)
        .select(ShopRow::as_select())
        .first(conn)
}

/// Locks a shop's row until the transaction ends (PostgreSQL; SQLite's write transaction
/// holds the whole file), so that a change checked against the shop as read (one of pickup
/// or delivery kept, the search text) is written against the same shop. Read it again after.
pub fn lock(conn: &mut DbConn, id: i64) -> QueryResult<()> {
    if let DbConn::Pg(pg) = conn {
        shops::table
            .find(id)
            .select(shops::id)
            .for_update()
            .load::<i64>(pg)?;
    }
    Ok(())
}

/// Applications of this account still waiting for the association. On PostgreSQL the
/// account's row is locked first, so that two applications sent at once are counted one
/// after the other (SQLite's write transaction already holds the whole file).
pub fn pending_applications_of(conn: &mut DbConn, user_id: i64) -> QueryResult<i64> {
    if let DbConn::Pg(pg) = conn {
        users::table
            .find(user_id)
            .select(users::id)
            .for_update()
            .load::<i64>(pg)?;
    }
    shops::table
        .inner_join(shop_members::table)
        .filter(shop_members::user_id.eq(user_id))
        .filter(shops::status.eq(ShopStatus::Pending.as_str()))
        .count()
        .get_result(conn)
}

/// A shop by slug, whatever its status.
pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<ShopRow>> {
    shops::table
        .filter(shops::slug.eq(slug))
        .select(ShopRow::as_select())
        .first(conn)
        .optional()
}

/// The shops a user is a member of, whatever their status, by name.
pub fn of_member(conn: &mut DbConn, user_id: i64) -> QueryResult<Vec<ShopRow>> {
    shops::table
        .inner_join(shop_members::table)
        .filter(shop_members::user_id.eq(user_id))
        .order((shops::sort_name.asc(), shops::id.asc()))
        .select(ShopRow::as_select())
        .load(conn)
}

/// One page of every shop, optionally of one status, newest applications first.
pub fn list_all(
    conn: &mut DbConn,
    status: Option<ShopStatus>,
    paging: Paging,
) -> QueryResult<(Vec<ShopRow>, u64)> {
    let query = || {
        let mut query = shops::table.into_boxed::<Db>();
        if let Some(status) = status {
            query = query.filter(shops::status.eq(status.as_str()));
        }
        query
    };
    let total: i64 = query().count().get_result(conn)?;
    let rows = query()
        .order((shops::created_at.desc(), shops::id.desc()))
        .offset(paging.offset())
        .limit(paging.limit())
        .select(ShopRow::as_select())
        .load(conn)?;
    Ok((rows, u64::try_from(total).unwrap_or(0)))
}

/// Moves a shop from `from` to `to`; 0 rows when it was no longer `from` (a concurrent
/// change). Database triggers list or unlist its products and bump the catalogue version,
/// so cached pages follow at once.
pub fn set_status(
    conn: &mut DbConn,
    id: i64,
    (from, to): (ShopStatus, ShopStatus),
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(shops::table.find(id))
        .filter(shops::status.eq(from.as_str()))
        .set((shops::status.eq(to.as_str()), shops::updated_at.eq(now)))
        .execute(conn)
}

/// Changes to a shop's profile, already valid; `None` leaves a column as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = shops)]
pub struct ShopChanges {
    pub description: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub commune: Option<String>,
    pub opening_hours: Option<String>,
    pub offers_pickup: Option<bool>,
    pub offers_delivery: Option<bool>,
    pub vat_exempt: Option<bool>,
    pub delivers_on_food_days: Option<bool>,
    pub release_unconfirmed_after_hours: Option<i32>,
    pub accepts_cash: Option<bool>,
    pub accepts_cheque: Option<bool>,
    pub accepts_card: Option<bool>,
    pub search_text: Option<String>,
    pub updated_at: Option<NaiveDateTime>,
}

impl ShopChanges {
    pub fn apply(&self, conn: &mut DbConn, id: i64) -> QueryResult<usize> {
        diesel::update(shops::table.find(id))
            .set(self)
            .execute(conn)
    }
}

/// Notes a step of a shop's history.
pub fn record_event(
    conn: &mut DbConn,
    shop_id: i64,
    actor: &str,
    change: (Option<ShopStatus>, Option<ShopStatus>),
    note: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(shop_events::table)
        .values((
            shop_events::shop_id.eq(shop_id),
            shop_events::at.eq(now),
            shop_events::actor.eq(actor),
            shop_events::from_status.eq(change.0.map(ShopStatus::as_str)),
            shop_events::to_status.eq(change.1.map(ShopStatus::as_str)),
            shop_events::note.eq(note),
        ))
        .execute(conn)
}

/// Why a suspended shop was suspended (the note of its latest suspension).
fn suspension_reason(conn: &mut DbConn, shop_id: i64) -> QueryResult<Option<String>> {
    shop_events::table
        .filter(shop_events::shop_id.eq(shop_id))
        .filter(shop_events::to_status.eq(ShopStatus::Suspended.as_str()))
        .order((shop_events::at.desc(), shop_events::id.desc()))
        .select(shop_events::note)
        .first(conn)
        .optional()
}

/// Makes an account a merchant, unless it already has a higher role (admin, volunteer).
pub fn make_merchant(conn: &mut DbConn, user_id: i64) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id))
        .filter(users::role.eq(Role::Customer.as_str()))
        .set(users::role.eq(Role::Merchant.as_str()))
        .execute(conn)
}

/// Whether an account is on a shop's team.
pub fn is_member(conn: &mut DbConn, shop_id: i64, user_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        shop_members::table
            .filter(shop_members::shop_id.eq(shop_id))
            .filter(shop_members::user_id.eq(user_id)),
    ))
    .get_result(conn)
}

impl ShopRow {
    /// The status as the wire type; the database's CHECK constraint guarantees it parses.
    pub fn status(&self) -> ShopStatus {
        ShopStatus::parse(&self.status).unwrap_or(ShopStatus::Pending)
    }

    /// The shop as its merchants see it.
    pub fn into_profile(self, conn: &mut DbConn) -> QueryResult<ShopProfile> {
        let status = self.status();
        let status_reason = match status {
            ShopStatus::Suspended => suspension_reason(conn, self.id)?,
            _ => None,
        };
        let (opening_hours, kind) = (self.opening_hours(), self.kind());
        let delivery_payment_means = self.payment_means();
        let legal = super::legal::identity(conn, self.id)?;
        Ok(ShopProfile {
            legal,
            logo_url: logo_url(&self.slug),
            created_at: iso_time(self.created_at),
            slug: self.slug,
            name: self.name,
            kind,
            status,
            status_reason,
            description: self.description,
            address: self.address,
            postcode: self.postcode,
            commune: self.commune,
            phone: self.phone,
            email: self.email,
            opening_hours,
            offers_pickup: self.offers_pickup,
            offers_delivery: self.offers_delivery,
            vat_exempt: self.vat_exempt,
            delivers_on_food_days: self.delivers_on_food_days,
            release_unconfirmed_after_hours: i64::from(self.release_unconfirmed_after_hours),
            delivery_payment_means,
        })
    }
}

impl From<ShopRow> for AdminShop {
    fn from(row: ShopRow) -> AdminShop {
        AdminShop {
            kind: row.kind(),
            status: row.status(),
            created_at: iso_time(row.created_at),
            slug: row.slug,
            name: row.name,
            commune: row.commune,
            phone: row.phone,
            legal_complete: false,
        }
    }
}

/// A shop's closed days from `from` on, in order.
pub fn closed_days_from(
    conn: &mut DbConn,
    shop_id: i64,
    from: NaiveDate,
) -> QueryResult<Vec<NaiveDate>> {
    let mut days: Vec<NaiveDate> = settings::closed_days(conn, shop_id)?
        .into_iter()
        .filter(|day| *day >= from)
        .collect();
    days.sort();
    Ok(days)
}

/// Marks a day closed; `false` when it already was.
pub fn add_closed_day(conn: &mut DbConn, shop_id: i64, day: NaiveDate) -> QueryResult<bool> {
    let day = day.format("%Y-%m-%d").to_string();
    let exists: bool = diesel::select(diesel::dsl::exists(
        shop_closed_days::table
            .filter(shop_closed_days::shop_id.eq(shop_id))
            .filter(shop_closed_days::day.eq(&day)),
    ))
    .get_result(conn)?;
    if exists {
        return Ok(false);
    }
    diesel::insert_into(shop_closed_days::table)
        .values((
            shop_closed_days::shop_id.eq(shop_id),
            shop_closed_days::day.eq(&day),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Opens a closed day again; the number of rows removed (0 when it was not closed).
pub fn remove_closed_day(conn: &mut DbConn, shop_id: i64, day: NaiveDate) -> QueryResult<usize> {
    diesel::delete(
        shop_closed_days::table
            .filter(shop_closed_days::shop_id.eq(shop_id))
            .filter(shop_closed_days::day.eq(day.format("%Y-%m-%d").to_string())),
    )
    .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::slug_of;

    #[test]
    fn slugs_are_folded_words_joined_by_dashes() {
        assert_eq!(slug_of("Épicerie du Duché"), "epicerie-du-duche");
        assert_eq!(
            slug_of("  L'Atelier  d'Œuvres & Co. "),
            "l-atelier-d-oeuvres-co"
        );
        assert_eq!(slug_of("Café n°1"), "cafe-n-1");
        assert_eq!(slug_of("!!!"), "");
        let long = slug_of(&"boulangerie ".repeat(10));
        assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
    }
}
