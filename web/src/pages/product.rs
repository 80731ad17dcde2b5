//! A product's page.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_params_map;
use shared::{
    catalogue::{Product, StockState},
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

/// The product page: picture, name, price, stock, shop, category, quantity, description.
///
/// Browser tests rely on `<h1>` being the product's name, `[data-testid="product-price"]`
/// starting with its price as `format_eur` writes it, and `[data-testid="product-shop"]` being
/// the link to its shop.
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
        price_cents,
        stock,
        max_quantity,
        category,
        shop,
        takes_orders,
        picture_url,
        ..
    } = product;
    let title_name = name.clone();
    let title = Signal::derive(move || title_name.clone());
    let stock_class = match stock {
        StockState::InStock | StockState::Untracked => "stock stock--available",
        StockState::Low => "stock stock--low",
        StockState::Out => "stock stock--out",
    };
    let orderable = stock != StockState::Out && max_quantity > 0;
    view! {
        <DocumentTitle text=title />
        <article class="product">
            <div class="product__head">
                <h1 class="product__name">{name}</h1>
                <p class="product__price" data-testid="product-price">
                    {format_eur(price_cents)}
                    " "
                    <span class="product__tax">{tr(|t| t.price_tax_included)}</span>
                </p>
                <p class=stock_class data-testid="product-stock">
                    {move || i18n.t().stock(stock)}
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
                {if !takes_orders {
                    // Who sells (issue 15): not before the shop gives its legal identity.
                    view! {
                        <p class="notice" data-testid="not-orderable">{move || i18n.t().seller.not_orderable}</p>
                        <button type="button" class="button order__add" disabled data-testid="add-to-basket">
                            {tr(|t| t.add_to_basket)}
                        </button>
                    }
                    .into_any()
                } else if orderable {
                    view! { <OrderBox product_id=id max_quantity /> }.into_any()
                } else {
                    view! { <p>{tr(|t| t.out_of_stock_text)}</p> }.into_any()
                }}
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
fn OrderBox(product_id: i64, max_quantity: u32) -> impl IntoView {
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
            let result = cart.add(product_id, quantity).await;
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
