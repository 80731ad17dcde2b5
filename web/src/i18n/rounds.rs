//! Strings of the delivery rounds (issue 11): the admins' planning, the sheets to print,
//! the volunteer's phone view and the shop's next round.

use shared::rounds::FailureReason;

/// The rounds' strings, in one language.
pub struct RoundsStrings {
    /// The association's navigation: the planning's link.
    pub nav: &'static str,
    /// Planning: heading (also the document's title).
    pub heading: &'static str,
    /// Planning: what it is for.
    pub intro: &'static str,
    /// Planning: accessible name of the next dates' links.
    pub dates_label: &'static str,
    /// Planning: another date's field.
    pub other_date: &'static str,
    /// Planning: its button.
    pub show_date: &'static str,
    /// A date in words ("vendredi 11 décembre").
    pub date: fn(&str) -> String,
    /// Planning: the date's heading.
    pub date_heading: fn(&str) -> String,
    /// Planning: no delivery that day.
    pub no_delivery: &'static str,
    /// New round: heading.
    pub new_heading: &'static str,
    /// New round: the first one takes every delivery.
    pub first_hint: &'static str,
    /// New round: the name's label.
    pub new_name: &'static str,
    /// A round's name: label.
    pub name: &'static str,
    /// The ready-by time's label.
    pub ready_by: &'static str,
    /// New round: the button.
    pub create: &'static str,
    /// A change refused because the round changed meanwhile.
    pub conflict: &'static str,
    /// The default round's heading.
    pub not_split: &'static str,
    /// The default round: what to do.
    pub not_split_hint: &'static str,
    /// A round: its stops and time (stops, HH:MM).
    pub summary: fn(usize, &str) -> String,
    /// A round: orders not confirmed by their shop (count).
    pub unconfirmed_count: fn(u32) -> String,
    /// A stop: shops that have not confirmed (names).
    pub unconfirmed: fn(&str) -> String,
    /// A stop or order not confirmed, short.
    pub unconfirmed_short: &'static str,
    /// A round without stops.
    pub no_stop: &'static str,
    /// Stop controls.
    pub up: &'static str,
    pub down: &'static str,
    /// Accessible names of the up and down buttons (the street).
    pub up_label: fn(&str) -> String,
    pub down_label: fn(&str) -> String,
    /// Move a stop: the round chooser's label.
    pub move_to: &'static str,
    /// Move a stop: the button.
    pub move_button: &'static str,
    /// Move a commune: the commune chooser's label.
    pub commune_label: &'static str,
    /// Move a commune: the button.
    pub move_commune: &'static str,
    /// A round's settings (rename, time, delete).
    pub settings: &'static str,
    pub save: &'static str,
    pub delete: &'static str,
    /// Asked before deleting (the round's name).
    pub delete_confirm: fn(&str) -> String,
    /// Deletion refused: taps were recorded.
    pub delete_refused: &'static str,
    /// Volunteers: the group's legend.
    pub volunteers: &'static str,
    pub save_volunteers: &'static str,
    /// No volunteer yet: where to make one.
    pub no_volunteer: &'static str,
    /// A volunteer without a phone.
    pub no_phone: &'static str,
    /// Links to the sheets.
    pub print: &'static str,
    pub csv: &'static str,
    pub collection_csv: &'static str,

    /// Sheets: heading.
    pub sheets_heading: &'static str,
    /// Sheets: no such round of yours.
    pub no_round: &'static str,
    pub print_button: &'static str,
    pub print_hint: &'static str,
    pub back_to_rounds: &'static str,
    pub collection_heading: &'static str,
    pub drop_heading: &'static str,
    /// When the bags must be ready (HH:MM).
    pub ready_at: fn(&str) -> String,
    /// All bags of a shop (count).
    pub bags_total: fn(i32) -> String,
    /// An order's bags (count).
    pub bags: fn(i32) -> String,
    /// Bags not known yet (the order is not ready).
    pub bags_unknown: &'static str,
    pub keep_cold: &'static str,
    pub collected: &'static str,
    pub delivered: &'static str,
    pub failed: &'static str,
    pub to_collect: &'static str,
    pub already_paid: &'static str,
    pub col_order: &'static str,
    pub col_customer: &'static str,
    pub col_commune: &'static str,
    pub col_lines: &'static str,
    pub col_bags: &'static str,
    pub col_cold: &'static str,
    pub col_seq: &'static str,
    pub col_address: &'static str,
    pub col_shops: &'static str,
    pub col_done: &'static str,

