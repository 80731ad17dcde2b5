//! The association's mailbox (issue 12), for admins: every e-mail the server wrote to its
//! outbox (sent, still to send, held because no mail server is configured, or failed),
//! newest first, filtered by state, each readable as it was (or would be) sent. On the
//! embedded default this is where the whole flow of messages can be read.
//!
//! The state filter and the page live in the address (`?etat=held&page=2`).
//!
//! Browser tests rely on `[data-testid="mail"]` for each message (`data-state`,
//! `data-topic`, `data-recipient`), the "Lire" button of each, and
//! `[data-testid="mail-text"]` for the plain-text part once opened.

use leptos::{prelude::*, task::spawn_local, wasm_bindgen::JsValue};
use leptos_router::{
    NavigateOptions,
    hooks::{use_navigate, use_query_map},
};
use shared::{
    Page as ListPage,
    error::ErrorCode,
    mail::{MailMessage, MailQuery, MailState, MailSummary},
};

use super::{Frame, LoginNeeded, association::AssociationNav};
use crate::{
    api::{self, ApiError},
    components::{Loaded, Pagination, ProblemText},
    i18n::{mailbox::MailboxStrings, tr, use_i18n},
    routes::Page,
    state::session::use_session,
};

/// The query parameter of the state shown.
const STATE_PARAM: &str = "etat";
/// The query parameter of the page shown.
const PAGE_PARAM: &str = "page";
/// Every state, in the order the filter offers them.
const STATES: [MailState; 4] = [
    MailState::Held,
    MailState::Pending,
    MailState::Sent,
    MailState::Failed,
];

/// A state in words.
fn state_name(t: &MailboxStrings, state: MailState) -> &'static str {
    match state {
        MailState::Pending => t.state_pending,
        MailState::Held => t.state_held,
        MailState::Sent => t.state_sent,
        MailState::Failed => t.state_failed,
    }
}

/// The mailbox's address for a state filter and a page.
fn href(state: Option<MailState>, page: u32) -> String {
    let mut query = Vec::new();
    if let Some(state) = state {
        query.push(format!("{STATE_PARAM}={}", state.as_str()));
    }
    if page > 1 {
        query.push(format!("{PAGE_PARAM}={page}"));
    }
    let base = Page::Mailbox.href();
    if query.is_empty() {
        base
    } else {
        format!("{base}?{}", query.join("&"))
    }
}

/// An ISO 8601 time as the reader's browser writes a short date and time in `lang`.
pub(super) fn when(iso: &str, lang: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"short".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string(lang, &options).into()
}

/// The association's mailbox.
#[component]
pub fn MailboxPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let state = move || query.read().get_str(STATE_PARAM).and_then(MailState::parse);
    let page = move || {
        query
            .read()
            .get_str(PAGE_PARAM)
            .and_then(|p| p.parse::<u32>().ok())
            .filter(|p| (1..=shared::MAX_PAGE).contains(p))
            .unwrap_or(1)
    };
    let resource = LocalResource::new(move || {
        let query = MailQuery {
            state: state(),
            page: Some(page()),
            per_page: None,
        };
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            match api::mailbox(&token, &query).await {
                Ok(list) => Ok(Some(Some(list))),
                // Not an admin: the route does not exist for them.
                Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => {
                    Ok(Some(None))
                }
                Err(error) => Err(error),
            }
        }
    });
    let navigate = use_navigate();
    let choose = move |event: leptos::ev::Event| {
        let chosen = MailState::parse(&event_target_value(&event));
        navigate(&href(chosen, 1), NavigateOptions::default());
    };
    let loaded = move |list: Option<Option<ListPage<MailSummary>>>| match list {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(Some(list)) => {
            let page_count = list.page_count();
            let shown = state();
            let rows = list
                .items
                .into_iter()
                .map(|mail| view! { <MailRow mail /> })
                .collect_view();
            view! {
                {list.total.eq(&0).then(|| view! { <p>{tr(|t| t.mailbox().empty)}</p> })}
                <ul class="mailbox">{rows}</ul>
                <Pagination
                    page=list.page
                    page_count
                    href_for=move |p| href(shown, p)
                    on_follow=|_| ()
                />
            }
            .into_any()
        }
    };
    let options = move || {
        let t = use_i18n().t().mailbox();
        let shown = state();
        let mut options = vec![view! {
            <option value="" selected=shown.is_none()>{t.filter_all}</option>
        }];
        options.extend(STATES.into_iter().map(|s| {
            view! { <option value=s.as_str() selected=shown == Some(s)>{state_name(t, s)}</option> }
        }));
        options
    };
    view! {
        <Frame heading=|t| t.mailbox().heading>
            <AssociationNav />
            <p>{tr(|t| t.mailbox().intro)}</p>
            <super::notifications::MailSettingsSection />
            <div class="field">
                <label for="mail-state">{tr(|t| t.mailbox().filter_label)}</label>
                <select id="mail-state" on:change=choose>{options}</select>
            </div>
            <Loaded resource loaded />
        </Frame>
    }
}

