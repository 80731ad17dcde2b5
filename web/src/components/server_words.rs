//! The API's own explanation of a refusal, which is in English.

use leptos::prelude::*;

use crate::i18n::{Lang, tr, use_i18n};

/// The API's `detail`, marked as English for screen readers and, in the French interface,
/// introduced as a technical detail: the French sentence before it says what to do, and this
/// says exactly what the server refused (what a shopkeeper on the phone may ask for).
#[component]
pub fn ServerWords(detail: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="problem__detail">
            {move || (i18n.lang() == Lang::Fr).then(|| view! { {tr(|t| t.server_said)} " " })}
            <span lang="en">{detail}</span>
        </p>
    }
}
