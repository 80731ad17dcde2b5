//! The association's planning of the delivery rounds (issue 11, admins): a delivery date's
//! rounds with their stops; create, rename and delete a round, assign its volunteers, move
//! stops between rounds (one by one or a whole commune), put them in driving order with
//! up and down buttons, and reach the sheets to print and the CSV file.
//!
//! Every change answers with the round, but a move changes two rounds: the page loads the
//! date again after each change rather than patching its copy.
//!
//! Browser tests rely on the labels ("Nom de la nouvelle tournée", "Bénévoles"), on
//! `[data-testid="round"]` (`data-id`, `data-name`) and `[data-testid="round-stop"]`
//! (`data-key`, `data-commune`).

use std::future::Future;

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{
    delivery::DeliverySettings,
    error::ErrorCode,
    rounds::{CreateRound, Round, UpdateRound, Volunteer},
};

use super::{Frame, LoginNeeded, association::AssociationNav, product_csv::offer_download};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText},
    i18n::{tr, use_i18n},
    routes::{self, Page},
    state::session::{SessionState, use_session},
};

/// How many of the next delivery dates the page offers as links.
const NEXT_DATES: usize = 4;

/// What the page shows for one date.
#[derive(Clone)]
struct Plan {
    date: String,
    dates: Vec<String>,
    rounds: Vec<Round>,
    volunteers: Vec<Volunteer>,
}

/// A round as the move controls need it: id, name, stop keys in order.
#[derive(Clone)]
struct RoundKeys {
    id: i64,
    name: String,
    keys: Vec<String>,
}

/// `/gestion/association/tournees?date=…`: a delivery date's rounds.
#[component]
pub fn RoundsPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let version = RwSignal::new(0_u32);
    let resource = LocalResource::new(move || {
        let date = routes::round_date(&query.read());
        version.track();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            let delivery = match api::admin_delivery(&token).await {
                Ok(delivery) => delivery,
                // Not an admin: the route does not exist for them.
                Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => {
                    return Ok(Some(None));
                }
                Err(error) => return Err(error),
            };
            let dates = next_dates(&delivery);
            let date = date
                .or_else(|| dates.first().cloned())
                .unwrap_or_else(|| iso_day(0));
            let rounds = api::rounds(&token, Some(date.clone())).await?.rounds;
            let volunteers = api::volunteers(&token).await?;
            Ok(Some(Some(Plan {
                date,
                dates,
                rounds,
                volunteers,
            })))
        }
    });
    let changed = Callback::new(move |()| version.update(|version| *version += 1));
    let loaded = move |plan: Option<Option<Plan>>| match plan {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(Some(plan)) => view! { <PlanView plan changed /> }.into_any(),
    };
    view! {
        <Frame heading=|t| t.rounds().heading>
            <AssociationNav />
            <p>{tr(|t| t.rounds().intro)}</p>
            <Loaded resource loaded />
        </Frame>
    }
}

/// The date chooser, the new round's form and the date's rounds.
#[component]
fn PlanView(plan: Plan, changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let Plan {
        date,
        dates,
        rounds,
        volunteers,
    } = plan;
    let chosen = RwSignal::new(date.clone());
    let show = move |event: SubmitEvent| {
        event.prevent_default();
        navigate(
            &Page::Rounds(Some(chosen.get_untracked())).href(),
            Default::default(),
        );
    };
    let date_links = dates
        .into_iter()
        .map(|day| {
            let current = (day == date).then_some("page");
            let label = (i18n.t().rounds().date)(&day);
            view! {
                <li><a class="button button--secondary" href=Page::Rounds(Some(day)).href() aria-current=current>{label}</a></li>
            }
        })
        .collect_view();
    let all: Vec<RoundKeys> = rounds
        .iter()
        .filter_map(|round| {
            Some(RoundKeys {
                id: round.id?,
                name: round.name.clone(),
                keys: round.stops.iter().map(|stop| stop.key.clone()).collect(),
            })
        })
        .collect();
    let stops_count: usize = rounds.iter().map(|round| round.stops.len()).sum();
    let heading = (i18n.t().rounds().date_heading)(&date);
    let cards = rounds
        .into_iter()
        .map(|round| {
            view! { <RoundCard round all=all.clone() volunteers=volunteers.clone() changed /> }
        })
        .collect_view();
    view! {
        <nav aria-label=tr(|t| t.rounds().dates_label)>
            <ul class="round-dates">{date_links}</ul>
        </nav>
        <form class="round-date-form" on:submit=show>
            <label for="round-date">{tr(|t| t.rounds().other_date)}</label>
            <input id="round-date" type="date" required prop:value=chosen
                on:input=move |event| chosen.set(event_target_value(&event)) />
            <button type="submit" class="button button--secondary">{tr(|t| t.rounds().show_date)}</button>
        </form>
        <h2>{heading}</h2>
        {(stops_count == 0).then(|| view! { <p>{tr(|t| t.rounds().no_delivery)}</p> })}
        <NewRound date=date.clone() first=all.is_empty() changed />
        <div class="rounds">{cards}</div>
    }
}

