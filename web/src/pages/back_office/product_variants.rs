//! A product's sizes, jars and cuts (issue 14) on its edit page: the list, each with its
//! price, stock and price per kilo; one form at a time to add one or change one. A product
//! without sizes has one unnamed variant: the form that adds a second one names it first.
//!
//! Browser tests rely on `[data-testid="variant-row"]` (one per variant, `data-label` its
//! label) and on the form's labels.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    error::ErrorCode,
    measure::{NetUnit, format_per_unit, price_per_unit},
    money::format_eur,
    shop_products::{ShopProduct, ShopVariant, VariantInput},
};

use super::products::parse_stock;
use crate::{
    api::{self, ApiError},
    components::{ProblemText, TextField},
    i18n::{Text, use_i18n},
    price,
    state::session::use_session,
};

/// Which form is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Editing {
    /// Adding a variant.
    New,
    /// Changing the variant with this id.
    Variant(i64),
}

/// The section: the variants, and the form when one is open. `product` is the product as
/// last saved, which the product's own form also follows.
#[component]
pub fn VariantsSection(product: RwSignal<ShopProduct>) -> impl IntoView {
    let product_id = product.with_untracked(|product| product.id);
    let variants = Signal::derive(move || product.with(|product| product.variants.clone()));
    let i18n = use_i18n();
    let session = use_session();
    let editing = RwSignal::new(None::<Editing>);
    let saved = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let keep = move |saved_product: ShopProduct| {
        product.set(saved_product);
        editing.set(None);
        saved.set(true);
    };
    let remove = move |variant_id: i64| {
        saved.set(false);
        problem.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::delete_variant(&token, product_id, variant_id).await,
            };
            match result {
                Ok(product) => keep(product),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let rows = move || {
        let list = variants.get();
        let several = list.len() > 1;
        list.into_iter()
            .map(|variant| {
                let id = variant.id;
                let open = move || editing.get() == Some(Editing::Variant(id));
                let form_variant = variant.clone();
                let row_label = variant.label.clone();
                view! {
                    <li class="bo-variant" data-testid="variant-row" data-label=row_label>
                        <VariantSummary variant />
                        <div class="bo-variant__actions">
                            <button
                                type="button"
                                class="button button--secondary"
                                aria-expanded=move || open().to_string()
                                on:click=move |_| {
                                    saved.set(false);
                                    problem.set(None);
                                    editing.set((!open()).then_some(Editing::Variant(id)));
                                }
                            >
                                {move || i18n.t().variants().edit}
                            </button>
                            {several.then(|| view! {
                                <button type="button" class="button button--secondary" on:click=move |_| remove(id)>
                                    {move || i18n.t().variants().remove}
                                </button>
                            })}
                        </div>
                        {move || open().then(|| {
                            view! { <VariantForm product_id variant=Some(form_variant.clone()) first=None editing keep /> }
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    // The unnamed variant of a product without sizes, named in the form that adds another.
    let unnamed = move || {
        variants.with(|list| match list.as_slice() {
            [only] if only.label.is_empty() => Some(only.id),
            _ => None,
        })
    };
    view! {
        <section class="bo-variants" aria-labelledby="variantes-titre">
            <h2 id="variantes-titre">{move || i18n.t().variants().heading}</h2>
            <p class="field__hint">{move || i18n.t().variants().intro}</p>
            <ul class="bo-variants__list">{rows}</ul>
            {move || unnamed().map(|_| view! { <p class="field__hint">{move || i18n.t().variants().name_first}</p> })}
            {move || if editing.get() == Some(Editing::New) {
                view! { <VariantForm product_id variant=None first=unnamed() editing keep /> }.into_any()
            } else {
                view! {
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            saved.set(false);
                            problem.set(None);
                            editing.set(Some(Editing::New));
                        }
                    >
                        {move || i18n.t().variants().add}
                    </button>
                }
                .into_any()
            }}
            <div role="status" data-testid="variants-saved">
                {move || saved.get().then(|| view! { <p>{move || i18n.t().variants().saved}</p> })}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </section>
    }
}

/// One variant as the list shows it: "40 · 39,00 € · 4 en stock", its price per kilo, and
/// whether it is on sale.
#[component]
fn VariantSummary(variant: ShopVariant) -> impl IntoView {
    let i18n = use_i18n();
    let ShopVariant {
        label,
        price_cents,
        stock,
        active,
        price_per_unit_cents,
        price_per_unit,
        sold_by_weight,
        price_per_kg_cents,
        ..
    } = variant;
    let text = move || {
        let t = i18n.t().variants();
        let label = if label.is_empty() {
            t.unnamed.to_owned()
        } else {
            label.clone()
        };
        let stock = stock.map_or_else(|| t.stock_untracked.to_owned(), t.in_stock);
        let price = match (sold_by_weight, price_per_kg_cents) {
            (true, Some(per_kg)) => format!(
                "{} {} ({})",
                i18n.t().about,
                format_eur(price_cents),
                format_per_unit(per_kg, shared::measure::PerUnit::Kg)
            ),
            _ => match price_per_unit_cents.zip(price_per_unit) {
                Some((cents, per)) => {
                    format!(
                        "{} ({})",
                        format_eur(price_cents),
                        format_per_unit(cents, per)
                    )
                }
                None => format_eur(price_cents),
            },
        };
        let sale = if active { "" } else { t.inactive };
        let parts: Vec<String> = [label, price, stock, sale.to_owned()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect();
        parts.join(" · ")
    };
    view! { <p class="bo-variant__summary">{text}</p> }
}

/// The form that adds a variant (`variant` none) or changes one. `first`: the id of the
/// product's unnamed variant, named before the new one is added.
#[component]
fn VariantForm(
    product_id: i64,
    variant: Option<ShopVariant>,
    first: Option<i64>,
    editing: RwSignal<Option<Editing>>,
    keep: impl Fn(ShopProduct) + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let text = |value: Option<String>| RwSignal::new(value.unwrap_or_default());
    let v = variant.as_ref();
    let variant_id = v.map(|v| v.id);
    let first_label = RwSignal::new(String::new());
    let label = text(v.map(|v| v.label.clone()));
    let price_text = text(v.map(|v| price::euros_text(v.price_cents, ',')));
    let stock_text = text(v.and_then(|v| v.stock).map(|s| s.to_string()));
    let sku = text(v.and_then(|v| v.sku.clone()));
    let ean = text(v.and_then(|v| v.ean.clone()));
    let net_text = text(v.and_then(|v| v.net_quantity).map(|q| q.to_string()));
    let net_unit = RwSignal::new(v.and_then(|v| v.net_unit));
    let by_weight = RwSignal::new(v.is_some_and(|v| v.sold_by_weight));
    let per_kg_text = text(
        v.and_then(|v| v.price_per_kg_cents)
            .map(|c| price::euros_text(c, ',')),
    );
    let weight_text = text(v.and_then(|v| v.estimated_weight_g).map(|g| g.to_string()));
    let active = RwSignal::new(v.is_none_or(|v| v.active));
    let errors: [RwSignal<Option<Text>>; 7] = std::array::from_fn(|_| RwSignal::new(None));
    let [
        first_error,
        label_error,
        price_error,
        stock_error,
        net_error,
        per_kg_error,
        weight_error,
    ] = errors;
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    // The price per kilo, litre or piece as the API will compute it.
    let per_unit = move || {
        let quantity = net_text.get().trim().parse::<i64>().ok()?;
        let cents = price::parse_euros(&price_text.get()).ok()??;
        let (per_cents, per) = price_per_unit(cents, quantity, net_unit.get()?)?;
        Some(format_per_unit(per_cents, per))
    };
    let count =
        |text: RwSignal<String>, error: RwSignal<Option<Text>>| match text.get_untracked().trim() {
            "" => Ok(None),
            value => value.parse::<i64>().map(Some).map_err(|_| {
                error.set(Some(|t| t.variants().bad_number));
            }),
        };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        for error in errors {
            error.set(None);
        }
        problem.set(None);
        let first_value = first_label.get_untracked().trim().to_owned();
        if first.is_some() && first_value.is_empty() {
            first_error.set(Some(|t| t.variants().bad_label));
        }
        let label_value = label.get_untracked().trim().to_owned();
        if label_value.is_empty() && !(variant.as_ref().is_some_and(|v| v.label.is_empty())) {
            label_error.set(Some(|t| t.variants().bad_label));
        }
        let weighed = by_weight.get_untracked();
        let price_cents = if weighed {
            None
        } else {
            match price::parse_euros(&price_text.get_untracked()) {
                Ok(Some(cents)) if cents > 0 => Some(cents),
                _ => {
                    price_error.set(Some(|t| t.bo().bo_bad_price));
                    None
                }
            }
        };
        let per_kg_cents = if weighed {
            match price::parse_euros(&per_kg_text.get_untracked()) {
                Ok(Some(cents)) if cents > 0 => Some(cents),
                _ => {
                    per_kg_error.set(Some(|t| t.bo().bo_bad_price));
                    None
                }
            }
        } else {
            None
        };
        let weight = if weighed {
            count(weight_text, weight_error).ok().flatten()
        } else {
            None
        };
        if weighed && weight.is_none() {
            weight_error.set(Some(|t| t.variants().bad_number));
        }
        let stock = parse_stock(&stock_text.get_untracked());
        if stock.is_err() {
            stock_error.set(Some(|t| t.bo().bo_bad_stock));
        }
        let net_quantity = count(net_text, net_error);
        if errors.iter().any(|error| error.get_untracked().is_some()) {
            return;
        }
        let (Ok(stock), Ok(net_quantity)) = (stock, net_quantity) else {
            return;
        };
        let input = VariantInput {
            label: (!label_value.is_empty()).then_some(label_value),
            price_cents,
            stock: Some(stock),
            sku: Some(sku.get_untracked().trim().to_owned()),
            ean: Some(ean.get_untracked().trim().to_owned()),
            active: Some(active.get_untracked()),
            net_quantity: Some(net_quantity),
            net_unit: Some(net_quantity.and(net_unit.get_untracked())),
            sold_by_weight: Some(weighed),
            price_per_kg_cents: per_kg_cents,
            estimated_weight_g: weight,
            ..VariantInput::default()
        };
        busy.set(true);
        spawn_local(async move {
            let Some(token) = session.access_token().await else {
                busy.set(false);
                problem.set(Some(ApiError::Network("signed out".to_owned())));
                return;
            };
            let result = match (variant_id, first) {
                (Some(variant_id), _) => {
                    api::update_variant(&token, product_id, variant_id, &input).await
                }
                (None, Some(first)) => {
                    let name = VariantInput {
                        label: Some(first_value),
                        ..VariantInput::default()
                    };
                    match api::update_variant(&token, product_id, first, &name).await {
                        Ok(_) => api::create_variant(&token, product_id, &input).await,
                        Err(error) => Err(error),
                    }
                }
                (None, None) => api::create_variant(&token, product_id, &input).await,
            };
            busy.set(false);
            if let Err(ApiError::Api(refused)) = &result
                && refused.code == ErrorCode::ValidationFailed
            {
                for field in &refused.errors {
                    let (error, text): (_, Text) = match field.field.as_str() {
                        "label" => (label_error, |t| t.variants().bad_label),
                        "price_cents" => (price_error, |t| t.bo().bo_bad_price),
                        "stock" => (stock_error, |t| t.bo().bo_bad_stock),
                        "net_quantity" | "net_unit" => (net_error, |t| t.variants().bad_number),
                        "price_per_kg_cents" => (per_kg_error, |t| t.bo().bo_bad_price),
                        "estimated_weight_g" => (weight_error, |t| t.variants().bad_number),
                        _ => continue,
                    };
                    error.set(Some(text));
                }
            }
            match result {
                Ok(product) => keep(product),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let units = NetUnit::ALL
        .into_iter()
        .map(|unit| {
            let name = match unit {
                NetUnit::Piece => "pièce(s)",
                other => other.as_str(),
            };
            view! { <option value=unit.as_str()>{name}</option> }
        })
        .collect_view();
    view! {
        <form class="bo-variant-form" on:submit=submit novalidate>
            {first.map(|_| view! {
                <TextField id="variante-premiere" label=|t| t.variants().first_label hint=|t| t.variants().label_hint value=first_label error=first_error.into() autocomplete="off" />
            })}
            <TextField id="variante-nom" label=|t| t.variants().label hint=|t| t.variants().label_hint value=label error=label_error.into() autocomplete="off" />
            <label class="bo-choice">
                <input
                    type="checkbox"
                    prop:checked=move || by_weight.get()
                    on:change=move |event| by_weight.set(event_target_checked(&event))
                />
                {move || i18n.t().variants().sold_by_weight}
            </label>
            {move || if by_weight.get() {
                view! {
                    <TextField id="variante-prix-kilo" label=|t| t.variants().price_per_kg value=per_kg_text error=per_kg_error.into() autocomplete="off" />
                    <TextField id="variante-poids" label=|t| t.variants().estimated_weight value=weight_text error=weight_error.into() autocomplete="off" />
                }
                .into_any()
            } else {
                view! {
                    <TextField id="variante-prix" label=|t| t.bo().bo_price hint=|t| t.bo().bo_price_hint value=price_text error=price_error.into() autocomplete="off" />
                }
                .into_any()
            }}
            <TextField id="variante-stock" label=|t| t.variants().stock hint=|t| t.bo().bo_stock_hint value=stock_text error=stock_error.into() autocomplete="off" />
            <div class="bo-variant-form__net">
                <TextField id="variante-quantite" label=|t| t.variants().net_quantity hint=|t| t.variants().net_quantity_hint value=net_text error=net_error.into() autocomplete="off" />
                <div class="field">
                    <label for="variante-unite">{move || i18n.t().variants().net_unit}</label>
                    <select
                        id="variante-unite"
                        prop:value=move || net_unit.get().map_or("", NetUnit::as_str)
                        on:change=move |event| net_unit.set(NetUnit::parse(&event_target_value(&event)))
                    >
                        <option value="">{move || i18n.t().variants().no_unit}</option>
                        {units}
                    </select>
                </div>
            </div>
            {move || per_unit().map(|text| view! {
                <p class="field__hint" data-testid="variant-per-unit">{move || i18n.t().variants().per_unit} " " {text}</p>
            })}
            <TextField id="variante-reference" label=|t| t.variants().sku value=sku error=Signal::stored(None) autocomplete="off" />
            <TextField id="variante-ean" label=|t| t.variants().ean value=ean error=Signal::stored(None) kind="text" autocomplete="off" />
            <label class="bo-choice">
                <input
                    type="checkbox"
                    prop:checked=move || active.get()
                    on:change=move |event| active.set(event_target_checked(&event))
                />
                {move || i18n.t().variants().active}
            </label>
            <div class="bo-variant__actions">
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || i18n.t().variants().save}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| editing.set(None)>
                    {move || i18n.t().variants().cancel}
                </button>
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </form>
    }
}
