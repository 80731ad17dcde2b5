//! Categories: the small tree, the number of products in each, and the slugs of merged
//! categories (aliases) that lead to the category they were merged into.

use std::collections::HashMap;

use diesel::prelude::*;
use shared::catalogue::Category;

use crate::db::DbConn;
use crate::db::schema::{categories, category_aliases, products};
use crate::domain::category_tree::{Node, Tree};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = categories)]
pub struct CategoryRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub parent_id: Option<i64>,
    pub position: i32,
    pub name_en: Option<String>,
}

impl CategoryRow {
    pub fn node(&self) -> Node {
        Node {
            id: self.id,
            parent: self.parent_id,
            position: self.position,
        }
    }
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

/// Every category row.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<CategoryRow>> {
    categories::table
        .order((categories::position.asc(), categories::id.asc()))
        .select(CategoryRow::as_select())
        .load(conn)
}

/// The tree of these rows.
pub fn tree_of(rows: &[CategoryRow]) -> Tree {
    Tree::new(rows.iter().map(CategoryRow::node).collect())
}

/// The former slugs of each category (slugs of the categories merged into it), sorted.
pub fn aliases(conn: &mut DbConn) -> QueryResult<HashMap<i64, Vec<String>>> {
    let rows: Vec<(i64, String)> = category_aliases::table
        .select((category_aliases::category_id, category_aliases::slug))
        .order(category_aliases::slug.asc())
        .load(conn)?;
    let mut map: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, slug) in rows {
        map.entry(id).or_default().push(slug);
    }
    Ok(map)
}

/// For each category, the sum of `own` over it and all its descendants.
pub fn subtree_sums<T: Copy + Default>(
    tree: &Tree,
    own: &HashMap<i64, T>,
    add: impl Fn(T, T) -> T,
) -> HashMap<i64, T> {
    let mut sums: HashMap<i64, T> = HashMap::new();
    // Children come after their parent in display order: walk it backwards.
    for &(id, _) in tree.ordered().iter().rev() {
        let mine = own.get(&id).copied().unwrap_or_default();
        let below = tree
            .children(Some(id))
            .iter()
            .filter_map(|child| sums.get(child).copied())
            .fold(T::default(), &add);
        sums.insert(id, add(mine, below));
    }
    sums
}

/// Every category in display order (parents before their children, siblings in order), each
/// with its count of active products of active shops, own and with its sub-categories.
pub fn list_with_counts(conn: &mut DbConn) -> QueryResult<Vec<Category>> {
    let rows = all(conn)?;
    let own: HashMap<i64, u64> = products::table
        .filter(products::listed.eq(true))
        .group_by(products::category_id)
        .select((products::category_id, diesel::dsl::count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .map(|(id, n)| (id, u64::try_from(n).unwrap_or(0)))
        .collect();
    let mut aliases = aliases(conn)?;
    let tree = tree_of(&rows);
    let subtree = subtree_sums(&tree, &own, |a, b| a + b);
    let by_id: HashMap<i64, &CategoryRow> = rows.iter().map(|row| (row.id, row)).collect();
    Ok(tree
        .ordered()
        .into_iter()
        .filter_map(|(id, _)| by_id.get(&id).copied())
        .map(|row| Category {
            slug: row.slug.clone(),
            name: row.name.clone(),
            name_en: row.name_en.clone(),
            parent: row
                .parent_id
                .and_then(|id| by_id.get(&id).map(|parent| parent.slug.clone())),
            own_product_count: own.get(&row.id).copied().unwrap_or(0),
            subtree_product_count: subtree.get(&row.id).copied().unwrap_or(0),
            former_slugs: aliases.remove(&row.id).unwrap_or_default(),
        })
        .collect())
}

/// The id of the category with this slug, or of the category a merged category with this
/// slug went into.
pub fn resolve_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<i64>> {
    let id = categories::table
        .filter(categories::slug.eq(slug))
        .select(categories::id)
        .first(conn)
        .optional()?;
    match id {
        Some(id) => Ok(Some(id)),
        None => category_aliases::table
            .find(slug)
            .select(category_aliases::category_id)
            .first(conn)
            .optional(),
    }
}

/// The ids of the category with this slug (or former slug) and of all its descendants;
/// `None` when no category has this slug.
pub fn ids_with_descendants(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Vec<i64>>> {
    let Some(root) = resolve_slug(conn, slug)? else {
        return Ok(None);
    };
    let all: Vec<(i64, Option<i64>)> = categories::table
        .select((categories::id, categories::parent_id))
        .load(conn)?;
    let mut ids = vec![root];
    let mut next = 0;
    while next < ids.len() {
        let parent = ids[next];
        ids.extend(
            all.iter()
                .filter(|(id, p)| *p == Some(parent) && !ids.contains(id))
                .map(|(id, _)| *id)
                .collect::<Vec<_>>(),
        );
        next += 1;
    }
    Ok(Some(ids))
}
