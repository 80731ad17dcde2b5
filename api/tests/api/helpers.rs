//! `spawn_app()`: the real application on a random port with a fresh database, SQLite (a
//! file in a temporary folder) or PostgreSQL (`CREATE DATABASE test_<uuid>`), and a
//! `TestApp` with one method per endpoint.

use std::path::PathBuf;

use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use serde::de::DeserializeOwned;
use vitrine::config::Settings;
use vitrine::db::{DatabaseUrl, DbPool};
use vitrine::startup::Application;

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The server's PostgreSQL, where each test gets its own database.
fn postgres_admin_url() -> String {
    std::env::var("VITRINE_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// Where a test's database lives, and its clean-up.
enum TestDatabase {
    Sqlite {
        _dir: tempfile::TempDir,
    },
    Postgres {
        name: String,
    },
    /// Another instance's database: its owner cleans it up.
    Shared,
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { name } = self
            && let Ok(mut conn) = PgConnection::establish(&postgres_admin_url())
        {
            let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// A running application and a client to talk to it.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    /// For the few fixtures no endpoint can set up yet (a suspended shop, an archived product).
    pub pool: DbPool,
    /// What writes this server's e-mails, for running the scheduler at a chosen time.
    pub notices: std::sync::Arc<vitrine::mail::notices::Notices>,
    /// The visits this server counts in memory (issue 13), for moving its clock.
    pub visits: std::sync::Arc<vitrine::visits::VisitCounter>,
    database_url: DatabaseUrl,
    _database: TestDatabase,
    _static_dir: tempfile::TempDir,
}

/// Options of a test application.
#[derive(Debug, Clone, Copy)]
pub struct AppOptions {
    pub demo: bool,
}

/// The demo marketplace, which most tests read.
pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, AppOptions { demo: true }).await
}

/// Builds a fresh database, or `None` when PostgreSQL is unreachable outside CI (the test is
/// skipped, loudly). In CI (`CI=true`) an unreachable PostgreSQL fails the test.
pub fn fresh_database(backend: Backend) -> Option<(DatabaseUrl, TestDatabaseHandle)> {
    // Every test's HTTP client needs the process's TLS provider (issue 17's reqwest has none
    // of its own).
    vitrine::webhooks::sender::install_crypto();
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temporary folder");
            let url = DatabaseUrl::Sqlite(dir.path().join("vitrine.sqlite"));
            Some((url, TestDatabaseHandle(TestDatabase::Sqlite { _dir: dir })))
        }
        Backend::Postgres => {
            let admin_url = postgres_admin_url();
            let mut admin = match PgConnection::establish(&admin_url) {
                Ok(conn) => conn,
                Err(err) if std::env::var("CI").as_deref() == Ok("true") => {
                    panic!("PostgreSQL at {admin_url} is required in CI: {err}")
                }
                Err(err) => {
                    eprintln!(
                        "\n*** SKIPPED on PostgreSQL: {admin_url} is unreachable ({err}). \
                         Set VITRINE_TEST_PG_URL or start PostgreSQL; CI fails here. ***\n"
                    );
                    return None;
                }
            };
            let name = format!("test_{}", uuid::Uuid::new_v4().simple());
            admin
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .expect("create database");
            let base = admin_url
                .rsplit_once('/')
                .map_or(admin_url.as_str(), |(base, _)| base);
            let url = DatabaseUrl::Postgres(format!("{base}/{name}"));
            Some((url, TestDatabaseHandle(TestDatabase::Postgres { name })))
        }
    }
}

/// Keeps a test database alive; dropping it removes the database.
pub struct TestDatabaseHandle(TestDatabase);

pub async fn spawn_app_with(backend: Backend, options: AppOptions) -> Option<TestApp> {
    spawn_app_with_limits(backend, options, test_limits()).await
}

/// The limits of the tests that do not choose their own: the defaults, but with the
/// hoarding bounds (issue 10) out of the way, since those tests play crowds of shoppers
/// who all come from 127.0.0.1 with one phone number (`hoarding.rs` and
/// `baskets_limits.rs` test the bounds themselves).
pub fn test_limits() -> vitrine::limits::Limits {
    vitrine::limits::Limits {
        baskets_per_address_per_hour: 1_000_000,
        open_orders_per_customer: 1_000_000,
        open_units_per_customer: 1_000_000,
        ..vitrine::limits::Limits::default()
    }
}

