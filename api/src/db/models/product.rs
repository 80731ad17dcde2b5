//! Products: rows, inserts, the catalogue query and a product's page.

use chrono::NaiveDateTime;
use diesel::dsl::case_when;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Integer, Text};
use shared::catalogue::{CategoryRef, ProductCard, ProductSort, ShopRef, ShopSummary, StockState};
use shared::legal::WithdrawalException;
use shared::money::CURRENCY;
use shared::shop_products::{ProductStatus, ShopProduct};

use super::Db;
use super::shop::ShopRow;
use crate::db::DbConn;
use crate::db::schema::{categories, product_pictures, products, shops};
use crate::domain::paging::Paging;
use crate::domain::product::{ProductValues, slug as slug_of, unique_slug, vat_percent};
use crate::domain::search::{escape_like, product_search_key, sort_key};
use crate::error::ApiError;

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
    pub keep_cold: bool,
    pub withdrawal_exception: &'a str,
    pub unit_price_exempt: bool,
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
    pub picture_version: i64,
    pub unit_price_exempt: bool,
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
            products::picture_version,
            products::unit_price_exempt,
        ))
        .load(conn)?;
    rows.sort_by_key(|row| ids.iter().position(|id| *id == row.id));
    Ok((rows, u64::try_from(total).unwrap_or(0)))
}

/// Where a product's picture is served, in both sizes (always revalidated by browsers).
pub fn picture_urls(id: i64) -> (String, String) {
    let url = format!("/api/v1/products/{id}/picture");
    (url.clone(), format!("{url}?size=thumb"))
}

/// Where a product's picture is served, in both sizes, naming its version once a picture
/// was uploaded: a new upload gives new URLs, so browsers may keep each one for a year.
pub fn versioned_picture_urls(id: i64, version: i64) -> (String, String) {
    if version == 0 {
        return picture_urls(id);
    }
    let url = format!("/api/v1/products/{id}/picture");
    (
        format!("{url}?v={version}"),
        format!("{url}?size=thumb&v={version}"),
    )
}

/// The cards of these rows, each with its "from" price and its price per kilo, litre or
/// piece (one query for the variants of the whole page).
pub fn cards(conn: &mut DbConn, rows: Vec<ProductCardRow>) -> QueryResult<Vec<ProductCard>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let variants = super::variant::of_products(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let own: Vec<super::variant::VariantRow> = variants
                .iter()
                .filter(|v| v.product_id == row.id)
                .cloned()
                .collect();
            let shown = super::variant::cheapest(&own);
            let unit_price = shown.and_then(|v| v.unit_price(row.unit_price_exempt));
            let (picture_url, thumbnail_url) = versioned_picture_urls(row.id, row.picture_version);
            ProductCard {
                id: row.id,
                slug: row.slug,
                name: row.name,
                price_cents: row.price_cents,
                currency: CURRENCY.into(),
                price_from: super::variant::price_varies(&own),
                price_per_unit_cents: unit_price.map(|(cents, _)| cents),
                price_per_unit: unit_price.map(|(_, per)| per),
                sold_by_weight: shown.is_some_and(|v| v.sold_by_weight),
                shop: ShopRef {
                    slug: row.shop_slug,
                    name: row.shop_name,
                },
                category: row.category_slug,
                stock: StockState::of(row.stock),
                picture_url,
                thumbnail_url,
            }
        })
        .collect())
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
    let (picture_url, thumbnail_url) = versioned_picture_urls(product.id, product.picture_version);
    let takes_orders = super::legal::takes_orders(conn, shop.id)?;
    let variants = super::variant::of_product(conn, product.id)?;
    let unit_price =
        super::variant::cheapest(&variants).and_then(|v| v.unit_price(product.unit_price_exempt));
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
        price_from: super::variant::price_varies(&variants),
        price_per_unit_cents: unit_price.map(|(cents, _)| cents),
        price_per_unit: unit_price.map(|(_, per)| per),
        variants: variants
            .iter()
            .filter(|v| v.active)
            .map(|v| v.public(product.unit_price_exempt))
            .collect(),
        category: CategoryRef {
            slug: category.0,
            name: category.1,
        },
        shop: ShopSummary::from(shop),
        takes_orders,
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
    pub picture_version: i64,
    pub unit_price_exempt: bool,
}