/// Runs one change with the admin's token: `changed` after it, else its problem shown.
fn act<F, Fut>(
    session: SessionState,
    problem: RwSignal<Option<ApiError>>,
    changed: Callback<()>,
    change: F,
) where
    F: FnOnce(String) -> Fut + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    problem.set(None);
    spawn_local(async move {
        let result = match session.access_token().await {
            None => Err(ApiError::Network("signed out".to_owned())),
            Some(token) => change(token).await,
        };
        match result {
            Ok(()) => changed.run(()),
            Err(error) => problem.set(Some(error)),
        }
    });
}

/// The new round's form: its name and the time the bags must be ready.
#[component]
fn NewRound(date: String, first: bool, changed: Callback<()>) -> impl IntoView {
    let session = use_session();
    let name = RwSignal::new(String::new());
    let ready_by = RwSignal::new("09:00".to_owned());
    let problem = RwSignal::new(None::<ApiError>);
    let create = move |event: SubmitEvent| {
        event.prevent_default();
        let round = CreateRound {
            date: date.clone(),
            name: name.get_untracked().trim().to_owned(),
            ready_by: Some(ready_by.get_untracked()),
        };
        act(session, problem, changed, move |token| async move {
            api::create_round(&token, &round).await.map(drop)
        });
    };
    view! {
        <form class="round-new" on:submit=create>
            <h3>{tr(|t| t.rounds().new_heading)}</h3>
            {first.then(|| view! { <p>{tr(|t| t.rounds().first_hint)}</p> })}
            <div class="field">
                <label for="round-new-name">{tr(|t| t.rounds().new_name)}</label>
                <input id="round-new-name" type="text" required maxlength="80" prop:value=name
                    on:input=move |event| name.set(event_target_value(&event)) />
            </div>
            <div class="field">
                <label for="round-new-ready">{tr(|t| t.rounds().ready_by)}</label>
                <input id="round-new-ready" type="time" min="05:00" max="14:00" required prop:value=ready_by
                    on:input=move |event| ready_by.set(event_target_value(&event)) />
            </div>
            <button type="submit" class="button">{tr(|t| t.rounds().create)}</button>
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.rounds().conflict /> })}
        </form>
    }
}

