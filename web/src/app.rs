//! The app: context providers, the page frame (skip link, header, main, footer) and the
//! router, the only route table of the SPA.

use leptos::{ev::MouseEvent, html::Main, prelude::*};
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::use_location,
};

use crate::{
    components::{SiteFooter, SiteHeader},
    i18n::{provide_i18n, tr},
    pages::{
        BasketPage, CataloguePage, CheckoutPage, ConfirmationPage, HomePage, NotFoundPage,
        ProductPage, ShopPage, ShopsPage, TrackPage,
    },
    routes::{
        BASKET_PATH, CATALOGUE_PATH, CHECKOUT_PATH, CONFIRMATION_PATH, HOME_PATH, PRODUCT_PATH,
        SHOP_PATH, SHOPS_PATH, TRACK_PATH,
    },
    state::cart::provide_cart,
};

/// The id of `<main>`, which the skip link targets.
const MAIN_ID: &str = "contenu";

/// The whole single-page app.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_cart();
    view! {
        <Router>
            <Frame />
        </Router>
    }
}

/// What every page shares around the routed content: the skip link, the header, `<main>` and
/// the footer.
#[component]
fn Frame() -> impl IntoView {
    let main_ref = NodeRef::<Main>::new();
    let focus_main = move || {
        if let Some(main) = main_ref.get_untracked() {
            // Focusing an element with a tabindex cannot fail.
            let _ = main.focus();
        }
    };
    // The router would turn the skip link into a navigation that scrolls but leaves the
    // focus behind; keyboard users need the focus moved.
    let skip_to_main = move |event: MouseEvent| {
        event.prevent_default();
        focus_main();
    };
    // After a client-side navigation the focus would stay on a link that may be gone, and
    // screen readers would not notice the new page: start reading it from `<main>` instead.
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
        if previous.is_some_and(|previous| previous != current) {
            focus_main();
        }
        current
    });
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>
            {tr(|t| t.skip_to_content)}
        </a>
        <SiteHeader />
        <main id=MAIN_ID tabindex="-1" node_ref=main_ref>
            <Routes fallback=|| view! { <NotFoundPage /> }>
                <Route path=HOME_PATH view=HomePage />
                <Route path=CATALOGUE_PATH view=CataloguePage />
                <Route path=PRODUCT_PATH view=ProductPage />
                <Route path=SHOPS_PATH view=ShopsPage />
                <Route path=SHOP_PATH view=ShopPage />
                <Route path=BASKET_PATH view=BasketPage />
                <Route path=CHECKOUT_PATH view=CheckoutPage />
                <Route path=CONFIRMATION_PATH view=ConfirmationPage />
                <Route path=TRACK_PATH view=TrackPage />
            </Routes>
        </main>
        <SiteFooter />
    }
}
