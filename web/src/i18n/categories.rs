//! The strings of the association's categories page (`/gestion/association/categories`), in
//! French and English.

/// Every string of the categories page, in one language.
pub struct CategoriesStrings {
    /// The page's heading and title.
    pub heading: &'static str,
    /// What the page is for.
    pub intro: &'static str,
    /// Heading above the tree.
    pub tree_heading: &'static str,
    /// Said when there is no category yet.
    pub none_yet: &'static str,
    /// Heading of the offer of the default tree.
    pub defaults_heading: &'static str,
    /// What the default tree is.
    pub defaults_intro: &'static str,
    /// The button that installs the default tree.
    pub defaults_button: &'static str,
    /// Said once the default tree is in place.
    pub defaults_done: &'static str,
    /// Heading of the form that adds a category.
    pub add_heading: &'static str,
    /// Label of the French name.
    pub name: &'static str,
    /// Hint under the French name.
    pub name_hint: &'static str,
    /// Label of the English name.
    pub name_en: &'static str,
    /// Hint under the English name.
    pub name_en_hint: &'static str,
    /// Label of the parent select.
    pub parent: &'static str,
    /// The parent select's choice for the top level.
    pub top_level: &'static str,
    /// The button that adds a category.
    pub add_button: &'static str,
    /// Error beside a missing or bad French name.
    pub error_name: &'static str,
    /// Error beside a bad English name.
    pub error_name_en: &'static str,
    /// The button that opens a category's actions.
    pub edit: &'static str,
    /// Up one place.
    pub up: &'static str,
    /// Down one place.
    pub down: &'static str,
    /// Heading of the rename form.
    pub rename_heading: &'static str,
    /// The button that saves the names.
    pub rename_button: &'static str,
    /// Heading of the move form.
    pub move_heading: &'static str,
    /// Label of the new parent select.
    pub move_to: &'static str,
    /// The button that moves.
    pub move_button: &'static str,
    /// Heading of the merge form.
    pub merge_heading: &'static str,
    /// What a merge does.
    pub merge_intro: &'static str,
    /// Label of the merge target select.
    pub merge_into: &'static str,
    /// The select's empty choice.
    pub choose: &'static str,
    /// The first step of the merge.
    pub merge_button: &'static str,
    /// The confirmation's button.
    pub merge_confirm: &'static str,
    /// The button that gives up.
    pub cancel: &'static str,
    /// Heading of the removal.
    pub delete_heading: &'static str,
    /// The button that removes an empty category.
    pub delete_button: &'static str,
    /// Why a category with products or sub-categories cannot be removed.
    pub delete_not_empty: &'static str,
    /// The English name's label in the tree.
    pub english: &'static str,
    /// Products on sale in a category itself: "12 en vente".
    pub own_counts: fn(u64, u64, u64) -> String,
    /// Products with the sub-categories: "avec ses sous-rayons : 15".
    pub subtree_count: fn(u64) -> String,
    /// "« Épicerie » est maintenant 2e sur 5."
    pub moved_to: fn(&str, u32, usize) -> String,
    /// "« Épicerie » est maintenant dans « Alimentation »." / "au premier niveau".
    pub moved_under: fn(&str, Option<&str>) -> String,
    /// The merge's confirmation: (from, into, products, sub-categories).
    pub merge_warning: fn(&str, &str, u64, u64) -> String,
    /// After a merge: (from, into, products).
    pub merged: fn(&str, &str, u64) -> String,
    /// After a rename.
    pub renamed: fn(&str) -> String,
    /// After a creation.
    pub created: fn(&str) -> String,
    /// After a removal.
    pub deleted: fn(&str) -> String,
    /// Accessible name of a category's buttons: (action, category).
    pub action_on: fn(&str, &str) -> String,
    /// The default tree's size: "24 rayons".
    pub defaults_count: fn(usize) -> String,
}

