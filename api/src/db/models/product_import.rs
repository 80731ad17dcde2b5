//! The products a CSV import creates, inserted in batches: the shop's slugs and the
//! categories are read once for the whole file, never once per line, so an import of
//! 10,000 lines holds the write lock briefly.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::product::NewProduct;
use super::shop::ShopRow;
use crate::db::DbConn;
use crate::db::schema::{categories, products};
use crate::domain::product::{ProductValues, slug as slug_of, unique_slug};
use crate::domain::search::{product_search_key, sort_key};
use crate::error::ApiError;

/// Rows per INSERT: well under both backends' limits on bound parameters.
const BATCH: usize = 500;

/// Creates `created` as products of `shop`, each with a slug of its own. Call it inside a
/// write transaction.
pub fn insert_new(
    conn: &mut DbConn,
    shop: &ShopRow,
    created: &[ProductValues],
    now: NaiveDateTime,
) -> Result<usize, ApiError> {
    if created.is_empty() {
        return Ok(0);
    }
    let categories: HashMap<String, (i64, String)> = categories::table
        .select((categories::slug, categories::id, categories::name))
        .load::<(String, i64, String)>(conn)?
        .into_iter()
        .map(|(slug, id, name)| (slug, (id, name)))
        .collect();
    let mut taken: HashSet<String> = products::table
        .filter(products::shop_id.eq(shop.id))
        .select(products::slug)
        .load::<String>(conn)?
        .into_iter()
        .collect();
    let mut slugs = Vec::with_capacity(created.len());
    let mut found = Vec::with_capacity(created.len());
    for values in created {
        let (category_id, category_name) =
            categories.get(&values.category).cloned().ok_or_else(|| {
                ApiError::invalid(
                    "categorie",
                    format!("there is no category \"{}\"", values.category),
                )
            })?;
        let slug = unique_slug(&slug_of(&values.name), |s| taken.contains(s));
        taken.insert(slug.clone());
        slugs.push(slug);
        found.push((category_id, category_name));
    }
    let rows: Vec<NewProduct<'_>> = created
        .iter()
        .zip(&slugs)
        .zip(&found)
        .map(
            |((values, slug), (category_id, category_name))| NewProduct {
                shop_id: shop.id,
                category_id: *category_id,
                slug,
                name: &values.name,
                description: &values.description,
                price_cents: values.price_cents,
                vat_rate_bp: values.vat_rate_bp,
                stock: values.stock,
                status: values.status.as_str(),
                keep_cold: values.keep_cold,
                withdrawal_exception: values.withdrawal_exception.as_str(),
                unit_price_exempt: values.unit_price_exempt,
                search_text: product_search_key(
                    &values.name,
                    &values.description,
                    category_name,
                    &shop.name,
                ),
                sort_name: sort_key(&values.name),
                created_at: now,
                updated_at: now,
            },
        )
        .collect();
    let mut inserted = 0;
    match conn {
        // SQLite's batch insert opens a transaction of its own; one prepared statement per
        // row is as fast there (no round trips).
        DbConn::Sqlite(_) => {
            for row in &rows {
                inserted += row.insert(conn)?;
            }
        }
        // Multi-row inserts exist on each backend, not on the combined connection.
        DbConn::Pg(pg) => {
            for batch in rows.chunks(BATCH) {
                inserted += diesel::insert_into(products::table)
                    .values(batch)
                    .execute(pg)?;
            }
        }
    }
    super::variant::add_singles(conn, Some(shop.id))?;
    Ok(inserted)
}
