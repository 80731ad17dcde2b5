//! Who sells (issue 15), on a shop's profile: its legal identity (required before the
//! association approves it) and its own terms of sale, versioned.
//!
//! Browser tests rely on the fields' labels and on "Enregistrer l'identité légale".

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::legal::{
    LegalForm, Registration, ShopLegal, TermsSource, UpdateShopLegal, UpdateTerms,
};

use super::join::{FieldErrors, TextArea};
use super::token;
use crate::{
    api::{self, ApiError},
    components::{ProblemText, TextField},
    i18n::{Text, tr, use_i18n},
    state::session::use_session,
};

/// The legal identity form.
#[component]
pub fn LegalIdentitySection(slug: String, legal: Option<ShopLegal>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = move || i18n.t().legal();
    let missing = RwSignal::new(legal.is_none());
    let legal_name = RwSignal::new(
        legal
            .as_ref()
            .map(|l| l.legal_name.clone())
            .unwrap_or_default(),
    );
    let form = RwSignal::new(legal.as_ref().map_or(LegalForm::Ei, |l| l.legal_form));
    let siret = RwSignal::new(legal.as_ref().map(|l| l.siret.clone()).unwrap_or_default());
    let registration = RwSignal::new(legal.as_ref().map_or(Registration::Rcs, |l| l.registration));
    let city = RwSignal::new(
        legal
            .as_ref()
            .map(|l| l.registration_city.clone())
            .unwrap_or_default(),
    );
    let vat = RwSignal::new(
        legal
            .as_ref()
            .and_then(|l| l.vat_number.clone())
            .unwrap_or_default(),
    );
    let responsible = RwSignal::new(legal.map(|l| l.responsible).unwrap_or_default());
    let errors = FieldErrors::new();
    let problem = RwSignal::new(None::<ApiError>);
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
        let body = UpdateShopLegal {
            legal_name: legal_name.get_untracked(),
            legal_form: form.get_untracked(),
            siret: siret.get_untracked(),
            registration: registration.get_untracked(),
            registration_city: Some(city.get_untracked()),
            vat_number: Some(vat.get_untracked()).filter(|v| !v.trim().is_empty()),
            responsible: responsible.get_untracked(),
        };
        let slug = slug.clone();
        sending.set(true);
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::set_shop_legal(&token, &slug, &body).await,
                Err(error) => Err(error),
            };
            sending.set(false);
            match result {
                Ok(_) => {
                    saved.set(true);
                    missing.set(false);
                }
                Err(error) => {
                    if !errors.take(&error) {
                        problem.set(Some(error));
                    }
                }
            }
        });
    };
    let form_options = LegalForm::ALL
        .into_iter()
        .map(|f| view! { <option value=f.as_str() selected=move || form.get() == f>{move || t().form_label(f)}</option> })
        .collect_view();
    let registration_options = Registration::ALL
        .into_iter()
        .map(|r| view! { <option value=r.as_str() selected=move || registration.get() == r>{move || t().registration_label(r)}</option> })
        .collect_view();
    let err = move |field: &'static str, text: Text| errors.of(field, text);
    view! {
        <section class="bo-section" aria-labelledby="identite-legale" data-testid="legal-identity">
            <h2 id="identite-legale">{move || t().identity_heading}</h2>
            {move || missing.get().then(|| view! {
                <p class="form-problem" role="status">{tr(|t| t.problems.legal_identity_missing)}</p>
            })}
            <p>{move || t().identity_intro}</p>
            <form class="bo-form" on:submit=submit novalidate>
                {move || problem.get().map(|error| view! { <div class="form-problem" role="alert"><ProblemText error /></div> })}
                <TextField id="denomination" label=|t| t.seller.legal_name value=legal_name error=err("legal_name", |t| t.legal().error_name) autocomplete="organization" />
                <div class="field">
                    <label for="forme-juridique">{move || i18n.t().seller.legal_form}</label>
                    <select id="forme-juridique" on:change=move |ev| {
                        if let Some(f) = LegalForm::parse(&event_target_value(&ev)) { form.set(f) }
                    }>{form_options}</select>
                </div>
                <TextField id="siret" label=|t| t.seller.siret hint=|t| t.legal().siret_hint value=siret error=err("siret", |t| t.legal().error_siret) autocomplete="off" />
                <div class="field">
                    <label for="immatriculation">{move || i18n.t().seller.registration}</label>
                    <select id="immatriculation" on:change=move |ev| {
                        if let Some(r) = Registration::parse(&event_target_value(&ev)) { registration.set(r) }
                    }>{registration_options}</select>
                </div>
                {move || registration.get().needs_city().then(|| view! {
                    <TextField id="ville-greffe" label=|t| t.legal().registration_city value=city error=err("registration_city", |t| t.legal().error_city) autocomplete="off" />
                })}
                <TextField id="tva" label=|t| t.seller.vat_number hint=|t| t.legal().vat_exempt_hint value=vat error=err("vat_number", |t| t.legal().error_vat) autocomplete="off" />
                <TextField id="responsable" label=|t| t.seller.responsible value=responsible error=err("responsible", |t| t.legal().error_name) autocomplete="name" />
                <button type="submit" class="button" prop:disabled=move || sending.get()>{move || t().identity_save}</button>
                {move || saved.get().then(|| view! { <p role="status" data-testid="legal-saved">{move || t().identity_saved}</p> })}
            </form>
        </section>
    }
}

