//! The basket page: what the shopper chose, shop by shop, with each shop's delivery and
//! pickup dates, and the way to the checkout.

use leptos::{html::H1, prelude::*, task::spawn_local};
use shared::{
    cart::{CartGroup, CartLine, FulfilmentMethod},
    measure::{format_per_unit, format_weight},
    money::format_eur,
};

use crate::{
    api::ApiError,
    components::{DocumentTitle, Loaded, ProblemText},
    i18n::{tr, tr_with, use_i18n},
    routes::Page,
    state::cart::{CartState, use_cart},
};

/// The basket page.
///
/// Browser tests rely on `[data-testid="basket-group"]` (one per shop, `data-shop` its slug)
/// holding `[data-testid="basket-line"]`s and `[data-testid="fulfilment-date"]`s (with
/// `data-method` and `data-date`), on `[data-testid="basket-total"]` and on the "Commander"
/// link.
#[component]
pub fn BasketPage() -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let heading = NodeRef::<H1>::new();
    let title = Signal::derive(move || i18n.t().basket_heading.to_owned());
    // `()`: what loads lands in the basket's state, which the view follows.
    let resource = LocalResource::new(move || async move { cart.reload().await.map(|_| ()) });
    let loaded = move |()| view! { <BasketView cart heading /> };
    view! {
        <DocumentTitle text=title />
        <div class="page page--narrow basket">
            <h1 tabindex="-1" node_ref=heading>
                {tr(|t| t.basket_heading)}
            </h1>
            <Loaded resource loaded />
        </div>
    }
}

/// The basket as last seen, kept up to date as lines change.
#[component]
fn BasketView(cart: CartState, heading: NodeRef<H1>) -> impl IntoView {
    // The variant whose line is being changed and what went wrong with it.
    let failure = RwSignal::new(None::<(i64, ApiError)>);
    let busy = RwSignal::new(false);
    let edit = Callback::new(
        move |(variant_id, quantity, focus_id): (i64, i64, String)| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            failure.set(None);
            spawn_local(async move {
                let result = if quantity <= 0 {
                    cart.remove(variant_id).await
                } else {
                    cart.set_quantity(variant_id, quantity).await
                };
                busy.set(false);
                if let Err(error) = result {
                    failure.set(Some((variant_id, error)));
                }
                // The lines were drawn again: put the focus back where it was, or on the heading
                // when its line is gone.
                leptos::task::tick().await;
                match document().get_element_by_id(&focus_id) {
                    Some(element) => {
                        use leptos::wasm_bindgen::JsCast;
                        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                            let _ = element.focus();
                        }
                    }
                    None => {
                        if let Some(heading) = heading.get_untracked() {
                            let _ = heading.focus();
                        }
                    }
                }
            });
        },
    );
    move || match cart.cart().filter(|cart| !cart.groups.is_empty()) {
        None => view! {
            <div class="empty" data-testid="basket-empty">
                <p>{tr(|t| t.basket_empty)}</p>
                <p>{tr(|t| t.basket_empty_hint)}</p>
                <p>
                    <a class="button" href=Page::catalogue().href()>
                        {tr(|t| t.to_catalogue)}
                    </a>
                </p>
            </div>
        }
        .into_any(),
        Some(cart) => {
            let total = format_eur(cart.total_cents);
            let groups = cart
                .groups
                .into_iter()
                .map(|group| view! { <BasketGroup group edit failure /> })
                .collect_view();
            view! {
                {groups}
                <div class="basket__end">
                    <p class="basket__total" data-testid="basket-total">
                        {tr(|t| t.total)}
                        " : "
                        <strong>{total}</strong>
                    </p>
                    <p>{tr(|t| t.way_payment_text)}</p>
                    <a class="button button--large" href=Page::Checkout.href() data-testid="to-checkout">
                        {tr(|t| t.order_button)}
                    </a>
                </div>
            }
            .into_any()
        }
    }
}

