//! One order as its shopper sees it.

use leptos::prelude::*;
use shared::{legal::WithdrawalException, order::Order};

use crate::{
    components::{FulfilmentLine, SellerIdentity},
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
        seller,
        terms,
        withdrawal_deadline,
        ..
    } = order;
    let legal = move || i18n.t().legal();
    let seller = seller.map(|seller| {
        view! { <SellerIdentity shop_name=seller.shop_name legal=seller.legal card=number.clone() /> }
    });
    let terms = terms.map(|terms| {
        move || {
            (legal().accepted_terms)(
                terms.terms_of_use_version,
                terms.terms_of_sale_version,
                &terms.accepted_at,
            )
        }
    });
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
        .map(|line| {
            let exception = line.withdrawal_exception;
            let excepted = (exception != WithdrawalException::None).then_some(move || {
                format!(
                    " ({} : {})",
                    legal().withdrawal_excepted,
                    legal().exception(exception)
                )
            });
            let withdrawn = line
                .withdrawn_at
                .is_some()
                .then_some(move || format!(" — {}", legal().withdrawn));
            view! { <li>{format!("{} × {}", line.quantity, line.name)} {excepted} {withdrawn}</li> }
        })
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
            {seller}
            <div class="order-card__withdrawal" data-testid="withdrawal-info">
                <h3>{move || legal().withdrawal_heading}</h3>
                <p>{move || legal().withdrawal_text}</p>
                {withdrawal_deadline
                    .map(|date| view! { <p>{move || (legal().withdrawal_until)(&date)}</p> })}
                {terms.map(|terms| view! { <p class="order-card__terms">{terms}</p> })}
            </div>
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
