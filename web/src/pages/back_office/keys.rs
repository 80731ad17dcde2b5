//! A shop's API keys, for its till or website: the list, a new key shown once, revoking.
//!
//! Browser tests rely on the "Nom de la clé" field, the "Créer la clé" button,
//! the scope boxes (labelled with the scope's words, `data-scope` on each),
//! `[data-testid="new-key"]` (its secret in the "Votre nouvelle clé" field),
//! `[data-testid="api-key"]` (`data-id`, `data-revoked`) for each key, and the
//! "Révoquer" then "Oui, révoquer cette clé" buttons.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::hooks::use_params_map;
use shared::shop_admin::{ApiKey, ApiKeyScope, NewApiKey};

use super::{Frame, LoginNeeded, join::FieldErrors};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText, TextField},
    i18n::{Text, tr, tr_with, use_i18n},
    routes,
    state::session::use_session,
};

/// `/gestion/{slug}/cles`: the shop's API keys.
#[component]
pub fn ShopKeysPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let slug = move || routes::shop_slug(&params.read()).unwrap_or_default();
    let keys = RwSignal::new(Vec::<ApiKey>::new());
    let resource = LocalResource::new(move || {
        let slug = slug();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(false);
            };
            keys.set(api::api_keys(&token, &slug).await?.items);
            Ok(true)
        }
    });
    let loaded = move |signed_in: bool| {
        if !signed_in {
            return view! { <LoginNeeded /> }.into_any();
        }
        let slug = slug();
        view! {
            <p>{tr(|t| t.bo().bo_keys_intro)}</p>
            <NewKeyForm slug=slug.clone() keys />
            <h2 class="bo-subheading">{tr(|t| t.bo().bo_keys_list)}</h2>
            {move || {
                let list = keys.get();
                if list.is_empty() {
                    return view! { <p>{tr(|t| t.bo().bo_no_keys)}</p> }.into_any();
                }
                let slug = slug.clone();
                let rows = list
                    .into_iter()
                    .map(|key| view! { <KeyRow key slug=slug.clone() keys /> })
                    .collect_view();
                view! { <ul class="bo-rows">{rows}</ul> }.into_any()
            }}
        }
        .into_any()
    };
    view! {
        <Frame heading=|t| t.bo().bo_keys_heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// Names and creates a key, then shows its secret this once.
#[component]
fn NewKeyForm(slug: String, keys: RwSignal<Vec<ApiKey>>) -> impl IntoView {
    let session = use_session();
    let name = RwSignal::new(String::new());
    // What most tills need; the merchant ticks the rest.
    let scopes = RwSignal::new(vec![
        ApiKeyScope::CatalogueRead,
        ApiKeyScope::ProductsWrite,
        ApiKeyScope::OrdersRead,
    ]);
    let errors = FieldErrors::new();
    let problem = RwSignal::new(None::<ApiError>);
    let created = RwSignal::new(None::<NewApiKey>);
    let sending = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        problem.set(None);
        errors.clear();
        let slug = slug.clone();
        let chosen = name.get_untracked().trim().to_owned();
        let chosen_scopes = scopes.get_untracked();
        sending.set(true);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::create_api_key(&token, &slug, &chosen, chosen_scopes).await,
            };
            sending.set(false);
            match result {
                Ok(key) => {
                    keys.update(|keys| {
                        keys.insert(
                            0,
                            ApiKey {
                                id: key.id,
                                name: key.name.clone(),
                                prefix: key.prefix.clone(),
                                created_at: key.created_at.clone(),
                                last_used_at: None,
                                revoked_at: None,
                                scopes: key.scopes.clone(),
                            },
                        );
                    });
                    name.set(String::new());
                    created.set(Some(key));
                }
                Err(error) => {
                    if !errors.take(&error) {
                        problem.set(Some(error));
                    }
                }
            }
        });
    };
    view! {
        {move || created.get().map(|key| view! { <NewKeyBox key created /> })}
        <form class="bo-form" on:submit=submit novalidate>
            <TextField id="nom-cle" label=|t| t.bo().bo_key_name hint=|t| t.bo().bo_key_name_hint value=name error=errors.of("name", |t| t.bo().bo_error_key_name) autocomplete="off" />
            <ScopeBoxes scopes error=errors.of("scopes", |t| t.keys().scopes_error) />
            <button type="submit" class="button" prop:disabled=move || sending.get()>{tr(|t| t.bo().bo_create_key)}</button>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </form>
    }
}

