//! The shops' back-office (the `/gestion` bundle): the shops one runs, and for each its
//! orders inbox ([`orders`], live), its products ([`products`], with [`product_edit`],
//! [`product_picture`] and [`product_csv`]); the association's page ([`association`]) for
//! admins, with the marketplace's categories ([`categories`]) and its delivery zone and days
//! ([`delivery`]). A shopkeeper applies to join ([`join`]), keeps the shop's
//! profile ([`profile`]) and API keys ([`keys`]) up to date and enters orders taken on the
//! phone ([`phone_order`]). The association's admins set the marketplace up on its first
//! start ([`setup`]), change its settings later ([`settings`]) and manage accounts in
//! [`people`], read every e-mail sent or held in the [`mailbox`], and follow the
//! marketplace's figures on the [`dashboard`].
//!
//! Browser tests rely on `[data-testid="bo-shop"]` for each shop of the list.

mod association;
// The association's categories.
mod categories;
// The delivery zone and days (issue 9).
mod delivery;
mod join;
mod keys;
// Who sells, terms (issue 15).
mod legal_identity;
// The association's mailbox (issue 12).
mod mailbox;
// The association's dashboard (issue 13).
mod dashboard;
// E-mail settings (issue 12).
mod notifications;
mod order_lines;
mod orders;
// People (account administration).
mod people;
mod phone_order;
mod product_csv;
mod product_edit;
mod product_picture;
mod product_search;
mod product_variants;
mod products;
mod profile;
// Delivery rounds (issue 11): the planning, the sheets, the volunteer's phone view, the
// shop's next round.
mod my_round;
mod round_sheets;
// Products entered for a shop (issue 11).
mod product_help;
mod rounds;
mod settings;
mod setup;
mod shop_round;
// Webhooks (issue 17).
mod webhooks;
// The printed directory of shops (issue 13).
mod directory;
// Personal data (issue 15): the association's side.
mod privacy;

use leptos::prelude::*;
use shared::auth::Role;

pub use association::AssociationPage;
pub use categories::AssociationCategoriesPage;
pub use dashboard::DashboardPage;
pub use delivery::DeliveryPage;
pub use directory::DirectoryPage;
pub use join::JoinShopPage;
pub use keys::ShopKeysPage;
pub use mailbox::MailboxPage;
pub use my_round::MyRoundPage;
pub use orders::ShopOrdersPage;
pub use people::{PeoplePage, PersonPage};
pub use phone_order::PhoneOrderPage;
pub use privacy::AssociationPrivacyPage;
pub(crate) use product_csv::offer_download;
pub use product_edit::{EditProductPage, NewProductPage};
pub use products::ShopProductsPage;
pub use profile::ShopProfilePage;
pub use round_sheets::RoundSheetsPage;
pub use rounds::RoundsPage;
pub use settings::SettingsPage;
pub use setup::SetupPage;
pub use webhooks::WebhooksPage;

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, Loaded},
    i18n::{Text, tr, use_i18n},
    routes::Page,
    state::session::{SessionState, use_session},
};

