//! Interface strings of the marketplace's settings: the texts around the association's own
//! (home heading, footer, first-start notice), the legal notices page, and the back-office's
//! setup and settings pages. French and English, like [`super::Strings`].

use shared::marketplace::{Palette, de_town};

/// The strings of the marketplace's settings, in one language.
pub struct MarketplaceStrings {
    /// The home page's heading, with the town (empty: without it).
    pub home_heading: fn(&str) -> String,
    /// The home page's notice while no administrator exists.
    pub needs_admin_heading: &'static str,
    pub needs_admin_text: &'static str,
    pub needs_admin_then: &'static str,
    pub needs_admin_link: &'static str,
    /// The footer: who runs the site (the publisher's name; empty: nobody named yet).
    pub footer_run_by: fn(&str) -> String,
    /// The footer: the phone number for orders by phone.
    pub footer_phone: fn(&str) -> String,
    pub footer_legal_link: &'static str,
    pub footer_privacy_link: &'static str,

    pub legal_heading: &'static str,
    /// What the site is: the marketplace of the town's shops (the town; empty: without it).
    pub legal_what: fn(&str) -> String,
    /// Who runs it (the publisher's name).
    pub legal_run_by: fn(&str) -> String,
    pub legal_publisher: &'static str,
    pub legal_director: &'static str,
    pub legal_host: &'static str,
    pub legal_contact: &'static str,
    pub legal_phone: &'static str,
    pub legal_email: &'static str,
    pub legal_address: &'static str,
    pub legal_name: &'static str,
    pub legal_missing: &'static str,
    pub legal_software: &'static str,

    pub nav_heading: &'static str,
    pub nav_shops: &'static str,
    pub nav_setup: &'static str,
    pub nav_settings: &'static str,
    pub nav_categories: &'static str,
    pub nav_delivery: &'static str,
    pub nav_people: &'static str,

    pub setup_heading: &'static str,
    pub setup_intro: &'static str,
    pub setup_steps: &'static str,
    pub setup_step_settings: &'static str,
    pub setup_step_categories: &'static str,
    pub setup_step_communes: &'static str,
    pub setup_step_shops: &'static str,
    pub setup_done: &'static str,
    pub setup_todo: &'static str,
    pub setup_all_done: &'static str,
    pub setup_form_heading: &'static str,

    pub settings_heading: &'static str,
    pub section_site: &'static str,
    pub section_texts: &'static str,
    pub section_contact: &'static str,
    pub section_publisher: &'static str,
    pub section_host: &'static str,
    pub section_colours: &'static str,
    pub section_orders: &'static str,
    pub section_logo: &'static str,
    pub field_name: &'static str,
    pub field_name_hint: &'static str,
    pub field_town: &'static str,
    pub field_tagline_fr: &'static str,
    pub field_tagline_hint: &'static str,
    pub field_tagline_en: &'static str,
    pub field_intro_fr: &'static str,
    pub field_intro_en: &'static str,
    pub english_hint: &'static str,
    pub field_phone: &'static str,
    pub field_phone_hint: &'static str,
    pub field_email: &'static str,
    pub field_address: &'static str,
    pub field_publisher_name: &'static str,
    pub field_publisher_address: &'static str,
    pub field_director: &'static str,
    pub field_host_name: &'static str,
    pub field_host_address: &'static str,
    pub field_host_phone: &'static str,
    pub field_prefix: &'static str,
    /// The example of a new order's number with this prefix.
    pub prefix_hint: fn(&str) -> String,
    pub palette_legend: &'static str,
    pub palette_name: fn(Palette) -> &'static str,
    pub logo_choose: &'static str,
    pub logo_hint: &'static str,
    pub logo_alt: &'static str,
    pub logo_remove: &'static str,
    pub logo_sending: &'static str,
    pub logo_saved: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub not_saved: &'static str,
    pub fix_errors: &'static str,
    pub error_required: &'static str,
    pub error_too_long: &'static str,
    pub error_phone: &'static str,
    pub error_email: &'static str,
    pub error_prefix: &'static str,

