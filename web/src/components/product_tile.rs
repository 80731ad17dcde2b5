//! A product's card in a list of products.

use leptos::prelude::*;
use shared::{
    catalogue::{ProductCard, StockState},
    measure::format_per_unit,
    money::format_eur,
};

use crate::{
    i18n::{tr, use_i18n},
    routes::Page,
};

/// One product as a list item: thumbnail, name (the link to its page, stretched over the whole
/// card), price ("à partir de" when its sizes cost different prices, "environ" when sold by
/// weight) with its price per kilo, litre or piece, shop, and a badge when only a few are
/// left or none.
///
/// Browser tests rely on this shape: `<li data-testid="product-card">` whose `<h3>` text is
/// exactly the product's name and holds the link, and whose `[data-testid="product-price"]`
/// starts with its price as `format_eur` writes it.
#[component]
pub fn ProductTile(
    /// The product to show.
    product: ProductCard,
    /// Leave out the shop's name (on the shop's own page).
    #[prop(optional)]
    hide_shop: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let ProductCard {
        id,
        name,
        price_cents,
        price_from,
        price_per_unit_cents,
        price_per_unit,
        sold_by_weight,
        shop,
        stock,
        thumbnail_url,
        ..
    } = product;
    let badge = match stock {
        StockState::Low => Some("stock-badge stock-badge--low"),
        StockState::Out => Some("stock-badge stock-badge--out"),
        StockState::InStock | StockState::Untracked => None,
    };
    view! {
        <li class="product-tile" class:product-tile--out=stock == StockState::Out data-testid="product-card">
            // The name is right beside it, so the picture adds nothing for a screen reader.
            <img
                class="product-tile__picture"
                src=thumbnail_url
                alt=""
                width="96"
                height="96"
                loading="lazy"
                decoding="async"
            />
            <div class="product-tile__body">
                <h3 class="product-tile__name">
                    <a href=Page::Product { id }.href()>{name}</a>
                </h3>
                <p class="product-tile__price">
                    {price_from.then(|| view! { {tr(|t| t.price_from)} " " })}
                    {sold_by_weight.then(|| view! { {tr(|t| t.about)} " " })}
                    <span data-testid="product-price">
                        {format_eur(price_cents)}
                        {price_per_unit_cents
                            .zip(price_per_unit)
                            .map(|(cents, per)| {
                                view! {
                                    <span class="product-tile__unit">
                                        {format!(" · {}", format_per_unit(cents, per))}
                                    </span>
                                }
                            })}
                    </span>
                </p>
                {(!hide_shop)
                    .then(|| view! { <p class="product-tile__shop">{shop.name}</p> })}
                {badge
                    .map(|class| {
                        view! {
                            <p class=class data-testid="stock-badge">
                                {move || i18n.t().stock(stock)}
                            </p>
                        }
                    })}
            </div>
        </li>
    }
}
