//! Where things are: the [`Page`] enum and the router's path patterns.
//!
//! This module is the only place an app URL is written. Links are built with
//! [`Page::href`]; the router in [`crate::app`] matches the `*_PATH` patterns below, which are
//! built from the same constants, so a link and its route cannot drift apart.

use std::fmt::Write as _;

use leptos_router::StaticSegment;

/// Path segment of the catalogue.
const CATALOGUE: &str = "catalogue";

/// Query parameter of the catalogue naming a category by its slug (`?categorie=fromagerie`).
pub const CATEGORY_PARAM: &str = "categorie";

/// Route pattern of [`Page::Home`].
pub const HOME_PATH: StaticSegment<&str> = StaticSegment("");
/// Route pattern of [`Page::Catalogue`].
pub const CATALOGUE_PATH: StaticSegment<&str> = StaticSegment(CATALOGUE);

/// A page of the app that a link can point to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// The home page: what Vitrine is, the categories and the shops.
    Home,
    /// The product catalogue, optionally narrowed to one category.
    Catalogue {
        /// Slug of the category to show, if any.
        category: Option<String>,
    },
}

impl Page {
    /// The page's URL, absolute path plus query string.
    pub fn href(&self) -> String {
        match self {
            Page::Home => "/".to_owned(),
            Page::Catalogue { category: None } => format!("/{CATALOGUE}"),
            Page::Catalogue {
                category: Some(slug),
            } => format!("/{CATALOGUE}?{CATEGORY_PARAM}={}", encode_query_value(slug)),
        }
    }
}

/// Percent-encodes a query-string value: everything but RFC 3986's unreserved characters.
fn encode_query_value(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::Page;

    #[test]
    fn hrefs_are_absolute_and_encoded() {
        assert_eq!(Page::Home.href(), "/");
        assert_eq!(Page::Catalogue { category: None }.href(), "/catalogue");
        let category = |slug: &str| Page::Catalogue {
            category: Some(slug.to_owned()),
        };
        assert_eq!(
            category("fromagerie").href(),
            "/catalogue?categorie=fromagerie"
        );
        assert_eq!(
            category("vins & bières").href(),
            "/catalogue?categorie=vins%20%26%20bi%C3%A8res"
        );
    }
}
