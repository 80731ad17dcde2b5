//! The legal notices (`/mentions-legales`) every French website must show: who publishes
//! the site (the association, its director of publication) and who hosts it, from the
//! marketplace's settings.
//!
//! Browser tests rely on `[data-testid="legal-publisher"]` and `[data-testid="legal-host"]`.

use leptos::prelude::*;

use crate::{
    components::DocumentTitle,
    i18n::{Text, tr, use_i18n},
    state::marketplace::use_marketplace,
};

/// `/mentions-legales`.
#[component]
pub fn LegalNoticePage() -> impl IntoView {
    let i18n = use_i18n();
    let market = use_marketplace();
    let what = move || {
        let town = market.with(|m| m.town.clone());
        (i18n.t().marketplace.legal_what)(&town)
    };
    let run_by = move || {
        let publisher = market.with(|m| m.legal.publisher_name.clone());
        (!publisher.is_empty()).then(|| (i18n.t().marketplace.legal_run_by)(&publisher))
    };
    let publisher = move || {
        market.with(|m| -> [(Text, String); 3] {
            [
                (|t| t.marketplace.legal_name, m.legal.publisher_name.clone()),
                (
                    |t| t.marketplace.legal_address,
                    m.legal.publisher_address.clone(),
                ),
                (
                    |t| t.marketplace.legal_director,
                    m.legal.publication_director.clone(),
                ),
            ]
        })
    };
    let host = move || {
        market.with(|m| -> [(Text, String); 3] {
            [
                (|t| t.marketplace.legal_name, m.legal.host_name.clone()),
                (
                    |t| t.marketplace.legal_address,
                    m.legal.host_address.clone(),
                ),
                (|t| t.marketplace.legal_phone, m.legal.host_phone.clone()),
            ]
        })
    };
    let contact = move || {
        market.with(|m| -> [(Text, String); 3] {
            [
                (|t| t.marketplace.legal_phone, m.contact.phone.clone()),
                (|t| t.marketplace.legal_email, m.contact.email.clone()),
                (|t| t.marketplace.legal_address, m.contact.address.clone()),
            ]
        })
    };
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t().marketplace.legal_heading.to_owned()) />
        <div class="page page--narrow legal">
            <h1>{tr(|t| t.marketplace.legal_heading)}</h1>
            <p>{what} " " {run_by}</p>
            <section aria-labelledby="legal-publisher-heading" data-testid="legal-publisher">
                <h2 id="legal-publisher-heading">{tr(|t| t.marketplace.legal_publisher)}</h2>
                {move || facts(publisher())}
            </section>
            <section aria-labelledby="legal-host-heading" data-testid="legal-host">
                <h2 id="legal-host-heading">{tr(|t| t.marketplace.legal_host)}</h2>
                {move || facts(host())}
            </section>
            <section aria-labelledby="legal-contact-heading">
                <h2 id="legal-contact-heading">{tr(|t| t.marketplace.legal_contact)}</h2>
                {move || facts(contact())}
            </section>
            <p>{tr(|t| t.marketplace.legal_software)}</p>
        </div>
    }
}

/// Labelled facts; an empty one says it is not provided yet.
fn facts(rows: [(Text, String); 3]) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|(label, value)| {
            let value = if value.is_empty() {
                view! { <dd class="legal__missing">{tr(|t| t.marketplace.legal_missing)}</dd> }
                    .into_any()
            } else {
                view! { <dd class="legal__value">{value}</dd> }.into_any()
            };
            view! { <dt>{tr(label)}</dt> {value} }
        })
        .collect_view();
    view! { <dl class="legal__facts">{rows}</dl> }
}
