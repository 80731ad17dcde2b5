//! The category tree's rules, without IO: a category's name, a unique slug, the display order,
//! and where every category sits after a move, a reorder or a merge (never inside itself,
//! siblings always numbered 0, 1, 2... without gaps).

use std::collections::HashSet;

use super::search::slugify;

/// Longest category name, in characters.
pub const MAX_NAME: usize = 60;

/// A category's place in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub id: i64,
    pub parent: Option<i64>,
    pub position: i32,
}

/// A place to write: category `id` now sits under `parent` at `position`.
pub type Placement = Node;

/// The asked move or merge would put a category inside itself or one of its descendants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cycle;

/// A checked category name: trimmed, 1 to [`MAX_NAME`] characters, with a letter or digit.
pub fn category_name(value: &str) -> Result<String, String> {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if !(1..=MAX_NAME).contains(&value.chars().count()) {
        return Err(format!("must be 1 to {MAX_NAME} characters"));
    }
    if slugify(&value).is_empty() {
        return Err("must contain a letter or a digit".into());
    }
    Ok(value)
}

/// An optional English name: empty means none.
pub fn english_name(value: &str) -> Result<Option<String>, String> {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > MAX_NAME {
        return Err(format!("must be at most {MAX_NAME} characters"));
    }
    Ok(Some(value))
}

/// The slug of `name`, with `-2`, `-3`... added while `taken` says it is in use.
pub fn unique_slug(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let stem = slugify(name);
    let mut slug = stem.clone();
    let mut n = 2;
    while taken(&slug) {
        slug = format!("{stem}-{n}");
        n += 1;
    }
    slug
}

/// The whole tree, as places.
#[derive(Debug, Clone)]
pub struct Tree {
    nodes: Vec<Node>,
}

impl Tree {
    pub fn new(nodes: Vec<Node>) -> Tree {
        Tree { nodes }
    }

    fn node(&self, id: i64) -> Option<&Node> {
        self.nodes.iter().find(|node| node.id == id)
    }

    /// The children of `parent` (`None`: the top level), in order.
    pub fn children(&self, parent: Option<i64>) -> Vec<i64> {
        let mut children: Vec<&Node> = self
            .nodes
            .iter()
            .filter(|node| node.parent == parent)
            .collect();
        children.sort_by_key(|node| (node.position, node.id));
        children.into_iter().map(|node| node.id).collect()
    }

    /// Whether `id` is `ancestor` itself or lies somewhere under it.
    pub fn is_within(&self, id: i64, ancestor: i64) -> bool {
        let mut current = Some(id);
        // A broken tree cannot loop for ever: no path is longer than the tree.
        for _ in 0..=self.nodes.len() {
            match current {
                Some(id) if id == ancestor => return true,
                Some(id) => current = self.node(id).and_then(|node| node.parent),
                None => return false,
            }
        }
        false
    }

    /// Every category, parents before their children, siblings in order, with its depth.
    pub fn ordered(&self) -> Vec<(i64, u32)> {
        let mut out = Vec::with_capacity(self.nodes.len());
        let mut seen = HashSet::new();
        self.push_subtree(None, 0, &mut out, &mut seen);
        out
    }

    fn push_subtree(
        &self,
        parent: Option<i64>,
        depth: u32,
        out: &mut Vec<(i64, u32)>,
        seen: &mut HashSet<i64>,
    ) {
        for id in self.children(parent) {
            if seen.insert(id) {
                out.push((id, depth));
                self.push_subtree(Some(id), depth + 1, out, seen);
            }
        }
    }

    /// The position a new last child of `parent` takes.
    pub fn next_position(&self, parent: Option<i64>) -> i32 {
        i32::try_from(self.children(parent).len()).unwrap_or(i32::MAX)
    }

    /// The places that change when `id` moves under `parent` at `position` (past the end:
    /// last). The same parent reorders the siblings.
    pub fn plan_move(
        &self,
        id: i64,
        parent: Option<i64>,
        position: Option<usize>,
    ) -> Result<Vec<Placement>, Cycle> {
        if parent.is_some_and(|parent| self.is_within(parent, id)) {
            return Err(Cycle);
        }
        let old_parent = self.node(id).and_then(|node| node.parent);
        let mut wanted = Vec::new();
        let mut new_siblings: Vec<i64> = self
            .children(parent)
            .into_iter()
            .filter(|&sibling| sibling != id)
            .collect();
        let at = position.unwrap_or(usize::MAX).min(new_siblings.len());
        new_siblings.insert(at, id);
        number(&new_siblings, parent, &mut wanted);
        if old_parent != parent {
            let old_siblings: Vec<i64> = self
                .children(old_parent)
                .into_iter()
                .filter(|&sibling| sibling != id)
                .collect();
            number(&old_siblings, old_parent, &mut wanted);
        }
        Ok(self.changed(wanted))
    }

    /// The places that change when `source` is merged into `target`: its children go last
    /// under `target`, its siblings close the gap. `source` itself is to be removed.
    pub fn plan_merge(&self, source: i64, target: i64) -> Result<Vec<Placement>, Cycle> {
        if self.is_within(target, source) {
            return Err(Cycle);
        }
        let mut wanted = Vec::new();
        let mut under_target = self.children(Some(target));
        under_target.extend(self.children(Some(source)));
        number(&under_target, Some(target), &mut wanted);
        let parent = self.node(source).and_then(|node| node.parent);
        let siblings: Vec<i64> = self
            .children(parent)
            .into_iter()
            .filter(|&sibling| sibling != source)
            .collect();
        number(&siblings, parent, &mut wanted);
        Ok(self.changed(wanted))
    }

