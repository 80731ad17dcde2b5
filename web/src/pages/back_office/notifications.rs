//! E-mails (issue 12) in the back-office: on a shop's profile page, the signed-in merchant's
//! choice of that shop's messages and the shop's daily-summary time; on the association's
//! mailbox page, the sender's name, address and reply-to.
//!
//! Browser tests rely on the fields' labels, the "Enregistrer" buttons and
//! `[data-testid="notifications-saved"]` / `[data-testid="sender-saved"]`.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::notifications::{
    MailSettings, ShopNotifications, UpdateMailSettings, UpdateShopNotifications,
};

use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText},
    i18n::tr,
    state::session::use_session,
};

/// The calling merchant's e-mails for the shop `slug`.
#[component]
pub fn ShopNotificationsSection(slug: String) -> impl IntoView {
    let session = use_session();
    let for_load = slug.clone();
    let resource = LocalResource::new(move || {
        let slug = for_load.clone();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            api::shop_notifications(&token, &slug).await.map(Some)
        }
    });
    let loaded = move |found: Option<ShopNotifications>| {
        let slug = slug.clone();
        found.map(|settings| view! { <ShopNotificationsForm slug settings /> })
    };
    view! {
        <section class="bo-section" aria-labelledby="emails-heading">
            <h2 id="emails-heading">{tr(|t| t.notifications().heading)}</h2>
            <p>{tr(|t| t.notifications().shop_intro)}</p>
            <Loaded resource loaded />
        </section>
    }
}

#[component]
fn ShopNotificationsForm(slug: String, settings: ShopNotifications) -> impl IntoView {
    let session = use_session();
    let new_order = RwSignal::new(settings.new_order);
    let daily_summary = RwSignal::new(settings.daily_summary);
    let summary_time = RwSignal::new(settings.summary_time);
    let saved = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        problem.set(None);
        let slug = slug.clone();
        let changes = UpdateShopNotifications {
            new_order: Some(new_order.get_untracked()),
            daily_summary: Some(daily_summary.get_untracked()),
            summary_time: Some(summary_time.get_untracked()),
        };
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::update_shop_notifications(&token, &slug, &changes).await,
            };
            match result {
                Ok(now) => {
                    new_order.set(now.new_order);
                    daily_summary.set(now.daily_summary);
                    summary_time.set(now.summary_time);
                    saved.set(true);
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    view! {
        <form on:submit=submit>
            <label class="bo-choice">
                <input type="checkbox" prop:checked=move || new_order.get() on:change=move |e| new_order.set(event_target_checked(&e)) />
                {tr(|t| t.notifications().new_order)}
            </label>
            <label class="bo-choice">
                <input type="checkbox" prop:checked=move || daily_summary.get() on:change=move |e| daily_summary.set(event_target_checked(&e)) />
                {tr(|t| t.notifications().daily_summary)}
            </label>
            <div class="field">
                <label for="summary-time">{tr(|t| t.notifications().summary_time)}</label>
                <input
                    id="summary-time"
                    type="time"
                    required
                    prop:value=move || summary_time.get()
                    on:input=move |e| summary_time.set(event_target_value(&e))
                />
            </div>
            <button type="submit" class="button">{tr(|t| t.notifications().save)}</button>
            <p role="status" data-testid="notifications-saved">
                {move || saved.get().then(tr(|t| t.notifications().saved))}
            </p>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </form>
    }
}

/// The association's sender (admins; the mailbox page shows it only to them).
#[component]
pub fn MailSettingsSection() -> impl IntoView {
    let session = use_session();
    let resource = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        match api::mail_settings(&token).await {
            Ok(settings) => Ok(Some(settings)),
            // Not an admin: the mailbox says so already.
            Err(ApiError::Api(problem)) if problem.status == 404 => Ok(None),
            Err(error) => Err(error),
        }
    });
    let loaded = move |found: Option<MailSettings>| {
        found.map(|settings| {
            view! {
                <section class="bo-section" aria-labelledby="sender-heading">
                    <h2 id="sender-heading">{tr(|t| t.notifications().sender_heading)}</h2>
                    <p>{tr(|t| t.notifications().sender_intro)}</p>
                    <MailSettingsForm settings />
                </section>
            }
        })
    };
    view! { <Loaded resource loaded /> }
}

#[component]
fn MailSettingsForm(settings: MailSettings) -> impl IntoView {
    let session = use_session();
    // What the server said last: only the fields changed since are sent (the default
    // address, `--mail-from`, may be one the form would not take, such as `x@localhost`).
    let stored = RwSignal::new(settings.clone());
    let name = RwSignal::new(settings.sender_name);
    let address = RwSignal::new(settings.sender_address);
    let reply_to = RwSignal::new(settings.reply_to);
    let saved = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        problem.set(None);
        let before = stored.get_untracked();
        let changed = |now: String, was: &str| (now != was).then_some(now);
        let changes = UpdateMailSettings {
            sender_name: changed(name.get_untracked(), &before.sender_name),
            sender_address: changed(address.get_untracked(), &before.sender_address),
            reply_to: changed(reply_to.get_untracked(), &before.reply_to),
        };
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::update_mail_settings(&token, &changes).await,
            };
            match result {
                Ok(now) => {
                    name.set(now.sender_name.clone());
                    address.set(now.sender_address.clone());
                    reply_to.set(now.reply_to.clone());
                    stored.set(now);
                    saved.set(true);
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    view! {
        <form on:submit=submit>
            <div class="field">
                <label for="sender-name">{tr(|t| t.notifications().sender_name)}</label>
                <input id="sender-name" type="text" required maxlength="80" autocomplete="organization"
                    prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e)) />
            </div>
            <div class="field">
                <label for="sender-address">{tr(|t| t.notifications().sender_address)}</label>
                <input id="sender-address" type="email" required autocomplete="email"
                    prop:value=move || address.get() on:input=move |e| address.set(event_target_value(&e)) />
            </div>
            <div class="field">
                <label for="reply-to">{tr(|t| t.notifications().reply_to)}</label>
                <p class="hint" id="reply-to-aide">{tr(|t| t.notifications().reply_to_hint)}</p>
                <input id="reply-to" type="email" autocomplete="email" aria-describedby="reply-to-aide"
                    prop:value=move || reply_to.get() on:input=move |e| reply_to.set(event_target_value(&e)) />
            </div>
            <button type="submit" class="button">{tr(|t| t.notifications().save)}</button>
            <p role="status" data-testid="sender-saved">
                {move || saved.get().then(tr(|t| t.notifications().saved))}
            </p>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </form>
    }
}
