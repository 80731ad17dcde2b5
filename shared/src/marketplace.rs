//! The marketplace's own settings: its name, town, texts, the association's contact, the
//! legal notices, the logo, the colour palette and the prefix of order numbers.
//!
//! The association's texts are French, with an optional English version that falls back to
//! the French one ([`Localized`]). Colours are chosen among a few fixed [`Palette`]s, each
//! checked for WCAG AA contrast, never typed in freely.

use serde::{Deserialize, Serialize};

/// A text of the association's, in French and optionally in English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Localized {
    /// The French text (the reference).
    #[cfg_attr(feature = "openapi", schema(example = "les commerces d'Uzès"))]
    pub fr: String,
    /// The English text; absent when the association wrote none (then show the French).
    #[cfg_attr(feature = "openapi", schema(example = "the shops of Uzès"))]
    pub en: Option<String>,
}

impl Localized {
    /// The text in English when asked and written, else in French.
    pub fn get(&self, english: bool) -> &str {
        match &self.en {
            Some(en) if english && !en.is_empty() => en,
            _ => &self.fr,
        }
    }
}

/// How to reach the association.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    /// The phone number for those who order by phone (may be empty).
    #[cfg_attr(feature = "openapi", schema(example = "04 66 22 00 00"))]
    pub phone: String,
    /// The association's e-mail address (may be empty).
    #[cfg_attr(feature = "openapi", schema(example = "contact@commerces-uzes.fr"))]
    pub email: String,
    /// Its postal address, one or more lines (may be empty).
    #[cfg_attr(feature = "openapi", schema(example = "Place aux Herbes, 30700 Uzès"))]
    pub address: String,
}

/// The legal notices every French website must show: who publishes it and who hosts it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LegalNotice {
    /// The publisher: the association's name.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Association des commerçants d'Uzès")
    )]
    pub publisher_name: String,
    /// The publisher's address.
    pub publisher_address: String,
    /// The director of publication (a person).
    pub publication_director: String,
    /// The host's name.
    pub host_name: String,
    /// The host's address.
    pub host_address: String,
    /// The host's phone number.
    pub host_phone: String,
}

/// One of the fixed colour palettes of the site.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Palette {
    /// Terracotta on warm paper (the default).
    #[default]
    Terre,
    /// Olive green.
    Olivier,
    /// Lavender purple.
    Lavande,
    /// Sea blue.
    Mer,
    /// Slate grey-blue.
    Ardoise,
}

/// The colours of a palette, as the stylesheet's custom properties name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaletteColors {
    /// Body text (`--ink`).
    pub ink: &'static str,
    /// Secondary text (`--muted`).
    pub muted: &'static str,
    /// Page background (`--paper`).
    pub paper: &'static str,
    /// Header and highlighted areas (`--sand`).
    pub sand: &'static str,
    /// Borders (`--line`).
    pub line: &'static str,
    /// Links, and buttons' background under white text (`--accent`).
    pub accent: &'static str,
    /// Hovered buttons under white text (`--accent-dark`).
    pub accent_dark: &'static str,
    /// The focus ring (`--focus`).
    pub focus: &'static str,
}

/// Cards and inputs stay white whatever the palette.
pub const CARD_WHITE: &str = "#ffffff";

impl Palette {
    /// Every palette, in the order the settings page offers them.
    pub const ALL: [Palette; 5] = [
        Palette::Terre,
        Palette::Olivier,
        Palette::Lavande,
        Palette::Mer,
        Palette::Ardoise,
    ];

