//! What checkout made: each shop's order, when and how it comes, how it is paid, and its
//! tracking link.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::order::Order;

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, Loaded, Missing, OrderCard},
    i18n::{Text, tr, use_i18n},
    routes::{self, Page},
};

/// The confirmation page, read from the tracking tokens in its address, so that it survives a
/// reload and can be kept as a bookmark.
///
/// Browser tests rely on `[data-testid="order"]` (one per order, `data-number` its number)
/// holding `[data-testid="order-date"]` (with `data-date`) and the tracking link
/// `[data-testid="track-link"]`.
#[component]
pub fn ConfirmationPage() -> impl IntoView {
    view! { <OrdersPage tracking=false /> }
}

/// The tracking page: one order and where it stands, in words, for whoever holds its link.
#[component]
pub fn TrackPage() -> impl IntoView {
    view! { <OrdersPage tracking=true /> }
}

/// The orders of the tracking tokens in the address: the confirmation's (in the query) or the
/// tracking page's one (in the path).
#[component]
fn OrdersPage(tracking: bool) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let heading: Text = if tracking {
        |t| t.track_heading
    } else {
        |t| t.confirmation_heading
    };
    let title = Signal::derive(move || heading(i18n.t()).to_owned());
    let orders = RwSignal::new(Vec::<Order>::new());
    let resource = LocalResource::new(move || {
        let tokens = if tracking {
            routes::track_token(&params.read()).into_iter().collect()
        } else {
            routes::confirmation_tokens(&query.read())
        };
        async move {
            let mut found = Vec::new();
            for token in tokens {
                if let Some(order) = api::track_order(&token).await? {
                    found.push(order);
                }
            }
            orders.set(found);
            Ok::<_, ApiError>(())
        }
    });
    let loaded = move |()| {
        let found = orders.get_untracked();
        if found.is_empty() {
            return view! {
                <Missing
                    heading=|t| t.track_not_found_heading
                    text=|t| t.track_not_found_text
                    link=Page::Home
                    link_text=|t| t.back_home
                />
            }
            .into_any();
        }
        let cards = found
            .into_iter()
            .map(|order| view! { <OrderCard order no_link=tracking /> })
            .collect_view();
        view! {
            <DocumentTitle text=title />
            <h1>{tr(heading)}</h1>
            {(!tracking).then(|| view! { <p>{tr(|t| t.confirmation_intro)}</p> })}
            <ul class="orders">{cards}</ul>
        }
        .into_any()
    };
    view! {
        <div class="page page--narrow orders-page">
            <Loaded resource loaded />
        </div>
    }
}
