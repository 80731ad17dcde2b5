//! The public pages rendered on the server (issue 16), natively, with the app's own views.
//!
//! On a village's mobile signal the browsing bundle's wasm takes over a second to arrive; the
//! server sends each public page already drawn, so the shopper reads it at once, and the app
//! takes over when it starts (see [`crate::start`]). There is one set of views: the server
//! runs the same [`app::root`](crate::app::root) with the same router, only without a
//! browser:
//! - no effect runs (the `csr` feature, which turns them on, is the wasm build's only);
//! - nothing is remembered (`localStorage`): the page is what a first visit shows, without a
//!   basket count or a signed-in account;
//! - the settings come from [`render`]'s caller, and every API request of the views is
//!   answered from the answers it was given (a body, or a problem such as "not found", which
//!   the view shows as the app would); a request without one is noted in
//!   [`Rendered::missing`] and its part of the page shows "loading". The caller loads those
//!   and renders again (each answer can lead to a request of its own: a product, then its
//!   shop).
//!
//! The views' resources are driven to their answers on the calling thread, by a local
//! executor installed for it, while the page is written (see [`settle`]).

use std::{cell::RefCell, collections::HashMap};

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use futures::{
    executor::{LocalPool, LocalSpawner},
    task::LocalSpawnExt,
};
use leptos::prelude::{IntoView, Owner, RenderHtml, provide_context};
use leptos_router::location::RequestUrl;
use shared::{bundle::Bundle, error::Problem, marketplace::Marketplace};

/// The API's answer to one request of the views: its body, or its problem ("not found").
pub type Answer = Result<String, Problem>;

/// A page as the server rendered it.
#[derive(Debug)]
pub struct Rendered {
    /// What goes into `<body>`: the skip link, the header, `<main>` and the footer.
    pub html: String,
    /// The API addresses (as [`shared::initial::api_url`] writes them) the views asked for
    /// and were given no answer for, in the order asked, each once.
    pub missing: Vec<String>,
}

thread_local! {
    static POOL: RefCell<LocalPool> = RefCell::new(LocalPool::new());
    static SPAWNER: RefCell<Option<LocalSpawner>> = const { RefCell::new(None) };
    static MARKETPLACE: RefCell<Option<Marketplace>> = const { RefCell::new(None) };
    static ANSWERS: RefCell<HashMap<String, Answer>> = RefCell::new(HashMap::new());
    static MISSING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static WEEKDAY: RefCell<u8> = const { RefCell::new(1) };
}

/// Renders the browsing bundle's page at `url` (its path and query) with the settings `market`
/// and the API answers `answers` (by address, as the app writes it), on the day `weekday`
/// (ISO, 1 Monday to 7 Sunday, in the town's time: a shop's hours mark it).
pub fn render(
    url: &str,
    market: Marketplace,
    answers: HashMap<String, Answer>,
    weekday: u8,
) -> Rendered {
    // Once per thread; the error only says it was installed before.
    let _ = Executor::init_local_custom_executor(ThreadExecutor);
    let pool = LocalPool::new();
    SPAWNER.set(Some(pool.spawner()));
    POOL.set(pool);
    MARKETPLACE.set(Some(market));
    ANSWERS.set(answers);
    WEEKDAY.set(weekday);
    MISSING.with_borrow_mut(Vec::clear);

    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(RequestUrl::new(url));
        crate::app::root(Bundle::Browse, crate::app::browse_routes)
            .into_view()
            .to_html()
    });
    owner.cleanup();
    drop(owner);

    // What is still waiting (the requests noted missing) is dropped with the pool.
    POOL.set(LocalPool::new());
    SPAWNER.set(None);
    ANSWERS.with_borrow_mut(HashMap::clear);
    MARKETPLACE.set(None);
    Rendered {
        html,
        missing: MISSING.take(),
    }
}

/// Runs the views' pending tasks as far as they go without a request going out: a resource
/// whose answer was given then holds it. Called by a view about to show a resource that is
/// still loading; does nothing outside [`render`] or when called from one of those tasks.
pub fn settle() {
    POOL.with(|pool| {
        if let Ok(mut pool) = pool.try_borrow_mut() {
            pool.run_until_stalled();
        }
    });
}

/// The settings of the page being rendered.
pub(crate) fn marketplace() -> Option<Marketplace> {
    MARKETPLACE.with_borrow(Clone::clone)
}

/// Today's ISO weekday in the town, as [`render`]'s caller gave it.
pub(crate) fn weekday() -> u8 {
    WEEKDAY.with_borrow(|weekday| *weekday)
}

/// The answer given for `url`, if any.
pub(crate) fn answer(url: &str) -> Option<Answer> {
    ANSWERS.with_borrow(|answers| answers.get(url).cloned())
}

/// Notes that the views asked for `url` without an answer.
pub(crate) fn note_missing(url: String) {
    MISSING.with_borrow_mut(|missing| {
        if !missing.contains(&url) {
            missing.push(url);
        }
    });
}

/// The executor of the rendering thread: every task goes into its [`POOL`].
struct ThreadExecutor;

impl CustomExecutor for ThreadExecutor {
    fn spawn(&self, fut: PinnedFuture<()>) {
        self.spawn_local(fut);
    }

    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        SPAWNER.with_borrow(|spawner| {
            // Outside a render there is no page to finish: the task is dropped.
            if let Some(spawner) = spawner {
                let _ = spawner.spawn_local(fut);
            }
        });
    }

    fn poll_local(&self) {
        settle();
    }
}
