//! A shop's side of the delivery rounds (issue 11), shown above its orders: the next round
//! (date, the time the bags must be ready, the orders to prepare and their bags) and the
//! last ones (delivered and paid by what and by whom, or failed and why).
//!
//! Browser tests rely on `[data-testid="shop-round"]` and `[data-testid="shop-round-order"]`
//! (`data-number`, `data-state`).

use leptos::prelude::*;
use shared::{
    money::format_eur,
    rounds::{ShopRoundDay, ShopRounds, StopState},
};

use crate::{
    api::{self, ApiError},
    components::Loaded,
    i18n::{Strings, tr, use_i18n},
    state::session::use_session,
};

/// The shop's next round and its last ones; nothing when it has none.
#[component]
pub fn ShopNextRound(slug: String) -> impl IntoView {
    let session = use_session();
    let resource = LocalResource::new(move || {
        let slug = slug.clone();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            Ok::<_, ApiError>(Some(api::shop_rounds(&token, &slug).await?))
        }
    });
    let loaded = move |rounds: Option<ShopRounds>| {
        let rounds = rounds?;
        if rounds.next.is_none() && rounds.past.is_empty() {
            return None;
        }
        Some(view! { <Rounds rounds /> })
    };
    view! { <Loaded resource loaded /> }
}

#[component]
fn Rounds(rounds: ShopRounds) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let next = rounds.next.map(|day| {
        let heading = format!(
            "{} : {}",
            t.rounds().shop_next,
            (t.rounds().date)(&day.date)
        );
        view! {
            <h3>{heading}</h3>
            <p>
                {(t.rounds().ready_at)(&day.ready_by)} " · " {(t.rounds().bags_total)(day.bags)}
                {day.collected.then(|| format!(" · {}", t.rounds().collected_done))}
            </p>
            {day_orders(t, &day)}
        }
    });
    let has_past = !rounds.past.is_empty();
    let past = rounds
        .past
        .into_iter()
        .map(|day| {
            view! {
                <h4>{(t.rounds().date)(&day.date)}</h4>
                {day_orders(t, &day)}
            }
        })
        .collect_view();
    view! {
        <section class="shop-round" data-testid="shop-round" aria-labelledby="shop-round-heading">
            <h2 id="shop-round-heading">{tr(|t| t.rounds().shop_heading)}</h2>
            {next}
            {has_past.then(|| view! {
                <details class="shop-round__past">
                    <summary>{tr(|t| t.rounds().shop_past)}</summary>
                    {past}
                </details>
            })}
        </section>
    }
}

/// The orders of one date, with where each stands.
fn day_orders(t: &'static Strings, day: &ShopRoundDay) -> impl IntoView + use<> {
    let r = t.rounds();
    let items = day
        .orders
        .iter()
        .map(|order| {
            let bags = order
                .bags
                .map(|bags| (r.bags)(bags))
                .unwrap_or_else(|| r.bags_unknown.to_owned());
            let state = match order.state {
                StopState::Pending => t.status(order.status).to_owned(),
                StopState::Delivered => {
                    let by = order.by.clone().unwrap_or_default();
                    match order.payment_method {
                        Some(method) => (r.shop_paid)(t.payment(method), &by),
                        None => (r.shop_delivered)(&by),
                    }
                }
                StopState::Failed => format!(
                    "{} : {}",
                    r.failed_done,
                    order.failure_reason.map(|reason| r.reason(reason)).unwrap_or_default()
                ),
            };
            let state_word = match order.state {
                StopState::Pending => "pending",
                StopState::Delivered => "delivered",
                StopState::Failed => "failed",
            };
            view! {
                <li data-testid="shop-round-order" data-number=order.number.clone() data-state=state_word>
                    <strong>{order.number.clone()}</strong>
                    {format!(" · {} ({}) · {} · {}", order.customer_name, order.commune, format_eur(order.total_cents), bags)}
                    {order.keep_cold.then(|| format!(" · {}", r.keep_cold))}
                    <br />
                    {state}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="shop-round__orders">{items}</ul> }
}
