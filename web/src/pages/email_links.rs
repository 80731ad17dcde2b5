//! E-mail links (issue 12): the forgotten password (`/compte/mot-de-passe-oublie`), the page
//! a reset link opens (`/mot-de-passe/nouveau?jeton=…`: the new password, twice), the page a
//! verification link opens (`/verifier-courriel?jeton=…`), and the account's address as the
//! account page shows it (verified, not yet with a "send it again" button, or refused).
//!
//! Browser tests rely on the fields' labels, the buttons' texts, `[data-testid="reset-sent"]`,
//! `[data-testid="password-changed"]`, `[data-testid="email-verified"]`,
//! `[data-testid="email-status"]` and `[data-testid="form-problem"]`.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::hooks::use_query_map;
use shared::auth::{ConfirmPasswordReset, Me, RequestPasswordReset, VerifyEmail};
use shared::error::ErrorCode;

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, ProblemText, TextField},
    i18n::{Text, tr, use_i18n},
    routes::{self, Page},
    state::session::use_session,
};

/// A narrow page with its heading, also the document's title.
#[component]
fn LinkFrame(heading: Text, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || heading(i18n.t()).to_owned());
    view! {
        <DocumentTitle text=title />
        <div class="page page--narrow account">
            <h1>{tr(heading)}</h1>
            {children()}
        </div>
    }
}

/// What went wrong, above a form: `lead` when the API's code has a sentence of its own.
fn problem_box(error: ApiError, lead: Option<Text>) -> impl IntoView {
    view! {
        <div class="form-problem" role="alert" data-testid="form-problem">
            {match lead {
                Some(lead) => view! { <p class="form-problem__lead">{tr(lead)}</p> }.into_any(),
                None => view! { <ProblemText error /> }.into_any(),
            }}
        </div>
    }
}

/// The forgotten password: an address, then the same sentence whatever it is.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let done = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let invalid = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        problem.set(None);
        invalid.set(false);
        let request = RequestPasswordReset {
            email: email.get_untracked(),
        };
        spawn_local(async move {
            let result = api::request_password_reset(&request).await;
            sending.set(false);
            match result {
                Ok(()) => done.set(true),
                Err(error) => {
                    invalid.set(
                        matches!(&error, ApiError::Api(p) if p.code == ErrorCode::ValidationFailed),
                    );
                    problem.set(Some(error));
                }
            }
        });
    };
    let email_error =
        Signal::derive(move || invalid.get().then_some((|t| t.error_account_email) as Text));
    let lead = move || {
        problem.get().map(|error| {
            let lead: Option<Text> = match &error {
                ApiError::Api(p) if p.code == ErrorCode::TooManyRequests => {
                    Some(|t| t.email_links().forgot_throttled)
                }
                ApiError::Api(p) if p.code == ErrorCode::ValidationFailed => {
                    Some(|t| t.fix_account_errors)
                }
                ApiError::Network(_) => Some(|t| t.error_network),
                _ => None,
            };
            problem_box(error, lead)
        })
    };
    view! {
        <LinkFrame heading=|t| t.email_links().forgot_heading>
            {move || if done.get() {
                view! {
                    <div class="bo-notice" role="status" data-testid="reset-sent">
                        <p>{tr(|t| t.email_links().forgot_done)}</p>
                        <p><a href=Page::Login(None).href()>{tr(|t| t.login_link)}</a></p>
                    </div>
                }.into_any()
            } else {
                view! {
                    <p>{tr(|t| t.email_links().forgot_intro)}</p>
                    <form class="account__form" novalidate on:submit=submit>
                        {lead}
                        <TextField id="email" label=|t| t.account_email_label value=email error=email_error kind="email" autocomplete="email" />
                        <button type="submit" class="button button--large" aria-disabled=move || sending.get().then_some("true")>
                            {move || if sending.get() { i18n.t().email_links().forgot_sending } else { i18n.t().email_links().forgot_submit }}
                        </button>
                    </form>
                    <p class="account__other">
                        <a href=Page::ResetWithCode.href()>{tr(|t| t.people().have_code)}</a>
                    </p>
                }.into_any()
            }}
        </LinkFrame>
    }
}

