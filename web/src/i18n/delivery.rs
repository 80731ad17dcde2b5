//! Strings of the delivery zone and days: the association's delivery page, and what the
//! basket and checkout say when a shop's basket is below the minimum for delivery.

/// The delivery strings, in one language.
pub struct DeliveryStrings {
    /// Delivery page: heading (also the document's title).
    pub heading: &'static str,
    /// Delivery page: what it is for.
    pub intro: &'static str,
    /// Zone: heading.
    pub zone_heading: &'static str,
    /// Zone: no commune yet.
    pub zone_empty: &'static str,
    /// Zone: a commune of the list (name, postcode).
    pub zone_item: fn(&str, &str) -> String,
    /// Zone: the remove button.
    pub remove: &'static str,
    /// Zone: accessible name of the remove button (the commune).
    pub remove_label: fn(&str) -> String,
    /// Zone: a commune was removed (its name).
    pub removed: fn(&str) -> String,
    /// Search: the field's label.
    pub search_label: &'static str,
    /// Search: the field's hint.
    pub search_hint: &'static str,
    /// Search: the button.
    pub search_button: &'static str,
    /// Search: nothing found.
    pub search_none: &'static str,
    /// Search: how many found, and how many shown (found, shown).
    pub search_count: fn(usize, usize) -> String,
    /// Search: a result (name, postcode, département).
    pub result: fn(&str, &str, &str) -> String,
    /// Search: the add button.
    pub add: &'static str,
    /// Search: accessible name of the add button (name, postcode).
    pub add_label: fn(&str, &str) -> String,
    /// Search: the commune is in the zone already.
    pub in_zone: &'static str,
    /// A commune was added (its name).
    pub added: fn(&str) -> String,
    /// Days: heading.
    pub days_heading: &'static str,
    /// Days: the food shops' weekdays.
    pub food_days: &'static str,
    /// Days: the other shops' weekdays.
    pub non_food_days: &'static str,
    /// Days: restaurants follow the food days if they opt in.
    pub restaurants_hint: &'static str,
    /// Days: the cut-off hour's label.
    pub cut_off: &'static str,
    /// Days: the cut-off hour's hint.
    pub cut_off_hint: &'static str,
    /// An hour of the cut-off list ("18 h").
    pub hour: fn(u8) -> String,
    /// Free delivery: the rule's legend.
    pub free_legend: &'static str,
    /// Free delivery: always.
    pub free_always: &'static str,
    /// Free delivery: from a minimum basket per shop.
    pub free_minimum: &'static str,
    /// Free delivery: the minimum's label.
    pub minimum_label: &'static str,
    /// Free delivery: the minimum's hint.
    pub minimum_hint: &'static str,
    /// Free delivery: the minimum is not an amount.
    pub minimum_error: &'static str,
    /// The save button of the days and the rule.
    pub save: &'static str,
    /// Saved.
    pub saved: &'static str,
    /// Closed days: heading.
    pub closed_heading: &'static str,
    /// Closed days: what they do.
    pub closed_hint: &'static str,
    /// Closed days: none.
    pub closed_none: &'static str,
    /// Closed days: one of the list (YYYY-MM-DD).
    pub closed_on: fn(&str) -> String,
    /// Closed days: the date field's label.
    pub closed_date: &'static str,
    /// Closed days: the add button.
    pub closed_add: &'static str,
    /// Closed days: the remove button.
    pub closed_remove: &'static str,
    /// Closed days: accessible name of the remove button (YYYY-MM-DD).
    pub closed_remove_label: fn(&str) -> String,
    /// Basket and checkout: the shop's basket is below the minimum (minimum, what is missing).
    pub below_minimum: fn(&str, &str) -> String,
    /// Checkout: the shop's basket is below the minimum (shop, minimum, what is missing).
    pub below_minimum_for: fn(&str, &str, &str) -> String,
}

