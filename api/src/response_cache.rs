//! The catalogue's response cache, and its conditional answers (ETag, 304).
//!
//! Catalogue answers are cached in memory by URL, tagged with the catalogue version: a row
//! that database triggers bump on every change to products, shops or categories, whoever
//! makes it (this instance, another instance on the same PostgreSQL, a script). Before
//! answering, a request learns the current version from a check that *started after the
//! request arrived*, so it never gets an answer older than a change committed before it
//! came. Checks are shared: while one runs, every request that arrives waits for the next
//! one, so under load the database sees one tiny query per round trip instead of one
//! catalogue query per request.
//!
//! Concurrent misses of the same URL compute it once: the others wait for that answer.
//!
//! Clients revalidate every time (`no-cache`) with the strong ETag, so a changed price
//! shows on the next request and an unchanged page costs a few bytes.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use diesel::prelude::*;
use r2d2::ManageConnection;
use serde::Serialize;
use tokio::sync::{Notify, OnceCell, watch};

use crate::db::schema::catalogue_version;
use crate::db::{self, ConnectionManager, DbConn, DbPool};
use crate::error::ApiError;

/// The catalogue's cache policy: keep, but ask before reuse.
pub const CATALOGUE_CACHE_CONTROL: &str = "public, no-cache";

/// Entries kept before the cache starts over (a few MB at most).
const MAX_ENTRIES: usize = 4096;

/// A cached answer: its body, the ETag computed once from it, and what it counted (a
/// list's total, for the search log).
#[derive(Clone)]
pub struct Entry {
    etag: String,
    body: Bytes,
    count: Option<u64>,
}

impl Entry {
    fn new(body: Vec<u8>, count: Option<u64>) -> Entry {
        let mut hasher = DefaultHasher::new();
        body.hash(&mut hasher);
        Entry {
            etag: format!("\"{:016x}\"", hasher.finish()),
            body: Bytes::from(body),
            count,
        }
    }

    /// The JSON answer.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// What was counted of it (a list's total).
    pub fn count(&self) -> Option<u64> {
        self.count
    }

    /// 200 with the body, or 304 when `If-None-Match` names this ETag.
    pub fn respond(&self, req: &HttpRequest) -> HttpResponse {
        let matches = req
            .headers()
            .get_all(IF_NONE_MATCH)
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|candidate| candidate.trim())
            .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == self.etag);
        let mut response = if matches {
            HttpResponse::NotModified()
        } else {
            HttpResponse::Ok()
        };
        response
            .insert_header((ETAG, self.etag.clone()))
            .insert_header((CACHE_CONTROL, CATALOGUE_CACHE_CONTROL));
        if matches {
            response.finish()
        } else {
            response
                .insert_header((CONTENT_TYPE, "application/json"))
                .body(self.body.clone())
        }
    }
}

/// The version the entries belong to, and one cell per URL, filled once.
type Entries = (i64, HashMap<String, Arc<OnceCell<Entry>>>);

/// The cache and its version checks; one per application, shared by all workers.
pub struct CatalogueCache {
    /// Number of the next version check to start.
    next_check: AtomicU64,
    wake: Notify,
    /// (checks completed, version they read; `None` when the database failed).
    checked: watch::Sender<(u64, Option<i64>)>,
    entries: Mutex<Entries>,
}

impl CatalogueCache {
    pub fn new() -> CatalogueCache {
        CatalogueCache {
            next_check: AtomicU64::new(0),
            wake: Notify::new(),
            checked: watch::Sender::new((0, None)),
            entries: Mutex::new((0, HashMap::new())),
        }
    }

    /// Runs the version checks, one at a time, whenever a request waits for one, on a
    /// connection of its own (no pool checkout, no liveness test: one round trip per check).
    /// Spawn it once per application.
    pub async fn run_checks(&self, manager: ConnectionManager) {
        let mut connection: Option<DbConn> = None;
        loop {
            self.wake.notified().await;
            let check = self.next_check.fetch_add(1, Ordering::SeqCst);
            let manager = manager.clone();
            let result = web::block(move || {
                let mut conn = match connection {
                    Some(conn) => conn,
                    None => manager.connect().map_err(|e| e.to_string())?,
                };
                // A connection that failed a query is dropped and opened again next time.
                read_version(&mut conn)
                    .map(|version| (conn, version))
                    .map_err(|e| e.to_string())
            })
            .await
            .map_err(|e| e.to_string())
            .and_then(|result| result);
            let version = match result {
                Ok((conn, version)) => {
                    connection = Some(conn);
                    Some(version)
                }
                Err(err) => {
                    connection = None;
                    tracing::warn!(error = %err, "catalogue version check failed");
                    None
                }
            };
            self.checked.send_replace((check + 1, version));
        }
    }

    /// The catalogue version as of a moment after this call began.
    async fn current_version(&self) -> Result<i64, ApiError> {
        // Checks numbered `need` and up start after this load.
        let need = self.next_check.load(Ordering::SeqCst);
        let mut checked = self.checked.subscribe();
        self.wake.notify_one();
        let (_, version) = *checked
            .wait_for(|(completed, _)| *completed > need)
            .await
            .map_err(|_| ApiError::Internal(anyhow::anyhow!("the version checker stopped")))?;
        version.ok_or_else(|| {
            ApiError::Unavailable(anyhow::anyhow!("cannot read the catalogue version"))
        })
    }

    /// The cell of `key` for `version`; a fresh, unshared one when the cache already moved
    /// on to a newer version.
    fn cell(&self, version: i64, key: String) -> Arc<OnceCell<Entry>> {
        let Ok(mut entries) = self.entries.lock() else {
            return Arc::default();
        };
        if entries.0 > version {
            return Arc::default();
        }
        if entries.0 < version || entries.1.len() >= MAX_ENTRIES {
            *entries = (version, HashMap::new());
        }
        Arc::clone(entries.1.entry(key).or_default())
    }

    /// The cached answer under `key` (a request's path and query, see [`cache_key`]), or runs
    /// `load` on the database, caches its JSON under the current version, and what `count`
    /// says of it, and answers it. Errors are never cached. Handlers answer it with
    /// [`Entry::respond`]; page shells embed its body (issue 16).
    pub async fn entry<T, F, C>(
        &self,
        key: String,
        pool: &DbPool,
        load: F,
        count: C,
    ) -> Result<Entry, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Serialize + Send + 'static,
        C: FnOnce(&T) -> Option<u64> + Send + 'static,
    {
        let version = self.current_version().await?;
        let cell = self.cell(version, key);
        let entry = cell
            .get_or_try_init(|| async move {
                let (body, count) = db::run(pool, move |conn| {
                    let value = load(conn)?;
                    let count = count(&value);
                    serde_json::to_vec(&value)
                        .map(|body| (body, count))
                        .map_err(|e| ApiError::Internal(e.into()))
                })
                .await?;
                Ok::<_, ApiError>(Entry::new(body, count))
            })
            .await?;
        Ok(entry.clone())
    }
}

impl Default for CatalogueCache {
    fn default() -> CatalogueCache {
        CatalogueCache::new()
    }
}

/// The cache key of a request: its path and query string as sent.
pub fn cache_key(req: &HttpRequest) -> String {
    format!("{}?{}", req.path(), req.query_string())
}

fn read_version(conn: &mut DbConn) -> QueryResult<i64> {
    catalogue_version::table
        .select(catalogue_version::version)
        .first(conn)
}
