//! A shop's card in a list of shops.

use leptos::prelude::*;
use shared::catalogue::ShopSummary;

use crate::{
    i18n::{tr, use_i18n},
    routes::Page,
};

/// One shop as a list item: logo, name (the link to its page, stretched over the whole card),
/// commune, kind and how orders reach the customer.
///
/// Browser tests rely on this shape: `<li data-testid="shop-card">` whose `<h3>` text is
/// exactly the shop's name and holds the link.
#[component]
pub fn ShopCard(
    /// The shop to show.
    shop: ShopSummary,
) -> impl IntoView {
    let i18n = use_i18n();
    let ShopSummary {
        slug,
        name,
        kind,
        description,
        commune,
        offers_pickup,
        offers_delivery,
        logo_url,
        ..
    } = shop;
    view! {
        <li class="shop-card" data-testid="shop-card">
            <div class="shop-card__top">
                <img
                    class="shop-card__logo"
                    src=logo_url
                    alt=""
                    width="72"
                    height="72"
                    loading="lazy"
                    decoding="async"
                />
                <div>
                    <h3 class="shop-card__name">
                        <a href=Page::shop(&slug).href()>{name}</a>
                    </h3>
                    <p class="shop-card__meta">
                        <span class="shop-card__commune">{commune}</span>
                        <span class="shop-card__kind">{move || i18n.t().kind(kind)}</span>
                    </p>
                </div>
            </div>
            {(!description.is_empty())
                .then(|| view! { <p class="shop-card__description">{description}</p> })}
            {(offers_delivery || offers_pickup)
                .then(|| {
                    view! {
                        <ul class="badges">
                            {offers_delivery
                                .then(|| {
                                    view! {
                                        <li class="badge badge--delivery">
                                            {tr(|t| t.way_delivery)}
                                        </li>
                                    }
                                })}
                            {offers_pickup
                                .then(|| {
                                    view! {
                                        <li class="badge badge--pickup">
                                            {tr(|t| t.way_pickup)}
                                        </li>
                                    }
                                })}
                        </ul>
                    }
                })}
        </li>
    }
}
