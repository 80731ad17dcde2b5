//! The three states of data from the API, shown the same way everywhere.

use std::sync::Arc;

use leptos::prelude::*;

use crate::{
    api::ApiError,
    components::{ErrorBox, Loading},
};

/// Shows `resource`: [`Loading`] while it loads, an [`ErrorBox`] whose retry button loads it
/// again if it failed, and `loaded` with its value once it is there. Never a blank space.
#[component]
pub fn Loaded<T, F, V>(
    /// The data, usually a `LocalResource::new(|| async { api::... })` of the page.
    resource: LocalResource<Result<T, ApiError>>,
    /// The view of the data.
    loaded: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Type-erased, so the code below is compiled once per type of data rather than once per
    // use: each copy costs the wasm more than the indirection costs the reader.
    let loaded: Arc<dyn Fn(T) -> AnyView + Send + Sync> =
        Arc::new(move |value| loaded(value).into_any());
    loaded_view(resource, loaded)
}

fn loaded_view<T: Clone + 'static>(
    resource: LocalResource<Result<T, ApiError>>,
    loaded: Arc<dyn Fn(T) -> AnyView + Send + Sync>,
) -> impl IntoView {
    move || {
        // On the server (issue 16), the answer may be there already: let it arrive.
        #[cfg(not(target_arch = "wasm32"))]
        if resource.get_untracked().is_none() {
            crate::server::settle();
        }
        loaded_state(resource, &loaded)
    }
}

fn loaded_state<T: Clone + 'static>(
    resource: LocalResource<Result<T, ApiError>>,
    loaded: &Arc<dyn Fn(T) -> AnyView + Send + Sync>,
) -> AnyView {
    match resource.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(error)) => {
            let retry = move |()| {
                // Back to "loading" at once, rather than the old error until the answer.
                resource.set(None);
                resource.refetch();
            };
            view! { <ErrorBox error on_retry=retry /> }.into_any()
        }
        Some(Ok(value)) => loaded(value).into_any(),
    }
}
