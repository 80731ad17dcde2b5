//! The error box: what went wrong, in words a person can act on, and a way to try again.

use leptos::prelude::*;

use crate::{
    api::ApiError,
    components::ServerWords,
    i18n::{tr, use_i18n},
};

/// Shows `error` as an alert with a "Réessayer" button that calls `on_retry`.
///
/// An API error shows what its code means, the API's own words as a technical detail, and the
/// correlation id of a server error, which is what the association needs to find the cause
/// in the logs.
#[component]
pub fn ErrorBox(
    /// What failed.
    error: ApiError,
    /// Called when the reader asks to try again.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let is_network = matches!(error, ApiError::Network(_));
    let (problem, reference) = match error {
        ApiError::Api(problem) => (Some((problem.code, problem.detail)), problem.correlation_id),
        ApiError::Network(_) | ApiError::Decode(_) => (None, None),
    };
    let code = problem.as_ref().map(|(code, _)| *code);
    let message = move || match code {
        Some(code) => i18n.t().problem(code),
        None if is_network => i18n.t().error_network,
        None => i18n.t().error_decode,
    };
    let detail = problem.map(|(_, detail)| view! { <ServerWords detail /> });
    view! {
        <div class="error-box" role="alert">
            <p class="error-box__heading">{tr(|t| t.error_heading)}</p>
            <p>{message}</p>
            {detail}
            {reference
                .map(|reference| {
                    view! {
                        <p class="error-box__reference">
                            {tr(|t| t.error_reference)} " " <code>{reference}</code>
                        </p>
                    }
                })}
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {tr(|t| t.retry)}
            </button>
        </div>
    }
}
