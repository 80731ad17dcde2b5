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
