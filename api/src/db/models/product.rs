//! Products: rows, inserts and the picture's inputs.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{categories, products, shops};

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

/// The name and category slug of a product visible to shoppers, for its generated picture.
pub fn picture_inputs(conn: &mut DbConn, id: i64) -> QueryResult<(String, String)> {
    products::table
        .inner_join(shops::table)
        .inner_join(categories::table)
        .filter(products::id.eq(id))
        .filter(products::status.eq("active"))
        .filter(shops::status.eq("active"))
        .select((products::name, categories::slug))
        .first(conn)
}
