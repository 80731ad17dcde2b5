//! People, for the association's admins: the accounts list (search by name or e-mail,
//! filter by role) and an account's page: role, shop teams, suspension (two steps), a
//! password reset code to read out on the phone, and the history of changes.
//!
//! Browser tests rely on the "Nom ou adresse e-mail" field, `[data-testid="person"]`
//! (`data-email`, `data-suspended`) for each account of the list, and on the account page
//! on the "Nouveau rôle" select, `[data-testid="account-role"]`, the "Suspendre le compte"
//! then "Oui, suspendre ce compte" buttons, the "Générer un code" button,
//! `[data-testid="reset-code"]` and `[data-testid="history"]`.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{
    NavigateOptions,
    hooks::{use_navigate, use_params_map, use_query_map},
};
use shared::{
    admin_users::{Account, AccountEventKind, AccountQuery, AccountSummary, ResetCode},
    auth::Role,
    error::ErrorCode,
    shop_admin::AdminShop,
};

use super::{Frame, LoginNeeded};
use crate::{
    api::{self, ApiError},
    components::{Loaded, Pagination, ProblemText},
    i18n::{PeopleStrings, tr, use_i18n},
    routes::{self, Page, PeopleFilter},
    state::session::{SessionState, use_session},
};

/// Every role, in the order the select shows them.
const ROLES: [Role; 4] = [Role::Customer, Role::Volunteer, Role::Merchant, Role::Admin];

/// A role in words.
fn role_name(t: &PeopleStrings, role: Role) -> &'static str {
    match role {
        Role::Customer => t.role_customer,
        Role::Merchant => t.role_merchant,
        Role::Volunteer => t.role_volunteer,
        Role::Admin => t.role_admin,
    }
}

/// `YYYY-MM-DD...` as `DD/MM/YYYY`.
fn day(iso: &str) -> String {
    match (iso.get(..4), iso.get(5..7), iso.get(8..10)) {
        (Some(year), Some(month), Some(day)) => format!("{day}/{month}/{year}"),
        _ => iso.to_owned(),
    }
}

/// A role change's detail (`customer -> volunteer (shops left)`) in words.
fn role_change(t: &PeopleStrings, detail: &str) -> String {
    let word = |text: &str| {
        Role::parse(text).map_or_else(|| text.to_owned(), |r| role_name(t, r).to_owned())
    };
    match detail.split_once(" -> ") {
        Some((from, to)) => {
            let (to, rest) = to.split_once(' ').unwrap_or((to, ""));
            format!(
                "{} → {}{}{rest}",
                word(from),
                word(to),
                if rest.is_empty() { "" } else { " " }
            )
        }
        None => detail.to_owned(),
    }
}

/// The people strings of the current language.
fn people() -> impl Fn() -> &'static PeopleStrings + Copy {
    let i18n = use_i18n();
    move || i18n.t().people()
}

/// What an admin-only loader gives: `None` signed out, `Some(None)` not an admin.
type AdminOnly<T> = Option<Option<T>>;

/// Turns "not an admin" (404) into `Some(None)`.
fn admin_only<T>(result: Result<T, ApiError>) -> Result<AdminOnly<T>, ApiError> {
    match result {
        Ok(value) => Ok(Some(Some(value))),
        Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => Ok(Some(None)),
        Err(error) => Err(error),
    }
}

/// `/gestion/association/personnes`: the accounts, searched and filtered.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let filter = move || PeopleFilter::from_query(&query.read());
    let resource = LocalResource::new(move || {
        let filter = filter();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            let query = AccountQuery {
                q: filter.q.clone(),
                role: filter.role,
                page: Some(filter.page),
                per_page: None,
            };
            admin_only(api::accounts(&token, &query).await)
        }
    });
    let loaded = move |found: AdminOnly<shared::Page<AccountSummary>>| match found {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(Some(page)) => {
            let t = people();
            if page.items.is_empty() {
                return view! { <p role="status">{move || t().none_found}</p> }.into_any();
            }
            let total = page.total.to_string();
            let page_count = page.page_count();
            let current = page.page;
            let rows = page
                .items
                .into_iter()
                .map(|account| view! { <PersonRow account /> })
                .collect_view();
            view! {
                <p role="status">{move || (t().found)(&total)}</p>
                <ul class="bo-rows">{rows}</ul>
                <Pagination
                    page=current
                    page_count
                    href_for=move |page| Page::People(PeopleFilter { page, ..filter() }).href()
                    on_follow=|()| {}
                />
            }
            .into_any()
        }
    };
    view! {
        <Frame heading=|t| t.people().heading>
            <p><a href=Page::Association.href()>{tr(|t| t.bo().bo_association_heading)}</a></p>
            <p>{tr(|t| t.people().intro)}</p>
            <SearchForm filter=filter() />
            <Loaded resource loaded />
        </Frame>
    }
}