/// One shop's part of the basket.
#[component]
fn BasketGroup(
    group: CartGroup,
    edit: Callback<(i64, i64, String)>,
    failure: RwSignal<Option<(i64, ApiError)>>,
) -> impl IntoView {
    let CartGroup {
        shop,
        lines,
        subtotal_cents,
        fulfilment_options,
        delivery_minimum_cents,
    } = group;
    let i18n = use_i18n();
    let heading_id = format!("commerce-{}", shop.slug);
    let lines = lines
        .into_iter()
        .map(|line| view! { <BasketLine line edit failure /> })
        .collect_view();
    view! {
        <section
            class="basket-group"
            aria-labelledby=heading_id.clone()
            data-testid="basket-group"
            data-shop=shop.slug.clone()
        >
            <h2 id=heading_id.clone() class="basket-group__shop">
                <a href=Page::shop(&shop.slug).href()>{shop.name}</a>
            </h2>
            {(!shop.takes_orders).then(|| view! {
                <p class="notice" data-testid="not-orderable">{move || i18n.t().seller.not_orderable}</p>
            })}
            <ul class="basket-lines">{lines}</ul>
            <p class="basket-group__subtotal">
                {tr(|t| t.subtotal)} " : " <strong>{format_eur(subtotal_cents)}</strong>
            </p>
            <FulfilmentDates options=fulfilment_options />
            {delivery_minimum_cents.map(|minimum| view! { <BelowMinimum minimum subtotal=subtotal_cents /> })}
        </section>
    }
}

/// Why a shop's part of the basket is not delivered: below the minimum for delivery, and
/// how much is missing.
#[component]
fn BelowMinimum(minimum: i64, subtotal: i64) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        (i18n.t().delivery().below_minimum)(&format_eur(minimum), &format_eur(minimum - subtotal))
    };
    view! { <p class="order__note" data-testid="delivery-minimum">{text}</p> }
}

