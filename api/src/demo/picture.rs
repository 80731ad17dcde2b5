//! Small generated product pictures (SVG), so the repository holds no binary images.
//!
//! A picture is a flat illustration: a soft background colour derived from a slug or a
//! name, a pictogram made of a few SVG shapes, and a short dark label. Nothing is random:
//! the same input always gives the same bytes, so pictures can be cached and compared.
//! Text colours are dark tones on light backgrounds, well above the 4.5:1 contrast ratio.

/// Fonts most systems have, in order of preference.
const FONT: &str = "DejaVu Sans, Verdana, Arial, sans-serif";

/// Longest product name kept in the `<title>` element, in characters.
const TITLE_CHARS: usize = 60;

/// Longest first word used as a label; longer names are shown as initials.
const LABEL_CHARS: usize = 9;

/// Small words that give no initial.
const STOP_WORDS: [&str; 16] = [
    "de", "du", "des", "la", "le", "les", "l", "d", "au", "aux", "à", "et", "en", "sur", "pour",
    "un",
];

/// A square SVG picture for a product: a soft background colour derived from the category slug, a simple shape or pictogram per top-level category (a loaf, a bottle, a book, a shoe, a cheese wedge...: simple SVG paths/circles/rects, not emoji), and the product's initials or first word in large readable text. Deterministic. Under 2 KB. Valid XML (escape &, <, >, quotes in text). Width/height attributes 400 and a viewBox 0 0 400 400.
///
/// The category is recognised by words in its slug ("vins-rouges" gives a bottle,
/// "chaussures-enfant" a shoe), so sub-categories need no table; an unknown slug gets a disc.
/// The label is the first word of the name when it has at most nine characters, otherwise
/// the initials of its first three significant words. The whole name, cut to 60
/// characters, goes in the `<title>` element for screen readers.
pub fn product_svg(name: &str, category_slug: &str) -> String {
    let hue = hash(category_slug) % 360;
    let background = hsl(hue, 55, 91);
    let ink = hsl(hue, 40, 45);
    let text = hsl(hue, 45, 17);
    let label = product_label(name);
    let size = match label.chars().count() {
        0..=3 => 120,
        4..=5 => 100,
        6..=7 => 80,
        _ => 62,
    };
    let shape = pictogram(category_slug)
        .replace("{i}", &ink)
        .replace("{b}", &background);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"400\" \
         viewBox=\"0 0 400 400\" role=\"img\"><title>{title}</title>\
         <rect width=\"400\" height=\"400\" fill=\"{background}\"/>{shape}\
         <text x=\"200\" y=\"348\" text-anchor=\"middle\" font-family=\"{FONT}\" \
         font-size=\"{size}\" font-weight=\"700\" fill=\"{text}\">{label}</text></svg>",
        title = escape(&shorten(name, TITLE_CHARS)),
        label = escape(&label),
    )
}

/// Same for a shop logo: initials on a coloured disc.
///
/// The hue follows the kind ("food" green, "non_food" blue, "restaurant" terracotta,
/// anything else violet), shifted a little by the name so that neighbouring shops differ.
/// The initials are those of the first two significant words of the name.
pub fn shop_svg(name: &str, kind: &str) -> String {
    let base = match kind {
        "food" => 100,
        "non_food" => 215,
        "restaurant" => 12,
        _ => 280,
    };
    let hue = (base + 340 + hash(name) % 41) % 360;
    let canvas = hsl(hue, 30, 97);
    let disc = hsl(hue, 60, 84);
    let ring = hsl(hue, 45, 50);
    let text = hsl(hue, 55, 18);
    let label = initials(name, 2);
    let (size, baseline) = if label.chars().count() > 1 {
        (140, 249)
    } else {
        (170, 259)
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"400\" \
         viewBox=\"0 0 400 400\" role=\"img\"><title>{title}</title>\
         <rect width=\"400\" height=\"400\" fill=\"{canvas}\"/>\
         <circle cx=\"200\" cy=\"200\" r=\"170\" fill=\"{disc}\" stroke=\"{ring}\" stroke-width=\"12\"/>\
         <text x=\"200\" y=\"{baseline}\" text-anchor=\"middle\" font-family=\"{FONT}\" \
         font-size=\"{size}\" font-weight=\"700\" fill=\"{text}\">{label}</text></svg>",
        title = escape(&shorten(name, TITLE_CHARS)),
        label = escape(&label),
    )
}

