//! Who sells, terms, withdrawal (issue 15): shops' legal identities, the versions of the
//! terms of use and of sale, what an order's customer accepted from which seller, and the
//! withdrawals of order lines.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::legal::{
    AcceptedTerms, LegalForm, Registration, Seller, ShopLegal, TermsAcceptance, TermsKind,
    TermsSource, VAT_EXEMPT_MENTION, Withdrawal,
};

use super::shop::{ShopRow, iso_time};
use crate::db::DbConn;
use crate::db::schema::{
    order_legal, order_lines, order_withdrawals, shop_default_terms, shop_legal, terms_versions,
};
use crate::domain::legal::{DEFAULT_TERMS_OF_SALE, DEFAULT_TERMS_OF_USE, LegalIdentity};

/// The owner of the association's texts in `terms_versions.shop_id`.
const ASSOCIATION: i64 = 0;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = shop_legal)]
struct LegalRow {
    legal_name: String,
    legal_form: String,
    siret: String,
    registration: String,
    registration_city: String,
    vat_number: String,
    responsible: String,
}

impl From<LegalRow> for ShopLegal {
    fn from(row: LegalRow) -> ShopLegal {
        let form = LegalForm::parse(&row.legal_form).unwrap_or(LegalForm::Other);
        let registration = Registration::parse(&row.registration).unwrap_or(Registration::None);
        let exempt = row.vat_number.is_empty();
        ShopLegal {
            legal_form_label: form.label().to_owned(),
            legal_form: form,
            registration_mention: registration.mention(&row.registration_city),
            registration,
            registration_city: row.registration_city,
            vat_mention: exempt.then(|| VAT_EXEMPT_MENTION.to_owned()),
            vat_number: (!exempt).then_some(row.vat_number),
            legal_name: row.legal_name,
            siret: row.siret,
            responsible: row.responsible,
        }
    }
}

/// A shop's legal identity, if it gave one.
pub fn identity(conn: &mut DbConn, shop_id: i64) -> QueryResult<Option<ShopLegal>> {
    Ok(shop_legal::table
        .find(shop_id)
        .select(LegalRow::as_select())
        .first(conn)
        .optional()?
        .map(ShopLegal::from))
}