    /// Its name in the API and in the page shell's `data-palette`.
    pub fn as_str(self) -> &'static str {
        match self {
            Palette::Terre => "terre",
            Palette::Olivier => "olivier",
            Palette::Lavande => "lavande",
            Palette::Mer => "mer",
            Palette::Ardoise => "ardoise",
        }
    }

    /// Parses a name written by [`Palette::as_str`].
    pub fn parse(name: &str) -> Option<Palette> {
        Palette::ALL.into_iter().find(|p| p.as_str() == name)
    }

    /// Its colours (the stylesheet repeats them; a test keeps the two equal).
    pub fn colors(self) -> PaletteColors {
        match self {
            Palette::Terre => PaletteColors {
                ink: "#2a1e14",
                muted: "#5a4636",
                paper: "#fbf6ec",
                sand: "#f6e7c8",
                line: "#e2d3b8",
                accent: "#a63d1f",
                accent_dark: "#7f2e16",
                focus: "#1b3a8c",
            },
            Palette::Olivier => PaletteColors {
                ink: "#1d2416",
                muted: "#4a5240",
                paper: "#f7f8f0",
                sand: "#e6ecd3",
                line: "#cfd8b8",
                accent: "#3d6b1f",
                accent_dark: "#2a4b14",
                focus: "#1b3a8c",
            },
            Palette::Lavande => PaletteColors {
                ink: "#231c2e",
                muted: "#524a5e",
                paper: "#f8f6fb",
                sand: "#e9e2f2",
                line: "#d6cce6",
                accent: "#6a3d9a",
                accent_dark: "#4b2a70",
                focus: "#0b4f6c",
            },
            Palette::Mer => PaletteColors {
                ink: "#0f2230",
                muted: "#3d5260",
                paper: "#f4f8fb",
                sand: "#dcebf5",
                line: "#c3d6e4",
                accent: "#0b5c8a",
                accent_dark: "#083f60",
                focus: "#7a2e00",
            },
            Palette::Ardoise => PaletteColors {
                ink: "#1e2226",
                muted: "#4a525a",
                paper: "#f6f7f8",
                sand: "#e4e8ec",
                line: "#cdd3d9",
                accent: "#2f4a63",
                accent_dark: "#1f3345",
                focus: "#8a2c0d",
            },
        }
    }
}

/// What the web app needs of the marketplace, public.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Vitrine",
    "town": "Uzès",
    "tagline": {"fr": "les commerces d'Uzès", "en": "the shops of Uzès"},
    "intro": {"fr": "Vitrine rassemble les boutiques, artisans, producteurs et restaurants d'Uzès et des villages alentour.", "en": "Vitrine brings together the shops, craftspeople, producers and restaurants of Uzès and the surrounding villages."},
    "contact": {"phone": "04 66 22 00 00", "email": "contact@commerces-uzes.example", "address": "Place aux Herbes, 30700 Uzès"},
    "legal": {"publisher_name": "Association des commerçants d'Uzès", "publisher_address": "Place aux Herbes, 30700 Uzès", "publication_director": "Claire Fabre, présidente", "host_name": "Hébergeur Exemple SAS", "host_address": "1 rue de l'Exemple, 75000 Paris", "host_phone": "01 00 00 00 00"},
    "palette": "terre",
    "logo_url": "/api/v1/marketplace/logo?v=1764750000000",
    "order_number_prefix": "UZ",
    "needs_admin": false,
    "counts_visits": true
})))]
pub struct Marketplace {
    /// The marketplace's name; empty until the association sets it.
    #[cfg_attr(feature = "openapi", schema(example = "Vitrine"))]
    pub name: String,
    /// The town whose shops it gathers; empty until the association sets it.
    #[cfg_attr(feature = "openapi", schema(example = "Uzès"))]
    pub town: String,
    /// What the site is, shown after its name.
    pub tagline: Localized,
    /// The home page's introduction.
    pub intro: Localized,
    /// How to reach the association.
    pub contact: Contact,
    /// The legal notices.
    pub legal: LegalNotice,
    /// The site's colours.
    pub palette: Palette,
    /// Where the association's logo is served; absent without a logo.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "/api/v1/marketplace/logo?v=1764750000000")
    )]
    pub logo_url: Option<String>,
    /// The prefix of new order numbers (`UZ` in `UZ-2026-00042`).
    #[cfg_attr(feature = "openapi", schema(example = "UZ"))]
    pub order_number_prefix: String,
    /// True while no administrator account exists: the site is not set up yet.
    pub needs_admin: bool,
    /// Whether this server counts the visits of the public pages (issue 13): false when it
    /// runs with `--no-visit-count`, and then the site must not say it counts them.
    pub counts_visits: bool,
}

