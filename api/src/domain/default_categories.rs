//! The default category tree a small town's shops fit in, offered to an association that
//! starts with none. It is data: `api/data/default_categories.csv` (`name,name_en,parent`,
//! the parent named by its French name on an earlier line), embedded in the binary and parsed
//! once; a volunteer can edit it.

use std::sync::LazyLock;

use shared::admin_categories::DefaultCategory;

use super::category_tree::{category_name, english_name};

const DATA: &str = include_str!("../../data/default_categories.csv");

/// The default tree, parents before their children.
pub fn default_categories() -> &'static [DefaultCategory] {
    static TREE: LazyLock<Vec<DefaultCategory>> = LazyLock::new(|| {
        parse(DATA).unwrap_or_else(|err| panic!("api/data/default_categories.csv: {err}"))
    });
    &TREE
}

fn parse(data: &str) -> Result<Vec<DefaultCategory>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(data.as_bytes());
    let mut tree: Vec<DefaultCategory> = Vec::new();
    for (line, record) in reader.records().enumerate() {
        let line = line + 2;
        let record = record.map_err(|err| format!("line {line}: {err}"))?;
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let name = category_name(field(0)).map_err(|err| format!("line {line}: name {err}"))?;
        let name_en = english_name(field(1))
            .map_err(|err| format!("line {line}: name_en {err}"))?
            .ok_or_else(|| format!("line {line}: name_en is missing"))?;
        let parent = match field(2) {
            "" => None,
            parent if tree.iter().any(|c| c.name == parent) => Some(parent.to_owned()),
            parent => {
                return Err(format!(
                    "line {line}: parent {parent} is not on a line above"
                ));
            }
        };
        if tree.iter().any(|c| c.name == name) {
            return Err(format!("line {line}: {name} is there twice"));
        }
        tree.push(DefaultCategory {
            name,
            name_en,
            parent,
        });
    }
    Ok(tree)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::domain::search::slugify;

    #[test]
    fn the_shipped_tree_parses_with_distinct_slugs() {
        let tree = default_categories();
        assert!(tree.len() >= 20);
        let slugs: HashSet<String> = tree.iter().map(|c| slugify(&c.name)).collect();
        assert_eq!(slugs.len(), tree.len());
        for name in [
            "Épicerie",
            "Fromagerie-crèmerie",
            "Librairie-papeterie",
            "Restaurants",
        ] {
            assert!(tree.iter().any(|c| c.name == name), "{name} is offered");
        }
        assert!(
            tree.iter().any(|c| c.parent.is_some()),
            "with sub-categories"
        );
    }

    #[test]
    fn a_parent_must_come_first() {
        let err = parse("name,name_en,parent\nLivres,Books,Librairie\nLibrairie,Books,\n");
        assert!(err.unwrap_err().contains("line 2"));
        assert!(parse("name,name_en,parent\nLivres,,\n").is_err());
    }
}
