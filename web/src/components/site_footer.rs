//! The site's footer.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The `<footer>` landmark shown on every page: delivery days and who runs Vitrine.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{move || i18n.t().footer_delivery}</p>
                <p>{move || i18n.t().footer_about}</p>
            </div>
        </footer>
    }
}
