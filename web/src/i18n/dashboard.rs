//! Strings of the association's dashboard (issue 13), in French and English.

use shared::stats::StatsInterval;

/// The dashboard's strings, in one language.
pub struct DashboardStrings {
    /// The association's navigation: the dashboard's link.
    pub nav: &'static str,
    /// Heading (also the document's title).
    pub heading: &'static str,
    /// What the page is for.
    pub intro: &'static str,
    /// The period picker.
    pub period: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub by: &'static str,
    pub by_day: &'static str,
    pub by_week: &'static str,
    pub by_month: &'static str,
    pub show: &'static str,
    /// Shortcuts: the last 7 days, 30 days, 12 months.
    pub last_7_days: &'static str,
    pub last_30_days: &'static str,
    pub last_12_months: &'static str,
    /// "du 1er au 7 décembre": the period shown.
    pub showing: fn(&str, &str) -> String,
    /// A tile's CSV download button.
    pub csv: &'static str,
    /// The table beside a chart (its caption says what it holds).
    pub figures_of: &'static str,
    /// Orders tile.
    pub orders_heading: &'static str,
    pub orders: &'static str,
    pub cancelled: &'static str,
    pub value: &'static str,
    pub total: &'static str,
    /// The orders chart's accessible name.
    pub orders_chart: &'static str,
    /// Shops tile.
    pub shops_heading: &'static str,
    pub shop: &'static str,
    /// Baskets tile.
    pub baskets_heading: &'static str,
    pub baskets: &'static str,
    pub multi_shop: &'static str,
    pub median_basket: &'static str,
    /// "35 % des paniers réunissent plusieurs commerces".
    pub multi_shop_sentence: fn(u32, u32) -> String,
    /// Fulfilment tile.
    pub fulfilment_heading: &'static str,
    pub deliveries: &'static str,
    pub pickups: &'static str,
    pub commune: &'static str,
    pub rounds: &'static str,
    pub round: &'static str,
    pub stops: &'static str,
    pub delivered: &'static str,
    pub failed: &'static str,
    /// Confirmation tile.
    pub confirmation_heading: &'static str,
    /// What the tile counts.
    pub confirmation_intro: &'static str,
    pub median_delay: &'static str,
    /// "Non confirmées après 2 h".
    pub unconfirmed_after: fn(u32) -> String,
    /// "3 sur 12".
    pub out_of: fn(u32, u32) -> String,
    pub still_unconfirmed: &'static str,
    /// A duration in minutes, in words ("1 h 05").
    pub minutes: fn(i64) -> String,
    /// Cancellations tile.
    pub cancellations_heading: &'static str,
    pub reason: &'static str,
    pub cancelled_by: &'static str,
    pub by_customer: &'static str,
    pub by_shop: &'static str,
    pub by_system: &'static str,
    pub auto_released: &'static str,
    pub no_reason: &'static str,
    /// Quiet shops tile.
    pub quiet_heading: &'static str,
    pub quiet_intro: &'static str,
    pub products_on_sale: &'static str,
    pub last_order: &'static str,
    pub never: &'static str,
    pub no_product: &'static str,
    pub no_recent_order: &'static str,
    /// Searches tile.
    pub searches_heading: &'static str,
    pub searches_intro: &'static str,
    pub top_searches: &'static str,
    pub top_empty: &'static str,
    pub query: &'static str,
    pub searches: &'static str,
    pub results: &'static str,
    /// "140 recherches, dont 12 sans résultat".
    pub searches_total: fn(u32, u32) -> String,
    /// A tile with nothing to show.
    pub nothing: &'static str,
    /// Visits tile (issue 13).
    pub visits_heading: &'static str,
    pub visits_intro: &'static str,
    /// Counting is off on this server (`--no-visit-count`).
    pub visits_off: &'static str,
    pub page_views: &'static str,
    pub visitors: &'static str,
    pub flyer_visits: &'static str,
    pub visits_chart: &'static str,
    pub page_type: &'static str,
    pub visits_by_page: &'static str,
    /// "8 000 pages vues · 250 visiteurs · 6 venus du dépliant".
    pub visits_total: fn(u64, u64, u64) -> String,
    /// A page type's name (`home`, `catalogue`...).
    pub page_name: fn(&str) -> &'static str,
}

fn interval_fr(by: StatsInterval) -> &'static str {
    match by {
        StatsInterval::Day => "Jour",
        StatsInterval::Week => "Semaine du",
        StatsInterval::Month => "Mois",
    }
}

fn interval_en(by: StatsInterval) -> &'static str {
    match by {
        StatsInterval::Day => "Day",
        StatsInterval::Week => "Week of",
        StatsInterval::Month => "Month",
    }
}

