//! Builds the application from its settings: pool, migrations, demo data, then the HTTP
//! server on the requested address (port 0 picks a free one, which tests use).

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use actix_web::middleware::{Compress, DefaultHeaders, from_fn};
use actix_web::{App, HttpResponse, HttpServer, ResponseError, error, web};
use tracing_actix_web::TracingLogger;
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::TokenKeys;
use crate::backup::DatabaseLock;
use crate::client::{ClientSpan, TrustedProxies};
use crate::config::Settings;
use crate::db::models::{marketplace, session};
use crate::db::{self, DbPool};
use crate::demo;
use crate::error::ApiError;
use crate::mail::notices::Notices;
use crate::mail::smtp::Smtp;
use crate::response_cache::CatalogueCache;
use crate::routes;
use crate::security_headers::security_headers;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub static_dir: PathBuf,
    pub catalogue_cache: Arc<CatalogueCache>,
    pub token_keys: Arc<TokenKeys>,
    /// The live orders inbox of this process.
    pub order_feed: Arc<crate::order_feed::OrderFeed>,
    /// Limits on what a stranger can exhaust (issue 10): hashing and decoding slots, login
    /// throttling.
    pub limits: Arc<crate::limits::Gates>,
    /// E-mails (issue 12): what changes write into the outbox.
    pub notices: Arc<crate::mail::notices::Notices>,
    /// Webhooks (issue 17): where endpoints may point.
    pub webhook_policy: crate::webhooks::address::Policy,
    /// The dashboard (issue 13): searches waiting to be written to the search log.
    pub pending_search_logs: Arc<std::sync::atomic::AtomicUsize>,
    /// The dashboard (issue 13): the visits counted in this process's memory.
    pub visits: Arc<crate::visits::VisitCounter>,
}

/// A built, bound, not yet running server.
pub struct Application {
    port: u16,
    server: Server,
    pool: DbPool,
    notices: Arc<Notices>,
    order_feed: Arc<crate::order_feed::OrderFeed>,
    visits: Arc<crate::visits::VisitCounter>,
    /// Held while serving a SQLite file, so `vitrine restore` cannot replace it meanwhile.
    lock: Option<DatabaseLock>,
}

impl Application {
    /// Connects, migrates, loads the demo if asked and the database is empty, and binds.
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let lock = match &settings.database_url {
            db::DatabaseUrl::Sqlite(path) => Some(DatabaseLock::for_serving(path)?),
            db::DatabaseUrl::Postgres(_) => None,
        };
        let url = settings.database_url.clone();
        let (pool_size, load_demo) = (settings.db_pool_size, settings.demo);
        let demo_deliveries = settings.demo_deliveries;
        let (pool, signing_key) = web::block(move || -> anyhow::Result<(DbPool, String)> {
            let pool = db::connect(&url, pool_size)?;
            let mut conn = pool.get()?;
            db::run_migrations(&mut conn)?;
            if load_demo && demo::seed_with(&mut conn, demo_deliveries)? {
                tracing::info!("demo data loaded");
            }
            if marketplace::needs_admin(&mut conn)? {
                tracing::warn!(
                    "no administrator yet: create the first one with \
                     `vitrine create-admin --email you@example.fr --password '12 characters or more'` \
                     (same --database-url), then sign in at /gestion to set the marketplace up"
                );
            }
            let signing_key = session::signing_key(&mut conn)?;
            Ok((pool, signing_key))
        })
        .await??;
        let token_keys = Arc::new(TokenKeys::new(&signing_key)?);
        // A mail server that cannot work stops the start, not the first order.
        let smtp = match &settings.mail.smtp_url {
            Some(url) => Some(Smtp::from_url(url, settings.mail.smtp_plain_on_loopback)?),
            None => None,
        };

