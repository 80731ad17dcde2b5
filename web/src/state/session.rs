//! The shopper's session: who is signed in, and an access token for the API, kept in memory
//! and refreshed before it expires.
//!
//! The refresh token never reaches the app: the server keeps it in an HttpOnly cookie scoped
//! to `/api/v1/auth` (see `api/src/session_cookie.rs`), out of reach of any script in the
//! page. `localStorage` (`vitrine.session`) remembers only who is signed in, so that the page
//! greets them at once after a reload, in another bundle or in another tab; the first call
//! that needs the API there gets an access token through the cookie.
//!
//! The API rotates refresh tokens and treats a reused one as stolen (it closes every session
//! of the account), so a refresh must happen once: within the page, every caller waits for
//! the same refresh; across tabs, refreshes and log-outs take turns under a Web Lock
//! ([`with_tab_lock`]), each one sending the cookie the previous one left.

use std::{cell::RefCell, future::Future, rc::Rc};

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::{
    auth::{Me, Session},
    error::ErrorCode,
};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

use crate::{
    api::{self, ApiError},
    state::storage,
};

/// `localStorage` key of who is signed in.
pub const STORAGE_KEY: &str = "vitrine.session";
/// The Web Lock that refreshes and log-outs of every tab take turns under.
const REFRESH_LOCK: &str = "vitrine.session";
/// Refresh the access token this long before it expires (clocks drift, requests take time).
const REFRESH_MARGIN_MS: f64 = 60_000.0;

/// What `localStorage` remembers: who is signed in, no secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Remembered {
    user: Me,
}

/// An access token, in memory only.
#[derive(Debug, Clone)]
struct Access {
    token: String,
    /// When it expires, in milliseconds since the epoch (browser clock).
    expires_at_ms: f64,
}

impl Access {
    fn from_session(session: &Session) -> Access {
        Access {
            token: session.access_token.clone(),
            expires_at_ms: js_sys::Date::now() + session.expires_in as f64 * 1000.0,
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
    user: RwSignal<Option<Me>>,
    access: StoredValue<Option<Access>>,
    refreshing: StoredValue<Rc<RefCell<Option<Refresh>>>, LocalStorage>,
}

/// Puts the remembered session, if any, in context.
pub fn provide_session() {
    let user = load();
    // Sessions stored by earlier versions held the tokens themselves: keep only the user.
    remember(user.as_ref());
    provide_context(SessionState {
        user: RwSignal::new(user),
        access: StoredValue::new(None),
        refreshing: StoredValue::new_local(Rc::default()),
    });
}

/// The session put in context by [`provide_session`].
pub fn use_session() -> SessionState {
    expect_context::<SessionState>()
}

fn load() -> Option<Me> {
    serde_json::from_str::<Remembered>(&storage::load(STORAGE_KEY)?)
        .ok()
        .map(|remembered| remembered.user)
}

fn remember(user: Option<&Me>) {
    let json = user.and_then(|user| serde_json::to_string(&Remembered { user: user.clone() }).ok());
    storage::save(STORAGE_KEY, json.as_deref());
}

impl SessionState {
    /// The signed-in account (reactive); `None` for a guest.
    pub fn user(self) -> Option<Me> {
        self.user.get()
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
        self.forget();
        let _ = with_tab_lock(REFRESH_LOCK, api::logout).await;
    }

    /// A valid access token, refreshed if needed; `None` for a guest or a session the server
    /// no longer accepts (which is then forgotten).
    pub async fn access_token(self) -> Option<String> {
        // Another tab may have closed the session, or opened another account's.
        let remembered = load();
        let same_account = remembered.as_ref().map(|user| user.id)
            == self
                .user
                .with_untracked(|user| user.as_ref().map(|user| user.id));
        if !same_account {
            self.access.set_value(None);
        }
        if remembered != self.user.get_untracked() {
            self.user.set(remembered.clone());
        }
        remembered?;
        if let Some(token) = self.fresh_token() {
            return Some(token);
        }
        let cell = self.refreshing.get_value();
        let pending = cell.borrow().clone();
        let refresh = match pending {
            Some(refresh) => refresh,
            None => {
                let refresh = self.refresh().boxed_local().shared();
                *cell.borrow_mut() = Some(refresh.clone());
                refresh
            }
        };
        let token = refresh.await;
        cell.borrow_mut().take();
        token
    }

    async fn refresh(self) -> Option<String> {
        match with_tab_lock(REFRESH_LOCK, api::refresh).await {
            Ok(session) => {
                self.keep(session);
                self.fresh_token()
            }
            Err(ApiError::Api(problem)) if problem.code == ErrorCode::Unauthorized => {
                self.forget();
                None
            }
            // Offline or a server error: keep the session for the next try.
            Err(_) => None,
        }
    }

    fn fresh_token(self) -> Option<String> {
        self.access.with_value(|access| {
            access
                .as_ref()
                .filter(|access| access.is_fresh())
                .map(|access| access.token.clone())
        })
    }

    fn keep(self, session: Session) -> Me {
        self.access.set_value(Some(Access::from_session(&session)));
        remember(Some(&session.user));
        // Only a change notifies: a refresh of the same account must not redraw the pages
        // that read it (a form would lose what was typed).
        if self
            .user
            .with_untracked(|user| user.as_ref() != Some(&session.user))
        {
            self.user.set(Some(session.user.clone()));
        }
        session.user
    }

    fn forget(self) {
        self.access.set_value(None);
        remember(None);
        self.user.set(None);
    }
}

/// Runs `work` holding the Web Lock `name`, which every tab of the site shares, and returns
/// its result; without Web Locks (old browsers, plain HTTP away from this computer) runs it
/// as is.
async fn with_tab_lock<T, F, Fut>(name: &str, work: F) -> T
where
    T: 'static,
    F: FnOnce() -> Fut + 'static,
    Fut: Future<Output = T> + 'static,
{
    let locks = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("locks"))
        .ok()
        .filter(JsValue::is_object);
    let request = locks
        .as_ref()
        .and_then(|locks| js_sys::Reflect::get(locks, &JsValue::from_str("request")).ok())
        .and_then(|request| request.dyn_into::<js_sys::Function>().ok());
    let (Some(locks), Some(request)) = (locks, request) else {
        return work().await;
    };
    // The work runs inside the lock's callback; if the browser refuses the lock, it is still
    // here, and runs without.
    let work = Rc::new(RefCell::new(Some(work)));
    let result = Rc::new(RefCell::new(None::<T>));
    let (pending, out) = (Rc::clone(&work), Rc::clone(&result));
    let callback = Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
        let work = pending.borrow_mut().take();
        wasm_bindgen_futures::future_to_promise(async move {
            if let Some(work) = work {
                *out.borrow_mut() = Some(work().await);
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    if let Ok(promise) = request.call2(&locks, &JsValue::from_str(name), &callback)
        && let Ok(promise) = promise.dyn_into::<js_sys::Promise>()
    {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    let done = result.borrow_mut().take();
    match done {
        Some(done) => done,
        None => {
            let work = work.borrow_mut().take();
            match work {
                Some(work) => work().await,
                // The lock's callback took the work and never finished: it cannot have, since
                // the lock's promise settles only after the callback's.
                None => unreachable!("the Web Lock released before its work finished"),
            }
        }
    }
}
