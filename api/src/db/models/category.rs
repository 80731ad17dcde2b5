//! Categories: the small tree and the number of products in each.

use std::collections::HashMap;

use diesel::prelude::*;
use shared::catalogue::Category;

use crate::db::DbConn;
use crate::db::schema::{categories, products};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = categories)]
pub struct CategoryRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub parent_id: Option<i64>,
    pub position: i32,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = categories)]
pub struct NewCategory<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub parent_id: Option<i64>,
    pub position: i32,
}

impl NewCategory<'_> {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<i64> {
        diesel::insert_into(categories::table)
            .values(self)
            .returning(categories::id)
            .get_result(conn)
    }
}

/// Every category in display order, each with its count of active products of active shops.
pub fn list_with_counts(conn: &mut DbConn) -> QueryResult<Vec<Category>> {
    let rows = categories::table
        .order((categories::position.asc(), categories::id.asc()))
        .select(CategoryRow::as_select())
        .load(conn)?;
    let counts: HashMap<i64, i64> = products::table
        .filter(products::listed.eq(true))
        .group_by(products::category_id)
        .select((products::category_id, diesel::dsl::count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let slugs: HashMap<i64, String> = rows.iter().map(|r| (r.id, r.slug.clone())).collect();
    Ok(rows
        .into_iter()
        .map(|row| Category {
            parent: row.parent_id.and_then(|id| slugs.get(&id).cloned()),
            product_count: counts
                .get(&row.id)
                .map_or(0, |&n| u64::try_from(n).unwrap_or(0)),
            slug: row.slug,
            name: row.name,
        })
        .collect())
}

/// The ids of the category with this slug and of all its descendants; `None` when no
/// category has this slug.
pub fn ids_with_descendants(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Vec<i64>>> {
    let all: Vec<(i64, String, Option<i64>)> = categories::table
        .select((categories::id, categories::slug, categories::parent_id))
        .load(conn)?;
    let Some(root) = all.iter().find(|(_, s, _)| s == slug).map(|(id, _, _)| *id) else {
        return Ok(None);
    };
    let mut ids = vec![root];
    let mut next = 0;
    while next < ids.len() {
        let parent = ids[next];
        ids.extend(
            all.iter()
                .filter(|(_, _, p)| *p == Some(parent))
                .map(|(id, _, _)| *id),
        );
        next += 1;
    }
    Ok(Some(ids))
}
