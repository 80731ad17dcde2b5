//! Finding one of the shop's products on sale and the size to add: the phone order and an
//! order changed after the call both use it. A product without sizes has one "Ajouter"
//! button; a product with sizes has one button per size, a sold-out size shown but
//! disabled. It is not a `<form>` (the order editor that holds it is one): Enter in the
//! field searches, as the button does.
//!
//! Browser tests rely on the "Chercher un produit" field and its "Chercher" button, and on
//! `[data-testid="product-result"]` (`data-id`: the product) with its "Ajouter …" buttons,
//! named "Ajouter {product}" or "Ajouter {product} ({size})".

use leptos::{prelude::*, task::spawn_local};
use shared::{
    money::format_eur,
    order::name_with_variant,
    shop_products::{ShopProduct, ShopVariant},
};

use crate::{
    api::{self, ApiError},
    components::ProblemText,
    i18n::{tr, tr_with},
    state::session::use_session,
};

/// A product and the size chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Picked {
    pub product: ShopProduct,
    pub variant: ShopVariant,
}

impl Picked {
    /// "Bottines Lou (39)"; the name alone for a product without sizes.
    pub fn name(&self) -> String {
        name_with_variant(&self.product.name, &self.variant.label)
    }
}

/// A product picked in a size, with the quantity typed beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct PickedLine {
    pub picked: Picked,
    pub quantity: RwSignal<String>,
}

/// Adds `picked` to `lines`: one more of it when it is there, else a new line of 1.
pub fn add_picked(lines: RwSignal<Vec<PickedLine>>, picked: Picked) {
    let existing = lines
        .read_untracked()
        .iter()
        .find(|line| line.picked.variant.id == picked.variant.id)
        .map(|line| line.quantity);
    match existing {
        Some(quantity) => quantity.update(|q| {
            *q = (q.trim().parse::<i64>().unwrap_or(0) + 1).to_string();
        }),
        None => lines.update(|lines| {
            lines.push(PickedLine {
                picked,
                quantity: RwSignal::new("1".to_owned()),
            })
        }),
    }
}

/// The search field, its button and the products found; `on_pick` gets each one added.
/// `field_id` is the field's id (unique on the page).
#[component]
pub fn ProductSearch(
    slug: String,
    #[prop(into)] field_id: String,
    on_pick: Callback<Picked>,
) -> impl IntoView {
    let session = use_session();
    let query = RwSignal::new(String::new());
    let results = RwSignal::new(None::<Result<Vec<ShopProduct>, ApiError>>);
    let search = move || {
        let slug = slug.clone();
        let q = query.get_untracked();
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::products_on_sale(&token, &slug, &q)
                    .await
                    .map(|page| page.items),
            };
            results.set(Some(result));
        });
    };
    let on_enter = {
        let search = search.clone();
        move |event: leptos::ev::KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                search();
            }
        }
    };
    let found = move || {
        results.get().map(|result| match result {
            Err(error) => view! { <ProblemText error /> }.into_any(),
            Ok(products) if products.is_empty() => {
                view! { <p role="status">{tr(|t| t.bo().bo_phone_no_result)}</p> }.into_any()
            }
            Ok(products) => {
                let rows = products
                    .into_iter()
                    .map(|product| view! { <Found product on_pick /> })
                    .collect_view();
                view! { <ul class="bo-rows">{rows}</ul> }.into_any()
            }
        })
    };
    view! {
        <div class="bo-inline-form" role="search">
            <div class="field">
                <label for=field_id.clone()>{tr(|t| t.bo().bo_phone_search)}</label>
                <input id=field_id type="search" prop:value=move || query.get()
                    on:input=move |event| query.set(event_target_value(&event)) on:keydown=on_enter />
            </div>
            <button type="button" class="button button--secondary" on:click=move |_| search()>
                {tr(|t| t.bo().bo_phone_search_button)}
            </button>
        </div>
        {found}
    }
}

/// A product found: its name, price and stock, and its "Ajouter" button, or a group of
/// buttons named by size (the group is named "Ajouter {product}": a button's name is the
/// size it shows).
#[component]
fn Found(product: ShopProduct, on_pick: Callback<Picked>) -> impl IntoView {
    let id = product.id;
    let price = format_eur(product.price_cents);
    let stock = product.stock;
    let add_named = tr_with(|t| t.bo().bo_add_named, product.name.clone());
    let on_sale: Vec<ShopVariant> = product
        .variants
        .iter()
        .filter(|variant| variant.active)
        .cloned()
        .collect();
    let pick = {
        let product = product.clone();
        move |variant: ShopVariant| {
            let picked = Picked {
                product: product.clone(),
                variant,
            };
            move |_| on_pick.run(picked.clone())
        }
    };
    let buttons = match on_sale.as_slice() {
        [single] if single.label.is_empty() => view! {
            <button type="button" class="button button--secondary" aria-label=add_named
                on:click=pick(single.clone())>
                {tr(|t| t.bo().bo_add)}
            </button>
        }
        .into_any(),
        _ => {
            let sizes = on_sale
                .into_iter()
                .map(|variant| {
                    let sold_out = variant.stock.is_some_and(|stock| stock <= 0);
                    let text = if sold_out {
                        tr_with(|t| t.bo().bo_size_sold_out, variant.label.clone()).into_any()
                    } else {
                        variant.label.clone().into_any()
                    };
                    view! {
                        <button type="button" class="button button--secondary" disabled=sold_out
                            on:click=pick(variant)>
                            {text}
                        </button>
                    }
                })
                .collect_view();
            view! { <span class="bo-sizes" role="group" aria-label=add_named>{sizes}</span> }
                .into_any()
        }
    };
    view! {
        <li class="bo-row" data-testid="product-result" data-id=id>
            <span>
                <strong>{product.name.clone()}</strong> " · " {price}
                {stock.map(|stock| view! { " · " {tr_with(|t| t.bo().bo_in_stock, stock.to_string())} })}
            </span>
            {buttons}
        </li>
    }
}
