//! The shopper's basket: its id, remembered in `localStorage` and created on the first
//! addition, and the last state the API gave of it, which the header's count and the basket
//! page show.

use leptos::{prelude::*, task::spawn_local};
use shared::{
    cart::{AddCartItem, Cart},
    error::ErrorCode,
};

use crate::{api, api::ApiError, state::storage};

/// `localStorage` key of the basket's id.
const STORAGE_KEY: &str = "vitrine.panier";

/// The basket, shared through context by [`provide_cart`]; cheap to copy.
#[derive(Debug, Clone, Copy)]
pub struct CartState {
    id: RwSignal<Option<String>>,
    cart: RwSignal<Option<Cart>>,
}

/// Puts the basket in context and, if a previous visit left one, loads it for the header.
pub fn provide_cart() {
    let state = CartState {
        id: RwSignal::new(storage::load(STORAGE_KEY)),
        cart: RwSignal::new(None),
    };
    provide_context(state);
    if state.id.get_untracked().is_some() {
        spawn_local(async move {
            // The header shows no count rather than an error: the basket page says what failed.
            let _ = state.reload().await;
        });
    }
}

/// The basket put in context by [`provide_cart`].
pub fn use_cart() -> CartState {
    expect_context::<CartState>()
}

impl CartState {
    /// The basket as last seen (reactive); `None` before it is loaded or when there is none.
    pub fn cart(self) -> Option<Cart> {
        self.cart.get()
    }

    /// The basket as last seen, without subscribing to it.
    pub fn cart_untracked(self) -> Option<Cart> {
        self.cart.get_untracked()
    }

    /// How many articles it holds (reactive).
    pub fn item_count(self) -> i64 {
        self.cart
            .with(|cart| cart.as_ref().map_or(0, |cart| cart.item_count))
    }

    /// The basket's id, if there is one.
    pub fn id(self) -> Option<String> {
        self.id.get_untracked()
    }

    /// Loads the basket again from the API; `None` when there is none (never made, or gone).
    pub async fn reload(self) -> Result<Option<Cart>, ApiError> {
        let Some(id) = self.id() else {
            self.cart.set(None);
            return Ok(None);
        };
        let cart = api::get_cart(&id).await?;
        if cart.is_none() {
            self.forget();
        }
        self.cart.set(cart.clone());
        Ok(cart)
    }

    /// Adds `quantity` of a product's variant, making the basket first if there is none yet (or if the
    /// remembered one is gone).
    pub async fn add(
        self,
        product_id: i64,
        variant_id: i64,
        quantity: i64,
    ) -> Result<Cart, ApiError> {
        let item = AddCartItem {
            product_id,
            variant_id: Some(variant_id),
            quantity,
        };
        if let Some(id) = self.id() {
            match api::add_cart_item(&id, &item).await {
                Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => {
                    // The product exists (its page showed it): it is the basket that is gone.
                    self.forget();
                }
                result => return self.keep(result),
            }
        }
        let cart = api::create_cart().await?;
        self.remember(&cart.id);
        self.keep(api::add_cart_item(&cart.id, &item).await)
    }

    /// Sets the quantity of a variant's line (0 removes it).
    pub async fn set_quantity(self, variant_id: i64, quantity: i64) -> Result<Cart, ApiError> {
        let id = self.id().unwrap_or_default();
        self.keep(api::set_cart_quantity(&id, variant_id, quantity).await)
    }

    /// Removes a variant's line.
    pub async fn remove(self, variant_id: i64) -> Result<Cart, ApiError> {
        let id = self.id().unwrap_or_default();
        self.keep(api::remove_cart_item(&id, variant_id).await)
    }

    /// After logging in: the guest basket, if there was one, is now the account's (the API
    /// adopted it); else the account's own basket, if it has one, becomes this one.
    pub async fn follow_account(self, account_cart: Option<String>) {
        if self.id().is_none()
            && let Some(id) = account_cart
        {
            self.remember(&id);
        }
        // The header shows no count rather than an error: the basket page says what failed.
        let _ = self.reload().await;
    }

    /// Forgets the basket, once it has become orders.
    pub fn clear(self) {
        self.forget();
        self.cart.set(None);
    }

    fn keep(self, result: Result<Cart, ApiError>) -> Result<Cart, ApiError> {
        if let Ok(cart) = &result {
            self.cart.set(Some(cart.clone()));
        }
        result
    }

    fn remember(self, id: &str) {
        storage::save(STORAGE_KEY, Some(id));
        self.id.set(Some(id.to_owned()));
    }

    fn forget(self) {
        storage::save(STORAGE_KEY, None);
        self.id.set(None);
    }
}
