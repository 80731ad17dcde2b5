//! The app: context providers, the page frame (skip link, header, main, footer), the router,
//! and the route table of each bundle, the only route tables of the SPA.

use leptos::{ev::MouseEvent, html::Main, prelude::*};
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::{use_location, use_query_map},
};
use shared::bundle::Bundle;

use crate::{
    components::{SiteFooter, SiteHeader},
    i18n::{provide_i18n, tr},
    pages::{
        AssociationCategoriesPage, AssociationPage, BackOfficePage, BasketPage, CataloguePage,
        CheckoutPage, ConfirmationPage, EditProductPage, HomePage, JoinShopPage, LoginPage,
        MyOrdersPage, NewProductPage, NotFoundPage, PhoneOrderPage, ProductPage, RegisterPage,
        ShopKeysPage, ShopOrdersPage, ShopPage, ShopProductsPage, ShopProfilePage, ShopsPage,
        TrackPage,
    },
    pages::{LegalNoticePage, SettingsPage, SetupPage},
    routes::{
        ASSOCIATION_CATEGORIES_PATH, ASSOCIATION_PATH, BACK_OFFICE_PATH, BASKET_PATH,
        CATALOGUE_PATH, CHECKOUT_PATH, CONFIRMATION_PATH, EDIT_PRODUCT_PATH, HOME_PATH,
        JOIN_SHOP_PATH, LOGIN_PATH, MY_ORDERS_PATH, NEW_PRODUCT_PATH, PHONE_ORDER_PATH,
        PRODUCT_PATH, REGISTER_PATH, SHOP_KEYS_PATH, SHOP_ORDERS_PATH, SHOP_PATH,
        SHOP_PRODUCTS_PATH, SHOP_PROFILE_PATH, SHOPS_PATH, TRACK_PATH,
    },
    routes::{LEGAL_PATH, SETTINGS_PATH, SETUP_PATH},
    state::{
        cart::provide_cart,
        marketplace::{provide_marketplace, use_marketplace},
        session::provide_session,
    },
};
// The delivery zone and days (issue 9).
use crate::{pages::DeliveryPage, routes::DELIVERY_PATH};
// Terms (issue 15).
use crate::{
    pages::{ShopTermsPage, TermsPage},
    routes::{SHOP_TERMS_PATH, TERMS_PATH},
};
// The association's mailbox (issue 12).
use crate::{pages::MailboxPage, routes::MAILBOX_PATH};
// The association's dashboard (issue 13).
use crate::{pages::DashboardPage, routes::DASHBOARD_PATH};
// The printed directory of shops (issue 13).
use crate::{pages::DirectoryPage, routes::DIRECTORY_PATH};
// Personal data (issue 15).
use crate::{
    pages::{AssociationPrivacyPage, PrivacyPage},
    routes::{ASSOCIATION_PRIVACY_PATH, PRIVACY_PATH},
};
// Webhooks (issue 17).
use crate::{
    pages::WebhooksPage,
    routes::{ASSOCIATION_WEBHOOKS_PATH, SHOP_WEBHOOKS_PATH},
};
// E-mails (issue 12): an e-mail's unsubscribe link.
use crate::{pages::UnsubscribePage, routes::UNSUBSCRIBE_PATH};
// Delivery rounds (issue 11).
use crate::{
    pages::{MyRoundPage, RoundSheetsPage, RoundsPage},
    routes::{MY_ROUND_PATH, ROUND_SHEETS_PATH, ROUNDS_PATH},
};
// E-mail links (issue 12).
use crate::{
    pages::{ForgotPasswordPage, NewPasswordPage, VerifyEmailPage},
    routes::{FORGOT_PASSWORD_PATH, NEW_PASSWORD_PATH, VERIFY_EMAIL_PATH},
};
// People (account administration).
use crate::{
    pages::{PeoplePage, PersonPage, ResetWithCodePage},
    routes::{PEOPLE_PATH, PERSON_PATH, RESET_WITH_CODE_PATH},
};

/// The id of `<main>`, which the skip link targets.
const MAIN_ID: &str = "contenu";

/// The app of one bundle, whose pages are the routes `routes` returns.
pub fn root<R: IntoView + 'static>(bundle: Bundle, routes: fn() -> R) -> impl IntoView {
    provide_i18n();
    provide_marketplace();
    provide_cart();
    provide_session();
    provide_context(bundle);
    #[cfg(target_arch = "wasm32")]
    leave_other_bundles_to_the_browser(bundle);
    view! { <Router>{frame(routes)}</Router> }
}

