//! The shopper's account: log-in, sign-up, and the orders placed while signed in.
//!
//! Browser tests rely on the fields' labels, the buttons' texts, `[data-testid="order"]` on
//! the orders page and `[data-testid="form-problem"]` for what went wrong.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{
    NavigateOptions,
    hooks::{use_navigate, use_query_map},
};
use shared::{
    DEFAULT_PER_PAGE,
    auth::{Me, Register, Role},
    error::{ErrorCode, FieldError},
};

use crate::{
    api::ApiError,
    components::{DocumentTitle, Loaded, OrderCard, Pagination, ProblemText, TextField},
    i18n::{Text, tr, tr_with, use_i18n},
    pages::EmailStatus,
    routes::{self, Page},
    state::{cart::use_cart, session::use_session},
};

/// Ids of the fields.
const NAME_ID: &str = "nom";
const EMAIL_ID: &str = "email";
const PASSWORD_ID: &str = "mot-de-passe";

/// The log-in form; then the page the address names (`?retour=`), else the back-office for
/// a shop's people and the orders for a shopper.
#[component]
pub fn LoginPage() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = AccountForm::new();
    let (session, cart) = (use_session(), use_cart());
    let submit = form.on_submit(move |next| async move {
        let user = session
            .login(email.get_untracked(), password.get_untracked(), cart.id())
            .await?;
        let landing = landing(&user);
        cart.follow_account(user.cart_id).await;
        Ok(next.unwrap_or(landing))
    });
    let no_error = Signal::derive(|| None);
    view! {
        <AccountFrame heading=|t| t.login_heading>
            <p>{tr(|t| t.login_intro)}</p>
            <form class="account__form" novalidate on:submit=submit>
                {form.problem_view()}
                <TextField id=EMAIL_ID label=|t| t.account_email_label value=email error=no_error kind="email" autocomplete="email" />
                <TextField id=PASSWORD_ID label=|t| t.password_label value=password error=no_error kind="password" autocomplete="current-password" />
                {form.submit_button(|t| t.login_button, |t| t.login_sending)}
            </form>
            <p class="account__other">
                {tr(|t| t.no_account)} " "
                <a href=move || Page::Register(form.next_raw()).href()>{tr(|t| t.register_link)}</a>
            </p>
            <p class="account__other">
                <a href=Page::ForgotPassword.href()>{tr(|t| t.email_links().forgot_link)}</a>
            </p>
            <p class="account__other">
                <a href=Page::ResetWithCode.href()>{tr(|t| t.people().have_code)}</a>
            </p>
        </AccountFrame>
    }
}

/// The sign-up form; then, signed in, the page the address names, else the account's orders.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = AccountForm::new();
    let (session, cart) = (use_session(), use_cart());
    let submit = form.on_submit(move |next| async move {
        let account = Register {
            name: name.get_untracked(),
            email: email.get_untracked(),
            password: password.get_untracked(),
            cart_id: cart.id(),
        };
        let user = session.register(account).await?;
        cart.follow_account(user.cart_id).await;
        Ok(next.unwrap_or_else(|| Page::MyOrders(1).href()))
    });
    view! {
        <AccountFrame heading=|t| t.register_heading>
            <p>{tr(|t| t.login_intro)}</p>
            <form class="account__form" novalidate on:submit=submit>
                {form.problem_view()}
                <TextField id=NAME_ID label=|t| t.name_label value=name error=form.error("name") autocomplete="name" />
                <TextField id=EMAIL_ID label=|t| t.account_email_label value=email error=form.error("email") kind="email" autocomplete="email" />
                <TextField id=PASSWORD_ID label=|t| t.password_label hint=|t| t.password_hint value=password error=form.error("password") kind="password" autocomplete="new-password" />
                {form.submit_button(|t| t.register_button, |t| t.register_sending)}
            </form>
            // Personal data (issue 15).
            <p class="field__hint">
                {tr(|t| t.privacy().contact_note)} " "
                <a href=Page::Privacy.href()>{tr(|t| t.privacy().read_policy)}</a>
            </p>
            <p class="account__other">
                {tr(|t| t.have_account)} " "
                <a href=move || Page::Login(form.next_raw()).href()>{tr(|t| t.login_link)}</a>
            </p>
        </AccountFrame>
    }
}

/// The signed-in shopper's orders, newest first, with a way to log out; a guest is asked to
/// log in.
#[component]
pub fn MyOrdersPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let page = move || routes::page_number(&query.read());
    let orders = LocalResource::new(move || {
        let page = page();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            crate::api::my_orders(&token, page).await.map(Some)
        }
    });
    let logout = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            session.logout().await;
            navigate(&Page::Home.href(), NavigateOptions::default());
        });
    };
    let loaded = move |found: Option<shared::Page<shared::order::Order>>| {
        let Some(found) = found else {
            return view! { <LoginPrompt /> }.into_any();
        };
        if found.items.is_empty() {
            return view! { <p data-testid="no-orders">{tr(|t| t.my_orders_none)}</p> }.into_any();
        }
        let page_count = found.total.div_ceil(u64::from(DEFAULT_PER_PAGE)) as u32;
        let cards = found
            .items
            .into_iter()
            .map(|order| view! { <OrderCard order /> })
            .collect_view();
        view! {
            <ul class="orders">{cards}</ul>
            <Pagination
                page=found.page
                page_count
                href_for=|page| Page::MyOrders(page).href()
                on_follow=|()| {}
            />
        }
        .into_any()
    };
    view! {
        <AccountFrame heading=|t| t.my_orders_heading>
            {move || {
                session
                    .user()
                    .map(|user| {
                        let runs_shops = matches!(user.role, Role::Merchant | Role::Admin);
                        view! {
                            <div class="account__who">
                                <p data-testid="account-name">
                                    {tr_with(|t| t.account_of, user.name)} " (" {user.email} ")"
                                </p>
                                <EmailStatus />
                                {runs_shops.then(|| view! {
                                    <a class="button" href=Page::BackOffice.href()>{tr(|t| t.bo().bo_back_office_link)}</a>
                                })}
                                {(user.role == Role::Volunteer).then(|| view! {
                                    <a class="button" href=Page::MyRound.href()>{tr(|t| t.rounds().my_link)}</a>
                                })}
                                <button type="button" class="button button--secondary" on:click=logout.clone()>
                                    {tr(|t| t.logout_button)}
                                </button>
                            </div>
                        }
                    })
            }}
            <Loaded resource=orders loaded />
            {move || session.user().is_some().then(|| view! { <super::notifications::MyNotificationsSection /> })}
            {move || session.user().is_some().then(|| view! { <super::privacy::MyDataSection /> })}
        </AccountFrame>
    }
}

