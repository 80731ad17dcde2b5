//! The one-shot subcommands: `migrate`, `seed-demo`, `seed-bench`, `create-admin`.

use chrono::Utc;

use crate::auth::{check_password_policy, hash_password};
use crate::config::DatabaseArgs;
use crate::db::models::user::{NewUser, upsert_by_email};
use crate::db::{self, DatabaseUrl, DbConn};
use crate::demo;

fn open(database: &DatabaseArgs) -> anyhow::Result<r2d2::PooledConnection<db::ConnectionManager>> {
    let pool = db::connect(&DatabaseUrl::parse(&database.database_url), 1)?;
    let mut conn = pool.get()?;
    db::run_migrations(&mut conn)?;
    Ok(conn)
}

/// `vitrine migrate`.
pub fn migrate(database: &DatabaseArgs) -> anyhow::Result<()> {
    open(database)?;
    tracing::info!("migrations applied");
    Ok(())
}

/// `vitrine seed-demo`.
pub fn seed_demo(database: &DatabaseArgs) -> anyhow::Result<()> {
    let mut conn = open(database)?;
    if demo::seed(&mut conn)? {
        tracing::info!("demo data loaded");
    } else {
        tracing::warn!("the database already has shops: demo data not loaded");
    }
    Ok(())
}

/// `vitrine seed-bench`: a large generated catalogue, no accounts.
pub fn seed_bench(database: &DatabaseArgs, shops: usize, products: usize) -> anyhow::Result<()> {
    let mut conn = open(database)?;
    let loaded = demo::seed_scaled(&mut conn, shops, products)?;
    if loaded {
        tracing::info!(shops, products, "benchmark catalogue loaded");
    } else {
        tracing::warn!("the database already has shops: benchmark catalogue not loaded");
    }
    Ok(())
}

/// `vitrine create-admin`.
pub fn create_admin(
    database: &DatabaseArgs,
    email: &str,
    password: &str,
    name: &str,
) -> anyhow::Result<()> {
    check_password_policy(password).map_err(|e| anyhow::anyhow!("{e}"))?;
    let email = email.trim().to_lowercase();
    if !email.contains('@') {
        anyhow::bail!("{email} is not an e-mail address");
    }
    let hash = hash_password(password)?;
    let mut conn = open(database)?;
    let conn: &mut DbConn = &mut conn;
    let user = NewUser {
        email: &email,
        password_hash: &hash,
        name,
        role: "admin",
        created_at: Utc::now().naive_utc(),
    };
    let id = upsert_by_email(conn, &user)?;
    tracing::info!(user_id = id, %email, "administrator ready");
    Ok(())
}
