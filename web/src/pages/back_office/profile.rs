//! A shop's profile: what shoppers read about it, its opening hours, how orders reach
//! customers, after how many hours a guest's unconfirmed order is released, its logo and
//! the days it is closed.
//!
//! Browser tests rely on the fields' labels, on `[data-testid="day-<1..7>"]` for each
//! weekday's hours (a "Fermé ce jour-là" box, "Ouvre à" / "Ferme à" and "Rouvre à" /
//! "Ferme à (après-midi)"), the "Enregistrer le profil" button, and
//! `[data-testid="closed-day"]` (`data-date`) for each closed day.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local, wasm_bindgen::JsCast};
use leptos_router::hooks::use_params_map;
use shared::{
    catalogue::{OpeningSlot, ShopKind},
    error::ErrorCode,
    shop_admin::{ClosedDay, ShopProfile, UpdateShop},
};

use super::{
    Frame, LoginNeeded,
    join::{FieldErrors, TextArea},
};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText, TextField},
    i18n::{Text, tr, tr_with, use_i18n},
    routes::{self, Page},
    state::session::use_session,
};

/// `/gestion/{slug}/profil`: the shop's profile, logo and closed days.
#[component]
pub fn ShopProfilePage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let slug = move || routes::shop_slug(&params.read()).unwrap_or_default();
    let resource = LocalResource::new(move || {
        let slug = slug();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            api::shop_profile(&token, &slug).await.map(Some)
        }
    });
    let loaded = move |profile: Option<ShopProfile>| match profile {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(profile) => {
            let slug = profile.slug.clone();
            let history_changed = RwSignal::new(0_u32);
            view! {
                <h2 class="bo-subheading">{profile.name.clone()}</h2>
                <p class="bo-shop__links">
                    <a href=Page::shop(&slug).href()>{tr(|t| t.bo().bo_public_page)}</a>
                </p>
                <ProfileForm profile=profile.clone() />
                <super::legal_identity::LegalIdentitySection slug=slug.clone() legal=profile.legal.clone() />
                // Its own terms of sale once it sells (a pending shop has no public terms).
                {(profile.status == shared::shop_admin::ShopStatus::Active)
                    .then(|| view! { <super::legal_identity::ShopTermsSection slug=slug.clone() /> })}
                // Only an active shop's logo is served (a pending or suspended shop's is a
                // 404): the preview does not ask for one that cannot be there.
                <LogoSection
                    slug=slug.clone()
                    name=profile.name.clone()
                    logo_url=(profile.status == shared::shop_admin::ShopStatus::Active)
                        .then_some(profile.logo_url)
                />
                <ClosedDays slug=slug.clone() />
                <super::notifications::ShopNotificationsSection slug=slug.clone() />
                <super::product_help::ProductHelpSection slug=slug.clone() changed=history_changed />
                <super::product_help::ShopHistorySection slug changed=history_changed />
            }
            .into_any()
        }
    };
    view! {
        <Frame heading=|t| t.bo().bo_profile_heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// One weekday's hours as typed: closed, or one period, or two.
#[derive(Clone, Copy)]
struct DayHours {
    weekday: u8,
    closed: RwSignal<bool>,
    opens: RwSignal<String>,
    closes: RwSignal<String>,
    reopens: RwSignal<String>,
    closes_again: RwSignal<String>,
    /// What is wrong with this day's hours.
    error: RwSignal<Option<Text>>,
}

impl DayHours {
    fn new(weekday: u8, slots: &[OpeningSlot]) -> DayHours {
        let mut day = slots.iter().filter(|slot| slot.weekday == weekday);
        let first = day.next();
        let second = day.next();
        let text = |slot: Option<&OpeningSlot>, pick: fn(&OpeningSlot) -> &String| {
            RwSignal::new(slot.map(pick).cloned().unwrap_or_default())
        };
        DayHours {
            weekday,
            closed: RwSignal::new(first.is_none()),
            opens: text(first, |slot| &slot.opens),
            closes: text(first, |slot| &slot.closes),
            reopens: text(second, |slot| &slot.opens),
            closes_again: text(second, |slot| &slot.closes),
            error: RwSignal::new(None),
        }
    }

    /// The day's periods, or why they cannot be sent.
    fn slots(self) -> Result<Vec<OpeningSlot>, Text> {
        if self.closed.get_untracked() {
            return Ok(Vec::new());
        }
        let period = |opens: RwSignal<String>, closes: RwSignal<String>| {
            let (opens, closes) = (opens.get_untracked(), closes.get_untracked());
            let (opens, closes) = (opens.trim(), closes.trim());
            match (opens.is_empty(), closes.is_empty()) {
                (true, true) => Ok(None),
                (false, false) => Ok(Some(OpeningSlot {
                    weekday: self.weekday,
                    opens: opens.to_owned(),
                    closes: closes.to_owned(),
                })),
                _ => Err::<_, Text>(|t| t.bo().bo_error_period_half),
            }
        };
        let first = period(self.opens, self.closes)?.ok_or::<Text>(|t| t.bo().bo_error_open_day)?;
        let second = period(self.reopens, self.closes_again)?;
        Ok(std::iter::once(first).chain(second).collect())
    }
}

/// The profile's fields; what was typed survives every refusal.
#[component]
fn ProfileForm(profile: ShopProfile) -> impl IntoView {
    let session = use_session();
    let slug = profile.slug.clone();
    let description = RwSignal::new(profile.description);
    let phone = RwSignal::new(profile.phone);
    let email = RwSignal::new(profile.email);
    let address = RwSignal::new(profile.address);
    let postcode = RwSignal::new(profile.postcode);
    let commune = RwSignal::new(profile.commune);
    let days: Vec<DayHours> = (1..=7)
        .map(|weekday| DayHours::new(weekday, &profile.opening_hours))
        .collect();
    let pickup = RwSignal::new(profile.offers_pickup);
    let delivery = RwSignal::new(profile.offers_delivery);
    let vat_exempt = RwSignal::new(profile.vat_exempt);
    let food_days = RwSignal::new(profile.delivers_on_food_days);
    let release_hours = RwSignal::new(profile.release_unconfirmed_after_hours.to_string());
    // Not a number of hours at all: said before anything is sent.
    let release_unreadable = RwSignal::new(false);
    let restaurant = profile.kind == ShopKind::Restaurant;
    let errors = FieldErrors::new();
    let none_offered = RwSignal::new(false);
    let problem = RwSignal::new(None::<(Text, Option<ApiError>)>);
    let saved = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let form_days = days.clone();
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        saved.set(false);
        problem.set(None);
        errors.clear();
        none_offered.set(!pickup.get_untracked() && !delivery.get_untracked());
        let mut hours = Vec::new();
        let mut slot_days = Vec::new();
        let mut invalid = none_offered.get_untracked();
        for day in &form_days {
            match day.slots() {
                Ok(slots) => {
                    day.error.set(None);
                    slot_days.extend(slots.iter().map(|_| *day));
                    hours.extend(slots);
                }
                Err(text) => {
                    day.error.set(Some(text));
                    invalid = true;
                }
            }
        }
        let release = release_hours.get_untracked().trim().parse::<i64>().ok();
        release_unreadable.set(release.is_none());
        if invalid || release.is_none() {
            problem.set(Some((|t| t.bo().bo_fix_errors, None)));
            return;
        }
        let change = UpdateShop {
            description: Some(description.get_untracked().trim().to_owned()),
            phone: Some(phone.get_untracked().trim().to_owned()),
            email: Some(email.get_untracked().trim().to_owned()),
            address: Some(address.get_untracked().trim().to_owned()),
            postcode: Some(postcode.get_untracked().trim().to_owned()),
            commune: Some(commune.get_untracked().trim().to_owned()),
            opening_hours: Some(hours),
            offers_pickup: Some(pickup.get_untracked()),
            offers_delivery: Some(delivery.get_untracked()),
            vat_exempt: Some(vat_exempt.get_untracked()),
            delivers_on_food_days: restaurant.then(|| food_days.get_untracked()),
            release_unconfirmed_after_hours: release,
            delivery_payment_means: None,
        };
        let slug = slug.clone();
        sending.set(true);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::update_shop(&token, &slug, &change).await,
            };
            sending.set(false);
            match result {
                Ok(_) => saved.set(true),
                Err(ApiError::Api(problem_body))
                    if problem_body.code == ErrorCode::Unprocessable =>
                {
                    none_offered.set(true);
                    problem.set(Some((|t| t.bo().bo_fix_errors, None)));
                }
                Err(error) => {
                    if errors.take(&error) {
                        // `opening_hours[i]` is the i-th period sent: its day says it.
                        for field in errors.fields() {
                            let index = field
                                .strip_prefix("opening_hours[")
                                .and_then(|rest| rest.split(']').next())
                                .and_then(|index| index.parse::<usize>().ok());
                            if let Some(day) = index.and_then(|index| slot_days.get(index)) {
                                day.error.set(Some(|t| t.bo().bo_error_hours));
                            }
                        }
                        problem.set(Some((|t| t.bo().bo_fix_errors, Some(error))));
                    } else {
                        problem.set(Some((|t| t.bo().bo_not_saved, Some(error))));
                    }
                }
            }
        });
    };
    let offered_error_id = "offert-erreur";
    let release_refused = errors.of("release_unconfirmed_after_hours", |t| {
        t.hoarding().release_error
    });
    let release_error = Signal::derive(move || {
        if release_unreadable.get() {
            Some::<Text>(|t| t.hoarding().release_error)
        } else {
            release_refused.get()
        }
    });
    view! {
        <form class="bo-form" on:submit=submit novalidate>
            {move || problem.get().map(|(lead, error)| view! {
                <div class="form-problem" role="alert">
                    <p class="form-problem__lead">{tr(lead)}</p>
                    {error.map(|error| view! { <ProblemText error /> })}
                </div>
            })}
            <TextArea id="description" label=|t| t.bo().bo_shop_description value=description error=errors.of("description", |t| t.bo().bo_error_description) rows=5 />
            <TextField id="telephone" label=|t| t.bo().bo_phone value=phone error=errors.of("phone", |t| t.error_phone) kind="tel" autocomplete="tel" />
            <TextField id="email" label=|t| t.bo().bo_email_optional value=email error=errors.of("email", |t| t.error_email) kind="email" autocomplete="email" />
            <TextField id="adresse" label=|t| t.bo().bo_address value=address error=errors.of("address", |t| t.bo().bo_error_address) autocomplete="street-address" />
            <TextField id="code-postal" label=|t| t.bo().bo_postcode value=postcode error=errors.of("postcode", |t| t.bo().bo_error_postcode) autocomplete="postal-code" />
            <TextField id="commune" label=|t| t.bo().bo_commune value=commune error=errors.of("commune", |t| t.bo().bo_error_commune) autocomplete="address-level2" />
            <h2 class="bo-subheading">{tr(|t| t.bo().bo_hours_heading)}</h2>
            <p class="field__hint">{tr(|t| t.bo().bo_hours_hint)}</p>
            {days.into_iter().map(|day| view! { <DayFields day /> }).collect_view()}
            <h2 class="bo-subheading">{tr(|t| t.bo().bo_orders_reach)}</h2>
            <fieldset class="field bo-choices" aria-invalid=move || none_offered.get().then_some("true") aria-describedby=move || none_offered.get().then_some(offered_error_id)>
                <legend>{tr(|t| t.bo().bo_offered_legend)}</legend>
                <Checkbox value=pickup label=|t| t.bo().bo_offers_pickup />
                <Checkbox value=delivery label=|t| t.bo().bo_offers_delivery />
                {move || none_offered.get().then(|| view! { <p class="field__error" id=offered_error_id>{tr(|t| t.bo().bo_error_none_offered)}</p> })}
            </fieldset>
            <div class="bo-choices">
                <Checkbox value=vat_exempt label=|t| t.bo().bo_shop_vat_exempt />
                {restaurant.then(|| view! { <Checkbox value=food_days label=|t| t.bo().bo_food_days /> })}
            </div>
            <TextField id="delai-confirmation" label=|t| t.hoarding().release_label hint=|t| t.hoarding().release_hint value=release_hours error=release_error kind="number" autocomplete="off" />
            <button type="submit" class="button" prop:disabled=move || sending.get()>{tr(|t| t.bo().bo_save_profile)}</button>
            <div role="status">
                {move || saved.get().then(|| view! { <p class="bo-saved">{tr(|t| t.bo().bo_saved)}</p> })}
            </div>
        </form>
    }
}