/// "Log in to see your orders", with the link that comes back here.
#[component]
fn LoginPrompt() -> impl IntoView {
    view! {
        <p>{tr(|t| t.my_orders_login)}</p>
        <p>
            <a class="button" href=Page::Login(Some(Page::MyOrders(1).href())).href()>
                {tr(|t| t.login_link)}
            </a>
        </p>
    }
}

/// Where a log-in leads when the address does not say: a shop's people to the back-office,
/// shoppers to their orders.
fn landing(user: &Me) -> String {
    match user.role {
        Role::Merchant | Role::Admin => Page::BackOffice.href(),
        Role::Volunteer => Page::MyRound.href(),
        Role::Customer => Page::MyOrders(1).href(),
    }
}

/// What to tell the shopper about a field the API refused.
fn field_error(field: &str) -> Text {
    match field {
        "name" => |t| t.error_name,
        "email" => |t| t.error_account_email,
        _ => |t| t.error_password,
    }
}

/// A narrow page with its heading, also the document's title.
#[component]
fn AccountFrame(heading: Text, children: Children) -> impl IntoView {
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

/// What the log-in and sign-up forms share: where to go next, sending, and what went wrong.
#[derive(Clone, Copy)]
struct AccountForm {
    sending: RwSignal<bool>,
    /// The API's field errors of the last attempt.
    errors: RwSignal<Vec<FieldError>>,
    /// What went wrong that no field explains.
    problem: RwSignal<Option<ApiError>>,
}

impl AccountForm {
    fn new() -> AccountForm {
        AccountForm {
            sending: RwSignal::new(false),
            errors: RwSignal::new(Vec::new()),
            problem: RwSignal::new(None),
        }
    }

    /// The `?retour=` of the address, if it is a path of this site.
    fn next_raw(self) -> Option<String> {
        let query = use_query_map();
        routes::next_path(&query.read_untracked())
    }

    /// A submit handler that runs `send` with the page the address asks to go to next, if
    /// any, then goes where `send` says; an error stays on the form, with what was typed.
    fn on_submit<F, Fut>(self, send: F) -> impl Fn(SubmitEvent) + 'static
    where
        F: Fn(Option<String>) -> Fut + Copy + 'static,
        Fut: Future<Output = Result<String, ApiError>> + 'static,
    {
        let navigate = use_navigate();
        let next = self.next_raw();
        move |event: SubmitEvent| {
            event.prevent_default();
            if self.sending.get_untracked() {
                return;
            }
            self.sending.set(true);
            self.problem.set(None);
            self.errors.set(Vec::new());
            let (navigate, next) = (navigate.clone(), next.clone());
            spawn_local(async move {
                let result = send(next).await;
                self.sending.set(false);
                match result {
                    Ok(next) => navigate(&next, NavigateOptions::default()),
                    Err(ApiError::Api(problem)) if problem.code == ErrorCode::ValidationFailed => {
                        self.errors.set(problem.errors.clone());
                        self.problem.set(Some(ApiError::Api(problem)));
                    }
                    Err(error) => self.problem.set(Some(error)),
                }
            });
        }
    }

    /// The French message of the API's complaint about `field`, if any.
    fn error(self, field: &'static str) -> Signal<Option<Text>> {
        let errors = self.errors;
        Signal::derive(move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .any(|error| error.field == field)
                    .then_some(field_error(field))
            })
        })
    }

    /// What went wrong, above the fields.
    fn problem_view(self) -> impl IntoView {
        move || {
            self.problem.get().map(|error| {
                let lead: Option<Text> = match &error {
                    ApiError::Api(problem) => match problem.code {
                        ErrorCode::ValidationFailed => Some(|t| t.fix_account_errors),
                        ErrorCode::Unauthorized => Some(|t| t.login_failed),
                        ErrorCode::TooManyRequests => Some(|t| t.login_locked),
                        ErrorCode::Conflict => Some(|t| t.email_taken),
                        _ => None,
                    },
                    ApiError::Network(_) => Some(|t| t.error_network),
                    ApiError::Decode(_) => None,
                };
                let view = match lead {
                    Some(lead) => view! { <p class="form-problem__lead">{tr(lead)}</p> }.into_any(),
                    None => view! { <ProblemText error /> }.into_any(),
                };
                view! {
                    <div class="form-problem" role="alert" data-testid="form-problem">
                        {view}
                    </div>
                }
            })
        }
    }

    /// The form's button, which says when the form is being sent.
    fn submit_button(self, idle: Text, sending: Text) -> impl IntoView {
        let i18n = use_i18n();
        view! {
            <button
                type="submit"
                class="button button--large"
                aria-disabled=move || self.sending.get().then_some("true")
            >
                {move || if self.sending.get() { sending(i18n.t()) } else { idle(i18n.t()) }}
            </button>
        }
    }
}