fn fr_own_counts(active: u64, draft: u64, archived: u64) -> String {
    let mut text = match active {
        0 => "aucun produit en vente".to_owned(),
        1 => "1 produit en vente".to_owned(),
        n => format!("{n} produits en vente"),
    };
    match draft {
        0 => {}
        1 => text.push_str(", 1 brouillon"),
        n => text.push_str(&format!(", {n} brouillons")),
    }
    match archived {
        0 => {}
        1 => text.push_str(", 1 archivé"),
        n => text.push_str(&format!(", {n} archivés")),
    }
    text
}

fn en_own_counts(active: u64, draft: u64, archived: u64) -> String {
    let mut text = match active {
        0 => "no product on sale".to_owned(),
        1 => "1 product on sale".to_owned(),
        n => format!("{n} products on sale"),
    };
    match draft {
        0 => {}
        1 => text.push_str(", 1 draft"),
        n => text.push_str(&format!(", {n} drafts")),
    }
    if archived > 0 {
        text.push_str(&format!(", {archived} archived"));
    }
    text
}

fn fr_ordinal(n: u32) -> String {
    if n == 1 {
        "1er".to_owned()
    } else {
        format!("{n}e")
    }
}

fn en_ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The French strings.
pub static FR: CategoriesStrings = CategoriesStrings {
    heading: "Catégories du marché",
    intro: "Les rayons où les commerçants rangent leurs produits et où les clients \
        cherchent. Renommer un rayon ne change pas son adresse ; fusionner un rayon dans un \
        autre y déplace ses produits, et son ancienne adresse mène au nouveau.",
    tree_heading: "Les catégories",
    none_yet: "Il n'y a encore aucune catégorie : les commerçants ne peuvent pas ajouter de \
        produit tant qu'il n'y en a pas.",
    defaults_heading: "Partir des catégories proposées",
    defaults_intro: "Ces catégories conviennent aux commerces d'une petite ville. Vous \
        pourrez ensuite les renommer, les déplacer, les fusionner ou les supprimer. Voici ce \
        qui sera créé :",
    defaults_button: "Utiliser les catégories proposées",
    defaults_done: "Les catégories proposées sont en place.",
    add_heading: "Ajouter une catégorie",
    name: "Nom (en français)",
    name_hint: "Par exemple : Fromagerie",
    name_en: "Nom en anglais (facultatif)",
    name_en_hint: "Par exemple : Cheese shop. Sans lui, le nom français s'affiche.",
    parent: "Dans la catégorie",
    top_level: "— Premier niveau —",
    add_button: "Ajouter la catégorie",
    error_name: "Donnez un nom de 1 à 60 caractères, avec au moins une lettre ou un chiffre.",
    error_name_en: "60 caractères au plus.",
    edit: "Modifier",
    up: "Monter",
    down: "Descendre",
    rename_heading: "Renommer",
    rename_button: "Enregistrer les noms",
    move_heading: "Déplacer",
    move_to: "Nouvelle place : dans la catégorie",
    move_button: "Déplacer",
    merge_heading: "Fusionner dans une autre catégorie",
    merge_intro: "Ses produits et ses sous-catégories iront dans la catégorie choisie, puis \
        elle disparaîtra. Son adresse mènera à la catégorie choisie.",
    merge_into: "Fusionner dans",
    choose: "Choisissez…",
    merge_button: "Fusionner…",
    merge_confirm: "Oui, fusionner",
    cancel: "Annuler",
    delete_heading: "Supprimer",
    delete_button: "Supprimer cette catégorie",
    delete_not_empty: "Elle contient des produits ou des sous-catégories : déplacez-les ou \
        fusionnez-la dans une autre pour la faire disparaître.",
    english: "en anglais",
    own_counts: fr_own_counts,
    subtree_count: |n| format!("avec ses sous-catégories : {n} en vente"),
    moved_to: |name, position, of| {
        format!(
            "« {name} » est maintenant {} sur {of}.",
            fr_ordinal(position)
        )
    },
    moved_under: |name, parent| match parent {
        Some(parent) => format!("« {name} » est maintenant dans « {parent} »."),
        None => format!("« {name} » est maintenant au premier niveau."),
    },
    merge_warning: |from, into, products, children| {
        let products = match products {
            0 => "Aucun produit ne bougera".to_owned(),
            1 => "1 produit ira".to_owned(),
            n => format!("{n} produits iront"),
        };
        let children = match children {
            0 => String::new(),
            1 => ", avec 1 sous-catégorie,".to_owned(),
            n => format!(", avec {n} sous-catégories,"),
        };
        format!(
            "{products}{children} dans « {into} ». « {from} » disparaîtra et son adresse \
             mènera à « {into} ». Confirmez-vous ?"
        )
    },
    merged: |from, into, products| {
        format!("« {from} » est fusionnée dans « {into} » : {products} produit(s) déplacé(s).")
    },
    renamed: |name| format!("Nom enregistré : « {name} »."),
    created: |name| format!("Catégorie « {name} » ajoutée."),
    deleted: |name| format!("Catégorie « {name} » supprimée."),
    action_on: |action, name| format!("{action} « {name} »"),
    defaults_count: |n| format!("{n} catégories"),
};