/// Which of these shops gave their legal identity.
pub fn with_identity(conn: &mut DbConn, shop_ids: &[i64]) -> QueryResult<HashSet<i64>> {
    Ok(shop_legal::table
        .filter(shop_legal::shop_id.eq_any(shop_ids))
        .select(shop_legal::shop_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect())
}

/// Whether a shop takes orders: only once it has given its legal identity (no grace period
/// for shops approved before identities were required).
pub fn takes_orders(conn: &mut DbConn, shop_id: i64) -> QueryResult<bool> {
    Ok(with_identity(conn, &[shop_id])?.contains(&shop_id))
}

/// The first of these shops that cannot take orders because it has not given its legal
/// identity: 409 `seller_identity_missing` naming it. Nothing is written.
pub fn check_sellers(
    conn: &mut DbConn,
    shops: &[(i64, &str, &str)],
) -> Result<(), crate::error::ApiError> {
    let ids: Vec<i64> = shops.iter().map(|(id, _, _)| *id).collect();
    let identified = with_identity(conn, &ids)?;
    match shops.iter().find(|(id, _, _)| !identified.contains(id)) {
        None => Ok(()),
        Some((_, slug, name)) => Err(crate::error::ApiError::ConflictWith(
            shared::error::ErrorCode::SellerIdentityMissing,
            format!(
                "{name} ({slug}) cannot take orders until it completes its legal identity: \
                 remove its products from the basket to order the rest; nothing was ordered"
            ),
        )),
    }
}

/// Sets a shop's legal identity, replacing the one it had. Call inside a write transaction
/// that locked the shop.
pub fn save_identity(
    conn: &mut DbConn,
    shop_id: i64,
    identity: &LegalIdentity,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(shop_legal::table.find(shop_id)).execute(conn)?;
    diesel::insert_into(shop_legal::table)
        .values((
            shop_legal::shop_id.eq(shop_id),
            shop_legal::legal_name.eq(&identity.legal_name),
            shop_legal::legal_form.eq(identity.legal_form.as_str()),
            shop_legal::siret.eq(&identity.siret),
            shop_legal::registration.eq(identity.registration.as_str()),
            shop_legal::registration_city.eq(&identity.registration_city),
            shop_legal::vat_number.eq(&identity.vat_number),
            shop_legal::responsible.eq(&identity.responsible),
            shop_legal::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The seller of a shop's orders, as of now.
pub fn seller(conn: &mut DbConn, shop: &ShopRow) -> QueryResult<Seller> {
    Ok(Seller {
        shop_name: shop.name.clone(),
        address: format!("{}, {} {}", shop.address, shop.postcode, shop.commune),
        phone: shop.phone.clone(),
        email: shop.email.clone(),
        legal: identity(conn, shop.id)?,
    })
}

// ---- Terms ---------------------------------------------------------------------------

fn scope_name(kind: TermsKind) -> &'static str {
    match kind {
        TermsKind::Use => "use",
        TermsKind::Sale => "sale",
    }
}

/// Where a version of terms is read.
fn versions_url(kind: TermsKind, shop_slug: Option<&str>, version: i32) -> String {
    match (kind, shop_slug) {
        (TermsKind::Use, _) => format!("/api/v1/terms/versions/{version}"),
        (TermsKind::Sale, None) => format!("/api/v1/terms/sale/versions/{version}"),
        (TermsKind::Sale, Some(slug)) => format!("/api/v1/shops/{slug}/terms/versions/{version}"),
    }
}

type TermsRow = (i32, String, NaiveDateTime);

fn terms_row(
    conn: &mut DbConn,
    kind: TermsKind,
    shop_id: i64,
    version: Option<i32>,
) -> QueryResult<Option<TermsRow>> {
    let mut query = terms_versions::table
        .filter(terms_versions::scope.eq(scope_name(kind)))
        .filter(terms_versions::shop_id.eq(shop_id))
        .into_boxed::<super::Db>();
    if let Some(version) = version {
        query = query.filter(terms_versions::version.eq(version));
    }
    query
        .order(terms_versions::version.desc())
        .select((
            terms_versions::version,
            terms_versions::body,
            terms_versions::created_at,
        ))
        .first(conn)
        .optional()
}

fn built_in(kind: TermsKind) -> &'static str {
    match kind {
        TermsKind::Use => DEFAULT_TERMS_OF_USE,
        TermsKind::Sale => DEFAULT_TERMS_OF_SALE,
    }
}

/// The association's terms (of use, or its default terms of sale): the latest version, or
/// `version`; the text built into Vitrine is version 1 until one is saved. `None`: no such
/// version.
pub fn association_terms(
    conn: &mut DbConn,
    kind: TermsKind,
    version: Option<i32>,
) -> QueryResult<Option<shared::legal::Terms>> {
    let row = terms_row(conn, kind, ASSOCIATION, version)?;
    let terms = |version: i32, body: String, at: Option<NaiveDateTime>| shared::legal::Terms {
        kind,
        source: TermsSource::Association,
        version,
        published_at: at.map(iso_time),
        body,
        versions_url: versions_url(kind, None, version),
    };
    Ok(match (row, version) {
        (Some((n, body, at)), _) => Some(terms(n, body, Some(at))),
        (None, None | Some(1)) => Some(terms(1, built_in(kind).to_owned(), None)),
        (None, Some(_)) => None,
    })
}

/// Whether a shop went back to the association's default terms of sale.
fn uses_default(conn: &mut DbConn, shop_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(shop_default_terms::table.find(shop_id))).get_result(conn)
}

/// Goes back to the association's default terms of sale: the shop's own versions stay
/// readable, but the next orders accept the default's current version. `false`: it used
/// the default already. Call inside a write transaction.
pub fn use_default_terms(conn: &mut DbConn, shop_id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    lock_terms(conn, shop_id)?;
    let own = terms_row(conn, TermsKind::Sale, shop_id, None)?.is_some();
    if !own || uses_default(conn, shop_id)? {
        return Ok(false);
    }
    diesel::insert_into(shop_default_terms::table)
        .values((
            shop_default_terms::shop_id.eq(shop_id),
            shop_default_terms::since.eq(now),
        ))
        .execute(conn)?;
    Ok(true)
}

/// A shop's terms of sale: its own latest version, else (none written, or it went back to
/// it) the association's default.
pub fn shop_terms(conn: &mut DbConn, shop: &ShopRow) -> QueryResult<shared::legal::Terms> {
    let own = if uses_default(conn, shop.id)? {
        None
    } else {
        terms_row(conn, TermsKind::Sale, shop.id, None)?
    };
    match own {
        Some((version, body, at)) => Ok(shared::legal::Terms {
            kind: TermsKind::Sale,
            source: TermsSource::Shop,
            version,
            published_at: Some(iso_time(at)),
            body,
            versions_url: versions_url(TermsKind::Sale, Some(&shop.slug), version),
        }),
        None => Ok(association_terms(conn, TermsKind::Sale, None)?
            .expect("the association's latest terms always exist")),
    }
}

/// One of a shop's own versions of its terms of sale.
pub fn shop_terms_version(
    conn: &mut DbConn,
    shop: &ShopRow,
    version: i32,
) -> QueryResult<Option<shared::legal::Terms>> {
    Ok(
        terms_row(conn, TermsKind::Sale, shop.id, Some(version))?.map(|(version, body, at)| {
            shared::legal::Terms {
                kind: TermsKind::Sale,
                source: TermsSource::Shop,
                version,
                published_at: Some(iso_time(at)),
                body,
                versions_url: versions_url(TermsKind::Sale, Some(&shop.slug), version),
            }
        }),
    )
}

/// On PostgreSQL, queues the changes of one owner's terms (SQLite's write transactions
/// already run one at a time).
fn lock_terms(conn: &mut DbConn, owner: i64) -> QueryResult<()> {
    if let DbConn::Pg(pg) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock(15, CAST($1 AS INTEGER))")
            .bind::<diesel::sql_types::Integer, _>(i32::try_from(owner).unwrap_or(i32::MAX))
            .execute(pg)?;
    }
    Ok(())
}

