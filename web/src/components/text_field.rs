//! A labelled form field, its hint and its error, tied together for screen readers.

use leptos::prelude::*;

use crate::i18n::{Text, tr};

/// A labelled text field with an optional example under its label and the API's complaint
/// under it.
#[component]
pub fn TextField(
    /// The input's id; its hint and error get `<id>-aide` and `<id>-erreur`.
    id: &'static str,
    label: Text,
    /// An example or a rule, between the label and the input.
    #[prop(optional)]
    hint: Option<Text>,
    value: RwSignal<String>,
    /// What is wrong with the value, if anything.
    error: Signal<Option<Text>>,
    /// The input's `type`.
    #[prop(default = "text")]
    kind: &'static str,
    autocomplete: &'static str,
) -> impl IntoView {
    let hint_id = format!("{id}-aide");
    let error_id = format!("{id}-erreur");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id>{tr(hint)}</p> })}
            <input
                id=id
                type=kind
                autocomplete=autocomplete
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            />
            {move || {
                error
                    .get()
                    .map(|text| {
                        view! {
                            <p class="field__error" id=error_id.clone()>
                                {tr(text)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