/// The English strings.
pub static EN: CategoriesStrings = CategoriesStrings {
    heading: "Marketplace categories",
    intro: "The sections shops file their products in and shoppers browse. Renaming a \
        category keeps its address; merging a category into another moves its products there, \
        and its old address leads to the new one.",
    tree_heading: "The categories",
    none_yet: "There is no category yet: shops cannot add products until there is one.",
    defaults_heading: "Start from the suggested categories",
    defaults_intro: "These categories suit the shops of a small town. You can rename, move, \
        merge or remove them afterwards. This is what will be created:",
    defaults_button: "Use the suggested categories",
    defaults_done: "The suggested categories are in place.",
    add_heading: "Add a category",
    name: "Name (in French)",
    name_hint: "For example: Fromagerie",
    name_en: "English name (optional)",
    name_en_hint: "For example: Cheese shop. Without it, the French name shows.",
    parent: "Inside the category",
    top_level: "— Top level —",
    add_button: "Add the category",
    error_name: "Give a name of 1 to 60 characters, with at least a letter or a digit.",
    error_name_en: "At most 60 characters.",
    edit: "Edit",
    up: "Move up",
    down: "Move down",
    rename_heading: "Rename",
    rename_button: "Save the names",
    move_heading: "Move",
    move_to: "New place: inside the category",
    move_button: "Move",
    merge_heading: "Merge into another category",
    merge_intro: "Its products and sub-categories will go to the chosen category, then it \
        will disappear. Its address will lead to the chosen category.",
    merge_into: "Merge into",
    choose: "Choose…",
    merge_button: "Merge…",
    merge_confirm: "Yes, merge",
    cancel: "Cancel",
    delete_heading: "Remove",
    delete_button: "Remove this category",
    delete_not_empty: "It holds products or sub-categories: move them, or merge it into \
        another category to make it disappear.",
    english: "in English",
    own_counts: en_own_counts,
    subtree_count: |n| format!("with its sub-categories: {n} on sale"),
    moved_to: |name, position, of| format!("“{name}” is now {} of {of}.", en_ordinal(position)),
    moved_under: |name, parent| match parent {
        Some(parent) => format!("“{name}” is now inside “{parent}”."),
        None => format!("“{name}” is now at the top level."),
    },
    merge_warning: |from, into, products, children| {
        let products = match products {
            0 => "No product will move".to_owned(),
            1 => "1 product will move".to_owned(),
            n => format!("{n} products will move"),
        };
        let children = match children {
            0 => String::new(),
            1 => ", with 1 sub-category,".to_owned(),
            n => format!(", with {n} sub-categories,"),
        };
        format!(
            "{products}{children} to “{into}”. “{from}” will disappear and its address will \
             lead to “{into}”. Do you confirm?"
        )
    },
    merged: |from, into, products| {
        format!("“{from}” is merged into “{into}”: {products} product(s) moved.")
    },
    renamed: |name| format!("Name saved: “{name}”."),
    created: |name| format!("Category “{name}” added."),
    deleted: |name| format!("Category “{name}” removed."),
    action_on: |action, name| format!("{action} “{name}”"),
    defaults_count: |n| format!("{n} categories"),
};
