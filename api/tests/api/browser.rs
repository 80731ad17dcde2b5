//! The browser side: security headers on every kind of answer, the web app's refresh token
//! in an HttpOnly cookie (with its CSRF guard), and refresh-token rotation under concurrent
//! use.

use reqwest::header::{HeaderMap, SET_COOKIE};
use serde_json::{Value, json};
use shared::auth::Session;

use crate::helpers::TestApp;
use crate::on_both_backends;

const PASSWORD: &str = "vitrine-demo-2026";
const CUSTOMER: &str = "client@vitrine.demo";

/// An answer with all its headers.
struct Answer {
    status: u16,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// The `Set-Cookie` of the refresh cookie, if any.
    fn refresh_cookie(&self) -> Option<&str> {
        self.headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| value.starts_with("vitrine_refresh="))
    }

    /// The refresh token the cookie carries (empty when it clears it).
    fn cookie_token(&self) -> String {
        let cookie = self.refresh_cookie().expect("a vitrine_refresh cookie");
        cookie["vitrine_refresh=".len()..]
            .split(';')
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// How a request to `/auth/*` is sent.
#[derive(Default, Clone, Copy)]
struct As<'a> {
    /// The web app's `X-Requested-With: vitrine`.
    web_app: bool,
    /// A `vitrine_refresh` cookie.
    cookie: Option<&'a str>,
    /// Another `Host`.
    host: Option<&'a str>,
}

impl TestApp {
    async fn browser_send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
        how: As<'_>,
    ) -> Answer {
        let mut request = self.client.request(method, self.url(path));
        if let Some(body) = body {
            request = request
                .header("Content-Type", "application/json")
                .body(body.to_string());
        }
        if how.web_app {
            request = request.header("X-Requested-With", "vitrine");
        }
        if let Some(token) = how.cookie {
            request = request.header("Cookie", format!("vitrine_refresh={token}"));
        }
        if let Some(host) = how.host {
            request = request.header("Host", host);
        }
        let response = request.send().await.expect("request");
        Answer {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.expect("body"),
        }
    }

    async fn auth(&self, action: &str, body: &Value, how: As<'_>) -> Answer {
        self.browser_send(
            reqwest::Method::POST,
            &format!("/api/v1/auth/{action}"),
            Some(body),
            how,
        )
        .await
    }

    /// Logs the demo customer in as the web app does: the refresh token in the cookie.
    async fn web_login(&self) -> Answer {
        let answer = self
            .auth(
                "login",
                &json!({"email": CUSTOMER, "password": PASSWORD}),
                As {
                    web_app: true,
                    ..As::default()
                },
            )
            .await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        answer
    }
}

fn assert_security_headers(answer: &Answer, what: &str) {
    let policy = answer
        .header("content-security-policy")
        .unwrap_or_else(|| panic!("{what}: no CSP"));
    assert!(policy.contains("default-src 'self'"), "{what}: {policy}");
    assert!(
        policy.contains("frame-ancestors 'none'"),
        "{what}: {policy}"
    );
    assert!(policy.contains("object-src 'none'"), "{what}: {policy}");
    let scripts = policy
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap_or_else(|| panic!("{what}: no script-src"));
    assert!(
        !scripts.contains("unsafe-inline") && !scripts.contains("'unsafe-eval'"),
        "{what}: {scripts}"
    );
    assert_eq!(
        answer.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        answer.header("referrer-policy"),
        Some("strict-origin-when-cross-origin"),
        "{what}"
    );
    assert_eq!(
        answer.header("strict-transport-security"),
        None,
        "{what}: no HSTS over plain HTTP"
    );
}