/// A labelled box.
#[component]
fn Checkbox(value: RwSignal<bool>, label: Text) -> impl IntoView {
    view! {
        <label class="bo-choice">
            <input type="checkbox" prop:checked=move || value.get() on:change=move |event| value.set(event_target_checked(&event)) />
            {tr(label)}
        </label>
    }
}

/// One weekday: closed, or its one or two periods.
#[component]
fn DayFields(day: DayHours) -> impl IntoView {
    let i18n = use_i18n();
    let weekday = day.weekday;
    let id = move |what: &str| format!("{what}-{weekday}");
    let error_id = id("heures-erreur");
    let time = move |field: &'static str, label: Text, value: RwSignal<String>| {
        let input_id = id(field);
        let error_id = id("heures-erreur");
        view! {
            <div class="field bo-time">
                <label for=input_id.clone()>{tr(label)}</label>
                <input id=input_id type="time" step="300"
                    aria-invalid=move || day.error.get().is_some().then_some("true")
                    aria-describedby=move || day.error.get().is_some().then(|| error_id.clone())
                    prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) />
            </div>
        }
    };
    view! {
        <fieldset class="bo-day" data-testid=format!("day-{weekday}")>
            <legend>{move || i18n.t().weekday(weekday)}</legend>
            <Checkbox value=day.closed label=|t| t.bo().bo_closed_that_day />
            {move || (!day.closed.get()).then(|| view! {
                <div class="bo-day__periods">
                    {time("ouvre", |t| t.bo().bo_opens, day.opens)}
                    {time("ferme", |t| t.bo().bo_closes, day.closes)}
                    {time("rouvre", |t| t.bo().bo_reopens, day.reopens)}
                    {time("referme", |t| t.bo().bo_closes_again, day.closes_again)}
                </div>
            })}
            {move || day.error.get().map(|text| view! { <p class="field__error" id=error_id.clone()>{tr(text)}</p> })}
        </fieldset>
    }
}

