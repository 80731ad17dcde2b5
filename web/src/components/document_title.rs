//! The document's `<title>`, which screen readers announce when a page is shown: the page's
//! own part, then the marketplace's name and tagline from its settings.

use leptos::prelude::*;

use crate::{i18n::use_i18n, state::marketplace::use_marketplace};

/// Keeps `document.title` equal to `text` followed by the site's title (the site's title
/// alone when `text` is empty). Renders nothing.
#[component]
pub fn DocumentTitle(
    /// The page's part of the title, usually its heading; empty on the home page.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let market = use_marketplace();
    let i18n = use_i18n();
    Effect::new(move || document().set_title(&market.page_title(&text.get(), i18n.lang())));
}
