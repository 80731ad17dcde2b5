//! Strings of a product's sizes, jars and cuts in the back-office (issue 14).

/// The strings, in one language.
pub struct VariantsStrings {
    /// The section's heading.
    pub heading: &'static str,
    /// What the section is for.
    pub intro: &'static str,
    /// A variant without a name (a product without sizes).
    pub unnamed: &'static str,
    /// Why it must be named before another is added.
    pub name_first: &'static str,
    /// The field naming the unnamed variant, in the form adding a second one.
    pub first_label: &'static str,
    /// The label field.
    pub label: &'static str,
    /// Its hint.
    pub label_hint: &'static str,
    /// The stock field.
    pub stock: &'static str,
    /// The reference field.
    pub sku: &'static str,
    /// The barcode field.
    pub ean: &'static str,
    /// The net quantity field.
    pub net_quantity: &'static str,
    /// Its hint.
    pub net_quantity_hint: &'static str,
    /// The unit select.
    pub net_unit: &'static str,
    /// No unit stated.
    pub no_unit: &'static str,
    /// The sold-by-weight tick.
    pub sold_by_weight: &'static str,
    /// The price per kilo field.
    pub price_per_kg: &'static str,
    /// The estimated weight field.
    pub estimated_weight: &'static str,
    /// The on-sale tick.
    pub active: &'static str,
    /// Off sale, in the list.
    pub inactive: &'static str,
    /// Before the computed price per kilo, litre or piece.
    pub per_unit: &'static str,
    /// Stock not counted, in the list.
    pub stock_untracked: &'static str,
    /// "4 en stock".
    pub in_stock: fn(i32) -> String,
    /// The tick of a product exempt from the price per kilo.
    pub exempt: &'static str,
    /// Its hint.
    pub exempt_hint: &'static str,
    /// The add button.
    pub add: &'static str,
    /// The change button.
    pub edit: &'static str,
    /// The remove button.
    pub remove: &'static str,
    /// The save button.
    pub save: &'static str,
    /// The cancel button.
    pub cancel: &'static str,
    /// After a change.
    pub saved: &'static str,
    /// A number that is not one.
    pub bad_number: &'static str,
    /// A label missing or already used.
    pub bad_label: &'static str,
    /// The product's price and stock are its sizes' when it has several.
    pub several_hint: &'static str,
    /// "3 tailles" in the products list.
    pub count: fn(usize) -> String,
}

/// French.
pub static FR: VariantsStrings = VariantsStrings {
    heading: "Tailles, contenances et variantes",
    intro: "Chaque taille ou contenance a son prix, son stock et sa référence. Le prix au kilo \
        ou au litre est calculé pour vous.",
    unnamed: "Sans nom",
    name_first: "Pour proposer plusieurs tailles ou contenances, donnez d'abord un nom à la \
        première (par exemple « 38 » ou « 250 g »).",
    first_label: "Nom de la taille ou contenance actuelle",
    label: "Nom (taille, contenance…)",
    label_hint: "Par exemple « 38 », « 250 g » ou « Rouge ».",
    stock: "Stock",
    sku: "Référence (facultatif)",
    ean: "Code-barres EAN (facultatif)",
    net_quantity: "Quantité nette (facultatif)",
    net_quantity_hint: "Pour un produit emballé : le prix au kilo ou au litre est calculé.",
    net_unit: "Unité",
    no_unit: "—",
    sold_by_weight: "Vendu au poids (coupé et pesé à la commande)",
    price_per_kg: "Prix au kilo TTC en euros",
    estimated_weight: "Poids approximatif d'une part, en grammes",
    active: "En vente",
    inactive: "Pas en vente",
    per_unit: "Prix à l'unité de mesure :",
    stock_untracked: "stock non compté",
    in_stock: |count| format!("{count} en stock"),
    exempt: "Pas de prix au kilo ou au litre pour ce produit",
    exempt_hint: "Seulement quand la loi le permet (produit vendu à la pièce, non préemballé).",
    add: "Ajouter une taille ou contenance",
    edit: "Modifier",
    remove: "Supprimer",
    save: "Enregistrer",
    cancel: "Annuler",
    saved: "Enregistré.",
    bad_number: "Écrivez un nombre entier, sans lettres.",
    bad_label: "Donnez un nom que les autres tailles n'ont pas.",
    several_hint: "Ce produit a plusieurs tailles ou contenances : son prix et son stock se \
        changent dans la partie « Tailles, contenances et variantes ».",
    count: |count| format!("{count} tailles"),
};

/// English.
pub static EN: VariantsStrings = VariantsStrings {
    heading: "Sizes, jars and variants",
    intro: "Each size or jar has its own price, stock and reference. The price per kilo or \
        litre is worked out for you.",
    unnamed: "No name",
    name_first: "To offer several sizes, first name the current one (for example \"38\" or \
        \"250 g\").",
    first_label: "Name of the current size",
    label: "Name (size, jar…)",
    label_hint: "For example \"38\", \"250 g\" or \"Red\".",
    stock: "Stock",
    sku: "Reference (optional)",
    ean: "EAN barcode (optional)",
    net_quantity: "Net quantity (optional)",
    net_quantity_hint: "For pre-packed food: the price per kilo or litre is worked out.",
    net_unit: "Unit",
    no_unit: "—",
    sold_by_weight: "Sold by weight (cut and weighed for the order)",
    price_per_kg: "Price per kilo incl. VAT, in euros",
    estimated_weight: "About how much a piece weighs, in grams",
    active: "On sale",
    inactive: "Not on sale",
    per_unit: "Price per unit of measure:",
    stock_untracked: "stock not counted",
    in_stock: |count| format!("{count} in stock"),
    exempt: "No price per kilo or litre for this product",
    exempt_hint: "Only where the law allows it (sold by the piece, not pre-packed).",
    add: "Add a size or jar",
    edit: "Change",
    remove: "Remove",
    save: "Save",
    cancel: "Cancel",
    saved: "Saved.",
    bad_number: "Write a whole number, without letters.",
    bad_label: "Give a name the other sizes do not have.",
    several_hint: "This product has several sizes: its price and stock are changed in \
        \"Sizes, jars and variants\".",
    count: |count| format!("{count} sizes"),
};
