//! The page shown for any address the app does not know.

use leptos::prelude::*;

use crate::{components::DocumentTitle, i18n::use_i18n, routes::Page};

/// "Page introuvable", with a way back home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DocumentTitle text=Signal::derive(move || {
            format!("{} — {}", i18n.t().not_found_heading, i18n.t().home_title)
        }) />
        <div class="page page--narrow">
            <h1>{move || i18n.t().not_found_heading}</h1>
            <p>{move || i18n.t().not_found_text}</p>
            <p>
                <a class="button" href=Page::Home.href()>
                    {move || i18n.t().back_home}
                </a>
            </p>
        </div>
    }
}
