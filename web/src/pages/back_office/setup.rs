//! The first start's setup page: the steps that make a fresh install a marketplace, with
//! their state (settings saved, categories, delivery communes, a shop), and the settings
//! form with sensible French defaults already filled in. Admins land here after logging in
//! while a step is left (see [`super::BackOfficePage`]).
//!
//! Browser tests rely on `[data-testid="setup-step"]` (`data-step`, `data-done`) for each
//! step.

use std::cell::Cell;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{NavigateOptions, hooks::use_navigate};
use shared::{
    auth::Role,
    marketplace::{AdminMarketplace, SetupProgress},
};

use super::{Frame, LoginNeeded, settings::SettingsForm, settings::admin_settings};
use crate::{
    api,
    components::Loaded,
    i18n::{Text, tr, use_i18n},
    routes::Page,
    state::session::use_session,
};

thread_local! {
    /// Whether this page load already showed the back-office's first page.
    static FIRST_PAGE_SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// On the first page of a page load of the back-office (just after logging in), sends an
/// admin to the setup page while a step is left. Later visits of the same page load (the
/// admin came back on purpose) stay.
pub(super) fn send_admins_to_setup() {
    if FIRST_PAGE_SHOWN.with(|shown| shown.replace(true)) {
        return;
    }
    let session = use_session();
    if !session.user().is_some_and(|user| user.role == Role::Admin) {
        return;
    }
    let navigate = use_navigate();
    spawn_local(async move {
        let Some(token) = session.access_token().await else {
            return;
        };
        if let Ok(answer) = api::admin_marketplace(&token).await
            && !answer.setup.is_complete()
        {
            navigate(
                &Page::Setup.href(),
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });
}

/// `/gestion/association/demarrage`.
#[component]
pub fn SetupPage() -> impl IntoView {
    let resource = admin_settings();
    let loaded = move |answer: Option<Option<AdminMarketplace>>| match answer {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(Some(answer)) => {
            let progress = RwSignal::new(answer.setup.clone());
            let on_saved = Callback::new(move |saved: AdminMarketplace| progress.set(saved.setup));
            view! {
                <super::association::AssociationNav />
                <p>{tr(|t| t.marketplace.setup_intro)}</p>
                <Steps progress />
                <h2 class="bo-subheading">{tr(|t| t.marketplace.setup_form_heading)}</h2>
                <SettingsForm answer prefill=true on_saved />
            }
            .into_any()
        }
    };
    view! {
        <Frame heading=|t| t.marketplace.setup_heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// The checklist: each step, done or to do, with the page where it is done.
#[component]
fn Steps(progress: RwSignal<SetupProgress>) -> impl IntoView {
    type Step = (&'static str, Text, Page, fn(&SetupProgress) -> bool);
    let steps: [Step; 4] = [
        (
            "settings",
            |t| t.marketplace.setup_step_settings,
            Page::Settings,
            |p| p.settings_saved,
        ),
        (
            "categories",
            |t| t.marketplace.setup_step_categories,
            Page::AssociationCategories,
            |p| p.categories > 0,
        ),
        (
            "communes",
            |t| t.marketplace.setup_step_communes,
            Page::Delivery,
            |p| p.communes > 0,
        ),
        (
            "shops",
            |t| t.marketplace.setup_step_shops,
            Page::Association,
            |p| p.shops > 0,
        ),
    ];
    let i18n = use_i18n();
    let items = steps
        .into_iter()
        .map(|(name, label, page, done)| {
            let done = move || progress.with(done);
            view! {
                <li class="setup-step" data-testid="setup-step" data-step=name data-done=move || done().to_string()>
                    <span class=move || if done() { "setup-step__state setup-step__state--done" } else { "setup-step__state" }>
                        {move || {
                            let t = i18n.t().marketplace;
                            if done() { t.setup_done } else { t.setup_todo }
                        }}
                    </span>
                    " "
                    <a href=page.href()>{tr(label)}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 class="bo-subheading">{tr(|t| t.marketplace.setup_steps)}</h2>
        <ol class="setup-steps">{items}</ol>
        {move || progress.with(SetupProgress::is_complete).then(|| view! {
            <p class="bo-saved">{tr(|t| t.marketplace.setup_all_done)}</p>
        })}
    }
}
