//! A product's page.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_params_map;
use shared::{
    catalogue::{Product, StockState, Variant},
    measure::{format_per_unit, format_weight},
    money::format_eur,
};

use crate::{
    api::{self, ApiError},
    components::{DocumentTitle, Loaded, Missing, ProblemText},
    i18n::{tr, use_i18n},
    routes::{self, CatalogueFilter, Page},
    state::cart::use_cart,
};

/// The id of the quantity field.
const QUANTITY_ID: &str = "quantite";
/// The id of what the basket button says once pressed.
const ADD_OUTCOME_ID: &str = "ajout-panier";

/// The product page: picture, name, sizes, price, stock, shop, category, quantity,
/// description.
///
/// Browser tests rely on `<h1>` being the product's name, `[data-testid="product-price"]`
/// starting with the chosen variant's price as `format_eur` writes it (with "environ" and the
/// weight first for what is sold by weight), the sizes being radio buttons named by their
/// label, and `[data-testid="product-shop"]` being the link to its shop.
#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| routes::product_id(&params.read()));
    let content = move || match id.get() {
        None => view! { <ProductMissing /> }.into_any(),
        Some(id) => {
            let resource = LocalResource::new(move || api::get_product(id));
            let loaded = |product: Option<Product>| match product {
                Some(product) => view! { <ProductView product /> }.into_any(),
                None => view! { <ProductMissing /> }.into_any(),
            };
            view! { <Loaded resource loaded /> }.into_any()
        }
    };
    view! { <div class="page">{content}</div> }
}

/// "Produit introuvable".
#[component]
fn ProductMissing() -> impl IntoView {
    view! {
        <Missing
            heading=|t| t.product_not_found_heading
            text=|t| t.product_not_found_text
            link=Page::catalogue()
            link_text=|t| t.to_catalogue
        />
    }
}

/// A product on sale.
#[component]
fn ProductView(product: Product) -> impl IntoView {
    let i18n = use_i18n();
    let Product {
        id,
        name,
        description,
        variants,
        category,
        shop,
        takes_orders,
        picture_url,
        ..
    } = product;
    let title_name = name.clone();
    let title = Signal::derive(move || title_name.clone());
    // The first size that can be ordered is chosen to begin with.
    let first = variants
        .iter()
        .find(|variant| orderable(variant))
        .or(variants.first())
        .cloned();
    let Some(first) = first else {
        return view! { <ProductMissing /> }.into_any();
    };
    let chosen = RwSignal::new(first);
    let stock = move || chosen.with(|variant| variant.stock);
    let stock_class = move || match stock() {
        StockState::InStock | StockState::Untracked => "stock stock--available",
        StockState::Low => "stock stock--low",
        StockState::Out => "stock stock--out",
    };
    let picker = (variants.len() > 1).then(|| view! { <VariantPicker variants chosen /> });
    let order = move || {
        let variant = chosen.get();
        if !takes_orders {
            // Who sells (issue 15): not before the shop gives its legal identity.
            view! {
                <p class="notice" data-testid="not-orderable">{move || i18n.t().seller.not_orderable}</p>
                <button type="button" class="button order__add" disabled data-testid="add-to-basket">
                    {tr(|t| t.add_to_basket)}
                </button>
            }
            .into_any()
        } else if orderable(&variant) {
            view! { <OrderBox product_id=id variant_id=variant.id max_quantity=variant.max_quantity /> }
                .into_any()
        } else {
            view! { <p>{tr(|t| t.out_of_stock_text)}</p> }.into_any()
        }
    };
    view! {
        <DocumentTitle text=title />
        <article class="product">
            <div class="product__head">
                <h1 class="product__name">{name}</h1>
                {picker}
                <p class="product__price" data-testid="product-price">
                    {move || chosen.with(|variant| price_text(i18n.t(), variant))}
                    " "
                    <span class="product__tax">{tr(|t| t.price_tax_included)}</span>
                </p>
                {move || {
                    chosen
                        .with(|variant| variant.sold_by_weight)
                        .then(|| view! { <p class="product__weighed">{tr(|t| t.weighed_note)}</p> })
                }}
                <p class=stock_class data-testid="product-stock">
                    {move || i18n.t().stock(stock())}
                </p>
            </div>
            // The name is the heading right beside it: the picture adds nothing to hear.
            <img
                class="product__picture"
                src=picture_url
                alt=""
                width="400"
                height="400"
                decoding="async"
            />
            <div class="product__body">
                {order}
                <dl class="product__facts">
                    <div>
                        <dt>{tr(|t| t.sold_by)}</dt>
                        <dd>
                            <a href=Page::shop(&shop.slug).href() data-testid="product-shop">
                                {shop.name}
                            </a>
                            {format!(" ({})", shop.commune)}
                        </dd>
                    </div>
                    <div>
                        <dt>{tr(|t| t.category_label)}</dt>
                        <dd>
                            <a href=Page::Catalogue(CatalogueFilter::category(&category.slug))
                                .href()>{category.name}</a>
                        </dd>
                    </div>
                </dl>
                {(shop.offers_delivery || shop.offers_pickup)
                    .then(|| {
                        view! {
                            <ul class="badges">
                                {shop
                                    .offers_delivery
                                    .then(|| {
                                        view! {
                                            <li class="badge badge--delivery">
                                                {tr(|t| t.way_delivery)}
                                            </li>
                                        }
                                    })}
                                {shop
                                    .offers_pickup
                                    .then(|| {
                                        view! {
                                            <li class="badge badge--pickup">
                                                {tr(|t| t.way_pickup)}
                                            </li>
                                        }
                                    })}
                            </ul>
                        }
                    })}
                {(!description.is_empty())
                    .then(|| view! { <p class="product__description">{description}</p> })}
            </div>
        </article>
    }
    .into_any()
}