impl Marketplace {
    /// The name to show: the marketplace's, or the software's until it has one.
    pub fn display_name(&self) -> &str {
        if self.name.trim().is_empty() {
            DEFAULT_NAME
        } else {
            &self.name
        }
    }

    /// The title of the home page and the end of every other page's title: the name and
    /// the tagline.
    pub fn site_title(&self, english: bool) -> String {
        let tagline = self.tagline.get(english);
        if tagline.is_empty() {
            self.display_name().to_owned()
        } else {
            format!("{} — {tagline}", self.display_name())
        }
    }

    /// The page's meta description: the introduction, else the tagline.
    pub fn description(&self, english: bool) -> &str {
        let intro = self.intro.get(english);
        if intro.is_empty() {
            self.tagline.get(english)
        } else {
            intro
        }
    }
}

/// The software's name, shown until the marketplace has one.
pub const DEFAULT_NAME: &str = "Vitrine";

/// How far the first start has gone, for the admins' setup page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetupProgress {
    /// The settings were saved at least once.
    pub settings_saved: bool,
    /// Number of categories.
    pub categories: u64,
    /// Number of delivery communes.
    pub communes: u64,
    /// Number of shops, whatever their status.
    pub shops: u64,
}

impl SetupProgress {
    /// Whether every step is done.
    pub fn is_complete(&self) -> bool {
        self.settings_saved && self.categories > 0 && self.communes > 0 && self.shops > 0
    }
}

/// The settings as the admins read them, with the setup's progress.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "marketplace": {"name": "Vitrine", "town": "Uzès", "tagline": {"fr": "les commerces d'Uzès", "en": "the shops of Uzès"}, "intro": {"fr": "Vitrine rassemble les boutiques, artisans, producteurs et restaurants d'Uzès et des villages alentour.", "en": "Vitrine brings together the shops, craftspeople, producers and restaurants of Uzès and the surrounding villages."}, "contact": {"phone": "04 66 22 00 00", "email": "contact@commerces-uzes.example", "address": "Place aux Herbes, 30700 Uzès"}, "legal": {"publisher_name": "Association des commerçants d'Uzès", "publisher_address": "Place aux Herbes, 30700 Uzès", "publication_director": "Claire Fabre, présidente", "host_name": "Hébergeur Exemple SAS", "host_address": "1 rue de l'Exemple, 75000 Paris", "host_phone": "01 00 00 00 00"}, "palette": "terre", "logo_url": "/api/v1/marketplace/logo?v=1764750000000", "order_number_prefix": "UZ", "needs_admin": false, "counts_visits": true},
    "setup": {"settings_saved": true, "categories": 45, "communes": 18, "shops": 48}
})))]
pub struct AdminMarketplace {
    /// The settings.
    pub marketplace: Marketplace,
    /// The first start's steps.
    pub setup: SetupProgress,
}

/// `GET /marketplace/logo`'s query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct LogoQuery {
    /// The logo's version, as `logo_url` names it: a URL with the current version may be
    /// cached for a year.
    pub v: Option<i64>,
}

