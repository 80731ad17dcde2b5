//! Every migration goes up, down and up again, on both backends.

use diesel::connection::SimpleConnection;
use vitrine::db::{self, revert_all_migrations, run_migrations};

use crate::helpers::{Backend, fresh_database};

fn round_trip(backend: Backend) {
    let Some((url, _database)) = fresh_database(backend) else {
        return;
    };
    let pool = db::connect(&url, 1).expect("connect");
    let mut conn = pool.get().expect("connection");
    run_migrations(&mut conn).expect("up");
    conn.batch_execute("SELECT id, slug, sort_name FROM shops")
        .expect("tables exist after up");
    revert_all_migrations(&mut conn).expect("down");
    assert!(
        conn.batch_execute("SELECT id FROM shops").is_err(),
        "tables are gone after down"
    );
    run_migrations(&mut conn).expect("up again");
    conn.batch_execute("SELECT id FROM products")
        .expect("tables exist again");
}

#[test]
fn migrations_run_up_down_and_up_again_on_sqlite() {
    round_trip(Backend::Sqlite);
}

#[test]
fn migrations_run_up_down_and_up_again_on_postgres() {
    round_trip(Backend::Postgres);
}
