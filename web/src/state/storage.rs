//! `localStorage`, best effort: without it (private browsing, blocked, full), what would have
//! been remembered lasts the visit.

use leptos::prelude::window;

/// The value under `key`, if storage is available and holds one.
pub fn load(key: &str) -> Option<String> {
    let storage = window().local_storage().ok().flatten()?;
    storage.get_item(key).ok().flatten()
}

/// Remembers `value` under `key`, or forgets it when `None`.
pub fn save(key: &str, value: Option<&str>) {
    if let Ok(Some(storage)) = window().local_storage() {
        // A full or blocked storage only means it is not remembered.
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
}
