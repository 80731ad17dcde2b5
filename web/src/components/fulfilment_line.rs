//! When and how an order reaches the shopper, and how it is paid.

use leptos::prelude::*;
use shared::cart::FulfilmentMethod;

use crate::i18n::{tr, tr_with};

/// "Livraison gratuite le mardi 1er décembre" in bold, then "Paiement à la livraison" (or the
/// pickup's words).
///
/// Browser tests rely on `[data-testid="order-date"]`, whose `data-date` is the ISO date.
#[component]
pub fn FulfilmentLine(
    /// Delivery or pickup.
    method: FulfilmentMethod,
    /// The day, `YYYY-MM-DD`.
    date: String,
) -> impl IntoView {
    let (when, pay) = match method {
        FulfilmentMethod::Delivery => (
            tr_with(|t| t.delivery_date, date.clone()),
            tr(|t| t.pay_on_delivery),
        ),
        FulfilmentMethod::Pickup => (
            tr_with(|t| t.pickup_date, date.clone()),
            tr(|t| t.pay_on_pickup),
        ),
    };
    view! {
        <p class="fulfilment-line__when" data-testid="order-date" data-date=date>
            <strong>{when}</strong>
        </p>
        <p class="fulfilment-line__pay">{pay}</p>
    }
}