    /// Volunteer: the link to their round.
    pub my_link: &'static str,
    /// Volunteer: heading.
    pub my_heading: &'static str,
    pub my_login: &'static str,
    pub my_only: &'static str,
    pub my_none: &'static str,
    /// Nothing waiting to be sent.
    pub all_sent: &'static str,
    /// Taps waiting to be sent (count).
    pub waiting: fn(usize) -> String,
    pub offline: &'static str,
    /// Beside a tap not yet sent.
    pub not_sent: &'static str,
    /// A tap refused because the stop was recorded already.
    pub tap_conflict: &'static str,
    /// Before "Livré": an order of the stop its shop has not confirmed (the server refuses).
    pub not_confirmed_warning: fn(&str) -> String,
    pub collect_heading: &'static str,
    pub call: &'static str,
    pub collect: &'static str,
    /// Accessible name of "Collecté" (the shop).
    pub collect_label: fn(&str) -> String,
    pub collected_done: &'static str,
    pub deliver: &'static str,
    pub fail: &'static str,
    pub delivered_done: &'static str,
    pub failed_done: &'static str,
    pub choose_payment: &'static str,
    pub confirm_delivered: &'static str,
    pub reason_legend: &'static str,
    pub reason_nobody_home: &'static str,
    pub reason_refused: &'static str,
    pub reason_wrong_address: &'static str,
    pub reason_other: &'static str,
    pub note_label: &'static str,
    pub note_needed: &'static str,
    pub confirm_failed: &'static str,

    /// Shop: the section's heading.
    pub shop_heading: &'static str,
    pub shop_next: &'static str,
    pub shop_past: &'static str,
    /// Delivered and paid (means, volunteer).
    pub shop_paid: fn(&str, &str) -> String,
    /// Delivered, nothing to pay (volunteer).
    pub shop_delivered: fn(&str) -> String,
}

impl RoundsStrings {
    /// Why a delivery failed, in words.
    pub fn reason(&self, reason: FailureReason) -> &'static str {
        match reason {
            FailureReason::NobodyHome => self.reason_nobody_home,
            FailureReason::Refused => self.reason_refused,
            FailureReason::WrongAddress => self.reason_wrong_address,
            FailureReason::Other => self.reason_other,
        }
    }
}

