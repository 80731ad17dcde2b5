//! What a page says when what it should show does not exist.

use leptos::prelude::*;

use crate::{
    components::DocumentTitle,
    i18n::{Text, tr, use_i18n},
    routes::Page,
};

/// A heading ("Produit introuvable"), a sentence and one way on, in a narrow column; also the
/// document's title.
#[component]
pub fn Missing(
    /// The heading, also the start of the document's title.
    heading: Text,
    /// What happened, in one sentence.
    text: Text,
    /// Where to go instead.
    link: Page,
    /// The link's text.
    link_text: Text,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || heading(i18n.t()).to_owned());
    view! {
        <DocumentTitle text=title />
        <div class="missing" data-testid="missing">
            <h1>{tr(heading)}</h1>
            <p>{tr(text)}</p>
            <p>
                <a class="button" href=link.href()>
                    {tr(link_text)}
                </a>
            </p>
        </div>
    }
}
