//! French strings, the default language.

use super::Strings;

/// Every interface string in French.
pub static STRINGS: Strings = Strings {
    lang_short: "FR",
    lang_name: "version française",

    site_name: "Vitrine",
    site_tagline: "les commerces d'Uzès",
    skip_to_content: "Aller au contenu",
    nav_label: "Menu principal",
    nav_home: "Accueil",
    nav_catalogue: "Catalogue",

    home_title: "Vitrine — commerces d'Uzès",
    home_heading: "Achetez chez vos commerçants d'Uzès",
    home_intro: "Vitrine rassemble les boutiques, artisans, producteurs et restaurants \
        d'Uzès et des villages alentour. Un seul panier pour tous vos achats, quel que soit \
        le commerce.",
    way_delivery: "Livraison gratuite",
    way_delivery_text: "Chez vous, par les bénévoles de l'association : le mardi et le \
        vendredi pour l'alimentation, le jeudi pour les autres commerces.",
    way_pickup: "Retrait en boutique",
    way_pickup_text: "Vous passez prendre votre commande aux heures d'ouverture.",
    way_payment: "Paiement sur place",
    way_payment_text: "Vous payez à la livraison ou au retrait : rien à payer en ligne.",
    categories_heading: "Les rayons",
    categories_empty: "Aucun rayon pour le moment.",
    shops_heading: "Les commerces",
    shops_empty: "Aucun commerce pour le moment.",
    product_count,
    shop_count,

    kind_food: "Alimentation",
    kind_non_food: "Commerce",
    kind_restaurant: "Restaurant",

    loading: "Chargement…",
    error_heading: "Un problème est survenu",
    error_network: "Impossible de joindre Vitrine. Vérifiez votre connexion à internet, \
        puis réessayez.",
    error_decode: "Vitrine a reçu une réponse inattendue. Réessayez dans un instant.",
    error_reference: "Référence à communiquer :",
    retry: "Réessayer",

    catalogue_heading: "Catalogue — bientôt",
    catalogue_text: "Le catalogue des produits arrive bientôt. En attendant, retrouvez \
        tous les commerces sur la page d'accueil.",
    not_found_heading: "Page introuvable",
    not_found_text: "Cette page n'existe pas, ou son adresse a changé.",
    back_home: "Retour à l'accueil",

    footer_about: "Vitrine est un logiciel libre, mis en place par l'association \
        des commerçants d'Uzès.",
    footer_delivery: "Livraisons gratuites : mardi et vendredi pour l'alimentation, \
        jeudi pour les autres commerces.",
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