pub static FR: RoundsStrings = RoundsStrings {
    nav: "Tournées",
    heading: "Tournées de livraison",
    intro: "Découpez les livraisons d'une date en tournées, donnez-leur des bénévoles et \
        l'ordre des arrêts. Un ordre choisi à la main est gardé pour ces adresses.",
    dates_label: "Prochaines dates de livraison",
    other_date: "Autre date",
    show_date: "Afficher",
    date: |iso| super::fr::date(iso),
    date_heading: |iso| format!("Livraisons du {}", super::fr::date(iso)),
    no_delivery: "Aucune livraison ce jour-là pour l'instant.",
    new_heading: "Nouvelle tournée",
    first_hint: "La première tournée reçoit toutes les livraisons de la date ; les suivantes \
        commencent vides.",
    new_name: "Nom de la nouvelle tournée",
    name: "Nom de la tournée",
    ready_by: "Sacs prêts à",
    create: "Créer la tournée",
    conflict: "La tournée a changé entre-temps : rechargez la page et recommencez.",
    not_split: "Pas encore découpée",
    not_split_hint: "Créez une tournée pour travailler sur ces livraisons.",
    summary: |stops, ready| match stops {
        0 => format!("Aucun arrêt · sacs prêts à {ready}"),
        1 => format!("1 arrêt · sacs prêts à {ready}"),
        n => format!("{n} arrêts · sacs prêts à {ready}"),
    },
    unconfirmed_count: |n| match n {
        1 => " · 1 commande pas encore confirmée".to_owned(),
        n => format!(" · {n} commandes pas encore confirmées"),
    },
    unconfirmed: |shops| format!("Pas encore confirmée par : {shops} (appelez le commerce)"),
    unconfirmed_short: "non confirmée",
    no_stop: "Aucun arrêt dans cette tournée.",
    up: "Monter",
    down: "Descendre",
    up_label: |street| format!("Monter l'arrêt {street}"),
    down_label: |street| format!("Descendre l'arrêt {street}"),
    move_to: "Vers la tournée",
    move_button: "Déplacer",
    commune_label: "Toutes les adresses de",
    move_commune: "Déplacer la commune",
    settings: "Renommer, changer l'heure ou supprimer",
    save: "Enregistrer",
    delete: "Supprimer la tournée",
    delete_confirm: |name| {
        format!("Supprimer la tournée « {name} » ? Ses arrêts reviennent à la première tournée.")
    },
    delete_refused: "Des bénévoles ont déjà enregistré des collectes ou des livraisons sur cette tournée : elle ne peut plus être supprimée.",
    volunteers: "Bénévoles",
    save_volunteers: "Enregistrer les bénévoles",
    no_volunteer: "Aucun bénévole pour l'instant : donnez le rôle bénévole à un compte dans",
    no_phone: "pas de téléphone",
    print: "Imprimer les feuilles",
    csv: "Télécharger le tableur (CSV)",
    collection_csv: "Tableur de la collecte (CSV)",

    sheets_heading: "Feuilles de tournée",
    no_round: "Cette tournée n'existe pas ou n'est pas la vôtre.",
    print_button: "Imprimer",
    print_hint: "Une page A4 par commerce, puis la feuille de livraison de chaque bénévole.",
    back_to_rounds: "Retour aux tournées",
    collection_heading: "Feuille de collecte",
    drop_heading: "Livraisons",
    ready_at: |time| format!("Sacs prêts à {time}"),
    bags_total: |n| match n {
        0 | 1 => format!("{n} sac en tout"),
        n => format!("{n} sacs en tout"),
    },
    bags: |n| match n {
        0 | 1 => format!("{n} sac"),
        n => format!("{n} sacs"),
    },
    bags_unknown: "sacs pas encore prêts",
    keep_cold: "Au frais",
    collected: "Collecté",
    delivered: "Livré",
    failed: "Échec",
    to_collect: "À encaisser",
    already_paid: "Déjà payé",
    col_order: "Commande",
    col_customer: "Client",
    col_commune: "Commune",
    col_lines: "Articles",
    col_bags: "Sacs",
    col_cold: "Frais",
    col_seq: "N°",
    col_address: "Adresse",
    col_shops: "Commerces",
    col_done: "Fait",

    my_link: "Ma tournée",
    my_heading: "Ma tournée",
    my_login: "Connectez-vous avec votre compte de bénévole pour voir votre tournée.",
    my_only: "Cette page est celle des bénévoles de l'association.",
    my_none: "Aucune tournée pour vous d'hier à demain.",
    all_sent: "Tout est envoyé.",
    waiting: |n| match n {
        1 => "1 action en attente d'envoi : elle partira dès que le réseau revient.".to_owned(),
        n => format!("{n} actions en attente d'envoi : elles partiront dès que le réseau revient."),
    },
    not_sent: "(en attente d'envoi)",
    offline: "Pas de réseau : ce qui est affiché peut dater un peu.",
    tap_conflict: "Cet arrêt avait déjà été enregistré par quelqu'un d'autre.",
    not_confirmed_warning: |shops| {
        format!(
            "Pas encore confirmée par : {shops}. Elle ne peut pas être marquée livrée tant que \
             le commerce ne l'a pas confirmée : appelez-le avant de la remettre."
        )
    },
    collect_heading: "À collecter",
    call: "Appeler",
    collect: "Collecté",
    collect_label: |shop| format!("Collecté chez {shop}"),
    collected_done: "Collecté",
    deliver: "Livré",
    fail: "Échec",
    delivered_done: "Livré",
    failed_done: "Échec",
    choose_payment: "Choisissez comment chaque commerce a été payé.",
    confirm_delivered: "Confirmer la livraison",
    reason_legend: "Pourquoi ?",
    reason_nobody_home: "Personne à la maison",
    reason_refused: "Refusée par le client",
    reason_wrong_address: "Adresse introuvable",
    reason_other: "Autre raison",
    note_label: "Un mot pour le commerce (facultatif, obligatoire pour « autre raison »)",
    note_needed: "Dites ce qui s'est passé.",
    confirm_failed: "Confirmer l'échec",

    shop_heading: "Livraisons par les bénévoles",
    shop_next: "Prochaine tournée",
    shop_past: "Tournées précédentes",
    shop_paid: |means, by| format!("Livrée, payée ({means}), encaissée par {by}"),
    shop_delivered: |by| format!("Livrée par {by}"),
};

