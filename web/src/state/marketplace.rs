//! The marketplace's settings (name, town, texts, contact, legal notices, palette), read once
//! per page load: from the JSON the server puts in the page shell (no request, nothing to
//! wait for), else from `GET /api/v1/marketplace`. Keeps the document's meta description and
//! palette in step with them and with the reader's language.

use leptos::{prelude::*, task::spawn_local};
use shared::marketplace::Marketplace;

use crate::{
    api,
    i18n::{Lang, use_i18n},
};

/// The id of the shell's `<script type="application/json">` (see `api/src/routes/spa.rs`).
#[cfg(target_arch = "wasm32")]
const SETTINGS_SCRIPT_ID: &str = "vitrine-marketplace";

/// The settings, shared through context by [`provide_marketplace`]; cheap to copy.
#[derive(Clone, Copy)]
pub struct MarketplaceState {
    settings: RwSignal<Option<Marketplace>>,
}

/// Reads the settings of this page load and puts them in context. Call after
/// `provide_i18n`.
pub fn provide_marketplace() {
    let settings = RwSignal::new(embedded());
    if settings.get_untracked().is_none() {
        spawn_local(async move {
            if let Ok(market) = api::get_marketplace().await {
                settings.set(Some(market));
            }
        });
    }
    let state = MarketplaceState { settings };
    provide_context(state);
    let i18n = use_i18n();
    Effect::new(move |first: Option<()>| {
        let english = i18n.lang() == Lang::En;
        let Some(root) = document().document_element() else {
            return;
        };
        settings.with(|market| {
            if let Some(market) = market {
                let _ = root.set_attribute("data-palette", market.palette.as_str());
                // The server wrote the page's own French description (a product's, a shop's):
                // it stays until the reader switches language or the settings change.
                let server_written = first.is_none() && !english;
                if !server_written
                    && let Ok(Some(meta)) = document().query_selector("meta[name=description]")
                {
                    let _ = meta.set_attribute("content", market.description(english));
                }
            }
        });
    });
}

/// The settings put in context by [`provide_marketplace`].
pub fn use_marketplace() -> MarketplaceState {
    expect_context::<MarketplaceState>()
}

#[cfg(target_arch = "wasm32")]
fn embedded() -> Option<Marketplace> {
    let script = document().get_element_by_id(SETTINGS_SCRIPT_ID)?;
    serde_json::from_str(&script.text_content()?).ok()
}

/// On the server (issue 16), the settings the page is rendered with.
#[cfg(not(target_arch = "wasm32"))]
fn embedded() -> Option<Marketplace> {
    crate::server::marketplace()
}

impl MarketplaceState {
    /// Reads something of the settings, the defaults while they are unknown (tracked).
    pub fn with<T>(&self, f: impl FnOnce(&Marketplace) -> T) -> T {
        self.settings.with(|market| match market {
            Some(market) => f(market),
            None => f(&Marketplace::default()),
        })
    }

    /// Replaces the settings after an admin changed them.
    pub fn set(&self, market: Marketplace) {
        self.settings.set(Some(market));
    }

    /// The site's title in `lang`: its name and tagline (tracked).
    pub fn site_title(&self, lang: Lang) -> String {
        self.with(|market| market.site_title(lang == Lang::En))
    }

    /// A page's document title: the page's own part, then the site's (tracked).
    pub fn page_title(&self, page: &str, lang: Lang) -> String {
        let site = self.site_title(lang);
        if page.is_empty() {
            site
        } else {
            format!("{page} — {site}")
        }
    }
}
