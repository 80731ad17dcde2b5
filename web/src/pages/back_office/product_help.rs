//! Products entered for a shop (issue 11): on the shop's profile, the consent switch (its
//! merchants), the volunteers who manage its products (assigned by admins) and the shop's
//! history; on the back-office's home, the shops a volunteer helps.
//!
//! Browser tests rely on the switch's label, `[data-testid="product-helper"]` for each
//! helper, the "Bénévole à qui confier les produits" select and its "Confier" button,
//! `[data-testid="shop-history"]` for the history's entries, and
//! `[data-testid="helped-shop"]` (`data-slug`) for each helped shop.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    auth::Role,
    product_help::{HelpedShop, ProductHelp, ShopHistoryEntry},
    rounds::Volunteer,
};

use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText},
    i18n::use_i18n,
    routes::Page,
    state::session::use_session,
};

/// The consent switch, the helpers, and for admins the assignment; `changed` is bumped
/// after each change so the history reads itself again.
#[component]
pub fn ProductHelpSection(slug: String, changed: RwSignal<u32>) -> impl IntoView {
    let session = use_session();
    let help = RwSignal::new(None::<ProductHelp>);
    let volunteers = RwSignal::new(Vec::<Volunteer>::new());
    let problem = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let is_admin = move || session.user().is_some_and(|user| user.role == Role::Admin);
    let resource = LocalResource::new({
        let slug = slug.clone();
        move || {
            let slug = slug.clone();
            async move {
                let Some(token) = session.access_token().await else {
                    return Err(ApiError::Network("signed out".to_owned()));
                };
                help.set(Some(api::product_help(&token, &slug).await?));
                if is_admin() {
                    volunteers.set(api::volunteers(&token).await?);
                }
                Ok(())
            }
        }
    });
    let answer = move |result: Result<ProductHelp, ApiError>| match result {
        Ok(now) => {
            help.set(Some(now));
            saved.set(true);
            changed.update(|n| *n += 1);
        }
        Err(error) => problem.set(Some(error)),
    };
    let toggle = {
        let slug = slug.clone();
        move |allowed: bool| {
            let slug = slug.clone();
            problem.set(None);
            saved.set(false);
            spawn_local(async move {
                let result = match session.access_token().await {
                    None => Err(ApiError::Network("signed out".to_owned())),
                    Some(token) => api::set_product_help(&token, &slug, allowed).await,
                };
                answer(result);
            });
        }
    };
    let set_helpers = {
        let slug = slug.clone();
        move |ids: Vec<i64>| {
            let slug = slug.clone();
            problem.set(None);
            saved.set(false);
            spawn_local(async move {
                let result = match session.access_token().await {
                    None => Err(ApiError::Network("signed out".to_owned())),
                    Some(token) => api::set_product_helpers(&token, &slug, ids).await,
                };
                answer(result);
            });
        }
    };
    let chosen = RwSignal::new(String::new());
    let assign = {
        let set_helpers = set_helpers.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            let Ok(id) = chosen.get_untracked().parse::<i64>() else {
                return;
            };
            let mut ids: Vec<i64> = help
                .get_untracked()
                .map(|h| h.helpers.iter().map(|h| h.id).collect())
                .unwrap_or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
            set_helpers(ids);
        }
    };
    let loaded = move |()| {
        let toggle = toggle.clone();
        let set_helpers = set_helpers.clone();
        let assign = assign.clone();
        move || {
            let Some(now) = help.get() else {
                return ().into_any();
            };
            let t = use_i18n().t().product_help();
            let toggle = toggle.clone();
            let allowed = now.allowed;
            let helpers = if now.helpers.is_empty() {
                view! { <p>{t.no_helper}</p> }.into_any()
            } else {
                let rows = now
                    .helpers
                    .iter()
                    .map(|helper| {
                        let set_helpers = set_helpers.clone();
                        let rest: Vec<i64> = now
                            .helpers
                            .iter()
                            .map(|h| h.id)
                            .filter(|id| *id != helper.id)
                            .collect();
                        view! {
                            <li class="bo-row" data-testid="product-helper">
                                <span>{helper.name.clone()}</span>
                                {is_admin().then(|| view! {
                                    <button type="button" class="button button--secondary"
                                        on:click=move |_| set_helpers(rest.clone())>{t.unassign}</button>
                                })}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="bo-rows">{rows}</ul> }.into_any()
            };
            let options = volunteers
                .get()
                .into_iter()
                .map(|v| view! { <option value=v.id.to_string()>{v.name}</option> })
                .collect_view();
            let assign = assign.clone();
            view! {
                <div class="check">
                    <input type="checkbox" id="aide-produits" prop:checked=allowed
                        on:change=move |event| toggle(event_target_checked(&event)) />
                    <label for="aide-produits">{t.switch}</label>
                </div>
                {allowed.then(|| view! {
                    <p>{t.helpers}</p>
                    {helpers}
                    {is_admin().then(|| view! {
                        <form class="bo-inline-form" on:submit=assign>
                            <div class="field">
                                <label for="aide-benevole">{t.choose_volunteer}</label>
                                <select id="aide-benevole" on:change=move |event| chosen.set(event_target_value(&event))>
                                    <option value="">"—"</option>
                                    {options}
                                </select>
                            </div>
                            <button type="submit" class="button button--secondary">{t.assign}</button>
                        </form>
                    })}
                })}
            }
            .into_any()
        }
    };
    view! {
        <section class="bo-section" aria-labelledby="aide-titre" data-testid="product-help">
            <h2 class="bo-subheading" id="aide-titre">{move || use_i18n().t().product_help().heading}</h2>
            <p>{move || use_i18n().t().product_help().explain}</p>
            <Loaded resource loaded />
            {move || saved.get().then(|| view! { <p role="status">{move || use_i18n().t().product_help().saved}</p> })}
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </section>
    }
}

/// The shop's history, newest first; read again when `changed` moves.
#[component]
pub fn ShopHistorySection(slug: String, changed: RwSignal<u32>) -> impl IntoView {
    let session = use_session();
    let resource = LocalResource::new(move || {
        let slug = slug.clone();
        changed.track();
        async move {
            let Some(token) = session.access_token().await else {
                return Err(ApiError::Network("signed out".to_owned()));
            };
            Ok(api::shop_history(&token, &slug).await?.items)
        }
    });
    let loaded =
        move |items: Vec<ShopHistoryEntry>| {
            let i18n = use_i18n();
            if items.is_empty() {
                return view! { <p>{move || i18n.t().product_help().history_empty}</p> }.into_any();
            }
            let rows = items
            .into_iter()
            .map(|entry| {
                let when = js_sys::Date::new(&entry.at.as_str().into())
                    .to_locale_string(i18n.lang().code(), &wasm_bindgen::JsValue::UNDEFINED)
                    .as_string()
                    .unwrap_or(entry.at.clone());
                let what = if entry.note.is_empty() {
                    entry.to_status.map(|s| s.as_str().to_owned()).unwrap_or_default()
                } else {
                    entry.note.clone()
                };
                let who = entry.actor_name.clone().unwrap_or_default();
                view! { <li data-testid="shop-history">{format!("{when} — {who} : {what}")}</li> }
            })
            .collect_view();
            view! { <ol class="bo-history">{rows}</ol> }.into_any()
        };
    view! {
        <section class="bo-section" aria-labelledby="historique-titre">
            <h2 class="bo-subheading" id="historique-titre">{move || use_i18n().t().product_help().history_heading}</h2>
            <Loaded resource loaded />
        </section>
    }
}

/// "Boutiques que j'aide": a volunteer's shops, each with its products' link; nothing when
/// there is none.
#[component]
pub fn HelpedShopsSection() -> impl IntoView {
    let session = use_session();
    let resource = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(Vec::new());
        };
        Ok::<_, ApiError>(api::helped_shops(&token).await?.items)
    });
    let loaded = move |shops: Vec<HelpedShop>| {
        if shops.is_empty() {
            return ().into_any();
        }
        let t = use_i18n().t().product_help();
        let rows = shops
            .into_iter()
            .map(|shop| {
                let href = Page::ShopProducts(shop.slug.clone()).href();
                view! {
                    <li class="bo-shop" data-testid="helped-shop" data-slug=shop.slug>
                        <h3>{shop.name}</h3>
                        <p class="bo-shop__links">
                            <a class="button" href=href>{t.products_link}</a>
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="bo-section" aria-labelledby="aide-boutiques">
                <h2 class="bo-subheading" id="aide-boutiques">{t.helped_heading}</h2>
                <p>{t.helped_intro}</p>
                <ul class="bo-shops">{rows}</ul>
            </section>
        }
        .into_any()
    };
    view! { <Loaded resource loaded /> }
}
