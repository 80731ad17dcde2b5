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

    bo_heading: "Mes commerces",
    bo_login_needed: "Connectez-vous avec le compte de votre commerce pour gérer vos commandes et vos produits.",
    bo_no_shop: "Ce compte ne gère aucun commerce pour l'instant.",
    bo_not_active: "Pas visible sur le site pour l'instant",
    bo_orders_link: "Commandes",
    bo_products_link: "Produits",
    bo_all_shops: "Tous mes commerces",
    bo_orders_heading: "Commandes",
    bo_live: "Les nouvelles commandes s'affichent ici d'elles-mêmes, sans recharger la page.",
    bo_live_lost: "Connexion perdue, nouvelle tentative…",
    bo_sound: "Jouer un son à chaque nouvelle commande",
    bo_no_orders: "Aucune commande pour l'instant.",
    bo_may_call: "Accepte d'être appelé",
    bo_no_call: "Préfère ne pas être appelé",
    bo_customer_note: "Mot du client :",
    bo_confirm: "Confirmer la commande",
    bo_mark_ready: "Marquer prête",
    bo_mark_completed: "Marquer remise au client",
    bo_cancel: "Annuler la commande",
    bo_cancel_reason: "Raison de l'annulation (le client la verra)",
    bo_cancel_confirm: "Confirmer l'annulation",
    bo_paid: "Payée",
    bo_payment_due: "À payer à la remise",
    bo_payment_method: "Moyen de paiement",
    bo_cash: "Espèces",
    bo_card: "Carte bancaire",
    bo_cheque: "Chèque",
    bo_record_payment: "Enregistrer le paiement",
    bo_merchant_note: "Note pour le commerce (ce qui a été convenu au téléphone)",
    bo_save_note: "Enregistrer la note",
    bo_saved: "Enregistré.",
    bo_products_heading: "Produits",
    bo_price: "Prix TTC en euros",
    bo_stock: "Stock (vide : sans limite)",
    bo_save: "Enregistrer",
    bo_draft: "brouillon",
    bo_on_sale: "en vente",
    bo_archived: "archivé",
    bo_bad_price: "Écrivez un prix comme 12,50.",
    bo_bad_stock: "Écrivez un nombre entier, ou laissez vide.",
    bo_back_office_link: "Gérer mon commerce",
    bo_association_link: "Commerces à valider (association)",
    bo_association_heading: "Commerces à valider",
    bo_association_only: "Cette page est réservée aux administrateurs de l'association.",
    bo_none_pending: "Aucun commerce n'attend de validation.",
    bo_approve: "Valider et mettre en ligne",
    bo_approved: "Validé : le commerce est en ligne.",
    bo_print: "Imprimer le bon de commande",
    bo_history: "Historique de la commande",
    bo_history_customer: "le client",
    bo_history_placed: "commande passée",
    bo_history_paid: "paiement enregistré",
    bo_history_note: "note modifiée",
    bo_history_delivery: "tournée de livraison",
    bo_new_order,
    bo_call,
    bo_history_lines_changed: "commande modifiée après appel",
    about: "environ",
    order_changed_heading: "Modifications convenues avec la boutique",
    bo_edit_order: "Modifier la commande",
    bo_edit_quantity: "Quantité",
    bo_edit_variant: "Taille ou variante",
    bo_edit_weight: "Poids pesé (en grammes)",
    bo_edit_remove: "Retirer cette ligne",
    bo_edit_note: "Ce qui a été convenu avec le client",
    bo_edit_save: "Enregistrer les modifications",
    bo_edit_nothing: "Rien n'a changé.",

    // Back-office: product management (issue 5, products part).
    bo_new_product: "Nouveau produit",
    bo_edit_product: "Modifier le produit",
    bo_back_to_products: "Retour aux produits",
    bo_search_label: "Rechercher un produit",
    bo_search_button: "Rechercher",
    bo_status_filter: "Afficher",
    bo_all_statuses: "Tous les produits",
    bo_drafts: "Brouillons",
    bo_all_on_sale: "En vente",
    bo_all_archived: "Archivés",
    bo_no_match: "Aucun produit ne correspond à cette recherche.",
    bo_no_products: "Aucun produit pour l'instant : ajoutez-en un avec « Nouveau produit ».",
    bo_edit: "Modifier",
    bo_publish: "Mettre en vente",
    bo_unpublish: "Retirer de la vente",
    bo_back_to_draft: "Remettre en brouillon",
    bo_archive: "Archiver",
    bo_publish_refused: "Ce produit ne peut pas être mis en vente : il est déjà en vente, ou il est archivé (remettez-le d'abord en brouillon). Rechargez la page pour voir son état.",
    bo_unpublish_refused: "Ce produit est déjà un brouillon. Rechargez la page pour voir son état.",
    bo_archive_refused: "Ce produit est déjà archivé. Rechargez la page pour voir son état.",
    bo_status_now: "C'est fait. Le produit est maintenant :",
    bo_status_heading: "État du produit",
    bo_product_missing: "Ce produit n'existe pas, ou il n'est pas à ce commerce.",
    bo_details_heading: "Description du produit",
    bo_name: "Nom du produit",
    bo_description: "Présentation (facultatif)",
    bo_price_hint: "Par exemple : 12,50",
    bo_vat: "Taux de TVA",
    bo_vat_5_5: "5,5 % (alimentation, livres)",
    bo_vat_20: "20 % (taux normal)",
    bo_vat_10: "10 % (restauration, plats à emporter)",
    bo_vat_2_1: "2,1 % (presse, médicaments remboursés)",
    bo_vat_exempt: "0 % (commerce exonéré de TVA)",
    bo_stock_field: "Stock",
    bo_stock_hint: "Nombre d'unités en magasin. Laissez vide si vous ne les comptez pas.",
    bo_category: "Catégorie",
    bo_choose_category: "Choisissez une catégorie",
    bo_bad_name: "Écrivez un nom de 1 à 120 caractères.",
    bo_bad_description: "La présentation doit faire 5 000 caractères au plus.",
    bo_bad_vat: "Choisissez un taux de TVA de la liste.",
    bo_bad_category: "Choisissez une catégorie dans la liste.",
    bo_create_product: "Créer le produit (brouillon)",
    bo_save_product: "Enregistrer les modifications",
    bo_picture_heading: "Photo",
    bo_picture_generated: "Pas encore de photo : une image est créée automatiquement.",
    bo_picture_choose: "Choisir une nouvelle photo",
    bo_picture_hint: "Photo JPEG, PNG ou WebP, 5 Mo au plus. Elle remplace l'actuelle dès qu'elle est choisie.",
    bo_picture_saved: "Photo enregistrée.",
    bo_picture_removed: "Photo retirée.",
    bo_picture_remove: "Retirer la photo",
    bo_picture_not_image: "Ce fichier n'est pas une photo lisible. Choisissez une photo JPEG, PNG ou WebP.",
    bo_picture_too_big: "Cette photo est trop lourde (plus de 5 Mo). Choisissez-en une plus petite.",
    bo_csv_heading: "Tableur (fichier CSV)",
    bo_csv_intro: "Exportez vos produits pour les modifier dans un tableur, puis importez le fichier.",
    bo_export: "Exporter (CSV)",
    bo_import_label: "Importer un fichier CSV",
    bo_import_hint: "Le fichier est d'abord vérifié : rien ne change avant « Appliquer l'import ».",
    bo_import_apply: "Appliquer l'import",
    bo_import_has_errors: "Des lignes sont à corriger : rien n'a été importé. Corrigez le fichier puis choisissez-le à nouveau.",
    bo_import_file: "Fichier choisi :",
    bo_import_errors_heading: "Lignes à corriger",
    bo_product_count,
    bo_import_would,
    bo_import_done,
    bo_import_error_at,
    bo_import_line,
    // Joining, the shop's profile, API keys, phone orders (back-office, shop part).
    bo_join_link: "Inscrire mon commerce",
    bo_profile_link: "Profil et horaires",
    bo_keys_link: "Clés d'accès (API)",
    bo_phone_link: "Commande par téléphone",
    bo_join_heading: "Inscrire mon commerce",
    bo_join_account_needed: "Pour inscrire votre commerce, créez d'abord votre compte personnel (ou connectez-vous si vous en avez un). Vous reviendrez ensuite ici.",
    bo_join_intro: "Présentez votre commerce. L'association vérifie chaque demande avant de la mettre en ligne ; elle vous appellera si besoin.",
    bo_kind_food: "Alimentation (épicerie, boulangerie, boucherie, producteur…)",
    bo_kind_non_food: "Autres commerces (livres, vêtements, chaussures, artisanat…)",
    bo_kind_restaurant: "Restaurant ou traiteur",
    bo_shop_name: "Nom du commerce",
    bo_shop_kind: "Type de commerce",
    bo_address: "Adresse (numéro et rue)",
    bo_postcode: "Code postal",
    bo_commune: "Commune",
    bo_phone: "Téléphone du commerce",
    bo_email_optional: "E-mail du commerce (facultatif)",
    bo_what_you_sell: "Ce que vous vendez",
    bo_join_send: "Envoyer ma demande",
    bo_join_pending: "Votre commerce attend la validation de l'association. Il n'apparaît pas encore sur le site. Avant qu'elle puisse le valider, indiquez son identité légale (dénomination, SIRET, immatriculation, TVA, responsable) sur son profil, où vous pouvez aussi compléter ses horaires.",
    bo_fix_errors: "Rien n'est encore enregistré : corrigez ce qui est signalé en rouge.",
    bo_not_saved: "La modification n'a pas été enregistrée.",
    bo_error_shop_name: "Écrivez le nom du commerce (2 à 100 caractères).",
    bo_error_kind: "Choisissez le type de commerce.",
    bo_error_address: "Écrivez le numéro et la rue du commerce.",
    bo_error_postcode: "Écrivez un code postal à 5 chiffres, par exemple 30700.",
    bo_error_commune: "Écrivez le nom de la commune.",
    bo_error_description: "Décrivez ce que vous vendez (2 000 caractères au plus).",
    bo_profile_heading: "Profil du commerce",
    bo_public_page: "Voir la page du commerce sur le site",
    bo_shop_description: "Présentation du commerce (ce que vous vendez)",
    bo_hours_heading: "Horaires d'ouverture",
    bo_hours_hint: "Pour chaque jour : fermé, ou une période (9 h 00 – 19 h 00), ou deux avec une pause (9 h 00 – 12 h 30 puis 15 h 00 – 19 h 00). Laissez vides les champs de l'après-midi si vous ne fermez pas à midi.",
    bo_closed_that_day: "Fermé ce jour-là",
    bo_opens: "Ouvre à",
    bo_closes: "Ferme à",
    bo_reopens: "Rouvre à (facultatif)",
    bo_closes_again: "Ferme à (après la pause)",
    bo_error_period_half: "Indiquez l'heure d'ouverture et l'heure de fermeture.",
    bo_error_open_day: "Indiquez les heures de ce jour, ou cochez « Fermé ce jour-là ».",
    bo_error_hours: "Ces horaires ne vont pas : chaque période doit fermer après avoir ouvert, sans chevaucher l'autre.",
    bo_orders_reach: "Retrait, livraison, TVA",
    bo_offered_legend: "Comment vos clients reçoivent leurs commandes",
    bo_offers_pickup: "Retrait en boutique",
    bo_offers_delivery: "Livraison par les bénévoles de l'association",
    bo_error_none_offered: "Gardez au moins une des deux cases : sinon vos clients ne pourraient pas recevoir leurs commandes.",
    bo_shop_vat_exempt: "Micro-entreprise exonérée de TVA",
    bo_food_days: "Livrer aussi les jours de l'alimentation (mardi et vendredi)",
    bo_save_profile: "Enregistrer le profil",
    bo_logo_heading: "Logo",
    bo_logo_choose: "Choisir un nouveau logo",
    bo_logo_hint: "Une photo ou une image JPEG, PNG ou WebP, 5 Mo au plus. Elle est envoyée dès que vous la choisissez.",
    bo_logo_sending: "Envoi du logo…",
    bo_logo_saved: "Nouveau logo enregistré.",
    bo_closed_days_heading: "Jours de fermeture exceptionnelle",
    bo_no_closed_day: "Aucun jour de fermeture prévu.",
    bo_closed_day_date: "Date de fermeture",
    bo_add_closed_day: "Ajouter ce jour",
    bo_reopen: "Retirer",
    bo_error_date: "Choisissez une date.",
    bo_error_already_closed: "Ce jour est déjà dans la liste.",
    bo_error_date_range: "Choisissez une date entre aujourd'hui et deux ans d'ici.",
    bo_keys_heading: "Clés d'accès (API)",
    bo_keys_intro: "Une clé permet à votre caisse ou à votre site de lire et de mettre à jour vos produits et commandes sur Vitrine. Donnez-en une par appareil ; révoquez celle d'un appareil perdu.",
    bo_keys_list: "Vos clés",
    bo_no_keys: "Aucune clé pour l'instant.",
    bo_key_name: "Nom de la clé",
    bo_key_name_hint: "Par exemple : Caisse du magasin",
    bo_error_key_name: "Donnez un nom à la clé (100 caractères au plus).",
    bo_create_key: "Créer la clé",
    bo_key_once: "Copiez cette clé maintenant et gardez-la en lieu sûr : elle ne sera plus jamais affichée. Si vous la perdez, révoquez-la et créez-en une autre.",
    bo_new_key: "Votre nouvelle clé",
    bo_copy: "Copier",
    bo_copied: "Clé copiée.",
    bo_copy_failed: "La copie n'a pas marché : sélectionnez la clé et copiez-la à la main.",
    bo_key_noted: "C'est noté, masquer la clé",
    bo_key_never_used: "Jamais utilisée",
    bo_revoke: "Révoquer",
    bo_revoke_warning: "Cette clé cessera de marcher tout de suite, pour toujours.",
    bo_revoke_confirm: "Oui, révoquer cette clé",
    bo_revoke_keep: "Non, la garder",
    bo_phone_heading: "Commande par téléphone",
    bo_phone_products: "1. Les produits",
    bo_phone_search: "Chercher un produit",
    bo_phone_search_button: "Chercher",
    bo_phone_no_result: "Aucun produit en vente ne correspond.",
    bo_add: "Ajouter",
    bo_remove: "Retirer",
    bo_phone_lines: "2. La commande",
    bo_phone_no_line: "Aucun produit pour l'instant : cherchez-les ci-dessus.",
    bo_error_quantity: "Écrivez une quantité d'au moins 1 pour chaque produit, ou retirez-le.",
    bo_error_no_line: "Ajoutez au moins un produit.",
    bo_phone_customer: "3. Le client",
    bo_customer_name: "Nom du client",
    bo_customer_phone: "Téléphone du client",
    bo_phone_way: "Retrait ou livraison",
    bo_error_way: "Votre commerce ne propose pas ce mode : choisissez l'autre.",
    bo_error_delivery_commune: "Choisissez la commune dans la liste. Si elle n'y est pas, proposez le retrait en boutique.",
    bo_phone_note: "Note (facultatif)",
    bo_error_note: "La note est trop longue.",
    bo_phone_may_call: "Peut être rappelé",
    bo_phone_place: "Enregistrer la commande",
    bo_phone_fix: "La commande n'est pas encore enregistrée : corrigez ce qui est signalé en rouge.",
    bo_phone_stock: "La commande n'est pas enregistrée : il ne reste pas assez d'un produit (voir le détail). Baissez la quantité ou retirez-le.",
    bo_phone_gone: "La commande n'est pas enregistrée : un produit n'est plus en vente. Retirez-le.",
    bo_phone_not_placed: "La commande n'est pas enregistrée.",
    bo_phone_to_inbox: "Voir les commandes",
    bo_phone_another: "Prendre une autre commande",
    bo_join_sent,
    bo_logo_of,
    bo_closed_on,
    bo_reopen_label,
    bo_key_created,
    bo_key_created_on,
    bo_key_used_on,
    bo_key_revoked_on,
    bo_add_named,
    bo_remove_named,
    bo_quantity_of,
    bo_in_stock,
    bo_phone_done,

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

