//! The site's footer.

use leptos::prelude::*;

use crate::{
    i18n::{tr, use_i18n},
    routes::Page,
    state::marketplace::use_marketplace,
};

/// The `<footer>` landmark shown on every page: delivery days, the association's phone for
/// orders, what the visit counter counts (issue 13), or that it counts nothing when the
/// server says so (`--no-visit-count`), who runs the site (from the settings) and the links
/// to the legal notices, the privacy page and the terms of use.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    let market = use_marketplace();
    let run_by = move || {
        let publisher = market.with(|m| m.legal.publisher_name.clone());
        (i18n.t().marketplace.footer_run_by)(&publisher)
    };
    let phone = move || {
        let phone = market.with(|m| m.contact.phone.clone());
        (!phone.is_empty()).then(|| {
            view! { <p>{move || (i18n.t().marketplace.footer_phone)(&phone)}</p> }
        })
    };
    let visits = move || {
        let t = i18n.t();
        if market.with(|m| m.counts_visits) {
            t.footer_visits
        } else {
            t.footer_no_visits
        }
    };
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{tr(|t| t.footer_delivery)}</p>
                <p data-testid="footer-visits">{visits}</p>
                {phone}
                <p>{run_by}</p>
                <p>{move || i18n.t().seller.marketplace_statement}</p>
                <p>
                    <a href=Page::LegalNotice.href()>{tr(|t| t.marketplace.footer_legal_link)}</a>
                    " · "
                    <a href=Page::Privacy.href()>{tr(|t| t.marketplace.footer_privacy_link)}</a>
                    " · "
                    <a href=Page::Terms.href()>{move || i18n.t().seller.terms_of_use}</a>
                </p>
            </div>
        </footer>
    }
}
