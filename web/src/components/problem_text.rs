//! An error said in a line beside what caused it, rather than in a box that replaces the page.

use leptos::prelude::*;
use shared::error::ErrorCode;

use crate::{
    api::ApiError,
    components::ServerWords,
    i18n::{Text, tr, use_i18n},
};

/// What went wrong, in a red-edged paragraph: for a conflict (409) the sentence `conflict`
/// (by default, not enough stock);
/// for another refusal what its code means; else that Vitrine could not be reached or
/// understood. The API's own words (English) follow as a technical detail.
#[component]
pub fn ProblemText(
    /// What failed.
    error: ApiError,
    /// What a conflict means where this is shown ("Il n'en reste pas assez…").
    #[prop(optional)]
    conflict: Option<Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (lead, detail): (Text, Option<String>) = match error {
        ApiError::Api(problem) if problem.code == ErrorCode::Conflict => (
            conflict.unwrap_or(|t| t.not_enough_stock),
            Some(problem.detail),
        ),
        ApiError::Api(problem) => {
            let code = problem.code;
            let lead = move || i18n.t().problem(code);
            return view! {
                <div class="field__error" data-testid="problem">
                    <p class="problem__lead">{lead}</p>
                    <ServerWords detail=problem.detail />
                </div>
            }
            .into_any();
        }
        ApiError::Network(_) => (|t| t.error_network, None),
        ApiError::Decode(_) => (|t| t.error_decode, None),
    };
    view! {
        <div class="field__error" data-testid="problem">
            <p class="problem__lead">{tr(lead)}</p>
            {detail.map(|detail| view! { <ServerWords detail /> })}
        </div>
    }
    .into_any()
}