/// What serving a product's picture needs to know, whatever the product's status.
#[derive(Debug, Queryable)]
pub struct PictureSubject {
    pub name: String,
    pub category_slug: String,
    pub shop_id: i64,
    /// On sale: anyone may see its picture.
    pub listed: bool,
    pub picture_version: i64,
}

/// The product's name, category, shop and visibility, for its picture.
pub fn picture_subject(conn: &mut DbConn, id: i64) -> QueryResult<PictureSubject> {
    products::table
        .inner_join(categories::table)
        .filter(products::id.eq(id))
        .select((
            products::name,
            categories::slug,
            products::shop_id,
            products::listed,
            products::picture_version,
        ))
        .first(conn)
}

/// A product as its shop manages it: any status, exact stock.
#[derive(Debug, Clone, Queryable)]
pub struct ShopProductRow {
    pub id: i64,
    pub shop_id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub price_cents: i64,
    pub vat_rate_bp: i32,
    pub stock: Option<i32>,
    pub status: String,
    pub picture_version: i64,
    pub updated_at: NaiveDateTime,
    /// One more on every change of the row: the ETag the back-office answers.
    pub version: i64,
    pub category_slug: String,
    /// The product's id when it has an uploaded picture.
    pub picture_of: Option<i64>,
    pub keep_cold: bool,
    pub withdrawal_exception: String,
    pub unit_price_exempt: bool,
}

type ManagedProducts = diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::LeftJoin<
        diesel::dsl::InnerJoin<products::table, categories::table>,
        product_pictures::table,
    >,
    Db,
>;

/// Every product with its category and picture, whatever its status.
fn managed() -> ManagedProducts {
    products::table
        .inner_join(categories::table)
        .left_join(product_pictures::table)
        .into_boxed()
}

macro_rules! shop_product_columns {
    () => {
        (
            products::id,
            products::shop_id,
            products::slug,
            products::name,
            products::description,
            products::price_cents,
            products::vat_rate_bp,
            products::stock,
            products::status,
            products::picture_version,
            products::updated_at,
            products::version,
            categories::slug,
            product_pictures::product_id.nullable(),
            products::keep_cold,
            products::withdrawal_exception,
            products::unit_price_exempt,
        )
    };
}

impl ShopProductRow {
    pub fn status(&self) -> ProductStatus {
        ProductStatus::parse(&self.status).unwrap_or(ProductStatus::Draft)
    }

    /// What the shop set on it.
    pub fn values(&self) -> ProductValues {
        ProductValues {
            name: self.name.clone(),
            description: self.description.clone(),
            price_cents: self.price_cents,
            vat_rate_bp: self.vat_rate_bp,
            stock: self.stock,
            category: self.category_slug.clone(),
            status: self.status(),
            keep_cold: self.keep_cold,
            withdrawal_exception: WithdrawalException::parse(&self.withdrawal_exception)
                .unwrap_or_default(),
            unit_price_exempt: self.unit_price_exempt,
        }
    }
}

/// Products as their shop manages them, each with its variants.
pub fn managed_views(
    conn: &mut DbConn,
    rows: Vec<ShopProductRow>,
) -> QueryResult<Vec<ShopProduct>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let variants = super::variant::of_products(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let exempt = row.unit_price_exempt;
            let mut product = ShopProduct::from(row);
            product.variants = variants
                .iter()
                .filter(|v| v.product_id == product.id)
                .map(|v| v.managed(exempt))
                .collect();
            product
        })
        .collect())
}

/// A product as its shop manages it, with its variants.
pub fn managed_view(conn: &mut DbConn, row: ShopProductRow) -> QueryResult<ShopProduct> {
    Ok(managed_views(conn, vec![row])?.remove(0))
}

