//! The checkout: the shopper's details, delivery or pickup, and a last look before the orders
//! are placed, on one page in three numbered steps.

use std::collections::BTreeMap;

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local, wasm_bindgen::JsCast};
use leptos_router::{NavigateOptions, hooks::use_navigate};
use shared::{
    cart::{Cart, CartGroup, FulfilmentMethod},
    error::{ErrorCode, FieldError},
    money::format_eur,
    order::{
        Address, Checkout, CheckoutFulfilment, Commune, ContactPreference, Customer,
        MAX_NOTE_CHARS, ShopChoice,
    },
};

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, FulfilmentLine, Loaded, ProblemText, TermsText, TextField},
    i18n::{Text, tr, tr_with, use_i18n},
    pages::basket::line_name,
    routes::Page,
    state::{
        cart::{CartState, use_cart},
        session::use_session,
    },
};

/// Ids of the form's fields, in the order they appear: the first one in error takes the focus.
const NAME_ID: &str = "nom";
const PHONE_ID: &str = "telephone";
const EMAIL_ID: &str = "email";
const WAY_ID: &str = "mode";
const STREET_ID: &str = "rue";
const COMMUNE_ID: &str = "commune";
/// The tick accepting the terms (issue 15).
const TERMS_ID: &str = "conditions";
const FIELD_ORDER: [&str; 7] = [
    NAME_ID, PHONE_ID, EMAIL_ID, WAY_ID, STREET_ID, COMMUNE_ID, TERMS_ID,
];
/// The id of the message above the form.
const FORM_PROBLEM_ID: &str = "probleme-commande";

/// The checkout page.
///
/// Browser tests rely on the fields' labels, on `[data-testid="checkout-summary"]` and on the
/// "Valider la commande" button; an error shows next to its field as `.field__error`, and the
/// field gets `aria-invalid="true"`.
#[component]
pub fn CheckoutPage() -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let title = Signal::derive(move || i18n.t().checkout_heading.to_owned());
    let communes = RwSignal::new(Vec::new());
    // `()`, like the other pages that load into signals: one copy of `Loaded` for all of them.
    let resource = LocalResource::new(move || async move {
        cart.reload().await?;
        communes.set(api::list_communes().await?);
        Ok::<_, ApiError>(())
    });
    let loaded = move |()| {
        view! { <CheckoutForm cart communes /> }
    };
    view! {
        <DocumentTitle text=title />
        <div class="page page--narrow checkout">
            <h1>{tr(|t| t.checkout_heading)}</h1>
            <Loaded resource loaded />
        </div>
    }
}

/// What was typed and chosen; it survives every error.
#[derive(Clone, Copy)]
struct Form {
    name: RwSignal<String>,
    phone: RwSignal<String>,
    email: RwSignal<String>,
    may_call: RwSignal<bool>,
    /// The terms of sale and of use accepted (issue 15).
    accept: RwSignal<bool>,
    method: RwSignal<FulfilmentMethod>,
    street: RwSignal<String>,
    /// The chosen commune's INSEE code.
    commune: RwSignal<String>,
    /// A word for each shop, by slug (empty: none).
    notes: RwSignal<BTreeMap<String, String>>,
    /// The API's field errors of the last attempt.
    errors: RwSignal<Vec<FieldError>>,
    /// What went wrong that no field explains.
    problem: RwSignal<Option<(Text, Option<ApiError>)>>,
    sending: RwSignal<bool>,
}

impl Form {
    /// The French message of the field `id`, if the API refused it.
    fn error(self, id: &'static str) -> Signal<Option<Text>> {
        let errors = self.errors;
        Signal::derive(move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .filter_map(|error| field_of(&error.field))
                    .find(|(field, _)| *field == id)
                    .map(|(_, text)| text)
            })
        })
    }
}

