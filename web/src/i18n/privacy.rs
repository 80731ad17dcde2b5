//! Personal data (issue 15): the privacy page, the shopper's data (download, erasure), a
//! guest's erasure request, and the association's page, in French and English.

/// The strings of the personal data pages.
pub struct PrivacyStrings {
    pub heading: &'static str,
    pub intro: fn(&str) -> String,
    pub controller_heading: &'static str,
    pub controller_text: fn(&str) -> String,
    pub contact_label: &'static str,
    pub phone_label: &'static str,
    pub missing: &'static str,
    pub collected_heading: &'static str,
    pub col_what: &'static str,
    pub col_why: &'static str,
    pub col_how_long: &'static str,
    pub account_what: &'static str,
    pub account_why: &'static str,
    pub account_how_long: &'static str,
    pub orders_what: &'static str,
    pub orders_why: &'static str,
    pub orders_how_long: fn(i32) -> String,
    pub guest_what: &'static str,
    pub guest_why: &'static str,
    pub guest_how_long: fn(i32) -> String,
    pub mails_what: &'static str,
    pub mails_why: &'static str,
    pub mails_how_long: fn(i32) -> String,
    pub sessions_what: &'static str,
    pub sessions_why: &'static str,
    pub sessions_how_long: fn(i64) -> String,
    pub stats_what: &'static str,
    /// The same, on a server that counts no visits (`--no-visit-count`).
    pub stats_what_searches: &'static str,
    pub stats_why: &'static str,
    pub stats_how_long: &'static str,
    pub recipients_heading: &'static str,
    pub recipients_text: &'static str,
    pub cookies_heading: &'static str,
    pub cookies_text: &'static str,
    pub rights_heading: &'static str,
    pub rights_text: &'static str,
    pub rights_how: fn(&str) -> String,
    pub rights_account: &'static str,
    pub rights_guest: &'static str,
    pub rights_cnil: &'static str,
    // The account page's section.
    pub my_data_heading: &'static str,
    pub my_data_intro: &'static str,
    pub download: &'static str,
    pub downloading: &'static str,
    pub erase_heading: &'static str,
    pub erase_text: &'static str,
    pub erase_password: &'static str,
    pub erase_button: &'static str,
    pub erasing: &'static str,
    pub erased: fn(&str) -> String,
    pub read_policy: &'static str,
    /// Beside the checkout's contact fields and the sign-up form.
    pub contact_note: &'static str,
    // A guest's request, on the tracking page.
    pub guest_heading: &'static str,
    pub guest_text: &'static str,
    pub guest_button: &'static str,
    pub guest_sent: &'static str,
    // The association's page.
    pub nav: &'static str,
    pub admin_heading: &'static str,
    pub admin_intro: &'static str,
    pub settings_heading: &'static str,
    pub contact_email_label: &'static str,
    pub contact_email_hint: &'static str,
    pub retention_label: &'static str,
    pub retention_hint: &'static str,
    pub message_retention_label: &'static str,
    pub message_retention_hint: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub requests_heading: &'static str,
    pub requests_none: &'static str,
    pub kind_guest: &'static str,
    pub kind_account: &'static str,
    pub col_asked: &'static str,
    pub col_done: &'static str,
    pub waiting: &'static str,
    pub by_owner: &'static str,
    pub execute: &'static str,
    pub orders_count: fn(i64) -> String,
    pub runs_heading: &'static str,
    pub runs_none: &'static str,
    pub run_line: fn(&str, i64) -> String,
}

