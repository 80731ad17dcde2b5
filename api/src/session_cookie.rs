//! How a session's refresh token travels: in an HttpOnly cookie for the web app, in the JSON
//! body for other clients.
//!
//! The web app sends [`BROWSER_SESSION_HEADER`] (`X-Requested-With: vitrine`) on its calls to
//! `/auth/*`. Log-in and sign-up then set the refresh token as the cookie
//! [`REFRESH_COOKIE`] (`HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth`) and leave it
//! out of the body, so no script of the page can ever read it; refresh and log-out read it
//! from there, and only with that header: a header a cross-site form cannot send and a
//! cross-site script cannot send without a CORS preflight this server never grants, on top of
//! `SameSite=Strict` (which old browsers ignore). A refresh token read from the cookie is
//! replaced in the cookie, never answered in the body.
//!
//! Clients that are not browsers (a till, a script) send no such header and keep getting the
//! refresh token in the body, and send it back in the body; API keys need none of this.
//!
//! `Secure` is left out only when the request came over plain HTTP to a loopback address
//! (`http://127.0.0.1:8080` while trying Vitrine on one's own computer): the cookie then never
//! leaves the machine, and browsers differ on whether they keep a `Secure` cookie from such an
//! address (Chromium does, as a "potentially trustworthy" origin; Safari does not).

use std::net::IpAddr;

use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::http::StatusCode;
use actix_web::http::header::CACHE_CONTROL;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use shared::auth::{BROWSER_SESSION_HEADER, BROWSER_SESSION_VALUE, Session};

use crate::auth::REFRESH_TOKEN_DAYS;
use crate::error::ApiError;

/// The cookie that holds the web app's refresh token.
pub const REFRESH_COOKIE: &str = "vitrine_refresh";
/// The only path the browser sends it to: log-in, sign-up, refresh and log-out.
const COOKIE_PATH: &str = "/api/v1/auth";

/// Where a session's refresh token goes, decided by the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// The web app: an HttpOnly cookie; `secure` unless plain HTTP on a loopback address.
    Cookie { secure: bool },
    /// Any other client: the `refresh_token` field of the body.
    Body,
}

impl Delivery {
    /// The cookie for the web app (it sent [`BROWSER_SESSION_HEADER`]), the body otherwise.
    pub fn of(req: &HttpRequest) -> Delivery {
        if from_web_app(req) {
            Delivery::Cookie {
                secure: !plain_http_on_loopback(req),
            }
        } else {
            Delivery::Body
        }
    }

    /// The refresh token presented to refresh or log out, and where its successor goes: the
    /// body's if it has one, else the cookie's, which counts only with
    /// [`BROWSER_SESSION_HEADER`] (a cross-site request cannot send it). `None` when neither
    /// is there.
    pub fn presented(req: &HttpRequest, in_body: Option<String>) -> (Option<String>, Delivery) {
        match in_body {
            Some(token) => (Some(token), Delivery::Body),
            None => match Delivery::of(req) {
                Delivery::Body => (None, Delivery::Body),
                cookie => (
                    req.cookie(REFRESH_COOKIE)
                        .map(|cookie| cookie.value().to_owned()),
                    cookie,
                ),
            },
        }
    }

    /// The answer that opens `session`: the refresh token in the cookie or in the body,
    /// never stored by a cache.
    pub fn open(self, status: StatusCode, mut session: Session) -> HttpResponse {
        let mut response = HttpResponse::build(status);
        response.insert_header((CACHE_CONTROL, "no-store"));
        if let Delivery::Cookie { secure } = self
            && let Some(token) = session.refresh_token.take()
        {
            let max_age = Duration::days(REFRESH_TOKEN_DAYS);
            response.cookie(cookie(token, max_age, secure));
        }
        response.json(session)
    }

    /// An answer that ends the session here: `response` (a 204, or the error that says the
    /// token is no good), with the cookie cleared when it came from one.
    pub fn close(self, mut response: HttpResponse) -> HttpResponse {
        if let Delivery::Cookie { secure } = self {
            let removal = cookie(String::new(), Duration::ZERO, secure);
            // A cookie built here always makes a valid header.
            let _ = response.add_cookie(&removal);
        }
        response
    }

    /// [`Delivery::close`] with an error's problem+json.
    pub fn refuse(self, error: &ApiError) -> HttpResponse {
        self.close(error.error_response())
    }
}

fn cookie(value: String, max_age: Duration, secure: bool) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, value)
        .path(COOKIE_PATH)
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Strict)
        .max_age(max_age)
        .finish()
}

fn from_web_app(req: &HttpRequest) -> bool {
    req.headers()
        .get(BROWSER_SESSION_HEADER)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.eq_ignore_ascii_case(BROWSER_SESSION_VALUE))
}

/// Plain HTTP, from this machine, to a loopback name: the only case where a cookie without
/// `Secure` cannot cross a network.
fn plain_http_on_loopback(req: &HttpRequest) -> bool {
    let info = req.connection_info();
    let peer_is_loopback = req.peer_addr().is_some_and(|peer| peer.ip().is_loopback());
    info.scheme() == "http" && peer_is_loopback && is_loopback_host(info.host())
}

/// `localhost`, `127.0.0.1`, `[::1]`, with or without a port.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_count_as_loopback() {
        for host in [
            "127.0.0.1:8080",
            "localhost",
            "LOCALHOST:3000",
            "[::1]:8080",
            "127.0.0.2",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "vitrine.example",
            "vitrine.example:8080",
            "192.168.1.10:8080",
            "127.0.0.1.nip.io",
            "localhost.example",
            "[2001:db8::1]:443",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn the_cookie_is_http_only_strict_and_scoped_to_the_auth_routes() {
        let text = cookie("abc".into(), Duration::days(30), true).to_string();
        for part in [
            "vitrine_refresh=abc",
            "HttpOnly",
            "Secure",
            "SameSite=Strict",
            "Path=/api/v1/auth",
            "Max-Age=2592000",
        ] {
            assert!(text.contains(part), "{part} in {text}");
        }
    }
}
