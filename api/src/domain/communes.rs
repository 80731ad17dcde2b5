//! The official list of French communes, shipped with the binary, and the search an admin
//! types into to build the delivery zone.
//!
//! The list is `api/data/communes.tsv` (made once by `scripts/make-communes.sh` from the
//! npm package `@etalab/decoupage-administratif` 6.0.0, MIT; see `api/data/README.md`),
//! embedded with `include_str!` and parsed the first time it is searched. A search folds
//! accents, case, hyphens and apostrophes (`saint quentin` finds "Saint-Quentin-la-Poterie"),
//! reads `st`/`ste` as `saint`/`sainte`, and takes postcodes, département codes and INSEE
//! codes as digits: `30700`, `307`, `saint quentin 30`.

use std::sync::LazyLock;

use crate::domain::search::sort_key;

/// The embedded list: a header line, then `insee \t name \t postcodes \t département`.
const COMMUNES_TSV: &str = include_str!("../../data/communes.tsv");

/// One commune of the official list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialCommune {
    pub insee: String,
    pub name: String,
    pub postcodes: Vec<String>,
    pub departement: String,
    /// The folded name (`saint quentin la poterie`), what searches compare with.
    key: String,
}

/// Parses the list's text; a malformed line is a bug in the data file, reported with its
/// line number.
pub fn parse(text: &str) -> Result<Vec<OfficialCommune>, String> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, "insee\tname\tpostcodes\tdepartement")) => {}
        other => return Err(format!("unexpected header: {other:?}")),
    }
    lines
        .filter(|(_, line)| !line.is_empty())
        .map(|(index, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            let [insee, name, postcodes, departement] = fields[..] else {
                return Err(format!("line {}: expected 4 fields", index + 1));
            };
            let postcodes: Vec<String> = postcodes.split(',').map(str::to_owned).collect();
            let five_digits =
                |code: &str| code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit());
            if insee.len() != 5 || name.is_empty() || !postcodes.iter().all(|p| five_digits(p)) {
                return Err(format!("line {}: bad commune {line:?}", index + 1));
            }
            Ok(OfficialCommune {
                insee: insee.to_owned(),
                name: name.to_owned(),
                postcodes,
                departement: departement.to_owned(),
                key: sort_key(name),
            })
        })
        .collect()
}

/// The official list, parsed once.
pub fn all() -> &'static [OfficialCommune] {
    static LIST: LazyLock<Vec<OfficialCommune>> = LazyLock::new(|| {
        parse(COMMUNES_TSV).expect("api/data/communes.tsv is well-formed (a unit test checks it)")
    });
    &LIST
}

/// The commune with this INSEE code.
pub fn find(insee: &str) -> Option<&'static OfficialCommune> {
    let list = all();
    // The file is sorted by INSEE code.
    list.binary_search_by(|c| c.insee.as_str().cmp(insee))
        .ok()
        .map(|index| &list[index])
}

/// A query, folded: its words, with `st`/`ste` spelled out, and its numbers.
#[derive(Debug, PartialEq, Eq)]
pub struct CommuneQuery {
    /// Folded words of the name, in order.
    words: Vec<String>,
    /// Digits typed: a postcode, a département or an INSEE code, or their beginnings.
    numbers: Vec<String>,
}

impl CommuneQuery {
    pub fn parse(query: &str) -> CommuneQuery {
        let mut words = Vec::new();
        let mut numbers = Vec::new();
        for word in sort_key(query).split(' ').filter(|w| !w.is_empty()) {
            let digits = word.bytes().all(|b| b.is_ascii_digit());
            // Corsica's départements: 2A, 2B.
            let corsica = matches!(word, "2a" | "2b");
            if digits || corsica {
                numbers.push(word.to_uppercase());
            } else {
                words.push(match word {
                    "st" => "saint".to_owned(),
                    "ste" => "sainte".to_owned(),
                    other => other.to_owned(),
                });
            }
        }
        CommuneQuery { words, numbers }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.numbers.is_empty()
    }

    /// How well `commune` matches, lower is better; `None` when it does not.
    fn rank(&self, commune: &OfficialCommune) -> Option<u8> {
        let numbers_match = self.numbers.iter().all(|number| {
            commune.insee == *number
                || commune.departement == *number
                || commune
                    .postcodes
                    .iter()
                    .any(|p| p.starts_with(number.as_str()))
        });
        if !numbers_match {
            return None;
        }
        if self.words.is_empty() {
            return Some(0);
        }
        let phrase = self.words.join(" ");
        if commune.key == phrase {
            return Some(0);
        }
        if commune.key.starts_with(&phrase) {
            return Some(1);
        }
        if commune.key.contains(&format!(" {phrase}")) {
            return Some(2);
        }
        // Every word begins a word of the name, in any order.
        let name_words: Vec<&str> = commune.key.split(' ').collect();
        self.words
            .iter()
            .all(|word| name_words.iter().any(|n| n.starts_with(word.as_str())))
            .then_some(3)
    }
}

