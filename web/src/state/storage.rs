//! `localStorage`, best effort: without it (private browsing, blocked, full), what would have
//! been remembered lasts the visit. A page the server renders (issue 16) has none: it shows
//! what a first visit shows.

/// The value under `key`, if storage is available and holds one.
#[cfg(target_arch = "wasm32")]
pub fn load(key: &str) -> Option<String> {
    let storage = leptos::prelude::window().local_storage().ok().flatten()?;
    storage.get_item(key).ok().flatten()
}

/// Remembers `value` under `key`, or forgets it when `None`.
#[cfg(target_arch = "wasm32")]
pub fn save(key: &str, value: Option<&str>) {
    if let Ok(Some(storage)) = leptos::prelude::window().local_storage() {
        // A full or blocked storage only means it is not remembered.
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
}

/// Nothing is remembered on the server.
#[cfg(not(target_arch = "wasm32"))]
pub fn load(_key: &str) -> Option<String> {
    None
}

/// Nothing is remembered on the server.
#[cfg(not(target_arch = "wasm32"))]
pub fn save(_key: &str, _value: Option<&str>) {}