/// One round: its name and time, volunteers, links to its sheets, and its stops.
#[component]
fn RoundCard(
    round: Round,
    all: Vec<RoundKeys>,
    volunteers: Vec<Volunteer>,
    changed: Callback<()>,
) -> impl IntoView {
    let Some(id) = round.id else {
        return view! { <DefaultRound round /> }.into_any();
    };
    let keys: Vec<String> = round.stops.iter().map(|stop| stop.key.clone()).collect();
    let others: Vec<RoundKeys> = all.into_iter().filter(|other| other.id != id).collect();
    let mut communes: Vec<String> = round.stops.iter().map(|s| s.commune.clone()).collect();
    communes.dedup();
    communes.sort();
    communes.dedup();
    let count = round.stops.len();
    let stops = round
        .stops
        .iter()
        .enumerate()
        .map(|(at, stop)| {
            let shops: Vec<String> = stop.orders.iter().map(|o| o.shop.name.clone()).collect();
            let unconfirmed: Vec<String> = stop
                .orders
                .iter()
                .filter(|o| o.unconfirmed)
                .map(|o| o.shop.name.clone())
                .collect();
            view! {
                <li class="round-stop" data-testid="round-stop" data-key=stop.key.clone() data-commune=stop.commune.clone()>
                    <p class="round-stop__where">
                        <strong>{format!("{}. {}", stop.sequence, stop.street)}</strong>
                        {format!(", {} {}", stop.postcode, stop.commune)}
                    </p>
                    <p>{stop.customer_name.clone()} " · " {shops.join(", ")}</p>
                    {(!unconfirmed.is_empty()).then(|| {
                        let names = unconfirmed.join(", ");
                        view! { <p class="flag">{move || (use_i18n().t().rounds().unconfirmed)(&names)}</p> }
                    })}
                    <StopControls id at count keys=keys.clone() others=others.clone() street=stop.street.clone() changed />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="round" data-testid="round" data-id=id.to_string() data-name=round.name.clone()
            aria-labelledby=format!("round-{id}")>
            <h3 id=format!("round-{id}")>{round.name.clone()}</h3>
            <p>
                {
                    let ready_by = round.ready_by.clone();
                    move || (use_i18n().t().rounds().summary)(count, &ready_by)
                }
                {(round.unconfirmed_orders > 0).then(|| view! {
                    <span class="flag">{move || (use_i18n().t().rounds().unconfirmed_count)(round.unconfirmed_orders)}</span>
                })}
            </p>
            <RoundSettings id name=round.name.clone() ready_by=round.ready_by.clone() changed />
            <RoundVolunteers id chosen=round.volunteers.iter().map(|v| v.id).collect() volunteers changed />
            <SheetLinks id />
            {(count == 0).then(|| view! { <p>{tr(|t| t.rounds().no_stop)}</p> })}
            <ol class="round-stops">{stops}</ol>
            {(!others.is_empty() && !communes.is_empty()).then(|| view! {
                <MoveCommune round=id keys=round.stops.iter().map(|s| (s.key.clone(), s.commune.clone())).collect() communes others=others.clone() changed />
            })}
        </section>
    }
    .into_any()
}

/// A date no admin has split yet: its deliveries, read-only, until a round is created.
#[component]
fn DefaultRound(round: Round) -> impl IntoView {
    let stops = round
        .stops
        .into_iter()
        .map(|stop| {
            view! {
                <li class="round-stop" data-testid="round-stop" data-key=stop.key data-commune=stop.commune.clone()>
                    <strong>{format!("{}. {}", stop.sequence, stop.street)}</strong>
                    {format!(", {} {} · {}", stop.postcode, stop.commune, stop.customer_name)}
                    {stop.unconfirmed.then(|| view! { " " <span class="flag">{tr(|t| t.rounds().unconfirmed_short)}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="round" data-testid="round" data-name=round.name.clone()>
            <h3>{tr(|t| t.rounds().not_split)}</h3>
            <p>{tr(|t| t.rounds().not_split_hint)}</p>
            <ol class="round-stops">{stops}</ol>
        </section>
    }
}

/// Up, down, and "move to another round" for one stop.
#[component]
fn StopControls(
    id: i64,
    at: usize,
    count: usize,
    keys: Vec<String>,
    others: Vec<RoundKeys>,
    street: String,
    changed: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let problem = RwSignal::new(None::<ApiError>);
    let swap = {
        let keys = keys.clone();
        move |with: usize| {
            let mut keys = keys.clone();
            keys.swap(at, with);
            act(session, problem, changed, move |token| async move {
                api::set_round_stops(&token, id, keys).await.map(drop)
            });
        }
    };
    let up = {
        let swap = swap.clone();
        move |_: leptos::ev::MouseEvent| swap(at - 1)
    };
    let down = move |_: leptos::ev::MouseEvent| swap(at + 1);
    let target = RwSignal::new(others.first().map(|other| other.id));
    let key = keys[at].clone();
    let options = others
        .iter()
        .map(|other| view! { <option value=other.id.to_string()>{other.name.clone()}</option> })
        .collect_view();
    let move_stop = move |event: SubmitEvent| {
        event.prevent_default();
        let Some(target) = target.get_untracked() else {
            return;
        };
        let Some(other) = others.iter().find(|other| other.id == target) else {
            return;
        };
        let mut keys = other.keys.clone();
        keys.push(key.clone());
        act(session, problem, changed, move |token| async move {
            api::set_round_stops(&token, target, keys).await.map(drop)
        });
    };
    let select_id = format!("stop-move-{id}-{at}");
    let has_others = target.get_untracked().is_some();
    let first = at == 0;
    let last = at + 1 >= count;
    let up_label = (i18n.t().rounds().up_label)(&street);
    let down_label = (i18n.t().rounds().down_label)(&street);
    view! {
        <div class="round-stop__controls">
            <button type="button" class="button button--secondary" disabled=first on:click=up
                aria-label=up_label>"↑ " {tr(|t| t.rounds().up)}</button>
            <button type="button" class="button button--secondary" disabled=last on:click=down
                aria-label=down_label>"↓ " {tr(|t| t.rounds().down)}</button>
            {has_others.then(|| view! {
                <form class="round-stop__move" on:submit=move_stop>
                    <label for=select_id.clone()>{tr(|t| t.rounds().move_to)}</label>
                    <select id=select_id on:change=move |event| target.set(event_target_value(&event).parse().ok())>
                        {options}
                    </select>
                    <button type="submit" class="button button--secondary">{tr(|t| t.rounds().move_button)}</button>
                </form>
            })}
        </div>
        {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.rounds().conflict /> })}
    }
}

/// "Move every address of commune X to round Y".
#[component]
fn MoveCommune(
    round: i64,
    keys: Vec<(String, String)>,
    communes: Vec<String>,
    others: Vec<RoundKeys>,
    changed: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let problem = RwSignal::new(None::<ApiError>);
    let commune = RwSignal::new(communes.first().cloned().unwrap_or_default());
    let target = RwSignal::new(others.first().map(|other| other.id));
    let commune_options = communes
        .into_iter()
        .map(|name| view! { <option value=name.clone()>{name.clone()}</option> })
        .collect_view();
    let round_options = others
        .iter()
        .map(|other| view! { <option value=other.id.to_string()>{other.name.clone()}</option> })
        .collect_view();
    let commune_id = format!("move-commune-{round}");
    let round_id = format!("move-commune-to-{round}");
    let send = move |event: SubmitEvent| {
        event.prevent_default();
        let Some(target) = target.get_untracked() else {
            return;
        };
        let Some(other) = others.iter().find(|other| other.id == target) else {
            return;
        };
        let chosen = commune.get_untracked();
        let mut list = other.keys.clone();
        list.extend(
            keys.iter()
                .filter(|(_, commune)| *commune == chosen)
                .map(|(key, _)| key.clone()),
        );
        act(session, problem, changed, move |token| async move {
            api::set_round_stops(&token, target, list).await.map(drop)
        });
    };
    view! {
        <form class="round-commune" on:submit=send>
            <div class="field">
                <label for=commune_id.clone()>{tr(|t| t.rounds().commune_label)}</label>
                <select id=commune_id on:change=move |event| commune.set(event_target_value(&event))>{commune_options}</select>
            </div>
            <div class="field">
                <label for=round_id.clone()>{tr(|t| t.rounds().move_to)}</label>
                <select id=round_id on:change=move |event| target.set(event_target_value(&event).parse().ok())>{round_options}</select>
            </div>
            <button type="submit" class="button button--secondary">{tr(|t| t.rounds().move_commune)}</button>
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.rounds().conflict /> })}
        </form>
    }
}

/// Rename, change the time, delete.
#[component]
fn RoundSettings(id: i64, name: String, ready_by: String, changed: Callback<()>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let name = RwSignal::new(name);
    let ready_by = RwSignal::new(ready_by);
    let problem = RwSignal::new(None::<ApiError>);
    let save = move |event: SubmitEvent| {
        event.prevent_default();
        let change = UpdateRound {
            name: Some(name.get_untracked().trim().to_owned()),
            ready_by: Some(ready_by.get_untracked()),
        };
        act(session, problem, changed, move |token| async move {
            api::update_round(&token, id, &change).await.map(drop)
        });
    };
    let delete = move |_| {
        let question = (i18n.t().rounds().delete_confirm)(&name.get_untracked());
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        act(session, problem, changed, move |token| async move {
            api::delete_round(&token, id).await
        });
    };
    view! {
        <details class="round-settings">
            <summary>{tr(|t| t.rounds().settings)}</summary>
            <form on:submit=save>
                <div class="field">
                    <label for=format!("round-name-{id}")>{tr(|t| t.rounds().name)}</label>
                    <input id=format!("round-name-{id}") type="text" required maxlength="80" prop:value=name
                        on:input=move |event| name.set(event_target_value(&event)) />
                </div>
                <div class="field">
                    <label for=format!("round-ready-{id}")>{tr(|t| t.rounds().ready_by)}</label>
                    <input id=format!("round-ready-{id}") type="time" min="05:00" max="14:00" required prop:value=ready_by
                        on:input=move |event| ready_by.set(event_target_value(&event)) />
                </div>
                <button type="submit" class="button">{tr(|t| t.rounds().save)}</button>
                " "
                <button type="button" class="button button--danger" on:click=delete>{tr(|t| t.rounds().delete)}</button>
            </form>
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.rounds().delete_refused /> })}
        </details>
    }
}