impl DashboardStrings {
    /// The heading of a chart's first column.
    pub fn interval(&self, by: StatsInterval) -> &'static str {
        if std::ptr::eq(self, &EN) {
            interval_en(by)
        } else {
            interval_fr(by)
        }
    }
}

fn percent(part: u32, whole: u32) -> u64 {
    (u64::from(part) * 100 + u64::from(whole) / 2)
        .checked_div(u64::from(whole))
        .unwrap_or(0)
}

fn hours_minutes(minutes: i64, hour: &str, minute: &str) -> String {
    if minutes < 60 {
        format!("{minutes} {minute}")
    } else {
        format!("{} {hour} {:02}", minutes / 60, minutes % 60)
    }
}

/// In French.
pub static FR: DashboardStrings = DashboardStrings {
    nav: "Tableau de bord",
    heading: "Tableau de bord",
    intro: "Les chiffres de la place de marché sur une période, pour suivre son usage et préparer l'assemblée générale. Chaque tableau se télécharge pour un tableur.",
    period: "Période",
    from: "Du",
    to: "Au (inclus)",
    by: "Regrouper par",
    by_day: "jour",
    by_week: "semaine",
    by_month: "mois",
    show: "Afficher",
    last_7_days: "7 derniers jours",
    last_30_days: "30 derniers jours",
    last_12_months: "12 derniers mois",
    showing: |from, to| format!("Du {} au {}", super::fr::date(from), super::fr::date(to)),
    csv: "Télécharger (CSV)",
    figures_of: "Les chiffres du graphique",
    orders_heading: "Commandes",
    orders: "Commandes",
    cancelled: "Annulées",
    value: "Montant",
    total: "Total",
    orders_chart: "Commandes par période",
    shops_heading: "Commandes par commerce",
    shop: "Commerce",
    baskets_heading: "Paniers",
    baskets: "Paniers",
    multi_shop: "De plusieurs commerces",
    median_basket: "Panier médian",
    multi_shop_sentence: |part, whole| {
        format!(
            "{} % des paniers réunissent plusieurs commerces ({part} sur {whole}).",
            percent(part, whole)
        )
    },
    fulfilment_heading: "Livraisons et retraits",
    deliveries: "Livraisons",
    pickups: "Retraits en boutique",
    commune: "Commune",
    rounds: "Tournées",
    round: "Tournée",
    stops: "Arrêts",
    delivered: "Livrées",
    failed: "Échecs",
    confirmation_heading: "Délai de confirmation des commerces",
    confirmation_intro: "Combien de commandes attendaient encore la confirmation de leur commerce 2, 6 et 24 heures après avoir été passées (parmi celles passées depuis assez longtemps).",
    median_delay: "Délai médian",
    unconfirmed_after: |hours| format!("Non confirmées après {hours} h"),
    out_of: |part, whole| format!("{part} sur {whole}"),
    still_unconfirmed: "Encore en attente",
    minutes: |minutes| hours_minutes(minutes, "h", "min"),
    cancellations_heading: "Annulations",
    reason: "Raison",
    cancelled_by: "Par",
    by_customer: "le client",
    by_shop: "le commerce",
    by_system: "Vitrine",
    auto_released: "Non confirmée à temps",
    no_reason: "Sans raison",
    quiet_heading: "Commerces à aider",
    quiet_intro: "Les commerces en ligne sans produit en vente, ou sans commande depuis 30 jours (aujourd'hui, quelle que soit la période).",
    products_on_sale: "Produits en vente",
    last_order: "Dernière commande",
    never: "jamais",
    no_product: "Aucun produit en vente",
    no_recent_order: "Pas de commande depuis 30 jours",
    searches_heading: "Recherches",
    searches_intro: "Ce que les visiteurs cherchent dans le catalogue, sans rien garder de qui cherche (mots en minuscules et sans accents).",
    top_searches: "Les plus fréquentes",
    top_empty: "Sans résultat : ce que la ville cherche et qu'aucun commerce ne propose",
    query: "Recherche",
    searches: "Fois",
    results: "Résultats",
    searches_total: |all, empty| format!("{all} recherches, dont {empty} sans résultat"),
    nothing: "Rien sur cette période.",
    visits_heading: "Visites",
    visits_intro: "Les pages vues du site public et ses visiteurs, comptés sans cookie et sans garder d'adresse : un visiteur n'est reconnu que dans la journée, donc celui qui revient un autre jour compte à nouveau. « Dépliant » : les visiteurs venus par un QR code de l'annuaire imprimé.",
    visits_off: "Ce serveur ne compte pas les visites (option --no-visit-count).",
    page_views: "Pages vues",
    visitors: "Visiteurs",
    flyer_visits: "Venus du dépliant",
    visits_chart: "Visiteurs par période",
    page_type: "Page",
    visits_by_page: "Par type de page",
    visits_total: |views, visitors, flyer| {
        format!("{views} pages vues · {visitors} visiteurs · {flyer} venus du dépliant")
    },
    page_name: |page| match page {
        "home" => "Accueil",
        "catalogue" => "Catalogue",
        "product" => "Produit",
        "shop" => "Commerce",
        "shops" => "Liste des commerces",
        "basket" => "Panier",
        "checkout" => "Commande",
        _ => "Autre",
    },
};

