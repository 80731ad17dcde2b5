//! The heading of a list of results, which takes the focus when the reader asked for them.

use leptos::{html::H2, prelude::*};

/// An `<h2 tabindex="-1">` that takes the focus when it appears while `focus` is set, and
/// clears it. Pages set `focus` when the reader explicitly asked for new results (a search,
/// the filters' button, another page): the list they were reading is gone, and the focus
/// then lands on what replaced it, which screen readers announce, scrolled to the top.
///
/// Browser tests rely on `data-testid="result-count"`.
#[component]
pub fn ResultsHeading(
    /// The heading, usually the number of results.
    #[prop(into)]
    text: Signal<String>,
    /// Set when the heading should take the focus.
    focus: RwSignal<bool>,
) -> impl IntoView {
    let heading = NodeRef::<H2>::new();
    Effect::new(move || {
        if let Some(heading) = heading.get()
            && focus.get_untracked()
        {
            focus.set(false);
            // Focusing an element with a tabindex cannot fail.
            let _ = heading.focus();
            // Focus scrolls only as far as needed, leaving the heading at the bottom of the
            // screen: the results the reader asked for start at the top instead.
            heading.scroll_into_view();
        }
    });
    view! {
        <h2 class="results-heading" tabindex="-1" node_ref=heading data-testid="result-count">
            {text}
        </h2>
    }
}