/// The round's volunteers: a box per volunteer, with their phone.
#[component]
fn RoundVolunteers(
    id: i64,
    chosen: Vec<i64>,
    volunteers: Vec<Volunteer>,
    changed: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let problem = RwSignal::new(None::<ApiError>);
    let picked = RwSignal::new(chosen);
    if volunteers.is_empty() {
        return view! {
            <p>
                {tr(|t| t.rounds().no_volunteer)} " "
                <a href=Page::People(routes::PeopleFilter::default()).href()>{tr(|t| t.marketplace.nav_people)}</a>
            </p>
        }
        .into_any();
    }
    let boxes = volunteers
        .into_iter()
        .map(|volunteer| {
            let box_id = format!("round-{id}-volunteer-{}", volunteer.id);
            let who = volunteer.id;
            let checked = move || picked.with(|picked| picked.contains(&who));
            let toggle = move |event: leptos::ev::Event| {
                let on = event_target_checked(&event);
                picked.update(|picked| {
                    picked.retain(|id| *id != who);
                    if on {
                        picked.push(who);
                    }
                });
            };
            let phone = volunteer.phone.clone();
            view! {
                <div class="check">
                    <input id=box_id.clone() type="checkbox" prop:checked=checked on:change=toggle />
                    <label for=box_id>
                        {volunteer.name}
                        " — "
                        {move || phone.clone().unwrap_or_else(|| use_i18n().t().rounds().no_phone.to_owned())}
                    </label>
                </div>
            }
        })
        .collect_view();
    let save = move |event: SubmitEvent| {
        event.prevent_default();
        let ids = picked.get_untracked();
        act(session, problem, changed, move |token| async move {
            api::set_round_volunteers(&token, id, ids).await.map(drop)
        });
    };
    view! {
        <form class="round-volunteers" on:submit=save>
            <fieldset>
                <legend>{tr(|t| t.rounds().volunteers)}</legend>
                {boxes}
            </fieldset>
            <button type="submit" class="button button--secondary">{tr(|t| t.rounds().save_volunteers)}</button>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </form>
    }
    .into_any()
}

