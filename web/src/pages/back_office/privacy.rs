//! The association's personal data page (issue 15), for admins: the contact for data
//! requests, the guests' and the messages' retention, the erasures (guests' requests to carry out, with
//! when and by whom; accounts erased by their owners) and the automatic anonymisation's log.
//!
//! Browser tests rely on the fields' labels, the buttons' texts,
//! `[data-testid="erasure-request"]` (one per erasure) and `[data-testid="privacy-saved"]`.

use leptos::{prelude::*, task::spawn_local};
use shared::{
    error::ErrorCode,
    privacy::{AdminPrivacy, ErasureRequest, UpdatePrivacySettings},
};

use super::{Frame, LoginNeeded, association::AssociationNav, mailbox::when, token};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText},
    i18n::{tr, use_i18n},
    state::session::use_session,
};

/// The page: the association's only.
#[component]
pub fn AssociationPrivacyPage() -> impl IntoView {
    let session = use_session();
    let resource = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        match api::admin_privacy(&token).await {
            Ok(page) => Ok(Some(Some(page))),
            // Not an admin: the route does not exist for them.
            Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => Ok(Some(None)),
            Err(error) => Err(error),
        }
    });
    let loaded = move |page: Option<Option<AdminPrivacy>>| match page {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(Some(page)) => view! { <PrivacyAdmin page /> }.into_any(),
    };
    view! {
        <Frame heading=|t| t.privacy().admin_heading>
            <AssociationNav />
            <p>{tr(|t| t.privacy().admin_intro)}</p>
            <Loaded resource loaded />
        </Frame>
    }
}