/// The search field and role filter; submitting changes the address.
#[component]
fn SearchForm(filter: PeopleFilter) -> impl IntoView {
    let navigate = use_navigate();
    let q = RwSignal::new(filter.q.clone().unwrap_or_default());
    let role = RwSignal::new(
        filter
            .role
            .map(|role| role.as_str().to_owned())
            .unwrap_or_default(),
    );
    let go = move || {
        let filter = PeopleFilter {
            q: Some(q.get_untracked()).filter(|q| !q.trim().is_empty()),
            role: Role::parse(&role.get_untracked()),
            page: 1,
        };
        navigate(&Page::People(filter).href(), NavigateOptions::default());
    };
    let submit = {
        let go = go.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            go();
        }
    };
    let t = people();
    let options = ROLES
        .into_iter()
        .map(|r| view! { <option value=r.as_str()>{move || role_name(t(), r)}</option> })
        .collect_view();
    view! {
        <form class="bo-filter" role="search" on:submit=submit>
            <div class="field">
                <label for="personnes-recherche">{tr(|t| t.people().search_label)}</label>
                <p class="field__hint" id="personnes-recherche-aide">{tr(|t| t.people().search_hint)}</p>
                <input
                    id="personnes-recherche"
                    type="search"
                    aria-describedby="personnes-recherche-aide"
                    maxlength=routes::MAX_SEARCH_CHARS
                    prop:value=move || q.get()
                    on:input=move |event| q.set(event_target_value(&event))
                />
            </div>
            <div class="field">
                <label for="personnes-role">{tr(|t| t.people().role_label)}</label>
                <select
                    id="personnes-role"
                    prop:value=move || role.get()
                    on:change=move |event| {
                        role.set(event_target_value(&event));
                        go();
                    }
                >
                    <option value="">{tr(|t| t.people().all_roles)}</option>
                    {options}
                </select>
            </div>
            <button type="submit" class="button">{tr(|t| t.people().search_button)}</button>
        </form>
    }
}

/// One account of the list.
#[component]
fn PersonRow(account: AccountSummary) -> impl IntoView {
    let t = people();
    let role = account.role;
    let shops = account
        .shops
        .iter()
        .map(|shop| shop.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="bo-row" data-testid="person" data-email=account.email.clone()
            data-suspended=account.suspended.to_string()>
            <span>
                <a class="people-name" href=Page::Person(account.id).href()>{account.name}</a>
                <br />
                <span class="people-email">{account.email.clone()}</span>
            </span>
            <span>
                <strong>{move || role_name(t(), role)}</strong>
                {account.suspended.then(|| view! { " " <span class="people-badge">{move || t().suspended}</span> })}
                {(!shops.is_empty()).then(|| view! { <br /> {move || t().shops_of} " " {shops.clone()} })}
            </span>
        </li>
    }
}

/// `/gestion/association/personnes/{id}`: one account, and what an admin can do to it.
#[component]
pub fn PersonPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = move || routes::person_id(&params.read()).unwrap_or_default();
    let account = RwSignal::new(None::<Account>);
    let resource = LocalResource::new(move || {
        let id = id();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            let found = admin_only(api::account(&token, id).await)?;
            if let Some(Some(Some(found))) = &found {
                account.set(Some(found.clone()));
            }
            Ok(found.map(|found| found.map(|found| found.is_some())))
        }
    });
    let loaded = move |found: AdminOnly<bool>| match found {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(Some(false)) => view! { <p>{tr(|t| t.people().no_account)}</p> }.into_any(),
        Some(Some(true)) => view! { <AccountView account /> }.into_any(),
    };
    view! {
        <Frame heading=|t| t.people().account_heading>
            <p>
                <a href=Page::People(PeopleFilter::default()).href()>{tr(|t| t.people().back_to_list)}</a>
            </p>
            <Loaded resource loaded />
        </Frame>
    }
}

