//! The association's delivery page (admins): the communes of the delivery zone, found in
//! the official list and added one by one; the delivery weekdays per kind of shop, the
//! cut-off hour and the free-delivery rule; the days without delivery.
//!
//! Browser tests rely on the labels ("Ajouter une commune", "Date sans livraison", the
//! weekdays inside the "Commerces alimentaires" and "Autres commerces" groups), on
//! `[data-testid="zone-commune"]` (`data-insee`), `[data-testid="commune-result"]`
//! (`data-insee`, `data-postcode`) and `[data-testid="delivery-closed-day"]` (`data-date`).

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    delivery::{AddCommune, CommuneMatch, DeliverySettings, FreeDelivery, UpdateDelivery},
    error::ErrorCode,
    order::Commune,
};

use super::{Frame, LoginNeeded};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText},
    i18n::{Text, tr, use_i18n},
    price,
    state::session::{SessionState, use_session},
};

/// Id of the commune search field, focused again after a commune is added.
const SEARCH_ID: &str = "commune-recherche";

/// `/gestion/association/livraison`: the delivery zone and days.
#[component]
pub fn DeliveryPage() -> impl IntoView {
    let session = use_session();
    let resource = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        match api::admin_delivery(&token).await {
            Ok(settings) => {
                let zone = api::list_communes().await?;
                Ok(Some(Some((settings, zone))))
            }
            // Not an admin: the route does not exist for them.
            Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => Ok(Some(None)),
            Err(error) => Err(error),
        }
    });
    let loaded = move |data: Option<Option<(DeliverySettings, Vec<Commune>)>>| match data {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(Some((settings, zone))) => view! {
            <p>{tr(|t| t.delivery().intro)}</p>
            <Zone zone />
            <DaysForm settings=settings.clone() />
            <ClosedDays days=settings.closed_days />
        }
        .into_any(),
    };
    view! {
        <Frame heading=|t| t.delivery().heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// The signed-in admin's token, or the error a page shows when the session ended.
async fn token(session: SessionState) -> Result<String, ApiError> {
    session
        .access_token()
        .await
        .ok_or_else(|| ApiError::Network("signed out".to_owned()))
}

/// The zone: its communes, each removable, and the search that adds one.
#[component]
fn Zone(zone: Vec<Commune>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let zone = RwSignal::new(zone);
    let query = RwSignal::new(String::new());
    let results = RwSignal::new(None::<(Vec<CommuneMatch>, u64)>);
    let problem = RwSignal::new(None::<ApiError>);
    // What the live region says after an addition or a removal.
    let said = RwSignal::new(None::<String>);
    let searching = RwSignal::new(false);

    let search = move |event: SubmitEvent| {
        event.prevent_default();
        let q = query.get_untracked().trim().to_owned();
        problem.set(None);
        said.set(None);
        if q.is_empty() {
            results.set(None);
            return;
        }
        searching.set(true);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::search_communes(&token, &q).await,
            };
            searching.set(false);
            match result {
                Ok(page) => results.set(Some((page.items, page.total))),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let add = move |insee: String, postcode: String| {
        problem.set(None);
        said.set(None);
        spawn_local(async move {
            let body = AddCommune {
                insee: insee.clone(),
                postcode: Some(postcode),
            };
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::add_commune(&token, &body).await,
            };
            match result {
                Ok(commune) => {
                    said.set(Some((i18n.t().delivery().added)(&commune.name)));
                    zone.update(|zone| {
                        zone.push(commune);
                        zone.sort_by(|a, b| a.name.cmp(&b.name));
                    });
                    results.update(|results| {
                        if let Some((items, _)) = results {
                            for item in items.iter_mut().filter(|item| item.insee == insee) {
                                item.in_zone = true;
                            }
                        }
                    });
                    focus(SEARCH_ID);
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let remove = move |commune: Commune| {
        problem.set(None);
        said.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::remove_commune(&token, &commune.insee).await,
            };
            match result {
                Ok(()) => {
                    said.set(Some((i18n.t().delivery().removed)(&commune.name)));
                    zone.update(|zone| zone.retain(|c| c.insee != commune.insee));
                    results.update(|results| {
                        if let Some((items, _)) = results {
                            for item in items.iter_mut().filter(|item| item.insee == commune.insee)
                            {
                                item.in_zone = false;
                            }
                        }
                    });
                    focus(SEARCH_ID);
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };

    let zone_list = move || {
        let list = zone.get();
        if list.is_empty() {
            return view! { <p>{tr(|t| t.delivery().zone_empty)}</p> }.into_any();
        }
        let rows = list
            .into_iter()
            .map(|commune| {
                let label = (i18n.t().delivery().zone_item)(&commune.name, &commune.postcode);
                let button_label = {
                    let name = commune.name.clone();
                    move || (i18n.t().delivery().remove_label)(&name)
                };
                let insee = commune.insee.clone();
                view! {
                    <li class="bo-row" data-testid="zone-commune" data-insee=insee>
                        <span>{label}</span>
                        <button type="button" class="button button--secondary"
                            aria-label=button_label on:click=move |_| remove(commune.clone())>
                            {tr(|t| t.delivery().remove)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="bo-rows">{rows}</ul> }.into_any()
    };

    let result_list = move || {
        let (items, total) = results.get()?;
        if items.is_empty() {
            return Some(view! { <p>{tr(|t| t.delivery().search_none)}</p> }.into_any());
        }
        let count = usize::try_from(total).unwrap_or(usize::MAX);
        let shown = items.len();
        // One choice per postcode: a commune with several is one line per postcode.
        let rows = items
            .into_iter()
            .flat_map(|item| {
                item.postcodes
                    .clone()
                    .into_iter()
                    .map(move |postcode| (item.clone(), postcode))
            })
            .map(|(item, postcode)| {
                let text = (i18n.t().delivery().result)(&item.name, &postcode, &item.departement);
                let add_label = (i18n.t().delivery().add_label)(&item.name, &postcode);
                let action = if item.in_zone {
                    view! { <span class="delivery-in-zone">{tr(|t| t.delivery().in_zone)}</span> }
                        .into_any()
                } else {
                    let (insee, code) = (item.insee.clone(), postcode.clone());
                    view! {
                        <button type="button" class="button" aria-label=add_label
                            on:click=move |_| add(insee.clone(), code.clone())>
                            {tr(|t| t.delivery().add)}
                        </button>
                    }
                    .into_any()
                };
                view! {
                    <li class="bo-row" data-testid="commune-result" data-insee=item.insee.clone() data-postcode=postcode>
                        <span>{text}</span>
                        {action}
                    </li>
                }
            })
            .collect_view();
        Some(
            view! {
                <p>{move || (i18n.t().delivery().search_count)(count, shown)}</p>
                <ul class="bo-rows" aria-label=tr(|t| t.delivery().search_label)>{rows}</ul>
            }
            .into_any(),
        )
    };

    view! {
        <section class="bo-section" aria-labelledby="zone-titre">
            <h2 class="bo-subheading" id="zone-titre">{tr(|t| t.delivery().zone_heading)}</h2>
            {zone_list}
            <form class="bo-inline-form" role="search" on:submit=search novalidate>
                <div class="field">
                    <label for=SEARCH_ID>{tr(|t| t.delivery().search_label)}</label>
                    <p class="field__hint" id="commune-recherche-aide">{tr(|t| t.delivery().search_hint)}</p>
                    <input id=SEARCH_ID type="search" autocomplete="off" maxlength="100"
                        aria-describedby="commune-recherche-aide"
                        prop:value=move || query.get() on:input=move |event| query.set(event_target_value(&event)) />
                </div>
                <button type="submit" class="button button--secondary" prop:disabled=move || searching.get()>
                    {tr(|t| t.delivery().search_button)}
                </button>
            </form>
            <div role="status" class="delivery-status">
                {move || said.get().map(|text| view! { <p class="bo-saved">{text}</p> })}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.delivery().in_zone /> })}
            {result_list}
        </section>
    }
}

/// Moves the keyboard focus to the element with this id.
fn focus(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The weekday boxes of one kind of shop.
#[component]
fn Weekdays(legend: Text, name: &'static str, days: RwSignal<Vec<u8>>) -> impl IntoView {
    let i18n = use_i18n();
    let boxes = (1..=7u8)
        .map(|weekday| {
            let id = format!("{name}-{weekday}");
            let toggle = move |event: leptos::ev::Event| {
                let on = event_target_checked(&event);
                days.update(|days| {
                    days.retain(|d| *d != weekday);
                    if on {
                        days.push(weekday);
                        days.sort_unstable();
                    }
                });
            };
            view! {
                <label class="bo-choice">
                    <input id=id type="checkbox" prop:checked=move || days.get().contains(&weekday) on:change=toggle />
                    <span>{move || i18n.t().weekday(weekday)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="bo-choices" data-testid=format!("days-{name}")>
            <legend>{tr(legend)}</legend>
            <div class="delivery-weekdays">{boxes}</div>
        </fieldset>
    }
}

/// Weekdays per kind of shop, the cut-off hour and the free-delivery rule, saved together.
#[component]
fn DaysForm(settings: DeliverySettings) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let food = RwSignal::new(settings.food_days);
    let non_food = RwSignal::new(settings.non_food_days);
    let cut_off = RwSignal::new(settings.cut_off_hour);
    let (minimum_on, minimum_text) = match settings.free_delivery {
        FreeDelivery::Always {} => (false, String::new()),
        FreeDelivery::MinimumBasket { minimum_cents } => {
            (true, price::euros_text(minimum_cents, ','))
        }
    };
    let minimum_on = RwSignal::new(minimum_on);
    let minimum = RwSignal::new(minimum_text);
    let minimum_bad = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        saved.set(false);
        problem.set(None);
        let free_delivery = if minimum_on.get_untracked() {
            match price::parse_euros(&minimum.get_untracked()) {
                Ok(Some(cents))
                    if (1..=shared::delivery::MAX_MINIMUM_BASKET_CENTS).contains(&cents) =>
                {
                    FreeDelivery::MinimumBasket {
                        minimum_cents: cents,
                    }
                }
                _ => {
                    minimum_bad.set(true);
                    focus("minimum-livraison");
                    return;
                }
            }
        } else {
            FreeDelivery::Always {}
        };
        minimum_bad.set(false);
        let change = UpdateDelivery {
            food_days: Some(food.get_untracked()),
            non_food_days: Some(non_food.get_untracked()),
            cut_off_hour: Some(cut_off.get_untracked()),
            free_delivery: Some(free_delivery),
        };
        sending.set(true);
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::update_delivery(&token, &change).await,
                Err(error) => Err(error),
            };
            sending.set(false);
            match result {
                Ok(_) => saved.set(true),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let hours = (0..=23u8)
        .map(|hour| {
            view! {
                <option value=hour.to_string() selected=move || cut_off.get() == hour>
                    {move || (i18n.t().delivery().hour)(hour)}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="bo-form" on:submit=submit novalidate aria-labelledby="jours-titre">
            <h2 class="bo-subheading" id="jours-titre">{tr(|t| t.delivery().days_heading)}</h2>
            <Weekdays legend=|t| t.delivery().food_days name="alimentaire" days=food />
            <p class="field__hint">{tr(|t| t.delivery().restaurants_hint)}</p>
            <Weekdays legend=|t| t.delivery().non_food_days name="autres" days=non_food />
            <div class="field">
                <label for="heure-limite">{tr(|t| t.delivery().cut_off)}</label>
                <p class="field__hint" id="heure-limite-aide">{tr(|t| t.delivery().cut_off_hint)}</p>
                <select id="heure-limite" aria-describedby="heure-limite-aide"
                    on:change=move |event| {
                        if let Ok(hour) = event_target_value(&event).parse::<u8>() {
                            cut_off.set(hour);
                        }
                    }>
                    {hours}
                </select>
            </div>
            <fieldset class="bo-choices">
                <legend>{tr(|t| t.delivery().free_legend)}</legend>
                <label class="bo-choice">
                    <input type="radio" name="gratuite" prop:checked=move || !minimum_on.get()
                        on:change=move |_| minimum_on.set(false) />
                    {tr(|t| t.delivery().free_always)}
                </label>
                <label class="bo-choice">
                    <input type="radio" name="gratuite" prop:checked=move || minimum_on.get()
                        on:change=move |_| minimum_on.set(true) />
                    {tr(|t| t.delivery().free_minimum)}
                </label>
                {move || minimum_on.get().then(|| view! {
                    <div class="field">
                        <label for="minimum-livraison">{tr(|t| t.delivery().minimum_label)}</label>
                        <p class="field__hint" id="minimum-livraison-aide">{tr(|t| t.delivery().minimum_hint)}</p>
                        <input id="minimum-livraison" type="text" inputmode="decimal" autocomplete="off"
                            aria-invalid=move || minimum_bad.get().then_some("true")
                            aria-describedby=move || if minimum_bad.get() { "minimum-livraison-aide minimum-livraison-erreur" } else { "minimum-livraison-aide" }
                            prop:value=move || minimum.get() on:input=move |event| minimum.set(event_target_value(&event)) />
                        {move || minimum_bad.get().then(|| view! {
                            <p class="field__error" id="minimum-livraison-erreur">{tr(|t| t.delivery().minimum_error)}</p>
                        })}
                    </div>
                })}
            </fieldset>
            <button type="submit" class="button" prop:disabled=move || sending.get()>{tr(|t| t.delivery().save)}</button>
            <div role="status">
                {move || saved.get().then(|| view! { <p class="bo-saved">{tr(|t| t.delivery().saved)}</p> })}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </form>
    }
}

/// The days without delivery, each removable, and the date field that adds one.
#[component]
fn ClosedDays(days: Vec<String>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let days = RwSignal::new(days);
    let date = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<(Text, Option<ApiError>)>);
    let add = move |event: SubmitEvent| {
        event.prevent_default();
        problem.set(None);
        let chosen = date.get_untracked();
        if chosen.trim().is_empty() {
            problem.set(Some((|t| t.bo().bo_error_date, None)));
            return;
        }
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::add_marketplace_closed_day(&token, &chosen).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(day) => {
                    days.update(|days| {
                        days.push(day.date);
                        days.sort();
                    });
                    date.set(String::new());
                }
                Err(error) => {
                    let lead: Text = match &error {
                        ApiError::Api(p) if p.code == ErrorCode::Conflict => {
                            |t| t.bo().bo_error_already_closed
                        }
                        ApiError::Api(p) if p.code == ErrorCode::Unprocessable => {
                            |t| t.bo().bo_error_date_range
                        }
                        _ => |t| t.bo().bo_error_date,
                    };
                    problem.set(Some((lead, Some(error))));
                }
            }
        });
    };
    let remove = move |day: String| {
        problem.set(None);
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::remove_marketplace_closed_day(&token, &day).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(()) => days.update(|days| days.retain(|d| *d != day)),
                Err(error) => problem.set(Some((|t| t.bo().bo_not_saved, Some(error)))),
            }
        });
    };
    let list = move || {
        let list = days.get();
        if list.is_empty() {
            return view! { <p>{tr(|t| t.delivery().closed_none)}</p> }.into_any();
        }
        let rows = list
            .into_iter()
            .map(|day| {
                let text = {
                    let day = day.clone();
                    move || (i18n.t().delivery().closed_on)(&day)
                };
                let label = {
                    let day = day.clone();
                    move || (i18n.t().delivery().closed_remove_label)(&day)
                };
                let chosen = day.clone();
                view! {
                    <li class="bo-row" data-testid="delivery-closed-day" data-date=day>
                        <span>{text}</span>
                        <button type="button" class="button button--secondary" aria-label=label
                            on:click=move |_| remove(chosen.clone())>
                            {tr(|t| t.delivery().closed_remove)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="bo-rows">{rows}</ul> }.into_any()
    };
    view! {
        <section class="bo-section" aria-labelledby="sans-livraison-titre">
            <h2 class="bo-subheading" id="sans-livraison-titre">{tr(|t| t.delivery().closed_heading)}</h2>
            <p class="field__hint">{tr(|t| t.delivery().closed_hint)}</p>
            {list}
            <form class="bo-inline-form" on:submit=add novalidate>
                <div class="field">
                    <label for="jour-sans-livraison">{tr(|t| t.delivery().closed_date)}</label>
                    <input id="jour-sans-livraison" type="date"
                        aria-invalid=move || problem.get().is_some().then_some("true")
                        aria-describedby=move || problem.get().is_some().then_some("jour-sans-livraison-erreur")
                        prop:value=move || date.get() on:input=move |event| date.set(event_target_value(&event)) />
                </div>
                <button type="submit" class="button button--secondary">{tr(|t| t.delivery().closed_add)}</button>
            </form>
            {move || problem.get().map(|(lead, error)| view! {
                <div class="field__error" id="jour-sans-livraison-erreur">
                    <p class="problem__lead">{tr(lead)}</p>
                    {error.map(|error| match error {
                        ApiError::Api(p) => view! { <crate::components::ServerWords detail=p.detail /> }.into_any(),
                        other => view! { <ProblemText error=other /> }.into_any(),
                    })}
                </div>
            })}
        </section>
    }
}
