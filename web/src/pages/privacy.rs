//! Personal data (issue 15) on the public side: the privacy page (`/confidentialite`),
//! made from the association's settings; the account page's section to download one's
//! data and delete one's account; and, on a guest's tracking page, the request to erase
//! their data.
//!
//! Browser tests rely on `[data-testid="privacy-contact"]`, the buttons' texts, the
//! password field's label, `[data-testid="account-erased"]` and
//! `[data-testid="erasure-requested"]`.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{NavigateOptions, hooks::use_navigate};
use shared::privacy::{EraseAccount, Privacy};

use super::token;
use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, Loaded, ProblemText},
    i18n::{tr, use_i18n},
    routes::Page,
    state::{marketplace::use_marketplace, session::use_session},
};

/// `/confidentialite`.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || i18n.t().privacy().heading.to_owned());
    let resource = LocalResource::new(api::privacy);
    let loaded = move |privacy: Privacy| view! { <PrivacyText privacy /> };
    view! {
        <DocumentTitle text=title />
        <div class="page page--narrow legal privacy">
            <h1>{tr(|t| t.privacy().heading)}</h1>
            <Loaded resource loaded />
        </div>
    }
}

#[component]
fn PrivacyText(privacy: Privacy) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().privacy();
    let Privacy {
        marketplace_name,
        controller,
        data_contact_email,
        contact_phone,
        guest_retention_months,
        message_retention_days,
        order_keep_years,
        session_days,
    } = privacy;
    let publisher = if controller.publisher_name.is_empty() {
        marketplace_name.clone()
    } else {
        controller.publisher_name.clone()
    };
    let market = use_marketplace();
    let table_rows = move || {
        let s = t();
        // What the server really counts: visits only when it runs without --no-visit-count.
        let stats_what = if market.with(|m| m.counts_visits) {
            s.stats_what
        } else {
            s.stats_what_searches
        };
        [
            (s.account_what, s.account_why, s.account_how_long.to_owned()),
            (
                s.orders_what,
                s.orders_why,
                (s.orders_how_long)(order_keep_years),
            ),
            (
                s.guest_what,
                s.guest_why,
                (s.guest_how_long)(guest_retention_months),
            ),
            (
                s.mails_what,
                s.mails_why,
                (s.mails_how_long)(message_retention_days),
            ),
            (
                s.sessions_what,
                s.sessions_why,
                (s.sessions_how_long)(session_days),
            ),
            (stats_what, s.stats_why, s.stats_how_long.to_owned()),
        ]
        .into_iter()
        .map(|(what, why, how_long)| {
            view! {
                <tr>
                    <th scope="row">{what}</th>
                    <td>{why}</td>
                    <td>{how_long}</td>
                </tr>
            }
        })
        .collect_view()
    };
    let contact_shown = if data_contact_email.is_empty() {
        None
    } else {
        Some(data_contact_email.clone())
    };
    let contact_for_rights = data_contact_email.clone();
    let phone = contact_phone.clone();
    view! {
        <p>{move || (t().intro)(&marketplace_name)}</p>
        <section aria-labelledby="privacy-controller">
            <h2 id="privacy-controller">{move || t().controller_heading}</h2>
            <p>{move || (t().controller_text)(&publisher)}</p>
            {(!controller.publisher_address.is_empty()).then(|| view! { <p>{controller.publisher_address.clone()}</p> })}
            <dl class="legal__facts">
                <dt>{move || t().contact_label}</dt>
                <dd data-testid="privacy-contact">
                    {match contact_shown {
                        Some(email) => view! { <a href=format!("mailto:{email}")>{email.clone()}</a> }.into_any(),
                        None => view! { <span class="legal__missing">{move || t().missing}</span> }.into_any(),
                    }}
                </dd>
                <dt>{move || t().phone_label}</dt>
                <dd>{if phone.is_empty() { None } else { Some(phone.clone()) }}</dd>
            </dl>
        </section>
        <section aria-labelledby="privacy-collected">
            <h2 id="privacy-collected">{move || t().collected_heading}</h2>
            <div class="privacy__table">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || t().col_what}</th>
                            <th scope="col">{move || t().col_why}</th>
                            <th scope="col">{move || t().col_how_long}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="privacy-recipients">
            <h2 id="privacy-recipients">{move || t().recipients_heading}</h2>
            <p>{move || t().recipients_text}</p>
        </section>
        <section aria-labelledby="privacy-cookies">
            <h2 id="privacy-cookies">{move || t().cookies_heading}</h2>
            <p>{move || t().cookies_text}</p>
        </section>
        <section aria-labelledby="privacy-rights">
            <h2 id="privacy-rights">{move || t().rights_heading}</h2>
            <p>{move || t().rights_text}</p>
            <p>{move || (t().rights_how)(&contact_for_rights)}</p>
            <p>
                {move || t().rights_account} " "
                <a href=Page::MyOrders(1).href()>{tr(|t| t.my_orders_heading)}</a>
            </p>
            <p>{move || t().rights_guest}</p>
            <p>{move || t().rights_cnil}</p>
        </section>
    }
}