impl From<ShopProductRow> for ShopProduct {
    /// Without its variants: see [`managed_view`].
    fn from(row: ShopProductRow) -> ShopProduct {
        let (picture_url, thumbnail_url) = versioned_picture_urls(row.id, row.picture_version);
        ShopProduct {
            id: row.id,
            status: row.status(),
            slug: row.slug,
            name: row.name,
            description: row.description,
            price_cents: row.price_cents,
            currency: CURRENCY.into(),
            vat_rate: vat_percent(row.vat_rate_bp),
            stock: row.stock,
            category: row.category_slug,
            has_picture: row.picture_of.is_some(),
            picture_url,
            thumbnail_url,
            updated_at: row.updated_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            version: row.version,
            keep_cold: row.keep_cold,
            withdrawal_exception: WithdrawalException::parse(&row.withdrawal_exception)
                .unwrap_or_default(),
            unit_price_exempt: row.unit_price_exempt,
            variants: Vec::new(),
        }
    }
}

/// One page of a shop's products, by name, and the number matching.
pub fn list_for_shop(
    conn: &mut DbConn,
    shop_id: i64,
    status: Option<ProductStatus>,
    terms: &[String],
    paging: Paging,
) -> QueryResult<(Vec<ShopProductRow>, u64)> {
    let filtered = || {
        let mut query = managed().filter(products::shop_id.eq(shop_id));
        if let Some(status) = status {
            query = query.filter(products::status.eq(status.as_str()));
        }
        for term in terms {
            let pattern = format!("% {}%", escape_like(term));
            query = query.filter(products::search_text.like(pattern).escape('\\'));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((products::sort_name.asc(), products::id.asc()))
        .offset(paging.offset())
        .limit(paging.limit())
        .select(shop_product_columns!())
        .load(conn)?;
    Ok((rows, u64::try_from(total).unwrap_or(0)))
}

/// Every product of a shop, by id (the CSV export and import).
pub fn all_of_shop(conn: &mut DbConn, shop_id: i64) -> QueryResult<Vec<ShopProductRow>> {
    managed()
        .filter(products::shop_id.eq(shop_id))
        .order(products::id.asc())
        .select(shop_product_columns!())
        .load(conn)
}

/// A product whatever its status; the caller checks who may manage its shop.
pub fn find_managed(conn: &mut DbConn, id: i64) -> QueryResult<ShopProductRow> {
    managed()
        .filter(products::id.eq(id))
        .select(shop_product_columns!())
        .first(conn)
}

/// The shop a product belongs to.
pub fn shop_of(conn: &mut DbConn, id: i64) -> QueryResult<i64> {
    products::table
        .find(id)
        .select(products::shop_id)
        .first(conn)
}

/// The id and name of the category with this slug (or former slug: the category it was
/// merged into).
pub fn category_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<(i64, String)>> {
    let Some(id) = super::category::resolve_slug(conn, slug)? else {
        return Ok(None);
    };
    categories::table
        .find(id)
        .select((categories::id, categories::name))
        .first(conn)
        .optional()
}

/// The slugs of every category, and the former slugs of merged ones.
pub fn category_slugs(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    let mut slugs: Vec<String> = categories::table.select(categories::slug).load(conn)?;
    slugs.extend(
        crate::db::schema::category_aliases::table
            .select(crate::db::schema::category_aliases::slug)
            .load::<String>(conn)?,
    );
    Ok(slugs)
}

/// The columns of a product an edit changes; `None` leaves a column as it is, so an edit
/// never writes back what it did not change (a stock a checkout just took, above all).
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = products)]
struct ProductChanges<'a> {
    category_id: Option<i64>,
    name: Option<&'a str>,
    description: Option<&'a str>,
    price_cents: Option<i64>,
    vat_rate_bp: Option<i32>,
    /// `Some(None)` sets NULL: the stock is no longer counted.
    stock: Option<Option<i32>>,
    status: Option<&'a str>,
    keep_cold: Option<bool>,
    withdrawal_exception: Option<&'a str>,
    unit_price_exempt: Option<bool>,
    search_text: Option<String>,
    sort_name: Option<String>,
    updated_at: Option<NaiveDateTime>,
}

