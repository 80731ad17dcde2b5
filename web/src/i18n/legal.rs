//! Terms and withdrawal (issue 15), in French and English: the terms pages and the
//! checkout's acceptance, the legal identity form, the right of withdrawal. (The seller's
//! identity as shoppers see it is in [`super::seller`].)

use shared::legal::{LegalForm, Registration, WithdrawalException};

/// The strings of the legal pages and mentions.
pub struct LegalStrings {
    /// The product form's part on handling and the right of withdrawal.
    pub handling_heading: &'static str,
    pub keep_cold: &'static str,
    pub keep_cold_hint: &'static str,
    pub exception_label: &'static str,
    pub exception_hint: &'static str,
    /// The choice where the right of withdrawal applies.
    pub exception_none: &'static str,
    /// Before the reason, in the choice where it does not apply.
    pub exception_excluded: &'static str,
    /// "Version n of d".
    pub version: fn(i32, Option<&str>) -> String,
    /// The shop's own text, or the association's default.
    pub terms_default_note: &'static str,
    /// The checkbox at checkout, before the shops' names.
    pub accept_terms: fn(&str) -> String,
    /// Links under the checkbox: read the terms of sale of a shop.
    pub read_terms_of: fn(&str) -> String,
    /// Read the terms of use.
    pub read_terms_of_use: &'static str,
    /// Checkout refused because the box is not ticked.
    pub accept_terms_required: &'static str,
    /// The phone order's tick.
    pub terms_read_out: &'static str,
    pub terms_read_out_required: &'static str,
    /// The accepted versions on an order.
    pub accepted_terms: fn(i32, i32, &str) -> String,
    /// The right of withdrawal, as the confirmation states it.
    pub withdrawal_heading: &'static str,
    pub withdrawal_text: &'static str,
    /// A line that cannot be withdrawn from, with the reason.
    pub withdrawal_excepted: &'static str,
    /// The deadline, once handed over.
    pub withdrawal_until: fn(&str) -> String,
    /// The withdrawal form on the tracking page.
    pub withdrawal_form_intro: &'static str,
    pub withdrawal_message: &'static str,
    pub withdrawal_send: &'static str,
    pub withdrawal_sent: &'static str,
    pub withdrawal_none_chosen: &'static str,
    pub withdrawn: &'static str,
    /// The badge of an order with a withdrawal, in the shop's inbox.
    pub withdrawal_badge: &'static str,
    /// The profile's legal identity form.
    pub identity_heading: &'static str,
    pub identity_intro: &'static str,
    pub identity_save: &'static str,
    pub identity_saved: &'static str,
    pub registration_city: &'static str,
    pub vat_exempt_hint: &'static str,
    /// The shop's own terms of sale, on its profile.
    pub shop_terms_heading: &'static str,
    pub shop_terms_intro: &'static str,
    /// Which text the shop's shoppers accept now, and the way back to the default.
    pub shop_terms_own: fn(i32) -> String,
    pub shop_terms_default: &'static str,
    pub use_default_terms: &'static str,
    pub use_default_terms_hint: &'static str,
    pub default_terms_restored: &'static str,
    /// The association's settings: its terms of use and default terms of sale.
    pub use_terms_intro: &'static str,
    /// A shop that applied without its legal identity, on the association's page.
    pub pending_identity_missing: &'static str,
    pub fill_identity: &'static str,
    /// The back-office's banner of a shop without its legal identity, and its link.
    pub orders_blocked_banner: &'static str,
    pub orders_blocked_link: &'static str,
    /// The association's list of active shops without their legal identity.
    pub active_missing_heading: &'static str,
    pub active_missing_intro: &'static str,
    pub active_missing_none: &'static str,
    pub default_sale_heading: &'static str,
    pub default_sale_intro: &'static str,
    pub terms_save: &'static str,
    pub terms_saved: fn(i32) -> String,
    /// Loading the text of terms.
    pub terms_text: &'static str,
    /// The identity form's field errors and hint.
    pub siret_hint: &'static str,
    pub error_siret: &'static str,
    pub error_vat: &'static str,
    pub error_city: &'static str,
    pub error_name: &'static str,
}

