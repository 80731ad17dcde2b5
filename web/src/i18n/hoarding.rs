//! Hoarding (issue 10), in French and English: a full basket, too many orders waiting for
//! the shops' confirmation, the shop's delay before a guest's unconfirmed order is
//! released, and such a release as the shop's inbox shows it.

use shared::shop_orders::{AUTO_RELEASED, SYSTEM_ACTOR};

/// The strings of the limits against hoarding.
pub struct HoardingStrings {
    /// The API's 422 `basket_full`.
    pub problem_basket_full: &'static str,
    /// The API's 422 `too_many_open_orders`.
    pub problem_too_many_open_orders: &'static str,
    /// The API's 403 `shop_not_approved`.
    pub problem_shop_not_approved: &'static str,
    /// The API's 422 `too_many_applications`.
    pub problem_too_many_applications: &'static str,
    /// The label of the shop's delay, in hours.
    pub release_label: &'static str,
    /// What the delay does.
    pub release_hint: &'static str,
    /// The delay is not a number of hours within the bounds.
    pub release_error: &'static str,
    /// The reason of an order Vitrine released, in words.
    pub released_reason: &'static str,
    /// Who released it, in the order's history.
    pub system_actor: &'static str,
    /// Before a cancelled order's reason in the inbox.
    pub reason_label: &'static str,
}

impl HoardingStrings {
    /// A cancellation's reason in words: Vitrine's own reason said in this language, a
    /// shop's as it wrote it.
    pub fn reason(&self, reason: &str) -> String {
        if reason == AUTO_RELEASED {
            self.released_reason.to_owned()
        } else {
            reason.to_owned()
        }
    }

    /// Who made a change of an order's history when it was not a person: Vitrine.
    pub fn actor(&self, actor: Option<&str>) -> Option<&'static str> {
        (actor == Some(SYSTEM_ACTOR)).then_some(self.system_actor)
    }
}

/// In French.
pub static FR: HoardingStrings = HoardingStrings {
    problem_basket_full: "Votre panier contient déjà 100 produits différents, le maximum. Commandez-les d'abord, ou retirez-en un.",
    problem_too_many_open_orders: "Vous avez déjà beaucoup de commandes en attente de confirmation par les boutiques. Attendez qu'elles les confirment, ou appelez-les. Rien n'a été commandé.",
    problem_shop_not_approved: "L'association n'a pas encore validé ce commerce. En attendant, vous pouvez compléter son profil et préparer jusqu'à 20 produits en brouillon ; les photos, l'import, les clés d'API et la mise en vente viendront après la validation.",
    problem_too_many_applications: "Vous avez déjà trois demandes d'inscription en attente. L'association vous répondra avant que vous en fassiez une autre.",
    release_label: "Annuler les commandes non confirmées après (heures)",
    release_hint: "Une commande passée sans compte que vous n'avez pas confirmée dans ce délai est annulée et son stock remis en vente. De 4 à 336 heures (14 jours).",
    release_error: "Indiquez un nombre d'heures entre 4 et 336.",
    released_reason: "non confirmée à temps par la boutique : stock remis en vente",
    system_actor: "Vitrine (automatique)",
    reason_label: "Motif :",
};

/// In English.
pub static EN: HoardingStrings = HoardingStrings {
    problem_basket_full: "Your basket already holds 100 different products, the most it can. Order them first, or remove one.",
    problem_too_many_open_orders: "You already have many orders waiting for the shops' confirmation. Wait until they confirm them, or call them. Nothing was ordered.",
    problem_shop_not_approved: "The association has not approved this shop yet. Meanwhile you can complete its profile and prepare up to 20 draft products; pictures, import, API keys and putting products on sale come after approval.",
    problem_too_many_applications: "You already have three shop applications waiting. The association will answer them before you make another.",
    release_label: "Cancel unconfirmed orders after (hours)",
    release_hint: "An order placed without an account that you have not confirmed within this time is cancelled and its stock put back on sale. From 4 to 336 hours (14 days).",
    release_error: "Enter a number of hours from 4 to 336.",
    released_reason: "not confirmed in time by the shop: stock put back on sale",
    system_actor: "Vitrine (automatic)",
    reason_label: "Reason:",
};
