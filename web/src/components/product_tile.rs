//! A product's card in a list of products.

use leptos::prelude::*;
use shared::{
    catalogue::{ProductCard, StockState},
    money::format_eur,
};

use crate::{i18n::use_i18n, routes::Page};

/// One product as a list item: thumbnail, name (the link to its page, stretched over the whole
/// card), price, shop, and a badge when only a few are left or none.
///
/// Browser tests rely on this shape: `<li data-testid="product-card">` whose `<h3>` text is
/// exactly the product's name and holds the link, and whose `[data-testid="product-price"]`
/// is its price as `format_eur` writes it.
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
                <p class="product-tile__price" data-testid="product-price">
                    {format_eur(price_cents)}
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
