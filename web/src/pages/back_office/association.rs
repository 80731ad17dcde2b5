//! The association's page: the shops waiting for approval, and the way to the marketplace's
//! categories.

use leptos::{prelude::*, task::spawn_local};
use shared::{error::ErrorCode, shop_admin::AdminShop};

use super::{Frame, LoginNeeded};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText},
    i18n::{tr, use_i18n},
    routes::Page,
    state::session::use_session,
};

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
        Some(None) => view! { <p>{tr(|t| t.bo_association_only)}</p> }.into_any(),
        Some(Some(shops)) => {
            let pending = if shops.is_empty() {
                view! { <p>{tr(|t| t.bo_none_pending)}</p> }.into_any()
            } else {
                let rows = shops
                    .into_iter()
                    .map(|shop| view! { <PendingShop shop /> })
                    .collect_view();
                view! { <ul class="bo-shops">{rows}</ul> }.into_any()
            };
            view! {
                // The association's categories.
                <p><a class="button button--secondary" href=Page::AssociationCategories.href()>{tr(|t| t.categories.link)}</a></p>
                {pending}
            }
            .into_any()
        }
    };
    view! {
        <Frame heading=|t| t.bo_association_heading>
            // The delivery zone and days (issue 9).
            <p><a class="button button--secondary" href=Page::Delivery.href()>{tr(|t| t.delivery.link)}</a></p>
            <Loaded resource loaded />
        </Frame>
    }
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
    view! {
        <li class="bo-shop" data-testid="pending-shop" data-slug=shop.slug.clone()>
            <h2>{shop.name}</h2>
            <p>{move || i18n.t().kind(kind)} " · " {shop.commune} " · " {shop.phone}</p>
            {move || {
                if approved.get() {
                    view! { <p role="status">{tr(|t| t.bo_approved)}</p> }.into_any()
                } else {
                    view! {
                        <button type="button" class="button" on:click=approve.clone()>
                            {tr(|t| t.bo_approve)}
                        </button>
                    }
                    .into_any()
                }
            }}
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.problem_conflict /> })}
        </li>
    }
}