/// Makes a click on a link to a page of another bundle an ordinary page load: just before
/// the router sees the click, the link gets `rel="external"`, which the router leaves to the
/// browser. (A navigation the router does start, from code, reaches [`ElsewherePage`].)
#[cfg(target_arch = "wasm32")]
fn leave_other_bundles_to_the_browser(here: Bundle) {
    use leptos::wasm_bindgen::{JsCast, closure::Closure};
    let on_click = Closure::<dyn Fn(MouseEvent)>::new(move |event: MouseEvent| {
        let anchor = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten());
        let Some(anchor) = anchor else {
            return;
        };
        let href = anchor.get_attribute("href").unwrap_or_default();
        if !href.starts_with('/') || href.starts_with("//") {
            return;
        }
        let path = href.split(['?', '#']).next().unwrap_or_default();
        if Bundle::for_path(path) != here {
            let _ = anchor.set_attribute("rel", "external");
        }
    });
    // Capturing, on the document: before the router's listener on the window.
    let _ = document().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // It lives as long as the page.
    on_click.forget();
}

/// The pages of the browsing bundle.
pub fn browse_routes() -> impl IntoView {
    view! {
        <Routes fallback=ElsewherePage>
            <Route path=HOME_PATH view=HomePage />
            <Route path=CATALOGUE_PATH view=CataloguePage />
            <Route path=PRODUCT_PATH view=ProductPage />
            <Route path=SHOPS_PATH view=ShopsPage />
            <Route path=SHOP_PATH view=ShopPage />
            <Route path=LEGAL_PATH view=LegalNoticePage />
        </Routes>
    }
}

/// The pages of the ordering bundle.
pub fn order_routes() -> impl IntoView {
    view! {
        <Routes fallback=ElsewherePage>
            <Route path=BASKET_PATH view=BasketPage />
            <Route path=CHECKOUT_PATH view=CheckoutPage />
            <Route path=CONFIRMATION_PATH view=ConfirmationPage />
            <Route path=TRACK_PATH view=TrackPage />
            <Route path=LOGIN_PATH view=LoginPage />
            <Route path=REGISTER_PATH view=RegisterPage />
            <Route path=MY_ORDERS_PATH view=MyOrdersPage />
            // People (account administration).
            <Route path=RESET_WITH_CODE_PATH view=ResetWithCodePage />
            // E-mail links (issue 12).
            <Route path=FORGOT_PASSWORD_PATH view=ForgotPasswordPage />
            <Route path=NEW_PASSWORD_PATH view=NewPasswordPage />
            <Route path=VERIFY_EMAIL_PATH view=VerifyEmailPage />
            // E-mails (issue 12): an e-mail's unsubscribe link.
            <Route path=UNSUBSCRIBE_PATH view=UnsubscribePage />
            // Terms and personal data (issue 15): with the checkout and the account that
            // link to them, out of the browsing bundle for its size (issue 16).
            <Route path=PRIVACY_PATH view=PrivacyPage />
            <Route path=TERMS_PATH view=TermsPage />
            <Route path=SHOP_TERMS_PATH view=ShopTermsPage />
        </Routes>
    }
}