/// In French.
pub static FR: PrivacyStrings = PrivacyStrings {
    heading: "Vos données personnelles",
    intro: |name| {
        format!(
            "Ce que {name} fait de vos données personnelles, combien de temps elles sont gardées, qui les reçoit, et vos droits."
        )
    },
    controller_heading: "Qui en est responsable",
    controller_text: |publisher| {
        format!(
            "Le responsable du traitement est {publisher}, l'association qui gère le site. Chaque commerce reçoit les commandes qui lui sont passées et en est responsable pour sa part."
        )
    },
    contact_label: "Pour vos demandes (accès, rectification, effacement…)",
    phone_label: "Téléphone de l'association",
    missing: "non renseigné",
    collected_heading: "Ce que nous gardons, pourquoi, combien de temps",
    col_what: "Données",
    col_why: "Pour quoi faire",
    col_how_long: "Durée",
    account_what: "Votre compte : nom, courriel, téléphone si vous le donnez, mot de passe (chiffré)",
    account_why: "Vous connecter, retrouver vos commandes",
    account_how_long: "Tant que le compte existe ; effacé quand vous le supprimez",
    orders_what: "Vos commandes : articles, montants, dates, commerce, suivi",
    orders_why: "Préparer, livrer et encaisser la commande ; comptabilité des commerces",
    orders_how_long: |years| {
        format!(
            "{years} ans (obligation comptable) ; votre nom, téléphone, courriel et adresse y sont remplacés par un pseudonyme si vous effacez vos données"
        )
    },
    guest_what: "Commandes sans compte : nom, téléphone, courriel, adresse de livraison",
    guest_why: "Joindre le client et livrer",
    guest_how_long: |months| {
        format!("{months} mois après votre dernière commande, puis anonymisées automatiquement")
    },
    mails_what: "Les courriels envoyés pour vos commandes (à vous et au commerce), et les avis de commande transmis au logiciel d'un commerce (caisse, comptabilité)",
    mails_why: "Vous tenir informé de vos commandes ; prévenir le commerce",
    mails_how_long: |days| {
        format!(
            "{days} jours après leur envoi, puis supprimés ; plus tôt si vous effacez vos données ou quand vos commandes sont anonymisées"
        )
    },
    sessions_what: "Votre session de connexion",
    sessions_why: "Rester connecté",
    sessions_how_long: |days| format!("{days} jours sans utilisation"),
    stats_what: "Fréquentation et recherches du catalogue",
    stats_what_searches: "Recherches du catalogue (les visites ne sont pas comptées)",
    stats_why: "Savoir ce que cherchent les visiteurs",
    stats_how_long: "Comptées en totaux : ni cookie, ni adresse IP, ni personne enregistrée",
    recipients_heading: "Qui reçoit vos données",
    recipients_text: "Le commerce de chaque commande (pour la préparer et vous joindre) et, pour une livraison, les bénévoles de l'association qui font la tournée. Personne d'autre : aucune donnée n'est vendue ni transmise à un tiers, et le site n'a ni publicité ni outil de mesure extérieur.",
    cookies_heading: "Cookies",
    cookies_text: "Le site n'utilise aucun cookie qui demande votre accord. Votre panier et votre session sont gardés dans le stockage local de votre navigateur ; si vous vous connectez, un seul cookie, strictement nécessaire, garde votre session (il n'est lisible que par le serveur, pour les pages de connexion, et expire au bout de 30 jours).",
    rights_heading: "Vos droits",
    rights_text: "Vous pouvez accéder à vos données, les faire corriger, les effacer, les récupérer dans un fichier (portabilité) et vous opposer à leur utilisation.",
    rights_how: |contact| format!("Écrivez à {contact}, ou téléphonez à l'association."),
    rights_account: "Avec un compte, vous pouvez aussi télécharger vos données et supprimer votre compte vous-même, depuis la page « Mon compte ». Si l'adresse de courriel du compte est vérifiée, les commandes passées sans compte avec cette adresse sont anonymisées avec lui.",
    rights_guest: "Sans compte, le lien de suivi de votre commande permet de demander l'effacement de vos données.",
    rights_cnil: "Si vous estimez que vos droits ne sont pas respectés, vous pouvez vous adresser à la CNIL (www.cnil.fr).",
    my_data_heading: "Mes données",
    my_data_intro: "Téléchargez tout ce que le site garde sur vous : votre compte, vos commandes, vos adresses, les courriels envoyés.",
    download: "Télécharger mes données",
    downloading: "Préparation…",
    erase_heading: "Supprimer mon compte",
    erase_text: "Votre compte et vos sessions sont supprimés tout de suite. Les commerces gardent vos commandes pour leur comptabilité, mais sans votre nom, téléphone, courriel ni adresse ; si votre adresse de courriel est vérifiée, vos commandes passées sans compte avec cette adresse aussi. Les commandes en cours doivent d'abord être remises ou annulées.",
    erase_password: "Votre mot de passe, pour confirmer",
    erase_button: "Supprimer définitivement mon compte",
    erasing: "Suppression…",
    erased: |pseudonym| {
        format!(
            "Votre compte est supprimé. Vos commandes portent désormais le nom « {pseudonym} »."
        )
    },
    read_policy: "Comment nous utilisons vos données",
    contact_note: "Vos coordonnées ne servent qu'à vos commandes : seuls le commerce et, pour une livraison, les bénévoles de la tournée les reçoivent.",
    guest_heading: "Effacer mes données",
    guest_text: "Demandez à l'association d'effacer votre nom, téléphone, courriel et adresse de vos commandes terminées (le commerce garde la commande pour sa comptabilité).",
    guest_button: "Demander l'effacement de mes données",
    guest_sent: "Votre demande est enregistrée ; l'association la traite.",
    nav: "Données personnelles",
    admin_heading: "Données personnelles",
    admin_intro: "Le contact pour les demandes, les durées de conservation (commandes sans compte, courriels), les demandes d'effacement et le journal de l'anonymisation automatique.",
    settings_heading: "Réglages",
    contact_email_label: "Courriel pour les demandes sur les données",
    contact_email_hint: "Laissé vide : le courriel de contact de l'association.",
    retention_label: "Conservation des commandes sans compte (mois après la dernière commande)",
    retention_hint: "De 1 à 120 mois ; 36 par défaut. Ensuite nom, téléphone, courriel et adresse sont remplacés par un pseudonyme.",
    message_retention_label: "Conservation des courriels et des avis aux logiciels des commerces (jours après l'envoi)",
    message_retention_hint: "De 7 à 730 jours ; 90 par défaut. Ensuite les messages envoyés, abandonnés ou seulement gardés dans la boîte de l'association (sans serveur de courriel) sont supprimés ; ceux qui attendent un nouvel essai sont gardés.",
    save: "Enregistrer",
    saved: "Enregistré.",
    requests_heading: "Demandes d'effacement",
    requests_none: "Aucune demande.",
    kind_guest: "Client sans compte",
    kind_account: "Compte supprimé par son titulaire",
    col_asked: "Demandée le",
    col_done: "Faite",
    waiting: "En attente",
    by_owner: "par le titulaire",
    execute: "Effacer maintenant",
    orders_count: |n| {
        if n <= 1 {
            format!("{n} commande")
        } else {
            format!("{n} commandes")
        }
    },
    runs_heading: "Anonymisation automatique",
    runs_none: "Rien n'a encore été anonymisé.",
    run_line: |at, n| format!("{at} : {n} commande(s) anonymisée(s)"),
};

