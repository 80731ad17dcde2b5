//! The association's side of the category tree: the tree with its product counts by status,
//! and the writes behind create, rename, move, merge, remove and the default tree.
//!
//! Every write runs inside [`crate::db::write_transaction`] after [`lock`]: tree changes are
//! rare and touch several rows (positions of siblings), so they queue one after another
//! (SQLite's `BEGIN IMMEDIATE` already does; on PostgreSQL a transaction-scoped advisory lock)
//! and each one reads the tree it changes under that lock.

use std::collections::HashMap;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use shared::admin_categories::{AdminCategory, ProductCounts};

use super::category::{self, CategoryRow, tree_of};
use crate::db::DbConn;
use crate::db::schema::{categories, category_aliases, products, shops};
use crate::domain::category_tree::Placement;
use crate::domain::search::{product_search_key, slugify};

/// Key of the advisory lock that queues changes to the tree on PostgreSQL.
const TREE_LOCK: i64 = 7_472_697_012;

/// Queues this transaction behind any other change to the tree. Call it first.
pub fn lock(conn: &mut DbConn) -> QueryResult<()> {
    match conn {
        DbConn::Pg(_) => conn.batch_execute(&format!("SELECT pg_advisory_xact_lock({TREE_LOCK})")),
        // `BEGIN IMMEDIATE` holds the only write lock already.
        DbConn::Sqlite(_) => Ok(()),
    }
}

