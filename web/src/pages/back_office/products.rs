//! A shop's products, with quick price and stock edits.
//!
//! Browser tests rely on `[data-testid="bo-product"]` (`data-id`) with its "Prix TTC en
//! euros" field.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::hooks::use_params_map;
use shared::shop_products::{ProductStatus, ShopProduct, UpdateProduct};

use super::{Frame, LoginNeeded};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText},
    i18n::{Text, tr},
    price, routes,
    state::session::use_session,
};

/// A shop's products, with quick price and stock edits.
#[component]
pub fn ShopProductsPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let slug = move || routes::shop_slug(&params.read()).unwrap_or_default();
    let resource = LocalResource::new(move || {
        let slug = slug();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            api::shop_products(&token, &slug, 1)
                .await
                .map(|page| Some(page.items))
        }
    });
    let loaded = move |products: Option<Vec<ShopProduct>>| match products {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(products) => {
            let rows = products
                .into_iter()
                .map(|product| view! { <ProductRow product /> })
                .collect_view();
            view! { <ul class="bo-products">{rows}</ul> }.into_any()
        }
    };
    view! {
        <Frame heading=|t| t.bo_products_heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// One product: its name and status, and its price and stock, editable.
#[component]
fn ProductRow(product: ShopProduct) -> impl IntoView {
    let session = use_session();
    let id = product.id;
    let price_text = RwSignal::new(price::euros_text(product.price_cents, ','));
    let stock_text = RwSignal::new(product.stock.map(|s| s.to_string()).unwrap_or_default());
    let invalid = RwSignal::new(None::<Text>);
    let problem = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let status: Text = match product.status {
        ProductStatus::Draft => |t| t.bo_draft,
        ProductStatus::Active => |t| t.bo_on_sale,
        ProductStatus::Archived => |t| t.bo_archived,
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        problem.set(None);
        let Ok(Some(price_cents)) = price::parse_euros(&price_text.get_untracked()) else {
            invalid.set(Some(|t| t.bo_bad_price));
            return;
        };
        let stock_text = stock_text.get_untracked();
        let stock = match stock_text.trim() {
            "" => None,
            text => match text.parse::<i64>() {
                Ok(stock) if stock >= 0 => Some(stock),
                _ => {
                    invalid.set(Some(|t| t.bo_bad_stock));
                    return;
                }
            },
        };
        invalid.set(None);
        let change = UpdateProduct {
            price_cents: Some(price_cents),
            stock: Some(stock),
            ..UpdateProduct::default()
        };
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::update_product(&token, id, &change).await,
            };
            match result {
                Ok(_) => saved.set(true),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let price_id = format!("prix-{id}");
    let stock_id = format!("stock-{id}");
    view! {
        <li class="bo-product" data-testid="bo-product" data-id=id>
            <form on:submit=submit>
                <h2 class="bo-product__name">{product.name}</h2>
                <p>{tr(status)}</p>
                <div class="bo-product__fields">
                    <div class="field">
                        <label for=price_id.clone()>{tr(|t| t.bo_price)}</label>
                        <input id=price_id type="text" inputmode="decimal" prop:value=move || price_text.get() on:input=move |event| price_text.set(event_target_value(&event)) />
                    </div>
                    <div class="field">
                        <label for=stock_id.clone()>{tr(|t| t.bo_stock)}</label>
                        <input id=stock_id type="text" inputmode="numeric" prop:value=move || stock_text.get() on:input=move |event| stock_text.set(event_target_value(&event)) />
                    </div>
                </div>
                <button type="submit" class="button button--secondary">{tr(|t| t.bo_save)}</button>
                <div role="status">
                    {move || saved.get().then(|| view! { <p>{tr(|t| t.bo_saved)}</p> })}
                </div>
                {move || invalid.get().map(|text| view! { <p class="field__error">{tr(text)}</p> })}
                {move || problem.get().map(|error| view! { <ProblemText error /> })}
            </form>
        </li>
    }
}