/// One message of the list: who, what, when, where it is; "Lire" opens it in place.
#[component]
fn MailRow(mail: MailSummary) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let opened = RwSignal::new(None::<MailMessage>);
    let loading = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let id = mail.id;
    let toggle = move |_| {
        if opened.get_untracked().is_some() {
            opened.set(None);
            return;
        }
        loading.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::mail_message(&token, id).await,
            };
            loading.set(false);
            match result {
                Ok(message) => opened.set(Some(message)),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let state = mail.state;
    let created = mail.created_at.clone();
    let sent = mail.sent_at.clone();
    let details_id = format!("courrier-{id}");
    view! {
        <li
            class="mailbox__item"
            data-testid="mail"
            data-state=state.as_str()
            data-topic=mail.topic.clone()
            data-recipient=mail.recipient.clone()
        >
            <h2 class="mailbox__subject">{mail.subject.clone()}</h2>
            <p>
                <span class=format!("badge badge--{}", state.as_str())>
                    {move || state_name(i18n.t().mailbox(), state)}
                </span>
                " " {tr(|t| t.mailbox().to)} " : " {mail.recipient.clone()}
            </p>
            <p class="mailbox__times">
                {tr(|t| t.mailbox().created)} " " {move || when(&created, i18n.lang().code())}
                {sent.clone().map(|sent| view! {
                    " · " {tr(|t| t.mailbox().sent)} " " {move || when(&sent, i18n.lang().code())}
                })}
                {(mail.attempts > 0).then(|| view! {
                    " · " {tr(|t| t.mailbox().attempts)} " : " {mail.attempts}
                })}
            </p>
            {mail.last_error.clone().map(|error| view! {
                <p class="mailbox__error">{tr(|t| t.mailbox().last_error)} " : " {error}</p>
            })}
            <button
                type="button"
                class="button button--secondary"
                aria-expanded=move || opened.with(Option::is_some).to_string()
                aria-controls=details_id.clone()
                on:click=toggle
            >
                {move || {
                    let t = i18n.t().mailbox();
                    if opened.with(Option::is_some) { t.close } else { t.read }
                }}
            </button>
            <div id=details_id>
                {move || loading.get().then(|| view! { <p class="loading" role="status">{tr(|t| t.mailbox().loading)}</p> })}
                {move || problem.get().map(|error| view! { <ProblemText error /> })}
                {move || opened.get().map(|message| view! { <MailView message /> })}
            </div>
        </li>
    }
}

/// A message as it was (or would be) sent: its headers and its plain-text part.
#[component]
fn MailView(message: MailMessage) -> impl IntoView {
    let headers = message
        .headers
        .into_iter()
        .map(|header| view! { <dt>{header.name}</dt><dd>{header.value}</dd> })
        .collect_view();
    view! {
        <dl class="mailbox__headers">{headers}</dl>
        <h3>{tr(|t| t.mailbox().text_part)}</h3>
        <pre class="mailbox__text" data-testid="mail-text">{message.text}</pre>
    }
}