/// Which terms an editor writes.
#[derive(Clone, PartialEq)]
pub enum TermsOf {
    /// A shop's own terms of sale (its slug).
    Shop(String),
    /// The site's terms of use (the association).
    Use,
    /// The terms of sale of the shops that wrote none (the association).
    DefaultSale,
}

/// A shop's own terms of sale.
#[component]
pub fn ShopTermsSection(slug: String) -> impl IntoView {
    view! { <TermsEditor of=TermsOf::Shop(slug) /> }
}

/// An editor of terms: the latest version's text; every save makes the next version.
#[component]
pub fn TermsEditor(of: TermsOf) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = move || i18n.t().legal();
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<Result<i32, ApiError>>);
    // A shop's terms: whose text its shoppers accept now (its own version, or the default).
    let own_version = RwSignal::new(None::<Option<i32>>);
    let reverted = RwSignal::new(None::<Result<(), ApiError>>);
    {
        let of = of.clone();
        spawn_local(async move {
            let latest = match &of {
                TermsOf::Shop(slug) => api::get_shop_terms(slug).await.ok().flatten(),
                TermsOf::Use => api::get_terms().await.ok(),
                TermsOf::DefaultSale => api::get_default_terms_of_sale().await.ok(),
            };
            if let Some(terms) = latest {
                if matches!(of, TermsOf::Shop(_)) {
                    own_version.set(Some(
                        (terms.source == TermsSource::Shop).then_some(terms.version),
                    ));
                }
                text.set(terms.body);
            }
        });
    }
    let shop_slug = match &of {
        TermsOf::Shop(slug) => Some(slug.clone()),
        _ => None,
    };
    let use_default = move |_| {
        let Some(slug) = shop_slug.clone() else {
            return;
        };
        status.set(None);
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::use_default_terms_of_sale(&token, &slug).await,
                Err(error) => Err(error),
            };
            reverted.set(Some(result.map(|terms| {
                text.set(terms.body);
                own_version.set(Some(None));
            })));
        });
    };
    let which = move || {
        own_version.get().map(|own| match own {
            Some(version) => view! {
                <p data-testid="terms-source">{(t().shop_terms_own)(version)}</p>
                <p>
                    <button type="button" class="button button--secondary" data-testid="use-default-terms" on:click=use_default.clone()>
                        {move || t().use_default_terms}
                    </button>
                </p>
                <p class="field__hint">{move || t().use_default_terms_hint}</p>
            }
            .into_any(),
            None => view! { <p data-testid="terms-source">{move || t().shop_terms_default}</p> }.into_any(),
        })
    };
    let (id, heading, intro): (&'static str, Text, Text) = match &of {
        TermsOf::Shop(_) => (
            "conditions-vente",
            |t| t.legal().shop_terms_heading,
            |t| t.legal().shop_terms_intro,
        ),
        TermsOf::Use => (
            "conditions-utilisation",
            |t| t.seller.terms_of_use,
            |t| t.legal().use_terms_intro,
        ),
        TermsOf::DefaultSale => (
            "conditions-vente-par-defaut",
            |t| t.legal().default_sale_heading,
            |t| t.legal().default_sale_intro,
        ),
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let of = of.clone();
        let body = UpdateTerms {
            body: text.get_untracked(),
        };
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => match &of {
                    TermsOf::Shop(slug) => api::update_shop_terms(&token, slug, &body).await,
                    TermsOf::Use => api::update_terms(&token, &body).await,
                    TermsOf::DefaultSale => api::update_default_terms_of_sale(&token, &body).await,
                },
                Err(error) => Err(error),
            };
            reverted.set(None);
            if let Ok(terms) = &result
                && terms.source == TermsSource::Shop
            {
                own_version.set(Some(Some(terms.version)));
            }
            status.set(Some(result.map(|terms| terms.version)));
        });
    };
    let no_error = Signal::derive(|| None::<Text>);
    let heading_id = format!("{id}-titre");
    view! {
        <section class="bo-section" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{move || heading(i18n.t())}</h2>
            <p>{move || intro(i18n.t())}</p>
            {which}
            {move || reverted.get().map(|result| match result {
                Ok(()) => view! { <p role="status" data-testid="default-terms-restored">{move || t().default_terms_restored}</p> }.into_any(),
                Err(error) => view! { <div class="form-problem" role="alert"><ProblemText error /></div> }.into_any(),
            })}
            <form class="bo-form" on:submit=submit novalidate>
                <TextArea id=id label=|t| t.legal().terms_text value=text error=no_error rows=12 />
                <button type="submit" class="button">{move || t().terms_save}</button>
                {move || status.get().map(|result| match result {
                    Ok(version) => view! { <p role="status">{move || (t().terms_saved)(version)}</p> }.into_any(),
                    Err(error) => view! { <div class="form-problem" role="alert"><ProblemText error /></div> }.into_any(),
                })}
            </form>
        </section>
    }
}
