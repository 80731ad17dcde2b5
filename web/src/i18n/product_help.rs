//! Strings of products entered for a shop (issue 11): the shop's consent, the admins'
//! assignment of volunteers, the volunteer's shops, and the shop's history.

/// The strings, in one language.
pub struct ProductHelpStrings {
    /// The profile's section: heading.
    pub heading: &'static str,
    /// What the consent means.
    pub explain: &'static str,
    /// The switch's label.
    pub switch: &'static str,
    /// Who manages the products now.
    pub helpers: &'static str,
    /// Nobody yet.
    pub no_helper: &'static str,
    /// The admins' volunteer select.
    pub choose_volunteer: &'static str,
    /// Its button.
    pub assign: &'static str,
    /// Removing a volunteer.
    pub unassign: &'static str,
    /// Saved.
    pub saved: &'static str,
    /// The volunteer's back-office: heading of the shops they help.
    pub helped_heading: &'static str,
    /// Its explanation.
    pub helped_intro: &'static str,
    /// A helped shop's products link.
    pub products_link: &'static str,
    /// The shop's history: heading.
    pub history_heading: &'static str,
    /// Nothing in it yet.
    pub history_empty: &'static str,
    /// A product page refused to a volunteer whose access ended (404).
    pub access_ended: &'static str,
}

/// French.
pub static FR: ProductHelpStrings = ProductHelpStrings {
    heading: "Aide de l'association pour vos produits",
    explain: "Pas le temps de saisir votre catalogue ? Autorisez l'association : un \
              administrateur confie alors la saisie de vos produits (fiches, photos, fichier \
              CSV) à un bénévole. Il ne voit ni vos commandes, ni vos clés, ni votre profil, et \
              chacune de ses modifications est notée dans l'historique ci-dessous. Vous pouvez \
              retirer l'autorisation à tout moment : son accès s'arrête aussitôt.",
    switch: "J'autorise l'association à gérer les produits de ma boutique",
    helpers: "Bénévoles qui gèrent vos produits :",
    no_helper: "Aucun bénévole pour l'instant.",
    choose_volunteer: "Bénévole à qui confier les produits",
    assign: "Confier",
    unassign: "Retirer",
    saved: "Enregistré.",
    helped_heading: "Boutiques que j'aide",
    helped_intro: "Ces commerçants ont confié la saisie de leurs produits à l'association.",
    products_link: "Gérer ses produits",
    history_heading: "Historique de la boutique",
    history_empty: "Rien pour l'instant.",
    access_ended: "Vous n'avez plus accès aux produits de cette boutique : le commerçant a \
                   retiré son autorisation, ou l'association vous a retiré cette boutique.",
};

/// English.
pub static EN: ProductHelpStrings = ProductHelpStrings {
    heading: "The association's help with your products",
    explain: "No time to type your catalogue? Allow the association: an admin then gives the \
              entry of your products (forms, pictures, CSV file) to a volunteer. They see \
              neither your orders, nor your keys, nor your profile, and each of their changes \
              is written in the history below. You can withdraw it at any time: their access \
              ends at once.",
    switch: "I allow the association to manage my shop's products",
    helpers: "Volunteers who manage your products:",
    no_helper: "No volunteer yet.",
    choose_volunteer: "Volunteer to give the products to",
    assign: "Assign",
    unassign: "Remove",
    saved: "Saved.",
    helped_heading: "Shops I help",
    helped_intro: "These shopkeepers gave the entry of their products to the association.",
    products_link: "Manage its products",
    history_heading: "The shop's history",
    history_empty: "Nothing yet.",
    access_ended: "You no longer have access to this shop's products: the shopkeeper withdrew \
                   the permission, or the association took the shop back.",
};