/// The demo or an empty marketplace with limits of its own (issue 10: e.g. a short login
/// window).
pub async fn spawn_app_with_limits(
    backend: Backend,
    options: AppOptions,
    limits: vitrine::limits::Limits,
) -> Option<TestApp> {
    spawn_app_behind_proxies(backend, options, limits, Vec::new()).await
}

/// Like [`spawn_app_with_limits`], believing the forwarding headers of these proxies
/// (`--trusted-proxy`): 127.0.0.1 lets a test speak for many client addresses.
pub async fn spawn_app_behind_proxies(
    backend: Backend,
    options: AppOptions,
    limits: vitrine::limits::Limits,
    trusted_proxies: Vec<std::net::IpAddr>,
) -> Option<TestApp> {
    spawn_app_fully(
        backend,
        options,
        limits,
        trusted_proxies,
        vitrine::mail::MailSettings::default(),
        vitrine::webhooks::WebhookSettings::default(),
        vitrine::visits::VisitSettings::default(),
    )
    .await
}

/// The demo marketplace sending its e-mails as `mail` says (issue 12: a test's SMTP server).
pub async fn spawn_app_with_mail(
    backend: Backend,
    mail: vitrine::mail::MailSettings,
) -> Option<TestApp> {
    spawn_app_fully(
        backend,
        AppOptions { demo: true },
        test_limits(),
        Vec::new(),
        mail,
        vitrine::webhooks::WebhookSettings::default(),
        vitrine::visits::VisitSettings::default(),
    )
    .await
}

/// The demo marketplace posting its webhooks as `webhooks` says (issue 17: a test's
/// loopback receiver).
pub async fn spawn_app_with_webhooks(
    backend: Backend,
    webhooks: vitrine::webhooks::WebhookSettings,
) -> Option<TestApp> {
    spawn_app_fully(
        backend,
        AppOptions { demo: true },
        test_limits(),
        Vec::new(),
        vitrine::mail::MailSettings::default(),
        webhooks,
        vitrine::visits::VisitSettings::default(),
    )
    .await
}

/// The demo marketplace counting visits as `visits` says (issue 13: `--no-visit-count`).
pub async fn spawn_app_with_visits(
    backend: Backend,
    visits: vitrine::visits::VisitSettings,
) -> Option<TestApp> {
    spawn_app_fully(
        backend,
        AppOptions { demo: true },
        test_limits(),
        Vec::new(),
        vitrine::mail::MailSettings::default(),
        vitrine::webhooks::WebhookSettings::default(),
        visits,
    )
    .await
}

async fn spawn_app_fully(
    backend: Backend,
    options: AppOptions,
    limits: vitrine::limits::Limits,
    trusted_proxies: Vec<std::net::IpAddr>,
    mail: vitrine::mail::MailSettings,
    webhooks: vitrine::webhooks::WebhookSettings,
    visits: vitrine::visits::VisitSettings,
) -> Option<TestApp> {
    let (database_url, TestDatabaseHandle(database)) = fresh_database(backend)?;
    let static_dir = tempfile::tempdir().expect("temporary folder");
    for bundle in shared::bundle::Bundle::ALL {
        let page = format!(
            "<!doctype html><html lang=\"fr\"><head><title>Vitrine</title>\
             <meta name=\"description\" content=\"Vitrine\">\
             <script type=\"module\" src=\"/{}.js\"></script></head>\
             <body><p id=\"amorce\" hidden>Chargement…</p></body></html>",
            bundle.name()
        );
        std::fs::write(static_dir.path().join(bundle.shell()), page).expect("page shell");
    }
    let settings = Settings {
        bind: "127.0.0.1:0".into(),
        database_url: database_url.clone(),
        db_pool_size: 3,
        demo: options.demo,
        demo_deliveries: false,
        static_dir: PathBuf::from(static_dir.path()),
        trusted_proxies,
        limits,
        // The scheduler runs when a test says, at the time it says.
        mail: vitrine::mail::MailSettings {
            schedule_seconds: 0,
            ..mail
        },
        webhooks,
        visits,
    };
    let app = Application::build(settings)
        .await
        .expect("the application starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let pool = app.pool();
    let notices = app.notices();
    let visits = app.visits();
    actix_web::rt::spawn(app.run_until_stopped());
    Some(TestApp {
        address,
        client: reqwest::Client::new(),
        pool,
        notices,
        visits,
        database_url,
        _database: database,
        _static_dir: static_dir,
    })
}

/// A response read once: status, content type and body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub etag: Option<String>,
    pub cache_control: Option<String>,
    pub body: String,
}