pub static EN: RoundsStrings = RoundsStrings {
    nav: "Rounds",
    heading: "Delivery rounds",
    intro: "Split a date's deliveries into rounds, give them volunteers and the order of \
        the stops. An order set by hand is kept for these addresses.",
    dates_label: "Next delivery dates",
    other_date: "Another date",
    show_date: "Show",
    date: |iso| super::en::date(iso),
    date_heading: |iso| format!("Deliveries on {}", super::en::date(iso)),
    no_delivery: "No delivery on that day yet.",
    new_heading: "New round",
    first_hint: "The first round takes every delivery of the date; the next ones start empty.",
    new_name: "Name of the new round",
    name: "Round name",
    ready_by: "Bags ready at",
    create: "Create the round",
    conflict: "The round changed meanwhile: reload the page and try again.",
    not_split: "Not split yet",
    not_split_hint: "Create a round to work on these deliveries.",
    summary: |stops, ready| match stops {
        1 => format!("1 stop · bags ready at {ready}"),
        n => format!("{n} stops · bags ready at {ready}"),
    },
    unconfirmed_count: |n| match n {
        1 => " · 1 order not confirmed yet".to_owned(),
        n => format!(" · {n} orders not confirmed yet"),
    },
    unconfirmed: |shops| format!("Not confirmed yet by: {shops} (call the shop)"),
    unconfirmed_short: "not confirmed",
    no_stop: "No stop in this round.",
    up: "Up",
    down: "Down",
    up_label: |street| format!("Move the stop {street} up"),
    down_label: |street| format!("Move the stop {street} down"),
    move_to: "To the round",
    move_button: "Move",
    commune_label: "Every address in",
    move_commune: "Move the commune",
    settings: "Rename, change the time or delete",
    save: "Save",
    delete: "Delete the round",
    delete_confirm: |name| {
        format!("Delete the round “{name}”? Its stops go back to the first round.")
    },
    delete_refused: "Volunteers already recorded collections or deliveries on this round: it can no longer be deleted.",
    volunteers: "Volunteers",
    save_volunteers: "Save the volunteers",
    no_volunteer: "No volunteer yet: give the volunteer role to an account in",
    no_phone: "no phone",
    print: "Print the sheets",
    csv: "Download the spreadsheet (CSV)",
    collection_csv: "Collection spreadsheet (CSV)",

    sheets_heading: "Round sheets",
    no_round: "This round does not exist or is not yours.",
    print_button: "Print",
    print_hint: "One A4 page per shop, then each volunteer's drop sheet.",
    back_to_rounds: "Back to the rounds",
    collection_heading: "Collection sheet",
    drop_heading: "Deliveries",
    ready_at: |time| format!("Bags ready at {time}"),
    bags_total: |n| match n {
        1 => "1 bag in all".to_owned(),
        n => format!("{n} bags in all"),
    },
    bags: |n| match n {
        1 => "1 bag".to_owned(),
        n => format!("{n} bags"),
    },
    bags_unknown: "bags not ready yet",
    keep_cold: "Keep cold",
    collected: "Collected",
    delivered: "Delivered",
    failed: "Failed",
    to_collect: "To collect",
    already_paid: "Already paid",
    col_order: "Order",
    col_customer: "Customer",
    col_commune: "Commune",
    col_lines: "Items",
    col_bags: "Bags",
    col_cold: "Cold",
    col_seq: "No.",
    col_address: "Address",
    col_shops: "Shops",
    col_done: "Done",

    my_link: "My round",
    my_heading: "My round",
    my_login: "Log in with your volunteer account to see your round.",
    my_only: "This page is for the association's volunteers.",
    my_none: "No round for you from yesterday to tomorrow.",
    all_sent: "Everything is sent.",
    waiting: |n| match n {
        1 => "1 action waiting to be sent: it will go as soon as the network is back.".to_owned(),
        n => {
            format!("{n} actions waiting to be sent: they will go as soon as the network is back.")
        }
    },
    not_sent: "(waiting to be sent)",
    offline: "No network: what is shown may be a little old.",
    tap_conflict: "This stop had already been recorded by someone else.",
    not_confirmed_warning: |shops| {
        format!(
            "Not confirmed yet by: {shops}. It cannot be marked delivered until the shop \
             confirms it: call the shop before handing it over."
        )
    },
    collect_heading: "To collect",
    call: "Call",
    collect: "Collected",
    collect_label: |shop| format!("Collected at {shop}"),
    collected_done: "Collected",
    deliver: "Delivered",
    fail: "Failed",
    delivered_done: "Delivered",
    failed_done: "Failed",
    choose_payment: "Choose how each shop was paid.",
    confirm_delivered: "Confirm the delivery",
    reason_legend: "Why?",
    reason_nobody_home: "Nobody home",
    reason_refused: "Refused by the customer",
    reason_wrong_address: "Address not found",
    reason_other: "Another reason",
    note_label: "A word for the shop (optional, required for “another reason”)",
    note_needed: "Say what happened.",
    confirm_failed: "Confirm the failure",

    shop_heading: "Deliveries by the volunteers",
    shop_next: "Next round",
    shop_past: "Previous rounds",
    shop_paid: |means, by| format!("Delivered, paid ({means}), collected by {by}"),
    shop_delivered: |by| format!("Delivered by {by}"),
};
