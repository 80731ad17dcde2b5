//! The association's page: the shops waiting for approval, and the navigation between the
//! association's pages (dashboard, setup, settings, categories, delivery, rounds, people,
//! mail, webhooks, the printed directory).

use leptos::{prelude::*, task::spawn_local};
use shared::{error::ErrorCode, shop_admin::AdminShop};

use super::{Frame, LoginNeeded};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText},
    i18n::{Text, tr, use_i18n},
    routes::{Page, PeopleFilter},
    state::session::use_session,
};

/// A group of the association's navigation: its heading's id, its heading, its pages.
type NavGroup = (&'static str, Text, Vec<(Page, Text)>);

/// The association's pages in three groups (what is done every week, how the site is set
/// up, people and data), the current one marked: twelve links in one cloud were hard to
/// scan on a phone.
#[component]
pub(super) fn AssociationNav() -> impl IntoView {
    let here = leptos_router::hooks::use_location().pathname;
    let weekly: [(Page, Text); 5] = [
        (Page::Association, |t| t.marketplace.nav_shops),
        (Page::Dashboard, |t| t.dashboard().nav),
        (Page::Rounds(None), |t| t.rounds().nav),
        (Page::Mailbox, |t| t.mailbox().nav),
        (Page::Directory, |t| t.directory().nav),
    ];
    let site: [(Page, Text); 4] = [
        (Page::Setup, |t| t.marketplace.nav_setup),
        (Page::Settings, |t| t.marketplace.nav_settings),
        (Page::AssociationCategories, |t| {
            t.marketplace.nav_categories
        }),
        (Page::Delivery, |t| t.marketplace.nav_delivery),
    ];
    let people: [(Page, Text); 3] = [
        (Page::People(PeopleFilter::default()), |t| {
            t.marketplace.nav_people
        }),
        (Page::AssociationPrivacy, |t| t.privacy().nav),
        (Page::Webhooks(None), |t| t.webhooks().nav),
    ];
    let groups: [NavGroup; 3] = [
        ("nav-semaine", |t| t.bo().bo_nav_weekly, weekly.into()),
        ("nav-site", |t| t.bo().bo_nav_site, site.into()),
        ("nav-personnes", |t| t.bo().bo_nav_people, people.into()),
    ];
    let groups = groups
        .into_iter()
        .map(|(id, heading, pages)| {
            let links = pages
                .into_iter()
                .map(|(page, label)| {
                    let href = page.href();
                    let current = {
                        let href = href.clone();
                        move || (here.get() == href).then_some("page")
                    };
                    view! { <li><a href=href aria-current=current>{tr(label)}</a></li> }
                })
                .collect_view();
            view! {
                <div class="bo-subnav__group">
                    <p class="bo-subnav__heading" id=id>{tr(heading)}</p>
                    <ul aria-labelledby=id>{links}</ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <nav class="bo-subnav" aria-label=tr(|t| t.marketplace.nav_heading)>
            {groups}
        </nav>
    }
}

/// The association's page: the shops waiting for approval, each approved with one click.
#[component]
pub fn AssociationPage() -> impl IntoView {
    let session = use_session();
    let resource = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        match api::pending_shops(&token).await {
            Ok(page) => Ok(Some(Some(page.items))),
            // Not an admin: the route does not exist for them.
            Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => Ok(Some(None)),
            Err(error) => Err(error),
        }
    });
    let loaded = move |shops: Option<Option<Vec<AdminShop>>>| match shops {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(Some(shops)) if shops.is_empty() => {
            view! { <p>{tr(|t| t.bo().bo_none_pending)}</p> }.into_any()
        }
        Some(Some(shops)) => {
            let rows = shops
                .into_iter()
                .map(|shop| view! { <PendingShop shop /> })
                .collect_view();
            view! { <ul class="bo-shops">{rows}</ul> }.into_any()
        }
    };
    view! {
        <Frame heading=|t| t.bo().bo_association_heading>
            <AssociationNav />
            <Loaded resource loaded />
            <ActiveWithoutIdentity />
        </Frame>
    }
}

/// The active shops that have not given their legal identity (issue 15): they cannot take
/// orders until they do. Only for the association's admins; nothing for anyone else.
#[component]
fn ActiveWithoutIdentity() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let resource = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        match api::active_shops(&token).await {
            Ok(page) => Ok(Some(
                page.items
                    .into_iter()
                    .filter(|shop| !shop.legal_complete)
                    .collect::<Vec<_>>(),
            )),
            Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    });
    let loaded = move |shops: Option<Vec<AdminShop>>| {
        shops.map(|shops| {
            let list = if shops.is_empty() {
                view! { <p>{move || i18n.t().legal().active_missing_none}</p> }.into_any()
            } else {
                let rows = shops
                    .into_iter()
                    .map(|shop| {
                        let profile = format!(
                            "{}#identite-legale",
                            Page::ShopProfile(shop.slug.clone()).href()
                        );
                        view! {
                            <li data-testid="active-without-identity" data-slug=shop.slug>
                                <a href=profile>{shop.name}</a>
                                " · " {shop.commune} " · " {shop.phone}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <p>{move || i18n.t().legal().active_missing_intro}</p>
                    <ul>{rows}</ul>
                }
                .into_any()
            };
            view! {
                <section class="bo-section" aria-labelledby="sans-identite">
                    <h2 id="sans-identite">{move || i18n.t().legal().active_missing_heading}</h2>
                    {list}
                </section>
            }
        })
    };
    view! { <Loaded resource loaded /> }
}

/// A shop waiting for approval: who, where, and the button that puts it online.
#[component]
fn PendingShop(shop: AdminShop) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let approved = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let slug = shop.slug.clone();
    let approve = move |_| {
        let slug = slug.clone();
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::approve_shop(&token, &slug).await,
            };
            match result {
                Ok(_) => approved.set(true),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let kind = shop.kind;
    let profile = Page::ShopProfile(shop.slug.clone()).href();
    view! {
        <li class="bo-shop" data-testid="pending-shop" data-slug=shop.slug.clone()>
            <h2>{shop.name}</h2>
            <p>{move || i18n.t().kind(kind)} " · " {shop.commune} " · " {shop.phone}</p>
            {move || {
                if !shop.legal_complete {
                    // Approval would be refused (issue 15): say what is missing and where.
                    view! {
                        <p class="notice" data-testid="identity-missing">{move || i18n.t().legal().pending_identity_missing}</p>
                        <a class="button button--secondary" href=profile.clone()>{move || i18n.t().legal().fill_identity}</a>
                    }
                    .into_any()
                } else if approved.get() {
                    view! { <p role="status">{tr(|t| t.bo().bo_approved)}</p> }.into_any()
                } else {
                    view! {
                        <button type="button" class="button" on:click=approve.clone()>
                            {tr(|t| t.bo().bo_approve)}
                        </button>
                    }
                    .into_any()
                }
            }}
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.problem_conflict /> })}
        </li>
    }
}
