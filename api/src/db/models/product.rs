//! Products: rows, inserts, the catalogue query and a product's page.

use chrono::NaiveDateTime;
use diesel::dsl::case_when;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Integer, Text};
use shared::catalogue::{CategoryRef, ProductCard, ProductSort, ShopRef, ShopSummary, StockState};
use shared::money::CURRENCY;

use super::Db;
use super::shop::ShopRow;
use crate::db::DbConn;
use crate::db::schema::{categories, products, shops};
use crate::domain::paging::Paging;
use crate::domain::search::escape_like;

#[derive(Debug, Insertable)]
#[diesel(table_name = products)]
pub struct NewProduct<'a> {
    pub shop_id: i64,
    pub category_id: i64,
    pub slug: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub price_cents: i64,
    pub vat_rate_bp: i32,
    pub stock: Option<i32>,
    pub status: &'a str,
    pub search_text: String,
    pub sort_name: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl NewProduct<'_> {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<usize> {
        diesel::insert_into(products::table)
            .values(self)
            .execute(conn)
    }
}

type VisibleProducts = diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::InnerJoin<
        diesel::dsl::InnerJoin<products::table, shops::table>,
        categories::table,
    >,
    Db,
>;

/// Listed products (active, of an active shop) with their shop and category.
fn visible() -> VisibleProducts {
    products::table
        .inner_join(shops::table)
        .inner_join(categories::table)
        .filter(products::listed.eq(true))
        .into_boxed()
}

/// The filters of the catalogue, already valid.
#[derive(Debug, Clone)]
pub struct ProductFilter {
    /// Folded, singular search terms; every one must match the start of a word.
    pub terms: Vec<String>,
    /// The category and its descendants.
    pub category_ids: Option<Vec<i64>>,
    pub shop_id: Option<i64>,
    pub min_price_cents: Option<i64>,
    pub max_price_cents: Option<i64>,
    pub in_stock_only: bool,
    pub sort: ProductSort,
}

/// Listed products (active, of an active shop) matching the filter, from the products
/// table alone: counts and page ids come from its indexes without joining.
fn filtered(conn: &DbConn, filter: &ProductFilter) -> products::BoxedQuery<'static, Db> {
    let mut query = products::table
        .filter(products::listed.eq(true))
        .into_boxed();
    if let Some(ids) = &filter.category_ids {
        query = query.filter(products::category_id.eq_any(ids.clone()));
    }
    if let Some(shop_id) = filter.shop_id {
        query = query.filter(products::shop_id.eq(shop_id));
    }
    if let Some(min) = filter.min_price_cents {
        query = query.filter(products::price_cents.ge(min));
    }
    if let Some(max) = filter.max_price_cents {
        query = query.filter(products::price_cents.le(max));
    }
    if filter.in_stock_only {
        query = query.filter(products::stock.is_null().or(products::stock.gt(0)));
    }
    if filter.terms.is_empty() {
        return query;
    }
    match conn {
        // The FTS5 index: `"creme"* AND "brulee"*`. Terms are folded to letters and digits,
        // so they cannot break out of the quotes.
        DbConn::Sqlite(_) => {
            let expression = filter
                .terms
                .iter()
                .map(|term| format!("\"{term}\"*"))
                .collect::<Vec<_>>()
                .join(" AND ");
            query.filter(
                sql::<Bool>(
                    "products.id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ",
                )
                .bind::<Text, _>(expression)
                .sql(")"),
            )
        }
        // The trigram index serves word-prefix LIKE patterns.
        DbConn::Pg(_) => {
            for term in &filter.terms {
                let pattern = format!("% {}%", escape_like(term));
                query = query.filter(products::search_text.like(pattern).escape('\\'));
            }
            query
        }
    }
}

/// A product card's columns.
#[derive(Debug, Queryable)]
pub struct ProductCardRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub price_cents: i64,
    pub stock: Option<i32>,
    pub shop_slug: String,
    pub shop_name: String,
    pub category_slug: String,
}