/// The first word when it is short enough, otherwise up to three initials.
fn product_label(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let count = first.chars().count();
    if (1..=LABEL_CHARS).contains(&count) {
        first.to_string()
    } else {
        initials(name, 3)
    }
}

/// Upper-case initials of the first `max` significant words (numbers and small words
/// are skipped); "?" when there are none.
fn initials(name: &str, max: usize) -> String {
    let mut out = String::new();
    let mut taken = 0;
    for word in name.split_whitespace() {
        // "l'Évêché" gives "É": the elided article is not the word.
        let word = word.rsplit(['\'', '’']).next().unwrap_or(word);
        let lower = word.to_lowercase();
        let Some(first) = word.chars().next() else {
            continue;
        };
        if !first.is_alphabetic() || STOP_WORDS.contains(&lower.as_str()) {
            continue;
        }
        out.extend(first.to_uppercase());
        taken += 1;
        if taken == max {
            break;
        }
    }
    if out.is_empty() {
        out.push('?');
    }
    out
}

/// At most `max` characters of `text`, with an ellipsis when it was cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// Escapes text for XML content and attributes; drops characters XML 1.0 forbids.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// FNV-1a: stable across platforms and releases, unlike the standard hasher.
fn hash(text: &str) -> u32 {
    let mut h: u32 = 0x811C_9DC5;
    for byte in text.bytes() {
        h ^= u32::from(byte);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// `#rrggbb` for a hue in degrees and saturation and lightness in percent.
fn hsl(hue: u32, saturation: u32, lightness: u32) -> String {
    let (r, g, b) = hsl_to_rgb(hue, saturation, lightness);
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn hsl_to_rgb(hue: u32, saturation: u32, lightness: u32) -> (u8, u8, u8) {
    let h = f64::from(hue % 360) / 60.0;
    let s = f64::from(saturation.min(100)) / 100.0;
    let l = f64::from(lightness.min(100)) / 100.0;
    let chroma = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = chroma * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (chroma, x, 0.0),
        1 => (x, chroma, 0.0),
        2 => (0.0, chroma, x),
        3 => (0.0, x, chroma),
        4 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    let m = l - chroma / 2.0;
    let channel = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    (channel(r), channel(g), channel(b))
}

/// The pictogram for a category slug, with `{i}` for the ink colour and `{b}` for the
/// background colour (used for details cut into the shape).
fn pictogram(slug: &str) -> &'static str {
    const RULES: [(&[&str], &str); 22] = [
        (&["vin", "biere", "spiritueux", "cidre"], BOTTLE),
        (&["fromag", "chevre"], CHEESE),
        (&["chocolat", "confiser", "bonbon"], CANDY),
        (&["cafe", "infusion"], CUP),
        (&["boulang", "patisser", "viennois", "pain"], LOAF),
        (&["truffe"], TRUFFLE),
        (
            &["miel", "confiture", "huile", "condiment", "epicerie"],
            JAR,
        ),
        (&["bouch", "charcut", "volaille", "viande"], MEAT),
        (&["poisson", "fruits-de-mer"], FISH),
        (&["fruit", "legume", "primeur"], APPLE),
        (&["traiteur", "plat", "dessert", "restaura"], CLOCHE),
        (&["librair", "livre", "papeter", "presse"], BOOK),
        (&["chaussure"], SHOE),
        (&["vetement", "accessoire", "textile"], SHIRT),
        (&["linge", "maison", "decor"], HOUSE),
        (&["beaute", "savon", "cosmet"], SOAP),
        (&["jouet", "jeu"], DIE),
        (&["vannerie", "panier"], BASKET),
        (&["bijou"], RING),
        (&["poterie", "ceramique", "artisanat"], VASE),
        (&["fleur", "plante"], FLOWER),
        (&["velo", "sport", "cycle"], BICYCLE),
    ];
    RULES
        .iter()
        .find(|(words, _)| words.iter().any(|w| slug.contains(w)))
        .map_or(DISC, |(_, shape)| shape)
}

const LOAF: &str = "<ellipse cx=\"200\" cy=\"150\" rx=\"130\" ry=\"72\" fill=\"{i}\"/>\
<path d=\"M135 115l35 60M190 105l35 60M245 115l35 60\" stroke=\"{b}\" stroke-width=\"12\" \
stroke-linecap=\"round\"/>";

const BOTTLE: &str = "<path fill=\"{i}\" d=\"M184 40h32v55c0 12 34 22 34 58v107h-100V153c0-36 \
34-46 34-58z\"/><rect x=\"163\" y=\"170\" width=\"74\" height=\"52\" rx=\"6\" fill=\"{b}\"/>";

const CHEESE: &str = "<path fill=\"{i}\" d=\"M70 215L290 85l40 130z\"/><g fill=\"{b}\">\
<circle cx=\"190\" cy=\"180\" r=\"16\"/><circle cx=\"255\" cy=\"150\" r=\"11\"/>\
<circle cx=\"280\" cy=\"195\" r=\"9\"/></g>";

const CANDY: &str = "<g fill=\"{i}\"><ellipse cx=\"200\" cy=\"150\" rx=\"70\" ry=\"50\"/>\
<path d=\"M135 150l-65-45v90zM265 150l65-45v90z\"/></g><path d=\"M175 110q25 40 0 80M215 110q25 \
40 0 80\" stroke=\"{b}\" stroke-width=\"9\" fill=\"none\"/>";

const CUP: &str = "<g fill=\"{i}\"><path d=\"M110 95h160v75c0 45-35 70-80 70s-80-25-80-70z\"/>\
<rect x=\"90\" y=\"245\" width=\"220\" height=\"12\" rx=\"6\"/></g><path d=\"M270 115h18a28 28 0 0 \
1 0 56h-22M160 40q15 20 0 40M200 40q15 20 0 40\" fill=\"none\" stroke=\"{i}\" stroke-width=\"12\" \
stroke-linecap=\"round\"/>";

const TRUFFLE: &str = "<g fill=\"{i}\"><circle cx=\"200\" cy=\"155\" r=\"72\"/><circle cx=\"150\" \
cy=\"120\" r=\"32\"/><circle cx=\"250\" cy=\"118\" r=\"30\"/><circle cx=\"262\" cy=\"190\" \
r=\"28\"/></g><g fill=\"{b}\"><circle cx=\"180\" cy=\"140\" r=\"6\"/><circle cx=\"225\" cy=\"170\" \
r=\"6\"/><circle cx=\"200\" cy=\"200\" r=\"6\"/></g>";

const JAR: &str = "<g fill=\"{i}\"><rect x=\"130\" y=\"55\" width=\"140\" height=\"34\" rx=\"8\"/>\
<rect x=\"140\" y=\"85\" width=\"120\" height=\"160\" rx=\"22\"/></g><rect x=\"155\" y=\"140\" \
width=\"90\" height=\"55\" rx=\"6\" fill=\"{b}\"/>";

const MEAT: &str = "<path fill=\"{i}\" d=\"M95 150c0-60 90-95 170-75 60 15 75 80 35 120-45 45-140 \
50-180 15-20-17-25-35-25-60z\"/><ellipse cx=\"245\" cy=\"140\" rx=\"28\" ry=\"22\" fill=\"{b}\"/>";

const FISH: &str = "<path fill=\"{i}\" d=\"M70 150c55-75 165-75 220 0-55 75-165 75-220 0zM280 \
150l60-45v90z\"/><circle cx=\"125\" cy=\"140\" r=\"10\" fill=\"{b}\"/>";

const APPLE: &str = "<g fill=\"{i}\"><circle cx=\"170\" cy=\"165\" r=\"70\"/><circle cx=\"230\" \
cy=\"165\" r=\"70\"/><rect x=\"194\" y=\"50\" width=\"12\" height=\"50\" rx=\"5\"/><ellipse \
cx=\"240\" cy=\"72\" rx=\"30\" ry=\"13\" transform=\"rotate(-25 240 72)\"/></g>";

const CLOCHE: &str = "<g fill=\"{i}\"><path d=\"M95 210a105 105 0 0 1 210 0z\"/><rect x=\"70\" \
y=\"215\" width=\"260\" height=\"16\" rx=\"8\"/><circle cx=\"200\" cy=\"92\" r=\"14\"/></g>\
<path d=\"M140 170q10-40 45-55\" stroke=\"{b}\" stroke-width=\"10\" fill=\"none\" \
stroke-linecap=\"round\"/>";

const BOOK: &str = "<path fill=\"{i}\" d=\"M196 80c-40-22-85-24-126-8v160c41-16 86-14 126 8zM204 \
80c40-22 85-24 126-8v160c-41-16-86-14-126 8z\"/><path d=\"M95 110c30-8 60-6 85 4M95 145c30-8 60-6 \
85 4M220 114c25-10 55-12 85-4M220 149c25-10 55-12 85-4\" stroke=\"{b}\" stroke-width=\"7\" \
fill=\"none\"/>";

const SHOE: &str = "<g fill=\"{i}\"><path d=\"M60 200v-75c0-12 8-20 20-20h45c8 30 40 50 85 55l75 \
12c30 5 55 14 55 28z\"/><rect x=\"60\" y=\"205\" width=\"280\" height=\"18\" rx=\"8\"/></g>\
<path d=\"M135 135l20-10M150 150l20-10M165 165l20-10\" stroke=\"{b}\" stroke-width=\"7\" \
stroke-linecap=\"round\"/>";

const SHIRT: &str = "<path fill=\"{i}\" d=\"M160 60l-85 40 28 55 32-14v114h130V141l32 14 28-55-85-40\
c-6 22-22 34-40 34s-34-12-40-34z\"/>";

const HOUSE: &str = "<path fill=\"{i}\" d=\"M200 45L65 150h35v95h200v-95h35z\"/><g fill=\"{b}\">\
<rect x=\"180\" y=\"175\" width=\"40\" height=\"70\" rx=\"4\"/><rect x=\"125\" y=\"165\" \
width=\"35\" height=\"30\"/><rect x=\"240\" y=\"165\" width=\"35\" height=\"30\"/></g>";

const SOAP: &str = "<g fill=\"{i}\"><rect x=\"85\" y=\"135\" width=\"190\" height=\"100\" \
rx=\"34\"/><circle cx=\"290\" cy=\"95\" r=\"24\"/><circle cx=\"245\" cy=\"70\" r=\"15\"/><circle \
cx=\"320\" cy=\"50\" r=\"11\"/></g><rect x=\"120\" y=\"165\" width=\"120\" height=\"14\" rx=\"7\" \
fill=\"{b}\"/>";

const DIE: &str = "<rect x=\"115\" y=\"55\" width=\"170\" height=\"170\" rx=\"28\" fill=\"{i}\"/>\
<g fill=\"{b}\"><circle cx=\"160\" cy=\"100\" r=\"15\"/><circle cx=\"200\" cy=\"140\" r=\"15\"/>\
<circle cx=\"240\" cy=\"180\" r=\"15\"/><circle cx=\"240\" cy=\"100\" r=\"15\"/><circle \
cx=\"160\" cy=\"180\" r=\"15\"/></g>";

const BASKET: &str = "<path d=\"M110 120a90 90 0 0 1 180 0\" fill=\"none\" stroke=\"{i}\" \
stroke-width=\"14\"/><path fill=\"{i}\" d=\"M75 120h250l-30 120H105z\"/><path d=\"M95 160h210M105 \
200h190\" stroke=\"{b}\" stroke-width=\"8\"/>";

const RING: &str = "<circle cx=\"200\" cy=\"170\" r=\"65\" fill=\"none\" stroke=\"{i}\" \
stroke-width=\"18\"/><path fill=\"{i}\" d=\"M200 40l40 35-40 35-40-35z\"/>";

const VASE: &str = "<path fill=\"{i}\" d=\"M165 45h70v22c0 22 55 45 55 100 0 50-35 78-90 78s-90-28\
-90-78c0-55 55-78 55-100z\"/><path d=\"M125 160h150\" stroke=\"{b}\" stroke-width=\"10\"/>";

const FLOWER: &str = "<g fill=\"{i}\"><rect x=\"194\" y=\"150\" width=\"12\" height=\"100\" \
rx=\"5\"/><ellipse cx=\"240\" cy=\"215\" rx=\"32\" ry=\"12\" transform=\"rotate(-30 240 215)\"/>\
<circle cx=\"200\" cy=\"70\" r=\"34\"/><circle cx=\"248\" cy=\"105\" r=\"34\"/><circle cx=\"230\" \
cy=\"160\" r=\"34\"/><circle cx=\"170\" cy=\"160\" r=\"34\"/><circle cx=\"152\" cy=\"105\" \
r=\"34\"/></g><circle cx=\"200\" cy=\"120\" r=\"24\" fill=\"{b}\"/>";

const BICYCLE: &str = "<g fill=\"none\" stroke=\"{i}\" stroke-width=\"12\" stroke-linejoin=\"round\" \
stroke-linecap=\"round\"><circle cx=\"115\" cy=\"175\" r=\"55\"/><circle cx=\"285\" cy=\"175\" \
r=\"55\"/><path d=\"M115 175l55-85h85l30 85M170 90l30 85h-85M255 90l-55 85M155 70h40M245 70l10 \
20\"/></g>";

const DISC: &str = "<circle cx=\"200\" cy=\"145\" r=\"85\" fill=\"{i}\"/>";

#[cfg(test)]
mod tests {
    use super::super::data::demo_catalogue;
    use super::*;

    /// Checks that `svg` is well-formed XML: balanced tags, quoted attributes, and
    /// only the five predefined entities in text and attribute values.
    fn assert_well_formed(svg: &str) {
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = svg;
        let mut first = true;
        while !rest.is_empty() {
            let Some(open) = rest.find('<') else {
                check_text(rest);
                break;
            };
            check_text(&rest[..open]);
            if !first {
                assert!(!stack.is_empty(), "content after the root element: {svg}");
            }
            let Some(close) = rest[open..].find('>') else {
                panic!("unclosed tag in {svg}");
            };
            let tag = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name), "mismatched </{name}> in {svg}");
                if stack.is_empty() {
                    assert!(rest.trim().is_empty(), "content after the root element");
                }
                continue;
            }
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let name = body.split_whitespace().next().unwrap_or("");
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()),
                "bad tag name {name:?}"
            );
            check_attributes(&body[name.len()..]);
            if first {
                assert_eq!(name, "svg");
                first = false;
            }
            if !self_closing {
                stack.push(name);
            }
        }
        assert!(stack.is_empty(), "unclosed {stack:?}");
    }

    fn check_text(text: &str) {
        assert!(!text.contains('<') && !text.contains('>'), "{text}");
        let mut parts = text.split('&');
        parts.next();
        for part in parts {
            assert!(
                ["amp;", "lt;", "gt;", "quot;", "apos;"]
                    .iter()
                    .any(|e| part.starts_with(e)),
                "bad entity in {text:?}"
            );
        }
        assert!(
            text.chars()
                .all(|c| u32::from(c) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
        );
    }

    fn check_attributes(mut attrs: &str) {
        let mut seen = Vec::new();
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() {
                return;
            }
            let Some(eq) = attrs.find('=') else {
                panic!("attribute without value: {attrs}");
            };
            let name = &attrs[..eq];
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':'),
                "bad attribute name {name:?}"
            );
            assert!(!seen.contains(&name), "duplicate attribute {name}");
            seen.push(name);
            let value = &attrs[eq + 1..];
            assert!(value.starts_with('"'), "unquoted attribute {name}");
            let Some(end) = value[1..].find('"') else {
                panic!("unterminated attribute {name}");
            };
            check_text(&value[1..=end]);
            attrs = &value[end + 2..];
        }
    }

    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0)) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// The value of attribute `name` in the first `tag` element.
    fn attribute<'a>(svg: &'a str, tag: &str, name: &str) -> &'a str {
        let start = svg.find(&format!("<{tag} ")).unwrap_or(0);
        let element = &svg[start..];
        let key = format!(" {name}=\"");
        let at = element.find(&key).map_or(0, |i| i + key.len());
        let len = element[at..].find('"').unwrap_or(0);
        &element[at..at + len]
    }

    #[test]
    fn product_picture_is_a_square_svg() {
        let svg = product_svg("Pélardon affiné", "fromages-de-chevre");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("width=\"400\" height=\"400\" viewBox=\"0 0 400 400\""));
        assert!(svg.contains(">Pélardon</text>"));
        assert!(svg.contains("<title>Pélardon affiné</title>"));
        assert!(svg.contains("<path fill=\""), "a cheese wedge");
        assert!(!svg.contains("{i}") && !svg.contains("{b}"));
        assert_well_formed(&svg);
    }

    #[test]
    fn pictures_are_deterministic() {
        assert_eq!(
            product_svg("Côtes-du-Rhône rouge 2022", "vins-rouges"),
            product_svg("Côtes-du-Rhône rouge 2022", "vins-rouges")
        );
        assert_eq!(
            shop_svg("Épicerie du Duché", "food"),
            shop_svg("Épicerie du Duché", "food")
        );
    }

    #[test]
    fn text_is_escaped() {
        let svg = product_svg("&<Test> \"Fabre\" & l'ami", "epicerie");
        assert!(svg.contains(">&amp;&lt;Test&gt;</text>"), "{svg}");
        assert!(svg.contains("&quot;Fabre&quot; &amp; l&apos;ami"), "{svg}");
        assert_well_formed(&svg);
        let svg = shop_svg("<Tom & Jerry>", "non_food");
        assert!(
            svg.contains("<title>&lt;Tom &amp; Jerry&gt;</title>"),
            "{svg}"
        );
        assert_well_formed(&svg);
        let svg = product_svg("Bell\u{7}e\u{0}s\ttab", "x");
        assert_well_formed(&svg);
    }

    #[test]
    fn pictures_stay_under_two_kilobytes() {
        let long = "\"&\"<>".repeat(200);
        let shapes = [
            "vins-rouges",
            "fromagerie",
            "chocolats-et-confiseries",
            "cafes-et-thes",
            "boulangerie-patisserie",
            "truffes",
            "epicerie",
            "boucherie-charcuterie",
            "poissonnerie",
            "fruits-et-legumes",
            "plats-a-emporter",
            "librairie-papeterie",
            "chaussures",
            "vetements",
            "maison-et-decoration",
            "beaute-et-bien-etre",
            "jouets-et-jeux",
            "vannerie",
            "bijoux",
            "artisanat",
            "fleurs-et-plantes",
            "velos",
            "inconnue",
        ];
        for slug in shapes {
            for name in [
                long.as_str(),
                "Crème brûlée",
                "",
                "Wwwwwwwww Mmmmmmmmm Éééééééé",
            ] {
                let svg = product_svg(name, slug);
                assert!(svg.len() < 2048, "{slug}: {} bytes", svg.len());
                assert_well_formed(&svg);
            }
        }
        for kind in ["food", "non_food", "restaurant", "autre"] {
            let svg = shop_svg(&long, kind);
            assert!(svg.len() < 2048, "{kind}: {} bytes", svg.len());
            assert_well_formed(&svg);
        }
    }

    #[test]
    fn every_demo_product_and_shop_gets_a_picture() {
        let catalogue = demo_catalogue(1);
        for category in &catalogue.categories {
            assert_ne!(pictogram(&category.slug), DISC, "{}", category.slug);
        }
        for product in &catalogue.products {
            let svg = product_svg(&product.name, &product.category_slug);
            assert!(svg.len() < 2048, "{}", product.name);
            assert_well_formed(&svg);
        }
        for shop in &catalogue.shops {
            let svg = shop_svg(&shop.name, shop.kind);
            assert!(svg.len() < 2048, "{}", shop.name);
            assert_well_formed(&svg);
        }
    }

    #[test]
    fn pictograms_follow_the_category() {
        assert_eq!(pictogram("vins-rouges"), BOTTLE);
        assert_eq!(pictogram("bieres"), BOTTLE);
        assert_eq!(pictogram("chaussures-enfant"), SHOE);
        assert_eq!(pictogram("livres-jeunesse"), BOOK);
        assert_eq!(pictogram("jeux-de-societe"), DIE);
        assert_eq!(pictogram("patisseries"), LOAF);
        assert_eq!(pictogram("fromages-de-chevre"), CHEESE);
        assert_eq!(pictogram("desserts"), CLOCHE);
        assert_eq!(pictogram("fleurs-et-plantes"), FLOWER);
        assert_eq!(pictogram("miels-et-confitures"), JAR);
        assert_eq!(pictogram("quelque-chose"), DISC);
        let wine = product_svg("Tavel rosé 2023", "vins-roses");
        let shoes = product_svg("Tavel rosé 2023", "chaussures");
        assert_ne!(wine, shoes);
        assert_ne!(
            attribute(&wine, "rect", "fill"),
            attribute(&shoes, "rect", "fill"),
            "the background follows the category"
        );
    }

    #[test]
    fn labels_are_short_and_readable() {
        assert_eq!(product_label("Huile d'olive AOP Nîmes 75 cl"), "Huile");
        assert_eq!(product_label("Éclair au chocolat"), "Éclair");
        assert_eq!(product_label("Côtes-du-Rhône rouge 2022"), "CR");
        assert_eq!(product_label("L'Étranger – Albert Camus"), "ÉAC");
        assert_eq!(product_label(""), "?");
        assert_eq!(initials("Au Pain de l'Évêché", 2), "PÉ");
        assert_eq!(initials("Le Bistrot des Herbes", 2), "BH");
        assert_eq!(initials("Chaussures Fabre", 2), "CF");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
        let svg = shop_svg("Chaussures Fabre", "non_food");
        assert!(svg.contains(">CF</text>"), "{svg}");
        assert!(svg.contains("<circle"), "a disc");
    }

    #[test]
    fn text_contrast_is_at_least_4_5() {
        let mut slugs: Vec<String> = demo_catalogue(1)
            .categories
            .into_iter()
            .map(|c| c.slug)
            .collect();
        slugs.extend((0..400).map(|i| format!("categorie-{i}")));
        for slug in &slugs {
            let svg = product_svg("Produit", slug);
            let background = attribute(&svg, "rect", "fill");
            let text = attribute(&svg, "text", "fill");
            let ratio = contrast(background, text);
            assert!(ratio >= 4.5, "{slug}: {background} / {text} = {ratio:.2}");
        }
        for kind in ["food", "non_food", "restaurant", "autre"] {
            for i in 0..100 {
                let svg = shop_svg(&format!("Boutique {i}"), kind);
                let disc = attribute(&svg, "circle", "fill");
                let text = attribute(&svg, "text", "fill");
                let ratio = contrast(disc, text);
                assert!(ratio >= 4.5, "{kind}: {disc} / {text} = {ratio:.2}");
            }
        }
        // Every hue, to be sure no colour of the wheel falls short.
        for hue in 0..360 {
            let ratio = contrast(&hsl(hue, 55, 91), &hsl(hue, 45, 17));
            assert!(ratio >= 7.0, "hue {hue}: {ratio:.2}");
            let ratio = contrast(&hsl(hue, 60, 84), &hsl(hue, 55, 18));
            assert!(ratio >= 4.5, "hue {hue}: {ratio:.2}");
        }
    }

    #[test]
    fn colours_are_valid_hex() {
        assert_eq!(hsl(0, 100, 50), "#ff0000");
        assert_eq!(hsl(120, 100, 50), "#00ff00");
        assert_eq!(hsl(240, 100, 50), "#0000ff");
        assert_eq!(hsl(0, 0, 100), "#ffffff");
        assert_eq!(hsl(0, 0, 0), "#000000");
        assert_eq!(hash(""), 0x811C_9DC5);
    }
}