/// Whether a variant can be put in the basket now.
fn orderable(variant: &Variant) -> bool {
    variant.stock != StockState::Out && variant.max_quantity > 0
}

/// A variant's price as the product page writes it: "6,90 € · 13,80 €/kg", or for what is
/// sold by weight "environ 250 g · environ 5,75 € (23,00 €/kg)".
fn price_text(t: &crate::i18n::Strings, variant: &Variant) -> String {
    let price = format_eur(variant.price_cents);
    if variant.sold_by_weight {
        let weight = variant
            .estimated_weight_g
            .map(|grams| format!("{} {} · ", t.about, format_weight(i64::from(grams))))
            .unwrap_or_default();
        let per_kg = variant
            .price_per_kg_cents
            .map(|cents| {
                format!(
                    " ({})",
                    format_per_unit(cents, shared::measure::PerUnit::Kg)
                )
            })
            .unwrap_or_default();
        return format!("{weight}{} {price}{per_kg}", t.about);
    }
    match variant.price_per_unit_cents.zip(variant.price_per_unit) {
        Some((cents, per)) => format!("{price} · {}", format_per_unit(cents, per)),
        None => price,
    }
}

/// The sizes, jars or cuts as large radio buttons, each with its price when prices differ;
/// those sold out are shown, but cannot be chosen.
#[component]
fn VariantPicker(variants: Vec<Variant>, chosen: RwSignal<Variant>) -> impl IntoView {
    let i18n = use_i18n();
    let prices_differ = variants
        .iter()
        .any(|variant| variant.price_cents != variants[0].price_cents);
    let options = variants
        .into_iter()
        .map(|variant| {
            let id = variant.id;
            let out = !orderable(&variant);
            let price = prices_differ.then(|| format_eur(variant.price_cents));
            let label = variant.label.clone();
            view! {
                <label class="variant" class:variant--out=out data-testid="variant">
                    <input
                        type="radio"
                        name="variante"
                        class="variant__input"
                        value=id
                        disabled=out
                        checked=chosen.with_untracked(|chosen| chosen.id == id)
                        prop:checked=move || chosen.with(|chosen| chosen.id == id)
                        on:change=move |_| chosen.set(variant.clone())
                    />
                    <span class="variant__text">
                        <span class="variant__label">{label}</span>
                        // The spaces keep the words apart for screen readers.
                        {price.map(|price| view! { " " <span class="variant__price">{price}</span> })}
                        {out
                            .then(|| {
                                view! {
                                    " "
                                    <span class="variant__out">
                                        {move || i18n.t().variant_sold_out}
                                    </span>
                                }
                            })}
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="variants">
            <legend class="variants__legend">{tr(|t| t.variant_choose)}</legend>
            <div class="variants__options">{options}</div>
        </fieldset>
    }
}

/// What pressing the basket button came to.
#[derive(Debug, Clone, PartialEq)]
enum AddOutcome {
    /// On its way.
    Adding,
    /// In the basket.
    Added,
    /// Refused or failed.
    Failed(ApiError),
}

/// The quantity (1 to `max_quantity`, with large − and + buttons) and the basket button; once
/// pressed, what came of it: "Ajouté au panier" with a link to the basket, or why not.
///
/// Browser tests rely on `[data-testid="add-to-basket"]` and `[data-testid="add-outcome"]`.
#[component]
fn OrderBox(product_id: i64, variant_id: i64, max_quantity: u32) -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let outcome = RwSignal::new(None::<AddOutcome>);
    let quantity = RwSignal::new(1_u32);
    let add = move |_| {
        if outcome.get_untracked() == Some(AddOutcome::Adding) {
            return;
        }
        outcome.set(Some(AddOutcome::Adding));
        let quantity = i64::from(quantity.get_untracked());
        spawn_local(async move {
            let result = cart.add(product_id, variant_id, quantity).await;
            outcome.set(Some(match result {
                Ok(_) => AddOutcome::Added,
                Err(error) => AddOutcome::Failed(error),
            }));
        });
    };
    let outcome_view = move || {
        outcome.get().map(|outcome| match outcome {
            AddOutcome::Adding => {
                view! { <p class="order__note">{tr(|t| t.adding)}</p> }.into_any()
            }
            AddOutcome::Added => view! {
                <p class="order__added">
                    <strong>{tr(|t| t.added_to_basket)}</strong>
                    " "
                    <a href=Page::Basket.href()>{tr(|t| t.see_basket)}</a>
                </p>
            }
            .into_any(),
            AddOutcome::Failed(error) => view! { <ProblemText error /> }.into_any(),
        })
    };
    // A new quantity is a new question: the old answer no longer applies.
    Effect::new(move |previous: Option<u32>| {
        let current = quantity.get();
        if previous.is_some_and(|previous| previous != current) {
            outcome.set(None);
        }
        current
    });
    let clamp = move |value: u32| value.clamp(1, max_quantity.max(1));
    let less = move |_| quantity.update(|quantity| *quantity = clamp(quantity.saturating_sub(1)));
    let more = move |_| quantity.update(|quantity| *quantity = clamp(*quantity + 1));
    let typed = move |event: leptos::ev::Event| {
        // Whatever is typed ends within the limits once the field is left.
        let value = event_target_value(&event)
            .trim()
            .parse::<u32>()
            .unwrap_or(1);
        quantity.set(clamp(value));
    };
    view! {
        <div class="order">
            <label class="order__label" for=QUANTITY_ID>
                {tr(|t| t.quantity)}
                <span class="order__max">
                    {move || format!(" ({})", (i18n.t().quantity_max)(max_quantity))}
                </span>
            </label>
            <div class="quantity">
                <button
                    type="button"
                    class="quantity__step"
                    aria-label=tr(|t| t.quantity_less)
                    aria-controls=QUANTITY_ID
                    aria-disabled=move || (quantity.get() <= 1).then_some("true")
                    on:click=less
                >
                    "−"
                </button>
                <input
                    id=QUANTITY_ID
                    class="quantity__field"
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max=max_quantity
                    step="1"
                    value=quantity.get_untracked().to_string()
                    prop:value=move || quantity.get().to_string()
                    on:change=typed
                />
                <button
                    type="button"
                    class="quantity__step"
                    aria-label=tr(|t| t.quantity_more)
                    aria-controls=QUANTITY_ID
                    aria-disabled=move || (quantity.get() >= max_quantity).then_some("true")
                    on:click=more
                >
                    "+"
                </button>
            </div>
            <button
                type="button"
                class="button order__add"
                aria-describedby=ADD_OUTCOME_ID
                data-testid="add-to-basket"
                on:click=add
            >
                {tr(|t| t.add_to_basket)}
            </button>
            // Always there, so that screen readers announce what appears in it.
            <div id=ADD_OUTCOME_ID role="status" data-testid="add-outcome">
                {outcome_view}
            </div>
        </div>
    }
}
