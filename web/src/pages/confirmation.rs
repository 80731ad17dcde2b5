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
            .map(|order| {
                let form = tracking.then(|| view! { <WithdrawalForm order=order.clone() /> });
                view! { <OrderCard order no_link=tracking /> {form} }
            })
            .collect_view();
        view! {
            <DocumentTitle text=title />
            <h1>{tr(heading)}</h1>
            {(!tracking).then(|| view! { <p>{tr(|t| t.confirmation_intro)}</p> })}
            <ul class="orders">{cards}</ul>
            // Personal data (issue 15): a guest asks for their data to be erased.
            {tracking.then(|| routes::track_token(&params.read_untracked())).flatten().map(|tracking| view! {
                <super::privacy::GuestErasure tracking />
            })}
        }
        .into_any()
    };
    view! {
        <div class="page page--narrow orders-page">
            <Loaded resource loaded />
        </div>
    }
}

/// The withdrawal form (issue 15) of a handed-over order, for its eligible lines, within
/// the 14 days: the legal model form's words, a tick per line, an optional message.
///
/// Browser tests rely on `[data-testid="withdrawal-form"]`.
#[component]
fn WithdrawalForm(order: Order) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().legal();
    let eligible: Vec<(i64, String, RwSignal<bool>)> = order
        .lines
        .iter()
        .filter(|line| {
            line.withdrawal_exception == shared::legal::WithdrawalException::None
                && line.withdrawn_at.is_none()
        })
        .map(|line| (line.id, line.full_name(), RwSignal::new(false)))
        .collect();
    if order.withdrawal_deadline.is_none() || eligible.is_empty() {
        return ().into_any();
    }
    let message = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<(), ApiError>>);
    let none_chosen = RwSignal::new(false);
    let (id, token) = (order.id, order.tracking_token.clone());
    let chosen = eligible.clone();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let line_ids: Vec<i64> = chosen
            .iter()
            .filter(|(_, _, ticked)| ticked.get_untracked())
            .map(|(id, _, _)| *id)
            .collect();
        none_chosen.set(line_ids.is_empty());
        if line_ids.is_empty() {
            return;
        }
        let request = shared::legal::RequestWithdrawal {
            line_ids,
            product_ids: Vec::new(),
            message: Some(message.get_untracked()).filter(|m| !m.trim().is_empty()),
            tracking_token: Some(token.clone()),
        };
        leptos::task::spawn_local(async move {
            let result = api::withdraw_from_order(id, &request, None).await;
            outcome.set(Some(result.map(|_| ())));
        });
    };
    let boxes = eligible
        .into_iter()
        .map(|(line_id, name, ticked)| {
            let input_id = format!("retractation-{id}-{line_id}");
            view! {
                <div class="check">
                    <input id=input_id.clone() type="checkbox" prop:checked=move || ticked.get()
                        on:change=move |ev| ticked.set(leptos::prelude::event_target_checked(&ev)) />
                    <label for=input_id>{name}</label>
                </div>
            }
        })
        .collect_view();
    let message_id = format!("retractation-message-{id}");
    view! {
        <li class="order-card" data-testid="withdrawal-form">
            <form on:submit=submit novalidate>
                <fieldset>
                    <legend>{move || t().withdrawal_heading}</legend>
                    <p>{move || t().withdrawal_form_intro}</p>
                    {boxes}
                    {move || none_chosen.get().then(|| view! { <p class="field__error" role="alert">{move || t().withdrawal_none_chosen}</p> })}
                </fieldset>
                <div class="field">
                    <label for=message_id.clone()>{move || t().withdrawal_message}</label>
                    <textarea id=message_id rows="3" maxlength="1000"
                        on:input=move |ev| message.set(leptos::prelude::event_target_value(&ev))></textarea>
                </div>
                <button type="submit" class="button button--secondary">{move || t().withdrawal_send}</button>
                {move || outcome.get().map(|result| match result {
                    Ok(()) => view! { <p role="status">{move || t().withdrawal_sent}</p> }.into_any(),
                    Err(error) => view! { <div class="form-problem" role="alert"><crate::components::ProblemText error /></div> }.into_any(),
                })}
            </form>
        </li>
    }
    .into_any()
}
