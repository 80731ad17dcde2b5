//! Webhooks (issue 17): a shop's endpoints (`/gestion/{slug}/webhooks`, its merchants and
//! admins) or the association's (`/gestion/association/webhooks`, admins): register one
//! (its secret shown once), send a test event, read the delivery log, send events again,
//! change the secret, stop or resume the deliveries, delete.
//!
//! Browser tests rely on the "Adresse (URL)" field, the events' checkboxes (labelled by the
//! events in words), the "Créer le webhook" button, `[data-testid="webhook-secret"]` (the
//! secret in the "Votre secret" field), `[data-testid="webhook"]` (`data-id`,
//! `data-enabled`) for each endpoint, its "Envoyer un événement de test" and "Voir le
//! journal" buttons, and `[data-testid="webhook-attempt"]` (`data-event`, `data-status`)
//! for each line of the log.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::hooks::use_params_map;
use shared::webhooks::{
    CreateWebhook, ReplayWebhooks, UpdateWebhook, WebhookAttempt, WebhookEndpoint, WebhookEvent,
    WebhookWithSecret,
};

use super::{Frame, LoginNeeded, join::FieldErrors, token};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText, TextField},
    i18n::{Text, tr, use_i18n},
    routes,
    state::session::use_session,
};

/// `/gestion/{slug}/webhooks` or `/gestion/association/webhooks`.
#[component]
pub fn WebhooksPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    // No slug in the address: the association's page.
    let scope = move || routes::shop_slug(&params.read());
    let endpoints = RwSignal::new(Vec::<WebhookEndpoint>::new());
    let resource = LocalResource::new(move || {
        let scope = scope();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(false);
            };
            endpoints.set(api::webhooks(&token, scope.as_deref()).await?.items);
            Ok(true)
        }
    });
    let loaded = move |signed_in: bool| {
        if !signed_in {
            return view! { <LoginNeeded /> }.into_any();
        }
        let scope = scope();
        view! {
            <p>{tr(|t| t.webhooks().intro)}</p>
            <NewWebhookForm scope=scope.clone() endpoints />
            <h2 class="bo-subheading">{tr(|t| t.webhooks().list)}</h2>
            {move || {
                let list = endpoints.get();
                if list.is_empty() {
                    return view! { <p>{tr(|t| t.webhooks().none)}</p> }.into_any();
                }
                let scope = scope.clone();
                let rows = list
                    .into_iter()
                    .map(|endpoint| view! { <WebhookRow endpoint scope=scope.clone() endpoints /> })
                    .collect_view();
                view! { <ul class="bo-rows">{rows}</ul> }.into_any()
            }}
        }
        .into_any()
    };
    let heading: Text = if scope().is_some() {
        |t| t.webhooks().heading
    } else {
        |t| t.webhooks().heading_association
    };
    view! {
        <Frame heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// The address, the description and the events of a new endpoint; then its secret.
#[component]
fn NewWebhookForm(
    scope: Option<String>,
    endpoints: RwSignal<Vec<WebhookEndpoint>>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let url = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<WebhookEvent>::new());
    let errors = FieldErrors::new();
    let problem = RwSignal::new(None::<ApiError>);
    let created = RwSignal::new(None::<WebhookWithSecret>);
    let sending = RwSignal::new(false);
    let offered: Vec<WebhookEvent> = WebhookEvent::ALL
        .into_iter()
        .filter(|event| scope.is_none() || !event.marketplace_only())
        .collect();
    let submit = {
        let scope = scope.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            if sending.get_untracked() {
                return;
            }
            problem.set(None);
            errors.clear();
            let scope = scope.clone();
            let body = CreateWebhook {
                url: url.get_untracked().trim().to_owned(),
                events: chosen.get_untracked(),
                description: description.get_untracked().trim().to_owned(),
            };
            sending.set(true);
            spawn_local(async move {
                let result = match session.access_token().await {
                    None => Err(ApiError::Network("signed out".to_owned())),
                    Some(token) => api::create_webhook(&token, scope.as_deref(), &body).await,
                };
                sending.set(false);
                match result {
                    Ok(answer) => {
                        endpoints.update(|list| list.push(answer.endpoint.clone()));
                        url.set(String::new());
                        description.set(String::new());
                        chosen.set(Vec::new());
                        created.set(Some(answer));
                    }
                    Err(error) => {
                        if !errors.take(&error) {
                            problem.set(Some(error));
                        }
                    }
                }
            });
        }
    };
    let boxes = offered
        .into_iter()
        .map(|event| {
            let id = format!("evenement-{}", event.as_str().replace('.', "-"));
            let toggle = move |change: leptos::ev::Event| {
                let on = event_target_checked(&change);
                chosen.update(|list| {
                    list.retain(|e| *e != event);
                    if on {
                        list.push(event);
                    }
                });
            };
            view! {
                <label class="bo-choice">
                    <input id=id type="checkbox" prop:checked=move || chosen.get().contains(&event) on:change=toggle />
                    <span>{move || i18n.t().webhooks().event(event)}</span>
                </label>
            }
        })
        .collect_view();
    let events_error = errors.of("events", |t| t.webhooks().error_events);
    view! {
        {move || created.get().map(|answer| view! { <SecretBox secret=answer.secret shown=created /> })}
        <h2 class="bo-subheading">{tr(|t| t.webhooks().new_heading)}</h2>
        <form class="bo-form" on:submit=submit novalidate>
            <TextField id="webhook-url" label=|t| t.webhooks().url hint=|t| t.webhooks().url_hint value=url error=errors.of("url", |t| t.webhooks().error_url) kind="url" autocomplete="off" />
            <TextField id="webhook-description" label=|t| t.webhooks().description value=description error=errors.of("description", |t| t.webhooks().description) autocomplete="off" />
            <fieldset class="bo-choices" aria-describedby="webhook-events-erreur">
                <legend>{tr(|t| t.webhooks().events)}</legend>
                {boxes}
                {move || events_error.get().map(|text| view! { <p id="webhook-events-erreur" class="field__error">{move || text(i18n.t())}</p> })}
            </fieldset>
            <button type="submit" class="button" prop:disabled=move || sending.get()>{tr(|t| t.webhooks().create)}</button>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </form>
    }
}

