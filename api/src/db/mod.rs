//! The database: one connection type over SQLite and PostgreSQL, its pool, and the embedded
//! migrations. The URL's scheme picks the backend.

pub mod models;
mod retry;
pub mod schema;

use std::path::PathBuf;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::migration::MigrationSource;
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, ConnectionError};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// A connection to either backend; queries written once run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

/// The pool handlers draw connections from (inside `web::block`).
pub type DbPool = r2d2::Pool<ConnectionManager>;

/// Which database a URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL URL, kept as given.
    Postgres(String),
}

impl DatabaseUrl {
    /// `postgres://` or `postgresql://` selects PostgreSQL; `sqlite://path`, `sqlite:path` or a
    /// bare path selects a SQLite file.
    pub fn parse(url: &str) -> DatabaseUrl {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return DatabaseUrl::Postgres(url.to_owned());
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        DatabaseUrl::Sqlite(PathBuf::from(path))
    }

    /// A short name of the backend for logs.
    pub fn backend(&self) -> &'static str {
        match self {
            DatabaseUrl::Sqlite(_) => "sqlite",
            DatabaseUrl::Postgres(_) => "postgres",
        }
    }
}

/// Why a connection could not be made or checked.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(transparent)]
    Connection(#[from] ConnectionError),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    #[error("cannot create the database folder {0}: {1}")]
    Folder(PathBuf, std::io::Error),
}

/// An r2d2 manager that opens the right backend and sets SQLite's pragmas on every
/// connection. diesel's derived `establish` would turn a refused PostgreSQL connection into
/// "invalid connection url"; this one reports the real cause.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: DatabaseUrl,
}

impl ConnectionManager {
    pub fn new(url: DatabaseUrl) -> ConnectionManager {
        ConnectionManager { url }
    }

    fn connect_sqlite(path: &std::path::Path) -> Result<DbConn, ConnectError> {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)
                .map_err(|e| ConnectError::Folder(folder.to_owned(), e))?;
        }
        let mut conn = SqliteConnection::establish(&path.to_string_lossy())?;
        // busy_timeout first: the pool opens its connections at once and they must wait for
        // each other (even to switch a new file to WAL) instead of failing. WAL lets readers
        // run beside the writer; FULL makes an acknowledged order durable. Reads go through
        // a memory map shared by all connections, plus a 16 MB page cache each.
        conn.batch_execute(
            "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
             PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
             PRAGMA mmap_size = 268435456; PRAGMA cache_size = -16000;",
        )?;
        Ok(DbConn::Sqlite(conn))
    }
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = DbConn;
    type Error = ConnectError;

    fn connect(&self) -> Result<DbConn, ConnectError> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => Self::connect_sqlite(path),
            DatabaseUrl::Postgres(url) => Ok(DbConn::Pg(PgConnection::establish(url)?)),
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), ConnectError> {
        Ok(conn.batch_execute("SELECT 1")?)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

/// Opens the pool. PostgreSQL gets a small pool: on two cores a large one only adds latency.
/// A SQLite file connection cannot break, so it is not tested on every checkout (a
/// `SELECT 1` per request); a PostgreSQL one is, so a restarted server is survived.
pub fn connect(url: &DatabaseUrl, size: u32) -> anyhow::Result<DbPool> {
    let pool = r2d2::Pool::builder()
        .max_size(size)
        .test_on_check_out(matches!(url, DatabaseUrl::Postgres(_)))
        .connection_timeout(Duration::from_secs(10))
        .build(ConnectionManager::new(url.clone()))
        .map_err(|e| anyhow::anyhow!("cannot connect to the {} database: {e}", url.backend()))?;
    Ok(pool)
}

/// Runs `f` on a pooled connection on the blocking thread pool: the one way handlers reach
/// the database.
pub async fn run<T, F>(pool: &DbPool, f: F) -> Result<T, crate::error::ApiError>
where
    F: FnOnce(&mut DbConn) -> Result<T, crate::error::ApiError> + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    actix_web::web::block(move || {
        let mut conn = pool.get()?;
        f(&mut conn)
    })
    .await?
}

