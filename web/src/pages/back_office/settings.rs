//! The marketplace's settings form (name, town, texts, contact, legal notices, colours,
//! order numbers, logo), shown by the settings page and by the first start's setup page.
//!
//! Browser tests rely on the fields' labels, the "Enregistrer les réglages" button and
//! `[data-testid="settings-saved"]` once saved.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    error::ErrorCode,
    marketplace::{AdminMarketplace, Palette, UpdateMarketplace, default_order_prefix},
};

use super::{
    Frame, LoginNeeded,
    join::{FieldErrors, TextArea},
};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText, TextField},
    i18n::{Text, tr, use_i18n},
    state::{marketplace::use_marketplace, session::use_session},
};

/// The admins' settings, or `None` for anyone else (the API answers 404), or `Err`.
pub(super) fn admin_settings() -> LocalResource<Result<Option<Option<AdminMarketplace>>, ApiError>>
{
    let session = use_session();
    LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        match api::admin_marketplace(&token).await {
            Ok(answer) => Ok(Some(Some(answer))),
            Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => Ok(Some(None)),
            Err(error) => Err(error),
        }
    })
}

/// `/gestion/association/reglages`: the settings, for later changes.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let resource = admin_settings();
    let loaded = move |answer: Option<Option<AdminMarketplace>>| match answer {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(Some(answer)) => view! {
            <super::association::AssociationNav />
            <SettingsForm answer prefill=false on_saved=Callback::new(|_| ()) />
            // The terms every order accepts (issue 15).
            <super::legal_identity::TermsEditor of=super::legal_identity::TermsOf::Use />
            <super::legal_identity::TermsEditor of=super::legal_identity::TermsOf::DefaultSale />
        }
        .into_any(),
    };
    view! {
        <Frame heading=|t| t.marketplace.settings_heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// The settings' fields; what was typed survives every refusal. With `prefill`, empty texts
/// are offered defaults that follow the town as it is typed.
#[component]
pub(super) fn SettingsForm(
    answer: AdminMarketplace,
    prefill: bool,
    /// Called with the answer of every successful save.
    on_saved: Callback<AdminMarketplace>,
) -> impl IntoView {
    let session = use_session();
    let market = use_marketplace();
    let i18n = use_i18n();
    let m = answer.marketplace;
    let text = |value: &str| RwSignal::new(value.to_owned());
    let name = text(if prefill && m.name.is_empty() {
        shared::marketplace::DEFAULT_NAME
    } else {
        &m.name
    });
    let town = text(&m.town);
    let tagline_fr = text(&m.tagline.fr);
    let tagline_en = text(m.tagline.en.as_deref().unwrap_or_default());
    let intro_fr = text(&m.intro.fr);
    let intro_en = text(m.intro.en.as_deref().unwrap_or_default());
    let phone = text(&m.contact.phone);
    let email = text(&m.contact.email);
    let address = text(&m.contact.address);
    let publisher_name = text(&m.legal.publisher_name);
    let publisher_address = text(&m.legal.publisher_address);
    let director = text(&m.legal.publication_director);
    let host_name = text(&m.legal.host_name);
    let host_address = text(&m.legal.host_address);
    let host_phone = text(&m.legal.host_phone);
    let prefix = text(&m.order_number_prefix);
    let initial_prefix = m.order_number_prefix.clone();
    let palette = RwSignal::new(m.palette);
    let logo_url = RwSignal::new(m.logo_url);

    if prefill {
        // A text still equal to the previous town's default follows the new town.
        let strings = i18n.t().marketplace;
        /// A text, and its default for a given town.
        type Follower = (RwSignal<String>, fn(&str) -> String);
        let follows: [Follower; 4] = [
            (tagline_fr, strings.default_tagline),
            (intro_fr, strings.default_intro),
            (publisher_name, strings.default_publisher),
            (prefix, default_order_prefix),
        ];
        Effect::new(move |previous: Option<String>| {
            let current = town.get().trim().to_owned();
            let before = previous.unwrap_or_else(|| m.town.clone());
            for (signal, default) in follows {
                let value = signal.get_untracked();
                let untouched = value.is_empty()
                    || value == default(&before)
                    || (before.is_empty() && value == default(""));
                if untouched && !current.is_empty() {
                    signal.set(default(&current));
                }
            }
            current
        });
    }

    let errors = FieldErrors::new();
    let problem = RwSignal::new(None::<(Text, Option<ApiError>)>);
    let saved = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        saved.set(false);
        problem.set(None);
        errors.clear();
        let value = |signal: RwSignal<String>| Some(signal.get_untracked().trim().to_owned());
        let typed_prefix = prefix.get_untracked().trim().to_uppercase();
        let change = UpdateMarketplace {
            name: value(name),
            town: value(town),
            tagline_fr: value(tagline_fr),
            tagline_en: value(tagline_en),
            intro_fr: value(intro_fr),
            intro_en: value(intro_en),
            contact_phone: value(phone),
            contact_email: value(email),
            contact_address: value(address),
            publisher_name: value(publisher_name),
            publisher_address: value(publisher_address),
            publication_director: value(director),
            host_name: value(host_name),
            host_address: value(host_address),
            host_phone: value(host_phone),
            palette: Some(palette.get_untracked().as_str().to_owned()),
            // Unchanged, it stays derived from the town.
            order_number_prefix: (typed_prefix != initial_prefix).then_some(typed_prefix),
        };
        sending.set(true);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::update_marketplace(&token, &change).await,
            };
            sending.set(false);
            match result {
                Ok(answer) => {
                    prefix.set(answer.marketplace.order_number_prefix.clone());
                    market.set(answer.marketplace.clone());
                    saved.set(true);
                    on_saved.run(answer);
                }
                Err(error) => {
                    let lead: Text = if errors.take(&error) {
                        |t| t.marketplace.fix_errors
                    } else {
                        |t| t.marketplace.not_saved
                    };
                    problem.set(Some((lead, Some(error))));
                }
            }
        });
    };
    let required: Text = |t| t.marketplace.error_required;
    let too_long: Text = |t| t.marketplace.error_too_long;
    view! {
        <form class="bo-form" on:submit=submit novalidate>
            {move || problem.get().map(|(lead, error)| view! {
                <div class="form-problem" role="alert">
                    <p class="form-problem__lead">{tr(lead)}</p>
                    {error.map(|error| view! { <ProblemText error /> })}
                </div>
            })}
            <h2 class="bo-subheading">{tr(|t| t.marketplace.section_site)}</h2>
            <TextField id="nom-du-site" label=|t| t.marketplace.field_name hint=|t| t.marketplace.field_name_hint value=name error=errors.of("name", required) autocomplete="off" />
            <TextField id="ville" label=|t| t.marketplace.field_town value=town error=errors.of("town", required) autocomplete="address-level2" />
            <TextField id="sous-titre" label=|t| t.marketplace.field_tagline_fr hint=|t| t.marketplace.field_tagline_hint value=tagline_fr error=errors.of("tagline_fr", required) autocomplete="off" />
            <TextField id="sous-titre-en" label=|t| t.marketplace.field_tagline_en hint=|t| t.marketplace.english_hint value=tagline_en error=errors.of("tagline_en", too_long) autocomplete="off" />
            <h2 class="bo-subheading">{tr(|t| t.marketplace.section_texts)}</h2>
            <TextArea id="presentation" label=|t| t.marketplace.field_intro_fr value=intro_fr error=errors.of("intro_fr", required) rows=5 />
            <TextArea id="presentation-en" label=|t| t.marketplace.field_intro_en value=intro_en error=errors.of("intro_en", too_long) rows=5 />
            <h2 class="bo-subheading">{tr(|t| t.marketplace.section_contact)}</h2>
            <TextField id="telephone-association" label=|t| t.marketplace.field_phone hint=|t| t.marketplace.field_phone_hint value=phone error=errors.of("contact_phone", |t| t.marketplace.error_phone) kind="tel" autocomplete="tel" />
            <TextField id="email-association" label=|t| t.marketplace.field_email value=email error=errors.of("contact_email", |t| t.marketplace.error_email) kind="email" autocomplete="email" />
            <TextArea id="adresse-association" label=|t| t.marketplace.field_address value=address error=errors.of("contact_address", too_long) rows=2 />
            <h2 class="bo-subheading">{tr(|t| t.marketplace.section_publisher)}</h2>
            <TextField id="editeur" label=|t| t.marketplace.field_publisher_name value=publisher_name error=errors.of("publisher_name", too_long) autocomplete="organization" />
            <TextArea id="adresse-editeur" label=|t| t.marketplace.field_publisher_address value=publisher_address error=errors.of("publisher_address", too_long) rows=2 />
            <TextField id="directeur" label=|t| t.marketplace.field_director value=director error=errors.of("publication_director", too_long) autocomplete="name" />
            <h2 class="bo-subheading">{tr(|t| t.marketplace.section_host)}</h2>
            <TextField id="hebergeur" label=|t| t.marketplace.field_host_name value=host_name error=errors.of("host_name", too_long) autocomplete="off" />
            <TextArea id="adresse-hebergeur" label=|t| t.marketplace.field_host_address value=host_address error=errors.of("host_address", too_long) rows=2 />
            <TextField id="telephone-hebergeur" label=|t| t.marketplace.field_host_phone value=host_phone error=errors.of("host_phone", too_long) kind="tel" autocomplete="off" />
            <h2 class="bo-subheading">{tr(|t| t.marketplace.section_colours)}</h2>
            <PaletteChoice palette />
            <h2 class="bo-subheading">{tr(|t| t.marketplace.section_orders)}</h2>
            <div class="field">
                <label for="prefixe">{tr(|t| t.marketplace.field_prefix)}</label>
                <p class="field__hint" id="prefixe-aide">
                    {move || (i18n.t().marketplace.prefix_hint)(prefix.get().trim())}
                </p>
                <input id="prefixe" type="text" maxlength="6" autocomplete="off" class="field__short"
                    aria-describedby=move || if errors.of("order_number_prefix", |t| t.marketplace.error_prefix).get().is_some() { "prefixe-aide prefixe-erreur" } else { "prefixe-aide" }
                    aria-invalid=move || errors.of("order_number_prefix", |t| t.marketplace.error_prefix).get().is_some().then_some("true")
                    prop:value=move || prefix.get() on:input=move |event| prefix.set(event_target_value(&event)) />
                {move || errors.of("order_number_prefix", |t| t.marketplace.error_prefix).get().map(|text| view! { <p class="field__error" id="prefixe-erreur">{tr(text)}</p> })}
            </div>
            <button type="submit" class="button" prop:disabled=move || sending.get()>{tr(|t| t.marketplace.save)}</button>
            <div role="status">
                {move || saved.get().then(|| view! { <p class="bo-saved" data-testid="settings-saved">{tr(|t| t.marketplace.saved)}</p> })}
            </div>
        </form>
        <LogoSection logo_url />
    }
}

