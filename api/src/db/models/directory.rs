//! The printed directory (issue 13): its settings row (id 1), its published editions, and
//! the shops it lists with the heading each goes under.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::models::shop::{STATUS_ACTIVE, ShopRow};
use crate::db::schema::{categories, directory_editions, directory_settings, products, shops};

/// The one row's id.
const ID: i64 = 1;

/// The settings as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectorySettingsRow {
    /// Empty: the default welcome.
    pub cover_text: String,
    /// Slugs of the shops left out, sorted.
    pub left_out: Vec<String>,
}

/// The settings row.
pub fn load_settings(conn: &mut DbConn) -> QueryResult<DirectorySettingsRow> {
    let (cover_text, left_out): (String, String) = directory_settings::table
        .find(ID)
        .select((directory_settings::cover_text, directory_settings::left_out))
        .first(conn)?;
    Ok(DirectorySettingsRow {
        cover_text,
        left_out: left_out
            .lines()
            .filter(|slug| !slug.is_empty())
            .map(str::to_owned)
            .collect(),
    })
}

/// Replaces the settings.
pub fn save_settings(
    conn: &mut DbConn,
    settings: &DirectorySettingsRow,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(directory_settings::table.find(ID))
        .set((
            directory_settings::cover_text.eq(&settings.cover_text),
            directory_settings::left_out.eq(settings.left_out.join("\n")),
            directory_settings::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Which of `slugs` name a shop (of any status).
pub fn known_slugs(conn: &mut DbConn, slugs: &[String]) -> QueryResult<Vec<String>> {
    shops::table
        .filter(shops::slug.eq_any(slugs))
        .select(shops::slug)
        .load(conn)
}

/// An active shop with the heading it is listed under: the top-level category most of its
/// active products belong to (ties: the first category in the association's order); `None`
/// for a shop with no active product.
pub struct ListedShop {
    pub shop: ShopRow,
    /// The heading's name and its place among the top-level categories.
    pub category: Option<(String, i32)>,
}

/// Every active shop, by name, with its heading.
pub fn active_shops(conn: &mut DbConn) -> QueryResult<Vec<ListedShop>> {
    let rows: Vec<ShopRow> = shops::table
        .filter(shops::status.eq(STATUS_ACTIVE))
        .order((shops::sort_name.asc(), shops::id.asc()))
        .select(ShopRow::as_select())
        .load(conn)?;
    let tree: Vec<(i64, String, Option<i64>, i32)> = categories::table
        .select((
            categories::id,
            categories::name,
            categories::parent_id,
            categories::position,
        ))
        .load(conn)?;
    let by_id: HashMap<i64, (&str, Option<i64>, i32)> = tree
        .iter()
        .map(|(id, name, parent, position)| (*id, (name.as_str(), *parent, *position)))
        .collect();
    // The top-level ancestor of a category (the tree is shallow; the bound guards a cycle).
    let root = |mut id: i64| -> i64 {
        for _ in 0..16 {
            match by_id.get(&id) {
                Some((_, Some(parent), _)) => id = *parent,
                _ => break,
            }
        }
        id
    };
    let counts: Vec<(i64, i64)> = products::table
        .inner_join(shops::table)
        .filter(shops::status.eq(STATUS_ACTIVE))
        .filter(products::status.eq("active"))
        .select((products::shop_id, products::category_id))
        .load(conn)?;
    let mut per_shop: HashMap<i64, HashMap<i64, u32>> = HashMap::new();
    for (shop_id, category_id) in counts {
        *per_shop
            .entry(shop_id)
            .or_default()
            .entry(root(category_id))
            .or_default() += 1;
    }
    Ok(rows
        .into_iter()
        .map(|shop| {
            let category = per_shop.get(&shop.id).and_then(|counts| {
                counts
                    .iter()
                    .filter_map(|(id, n)| by_id.get(id).map(|(name, _, pos)| (*n, *pos, *name)))
                    .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(b.2.cmp(a.2)))
                    .map(|(_, position, name)| (name.to_owned(), position))
            });
            ListedShop { shop, category }
        })
        .collect())
}

/// Stores `pdf` as the published edition of `format`, replacing the previous one (delete
/// then insert: the combined connection has no upsert; the caller holds a transaction).
pub fn store_edition(
    conn: &mut DbConn,
    format: &str,
    pdf: &[u8],
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(directory_editions::table.find(format)).execute(conn)?;
    diesel::insert_into(directory_editions::table)
        .values((
            directory_editions::format.eq(format),
            directory_editions::pdf.eq(pdf),
            directory_editions::published_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The published PDF of `format`, if any.
pub fn edition(conn: &mut DbConn, format: &str) -> QueryResult<Option<Vec<u8>>> {
    directory_editions::table
        .find(format)
        .select(directory_editions::pdf)
        .first(conn)
        .optional()
}

/// The published editions: format, publication time and size in bytes.
pub fn editions(conn: &mut DbConn) -> QueryResult<Vec<(String, NaiveDateTime, i64)>> {
    let rows: Vec<(String, NaiveDateTime, Vec<u8>)> = directory_editions::table
        .select((
            directory_editions::format,
            directory_editions::published_at,
            directory_editions::pdf,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(format, at, pdf)| (format, at, i64::try_from(pdf.len()).unwrap_or(i64::MAX)))
        .collect())
}
