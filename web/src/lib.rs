//! Vitrine's single-page app.
//!
//! It ships as one wasm module per [`Bundle`] (`src/bin/<name>.rs`), so a shopper's first
//! screen downloads only what browsing needs: each binary's `main` calls [`start`] with its
//! route table from [`app`]. Its page shell (`web/index.html`, copied per bundle by
//! `scripts/build-web.sh`) loads it; [`start`] installs the panic hook, removes the shell's
//! static "Chargement…" notice and the page the server drew, and mounts the app in `<body>`.
//!
//! - [`app`]: the router and the context providers.
//! - [`routes`]: the [`routes::Page`] enum, the only place URL strings are written.
//! - [`api`]: the typed client of the REST API.
//! - [`categories`]: the category tree rebuilt from the API's flat list.
//! - [`price`]: prices as people type them into a field.
//! - [`i18n`]: French (default) and English interface strings.
//! - [`state`]: the basket, shared through context.
//! - [`pages`]: one route, one file.
//! - [`components`]: props in, view out, no fetching.
//! - [`server`] (natively only): the public pages drawn by the server with the same views.

// The server's render (tachys's `ssr`, issue 16) nests the views' types deeper than the default.
#![recursion_limit = "256"]
// An error's size is the wasm's concern, where clippy holds it; natively (the server's
// render) every pointer in it is twice as big.
#![cfg_attr(not(target_arch = "wasm32"), allow(clippy::result_large_err))]

mod api;
pub mod app;
mod categories;
mod components;
mod i18n;
mod pages;
mod price;
mod routes;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
mod state;

use leptos::prelude::{IntoView, document};
use shared::bundle::Bundle;

/// Starts the app of `bundle`, whose pages are the routes `routes` returns.
pub fn start<R: IntoView + 'static>(bundle: Bundle, routes: fn() -> R) {
    // Panic messages in the console help developers; shoppers never see them, and the hook
    // and its formatting cost the release wasm several kilobytes.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    remove_server_render();
    leptos::mount::mount_to_body(move || app::root(bundle, routes));
}

/// Takes out the shell's start notice (`#amorce`, see `web/index.html`) and the page the
/// server drew (issue 16, see [`server`]): the app draws the same again in the same task,
/// with the same answers (embedded in the page's scripts, which stay), so the browser never
/// paints the page without it.
fn remove_server_render() {
    let Some(body) = document().body() else {
        return;
    };
    let mut next = body.first_child();
    while let Some(node) = next {
        next = node.next_sibling();
        if node.node_name() != "SCRIPT" {
            let _ = body.remove_child(&node);
        }
    }
}

#[cfg(test)]
mod stylesheet_tests {
    /// The stylesheet with its comments removed.
    fn rules() -> String {
        let css = include_str!("../style.css");
        let mut out = String::with_capacity(css.len());
        let mut rest = css;
        while let Some(start) = rest.find("/*") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("*/").expect("a comment is closed") + start + 2;
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    /// A rule left open swallows every rule after it (a merge once did that to a third of
    /// the back-office's styles): every block is closed, and only at-rules hold blocks.
    #[test]
    fn every_rule_is_closed_and_none_is_nested_in_another() {
        let css = rules();
        let mut open: Vec<String> = Vec::new();
        let mut selector_start = 0;
        for (at, ch) in css.char_indices() {
            match ch {
                '{' => {
                    let selector = css[selector_start..at].trim().to_owned();
                    if let Some(outer) = open.last() {
                        assert!(
                            outer.starts_with('@'),
                            "rule `{selector}` is inside rule `{outer}`: a `}}` is missing"
                        );
                    }
                    open.push(selector);
                    selector_start = at + 1;
                }
                '}' => {
                    assert!(open.pop().is_some(), "a `}}` closes nothing");
                    selector_start = at + 1;
                }
                ';' if open.last().is_none_or(|outer| outer.starts_with('@')) => {
                    selector_start = at + 1;
                }
                _ => {}
            }
        }
        assert!(open.is_empty(), "rules left open: {open:?}");
    }
}