    /// Defaults offered on the first start, from the town typed.
    pub default_tagline: fn(&str) -> String,
    pub default_intro: fn(&str) -> String,
    pub default_publisher: fn(&str) -> String,
}

/// French.
pub static FR: MarketplaceStrings = MarketplaceStrings {
    home_heading: |town| {
        if town.is_empty() {
            "Achetez chez vos commerçants".to_owned()
        } else {
            format!("Achetez chez vos commerçants {}", de_town(town))
        }
    },
    needs_admin_heading: "Ce site n'est pas encore configuré",
    needs_admin_text: "Pour commencer, créez le premier compte administrateur sur le serveur, \
        avec la commande :",
    needs_admin_then: "Connectez-vous ensuite avec ce compte à l'espace de gestion : une page \
        de démarrage vous guide dans les réglages.",
    needs_admin_link: "Aller à l'espace de gestion",
    footer_run_by: |publisher| {
        if publisher.is_empty() {
            "Ce site fonctionne avec Vitrine, un logiciel libre.".to_owned()
        } else {
            format!(
                "Ce site est animé par {publisher}. Il fonctionne avec Vitrine, un logiciel libre."
            )
        }
    },
    footer_phone: |phone| format!("Commandes et questions par téléphone : {phone}"),
    footer_legal_link: "Mentions légales",
    footer_privacy_link: "Données personnelles",

    legal_heading: "Mentions légales",
    legal_what: |town| {
        if town.is_empty() {
            "Ce site est la place de marché en ligne des commerces de la ville.".to_owned()
        } else {
            format!(
                "Ce site est la place de marché en ligne des commerces {}.",
                de_town(town)
            )
        }
    },
    legal_run_by: |publisher| format!("Il est animé par {publisher}."),
    legal_publisher: "Éditeur du site",
    legal_director: "Directeur ou directrice de la publication",
    legal_host: "Hébergeur",
    legal_contact: "Contact",
    legal_phone: "Téléphone",
    legal_email: "Courriel",
    legal_address: "Adresse",
    legal_name: "Nom",
    legal_missing: "non renseigné",
    legal_software: "Le site fonctionne avec Vitrine, un logiciel libre.",

    nav_heading: "Gérer la place de marché",
    nav_shops: "Commerces à valider",
    nav_setup: "Démarrage",
    nav_settings: "Réglages",
    nav_categories: "Catégories",
    nav_delivery: "Livraison",
    nav_people: "Personnes",

    setup_heading: "Démarrage de la place de marché",
    setup_intro: "Bienvenue ! Vérifiez les réglages proposés ci-dessous, modifiez-les, puis \
        enregistrez. Les étapes suivantes se font chacune sur sa page.",
    setup_steps: "Les étapes",
    setup_step_settings: "Réglages : nom, ville, textes, contact et mentions légales",
    setup_step_categories: "Catégories de produits",
    setup_step_communes: "Communes livrées par les bénévoles",
    setup_step_shops: "Au moins un commerce inscrit",
    setup_done: "fait",
    setup_todo: "à faire",
    setup_all_done: "Tout est prêt : votre place de marché est en service.",
    setup_form_heading: "Réglages de la place de marché",

    settings_heading: "Réglages de la place de marché",
    section_site: "La place de marché",
    section_texts: "Textes de la page d'accueil",
    section_contact: "Contact de l'association",
    section_publisher: "Mentions légales : l'éditeur",
    section_host: "Mentions légales : l'hébergeur",
    section_colours: "Couleurs",
    section_orders: "Numéros de commande",
    section_logo: "Logo de l'association",
    field_name: "Nom du site",
    field_name_hint: "Affiché en haut de chaque page, par exemple « Vitrine ».",
    field_town: "Ville",
    field_tagline_fr: "Sous-titre",
    field_tagline_hint: "Affiché après le nom, par exemple « les commerces de Sommières ».",
    field_tagline_en: "Sous-titre en anglais (facultatif)",
    field_intro_fr: "Présentation sur la page d'accueil",
    field_intro_en: "Présentation en anglais (facultatif)",
    english_hint: "Sans texte anglais, le texte français est affiché.",
    field_phone: "Téléphone pour commander",
    field_phone_hint: "Pour les personnes qui commandent par téléphone. Facultatif.",
    field_email: "Adresse e-mail (facultatif)",
    field_address: "Adresse postale",
    field_publisher_name: "Nom de l'association",
    field_publisher_address: "Adresse de l'association",
    field_director: "Directeur ou directrice de la publication",
    field_host_name: "Nom de l'hébergeur",
    field_host_address: "Adresse de l'hébergeur",
    field_host_phone: "Téléphone de l'hébergeur",
    field_prefix: "Début des numéros de commande",
    prefix_hint: |prefix| {
        format!(
            "Les nouvelles commandes seront numérotées comme {prefix}-2026-00042 ; les \
             commandes déjà passées gardent leur numéro."
        )
    },
    palette_legend: "Couleurs du site",
    palette_name: |palette| match palette {
        Palette::Terre => "Terre cuite",
        Palette::Olivier => "Olivier",
        Palette::Lavande => "Lavande",
        Palette::Mer => "Bleu mer",
        Palette::Ardoise => "Ardoise",
    },
    logo_choose: "Choisir un logo",
    logo_hint: "Une image JPEG, PNG ou WebP de 5 Mo au plus.",
    logo_alt: "Logo de l'association",
    logo_remove: "Retirer le logo",
    logo_sending: "Envoi du logo…",
    logo_saved: "Logo enregistré.",
    save: "Enregistrer les réglages",
    saved: "Réglages enregistrés.",
    not_saved: "Les réglages n'ont pas été enregistrés.",
    fix_errors: "Corrigez les champs signalés, puis enregistrez à nouveau.",
    error_required: "Ce champ est obligatoire (ou trop long).",
    error_too_long: "Ce texte est trop long.",
    error_phone: "Indiquez un numéro français, par exemple 04 66 22 00 00.",
    error_email: "Indiquez une adresse comme contact@exemple.fr.",
    error_prefix: "De 1 à 6 lettres ou chiffres, par exemple CMD.",

    default_tagline,
    default_intro,
    default_publisher,
};