impl LegalStrings {
    /// A registration kind, as the form lists it.
    pub fn registration_label(&self, registration: Registration) -> &'static str {
        match (std::ptr::eq(self, &EN), registration) {
            (false, Registration::Rcs) => "Registre du commerce et des sociétés (RCS)",
            (false, Registration::Rm) => "Répertoire des métiers (RM)",
            (false, Registration::Micro) => "Micro-entrepreneur dispensé d'immatriculation",
            (false, Registration::None) => {
                "Aucune immatriculation (exploitant agricole, association…)"
            }
            (true, Registration::Rcs) => "Trade and companies register (RCS)",
            (true, Registration::Rm) => "Trades register (RM)",
            (true, Registration::Micro) => "Micro-entrepreneur exempt from registration",
            (true, Registration::None) => "Not registered (farmer, association…)",
        }
    }

    /// A legal form, as the form lists it.
    pub fn form_label(&self, form: LegalForm) -> &'static str {
        match (std::ptr::eq(self, &EN), form) {
            (true, LegalForm::Ei) => "Sole trader (EI, micro-entrepreneur)",
            (true, LegalForm::Association) => "Association",
            (true, LegalForm::Other) => "Other",
            (_, form) => form.label(),
        }
    }

    /// Why a line cannot be withdrawn from.
    pub fn exception(&self, exception: WithdrawalException) -> &'static str {
        match (std::ptr::eq(self, &EN), exception) {
            (_, WithdrawalException::None) => "",
            (false, WithdrawalException::Perishable) => "bien périssable",
            (false, WithdrawalException::MadeToOrder) => "fait sur mesure",
            (false, WithdrawalException::SealedHygiene) => "scellé, hygiène",
            (true, WithdrawalException::Perishable) => "perishable goods",
            (true, WithdrawalException::MadeToOrder) => "made to order",
            (true, WithdrawalException::SealedHygiene) => "sealed, hygiene",
        }
    }
}

/// The day of an API timestamp (`2026-12-05T10:00:00`), as the language writes it with
/// its year ("samedi 5 décembre 2026"); the timestamp's date as it is if it is not one.
fn day(at: &str, long_date: fn(u8, u32, u32) -> String) -> String {
    let iso = &at[..10.min(at.len())];
    match super::calendar_date(iso) {
        Some((day, month, weekday)) => format!(
            "{} {}",
            long_date(weekday, day, u32::try_from(month).unwrap_or(1)),
            &iso[..4]
        ),
        None => iso.to_owned(),
    }
}

