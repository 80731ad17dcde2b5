//! The site's header: its name, the basket, the main navigation (with the account) and the
//! language toggle.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    i18n::{tr, use_i18n},
    routes::Page,
    state::{cart::use_cart, marketplace::use_marketplace, session::use_session},
};

/// The `<header>` landmark shown on every page, with the basket link and its count
/// ("Panier, 3 articles" to screen readers).
///
/// Browser tests rely on `[data-testid="basket-link"]`, whose accessible name is that.
///
/// The toggle shows the code of the *other* language ("EN" while reading French) and tells
/// screen readers, in that language, what it does ("EN — English version"), so a reader who
/// does not understand the current language finds it.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || i18n.lang().other();
    let home = Page::Home.href();
    let cart = use_cart();
    let session = use_session();
    let signed_in = move || session.user().is_some();
    let count = move || cart.item_count();
    let market = use_marketplace();
    // The software's name until the association names its marketplace.
    let name = move || {
        market.with(|m| {
            if m.name.trim().is_empty() {
                i18n.t().site_name.to_owned()
            } else {
                m.name.clone()
            }
        })
    };
    let tagline = move || {
        let english = i18n.lang() == crate::i18n::Lang::En;
        market.with(|m| m.tagline.get(english).to_owned())
    };
    let logo = move || market.with(|m| m.logo_url.clone());
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-name" href=home.clone()>
                    {move || match logo() {
                        Some(src) => view! {
                            <img class="site-name__mark site-name__logo" src=src alt="" width="40" height="40" />
                        }
                        .into_any(),
                        None => view! {
                            <svg
                                class="site-name__mark"
                                viewBox="0 0 32 32"
                                width="40"
                                height="40"
                                aria-hidden="true"
                                focusable="false"
                            >
                                <path d="M3 11 6 4h20l3 7z" fill="#b5462a" />
                                <path d="M6 11v1a3 3 0 0 0 5 2 3 3 0 0 0 5 0 3 3 0 0 0 5 0 3 3 0 0 0 5-2v-1z" fill="#f6e7c8" stroke="#b5462a" stroke-width="1.5" />
                                <path d="M6 16v12h20V16" fill="none" stroke="#3b2a1a" stroke-width="2" />
                                <path d="M13 28v-7h6v7" fill="none" stroke="#3b2a1a" stroke-width="2" />
                            </svg>
                        }
                        .into_any(),
                    }}
                    <span class="site-name__text">
                        <span class="site-name__name">{name}</span>
                        {move || (!tagline().is_empty()).then(|| view! {
                            <span class="site-name__dash">" — "</span>
                            <span class="site-name__tagline">{tagline}</span>
                        })}
                    </span>
                </a>
                <a
                    class="basket-link"
                    href=Page::Basket.href()
                    aria-label=move || {
                        let t = i18n.t();
                        match count() {
                            0 => format!("{}{}", t.nav_basket, t.basket_none),
                            n => format!("{}, {n}{}", t.nav_basket, (t.basket_units)(n)),
                        }
                    }
                    data-testid="basket-link"
                >
                    <svg
                        viewBox="0 0 24 24"
                        width="28"
                        height="28"
                        aria-hidden="true"
                        focusable="false"
                    >
                        <path d="M3 9h18l-2 11H5z M8 9l4-6 4 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
                    </svg>
                    <span class="basket-link__text">{tr(|t| t.nav_basket)}</span>
                    // Without a space, "Panier3" would not read as part of the label.
                    " "
                    // Heard as "Panier, 3 articles" (the label), seen as "Panier 3".
                    {move || {
                        let count = count();
                        (count > 0)
                            .then(|| {
                                view! {
                                    <span class="basket-link__count" aria-hidden="true">
                                        {count}
                                    </span>
                                }
                            })
                    }}
                </a>
                <button
                    type="button"
                    class="lang-toggle"
                    lang=move || other().code()
                    on:click=move |_| i18n.set(other())
                >
                    {move || other().strings().lang_short}
                    <span class="visually-hidden">
                        " — " {move || other().strings().lang_name}
                    </span>
                </button>
                <nav class="site-nav" aria-label=tr(|t| t.nav_label)>
                    <ul>
                        <li>
                            <A href=home exact=true>
                                {tr(|t| t.nav_home)}
                            </A>
                        </li>
                        <li>
                            <A href=Page::catalogue().href()>
                                {tr(|t| t.nav_catalogue)}
                            </A>
                        </li>
                        <li>
                            <A href=Page::shops().href()>{tr(|t| t.nav_shops)}</A>
                        </li>
                        <li>
                            <A href=move || {
                                if signed_in() {
                                    Page::MyOrders(1).href()
                                } else {
                                    Page::Login(None).href()
                                }
                            }>
                                {move || {
                                    let t = i18n.t();
                                    if signed_in() { t.nav_account } else { t.nav_login }
                                }}
                            </A>
                        </li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
