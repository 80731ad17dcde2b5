//! French strings, the default language.

use super::{Strings, calendar_date, marketplace};

/// Every interface string in French.
pub static STRINGS: Strings = Strings {
    problems: &super::problems::FR,
    seller: &super::seller::FR,
    lang_short: "FR",
    lang_name: "version française",

    site_name: "Vitrine",
    skip_to_content: "Aller au contenu",
    nav_label: "Menu principal",
    nav_home: "Accueil",
    nav_catalogue: "Catalogue",
    nav_shops: "Commerces",

    way_delivery: "Livraison gratuite",
    way_delivery_text: "Chez vous, par les bénévoles de l'association : le mardi et le \
        vendredi pour l'alimentation, le jeudi pour les autres commerces.",
    way_pickup: "Retrait en boutique",
    way_pickup_text: "Vous passez prendre votre commande aux heures d'ouverture.",
    way_payment: "Paiement sur place",
    way_payment_text: "Vous payez à la livraison ou au retrait : rien à payer en ligne.",
    categories_heading: "Les rayons",
    categories_empty: "Aucun rayon pour le moment.",
    shops_heading: shared::french::headings::SHOPS,
    shops_empty: "Aucun commerce pour le moment.",
    home_all_shops: "Choisir un commerce par type ou par commune",
    product_count,
    shop_count,

    kind_food: "Alimentation",
    kind_non_food: "Commerce",
    kind_restaurant: "Restaurant",

    search_label: "Rechercher un produit ou un commerce",
    search_hint: "Par exemple : miel, pain, chaussures, librairie.",
    search_button: "Rechercher",

    loading: "Chargement…",
    error_heading: "Un problème est survenu",
    error_network: "Impossible de joindre Vitrine. Vérifiez votre connexion à internet, \
        puis réessayez.",
    error_decode: "Vitrine a reçu une réponse inattendue. Réessayez dans un instant.",
    error_reference: "Référence à communiquer :",
    retry: "Réessayer",

    catalogue_heading: shared::french::headings::CATALOGUE,
    results_heading,
    filters_summary: "Filtrer par rayon, commerce ou prix",
    filters_active,
    filter_category: "Rayon",
    all_categories: "Tous les rayons",
    filter_shop: "Commerce",
    all_shops: "Tous les commerces",
    price_legend: "Prix, en euros",
    price_min: "Prix minimum",
    price_max: "Prix maximum",
    price_hint: "Par exemple : 12,50",
    price_invalid: "Écrivez un prix en euros, par exemple 12,50.",
    price_order: "Le prix maximum doit être égal ou supérieur au prix minimum.",
    in_stock_only: "En stock uniquement",
    apply_filters: "Afficher les produits",
    sort_label: "Trier par",
    sort_relevance: "Pertinence",
    sort_price_asc: "Prix croissant",
    sort_price_desc: "Prix décroissant",
    sort_newest: "Nouveautés",
    sort_name: "Nom",
    clear_filters: "Effacer les filtres",
    no_products: "Aucun produit ne correspond à votre choix.",
    no_products_hint: "Essayez un autre mot, un autre rayon ou d'autres prix, ou effacez \
        les filtres pour voir tout le catalogue.",
    unknown_filter: "Ce rayon ou ce commerce n'existe pas, ou n'est plus sur Vitrine.",
    page_empty: "Cette page est vide : la liste est plus courte.",
    first_page: "Aller à la première page",
    pagination_label: "Pages des résultats",
    previous: "Précédent",
    next: "Suivant",
    page_of,

    stock_in_stock: "En stock",
    stock_low: "Plus que quelques-uns",
    stock_out: "Épuisé",
    stock_untracked: "Disponible",

    price_tax_included: "TTC",
    price_from: "à partir de",
    about: "environ",
    weighed_note: "le prix exact est fixé à la pesée",
    variant_choose: "Choisissez",
    variant_sold_out: "épuisé",
    sold_by: "Vendu par",
    category_label: "Rayon",
    quantity: "Quantité",
    quantity_less: "Un de moins",
    quantity_more: "Un de plus",
    quantity_max,
    add_to_basket: "Ajouter au panier",
    out_of_stock_text: "Ce produit est épuisé pour le moment. Le commerce peut vous dire \
        quand il en aura de nouveau.",
    product_not_found_heading: shared::french::headings::PRODUCT_NOT_FOUND,
    product_not_found_text: "Ce produit n'existe pas, ou il n'est plus en vente.",
    to_catalogue: "Voir le catalogue",

    filter_kind: "Type de commerce",
    kind_all: "Tous",
    kind_food_plural: "Alimentation",
    kind_non_food_plural: "Commerces",
    kind_restaurant_plural: "Restaurants",
    filter_commune: "Commune",
    all_communes: "Toutes les communes",
    delivers_only: "Livraison à domicile uniquement",
    no_shops: "Aucun commerce ne correspond à votre choix.",

    shop_not_found_heading: shared::french::headings::SHOP_NOT_FOUND,
    shop_not_found_text: "Ce commerce n'existe pas, ou il n'est plus sur Vitrine.",
    to_shops: "Voir tous les commerces",
    contact_heading: "Adresse et contact",
    call: "Appeler le",
    write_email: "Écrire à",
    hours_heading: "Horaires d'ouverture",
    closed: "Fermé",
    today: "aujourd'hui",
    weekdays: shared::french::WEEKDAYS,
    time,
    ways_heading: "Retrait et livraison",
    pickup_yes: "Retrait en boutique, aux heures d'ouverture.",
    pickup_no: "Pas de retrait en boutique.",
    delivery_on,
    delivery_yes: "Livraison gratuite à domicile.",
    delivery_no: "Pas de livraison à domicile.",
    shop_products_heading: "Ses produits",
    shop_products_empty: "Ce commerce n'a pas encore de produit en ligne.",
    shop_in_catalogue: "Chercher ou trier ses produits",

    nav_basket: "Panier",
    basket_units,
    basket_none: ", vide",
    adding: "Ajout en cours…",
    added_to_basket: "Ajouté au panier.",
    see_basket: "Voir le panier",
    not_enough_stock: "Il n'en reste pas assez en stock pour en prendre autant.",
    basket_heading: "Votre panier",
    basket_empty: "Votre panier est vide.",
    basket_empty_hint: "Choisissez des produits dans le catalogue, puis ajoutez-les au panier.",
    each: "l'unité",
    quantity_of,
    less_of,
    more_of,
    remove: "Retirer",
    line_total: "Total :",
    subtotal: "Sous-total",
    total: "Total à payer",
    unavailable: "Ce produit n'est plus disponible : retirez-le pour commander.",
    delivery_date,
    pickup_date,
    order_button: "Commander",
    checkout_heading: "Commander",
    step_contact: "1. Vos coordonnées",
    name_label: "Nom et prénom",
    phone_label: "Téléphone",
    phone_hint: "Par exemple : 04 66 22 12 34",
    email_label: "Adresse e-mail (facultatif)",
    may_call: "Le commerçant peut m'appeler",
    step_way: "2. Livraison ou retrait",
    way_legend: "Comment recevoir vos achats ?",
    choose_delivery: "Livraison gratuite à domicile",
    choose_pickup: "Retrait en boutique",
    no_delivery_for,
    no_pickup_for,
    street_label: "Numéro et rue",
    commune_choose: "Choisissez votre commune",
    delivery_area: "Les bénévoles livrent les communes de cette liste.",
    step_confirm: "3. Vérifiez et validez",
    pay_on_delivery: "Paiement à la livraison",
    pay_on_pickup: "Paiement au retrait",
    place_order: "Valider la commande",
    placing: "Envoi de la commande…",
    fix_errors: "Votre commande n'est pas encore passée : corrigez ce qui est signalé en rouge.",
    basket_changed: "Votre panier a changé depuis que vous l'avez vu. Vérifiez-le ci-dessous, puis validez à nouveau.",
    error_name: "Écrivez votre nom (100 caractères au plus).",
    error_phone: "Écrivez un numéro de téléphone à 10 chiffres, par exemple 04 66 22 12 34.",
    error_email: "Écrivez une adresse e-mail comme jeanne@exemple.fr, ou laissez ce champ vide.",
    error_street: "Écrivez le numéro et la rue où livrer.",
    error_commune: "Choisissez votre commune dans la liste. Si elle n'y est pas, choisissez le retrait en boutique.",
    confirmation_heading: "Merci ! Votre commande est enregistrée",
    confirmation_intro: "Chaque commerce prépare sa part. Il peut vous appeler pour une question. Gardez cette page ou les liens de suivi ci-dessous.",
    order_number,
    track_link: "Suivre cette commande",
    status_label: "État :",
    status_placed: "reçue, le commerce va la confirmer",
    status_confirmed: "confirmée par le commerce, en préparation",
    status_ready: "prête",
    status_completed: "remise, merci !",
    status_cancelled: "annulée",
    track_heading: "Suivi de votre commande",
    track_not_found_heading: "Commande introuvable",
    track_not_found_text: "Ce lien de suivi ne correspond à aucune commande. Vérifiez qu'il est complet.",

    nav_login: "Se connecter",
    nav_account: "Mon compte",
    login_heading: "Se connecter",
    login_intro: "Avec un compte, vous retrouvez vos commandes et votre panier d'un appareil à l'autre. Vous pouvez aussi commander sans compte.",
    account_email_label: "Adresse e-mail",
    password_label: "Mot de passe",
    password_hint: "12 caractères au moins. Une phrase facile à retenir convient très bien.",
    login_button: "Se connecter",
    login_sending: "Connexion…",
    fix_account_errors: "Le compte n'est pas encore créé : corrigez ce qui est signalé en rouge.",
    login_failed: "Adresse e-mail ou mot de passe incorrect.",
    login_locked: "Trop d'essais manqués. Attendez un quart d'heure, puis réessayez.",
    no_account: "Pas encore de compte ?",
    register_link: "Créer un compte",
    register_heading: "Créer un compte",
    register_button: "Créer mon compte",
    register_sending: "Création du compte…",
    email_taken: "Un compte existe déjà avec cette adresse e-mail. Connectez-vous avec elle.",
    have_account: "Vous avez déjà un compte ?",
    login_link: "Se connecter",
    error_password: "Le mot de passe doit compter de 12 à 128 caractères.",
    error_account_email: "Écrivez une adresse e-mail comme jeanne@exemple.fr.",
    my_orders_heading: "Mes commandes",
    my_orders_none: "Vous n'avez pas encore passé de commande avec ce compte.",
    my_orders_login: "Connectez-vous pour voir vos commandes.",
    logout_button: "Se déconnecter",
    checkout_have_account: "Vous avez un compte ? Vos commandes y seront gardées.",
    problem_invalid: "Une information ne convient pas. Vérifiez ce que vous avez saisi.",
    problem_gone: "Ce que vous demandez n'existe plus, ou n'est plus en vente.",
    problem_conflict: "Quelque chose a changé entre-temps (prix, stock ou état). Rechargez la page pour voir la situation à jour.",
    problem_session: "Votre session a pris fin : reconnectez-vous.",
    problem_busy: "Trop d'essais d'affilée. Attendez quelques minutes, puis réessayez.",
    problem_server: "Vitrine a un problème passager. Réessayez dans un instant.",
    server_said: "Détail technique :",
    account_of,
    checkout_signed_in,
    shop_note_label,

    order_changed_heading: "Modifications convenues avec la boutique",

    // Back-office: product management (issue 5, products part).
    // Joining, the shop's profile, API keys, phone orders (back-office, shop part).
    not_found_heading: "Page introuvable",
    not_found_text: "Cette page n'existe pas, ou son adresse a changé.",
    back_home: "Retour à l'accueil",

    footer_delivery: "Livraisons gratuites : mardi et vendredi pour l'alimentation, \
        jeudi pour les autres commerces.",
    footer_visits: "Mesure d'audience sans cookie : ce site compte les pages vues et les \
        visiteurs de chaque jour, sans garder votre adresse IP ni votre navigateur, et ne \
        transmet rien à personne. Si votre navigateur demande à ne pas être suivi (Do Not \
        Track ou GPC), vous n'êtes pas compté.",
    footer_no_visits: "Aucune visite n'est comptée : ce site ne mesure pas son audience.",

    marketplace: &marketplace::FR,
};