/// A change to the settings: only the fields given change. French texts cannot be emptied;
/// an empty English text falls back to the French.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "tagline_fr": "les commerces d'Uzès",
    "tagline_en": "the shops of Uzès",
    "contact_phone": "04 66 22 00 00",
    "palette": "olivier"
})))]
pub struct UpdateMarketplace {
    /// 1 to 80 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Vitrine", max_length = 80, pattern = "<visible>")
    )]
    pub name: Option<String>,
    /// 1 to 80 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Uzès", max_length = 80, pattern = "<visible>")
    )]
    pub town: Option<String>,
    /// 1 to 120 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 120, pattern = "<visible>"))]
    pub tagline_fr: Option<String>,
    /// At most 120 characters; empty: the French one.
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub tagline_en: Option<String>,
    /// 1 to 1,500 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 1500, pattern = "<visible>"))]
    pub intro_fr: Option<String>,
    /// At most 1,500 characters; empty: the French one.
    #[cfg_attr(feature = "openapi", schema(max_length = 1500))]
    pub intro_en: Option<String>,
    /// A French phone number, or empty.
    #[cfg_attr(feature = "openapi", schema(pattern = "<phone-or-empty>"))]
    pub contact_phone: Option<String>,
    /// An e-mail address, or empty.
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 254, pattern = "<email-or-empty>")
    )]
    pub contact_email: Option<String>,
    /// At most 300 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub contact_address: Option<String>,
    /// At most 200 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub publisher_name: Option<String>,
    /// At most 300 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub publisher_address: Option<String>,
    /// At most 200 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub publication_director: Option<String>,
    /// At most 200 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub host_name: Option<String>,
    /// At most 300 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub host_address: Option<String>,
    /// At most 40 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub host_phone: Option<String>,
    /// One of `terre`, `olivier`, `lavande`, `mer`, `ardoise`.
    #[cfg_attr(
        feature = "openapi",
        schema(
            example = "terre",
            pattern = r"^[ \t\n\r]*(terre|olivier|lavande|mer|ardoise)[ \t\n\r]*$"
        )
    )]
    pub palette: Option<String>,
    /// 1 to 6 letters or digits, upper-cased; applies to orders placed from now on.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "UZ", pattern = r"^[ \t\n\r]*[A-Za-z0-9]{1,6}[ \t\n\r]*$")
    )]
    pub order_number_prefix: Option<String>,
}

/// "de Saint-Quentin", "d'Uzès": the French preposition before a town's name.
pub fn de_town(town: &str) -> String {
    let elides = town
        .chars()
        .next()
        .is_some_and(|c| "AEIOUYHÂÀÉÈÊËÎÏÔÖÛÜaeiouyhâàéèêëîïôöûü".contains(c));
    if elides {
        format!("d'{town}")
    } else {
        format!("de {town}")
    }
}

/// The prefix of order numbers a town suggests: the initials of its first two main words
/// ("Saint-Quentin-la-Poterie": SQ), or its first two letters (`Uzès`: UZ), upper-cased
/// without accents; `CMD` without a town.
pub fn default_order_prefix(town: &str) -> String {
    const MINOR: [&str; 12] = [
        "le", "la", "les", "de", "des", "du", "d", "l", "sur", "sous", "en", "et",
    ];
    let plain: String = town.chars().map(unaccent).collect();
    let words: Vec<&str> = plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !MINOR.contains(&w.to_ascii_lowercase().as_str()))
        .collect();
    let prefix: String = match words.as_slice() {
        [] => return "CMD".into(),
        [one] => one.chars().take(2).collect(),
        [first, second, ..] => first
            .chars()
            .take(1)
            .chain(second.chars().take(1))
            .collect(),
    };
    prefix.to_ascii_uppercase()
}

