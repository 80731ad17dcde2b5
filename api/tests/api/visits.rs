//! Visits counted without cookies (issue 13): one browser is one visitor a day and two on
//! two days, two browsers two visitors, the flyer's visits, robots and "do not track" left
//! out, bad bodies refused without counting, several servers adding up on one database,
//! the 25-month purge, no address or browser anywhere in the database or the log, and a
//! server that counts nothing (`--no-visit-count`) telling the app so.

use std::net::IpAddr;

use reqwest::Method;
use shared::stats::{Dashboard, VisitFigures};

use crate::helpers::{
    AppOptions, Backend, Reply, TestApp, call, spawn_app_behind_proxies, spawn_app_with_visits,
    test_limits, token_of,
};
use crate::on_both_backends;

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
const PHONE: &str =
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36";

/// Today in Europe/Paris, as the counter counts days.
fn today() -> chrono::NaiveDate {
    vitrine::domain::delivery::paris_time(chrono::Utc::now()).date()
}

impl TestApp {
    /// A page view as the web app reports it, from the browser `agent` (and, behind a
    /// trusted proxy, the address `from`).
    async fn visit(&self, body: &str, agent: &str, from: Option<&str>) -> Reply {
        let mut request = self
            .client
            .post(self.url("/api/v1/visits"))
            .header("Content-Type", "text/plain;charset=UTF-8")
            .header("User-Agent", agent)
            .body(body.to_owned());
        if let Some(from) = from {
            request = request.header("X-Forwarded-For", from);
        }
        Self::read_response(request.send().await.expect("request")).await
    }

    async fn visit_page(&self, page: &str, agent: &str) {
        let reply = self
            .visit(&format!(r#"{{"page":"{page}"}}"#), agent, None)
            .await;
        assert_eq!(reply.status, 204, "{}", reply.body);
    }

    /// The dashboard's visits from today to `days` days later (the admin's token given).
    async fn visits_tile(&self, admin: &str, days: i64) -> shared::stats::VisitsTile {
        let query = format!(
            "from={}&to={}",
            today(),
            today() + chrono::Duration::days(days)
        );
        let reply = call(
            self,
            Method::GET,
            &format!("/admin/stats?{query}"),
            Some(admin),
            None,
        )
        .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json::<Dashboard>().visits
    }
}

/// (page views, visitors, flyer visits).
fn figures(f: &VisitFigures) -> (u64, u64, u64) {
    (f.page_views, f.visitors, f.flyer_visits)
}

fn page<'a>(tile: &'a shared::stats::VisitsTile, name: &str) -> &'a VisitFigures {
    tile.pages
        .iter()
        .find(|p| p.start == name)
        .expect("every page type is listed")
}