/// The pages of the shops' back-office bundle.
pub fn back_office_routes() -> impl IntoView {
    view! {
        <Routes fallback=ElsewherePage>
            <Route path=BACK_OFFICE_PATH view=BackOfficePage />
            <Route path=ASSOCIATION_PATH view=AssociationPage />
            <Route path=ASSOCIATION_CATEGORIES_PATH view=AssociationCategoriesPage />
            <Route path=SHOP_ORDERS_PATH view=ShopOrdersPage />
            <Route path=SHOP_PRODUCTS_PATH view=ShopProductsPage />
            // The new product's page before the edit page, whose id would not match "nouveau".
            <Route path=NEW_PRODUCT_PATH view=NewProductPage />
            <Route path=EDIT_PRODUCT_PATH view=EditProductPage />
            <Route path=JOIN_SHOP_PATH view=JoinShopPage />
            <Route path=SHOP_PROFILE_PATH view=ShopProfilePage />
            <Route path=SHOP_KEYS_PATH view=ShopKeysPage />
            // Webhooks (issue 17): the association's before the shops' (see the path).
            <Route path=ASSOCIATION_WEBHOOKS_PATH view=WebhooksPage />
            <Route path=SHOP_WEBHOOKS_PATH view=WebhooksPage />
            <Route path=PHONE_ORDER_PATH view=PhoneOrderPage />
            // The delivery zone and days (issue 9).
            <Route path=DELIVERY_PATH view=DeliveryPage />
            <Route path=MAILBOX_PATH view=MailboxPage />
            <Route path=DASHBOARD_PATH view=DashboardPage />
            <Route path=DIRECTORY_PATH view=DirectoryPage />
            <Route path=ASSOCIATION_PRIVACY_PATH view=AssociationPrivacyPage />
            <Route path=SETUP_PATH view=SetupPage />
            <Route path=SETTINGS_PATH view=SettingsPage />
            // People (account administration).
            <Route path=PEOPLE_PATH view=PeoplePage />
            <Route path=PERSON_PATH view=PersonPage />
            // Delivery rounds (issue 11).
            <Route path=ROUNDS_PATH view=RoundsPage />
            <Route path=ROUND_SHEETS_PATH view=RoundSheetsPage />
            <Route path=MY_ROUND_PATH view=MyRoundPage />
        </Routes>
    }
}

/// What the router shows for a path none of its routes match: a page of another bundle
/// (reached by a navigation started from code; links are left to the browser by
/// [`leave_other_bundles_to_the_browser`]) is loaded from the server, anything else is
/// "page introuvable".
#[component]
fn ElsewherePage() -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let here = use_context::<Bundle>().unwrap_or(Bundle::Browse);
    if Bundle::for_path(&path) == here {
        return view! { <NotFoundPage /> }.into_any();
    }
    let mut href = path;
    let search = location.search.get_untracked();
    if !search.is_empty() {
        href.push('?');
        href.push_str(&search);
    }
    href.push_str(&location.hash.get_untracked());
    // The router records the new address in the history after this view is built; loading
    // the other bundle's page in place of that entry keeps the back button right.
    set_timeout(
        move || {
            let _ = window().location().replace(&href);
        },
        std::time::Duration::ZERO,
    );
    view! { <p class="loading" role="status">{tr(|t| t.loading)}</p> }.into_any()
}

/// Visits (issue 13): each public page shown (a new path) is reported to the server,
/// without a cookie or an identifier; the back-office's pages are not.
fn count_visits(pathname: Memo<String>) {
    let here = use_context::<Bundle>().unwrap_or(Bundle::Browse);
    if here == Bundle::BackOffice {
        return;
    }
    let query = use_query_map();
    let market = use_marketplace();
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
        // A path of another bundle is loaded, and counted, by that bundle; a server that
        // counts nothing (`--no-visit-count`) is not sent anything.
        let counted = market.with(|m| m.counts_visits);
        if counted && previous.as_ref() != Some(&current) && Bundle::for_path(&current) == here {
            let src = query.with_untracked(crate::routes::visit_source);
            crate::api::send_visit(&shared::stats::Visit {
                page: crate::routes::visit_page(&current),
                src,
            });
        }
        current
    });
}

/// What every page shares around the routed content: the skip link, the header, `<main>` and
/// the footer.
fn frame<R: IntoView + 'static>(routes: fn() -> R) -> impl IntoView {
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
    count_visits(pathname);
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
        if previous.is_some_and(|previous| previous != current) {
            focus_main();
        }
        current
    });
    // The page shell's embedded first answer (issue 16) is for the page the app started on.
    let search = use_location().search;
    Effect::new(move |previous: Option<(String, String)>| {
        let current = (pathname.get(), search.get());
        if previous.is_some_and(|previous| previous != current) {
            crate::api::forget_initial();
        }
        current
    });
    #[cfg(target_arch = "wasm32")]
    let content = routes();
    // Drawn by the server (issue 16), the page's buttons and fields are disabled: nothing would
    // answer them before the app takes over (its links work as they are).
    #[cfg(not(target_arch = "wasm32"))]
    let content = view! { <fieldset class="drawn" disabled>{routes()}</fieldset> };
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>
            {tr(|t| t.skip_to_content)}
        </a>
        <SiteHeader />
        <main id=MAIN_ID tabindex="-1" node_ref=main_ref>
            {content}
        </main>
        <SiteFooter />
    }
}
