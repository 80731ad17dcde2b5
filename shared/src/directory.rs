//! The association's printed directory of shops (issue 13): its settings (the cover's text,
//! the shops left out), the formats it is printed in, and its published editions.

use serde::{Deserialize, Serialize};

/// Longest cover text, in characters.
pub const MAX_COVER_CHARS: usize = 1500;
/// Most shops left out at once.
pub const MAX_LEFT_OUT: usize = 500;

/// A format of the printed directory.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DirectoryFormat {
    /// An A5 booklet: A5 pages in reading order, their count a multiple of 4 for folding.
    #[default]
    A5,
    /// An A4 poster: the shops in two columns.
    A4,
    /// The A5 booklet imposed for printing: A4 landscape sheets of two A5 pages each, in
    /// saddle-stitch order; print double-sided (flip on the short edge), fold and staple.
    A5Imposed,
}

impl DirectoryFormat {
    /// Every format, booklet first.
    pub const ALL: [DirectoryFormat; 3] = [
        DirectoryFormat::A5,
        DirectoryFormat::A4,
        DirectoryFormat::A5Imposed,
    ];

    /// The wire and database spelling: `a5`, `a4`, `a5_imposed`.
    pub fn as_str(self) -> &'static str {
        match self {
            DirectoryFormat::A5 => "a5",
            DirectoryFormat::A4 => "a4",
            DirectoryFormat::A5Imposed => "a5_imposed",
        }
    }

    /// Parses the wire spelling.
    pub fn parse(value: &str) -> Option<DirectoryFormat> {
        DirectoryFormat::ALL
            .into_iter()
            .find(|format| format.as_str() == value)
    }
}

/// `?format=a5|a4|a5_imposed` (default `a5`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct DirectoryQuery {
    /// `a5` (a booklet, the default), `a4` (a poster in two columns) or `a5_imposed` (the
    /// booklet on A4 sheets, two pages a side, ready to print double-sided and fold).
    pub format: Option<DirectoryFormat>,
}

/// One shop the directory may list, for the admins' checkboxes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DirectoryShop {
    /// The shop's slug.
    pub slug: String,
    /// The shop's name.
    pub name: String,
    /// The heading the shop is listed under.
    pub category: String,
    /// Whether the admins left it out.
    pub left_out: bool,
}

/// A published edition: where the public copy is, and when it was published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DirectoryEdition {
    /// Its format.
    pub format: DirectoryFormat,
    /// When it was published, ISO 8601 UTC.
    pub published_at: String,
    /// Its stable public address, e.g. `/api/v1/directory.pdf?format=a5`.
    pub url: String,
    /// Its size in bytes.
    pub size_bytes: i64,
}

/// The directory's settings, with the active shops it may list and the published editions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "cover_text": "Les commerçants d'Uzès vous livrent chez vous.",
    "default_cover_text": "Les commerces d'Uzès et de ses villages, dans un seul panier.",
    "left_out": ["la-cave-du-duche"],
    "shops": [{"slug": "la-cave-du-duche", "name": "La cave du Duché", "category": "Vins", "left_out": true}],
    "editions": [{"format": "a5", "published_at": "2026-12-05T09:30:00Z", "url": "/api/v1/directory.pdf?format=a5", "size_bytes": 182734}]
})))]
pub struct DirectorySettings {
    /// The cover's text as the admins wrote it; empty: `default_cover_text` is printed.
    pub cover_text: String,
    /// What the cover says when `cover_text` is empty.
    pub default_cover_text: String,
    /// The slugs of the shops left out.
    pub left_out: Vec<String>,
    /// Every active shop, by name.
    pub shops: Vec<DirectoryShop>,
    /// The published editions, booklet first.
    pub editions: Vec<DirectoryEdition>,
}

/// The directory's settings, replaced as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "cover_text": "Les commerçants d'Uzès vous livrent chez vous.",
    "left_out": ["la-cave-du-duche"]
})))]
#[serde(deny_unknown_fields)]
pub struct UpdateDirectory {
    /// At most 1,500 characters; empty: the default text.
    #[cfg_attr(feature = "openapi", schema(max_length = 1500))]
    pub cover_text: String,
    /// The slugs of the shops to leave out: each an active or suspended shop's, at most 500.
    #[cfg_attr(feature = "openapi", schema(max_items = 500))]
    pub left_out: Vec<String>,
}
