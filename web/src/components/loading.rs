//! The loading indicator.

use leptos::prelude::*;

use crate::i18n::tr;

/// A visible "Chargement…" that assistive technologies announce politely.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            {tr(|t| t.loading)}
        </p>
    }
}