    /// The places that close the gap a removed `id` leaves among its siblings.
    pub fn plan_removal(&self, id: i64) -> Vec<Placement> {
        let parent = self.node(id).and_then(|node| node.parent);
        let siblings: Vec<i64> = self
            .children(parent)
            .into_iter()
            .filter(|&sibling| sibling != id)
            .collect();
        let mut wanted = Vec::new();
        number(&siblings, parent, &mut wanted);
        self.changed(wanted)
    }

    fn changed(&self, wanted: Vec<Placement>) -> Vec<Placement> {
        wanted
            .into_iter()
            .filter(|place| self.node(place.id) != Some(place))
            .collect()
    }
}

/// Numbers `ids` 0, 1, 2... under `parent`.
fn number(ids: &[i64], parent: Option<i64>, out: &mut Vec<Placement>) {
    for (position, &id) in ids.iter().enumerate() {
        out.push(Node {
            id,
            parent,
            position: i32::try_from(position).unwrap_or(i32::MAX),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: i64, parent: Option<i64>, position: i32) -> Node {
        Node {
            id,
            parent,
            position,
        }
    }

    /// 1 food (2 cheese (4 goat), 3 wine), 5 books, 6 shoes.
    fn sample() -> Tree {
        Tree::new(vec![
            node(1, None, 0),
            node(2, Some(1), 0),
            node(3, Some(1), 1),
            node(4, Some(2), 0),
            node(5, None, 1),
            node(6, None, 2),
        ])
    }

    fn apply(tree: &Tree, places: &[Placement]) -> Tree {
        let mut nodes = tree.nodes.clone();
        for place in places {
            if let Some(node) = nodes.iter_mut().find(|node| node.id == place.id) {
                *node = *place;
            }
        }
        Tree::new(nodes)
    }

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(
            category_name("  Fruits   et légumes "),
            Ok("Fruits et légumes".into())
        );
        assert!(category_name("").is_err());
        assert!(category_name("!!!").is_err());
        assert!(category_name(&"a".repeat(61)).is_err());
        assert_eq!(english_name(" "), Ok(None));
        assert_eq!(english_name("Books"), Ok(Some("Books".into())));
    }

    #[test]
    fn slugs_get_a_number_when_taken() {
        let taken = ["epicerie", "epicerie-2"];
        assert_eq!(
            unique_slug("Épicerie", |s| taken.contains(&s)),
            "epicerie-3"
        );
        assert_eq!(unique_slug("Fleurs", |s| taken.contains(&s)), "fleurs");
    }

    #[test]
    fn the_display_order_puts_children_under_their_parent() {
        assert_eq!(
            sample().ordered(),
            [(1, 0), (2, 1), (4, 2), (3, 1), (5, 0), (6, 0)]
        );
    }

    #[test]
    fn moving_up_among_siblings_renumbers_without_gaps() {
        let tree = sample();
        let places = tree.plan_move(6, None, Some(0)).unwrap();
        let after = apply(&tree, &places);
        assert_eq!(after.children(None), [6, 1, 5]);
        let positions: Vec<i32> = [6, 1, 5]
            .iter()
            .map(|&id| after.node(id).unwrap().position)
            .collect();
        assert_eq!(positions, [0, 1, 2]);
    }

    #[test]
    fn moving_under_another_parent_closes_the_gap_it_leaves() {
        let tree = sample();
        let after = apply(&tree, &tree.plan_move(2, Some(5), None).unwrap());
        assert_eq!(after.children(Some(1)), [3]);
        assert_eq!(after.node(3).unwrap().position, 0);
        assert_eq!(after.children(Some(5)), [2]);
        assert_eq!(after.children(Some(2)), [4], "its sub-categories go along");
    }

    #[test]
    fn a_category_cannot_move_into_itself_or_below_itself() {
        let tree = sample();
        assert_eq!(tree.plan_move(1, Some(1), None), Err(Cycle));
        assert_eq!(tree.plan_move(1, Some(4), None), Err(Cycle));
        assert!(tree.plan_move(4, Some(1), None).is_ok());
    }

    #[test]
    fn a_merge_appends_the_children_and_refuses_a_descendant_as_target() {
        let tree = sample();
        assert_eq!(tree.plan_merge(1, 4), Err(Cycle));
        assert_eq!(tree.plan_merge(1, 1), Err(Cycle));
        let after = apply(&tree, &tree.plan_merge(1, 5).unwrap());
        assert_eq!(after.children(Some(5)), [2, 3]);
        assert_eq!(
            after.node(5).unwrap().position,
            0,
            "the top level closes up"
        );
        assert_eq!(after.node(6).unwrap().position, 1);
    }

    #[test]
    fn a_broken_tree_does_not_hang() {
        let tree = Tree::new(vec![node(1, Some(2), 0), node(2, Some(1), 0)]);
        assert!(tree.ordered().is_empty());
        assert!(tree.is_within(1, 2));
        assert!(!tree.is_within(1, 3));
    }
}