/// Which field of the form an API error names, and what to tell the shopper.
fn field_of(api_field: &str) -> Option<(&'static str, Text)> {
    Some(match api_field {
        "customer.name" => (NAME_ID, |t| t.error_name),
        "customer.phone" => (PHONE_ID, |t| t.error_phone),
        "customer.email" => (EMAIL_ID, |t| t.error_email),
        "fulfilment.address.street" => (STREET_ID, |t| t.error_street),
        "fulfilment.address" | "fulfilment.address.postcode" | "fulfilment.address.commune" => {
            (COMMUNE_ID, |t| t.error_commune)
        }
        field if field.starts_with("per_shop.") => (WAY_ID, |t| t.error_heading),
        "accept_terms" => (TERMS_ID, |t| t.legal().accept_terms_required),
        _ => return None,
    })
}

/// How a shop's order reaches the shopper: the method chosen for all, unless the shop does not
/// offer it and offers the other.
fn method_for(group: &CartGroup, chosen: FulfilmentMethod) -> FulfilmentMethod {
    let offers = |method| {
        group
            .fulfilment_options
            .iter()
            .any(|option| option.method == method)
    };
    match chosen {
        FulfilmentMethod::Delivery if !offers(chosen) && offers(FulfilmentMethod::Pickup) => {
            FulfilmentMethod::Pickup
        }
        FulfilmentMethod::Pickup if !offers(chosen) && offers(FulfilmentMethod::Delivery) => {
            FulfilmentMethod::Delivery
        }
        _ => chosen,
    }
}