impl Reply {
    /// The body as JSON of type `T`; panics with the body when it is not.
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("body is not the expected JSON ({e}): {}", self.body))
    }

    /// Asserts a problem+json error with this status and code, and returns it.
    pub fn problem(&self, status: u16, code: &str) -> shared::error::Problem {
        assert_eq!(self.status, status, "status of {}", self.body);
        assert_eq!(
            self.content_type, "application/problem+json",
            "content type of {}",
            self.body
        );
        let problem: shared::error::Problem = self.json();
        assert_eq!(problem.status, status);
        assert_eq!(
            serde_json::to_value(problem.code).unwrap(),
            code,
            "code of {}",
            self.body
        );
        assert!(!problem.detail.is_empty());
        problem
    }

    /// The fields named by a validation problem.
    pub fn invalid_fields(&self) -> Vec<String> {
        self.problem(400, "validation_failed")
            .errors
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    /// The fields of a 422 `validation_failed`: well-formed, refused by the data or by
    /// another field.
    pub fn refused_fields(&self) -> Vec<String> {
        self.problem(422, "validation_failed")
            .errors
            .into_iter()
            .map(|e| e.field)
            .collect()
    }
}

impl TestApp {
    /// A second instance of the application on the same database, as behind a load
    /// balancer. It must not outlive `self`, which owns the database.
    pub async fn another_instance(&self) -> TestApp {
        self.another_instance_with_mail(vitrine::mail::MailSettings::default())
            .await
    }

    /// Like [`TestApp::another_instance`], sending its e-mails as `mail` says.
    pub async fn another_instance_with_mail(&self, mail: vitrine::mail::MailSettings) -> TestApp {
        self.another_instance_with(mail, vitrine::webhooks::WebhookSettings::default())
            .await
    }

    /// Like [`TestApp::another_instance`], with these e-mail and webhook settings.
    pub async fn another_instance_with(
        &self,
        mail: vitrine::mail::MailSettings,
        webhooks: vitrine::webhooks::WebhookSettings,
    ) -> TestApp {
        let static_dir = tempfile::tempdir().expect("temporary folder");
        let settings = Settings {
            bind: "127.0.0.1:0".into(),
            database_url: self.database_url.clone(),
            db_pool_size: 3,
            demo: false,
            demo_deliveries: false,
            static_dir: PathBuf::from(static_dir.path()),
            trusted_proxies: Vec::new(),
            limits: test_limits(),
            // The scheduler runs when a test says, at the time it says.
            mail: vitrine::mail::MailSettings {
                schedule_seconds: 0,
                ..mail
            },
            webhooks,
            visits: vitrine::visits::VisitSettings::default(),
        };
        let app = Application::build(settings)
            .await
            .expect("the second instance starts");
        let address = format!("http://127.0.0.1:{}", app.port());
        let pool = app.pool();
        let notices = app.notices();
        let visits = app.visits();
        actix_web::rt::spawn(app.run_until_stopped());
        TestApp {
            address,
            client: reqwest::Client::new(),
            pool,
            notices,
            visits,
            database_url: self.database_url.clone(),
            _database: TestDatabase::Shared,
            _static_dir: static_dir,
        }
    }