/// Products of each category by status.
fn own_counts(conn: &mut DbConn) -> QueryResult<HashMap<i64, ProductCounts>> {
    let rows: Vec<(i64, String, i64)> = products::table
        .group_by((products::category_id, products::status))
        .select((
            products::category_id,
            products::status,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    let mut counts: HashMap<i64, ProductCounts> = HashMap::new();
    for (id, status, n) in rows {
        let n = u64::try_from(n).unwrap_or(0);
        let entry = counts.entry(id).or_default();
        match status.as_str() {
            "active" => entry.active += n,
            "draft" => entry.draft += n,
            _ => entry.archived += n,
        }
    }
    Ok(counts)
}

/// The whole tree in display order, with product counts by status, own and of the subtree.
pub fn admin_list(conn: &mut DbConn) -> QueryResult<Vec<AdminCategory>> {
    let rows = category::all(conn)?;
    let own = own_counts(conn)?;
    let mut aliases = category::aliases(conn)?;
    let tree = tree_of(&rows);
    let subtree = category::subtree_sums(&tree, &own, ProductCounts::plus);
    let by_id: HashMap<i64, &CategoryRow> = rows.iter().map(|row| (row.id, row)).collect();
    Ok(tree
        .ordered()
        .into_iter()
        .filter_map(|(id, depth)| by_id.get(&id).map(|row| (*row, depth)))
        .map(|(row, depth)| AdminCategory {
            slug: row.slug.clone(),
            name: row.name.clone(),
            name_en: row.name_en.clone(),
            parent: row
                .parent_id
                .and_then(|id| by_id.get(&id).map(|parent| parent.slug.clone())),
            position: u32::try_from(row.position).unwrap_or(0),
            depth,
            own_products: own.get(&row.id).copied().unwrap_or_default(),
            subtree_products: subtree.get(&row.id).copied().unwrap_or_default(),
            children: tree.children(Some(row.id)).len() as u64,
            former_slugs: aliases.remove(&row.id).unwrap_or_default(),
        })
        .collect())
}

/// The category with this exact slug (a former slug does not count).
pub fn find(rows: &[CategoryRow], slug: &str) -> Option<CategoryRow> {
    rows.iter().find(|row| row.slug == slug).cloned()
}

/// Whether another category under `parent` has a name with the same slug as `name`.
pub fn sibling_named(
    rows: &[CategoryRow],
    parent: Option<i64>,
    name: &str,
    except: Option<i64>,
) -> bool {
    let wanted = slugify(name);
    rows.iter().any(|row| {
        row.parent_id == parent && Some(row.id) != except && slugify(&row.name) == wanted
    })
}

/// Whether a category has this slug.
pub fn slug_taken(rows: &[CategoryRow], slug: &str) -> bool {
    rows.iter().any(|row| row.slug == slug)
}

#[derive(Debug, Insertable)]
#[diesel(table_name = categories)]
pub struct NewNamedCategory<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub name_en: Option<&'a str>,
    pub parent_id: Option<i64>,
    pub position: i32,
}

/// Inserts a category; a merged category's former slug it takes over stops leading elsewhere.
pub fn insert(conn: &mut DbConn, new: &NewNamedCategory<'_>) -> QueryResult<i64> {
    diesel::delete(category_aliases::table.find(new.slug)).execute(conn)?;
    diesel::insert_into(categories::table)
        .values(new)
        .returning(categories::id)
        .get_result(conn)
}

/// The names a rename sets; `None` leaves a column as it is.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = categories)]
pub struct NameChanges {
    pub name: Option<String>,
    /// `Some(None)` removes the English name.
    pub name_en: Option<Option<String>>,
}

pub fn rename(conn: &mut DbConn, id: i64, changes: &NameChanges) -> QueryResult<usize> {
    if changes.name.is_none() && changes.name_en.is_none() {
        return Ok(0);
    }
    diesel::update(categories::table.find(id))
        .set(changes)
        .execute(conn)
}

/// Writes new places (parent and position only).
pub fn place(conn: &mut DbConn, places: &[Placement]) -> QueryResult<()> {
    for place in places {
        diesel::update(categories::table.find(place.id))
            .set((
                categories::parent_id.eq(place.parent),
                categories::position.eq(place.position),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Recomputes the search text of the category's products, which holds its name.
pub fn refresh_search_text(conn: &mut DbConn, id: i64, category_name: &str) -> QueryResult<()> {
    let rows: Vec<(i64, String, String, String)> = products::table
        .inner_join(shops::table)
        .filter(products::category_id.eq(id))
        .select((
            products::id,
            products::name,
            products::description,
            shops::name,
        ))
        .load(conn)?;
    for (product, name, description, shop) in rows {
        diesel::update(products::table.find(product))
            .set(products::search_text.eq(product_search_key(
                &name,
                &description,
                category_name,
                &shop,
            )))
            .execute(conn)?;
    }
    Ok(())
}

/// Moves every product of `from` into `into`; the number moved.
pub fn move_products(conn: &mut DbConn, from: i64, into: i64) -> QueryResult<usize> {
    diesel::update(products::table.filter(products::category_id.eq(from)))
        .set(products::category_id.eq(into))
        .execute(conn)
}

/// Removes `source` and makes its slug, and the slugs that led to it, lead to `target`.
pub fn replace_by(conn: &mut DbConn, source: &CategoryRow, target: i64) -> QueryResult<()> {
    diesel::update(category_aliases::table.filter(category_aliases::category_id.eq(source.id)))
        .set(category_aliases::category_id.eq(target))
        .execute(conn)?;
    diesel::delete(categories::table.find(source.id)).execute(conn)?;
    diesel::insert_into(category_aliases::table)
        .values((
            category_aliases::slug.eq(&source.slug),
            category_aliases::category_id.eq(target),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whether any product, whatever its status, is filed in the category.
pub fn has_products(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        products::table.filter(products::category_id.eq(id)),
    ))
    .get_result(conn)
}

/// Removes an empty category and the former slugs that led to it.
pub fn delete(conn: &mut DbConn, id: i64) -> QueryResult<usize> {
    diesel::delete(category_aliases::table.filter(category_aliases::category_id.eq(id)))
        .execute(conn)?;
    diesel::delete(categories::table.find(id)).execute(conn)
}

/// The number of categories.
pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    categories::table.count().get_result(conn)
}