/// Runs an admin's action on the account and shows its result (or what went wrong).
fn act<F, Fut>(
    session: SessionState,
    account: RwSignal<Option<Account>>,
    problem: RwSignal<Option<ApiError>>,
    done: impl Fn() + 'static,
    action: F,
) where
    F: FnOnce(String, i64) -> Fut + 'static,
    Fut: Future<Output = Result<Account, ApiError>> + 'static,
{
    let Some(id) = account.with_untracked(|account| account.as_ref().map(|a| a.id)) else {
        return;
    };
    problem.set(None);
    spawn_local(async move {
        let result = match session.access_token().await {
            None => Err(ApiError::Network("signed out".to_owned())),
            Some(token) => action(token, id).await,
        };
        match result {
            Ok(changed) => {
                account.set(Some(changed));
                done();
            }
            Err(error) => problem.set(Some(error)),
        }
    });
}

/// The account's sections.
#[component]
fn AccountView(account: RwSignal<Option<Account>>) -> impl IntoView {
    let t = people();
    let i18n = use_i18n();
    let field = move |pick: fn(&Account) -> String| {
        move || account.with(|a| a.as_ref().map(pick).unwrap_or_default())
    };
    let last_seen = move || {
        account.with(|a| match a.as_ref().and_then(|a| a.last_seen_at.clone()) {
            Some(at) => (t().last_seen)(&day(&at)),
            None => t().never_seen.to_owned(),
        })
    };
    view! {
        <h2 class="people-heading" data-testid="account-name">{field(|a| a.name.clone())}</h2>
        <p class="people-email">{field(|a| a.email.clone())}</p>
        <p class="people-phone" data-testid="account-phone">
            {move || account.with(|a| match a.as_ref().and_then(|a| a.phone.clone()) {
                Some(phone) => {
                    let href = format!("tel:{}", phone.replace(' ', ""));
                    view! { {t().phone_label}" : "<a href=href>{phone}</a> }.into_any()
                }
                None => t().no_phone.into_any(),
            })}
        </p>
        <p>{move || (t().created_on)(&account.with(|a| a.as_ref().map(|a| day(&a.created_at)).unwrap_or_default()))}</p>
        <p>{last_seen}</p>
        // E-mail links (issue 12): whether the address is proved, or refused.
        <p data-testid="account-email-status">{move || account.with(|a| {
            let links = i18n.t().email_links();
            match a.as_ref() {
                Some(a) if a.email_refused.is_some() => format!(
                    "{} ({})",
                    links.admin_refused,
                    a.email_refused.as_ref().map(|r| r.reason.clone()).unwrap_or_default()
                ),
                Some(a) if a.email_verified => links.admin_verified.to_owned(),
                Some(_) => links.admin_unverified.to_owned(),
                None => String::new(),
            }
        })}</p>
        <RoleSection account />
        <ShopsSection account />
        <SuspensionSection account />
        <ResetSection account />
        <HistorySection account />
    }
}

/// The role, and its change.
#[component]
fn RoleSection(account: RwSignal<Option<Account>>) -> impl IntoView {
    let session = use_session();
    let t = people();
    let current = move || account.with(|a| a.as_ref().map_or(Role::Customer, |a| a.role));
    let chosen = RwSignal::new(current().as_str().to_owned());
    let problem = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        let Some(role) = Role::parse(&chosen.get_untracked()) else {
            return;
        };
        act(
            session,
            account,
            problem,
            move || saved.set(true),
            move |token, id| async move { api::change_role(&token, id, role).await },
        );
    };
    let options = ROLES
        .into_iter()
        .map(|r| view! { <option value=r.as_str()>{move || role_name(t(), r)}</option> })
        .collect_view();
    view! {
        <section class="people-section" aria-labelledby="role-titre">
            <h2 id="role-titre" class="bo-subheading">{tr(|t| t.people().role_heading)}</h2>
            <p class="people-role" data-testid="account-role">{move || role_name(t(), current())}</p>
            <form class="bo-inline-form" on:submit=submit>
                <div class="field">
                    <label for="nouveau-role">{tr(|t| t.people().new_role_label)}</label>
                    <p class="field__hint" id="nouveau-role-aide">{tr(|t| t.people().role_hint)}</p>
                    <select id="nouveau-role" aria-describedby="nouveau-role-aide"
                        prop:value=move || chosen.get()
                        on:change=move |event| chosen.set(event_target_value(&event))>
                        {options}
                    </select>
                </div>
                <button type="submit" class="button">{tr(|t| t.people().change_role)}</button>
            </form>
            <div role="status">
                {move || saved.get().then(|| view! { <p class="bo-saved">{tr(|t| t.people().role_changed)}</p> })}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.problem_conflict /> })}
        </section>
    }
}