/// Saves a new version of terms (`shop_id` `None`: the association's) and answers its
/// number: one more than the latest (the association's first saved version is 2, the
/// built-in text being 1). Call inside a write transaction; on PostgreSQL an advisory lock
/// queues two saves of the same text, and the unique index refuses a duplicate anyway.
pub fn save_terms(
    conn: &mut DbConn,
    kind: TermsKind,
    shop_id: Option<i64>,
    body: &str,
    actor: &str,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    let owner = shop_id.unwrap_or(ASSOCIATION);
    lock_terms(conn, owner)?;
    let latest: Option<i32> = terms_versions::table
        .filter(terms_versions::scope.eq(scope_name(kind)))
        .filter(terms_versions::shop_id.eq(owner))
        .select(diesel::dsl::max(terms_versions::version))
        .first(conn)?;
    let first = if shop_id.is_none() { 2 } else { 1 };
    let version = latest.map_or(first, |v| v + 1);
    if let Some(shop_id) = shop_id {
        // Its own text again: no longer the association's default.
        diesel::delete(shop_default_terms::table.find(shop_id)).execute(conn)?;
    }
    diesel::insert_into(terms_versions::table)
        .values((
            terms_versions::scope.eq(scope_name(kind)),
            terms_versions::shop_id.eq(owner),
            terms_versions::version.eq(version),
            terms_versions::body.eq(body),
            terms_versions::created_at.eq(now),
            terms_versions::created_by.eq(actor),
        ))
        .execute(conn)?;
    Ok(version)
}

