//! The communes the association's volunteers deliver to.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::communes;

#[derive(Debug, Insertable)]
#[diesel(table_name = communes)]
pub struct NewCommune<'a> {
    pub name: &'a str,
    pub postcode: &'a str,
    pub insee: &'a str,
}

impl NewCommune<'_> {
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<usize> {
        diesel::insert_into(communes::table)
            .values(self)
            .execute(conn)
    }
}

/// Every delivery commune, by name.
pub fn list(conn: &mut DbConn) -> QueryResult<Vec<shared::order::Commune>> {
    let rows: Vec<(String, String, String)> = communes::table
        .order(communes::name.asc())
        .select((communes::name, communes::postcode, communes::insee))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(name, postcode, insee)| shared::order::Commune {
            name,
            postcode,
            insee,
        })
        .collect())
}