/// How many times a write transaction runs at most when the database aborts it for a
/// reason that clears by itself (a deadlock, a serialization failure, a busy SQLite file).
const WRITE_ATTEMPTS: u32 = 5;

/// Runs `f` in a write transaction: all or nothing. On SQLite it is `BEGIN IMMEDIATE`, so
/// concurrent writers queue on the write lock (within `busy_timeout`) instead of failing
/// when a read would turn into a write. `f` must not open transactions of its own.
///
/// When the database aborts the transaction because of another one (PostgreSQL's
/// serialization failure 40001 or deadlock 40P01, SQLite's "database is locked"), nothing
/// of it was kept: it runs again, up to [`WRITE_ATTEMPTS`] times in all, after a short
/// random pause, so the caller sees the outcome of a clean run, never the database's
/// complaint. `f` may therefore run more than once and must only act through `conn`.
pub fn write_transaction<T, F>(conn: &mut DbConn, mut f: F) -> Result<T, crate::error::ApiError>
where
    F: FnMut(&mut DbConn) -> Result<T, crate::error::ApiError>,
{
    let mut attempt = 1;
    loop {
        match transaction_once(conn, &mut f) {
            Err(err) if attempt < WRITE_ATTEMPTS && retry::is_transient(&err) => {
                tracing::info!(attempt, error = %err, "write transaction aborted by the database, trying again");
                retry::pause(attempt);
                attempt += 1;
            }
            result => return result,
        }
    }
}

fn transaction_once<T, F>(conn: &mut DbConn, f: &mut F) -> Result<T, crate::error::ApiError>
where
    F: FnMut(&mut DbConn) -> Result<T, crate::error::ApiError>,
{
    match conn {
        DbConn::Pg(_) => conn.transaction(|conn| f(conn)),
        DbConn::Sqlite(_) => {
            conn.batch_execute("BEGIN IMMEDIATE")?;
            let result = f(conn);
            let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
            if let Err(err) = conn.batch_execute(end) {
                let _ = conn.batch_execute("ROLLBACK");
                return Err(err.into());
            }
            result
        }
    }
}

/// Applies the pending migrations of the connection's backend. On PostgreSQL an advisory
/// lock keeps several instances starting together from migrating at once.
///
/// A database that a newer version has migrated (a migration this binary does not know) is
/// refused before anything runs: an older binary would misread its tables.
pub fn run_migrations(conn: &mut DbConn) -> anyhow::Result<()> {
    match conn {
        DbConn::Sqlite(sqlite) => {
            refuse_newer_database(unknown_migrations_of(sqlite, SQLITE_MIGRATIONS)?)?;
            sqlite
                .run_pending_migrations(SQLITE_MIGRATIONS)
                .map_err(|e| anyhow::anyhow!("SQLite migrations failed: {e}"))?;
        }
        DbConn::Pg(pg) => {
            pg.batch_execute("SELECT pg_advisory_lock(7472697)")?;
            let result = unknown_migrations_of(pg, POSTGRES_MIGRATIONS)
                .and_then(refuse_newer_database)
                .and_then(|()| {
                    pg.run_pending_migrations(POSTGRES_MIGRATIONS)
                        .map(|_| ())
                        .map_err(|e| anyhow::anyhow!("PostgreSQL migrations failed: {e}"))
                });
            pg.batch_execute("SELECT pg_advisory_unlock(7472697)")?;
            result?;
        }
    }
    Ok(())
}

// Downgrade guard: the migrations a database has that this binary does not know.
/// The versions of the migrations applied to the database that this binary does not know
/// (a newer version of Vitrine applied them), oldest first. Creates diesel's bookkeeping
/// table on an empty database, as migrating would.
pub fn unknown_migrations(conn: &mut DbConn) -> anyhow::Result<Vec<String>> {
    match conn {
        DbConn::Sqlite(sqlite) => unknown_migrations_of(sqlite, SQLITE_MIGRATIONS),
        DbConn::Pg(pg) => unknown_migrations_of(pg, POSTGRES_MIGRATIONS),
    }
}