// ---- Orders --------------------------------------------------------------------------

/// Records on a new order who sold it and the terms its customer accepted, as they are now.
pub fn record_order(
    conn: &mut DbConn,
    order_id: i64,
    shop: &ShopRow,
    how: TermsAcceptance,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let seller = serde_json::to_string(&seller(conn, shop)?).unwrap_or_default();
    let terms_of_use = association_terms(conn, TermsKind::Use, None)?.map_or(1, |t| t.version);
    let sale = shop_terms(conn, shop)?;
    diesel::insert_into(order_legal::table)
        .values((
            order_legal::order_id.eq(order_id),
            order_legal::seller.eq(seller),
            order_legal::terms_of_use_version.eq(terms_of_use),
            order_legal::terms_of_sale_source.eq(sale.source.as_str()),
            order_legal::terms_of_sale_version.eq(sale.version),
            order_legal::terms_accepted_at.eq(now),
            order_legal::terms_accepted_how.eq(match how {
                TermsAcceptance::Ticked => "ticked",
                TermsAcceptance::ReadOut => "read_out",
            }),
        ))
        .execute(conn)?;
    Ok(())
}

/// The seller and accepted terms recorded on an order, if it has them.
pub fn of_order(
    conn: &mut DbConn,
    order_id: i64,
) -> QueryResult<Option<(Option<Seller>, AcceptedTerms)>> {
    let row: Option<(String, i32, String, i32, NaiveDateTime, String)> = order_legal::table
        .find(order_id)
        .select((
            order_legal::seller,
            order_legal::terms_of_use_version,
            order_legal::terms_of_sale_source,
            order_legal::terms_of_sale_version,
            order_legal::terms_accepted_at,
            order_legal::terms_accepted_how,
        ))
        .first(conn)
        .optional()?;
    Ok(
        row.map(|(seller, use_version, source, sale_version, at, how)| {
            (
                serde_json::from_str(&seller).ok(),
                AcceptedTerms {
                    terms_of_use_version: use_version,
                    terms_of_sale_source: if source == "shop" {
                        TermsSource::Shop
                    } else {
                        TermsSource::Association
                    },
                    terms_of_sale_version: sale_version,
                    accepted_at: iso_time(at),
                    how: if how == "read_out" {
                        TermsAcceptance::ReadOut
                    } else {
                        TermsAcceptance::Ticked
                    },
                },
            )
        }),
    )
}

// ---- Withdrawals ---------------------------------------------------------------------

/// The withdrawals sent for an order, by line.
pub fn withdrawals(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<Withdrawal>> {
    let rows: Vec<(i64, i64, NaiveDateTime, String)> = order_withdrawals::table
        .inner_join(order_lines::table.on(order_lines::id.eq(order_withdrawals::order_line_id)))
        .filter(order_withdrawals::order_id.eq(order_id))
        .order(order_withdrawals::id.asc())
        .select((
            order_lines::id,
            order_lines::product_id,
            order_withdrawals::at,
            order_withdrawals::message,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(line_id, product_id, at, message)| Withdrawal {
            line_id,
            product_id,
            at: iso_time(at),
            message,
        })
        .collect())
}

/// Records the withdrawal of one line; 0 when it was already withdrawn.
pub fn record_withdrawal(
    conn: &mut DbConn,
    order_id: i64,
    line_id: i64,
    message: &str,
    actor: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(order_withdrawals::table)
        .values((
            order_withdrawals::order_id.eq(order_id),
            order_withdrawals::order_line_id.eq(line_id),
            order_withdrawals::message.eq(message),
            order_withdrawals::at.eq(now),
            order_withdrawals::actor.eq(actor),
        ))
        .execute(conn)?;
    Ok(())
}