/// A secret, shown this once (after a creation or a rotation).
#[component]
fn SecretBox(secret: String, shown: RwSignal<Option<WebhookWithSecret>>) -> impl IntoView {
    view! {
        <div class="bo-key-box" role="alert" data-testid="webhook-secret">
            <h2 class="bo-subheading">{tr(|t| t.webhooks().secret_heading)}</h2>
            <p class="bo-key-box__warning">{tr(|t| t.webhooks().secret_once)}</p>
            <div class="field">
                <label for="webhook-secret">{tr(|t| t.webhooks().secret_label)}</label>
                <textarea id="webhook-secret" class="bo-key-box__secret" rows="2" readonly prop:value=secret></textarea>
            </div>
            <p class="bo-shop__links">
                <button type="button" class="button button--secondary" on:click=move |_| shown.set(None)>{tr(|t| t.webhooks().secret_noted)}</button>
            </p>
        </div>
    }
}

/// One endpoint: its address, events and state, and what can be done with it.
#[component]
fn WebhookRow(
    endpoint: WebhookEndpoint,
    scope: Option<String>,
    endpoints: RwSignal<Vec<WebhookEndpoint>>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let id = endpoint.id;
    let problem = RwSignal::new(None::<ApiError>);
    let notice = RwSignal::new(None::<String>);
    let secret = RwSignal::new(None::<WebhookWithSecret>);
    let confirming = RwSignal::new(false);
    let log = RwSignal::new(None::<Vec<WebhookAttempt>>);
    let since = RwSignal::new(String::new());
    let day = |iso: &str| iso.get(..10).unwrap_or(iso).to_owned();
    let scope = StoredValue::new(scope);

    let replace = move |updated: WebhookEndpoint| {
        endpoints.update(|list| {
            if let Some(row) = list.iter_mut().find(|row| row.id == updated.id) {
                *row = updated;
            }
        });
    };
    let load_log = move || {
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::webhook_attempts(&token, scope.get_value().as_deref(), id).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(page) => log.set(Some(page.items)),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let send_test = move |_| {
        problem.set(None);
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::test_webhook(&token, scope.get_value().as_deref(), id).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(_) => notice.set(Some(i18n.t().webhooks().test_sent.to_owned())),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let rotate = move |_| {
        problem.set(None);
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => {
                    api::rotate_webhook_secret(&token, scope.get_value().as_deref(), id).await
                }
                Err(error) => Err(error),
            };
            match result {
                Ok(answer) => {
                    replace(answer.endpoint.clone());
                    secret.set(Some(answer));
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let enabled = endpoint.enabled;
    let toggle = move |_| {
        problem.set(None);
        let body = UpdateWebhook {
            enabled: Some(!enabled),
            ..UpdateWebhook::default()
        };
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => {
                    api::update_webhook(&token, scope.get_value().as_deref(), id, &body).await
                }
                Err(error) => Err(error),
            };
            match result {
                Ok(updated) => replace(updated),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let delete = move |_| {
        problem.set(None);
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::delete_webhook(&token, scope.get_value().as_deref(), id).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(()) => endpoints.update(|list| list.retain(|row| row.id != id)),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let replay = move |body: ReplayWebhooks| {
        problem.set(None);
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => {
                    api::replay_webhooks(&token, scope.get_value().as_deref(), id, &body).await
                }
                Err(error) => Err(error),
            };
            match result {
                Ok(queued) => notice.set(Some(format!(
                    "{} : {}",
                    i18n.t().webhooks().replayed,
                    queued.queued
                ))),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let replay_since = move |event: SubmitEvent| {
        event.prevent_default();
        let date = since.get_untracked();
        if date.is_empty() {
            notice.set(Some(i18n.t().webhooks().error_since.to_owned()));
            return;
        }
        replay(ReplayWebhooks {
            message_id: None,
            since: Some(date),
        });
    };
    let events = endpoint
        .events
        .iter()
        .map(|event| {
            let event = *event;
            view! { <li>{move || i18n.t().webhooks().event(event)}</li> }
        })
        .collect_view();
    let since_id = format!("webhook-{id}-depuis");
    view! {
        <li class="bo-row" data-testid="webhook" data-id=id data-enabled=enabled.to_string()>
            <div>
                <h3 class="bo-key__name"><code>{endpoint.url.clone()}</code></h3>
                {(!endpoint.description.is_empty()).then(|| view! { <p>{endpoint.description.clone()}</p> })}
                <ul>{events}</ul>
                <p>
                    {if enabled { tr(|t| t.webhooks().enabled).into_any() } else { tr(|t| t.webhooks().disabled).into_any() }}
                    {endpoint.disabled_reason.clone().map(|why| format!(" ({why})"))}
                </p>
                {endpoint.failing_since.as_deref().map(|at| view! {
                    <p class="field__error">{tr(|t| t.webhooks().failing_since)}" "{day(at)}</p>
                })}
                {endpoint.previous_secret_until.as_deref().map(|at| view! {
                    <p>{tr(|t| t.webhooks().rotating_until)}" "{day(at)}</p>
                })}
            </div>
            {move || secret.get().map(|answer| view! { <SecretBox secret=answer.secret shown=secret /> })}
            <p class="bo-shop__links">
                {enabled.then(|| view! {
                    <button type="button" class="button" on:click=send_test>{tr(|t| t.webhooks().send_test)}</button>
                })}
                <button type="button" class="button button--secondary"
                    aria-expanded=move || log.get().is_some().to_string()
                    on:click=move |_| if log.get_untracked().is_some() { log.set(None) } else { load_log() }>
                    {move || if log.get().is_some() { tr(|t| t.webhooks().hide_log)() } else { tr(|t| t.webhooks().show_log)() }}
                </button>
                <button type="button" class="button button--secondary" on:click=rotate>{tr(|t| t.webhooks().rotate)}</button>
                <button type="button" class="button button--secondary" on:click=toggle>
                    {if enabled { tr(|t| t.webhooks().disable).into_any() } else { tr(|t| t.webhooks().enable).into_any() }}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| confirming.set(true)>{tr(|t| t.webhooks().delete)}</button>
            </p>
            {move || confirming.get().then(|| view! {
                <p class="bo-shop__links" role="alert">
                    <button type="button" class="button button--danger" on:click=delete>{tr(|t| t.webhooks().delete_confirm)}</button>
                    <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{tr(|t| t.webhooks().keep)}</button>
                </p>
            })}
            <div role="status">
                {move || notice.get().map(|text| view! { <p class="bo-saved">{text}</p> })}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
            {move || log.get().map(|attempts| view! {
                <AttemptLog attempts replay=Callback::new(move |message_id: String| replay(ReplayWebhooks { message_id: Some(message_id), since: None })) reload=Callback::new(move |()| load_log()) />
                <form class="bo-form" on:submit=replay_since novalidate>
                    <div class="field">
                        <label for=since_id.clone()>{tr(|t| t.webhooks().replay_since)}</label>
                        <input id=since_id.clone() type="date" prop:value=move || since.get() on:input=move |event| since.set(event_target_value(&event)) />
                    </div>
                    <button type="submit" class="button button--secondary">{tr(|t| t.webhooks().replay_since_button)}</button>
                </form>
            })}
        </li>
    }
}

/// The delivery log: one line per attempt, newest first, each event replayable.
#[component]
fn AttemptLog(
    attempts: Vec<WebhookAttempt>,
    replay: Callback<String>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let empty = attempts.is_empty();
    let rows = attempts
        .into_iter()
        .map(|attempt| {
            let message_id = attempt.message_id.clone();
            let status = attempt
                .status
                .map_or_else(String::new, |status| status.to_string());
            let shown = status.clone();
            view! {
                <tr data-testid="webhook-attempt" data-event=attempt.event_type.clone() data-status=status>
                    <td>{attempt.attempted_at.get(..19).unwrap_or(&attempt.attempted_at).replace('T', " ")}</td>
                    <td><code>{attempt.event_type.clone()}</code></td>
                    <td>{attempt.attempt}</td>
                    <td>{if shown.is_empty() { tr(|t| t.webhooks().no_answer)().to_owned() } else { shown }}</td>
                    <td>{attempt.duration_ms}</td>
                    <td>{attempt.response_excerpt.clone()}</td>
                    <td><button type="button" class="button button--secondary" on:click=move |_| replay.run(message_id.clone())>{tr(|t| t.webhooks().replay)}</button></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h4>{tr(|t| t.webhooks().log_heading)}</h4>
        <p><button type="button" class="button button--secondary" on:click=move |_| reload.run(())>{tr(|t| t.webhooks().refresh)}</button></p>
        {if empty {
            view! { <p>{tr(|t| t.webhooks().log_empty)}</p> }.into_any()
        } else {
            view! {
                // Scrolls sideways on a phone rather than widening the page; focusable so
                // that a keyboard can scroll it too.
                <div class="webhook-log" tabindex="0" role="region" aria-label=move || i18n.t().webhooks().log_heading>
                    <table class="sheet-table">
                        <thead><tr>
                            <th scope="col">{tr(|t| t.webhooks().log_when)}</th>
                            <th scope="col">{tr(|t| t.webhooks().log_event)}</th>
                            <th scope="col">{tr(|t| t.webhooks().log_attempt)}</th>
                            <th scope="col">{tr(|t| t.webhooks().log_status)}</th>
                            <th scope="col">{tr(|t| t.webhooks().log_duration)}</th>
                            <th scope="col">{tr(|t| t.webhooks().log_answer)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(|t| t.webhooks().replay)}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