on_both_backends! {
    async fn one_browser_is_one_visitor_a_day_and_two_on_two_days(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        for _ in 0..5 {
            app.visit_page("catalogue", FIREFOX).await;
        }
        app.visit_page("product", FIREFOX).await;
        let tile = app.visits_tile(&admin, 0).await;
        assert!(tile.counting);
        assert_eq!(figures(&tile.total), (6, 1, 0));
        assert_eq!(figures(page(&tile, "catalogue")), (5, 1, 0));
        assert_eq!(figures(page(&tile, "product")), (1, 1, 0));
        assert_eq!(figures(page(&tile, "home")), (0, 0, 0));
        // Read again (written once more): nothing counted twice.
        app.visit_page("catalogue", FIREFOX).await;
        let tile = app.visits_tile(&admin, 0).await;
        assert_eq!(figures(&tile.total), (7, 1, 0));

        // Tomorrow, the same browser is a new visitor: the salt changed at midnight.
        app.visits.shift_clock(chrono::Duration::days(1));
        app.visit_page("catalogue", FIREFOX).await;
        let tile = app.visits_tile(&admin, 1).await;
        assert_eq!(figures(&tile.total), (8, 2, 0));
        let days: Vec<(String, u64, u64)> =
            tile.periods.iter().map(|p| (p.start.clone(), p.page_views, p.visitors)).collect();
        assert_eq!(days, [
            (today().to_string(), 7, 1),
            ((today() + chrono::Duration::days(1)).to_string(), 1, 1),
        ]);
    }

    async fn two_browsers_are_two_visitors_and_the_flyer_is_counted(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        app.visit_page("home", FIREFOX).await;
        app.visit_page("home", PHONE).await;
        // Scanned on the printed directory: the shop's page with `src=flyer`, twice.
        for _ in 0..2 {
            let reply = app.visit(r#"{"page":"shop","src":"flyer"}"#, PHONE, None).await;
            assert_eq!(reply.status, 204, "{}", reply.body);
        }
        let tile = app.visits_tile(&admin, 0).await;
        assert_eq!(figures(&tile.total), (4, 2, 1));
        assert_eq!(figures(page(&tile, "home")), (2, 2, 0));
        assert_eq!(figures(page(&tile, "shop")), (2, 1, 1));
        let reply = call(&app, Method::GET, &format!("/admin/stats/visits.csv?from={}&to={}", today(), today()),
            Some(&admin), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert!(reply.body.starts_with("\u{feff}jour;pages vues;visiteurs;venus du dépliant\r\n"), "{}", reply.body);
        assert!(reply.body.contains("\r\ntotal;4;2;1\r\n"), "{}", reply.body);
        assert!(reply.body.contains("\r\npage commerce;2;1;1\r\n"), "{}", reply.body);
    }

    async fn robots_and_browsers_that_ask_not_to_be_tracked_are_not_counted(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        app.visit_page("home", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").await;
        app.visit_page("home", "Mozilla/5.0 (compatible; bingbot/2.0)").await;
        for header in ["DNT", "Sec-GPC"] {
            let reply = app.client.post(app.url("/api/v1/visits"))
                .header("Content-Type", "application/json")
                .header("User-Agent", FIREFOX)
                .header(header, "1")
                .body(r#"{"page":"home"}"#)
                .send().await.expect("request");
            assert_eq!(reply.status(), 204);
        }
        let tile = app.visits_tile(&admin, 0).await;
        assert_eq!(figures(&tile.total), (0, 0, 0));
    }

    async fn bad_visits_are_refused_and_count_nothing(app) {
        let admin = token_of(&app, "admin@vitrine.demo").await;
        let cases: [(&str, &str, u16, &str); 7] = [
            ("text/plain", "page=home", 400, "malformed_body"),
            ("application/json", r#"{"page":"home"} trailing"#, 400, "malformed_body"),
            ("text/plain", r#"{"page":"admin"}"#, 400, "validation_failed"),
            ("text/plain", r#"{"page":"home","src":"facebook"}"#, 400, "validation_failed"),
            ("text/plain", r#"{"page":"home","visitor":"42"}"#, 400, "validation_failed"),
            ("application/x-www-form-urlencoded", r#"{"page":"home"}"#, 415, "unsupported_media_type"),
            ("text/plain", &format!(r#"{{"page":"home","src":null,"x":"{}"}}"#, "a".repeat(2000)), 413, "payload_too_large"),
        ];
        for (content_type, body, status, code) in cases {
            let reply = app.client.post(app.url("/api/v1/visits"))
                .header("Content-Type", content_type)
                .header("User-Agent", FIREFOX)
                .body(body.to_owned())
                .send().await.expect("request");
            let reply = TestApp::read_response(reply).await;
            reply.problem(status, code);
        }
        let reply = app.visit(r#"{"page":"admin"}"#, FIREFOX, None).await;
        let problem = reply.problem(400, "validation_failed");
        assert_eq!(problem.errors[0].field, "page");
        let tile = app.visits_tile(&admin, 0).await;
        assert_eq!(figures(&tile.total), (0, 0, 0));
    }

    async fn visits_older_than_25_months_are_deleted_by_housekeeping(app) {
        let day = |months: u32| (today() - chrono::Months::new(months)).to_string();
        app.execute_sql(&format!(
            "INSERT INTO visit_log (day, page, page_views, visitors, flyer_visits) VALUES
                 ('{}', 'all', 30, 3, 0), ('{}', 'all', 10, 1, 0)",
            day(26),
            day(24)
        ));
        vitrine::housekeeping::round(&app.pool, &test_limits(), &Default::default()).await.unwrap();
        let left: Vec<String> = {
            use diesel::prelude::*;
            use vitrine::db::schema::visit_log;
            let mut conn = app.pool.get().unwrap();
            visit_log::table.select(visit_log::day).load(&mut conn).unwrap()
        };
        assert_eq!(left, [day(24)]);
    }

    async fn two_servers_counting_at_once_lose_no_page_view(app) {
        let other = app.another_instance().await;
        let admin = token_of(&app, "admin@vitrine.demo").await;
        // 60 browsers, each shown 3 pages, half on each server, all at once; meanwhile
        // both servers write their counts (the dashboard flushes before reading).
        let mut tasks = Vec::new();
        for n in 0..60 {
            let server = if n % 2 == 0 { app.address.clone() } else { other.address.clone() };
            let client = app.client.clone();
            tasks.push(actix_web::rt::spawn(async move {
                for page in ["home", "catalogue", "product"] {
                    let reply = client.post(format!("{server}/api/v1/visits"))
                        .header("Content-Type", "text/plain")
                        .header("User-Agent", format!("{FIREFOX} browser-{n}"))
                        .body(format!(r#"{{"page":"{page}"}}"#))
                        .send().await.expect("request");
                    assert_eq!(reply.status(), 204);
                }
            }));
        }
        let mut readers = Vec::new();
        for server in [&app, &other] {
            for _ in 0..4 {
                let (address, admin, client) = (server.address.clone(), admin.clone(), app.client.clone());
                readers.push(actix_web::rt::spawn(async move {
                    let reply = client.get(format!("{address}/api/v1/admin/stats"))
                        .bearer_auth(&admin).send().await.expect("request");
                    assert_eq!(reply.status(), 200);
                }));
            }
        }
        for task in tasks.into_iter().chain(readers) {
            task.await.expect("no panic");
        }
        // The other server's last counts, then this one's (read flushes).
        other.visits_tile(&admin, 0).await;
        let tile = app.visits_tile(&admin, 0).await;
        assert_eq!(figures(&tile.total), (180, 60, 0));
        assert_eq!(figures(page(&tile, "product")), (60, 60, 0));
    }
}

/// Everything a table holds that mentions `needle`, as "table.column" (every column read as
/// text, whatever its type).
fn columns_holding(app: &TestApp, needle: &str) -> Vec<String> {
    use diesel::prelude::*;
    use diesel::sql_types::{BigInt, Text};
    use vitrine::db::DbConn;

    #[derive(QueryableByName)]
    struct Column {
        #[diesel(sql_type = Text)]
        tbl: String,
        #[diesel(sql_type = Text)]
        col: String,
    }
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let mut conn = app.pool.get().expect("connection");
    let (list, cast) = match &mut *conn {
        DbConn::Sqlite(_) => (
            "SELECT m.name AS tbl, p.name AS col FROM sqlite_master m \
             JOIN pragma_table_info(m.name) p WHERE m.type = 'table'",
            "CAST(\"{col}\" AS TEXT)",
        ),
        DbConn::Pg(_) => (
            "SELECT table_name::text AS tbl, column_name::text AS col FROM information_schema.columns \
             WHERE table_schema = 'public'",
            "\"{col}\"::text",
        ),
    };
    let columns: Vec<Column> = diesel::sql_query(list).load(&mut *conn).expect("columns");
    assert!(
        columns.len() > 100,
        "every table's columns are listed: {}",
        columns.len()
    );
    let mut found = Vec::new();
    for Column { tbl, col } in columns {
        let text = cast.replace("{col}", &col);
        let query = format!("SELECT COUNT(*) AS n FROM \"{tbl}\" WHERE {text} LIKE $1");
        let query = match &*conn {
            DbConn::Sqlite(_) => query.replace("$1", "?"),
            DbConn::Pg(_) => query,
        };
        let count: Count = diesel::sql_query(query)
            .bind::<Text, _>(format!("%{needle}%"))
            .get_result(&mut *conn)
            .unwrap_or_else(|e| panic!("{tbl}.{col}: {e}"));
        if count.n > 0 {
            found.push(format!("{tbl}.{col}"));
        }
    }
    found
}

const ADDRESS: &str = "203.0.113.77";
const MARKED_BROWSER: &str = "Mozilla/5.0 (X11; Linux) VitrineVisitProbe/4.2 Firefox/140.0";

async fn no_address_or_browser_is_kept(backend: Backend) {
    let loopback: IpAddr = "127.0.0.1".parse().unwrap();
    let Some(app) = spawn_app_behind_proxies(
        backend,
        AppOptions { demo: true },
        test_limits(),
        vec![loopback],
    )
    .await
    else {
        return;
    };
    let admin = token_of(&app, "admin@vitrine.demo").await;
    for page in ["home", "shop", "product", "basket"] {
        let reply = app
            .visit(
                &format!(r#"{{"page":"{page}","src":"flyer"}}"#),
                MARKED_BROWSER,
                Some(ADDRESS),
            )
            .await;
        assert_eq!(reply.status, 204, "{}", reply.body);
    }
    // From another address behind the proxy, the same browser: another visitor.
    app.visit(r#"{"page":"home"}"#, MARKED_BROWSER, Some("198.51.100.4"))
        .await;
    let tile = app.visits_tile(&admin, 0).await;
    assert_eq!(figures(&tile.total), (5, 2, 1), "counted, then written");
    // The probe works: a value the database does hold is found.
    assert!(!columns_holding(&app, "admin@vitrine.demo").is_empty());
    for needle in [ADDRESS, "198.51.100.4", "VitrineVisitProbe"] {
        assert_eq!(
            columns_holding(&app, needle),
            Vec::<String>::new(),
            "{needle} is kept"
        );
    }
}

#[actix_web::test]
async fn no_address_or_browser_is_kept_in_the_database_sqlite() {
    no_address_or_browser_is_kept(Backend::Sqlite).await;
}

#[actix_web::test]
async fn no_address_or_browser_is_kept_in_the_database_postgres() {
    no_address_or_browser_is_kept(Backend::Postgres).await;
}

/// What the settings say of counting, from the API and from the page shell the app starts
/// from.
async fn counts_visits_as_told(app: &TestApp) -> (bool, bool) {
    let api: shared::marketplace::Marketplace = app.get("/api/v1/marketplace").await.json();
    let page = app.get("/").await.body;
    let start = page
        .find("<script id=\"vitrine-marketplace\" type=\"application/json\">")
        .expect("the shell embeds the settings");
    let json = &page[start..];
    let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
    let shell: shared::marketplace::Marketplace = serde_json::from_str(json).expect("settings");
    (api.counts_visits, shell.counts_visits)
}

/// The footer says visits are counted only when they are: the app learns it from the
/// settings, which say whether this server counts.
async fn a_server_that_counts_nothing_says_so(backend: Backend) {
    let Some(quiet) = spawn_app_with_visits(
        backend,
        vitrine::visits::VisitSettings {
            no_visit_count: true,
            ..vitrine::visits::VisitSettings::default()
        },
    )
    .await
    else {
        return;
    };
    assert_eq!(counts_visits_as_told(&quiet).await, (false, false));
    let admin = token_of(&quiet, "admin@vitrine.demo").await;
    let reply = quiet.visit(r#"{"page":"home"}"#, FIREFOX, None).await;
    assert_eq!(reply.status, 204, "{}", reply.body);
    let tile = quiet.visits_tile(&admin, 0).await;
    assert!(!tile.counting);
    assert_eq!(figures(&tile.total), (0, 0, 0), "nothing counted");
    // The settings an admin saves are answered the same way.
    let saved = call(
        &quiet,
        Method::PATCH,
        "/admin/marketplace",
        Some(&admin),
        Some(&serde_json::json!({"town": "Uzès"})),
    )
    .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(
        saved.json::<serde_json::Value>()["marketplace"]["counts_visits"],
        false
    );

    let Some(counting) = crate::helpers::spawn_app(backend).await else {
        return;
    };
    assert_eq!(counts_visits_as_told(&counting).await, (true, true));
}

#[actix_web::test]
async fn a_server_that_counts_nothing_says_so_sqlite() {
    a_server_that_counts_nothing_says_so(Backend::Sqlite).await;
}

#[actix_web::test]
async fn a_server_that_counts_nothing_says_so_postgres() {
    a_server_that_counts_nothing_says_so(Backend::Postgres).await;
}

/// The real binary, its log at the most detailed level the operator would use (`debug`),
/// stopped as a service manager stops it (SIGTERM): the visits counted since the last write
/// reach the database on the way out, and neither the log nor the database holds the
/// visitor's address or browser.
#[actix_web::test]
async fn the_server_writes_its_counts_when_it_stops_and_logs_no_address_or_browser() {
    use crate::server_process::{self, page_shells, url_argument};
    let Some((url, _database)) = crate::helpers::fresh_database(Backend::Sqlite) else {
        return;
    };
    let folder = tempfile::tempdir().unwrap();
    page_shells(folder.path());
    let log = folder.path().join("server.log");
    let client = reqwest::Client::new();
    let mut server = server_process::start(
        &url_argument(url.clone()),
        folder.path(),
        &log,
        &client,
        &[
            ("RUST_LOG", "debug"),
            ("VITRINE_TRUSTED_PROXIES", "127.0.0.1"),
            // Only the stop writes the counts.
            ("VITRINE_VISIT_FLUSH_SECONDS", "3600"),
        ],
    )
    .await;
    for body in [
        r#"{"page":"home"}"#,
        r#"{"page":"shop","src":"flyer"}"#,
        "not json",
    ] {
        let reply = client
            .post(format!("{}/api/v1/visits", server.address))
            .header("Content-Type", "text/plain")
            .header("User-Agent", MARKED_BROWSER)
            .header("X-Forwarded-For", ADDRESS)
            .body(body)
            .send()
            .await
            .expect("request");
        assert!(reply.status() == 204 || reply.status() == 400);
    }
    let pid = server.child.id().to_string();
    let stopped = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(stopped.success());
    let started = std::time::Instant::now();
    while server.child.try_wait().expect("wait").is_none() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "the server did not stop"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let pool = vitrine::db::connect(&url, 1).expect("the database");
    let totals: Vec<(String, i64, i64, i64)> = {
        use diesel::prelude::*;
        use vitrine::db::schema::visit_log;
        visit_log::table
            .filter(visit_log::page.eq("all"))
            .select((
                visit_log::day,
                visit_log::page_views,
                visit_log::visitors,
                visit_log::flyer_visits,
            ))
            .load(&mut pool.get().unwrap())
            .unwrap()
    };
    assert_eq!(totals, [(today().to_string(), 2, 1, 1)]);
    let logged = std::fs::read_to_string(&log).expect("the log");
    assert!(
        logged.contains("/api/v1/visits"),
        "the log at debug level shows the requests:\n{logged}"
    );
    for needle in [ADDRESS, "VitrineVisitProbe"] {
        assert!(
            !logged.contains(needle),
            "the log holds {needle}:\n{logged}"
        );
    }
}