fn bo_new_order(number: &str) -> String {
    format!("Nouvelle commande : {number}")
}

fn bo_call(phone: &str) -> String {
    format!("Appeler le {phone}")
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

// Back-office: product management (issue 5, products part).

fn bo_product_count(count: u64) -> String {
    match count {
        0 => "Aucun produit".to_owned(),
        1 => "1 produit".to_owned(),
        n => format!("{n} produits"),
    }
}

fn bo_import_would(created: u64, updated: u64, unchanged: u64) -> String {
    format!(
        "Le fichier est correct. À créer : {created} ; à modifier : {updated} ; inchangés : {unchanged}. Rien n'a encore changé."
    )
}

fn bo_import_done(created: u64, updated: u64, unchanged: u64) -> String {
    format!("Import appliqué. Créés : {created} ; modifiés : {updated} ; inchangés : {unchanged}.")
}

fn bo_import_error_at(line: u64, field: &str) -> String {
    if field == "ligne" {
        format!("Ligne {line} :")
    } else {
        format!("Ligne {line}, colonne « {field} » :")
    }
}

fn bo_import_line(line: u64, creates: bool) -> String {
    if creates {
        format!("Ligne {line}, nouveau produit :")
    } else {
        format!("Ligne {line}, modifié :")
    }
}

// Joining, the shop's profile, API keys, phone orders (back-office, shop part).

fn bo_join_sent(v: &str) -> String {
    format!("Merci ! La demande pour « {v} » est envoyée.")
}

fn bo_logo_of(v: &str) -> String {
    format!("Logo de {v}")
}

fn bo_closed_on(v: &str) -> String {
    format!("Fermé le {}", dated(v))
}

fn bo_reopen_label(v: &str) -> String {
    format!("Retirer le {}", dated(v))
}

fn bo_key_created(v: &str) -> String {
    format!("Clé « {v} » créée")
}

fn bo_key_created_on(v: &str) -> String {
    format!("Créée le {}", dated(v))
}

fn bo_key_used_on(v: &str) -> String {
    format!("Dernière utilisation le {}", dated(v))
}

fn bo_key_revoked_on(v: &str) -> String {
    format!("Révoquée le {} : ne marche plus", dated(v))
}

fn bo_add_named(v: &str) -> String {
    format!("Ajouter {v}")
}

fn bo_remove_named(v: &str) -> String {
    format!("Retirer {v}")
}

fn bo_quantity_of(v: &str) -> String {
    format!("Quantité : {v}")
}

fn bo_in_stock(v: &str) -> String {
    format!("{v} en stock")
}

fn bo_phone_done(v: &str) -> String {
    format!("Commande {v} enregistrée")
}

/// "mardi 1er décembre 2026" from `YYYY-MM-DD`.
pub(super) fn dated(iso: &str) -> String {
    match iso.get(..4) {
        Some(year) if calendar_date(iso).is_some() => format!("{} {year}", date(iso)),
        _ => iso.to_owned(),
    }
}
