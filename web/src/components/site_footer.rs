//! The site's footer.

use leptos::prelude::*;

use crate::i18n::tr;

/// The `<footer>` landmark shown on every page: delivery days and who runs Vitrine.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{tr(|t| t.footer_delivery)}</p>
                <p>{tr(|t| t.footer_about)}</p>
            </div>
        </footer>
    }
}