/// The fixed palettes, each a radio button with a sample of its colours.
#[component]
fn PaletteChoice(palette: RwSignal<Palette>) -> impl IntoView {
    let i18n = use_i18n();
    let choices = Palette::ALL
        .into_iter()
        .map(|choice| {
            let id = format!("palette-{}", choice.as_str());
            view! {
                <label class="bo-choice palette-choice" for=id.clone()>
                    <input type="radio" name="palette" id=id.clone() value=choice.as_str()
                        prop:checked=move || palette.get() == choice
                        on:change=move |_| palette.set(choice) />
                    <span class="palette-swatch" data-palette=choice.as_str() aria-hidden="true">
                        <span class="palette-swatch__accent"></span>
                    </span>
                    {move || (i18n.t().marketplace.palette_name)(choice)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field bo-choices">
            <legend>{tr(|t| t.marketplace.palette_legend)}</legend>
            {choices}
        </fieldset>
    }
}

/// The association's logo, the file input that replaces it and the button that removes it.
#[component]
fn LogoSection(logo_url: RwSignal<Option<String>>) -> impl IntoView {
    let session = use_session();
    let market = use_marketplace();
    let problem = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let on_change = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        problem.set(None);
        saved.set(false);
        sending.set(true);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::put_marketplace_logo(&token, file).await,
            };
            sending.set(false);
            match result {
                Ok(answer) => {
                    logo_url.set(answer.logo_url.clone());
                    market.set(answer);
                    saved.set(true);
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let remove = move |_| {
        problem.set(None);
        saved.set(false);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::delete_marketplace_logo(&token).await,
            };
            match result {
                Ok(()) => {
                    logo_url.set(None);
                    if let Ok(answer) = api::get_marketplace().await {
                        market.set(answer);
                    }
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    view! {
        <section class="bo-section" aria-labelledby="logo-association-titre">
            <h2 class="bo-subheading" id="logo-association-titre">{tr(|t| t.marketplace.section_logo)}</h2>
            {move || logo_url.get().map(|src| view! {
                <img class="bo-logo" src=src alt=tr(|t| t.marketplace.logo_alt) width="160" height="160" />
                <p><button type="button" class="button button--secondary" on:click=remove>{tr(|t| t.marketplace.logo_remove)}</button></p>
            })}
            <div class="field">
                <label for="logo-association">{tr(|t| t.marketplace.logo_choose)}</label>
                <p class="field__hint" id="logo-association-aide">{tr(|t| t.marketplace.logo_hint)}</p>
                <input id="logo-association" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="logo-association-aide" on:change=on_change prop:disabled=move || sending.get() />
            </div>
            <div role="status">
                {move || sending.get().then(|| view! { <p>{tr(|t| t.marketplace.logo_sending)}</p> })}
                {move || saved.get().then(|| view! { <p class="bo-saved">{tr(|t| t.marketplace.logo_saved)}</p> })}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </section>
    }
}
