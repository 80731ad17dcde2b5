//! Vitrine's server: the REST API under `/api/v1`, its OpenAPI document and docs, and the
//! single-page app, served by one binary on one port.
//!
//! - [`config`]: command line and settings.
//! - [`startup`]: builds and runs the application.
//! - [`routes`]: the route table and handlers.
//! - [`domain`]: pure rules.
//! - [`db`]: connections, migrations, rows and queries.
//! - [`order_feed`]: the live orders inbox (server-sent events).
//! - [`error`]: the one error type, rendered as problem+json.
//! - [`images`]: uploaded pictures, checked by content and resized.
//! - [`backup`]: `vitrine backup` / `restore` of a SQLite database, and its lock file.
//! - [`client`]: the client's address and scheme, believing only trusted proxies.
//! - [`limits`], [`login_throttle`], [`text_guard`]: limits on what a stranger can exhaust
//!   (hashing and decoding slots, failed logins, bodies and control characters).
//! - [`housekeeping`]: the periodic round that deletes old anonymous baskets and releases
//!   the guest orders shops did not confirm in time.
//! - [`mail`]: who is told what by e-mail, the French texts, the SMTP server; [`outbox`]:
//!   the worker that sends what changes wrote into the outbox.
//! - [`security_headers`]: CSP and the other security headers, on every response.
//! - [`session_cookie`]: the web app's refresh token, in an HttpOnly cookie.
//! - [`visits`]: the visits of the public pages, counted in memory without cookies or
//!   addresses (issue 13).

pub mod access;
pub mod auth;
pub mod backup;
pub mod client;
pub mod commands;
pub mod config;
pub mod db;
// The printed directory typeset as a PDF (issue 13).
pub mod demo;
pub mod directory_pdf;
pub mod domain;
pub mod error;
pub mod extract;
pub mod housekeeping;
pub mod images;
pub mod order_feed;
pub mod response_cache;
pub mod routes;
// The browser side: security headers and the refresh-token cookie.
pub mod security_headers;
pub mod session_cookie;
pub mod startup;
// Limits on what a stranger can exhaust (issue 10).
pub mod limits;
pub mod login_throttle;
pub mod text_guard;
// E-mails (issue 12) and the outbox that sends them (and webhooks later, issue 17).
pub mod mail;
pub mod outbox;
// Integrators (issue 17): API keys' scopes and rate limit.
pub mod key_policy;
// Webhooks (issue 17).
pub mod webhooks;
// How answers travel (issue 16): HEAD as GET, compressed API answers.
pub mod transport;
// Visits counted without cookies (issue 13).
pub mod visits;
