//! The loading indicator.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// A visible "Chargement…" that assistive technologies announce politely.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="loading" role="status">
            {move || i18n.t().loading}
        </p>
    }
}
