//! `/compte/code`: the account's owner sets a new password with the one-time code the
//! association read out on the phone (until mail exists).
//!
//! Browser tests rely on the "Adresse e-mail", "Code (12 chiffres)" and "Nouveau mot de
//! passe" fields, the "Changer mon mot de passe" button and `[data-testid="reset-done"]`.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{admin_users::ResetWithCode, error::ErrorCode};

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, ProblemText, TextField},
    i18n::{Text, tr, use_i18n},
    routes::Page,
};

/// The form: e-mail, code, new password; then the way to the log-in.
#[component]
pub fn ResetWithCodePage() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let done = RwSignal::new(false);
    let fields = RwSignal::new(Vec::<String>::new());
    let problem = RwSignal::new(None::<ApiError>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        problem.set(None);
        fields.set(Vec::new());
        let reset = ResetWithCode {
            email: email.get_untracked(),
            code: code.get_untracked(),
            new_password: password.get_untracked(),
        };
        spawn_local(async move {
            let result = api::reset_with_code(&reset).await;
            sending.set(false);
            match result {
                Ok(()) => done.set(true),
                Err(ApiError::Api(problem_body))
                    if problem_body.code == ErrorCode::ValidationFailed =>
                {
                    fields.set(
                        problem_body
                            .errors
                            .iter()
                            .map(|e| e.field.clone())
                            .collect(),
                    );
                    problem.set(Some(ApiError::Api(problem_body)));
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let error_of = move |field: &'static str, text: Text| {
        Signal::derive(move || {
            fields
                .with(|f| f.iter().any(|f| f == field))
                .then_some(text)
        })
    };
    let title = Signal::derive(move || i18n.t().people().code_heading.to_owned());
    let lead = move || {
        problem.get().map(|error| {
            let refused = matches!(&error, ApiError::Api(p) if p.code == ErrorCode::Unprocessable);
            view! {
                <div class="form-problem" role="alert" data-testid="form-problem">
                    {if refused {
                        view! { <p class="form-problem__lead">{tr(|t| t.people().code_refused)}</p> }.into_any()
                    } else {
                        view! { <ProblemText error /> }.into_any()
                    }}
                </div>
            }
        })
    };
    view! {
        <DocumentTitle text=title />
        <div class="page page--narrow account">
            <h1>{tr(|t| t.people().code_heading)}</h1>
            {move || if done.get() {
                view! {
                    <div class="bo-notice" role="status" data-testid="reset-done">
                        <p>{tr(|t| t.people().code_done)}</p>
                        <p><a class="button" href=Page::Login(None).href()>{tr(|t| t.login_link)}</a></p>
                    </div>
                }.into_any()
            } else {
                view! {
                    <p>{tr(|t| t.people().code_intro)}</p>
                    <form class="account__form" novalidate on:submit=submit>
                        {lead}
                        <TextField id="email" label=|t| t.account_email_label value=email error=error_of("email", |t| t.error_account_email) kind="email" autocomplete="email" />
                        <TextField id="code" label=|t| t.people().code_label hint=|t| t.people().code_hint value=code error=error_of("code", |t| t.people().code_error) autocomplete="one-time-code" />
                        <TextField id="nouveau-mot-de-passe" label=|t| t.people().new_password_label hint=|t| t.password_hint value=password error=error_of("new_password", |t| t.error_password) kind="password" autocomplete="new-password" />
                        <button type="submit" class="button button--large" aria-disabled=move || sending.get().then_some("true")>
                            {move || if sending.get() { i18n.t().people().code_sending } else { i18n.t().people().code_submit }}
                        </button>
                    </form>
                }.into_any()
            }}
        </div>
    }
}