/// The newest migration this binary knows, as `2026-11-29-000010_create_shop_events`.
pub fn newest_known_migration() -> String {
    MigrationSource::<diesel::sqlite::Sqlite>::migrations(&SQLITE_MIGRATIONS)
        .ok()
        .and_then(|all| all.iter().map(|m| m.name().to_string()).max())
        .unwrap_or_default()
}

fn unknown_migrations_of<C, DB>(
    conn: &mut C,
    source: EmbeddedMigrations,
) -> anyhow::Result<Vec<String>>
where
    DB: diesel::backend::Backend,
    C: MigrationHarness<DB>,
    EmbeddedMigrations: MigrationSource<DB>,
{
    let known: std::collections::HashSet<String> = MigrationSource::<DB>::migrations(&source)
        .map_err(|e| anyhow::anyhow!("cannot read the embedded migrations: {e}"))?
        .iter()
        .map(|m| m.name().version().to_string())
        .collect();
    let mut unknown: Vec<String> = conn
        .applied_migrations()
        .map_err(|e| anyhow::anyhow!("cannot read the database's migrations: {e}"))?
        .iter()
        .map(ToString::to_string)
        .filter(|version| !known.contains(version))
        .collect();
    unknown.sort();
    Ok(unknown)
}

fn refuse_newer_database(unknown: Vec<String>) -> anyhow::Result<()> {
    if unknown.is_empty() {
        return Ok(());
    }
    anyhow::bail!(
        "the database has {} that this binary does not know ({}; the newest it knows is {}): \
         this binary (vitrine {}) is older than the database. Install the newer version, or \
         restore a backup made before the upgrade. Nothing was changed.",
        if unknown.len() == 1 {
            "a migration"
        } else {
            "migrations"
        },
        unknown.join(", "),
        newest_known_migration(),
        env!("CARGO_PKG_VERSION"),
    )
}

/// Reverts every applied migration, newest first (used by the migration round-trip test).
pub fn revert_all_migrations(conn: &mut DbConn) -> anyhow::Result<()> {
    match conn {
        DbConn::Sqlite(conn) => conn
            .revert_all_migrations(SQLITE_MIGRATIONS)
            .map(|_| ())
            .map_err(|e| anyhow::anyhow!("SQLite revert failed: {e}")),
        DbConn::Pg(conn) => conn
            .revert_all_migrations(POSTGRES_MIGRATIONS)
            .map(|_| ())
            .map_err(|e| anyhow::anyhow!("PostgreSQL revert failed: {e}")),
    }
}

/// Reverts the newest applied migration (the migration tests: a database as the previous
/// version left it).
pub fn revert_last_migration(conn: &mut DbConn) -> anyhow::Result<()> {
    match conn {
        DbConn::Sqlite(conn) => conn
            .revert_last_migration(SQLITE_MIGRATIONS)
            .map(|_| ())
            .map_err(|e| anyhow::anyhow!("SQLite revert failed: {e}")),
        DbConn::Pg(conn) => conn
            .revert_last_migration(POSTGRES_MIGRATIONS)
            .map(|_| ())
            .map_err(|e| anyhow::anyhow!("PostgreSQL revert failed: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::DatabaseUrl;
    use std::path::PathBuf;

    #[test]
    fn the_url_scheme_picks_the_backend() {
        let cases = [
            (
                "postgres://u@h/db",
                DatabaseUrl::Postgres("postgres://u@h/db".into()),
            ),
            (
                "postgresql://h/db",
                DatabaseUrl::Postgres("postgresql://h/db".into()),
            ),
            (
                "sqlite://data/v.sqlite",
                DatabaseUrl::Sqlite(PathBuf::from("data/v.sqlite")),
            ),
            (
                "sqlite:///tmp/v.sqlite",
                DatabaseUrl::Sqlite(PathBuf::from("/tmp/v.sqlite")),
            ),
            (
                "sqlite:v.sqlite",
                DatabaseUrl::Sqlite(PathBuf::from("v.sqlite")),
            ),
            (
                "./v.sqlite",
                DatabaseUrl::Sqlite(PathBuf::from("./v.sqlite")),
            ),
        ];
        for (url, expected) in cases {
            assert_eq!(DatabaseUrl::parse(url), expected, "{url}");
        }
    }
}
