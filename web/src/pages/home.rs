//! The home page: the search box, what the marketplace is (from its settings), its
//! categories and every shop; on a fresh install, how to create the first administrator.

use leptos::prelude::*;
use leptos_router::{NavigateOptions, hooks::use_navigate};
use shared::{
    MAX_PER_PAGE, Page,
    catalogue::{Category, PageQuery, ShopQuery, ShopSummary},
};

use crate::{
    api,
    components::{CategoryList, DocumentTitle, Loaded, SearchBox, ShopCard},
    i18n::{Lang, tr, use_i18n},
    routes::{CatalogueFilter, Page as AppPage},
    state::marketplace::use_marketplace,
};

/// The home page.
///
/// Browser tests rely on this shape: the shops are a `<ul data-testid="shop-list">` of
/// [`ShopCard`]s, the categories a `<ul data-testid="category-list">`; the search box is
/// labelled "Rechercher un produit ou un commerce"; the first start's notice is
/// `[data-testid="needs-admin"]`.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let market = use_marketplace();
    let heading = move || {
        let town = market.with(|m| m.town.clone());
        (i18n.t().marketplace.home_heading)(&town)
    };
    let intro = move || {
        let english = i18n.lang() == Lang::En;
        market.with(|m| m.intro.get(english).to_owned())
    };
    let needs_admin = move || market.with(|m| m.needs_admin);
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
        <DocumentTitle text=Signal::derive(String::new) />
        <div class="page">
            {move || needs_admin().then(|| view! { <NeedsAdmin /> })}
            <section class="intro" aria-labelledby="intro-heading">
                <h1 id="intro-heading">{heading}</h1>
                <SearchBox value=Signal::stored(String::new()) on_search />
                {move || {
                    let intro = intro();
                    (!intro.is_empty()).then(|| view! { <p>{intro}</p> })
                }}
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

/// A fresh install's notice: how to create the first administrator.
#[component]
fn NeedsAdmin() -> impl IntoView {
    view! {
        <section class="notice" role="status" data-testid="needs-admin" aria-labelledby="needs-admin-heading">
            <h2 id="needs-admin-heading">{tr(|t| t.marketplace.needs_admin_heading)}</h2>
            <p>{tr(|t| t.marketplace.needs_admin_text)}</p>
            <pre><code>"vitrine create-admin --email vous@exemple.fr --password '…'"</code></pre>
            <p>
                {tr(|t| t.marketplace.needs_admin_then)} " "
                <a href=AppPage::BackOffice.href()>{tr(|t| t.marketplace.needs_admin_link)}</a>
            </p>
        </section>
    }
}
