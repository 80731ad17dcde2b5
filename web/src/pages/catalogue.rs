//! The product catalogue. For now a placeholder, so that category links lead somewhere.

use leptos::prelude::*;

use crate::{components::DocumentTitle, i18n::use_i18n, routes::Page};

/// "Catalogue — bientôt": says the catalogue is coming and leads back to the shops.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DocumentTitle text=Signal::derive(move || {
            format!("{} — {}", i18n.t().catalogue_heading, i18n.t().home_title)
        }) />
        <div class="page page--narrow">
            <h1>{move || i18n.t().catalogue_heading}</h1>
            <p>{move || i18n.t().catalogue_text}</p>
            <p>
                <a class="button" href=Page::Home.href()>
                    {move || i18n.t().back_home}
                </a>
            </p>
        </div>
    }
}
