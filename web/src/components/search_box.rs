//! The search box of the home page and of the catalogue.

use leptos::{ev::SubmitEvent, html::Input, prelude::*};

use crate::{i18n::tr, routes::MAX_SEARCH_CHARS};

/// The id of the search field; there is one search box per page.
const FIELD_ID: &str = "recherche";
/// The id of the example under it.
const HINT_ID: &str = "recherche-exemple";

/// A `role="search"` form: a labelled field with an example under it and a "Rechercher"
/// button. Submitting calls `on_search` with what was typed; the page decides where it goes.
#[component]
pub fn SearchBox(
    /// What the field shows, and shows again when it changes (the search in the address).
    #[prop(into)]
    value: Signal<String>,
    /// Called with the typed words (untrimmed) when the form is submitted.
    #[prop(into)]
    on_search: Callback<String>,
    /// Leave out the example under the label (where results already show what to type).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let field = NodeRef::<Input>::new();
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if let Some(field) = field.get_untracked() {
            on_search.run(field.value());
        }
    };
    view! {
        <form class="search" role="search" on:submit=submit>
            <label class="search__label" for=FIELD_ID>
                {tr(|t| t.search_label)}
            </label>
            {(!compact)
                .then(|| {
                    view! {
                        <p class="search__hint" id=HINT_ID>
                            {tr(|t| t.search_hint)}
                        </p>
                    }
                })}
            <div class="search__row">
                <input
                    class="search__field"
                    id=FIELD_ID
                    type="search"
                    name="q"
                    maxlength=MAX_SEARCH_CHARS
                    autocomplete="off"
                    enterkeyhint="search"
                    aria-describedby=(!compact).then_some(HINT_ID)
                    // The attribute for the page the server draws (issue 16).
                    value=value.get_untracked()
                    prop:value=move || value.get()
                    node_ref=field
                />
                <button class="button search__button" type="submit">
                    {tr(|t| t.search_button)}
                </button>
            </div>
        </form>
    }
}
