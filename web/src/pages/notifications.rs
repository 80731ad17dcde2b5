//! E-mails (issue 12) on the shopper's side: the account page's section that turns the
//! non-essential messages on or off (saying which are always sent), and the page an
//! e-mail's unsubscribe link opens (`/desabonnement?jeton=`), which turns that message off
//! once the reader confirms with its button.
//!
//! Browser tests rely on the checkboxes' labels, `[data-testid="notifications-saved"]`,
//! the unsubscribe page's button text and `[data-testid="unsubscribed"]`.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_query_map;
use shared::notifications::{MyNotifications, UpdateMyNotifications};

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, Loaded, ProblemText},
    i18n::{tr, use_i18n},
    routes::UNSUBSCRIBE_TOKEN_PARAM,
    state::session::use_session,
};

/// The signed-in account's non-essential e-mails, each saved as soon as it is ticked.
#[component]
pub fn MyNotificationsSection() -> impl IntoView {
    let session = use_session();
    let resource = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        api::my_notifications(&token).await.map(Some)
    });
    let loaded = move |found: Option<MyNotifications>| {
        found.map(|settings| view! { <MyNotificationsForm settings /> })
    };
    view! {
        <section class="account__notifications" aria-labelledby="emails-heading">
            <h2 id="emails-heading">{tr(|t| t.notifications().heading)}</h2>
            <p>{tr(|t| t.notifications().always_sent)}</p>
            <Loaded resource loaded />
        </section>
    }
}

#[component]
fn MyNotificationsForm(settings: MyNotifications) -> impl IntoView {
    let session = use_session();
    let reminder = RwSignal::new(settings.delivery_reminder);
    let warning = RwSignal::new(settings.round_warning);
    let saved = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let save = move |changes: UpdateMyNotifications| {
        saved.set(false);
        problem.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::update_my_notifications(&token, &changes).await,
            };
            match result {
                Ok(now) => {
                    reminder.set(now.delivery_reminder);
                    warning.set(now.round_warning);
                    saved.set(true);
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    view! {
        <label class="bo-choice">
            <input
                type="checkbox"
                prop:checked=move || reminder.get()
                on:change=move |event| save(UpdateMyNotifications {
                    delivery_reminder: Some(event_target_checked(&event)),
                    round_warning: None,
                })
            />
            {tr(|t| t.notifications().delivery_reminder)}
        </label>
        {move || warning.get().map(|on| view! {
            <label class="bo-choice">
                <input
                    type="checkbox"
                    prop:checked=on
                    on:change=move |event| save(UpdateMyNotifications {
                        delivery_reminder: None,
                        round_warning: Some(event_target_checked(&event)),
                    })
                />
                {tr(|t| t.notifications().round_warning)}
            </label>
        })}
        <p role="status" data-testid="notifications-saved">
            {move || saved.get().then(tr(|t| t.notifications().saved))}
        </p>
        {move || problem.get().map(|error| view! { <ProblemText error /> })}
    }
}

/// The page of an e-mail's unsubscribe link: says what it does, and does it on a click
/// (mail scanners that open links change nothing).
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || i18n.t().notifications().unsubscribe_heading.to_owned());
    let query = use_query_map();
    let token = query
        .read_untracked()
        .get_str(UNSUBSCRIBE_TOKEN_PARAM)
        .map(str::to_owned)
        .unwrap_or_default();
    let done = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let has_token = !token.is_empty();
    let confirm = move |_| {
        let token = token.clone();
        sending.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = api::unsubscribe(&token).await;
            sending.set(false);
            match result {
                Ok(_) => done.set(true),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    view! {
        <DocumentTitle text=title />
        <div class="page page--narrow account">
            <h1>{tr(|t| t.notifications().unsubscribe_heading)}</h1>
            {if has_token {
                view! {
                    <p>{tr(|t| t.notifications().unsubscribe_intro)}</p>
                    {move || if done.get() {
                        view! {
                            <p role="status" data-testid="unsubscribed">{tr(|t| t.notifications().unsubscribe_done)}</p>
                        }.into_any()
                    } else {
                        view! {
                            <button
                                type="button"
                                class="button"
                                disabled=move || sending.get()
                                on:click=confirm.clone()
                            >
                                {tr(|t| t.notifications().unsubscribe_button)}
                            </button>
                        }.into_any()
                    }}
                    {move || problem.get().map(|error| view! { <ProblemText error /> })}
                }.into_any()
            } else {
                view! { <p>{tr(|t| t.notifications().unsubscribe_no_token)}</p> }.into_any()
            }}
        </div>
    }
}