        let listener = TcpListener::bind(&settings.bind)?;
        let address = listener.local_addr()?;
        tracing::info!(
            "Vitrine listening on http://{address} ({} database)",
            settings.database_url.backend()
        );
        let notices = Arc::new(Notices::new(
            &settings.mail,
            address,
            smtp.is_some(),
            &signing_key,
        ));
        // Scheduled e-mails (issue 12): the daily summaries, the evening-before reminders.
        if settings.mail.schedule_seconds > 0 {
            actix_web::rt::spawn(crate::mail::schedule::run(
                pool.clone(),
                Arc::clone(&notices),
                Duration::from_secs(settings.mail.schedule_seconds),
            ));
        }
        match smtp {
            Some(smtp) => {
                let worker = crate::outbox::Worker::new(pool.clone(), smtp, &settings.mail);
                let poll = Duration::from_millis(settings.mail.outbox_poll_ms);
                actix_web::rt::spawn(worker.run(poll));
            }
            None => tracing::info!(
                "no mail server (--smtp-url): e-mails are kept for the association's mailbox"
            ),
        }
        // Webhooks (issue 17) need no configuration: their worker always runs.
        let webhook_policy = settings.webhooks.policy();
        let webhooks = crate::webhooks::worker::Worker::new(
            pool.clone(),
            crate::webhooks::sender::Sender::new(webhook_policy)?,
        );
        actix_web::rt::spawn(
            webhooks.run(Duration::from_millis(settings.webhooks.webhook_poll_ms)),
        );
        let catalogue_cache = Arc::new(CatalogueCache::new());
        let checker = Arc::clone(&catalogue_cache);
        let checker_connection = db::ConnectionManager::new(settings.database_url.clone());
        actix_web::rt::spawn(async move { checker.run_checks(checker_connection).await });
        // Hoarding (issue 10): old baskets purged, unconfirmed guest orders released.
        actix_web::rt::spawn(crate::housekeeping::run(
            pool.clone(),
            settings.limits.clone(),
            Arc::clone(&notices),
        ));
        let app_notices = Arc::clone(&notices);
        let order_feed: Arc<crate::order_feed::OrderFeed> = Arc::default();
        // Visits (issue 13): counted in memory, added to the database every so often.
        let visits = Arc::new(crate::visits::VisitCounter::new(&settings.visits));
        if visits.enabled() && settings.visits.visit_flush_seconds > 0 {
            actix_web::rt::spawn(Arc::clone(&visits).run(
                pool.clone(),
                Duration::from_secs(settings.visits.visit_flush_seconds),
            ));
        }
        let state = AppState {
            pool: pool.clone(),
            static_dir: settings.static_dir,
            catalogue_cache,
            token_keys,
            order_feed: Arc::clone(&order_feed),
            limits: Arc::new(crate::limits::Gates::new(settings.limits)),
            notices,
            webhook_policy,
            pending_search_logs: Arc::default(),
            visits: Arc::clone(&visits),
        };
        let trusted_proxies = TrustedProxies::new(settings.trusted_proxies);
        let server = serve(listener, state, trusted_proxies)?;
        Ok(Application {
            port: address.port(),
            server,
            pool,
            notices: app_notices,
            order_feed,
            visits,
            lock,
        })
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The pool, for tests that need to look under the API.
    pub fn pool(&self) -> DbPool {
        self.pool.clone()
    }

    /// What writes this server's e-mails, for tests that run the scheduler at a chosen time.
    pub fn notices(&self) -> Arc<Notices> {
        Arc::clone(&self.notices)
    }

    /// The visits counted in this process (issue 13), for tests that move its clock.
    pub fn visits(&self) -> Arc<crate::visits::VisitCounter> {
        Arc::clone(&self.visits)
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight and writes the
    /// visits counted since the last flush.
    ///
    /// The live inboxes' streams end at the signal: left open, they would hold the stop for
    /// its whole grace period, and the browsers reconnect to the next instance at once.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let _lock = self.lock;
        let feed = self.order_feed;
        actix_web::rt::spawn(async move {
            stop_signal().await;
            feed.close();
        });
        let served = self.server.await;
        if let Err(err) = self.visits.flush(&self.pool).await {
            tracing::warn!(error = %err, "the last visit counts could not be written");
        }
        served
    }
}

/// SIGINT or SIGTERM, the signals the server stops on.
async fn stop_signal() {
    use actix_web::rt::signal;
    #[cfg(unix)]
    {
        let Ok(mut terminate) = signal::unix::signal(signal::unix::SignalKind::terminate()) else {
            let _ = signal::ctrl_c().await;
            return;
        };
        let interrupt = std::pin::pin!(signal::ctrl_c());
        let terminated = std::pin::pin!(terminate.recv());
        futures_util::future::select(interrupt, terminated).await;
    }
    #[cfg(not(unix))]
    let _ = signal::ctrl_c().await;
}