/// In English.
pub static EN: PrivacyStrings = PrivacyStrings {
    heading: "Your personal data",
    intro: |name| {
        format!(
            "What {name} does with your personal data, how long it is kept, who receives it, and your rights."
        )
    },
    controller_heading: "Who is responsible",
    controller_text: |publisher| {
        format!(
            "The data controller is {publisher}, the association that runs the site. Each shop receives the orders placed with it and is responsible for its part."
        )
    },
    contact_label: "For your requests (access, correction, erasure…)",
    phone_label: "The association's phone",
    missing: "not provided",
    collected_heading: "What we keep, why, and for how long",
    col_what: "Data",
    col_why: "What for",
    col_how_long: "How long",
    account_what: "Your account: name, e-mail, phone if you give it, password (hashed)",
    account_why: "Signing in, finding your orders",
    account_how_long: "As long as the account exists; erased when you delete it",
    orders_what: "Your orders: items, amounts, dates, shop, tracking",
    orders_why: "Preparing, delivering and taking payment; the shops' accounts",
    orders_how_long: |years| {
        format!(
            "{years} years (accounting law); your name, phone, e-mail and address are replaced by a pseudonym if you erase your data"
        )
    },
    guest_what: "Orders without an account: name, phone, e-mail, delivery address",
    guest_why: "Reaching the customer and delivering",
    guest_how_long: |months| {
        format!("{months} months after your last order, then anonymised automatically")
    },
    mails_what: "The e-mails sent about your orders (to you and to the shop), and the order notices passed to a shop's software (till, accounts)",
    mails_why: "Keeping you informed about your orders; telling the shop",
    mails_how_long: |days| {
        format!(
            "{days} days after they are sent, then deleted; sooner if you erase your data or when your orders are anonymised"
        )
    },
    sessions_what: "Your signed-in session",
    sessions_why: "Staying signed in",
    sessions_how_long: |days| format!("{days} days without use"),
    stats_what: "Visits and catalogue searches",
    stats_what_searches: "Catalogue searches (visits are not counted)",
    stats_why: "Knowing what visitors look for",
    stats_how_long: "Counted as totals: no cookie, no IP address, no person recorded",
    recipients_heading: "Who receives your data",
    recipients_text: "The shop of each order (to prepare it and reach you) and, for a delivery, the association's volunteers who drive the round. No one else: no data is sold or passed to a third party, and the site has no advertising and no outside analytics.",
    cookies_heading: "Cookies",
    cookies_text: "The site uses no cookie that needs your consent. Your basket and your session are kept in your browser's local storage; if you sign in, a single, strictly necessary cookie keeps your session (only the server reads it, on the sign-in pages, and it expires after 30 days).",
    rights_heading: "Your rights",
    rights_text: "You may access your data, have it corrected, erase it, get it in a file (portability) and object to its use.",
    rights_how: |contact| format!("Write to {contact}, or phone the association."),
    rights_account: "With an account, you can also download your data and delete your account yourself, from the \"My account\" page. If the account's e-mail address is verified, the orders placed without an account with that address are anonymised with it.",
    rights_guest: "Without an account, your order's tracking link lets you ask for your data to be erased.",
    rights_cnil: "If you think your rights are not respected, you may complain to the CNIL (www.cnil.fr), the French data protection authority.",
    my_data_heading: "My data",
    my_data_intro: "Download everything the site keeps about you: your account, your orders, your addresses, the e-mails sent.",
    download: "Download my data",
    downloading: "Preparing…",
    erase_heading: "Delete my account",
    erase_text: "Your account and sessions are deleted at once. The shops keep your orders for their accounts, but without your name, phone, e-mail or address; if your e-mail address is verified, so are your orders placed without an account with that address. Orders in progress must first be handed over or cancelled.",
    erase_password: "Your password, to confirm",
    erase_button: "Delete my account for good",
    erasing: "Deleting…",
    erased: |pseudonym| {
        format!("Your account is deleted. Your orders now bear the name \"{pseudonym}\".")
    },
    read_policy: "How we use your data",
    contact_note: "Your details serve only your orders: only the shop and, for a delivery, the round's volunteers receive them.",
    guest_heading: "Erase my data",
    guest_text: "Ask the association to erase your name, phone, e-mail and address from your finished orders (the shop keeps the order for its accounts).",
    guest_button: "Ask for my data to be erased",
    guest_sent: "Your request is recorded; the association will carry it out.",
    nav: "Personal data",
    admin_heading: "Personal data",
    admin_intro: "The contact for data requests, how long orders without an account and messages are kept, erasure requests and the automatic anonymisation's log.",
    settings_heading: "Settings",
    contact_email_label: "E-mail for data requests",
    contact_email_hint: "Left empty: the association's contact e-mail.",
    retention_label: "Keeping orders without an account (months after the last order)",
    retention_hint: "1 to 120 months; 36 by default. Then name, phone, e-mail and address are replaced by a pseudonym.",
    message_retention_label: "Keeping e-mails and notices to the shops' software (days after sending)",
    message_retention_hint: "7 to 730 days; 90 by default. Then the messages sent, given up or only kept in the association's mailbox (no mail server) are deleted; those waiting for another attempt are kept.",
    save: "Save",
    saved: "Saved.",
    requests_heading: "Erasure requests",
    requests_none: "No request.",
    kind_guest: "Customer without an account",
    kind_account: "Account deleted by its owner",
    col_asked: "Asked on",
    col_done: "Done",
    waiting: "Waiting",
    by_owner: "by the owner",
    execute: "Erase now",
    orders_count: |n| {
        if n == 1 {
            format!("{n} order")
        } else {
            format!("{n} orders")
        }
    },
    runs_heading: "Automatic anonymisation",
    runs_none: "Nothing has been anonymised yet.",
    run_line: |at, n| format!("{at}: {n} order(s) anonymised"),
};
