//! Hoarding (issue 10), in French and English: a full basket, too many orders waiting for
//! the shops' confirmation, the shop's delay before a guest's unconfirmed order is
//! released, and such a release as the shop's inbox shows it.

use shared::shop_orders::{AUTO_RELEASED, SYSTEM_ACTOR};

/// The strings of the limits against hoarding.
pub struct HoardingStrings {
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
    release_label: "Annuler les commandes non confirmées après (heures)",
    release_hint: "Une commande passée sans compte que vous n'avez pas confirmée dans ce délai est annulée et son stock remis en vente. De 4 à 336 heures (14 jours).",
    release_error: "Indiquez un nombre d'heures entre 4 et 336.",
    released_reason: "non confirmée à temps par la boutique : stock remis en vente",
    system_actor: "Vitrine (automatique)",
    reason_label: "Motif :",
};

/// In English.
pub static EN: HoardingStrings = HoardingStrings {
    release_label: "Cancel unconfirmed orders after (hours)",
    release_hint: "An order placed without an account that you have not confirmed within this time is cancelled and its stock put back on sale. From 4 to 336 hours (14 days).",
    release_error: "Enter a number of hours from 4 to 336.",
    released_reason: "not confirmed in time by the shop: stock put back on sale",
    system_actor: "Vitrine (automatic)",
    reason_label: "Reason:",
};
