//! Who sells (issue 15): a shop's legal identity, on its page and on every order.
//!
//! Browser tests rely on `[data-testid="seller"]`.

use leptos::prelude::*;
use shared::legal::ShopLegal;

use crate::i18n::use_i18n;

/// "Vendu par" and the seller's legal identity; a note when the shop has not given it yet.
#[component]
pub fn SellerIdentity(
    /// The shop's name.
    shop_name: String,
    /// Its legal identity, if given.
    legal: Option<ShopLegal>,
    /// On an order card: a smaller heading, its id made unique by this suffix.
    #[prop(optional)]
    card: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().seller;
    let facts = legal.map(|legal| {
        let vat = legal
            .vat_number
            .clone()
            .map(|number| (Some(number), None))
            .unwrap_or((None, legal.vat_mention.clone()));
        view! {
            <dl class="legal__facts">
                <dt>{move || t().legal_name}</dt>
                <dd>{legal.legal_name.clone()}</dd>
                <dt>{move || t().legal_form}</dt>
                <dd>{legal.legal_form_label.clone()}</dd>
                <dt>{move || t().siret}</dt>
                <dd>{legal.siret.clone()}</dd>
                <dt>{move || t().registration}</dt>
                <dd>{legal.registration_mention.clone()}</dd>
                {vat.0.map(|number| view! {
                    <dt>{move || t().vat_number}</dt>
                    <dd>{number}</dd>
                })}
                <dt>{move || t().responsible}</dt>
                <dd>{legal.responsible.clone()}</dd>
            </dl>
            {vat.1.map(|mention| view! { <p class="shop__vat">{mention}</p> })}
        }
    });
    let missing = facts.is_none();
    let id = format!("seller-{}", card.clone().unwrap_or_default());
    let heading = if card.is_some() {
        view! { <h3 id=id.clone()>{move || t().sold_by} " " {shop_name}</h3> }.into_any()
    } else {
        view! { <h2 id=id.clone()>{move || t().sold_by} " " {shop_name}</h2> }.into_any()
    };
    view! {
        <section class="seller" aria-labelledby=id data-testid="seller">
            {heading}
            {facts}
            {missing.then(|| view! { <p>{move || t().identity_missing}</p> })}
        </section>
    }
}
