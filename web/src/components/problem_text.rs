//! An error said in a line beside what caused it, rather than in a box that replaces the page.

use leptos::prelude::*;
use shared::error::ErrorCode;

use crate::{
    api::ApiError,
    i18n::{Text, tr},
};

/// What went wrong, in a red-edged paragraph: for a conflict (409) the sentence `conflict`
/// and the API's detail under it; for another refusal the API's detail; else that Vitrine
/// could not be reached or understood.
#[component]
pub fn ProblemText(
    /// What failed.
    error: ApiError,
    /// What a conflict means where this is shown ("Il n'en reste pas assez…").
    #[prop(optional)]
    conflict: Option<Text>,
) -> impl IntoView {
    let (lead, detail): (Text, Option<String>) = match error {
        ApiError::Api(problem) if problem.code == ErrorCode::Conflict => (
            conflict.unwrap_or(|t| t.not_enough_stock),
            Some(problem.detail),
        ),
        ApiError::Api(problem) => (|t| t.error_heading, Some(problem.detail)),
        ApiError::Network(_) => (|t| t.error_network, None),
        ApiError::Decode(_) => (|t| t.error_decode, None),
    };
    view! {
        <div class="field__error" data-testid="problem">
            <p class="problem__lead">{tr(lead)}</p>
            {detail.map(|detail| view! { <p class="problem__detail">{detail}</p> })}
        </div>
    }
}