/// One page of the catalogue and the number of matching products.
pub fn list_visible(
    conn: &mut DbConn,
    filter: &ProductFilter,
    paging: Paging,
) -> QueryResult<(Vec<ProductCardRow>, u64)> {
    let total: i64 = filtered(conn, filter).count().get_result(conn)?;
    let query = filtered(conn, filter)
        .select(products::id)
        .offset(paging.offset())
        .limit(paging.limit());
    let query = match filter.sort {
        ProductSort::Relevance => {
            let first = filter
                .terms
                .first()
                .map(|t| escape_like(t))
                .unwrap_or_default();
            let name_match = products::sort_name
                .like(format!("{first}%"))
                .escape('\\')
                .or(products::sort_name.like(format!("% {first}%")).escape('\\'));
            query.order((
                case_when(name_match, 0.into_sql::<Integer>())
                    .otherwise(1.into_sql::<Integer>())
                    .asc(),
                products::sort_name.asc(),
                products::id.asc(),
            ))
        }
        ProductSort::PriceAsc => query.order((products::price_cents.asc(), products::id.asc())),
        ProductSort::PriceDesc => query.order((products::price_cents.desc(), products::id.asc())),
        ProductSort::Newest => query.order((products::created_at.desc(), products::id.desc())),
        ProductSort::Name => query.order((products::sort_name.asc(), products::id.asc())),
    };
    let ids: Vec<i64> = query.load(conn)?;
    let mut rows: Vec<ProductCardRow> = products::table
        .inner_join(shops::table)
        .inner_join(categories::table)
        .filter(products::id.eq_any(&ids))
        .select((
            products::id,
            products::slug,
            products::name,
            products::price_cents,
            products::stock,
            shops::slug,
            shops::name,
            categories::slug,
        ))
        .load(conn)?;
    rows.sort_by_key(|row| ids.iter().position(|id| *id == row.id));
    Ok((rows, u64::try_from(total).unwrap_or(0)))
}

/// Where a product's picture is served, in both sizes.
pub fn picture_urls(id: i64) -> (String, String) {
    let url = format!("/api/v1/products/{id}/picture");
    (url.clone(), format!("{url}?size=thumb"))
}

impl From<ProductCardRow> for ProductCard {
    fn from(row: ProductCardRow) -> ProductCard {
        let (picture_url, thumbnail_url) = picture_urls(row.id);
        ProductCard {
            id: row.id,
            slug: row.slug,
            name: row.name,
            price_cents: row.price_cents,
            currency: CURRENCY.into(),
            shop: ShopRef {
                slug: row.shop_slug,
                name: row.shop_name,
            },
            category: row.category_slug,
            stock: StockState::of(row.stock),
            picture_url,
            thumbnail_url,
        }
    }
}

/// A visible product with its shop and category, for its page.
pub fn find_visible(conn: &mut DbConn, id: i64) -> QueryResult<shared::catalogue::Product> {
    let (product, shop, category): (ProductRow, ShopRow, (String, String)) = visible()
        .filter(products::id.eq(id))
        .select((
            ProductRow::as_select(),
            ShopRow::as_select(),
            (categories::slug, categories::name),
        ))
        .first(conn)?;
    let (picture_url, thumbnail_url) = picture_urls(product.id);
    Ok(shared::catalogue::Product {
        id: product.id,
        slug: product.slug,
        name: product.name,
        description: product.description,
        price_cents: product.price_cents,
        currency: CURRENCY.into(),
        vat_rate: f64::from(product.vat_rate_bp) / 100.0,
        stock: StockState::of(product.stock),
        max_quantity: product.stock.map_or(99, |n| n.clamp(0, 99).unsigned_abs()),
        category: CategoryRef {
            slug: category.0,
            name: category.1,
        },
        shop: ShopSummary::from(shop),
        picture_url,
        thumbnail_url,
    })
}

/// The columns of a product a page shows.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = products)]
pub struct ProductRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub price_cents: i64,
    pub vat_rate_bp: i32,
    pub stock: Option<i32>,
}

/// The name and category slug of a product visible to shoppers, for its generated picture.
pub fn picture_inputs(conn: &mut DbConn, id: i64) -> QueryResult<(String, String)> {
    visible()
        .filter(products::id.eq(id))
        .select((products::name, categories::slug))
        .first(conn)
}