fn unaccent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ÿ' | 'Ÿ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex colour")) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn every_palette_meets_wcag_aa_for_its_text_backgrounds_and_buttons() {
        for palette in Palette::ALL {
            let c = palette.colors();
            let text_pairs = [
                ("ink on paper", c.ink, c.paper),
                ("ink on sand", c.ink, c.sand),
                ("ink on card", c.ink, CARD_WHITE),
                ("muted on paper", c.muted, c.paper),
                ("muted on sand", c.muted, c.sand),
                ("muted on card", c.muted, CARD_WHITE),
                ("link on paper", c.accent, c.paper),
                ("link on sand", c.accent, c.sand),
                ("link on card", c.accent, CARD_WHITE),
                ("button text on button", CARD_WHITE, c.accent),
                ("button text on hovered button", CARD_WHITE, c.accent_dark),
            ];
            for (what, fg, bg) in text_pairs {
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= 4.5,
                    "{palette:?}: {what} is {ratio:.2}, AA needs 4.5"
                );
            }
            for bg in [c.paper, c.sand, CARD_WHITE] {
                let ratio = contrast(c.focus, bg);
                assert!(
                    ratio >= 3.0,
                    "{palette:?}: focus ring on {bg} is {ratio:.2}"
                );
            }
        }
    }

    #[test]
    fn the_known_pair_of_the_default_palette_has_the_documented_ratio() {
        // The stylesheet's header documents ink on paper at 15.1.
        let c = Palette::Terre.colors();
        assert!((contrast(c.ink, c.paper) - 15.1).abs() < 0.1);
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    }

    #[test]
    fn the_stylesheet_declares_each_palette_with_the_same_colours() {
        let css = include_str!("../../web/style.css");
        for palette in Palette::ALL {
            let selector = format!("[data-palette=\"{}\"]", palette.as_str());
            let start = css
                .find(&selector)
                .unwrap_or_else(|| panic!("style.css has no {selector} block"));
            let block = &css[start..start + css[start..].find('}').expect("block end")];
            let c = palette.colors();
            for (var, value) in [
                ("--ink", c.ink),
                ("--muted", c.muted),
                ("--paper", c.paper),
                ("--sand", c.sand),
                ("--line", c.line),
                ("--accent", c.accent),
                ("--accent-dark", c.accent_dark),
                ("--focus", c.focus),
            ] {
                assert!(
                    block.contains(&format!("{var}: {value};")),
                    "{selector} must set {var}: {value};"
                );
            }
        }
    }

    #[test]
    fn palettes_round_trip_through_their_names() {
        for palette in Palette::ALL {
            assert_eq!(Palette::parse(palette.as_str()), Some(palette));
            let json = serde_json::to_string(&palette).unwrap();
            assert_eq!(json, format!("\"{}\"", palette.as_str()));
        }
        assert_eq!(Palette::parse("rose"), None);
    }

    #[test]
    fn order_prefixes_come_from_the_town() {
        assert_eq!(default_order_prefix("Uzès"), "UZ");
        assert_eq!(default_order_prefix("Saint-Quentin-la-Poterie"), "SQ");
        assert_eq!(default_order_prefix("Le Puy-en-Velay"), "PV");
        assert_eq!(default_order_prefix("Évreux"), "EV");
        assert_eq!(default_order_prefix("  "), "CMD");
    }

    #[test]
    fn french_elides_de_before_a_vowel() {
        assert_eq!(de_town("Uzès"), "d'Uzès");
        assert_eq!(
            de_town("Saint-Quentin-la-Poterie"),
            "de Saint-Quentin-la-Poterie"
        );
        assert_eq!(de_town("Évreux"), "d'Évreux");
    }

    #[test]
    fn english_falls_back_to_french() {
        let text = Localized {
            fr: "bonjour".into(),
            en: None,
        };
        assert_eq!(text.get(true), "bonjour");
        let text = Localized {
            fr: "bonjour".into(),
            en: Some("hello".into()),
        };
        assert_eq!(text.get(true), "hello");
        assert_eq!(text.get(false), "bonjour");
    }

    #[test]
    fn an_unnamed_marketplace_shows_the_software_name() {
        let market = Marketplace::default();
        assert_eq!(market.site_title(false), "Vitrine");
        let market = Marketplace {
            name: "Les Boutiques".into(),
            tagline: Localized {
                fr: "les commerces de la ville".into(),
                en: None,
            },
            ..Marketplace::default()
        };
        assert_eq!(
            market.site_title(true),
            "Les Boutiques — les commerces de la ville"
        );
    }
}
