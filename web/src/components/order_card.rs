//! One order as its shopper sees it.

use leptos::prelude::*;
use shared::order::Order;

use crate::{
    components::FulfilmentLine,
    i18n::{tr, tr_with, use_i18n},
    routes::Page,
};

/// One order: number, shop, day and way, payment, total, status and tracking link.
///
/// Browser tests rely on `[data-testid="order"]` (`data-number` its number) and the
/// tracking link `[data-testid="track-link"]`.
#[component]
pub fn OrderCard(
    order: Order,
    /// Leave out the link to the tracking page (on that page).
    #[prop(optional)]
    no_link: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let Order {
        number,
        shop,
        status,
        fulfilment,
        lines,
        total_cents,
        tracking_token,
        ..
    } = order;
    let place = match (
        fulfilment.address.clone(),
        fulfilment.pickup_address.clone(),
    ) {
        (Some(address), _) => Some(format!(
            "{}, {} {}",
            address.street, address.postcode, address.commune
        )),
        (None, pickup) => pickup,
    };
    let lines = lines
        .into_iter()
        .map(|line| view! { <li>{format!("{} × {}", line.quantity, line.name)}</li> })
        .collect_view();
    let number_text = number.clone();
    view! {
        <li class="order-card" data-testid="order" data-number=number>
            <h2 class="order-card__shop">{shop.name}</h2>
            <p class="order-card__number">{tr_with(|t| t.order_number, number_text)}</p>
            <FulfilmentLine method=fulfilment.method date=fulfilment.date />
            {place.map(|place| view! { <p>{place}</p> })}
            <ul class="summary__lines">{lines}</ul>
            <p class="order-card__pay">
                {tr(|t| t.total)} " : " <strong>{shared::money::format_eur(total_cents)}</strong>
            </p>
            <p>{tr(|t| t.status_label)} " " {move || i18n.t().status(status)}</p>
            {(!no_link)
                .then(|| {
                    view! {
                        <p>
                            <a
                                class="button button--secondary"
                                href=Page::Track(tracking_token).href()
                                data-testid="track-link"
                            >
                                {tr(|t| t.track_link)}
                            </a>
                        </p>
                    }
                })}
        </li>
    }
}