/// In English.
pub static EN: DashboardStrings = DashboardStrings {
    nav: "Dashboard",
    heading: "Dashboard",
    intro: "The marketplace's figures over a period, to follow its use and prepare the general assembly. Every table downloads for a spreadsheet.",
    period: "Period",
    from: "From",
    to: "To (included)",
    by: "Group by",
    by_day: "day",
    by_week: "week",
    by_month: "month",
    show: "Show",
    last_7_days: "Last 7 days",
    last_30_days: "Last 30 days",
    last_12_months: "Last 12 months",
    showing: |from, to| format!("From {} to {}", super::en::date(from), super::en::date(to)),
    csv: "Download (CSV)",
    figures_of: "The chart's figures",
    orders_heading: "Orders",
    orders: "Orders",
    cancelled: "Cancelled",
    value: "Value",
    total: "Total",
    orders_chart: "Orders per period",
    shops_heading: "Orders per shop",
    shop: "Shop",
    baskets_heading: "Baskets",
    baskets: "Baskets",
    multi_shop: "From several shops",
    median_basket: "Median basket",
    multi_shop_sentence: |part, whole| {
        format!(
            "{} % of baskets gather several shops ({part} of {whole}).",
            percent(part, whole)
        )
    },
    fulfilment_heading: "Deliveries and pickups",
    deliveries: "Deliveries",
    pickups: "Pickups at the shop",
    commune: "Commune",
    rounds: "Rounds",
    round: "Round",
    stops: "Stops",
    delivered: "Delivered",
    failed: "Failed",
    confirmation_heading: "How fast shops confirm",
    confirmation_intro: "How many orders were still waiting for their shop's confirmation 2, 6 and 24 hours after they were placed (of those placed long enough ago).",
    median_delay: "Median delay",
    unconfirmed_after: |hours| format!("Unconfirmed after {hours} h"),
    out_of: |part, whole| format!("{part} of {whole}"),
    still_unconfirmed: "Still waiting",
    minutes: |minutes| hours_minutes(minutes, "h", "min"),
    cancellations_heading: "Cancellations",
    reason: "Reason",
    cancelled_by: "By",
    by_customer: "the customer",
    by_shop: "the shop",
    by_system: "Vitrine",
    auto_released: "Not confirmed in time",
    no_reason: "No reason",
    quiet_heading: "Shops to help",
    quiet_intro: "Online shops with no product on sale, or no order for 30 days (today, whatever the period).",
    products_on_sale: "Products on sale",
    last_order: "Last order",
    never: "never",
    no_product: "No product on sale",
    no_recent_order: "No order for 30 days",
    searches_heading: "Searches",
    searches_intro: "What visitors search the catalogue for, keeping nothing about who searches (words in lower case, without accents).",
    top_searches: "Most frequent",
    top_empty: "Found nothing: what the town looks for and no shop offers",
    query: "Search",
    searches: "Times",
    results: "Results",
    searches_total: |all, empty| format!("{all} searches, {empty} of them found nothing"),
    nothing: "Nothing in this period.",
    visits_heading: "Visits",
    visits_intro: "Pages viewed on the public site and its visitors, counted without cookies and without keeping any address: a visitor is recognised within one day only, so one who comes back another day counts again. \"Flyer\": visitors who came through a QR code of the printed directory.",
    visits_off: "This server does not count visits (option --no-visit-count).",
    page_views: "Page views",
    visitors: "Visitors",
    flyer_visits: "From the flyer",
    visits_chart: "Visitors per period",
    page_type: "Page",
    visits_by_page: "By type of page",
    visits_total: |views, visitors, flyer| {
        format!("{views} page views · {visitors} visitors · {flyer} from the flyer")
    },
    page_name: |page| match page {
        "home" => "Home",
        "catalogue" => "Catalogue",
        "product" => "Product",
        "shop" => "Shop",
        "shops" => "List of shops",
        "basket" => "Basket",
        "checkout" => "Checkout",
        _ => "Other",
    },
};