/// The page a reset link opens: the new password, twice; then the way to the log-in.
#[component]
pub fn NewPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = routes::link_token(&query.read_untracked());
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let done = RwSignal::new(false);
    let mismatch = RwSignal::new(false);
    let bad_password = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let has_token = token.is_some();
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        problem.set(None);
        bad_password.set(false);
        let (first, second) = (password.get_untracked(), again.get_untracked());
        mismatch.set(first != second);
        if first != second {
            return;
        }
        let confirm = ConfirmPasswordReset {
            token: token.clone().unwrap_or_default(),
            password: first,
        };
        sending.set(true);
        spawn_local(async move {
            let result = api::confirm_password_reset(&confirm).await;
            sending.set(false);
            match result {
                Ok(()) => done.set(true),
                Err(error) => {
                    bad_password.set(matches!(&error, ApiError::Api(p)
                        if p.code == ErrorCode::ValidationFailed && p.errors.iter().any(|e| e.field == "password")));
                    problem.set(Some(error));
                }
            }
        });
    };
    let password_error =
        Signal::derive(move || bad_password.get().then_some((|t| t.error_password) as Text));
    let again_error = Signal::derive(move || {
        mismatch
            .get()
            .then_some((|t| t.email_links().mismatch) as Text)
    });
    let lead = move || {
        problem.get().map(|error| {
            let refused = matches!(&error, ApiError::Api(p)
                if p.code == ErrorCode::Unprocessable
                    || (p.code == ErrorCode::ValidationFailed && p.errors.iter().any(|e| e.field == "token")));
            let lead: Option<Text> = match &error {
                _ if refused => Some(|t| t.email_links().link_refused),
                ApiError::Api(p) if p.code == ErrorCode::ValidationFailed => Some(|t| t.fix_account_errors),
                ApiError::Network(_) => Some(|t| t.error_network),
                _ => None,
            };
            view! {
                {problem_box(error, lead)}
                {refused.then(|| view! {
                    <p><a class="button" href=Page::ForgotPassword.href()>{tr(|t| t.email_links().ask_again)}</a></p>
                })}
            }
        })
    };
    view! {
        <LinkFrame heading=|t| t.email_links().new_heading>
            {move || if done.get() {
                view! {
                    <div class="bo-notice" role="status" data-testid="password-changed">
                        <p>{tr(|t| t.email_links().new_done)}</p>
                        <p><a class="button" href=Page::Login(None).href()>{tr(|t| t.login_link)}</a></p>
                    </div>
                }.into_any()
            } else if !has_token {
                view! {
                    <div class="form-problem" role="alert" data-testid="form-problem">
                        <p class="form-problem__lead">{tr(|t| t.email_links().no_token)}</p>
                    </div>
                    <p><a class="button" href=Page::ForgotPassword.href()>{tr(|t| t.email_links().ask_again)}</a></p>
                }.into_any()
            } else {
                view! {
                    <p>{tr(|t| t.email_links().new_intro)}</p>
                    <form class="account__form" novalidate on:submit=submit.clone()>
                        {lead}
                        <TextField id="nouveau-mot-de-passe" label=|t| t.email_links().new_password_label hint=|t| t.password_hint value=password error=password_error kind="password" autocomplete="new-password" />
                        <TextField id="confirmation-mot-de-passe" label=|t| t.email_links().confirm_label value=again error=again_error kind="password" autocomplete="new-password" />
                        <button type="submit" class="button button--large" aria-disabled=move || sending.get().then_some("true")>
                            {move || if sending.get() { i18n.t().email_links().new_sending } else { i18n.t().email_links().new_submit }}
                        </button>
                    </form>
                }.into_any()
            }}
        </LinkFrame>
    }
}

