//! `vitrine backup` and `vitrine restore` for a SQLite database, and the lock file that keeps
//! a restore from replacing a database a server is using.
//!
//! A backup is `VACUUM INTO`: SQLite writes a consistent, compacted copy of the database as
//! it was at the start of one read transaction, while the server goes on taking orders (WAL
//! lets writers commit beside that reader). It is what SQLite's online backup API gives,
//! without its C interface: diesel does not expose `sqlite3_backup_*` and the workspace
//! forbids `unsafe` code. Pictures and logos are rows of the database (migration 000008),
//! so they are in the copy; nothing else lives on disk (`web/dist` is a build output).
//!
//! Both commands write under a temporary name beside the target and rename it once complete
//! and checked, so a half-written file never carries the final name.
//!
//! PostgreSQL has its own tools (`pg_dump -Fc`, `pg_restore`): the commands say so.

use std::fmt;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, QueryDsl, QueryableByName, RunQueryDsl, sql_query};

use crate::db::schema::{orders, products, shops};
use crate::db::{self, DatabaseUrl, DbConn};

const POSTGRES_BACKUP: &str = "vitrine backup copies a SQLite database; this one is \
    PostgreSQL: back it up with `pg_dump -Fc --file=vitrine.dump \"$DATABASE_URL\"` (safe \
    while the server runs) and restore it with `pg_restore --clean --if-exists \
    --no-owner --dbname=\"$DATABASE_URL\" vitrine.dump`. See docs/operations.md.";

const POSTGRES_RESTORE: &str = "vitrine restore restores a SQLite database; this one is \
    PostgreSQL: stop the server, then `pg_restore --clean --if-exists --no-owner \
    --dbname=\"$DATABASE_URL\" vitrine.dump`. See docs/operations.md.";

/// What a backup holds, as its counts tell a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contents {
    pub orders: i64,
    pub shops: i64,
    pub products: i64,
    /// The newest migration applied to it (its version number).
    pub migration: String,
}

impl fmt::Display for Contents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} orders, {} shops, {} products (database version {})",
            self.orders, self.shops, self.products, self.migration
        )
    }
}

/// `vitrine backup <file>`: a consistent copy of the live database at `target`.
pub fn backup(database: &DatabaseUrl, target: &Path) -> anyhow::Result<Contents> {
    let DatabaseUrl::Sqlite(source) = database else {
        anyhow::bail!(POSTGRES_BACKUP);
    };
    if !source.is_file() {
        anyhow::bail!(
            "there is no database at {}: check DATABASE_URL",
            source.display()
        );
    }
    let target = std::path::absolute(target)?;
    if std::path::absolute(source)? == target {
        anyhow::bail!("the backup cannot overwrite the database itself");
    }
    let folder = parent(&target);
    std::fs::create_dir_all(folder)?;
    let partial = hidden_sibling(&target, "partial");
    remove_if_present(&partial)?;

    let result = (|| {
        let mut live = SqliteConnection::establish(&source.to_string_lossy())?;
        live.batch_execute("PRAGMA busy_timeout = 10000;")?;
        live.batch_execute(&format!("VACUUM INTO {}", sql_string(&partial)))?;
        drop(live);
        let contents = check_copy(&partial)?;
        File::open(&partial)?.sync_all()?;
        std::fs::rename(&partial, &target)?;
        sync_folder(folder);
        Ok(contents)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// `vitrine restore <file>`: checks the backup, then puts it in place of the database.
/// Refused while a server uses the database. The database it replaces is kept beside it as
/// `<name>.before-restore`.
pub fn restore(database: &DatabaseUrl, backup: &Path) -> anyhow::Result<Restored> {
    let DatabaseUrl::Sqlite(target) = database else {
        anyhow::bail!(POSTGRES_RESTORE);
    };
    if !backup.is_file() {
        anyhow::bail!("there is no backup file at {}", backup.display());
    }
    let target = std::path::absolute(target)?;
    if std::path::absolute(backup)? == target {
        anyhow::bail!("{} is the database itself", backup.display());
    }
    let folder = parent(&target).to_owned();
    std::fs::create_dir_all(&folder)?;
    let _lock = DatabaseLock::exclusive(&target)?;

    let incoming = hidden_sibling(&target, "restoring");
    remove_if_present(&incoming)?;
    let result = (|| {
        // Check the very bytes that will be put in place, not the file they came from.
        std::fs::copy(backup, &incoming)?;
        let contents = check_copy(&incoming).map_err(|e| {
            anyhow::anyhow!(
                "{} cannot be restored: {e}. Nothing was changed.",
                backup.display()
            )
        })?;
        File::open(&incoming)?.sync_all()?;

        let kept = if target.is_file() {
            keep_current(&target)
        } else {
            None
        };
        // A -wal left by the old database would be replayed into the new one: remove it
        // first (the server is stopped: it holds nothing the kept copy lacks).
        for suffix in ["-wal", "-shm"] {
            remove_if_present(&with_suffix(&target, suffix))?;
        }
        std::fs::rename(&incoming, &target)?;
        sync_folder(&folder);
        Ok(Restored {
            contents,
            database: target.clone(),
            kept,
        })
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&incoming);
    }
    result
}

/// What `restore` did.
#[derive(Debug)]
pub struct Restored {
    pub contents: Contents,
    pub database: PathBuf,
    /// Where the replaced database was kept, if there was one and it could be copied.
    pub kept: Option<PathBuf>,
}

impl fmt::Display for Restored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "restored {} into {}",
            self.contents,
            self.database.display()
        )?;
        if let Some(kept) = &self.kept {
            write!(
                f,
                "; the database it replaced is kept as {}",
                kept.display()
            )?;
        }
        write!(f, ". Start the server: it applies any newer migrations.")
    }
}