/// The links to the sheets to print and to the CSV file.
#[component]
fn SheetLinks(id: i64) -> impl IntoView {
    let session = use_session();
    let problem = RwSignal::new(None::<ApiError>);
    let download = move |collection: bool| {
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::round_sheets_csv(&token, id, collection).await,
            };
            match result {
                Ok(bytes) => {
                    let stem = if collection { "collecte" } else { "tournee" };
                    let file = format!("{stem}-{id}.csv");
                    if offer_download(&bytes, &file, "text/csv").is_err() {
                        problem.set(Some(ApiError::Decode("download".to_owned())));
                    }
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    view! {
        <p class="round-links">
            <a class="button button--secondary" href=Page::RoundSheets(id).href()>{tr(|t| t.rounds().print)}</a>
            " "
            <button type="button" class="button button--secondary" on:click=move |_| download(false)>{tr(|t| t.rounds().csv)}</button>
            " "
            <button type="button" class="button button--secondary" on:click=move |_| download(true)>{tr(|t| t.rounds().collection_csv)}</button>
        </p>
        {move || problem.get().map(|error| view! { <ProblemText error /> })}
    }
}

/// The next delivery dates: the weekdays of either kind of shop, closed days left out.
fn next_dates(delivery: &DeliverySettings) -> Vec<String> {
    (0..21)
        .map(iso_day)
        .filter(|day| {
            let weekday = crate::i18n::calendar_date(day).map(|(_, _, weekday)| weekday);
            weekday.is_some_and(|weekday| {
                delivery.food_days.contains(&weekday) || delivery.non_food_days.contains(&weekday)
            }) && !delivery.closed_days.contains(day)
        })
        .take(NEXT_DATES)
        .collect()
}

/// Today plus `days`, `YYYY-MM-DD`, in the browser's time zone.
fn iso_day(days: u32) -> String {
    let date = js_sys::Date::new_0();
    date.set_date(date.get_date() + days);
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}
