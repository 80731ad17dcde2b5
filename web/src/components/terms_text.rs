//! The text of terms (issue 15), with its version.
//!
//! Browser tests rely on `[data-testid="terms"]` (`data-version` its version).

use leptos::prelude::*;
use shared::legal::Terms;

use crate::i18n::use_i18n;

/// The text of terms: a paragraph per line, a heading for the first.
#[component]
pub fn TermsText(terms: Terms) -> impl IntoView {
    let i18n = use_i18n();
    let version = terms.version;
    let date = terms.published_at.clone();
    let mut lines = terms.body.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().unwrap_or_default().to_owned();
    let rest = lines
        .map(|line| {
            let line = line.to_owned();
            // A numbered title ("6. Droit de rétractation") stands out as a heading.
            let title = line.chars().next().is_some_and(|c| c.is_ascii_digit())
                && line.len() < 80
                && line.contains(". ");
            if title {
                view! { <h3>{line}</h3> }.into_any()
            } else {
                view! { <p>{line}</p> }.into_any()
            }
        })
        .collect_view();
    view! {
        <div class="terms" data-testid="terms" data-version=version>
            <p class="terms__version">
                {move || (i18n.t().legal().version)(version, date.as_deref())}
            </p>
            <h2>{first}</h2>
            {rest}
        </div>
    }
}
