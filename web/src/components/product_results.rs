//! One page of products: its heading, the cards and the pagination.

use leptos::prelude::*;
use shared::{Page, catalogue::ProductCard};

use crate::components::{Pagination, ProductTile, ResultsHeading};

/// A non-empty page of products under a [`ResultsHeading`], with links to the other pages,
/// which set `focus`.
///
/// Browser tests rely on `<ul data-testid="product-list">`.
#[component]
pub fn ProductResults(
    /// The page of products.
    page: Page<ProductCard>,
    /// The heading, usually the number of results.
    #[prop(into)]
    heading: Signal<String>,
    /// The address of another page of the same list.
    #[prop(into)]
    href_for: Callback<u32, String>,
    /// Set by the pagination links (and by the page); the heading takes the focus and clears it.
    focus: RwSignal<bool>,
    /// Leave out the shop's name on each card (on the shop's own page).
    #[prop(optional)]
    hide_shop: bool,
) -> impl IntoView {
    let page_count = page.page_count();
    let current = page.page;
    view! {
        <ResultsHeading text=heading focus />
        <ul class="product-list" data-testid="product-list">
            {page
                .items
                .into_iter()
                .map(|product| view! { <ProductTile product hide_shop /> })
                .collect_view()}
        </ul>
        <Pagination
            page=current
            page_count
            href_for
            on_follow=move |()| focus.set(true)
        />
    }
}