/// French counts 0 and 1 in the singular.
fn product_count(count: u64) -> String {
    if count < 2 {
        format!("{count} produit")
    } else {
        format!("{count} produits")
    }
}

fn shop_count(count: u64) -> String {
    if count < 2 {
        format!("{count} commerce")
    } else {
        format!("{count} commerces")
    }
}

fn results_heading(count: u64, search: Option<&str>) -> String {
    match search {
        Some(search) => format!("{} pour « {search} »", product_count(count)),
        None => product_count(count),
    }
}

fn filters_active(count: usize) -> String {
    if count < 2 {
        format!("{count} filtre choisi")
    } else {
        format!("{count} filtres choisis")
    }
}

fn page_of(page: u32, count: u32) -> String {
    format!("Page {page} sur {count}")
}

fn quantity_max(max: u32) -> String {
    format!("{max} au maximum")
}

/// "09:00" -> "9 h 00"; anything else unchanged.
fn time(hh_mm: &str) -> String {
    match hh_mm.split_once(':') {
        Some((hours, minutes)) => {
            let hours = hours.trim_start_matches('0');
            let hours = if hours.is_empty() { "0" } else { hours };
            format!("{hours}\u{a0}h\u{a0}{minutes}")
        }
        None => hh_mm.to_owned(),
    }
}