/// The boxes of what the key may do.
#[component]
fn ScopeBoxes(scopes: RwSignal<Vec<ApiKeyScope>>, error: Signal<Option<Text>>) -> impl IntoView {
    let i18n = use_i18n();
    let boxes = ApiKeyScope::ALL
        .into_iter()
        .map(|scope| {
            let toggle = move |event: leptos::ev::Event| {
                let on = event_target_checked(&event);
                scopes.update(|scopes| {
                    scopes.retain(|s| *s != scope);
                    if on {
                        scopes.push(scope);
                    }
                });
            };
            view! {
                <label class="bo-choice" data-scope=scope.as_str()>
                    <input type="checkbox" prop:checked=move || scopes.get().contains(&scope) on:change=toggle />
                    <span>{move || i18n.t().keys().scope(scope)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="bo-choices" aria-describedby="portee-aide">
            <legend>{move || i18n.t().keys().scopes_legend}</legend>
            <p id="portee-aide" class="field__hint">{move || i18n.t().keys().scopes_hint}</p>
            {boxes}
            {move || error.get().map(|text| view! { <p class="field__error" role="alert">{tr(text)}</p> })}
        </fieldset>
    }
}

/// The new key's secret, its "Copier" button and the warning that it will not be shown again.
#[component]
fn NewKeyBox(key: NewApiKey, created: RwSignal<Option<NewApiKey>>) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let secret = key.key.clone();
    let copy = move |_| {
        let secret = secret.clone();
        spawn_local(async move {
            let promise = window().navigator().clipboard().write_text(&secret);
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(done));
        });
    };
    view! {
        <div class="bo-key-box" role="alert" data-testid="new-key" data-id=key.id>
            <h2 class="bo-subheading">{tr_with(|t| t.bo().bo_key_created, key.name)}</h2>
            <p class="bo-key-box__warning">{tr(|t| t.bo().bo_key_once)}</p>
            <div class="field">
                <label for="nouvelle-cle">{tr(|t| t.bo().bo_new_key)}</label>
                <textarea id="nouvelle-cle" class="bo-key-box__secret" rows="3" readonly prop:value=key.key.clone()
                    on:focus=move |event| {
                        use leptos::wasm_bindgen::JsCast;
                        if let Some(area) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                            area.select();
                        }
                    }></textarea>
            </div>
            <p class="bo-shop__links">
                <button type="button" class="button" on:click=copy>{tr(|t| t.bo().bo_copy)}</button>
                <button type="button" class="button button--secondary" on:click=move |_| created.set(None)>{tr(|t| t.bo().bo_key_noted)}</button>
            </p>
            <div role="status">
                {move || copied.get().map(|done| if done {
                    view! { <p class="bo-saved">{tr(|t| t.bo().bo_copied)}</p> }.into_any()
                } else {
                    view! { <p class="field__error">{tr(|t| t.bo().bo_copy_failed)}</p> }.into_any()
                })}
            </div>
        </div>
    }
}

/// One key: its name, prefix, dates, and the two-step revocation.
#[component]
fn KeyRow(key: ApiKey, slug: String, keys: RwSignal<Vec<ApiKey>>) -> impl IntoView {
    let session = use_session();
    let confirming = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let id = key.id;
    let revoke = move |_| {
        let slug = slug.clone();
        problem.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::revoke_api_key(&token, &slug, id).await,
            };
            match result {
                Ok(()) => {
                    confirming.set(false);
                    let now = String::from(js_sys::Date::new_0().to_iso_string());
                    keys.update(|keys| {
                        if let Some(key) = keys.iter_mut().find(|key| key.id == id) {
                            key.revoked_at = Some(now);
                        }
                    });
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let revoked = key.revoked_at.is_some();
    let day = |iso: &str| iso.get(..10).unwrap_or(iso).to_owned();
    view! {
        <li class="bo-row bo-key" data-testid="api-key" data-id=id data-revoked=revoked.to_string()>
            <div>
                <h3 class="bo-key__name">{key.name.clone()}</h3>
                <p><code>{key.prefix.clone()}"…"</code></p>
                <KeyScopes scopes=key.scopes.clone() />
                <p>{tr_with(|t| t.bo().bo_key_created_on, day(&key.created_at))}</p>
                <p>{match &key.last_used_at {
                    Some(at) => tr_with(|t| t.bo().bo_key_used_on, day(at)).into_any(),
                    None => tr(|t| t.bo().bo_key_never_used).into_any(),
                }}</p>
                {key.revoked_at.as_deref().map(|at| view! {
                    <p class="bo-key__revoked">{tr_with(|t| t.bo().bo_key_revoked_on, day(at))}</p>
                })}
            </div>
            {(!revoked).then(|| view! {
                <div class="bo-key__actions">
                    {move || if confirming.get() {
                        let revoke = revoke.clone();
                        view! {
                            <p role="alert">{tr(|t| t.bo().bo_revoke_warning)}</p>
                            <p class="bo-shop__links">
                                <button type="button" class="button button--danger" on:click=revoke>{tr(|t| t.bo().bo_revoke_confirm)}</button>
                                <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{tr(|t| t.bo().bo_revoke_keep)}</button>
                            </p>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button button--secondary" on:click=move |_| confirming.set(true)>{tr(|t| t.bo().bo_revoke)}</button>
                        }.into_any()
                    }}
                </div>
            })}
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </li>
    }
}

/// What a listed key may do.
#[component]
fn KeyScopes(scopes: Vec<ApiKeyScope>) -> impl IntoView {
    let i18n = use_i18n();
    let items = scopes
        .into_iter()
        .map(|scope| view! { <li>{move || i18n.t().keys().scope(scope)}</li> })
        .collect_view();
    view! {
        <p class="bo-key__scopes-label">{move || i18n.t().keys().scopes_of_key}</p>
        <ul class="bo-key__scopes" data-testid="key-scopes">{items}</ul>
    }
}
