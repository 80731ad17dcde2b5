//! The terms (issue 15): the site's terms of use (`/conditions`) and a shop's terms of sale
//! (`/commerces/<slug>/conditions`, its own or the association's default), each with its
//! version.
//!
//! Browser tests rely on `[data-testid="terms"]` (`data-version` its version).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::legal::{Terms, TermsSource};

use crate::{
    api,
    components::{DocumentTitle, Loaded, Missing, TermsText},
    i18n::use_i18n,
    routes::{self, Page},
};

/// `/conditions`.
#[component]
pub fn TermsPage() -> impl IntoView {
    let i18n = use_i18n();
    let resource = LocalResource::new(|| async { api::get_terms().await });
    let title = Signal::derive(move || i18n.t().seller.terms_of_use.to_owned());
    view! {
        <DocumentTitle text=title />
        <div class="page page--narrow legal">
            <h1>{move || i18n.t().seller.terms_of_use}</h1>
            <p>{move || i18n.t().seller.marketplace_statement}</p>
            <Loaded resource loaded=|terms: Terms| view! { <TermsText terms /> } />
        </div>
    }
}

/// `/commerces/<slug>/conditions`.
#[component]
pub fn ShopTermsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = routes::shop_slug(&params.read_untracked()).unwrap_or_default();
    let shop = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let slug = slug.clone();
            async move {
                let shop = api::get_shop(&slug).await?;
                let terms = api::get_shop_terms(&slug).await?;
                Ok(shop.zip(terms))
            }
        })
    };
    let loaded = move |found: Option<(shared::catalogue::Shop, Terms)>| match found {
        None => view! {
            <Missing
                heading=|t| t.shop_not_found_heading
                text=|t| t.shop_not_found_text
                link=Page::shops()
                link_text=|t| t.to_shops
            />
        }
        .into_any(),
        Some((shop, terms)) => {
            let name = shop.name.clone();
            let title =
                Signal::derive(move || format!("{} — {}", i18n.t().seller.terms_of_sale, name));
            let by_default = terms.source == TermsSource::Association;
            view! {
                <DocumentTitle text=title />
                <h1>{move || i18n.t().seller.terms_of_sale} " — " {shop.name.clone()}</h1>
                <p>
                    <a href=Page::shop(&shop.slug).href()>{shop.name.clone()}</a>
                </p>
                {by_default.then(|| view! { <p>{move || i18n.t().legal().terms_default_note}</p> })}
                <TermsText terms />
            }
            .into_any()
        }
    };
    view! { <div class="page page--narrow legal"><Loaded resource=shop loaded /></div> }
}