/// The category's id, or a 400 naming the field.
fn category_id(conn: &mut DbConn, slug: &str) -> Result<(i64, String), ApiError> {
    category_by_slug(conn, slug)?
        .ok_or_else(|| ApiError::refused("category", format!("there is no category \"{slug}\"")))
}

/// Creates a product of `shop` with a fresh search text and a slug of its own, and its
/// single variant (unlabelled) at its price and stock. Call it inside a write transaction.
pub fn create(
    conn: &mut DbConn,
    shop: &ShopRow,
    values: &ProductValues,
    now: NaiveDateTime,
) -> Result<i64, ApiError> {
    let (category_id, category_name) = category_id(conn, &values.category)?;
    let search_text = product_search_key(
        &values.name,
        &values.description,
        &category_name,
        &shop.name,
    );
    let sort_name = sort_key(&values.name);
    let taken: std::collections::HashSet<String> = products::table
        .filter(products::shop_id.eq(shop.id))
        .select(products::slug)
        .load::<String>(conn)?
        .into_iter()
        .collect();
    let slug = unique_slug(&slug_of(&values.name), |s| taken.contains(s));
    let id = diesel::insert_into(products::table)
        .values(NewProduct {
            shop_id: shop.id,
            category_id,
            slug: &slug,
            name: &values.name,
            description: &values.description,
            price_cents: values.price_cents,
            vat_rate_bp: values.vat_rate_bp,
            stock: values.stock,
            status: values.status.as_str(),
            keep_cold: values.keep_cold,
            withdrawal_exception: values.withdrawal_exception.as_str(),
            unit_price_exempt: values.unit_price_exempt,
            search_text,
            sort_name,
            created_at: now,
            updated_at: now,
        })
        .returning(products::id)
        .get_result(conn)?;
    let single = crate::domain::variant::VariantValues {
        price_cents: values.price_cents,
        stock: values.stock,
        active: true,
        ..Default::default()
    };
    super::variant::insert(conn, id, &single, now)?;
    Ok(id)
}

/// `wanted` when it differs from `current`: the value to write, or nothing.
fn differs<T: PartialEq>(current: T, wanted: T) -> Option<T> {
    (current != wanted).then_some(wanted)
}

/// Writes the fields of product `id` that differ between `current` (as read, under
/// [`lock`], in this transaction) and `wanted`, and only those; the search text follows its
/// name, description and category. Returns whether anything changed. Call it inside a
/// write transaction, after [`lock`]. Any change moves the product's `version` (its ETag) once,
/// by the table's trigger, and its `updated_at`. A price or stock is the product's single
/// variant's: written to both (409 for a product with several variants).
pub fn update(
    conn: &mut DbConn,
    shop: &ShopRow,
    id: i64,
    current: &ProductValues,
    wanted: &ProductValues,
    now: NaiveDateTime,
) -> Result<bool, ApiError> {
    if current == wanted {
        return Ok(false);
    }
    let category = if wanted.category == current.category {
        None
    } else {
        Some(category_id(conn, &wanted.category)?)
    };
    let search_changes = wanted.name != current.name
        || wanted.description != current.description
        || category.is_some();
    let search_text = if search_changes {
        let category_name = match &category {
            Some((_, name)) => name.clone(),
            None => category_id(conn, &wanted.category)?.1,
        };
        Some(product_search_key(
            &wanted.name,
            &wanted.description,
            &category_name,
            &shop.name,
        ))
    } else {
        None
    };
    let changes = ProductChanges {
        category_id: category.map(|(id, _)| id),
        name: differs(current.name.as_str(), wanted.name.as_str()),
        description: differs(current.description.as_str(), wanted.description.as_str()),
        price_cents: differs(current.price_cents, wanted.price_cents),
        vat_rate_bp: differs(current.vat_rate_bp, wanted.vat_rate_bp),
        stock: differs(current.stock, wanted.stock),
        status: differs(current.status.as_str(), wanted.status.as_str()),
        keep_cold: differs(current.keep_cold, wanted.keep_cold),
        withdrawal_exception: differs(
            current.withdrawal_exception.as_str(),
            wanted.withdrawal_exception.as_str(),
        ),
        unit_price_exempt: differs(current.unit_price_exempt, wanted.unit_price_exempt),
        search_text,
        sort_name: (wanted.name != current.name).then(|| sort_key(&wanted.name)),
        updated_at: Some(now),
    };
    let sells_differently = changes.price_cents.is_some() || changes.stock.is_some();
    diesel::update(products::table.find(id))
        .set(changes)
        .execute(conn)?;
    if sells_differently {
        // The product's row first, then its variant to the same: the variants' trigger then
        // finds the product as it should be, and the version moves once.
        super::variant::mirror_single(conn, id, wanted.price_cents, wanted.stock, now)?;
    }
    Ok(true)
}

