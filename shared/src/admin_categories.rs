//! The association's categories: the whole tree with its product counts, and the requests
//! that create, rename, move, reorder, merge and remove categories, or install the default
//! tree on an empty marketplace. Admins only.

use serde::{Deserialize, Serialize};

/// How many products a category holds, by status (every shop, whatever its status).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductCounts {
    /// Products on sale (their shop may still be pending or suspended).
    pub active: u64,
    /// Drafts, not yet on sale.
    pub draft: u64,
    /// Archived products, no longer on sale but kept for past orders.
    pub archived: u64,
}

impl ProductCounts {
    /// Every product, whatever its status.
    pub fn total(&self) -> u64 {
        self.active + self.draft + self.archived
    }

    /// The sum of two counts.
    pub fn plus(self, other: ProductCounts) -> ProductCounts {
        ProductCounts {
            active: self.active + other.active,
            draft: self.draft + other.draft,
            archived: self.archived + other.archived,
        }
    }
}

/// A category as the association manages it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "slug": "fromagerie-cremerie", "name": "Fromagerie et crèmerie",
    "name_en": "Cheese and dairy", "parent": "alimentation", "position": 3, "depth": 1,
    "own_products": {"active": 12, "draft": 2, "archived": 0},
    "subtree_products": {"active": 15, "draft": 2, "archived": 1},
    "children": 1, "former_slugs": ["fromages"]
})))]
pub struct AdminCategory {
    /// Stable identifier used in URLs; a rename keeps it.
    pub slug: String,
    /// The name in French.
    pub name: String,
    /// The name in English, if the association gave one (French is shown otherwise).
    pub name_en: Option<String>,
    /// The parent category's slug; `null` for a top-level category.
    pub parent: Option<String>,
    /// Place among its siblings, from 0, without gaps.
    pub position: u32,
    /// 0 for a top-level category, 1 for its sub-categories, and so on.
    pub depth: u32,
    /// Products filed in this category itself.
    pub own_products: ProductCounts,
    /// Products in this category and in all its sub-categories.
    pub subtree_products: ProductCounts,
    /// Number of direct sub-categories.
    pub children: u64,
    /// Slugs of categories merged into this one: their addresses lead here.
    pub former_slugs: Vec<String>,
}

impl AdminCategory {
    /// Whether the category may be removed: no product and no sub-category.
    pub fn is_empty(&self) -> bool {
        self.own_products.total() == 0 && self.children == 0
    }
}

/// The whole tree, parents before their children, siblings in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "items": [{"children": 1, "depth": 1, "former_slugs": ["fromages"], "name": "Fromagerie et crèmerie", "name_en": "Cheese and dairy", "own_products": {"active": 12, "archived": 0, "draft": 2}, "parent": "alimentation", "position": 3, "slug": "fromagerie-cremerie", "subtree_products": {"active": 15, "archived": 1, "draft": 2}}]
})))]
pub struct CategoryTree {
    /// Every category.
    pub items: Vec<AdminCategory>,
}

/// `POST /admin/categories`: a new category, last among its siblings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Fromagerie", "name_en": "Cheese shop", "parent": "alimentation"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateCategory {
    /// The name in French, 1 to 60 characters with a letter or digit (runs of spaces count
    /// as one); the slug is made from it.
    #[cfg_attr(feature = "openapi", schema(max_length = 60, pattern = "<sluggable>"))]
    pub name: String,
    /// The name in English, up to 60 characters; empty or absent: none.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 60))]
    pub name_en: Option<String>,
    /// The parent category's slug; absent or `null` for a top-level category.
    #[serde(default)]
    pub parent: Option<String>,
}

/// `PATCH /admin/categories/{slug}`: new names. The slug does not change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Fromages et crèmerie", "name_en": "Cheese and dairy"
})))]
#[serde(deny_unknown_fields)]
pub struct RenameCategory {
    /// The new name in French, 1 to 60 characters with a letter or digit; absent: unchanged.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 60, pattern = "<sluggable>"))]
    pub name: Option<String>,
    /// The new name in English, up to 60 characters; an empty text removes it; absent:
    /// unchanged.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 60))]
    pub name_en: Option<String>,
}

/// `POST /admin/categories/{slug}/move`: a new place in the tree. With the same parent, it
/// reorders the siblings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"parent": "alimentation", "position": 0})))]
#[serde(deny_unknown_fields)]
pub struct MoveCategory {
    /// The new parent's slug; `null` or absent: the top level.
    #[serde(default)]
    pub parent: Option<String>,
    /// The place among the new siblings, from 0; absent or past the end: last.
    // Any u32 is accepted (past the end means last), so the document must not say int32.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(format = Int64, maximum = 4294967295_u32))]
    pub position: Option<u32>,
}

/// `POST /admin/categories/{slug}/merge`: the category's products and sub-categories move
/// into another one, and its address leads there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"into": "fromagerie-cremerie"})))]
#[serde(deny_unknown_fields)]
pub struct MergeCategory {
    /// The slug of the category that takes everything over.
    pub into: String,
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "into": {"children": 1, "depth": 1, "former_slugs": ["fromages"], "name": "Fromagerie et crèmerie", "name_en": "Cheese and dairy", "own_products": {"active": 12, "archived": 0, "draft": 2}, "parent": "alimentation", "position": 3, "slug": "fromagerie-cremerie", "subtree_products": {"active": 15, "archived": 1, "draft": 2}},
    "moved_products": 4,
    "moved_children": 0
})))]
pub struct MergeReport {
    /// The category everything moved into, as it is now.
    pub into: AdminCategory,
    /// Products that moved (every status).
    pub moved_products: u64,
    /// Sub-categories that moved, with everything under them.
    pub moved_children: u64,
}

/// One category of the default tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DefaultCategory {
    /// The name in French.
    pub name: String,
    /// The name in English.
    pub name_en: String,
    /// The French name of its parent, `null` for a top-level category.
    pub parent: Option<String>,
}

/// The default tree that `POST /admin/categories/defaults` installs, parents first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "items": [{"name": "Alimentation", "name_en": "Food", "parent": null}, {"name": "Épicerie", "name_en": "Grocery", "parent": "Alimentation"}]
})))]
pub struct DefaultCategories {
    /// Every category of the default tree.
    pub items: Vec<DefaultCategory>,
}
