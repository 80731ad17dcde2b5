//! What the back-office says when a product changed while the merchant was looking at it (a
//! sale, another edit): the API's 409 `product_changed`, in French and English.

/// The strings of a change made on a stale screen.
pub struct StaleStrings {
    /// The stock changed meanwhile; `{n}` is the stock now ("" when not counted).
    pub stock_changed: fn(&str) -> String,
}

/// In French.
pub static FR: StaleStrings = StaleStrings {
    stock_changed: fr_stock_changed,
};

/// In English.
pub static EN: StaleStrings = StaleStrings {
    stock_changed: en_stock_changed,
};

fn fr_stock_changed(stock: &str) -> String {
    if stock.is_empty() {
        "Le produit a changé entre-temps : son stock n'est plus compté. Rien n'a été enregistré ; vérifiez et enregistrez à nouveau.".to_owned()
    } else {
        format!(
            "Le stock a changé entre-temps (une vente ?) : il est maintenant de {stock}. Rien n'a été enregistré ; vérifiez le stock et enregistrez à nouveau."
        )
    }
}

fn en_stock_changed(stock: &str) -> String {
    if stock.is_empty() {
        "The product changed meanwhile: its stock is no longer counted. Nothing was saved; check and save again.".to_owned()
    } else {
        format!(
            "The stock changed meanwhile (a sale?): it is now {stock}. Nothing was saved; check the stock and save again."
        )
    }
}
