//! What a shop's API key may do (issue 17): the scopes chosen when it is made, in French and
//! English.

use shared::shop_admin::ApiKeyScope;

/// The strings of the scopes on the keys page.
pub struct KeyStrings {
    /// The legend of the scope boxes.
    pub scopes_legend: &'static str,
    /// Says to give a key only what its device needs.
    pub scopes_hint: &'static str,
    /// When no box is ticked.
    pub scopes_error: &'static str,
    /// Before the list of a key's scopes.
    pub scopes_of_key: &'static str,
    /// Each scope in words: catalogue:read, products:write, orders:read, orders:write,
    /// webhooks:manage, shop:write.
    scopes: [&'static str; 6],
}

impl KeyStrings {
    /// A scope in words.
    pub fn scope(&self, scope: ApiKeyScope) -> &'static str {
        let index = ApiKeyScope::ALL
            .iter()
            .position(|s| *s == scope)
            .unwrap_or_default();
        self.scopes[index]
    }
}

/// In French.
pub static FR: KeyStrings = KeyStrings {
    scopes_legend: "Ce que la clé peut faire",
    scopes_hint: "Cochez seulement ce dont l'appareil a besoin : une caisse qui met à jour les stocks n'a pas besoin de lire les commandes.",
    scopes_error: "Cochez au moins une case.",
    scopes_of_key: "Peut :",
    scopes: [
        "lire la boutique et ses produits",
        "créer et modifier les produits (prix, stock, photos, import)",
        "lire les commandes",
        "traiter les commandes (confirmer, préparer, encaisser)",
        "gérer les notifications automatiques (webhooks)",
        "modifier la fiche de la boutique (horaires, logo, fermetures)",
    ],
};

/// In English.
pub static EN: KeyStrings = KeyStrings {
    scopes_legend: "What the key may do",
    scopes_hint: "Tick only what the device needs: a till that updates stock does not need to read orders.",
    scopes_error: "Tick at least one box.",
    scopes_of_key: "May:",
    scopes: [
        "read the shop and its products",
        "create and change products (price, stock, pictures, import)",
        "read orders",
        "handle orders (confirm, prepare, take payment)",
        "manage automatic notifications (webhooks)",
        "change the shop's profile (hours, logo, closed days)",
    ],
};