/// The shops whose team the account is on, with removal, and the addition.
#[component]
fn ShopsSection(account: RwSignal<Option<Account>>) -> impl IntoView {
    let session = use_session();
    let t = people();
    let problem = RwSignal::new(None::<ApiError>);
    let chosen = RwSignal::new(String::new());
    let all_shops = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Vec::new();
        };
        api::admin_shops(&token)
            .await
            .map(|page| page.items)
            .unwrap_or_default()
    });
    let add = move |event: SubmitEvent| {
        event.prevent_default();
        let slug = chosen.get_untracked();
        if slug.is_empty() {
            return;
        }
        act(
            session,
            account,
            problem,
            move || chosen.set(String::new()),
            move |token, id| async move { api::add_account_shop(&token, id, &slug).await },
        );
    };
    let shops = move || {
        let shops = account.with(|a| a.as_ref().map(|a| a.shops.clone()).unwrap_or_default());
        if shops.is_empty() {
            return view! { <p>{move || t().no_shops}</p> }.into_any();
        }
        let rows = shops
            .into_iter()
            .map(|shop| {
                let (slug, name) = (shop.slug.clone(), shop.name.clone());
                let remove = move |_| {
                    let slug = slug.clone();
                    act(
                        session,
                        account,
                        problem,
                        || {},
                        move |token, id| async move {
                            api::remove_account_shop(&token, id, &slug).await
                        },
                    );
                };
                let label = name.clone();
                view! {
                    <li class="bo-row" data-testid="account-shop">
                        <span>{name}</span>
                        <button type="button" class="button button--secondary" on:click=remove>
                            {move || (t().remove_shop)(&label)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="bo-rows">{rows}</ul> }.into_any()
    };
    let options = move || {
        all_shops
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|shop: AdminShop| view! { <option value=shop.slug.clone()>{shop.name}</option> })
            .collect_view()
    };
    view! {
        <section class="people-section" aria-labelledby="commerces-titre">
            <h2 id="commerces-titre" class="bo-subheading">{tr(|t| t.people().shops_heading)}</h2>
            {shops}
            <form class="bo-inline-form" on:submit=add>
                <div class="field">
                    <label for="ajout-commerce">{tr(|t| t.people().add_shop_label)}</label>
                    <select id="ajout-commerce" prop:value=move || chosen.get()
                        on:change=move |event| chosen.set(event_target_value(&event))>
                        <option value="">{tr(|t| t.people().choose_shop)}</option>
                        {options}
                    </select>
                </div>
                <button type="submit" class="button">{tr(|t| t.people().add_shop)}</button>
            </form>
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.problem_conflict /> })}
        </section>
    }
}

/// Suspended or not; suspending takes two steps.
#[component]
fn SuspensionSection(account: RwSignal<Option<Account>>) -> impl IntoView {
    let session = use_session();
    let t = people();
    let confirming = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let suspended_at = move || account.with(|a| a.as_ref().and_then(|a| a.suspended_at.clone()));
    let change = move |suspend: bool| {
        act(
            session,
            account,
            problem,
            move || confirming.set(false),
            move |token, id| async move { api::suspend_account(&token, id, suspend).await },
        );
    };
    view! {
        <section class="people-section" aria-labelledby="suspension-titre">
            <h2 id="suspension-titre" class="bo-subheading">{tr(|t| t.people().suspension_heading)}</h2>
            {move || match suspended_at() {
                Some(at) => view! {
                    <p class="people-suspended" data-testid="suspended">{(t().suspended_since)(&day(&at))}</p>
                    <button type="button" class="button" on:click=move |_| change(false)>{move || t().reinstate}</button>
                }.into_any(),
                None if confirming.get() => view! {
                    <p role="alert" class="bo-key-box__warning">{move || t().suspend_warning}</p>
                    <p class="bo-shop__links">
                        <button type="button" class="button button--danger" on:click=move |_| change(true)>{move || t().suspend_confirm}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{move || t().cancel}</button>
                    </p>
                }.into_any(),
                None => view! {
                    <p>{move || t().active}</p>
                    <button type="button" class="button button--secondary" on:click=move |_| confirming.set(true)>{move || t().suspend}</button>
                }.into_any(),
            }}
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.problem_conflict /> })}
        </section>
    }
}