on_both_backends! {
    async fn every_kind_of_answer_carries_the_security_headers(app) {
        let get = |path: &'static str| app.browser_send(reqwest::Method::GET, path, None, As::default());
        let api = get("/api/v1/products?per_page=1").await;
        assert_eq!(api.status, 200);
        assert_security_headers(&api, "an API answer");
        let page = get("/produits").await;
        assert_eq!(page.status, 200);
        assert!(page.header("content-type").is_some_and(|t| t.starts_with("text/html")));
        assert_security_headers(&page, "a page of the app");
        let file = get("/index.html").await;
        assert_eq!(file.status, 200);
        assert_security_headers(&file, "a static file");
        let missing = get("/api/v1/nothing-here").await;
        assert_eq!(missing.status, 404);
        assert_security_headers(&missing, "an error");
        let refused = app.auth("login", &json!({"email": CUSTOMER}), As::default()).await;
        assert_eq!(refused.status, 400);
        assert_security_headers(&refused, "a refused body");
        let health = get("/healthz").await;
        assert_security_headers(&health, "the health check");

        // The API docs style their elements inline: their own policy, still no inline script.
        let docs = get("/api/docs/").await;
        assert_eq!(docs.status, 200);
        assert_security_headers(&docs, "the API docs");
        assert!(docs.header("content-security-policy").unwrap().contains("style-src 'self' 'unsafe-inline'"));
        assert!(!page.header("content-security-policy").unwrap().contains("unsafe-inline"), "the app has no inline style or script");
    }

    async fn https_answers_add_hsts(app) {
        let response = app
            .client
            .get(app.url("/api/v1/products?per_page=1"))
            .header("X-Forwarded-Proto", "https")
            .send()
            .await
            .expect("request");
        let hsts = response.headers().get("strict-transport-security").and_then(|v| v.to_str().ok());
        assert_eq!(hsts, Some("max-age=31536000"));
    }

    async fn authenticated_api_answers_are_not_stored_by_caches(app) {
        let session: Session = app.login(CUSTOMER, PASSWORD).await.json();
        let me = app
            .client
            .get(app.url("/api/v1/me"))
            .bearer_auth(&session.access_token)
            .send()
            .await
            .expect("request");
        assert_eq!(me.status(), 200);
        assert_eq!(me.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
        let refused = app.get_as("/api/v1/me", "not.a.token").await;
        assert_eq!((refused.status, refused.cache_control.as_deref()), (401, Some("no-store")));
        // Tokens are answered with no-store too, with or without the web app's header.
        let login = app.auth("login", &json!({"email": CUSTOMER, "password": PASSWORD}), As::default()).await;
        assert_eq!(login.header("cache-control"), Some("no-store"));
        assert_eq!(app.web_login().await.header("cache-control"), Some("no-store"));
        // A public answer keeps its own caching.
        let public = app.get("/api/v1/products?per_page=1").await;
        assert_ne!(public.cache_control.as_deref(), Some("no-store"));
    }

    async fn the_web_app_gets_its_refresh_token_in_an_http_only_cookie_only(app) {
        let login = app.web_login().await;
        let cookie = login.refresh_cookie().expect("the refresh cookie");
        for part in ["HttpOnly", "SameSite=Strict", "Path=/api/v1/auth", "Max-Age=2592000"] {
            assert!(cookie.contains(part), "{part} in {cookie}");
        }
        // Plain HTTP on 127.0.0.1: the cookie never leaves the machine, and a browser that
        // refuses Secure cookies from http://127.0.0.1 (Safari) must still keep it.
        assert!(!cookie.contains("Secure"), "{cookie}");
        assert!(login.json().get("refresh_token").is_none(), "no refresh token in the body: {}", login.body);
        assert!(login.json()["access_token"].is_string());
        // Anywhere else, Secure.
        let public = app
            .auth("login", &json!({"email": CUSTOMER, "password": PASSWORD}), As { web_app: true, host: Some("vitrine.example"), ..As::default() })
            .await;
        assert!(public.refresh_cookie().unwrap().contains("Secure"), "{:?}", public.refresh_cookie());

        let registered = app
            .auth("register", &json!({"email": "paul@example.fr", "password": "un mot de passe long", "name": "Paul"}), As { web_app: true, ..As::default() })
            .await;
        assert_eq!(registered.status, 201, "{}", registered.body);
        assert!(registered.refresh_cookie().is_some() && registered.json().get("refresh_token").is_none());

        // Integrators: the token in the body, no cookie.
        let integrator = app.auth("login", &json!({"email": CUSTOMER, "password": PASSWORD}), As::default()).await;
        assert!(integrator.json()["refresh_token"].is_string());
        assert!(integrator.refresh_cookie().is_none());
    }

    async fn the_cookie_refreshes_and_logs_out_only_with_the_web_apps_header(app) {
        let token = app.web_login().await.cookie_token();
        let web_app = |cookie| As { web_app: true, cookie: Some(cookie), ..As::default() };

        // A cross-site form can send the cookie (where SameSite is ignored) but not the header.
        let forged = app.auth("refresh", &json!({}), As { cookie: Some(&token), ..As::default() }).await;
        assert_eq!((forged.status, forged.json()["code"].as_str()), (401, Some("unauthorized")));
        let form = app
            .client
            .post(app.url("/api/v1/auth/refresh"))
            .header("Content-Type", "text/plain")
            .header("Cookie", format!("vitrine_refresh={token}"))
            .body("{}")
            .send()
            .await
            .expect("request");
        assert_eq!(form.status(), 415);
        let forged_logout = app.auth("logout", &json!({}), As { cookie: Some(&token), ..As::default() }).await;
        assert_eq!(forged_logout.status, 401);

        // None of that spent or revoked it: the web app refreshes with it.
        let refreshed = app.auth("refresh", &json!({}), web_app(&token)).await;
        assert_eq!(refreshed.status, 200, "{}", refreshed.body);
        assert!(refreshed.json().get("refresh_token").is_none());
        let next = refreshed.cookie_token();
        assert_ne!(next, token);
        let session: Session = serde_json::from_str(&refreshed.body).unwrap();
        assert_eq!(app.get_as("/api/v1/me", &session.access_token).await.status, 200);

        // A refresh without a cookie is refused.
        let none = app.auth("refresh", &json!({}), As { web_app: true, ..As::default() }).await;
        assert_eq!(none.status, 401);

        // Log-out revokes it and clears the cookie.
        let out = app.auth("logout", &json!({}), web_app(&next)).await;
        assert_eq!(out.status, 204);
        let cleared = out.refresh_cookie().expect("a clearing cookie");
        assert!(cleared.starts_with("vitrine_refresh=;") && cleared.contains("Max-Age=0"), "{cleared}");
        let spent = app.auth("refresh", &json!({}), web_app(&next)).await;
        assert_eq!(spent.status, 401);
        assert!(spent.refresh_cookie().is_some_and(|c| c.contains("Max-Age=0")), "a dead cookie is cleared");
    }

    async fn reusing_a_rotated_cookie_closes_every_session(app) {
        let web_app = |cookie| As { web_app: true, cookie: Some(cookie), ..As::default() };
        let other: Session = app.login(CUSTOMER, PASSWORD).await.json();
        let first = app.web_login().await.cookie_token();
        let second = app.auth("refresh", &json!({}), web_app(&first)).await.cookie_token();
        let third = app.auth("refresh", &json!({}), web_app(&second)).await.cookie_token();
        // `first`'s successor was used: `first` again is a stolen copy.
        let stolen = app.auth("refresh", &json!({}), web_app(&first)).await;
        assert_eq!(stolen.status, 401);
        assert_eq!(app.auth("refresh", &json!({}), web_app(&third)).await.status, 401, "the rotated one is closed");
        let body = json!({"refresh_token": other.refresh_token});
        assert_eq!(app.auth("refresh", &body, As::default()).await.status, 401, "and every other session");
    }

    async fn twenty_refreshes_of_one_token_at_once_leave_one_live_session_at_most(app) {
        let elsewhere: Session = app.login(CUSTOMER, PASSWORD).await.json();
        let session: Session = app.login(CUSTOMER, PASSWORD).await.json();
        let body = json!({"refresh_token": session.refresh_token});
        let attempts = (0..20).map(|_| app.auth("refresh", &body, As::default()));
        let answers = futures_util::future::join_all(attempts).await;
        assert!(answers.iter().all(|a| a.status == 200 || a.status == 401), "never a 5xx");
        assert!(answers.iter().any(|a| a.status == 200), "one of them at least");

        // Whatever the interleaving, the twenty answers leave at most one refresh token of
        // that session alive (a re-exchange revokes the unused successor; a clash closes
        // every session), never two sessions from one token.
        let handed_out: Vec<String> = answers
            .iter()
            .filter(|a| a.status == 200)
            .map(|a| serde_json::from_str::<Session>(&a.body).unwrap().refresh_token.unwrap())
            .collect();
        let live = {
            use diesel::prelude::*;
            use vitrine::db::schema::refresh_tokens;
            let hashes: Vec<String> = handed_out.iter().map(|t| vitrine::auth::token_hash(t)).collect();
            let mut conn = app.pool.get().expect("connection");
            refresh_tokens::table
                .filter(refresh_tokens::token_hash.eq_any(hashes))
                .filter(refresh_tokens::revoked_at.is_null())
                .count()
                .get_result::<i64>(&mut *conn)
                .expect("count")
        };
        assert!(live <= 1, "{live} live tokens from one: {:?}", answers.iter().map(|a| a.status).collect::<Vec<_>>());

        // `elsewhere` is another session: it lives on unless a clash closed them all.
        let other = app.auth("refresh", &json!({"refresh_token": elsewhere.refresh_token}), As::default()).await;
        assert!(other.status == 200 || live == 0, "{}", other.body);
        assert_eq!(app.login(CUSTOMER, PASSWORD).await.status, 200, "logging in again works");
    }
}
