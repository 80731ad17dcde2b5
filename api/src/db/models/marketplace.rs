//! The marketplace's settings row (id 1), its logo, and what the first start's setup page
//! counts. Changes write only the columns given.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::marketplace::{
    Contact, LegalNotice, Localized, Marketplace, Palette, SetupProgress, default_order_prefix,
};

use crate::db::DbConn;
use crate::db::schema::{categories, communes, marketplace, shops, users};
use crate::images::Resized;

/// The one row's id.
const ID: i64 = 1;

/// The settings as stored (the logo's bytes excepted).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = marketplace)]
pub struct MarketplaceRow {
    pub name: String,
    pub town: String,
    pub tagline_fr: String,
    pub tagline_en: String,
    pub intro_fr: String,
    pub intro_en: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub contact_address: String,
    pub publisher_name: String,
    pub publisher_address: String,
    pub publication_director: String,
    pub host_name: String,
    pub host_address: String,
    pub host_phone: String,
    pub palette: String,
    pub order_number_prefix: String,
    pub logo_version: i64,
    pub configured_at: Option<NaiveDateTime>,
}

/// The columns a change writes; `None` leaves a column as it is.
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = marketplace)]
pub struct MarketplaceChanges {
    pub name: Option<String>,
    pub town: Option<String>,
    pub tagline_fr: Option<String>,
    pub tagline_en: Option<String>,
    pub intro_fr: Option<String>,
    pub intro_en: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub contact_address: Option<String>,
    pub publisher_name: Option<String>,
    pub publisher_address: Option<String>,
    pub publication_director: Option<String>,
    pub host_name: Option<String>,
    pub host_address: Option<String>,
    pub host_phone: Option<String>,
    pub palette: Option<String>,
    pub order_number_prefix: Option<String>,
}

impl MarketplaceRow {
    /// The prefix new orders get: the one set, else the town's.
    pub fn order_prefix(&self) -> String {
        if self.order_number_prefix.is_empty() {
            default_order_prefix(&self.town)
        } else {
            self.order_number_prefix.clone()
        }
    }

    /// The wire form; `counts_visits` is the server's, not the settings' (see
    /// [`crate::visits`]).
    pub fn into_wire(self, needs_admin: bool, counts_visits: bool) -> Marketplace {
        let localized = |fr: String, en: String| Localized {
            fr,
            en: (!en.is_empty()).then_some(en),
        };
        let order_number_prefix = self.order_prefix();
        Marketplace {
            name: self.name,
            town: self.town,
            tagline: localized(self.tagline_fr, self.tagline_en),
            intro: localized(self.intro_fr, self.intro_en),
            contact: Contact {
                phone: self.contact_phone,
                email: self.contact_email,
                address: self.contact_address,
            },
            legal: LegalNotice {
                publisher_name: self.publisher_name,
                publisher_address: self.publisher_address,
                publication_director: self.publication_director,
                host_name: self.host_name,
                host_address: self.host_address,
                host_phone: self.host_phone,
            },
            palette: Palette::parse(&self.palette).unwrap_or_default(),
            logo_url: (self.logo_version > 0)
                .then(|| format!("/api/v1/marketplace/logo?v={}", self.logo_version)),
            order_number_prefix,
            needs_admin,
            counts_visits,
        }
    }
}

/// The settings row.
pub fn load(conn: &mut DbConn) -> QueryResult<MarketplaceRow> {
    marketplace::table
        .find(ID)
        .select(MarketplaceRow::as_select())
        .first(conn)
}

/// Whether no administrator account exists yet.
pub fn needs_admin(conn: &mut DbConn) -> QueryResult<bool> {
    let any: bool = diesel::select(diesel::dsl::exists(
        users::table.filter(users::role.eq("admin")),
    ))
    .get_result(conn)?;
    Ok(!any)
}

/// The settings as the public reads them, from a server that counts visits or not
/// (`--no-visit-count`).
pub fn public(conn: &mut DbConn, counts_visits: bool) -> QueryResult<Marketplace> {
    let needs_admin = needs_admin(conn)?;
    Ok(load(conn)?.into_wire(needs_admin, counts_visits))
}

/// Writes the columns `changes` names, and marks the settings as saved.
pub fn update(
    conn: &mut DbConn,
    changes: &MarketplaceChanges,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(marketplace::table.find(ID))
        .set((
            changes,
            marketplace::configured_at.eq(Some(now)),
            marketplace::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The first start's steps, counted.
pub fn setup_progress(conn: &mut DbConn) -> QueryResult<SetupProgress> {
    let configured: Option<NaiveDateTime> = marketplace::table
        .find(ID)
        .select(marketplace::configured_at)
        .first(conn)?;
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    Ok(SetupProgress {
        settings_saved: configured.is_some(),
        categories: count(categories::table.count().get_result(conn)?),
        communes: count(communes::table.count().get_result(conn)?),
        shops: count(shops::table.count().get_result(conn)?),
    })
}

/// Replaces the logo (its thumbnail size is kept); returns its new version.
pub fn store_logo(conn: &mut DbConn, picture: &Resized, now: NaiveDateTime) -> QueryResult<i64> {
    let previous: i64 = marketplace::table
        .find(ID)
        .select(marketplace::logo_version)
        .first(conn)?;
    // Never a version a browser may have cached.
    let version = now.and_utc().timestamp_millis().max(previous + 1);
    diesel::update(marketplace::table.find(ID))
        .set((
            marketplace::logo.eq(Some(&picture.thumb)),
            marketplace::logo_version.eq(version),
            marketplace::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(version)
}

/// Removes the logo.
pub fn delete_logo(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(marketplace::table.find(ID))
        .set((
            marketplace::logo.eq(None::<Vec<u8>>),
            marketplace::logo_version.eq(0),
            marketplace::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The logo's JPEG and version, if there is one.
pub fn logo(conn: &mut DbConn) -> QueryResult<Option<(Vec<u8>, i64)>> {
    let (bytes, version): (Option<Vec<u8>>, i64) = marketplace::table
        .find(ID)
        .select((marketplace::logo, marketplace::logo_version))
        .first(conn)?;
    Ok(bytes.map(|bytes| (bytes, version)))
}