/// "Livraison gratuite le mardi et le vendredi."
fn delivery_on(weekdays: &[u8]) -> String {
    let days: Vec<String> = weekdays
        .iter()
        .filter_map(|day| STRINGS.weekdays.get(usize::from(*day).checked_sub(1)?))
        .map(|name| format!("le {name}"))
        .collect();
    match days.as_slice() {
        [] => STRINGS.delivery_yes.to_owned(),
        [one] => format!("Livraison gratuite {one}."),
        [first @ .., last] => format!("Livraison gratuite {} et {last}.", first.join(", ")),
    }
}

fn basket_units(count: i64) -> &'static str {
    if count < 2 { " article" } else { " articles" }
}

fn quantity_of(name: &str) -> String {
    format!("Quantité de {name}")
}

fn less_of(name: &str) -> String {
    format!("Un de moins : {name}")
}

fn more_of(name: &str) -> String {
    format!("Un de plus : {name}")
}

/// "mardi 1er décembre"; the ISO text itself if it is not a date.
pub(super) fn date(iso: &str) -> String {
    let Some((day, month, weekday)) = calendar_date(iso) else {
        return iso.to_owned();
    };
    shared::french::long_date(weekday, day, u32::try_from(month).unwrap_or_default())
}

fn delivery_date(iso: &str) -> String {
    format!("Livraison gratuite le {}", date(iso))
}

