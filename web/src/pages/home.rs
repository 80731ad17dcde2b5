//! The home page: the search box, what Vitrine is, its categories and every shop.

use leptos::prelude::*;
use leptos_router::{NavigateOptions, hooks::use_navigate};
use shared::{
    MAX_PER_PAGE, Page,
    catalogue::{Category, PageQuery, ShopQuery, ShopSummary},
};

use crate::{
    api,
    components::{CategoryList, DocumentTitle, Loaded, SearchBox, ShopCard},
    i18n::{tr, use_i18n},
    routes::{CatalogueFilter, Page as AppPage},
};

/// The home page.
///
/// Browser tests rely on this shape: the shops are a `<ul data-testid="shop-list">` of
/// [`ShopCard`]s, the categories a `<ul data-testid="category-list">`; the search box is
/// labelled "Rechercher un produit ou un commerce".
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let on_search = move |q: String| {
        navigate(
            &AppPage::Catalogue(CatalogueFilter::search(&q)).href(),
            NavigateOptions::default(),
        );
    };
    let categories = LocalResource::new(|| async {
        let query = PageQuery {
            page: None,
            per_page: Some(MAX_PER_PAGE),
        };
        api::list_categories(&query).await
    });
    let shops = LocalResource::new(|| async {
        let query = ShopQuery {
            per_page: Some(MAX_PER_PAGE),
            ..ShopQuery::default()
        };
        api::list_shops(&query).await
    });

    let categories_view = move |page: Page<Category>| {
        if page.items.is_empty() {
            view! { <p>{tr(|t| t.categories_empty)}</p> }.into_any()
        } else {
            view! { <CategoryList categories=page.items /> }.into_any()
        }
    };

    let shops_view = move |page: Page<ShopSummary>| {
        if page.items.is_empty() {
            return view! { <p>{tr(|t| t.shops_empty)}</p> }.into_any();
        }
        let total = page.total;
        view! {
            <p class="count">{move || (i18n.t().shop_count)(total)}</p>
            <ul class="shop-list" data-testid="shop-list">
                {page.items.into_iter().map(|shop| view! { <ShopCard shop /> }).collect_view()}
            </ul>
            <p class="more">
                <a class="button button--secondary" href=AppPage::shops().href()>
                    {tr(|t| t.home_all_shops)}
                </a>
            </p>
        }
        .into_any()
    };

    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t().home_title.to_owned()) />
        <div class="page">
            <section class="intro" aria-labelledby="intro-heading">
                <h1 id="intro-heading">{tr(|t| t.home_heading)}</h1>
                <SearchBox value=Signal::stored(String::new()) on_search />
                <p>{tr(|t| t.home_intro)}</p>
                <ul class="ways">
                    <li class="way way--delivery">
                        <strong class="way__name">{tr(|t| t.way_delivery)}</strong>
                        <span>{tr(|t| t.way_delivery_text)}</span>
                    </li>
                    <li class="way way--pickup">
                        <strong class="way__name">{tr(|t| t.way_pickup)}</strong>
                        <span>{tr(|t| t.way_pickup_text)}</span>
                    </li>
                    <li class="way way--payment">
                        <strong class="way__name">{tr(|t| t.way_payment)}</strong>
                        <span>{tr(|t| t.way_payment_text)}</span>
                    </li>
                </ul>
            </section>
            <section aria-labelledby="categories-heading">
                <h2 id="categories-heading">{tr(|t| t.categories_heading)}</h2>
                <Loaded resource=categories loaded=categories_view />
            </section>
            <section aria-labelledby="shops-heading">
                <h2 id="shops-heading">{tr(|t| t.shops_heading)}</h2>
                <Loaded resource=shops loaded=shops_view />
            </section>
        </div>
    }
}
