//! An order taken on the phone: the shopkeeper finds the products, types the customer's name
//! and number, pickup or delivery, and places the order for them.
//!
//! Browser tests rely on the product search's field, button and results (see
//! [`super::product_search`]), `[data-testid="phone-line"]` (`data-id`: the product,
//! `data-variant`: its size) with its quantity field, the fields' labels,
//! the "Enregistrer la commande" button and `[data-testid="phone-order-done"]`
//! (`data-number`).

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::hooks::use_params_map;
use shared::{
    cart::FulfilmentMethod,
    error::ErrorCode,
    money::format_eur,
    order::{Address, CheckoutFulfilment, Commune, ContactPreference, Customer, Order},
    shop_orders::{PhoneOrder, PhoneOrderLine},
};

use super::{
    Frame, LoginNeeded,
    join::{FieldErrors, TextArea},
    product_search::{Picked, PickedLine, ProductSearch, add_picked},
};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText, TextField},
    i18n::{Text, tr, tr_with, use_i18n},
    routes::{self, Page},
    state::session::use_session,
};

/// `/gestion/{slug}/commande-telephone`: an order taken on the phone.
#[component]
pub fn PhoneOrderPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let slug = move || routes::shop_slug(&params.read()).unwrap_or_default();
    let communes = RwSignal::new(Vec::<Commune>::new());
    let resource = LocalResource::new(move || async move {
        if session.access_token().await.is_none() {
            return Ok(false);
        }
        communes.set(api::list_communes().await?);
        Ok(true)
    });
    let loaded = move |signed_in: bool| {
        if signed_in {
            view! { <PhoneOrderForm slug=slug() communes /> }.into_any()
        } else {
            view! { <LoginNeeded /> }.into_any()
        }
    };
    view! {
        <Frame heading=|t| t.bo().bo_phone_heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// The search, the lines, the customer and the way the order reaches them.
#[component]
fn PhoneOrderForm(slug: String, communes: RwSignal<Vec<Commune>>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let lines = RwSignal::new(Vec::<PickedLine>::new());
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let method = RwSignal::new(FulfilmentMethod::Pickup);
    let street = RwSignal::new(String::new());
    let commune = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let may_call = RwSignal::new(true);
    // The terms read out to the customer (issue 15): required.
    let read_out = RwSignal::new(false);
    let read_out_error = RwSignal::new(false);
    let errors = FieldErrors::new();
    let lines_error = RwSignal::new(None::<Text>);
    let problem = RwSignal::new(None::<(Text, Option<ApiError>)>);
    let sending = RwSignal::new(false);
    let done = RwSignal::new(None::<Order>);
    let inbox = Page::ShopOrders(slug.clone()).href();
    let search_slug = slug.clone();

    let add = Callback::new(move |picked: Picked| {
        lines_error.set(None);
        add_picked(lines, picked);
    });
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        problem.set(None);
        errors.clear();
        lines_error.set(None);
        let mut order_lines = Vec::new();
        for line in lines.get_untracked() {
            match line.quantity.get_untracked().trim().parse::<i64>() {
                Ok(quantity) if quantity >= 1 => order_lines.push(PhoneOrderLine {
                    variant_id: Some(line.picked.variant.id),
                    product_id: line.picked.product.id,
                    quantity,
                }),
                _ => lines_error.set(Some(|t| t.bo().bo_error_quantity)),
            }
        }
        if order_lines.is_empty() && lines_error.get_untracked().is_none() {
            lines_error.set(Some(|t| t.bo().bo_error_no_line));
        }
        read_out_error.set(!read_out.get_untracked());
        if lines_error.get_untracked().is_some() || read_out_error.get_untracked() {
            problem.set(Some((|t| t.bo().bo_phone_fix, None)));
            return;
        }
        let address = (method.get_untracked() == FulfilmentMethod::Delivery).then(|| {
            let insee = commune.get_untracked();
            let chosen = communes
                .read_untracked()
                .iter()
                .find(|c| c.insee == insee)
                .cloned();
            Address {
                street: street.get_untracked().trim().to_owned(),
                postcode: chosen
                    .as_ref()
                    .map(|c| c.postcode.clone())
                    .unwrap_or_default(),
                commune: chosen.map(|c| c.name).unwrap_or_default(),
                access_note: None,
            }
        });
        let note = note.get_untracked().trim().to_owned();
        let order = PhoneOrder {
            customer: Customer {
                name: name.get_untracked().trim().to_owned(),
                phone: phone.get_untracked().trim().to_owned(),
                email: None,
            },
            fulfilment: CheckoutFulfilment {
                method: method.get_untracked(),
                address,
            },
            lines: order_lines,
            note: (!note.is_empty()).then_some(note),
            contact_preference: Some(if may_call.get_untracked() {
                ContactPreference::Call
            } else {
                ContactPreference::NoCall
            }),
            terms_read_out: true,
        };
        let slug = slug.clone();
        sending.set(true);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::create_phone_order(&token, &slug, &order).await,
            };
            sending.set(false);
            match result {
                Ok(order) => done.set(Some(order)),
                Err(error) => {
                    let lead: Text = match &error {
                        ApiError::Api(p) if p.code == ErrorCode::Conflict => {
                            |t| t.bo().bo_phone_stock
                        }
                        ApiError::Api(p) if p.code == ErrorCode::NotFound => {
                            |t| t.bo().bo_phone_gone
                        }
                        ApiError::Api(p) if p.code == ErrorCode::ValidationFailed => {
                            |t| t.bo().bo_phone_fix
                        }
                        _ => |t| t.bo().bo_phone_not_placed,
                    };
                    if errors.take(&error)
                        && errors
                            .of("lines", |t| t.bo().bo_error_quantity)
                            .get_untracked()
                            .is_some()
                    {
                        lines_error.set(Some(|t| t.bo().bo_error_quantity));
                    }
                    problem.set(Some((lead, Some(error))));
                }
            }
        });
    };
    let start_again = move |_| {
        lines.set(Vec::new());
        name.set(String::new());
        phone.set(String::new());
        street.set(String::new());
        note.set(String::new());
        may_call.set(true);
        read_out.set(false);
        done.set(None);
    };
    let line_rows = move || {
        let list = lines.get();
        if list.is_empty() {
            return view! { <p>{tr(|t| t.bo().bo_phone_no_line)}</p> }.into_any();
        }
        let rows = list
            .into_iter()
            .map(|line| {
                let (id, variant) = (line.picked.product.id, line.picked.variant.id);
                let name = line.picked.name();
                let input_id = format!("quantite-{variant}");
                let quantity = line.quantity;
                view! {
                    <li class="bo-row" data-testid="phone-line" data-id=id data-variant=variant>
                        <div class="field bo-quantity">
                            <label for=input_id.clone()>{tr_with(|t| t.bo().bo_quantity_of, name.clone())}</label>
                            <input id=input_id type="number" min="1" inputmode="numeric"
                                aria-invalid=move || lines_error.get().is_some().then_some("true")
                                aria-describedby=move || lines_error.get().is_some().then_some("lignes-erreur")
                                prop:value=move || quantity.get() on:input=move |event| quantity.set(event_target_value(&event)) />
                        </div>
                        <span>{format_eur(line.picked.variant.price_cents)}</span>
                        <button type="button" class="button button--secondary" aria-label=tr_with(|t| t.bo().bo_remove_named, name)
                            on:click=move |_| lines.update(|lines| lines.retain(|l| l.picked.variant.id != variant))>
                            {tr(|t| t.bo().bo_remove)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="bo-rows">{rows}</ul> }.into_any()
    };
    let form = move || {
        if let Some(order) = done.get() {
            return view! {
                <div class="bo-notice" role="status" data-testid="phone-order-done" data-number=order.number.clone()>
                    <h2>{tr_with(|t| t.bo().bo_phone_done, order.number.clone())}</h2>
                    <p>{format_eur(order.total_cents)}</p>
                </div>
                <p class="bo-shop__links">
                    <a class="button" href=inbox.clone()>{tr(|t| t.bo().bo_phone_to_inbox)}</a>
                    <button type="button" class="button button--secondary" on:click=start_again>{tr(|t| t.bo().bo_phone_another)}</button>
                </p>
            }
            .into_any();
        }
        let submit = submit.clone();
        view! {
            <section class="bo-section" aria-labelledby="recherche-titre">
                <h2 class="bo-subheading" id="recherche-titre">{tr(|t| t.bo().bo_phone_products)}</h2>
                <ProductSearch slug=search_slug.clone() field_id="recherche-produit" on_pick=add />
            </section>
            <form class="bo-form" on:submit=submit novalidate>
                {move || problem.get().map(|(lead, error)| view! {
                    <div class="form-problem" role="alert">
                        <p class="form-problem__lead">{tr(lead)}</p>
                        {error.map(|error| view! { <ProblemText error /> })}
                    </div>
                })}
                <h2 class="bo-subheading">{tr(|t| t.bo().bo_phone_lines)}</h2>
                {line_rows}
                {move || lines_error.get().map(|text| view! { <p class="field__error" id="lignes-erreur">{tr(text)}</p> })}
                <h2 class="bo-subheading">{tr(|t| t.bo().bo_phone_customer)}</h2>
                <TextField id="nom" label=|t| t.bo().bo_customer_name value=name error=errors.of("customer.name", |t| t.error_name) autocomplete="off" />
                <TextField id="telephone" label=|t| t.bo().bo_customer_phone value=phone error=errors.of("customer.phone", |t| t.error_phone) kind="tel" autocomplete="off" />
                <fieldset class="field bo-choices">
                    <legend>{tr(|t| t.bo().bo_phone_way)}</legend>
                    <label class="bo-choice">
                        <input type="radio" name="mode" prop:checked=move || method.get() == FulfilmentMethod::Pickup on:change=move |_| method.set(FulfilmentMethod::Pickup) />
                        {tr(|t| t.choose_pickup)}
                    </label>
                    <label class="bo-choice">
                        <input type="radio" name="mode" prop:checked=move || method.get() == FulfilmentMethod::Delivery on:change=move |_| method.set(FulfilmentMethod::Delivery) />
                        {tr(|t| t.choose_delivery)}
                    </label>
                    {move || errors.of("fulfilment.method", |t| t.bo().bo_error_way).get().map(|text| view! { <p class="field__error">{tr(text)}</p> })}
                </fieldset>
                {move || (method.get() == FulfilmentMethod::Delivery).then(|| view! {
                    <TextField id="rue" label=|t| t.street_label value=street error=errors.of("fulfilment.address.street", |t| t.error_street) autocomplete="off" />
                    <CommuneSelect communes commune error=errors.of("fulfilment.address", |t| t.bo().bo_error_delivery_commune) />
                })}
                <TextArea id="note" label=|t| t.bo().bo_phone_note value=note error=errors.of("note", |t| t.bo().bo_error_note) rows=3 />
                <label class="bo-choice">
                    <input type="checkbox" prop:checked=move || may_call.get() on:change=move |event| may_call.set(event_target_checked(&event)) />
                    {tr(|t| t.bo().bo_phone_may_call)}
                </label>
                <div class="check">
                    <input
                        id="conditions-lues"
                        type="checkbox"
                        aria-invalid=move || read_out_error.get().then_some("true")
                        aria-describedby=move || read_out_error.get().then_some("conditions-lues-erreur")
                        prop:checked=move || read_out.get()
                        on:change=move |event| {
                            read_out.set(event_target_checked(&event));
                            read_out_error.set(false);
                        }
                    />
                    <label for="conditions-lues">{move || i18n.t().legal().terms_read_out}</label>
                </div>
                {move || read_out_error.get().then(|| view! {
                    <p class="field__error" id="conditions-lues-erreur">{move || i18n.t().legal().terms_read_out_required}</p>
                })}
                <button type="submit" class="button" prop:disabled=move || sending.get()>{tr(|t| t.bo().bo_phone_place)}</button>
            </form>
        }
        .into_any()
    };
    view! { {form} }
}

/// The communes the volunteers deliver to, as a labelled select.
#[component]
fn CommuneSelect(
    communes: RwSignal<Vec<Commune>>,
    commune: RwSignal<String>,
    error: Signal<Option<Text>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for="commune">{tr(|t| t.bo().bo_commune)}</label>
            <select id="commune"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then_some("commune-erreur")
                on:change=move |event| commune.set(event_target_value(&event))>
                <option value="" selected=move || commune.get().is_empty()>{tr(|t| t.commune_choose)}</option>
                {move || communes.get().into_iter().map(|c| {
                    let insee = c.insee.clone();
                    view! { <option value=c.insee.clone() selected=move || commune.get() == insee>{c.name} " (" {c.postcode} ")"</option> }
                }).collect_view()}
            </select>
            {move || error.get().map(|text| view! { <p class="field__error" id="commune-erreur">{tr(text)}</p> })}
        </div>
    }
}