/// The one-time code to read out on the phone.
#[component]
fn ResetSection(account: RwSignal<Option<Account>>) -> impl IntoView {
    let session = use_session();
    let t = people();
    let code = RwSignal::new(None::<ResetCode>);
    let problem = RwSignal::new(None::<ApiError>);
    let generate = move |_| {
        let Some(id) = account.with_untracked(|a| a.as_ref().map(|a| a.id)) else {
            return;
        };
        problem.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::create_reset_code(&token, id).await,
            };
            match result {
                Ok(new) => {
                    code.set(Some(new));
                    // The history now says a code was generated.
                    if let Some(token) = session.access_token().await
                        && let Ok(Some(fresh)) = api::account(&token, id).await
                    {
                        account.set(Some(fresh));
                    }
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let page = Page::ResetWithCode.href();
    view! {
        <section class="people-section" aria-labelledby="code-titre">
            <h2 id="code-titre" class="bo-subheading">{tr(|t| t.people().reset_heading)}</h2>
            <p>{tr(|t| t.people().reset_intro)}</p>
            <button type="button" class="button" on:click=generate>{tr(|t| t.people().reset_button)}</button>
            {move || code.get().map(|code| {
                let page = page.clone();
                view! {
                    <div class="bo-key-box" role="alert">
                        <p class="bo-key-box__warning">{move || t().reset_code_label}</p>
                        <p class="people-code" data-testid="reset-code">{code.code}</p>
                        <p>{move || t().reset_read_out}</p>
                        <p>{move || (t().reset_where)(&page)}</p>
                    </div>
                }
            })}
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.problem_conflict /> })}
        </section>
    }
}

/// What happened to the account, newest first, with who did it.
#[component]
fn HistorySection(account: RwSignal<Option<Account>>) -> impl IntoView {
    let t = people();
    let kind = |t: &PeopleStrings, kind: AccountEventKind| match kind {
        AccountEventKind::RoleChanged => t.event_role_changed,
        AccountEventKind::ShopAdded => t.event_shop_added,
        AccountEventKind::ShopRemoved => t.event_shop_removed,
        AccountEventKind::Suspended => t.event_suspended,
        AccountEventKind::Reinstated => t.event_reinstated,
        AccountEventKind::ResetCodeCreated => t.event_reset_code,
        AccountEventKind::PasswordReset => t.event_password_reset,
    };
    let events = move || {
        let history = account.with(|a| a.as_ref().map(|a| a.history.clone()).unwrap_or_default());
        if history.is_empty() {
            return view! { <p>{move || t().history_empty}</p> }.into_any();
        }
        let rows = history
            .into_iter()
            .map(|event| {
                let who = event.actor.map(|actor| actor.name);
                let detail = if event.kind == AccountEventKind::RoleChanged {
                    role_change(t(), &event.detail)
                } else {
                    event.detail
                };
                let at = event.at;
                view! {
                    <li>
                        <time datetime=at.clone()>{day(&at)} " " {at.get(11..16).unwrap_or_default().to_owned()}</time>
                        " — " <strong>{move || kind(t(), event.kind)}</strong>
                        {(!detail.is_empty()).then(|| view! { " : " {detail.clone()} })}
                        {who.map(|who| view! { " " {move || (t().by)(&who)} })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="people-history" data-testid="history">{rows}</ul> }.into_any()
    };
    view! {
        <section class="people-section" aria-labelledby="historique-titre">
            <h2 id="historique-titre" class="bo-subheading">{tr(|t| t.people().history_heading)}</h2>
            {events}
        </section>
    }
}