/// English.
pub static EN: MarketplaceStrings = MarketplaceStrings {
    home_heading: |town| {
        if town.is_empty() {
            "Buy from your local shops".to_owned()
        } else {
            format!("Buy from your local shops in {town}")
        }
    },
    needs_admin_heading: "This site is not set up yet",
    needs_admin_text: "To begin, create the first administrator account on the server with \
        the command:",
    needs_admin_then: "Then sign in to the back-office with that account: a setup page guides \
        you through the settings.",
    needs_admin_link: "Go to the back-office",
    footer_run_by: |publisher| {
        if publisher.is_empty() {
            "This site runs on Vitrine, free software.".to_owned()
        } else {
            format!("This site is run by {publisher}. It runs on Vitrine, free software.")
        }
    },
    footer_phone: |phone| format!("Orders and questions by phone: {phone}"),
    footer_legal_link: "Legal notices",
    footer_privacy_link: "Personal data",

    legal_heading: "Legal notices",
    legal_what: |town| {
        if town.is_empty() {
            "This site is the online marketplace of the town's shops.".to_owned()
        } else {
            format!("This site is the online marketplace of the shops of {town}.")
        }
    },
    legal_run_by: |publisher| format!("It is run by {publisher}."),
    legal_publisher: "Publisher",
    legal_director: "Director of publication",
    legal_host: "Host",
    legal_contact: "Contact",
    legal_phone: "Phone",
    legal_email: "E-mail",
    legal_address: "Address",
    legal_name: "Name",
    legal_missing: "not provided yet",
    legal_software: "The site runs on Vitrine, free software.",

    nav_heading: "Run the marketplace",
    nav_shops: "Shops to approve",
    nav_setup: "First start",
    nav_settings: "Settings",
    nav_categories: "Categories",
    nav_delivery: "Delivery",
    nav_people: "People",

    setup_heading: "Setting up the marketplace",
    setup_intro: "Welcome! Check the settings offered below, change them, then save. The next \
        steps each have their own page.",
    setup_steps: "The steps",
    setup_step_settings: "Settings: name, town, texts, contact and legal notices",
    setup_step_categories: "Product categories",
    setup_step_communes: "Communes the volunteers deliver to",
    setup_step_shops: "At least one shop has applied",
    setup_done: "done",
    setup_todo: "to do",
    setup_all_done: "All set: your marketplace is up and running.",
    setup_form_heading: "The marketplace's settings",

    settings_heading: "The marketplace's settings",
    section_site: "The marketplace",
    section_texts: "Home page texts",
    section_contact: "The association's contact",
    section_publisher: "Legal notices: the publisher",
    section_host: "Legal notices: the host",
    section_colours: "Colours",
    section_orders: "Order numbers",
    section_logo: "The association's logo",
    field_name: "Site name",
    field_name_hint: "Shown at the top of every page, e.g. “Vitrine”.",
    field_town: "Town",
    field_tagline_fr: "Tagline (French)",
    field_tagline_hint: "Shown after the name, e.g. “les commerces de Sommières”.",
    field_tagline_en: "Tagline in English (optional)",
    field_intro_fr: "Home page introduction (French)",
    field_intro_en: "Introduction in English (optional)",
    english_hint: "Without an English text, the French one is shown.",
    field_phone: "Phone number for orders",
    field_phone_hint: "For people who order by phone. Optional.",
    field_email: "E-mail address (optional)",
    field_address: "Postal address",
    field_publisher_name: "The association's name",
    field_publisher_address: "The association's address",
    field_director: "Director of publication",
    field_host_name: "Host's name",
    field_host_address: "Host's address",
    field_host_phone: "Host's phone number",
    field_prefix: "Start of order numbers",
    prefix_hint: |prefix| {
        format!(
            "New orders will be numbered like {prefix}-2026-00042; orders already placed keep \
             their number."
        )
    },
    palette_legend: "Site colours",
    palette_name: |palette| match palette {
        Palette::Terre => "Terracotta",
        Palette::Olivier => "Olive",
        Palette::Lavande => "Lavender",
        Palette::Mer => "Sea blue",
        Palette::Ardoise => "Slate",
    },
    logo_choose: "Choose a logo",
    logo_hint: "A JPEG, PNG or WebP picture of at most 5 MB.",
    logo_alt: "The association's logo",
    logo_remove: "Remove the logo",
    logo_sending: "Sending the logo…",
    logo_saved: "Logo saved.",
    save: "Save the settings",
    saved: "Settings saved.",
    not_saved: "The settings were not saved.",
    fix_errors: "Correct the fields marked, then save again.",
    error_required: "This field is required (or too long).",
    error_too_long: "This text is too long.",
    error_phone: "Give a French number, e.g. 04 66 22 00 00.",
    error_email: "Give an address such as contact@example.fr.",
    error_prefix: "1 to 6 letters or digits, e.g. CMD.",

    // The association's own texts start in French whatever the admin's language.
    default_tagline,
    default_intro,
    default_publisher,
};

fn default_tagline(town: &str) -> String {
    format!("les commerces {}", de_town(town))
}

fn default_intro(town: &str) -> String {
    format!(
        "Les boutiques, artisans, producteurs et restaurants {} et des villages alentour, \
         réunis sur un seul site. Un seul panier pour tous vos achats : livraison gratuite par \
         les bénévoles de l'association, ou retrait en boutique.",
        de_town(town)
    )
}

fn default_publisher(town: &str) -> String {
    format!("Association des commerçants {}", de_town(town))
}