/// French.
pub static FR: DeliveryStrings = DeliveryStrings {
    heading: "Livraison",
    intro: "Les communes où les bénévoles livrent, les jours de tournée et les jours sans livraison. Les changements valent tout de suite pour les paniers ; une commande déjà passée garde sa date.",
    zone_heading: "Communes livrées",
    zone_empty: "Aucune commune pour l’instant : les clients ne peuvent choisir que le retrait en boutique. Cherchez une commune ci-dessous pour l’ajouter.",
    zone_item: |name, postcode| format!("{name} ({postcode})"),
    remove: "Retirer",
    remove_label: |name| format!("Retirer {name} de la zone de livraison"),
    removed: |name| format!("{name} ne fait plus partie de la zone de livraison."),
    search_label: "Ajouter une commune",
    search_hint: "Tapez son nom ou son code postal, par exemple « Saint-Quentin » ou « 30700 ».",
    search_button: "Chercher",
    search_none: "Aucune commune ne correspond. Vérifiez l’orthographe ou essayez le code postal.",
    search_count: |found, shown| {
        if found > shown {
            format!(
                "{found} communes trouvées, les {shown} premières sont affichées : précisez la recherche (ajoutez le département, par exemple « 30 »)."
            )
        } else if found == 1 {
            "1 commune trouvée.".to_owned()
        } else {
            format!("{found} communes trouvées.")
        }
    },
    result: |name, postcode, departement| {
        format!("{name} — {postcode} — département {departement}")
    },
    add: "Ajouter",
    add_label: |name, postcode| format!("Ajouter {name} ({postcode}) à la zone de livraison"),
    in_zone: "Déjà livrée",
    added: |name| format!("{name} fait maintenant partie de la zone de livraison."),
    days_heading: "Jours de livraison",
    food_days: "Commerces alimentaires",
    non_food_days: "Autres commerces",
    restaurants_hint: "Les restaurants qui le souhaitent livrent les jours des commerces alimentaires.",
    cut_off: "Heure limite de commande, la veille",
    cut_off_hint: "Une commande passée après cette heure, la veille d’une tournée, part à la tournée suivante.",
    hour: |hour| format!("{hour} h"),
    free_legend: "Livraison gratuite",
    free_always: "Toujours, quel que soit le montant",
    free_minimum: "À partir d’un montant d’achat par commerce",
    minimum_label: "Montant minimum par commerce, en euros",
    minimum_hint: "En dessous, la commande de ce commerce est à retirer en boutique.",
    minimum_error: "Indiquez un montant entre 0,01 et 1 000 €, par exemple 15 ou 12,50.",
    save: "Enregistrer les jours et la règle",
    saved: "Enregistré. Les paniers proposent les nouvelles dates dès maintenant.",
    closed_heading: "Jours sans livraison",
    closed_hint: "Jours fériés, congés des bénévoles : aucune livraison ce jour-là, les commandes partent à la tournée suivante.",
    closed_none: "Aucun jour sans livraison prévu.",
    closed_on: |iso| format!("Pas de livraison le {}", super::fr::dated(iso)),
    closed_date: "Date sans livraison",
    closed_add: "Ajouter ce jour",
    closed_remove: "Rétablir",
    closed_remove_label: |iso| format!("Rétablir la livraison le {}", super::fr::dated(iso)),
    below_minimum: |minimum, missing| {
        format!(
            "Livraison gratuite à partir de {minimum} d’achat dans ce commerce : ajoutez {missing} pour en profiter, ou retirez votre commande en boutique."
        )
    },
    below_minimum_for: |shop, minimum, missing| {
        format!(
            "{shop} livre à partir de {minimum} d’achat (il manque {missing}) : cette commande sera à retirer en boutique."
        )
    },
};

/// English.
pub static EN: DeliveryStrings = DeliveryStrings {
    heading: "Delivery",
    intro: "The communes the volunteers deliver to, the delivery days and the days without delivery. Changes apply to baskets at once; an order already placed keeps its date.",
    zone_heading: "Communes delivered to",
    zone_empty: "No commune yet: customers can only collect from the shops. Search for a commune below to add it.",
    zone_item: |name, postcode| format!("{name} ({postcode})"),
    remove: "Remove",
    remove_label: |name| format!("Remove {name} from the delivery zone"),
    removed: |name| format!("{name} is no longer in the delivery zone."),
    search_label: "Add a commune",
    search_hint: "Type its name or postcode, for example “Saint-Quentin” or “30700”.",
    search_button: "Search",
    search_none: "No commune matches. Check the spelling or try the postcode.",
    search_count: |found, shown| {
        if found > shown {
            format!(
                "{found} communes found, the first {shown} are shown: narrow the search (add the département, for example “30”)."
            )
        } else if found == 1 {
            "1 commune found.".to_owned()
        } else {
            format!("{found} communes found.")
        }
    },
    result: |name, postcode, departement| {
        format!("{name} — {postcode} — département {departement}")
    },
    add: "Add",
    add_label: |name, postcode| format!("Add {name} ({postcode}) to the delivery zone"),
    in_zone: "Already delivered",
    added: |name| format!("{name} is now in the delivery zone."),
    days_heading: "Delivery days",
    food_days: "Food shops",
    non_food_days: "Other shops",
    restaurants_hint: "Restaurants that wish to deliver do so on the food shops' days.",
    cut_off: "Ordering deadline, the day before",
    cut_off_hint: "An order placed after this hour on the day before a round goes with the next round.",
    hour: |hour| format!("{hour}:00"),
    free_legend: "Free delivery",
    free_always: "Always, whatever the amount",
    free_minimum: "From a minimum purchase per shop",
    minimum_label: "Minimum per shop, in euros",
    minimum_hint: "Below it, that shop's order is collected from the shop.",
    minimum_error: "Give an amount from 0.01 to 1,000 €, for example 15 or 12.50.",
    save: "Save the days and the rule",
    saved: "Saved. Baskets offer the new dates from now on.",
    closed_heading: "Days without delivery",
    closed_hint: "Public holidays, volunteers' holidays: no delivery that day, orders go with the next round.",
    closed_none: "No day without delivery planned.",
    closed_on: |iso| format!("No delivery on {}", super::en::dated(iso)),
    closed_date: "Date without delivery",
    closed_add: "Add this day",
    closed_remove: "Restore",
    closed_remove_label: |iso| format!("Restore delivery on {}", super::en::dated(iso)),
    below_minimum: |minimum, missing| {
        format!(
            "Free delivery from {minimum} of purchases in this shop: add {missing} to get it, or collect your order from the shop."
        )
    },
    below_minimum_for: |shop, minimum, missing| {
        format!(
            "{shop} delivers from {minimum} of purchases ({missing} short): this order will be collected from the shop."
        )
    },
};
