//! Who sells (issue 15), in French and English: a shop's legal identity as its page and
//! every order show it, and the words of the footer and the terms' titles. Apart from
//! [`super::legal`], whose checkout, withdrawal and form strings the browsing bundle does
//! not carry.

/// The strings of the seller's identity and the terms' titles.
pub struct SellerStrings {
    /// Heading of the seller's identity ("Vendu par").
    pub sold_by: &'static str,
    /// The facts of the identity, also the labels of the profile's identity form.
    pub legal_name: &'static str,
    pub legal_form: &'static str,
    pub siret: &'static str,
    pub registration: &'static str,
    pub vat_number: &'static str,
    pub responsible: &'static str,
    /// A shop approved before identities were required, not given yet.
    pub identity_missing: &'static str,
    /// A product (or a basket's shop) whose shop has not given its legal identity: not
    /// orderable for now.
    pub not_orderable: &'static str,
    /// The marketplace runs the site, each shop sells its own products.
    pub marketplace_statement: &'static str,
    /// Footer and page title: the terms of use.
    pub terms_of_use: &'static str,
    /// A shop's terms of sale: heading, followed by the shop's name.
    pub terms_of_sale: &'static str,
}

/// In French.
pub static FR: SellerStrings = SellerStrings {
    sold_by: "Vendu par",
    legal_name: "Dénomination",
    legal_form: "Forme juridique",
    siret: "SIRET",
    registration: "Immatriculation",
    vat_number: "N° de TVA intracommunautaire",
    responsible: "Responsable",
    identity_missing: "Identité légale non renseignée : ce commerce ne peut pas prendre de commande pour l'instant.",
    not_orderable: "Ce produit ne peut pas être commandé pour l'instant : son commerce doit d'abord compléter son identité légale.",
    marketplace_statement: "Ce site est exploité par l'association des commerçants ; chaque commerce vend ses propres produits et en est le vendeur.",
    terms_of_use: "Conditions d'utilisation",
    terms_of_sale: "Conditions de vente",
};

/// In English.
pub static EN: SellerStrings = SellerStrings {
    sold_by: "Sold by",
    legal_name: "Legal name",
    legal_form: "Legal form",
    siret: "SIRET",
    registration: "Registration",
    vat_number: "VAT number",
    responsible: "Responsible person",
    identity_missing: "Legal identity not given: this shop cannot take orders for now.",
    not_orderable: "This product cannot be ordered for now: its shop must first complete its legal identity.",
    marketplace_statement: "This site is run by the shopkeepers' association; each shop sells its own products and is their seller.",
    terms_of_use: "Terms of use",
    terms_of_sale: "Terms of sale",
};
