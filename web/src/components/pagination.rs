//! "Précédent — Page 2 sur 38 — Suivant".

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};

/// Links to the previous and next pages around "Page 2 sur 38", as large buttons. Renders
/// nothing when everything fits on one page.
///
/// Browser tests rely on `<nav data-testid="pagination">` and its links' texts.
#[component]
pub fn Pagination(
    /// The page shown, from 1.
    page: u32,
    /// How many pages there are.
    page_count: u32,
    /// The address of a page.
    #[prop(into)]
    href_for: Callback<u32, String>,
    /// Called when the reader follows one of the links, before the page changes.
    #[prop(into)]
    on_follow: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    (page_count > 1).then(|| {
        let previous = (page > 1).then(|| {
            view! {
                <a
                    class="button button--secondary pagination__previous"
                    href=href_for.run(page - 1)
                    rel="prev"
                    on:click=move |_| on_follow.run(())
                >
                    <span aria-hidden="true">"‹ "</span>
                    {tr(|t| t.previous)}
                </a>
            }
        });
        let next = (page < page_count).then(|| {
            view! {
                <a
                    class="button button--secondary pagination__next"
                    href=href_for.run(page + 1)
                    rel="next"
                    on:click=move |_| on_follow.run(())
                >
                    {tr(|t| t.next)}
                    <span aria-hidden="true">" ›"</span>
                </a>
            }
        });
        view! {
            <nav
                class="pagination"
                aria-label=tr(|t| t.pagination_label)
                data-testid="pagination"
            >
                {previous}
                <p class="pagination__position">
                    {move || (i18n.t().page_of)(page, page_count)}
                </p>
                {next}
            </nav>
        }
    })
}