    /// The folder the server serves the web app's files from.
    pub fn static_dir(&self) -> &std::path::Path {
        self._static_dir.path()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn read_response(response: reqwest::Response) -> Reply {
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let (etag, cache_control) = (
            header(reqwest::header::ETAG),
            header(reqwest::header::CACHE_CONTROL),
        );
        let body = response.text().await.expect("body");
        Reply {
            status,
            content_type,
            etag,
            cache_control,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        Self::read_response(
            self.client
                .get(self.url(path))
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    /// Sends a raw body with a content type.
    pub async fn send_raw(
        &self,
        method: reqwest::Method,
        path: &str,
        content_type: &str,
        body: &str,
    ) -> Reply {
        let request = self
            .client
            .request(method, self.url(path))
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(body.to_owned());
        Self::read_response(request.send().await.expect("request")).await
    }

    pub async fn list_shops(&self, query: &str) -> Reply {
        self.get(&format!("/api/v1/shops?{query}")).await
    }

    pub async fn list_products(&self, query: &str) -> Reply {
        self.get(&format!("/api/v1/products?{query}")).await
    }

    /// GET with an `If-None-Match` header.
    pub async fn get_if_none_match(&self, path: &str, etag: &str) -> Reply {
        let request = self
            .client
            .get(self.url(path))
            .header("If-None-Match", etag);
        Self::read_response(request.send().await.expect("request")).await
    }

    /// Runs SQL on the app's database (fixtures no endpoint can make yet).
    pub fn execute_sql(&self, sql: &str) {
        use diesel::connection::SimpleConnection;
        self.pool
            .get()
            .expect("connection")
            .batch_execute(sql)
            .expect("fixture SQL");
    }

    /// The product on sale in `shop` named `name`, as its page answers it.
    pub async fn product_on_sale(&self, shop: &str, name: &str) -> shared::catalogue::Product {
        let page: shared::Page<shared::catalogue::ProductCard> = self
            .list_products(&format!("shop={shop}&per_page=100&sort=newest"))
            .await
            .json();
        let card = page
            .items
            .into_iter()
            .find(|card| card.name == name)
            .unwrap_or_else(|| panic!("no {name} in {shop}"));
        self.get(&format!("/api/v1/products/{}", card.id))
            .await
            .json()
    }

    pub async fn list_categories(&self, query: &str) -> Reply {
        self.get(&format!("/api/v1/categories?{query}")).await
    }

    // The marketplace's settings (issue 9): what `vitrine --database-url` is given.
    /// The database's URL as the command line takes it.
    pub fn database_url_string(&self) -> String {
        match &self.database_url {
            DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
            DatabaseUrl::Postgres(url) => url.clone(),
        }
    }
}

/// Runs each test body once on SQLite and once on PostgreSQL, as `<name>::sqlite` and
/// `<name>::postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($(async fn $name:ident($app:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports, reason = "not every test body uses the module's imports")]
                use super::*;
                use $crate::helpers::{Backend, spawn_app};

                #[actix_web::test]
                async fn sqlite() {
                    let $app = spawn_app(Backend::Sqlite).await.expect("SQLite always runs");
                    $body
                }

                #[actix_web::test]
                async fn postgres() {
                    let Some($app) = spawn_app(Backend::Postgres).await else { return };
                    $body
                }
            }
        )*
    };
}

/// Sends `method /api/v1<path>` with an optional bearer token and JSON body: what the
/// caller-matrix tests of the admin routes send as each kind of caller.
pub async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    body: Option<&serde_json::Value>,
) -> Reply {
    let mut request = app
        .client
        .request(method, app.url(&format!("/api/v1{path}")));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request
            .header("Content-Type", "application/json")
            .body(body.to_string());
    }
    TestApp::read_response(request.send().await.expect("request")).await
}

/// The access token of a demo account (password `vitrine-demo-2026`).
pub async fn token_of(app: &TestApp, email: &str) -> String {
    let reply = app.login(email, "vitrine-demo-2026").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json::<shared::auth::Session>().access_token
}

/// A valid legal identity (issue 15): what the association needs before approving a shop.
pub fn legal_identity() -> serde_json::Value {
    serde_json::json!({
        "legal_name": "Fromagerie des Garrigues SARL", "legal_form": "sarl",
        "siret": "732 829 320 00074", "registration": "rcs", "registration_city": "Nîmes",
        "vat_number": "FR44732829320", "responsible": "Claire Fabre"
    })
}

/// Gives a shop its legal identity as `token` (its merchant, or an admin).
pub async fn give_legal_identity(app: &TestApp, slug: &str, token: &str) {
    let reply = call(
        app,
        reqwest::Method::PUT,
        &format!("/shops/{slug}/legal"),
        Some(token),
        Some(&legal_identity()),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
}
