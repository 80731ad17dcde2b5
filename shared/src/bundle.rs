//! The web app ships as separate bundles, each a wasm module with its own page shell, so
//! that a shopper's first screen downloads only what browsing needs. The server picks the
//! shell of a path with [`Bundle::for_path`]; the app reloads the page when its router is
//! asked for a path of another bundle.

/// One bundle of the web app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// Home, catalogue, products, shops: what a visitor sees first.
    Browse,
    /// Basket, checkout, confirmation, tracking, the shopper's account, and the texts an
    /// order and an account are bound by: the terms (of use, a shop's of sale) and the
    /// privacy page.
    Order,
    /// The shops' back-office: orders inbox, products; the association's pages and the
    /// volunteers' round.
    BackOffice,
}

/// First path segments of the [`Bundle::Order`] pages: "mot-de-passe" to "desabonnement"
/// are the pages the e-mailed links open (issue 12: a new password, the address verified,
/// unsubscribing); the last two the terms of use and the privacy page (issue 15), which the
/// checkout and the account link to, kept out of the browsing bundle for its size.
const ORDER_SEGMENTS: [&str; 9] = [
    "panier",
    "commande",
    "suivi",
    "compte",
    "mot-de-passe",
    "verifier-courriel",
    "desabonnement",
    "conditions",
    "confidentialite",
];
/// A shop's terms of sale, `/commerces/<slug>/conditions`, are with the terms of use in
/// [`Bundle::Order`], although the shop's own page is browsing.
const SHOPS_SEGMENT: &str = "commerces";
const SHOP_TERMS_SEGMENT: &str = "conditions";
/// First path segments of the [`Bundle::BackOffice`] pages: the back-office, and the
/// volunteers' round on their phone (issue 11), which shares its code with the planning.
const BACK_OFFICE_SEGMENTS: [&str; 2] = ["gestion", "tournee"];

impl Bundle {
    /// The bundle that shows `path` (an absolute path, without query string).
    pub fn for_path(path: &str) -> Bundle {
        let mut segments = path.trim_start_matches('/').split('/');
        let first = segments.next().unwrap_or("");
        let shop_terms = first == SHOPS_SEGMENT
            && segments.next().is_some_and(|slug| !slug.is_empty())
            && segments.next() == Some(SHOP_TERMS_SEGMENT)
            && segments.next().is_none();
        if ORDER_SEGMENTS.contains(&first) || shop_terms {
            Bundle::Order
        } else if BACK_OFFICE_SEGMENTS.contains(&first) {
            Bundle::BackOffice
        } else {
            Bundle::Browse
        }
    }

    /// The name of its files: `<name>.js`, `<name>_bg.wasm`, and its page shell.
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Browse => "vitrine",
            Bundle::Order => "commande",
            Bundle::BackOffice => "gestion",
        }
    }

    /// Its page shell, the HTML file the server answers for the bundle's paths.
    pub fn shell(self) -> &'static str {
        match self {
            Bundle::Browse => "index.html",
            Bundle::Order => "commande.html",
            Bundle::BackOffice => "gestion.html",
        }
    }

    /// Every bundle, for the build and the tests.
    pub const ALL: [Bundle; 3] = [Bundle::Browse, Bundle::Order, Bundle::BackOffice];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basket_checkout_tracking_account_terms_and_privacy_pages_are_in_the_order_bundle() {
        for path in [
            "/panier",
            "/commande",
            "/commande/merci",
            "/suivi/abc",
            "/compte/connexion",
            "/compte/commandes/12",
            "/mot-de-passe/nouveau",
            "/verifier-courriel",
            "/conditions",
            "/confidentialite",
            "/commerces/chaussures-fabre/conditions",
        ] {
            assert_eq!(Bundle::for_path(path), Bundle::Order, "{path}");
        }
    }

    #[test]
    fn the_back_office_is_its_own_bundle() {
        for path in [
            "/gestion",
            "/gestion/epicerie-du-duche/commandes",
            "/tournee",
        ] {
            assert_eq!(Bundle::for_path(path), Bundle::BackOffice, "{path}");
        }
    }

    #[test]
    fn everything_else_is_browsing() {
        for path in [
            "/",
            "",
            "/catalogue",
            "/produits/3",
            "/commerces/x",
            "/commerces/conditions",
            "/commerces/x/conditions/y",
            "/mentions-legales",
            "/paniers",
            "/inconnu",
        ] {
            assert_eq!(Bundle::for_path(path), Bundle::Browse, "{path}");
        }
    }
}