/// The shop's logo (`logo_url`, none while it is not served), and the file input that
/// replaces it.
#[component]
fn LogoSection(slug: String, name: String, logo_url: Option<String>) -> impl IntoView {
    let session = use_session();
    let url = RwSignal::new(logo_url);
    let problem = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let on_change = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let slug = slug.clone();
        problem.set(None);
        saved.set(false);
        sending.set(true);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::put_shop_logo(&token, &slug, file).await,
            };
            sending.set(false);
            match result {
                Ok(logo) => {
                    url.set(Some(logo.logo_url));
                    saved.set(true);
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let alt = tr_with(|t| t.bo().bo_logo_of, name);
    view! {
        <section class="bo-section" aria-labelledby="logo-titre">
            <h2 class="bo-subheading" id="logo-titre">{tr(|t| t.bo().bo_logo_heading)}</h2>
            {move || {
                url.get()
                    .map(|src| {
                        view! { <img class="bo-logo" src=src alt=alt.clone() width="160" height="160" /> }
                    })
            }}
            <div class="field">
                <label for="logo">{tr(|t| t.bo().bo_logo_choose)}</label>
                <p class="field__hint" id="logo-aide">{tr(|t| t.bo().bo_logo_hint)}</p>
                <input id="logo" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="logo-aide" on:change=on_change prop:disabled=move || sending.get() />
            </div>
            <div role="status">
                {move || sending.get().then(|| view! { <p>{tr(|t| t.bo().bo_logo_sending)}</p> })}
                {move || saved.get().then(|| view! { <p class="bo-saved">{tr(|t| t.bo().bo_logo_saved)}</p> })}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </section>
    }
}

/// The days the shop will be closed, each removable, and the date field that adds one.
#[component]
fn ClosedDays(slug: String) -> impl IntoView {
    let session = use_session();
    let days = RwSignal::new(Vec::<ClosedDay>::new());
    let resource = LocalResource::new({
        let slug = slug.clone();
        move || {
            let slug = slug.clone();
            async move {
                let Some(token) = session.access_token().await else {
                    return Err(ApiError::Network("signed out".to_owned()));
                };
                days.set(api::closed_days(&token, &slug).await?.items);
                Ok(())
            }
        }
    });
    let date = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<(Text, Option<ApiError>)>);
    let add = {
        let slug = slug.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            problem.set(None);
            let chosen = date.get_untracked();
            if chosen.trim().is_empty() {
                problem.set(Some((|t| t.bo().bo_error_date, None)));
                return;
            }
            let slug = slug.clone();
            spawn_local(async move {
                let result = match session.access_token().await {
                    None => Err(ApiError::Network("signed out".to_owned())),
                    Some(token) => api::add_closed_day(&token, &slug, &chosen).await,
                };
                match result {
                    Ok(day) => {
                        days.update(|days| {
                            days.push(day);
                            days.sort_by(|a, b| a.date.cmp(&b.date));
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
        }
    };
    let remove = move |day: String| {
        let slug = slug.clone();
        problem.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::remove_closed_day(&token, &slug, &day).await,
            };
            match result {
                Ok(()) => days.update(|days| days.retain(|d| d.date != day)),
                Err(error) => problem.set(Some((|t| t.bo().bo_not_saved, Some(error)))),
            }
        });
    };
    let loaded = move |()| {
        let remove = remove.clone();
        move || {
            let list = days.get();
            if list.is_empty() {
                return view! { <p>{tr(|t| t.bo().bo_no_closed_day)}</p> }.into_any();
            }
            let remove = remove.clone();
            let rows = list
                .into_iter()
                .map(|day| {
                    let remove = remove.clone();
                    let date = day.date.clone();
                    view! {
                        <li class="bo-row" data-testid="closed-day" data-date=day.date.clone()>
                            <span>{tr_with(|t| t.bo().bo_closed_on, day.date.clone())}</span>
                            <button type="button" class="button button--secondary" on:click=move |_| remove(date.clone())
                                aria-label=tr_with(|t| t.bo().bo_reopen_label, day.date.clone())>
                                {tr(|t| t.bo().bo_reopen)}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="bo-rows">{rows}</ul> }.into_any()
        }
    };
    view! {
        <section class="bo-section" aria-labelledby="fermetures-titre">
            <h2 class="bo-subheading" id="fermetures-titre">{tr(|t| t.bo().bo_closed_days_heading)}</h2>
            <Loaded resource loaded />
            <form class="bo-inline-form" on:submit=add novalidate>
                <div class="field">
                    <label for="jour-ferme">{tr(|t| t.bo().bo_closed_day_date)}</label>
                    <input id="jour-ferme" type="date"
                        aria-invalid=move || problem.get().is_some().then_some("true")
                        aria-describedby=move || problem.get().is_some().then_some("jour-ferme-erreur")
                        prop:value=move || date.get() on:input=move |event| date.set(event_target_value(&event)) />
                </div>
                <button type="submit" class="button button--secondary">{tr(|t| t.bo().bo_add_closed_day)}</button>
            </form>
            {move || problem.get().map(|(lead, error)| view! {
                <div class="field__error" id="jour-ferme-erreur">
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