/// In French.
pub static FR: LegalStrings = LegalStrings {
    handling_heading: "Livraison et droit de rétractation",
    keep_cold: "À garder au frais pendant la tournée",
    keep_cold_hint: "Signalé aux bénévoles sur les feuilles de tournée.",
    exception_label: "Droit de rétractation de 14 jours",
    exception_hint: "La loi exclut du droit de rétractation les biens périssables, les biens faits sur mesure et les biens scellés d'hygiène une fois descellés. Les commandes déjà passées gardent leur règle.",
    exception_none: "S'applique",
    exception_excluded: "Ne s'applique pas : ",
    version: |n, date| match date {
        Some(date) => format!("Version {n} du {}", day(date, shared::french::long_date)),
        None => format!("Version {n}"),
    },
    terms_default_note: "Ce commerce applique les conditions de vente proposées par l'association.",
    accept_terms: |shops| {
        format!(
            "J'ai lu et j'accepte les conditions de vente de {shops} et les conditions d'utilisation du site."
        )
    },
    read_terms_of: |shop| format!("Lire les conditions de vente de {shop}"),
    read_terms_of_use: "Lire les conditions d'utilisation",
    accept_terms_required: "Cochez la case pour accepter les conditions de vente et d'utilisation avant de commander.",
    terms_read_out: "J'ai lu au client nos conditions de vente (avec le droit de rétractation) et il les accepte.",
    terms_read_out_required: "Cochez la case : les conditions de vente doivent être lues au client avant de prendre la commande.",
    accepted_terms: |use_version, sale_version, at| {
        format!(
            "Conditions acceptées le {} : conditions d'utilisation v{use_version}, conditions de vente v{sale_version}.",
            day(at, shared::french::long_date)
        )
    },
    withdrawal_heading: "Droit de rétractation",
    withdrawal_text: "Vous disposez de 14 jours après la remise de la commande (retrait ou livraison) pour vous rétracter, sans donner de motif, avec le formulaire de la page de suivi de la commande. Avant la remise, vous pouvez simplement l'annuler. Exceptions : biens périssables, biens faits sur mesure, biens scellés descellés pour des raisons d'hygiène.",
    withdrawal_excepted: "sans droit de rétractation",
    withdrawal_until: |date| format!("Vous pouvez vous rétracter jusqu'au {date} inclus."),
    withdrawal_form_intro: "Formulaire de rétractation : je vous notifie par la présente ma rétractation du contrat portant sur la vente des biens cochés ci-dessous.",
    withdrawal_message: "Message pour le commerce (facultatif)",
    withdrawal_send: "Envoyer ma rétractation",
    withdrawal_sent: "Votre rétractation est envoyée au commerce. Rapportez-lui les articles sous 14 jours ; il vous remboursera sous 14 jours.",
    withdrawal_none_chosen: "Cochez au moins un article.",
    withdrawn: "rétractation envoyée",
    withdrawal_badge: "Rétractation demandée",
    identity_heading: "Identité légale du vendeur",
    identity_intro: "La loi impose d'indiquer qui vend : ces informations apparaissent sur la page du commerce et sur chaque commande. L'association ne peut pas valider un commerce sans elles.",
    identity_save: "Enregistrer l'identité légale",
    identity_saved: "Identité légale enregistrée.",
    registration_city: "Ville du greffe ou de la chambre des métiers",
    vat_exempt_hint: "Laissez vide si le commerce n'est pas assujetti à la TVA (case « Exonéré de TVA » du profil) : la mention « TVA non applicable, art. 293 B du CGI » s'affiche alors.",
    shop_terms_heading: "Nos conditions de vente",
    shop_terms_intro: "Par défaut, le commerce applique les conditions de vente de l'association. Vous pouvez écrire les vôtres : chaque enregistrement crée une nouvelle version, et chaque commande garde celle que le client a acceptée.",
    shop_terms_own: |n| {
        format!("Vos clients acceptent vos propres conditions de vente (version {n}).")
    },
    shop_terms_default: "Vos clients acceptent les conditions de vente par défaut de l'association.",
    use_default_terms: "Revenir aux conditions par défaut de l'association",
    use_default_terms_hint: "Les commandes déjà passées gardent la version acceptée ; les suivantes appliqueront la version en vigueur des conditions de l'association.",
    default_terms_restored: "C'est fait : votre commerce applique de nouveau les conditions de vente par défaut de l'association.",
    terms_save: "Enregistrer une nouvelle version",
    pending_identity_missing: "Identité légale à compléter : le commerce ne peut pas être approuvé avant (dénomination, SIRET, immatriculation, TVA, responsable).",
    fill_identity: "Compléter son identité légale",
    orders_blocked_banner: "Vos produits ne peuvent pas être commandés tant que l'identité légale de votre commerce n'est pas complétée.",
    orders_blocked_link: "Compléter l'identité légale",
    active_missing_heading: "Commerces actifs sans identité légale",
    active_missing_intro: "Ces commerces ne peuvent pas prendre de commande tant qu'ils n'ont pas complété leur identité légale.",
    active_missing_none: "Tous les commerces actifs ont donné leur identité légale.",
    use_terms_intro: "Les conditions d'utilisation du site, que chaque client accepte en commandant. Chaque enregistrement crée une nouvelle version ; chaque commande garde celle qui a été acceptée.",
    default_sale_heading: "Conditions de vente par défaut des commerces",
    default_sale_intro: "Les conditions de vente des commerces qui n'ont pas écrit les leurs. Chaque enregistrement crée une nouvelle version ; chaque commande garde celle qui a été acceptée.",
    terms_saved: |n| format!("Version {n} enregistrée."),
    terms_text: "Texte",
    siret_hint: "14 chiffres, par exemple 732 829 320 00074",
    error_siret: "Ce SIRET n'est pas valide : vérifiez les 14 chiffres (la clé de contrôle ne correspond pas).",
    error_vat: "Numéro de TVA invalide : FR, 2 chiffres de clé puis le SIREN (les 9 premiers chiffres du SIRET) ; laissez vide si le commerce n'est pas assujetti à la TVA, et cochez alors « Exonéré de TVA » dans le profil.",
    error_city: "Indiquez la ville du greffe ou de la chambre des métiers, par exemple Nîmes.",
    error_name: "Indiquez de 2 à 120 caractères.",
};

