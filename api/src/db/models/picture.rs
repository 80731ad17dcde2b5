//! Uploaded product pictures and shop logos, stored in the database (JPEG, two sizes), so
//! every instance on a shared PostgreSQL serves the same files.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{product_pictures, products, shop_logos};
use crate::images::{Resized, STORED_CONTENT_TYPE};

/// Which stored size to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Display,
    Thumb,
}

/// Replaces a product's picture and bumps its version, so its URLs change. Call it inside a
/// write transaction.
pub fn store_product_picture(
    conn: &mut DbConn,
    product_id: i64,
    picture: &Resized,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(product_pictures::table.find(product_id)).execute(conn)?;
    diesel::insert_into(product_pictures::table)
        .values((
            product_pictures::product_id.eq(product_id),
            product_pictures::display.eq(&picture.display),
            product_pictures::thumb.eq(&picture.thumb),
            product_pictures::content_type.eq(STORED_CONTENT_TYPE),
            product_pictures::updated_at.eq(now),
        ))
        .execute(conn)?;
    bump_version(conn, product_id, now)
}

/// Removes a product's picture (the generated one is served again); `false` when it had
/// none. Call it inside a write transaction.
pub fn delete_product_picture(
    conn: &mut DbConn,
    product_id: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let removed = diesel::delete(product_pictures::table.find(product_id)).execute(conn)?;
    if removed > 0 {
        bump_version(conn, product_id, now)?;
    }
    Ok(removed > 0)
}

fn bump_version(conn: &mut DbConn, product_id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(products::table.find(product_id))
        .set((
            products::picture_version.eq(products::picture_version + 1),
            products::updated_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// A product's uploaded picture in one size, if it has one.
pub fn product_picture(
    conn: &mut DbConn,
    product_id: i64,
    size: Size,
) -> QueryResult<Option<Vec<u8>>> {
    let query = product_pictures::table.find(product_id);
    match size {
        Size::Display => query.select(product_pictures::display).first(conn),
        Size::Thumb => query.select(product_pictures::thumb).first(conn),
    }
    .optional()
}

/// Replaces a shop's logo; returns its new version.
pub fn store_shop_logo(
    conn: &mut DbConn,
    shop_id: i64,
    picture: &Resized,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let previous: Option<i64> = shop_logos::table
        .find(shop_id)
        .select(shop_logos::version)
        .first(conn)
        .optional()?;
    // Milliseconds of the upload, and always past the previous one: a new logo never reuses
    // a version a browser may have cached.
    let version = now
        .and_utc()
        .timestamp_millis()
        .max(previous.unwrap_or(0) + 1);
    diesel::delete(shop_logos::table.find(shop_id)).execute(conn)?;
    diesel::insert_into(shop_logos::table)
        .values((
            shop_logos::shop_id.eq(shop_id),
            shop_logos::version.eq(version),
            shop_logos::display.eq(&picture.display),
            shop_logos::thumb.eq(&picture.thumb),
            shop_logos::content_type.eq(STORED_CONTENT_TYPE),
            shop_logos::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(version)
}

/// Removes a shop's logo; `false` when it had none.
pub fn delete_shop_logo(conn: &mut DbConn, shop_id: i64) -> QueryResult<bool> {
    Ok(diesel::delete(shop_logos::table.find(shop_id)).execute(conn)? > 0)
}

/// A shop's uploaded logo in one size and its version, if it has one.
pub fn shop_logo(
    conn: &mut DbConn,
    shop_id: i64,
    size: Size,
) -> QueryResult<Option<(Vec<u8>, i64)>> {
    let query = shop_logos::table.find(shop_id);
    match size {
        Size::Display => query
            .select((shop_logos::display, shop_logos::version))
            .first(conn),
        Size::Thumb => query
            .select((shop_logos::thumb, shop_logos::version))
            .first(conn),
    }
    .optional()
}
