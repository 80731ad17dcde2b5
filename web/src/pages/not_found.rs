//! The page shown for any address the app does not know.

use leptos::prelude::*;

use crate::{components::Missing, routes::Page};

/// "Page introuvable", with a way back home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <div class="page page--narrow">
            <Missing
                heading=|t| t.not_found_heading
                text=|t| t.not_found_text
                link=Page::Home
                link_text=|t| t.back_home
            />
        </div>
    }
}
