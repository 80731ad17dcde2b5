//! The document's `<title>`, which screen readers announce when a page is shown.

use leptos::prelude::*;

/// Keeps `document.title` equal to `text`. Renders nothing.
#[component]
pub fn DocumentTitle(
    /// The title, usually the page's heading followed by the site's name.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    Effect::new(move || document().set_title(&text.get()));
}