/// `/gestion`: the shops the signed-in merchant runs, with their orders and products.
#[component]
pub fn BackOfficePage() -> impl IntoView {
    setup::send_admins_to_setup();
    let session = use_session();
    let shops = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        api::my_shops(&token).await.map(|page| Some(page.items))
    });
    let loaded = move |shops: Option<Vec<shared::shop_admin::ShopProfile>>| {
        let Some(shops) = shops else {
            return view! { <LoginNeeded /> }.into_any();
        };
        if shops.is_empty() {
            return view! { <p>{tr(|t| t.bo().bo_no_shop)}</p> }.into_any();
        }
        let rows = shops
            .into_iter()
            .map(|shop| {
                let active = shop.status == shared::shop_admin::ShopStatus::Active;
                // Who sells (issue 15): no order until the legal identity is given.
                let identity_form = format!(
                    "{}#identite-legale",
                    Page::ShopProfile(shop.slug.clone()).href()
                );
                let no_identity = shop.legal.is_none().then(|| {
                    view! {
                        <div class="notice notice--alert" data-testid="orders-blocked">
                            <p><strong>{tr(|t| t.legal().orders_blocked_banner)}</strong></p>
                            <p><a class="button" href=identity_form>{tr(|t| t.legal().orders_blocked_link)}</a></p>
                        </div>
                    }
                });
                view! {
                    <li class="bo-shop" data-testid="bo-shop">
                        <h2>{shop.name}</h2>
                        {no_identity}
                        {(!active).then(|| view! { <p class="bo-shop__status">{tr(|t| t.bo().bo_not_active)}</p> })}
                        <p class="bo-shop__links">
                            <a class="button" href=Page::ShopOrders(shop.slug.clone()).href()>
                                {tr(|t| t.bo().bo_orders_link)}
                            </a>
                            <a class="button button--secondary" href=Page::ShopProducts(shop.slug.clone()).href()>
                                {tr(|t| t.bo().bo_products_link)}
                            </a>
                            <a class="button button--secondary" href=Page::PhoneOrder(shop.slug.clone()).href()>
                                {tr(|t| t.bo().bo_phone_link)}
                            </a>
                            <a class="button button--secondary" href=Page::ShopProfile(shop.slug.clone()).href()>
                                {tr(|t| t.bo().bo_profile_link)}
                            </a>
                            <a class="button button--secondary" href=Page::ShopKeys(shop.slug.clone()).href()>
                                {tr(|t| t.bo().bo_keys_link)}
                            </a>
                            <a class="button button--secondary" href=Page::Webhooks(Some(shop.slug)).href()>
                                {tr(|t| t.webhooks().link)}
                            </a>
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="bo-shops">{rows}</ul> }.into_any()
    };
    let is_admin = move || session.user().is_some_and(|user| user.role == Role::Admin);
    let is_volunteer = move || {
        session
            .user()
            .is_some_and(|user| user.role == Role::Volunteer)
    };
    view! {
        <Frame heading=|t| t.bo().bo_heading>
            {move || is_admin().then(|| view! {
                <p><a class="button" href=Page::Association.href()>{tr(|t| t.bo().bo_association_link)}</a></p>
            })}
            {move || is_volunteer().then(|| view! {
                <p><a class="button" href=Page::MyRound.href()>{tr(|t| t.rounds().my_link)}</a></p>
            })}
            <Loaded resource=shops loaded />
            {move || is_volunteer().then(|| view! { <product_help::HelpedShopsSection /> })}
            <p><a class="button button--secondary" href=Page::JoinShop.href()>{tr(|t| t.bo().bo_join_link)}</a></p>
        </Frame>
    }
}

/// The signed-in caller's access token, or the error a page shows when the session ended.
pub(crate) async fn token(session: SessionState) -> Result<String, ApiError> {
    session
        .access_token()
        .await
        .ok_or_else(|| ApiError::Network("signed out".to_owned()))
}

/// "Log in with your shop's account", with the link that comes back here.
#[component]
fn LoginNeeded() -> impl IntoView {
    let here = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    view! {
        <p>{tr(|t| t.bo().bo_login_needed)}</p>
        <p>
            <a class="button" href=Page::Login(Some(here)).href()>{tr(|t| t.login_link)}</a>
        </p>
    }
}

/// A back-office page: its heading (also the document's title) and the way back to the
/// shops list.
#[component]
fn Frame(heading: Text, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || heading(i18n.t()).to_owned());
    view! {
        <DocumentTitle text=title />
        <div class="page page--narrow back-office">
            <p><a href=Page::BackOffice.href()>{tr(|t| t.bo().bo_all_shops)}</a></p>
            <h1>{tr(heading)}</h1>
            {children()}
        </div>
    }
}