/// Where a verification stands.
#[derive(Clone)]
enum Verification {
    Working,
    Done,
    Failed(ApiError),
}

/// The page a verification link opens: the address is verified at once.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let query = use_query_map();
    let token = routes::link_token(&query.read_untracked());
    let state = RwSignal::new(Verification::Working);
    match token {
        Some(token) => spawn_local(async move {
            let result = api::verify_email(&VerifyEmail { token }).await;
            state.set(match result {
                Ok(()) => Verification::Done,
                Err(error) => Verification::Failed(error),
            });
        }),
        None => state.set(Verification::Failed(ApiError::Decode("no token".into()))),
    }
    view! {
        <LinkFrame heading=|t| t.email_links().verify_heading>
            {move || match state.get() {
                Verification::Working => view! {
                    <p class="loading" role="status">{tr(|t| t.email_links().verifying)}</p>
                }.into_any(),
                Verification::Done => view! {
                    <div class="bo-notice" role="status" data-testid="email-verified">
                        <p>{tr(|t| t.email_links().verified)}</p>
                        <p><a class="button" href=Page::MyOrders(1).href()>{tr(|t| t.my_orders_heading)}</a></p>
                    </div>
                }.into_any(),
                Verification::Failed(error) => {
                    let lead: Option<Text> = match &error {
                        ApiError::Network(_) => Some(|t| t.error_network),
                        _ => Some(|t| t.email_links().verify_refused),
                    };
                    problem_box(error, lead).into_any()
                }
            }}
        </LinkFrame>
    }
}

/// The account's address on its page: verified; not yet, with "send it again"; or refused
/// by a mail server, with its answer. Read fresh from `GET /me`, not from the session kept
/// at log-in.
#[component]
pub fn EmailStatus() -> impl IntoView {
    let session = use_session();
    let me = LocalResource::new(move || async move {
        let token = session.access_token().await?;
        api::me(&token).await.ok()
    });
    let sending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<(), ApiError>>);
    let resend = move |_| {
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        outcome.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                Some(token) => api::resend_verification(&token).await,
                None => Err(ApiError::Decode("signed out".into())),
            };
            sending.set(false);
            outcome.set(Some(result));
        });
    };
    let i18n = use_i18n();
    let status = move |me: Me| {
        if let Some(refused) = me.email_refused {
            return view! {
                <div class="form-problem" role="alert" data-testid="email-status" data-state="refused">
                    <p class="form-problem__lead">{tr(|t| t.email_links().status_refused)}</p>
                    <p>{tr(|t| t.email_links().refused_reason)} " " {refused.reason}</p>
                </div>
            }
            .into_any();
        }
        if me.email_verified {
            return view! {
                <p data-testid="email-status" data-state="verified">{tr(|t| t.email_links().status_verified)}</p>
            }
            .into_any();
        }
        view! {
            <div data-testid="email-status" data-state="unverified">
                <p>{tr(|t| t.email_links().status_unverified)}</p>
                <p>
                    <button type="button" class="button button--secondary" on:click=resend aria-disabled=move || sending.get().then_some("true")>
                        {move || if sending.get() { i18n.t().email_links().resending } else { i18n.t().email_links().resend }}
                    </button>
                </p>
                <div role="status">
                    {move || match outcome.get() {
                        Some(Ok(())) => Some(view! { <p>{tr(|t| t.email_links().resent)}</p> }.into_any()),
                        Some(Err(error)) => {
                            let lead: Option<Text> = match &error {
                                ApiError::Api(p) if p.code == ErrorCode::TooManyRequests => Some(|t| t.email_links().resend_throttled),
                                ApiError::Network(_) => Some(|t| t.error_network),
                                _ => None,
                            };
                            Some(problem_box(error, lead).into_any())
                        }
                        None => None,
                    }}
                </div>
            </div>
        }
        .into_any()
    };
    view! {
        <Suspense fallback=|| ()>
            {move || me.get().flatten().map(status)}
        </Suspense>
    }
}