/// Copies the database being replaced to `<name>.before-restore` (a consistent copy, its
/// WAL included). A database too damaged to copy is replaced all the same: that is often
/// why one restores.
fn keep_current(target: &Path) -> Option<PathBuf> {
    let kept = with_suffix(target, ".before-restore");
    let copied = (|| -> anyhow::Result<()> {
        remove_if_present(&kept)?;
        let mut old = SqliteConnection::establish(&target.to_string_lossy())?;
        old.batch_execute(&format!("VACUUM INTO {}", sql_string(&kept)))?;
        Ok(())
    })();
    match copied {
        Ok(()) => Some(kept),
        Err(err) => {
            tracing::warn!(
                "the current database {} could not be copied aside ({err}); replacing it anyway",
                target.display()
            );
            None
        }
    }
}

#[derive(QueryableByName)]
struct Text {
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
}

/// Checks that `path` is a sound Vitrine database this binary can run, turns it into a
/// single self-contained file (no WAL), and counts what it holds.
fn check_copy(path: &Path) -> anyhow::Result<Contents> {
    let mut conn = SqliteConnection::establish(&path.to_string_lossy())?;
    let not_sqlite = |e: diesel::result::Error| {
        anyhow::anyhow!("it is not a SQLite database, or is damaged ({e})")
    };
    let problems: Vec<String> = sql_query("PRAGMA integrity_check")
        .load::<IntegrityRow>(&mut conn)
        .map_err(not_sqlite)?
        .into_iter()
        .map(|row| row.integrity_check)
        .collect();
    if problems != ["ok"] {
        anyhow::bail!(
            "SQLite's integrity check found it damaged: {}",
            problems
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    let tables: Vec<String> =
        sql_query("SELECT name AS value FROM sqlite_master WHERE type = 'table'")
            .load::<Text>(&mut conn)
            .map_err(not_sqlite)?
            .into_iter()
            .map(|t| t.value)
            .collect();
    for needed in ["__diesel_schema_migrations", "shops", "products", "orders"] {
        if !tables.iter().any(|t| t == needed) {
            anyhow::bail!(
                "it is a SQLite database but not a Vitrine one (it has no {needed} table)"
            );
        }
    }
    conn.batch_execute("PRAGMA journal_mode = DELETE;")?;
    let migration = sql_query("SELECT MAX(version) AS value FROM __diesel_schema_migrations")
        .get_result::<Text>(&mut conn)?
        .value;
    let contents = Contents {
        orders: orders::table.count().get_result(&mut conn)?,
        shops: shops::table.count().get_result(&mut conn)?,
        products: products::table.count().get_result(&mut conn)?,
        migration,
    };
    let unknown = db::unknown_migrations(&mut DbConn::Sqlite(conn))?;
    if !unknown.is_empty() {
        anyhow::bail!(
            "it was made by a newer version of Vitrine (migrations {} are unknown to this \
             binary, whose newest is {}): install that version first",
            unknown.join(", "),
            db::newest_known_migration()
        );
    }
    Ok(contents)
}

#[derive(QueryableByName)]
struct IntegrityRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    integrity_check: String,
}

/// A lock file beside a SQLite database (`<name>.lock`): every `serve` holds it shared for
/// as long as it runs, `restore` takes it exclusively, so neither starts while the other
/// works. The operating system releases it when the process ends, however it ends.
#[derive(Debug)]
pub struct DatabaseLock {
    _file: File,
}

impl DatabaseLock {
    /// Taken by `serve`; several servers may share a database.
    pub fn for_serving(database: &Path) -> anyhow::Result<DatabaseLock> {
        let (file, path) = Self::open(database)?;
        match file.try_lock_shared() {
            Ok(()) => Ok(DatabaseLock { _file: file }),
            Err(TryLockError::WouldBlock) => anyhow::bail!(
                "a restore of {} is in progress ({} is locked): start the server when it \
                 has finished",
                database.display(),
                path.display()
            ),
            Err(TryLockError::Error(err)) => Err(err.into()),
        }
    }

    fn exclusive(database: &Path) -> anyhow::Result<DatabaseLock> {
        let (file, path) = Self::open(database)?;
        match file.try_lock() {
            Ok(()) => Ok(DatabaseLock { _file: file }),
            Err(TryLockError::WouldBlock) => anyhow::bail!(
                "a running server is using {} ({} is locked): stop it first (e.g. `systemctl \
                 stop vitrine`), then restore. Nothing was changed.",
                database.display(),
                path.display()
            ),
            Err(TryLockError::Error(err)) => Err(err.into()),
        }
    }

    fn open(database: &Path) -> anyhow::Result<(File, PathBuf)> {
        let path = with_suffix(database, ".lock");
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| anyhow::anyhow!("cannot open the lock file {}: {e}", path.display()))?;
        Ok((file, path))
    }
}

fn parent(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new("."))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// `.<name>.<what>-<pid>` in the same folder, so the final rename stays on one file system.
fn hidden_sibling(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent(path).join(format!(".{name}.{what}-{}", std::process::id()))
}

fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

/// A rename is durable once its folder is synced; a failure here only weakens that.
fn sync_folder(folder: &Path) {
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}

/// A path as a SQL string literal. Absolute, so SQLite never reads it as a `file:` URI.
fn sql_string(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', "''"))
}
