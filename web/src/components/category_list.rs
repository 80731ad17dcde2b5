//! The top-level categories as large links into the catalogue.

use leptos::prelude::*;
use shared::catalogue::Category;

use crate::{i18n::use_i18n, routes::Page};

/// The top-level categories of `categories`, each a link to its catalogue page with the
/// number of products in it and in its sub-categories.
#[component]
pub fn CategoryList(
    /// The flat list of categories, as `GET /categories` returns it.
    categories: Vec<Category>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = top_level_with_totals(&categories)
        .into_iter()
        .map(|(category, total)| {
            let href = Page::Catalogue {
                category: Some(category.slug.clone()),
            }
            .href();
            view! {
                <li>
                    <a class="category-link" href=href>
                        <span class="category-link__name">{category.name.clone()}</span>
                        <span class="category-link__count">
                            {move || (i18n.t().product_count)(total)}
                        </span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="category-list" data-testid="category-list">
            {items}
        </ul>
    }
}

/// The categories without a parent, in the order given, each with the number of products in
/// it and in all its descendants (a category's own `product_count` leaves those out).
fn top_level_with_totals(categories: &[Category]) -> Vec<(&Category, u64)> {
    categories
        .iter()
        .filter(|category| category.parent.is_none())
        .map(|category| (category, total_count(categories, &category.slug, 0)))
        .collect()
}

/// Products in the category `slug` and its descendants. `depth` stops a cycle in bad data.
fn total_count(categories: &[Category], slug: &str, depth: u8) -> u64 {
    if depth > 8 {
        return 0;
    }
    categories
        .iter()
        .filter(|category| category.slug == slug || category.parent.as_deref() == Some(slug))
        .map(|category| {
            if category.slug == slug {
                category.product_count
            } else {
                total_count(categories, &category.slug, depth + 1)
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(slug: &str, parent: Option<&str>, product_count: u64) -> Category {
        Category {
            slug: slug.to_owned(),
            name: slug.to_owned(),
            parent: parent.map(str::to_owned),
            product_count,
        }
    }

    #[test]
    fn top_level_totals_include_every_descendant() {
        let categories = [
            category("epicerie", None, 3),
            category("fromagerie", Some("epicerie"), 5),
            category("chevre", Some("fromagerie"), 2),
            category("librairie", None, 7),
        ];
        let totals: Vec<(&str, u64)> = top_level_with_totals(&categories)
            .into_iter()
            .map(|(category, total)| (category.slug.as_str(), total))
            .collect();
        assert_eq!(totals, [("epicerie", 10), ("librairie", 7)]);
    }
}
