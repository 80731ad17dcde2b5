//! The top-level categories as large links into the catalogue.

use leptos::prelude::*;
use shared::catalogue::Category;

use crate::{
    categories::{self, MenuEntry},
    i18n::{Lang, use_i18n},
    routes::{CatalogueFilter, Page},
};

/// The top-level categories of `categories`, each a link to its catalogue page with the
/// number of products in it and in its sub-categories.
#[component]
pub fn CategoryList(
    /// The flat list of categories, as `GET /categories` returns it.
    categories: Vec<Category>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = categories::top_level(&categories)
        .into_iter()
        .map(|entry| {
            let MenuEntry {
                category, total, ..
            } = entry;
            let href = Page::Catalogue(CatalogueFilter::category(&category.slug)).href();
            let shown = category.clone();
            view! {
                <li>
                    <a class="category-link" href=href>
                        <span class="category-link__name">{move || {
                            shown.name_in(i18n.lang() == Lang::En).to_owned()
                        }}</span>
                        <span class="category-link__count">
                            {move || (i18n.t().product_count)(total)}
                        </span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="category-list" data-testid="category-list">
            {items}
        </ul>
    }
}
