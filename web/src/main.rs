//! Vitrine's single-page app: the browser entry point.
//!
//! The page shell (`web/index.html`) loads the wasm built by `scripts/build-web.sh`, whose
//! start function is this `main`: it installs the panic hook, removes the shell's static
//! "Chargement…" notice and mounts [`app::App`] in `<body>`.
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

mod api;
mod app;
mod categories;
mod components;
mod i18n;
mod pages;
mod price;
mod routes;
mod state;

use leptos::prelude::document;

/// The id of the shell's placeholder shown while the wasm downloads (see `web/index.html`).
const BOOT_NOTICE_ID: &str = "amorce";

fn main() {
    // Panic messages in the console help developers; shoppers never see them, and the hook
    // and its formatting cost the release wasm several kilobytes.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    if let Some(notice) = document().get_element_by_id(BOOT_NOTICE_ID) {
        notice.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