/// "Livraison gratuite le mardi 1er décembre", "Retrait en boutique dès le lundi 30 novembre":
/// delivery first.
#[component]
pub fn FulfilmentDates(options: Vec<shared::cart::FulfilmentOption>) -> impl IntoView {
    let mut options = options;
    options.sort_by_key(|option| option.method != FulfilmentMethod::Delivery);
    let items = options
        .into_iter()
        .map(|option| {
            let method = option.method;
            let date = option.date;
            let text = tr_with(
                match method {
                    FulfilmentMethod::Delivery => |t| t.delivery_date,
                    FulfilmentMethod::Pickup => |t| t.pickup_date,
                },
                date.clone(),
            );
            let (class, word) = match method {
                FulfilmentMethod::Delivery => ("badge badge--delivery", "delivery"),
                FulfilmentMethod::Pickup => ("badge badge--pickup", "pickup"),
            };
            view! {
                <li class=class data-testid="fulfilment-date" data-method=word data-date=date>
                    {text}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="badges fulfilment-dates">{items}</ul> }
}

/// A line's name with its size, jar or cut: "Bottines Lou en cuir (40)".
pub fn line_name(line: &CartLine) -> String {
    if line.variant_label.is_empty() {
        line.name.clone()
    } else {
        format!("{} ({})", line.name, line.variant_label)
    }
}

/// A line's unit price with its price per kilo, litre or piece: "5,90 € l'unité ·
/// 23,60 €/kg", or for what is sold by weight "environ 250 g · environ 5,75 € l'unité
/// (23,00 €/kg)".
fn line_price(t: &crate::i18n::Strings, line: &CartLine) -> String {
    let price = format!("{} {}", format_eur(line.unit_price_cents), t.each);
    let per_unit = line
        .price_per_unit_cents
        .zip(line.price_per_unit)
        .map(|(cents, per)| format_per_unit(cents, per));
    if line.sold_by_weight {
        let weight = line
            .estimated_weight_g
            .map(|grams| format!("{} {} · ", t.about, format_weight(i64::from(grams))))
            .unwrap_or_default();
        let per_kg = per_unit
            .map(|text| format!(" ({text})"))
            .unwrap_or_default();
        return format!("{weight}{} {price}{per_kg}", t.about);
    }
    match per_unit {
        Some(text) => format!("{price} · {text}"),
        None => price,
    }
}

/// One line: picture, name and size, unit price, quantity with − and + and a remove button,
/// total.
///
/// Browser tests rely on `[data-testid="line-variant"]` being the size, jar or cut.
#[component]
fn BasketLine(
    line: CartLine,
    edit: Callback<(i64, i64, String)>,
    failure: RwSignal<Option<(i64, ApiError)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let full_name = line_name(&line);
    let price = {
        let line = line.clone();
        move || line_price(i18n.t(), &line)
    };
    let CartLine {
        product_id,
        variant_id,
        name,
        variant_label,
        sold_by_weight,
        quantity,
        line_total_cents,
        available,
        thumbnail_url,
        ..
    } = line;
    let field_id = format!("quantite-{variant_id}");
    let less_id = format!("moins-{variant_id}");
    let more_id = format!("plus-{variant_id}");
    let remove_id = format!("retirer-{variant_id}");
    let set =
        move |quantity: i64, focus_id: &str| edit.run((variant_id, quantity, focus_id.to_owned()));
    let typed = {
        let field_id = field_id.clone();
        move |event: leptos::ev::Event| {
            if let Ok(value) = event_target_value(&event).trim().parse::<i64>() {
                set(value.clamp(0, shared::cart::MAX_QUANTITY), &field_id);
            }
        }
    };
    let problem = move || {
        failure
            .get()
            .filter(|(id, _)| *id == variant_id)
            .map(|(_, error)| view! { <ProblemText error /> })
    };
    let (n1, n2, n3, n4) = (
        full_name.clone(),
        full_name.clone(),
        full_name.clone(),
        full_name,
    );
    view! {
        <li class="basket-line" class:basket-line--unavailable=!available data-testid="basket-line">
            <img class="basket-line__picture" src=thumbnail_url alt="" width="72" height="72" decoding="async" />
            <div class="basket-line__body">
                <p class="basket-line__name">
                    <a href=Page::Product { id: product_id }.href()>{name}</a>
                </p>
                {(!variant_label.is_empty())
                    .then(|| {
                        view! {
                            <p class="basket-line__variant" data-testid="line-variant">
                                {variant_label}
                            </p>
                        }
                    })}
                <p class="basket-line__price" data-testid="line-price">{price}</p>
                {sold_by_weight
                    .then(|| view! { <p class="basket-line__weighed">{tr(|t| t.weighed_note)}</p> })}
                {(!available).then(|| view! { <p class="field__error">{tr(|t| t.unavailable)}</p> })}
            </div>
            <div class="basket-line__controls">
                <label class="visually-hidden" for=field_id.clone()>
                    {tr_with(|t| t.quantity_of, n1)}
                </label>
                <div class="quantity">
                    <button
                        type="button"
                        id=less_id.clone()
                        class="quantity__step"
                        aria-label=tr_with(|t| t.less_of, n2)
                        on:click={
                            let less_id = less_id.clone();
                            move |_| set(quantity - 1, &less_id)
                        }
                    >
                        "−"
                    </button>
                    <input
                        id=field_id
                        class="quantity__field"
                        type="number"
                        inputmode="numeric"
                        min="0"
                        max=shared::cart::MAX_QUANTITY
                        step="1"
                        prop:value=quantity.to_string()
                        on:change=typed
                    />
                    <button
                        type="button"
                        id=more_id.clone()
                        class="quantity__step"
                        aria-label=tr_with(|t| t.more_of, n3)
                        on:click={
                            let more_id = more_id.clone();
                            move |_| set(quantity + 1, &more_id)
                        }
                    >
                        "+"
                    </button>
                </div>
                <p class="basket-line__total">
                    {tr(|t| t.line_total)} " " <strong>{format_eur(line_total_cents)}</strong>
                </p>
                    <button
                        type="button"
                        id=remove_id.clone()
                        class="button button--secondary basket-line__remove"
                        on:click={
                            let remove_id = remove_id.clone();
                            move |_| set(0, &remove_id)
                        }
                    >
                        {tr(|t| t.remove)}
                        <span class="visually-hidden">" " {n4}</span>
                    </button>
                {problem}
            </div>
        </li>
    }
}