/// The communes matching `query`, best first (exact name, name starting with it, a word
/// of the name starting with it, all words found), then by name and département; at most
/// `limit`, with the number of all matches.
pub fn search(query: &CommuneQuery, limit: usize) -> (Vec<&'static OfficialCommune>, usize) {
    let mut found: Vec<(u8, &OfficialCommune)> = all()
        .iter()
        .filter_map(|commune| query.rank(commune).map(|rank| (rank, commune)))
        .collect();
    found.sort_by(|(ra, a), (rb, b)| {
        ra.cmp(rb)
            .then_with(|| a.key.cmp(&b.key))
            .then_with(|| a.departement.cmp(&b.departement))
    });
    let total = found.len();
    (
        found.into_iter().take(limit).map(|(_, c)| c).collect(),
        total,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(query: &str, limit: usize) -> Vec<String> {
        search(&CommuneQuery::parse(query), limit)
            .0
            .iter()
            .map(|c| format!("{} {}", c.name, c.postcodes.join(",")))
            .collect()
    }

    #[test]
    fn the_embedded_list_parses_and_holds_every_current_commune() {
        let list = all();
        assert!(list.len() > 34_000, "{}", list.len());
        assert!(
            list.windows(2).all(|w| w[0].insee < w[1].insee),
            "sorted by INSEE code"
        );
        let uzes = find("30334").expect("Uzès");
        assert_eq!(
            (
                uzes.name.as_str(),
                uzes.postcodes.as_slice(),
                uzes.departement.as_str()
            ),
            ("Uzès", &["30700".to_owned()][..], "30")
        );
        let marseille = find("13055").expect("Marseille");
        assert!(marseille.postcodes.len() > 10, "{:?}", marseille.postcodes);
        assert_eq!(find("2A004").map(|c| c.name.as_str()), Some("Ajaccio"));
        assert_eq!(find("99999"), None);
    }

    #[test]
    fn parsing_refuses_a_malformed_file() {
        let header = "insee\tname\tpostcodes\tdepartement\n";
        assert!(parse(&format!("{header}30334\tUzès\t30700\t30\n")).is_ok());
        assert!(parse("30334\tUzès\t30700\t30\n").is_err(), "no header");
        assert!(
            parse(&format!("{header}30334\tUzès\t30700\n")).is_err(),
            "3 fields"
        );
        assert!(
            parse(&format!("{header}30334\tUzès\t307\t30\n")).is_err(),
            "short postcode"
        );
        assert!(
            parse(&format!("{header}30334\t\t30700\t30\n")).is_err(),
            "no name"
        );
        let two = parse(&format!("{header}13055\tMarseille\t13001,13002\t13\n")).unwrap();
        assert_eq!(two[0].postcodes, ["13001", "13002"]);
    }

    #[test]
    fn queries_fold_accents_case_hyphens_and_saint() {
        let parsed = CommuneQuery::parse("  ST-Quentin l'Éveché 30 ");
        assert_eq!(parsed.words, ["saint", "quentin", "l", "eveche"]);
        assert_eq!(parsed.numbers, ["30"]);
        assert_eq!(CommuneQuery::parse("Ste Anne 2a").numbers, ["2A"]);
        assert!(CommuneQuery::parse(" - ' ").is_empty());
    }

    #[test]
    fn saint_quentin_finds_every_saint_quentin_with_its_postcode() {
        for query in [
            "saint quentin",
            "Saint-Quentin",
            "ST QUENTIN",
            "saint-quentin",
        ] {
            let found = names(query, 50);
            assert_eq!(found[0], "Saint-Quentin 02100", "{query}: {found:?}");
            assert!(
                found.contains(&"Saint-Quentin-la-Poterie 30700".to_owned()),
                "{query}: {found:?}"
            );
            assert!(
                found.contains(&"Saint-Quentin-de-Baron 33750".to_owned()),
                "{query}"
            );
        }
        assert_eq!(
            names("saint quentin poterie", 5),
            ["Saint-Quentin-la-Poterie 30700"]
        );
        assert_eq!(
            names("quentin la poterie", 5),
            ["Saint-Quentin-la-Poterie 30700"]
        );
        assert_eq!(
            names("saint quentin 30", 5),
            ["Saint-Quentin-la-Poterie 30700"]
        );
        assert_eq!(names("uzes", 1), ["Uzès 30700"]);
        assert_eq!(names("UZÈS", 1), ["Uzès 30700"]);
    }

    #[test]
    fn postcodes_and_insee_codes_find_their_communes() {
        let found = names("30700", 50);
        assert!(found.contains(&"Uzès 30700".to_owned()), "{found:?}");
        assert!(found.contains(&"Saint-Quentin-la-Poterie 30700".to_owned()));
        assert!(found.iter().all(|f| f.contains("30700")), "{found:?}");
        assert_eq!(names("30334", 5), ["Uzès 30700"]);
        assert!(names("307", 50).len() > 10);
        assert!(names("zzzzz", 10).is_empty());
    }

    #[test]
    fn results_are_bounded() {
        assert_eq!(names("saint", 20).len(), 20);
        assert_eq!(names("a", 7).len(), 7);
        let (_, total) = search(&CommuneQuery::parse("saint"), 20);
        assert!(total > 1000, "{total}");
    }
}
