//! The real `vitrine` binary as a child process, for the tests that need what an in-process
//! server cannot give: a `kill -9` (`durability.rs`) or the server's own memory, apart from
//! the test process and its other tests (`memory.rs`).

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use vitrine::db::DatabaseUrl;

/// A running `vitrine serve --demo`; dropping it kills it.
pub struct Server {
    pub child: Child,
    pub address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The database URL as the binary's `--database-url` takes it.
pub fn url_argument(url: DatabaseUrl) -> String {
    match url {
        DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
        DatabaseUrl::Postgres(url) => url,
    }
}

/// Writes the web app's page shells into `folder`, for `--static-dir`.
pub fn page_shells(folder: &Path) {
    for bundle in shared::bundle::Bundle::ALL {
        std::fs::write(
            folder.join(bundle.shell()),
            "<!doctype html><title>Vitrine</title>",
        )
        .expect("page shell");
    }
}

/// Starts the binary with the demo on a free port, its log appended to `log`, with these
/// extra environment variables, and waits until `/healthz` answers.
pub async fn start(
    url: &str,
    static_dir: &Path,
    log: &Path,
    client: &reqwest::Client,
    env: &[(&str, &str)],
) -> Server {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let log_file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .expect("log file");
    let child = Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args([
            "serve",
            "--demo",
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--database-url",
            url,
        ])
        .arg("--static-dir")
        .arg(static_dir)
        .env("RUST_LOG", "warn")
        .env("NO_COLOR", "1")
        .env("VITRINE_DB_POOL_SIZE", "4")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(log_file)
        .spawn()
        .expect("the binary starts");
    let server = Server {
        child,
        address: format!("http://127.0.0.1:{port}"),
    };
    let started = Instant::now();
    loop {
        if let Ok(reply) = client
            .get(format!("{}/healthz", server.address))
            .send()
            .await
            && reply.status() == 200
        {
            return server;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server did not start: {}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
}
