//! One order as its shopper sees it.

use leptos::prelude::*;
use shared::{
    legal::WithdrawalException,
    measure::{format_per_unit, format_weight},
    money::format_eur,
    order::{Order, OrderLine},
    shop_orders::OrderEventKind,
};

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
        history,
        ..
    } = order;
    // The shop's changes after the call (issue 14): what was agreed, then each change.
    let changes: Vec<String> = history
        .unwrap_or_default()
        .into_iter()
        .filter(|event| event.kind == OrderEventKind::LinesChanged)
        .map(|event| event.note)
        .collect();
    let changes = (!changes.is_empty()).then(|| {
        let notes = changes
            .into_iter()
            .map(|note| view! { <p class="order-card__change">{note}</p> })
            .collect_view();
        view! {
            <div class="order-card__changes" data-testid="order-changes">
                <h3>{tr(|t| t.order_changed_heading)}</h3>
                {notes}
            </div>
        }
    });
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
            let text = move || line_text(&line, i18n.t().about);
            view! { <li data-testid="order-line">{text} {excepted} {withdrawn}</li> }
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
            {changes}
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

/// "1 × Bottines Lou en cuir — 39"; a line sold by weight adds "environ 250 g · environ
/// 5,75 € (23,00 €/kg)" before it is weighed, "262 g · 6,03 € (23,00 €/kg)" after.
fn line_text(line: &OrderLine, about: &str) -> String {
    let mut text = format!("{} × {}", line.quantity, line.name);
    if !line.variant_label.is_empty() {
        text.push_str(&format!(" — {}", line.variant_label));
    }
    if line.sold_by_weight {
        let total = format_eur(line.line_total_cents);
        match (line.actual_weight_g, line.estimated_weight_g) {
            (Some(grams), _) => text.push_str(&format!(" · {} · {total}", format_weight(grams))),
            (None, Some(grams)) => text.push_str(&format!(
                " · {about} {} · {about} {total}",
                format_weight(grams)
            )),
            (None, None) => {}
        }
        if let (Some(cents), Some(per)) = (line.price_per_unit_cents, line.price_per_unit) {
            text.push_str(&format!(" ({})", format_per_unit(cents, per)));
        }
    }
    text
}