/// The account page's "My data": download everything, or delete the account.
#[component]
pub fn MyDataSection() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let i18n = use_i18n();
    let downloading = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let password = RwSignal::new(String::new());
    let erasing = RwSignal::new(false);
    let erase_problem = RwSignal::new(None::<ApiError>);
    let erased = RwSignal::new(None::<String>);
    let download = move |_| {
        downloading.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::export_my_data(&token).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(bytes) => {
                    if super::offer_download(&bytes, "mes-donnees.json", "application/json")
                        .is_err()
                    {
                        problem.set(Some(ApiError::Decode("download".to_owned())));
                    }
                }
                Err(error) => problem.set(Some(error)),
            }
            downloading.set(false);
        });
    };
    let erase = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if erasing.get_untracked() {
            return;
        }
        erasing.set(true);
        erase_problem.set(None);
        let navigate = navigate.clone();
        let confirm = EraseAccount {
            password: password.get_untracked(),
        };
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::erase_me(&token, &confirm).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(done) => {
                    password.set(String::new());
                    erased.set(Some(done.pseudonym));
                    session.logout().await;
                    navigate(&Page::Home.href(), NavigateOptions::default());
                }
                Err(error) => erase_problem.set(Some(error)),
            }
            erasing.set(false);
        });
    };
    view! {
        <section class="account__data" aria-labelledby="my-data-heading">
            <h2 id="my-data-heading">{tr(|t| t.privacy().my_data_heading)}</h2>
            <p>{tr(|t| t.privacy().my_data_intro)} " "
                <a href=Page::Privacy.href()>{tr(|t| t.privacy().read_policy)}</a>
            </p>
            <p>
                <button type="button" class="button button--secondary" on:click=download
                    aria-disabled=move || downloading.get().then_some("true")>
                    {move || if downloading.get() { i18n.t().privacy().downloading } else { i18n.t().privacy().download }}
                </button>
            </p>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
            <h3>{tr(|t| t.privacy().erase_heading)}</h3>
            <p>{tr(|t| t.privacy().erase_text)}</p>
            <form class="account__form" on:submit=erase>
                <div class="field">
                    <label for="erase-password">{tr(|t| t.privacy().erase_password)}</label>
                    <input id="erase-password" type="password" autocomplete="current-password" required
                        prop:value=move || password.get()
                        on:input=move |event| password.set(event_target_value(&event)) />
                </div>
                <button type="submit" class="button button--danger"
                    aria-disabled=move || erasing.get().then_some("true")>
                    {move || if erasing.get() { i18n.t().privacy().erasing } else { i18n.t().privacy().erase_button }}
                </button>
            </form>
            {move || erase_problem.get().map(|error| view! { <ProblemText error /> })}
            {move || erased.get().map(|pseudonym| view! {
                <p role="status" data-testid="account-erased">{(i18n.t().privacy().erased)(&pseudonym)}</p>
            })}
        </section>
    }
}

/// On a guest's tracking page: ask the association to erase their data.
#[component]
pub fn GuestErasure(tracking: String) -> impl IntoView {
    let sending = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let ask = move |_| {
        if sending.get_untracked() {
            return;
        }
        let tracking = tracking.clone();
        sending.set(true);
        problem.set(None);
        spawn_local(async move {
            match api::request_erasure(&tracking).await {
                Ok(_) => sent.set(true),
                Err(error) => problem.set(Some(error)),
            }
            sending.set(false);
        });
    };
    view! {
        <section class="guest-erasure" aria-labelledby="guest-erasure-heading">
            <h2 id="guest-erasure-heading">{tr(|t| t.privacy().guest_heading)}</h2>
            <p>{tr(|t| t.privacy().guest_text)} " "
                <a href=Page::Privacy.href()>{tr(|t| t.privacy().read_policy)}</a>
            </p>
            <button type="button" class="button button--secondary" on:click=ask
                aria-disabled=move || sending.get().then_some("true")>
                {tr(|t| t.privacy().guest_button)}
            </button>
            <p role="status" data-testid="erasure-requested">
                {move || sent.get().then(tr(|t| t.privacy().guest_sent))}
            </p>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </section>
    }
}