/// A new `Idempotency-Key`: a random UUID (version 4). The volunteers' taps use it too.
pub(crate) fn new_key() -> String {
    let mut bytes = [0_u8; 16];
    let filled = window()
        .crypto()
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes))
        .is_ok();
    if !filled {
        for byte in &mut bytes {
            // Only without Web Crypto; the key need be unique, not secret.
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Focuses the element with this id, if there is one.
fn focus_id(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The form, once the basket and the communes are there.
#[component]
fn CheckoutForm(cart: CartState, communes: RwSignal<Vec<Commune>>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let session = use_session();
    // A signed-in shopper's name and e-mail are known already; the phone is asked each time.
    let user = session.user();
    let form = Form {
        name: RwSignal::new(user.as_ref().map(|u| u.name.clone()).unwrap_or_default()),
        phone: RwSignal::new(String::new()),
        email: RwSignal::new(user.map(|u| u.email).unwrap_or_default()),
        may_call: RwSignal::new(true),
        accept: RwSignal::new(false),
        method: RwSignal::new(FulfilmentMethod::Delivery),
        street: RwSignal::new(String::new()),
        commune: RwSignal::new(String::new()),
        notes: RwSignal::new(BTreeMap::new()),
        errors: RwSignal::new(Vec::new()),
        problem: RwSignal::new(None),
        sending: RwSignal::new(false),
    };
    // One key per attempt, reused when the answer was lost on the way.
    let key = RwSignal::new(new_key());
    let delivering = move || {
        let chosen = form.method.get();
        cart.cart().is_some_and(|cart| {
            cart.groups
                .iter()
                .any(|group| method_for(group, chosen) == FulfilmentMethod::Delivery)
        })
    };

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if form.sending.get_untracked() {
            return;
        }
        let (Some(id), Some(shown)) = (cart.id(), cart.cart_untracked()) else {
            return;
        };
        // The terms first: nothing is sent without them.
        if !form.accept.get_untracked() {
            form.errors.set(vec![FieldError {
                field: "accept_terms".into(),
                message: String::new(),
            }]);
            form.problem.set(Some((|t| t.fix_errors, None)));
            focus_id(TERMS_ID);
            return;
        }
        let chosen = form.method.get_untracked();
        let notes = form.notes.get_untracked();
        let per_shop: BTreeMap<String, ShopChoice> = shown
            .groups
            .iter()
            .filter_map(|group| {
                let slug = &group.shop.slug;
                let way = method_for(group, chosen);
                let note = notes
                    .get(slug)
                    .map(|note| note.trim())
                    .filter(|note| !note.is_empty());
                let choice = ShopChoice {
                    method: (way != chosen).then_some(way),
                    note: note.map(str::to_owned),
                };
                (choice.method.is_some() || choice.note.is_some()).then(|| (slug.clone(), choice))
            })
            .collect();
        let address = untrack(delivering).then(|| {
            let insee = form.commune.get_untracked();
            let commune = communes.with_untracked(|communes| {
                communes
                    .iter()
                    .find(|commune| commune.insee == insee)
                    .cloned()
            });
            Address {
                street: form.street.get_untracked(),
                postcode: commune
                    .as_ref()
                    .map(|c| c.postcode.clone())
                    .unwrap_or_default(),
                commune: commune.map(|c| c.name).unwrap_or_default(),
                access_note: None,
            }
        });
        let email = form.email.get_untracked();
        let body = Checkout {
            customer: Customer {
                name: form.name.get_untracked(),
                phone: form.phone.get_untracked(),
                email: (!email.trim().is_empty()).then_some(email),
            },
            fulfilment: CheckoutFulfilment {
                method: chosen,
                address,
            },
            per_shop,
            contact_preference: Some(if form.may_call.get_untracked() {
                ContactPreference::Call
            } else {
                ContactPreference::NoCall
            }),
            expected_total_cents: Some(shown.total_cents),
            accept_terms: true,
        };
        form.sending.set(true);
        form.problem.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            // Signed in, the orders are the account's ("mes commandes").
            let token = session.access_token().await;
            let result = api::checkout(&id, &key.get_untracked(), &body, token.as_deref()).await;
            form.sending.set(false);
            let error = match result {
                Ok(result) => {
                    cart.clear();
                    let tokens = result
                        .orders
                        .into_iter()
                        .map(|order| order.tracking_token)
                        .collect();
                    navigate(
                        &Page::Confirmation(tokens).href(),
                        NavigateOptions::default(),
                    );
                    return;
                }
                Err(error) => error,
            };
            // A refusal recorded nothing: the next attempt is a new one. A lost answer may
            // have been recorded, and the same key then replays it.
            if matches!(error, ApiError::Api(_)) {
                key.set(new_key());
            }
            let fields: Vec<FieldError> = match &error {
                ApiError::Api(problem) if problem.code == ErrorCode::ValidationFailed => {
                    problem.errors.clone()
                }
                _ => Vec::new(),
            };
            let known = fields.iter().all(|field| field_of(&field.field).is_some());
            let first = FIELD_ORDER.into_iter().find(|id| {
                fields
                    .iter()
                    .any(|field| field_of(&field.field).is_some_and(|(field, _)| field == *id))
            });
            form.errors.set(fields.clone());
            let lead: Text = match &error {
                ApiError::Api(problem) if problem.code == ErrorCode::ValidationFailed => {
                    |t| t.fix_errors
                }
                ApiError::Api(problem)
                    if matches!(
                        problem.code,
                        ErrorCode::Conflict
                            | ErrorCode::Unprocessable
                            | ErrorCode::BelowDeliveryMinimum
                    ) =>
                {
                    // Stock or prices moved: show the basket as it is now.
                    let _ = cart.reload().await;
                    |t| t.basket_changed
                }
                _ => |t| t.error_heading,
            };
            // Field errors speak for themselves; anything else shows what the API said.
            let detail = (fields.is_empty() || !known).then_some(error);
            form.problem.set(Some((lead, detail)));
            leptos::task::tick().await;
            match first {
                Some(id) if known => focus_id(id),
                _ => focus_id(FORM_PROBLEM_ID),
            }
        });
    };

    let problem = move || {
        form.problem.get().map(|(lead, error)| {
            let detail = error.map(|error| view! { <ProblemText error conflict=lead /> });
            view! {
                <div class="form-problem" id=FORM_PROBLEM_ID tabindex="-1" role="alert">
                    <p class="form-problem__lead">{tr(lead)}</p>
                    {detail}
                </div>
            }
        })
    };

    let commune_options = move || {
        communes.with_untracked(|communes| {
            communes
                .iter()
                .map(|commune| {
                    view! {
                        <option value=commune.insee.clone()>
                            {format!("{} ({})", commune.name, commune.postcode)}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let commune_error = form.error(COMMUNE_ID);
    let way_error = form.error(WAY_ID);

    move || {
        let Some(shown) = cart.cart().filter(|cart| !cart.groups.is_empty()) else {
            return view! {
                <div class="empty">
                    <p>{tr(|t| t.basket_empty)}</p>
                    <p>
                        <a class="button" href=Page::catalogue().href()>
                            {tr(|t| t.to_catalogue)}
                        </a>
                    </p>
                </div>
            }
            .into_any();
        };
        view! {
            <form class="checkout__form" novalidate on:submit=submit.clone()>
                {problem}
                <section class="step" aria-labelledby="etape-1">
                    <h2 id="etape-1">{tr(|t| t.step_contact)}</h2>
                    <AccountLine />
                    <TextField id=NAME_ID label=|t| t.name_label value=form.name error=form.error(NAME_ID) autocomplete="name" />
                    <TextField id=PHONE_ID label=|t| t.phone_label hint=|t| t.phone_hint value=form.phone error=form.error(PHONE_ID) kind="tel" autocomplete="tel" />
                    <TextField id=EMAIL_ID label=|t| t.email_label value=form.email error=form.error(EMAIL_ID) kind="email" autocomplete="email" />
                    // Personal data (issue 15).
                    <p class="field__hint">
                        {tr(|t| t.privacy().contact_note)} " "
                        <a href=Page::Privacy.href()>{tr(|t| t.privacy().read_policy)}</a>
                    </p>
                    <div class="check">
                        <input
                            id="appel"
                            type="checkbox"
                            prop:checked=move || form.may_call.get()
                            on:change=move |event| form.may_call.set(event_target_checked(&event))
                        />
                        <label for="appel">{tr(|t| t.may_call)}</label>
                    </div>
                </section>
                <section class="step" aria-labelledby="etape-2">
                    <h2 id="etape-2">{tr(|t| t.step_way)}</h2>
                    <fieldset class="choices" id=WAY_ID tabindex="-1">
                        <legend>{tr(|t| t.way_legend)}</legend>
                        <WayChoice method=FulfilmentMethod::Delivery form label=|t| t.choose_delivery />
                        <WayChoice method=FulfilmentMethod::Pickup form label=|t| t.choose_pickup />
                    </fieldset>
                    {move || way_error.get().map(|text| view! { <p class="field__error">{tr(text)}</p> })}
                    <WayExceptions groups=shown.groups.clone() method=form.method />
                    {move || delivering().then(|| view! {
                        <TextField id=STREET_ID label=|t| t.street_label value=form.street error=form.error(STREET_ID) autocomplete="street-address" />
                        <div class="field">
                            <label for=COMMUNE_ID>{tr(|t| t.filter_commune)}</label>
                            <p class="field__hint" id="commune-aide">{tr(|t| t.delivery_area)}</p>
                            <select
                                id=COMMUNE_ID
                                aria-describedby=move || if commune_error.get().is_some() { "commune-aide commune-erreur" } else { "commune-aide" }
                                aria-invalid=move || commune_error.get().is_some().then_some("true")
                                prop:value=move || form.commune.get()
                                on:change=move |event| form.commune.set(event_target_value(&event))
                            >
                                <option value="">{tr(|t| t.commune_choose)}</option>
                                {commune_options()}
                            </select>
                            {move || commune_error.get().map(|text| view! { <p class="field__error" id="commune-erreur">{tr(text)}</p> })}
                        </div>
                    })}
                </section>
                <section class="step" aria-labelledby="etape-3">
                    <h2 id="etape-3">{tr(|t| t.step_confirm)}</h2>
                    {
                        let shown = shown.clone();
                        move || view! { <Summary cart=shown.clone() method=form.method.get() notes=form.notes /> }
                    }
                    <TermsTick groups=shown.groups.clone() form />
                    <button type="submit" class="button button--large" aria-disabled=move || form.sending.get().then_some("true")>
                        {move || if form.sending.get() { i18n.t().placing } else { i18n.t().place_order }}
                    </button>
                </section>
            </form>
        }
        .into_any()
    }
}

/// The one tick accepting the terms of sale of every shop in the basket and the terms of
/// use (issue 15), each readable in place (a disclosure), so the form keeps what was typed.
#[component]
fn TermsTick(groups: Vec<CartGroup>, form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let names = groups
        .iter()
        .map(|group| group.shop.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let error = form.error(TERMS_ID);
    let shops = groups
        .into_iter()
        .map(|group| {
            let slug = group.shop.slug.clone();
            let name = group.shop.name.clone();
            let resource = LocalResource::new(move || {
                let slug = slug.clone();
                async move { api::get_shop_terms(&slug).await }
            });
            let loaded = |terms: Option<shared::legal::Terms>| {
                terms.map(|terms| view! { <TermsText terms /> })
            };
            view! {
                <details class="terms-disclosure">
                    <summary>{move || (i18n.t().legal().read_terms_of)(&name)}</summary>
                    <Loaded resource loaded />
                </details>
            }
        })
        .collect_view();
    let terms_of_use = LocalResource::new(|| async { api::get_terms().await });
    view! {
        <div class="field terms-tick">
            <div class="check">
                <input
                    id=TERMS_ID
                    type="checkbox"
                    aria-describedby=move || error.get().is_some().then_some("conditions-erreur")
                    aria-invalid=move || error.get().is_some().then_some("true")
                    prop:checked=move || form.accept.get()
                    on:change=move |event| {
                        form.accept.set(event_target_checked(&event));
                        form.errors.update(|errors| errors.retain(|e| e.field != "accept_terms"));
                    }
                />
                <label for=TERMS_ID>{move || (i18n.t().legal().accept_terms)(&names)}</label>
            </div>
            {move || error.get().map(|text| view! { <p class="field__error" id="conditions-erreur">{tr(text)}</p> })}
            {shops}
            <details class="terms-disclosure">
                <summary>{move || i18n.t().legal().read_terms_of_use}</summary>
                <Loaded resource=terms_of_use loaded=|terms| view! { <TermsText terms /> } />
            </details>
            <p class="field__hint">{move || i18n.t().legal().withdrawal_text}</p>
        </div>
    }
}

/// One large radio button of the delivery-or-pickup choice.
#[component]
fn WayChoice(method: FulfilmentMethod, form: Form, label: Text) -> impl IntoView {
    let id = match method {
        FulfilmentMethod::Delivery => "mode-livraison",
        FulfilmentMethod::Pickup => "mode-retrait",
    };
    view! {
        <div class="choice">
            <input
                id=id
                type="radio"
                name="mode"
                prop:checked=move || form.method.get() == method
                on:change=move |_| form.method.set(method)
            />
            <label for=id>{tr(label)}</label>
        </div>
    }
}

/// The shops that cannot do what was chosen for all, and what happens for them instead.
#[component]
fn WayExceptions(groups: Vec<CartGroup>, method: RwSignal<FulfilmentMethod>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let chosen = method.get();
        groups
            .iter()
            .filter(|group| method_for(group, chosen) != chosen)
            .map(|group| {
                let name = group.shop.name.clone();
                if let (FulfilmentMethod::Delivery, Some(minimum)) =
                    (chosen, group.delivery_minimum_cents)
                {
                    let (minimum, missing) = (
                        format_eur(minimum),
                        format_eur(minimum - group.subtotal_cents),
                    );
                    let text =
                        move || (i18n.t().delivery().below_minimum_for)(&name, &minimum, &missing);
                    return view! { <p class="order__note" data-testid="way-exception">{text}</p> }
                        .into_any();
                }
                let text = tr_with(
                    match chosen {
                        FulfilmentMethod::Delivery => |t| t.no_delivery_for,
                        FulfilmentMethod::Pickup => |t| t.no_pickup_for,
                    },
                    name,
                );
                view! { <p class="order__note" data-testid="way-exception">{text}</p> }.into_any()
            })
            .collect_view()
    }
}

/// Who the order is for: the signed-in account, or an offer to sign in (coming back here).
#[component]
fn AccountLine() -> impl IntoView {
    let session = use_session();
    move || match session.user() {
        Some(user) => view! {
            <p class="checkout__account" data-testid="checkout-account">
                {tr_with(|t| t.checkout_signed_in, user.name)}
            </p>
        }
        .into_any(),
        None => view! {
            <p class="checkout__account">
                {tr(|t| t.checkout_have_account)} " "
                <a href=Page::Login(Some(Page::Checkout.href())).href()>{tr(|t| t.login_link)}</a>
            </p>
        }
        .into_any(),
    }
}

/// Each shop's part: what, when, how it is paid, a word for the shop; then the total.
#[component]
fn Summary(
    cart: Cart,
    method: FulfilmentMethod,
    notes: RwSignal<BTreeMap<String, String>>,
) -> impl IntoView {
    let total = format_eur(cart.total_cents);
    let groups = cart
        .groups
        .into_iter()
        .map(|group| {
            let way = method_for(&group, method);
            let date = group
                .fulfilment_options
                .iter()
                .find(|option| option.method == way)
                .map(|option| option.date.clone())
                .unwrap_or_default();
            let lines = group
                .lines
                .iter()
                .map(|line| view! { <li>{format!("{} × {}", line.quantity, line_name(line))}</li> })
                .collect_view();
            let slug = group.shop.slug;
            let note_id = format!("mot-{slug}");
            let note = {
                let slug = slug.clone();
                move || notes.with(|notes| notes.get(&slug).cloned().unwrap_or_default())
            };
            let set_note = move |event| {
                let text = event_target_value(&event);
                notes.update(|notes| {
                    notes.insert(slug.clone(), text);
                });
            };
            view! {
                <li class="summary__shop">
                    <h3>{group.shop.name.clone()}</h3>
                    <ul class="summary__lines">{lines}</ul>
                    <FulfilmentLine method=way date />
                    <p>{format_eur(group.subtotal_cents)}</p>
                    <div class="field">
                        <label for=note_id.clone()>{tr_with(|t| t.shop_note_label, group.shop.name)}</label>
                        <textarea
                            id=note_id
                            rows="2"
                            maxlength=MAX_NOTE_CHARS
                            data-testid="shop-note"
                            prop:value=note
                            on:input=set_note
                        ></textarea>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="summary" data-testid="checkout-summary">{groups}</ul>
        <p class="basket__total">{tr(|t| t.total)} " : " <strong>{total}</strong></p>
    }
}

#[cfg(test)]
mod tests {
    use shared::cart::{CartShop, FulfilmentOption};
    use shared::catalogue::ShopKind;

    use super::*;

    fn group(methods: &[FulfilmentMethod]) -> CartGroup {
        CartGroup {
            shop: CartShop {
                slug: "s".to_owned(),
                name: "S".to_owned(),
                kind: ShopKind::Food,
                takes_orders: true,
            },
            lines: Vec::new(),
            subtotal_cents: 0,
            fulfilment_options: methods
                .iter()
                .map(|method| FulfilmentOption {
                    method: *method,
                    date: "2026-12-01".to_owned(),
                })
                .collect(),
            delivery_minimum_cents: None,
        }
    }

    #[test]
    fn a_shop_that_cannot_do_the_choice_does_the_other() {
        use FulfilmentMethod::{Delivery, Pickup};
        let both = group(&[Pickup, Delivery]);
        assert_eq!(method_for(&both, Delivery), Delivery);
        assert_eq!(method_for(&both, Pickup), Pickup);
        let pickup_only = group(&[Pickup]);
        assert_eq!(method_for(&pickup_only, Delivery), Pickup);
        let delivery_only = group(&[Delivery]);
        assert_eq!(method_for(&delivery_only, Pickup), Delivery);
        let neither = group(&[]);
        assert_eq!(method_for(&neither, Delivery), Delivery, "the API says why");
    }

    #[test]
    fn api_fields_land_next_to_their_form_field() {
        let id = |field: &str| field_of(field).map(|(id, _)| id);
        assert_eq!(id("customer.name"), Some(NAME_ID));
        assert_eq!(id("customer.phone"), Some(PHONE_ID));
        assert_eq!(id("customer.email"), Some(EMAIL_ID));
        assert_eq!(id("fulfilment.address.street"), Some(STREET_ID));
        assert_eq!(id("fulfilment.address.postcode"), Some(COMMUNE_ID));
        assert_eq!(id("fulfilment.address.commune"), Some(COMMUNE_ID));
        assert_eq!(id("fulfilment.address"), Some(COMMUNE_ID));
        assert_eq!(id("per_shop.cycles-pages.method"), Some(WAY_ID));
        assert_eq!(id("expected_total_cents"), None);
    }
}
