//! Search and sort keys: the same text folding on both databases, computed in Rust.
//!
//! Stored `search_text` and every query go through [`search_key`], so `creme` finds
//! "Crème", `EPICERIE` finds "épicerie" and `chaussure` finds "Chaussures"; `sort_name`
//! ([`sort_key`]) makes "Éclair" sort with the E's.

/// Folds one character to lower-case ASCII where French text needs it; other letters and
/// digits are lower-cased; everything else becomes a space.
fn fold(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => "i",
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
        'ç' | 'Ç' => "c",
        'ÿ' | 'Ÿ' => "y",
        'ñ' | 'Ñ' => "n",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        c if c.is_alphanumeric() => {
            out.extend(c.to_lowercase());
            return;
        }
        _ => " ",
    };
    out.push_str(folded);
}

/// Lower-case, accent-free words separated by single spaces.
fn folded_words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        fold(c, &mut folded);
    }
    folded.split_whitespace().map(str::to_owned).collect()
}

/// Reduces a French plural to its singular the simple way: a trailing `s` or `x` goes
/// (`chaussures` -> `chaussure`, `gâteaux` -> `gateau`), except on words of 4 letters or
/// less (`prix`, `noix`, `os`) and words ending in `ss` (`bass`).
fn singular(word: &str) -> &str {
    if word.chars().count() > 4
        && !word.ends_with("ss")
        && let Some(stem) = word.strip_suffix('s').or_else(|| word.strip_suffix('x'))
    {
        return stem;
    }
    word
}

/// The searchable form of a text: folded words, each reduced to its singular, with a space
/// at both ends so a query can match whole-word prefixes (`" creme"`).
pub fn search_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len() + 2);
    key.push(' ');
    for word in folded_words(text) {
        key.push_str(singular(&word));
        key.push(' ');
    }
    key
}

/// What a product is found by: its name, description, category and shop names.
pub fn product_search_key(name: &str, description: &str, category: &str, shop: &str) -> String {
    search_key(&format!("{name} {description} {category} {shop}"))
}

/// A search as the dashboard counts it: lower case, accents folded, punctuation and extra
/// spaces gone (`  Crème brûlée ! ` -> `creme brulee`); empty when nothing searchable is left.
pub fn normalised_query(query: &str) -> String {
    folded_words(query).join(" ")
}

/// The words of a search query, folded and singular, without duplicates.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in folded_words(query) {
        let word = singular(&word).to_owned();
        if !terms.contains(&word) {
            terms.push(word);
        }
    }
    terms
}

/// The key that sorts names the French way: accents and case do not count.
pub fn sort_key(name: &str) -> String {
    folded_words(name).join(" ")
}

/// Escapes `%`, `_` and `\` so user input is matched literally by `LIKE ... ESCAPE '\'`.
pub fn escape_like(term: &str) -> String {
    let mut escaped = String::with_capacity(term.len());
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The slug of a name, for addresses: lowercase ASCII, accents dropped, ligatures spelled
/// out, anything else turned into single hyphens ("Au Pain de l'Évêché" ->
/// `au-pain-de-l-eveche`).
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        let plain = match c {
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => "a",
            'ç' | 'Ç' => "c",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
            'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => "i",
            'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => "o",
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
            'ÿ' | 'Ÿ' => "y",
            'ñ' | 'Ñ' => "n",
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            _ => "",
        };
        if plain.is_empty() && !c.is_ascii_alphanumeric() {
            pending_dash = !out.is_empty();
            continue;
        }
        if pending_dash {
            out.push('-');
            pending_dash = false;
        }
        if plain.is_empty() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push_str(plain);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_are_counted_normalised() {
        assert_eq!(normalised_query("  Crème   BRÛLÉE ! "), "creme brulee");
        assert_eq!(normalised_query("%"), "");
    }

    #[test]
    fn slugify_handles_french() {
        assert_eq!(slugify("Épicerie du Duché"), "epicerie-du-duche");
        assert_eq!(slugify("Au Pain de l'Évêché"), "au-pain-de-l-eveche");
        assert_eq!(slugify("Bœuf bourguignon"), "boeuf-bourguignon");
        assert_eq!(
            slugify("Nappe provençale 160×250"),
            "nappe-provencale-160-250"
        );
        assert_eq!(slugify("  Crème brûlée !"), "creme-brulee");
        assert_eq!(slugify("Phèdre – Jean Racine"), "phedre-jean-racine");
    }

    #[test]
    fn accents_case_and_plurals_fold_to_the_same_key() {
        assert_eq!(search_key("Crème brûlée"), " creme brulee ");
        assert_eq!(
            search_key("Chaussures de randonnée"),
            " chaussure de randonnee "
        );
        assert_eq!(search_key("ÉPICERIE fine"), " epicerie fine ");
        assert_eq!(search_key("Gâteaux"), " gateau ");
        assert_eq!(search_key("Bœuf"), " boeuf ");
        assert_eq!(search_key("Pélardon, 120 g!"), " pelardon 120 g ");
    }

    #[test]
    fn query_terms_match_stored_keys() {
        assert_eq!(query_terms("creme"), ["creme"]);
        assert_eq!(query_terms("CHAUSSURE"), ["chaussure"]);
        assert_eq!(query_terms("chaussures chaussure"), ["chaussure"]);
        assert_eq!(query_terms("EPICERIE"), ["epicerie"]);
        assert!(query_terms("  %% ' ; -- ").is_empty());
        for term in query_terms("Crèmes dessert") {
            assert!(
                search_key("Crème dessert vanille").contains(&term),
                "{term}"
            );
        }
    }

    #[test]
    fn short_words_and_double_s_keep_their_last_letter() {
        assert_eq!(query_terms("prix os bass"), ["prix", "os", "bass"]);
    }

    #[test]
    fn sort_key_puts_accented_capitals_with_their_letter() {
        let mut names = vec!["Fromage", "Éclair", "Abricot", "eau", "Zeste"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["Abricot", "eau", "Éclair", "Fromage", "Zeste"]);
    }

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(escape_like("50%_off\\"), "50\\%\\_off\\\\");
    }
}