/// In English.
pub static EN: LegalStrings = LegalStrings {
    handling_heading: "Delivery and right of withdrawal",
    keep_cold: "Keep cold during the delivery round",
    keep_cold_hint: "Shown to the volunteers on the round's sheets.",
    exception_label: "14-day right of withdrawal",
    exception_hint: "The law excludes perishable goods, goods made to order and sealed hygiene goods once unsealed from the right of withdrawal. Orders already placed keep their rule.",
    exception_none: "Applies",
    exception_excluded: "Does not apply: ",
    version: |n, date| match date {
        Some(date) => format!("Version {n} of {}", day(date, shared::english::long_date)),
        None => format!("Version {n}"),
    },
    terms_default_note: "This shop applies the terms of sale the association provides.",
    accept_terms: |shops| {
        format!("I have read and accept the terms of sale of {shops} and the site's terms of use.")
    },
    read_terms_of: |shop| format!("Read the terms of sale of {shop}"),
    read_terms_of_use: "Read the terms of use",
    accept_terms_required: "Tick the box to accept the terms of sale and of use before ordering.",
    terms_read_out: "I read our terms of sale (with the right of withdrawal) to the customer, who accepts them.",
    terms_read_out_required: "Tick the box: the terms of sale must be read to the customer before taking the order.",
    accepted_terms: |use_version, sale_version, at| {
        format!(
            "Terms accepted on {}: terms of use v{use_version}, terms of sale v{sale_version}.",
            day(at, shared::english::long_date)
        )
    },
    withdrawal_heading: "Right of withdrawal",
    withdrawal_text: "You have 14 days after the order is handed over (pickup or delivery) to withdraw, without giving a reason, with the form on the order's tracking page. Before handover you may simply cancel it. Exceptions: perishable goods, goods made to order, sealed goods unsealed for hygiene reasons.",
    withdrawal_excepted: "no right of withdrawal",
    withdrawal_until: |date| format!("You may withdraw until {date} included."),
    withdrawal_form_intro: "Withdrawal form: I hereby give notice that I withdraw from the contract of sale of the goods ticked below.",
    withdrawal_message: "Message for the shop (optional)",
    withdrawal_send: "Send my withdrawal",
    withdrawal_sent: "Your withdrawal was sent to the shop. Bring the goods back within 14 days; it will refund you within 14 days.",
    withdrawal_none_chosen: "Tick at least one item.",
    withdrawn: "withdrawal sent",
    withdrawal_badge: "Withdrawal requested",
    identity_heading: "The seller's legal identity",
    identity_intro: "The law requires saying who sells: this shows on the shop's page and on every order. The association cannot approve a shop without it.",
    identity_save: "Save the legal identity",
    identity_saved: "Legal identity saved.",
    registration_city: "City of the register",
    vat_exempt_hint: "Leave empty if the shop is exempt from VAT (the profile's \"VAT exempt\" box): the mention \"TVA non applicable, art. 293 B du CGI\" then shows.",
    shop_terms_heading: "Our terms of sale",
    shop_terms_intro: "By default the shop applies the association's terms of sale. You may write your own: each save makes a new version, and every order keeps the one its customer accepted.",
    shop_terms_own: |n| format!("Your customers accept your own terms of sale (version {n})."),
    shop_terms_default: "Your customers accept the association's default terms of sale.",
    use_default_terms: "Go back to the association's default terms",
    use_default_terms_hint: "Orders already placed keep the version accepted; the next ones will apply the current version of the association's terms.",
    default_terms_restored: "Done: your shop applies the association's default terms of sale again.",
    terms_save: "Save a new version",
    pending_identity_missing: "Legal identity to complete: the shop cannot be approved before (legal name, SIRET, registration, VAT, person responsible).",
    fill_identity: "Complete its legal identity",
    orders_blocked_banner: "Your products cannot be ordered until your shop's legal identity is complete.",
    orders_blocked_link: "Complete the legal identity",
    active_missing_heading: "Active shops without a legal identity",
    active_missing_intro: "These shops cannot take orders until they complete their legal identity.",
    active_missing_none: "Every active shop has given its legal identity.",
    use_terms_intro: "The site's terms of use, which every customer accepts when ordering. Each save makes a new version; every order keeps the one accepted.",
    default_sale_heading: "Default terms of sale of the shops",
    default_sale_intro: "The terms of sale of the shops that have not written their own. Each save makes a new version; every order keeps the one accepted.",
    terms_saved: |n| format!("Version {n} saved."),
    terms_text: "Text",
    siret_hint: "14 digits, e.g. 732 829 320 00074",
    error_siret: "This SIRET is not valid: check the 14 digits (the check key does not match).",
    error_vat: "Invalid VAT number: FR, a 2-digit key then the SIREN (the SIRET's first 9 digits); leave empty if the shop is exempt from VAT, and tick \"VAT exempt\" on the profile.",
    error_city: "Give the city of the register, e.g. Nîmes.",
    error_name: "Give 2 to 120 characters.",
};