#[component]
fn PrivacyAdmin(page: AdminPrivacy) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let contact = RwSignal::new(page.settings.contact_email.clone());
    let months = RwSignal::new(page.settings.guest_retention_months.to_string());
    let days = RwSignal::new(page.settings.message_retention_days.to_string());
    let saved = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let requests = RwSignal::new(page.requests);
    let runs = page.runs;
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        problem.set(None);
        let change = UpdatePrivacySettings {
            contact_email: Some(contact.get_untracked()),
            // Not a number: the server names the field.
            guest_retention_months: Some(months.get_untracked().trim().parse().unwrap_or(0)),
            message_retention_days: Some(days.get_untracked().trim().parse().unwrap_or(0)),
        };
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::update_privacy(&token, &change).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(now) => {
                    contact.set(now.contact_email);
                    months.set(now.guest_retention_months.to_string());
                    days.set(now.message_retention_days.to_string());
                    saved.set(true);
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let execute_problem = RwSignal::new(None::<ApiError>);
    let execute = move |id: i64| {
        execute_problem.set(None);
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::execute_erasure(&token, id).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(done) => requests.update(|all| {
                    if let Some(request) = all.iter_mut().find(|r| r.id == id) {
                        *request = done;
                    }
                }),
                Err(error) => execute_problem.set(Some(error)),
            }
        });
    };
    let request_rows = move || {
        let all = requests.get();
        if all.is_empty() {
            return view! { <p>{tr(|t| t.privacy().requests_none)}</p> }.into_any();
        }
        let lang = i18n.lang().code();
        let items = all
            .into_iter()
            .map(|request| view! { <RequestItem request lang on_execute=execute /> })
            .collect_view();
        view! { <ul class="privacy-requests">{items}</ul> }.into_any()
    };
    let run_lines = if runs.is_empty() {
        view! { <p>{tr(|t| t.privacy().runs_none)}</p> }.into_any()
    } else {
        let items = runs
            .into_iter()
            .map(|run| {
                view! {
                    <li>{move || (i18n.t().privacy().run_line)(&when(&run.ran_at, i18n.lang().code()), run.orders)}</li>
                }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    view! {
        <section aria-labelledby="privacy-settings-heading">
            <h2 id="privacy-settings-heading">{tr(|t| t.privacy().settings_heading)}</h2>
            <form class="bo-form" on:submit=save novalidate>
                <div class="field">
                    <label for="privacy-contact">{tr(|t| t.privacy().contact_email_label)}</label>
                    <input id="privacy-contact" type="email" autocomplete="email"
                        aria-describedby="privacy-contact-hint"
                        prop:value=move || contact.get()
                        on:input=move |event| contact.set(event_target_value(&event)) />
                    <p class="field__hint" id="privacy-contact-hint">{tr(|t| t.privacy().contact_email_hint)}</p>
                </div>
                <div class="field">
                    <label for="privacy-retention">{tr(|t| t.privacy().retention_label)}</label>
                    <input id="privacy-retention" type="number" min="1" max="120" inputmode="numeric"
                        aria-describedby="privacy-retention-hint"
                        prop:value=move || months.get()
                        on:input=move |event| months.set(event_target_value(&event)) />
                    <p class="field__hint" id="privacy-retention-hint">{tr(|t| t.privacy().retention_hint)}</p>
                </div>
                <div class="field">
                    <label for="privacy-message-retention">{tr(|t| t.privacy().message_retention_label)}</label>
                    <input id="privacy-message-retention" type="number" min="7" max="730" inputmode="numeric"
                        aria-describedby="privacy-message-retention-hint"
                        prop:value=move || days.get()
                        on:input=move |event| days.set(event_target_value(&event)) />
                    <p class="field__hint" id="privacy-message-retention-hint">{tr(|t| t.privacy().message_retention_hint)}</p>
                </div>
                <button type="submit" class="button">{tr(|t| t.privacy().save)}</button>
                <p role="status" data-testid="privacy-saved">{move || saved.get().then(tr(|t| t.privacy().saved))}</p>
                {move || problem.get().map(|error| view! { <ProblemText error /> })}
            </form>
        </section>
        <section aria-labelledby="privacy-requests-heading">
            <h2 id="privacy-requests-heading">{tr(|t| t.privacy().requests_heading)}</h2>
            {move || execute_problem.get().map(|error| view! { <ProblemText error /> })}
            {request_rows}
        </section>
        <section aria-labelledby="privacy-runs-heading">
            <h2 id="privacy-runs-heading">{tr(|t| t.privacy().runs_heading)}</h2>
            {run_lines}
        </section>
    }
}

/// One erasure: what, when asked, when done and by whom, or the button to carry it out.
#[component]
fn RequestItem(
    request: ErasureRequest,
    lang: &'static str,
    on_execute: impl Fn(i64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let ErasureRequest {
        id,
        kind,
        order_number,
        shop_name,
        customer_name,
        requested_at,
        done_at,
        done_by,
        orders_pseudonymised,
    } = request;
    let guest = kind == "guest";
    let order = order_number.map(|number| {
        let detail = [Some(number), shop_name, customer_name]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        view! { <p>{detail}</p> }
    });
    let status = match done_at {
        Some(at) => {
            let by = done_by.unwrap_or_else(|| i18n.t().privacy().by_owner.to_owned());
            view! {
                <p>
                    {tr(|t| t.privacy().col_done)} " " {when(&at, lang)} " — " {by} " — "
                    {move || (i18n.t().privacy().orders_count)(orders_pseudonymised)}
                </p>
            }
            .into_any()
        }
        None => view! {
            <p><strong>{tr(|t| t.privacy().waiting)}</strong></p>
            <button type="button" class="button" on:click=move |_| on_execute(id)>
                {tr(|t| t.privacy().execute)}
            </button>
        }
        .into_any(),
    };
    view! {
        <li class="privacy-request" data-testid="erasure-request">
            <p>
                <strong>{move || if guest { i18n.t().privacy().kind_guest } else { i18n.t().privacy().kind_account }}</strong>
                " — " {tr(|t| t.privacy().col_asked)} " " {when(&requested_at, lang)}
            </p>
            {order}
            {status}
        </li>
    }
}
