//! What the API's refusals of one area mean for the reader (the messages of
//! [`super::Strings::problem`] beyond the general ones), in French and English: a field of
//! every language's strings, since any page may show an error, while the strings of the
//! areas themselves stay out of the bundles that do not show them.

/// The messages of the API's error codes that belong to one area.
pub struct ProblemStrings {
    /// The association's categories: the API's 409 `category_cycle`, `category_not_empty`,
    /// `category_name_taken` and `categories_exist`.
    pub category_cycle: &'static str,
    pub category_not_empty: &'static str,
    pub category_name_taken: &'static str,
    pub categories_exist: &'static str,
    /// The API's `below_delivery_minimum`.
    pub below_delivery_minimum: &'static str,
    /// The API's 422 `basket_full`.
    pub basket_full: &'static str,
    /// The API's 422 `too_many_open_orders`.
    pub too_many_open_orders: &'static str,
    /// The API's 403 `shop_not_approved`.
    pub shop_not_approved: &'static str,
    /// The API's 422 `too_many_applications`.
    pub too_many_applications: &'static str,
    /// "Livré" refused because an order was never confirmed (409 `order_not_confirmed`).
    pub order_not_confirmed: &'static str,
    /// The API's `legal_identity_missing`, also the banner of a shop that has not given its
    /// identity.
    pub legal_identity_missing: &'static str,
    /// The API's 409 `seller_identity_missing`: a shop of the basket has not given its legal
    /// identity, so it takes no order.
    pub seller_identity_missing: &'static str,
}

/// In French.
pub static FR: ProblemStrings = ProblemStrings {
    category_cycle: "Une catégorie ne peut pas aller dans elle-même ni dans une de ses \
        sous-catégories.",
    category_not_empty: "Cette catégorie contient encore des produits ou des sous-catégories.",
    category_name_taken: "Une catégorie de ce nom existe déjà à cet endroit.",
    categories_exist: "Il y a déjà des catégories : les catégories proposées ne s'ajoutent \
        qu'à un marché vide.",
    below_delivery_minimum: "Le montant d’un commerce est trop faible pour la livraison.",
    basket_full: "Votre panier contient déjà 100 produits différents, le maximum. Commandez-les d'abord, ou retirez-en un.",
    too_many_open_orders: "Vous avez déjà beaucoup de commandes en attente de confirmation par les boutiques. Attendez qu'elles les confirment, ou appelez-les. Rien n'a été commandé.",
    shop_not_approved: "L'association n'a pas encore validé ce commerce. En attendant, vous pouvez compléter son profil et préparer jusqu'à 20 produits en brouillon ; les photos, l'import, les clés d'API et la mise en vente viendront après la validation.",
    too_many_applications: "Vous avez déjà trois demandes d'inscription en attente. L'association vous répondra avant que vous en fassiez une autre.",
    order_not_confirmed: "Livraison non enregistrée : une commande de cet arrêt n'a pas été \
        confirmée par son commerce. Appelez le commerce, puis réessayez.",
    legal_identity_missing: "Identité légale à compléter : dénomination, SIRET, immatriculation, TVA et responsable.",
    seller_identity_missing: "Un commerce de votre panier ne peut pas prendre de commande pour l'instant (identité légale incomplète). Retirez ses produits pour commander le reste ; rien n'a été commandé.",
};

/// In English.
pub static EN: ProblemStrings = ProblemStrings {
    category_cycle: "A category cannot go inside itself or one of its sub-categories.",
    category_not_empty: "This category still holds products or sub-categories.",
    category_name_taken: "A category with this name already exists at this place.",
    categories_exist: "There are categories already: the suggested ones only fill an empty \
        marketplace.",
    below_delivery_minimum: "A shop's amount is too low for delivery.",
    basket_full: "Your basket already holds 100 different products, the most it can. Order them first, or remove one.",
    too_many_open_orders: "You already have many orders waiting for the shops' confirmation. Wait until they confirm them, or call them. Nothing was ordered.",
    shop_not_approved: "The association has not approved this shop yet. Meanwhile you can complete its profile and prepare up to 20 draft products; pictures, import, API keys and putting products on sale come after approval.",
    too_many_applications: "You already have three shop applications waiting. The association will answer them before you make another.",
    order_not_confirmed: "Delivery not recorded: an order of this stop was not confirmed by \
        its shop. Call the shop, then try again.",
    legal_identity_missing: "Legal identity to complete: legal name, SIRET, registration, VAT and responsible person.",
    seller_identity_missing: "A shop in your basket cannot take orders for now (its legal identity is incomplete). Remove its products to order the rest; nothing was ordered.",
};
