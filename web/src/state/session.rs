//! The shopper's session: who is signed in, and an access token for the API that is
//! refreshed before it expires.
//!
//! The session lives in `localStorage` (`vitrine.session`), so that it survives a reload,
//! the move between bundles and a second tab. The API rotates refresh tokens and treats a
//! reused one as stolen (it closes every session of the account), so a refresh must happen
//! once: within the page, every caller waits for the same refresh; across tabs, the stored
//! session is read again first, and a tab that finds a fresh token uses it.

use std::{cell::RefCell, rc::Rc};

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::{
    auth::{Me, Session},
    error::ErrorCode,
};

use crate::{
    api::{self, ApiError},
    state::storage,
};

/// `localStorage` key of the session.
pub const STORAGE_KEY: &str = "vitrine.session";
/// Refresh the access token this long before it expires (clocks drift, requests take time).
const REFRESH_MARGIN_MS: f64 = 60_000.0;

/// What is remembered of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Stored {
    access_token: String,
    /// When the access token expires, in milliseconds since the epoch (browser clock).
    expires_at_ms: f64,
    refresh_token: String,
    user: Me,
}

impl Stored {
    fn from_session(session: Session) -> Stored {
        Stored {
            expires_at_ms: js_sys::Date::now() + session.expires_in as f64 * 1000.0,
            access_token: session.access_token,
            refresh_token: session.refresh_token,
            user: session.user,
        }
    }

    fn is_fresh(&self) -> bool {
        self.expires_at_ms - REFRESH_MARGIN_MS > js_sys::Date::now()
    }
}

type Refresh = Shared<LocalBoxFuture<'static, Option<String>>>;

/// The session, shared through context by [`provide_session`]; cheap to copy.
#[derive(Clone, Copy)]
pub struct SessionState {
    stored: RwSignal<Option<Stored>>,
    refreshing: StoredValue<Rc<RefCell<Option<Refresh>>>, LocalStorage>,
}

/// Puts the remembered session, if any, in context.
pub fn provide_session() {
    provide_context(SessionState {
        stored: RwSignal::new(load()),
        refreshing: StoredValue::new_local(Rc::default()),
    });
}

/// The session put in context by [`provide_session`].
pub fn use_session() -> SessionState {
    expect_context::<SessionState>()
}

fn load() -> Option<Stored> {
    serde_json::from_str(&storage::load(STORAGE_KEY)?).ok()
}

impl SessionState {
    /// The signed-in account (reactive); `None` for a guest.
    pub fn user(self) -> Option<Me> {
        self.stored
            .with(|stored| stored.as_ref().map(|s| s.user.clone()))
    }

    /// Opens a session with an e-mail and password; the guest basket `cart_id` becomes the
    /// account's.
    pub async fn login(
        self,
        email: String,
        password: String,
        cart_id: Option<String>,
    ) -> Result<Me, ApiError> {
        let login = shared::auth::Login {
            email,
            password,
            cart_id,
        };
        Ok(self.keep(api::login(&login).await?))
    }

    /// Creates an account and opens its session; the guest basket `cart_id` becomes its own.
    pub async fn register(self, account: shared::auth::Register) -> Result<Me, ApiError> {
        Ok(self.keep(api::register(&account).await?))
    }

    /// Closes the session here and on the server (best effort: offline, the refresh token
    /// still expires on its own).
    pub async fn logout(self) {
        let stored = self.stored.get_untracked();
        self.set(None);
        if let Some(stored) = stored {
            let _ = api::logout(&stored.refresh_token).await;
        }
    }

    /// A valid access token, refreshed if needed; `None` for a guest or a session the server
    /// no longer accepts (which is then forgotten).
    pub async fn access_token(self) -> Option<String> {
        // Another tab may have refreshed (or closed) the session.
        let stored = load();
        if stored != self.stored.get_untracked() {
            self.stored.set(stored.clone());
        }
        let stored = stored?;
        if stored.is_fresh() {
            return Some(stored.access_token);
        }
        let cell = self.refreshing.get_value();
        let pending = cell.borrow().clone();
        let refresh = match pending {
            Some(refresh) => refresh,
            None => {
                let refresh = self.refresh(stored.refresh_token).boxed_local().shared();
                *cell.borrow_mut() = Some(refresh.clone());
                refresh
            }
        };
        let token = refresh.await;
        cell.borrow_mut().take();
        token
    }

    async fn refresh(self, refresh_token: String) -> Option<String> {
        match api::refresh(&refresh_token).await {
            Ok(session) => {
                self.keep(session);
                self.token()
            }
            Err(ApiError::Api(problem)) if problem.code == ErrorCode::Unauthorized => {
                self.set(None);
                None
            }
            // Offline or a server error: keep the session for the next try.
            Err(_) => None,
        }
    }

    fn token(self) -> Option<String> {
        self.stored
            .with_untracked(|stored| stored.as_ref().map(|s| s.access_token.clone()))
    }

    fn keep(self, session: Session) -> Me {
        let stored = Stored::from_session(session);
        let user = stored.user.clone();
        self.set(Some(stored));
        user
    }

    fn set(self, stored: Option<Stored>) {
        let json = stored
            .as_ref()
            .and_then(|stored| serde_json::to_string(stored).ok());
        storage::save(STORAGE_KEY, json.as_deref());
        self.stored.set(stored);
    }
}