fn pickup_date(iso: &str) -> String {
    format!("Retrait en boutique dès le {}", date(iso))
}

fn no_delivery_for(shop: &str) -> String {
    format!("{shop} ne livre pas à domicile : cette commande sera à retirer en boutique.")
}

fn no_pickup_for(shop: &str) -> String {
    format!("{shop} ne fait pas de retrait en boutique : cette commande vous sera livrée.")
}

fn order_number(number: &str) -> String {
    format!("Commande {number}")
}

fn account_of(name: &str) -> String {
    format!("Compte de {name}")
}

fn checkout_signed_in(name: &str) -> String {
    format!("Vous commandez avec le compte de {name} : vos commandes y seront gardées.")
}

fn shop_note_label(shop: &str) -> String {
    format!("Un mot pour {shop} (facultatif)")
}

// Back-office: product management (issue 5, products part).

// Joining, the shop's profile, API keys, phone orders (back-office, shop part).

/// "mardi 1er décembre 2026" from `YYYY-MM-DD`.
pub(super) fn dated(iso: &str) -> String {
    match iso.get(..4) {
        Some(year) if calendar_date(iso).is_some() => format!("{} {year}", date(iso)),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_the_french_way() {
        assert_eq!(time("09:00"), "9\u{a0}h\u{a0}00");
        assert_eq!(time("12:30"), "12\u{a0}h\u{a0}30");
        assert_eq!(time("00:15"), "0\u{a0}h\u{a0}15");
    }

    #[test]
    fn dates_read_the_french_way() {
        assert_eq!(
            delivery_date("2026-12-01"),
            "Livraison gratuite le mardi 1er décembre"
        );
        assert_eq!(
            pickup_date("2026-11-30"),
            "Retrait en boutique dès le lundi 30 novembre"
        );
        assert_eq!(date("demain"), "demain");
        assert_eq!(basket_units(3), " articles");
        assert_eq!(basket_units(1), " article");
    }

    #[test]
    fn delivery_days_read_as_a_sentence() {
        assert_eq!(delivery_on(&[4]), "Livraison gratuite le jeudi.");
        assert_eq!(
            delivery_on(&[2, 5]),
            "Livraison gratuite le mardi et le vendredi."
        );
        assert_eq!(
            delivery_on(&[2, 4, 5]),
            "Livraison gratuite le mardi, le jeudi et le vendredi."
        );
        assert_eq!(delivery_on(&[]), "Livraison gratuite à domicile.");
    }
}
