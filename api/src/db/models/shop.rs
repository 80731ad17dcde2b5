//! Shops: rows, inserts and the directory query.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::catalogue::{OpeningSlot, Shop, ShopKind, ShopSummary};

use super::Db;
use crate::db::DbConn;
use crate::db::schema::shops;
use crate::domain::delivery::DeliveryRules;
use crate::domain::paging::Paging;
use crate::domain::search::{escape_like, query_terms};

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
