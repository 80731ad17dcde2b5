//! Running it for real, with the real `vitrine` binary as a subprocess: a backup taken while
//! shoppers check out restores into a server that serves every acknowledged order; restore
//! refuses what it must; a binary older than its database refuses to start.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, QueryDsl, QueryableByName, RunQueryDsl, sql_query};
use serde_json::{Value, json};
use shared::Page;
use shared::catalogue::{Product, ProductCard};
use shared::order::{CheckoutResult, Order};
use vitrine::config::Settings;
use vitrine::db::schema::{orders, shops};
use vitrine::db::{self, DatabaseUrl};
use vitrine::startup::Application;

use crate::helpers::{Backend, fresh_database};

const BIN: &str = env!("CARGO_BIN_EXE_vitrine");

/// `vitrine <args>` on `database`, to completion.
fn vitrine(database: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .args(["--database-url", database])
        .env("RUST_LOG", "warn")
        .env("NO_COLOR", "1")
        .output()
        .expect("the vitrine binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `vitrine serve` in a child process, stopped when dropped.
struct Server {
    child: Child,
    address: String,
    _static_dir: tempfile::TempDir,
}

impl Server {
    /// Starts it and waits for the line that names its address.
    fn start(database: &Path, demo: bool) -> Result<Server, String> {
        let static_dir = tempfile::tempdir().expect("temporary folder");
        std::fs::write(static_dir.path().join("index.html"), "<!doctype html>").unwrap();
        let mut command = Command::new(BIN);
        command
            .args(["serve", "--bind", "127.0.0.1:0", "--database-url"])
            .arg(database)
            .arg("--static-dir")
            .arg(static_dir.path())
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            // Shoppers in a loop, with one phone number on one address: the hoarding
            // bounds (issue 10) are not what these tests are about.
            .env("VITRINE_BASKETS_PER_ADDRESS_PER_HOUR", "1000000")
            .env("VITRINE_OPEN_ORDERS_PER_CUSTOMER", "1000000")
            .env("VITRINE_OPEN_UNITS_PER_CUSTOMER", "1000000")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if demo {
            command.arg("--demo");
        }
        let mut child = command.spawn().expect("the server starts");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (found, address) = mpsc::channel();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("listening on http://") {
                    let rest = &line[at + "listening on ".len()..];
                    let url = rest.split_whitespace().next().unwrap_or_default();
                    let _ = found.send(url.to_owned());
                }
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        // Generous: this machine may be busy building; it only bounds a hung start.
        match address.recv_timeout(Duration::from_secs(120)) {
            Ok(address) => Ok(Server {
                child,
                address,
                _static_dir: static_dir,
            }),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(log.lock().unwrap().clone())
            }
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Stops it as a crash or `kill -9` would: nothing acknowledged may depend on a clean exit.
    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn delivery_body() -> Value {
    json!({
        "customer": {"name": "Jeanne Martin", "phone": "06 12 34 56 78"},
        "accept_terms": true, "fulfilment": {"method": "delivery", "address": {"street": "3 rue Jacques d'Uzès", "postcode": "30700", "commune": "Uzès"}},
        "contact_preference": "call"
    })
}

/// One shopper's basket of `lines`, checked out: the orders on a 201, `None` otherwise.
async fn buy(client: &reqwest::Client, server: &str, lines: &[(i64, i64)]) -> Option<Vec<Order>> {
    let cart: Value = client
        .post(format!("{server}/api/v1/carts"))
        .send()
        .await
        .ok()?
        .json()
        .await
        .ok()?;
    let cart = cart["id"].as_str()?.to_owned();
    for (product, quantity) in lines {
        let added = client
            .post(format!("{server}/api/v1/carts/{cart}/items"))
            .json(&json!({"product_id": product, "quantity": quantity}))
            .send()
            .await
            .ok()?;
        assert_eq!(added.status(), 200);
    }
    let reply = client
        .post(format!("{server}/api/v1/carts/{cart}/checkout"))
        .json(&delivery_body())
        .send()
        .await
        .ok()?;
    if reply.status() != 201 {
        return None;
    }
    Some(reply.json::<CheckoutResult>().await.ok()?.orders)
}

async fn product_of(client: &reqwest::Client, server: &str, shop: &str) -> Product {
    let page: Page<ProductCard> = client
        .get(format!(
            "{server}/api/v1/products?shop={shop}&in_stock=true&per_page=100"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let card = page.items.first().expect("the demo shop has products");
    client
        .get(format!("{server}/api/v1/products/{}", card.id))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[derive(QueryableByName)]
struct StockRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    stock: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    taken: i64,
}

fn sqlite(path: &Path) -> SqliteConnection {
    let mut conn = SqliteConnection::establish(&path.to_string_lossy()).unwrap();
    conn.batch_execute("PRAGMA busy_timeout = 10000;").unwrap();
    conn
}

fn orders_in(path: &Path) -> i64 {
    orders::table.count().get_result(&mut sqlite(path)).unwrap()
}

const INITIAL_STOCK: i64 = 100_000;

/// Per product: its stock, and how many units all orders' lines took.
fn stock_of(conn: &mut SqliteConnection, products: &[i64]) -> HashMap<i64, (i64, i64)> {
    let ids: Vec<String> = products.iter().map(ToString::to_string).collect();
    sql_query(format!(
        "SELECT p.id, CAST(p.stock AS BIGINT) AS stock, \
         CAST(COALESCE((SELECT SUM(l.quantity) FROM order_lines l WHERE l.product_id = p.id), 0) \
         AS BIGINT) AS taken FROM products p WHERE p.id IN ({})",
        ids.join(", ")
    ))
    .load::<StockRow>(conn)
    .unwrap()
    .into_iter()
    .map(|r| (r.id, (r.stock, r.taken)))
    .collect()
}

#[actix_web::test]
async fn a_backup_taken_during_checkouts_restores_every_acknowledged_order_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live").join("vitrine.sqlite");
    let live_url = live.to_string_lossy().into_owned();
    let server = Server::start(&live, true).expect("the live server starts");
    vitrine::webhooks::sender::install_crypto();
    let client = reqwest::Client::new();
    let food = product_of(&client, &server.address, "epicerie-du-duche").await;
    let shoes = product_of(&client, &server.address, "chaussures-fabre").await;
    let taken_before = {
        let mut conn = sqlite(&live);
        conn.batch_execute(&format!(
            "UPDATE product_variants SET stock = {INITIAL_STOCK} WHERE product_id IN ({}, {})",
            food.id, shoes.id
        ))
        .unwrap();
        stock_of(&mut conn, &[food.id, shoes.id])
    };

    // Three shoppers check out in a loop; the backup starts once some orders are in.
    let backup_started = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let acknowledged: Arc<Mutex<Vec<(bool, Order)>>> = Arc::default();
    let mut shoppers = Vec::new();
    for shopper in 0..3_i64 {
        let (client, address) = (client.clone(), server.address.clone());
        let (backup_started, stop, acknowledged) = (
            Arc::clone(&backup_started),
            Arc::clone(&stop),
            Arc::clone(&acknowledged),
        );
        let lines = [(food.id, 1 + shopper), (shoes.id, 1)];
        shoppers.push(actix_web::rt::spawn(async move {
            while !stop.load(Ordering::SeqCst) {
                if let Some(orders) = buy(&client, &address, &lines).await {
                    // Read when the 201 has arrived: before the backup started, or not.
                    let before = !backup_started.load(Ordering::SeqCst);
                    let mut acknowledged = acknowledged.lock().unwrap();
                    acknowledged.extend(orders.into_iter().map(|order| (before, order)));
                }
            }
        }));
    }
    let count = |acknowledged: &Arc<Mutex<Vec<(bool, Order)>>>| acknowledged.lock().unwrap().len();
    while count(&acknowledged) < 20 {
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    let backup = dir.path().join("backups").join("vitrine-1.sqlite");
    backup_started.store(true, Ordering::SeqCst);
    let (url, file) = (live_url.clone(), backup.clone());
    let made = actix_web::web::block(move || vitrine(&url, &["backup", file.to_str().unwrap()]))
        .await
        .unwrap();
    assert!(
        made.status.success(),
        "backup failed: {}",
        text(&made.stderr)
    );
    assert!(
        text(&made.stdout).contains("orders"),
        "{}",
        text(&made.stdout)
    );
    // The shoppers go on after the backup; their orders are not in it, and need not be.
    let after_backup = count(&acknowledged);
    while count(&acknowledged) < after_backup + 6 {
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    stop.store(true, Ordering::SeqCst);
    for shopper in shoppers {
        shopper.await.unwrap();
    }
    let leftovers: Vec<_> = std::fs::read_dir(backup.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        leftovers,
        ["vitrine-1.sqlite"],
        "no partial file is left behind"
    );

    // While the server runs, restoring over its database is refused and changes nothing.
    let refused = vitrine(&live_url, &["restore", backup.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("a running server is using"),
        "{}",
        text(&refused.stderr)
    );
    let health = client.get(server.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200, "the live server is untouched");
    server.kill();
    let live_orders = orders_in(&live);

    // Restore into a new place, and serve it.
    let restored = dir.path().join("restored").join("vitrine.sqlite");
    let restored_url = restored.to_string_lossy().into_owned();
    let done = vitrine(&restored_url, &["restore", backup.to_str().unwrap()]);
    assert!(
        done.status.success(),
        "restore failed: {}",
        text(&done.stderr)
    );
    let said = text(&done.stdout);
    let orders_in_backup = orders_in(&restored);
    assert!(
        said.contains(&format!("restored {orders_in_backup} orders")),
        "restore says what it restored: {said}"
    );
    let server = Server::start(&restored, false).expect("a server starts on the restored copy");

    let acknowledged = std::mem::take(&mut *acknowledged.lock().unwrap());
    let before: Vec<&Order> = acknowledged
        .iter()
        .filter(|(before, _)| *before)
        .map(|(_, order)| order)
        .collect();
    assert!(before.len() >= 20);
    assert!(
        orders_in_backup as usize >= before.len() && orders_in_backup < live_orders,
        "the backup holds the orders acknowledged before it ({}), perhaps a few in flight, \
         not those placed after it ({orders_in_backup} of {live_orders})",
        before.len()
    );
    for order in &before {
        let served: Order = client
            .get(server.url(&format!("/api/v1/track/{}", order.tracking_token)))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap_or_else(|e| panic!("order {} is not served: {e}", order.number));
        assert_eq!(&served, *order, "order {} comes back whole", order.number);
    }

    // Stock is what it was, less what the restored orders took: nothing half-written.
    let stock = stock_of(&mut sqlite(&restored), &[food.id, shoes.id]);
    for product in [food.id, shoes.id] {
        let (left, taken) = stock[&product];
        let taken = taken - taken_before[&product].1;
        assert!(taken > 0);
        assert_eq!(left, INITIAL_STOCK - taken, "stock of product {product}");
    }

    // And it takes new orders.
    assert!(
        buy(&client, &server.address, &[(food.id, 1)])
            .await
            .is_some()
    );
    server.kill();
}

#[test]
fn restore_refuses_a_damaged_file_a_foreign_database_and_a_newer_one() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("data").join("vitrine.sqlite");
    let target_url = target.to_string_lossy().into_owned();

    // A Vitrine database, backed up (no server running: backup works on a cold file too).
    let source = dir.path().join("source.sqlite");
    let source_url = source.to_string_lossy().into_owned();
    assert!(vitrine(&source_url, &["seed-demo"]).status.success());
    let backup = dir.path().join("good.sqlite");
    let made = vitrine(&source_url, &["backup", backup.to_str().unwrap()]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let bytes = std::fs::read(&backup).unwrap();

    let garbage = dir.path().join("garbage.sqlite");
    std::fs::write(&garbage, "this is not a database\n".repeat(400)).unwrap();
    let truncated = dir.path().join("truncated.sqlite");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let foreign = dir.path().join("foreign.sqlite");
    sqlite(&foreign)
        .batch_execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello');")
        .unwrap();
    let newer = dir.path().join("newer.sqlite");
    std::fs::copy(&backup, &newer).unwrap();
    sqlite(&newer)
        .batch_execute("INSERT INTO __diesel_schema_migrations (version) VALUES ('20991231000099')")
        .unwrap();

    let cases = [
        (&garbage, "not a SQLite database"),
        (&truncated, "cannot be restored"),
        (&foreign, "not a Vitrine one"),
        (&newer, "newer version of Vitrine"),
        (&dir.path().join("missing.sqlite"), "no backup file"),
    ];
    for (file, says) in cases {
        let out = vitrine(&target_url, &["restore", file.to_str().unwrap()]);
        assert!(!out.status.success(), "{} was restored", file.display());
        assert!(
            text(&out.stderr).contains(says),
            "{}: {}",
            file.display(),
            text(&out.stderr)
        );
        assert!(
            !target.exists(),
            "nothing was put in place after {}",
            file.display()
        );
    }
    let out = vitrine(&target_url, &["restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // Restoring over a database keeps the one it replaces.
    let out = vitrine(&target_url, &["restore", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("vitrine.sqlite.before-restore"));
    assert!(
        target
            .with_file_name("vitrine.sqlite.before-restore")
            .is_file()
    );
}

#[test]
fn a_server_does_not_start_while_a_restore_holds_its_database() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("vitrine.sqlite");
    let lock = std::fs::File::create(dir.path().join("vitrine.sqlite.lock")).unwrap();
    lock.lock().unwrap();
    let log = Server::start(&database, false)
        .err()
        .expect("the server refuses to start");
    assert!(log.contains("a restore of"), "{log}");
}

#[test]
fn postgres_backups_are_pointed_to_pg_dump() {
    let url = "postgres://postgres@127.0.0.1:5432/vitrine";
    let out = vitrine(url, &["backup", "vitrine.dump"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("pg_dump -Fc"),
        "{}",
        text(&out.stderr)
    );
    let out = vitrine(url, &["restore", "vitrine.dump"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("pg_restore"),
        "{}",
        text(&out.stderr)
    );
}

/// A database a newer version migrated: one migration more than this binary knows.
async fn newer_database_is_refused(backend: Backend) {
    let Some((url, _database)) = fresh_database(backend) else {
        return;
    };
    let pool = db::connect(&url, 1).unwrap();
    db::run_migrations(&mut pool.get().unwrap()).unwrap();
    pool.get()
        .unwrap()
        .batch_execute("INSERT INTO __diesel_schema_migrations (version) VALUES ('20991231000099')")
        .unwrap();

    let static_dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        bind: "127.0.0.1:0".into(),
        database_url: url.clone(),
        db_pool_size: 1,
        demo: true,
        demo_deliveries: false,
        static_dir: static_dir.path().to_owned(),
        trusted_proxies: Vec::new(),
        limits: vitrine::limits::Limits::default(),
        mail: vitrine::mail::MailSettings::default(),
        webhooks: vitrine::webhooks::WebhookSettings::default(),
        visits: vitrine::visits::VisitSettings::default(),
    };
    let Err(err) = Application::build(settings).await else {
        panic!("a server started on a database newer than itself");
    };
    let message = format!("{err:#}");
    assert!(message.contains("20991231000099"), "{message}");
    assert!(message.contains("older than the database"), "{message}");
    assert!(message.contains("restore a backup"), "{message}");

    let url_text = match &url {
        DatabaseUrl::Sqlite(path) => path.to_string_lossy().into_owned(),
        DatabaseUrl::Postgres(url) => url.clone(),
    };
    let out = vitrine(&url_text, &["migrate"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("older than the database"),
        "{}",
        text(&out.stderr)
    );
    let shops: i64 = shops::table
        .count()
        .get_result(&mut pool.get().unwrap())
        .unwrap();
    assert_eq!(shops, 0, "the demo was not loaded: nothing ran");
}

#[actix_web::test]
async fn a_binary_older_than_its_database_refuses_to_start_on_sqlite() {
    newer_database_is_refused(Backend::Sqlite).await;
}

#[actix_web::test]
async fn a_binary_older_than_its_database_refuses_to_start_on_postgres() {
    newer_database_is_refused(Backend::Postgres).await;
}