/// Locks the rows of these products until the transaction ends, in the order of their ids,
/// the one order every writer of several products takes: two checkouts of the same products
/// in opposite orders then queue instead of deadlocking. On PostgreSQL it is
/// `SELECT ... ORDER BY id FOR UPDATE`; on SQLite the write transaction (`BEGIN IMMEDIATE`)
/// already holds the whole file.
pub fn lock(conn: &mut DbConn, ids: &[i64]) -> QueryResult<()> {
    if let DbConn::Pg(pg) = conn {
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        products::table
            .filter(products::id.eq_any(&ids))
            .order(products::id.asc())
            .select(products::id)
            .for_update()
            .load::<i64>(pg)?;
    }
    Ok(())
}

/// How many products the shop has, whatever their status.
pub fn count_of_shop(conn: &mut DbConn, shop_id: i64) -> QueryResult<i64> {
    products::table
        .filter(products::shop_id.eq(shop_id))
        .count()
        .get_result(conn)
}

/// The largest stock ([`crate::domain::product::STOCK_MAX`]), as the column's type.
const STOCK_MAX_I32: i32 = 1_000_000;
const _: () = assert!(STOCK_MAX_I32 as i64 == crate::domain::product::STOCK_MAX);

/// Locks every product of a shop, in the order of their ids, until the transaction ends
/// (see [`lock`]).
pub fn lock_of_shop(conn: &mut DbConn, shop_id: i64) -> QueryResult<()> {
    if let DbConn::Pg(pg) = conn {
        products::table
            .filter(products::shop_id.eq(shop_id))
            .order(products::id.asc())
            .select(products::id)
            .for_update()
            .load::<i64>(pg)?;
    }
    Ok(())
}

/// Adds `delta` (negative: takes) to a counted stock, if it stays from 0 to the largest: `stock =
/// stock + delta`, never a value read earlier. `Ok(false)` when the stock is not counted or
/// would leave that range (nothing changed). The product's single variant follows (409 for
/// a product with several).
pub fn add_stock(
    conn: &mut DbConn,
    id: i64,
    delta: i32,
    now: NaiveDateTime,
) -> Result<bool, ApiError> {
    let single = super::variant::single(conn, id)?;
    let changed = diesel::update(
        products::table
            .find(id)
            .filter(products::stock.is_not_null())
            .filter(products::stock.ge(-delta))
            .filter(products::stock.le(STOCK_MAX_I32 - delta.max(0))),
    )
    .set((
        products::stock.eq(products::stock + delta),
        products::updated_at.eq(now),
    ))
    .execute(conn)?;
    if changed == 1 {
        super::variant::add_stock(conn, single.id, delta, now)?;
    }
    Ok(changed == 1)
}

/// Sets a product's status.
pub fn set_status(
    conn: &mut DbConn,
    id: i64,
    status: ProductStatus,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(products::table.find(id))
        .set((
            products::status.eq(status.as_str()),
            products::updated_at.eq(now),
        ))
        .execute(conn)
}
