//! The category tree, rebuilt from the flat list that `GET /categories` answers: the order a
//! menu shows it in and the number of products under each category (the API's
//! `subtree_product_count`).

use shared::catalogue::Category;

/// Deeper than this, a category is ignored: it stops a cycle in bad data.
const MAX_DEPTH: usize = 8;

/// A category as a menu shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuEntry<'a> {
    /// The category.
    pub category: &'a Category,
    /// 0 for a top-level category, 1 for its sub-categories, and so on.
    pub depth: usize,
    /// Products in it and in all its descendants.
    pub total: u64,
}

/// Every category, each parent followed by its children, in the order given: what a select
/// lists. Categories whose parent is unknown are left out.
pub fn menu(categories: &[Category]) -> Vec<MenuEntry<'_>> {
    let mut entries = Vec::with_capacity(categories.len());
    push_children(categories, None, 0, &mut entries);
    entries
}

/// The categories without a parent, in the order given, with their totals.
pub fn top_level(categories: &[Category]) -> Vec<MenuEntry<'_>> {
    categories
        .iter()
        .filter(|category| category.parent.is_none())
        .map(|category| MenuEntry {
            category,
            depth: 0,
            total: category.subtree_product_count,
        })
        .collect()
}

fn push_children<'a>(
    categories: &'a [Category],
    parent: Option<&str>,
    depth: usize,
    entries: &mut Vec<MenuEntry<'a>>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for category in categories
        .iter()
        .filter(|category| category.parent.as_deref() == parent)
    {
        entries.push(MenuEntry {
            category,
            depth,
            total: category.subtree_product_count,
        });
        push_children(categories, Some(&category.slug), depth + 1, entries);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(slug: &str, parent: Option<&str>, own: u64, subtree: u64) -> Category {
        Category {
            slug: slug.to_owned(),
            name: slug.to_owned(),
            name_en: None,
            parent: parent.map(str::to_owned),
            own_product_count: own,
            subtree_product_count: subtree,
            former_slugs: Vec::new(),
        }
    }

    fn sample() -> Vec<Category> {
        vec![
            category("epicerie", None, 3, 11),
            category("librairie", None, 7, 7),
            category("fromagerie", Some("epicerie"), 5, 7),
            category("chevre", Some("fromagerie"), 2, 2),
            category("miels", Some("epicerie"), 1, 1),
            category("orphan", Some("nowhere"), 4, 4),
        ]
    }

    #[test]
    fn top_level_totals_are_the_subtree_counts() {
        let categories = sample();
        let totals: Vec<(&str, u64)> = top_level(&categories)
            .into_iter()
            .map(|entry| (entry.category.slug.as_str(), entry.total))
            .collect();
        assert_eq!(totals, [("epicerie", 11), ("librairie", 7)]);
    }

    #[test]
    fn the_menu_puts_children_under_their_parent() {
        let categories = sample();
        let menu: Vec<(&str, usize, u64)> = menu(&categories)
            .into_iter()
            .map(|entry| (entry.category.slug.as_str(), entry.depth, entry.total))
            .collect();
        assert_eq!(
            menu,
            [
                ("epicerie", 0, 11),
                ("fromagerie", 1, 7),
                ("chevre", 2, 2),
                ("miels", 1, 1),
                ("librairie", 0, 7),
            ]
        );
    }

    #[test]
    fn a_cycle_does_not_hang() {
        let categories = vec![
            category("a", Some("b"), 1, 1),
            category("b", Some("a"), 1, 1),
        ];
        assert!(menu(&categories).is_empty());
        assert!(top_level(&categories).is_empty());
    }
}