fn serve(
    listener: TcpListener,
    state: AppState,
    trusted_proxies: TrustedProxies,
) -> anyhow::Result<Server> {
    let openapi = routes::openapi();
    let openapi_yaml = routes::openapi_yaml()?;
    let static_dir = state.static_dir.clone();
    let state = web::Data::new(state);
    let server = HttpServer::new(move || {
        let (app, _) = App::new()
            .into_utoipa_app()
            // API answers compressed as asked (issue 16); event streams left as they are.
            .service(
                scope::scope("/api/v1")
                    .wrap(Compress::default())
                    .wrap(from_fn(crate::transport::streams_uncompressed))
                    .configure(routes::api_v1),
            )
            .split_for_parts();
        let yaml = openapi_yaml.clone();
        let app = app
            .app_data(state.clone())
            .app_data(json_config())
            .app_data(path_config())
            .app_data(trusted_proxies.clone())
            // Limits on what a stranger can exhaust (issue 10): bodies and control characters.
            .wrap(actix_web::middleware::from_fn(crate::text_guard::guard))
            // An API key's RateLimit-* headers (issue 17).
            .wrap(from_fn(crate::key_policy::rate_limit_headers))
            // Content-hashed files kept a year (issue 16); inside the default Cache-Control.
            .wrap(from_fn(crate::transport::immutable_files))
            // Inside the default Cache-Control, so that it sees what the handler said.
            .wrap(from_fn(security_headers))
            .wrap(DefaultHeaders::new().add((CACHE_CONTROL, "no-cache")))
            .wrap(TracingLogger::<ClientSpan>::new())
            // Before the routes are matched: HEAD finds every GET route (issue 16).
            .wrap(from_fn(crate::transport::head_as_get))
            .route("/healthz", web::get().to(routes::health::healthz))
            .route("/robots.txt", web::get().to(routes::seo::robots))
            .route("/sitemap.xml", web::get().to(routes::seo::sitemap))
            .route(
                "/api/openapi.yaml",
                web::get().to(move || {
                    let yaml = yaml.clone();
                    async move {
                        HttpResponse::Ok()
                            .insert_header((CONTENT_TYPE, "application/yaml"))
                            .body(yaml)
                    }
                }),
            )
            // The integrator's guide (issue 17), linked from the API docs.
            .route(
                "/api/integrators.md",
                web::get().to(|| async {
                    HttpResponse::Ok()
                        .insert_header((CONTENT_TYPE, "text/markdown; charset=utf-8"))
                        .body(include_str!("../../docs/integrators.md"))
                }),
            )
            .route(
                "/api/docs",
                web::get().to(|| async {
                    HttpResponse::PermanentRedirect()
                        .insert_header((LOCATION, "/api/docs/"))
                        .finish()
                }),
            )
            .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", openapi.clone()))
            .default_service(web::to(routes::spa::fallback));
        // The page shells are filled in from the settings, never served from the files.
        // Files at "/" must come last: it answers every path the routes above did not.
        app.configure(routes::spa::shells)
            .service(routes::spa::files(&static_dir))
    })
    .shutdown_timeout(10)
    .client_request_timeout(Duration::from_secs(10))
    .listen(listener)?
    .run();
    Ok(server)
}

/// A bad JSON body or content type is a problem+json 4xx, never a 500.
fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(crate::text_guard::JSON_LIMIT)
        .error_handler(|err, _req| {
            let api_error = match &err {
                error::JsonPayloadError::Overflow { .. }
                | error::JsonPayloadError::OverflowKnownLength { .. }
                | error::JsonPayloadError::Payload(error::PayloadError::Overflow) => {
                    crate::text_guard::too_large()
                }
                error::JsonPayloadError::ContentType => ApiError::UnsupportedMediaType(
                    "send the body as JSON with the header Content-Type: application/json".into(),
                ),
                error::JsonPayloadError::Deserialize(e) => {
                    ApiError::MalformedBody(format!("the JSON body is invalid: {e}"))
                }
                other => ApiError::MalformedBody(format!("the body cannot be read: {other}")),
            };
            error::InternalError::from_response(err, api_error.error_response()).into()
        })
}

/// A path segment of the wrong type (`/products/abc/picture`) names nothing: 404. (A 400
/// was tried: schemathesis's stateful phase fills an integer path parameter with a basket's
/// uuid through the links it infers, counts that request as valid, and only accepts 404 for
/// it; a well-formed id that names nothing is a 404 anyway.)
fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|err, req| {
        let api_error = ApiError::NotFound(format!("there is no resource at {}", req.path()));
        error::InternalError::from_response(err, api_error.error_response()).into()
    })
}
