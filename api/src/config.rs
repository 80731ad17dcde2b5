//! Settings, from command-line options or their `VITRINE_*` / `DATABASE_URL` environment
//! variables, with defaults that run the demo on a SQLite file under `./data/`.
//! They are passed to whoever needs them, never read from a global.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::db::DatabaseUrl;

/// The `vitrine` command line.
#[derive(Debug, Parser)]
#[command(
    name = "vitrine",
    version,
    about = "Vitrine: the online marketplace of a town's independent shops"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// `vitrine` alone is `vitrine serve`, and takes the same options.
    #[command(flatten)]
    pub serve: ServeArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Where the data lives; every subcommand takes it.
#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// `postgres://user@host/db` for PostgreSQL; `sqlite://path` (or a bare path) for SQLite.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/vitrine.sqlite",
        global = true
    )]
    pub database_url: String,
    /// Connections kept in the pool.
    #[arg(long, env = "VITRINE_DB_POOL_SIZE", default_value_t = 8, global = true)]
    pub db_pool_size: u32,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API, its docs and the web app on one port (the default command).
    Serve(Box<ServeArgs>),
    /// Apply the pending database migrations, then exit.
    Migrate,
    /// Load the demo marketplace into an empty database, then exit.
    SeedDemo,
    /// Load a large generated catalogue into an empty database, for benchmarks (`just bench`).
    SeedBench {
        #[arg(long, default_value_t = 2_000)]
        shops: usize,
        #[arg(long, default_value_t = 100_000)]
        products: usize,
    },
    /// Print the OpenAPI document (YAML) that the code describes (`just openapi`).
    Openapi,
    /// Create an administrator account (or reset its password), then exit.
    CreateAdmin {
        #[arg(long)]
        email: String,
        /// 12 to 128 characters.
        #[arg(long, env = "VITRINE_ADMIN_PASSWORD")]
        password: String,
        #[arg(long, default_value = "Administrateur")]
        name: String,
    },
    // Backups (SQLite; PostgreSQL uses pg_dump / pg_restore).
    /// Write a consistent copy of the SQLite database, pictures included, to FILE while the
    /// server runs (PostgreSQL: use pg_dump, see docs/operations.md).
    Backup {
        /// Where to write it; it appears under this name only once complete.
        file: PathBuf,
    },
    /// Check a backup made by `vitrine backup` and put it in place of the SQLite database.
    /// Refused while a server uses the database: stop it first.
    Restore {
        /// The backup file.
        file: PathBuf,
    },
}

/// Options of `vitrine serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on; port 0 picks a free one.
    #[arg(long, env = "VITRINE_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Load the demo marketplace and its accounts if the database is empty.
    #[arg(long, env = "VITRINE_DEMO")]
    pub demo: bool,
    /// With `--demo`: also a few orders for delivery on the next delivery dates, in a round
    /// driven by the demo volunteer (what `just run` shows).
    #[arg(long, env = "VITRINE_DEMO_DELIVERIES", requires = "demo")]
    pub demo_deliveries: bool,
    /// The built web app (`just web` writes it to web/dist).
    #[arg(long, env = "VITRINE_STATIC_DIR", default_value = "web/dist")]
    pub static_dir: PathBuf,
    /// Reverse proxies whose `Forwarded` / `X-Forwarded-For` / `X-Forwarded-Proto` headers
    /// are believed (repeat the option, or a comma list); from anyone else they are ignored.
    #[arg(
        long = "trusted-proxy",
        env = "VITRINE_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_name = "IP"
    )]
    pub trusted_proxies: Vec<IpAddr>,
    /// Limits on what a stranger can exhaust (issue 10).
    #[command(flatten)]
    pub limits: crate::limits::Limits,
    /// E-mails (issue 12): the mail server, the sender, the links' address, the outbox.
    #[command(flatten)]
    pub mail: crate::mail::MailSettings,
    /// Webhooks (issue 17): where they may go, how often the worker looks.
    #[command(flatten)]
    pub webhooks: crate::webhooks::WebhookSettings,
    /// Visits of the public pages (issue 13): counted or not, how often written.
    #[command(flatten)]
    pub visits: crate::visits::VisitSettings,
}

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: String,
    pub database_url: DatabaseUrl,
    pub db_pool_size: u32,
    pub demo: bool,
    /// See [`ServeArgs::demo_deliveries`].
    pub demo_deliveries: bool,
    pub static_dir: PathBuf,
    /// See [`ServeArgs::trusted_proxies`].
    pub trusted_proxies: Vec<IpAddr>,
    /// Limits on what a stranger can exhaust (issue 10).
    pub limits: crate::limits::Limits,
    /// E-mails (issue 12).
    pub mail: crate::mail::MailSettings,
    /// Webhooks (issue 17).
    pub webhooks: crate::webhooks::WebhookSettings,
    /// Visits (issue 13).
    pub visits: crate::visits::VisitSettings,
}

impl Settings {
    pub fn new(database: &DatabaseArgs, serve: ServeArgs) -> Settings {
        Settings {
            bind: serve.bind,
            database_url: DatabaseUrl::parse(&database.database_url),
            db_pool_size: database.db_pool_size.max(1),
            demo: serve.demo,
            demo_deliveries: serve.demo_deliveries,
            static_dir: serve.static_dir,
            trusted_proxies: serve.trusted_proxies,
            limits: serve.limits,
            mail: serve.mail,
            webhooks: serve.webhooks,
            visits: serve.visits,
        }
    }
}
