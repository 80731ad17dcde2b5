//! Demo catalogue of Uzès and its villages: deterministic, generated from a seed.
//!
//! Everything here is fictional except the communes (real names, postcodes and
//! INSEE codes from the official geographic code) and the street names of Uzès.
//! Phone numbers come from the blocks that ARCEP reserves for fiction
//! (04 65 71 xx xx and 06 39 98 xx xx), so no real subscriber is ever called.
//! Only the standard library is used: a small splitmix64 generator drives the
//! choices, so the same seed always gives the same catalogue.

use std::collections::HashSet;

use crate::domain::search::slugify;

/// A commune of the Uzège where demo shops are located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoCommune {
    /// Official name, with accents and hyphens.
    pub name: &'static str,
    /// Postcode, e.g. "30700".
    pub postcode: &'static str,
    /// INSEE code of the commune, e.g. "30334" for Uzès.
    pub insee: &'static str,
}

/// A product category; top-level categories have no parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoCategory {
    /// Lowercase ASCII slug with hyphens, e.g. "vins-rouges".
    pub slug: String,
    /// French display name, e.g. "Vins rouges".
    pub name: String,
    /// Slug of the parent category, if any.
    pub parent: Option<String>,
}

/// A demo shop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoShop {
    /// Unique lowercase ASCII slug.
    pub slug: String,
    /// Unique display name.
    pub name: String,
    /// "food", "non_food" or "restaurant".
    pub kind: &'static str,
    /// One to three French sentences.
    pub description: String,
    /// Street line, e.g. "12 rue de la République".
    pub address: String,
    /// Name of the commune, one of [`DemoCatalogue::communes`].
    pub commune: &'static str,
    /// Postcode of the commune.
    pub postcode: &'static str,
    /// French format, e.g. "04 65 71 12 34".
    pub phone: String,
    /// Fictional address on a .fr domain.
    pub email: String,
    /// Opening slots: (weekday 1 = Monday .. 7 = Sunday, opening "HH:MM", closing "HH:MM");
    /// sorted by day then time; a day without slots is a closed day.
    pub hours: Vec<(u8, &'static str, &'static str)>,
    /// Customers can collect orders at the shop.
    pub offers_pickup: bool,
    /// The shop delivers orders.
    pub offers_delivery: bool,
    /// Micro-entrepreneur under the VAT franchise: all its products have a 0 rate.
    pub vat_exempt: bool,
}

/// A demo product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoProduct {
    /// Slug of the shop selling it.
    pub shop_slug: String,
    /// Slug of its category.
    pub category_slug: String,
    /// Unique within its shop, lowercase ASCII with hyphens.
    pub slug: String,
    /// French name, unique within its shop.
    pub name: String,
    /// One or two French sentences.
    pub description: String,
    /// Price including VAT, in euro cents.
    pub price_cents: i64,
    /// VAT rate in basis points: 0, 210, 550, 1000 or 2000.
    pub vat_rate_bp: i32,
    /// Units in stock; `None` when the shop does not track stock.
    pub stock: Option<i32>,
    /// Days since the product was created, 0 to 120.
    pub days_old: u32,
}

/// Communes, categories, shops and products of a demo marketplace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoCatalogue {
    /// Uzès first, then the surrounding villages.
    pub communes: Vec<DemoCommune>,
    /// Top-level categories first, then sub-categories.
    pub categories: Vec<DemoCategory>,
    /// Shops; see [`demo_catalogue`] for the first two.
    pub shops: Vec<DemoShop>,
    /// Products, grouped by shop in the order of `shops`.
    pub products: Vec<DemoProduct>,
}

/// The demo marketplace: same seed, same data.
///
/// It holds 48 shops (26 food, 16 non-food, 6 restaurants) and about 900 products
/// (never fewer than 784: 16 to 21 per shop, 24 for the two shops below).
/// The first two shops are the ones the demo merchant account manages:
/// `shops[0]` is "Épicerie du Duché" (kind "food") and `shops[1]` is
/// "Chaussures Fabre" (kind "non_food"); both offer pickup and delivery.
/// Names, descriptions and categories of the shops do not depend on the seed;
/// which products each shop sells, their prices, stock and age do.
pub fn demo_catalogue(seed: u64) -> DemoCatalogue {
    let mut rng = Rng::new(seed);
    let communes = communes();
    let categories = categories();
    let phone_base = rng.below(10_000);
    let mut shops = Vec::with_capacity(SHOPS.len());
    let mut products = Vec::with_capacity(SHOPS.len() * 20);
    for (index, spec) in SHOPS.iter().enumerate() {
        let (commune, postcode, _) = COMMUNES[spec.commune];
        let slug = slugify(spec.name);
        let number = rng.range(1, 42);
        shops.push(DemoShop {
            email: format!("contact@{slug}.fr"),
            phone: phone(spec.flags & MOBILE != 0, phone_base, index),
            slug,
            name: spec.name.to_string(),
            kind: spec.trade.kind,
            description: spec.description.to_string(),
            address: format!("{number} {}", spec.street),
            commune,
            postcode,
            hours: spec.hours.to_vec(),
            offers_pickup: spec.flags & NO_PICKUP == 0,
            offers_delivery: spec.flags & DELIVERY != 0,
            vat_exempt: spec.flags & EXEMPT != 0,
        });
    }
    for (index, (spec, shop)) in SHOPS.iter().zip(&shops).enumerate() {
        // The merchant's two shops get a fuller catalogue to play with.
        let count = if index < 2 { 24 } else { 16 + rng.below(6) };
        push_products(&mut rng, spec.trade, shop, count, &mut products);
    }
    DemoCatalogue {
        communes,
        categories,
        shops,
        products,
    }
}

/// A large generated catalogue for benchmarks: `shops` shops and `products` products in total
/// (e.g. 2_000 and 100_000), reusing the same categories, communes and vocabulary; deterministic;
/// must be fast (under ~1 s for 100k in release).
///
/// Kinds, hours, services and VAT status cycle through the demo shops, so the proportions
/// of the demo catalogue are kept. Products are spread unevenly over the shops (from half to
/// one and a half times the average). With `shops == 0` there is nowhere to put products,
/// so the catalogue has none.
pub fn scaled_catalogue(seed: u64, shops: usize, products: usize) -> DemoCatalogue {
    let mut rng = Rng::new(seed ^ 0x5CA1_ED00_0000_0000);
    let communes = communes();
    let categories = categories();
    let phone_base = rng.below(10_000);
    let mut names: HashSet<String> = HashSet::with_capacity(shops);
    let mut slugs: HashSet<String> = HashSet::with_capacity(shops);
    let mut shop_list = Vec::with_capacity(shops);
    for index in 0..shops {
        let spec = &SHOPS[index % SHOPS.len()];
        let trade = spec.trade;
        // Six shops in ten are in Uzès, the others spread over the villages.
        let commune_index = if rng.chance(600) {
            UZES
        } else {
            1 + rng.below(COMMUNES.len() - 1)
        };
        let (commune, postcode, _) = COMMUNES[commune_index];
        let family = FAMILIES[rng.below(FAMILIES.len())];
        let mut name = format!("{} {family}", trade.prefix);
        if names.contains(&name) {
            name = format!("{} {family} ({commune})", trade.prefix);
        }
        if names.contains(&name) {
            name = format!("{} {family} ({commune}, {index})", trade.prefix);
        }
        let slug = unique_slug(&slugify(&name), &slugs);
        names.insert(name.clone());
        slugs.insert(slug.clone());
        let street = STREETS[rng.below(STREETS.len())];
        let number = rng.range(1, 60);
        let closing = CLOSINGS[rng.below(CLOSINGS.len())];
        shop_list.push(DemoShop {
            email: format!("contact@{slug}.fr"),
            phone: phone(spec.flags & MOBILE != 0, phone_base, index),
            slug,
            name,
            kind: trade.kind,
            description: format!("{} à {commune}. {closing}", trade.blurb),
            address: format!("{number} {street}"),
            commune,
            postcode,
            hours: spec.hours.to_vec(),
            offers_pickup: spec.flags & NO_PICKUP == 0,
            offers_delivery: spec.flags & DELIVERY != 0,
            vat_exempt: spec.flags & EXEMPT != 0,
        });
    }
    let counts = spread(&mut rng, shops, products);
    let mut product_list = Vec::with_capacity(if shops == 0 { 0 } else { products });
    for (index, (shop, count)) in shop_list.iter().zip(counts).enumerate() {
        let trade = SHOPS[index % SHOPS.len()].trade;
        push_products(&mut rng, trade, shop, count, &mut product_list);
    }
    DemoCatalogue {
        communes,
        categories,
        shops: shop_list,
        products: product_list,
    }
}

/// How many products each of `shops` shops gets, adding up to `products`.
fn spread(rng: &mut Rng, shops: usize, products: usize) -> Vec<usize> {
    if shops == 0 {
        return Vec::new();
    }
    let base = products / shops;
    let extra = products % shops;
    let mut counts: Vec<usize> = (0..shops).map(|i| base + usize::from(i < extra)).collect();
    // Moving products between shops keeps the total while making shops uneven.
    for from in 0..shops {
        let moved = rng.below(base / 2 + 1).min(counts[from]);
        let to = rng.below(shops);
        counts[from] -= moved;
        counts[to] += moved;
    }
    counts
}

/// Appends `count` products of `trade` for `shop`, with names and slugs unique within the shop.
fn push_products(
    rng: &mut Rng,
    trade: &Trade,
    shop: &DemoShop,
    count: usize,
    out: &mut Vec<DemoProduct>,
) {
    let items = trade.items;
    let mut order: Vec<usize> = (0..items.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let variant_offset = rng.below(trade.variants.len().max(1));
    let notes = notes_for(trade.kind);
    let mut slugs: HashSet<String> = HashSet::with_capacity(count);
    let mut k = 0;
    while slugs.len() < count {
        let (base, category, base_price) = items[order[k % items.len()]];
        let round = k / items.len();
        k += 1;
        // A bottle of wine has no "children's menu" version: restaurants sell drinks as they are.
        if round > 0 && trade.kind == RESTAURANT && root_of(category) == "vins-et-spiritueux" {
            continue;
        }
        // Every item is used once before any gets a variant, and each round uses one
        // variant, so names stay unique; past the variants, a series number is added.
        let (name, percent) = if round == 0 {
            (base.to_string(), 100)
        } else if round <= trade.variants.len() {
            let (suffix, percent) =
                trade.variants[(round - 1 + variant_offset) % trade.variants.len()];
            (format!("{base}{suffix}"), percent)
        } else {
            (
                format!("{base} – série {}", round - trade.variants.len() + 1),
                100,
            )
        };
        let slug = unique_slug(&slugify(&name), &slugs);
        slugs.insert(slug.clone());
        let jitter = rng.range(92, 108);
        let price_cents = round_price(base_price * percent / 100 * jitter / 100);
        let side = trade.side.iter().find(|(c, _)| *c == category);
        let phrases = side.map_or(trade.phrases, |(_, phrases)| phrases);
        let phrase = phrases[rng.below(phrases.len())];
        // Side items keep to their own sentence: the notes speak of the trade's products.
        let description = if side.is_none() && rng.chance(650) {
            let note = notes[rng.below(notes.len())].replace("{commune}", shop.commune);
            format!("{phrase} {note}")
        } else {
            phrase.to_string()
        };
        let draw = rng.below(1000);
        let stock = if draw < 30 {
            None
        } else if draw < 50 {
            Some(0)
        } else if draw < 65 {
            Some(rng.range(1, 2) as i32)
        } else {
            Some(rng.range(3, 60) as i32)
        };
        out.push(DemoProduct {
            shop_slug: shop.slug.clone(),
            category_slug: category.to_string(),
            slug,
            name,
            description,
            price_cents,
            vat_rate_bp: vat_rate(category, shop.vat_exempt),
            stock,
            days_old: rng.below(121) as u32,
        });
    }
}

/// `stem`, or `stem-2`, `stem-3`... whichever is not taken yet.
fn unique_slug(stem: &str, taken: &HashSet<String>) -> String {
    let mut slug = stem.to_string();
    let mut n = 2;
    while taken.contains(&slug) {
        slug = format!("{stem}-{n}");
        n += 1;
    }
    slug
}

/// Rounds a price the way shops display them: to 10 cents under 10 €, to 0.50 € (shown
/// as x,50 or x,90) under 100 €, to the euro above.
fn round_price(cents: i64) -> i64 {
    if cents < 1_000 {
        ((cents + 5) / 10 * 10).max(10)
    } else if cents < 10_000 {
        let rounded = (cents + 25) / 50 * 50;
        if rounded % 100 == 0 {
            rounded - 10
        } else {
            rounded
        }
    } else {
        (cents + 50) / 100 * 100
    }
}

/// French VAT in basis points for a product of `category`.
fn vat_rate(category: &str, exempt: bool) -> i32 {
    if exempt {
        return 0;
    }
    match category {
        "presse" => return 210,
        "papeterie" => return 2000,
        _ => {}
    }
    match root_of(category) {
        "vins-et-spiritueux" => 2000,
        "traiteur" | "plats-a-emporter" | "fleurs-et-plantes" => 1000,
        "epicerie"
        | "boulangerie-patisserie"
        | "boucherie-charcuterie"
        | "fromagerie"
        | "fruits-et-legumes"
        | "poissonnerie"
        | "librairie-papeterie" => 550,
        _ => 2000,
    }
}

/// The top-level category above `slug` (itself when it is top-level or unknown).
fn root_of(slug: &str) -> &str {
    CATEGORIES
        .iter()
        .find(|(s, _, _)| *s == slug)
        .and_then(|(_, _, parent)| *parent)
        .unwrap_or(slug)
}

/// A fictional number from the ARCEP blocks reserved for fiction, unique per index
/// below 10 000 (7 919 is prime to 10 000).
fn phone(mobile: bool, base: usize, index: usize) -> String {
    let last = (base + index * 7_919) % 10_000;
    let block = if mobile { "06 39 98" } else { "04 65 71" };
    format!("{block} {:02} {:02}", last / 100, last % 100)
}

fn communes() -> Vec<DemoCommune> {
    COMMUNES
        .iter()
        .map(|&(name, postcode, insee)| DemoCommune {
            name,
            postcode,
            insee,
        })
        .collect()
}

fn categories() -> Vec<DemoCategory> {
    CATEGORIES
        .iter()
        .map(|&(slug, name, parent)| DemoCategory {
            slug: slug.to_string(),
            name: name.to_string(),
            parent: parent.map(str::to_string),
        })
        .collect()
}

fn notes_for(kind: &str) -> &'static [&'static str] {
    match kind {
        FOOD => FOOD_NOTES,
        RESTAURANT => RESTAURANT_NOTES,
        _ => NON_FOOD_NOTES,
    }
}

/// splitmix64: tiny, fast and good enough to pick demo data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; 0 when `n` is 0.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }
}

const FOOD: &str = "food";
const NON_FOOD: &str = "non_food";
const RESTAURANT: &str = "restaurant";

/// Uzès and villages of the Uzège: (name, postcode, INSEE code), from the official
/// geographic code.
const COMMUNES: [(&str, &str, &str); 18] = [
    ("Uzès", "30700", "30334"),
    ("Saint-Quentin-la-Poterie", "30700", "30295"),
    ("Montaren-et-Saint-Médiers", "30700", "30174"),
    ("Saint-Siffret", "30700", "30299"),
    ("Arpaillargues-et-Aureillac", "30700", "30014"),
    ("Blauzac", "30700", "30041"),
    ("Vallabrix", "30700", "30337"),
    ("Saint-Maximin", "30700", "30286"),
    ("Sanilhac-Sagriès", "30700", "30308"),
    ("Flaux", "30700", "30110"),
    ("Serviers-et-Labaume", "30700", "30319"),
    ("Aigaliers", "30700", "30001"),
    ("Saint-Victor-des-Oules", "30700", "30301"),
    ("Collorgues", "30190", "30086"),
    ("Garrigues-Sainte-Eulalie", "30190", "30126"),
    ("Bourdic", "30190", "30049"),
    ("Baron", "30700", "30030"),
    ("Foissac", "30700", "30111"),
];

const UZES: usize = 0;
const SAINT_QUENTIN: usize = 1;
const MONTAREN: usize = 2;
const SAINT_SIFFRET: usize = 3;
const ARPAILLARGUES: usize = 4;
const BLAUZAC: usize = 5;
const VALLABRIX: usize = 6;
const SAINT_MAXIMIN: usize = 7;
const SANILHAC: usize = 8;
const FLAUX: usize = 9;
const SERVIERS: usize = 10;
const AIGALIERS: usize = 11;
const SAINT_VICTOR: usize = 12;
const COLLORGUES: usize = 13;
const GARRIGUES: usize = 14;
const BOURDIC: usize = 15;
const BARON: usize = 16;
const FOISSAC: usize = 17;

/// (slug, name, parent slug): top-level categories first.
const CATEGORIES: [(&str, &str, Option<&str>); 45] = [
    ("epicerie", "Épicerie", None),
    ("boulangerie-patisserie", "Boulangerie-pâtisserie", None),
    ("boucherie-charcuterie", "Boucherie-charcuterie", None),
    ("fromagerie", "Fromagerie", None),
    ("fruits-et-legumes", "Fruits et légumes", None),
    ("poissonnerie", "Poissonnerie", None),
    ("vins-et-spiritueux", "Vins et spiritueux", None),
    ("traiteur", "Traiteur", None),
    ("plats-a-emporter", "Plats à emporter", None),
    ("librairie-papeterie", "Librairie-papeterie", None),
    ("chaussures", "Chaussures", None),
    ("vetements", "Vêtements", None),
    ("maison-et-decoration", "Maison et décoration", None),
    ("beaute-et-bien-etre", "Beauté et bien-être", None),
    ("jouets-et-jeux", "Jouets et jeux", None),
    ("artisanat", "Artisanat", None),
    ("fleurs-et-plantes", "Fleurs et plantes", None),
    ("sports-et-loisirs", "Sports et loisirs", None),
    (
        "miels-et-confitures",
        "Miels et confitures",
        Some("epicerie"),
    ),
    (
        "huiles-et-condiments",
        "Huiles et condiments",
        Some("epicerie"),
    ),
    ("truffes", "Truffes", Some("epicerie")),
    (
        "chocolats-et-confiseries",
        "Chocolats et confiseries",
        Some("epicerie"),
    ),
    ("cafes-et-thes", "Cafés et thés", Some("epicerie")),
    (
        "viennoiseries",
        "Viennoiseries",
        Some("boulangerie-patisserie"),
    ),
    ("patisseries", "Pâtisseries", Some("boulangerie-patisserie")),
    (
        "fromages-de-chevre",
        "Fromages de chèvre",
        Some("fromagerie"),
    ),
    ("vins-rouges", "Vins rouges", Some("vins-et-spiritueux")),
    ("vins-blancs", "Vins blancs", Some("vins-et-spiritueux")),
    ("vins-roses", "Vins rosés", Some("vins-et-spiritueux")),
    ("bieres", "Bières artisanales", Some("vins-et-spiritueux")),
    ("desserts", "Desserts", Some("plats-a-emporter")),
    (
        "livres-jeunesse",
        "Livres jeunesse",
        Some("librairie-papeterie"),
    ),
    ("papeterie", "Papeterie", Some("librairie-papeterie")),
    ("presse", "Presse", Some("librairie-papeterie")),
    ("chaussures-femme", "Chaussures femme", Some("chaussures")),
    ("chaussures-homme", "Chaussures homme", Some("chaussures")),
    ("chaussures-enfant", "Chaussures enfant", Some("chaussures")),
    ("accessoires", "Accessoires", Some("vetements")),
    (
        "linge-de-maison",
        "Linge de maison",
        Some("maison-et-decoration"),
    ),
    (
        "savons-et-cosmetiques",
        "Savons et cosmétiques",
        Some("beaute-et-bien-etre"),
    ),
    ("jeux-de-societe", "Jeux de société", Some("jouets-et-jeux")),
    (
        "poterie-et-ceramique",
        "Poterie et céramique",
        Some("artisanat"),
    ),
    ("bijoux", "Bijoux", Some("artisanat")),
    ("vannerie", "Vannerie", Some("artisanat")),
    ("velos", "Vélos", Some("sports-et-loisirs")),
];

/// (weekday 1 = Monday .. 7 = Sunday, opening, closing).
type Slot = (u8, &'static str, &'static str);

/// Closed on Monday, open early, and on Sunday morning.
const BAKERY_HOURS: &[Slot] = &[
    (2, "06:30", "13:00"),
    (2, "15:30", "19:30"),
    (3, "06:30", "13:00"),
    (3, "15:30", "19:30"),
    (4, "06:30", "13:00"),
    (4, "15:30", "19:30"),
    (5, "06:30", "13:00"),
    (5, "15:30", "19:30"),
    (6, "06:30", "13:00"),
    (6, "15:30", "19:30"),
    (7, "07:00", "12:30"),
];

/// Food shops: Tuesday to Saturday with a lunch break, Sunday morning.
const FOOD_HOURS: &[Slot] = &[
    (2, "08:30", "12:30"),
    (2, "15:30", "19:00"),
    (3, "08:30", "12:30"),
    (3, "15:30", "19:00"),
    (4, "08:30", "12:30"),
    (4, "15:30", "19:00"),
    (5, "08:30", "12:30"),
    (5, "15:30", "19:00"),
    (6, "08:30", "12:30"),
    (6, "15:30", "19:00"),
    (7, "08:30", "12:30"),
];

/// Town-centre shops: Tuesday to Saturday with a lunch break.
const SHOP_HOURS: &[Slot] = &[
    (2, "09:30", "12:30"),
    (2, "14:30", "19:00"),
    (3, "09:30", "12:30"),
    (3, "14:30", "19:00"),
    (4, "09:30", "12:30"),
    (4, "14:30", "19:00"),
    (5, "09:30", "12:30"),
    (5, "14:30", "19:00"),
    (6, "09:30", "12:30"),
    (6, "14:30", "19:00"),
];

/// Like [`SHOP_HOURS`], plus Monday afternoon.
const SHOP_MONDAY_HOURS: &[Slot] = &[
    (1, "14:30", "19:00"),
    (2, "09:30", "12:30"),
    (2, "14:30", "19:00"),
    (3, "09:30", "12:30"),
    (3, "14:30", "19:00"),
    (4, "09:30", "12:30"),
    (4, "14:30", "19:00"),
    (5, "09:30", "12:30"),
    (5, "14:30", "19:00"),
    (6, "09:30", "12:30"),
    (6, "14:30", "19:00"),
];

/// Monday to Saturday without a break.
const CONTINUOUS_HOURS: &[Slot] = &[
    (1, "09:00", "19:00"),
    (2, "09:00", "19:00"),
    (3, "09:00", "19:00"),
    (4, "09:00", "19:00"),
    (5, "09:00", "19:00"),
    (6, "09:00", "19:00"),
];

/// Producers: the Wednesday and Saturday markets of Uzès, and Friday evening at the farm.
const MARKET_HOURS: &[Slot] = &[
    (3, "07:30", "13:00"),
    (5, "16:00", "19:00"),
    (6, "07:30", "13:00"),
];

/// Farm shop: two evenings and Saturday morning.
const FARM_HOURS: &[Slot] = &[
    (2, "16:00", "19:00"),
    (4, "16:00", "19:00"),
    (6, "08:00", "12:30"),
];

/// Workshops open to visitors every day, Sunday afternoon included.
const WORKSHOP_HOURS: &[Slot] = &[
    (1, "10:00", "12:30"),
    (1, "14:00", "18:30"),
    (2, "10:00", "12:30"),
    (2, "14:00", "18:30"),
    (3, "10:00", "12:30"),
    (3, "14:00", "18:30"),
    (4, "10:00", "12:30"),
    (4, "14:00", "18:30"),
    (5, "10:00", "12:30"),
    (5, "14:00", "18:30"),
    (6, "10:00", "12:30"),
    (6, "14:00", "18:30"),
    (7, "14:30", "18:30"),
];

/// Wine shops: late afternoons and Sunday morning.
const CELLAR_HOURS: &[Slot] = &[
    (2, "10:00", "12:30"),
    (2, "15:30", "19:30"),
    (3, "10:00", "12:30"),
    (3, "15:30", "19:30"),
    (4, "10:00", "12:30"),
    (4, "15:30", "19:30"),
    (5, "10:00", "12:30"),
    (5, "15:30", "19:30"),
    (6, "10:00", "12:30"),
    (6, "15:30", "19:30"),
    (7, "10:00", "12:30"),
];

/// Newsagent: every day from early morning.
const PRESS_HOURS: &[Slot] = &[
    (1, "07:00", "12:30"),
    (1, "14:30", "19:00"),
    (2, "07:00", "12:30"),
    (2, "14:30", "19:00"),
    (3, "07:00", "12:30"),
    (3, "14:30", "19:00"),
    (4, "07:00", "12:30"),
    (4, "14:30", "19:00"),
    (5, "07:00", "12:30"),
    (5, "14:30", "19:00"),
    (6, "07:00", "12:30"),
    (6, "14:30", "19:00"),
    (7, "07:30", "12:30"),
];

/// Fishmonger: mornings only, Tuesday to Sunday.
const FISH_HOURS: &[Slot] = &[
    (2, "07:30", "12:30"),
    (3, "07:30", "12:30"),
    (4, "07:30", "12:30"),
    (5, "07:30", "12:30"),
    (6, "07:30", "12:30"),
    (7, "07:30", "12:30"),
];

/// Florist: like a shop, plus Sunday morning.
const FLORIST_HOURS: &[Slot] = &[
    (2, "09:00", "12:30"),
    (2, "14:30", "19:00"),
    (3, "09:00", "12:30"),
    (3, "14:30", "19:00"),
    (4, "09:00", "12:30"),
    (4, "14:30", "19:00"),
    (5, "09:00", "12:30"),
    (5, "14:30", "19:00"),
    (6, "09:00", "12:30"),
    (6, "14:30", "19:00"),
    (7, "09:00", "12:30"),
];

/// Restaurant: lunch and dinner Tuesday to Saturday, Sunday lunch.
const RESTAURANT_HOURS: &[Slot] = &[
    (2, "12:00", "14:00"),
    (2, "19:00", "22:00"),
    (3, "12:00", "14:00"),
    (3, "19:00", "22:00"),
    (4, "12:00", "14:00"),
    (4, "19:00", "22:00"),
    (5, "12:00", "14:00"),
    (5, "19:00", "22:00"),
    (6, "12:00", "14:00"),
    (6, "19:00", "22:00"),
    (7, "12:00", "14:00"),
];

/// Pizzeria: evenings, and lunch at the weekend.
const PIZZERIA_HOURS: &[Slot] = &[
    (2, "18:30", "22:00"),
    (3, "18:30", "22:00"),
    (4, "18:30", "22:00"),
    (5, "12:00", "14:00"),
    (5, "18:30", "22:00"),
    (6, "12:00", "14:00"),
    (6, "18:30", "22:00"),
    (7, "12:00", "14:00"),
    (7, "18:30", "22:00"),
];

/// Crêperie: Wednesday to Sunday.
const CREPERIE_HOURS: &[Slot] = &[
    (3, "12:00", "14:30"),
    (3, "18:30", "21:30"),
    (4, "12:00", "14:30"),
    (4, "18:30", "21:30"),
    (5, "12:00", "14:30"),
    (5, "18:30", "21:30"),
    (6, "12:00", "14:30"),
    (6, "18:30", "21:30"),
    (7, "12:00", "14:30"),
    (7, "18:30", "21:30"),
];

/// Village inn: Thursday to Sunday lunch, Friday and Saturday dinner.
const INN_HOURS: &[Slot] = &[
    (4, "12:00", "14:00"),
    (5, "12:00", "14:00"),
    (5, "19:30", "21:30"),
    (6, "12:00", "14:00"),
    (6, "19:30", "21:30"),
    (7, "12:00", "14:30"),
];

/// Fine dining: dinner Wednesday to Sunday, lunch at the weekend.
const GASTRO_HOURS: &[Slot] = &[
    (3, "19:30", "22:00"),
    (4, "19:30", "22:00"),
    (5, "19:30", "22:00"),
    (6, "12:00", "13:30"),
    (6, "19:30", "22:00"),
    (7, "12:00", "13:30"),
    (7, "19:30", "22:00"),
];

/// Lunch counter: Monday to Saturday, midday only.
const LUNCH_HOURS: &[Slot] = &[
    (1, "11:30", "15:00"),
    (2, "11:30", "15:00"),
    (3, "11:30", "15:00"),
    (4, "11:30", "15:00"),
    (5, "11:30", "15:00"),
    (6, "11:30", "15:00"),
];

/// (name, category slug, base price TTC in cents).
type Item = (&'static str, &'static str, i64);

/// (suffix added to the name, price in percent of the base price).
type Variant = (&'static str, i64);

/// A trade: what a kind of shop sells and how its products are described.
struct Trade {
    /// First words of generated shop names, e.g. "Boulangerie".
    prefix: &'static str,
    /// Start of generated shop descriptions, followed by " à {commune}."
    blurb: &'static str,
    kind: &'static str,
    items: &'static [Item],
    variants: &'static [Variant],
    /// Phrases for items of a category that is not the trade's own (wine in a restaurant...).
    side: &'static [(&'static str, &'static [&'static str])],
    /// First sentence of product descriptions; written so that it agrees with any item.
    phrases: &'static [&'static str],
}

const WINE_LIST: &[&str] = &[
    "Une bouteille choisie pour accompagner nos plats.",
    "Un vin de la région, sélectionné par la maison.",
    "L'abus d'alcool est dangereux pour la santé, à consommer avec modération.",
];

const HOMEMADE_DESSERTS: &[&str] = &[
    "Un dessert fait maison, à garder au frais jusqu'au moment de servir.",
    "La touche sucrée de la maison, préparée chaque matin.",
    "Un dessert de tradition, comme à la maison.",
];

const RESTAURANT_SIDES: &[(&str, &[&str])] = &[
    ("desserts", HOMEMADE_DESSERTS),
    ("vins-rouges", WINE_LIST),
    ("vins-blancs", WINE_LIST),
    ("vins-roses", WINE_LIST),
    ("vins-et-spiritueux", WINE_LIST),
];

const HOME_GOODS: &[&str] = &[
    "Un objet choisi pour compléter la boutique.",
    "Une idée de cadeau aux couleurs de la Provence.",
    "Une petite touche de décoration pour la maison.",
];

const LOTS: &[Variant] = &[
    (" (lot de 2)", 195),
    (" (lot de 3)", 285),
    (" (coffret cadeau)", 130),
];

static EPICERIE_FINE: Trade = Trade {
    prefix: "Épicerie fine",
    blurb: "Épicerie fine de produits du Gard et de Provence",
    kind: FOOD,
    items: &[
        (
            "Huile d'olive AOP Nîmes 75 cl",
            "huiles-et-condiments",
            2450,
        ),
        (
            "Huile d'olive vierge extra 50 cl",
            "huiles-et-condiments",
            1490,
        ),
        (
            "Tapenade noire aux olives de Nyons",
            "huiles-et-condiments",
            690,
        ),
        ("Tapenade verte aux amandes", "huiles-et-condiments", 690),
        (
            "Olives Picholine du Gard 250 g",
            "huiles-et-condiments",
            590,
        ),
        (
            "Vinaigre de vin rouge à l'ancienne",
            "huiles-et-condiments",
            780,
        ),
        (
            "Moutarde aux herbes de Provence",
            "huiles-et-condiments",
            450,
        ),
        ("Fleur de sel de Camargue", "huiles-et-condiments", 620),
        ("Anchoïade", "huiles-et-condiments", 590),
        ("Herbes de Provence Label Rouge", "epicerie", 390),
        ("Miel de lavande 500 g", "miels-et-confitures", 950),
        ("Miel de garrigue 500 g", "miels-et-confitures", 990),
        ("Confiture de figues", "miels-et-confitures", 620),
        ("Confiture d'abricots du Gard", "miels-et-confitures", 590),
        ("Crème de marrons d'Ardèche", "miels-et-confitures", 560),
        (
            "Pâte à tartiner aux noisettes",
            "chocolats-et-confiseries",
            750,
        ),
        ("Nougat noir de Provence", "chocolats-et-confiseries", 680),
        ("Calissons d'Aix 250 g", "chocolats-et-confiseries", 1590),
        (
            "Écorces d'oranges confites",
            "chocolats-et-confiseries",
            890,
        ),
        ("Biscuits à l'anis", "epicerie", 490),
        ("Croquants aux amandes", "epicerie", 520),
        ("Pois chiches de Montaren 500 g", "epicerie", 480),
        ("Lentilles vertes 500 g", "epicerie", 420),
        ("Riz de Camargue IGP 1 kg", "epicerie", 390),
        ("Pâtes artisanales à l'épeautre", "epicerie", 450),
        ("Brandade de morue nîmoise", "epicerie", 890),
        ("Soupe de poissons de Méditerranée", "epicerie", 790),
        ("Brisures de truffe noire 12,5 g", "truffes", 2900),
        ("Sel à la truffe", "truffes", 1250),
        ("Sirop de violette", "epicerie", 790),
        ("Thé vert à la menthe", "cafes-et-thes", 690),
        ("Pastis artisanal 70 cl", "vins-et-spiritueux", 3200),
    ],
    variants: LOTS,
    side: &[],
    phrases: &[
        "Une spécialité choisie chez un petit producteur du Gard.",
        "Une recette traditionnelle, sans conservateur ni arôme ajouté.",
        "Un classique de notre épicerie, apprécié des Uzétiens comme des visiteurs.",
        "De quoi composer un panier gourmand aux saveurs de Provence.",
        "Une fabrication artisanale en petites séries.",
    ],
};

static BOULANGERIE: Trade = Trade {
    prefix: "Boulangerie",
    blurb: "Boulangerie artisanale",
    kind: FOOD,
    items: &[
        ("Baguette classique", "boulangerie-patisserie", 110),
        ("Baguette de tradition", "boulangerie-patisserie", 130),
        ("Ficelle", "boulangerie-patisserie", 90),
        ("Pain de campagne 400 g", "boulangerie-patisserie", 290),
        ("Pain complet", "boulangerie-patisserie", 280),
        ("Pain aux céréales", "boulangerie-patisserie", 320),
        ("Pain au levain 500 g", "boulangerie-patisserie", 380),
        ("Pain de seigle", "boulangerie-patisserie", 340),
        ("Pain d'épeautre", "boulangerie-patisserie", 450),
        ("Pain aux figues", "boulangerie-patisserie", 420),
        ("Fougasse aux olives", "boulangerie-patisserie", 350),
        ("Fougasse aux lardons", "boulangerie-patisserie", 380),
        ("Pompe à l'huile", "boulangerie-patisserie", 650),
        ("Croissant au beurre", "viennoiseries", 120),
        ("Pain au chocolat", "viennoiseries", 130),
        ("Pain aux raisins", "viennoiseries", 160),
        ("Chausson aux pommes", "viennoiseries", 180),
        ("Croissant aux amandes", "viennoiseries", 220),
        ("Brioche tressée", "viennoiseries", 590),
        ("Chouquettes (sachet de 10)", "viennoiseries", 300),
        ("Éclair au chocolat", "patisseries", 320),
        ("Éclair au café", "patisseries", 320),
        ("Tartelette aux fraises", "patisseries", 390),
        ("Flan pâtissier", "patisseries", 290),
        ("Millefeuille", "patisseries", 380),
        ("Paris-Brest", "patisseries", 420),
        ("Tropézienne", "patisseries", 390),
        ("Navettes à la fleur d'oranger", "patisseries", 550),
        ("Croquants de Nîmes", "patisseries", 590),
        ("Sablés aux amandes", "patisseries", 450),
    ],
    variants: &[(" (bio)", 120), (" (lot de 2)", 195), (" (lot de 4)", 380)],
    side: &[],
    phrases: &[
        "Pétrissage lent, levain maison et cuisson sur la sole du four.",
        "Une fabrication maison avec des farines de meuniers de la région.",
        "Sortie du four plusieurs fois par jour pour une fraîcheur garantie.",
        "Une recette de tradition, sans additif ni améliorant.",
        "Beurre AOP et ingrédients choisis pour une gourmandise sans compromis.",
    ],
};

static PATISSERIE: Trade = Trade {
    prefix: "Pâtisserie",
    blurb: "Pâtisserie et chocolaterie",
    kind: FOOD,
    items: &[
        ("Éclair au chocolat", "patisseries", 350),
        ("Éclair à la pistache", "patisseries", 380),
        ("Religieuse au café", "patisseries", 390),
        ("Tarte au citron meringuée", "patisseries", 420),
        ("Tartelette aux framboises", "patisseries", 450),
        ("Fraisier", "patisseries", 480),
        ("Opéra", "patisseries", 450),
        ("Saint-Honoré", "patisseries", 480),
        ("Mille-feuille à la vanille", "patisseries", 420),
        ("Baba au rhum", "patisseries", 420),
        ("Charlotte aux poires", "patisseries", 420),
        ("Crème brûlée", "patisseries", 390),
        ("Crèmes dessert à la vanille (lot de 4)", "patisseries", 520),
        ("Entremets trois chocolats", "patisseries", 2800),
        ("Tarte tropézienne pour 6", "patisseries", 2400),
        ("Macarons (boîte de 6)", "patisseries", 1050),
        ("Macarons (boîte de 12)", "patisseries", 1950),
        (
            "Tablette de chocolat noir 70 %",
            "chocolats-et-confiseries",
            590,
        ),
        ("Orangettes", "chocolats-et-confiseries", 1250),
        ("Truffes au chocolat", "chocolats-et-confiseries", 1490),
        ("Pâtes de fruits", "chocolats-et-confiseries", 990),
        ("Mendiants", "chocolats-et-confiseries", 890),
        ("Rochers pralinés", "chocolats-et-confiseries", 1190),
        ("Florentins", "chocolats-et-confiseries", 890),
    ],
    variants: &[
        (" (petit format)", 70),
        (" (grand format)", 180),
        (" (coffret)", 150),
    ],
    side: &[],
    phrases: &[
        "Une création du chef, montée chaque matin dans notre laboratoire.",
        "Chocolat de couverture, beurre AOP et fruits de saison.",
        "Une recette de grande tradition revisitée avec légèreté.",
        "La gourmandise préférée de nos clients le dimanche.",
    ],
};

static FROMAGERIE: Trade = Trade {
    prefix: "Fromagerie",
    blurb: "Fromagerie et crèmerie",
    kind: FOOD,
    items: &[
        ("Pélardon affiné", "fromages-de-chevre", 320),
        ("Pélardon frais", "fromages-de-chevre", 290),
        ("Tomme de chèvre des Cévennes", "fromages-de-chevre", 790),
        ("Picodon de la Drôme", "fromages-de-chevre", 330),
        ("Crottin de Chavignol", "fromages-de-chevre", 350),
        ("Sainte-Maure de Touraine", "fromages-de-chevre", 690),
        ("Banon AOP", "fromages-de-chevre", 650),
        ("Roquefort AOP 200 g", "fromagerie", 690),
        ("Comté 18 mois 250 g", "fromagerie", 790),
        ("Comté 30 mois 250 g", "fromagerie", 990),
        ("Beaufort d'été 250 g", "fromagerie", 950),
        ("Brie de Meaux 250 g", "fromagerie", 650),
        ("Camembert de Normandie AOP", "fromagerie", 590),
        ("Tomme de Savoie 250 g", "fromagerie", 550),
        ("Saint-Nectaire fermier", "fromagerie", 690),
        ("Reblochon fermier", "fromagerie", 790),
        ("Bleu des Causses 200 g", "fromagerie", 520),
        ("Tomme de brebis des Pyrénées 250 g", "fromagerie", 890),
        ("Ossau-Iraty 250 g", "fromagerie", 850),
        ("Époisses", "fromagerie", 990),
        ("Mont d'Or", "fromagerie", 1490),
        ("Brocciu frais", "fromagerie", 790),
        ("Fromage frais au lait de brebis", "fromagerie", 420),
        ("Beurre de baratte demi-sel", "fromagerie", 390),
        ("Crème fraîche épaisse 25 cl", "fromagerie", 350),
        ("Yaourts au lait de brebis (lot de 4)", "fromagerie", 480),
    ],
    variants: &[
        (" (demi-portion)", 55),
        (" (grosse part)", 180),
        (" (plateau dégustation)", 300),
    ],
    side: &[],
    phrases: &[
        "Affinage dans notre cave, à la bonne température et à la bonne humidité.",
        "Une sélection de fromages au lait cru, choisis chez des producteurs fermiers.",
        "À sortir du réfrigérateur une heure avant la dégustation.",
        "Un incontournable du plateau, à marier avec un vin du Duché d'Uzès.",
    ],
};

static CHEVRERIE: Trade = Trade {
    prefix: "Chèvrerie",
    blurb: "Élevage de chèvres et fromagerie fermière",
    kind: FOOD,
    items: &[
        ("Pélardon frais", "fromages-de-chevre", 280),
        ("Pélardon demi-sec", "fromages-de-chevre", 300),
        ("Pélardon affiné", "fromages-de-chevre", 320),
        ("Pélardon cendré", "fromages-de-chevre", 340),
        ("Tomme de chèvre fermière", "fromages-de-chevre", 890),
        ("Bûche de chèvre", "fromages-de-chevre", 550),
        ("Faisselle de chèvre", "fromages-de-chevre", 320),
        ("Chèvre frais aux herbes", "fromages-de-chevre", 350),
        ("Chèvre frais au poivre", "fromages-de-chevre", 350),
        ("Yaourt au lait de chèvre", "fromages-de-chevre", 180),
        ("Lait de chèvre cru 1 l", "fromages-de-chevre", 250),
        ("Confiture de lait de chèvre", "miels-et-confitures", 690),
    ],
    variants: &[
        (" (lot de 3)", 280),
        (" (lot de 6)", 540),
        (" (format familial)", 250),
    ],
    side: &[],
    phrases: &[
        "Lait cru de nos chèvres nourries en garrigue, caillé lentement à la ferme.",
        "Une fabrication fermière, du pâturage au moulage à la louche.",
        "Un goût qui change avec les saisons et les fleurs de la garrigue.",
        "Moulage à la main et affinage dans notre hâloir.",
    ],
};

static BOUCHERIE: Trade = Trade {
    prefix: "Boucherie",
    blurb: "Boucherie-charcuterie traditionnelle",
    kind: FOOD,
    items: &[
        ("Épaule d'agneau", "boucherie-charcuterie", 2390),
        ("Gigot d'agneau", "boucherie-charcuterie", 3490),
        ("Côtes d'agneau", "boucherie-charcuterie", 1790),
        ("Côte de bœuf maturée", "boucherie-charcuterie", 3990),
        (
            "Entrecôtes de bœuf (2 pièces)",
            "boucherie-charcuterie",
            2390,
        ),
        ("Bavette d'aloyau", "boucherie-charcuterie", 1890),
        ("Steaks hachés (lot de 4)", "boucherie-charcuterie", 1190),
        ("Rôti de veau", "boucherie-charcuterie", 3290),
        ("Escalopes de veau", "boucherie-charcuterie", 1690),
        (
            "Daube de taureau de Camargue AOP",
            "boucherie-charcuterie",
            2190,
        ),
        ("Gardiane de taureau", "boucherie-charcuterie", 1890),
        ("Poulet fermier Label Rouge", "boucherie-charcuterie", 1690),
        (
            "Saucisses de Toulouse (lot de 6)",
            "boucherie-charcuterie",
            990,
        ),
        ("Chipolatas aux herbes", "boucherie-charcuterie", 890),
        ("Merguez maison", "boucherie-charcuterie", 890),
        (
            "Jambon cru des Cévennes (10 tranches)",
            "boucherie-charcuterie",
            1190,
        ),
        (
            "Jambon blanc à l'os (4 tranches)",
            "boucherie-charcuterie",
            690,
        ),
        ("Saucisson sec de montagne", "boucherie-charcuterie", 850),
        ("Pâté de campagne", "boucherie-charcuterie", 390),
        ("Terrine de sanglier", "boucherie-charcuterie", 590),
        ("Rillettes de canard", "boucherie-charcuterie", 650),
        ("Fricandeau", "boucherie-charcuterie", 450),
        ("Caillettes ardéchoises", "boucherie-charcuterie", 590),
        ("Boudin noir", "boucherie-charcuterie", 590),
        ("Manchons de canard confits", "boucherie-charcuterie", 1290),
    ],
    variants: &[
        (" (portion pour 2)", 100),
        (" (portion pour 4)", 190),
        (" (colis famille)", 350),
    ],
    side: &[],
    phrases: &[
        "Viande d'éleveurs du Gard et de Lozère, découpée à la demande.",
        "Une préparation maison dans notre laboratoire, selon les recettes de la famille.",
        "Maturation en chambre froide pour plus de tendreté et de goût.",
        "Le conseil du boucher : une cuisson douce et un temps de repos avant de servir.",
    ],
};

static VOLAILLER: Trade = Trade {
    prefix: "Volailles",
    blurb: "Élevage de volailles en plein air",
    kind: FOOD,
    items: &[
        ("Poulet fermier entier", "boucherie-charcuterie", 1690),
        ("Pintade fermière", "boucherie-charcuterie", 1890),
        ("Canette", "boucherie-charcuterie", 2190),
        ("Coquelet", "boucherie-charcuterie", 890),
        ("Poule au pot", "boucherie-charcuterie", 1490),
        ("Chapon fermier", "boucherie-charcuterie", 4590),
        ("Cuisses de poulet (lot de 4)", "boucherie-charcuterie", 990),
        ("Filets de poulet", "boucherie-charcuterie", 1290),
        ("Ailes de poulet marinées", "boucherie-charcuterie", 790),
        ("Saucisses de volaille", "boucherie-charcuterie", 790),
        ("Foies de volaille", "boucherie-charcuterie", 450),
        ("Terrine de volaille", "boucherie-charcuterie", 520),
        ("Œufs frais (boîte de 6)", "epicerie", 290),
        ("Œufs frais (boîte de 12)", "epicerie", 540),
    ],
    variants: LOTS,
    side: &[(
        "epicerie",
        &[
            "Des œufs pondus par nos poules élevées en plein air.",
            "Ramassage chaque matin, calibrage et mise en boîte à la ferme.",
        ],
    )],
    phrases: &[
        "Volailles élevées en plein air sur nos parcours, nourries de céréales de la ferme.",
        "Abattage et découpe à la ferme, dans le respect des animaux.",
        "Croissance lente, au moins cent jours d'élevage.",
        "De la ferme à votre table sans intermédiaire.",
    ],
};

static PRIMEUR: Trade = Trade {
    prefix: "Primeurs",
    blurb: "Fruits et légumes de saison",
    kind: FOOD,
    items: &[
        ("Tomates cœur de bœuf 1 kg", "fruits-et-legumes", 490),
        ("Tomates cerises (barquette)", "fruits-et-legumes", 350),
        ("Courgettes 1 kg", "fruits-et-legumes", 290),
        ("Aubergines 1 kg", "fruits-et-legumes", 390),
        ("Poivrons rouges 1 kg", "fruits-et-legumes", 450),
        (
            "Oignons doux des Cévennes AOP 1 kg",
            "fruits-et-legumes",
            450,
        ),
        ("Ail violet 250 g", "fruits-et-legumes", 390),
        ("Échalotes 500 g", "fruits-et-legumes", 320),
        ("Épinards frais 500 g", "fruits-et-legumes", 320),
        ("Pommes de terre nouvelles 1 kg", "fruits-et-legumes", 250),
        ("Carottes (botte)", "fruits-et-legumes", 220),
        ("Radis (botte)", "fruits-et-legumes", 180),
        ("Salade batavia", "fruits-et-legumes", 150),
        ("Asperges vertes (botte)", "fruits-et-legumes", 690),
        ("Courge butternut", "fruits-et-legumes", 350),
        ("Basilic frais (bouquet)", "fruits-et-legumes", 150),
        ("Melon de Cavaillon", "fruits-et-legumes", 350),
        ("Pêches jaunes 1 kg", "fruits-et-legumes", 450),
        ("Abricots 1 kg", "fruits-et-legumes", 550),
        ("Cerises 500 g", "fruits-et-legumes", 590),
        ("Fraises gariguette 500 g", "fruits-et-legumes", 590),
        ("Figues violettes 500 g", "fruits-et-legumes", 490),
        ("Raisin muscat 1 kg", "fruits-et-legumes", 450),
        ("Pommes golden 1 kg", "fruits-et-legumes", 280),
        ("Poires williams 1 kg", "fruits-et-legumes", 350),
        ("Citrons 500 g", "fruits-et-legumes", 350),
        ("Clémentines de Corse 1 kg", "fruits-et-legumes", 450),
        ("Noix 500 g", "fruits-et-legumes", 690),
        ("Châtaignes d'Ardèche 500 g", "fruits-et-legumes", 490),
    ],
    variants: &[
        (" (bio)", 130),
        (" (calibre extra)", 125),
        (" (cagette)", 450),
    ],
    side: &[],
    phrases: &[
        "Cueillette à maturité chez des maraîchers du Gard.",
        "Des produits de saison, du champ à l'étal en moins de deux jours.",
        "Une culture en pleine terre, sans traitement après récolte.",
        "Toute la saveur du soleil de l'Uzège.",
        "Le choix du primeur, selon les arrivages de la semaine.",
    ],
};

static CAVISTE: Trade = Trade {
    prefix: "Cave",
    blurb: "Caviste indépendant",
    kind: FOOD,
    items: &[
        ("Côtes-du-Rhône rouge 2022", "vins-rouges", 890),
        ("Duché d'Uzès rouge 2021", "vins-rouges", 1290),
        ("Lirac rouge 2021", "vins-rouges", 1690),
        ("Costières de Nîmes rouge 2022", "vins-rouges", 950),
        ("Châteauneuf-du-Pape rouge 2020", "vins-rouges", 3900),
        ("Gigondas 2020", "vins-rouges", 2690),
        ("Vacqueyras 2021", "vins-rouges", 1990),
        ("Pic Saint-Loup rouge 2021", "vins-rouges", 1790),
        ("Côtes-du-Rhône Villages Laudun 2022", "vins-rouges", 1190),
        ("Vin de pays du Gard rouge 2023", "vins-rouges", 690),
        ("Duché d'Uzès blanc 2023", "vins-blancs", 1190),
        ("Costières de Nîmes blanc 2023", "vins-blancs", 990),
        ("Viognier IGP Cévennes 2023", "vins-blancs", 1090),
        ("Picpoul de Pinet 2024", "vins-blancs", 990),
        ("Muscat de Beaumes-de-Venise", "vins-blancs", 1590),
        ("Duché d'Uzès rosé 2024", "vins-roses", 990),
        ("Tavel rosé 2023", "vins-roses", 1450),
        ("Côtes de Provence rosé 2024", "vins-roses", 1190),
        ("Clairette de Die brut", "vins-et-spiritueux", 1390),
        ("Crémant de Limoux", "vins-et-spiritueux", 1290),
        ("Champagne brut", "vins-et-spiritueux", 3490),
        (
            "Pastis de Marseille artisanal 70 cl",
            "vins-et-spiritueux",
            3200,
        ),
        ("Liqueur de châtaigne 50 cl", "vins-et-spiritueux", 2290),
        ("Whisky français 70 cl", "vins-et-spiritueux", 4990),
        ("Bière blonde artisanale 33 cl", "bieres", 350),
    ],
    variants: &[
        (" (carton de 6)", 560),
        (" (coffret cadeau)", 120),
        (" (caisse bois de 3)", 300),
    ],
    side: &[
        (
            "bieres",
            &[
                "Une bière de brasseur indépendant, refermentée en bouteille.",
                "L'abus d'alcool est dangereux pour la santé, à consommer avec modération.",
            ],
        ),
        (
            "vins-et-spiritueux",
            &[
                "Une sélection de notre caviste pour l'apéritif et les grandes occasions.",
                "L'abus d'alcool est dangereux pour la santé, à consommer avec modération.",
            ],
        ),
    ],
    phrases: &[
        "Une cuvée dégustée et choisie au domaine par notre caviste.",
        "À servir à bonne température, idéalement après une heure en carafe.",
        "Un bel accord avec les viandes grillées et les fromages de la région.",
        "Une bouteille de vigneron indépendant, vinifiée avec un minimum d'intrants.",
        "L'abus d'alcool est dangereux pour la santé, à consommer avec modération.",
    ],
};

static DOMAINE: Trade = Trade {
    prefix: "Domaine",
    blurb: "Domaine viticole en AOC Duché d'Uzès",
    kind: FOOD,
    items: &[
        (
            "Duché d'Uzès rouge cuvée Tradition 2022",
            "vins-rouges",
            1090,
        ),
        (
            "Duché d'Uzès rouge cuvée Prestige 2020",
            "vins-rouges",
            1690,
        ),
        ("Grenache vieilles vignes 2021", "vins-rouges", 1490),
        ("Syrah élevée en fût 2020", "vins-rouges", 1890),
        ("Vin des Cévennes rouge 2023", "vins-rouges", 690),
        ("Duché d'Uzès blanc 2023", "vins-blancs", 1190),
        ("Viognier 2023", "vins-blancs", 1090),
        ("Blanc de blancs pétillant", "vins-et-spiritueux", 1290),
        ("Duché d'Uzès rosé 2024", "vins-roses", 950),
        ("Rosé de saignée 2024", "vins-roses", 890),
        ("Marc de raisin 50 cl", "vins-et-spiritueux", 2890),
        ("Jus de raisin artisanal 1 l", "epicerie", 490),
        ("Vinaigre de vin 50 cl", "huiles-et-condiments", 690),
    ],
    variants: &[
        (" (carton de 6)", 570),
        (" (carton de 12)", 1100),
        (" (caisse bois de 3)", 300),
    ],
    side: &[
        (
            "vins-et-spiritueux",
            &[
                "Une spécialité du domaine, pour l'apéritif ou la fin du repas.",
                "L'abus d'alcool est dangereux pour la santé, à consommer avec modération.",
            ],
        ),
        (
            "epicerie",
            &["Le raisin du domaine, pressé et pasteurisé doucement, sans sucre ajouté."],
        ),
        (
            "huiles-et-condiments",
            &["Un vinaigre élaboré lentement à partir des vins du domaine."],
        ),
    ],
    phrases: &[
        "Vendanges manuelles sur nos coteaux calcaires autour de Saint-Siffret.",
        "Une vinification au domaine, élevage en cuve ou en fût selon la cuvée.",
        "Un vin de garrigue, aux notes de fruits noirs et d'épices douces.",
        "L'abus d'alcool est dangereux pour la santé, à consommer avec modération.",
    ],
};

static MOULIN: Trade = Trade {
    prefix: "Moulin à huile",
    blurb: "Moulin à huile d'olive",
    kind: FOOD,
    items: &[
        (
            "Huile d'olive AOP Nîmes 75 cl",
            "huiles-et-condiments",
            2450,
        ),
        (
            "Huile d'olive AOP Nîmes 50 cl",
            "huiles-et-condiments",
            1790,
        ),
        ("Huile d'olive AOP Nîmes 25 cl", "huiles-et-condiments", 990),
        (
            "Huile d'olive fruité noir 50 cl",
            "huiles-et-condiments",
            1890,
        ),
        (
            "Huile d'olive fruité vert Picholine 50 cl",
            "huiles-et-condiments",
            1690,
        ),
        ("Huile d'olive Aglandau 50 cl", "huiles-et-condiments", 1690),
        (
            "Huile d'olive en fontaine de 3 l",
            "huiles-et-condiments",
            6900,
        ),
        (
            "Huile aromatisée au basilic 25 cl",
            "huiles-et-condiments",
            890,
        ),
        (
            "Huile à la truffe noire 25 cl",
            "huiles-et-condiments",
            1990,
        ),
        (
            "Olives Picholine cassées 250 g",
            "huiles-et-condiments",
            550,
        ),
        ("Olives noires de Nyons 250 g", "huiles-et-condiments", 690),
        ("Olives Lucques 250 g", "huiles-et-condiments", 750),
        ("Tapenade noire", "huiles-et-condiments", 590),
        ("Tapenade verte", "huiles-et-condiments", 590),
        ("Pâte d'olive aux herbes", "huiles-et-condiments", 590),
        (
            "Vinaigre balsamique aux figues",
            "huiles-et-condiments",
            890,
        ),
        ("Sel aux olives", "huiles-et-condiments", 590),
        (
            "Coffret dégustation trois huiles",
            "huiles-et-condiments",
            3900,
        ),
    ],
    variants: &[
        (" (coffret cadeau)", 130),
        (" (lot de 3)", 280),
        (" (lot de 6)", 540),
    ],
    side: &[],
    phrases: &[
        "Olives de l'Uzège pressées à froid dans notre moulin, dans les heures qui suivent la récolte.",
        "Une huile au fruité intense, parfaite crue sur les légumes du soleil.",
        "Trituration à froid et décantation naturelle, sans filtration.",
        "Le meilleur des vergers d'oliviers du Gard, récolte après récolte.",
    ],
};

static TRUFFES: Trade = Trade {
    prefix: "Truffes",
    blurb: "Trufficulteurs de l'Uzège",
    kind: FOOD,
    items: &[
        ("Truffe noire fraîche 50 g", "truffes", 5500),
        ("Truffe noire fraîche 100 g", "truffes", 10500),
        ("Truffe d'été 50 g", "truffes", 2200),
        ("Brisures de truffe noire 25 g", "truffes", 3900),
        ("Jus de truffe noire 20 cl", "truffes", 2900),
        ("Huile à la truffe noire 10 cl", "truffes", 1490),
        ("Sel à la truffe noire", "truffes", 1290),
        ("Beurre à la truffe", "truffes", 990),
        ("Carpaccio de truffe d'été", "truffes", 2490),
        ("Tapenade à la truffe", "truffes", 1190),
        ("Miel à la truffe", "truffes", 1590),
        ("Moutarde à la truffe", "truffes", 890),
        ("Pâtes aux truffes 250 g", "epicerie", 990),
        ("Risotto à la truffe 250 g", "epicerie", 1190),
        ("Chips à la truffe", "epicerie", 490),
        ("Coffret truffe et huile", "truffes", 5900),
    ],
    variants: &[
        (" (coffret cadeau)", 130),
        (" (lot de 2)", 195),
        (" (format professionnel)", 400),
    ],
    side: &[],
    phrases: &[
        "Cavage avec nos chiens dans les truffières de chênes verts de l'Uzège.",
        "Des truffes brossées à la main et triées une à une.",
        "Le diamant noir de l'Uzège, à découvrir au marché aux truffes de janvier.",
        "Un parfum puissant qui sublime une simple brouillade d'œufs.",
    ],
};

static APICULTEUR: Trade = Trade {
    prefix: "Rucher",
    blurb: "Apiculteur récoltant",
    kind: FOOD,
    items: &[
        ("Miel de lavande 500 g", "miels-et-confitures", 1100),
        ("Miel de garrigue 500 g", "miels-et-confitures", 1050),
        ("Miel de châtaignier 500 g", "miels-et-confitures", 1050),
        ("Miel de romarin 500 g", "miels-et-confitures", 1150),
        ("Miel de thym 500 g", "miels-et-confitures", 1250),
        (
            "Miel de printemps crémeux 500 g",
            "miels-et-confitures",
            950,
        ),
        ("Miel d'acacia 500 g", "miels-et-confitures", 1150),
        ("Miel de bruyère 500 g", "miels-et-confitures", 1150),
        ("Pollen frais 250 g", "miels-et-confitures", 1290),
        ("Gelée royale 10 g", "miels-et-confitures", 2490),
        ("Pain d'épices au miel", "epicerie", 750),
        ("Nougat au miel", "chocolats-et-confiseries", 690),
        ("Bonbons au miel", "chocolats-et-confiseries", 450),
        ("Vinaigre de miel", "huiles-et-condiments", 690),
        ("Hydromel 75 cl", "vins-et-spiritueux", 1490),
    ],
    variants: LOTS,
    side: &[],
    phrases: &[
        "Récolte de nos ruches installées dans les garrigues d'Aigaliers.",
        "Une extraction à froid et une mise en pot à la miellerie, sans chauffage.",
        "Un produit de la ruche, naturel et non pasteurisé.",
        "Le travail patient de nos abeilles, saison après saison.",
    ],
};

static TRAITEUR: Trade = Trade {
    prefix: "Traiteur",
    blurb: "Traiteur et plats cuisinés",
    kind: FOOD,
    items: &[
        ("Brandade de morue maison", "traiteur", 1290),
        ("Tielle sétoise", "traiteur", 890),
        ("Lasagnes aux légumes du soleil", "traiteur", 990),
        ("Parmentier de canard", "traiteur", 1290),
        ("Gardiane de taureau et riz de Camargue", "traiteur", 1390),
        ("Taboulé à la menthe 500 g", "traiteur", 690),
        ("Salade niçoise", "traiteur", 890),
        ("Quiche lorraine", "traiteur", 690),
        ("Tarte aux légumes du soleil", "traiteur", 750),
        ("Pissaladière", "traiteur", 650),
        ("Petits farcis provençaux (lot de 4)", "traiteur", 1090),
        ("Poulet basquaise", "traiteur", 1190),
        ("Blanquette de veau", "traiteur", 1390),
        ("Bœuf bourguignon", "traiteur", 1390),
        ("Aïoli complet", "traiteur", 1590),
        ("Soupe au pistou 1 l", "traiteur", 890),
        ("Paella royale", "traiteur", 1290),
        ("Terrine de campagne maison", "traiteur", 590),
        ("Œufs mimosa (lot de 6)", "traiteur", 590),
        ("Gratin dauphinois", "traiteur", 790),
        ("Ratatouille 500 g", "traiteur", 790),
        ("Verrines apéritives (lot de 12)", "traiteur", 1890),
        ("Plateau apéritif pour 6", "traiteur", 3900),
        ("Tiramisu", "traiteur", 450),
        ("Crème brûlée", "traiteur", 390),
    ],
    variants: &[
        (" (part individuelle)", 60),
        (" (pour 4 personnes)", 360),
        (" (pour 8 personnes)", 700),
    ],
    side: &[],
    phrases: &[
        "Cuisiné le jour même dans notre laboratoire avec des produits frais.",
        "Une recette familiale, mijotée longuement comme à la maison.",
        "À réchauffer doucement au four avant de servir.",
        "Un plat généreux, idéal pour les repas de famille et les réceptions.",
    ],
};

static EPICERIE_BIO: Trade = Trade {
    prefix: "Épicerie bio",
    blurb: "Épicerie biologique et vrac",
    kind: FOOD,
    items: &[
        ("Flocons d'avoine bio 500 g", "epicerie", 290),
        ("Muesli aux fruits secs", "epicerie", 490),
        ("Lentilles corail bio 500 g", "epicerie", 420),
        ("Quinoa blanc bio 500 g", "epicerie", 590),
        ("Pois chiches bio 500 g", "epicerie", 390),
        (
            "Farine de petit épeautre de Haute-Provence 1 kg",
            "epicerie",
            590,
        ),
        ("Amandes de Provence 250 g", "epicerie", 990),
        ("Noix de cajou 250 g", "epicerie", 790),
        ("Raisins secs 250 g", "epicerie", 390),
        ("Abricots secs 250 g", "epicerie", 590),
        ("Dattes Medjool 500 g", "epicerie", 1090),
        ("Huile de tournesol bio 1 l", "huiles-et-condiments", 590),
        ("Sucre de canne complet 500 g", "epicerie", 390),
        ("Chocolat noir bio 100 g", "chocolats-et-confiseries", 350),
        ("Café bio en grains 250 g", "cafes-et-thes", 790),
        ("Thé Earl Grey bio 100 g", "cafes-et-thes", 690),
        ("Tisane de verveine 50 g", "cafes-et-thes", 550),
        ("Jus de pomme bio 1 l", "epicerie", 390),
        ("Pâtes complètes bio 500 g", "epicerie", 290),
        ("Riz basmati bio 1 kg", "epicerie", 550),
        ("Graines de courge 250 g", "epicerie", 490),
        ("Purée d'amandes 250 g", "epicerie", 890),
        ("Compote pomme-poire sans sucre ajouté", "epicerie", 350),
        ("Tofu nature 250 g", "epicerie", 350),
    ],
    variants: LOTS,
    side: &[],
    phrases: &[
        "Un produit issu de l'agriculture biologique, vendu au poids pour limiter les emballages.",
        "Sélectionné chez des producteurs français, en priorité d'Occitanie.",
        "Venez avec vos bocaux, nous les pesons à vide.",
        "Un indispensable du placard, simple et de qualité.",
    ],
};

static POISSONNERIE: Trade = Trade {
    prefix: "Poissonnerie",
    blurb: "Poissonnerie de Méditerranée",
    kind: FOOD,
    items: &[
        ("Dorade royale de Méditerranée", "poissonnerie", 1290),
        ("Loup de ligne", "poissonnerie", 2490),
        ("Filets de sole", "poissonnerie", 2890),
        ("Rougets barbets 500 g", "poissonnerie", 1590),
        ("Sardines fraîches 500 g", "poissonnerie", 590),
        ("Maquereaux 1 kg", "poissonnerie", 890),
        ("Filet de cabillaud 500 g", "poissonnerie", 1490),
        ("Pavé de thon rouge", "poissonnerie", 1890),
        ("Calamars 500 g", "poissonnerie", 990),
        ("Seiches pour la rouille", "poissonnerie", 1290),
        ("Gambas 500 g", "poissonnerie", 1890),
        ("Moules de Bouzigues 1 kg", "poissonnerie", 650),
        ("Huîtres de Bouzigues (douzaine)", "poissonnerie", 1190),
        ("Tellines de Camargue 500 g", "poissonnerie", 1290),
        ("Palourdes 500 g", "poissonnerie", 1190),
        ("Morue dessalée 500 g", "poissonnerie", 1490),
        ("Anchois marinés", "poissonnerie", 450),
        ("Soupe de poissons de roche 1 l", "poissonnerie", 890),
        ("Rouille 150 g", "poissonnerie", 450),
        ("Tielle sétoise", "poissonnerie", 850),
    ],
    variants: &[
        (" (lot de 2)", 195),
        (" (lot de 3)", 285),
        (" (grande barquette)", 180),
    ],
    side: &[],
    phrases: &[
        "Arrivage du matin depuis les criées du Grau-du-Roi et de Sète.",
        "Pêche de petits bateaux de Méditerranée, selon la météo et la saison.",
        "Préparation à la demande : écaillage, vidage et filets.",
        "Une fraîcheur à consommer dans les deux jours.",
    ],
};

static BRASSERIE: Trade = Trade {
    prefix: "Brasserie",
    blurb: "Micro-brasserie artisanale",
    kind: FOOD,
    items: &[
        ("Bière blonde 33 cl", "bieres", 350),
        ("Bière blanche au thym 33 cl", "bieres", 380),
        ("Bière ambrée 33 cl", "bieres", 380),
        ("IPA des garrigues 33 cl", "bieres", 420),
        ("Stout au café 33 cl", "bieres", 420),
        ("Saison au romarin 33 cl", "bieres", 390),
        ("Pale ale 33 cl", "bieres", 380),
        ("Bière triple 75 cl", "bieres", 790),
        ("Bière de Noël 75 cl", "bieres", 790),
        ("Bière rousse 33 cl", "bieres", 380),
        ("Bière brune 33 cl", "bieres", 390),
        ("Limonade artisanale au citron 33 cl", "epicerie", 290),
        ("Crackers aux drêches", "epicerie", 450),
    ],
    variants: &[
        (" (pack de 6)", 560),
        (" (pack de 12)", 1080),
        (" (carton de 24)", 2100),
    ],
    side: &[(
        "epicerie",
        &[
            "Une fabrication maison à la brasserie, pour les petits et les grands.",
            "Une recette de la brasserie, sans colorant ni conservateur.",
        ],
    )],
    phrases: &[
        "Brassée, fermentée et embouteillée à la main dans notre brasserie.",
        "Malts français et houblons choisis, refermentation en bouteille.",
        "À servir fraîche, entre 6 et 8 degrés.",
        "L'abus d'alcool est dangereux pour la santé, à consommer avec modération.",
    ],
};

static CONFISERIE: Trade = Trade {
    prefix: "Confiserie",
    blurb: "Confiserie à l'ancienne",
    kind: FOOD,
    items: &[
        ("Calissons d'Aix 200 g", "chocolats-et-confiseries", 1490),
        (
            "Nougat blanc de Montélimar 200 g",
            "chocolats-et-confiseries",
            790,
        ),
        ("Nougat noir 200 g", "chocolats-et-confiseries", 750),
        ("Berlingots 150 g", "chocolats-et-confiseries", 490),
        ("Pâtes de fruits 250 g", "chocolats-et-confiseries", 990),
        ("Guimauves artisanales", "chocolats-et-confiseries", 390),
        ("Bâtons de réglisse", "chocolats-et-confiseries", 290),
        ("Rouleaux de réglisse", "chocolats-et-confiseries", 350),
        ("Sucettes artisanales", "chocolats-et-confiseries", 180),
        (
            "Fruits confits d'Apt 250 g",
            "chocolats-et-confiseries",
            1290,
        ),
        ("Caramels au beurre salé", "chocolats-et-confiseries", 590),
        ("Dragées aux amandes 250 g", "chocolats-et-confiseries", 990),
        (
            "Marrons glacés (boîte de 8)",
            "chocolats-et-confiseries",
            1690,
        ),
        ("Pralines roses 250 g", "chocolats-et-confiseries", 690),
        ("Bonbons à la violette", "chocolats-et-confiseries", 490),
        ("Oursons en guimauve", "chocolats-et-confiseries", 490),
        (
            "Tablette de chocolat au lait",
            "chocolats-et-confiseries",
            590,
        ),
        (
            "Chocolat chaud à l'ancienne",
            "chocolats-et-confiseries",
            590,
        ),
        ("Croquants aux amandes", "epicerie", 590),
        ("Navettes provençales", "epicerie", 550),
    ],
    variants: &[
        (" (sachet de 100 g)", 50),
        (" (boîte métal)", 150),
        (" (bocal familial)", 250),
    ],
    side: &[],
    phrases: &[
        "Une douceur d'enfance préparée selon une recette d'autrefois.",
        "Sucre cuit au chaudron et parfums naturels.",
        "Une gourmandise à offrir, dans la ville du bonbon.",
        "Fabrication artisanale, sans colorant artificiel.",
    ],
};

static TORREFACTEUR: Trade = Trade {
    prefix: "Brûlerie",
    blurb: "Torréfacteur de cafés et maison de thés",
    kind: FOOD,
    items: &[
        ("Café Éthiopie moka 250 g", "cafes-et-thes", 890),
        ("Café Brésil 250 g", "cafes-et-thes", 790),
        ("Café Colombie 250 g", "cafes-et-thes", 850),
        ("Café Guatemala 250 g", "cafes-et-thes", 890),
        ("Café Pérou bio 250 g", "cafes-et-thes", 890),
        ("Café décaféiné 250 g", "cafes-et-thes", 890),
        ("Mélange espresso de la maison 1 kg", "cafes-et-thes", 2790),
        ("Thé vert sencha 100 g", "cafes-et-thes", 790),
        ("Thé noir Assam 100 g", "cafes-et-thes", 790),
        ("Thé Earl Grey 100 g", "cafes-et-thes", 690),
        ("Rooibos à la vanille 100 g", "cafes-et-thes", 650),
        ("Infusion verveine-menthe 50 g", "cafes-et-thes", 590),
        ("Thé de Noël 100 g", "cafes-et-thes", 790),
        ("Chocolat en poudre 250 g", "chocolats-et-confiseries", 590),
    ],
    variants: &[
        (" (sachet recharge)", 90),
        (" (boîte métal)", 130),
        (" (lot de 2)", 195),
    ],
    side: &[],
    phrases: &[
        "Torréfaction lente à l'ancienne, chaque semaine, en petits lots.",
        "Une origine choisie pour sa traçabilité et la juste rémunération des producteurs.",
        "Notes de dégustation et conseils d'infusion à la boutique.",
        "Fraîcheur garantie : la date de torréfaction figure sur le sachet.",
    ],
};

static CONFITURERIE: Trade = Trade {
    prefix: "Confitures",
    blurb: "Confiturerie artisanale",
    kind: FOOD,
    items: &[
        ("Confiture de figues", "miels-et-confitures", 590),
        ("Confiture d'abricots", "miels-et-confitures", 560),
        ("Confiture de fraises", "miels-et-confitures", 590),
        ("Confiture de cerises noires", "miels-et-confitures", 620),
        ("Confiture de pêches de vigne", "miels-et-confitures", 620),
        (
            "Confiture de myrtilles sauvages",
            "miels-et-confitures",
            690,
        ),
        ("Confiture de châtaignes", "miels-et-confitures", 620),
        ("Confiture de melon", "miels-et-confitures", 590),
        ("Confiture de tomates vertes", "miels-et-confitures", 590),
        ("Confiture de lait", "miels-et-confitures", 620),
        ("Gelée de coings", "miels-et-confitures", 590),
        ("Gelée de pommes au thym", "miels-et-confitures", 560),
        ("Marmelade d'oranges amères", "miels-et-confitures", 590),
        ("Chutney de figues", "huiles-et-condiments", 620),
        ("Compotée d'oignons", "huiles-et-condiments", 590),
        ("Pâte de coings", "chocolats-et-confiseries", 650),
    ],
    variants: &[
        (" (pot de 370 g)", 150),
        (" (lot de 3)", 280),
        (" (mini-pot)", 45),
    ],
    side: &[],
    phrases: &[
        "Cuisson au chaudron en cuivre, avec des fruits des vergers voisins.",
        "Une recette riche en fruits et pauvre en sucre.",
        "Une fabrication en petites séries, pot après pot.",
        "Parfaite sur une tartine, un fromage frais ou un pélardon.",
    ],
};

static CHAUSSEUR: Trade = Trade {
    prefix: "Chaussures",
    blurb: "Chausseur indépendant",
    kind: NON_FOOD,
    items: &[
        ("Mocassins cuir marron", "chaussures-homme", 8900),
        ("Derbies cuir noir", "chaussures-homme", 11900),
        ("Richelieus cuir cognac", "chaussures-homme", 12900),
        ("Chaussures bateau cuir marine", "chaussures-homme", 8900),
        ("Bottines Chelsea camel", "chaussures-femme", 11900),
        ("Escarpins cuir noir", "chaussures-femme", 8900),
        ("Ballerines cuir bordeaux", "chaussures-femme", 6900),
        (
            "Sandales tropéziennes cuir naturel",
            "chaussures-femme",
            7900,
        ),
        ("Espadrilles compensées", "chaussures-femme", 4500),
        ("Espadrilles en toile marine", "chaussures", 3500),
        ("Baskets montantes en toile", "chaussures", 5900),
        ("Baskets basses en cuir", "chaussures", 7900),
        ("Chaussures de randonnée", "chaussures", 11900),
        ("Chaussures de marche légères", "chaussures", 8900),
        ("Tennis en toile", "chaussures", 3900),
        ("Bottes de pluie", "chaussures", 3900),
        ("Charentaises écossaises", "chaussures", 3500),
        ("Sabots de jardin", "chaussures", 2900),
        ("Sandales enfant en cuir", "chaussures-enfant", 4500),
        ("Baskets enfant à scratch", "chaussures-enfant", 4900),
        ("Bottes de pluie enfant", "chaussures-enfant", 2500),
        ("Chaussons enfant en cuir souple", "chaussures-enfant", 2500),
        ("Premiers pas en cuir", "chaussures-enfant", 5500),
        ("Bottines enfant fourrées", "chaussures-enfant", 5900),
        ("Cirage", "chaussures", 590),
        ("Embauchoirs en cèdre", "chaussures", 2490),
        ("Semelles intérieures en cuir", "chaussures", 1290),
    ],
    variants: &[
        (" (coloris noir)", 100),
        (" (coloris taupe)", 100),
        (" (coloris marine)", 100),
    ],
    side: &[],
    phrases: &[
        "Une fabrication européenne en cuir pleine fleur, montage cousu.",
        "Un chaussant confortable dès le premier jour, essayage conseillé en boutique.",
        "Un modèle robuste, pensé pour les ruelles pavées d'Uzès comme pour les sentiers.",
        "Entretien et ressemelage possibles chez notre cordonnier partenaire.",
    ],
};

static POTIER: Trade = Trade {
    prefix: "Poterie",
    blurb: "Atelier de poterie",
    kind: NON_FOOD,
    items: &[
        ("Bol en grès émaillé", "poterie-et-ceramique", 2200),
        ("Tasse à café en faïence", "poterie-et-ceramique", 1600),
        ("Mug en grès", "poterie-et-ceramique", 2400),
        ("Assiette plate en grès", "poterie-et-ceramique", 2800),
        ("Assiette creuse en grès", "poterie-et-ceramique", 2600),
        ("Plat à tian", "poterie-et-ceramique", 4500),
        ("Plat à gratin", "poterie-et-ceramique", 3900),
        ("Saladier en terre vernissée", "poterie-et-ceramique", 4800),
        ("Pichet en faïence", "poterie-et-ceramique", 3900),
        (
            "Gargoulette en terre vernissée",
            "poterie-et-ceramique",
            3900,
        ),
        ("Vase boule", "poterie-et-ceramique", 5500),
        ("Cruche", "poterie-et-ceramique", 4200),
        ("Jarre à olives", "poterie-et-ceramique", 3500),
        ("Pot à ustensiles", "poterie-et-ceramique", 2900),
        ("Beurrier en grès", "poterie-et-ceramique", 2600),
        ("Théière en grès", "poterie-et-ceramique", 6900),
        ("Poêlon en terre", "poterie-et-ceramique", 4200),
        ("Coupelles (lot de 4)", "poterie-et-ceramique", 3200),
        ("Bougeoir en céramique", "maison-et-decoration", 1900),
        ("Cache-pot en terre cuite", "maison-et-decoration", 3400),
        ("Suspension en porcelaine", "maison-et-decoration", 8900),
    ],
    variants: &[
        (" (émail vert olive)", 100),
        (" (émail bleu lavande)", 100),
        (" (émail miel)", 100),
    ],
    side: &[],
    phrases: &[
        "Une pièce tournée à la main, chacune est unique.",
        "Une terre du pays, émaillée et cuite au four à haute température.",
        "Compatible lave-vaisselle et four, pour un usage de tous les jours.",
        "Dans la tradition des potiers de Saint-Quentin-la-Poterie.",
    ],
};

static LIBRAIRIE: Trade = Trade {
    prefix: "Librairie",
    blurb: "Librairie indépendante",
    kind: NON_FOOD,
    items: &[
        (
            "Si le grain ne meurt – André Gide",
            "librairie-papeterie",
            1090,
        ),
        (
            "Les Nourritures terrestres – André Gide",
            "librairie-papeterie",
            790,
        ),
        ("Phèdre – Jean Racine", "librairie-papeterie", 350),
        ("Andromaque – Jean Racine", "librairie-papeterie", 350),
        ("Britannicus – Jean Racine", "librairie-papeterie", 350),
        (
            "Lettres de mon moulin – Alphonse Daudet",
            "librairie-papeterie",
            490,
        ),
        (
            "Tartarin de Tarascon – Alphonse Daudet",
            "librairie-papeterie",
            490,
        ),
        (
            "La Gloire de mon père – Marcel Pagnol",
            "librairie-papeterie",
            790,
        ),
        (
            "Le Château de ma mère – Marcel Pagnol",
            "librairie-papeterie",
            790,
        ),
        (
            "Jean de Florette – Marcel Pagnol",
            "librairie-papeterie",
            790,
        ),
        ("Regain – Jean Giono", "librairie-papeterie", 790),
        (
            "Le Hussard sur le toit – Jean Giono",
            "librairie-papeterie",
            990,
        ),
        ("L'Étranger – Albert Camus", "librairie-papeterie", 790),
        (
            "Mémoires d'Hadrien – Marguerite Yourcenar",
            "librairie-papeterie",
            1050,
        ),
        (
            "Voyage avec un âne dans les Cévennes – R. L. Stevenson",
            "librairie-papeterie",
            790,
        ),
        ("Balades dans l'Uzège", "librairie-papeterie", 1490),
        (
            "Cuisine des Cévennes et de l'Uzège",
            "librairie-papeterie",
            2490,
        ),
        (
            "Le Petit Prince – Antoine de Saint-Exupéry",
            "livres-jeunesse",
            890,
        ),
        (
            "Les Contes du chat perché – Marcel Aymé",
            "livres-jeunesse",
            690,
        ),
        (
            "Le Petit Nicolas – Sempé et Goscinny",
            "livres-jeunesse",
            790,
        ),
        ("Contes de Perrault", "livres-jeunesse", 990),
        (
            "Imagier des animaux de la garrigue",
            "livres-jeunesse",
            1290,
        ),
        ("Marque-pages en cuir", "papeterie", 590),
        ("Carnet de notes A5", "papeterie", 890),
        ("Cartes postales d'Uzès (lot de 5)", "papeterie", 500),
    ],
    variants: &[
        (" (édition de poche)", 60),
        (" (édition illustrée)", 250),
        (" (coffret)", 300),
    ],
    side: &[(
        "papeterie",
        &[
            "Un joli article de papeterie, à glisser avec un livre.",
            "Une fabrication française sur papier recyclé.",
        ],
    )],
    phrases: &[
        "Un coup de cœur de l'équipe, à découvrir sur la table des conseils.",
        "Un classique qui se relit à tout âge.",
        "Disponible en boutique, sur commande sous 48 heures sinon.",
        "Emballage cadeau et petit mot manuscrit sur demande.",
    ],
};

static PRESSE: Trade = Trade {
    prefix: "Maison de la presse",
    blurb: "Maison de la presse et papeterie",
    kind: NON_FOOD,
    items: &[
        ("Quotidien régional", "presse", 150),
        ("Hebdomadaire de l'Uzège", "presse", 120),
        ("Magazine de cuisine du mois", "presse", 550),
        ("Magazine de randonnée", "presse", 690),
        ("Magazine jeunesse", "presse", 590),
        ("Revue d'histoire locale", "presse", 890),
        ("Mots fléchés force 2", "presse", 290),
        ("Hebdomadaire de télévision", "presse", 250),
        ("Stylo plume", "papeterie", 2490),
        ("Cahier grands carreaux 96 pages", "papeterie", 290),
        ("Agenda 2026", "papeterie", 1590),
        ("Crayons de couleur (boîte de 24)", "papeterie", 990),
        ("Enveloppes (paquet de 50)", "papeterie", 450),
        ("Ramette de papier A4", "papeterie", 690),
        ("Cartes postales du Duché (lot de 5)", "papeterie", 500),
        (
            "Carte de randonnée Uzès et Pont du Gard",
            "librairie-papeterie",
            1290,
        ),
        ("Plan de la ville d'Uzès", "librairie-papeterie", 350),
        ("Jeu de tarot", "jeux-de-societe", 690),
    ],
    variants: &[
        (" (lot de 2)", 195),
        (" (lot de 3)", 285),
        (" (édition collector)", 150),
    ],
    side: &[],
    phrases: &[
        "Disponible chaque jour dès l'ouverture.",
        "Un indispensable à glisser dans le panier en passant.",
        "Mise de côté possible sur simple demande.",
        "Stock renouvelé chaque semaine.",
    ],
};

static JOUETS: Trade = Trade {
    prefix: "Jouets",
    blurb: "Boutique de jouets et de jeux",
    kind: NON_FOOD,
    items: &[
        ("Toupie en bois", "jouets-et-jeux", 890),
        ("Puzzle 1000 pièces Pont du Gard", "jouets-et-jeux", 1990),
        ("Peluche cigale", "jouets-et-jeux", 1490),
        ("Peluche taureau de Camargue", "jouets-et-jeux", 1690),
        ("Voiture à friction", "jouets-et-jeux", 990),
        ("Cerf-volant", "jouets-et-jeux", 1990),
        ("Poupée de chiffon", "jouets-et-jeux", 2490),
        ("Cubes en bois (lot de 20)", "jouets-et-jeux", 2290),
        ("Train en bois", "jouets-et-jeux", 3990),
        ("Marionnette à main", "jouets-et-jeux", 1290),
        ("Dînette en bois", "jouets-et-jeux", 3490),
        ("Xylophone", "jouets-et-jeux", 2290),
        ("Pâte à modeler (lot de 6)", "jouets-et-jeux", 790),
        ("Kit de perles", "jouets-et-jeux", 1290),
        ("Trottinette en bois", "jouets-et-jeux", 5900),
        ("Tirelire cochon", "jouets-et-jeux", 1290),
        ("Kaléidoscope", "jouets-et-jeux", 990),
        ("Bulles de savon géantes", "jouets-et-jeux", 690),
        ("Bilboquet en bois", "jouets-et-jeux", 590),
        ("Jeu de pétanque enfant", "jouets-et-jeux", 1590),
        ("Jeu d'échecs en bois", "jeux-de-societe", 3490),
        ("Memory des animaux", "jeux-de-societe", 1290),
        ("Jeu de l'oie", "jeux-de-societe", 1490),
        ("Jeu des petits chevaux", "jeux-de-societe", 1990),
        ("Mikado géant", "jeux-de-societe", 1590),
    ],
    variants: &[
        (" (petit modèle)", 70),
        (" (grand modèle)", 160),
        (" (édition de voyage)", 80),
    ],
    side: &[],
    phrases: &[
        "Un jouet solide et durable, choisi pour sa fabrication européenne.",
        "Pour jouer en famille, dès le plus jeune âge.",
        "Testé en boutique par nos petits clients.",
        "Un cadeau qui éveille la curiosité et l'imagination.",
    ],
};

static FLEURISTE: Trade = Trade {
    prefix: "Fleurs",
    blurb: "Fleuriste créateur",
    kind: NON_FOOD,
    items: &[
        ("Bouquet de saison", "fleurs-et-plantes", 2900),
        ("Bouquet champêtre", "fleurs-et-plantes", 3500),
        ("Bouquet de roses rouges", "fleurs-et-plantes", 4500),
        ("Bouquet de pivoines", "fleurs-et-plantes", 3900),
        ("Brassée de tournesols", "fleurs-et-plantes", 2500),
        ("Bouquet de lavande séchée", "fleurs-et-plantes", 1500),
        (
            "Bouquet sec de fleurs des champs",
            "fleurs-et-plantes",
            2290,
        ),
        ("Tulipes (botte de 10)", "fleurs-et-plantes", 1500),
        ("Renoncules (botte de 10)", "fleurs-et-plantes", 1690),
        ("Roses de jardin (botte de 10)", "fleurs-et-plantes", 2290),
        ("Anémones (botte de 10)", "fleurs-et-plantes", 1490),
        ("Mimosa (botte)", "fleurs-et-plantes", 1290),
        ("Lys blancs (botte de 5)", "fleurs-et-plantes", 2490),
        ("Orchidée en pot", "fleurs-et-plantes", 3490),
        ("Pothos en pot", "fleurs-et-plantes", 1990),
        ("Cactus en pot", "fleurs-et-plantes", 990),
        ("Olivier en pot", "fleurs-et-plantes", 4900),
        ("Terrarium", "fleurs-et-plantes", 3900),
        ("Couronne de porte", "fleurs-et-plantes", 4500),
        ("Composition de deuil", "fleurs-et-plantes", 7900),
        ("Vase en verre soufflé", "maison-et-decoration", 3500),
    ],
    variants: &[
        (" (format généreux)", 160),
        (" (petit format)", 65),
        (" (avec vase)", 140),
    ],
    side: &[("maison-et-decoration", HOME_GOODS)],
    phrases: &[
        "Une composition réalisée le jour même avec des fleurs de saison.",
        "Des fleurs et des plantes en priorité françaises, cultivées dans le Var et le Gard.",
        "Carte personnalisée offerte avec chaque commande.",
        "Conseils d'entretien remis avec chaque création.",
    ],
};

static PEPINIERE: Trade = Trade {
    prefix: "Pépinière",
    blurb: "Pépinière de plantes méditerranéennes",
    kind: NON_FOOD,
    items: &[
        ("Lavande officinale (godet)", "fleurs-et-plantes", 450),
        ("Romarin en pot", "fleurs-et-plantes", 590),
        ("Thym en pot", "fleurs-et-plantes", 490),
        ("Sauge officinale en pot", "fleurs-et-plantes", 490),
        ("Basilic en pot", "fleurs-et-plantes", 350),
        ("Olivier (pot de 10 l)", "fleurs-et-plantes", 4900),
        ("Figuier (pot de 10 l)", "fleurs-et-plantes", 3900),
        ("Grenadier", "fleurs-et-plantes", 3490),
        ("Amandier", "fleurs-et-plantes", 3490),
        ("Laurier-rose", "fleurs-et-plantes", 2490),
        ("Bougainvillier", "fleurs-et-plantes", 2990),
        ("Cyprès de Provence", "fleurs-et-plantes", 2990),
        ("Jasmin étoilé", "fleurs-et-plantes", 1990),
        ("Rosier grimpant", "fleurs-et-plantes", 1890),
        ("Agapanthe", "fleurs-et-plantes", 1290),
        ("Gaura", "fleurs-et-plantes", 790),
        ("Sédum couvre-sol", "fleurs-et-plantes", 590),
        ("Plants de tomates (lot de 6)", "fleurs-et-plantes", 690),
        ("Ciste cotonneux", "fleurs-et-plantes", 890),
        ("Santoline", "fleurs-et-plantes", 690),
    ],
    variants: &[
        (" (grand sujet)", 250),
        (" (lot de 3)", 280),
        (" (jeune plant)", 50),
    ],
    side: &[],
    phrases: &[
        "Une plante produite dans nos serres, acclimatée au climat de l'Uzège.",
        "Peu gourmande en eau une fois installée, idéale pour un jardin sec.",
        "Plantation conseillée à l'automne, en sol bien drainé.",
        "Conseils de plantation et d'arrosage donnés à la pépinière.",
    ],
};

static SAVONNERIE: Trade = Trade {
    prefix: "Savonnerie",
    blurb: "Savonnerie artisanale",
    kind: NON_FOOD,
    items: &[
        ("Savon à l'huile d'olive", "savons-et-cosmetiques", 450),
        ("Savon au lait d'ânesse", "savons-et-cosmetiques", 650),
        ("Savon à la lavande", "savons-et-cosmetiques", 450),
        (
            "Savon exfoliant au marc de café",
            "savons-et-cosmetiques",
            550,
        ),
        ("Savon à l'argile verte", "savons-et-cosmetiques", 500),
        ("Savon au miel", "savons-et-cosmetiques", 500),
        ("Shampooing solide au romarin", "savons-et-cosmetiques", 990),
        (
            "Baume à lèvres à la cire d'abeille",
            "savons-et-cosmetiques",
            590,
        ),
        (
            "Crème pour les mains au karité",
            "savons-et-cosmetiques",
            1290,
        ),
        ("Huile de massage à l'arnica", "savons-et-cosmetiques", 1490),
        (
            "Eau florale de lavande 200 ml",
            "savons-et-cosmetiques",
            1190,
        ),
        (
            "Huile sèche à la fleur d'oranger",
            "savons-et-cosmetiques",
            1890,
        ),
        ("Déodorant solide", "savons-et-cosmetiques", 890),
        ("Sels de bain à la lavande", "beaute-et-bien-etre", 990),
        ("Savon au charbon végétal", "savons-et-cosmetiques", 550),
        ("Coffret de trois savons", "savons-et-cosmetiques", 1490),
        (
            "Lessive au savon de Marseille 1 l",
            "maison-et-decoration",
            890,
        ),
        ("Bougie parfumée au figuier", "maison-et-decoration", 2490),
        (
            "Porte-savon en bois d'olivier",
            "maison-et-decoration",
            1290,
        ),
        ("Parfum d'ambiance garrigue", "maison-et-decoration", 1990),
    ],
    variants: &[
        (" (format voyage)", 50),
        (" (lot de 3)", 270),
        (" (coffret cadeau)", 140),
    ],
    side: &[("maison-et-decoration", HOME_GOODS)],
    phrases: &[
        "Une fabrication dans notre atelier, avec de l'huile d'olive du Gard.",
        "Une formule courte aux ingrédients naturels, sans huile de palme.",
        "Des senteurs de garrigue pour prendre soin de soi.",
        "Des ingrédients d'origine naturelle, pour toute la famille.",
    ],
};

static TAILLEUR: Trade = Trade {
    prefix: "Atelier de couture",
    blurb: "Tailleur et atelier de retouches",
    kind: NON_FOOD,
    items: &[
        ("Chemise sur mesure en lin", "vetements", 12900),
        ("Chemise en coton blanc", "vetements", 8900),
        ("Pantalon de costume sur mesure", "vetements", 18900),
        ("Pantalon en velours côtelé", "vetements", 11900),
        ("Veste en lin", "vetements", 24900),
        ("Gilet de costume", "vetements", 9900),
        ("Costume trois pièces sur mesure", "vetements", 89000),
        ("Gilet en laine mérinos", "vetements", 9900),
        ("Manteau en drap de laine", "vetements", 39000),
        ("Chemise à col Mao", "vetements", 11900),
        ("Pantalon en lin", "vetements", 12900),
        ("Cravate en soie", "accessoires", 4900),
        ("Nœud papillon en soie", "accessoires", 3900),
        ("Pochette en lin", "accessoires", 2500),
        ("Bretelles en cuir", "accessoires", 4500),
        ("Boutons de manchette en argent", "accessoires", 6900),
        ("Casquette en tweed", "accessoires", 5900),
    ],
    variants: &[
        (" (coloris naturel)", 100),
        (" (coloris bleu nuit)", 100),
        (" (coloris gris perle)", 100),
    ],
    side: &[],
    phrases: &[
        "Une coupe et un montage à l'atelier, avec des étoffes de tisserands européens.",
        "Prise de mesures en boutique, essayage intermédiaire compris.",
        "Des finitions main, pour des années de port.",
        "Un savoir-faire de tailleur transmis depuis trois générations.",
    ],
};

static PRET_A_PORTER: Trade = Trade {
    prefix: "Boutique",
    blurb: "Boutique de prêt-à-porter",
    kind: NON_FOOD,
    items: &[
        ("Robe en lin naturel", "vetements", 8900),
        ("Chemisier en voile de coton", "vetements", 5900),
        ("Pull marin", "vetements", 7900),
        ("Marinière en coton", "vetements", 4900),
        ("Jupe longue fleurie", "vetements", 6900),
        ("Pantalon fluide", "vetements", 5900),
        ("Veste en jean", "vetements", 7900),
        ("Tee-shirt en coton bio", "vetements", 2900),
        ("Sweat à capuche", "vetements", 5900),
        ("Short en lin", "vetements", 4500),
        ("Gilet en maille", "vetements", 6900),
        ("Caban en laine", "vetements", 17900),
        ("Pyjama en flanelle", "vetements", 5900),
        ("Chapeau de paille", "accessoires", 3500),
        ("Foulard en soie", "accessoires", 4900),
        ("Ceinture en cuir tressé", "accessoires", 4500),
        ("Bob en coton", "accessoires", 2500),
        ("Écharpe en laine", "accessoires", 3900),
        ("Chaussettes en coton bio (lot de 3)", "accessoires", 1900),
        ("Cabas en paille", "accessoires", 3900),
    ],
    variants: &[
        (" (taille S)", 100),
        (" (taille M)", 100),
        (" (taille L)", 100),
    ],
    side: &[],
    phrases: &[
        "Une matière naturelle, agréable à porter par les chaudes journées d'été.",
        "Une collection de créateurs français en petites séries.",
        "Une coupe intemporelle, facile à associer.",
        "Échange possible en boutique sous trente jours.",
    ],
};

static VELOS: Trade = Trade {
    prefix: "Cycles",
    blurb: "Vente, location et réparation de vélos",
    kind: NON_FOOD,
    items: &[
        ("Vélo de ville", "velos", 49900),
        ("Vélo à assistance électrique", "velos", 189900),
        ("VTT semi-rigide", "velos", 69900),
        ("Vélo enfant 16 pouces", "velos", 19900),
        ("Draisienne en bois", "velos", 8900),
        ("Casque de vélo", "sports-et-loisirs", 4900),
        ("Casque enfant", "sports-et-loisirs", 2900),
        ("Antivol en U", "sports-et-loisirs", 3900),
        ("Éclairage LED avant et arrière", "sports-et-loisirs", 2900),
        ("Pompe à pied", "sports-et-loisirs", 2900),
        ("Chambre à air 700×28", "sports-et-loisirs", 790),
        ("Pneu VTT 29 pouces", "sports-et-loisirs", 3490),
        ("Sacoche de porte-bagages", "sports-et-loisirs", 5900),
        ("Panier en osier pour vélo", "sports-et-loisirs", 3900),
        ("Bidon isotherme", "sports-et-loisirs", 1490),
        ("Gants de vélo", "sports-et-loisirs", 2490),
        ("Kit de réparation", "sports-et-loisirs", 990),
        ("Siège enfant", "sports-et-loisirs", 8900),
        ("Béquille", "sports-et-loisirs", 1990),
        ("Sonnette en laiton", "sports-et-loisirs", 1290),
        ("Vélo pliant", "velos", 79900),
        ("Garde-boue", "sports-et-loisirs", 2490),
    ],
    variants: &[
        (" (coloris vert sauge)", 100),
        (" (coloris noir mat)", 100),
        (" (coloris sable)", 100),
    ],
    side: &[],
    phrases: &[
        "Montage et réglages faits à l'atelier avant la remise.",
        "Garantie et premier contrôle offert après un mois d'utilisation.",
        "De quoi partir à la découverte des garrigues et des villages de l'Uzège.",
        "Conseils d'itinéraires et de taille donnés en boutique.",
    ],
};

static VANNIER: Trade = Trade {
    prefix: "Vannerie",
    blurb: "Atelier de vannerie",
    kind: NON_FOOD,
    items: &[
        ("Panier en osier", "vannerie", 4500),
        ("Corbeille à pain en osier", "vannerie", 2500),
        ("Panier à champignons", "vannerie", 3900),
        ("Hotte de vendange", "vannerie", 8900),
        ("Corbeille à fruits", "vannerie", 2900),
        ("Malle en osier", "vannerie", 12900),
        ("Panier de pique-nique", "vannerie", 7900),
        ("Porte-bûches", "vannerie", 5500),
        ("Corbeille à linge", "vannerie", 6500),
        ("Panier à bouteilles", "vannerie", 3500),
        ("Boîte à couture en osier", "vannerie", 3900),
        ("Nichoir en osier", "vannerie", 2900),
        ("Berceau de poupée en osier", "jouets-et-jeux", 5900),
        ("Suspension en rotin", "maison-et-decoration", 6900),
        ("Paillasson en jonc", "maison-et-decoration", 3500),
        (
            "Sets de table en jonc (lot de 4)",
            "maison-et-decoration",
            3200,
        ),
    ],
    variants: &[
        (" (petit modèle)", 70),
        (" (grand modèle)", 150),
        (" (osier teinté)", 110),
    ],
    side: &[],
    phrases: &[
        "Un tressage à la main avec de l'osier cultivé et récolté localement.",
        "Une pièce solide, faite pour durer des années.",
        "Un savoir-faire ancestral, transmis d'atelier en atelier.",
        "Chaque pièce demande plusieurs heures de travail.",
    ],
};

static BIJOUX: Trade = Trade {
    prefix: "Bijoux",
    blurb: "Créatrice de bijoux",
    kind: NON_FOOD,
    items: &[
        ("Boucles d'oreilles en argent martelé", "bijoux", 4500),
        ("Boucles d'oreilles créoles dorées", "bijoux", 3900),
        ("Collier en perles de verre", "bijoux", 3900),
        ("Collier ras-de-cou", "bijoux", 4200),
        ("Bracelet jonc en laiton", "bijoux", 3500),
        ("Bracelet en cuir tressé", "bijoux", 2500),
        ("Bague en argent et pierre de lune", "bijoux", 6900),
        ("Bague fine en or recyclé", "bijoux", 14900),
        ("Pendentif feuille d'olivier", "bijoux", 4900),
        ("Broche cigale", "bijoux", 3500),
        ("Chaîne de cheville", "bijoux", 2900),
        ("Boutons de manchette", "bijoux", 4900),
        ("Barrette à cheveux", "bijoux", 1900),
        ("Porte-clés en cuir", "artisanat", 1500),
        ("Boîte à bijoux en olivier", "artisanat", 3900),
    ],
    variants: &[
        (" (modèle unique)", 130),
        (" (version dorée)", 110),
        (" (version argentée)", 100),
    ],
    side: &[],
    phrases: &[
        "Une pièce façonnée à la main dans notre atelier, en métaux recyclés.",
        "Un bijou délicat inspiré par la nature de l'Uzège.",
        "Livré dans un écrin en carton recyclé.",
        "Ajustement et gravure possibles sur demande.",
    ],
};

static LINGE: Trade = Trade {
    prefix: "Linge de maison",
    blurb: "Linge de maison provençal",
    kind: NON_FOOD,
    items: &[
        ("Nappe provençale 160×250", "linge-de-maison", 5900),
        ("Nappe en coton enduit", "linge-de-maison", 4900),
        ("Serviettes de table (lot de 4)", "linge-de-maison", 2900),
        ("Torchons en lin (lot de 3)", "linge-de-maison", 2400),
        ("Tablier de cuisine", "linge-de-maison", 2500),
        ("Maniques matelassées", "linge-de-maison", 1500),
        ("Boutis provençal", "linge-de-maison", 18900),
        ("Plaid en laine", "linge-de-maison", 6900),
        ("Drap de bain", "linge-de-maison", 3500),
        ("Parure de lit en lin lavé", "linge-de-maison", 18900),
        ("Chemin de table", "linge-de-maison", 2900),
        ("Sac à pain en lin", "linge-de-maison", 1900),
        ("Sets de table", "linge-de-maison", 2200),
        ("Coussin brodé", "maison-et-decoration", 3500),
        ("Housse de coussin", "maison-et-decoration", 2500),
        ("Rideau en lin", "maison-et-decoration", 5900),
        (
            "Sachets de lavande (lot de 3)",
            "maison-et-decoration",
            1200,
        ),
        ("Bougie en pot de verre", "maison-et-decoration", 1900),
        ("Vide-poche en céramique", "maison-et-decoration", 1500),
        ("Miroir en rotin", "maison-et-decoration", 6900),
    ],
    variants: &[
        (" (jaune soleil)", 100),
        (" (bleu lavande)", 100),
        (" (rouge garance)", 100),
    ],
    side: &[("maison-et-decoration", HOME_GOODS)],
    phrases: &[
        "Des motifs provençaux imprimés sur un coton épais et résistant.",
        "Une confection française en petites séries.",
        "Lavable en machine à 40 degrés, les couleurs restent éclatantes.",
        "Pour une table de fête aux couleurs du Midi.",
    ],
};

static BISTROT: Trade = Trade {
    prefix: "Bistrot",
    blurb: "Bistrot de cuisine du marché",
    kind: RESTAURANT,
    items: &[
        (
            "Brandade de morue et salade verte",
            "plats-a-emporter",
            1450,
        ),
        (
            "Gardiane de taureau et riz de Camargue",
            "plats-a-emporter",
            1690,
        ),
        ("Daube provençale", "plats-a-emporter", 1590),
        ("Tian de légumes", "plats-a-emporter", 1290),
        ("Salade de chèvre chaud", "plats-a-emporter", 1290),
        ("Entrecôte et frites maison", "plats-a-emporter", 2190),
        ("Burger du bistrot", "plats-a-emporter", 1590),
        (
            "Poisson du jour et légumes grillés",
            "plats-a-emporter",
            1890,
        ),
        ("Soupe au pistou", "plats-a-emporter", 990),
        ("Œufs cocotte à la truffe", "plats-a-emporter", 1690),
        ("Assiette de charcuterie", "plats-a-emporter", 1290),
        ("Plat du jour", "plats-a-emporter", 1390),
        ("Croque-monsieur", "plats-a-emporter", 990),
        ("Crème brûlée", "desserts", 690),
        ("Mousse au chocolat", "desserts", 650),
        ("Tarte fine aux pommes", "desserts", 690),
        ("Fondant au chocolat", "desserts", 650),
        ("Côtes-du-Rhône rouge (bouteille)", "vins-rouges", 1890),
    ],
    variants: &[
        (" (menu enfant)", 60),
        (" (portion gourmande)", 140),
        (" (format partage)", 180),
    ],
    side: RESTAURANT_SIDES,
    phrases: &[
        "Cuisiné chaque jour avec les produits du marché d'Uzès.",
        "Une recette du bistrot, servie généreusement.",
        "Le chef change l'accompagnement selon la saison.",
        "Une assiette de tradition, comme on l'aime dans le Midi.",
    ],
};

static PIZZERIA: Trade = Trade {
    prefix: "Pizzeria",
    blurb: "Pizzeria au feu de bois",
    kind: RESTAURANT,
    items: &[
        ("Pizza Margherita", "plats-a-emporter", 1050),
        ("Pizza Reine", "plats-a-emporter", 1250),
        ("Pizza Quatre fromages", "plats-a-emporter", 1350),
        ("Pizza Napolitaine", "plats-a-emporter", 1150),
        ("Pizza Calzone", "plats-a-emporter", 1350),
        ("Pizza Royale", "plats-a-emporter", 1350),
        ("Pizza Végétarienne", "plats-a-emporter", 1250),
        ("Pizza chèvre et miel", "plats-a-emporter", 1390),
        ("Pizza pélardon et figues", "plats-a-emporter", 1450),
        ("Pizza à la truffe", "plats-a-emporter", 1890),
        ("Pizza Provençale", "plats-a-emporter", 1290),
        ("Pizza Orientale", "plats-a-emporter", 1350),
        ("Pizza Savoyarde", "plats-a-emporter", 1450),
        ("Pizza du Duché", "plats-a-emporter", 1490),
        ("Lasagnes maison", "plats-a-emporter", 1290),
        ("Salade César", "plats-a-emporter", 1190),
        ("Tiramisu", "desserts", 590),
        ("Panna cotta aux fruits rouges", "desserts", 550),
        ("Rosé du Gard (bouteille)", "vins-roses", 1390),
    ],
    variants: &[
        (" (taille junior)", 75),
        (" (grande taille)", 135),
        (" (format familial)", 200),
    ],
    side: RESTAURANT_SIDES,
    phrases: &[
        "Pâte maturée 48 heures et cuisson au feu de bois.",
        "Des ingrédients italiens et des produits de l'Uzège.",
        "Une recette de la maison, à emporter encore chaude.",
        "Farine de meule et tomates mûries au soleil.",
    ],
};

static CREPERIE: Trade = Trade {
    prefix: "Crêperie",
    blurb: "Crêperie",
    kind: RESTAURANT,
    items: &[
        ("Galette complète", "plats-a-emporter", 990),
        ("Galette chèvre, miel et noix", "plats-a-emporter", 1150),
        ("Galette forestière", "plats-a-emporter", 1190),
        (
            "Galette saumon et crème à l'aneth",
            "plats-a-emporter",
            1290,
        ),
        ("Galette andouille et pommes", "plats-a-emporter", 1190),
        ("Galette provençale", "plats-a-emporter", 1150),
        ("Galette trois fromages", "plats-a-emporter", 1150),
        ("Galette végétarienne", "plats-a-emporter", 1090),
        ("Crêpe beurre et sucre", "desserts", 390),
        ("Crêpe au chocolat maison", "desserts", 490),
        ("Crêpe caramel au beurre salé", "desserts", 550),
        ("Crêpe Suzette", "desserts", 790),
        ("Crêpe banane et chocolat", "desserts", 650),
        ("Crêpe à la confiture de figues", "desserts", 550),
        ("Crêpe à la crème de marrons", "desserts", 590),
        ("Crêpe au miel de lavande", "desserts", 550),
        ("Far breton", "desserts", 450),
        ("Cidre brut fermier (bouteille)", "vins-et-spiritueux", 890),
    ],
    variants: &[
        (" (portion gourmande)", 140),
        (" (menu enfant)", 70),
        (" (format partage)", 180),
    ],
    side: RESTAURANT_SIDES,
    phrases: &[
        "Farine de sarrasin bio et pâte reposée une nuit.",
        "Une galette dorée au beurre demi-sel, pliée à la commande.",
        "La spécialité de la maison, sous les arcades.",
        "Une gourmandise préparée à la minute.",
    ],
};

static AUBERGE: Trade = Trade {
    prefix: "Auberge",
    blurb: "Auberge de village",
    kind: RESTAURANT,
    items: &[
        ("Terrine du chef", "plats-a-emporter", 990),
        ("Pélardon rôti au miel", "plats-a-emporter", 1090),
        ("Velouté de châtaignes", "plats-a-emporter", 890),
        ("Caillettes et salade", "plats-a-emporter", 1090),
        ("Agneau de sept heures", "plats-a-emporter", 2290),
        ("Civet de sanglier", "plats-a-emporter", 1990),
        (
            "Confit de canard et pommes sarladaises",
            "plats-a-emporter",
            1890,
        ),
        ("Truite des Cévennes aux amandes", "plats-a-emporter", 1790),
        ("Cassoulet maison", "plats-a-emporter", 1790),
        ("Aligot et saucisse", "plats-a-emporter", 1590),
        ("Gratin de courgettes", "plats-a-emporter", 990),
        ("Omelette aux cèpes", "plats-a-emporter", 1390),
        ("Tarte aux myrtilles", "desserts", 690),
        ("Crème catalane", "desserts", 650),
        ("Fromage blanc au coulis", "desserts", 550),
        ("Vin rouge de la maison (bouteille)", "vins-rouges", 1490),
    ],
    variants: &[
        (" (pour 2 personnes)", 190),
        (" (pour 4 personnes)", 370),
        (" (demi-portion)", 60),
    ],
    side: RESTAURANT_SIDES,
    phrases: &[
        "Une cuisine de terroir mijotée comme chez nos grands-mères.",
        "Gibier en saison et viandes de l'Uzège.",
        "Un plat généreux, préparé dans la cuisine de l'auberge.",
        "Une recette transmise de génération en génération.",
    ],
};

static GASTRONOMIQUE: Trade = Trade {
    prefix: "Restaurant",
    blurb: "Table gastronomique",
    kind: RESTAURANT,
    items: &[
        ("Œuf parfait à la truffe noire", "plats-a-emporter", 2400),
        ("Foie gras de canard mi-cuit", "plats-a-emporter", 2200),
        ("Velouté de potimarron", "plats-a-emporter", 1400),
        ("Saint-Jacques snackées", "plats-a-emporter", 3200),
        ("Filet de loup au beurre blanc", "plats-a-emporter", 3400),
        ("Pigeon rôti au jus corsé", "plats-a-emporter", 3600),
        ("Filet de bœuf Rossini", "plats-a-emporter", 4200),
        ("Risotto aux cèpes", "plats-a-emporter", 2800),
        ("Ris de veau", "plats-a-emporter", 3800),
        (
            "Carré d'agneau en croûte d'herbes",
            "plats-a-emporter",
            3600,
        ),
        ("Coffret repas de fête pour deux", "plats-a-emporter", 12900),
        ("Soufflé au Grand Marnier", "desserts", 1600),
        ("Sphère au chocolat", "desserts", 1500),
        ("Vacherin aux fruits rouges", "desserts", 1500),
        ("Assortiment de mignardises", "desserts", 1200),
        ("Lirac rouge (bouteille)", "vins-rouges", 3900),
        ("Condrieu (bouteille)", "vins-blancs", 6900),
    ],
    variants: &[
        (" (pour 2 personnes)", 190),
        (" (pour 4 personnes)", 370),
        (" (version de fête)", 130),
    ],
    side: RESTAURANT_SIDES,
    phrases: &[
        "Une assiette signature du chef, autour des produits de l'Uzège.",
        "Dressage soigné dans un contenant prêt à servir.",
        "Une création de saison, à réchauffer selon les indications du chef.",
        "Le goût d'une grande table, à emporter pour une occasion spéciale.",
    ],
};

static SALADES: Trade = Trade {
    prefix: "Cantine",
    blurb: "Cantine du midi",
    kind: RESTAURANT,
    items: &[
        (
            "Salade de quinoa aux légumes grillés",
            "plats-a-emporter",
            1190,
        ),
        ("Salade de lentilles au chèvre", "plats-a-emporter", 1090),
        ("Salade niçoise", "plats-a-emporter", 1190),
        (
            "Salade de pois chiches de Montaren",
            "plats-a-emporter",
            1090,
        ),
        ("Tartine chèvre et miel", "plats-a-emporter", 990),
        (
            "Tartine tomate, mozzarella et basilic",
            "plats-a-emporter",
            990,
        ),
        ("Tartine saumon fumé et avocat", "plats-a-emporter", 1290),
        ("Wrap poulet et crudités", "plats-a-emporter", 950),
        ("Bol végétarien", "plats-a-emporter", 1290),
        ("Gaspacho andalou", "plats-a-emporter", 650),
        ("Soupe du jour", "plats-a-emporter", 650),
        ("Quiche aux poireaux", "plats-a-emporter", 850),
        ("Sandwich jambon-beurre", "plats-a-emporter", 590),
        ("Pan bagnat", "plats-a-emporter", 790),
        ("Cookie aux pépites de chocolat", "desserts", 290),
        ("Muffin aux myrtilles", "desserts", 350),
        ("Salade de fruits frais", "desserts", 550),
        ("Fromage blanc au miel", "desserts", 450),
    ],
    variants: &[
        (" (petite faim)", 70),
        (" (grande faim)", 140),
        (" (formule avec dessert)", 150),
    ],
    side: RESTAURANT_SIDES,
    phrases: &[
        "Préparé le matin même avec des légumes de maraîchers voisins.",
        "Une recette fraîche et équilibrée pour la pause de midi.",
        "Emballage compostable, couverts sur demande.",
        "Le bon goût du jardin, sans chichis.",
    ],
};

const DELIVERY: u8 = 1;
const NO_PICKUP: u8 = 2;
const EXEMPT: u8 = 4;
const MOBILE: u8 = 8;

/// A hand-written demo shop.
struct ShopSpec {
    name: &'static str,
    trade: &'static Trade,
    commune: usize,
    street: &'static str,
    hours: &'static [Slot],
    /// [`DELIVERY`], [`NO_PICKUP`], [`EXEMPT`], [`MOBILE`].
    flags: u8,
    description: &'static str,
}

/// The demo shops; the first two are managed by the demo merchant account.
static SHOPS: [ShopSpec; 48] = [
    ShopSpec {
        name: "Épicerie du Duché",
        trade: &EPICERIE_FINE,
        commune: UZES,
        street: "rue de la République",
        hours: FOOD_HOURS,
        flags: DELIVERY,
        description: "Épicerie fine au cœur d'Uzès, à deux pas du Duché. Huiles d'olive du Gard, miels de garrigue, truffes et spécialités de Provence choisies chez de petits producteurs.",
    },
    ShopSpec {
        name: "Chaussures Fabre",
        trade: &CHAUSSEUR,
        commune: UZES,
        street: "boulevard Gambetta",
        hours: SHOP_MONDAY_HOURS,
        flags: DELIVERY,
        description: "Chausseur indépendant depuis trois générations. Souliers de ville, chaussures de randonnée pour les garrigues et un grand rayon enfant.",
    },
    ShopSpec {
        name: "Boulangerie Teissier",
        trade: &BOULANGERIE,
        commune: UZES,
        street: "boulevard Gambetta",
        hours: BAKERY_HOURS,
        flags: DELIVERY,
        description: "Boulangerie artisanale du boulevard Gambetta. Pains au levain, fougasses et viennoiseries pur beurre, cuits toute la journée.",
    },
    ShopSpec {
        name: "Au Pain de l'Évêché",
        trade: &BOULANGERIE,
        commune: UZES,
        street: "rue Saint-Théodorit",
        hours: BAKERY_HOURS,
        flags: 0,
        description: "Petite boulangerie de quartier près de la place de l'Évêché. Baguettes de tradition et pâtisseries du dimanche.",
    },
    ShopSpec {
        name: "Boulangerie du Four Banal",
        trade: &BOULANGERIE,
        commune: SAINT_QUENTIN,
        street: "Grand Rue",
        hours: BAKERY_HOURS,
        flags: DELIVERY,
        description: "Le fournil du village, installé dans l'ancien four banal. Pains cuits au feu de bois, fougasses aux olives et tournée de livraison dans les mas voisins.",
    },
    ShopSpec {
        name: "Pâtisserie Roux",
        trade: &PATISSERIE,
        commune: UZES,
        street: "rue Jacques d'Uzès",
        hours: FOOD_HOURS,
        flags: DELIVERY,
        description: "Pâtissier-chocolatier rue Jacques d'Uzès. Entremets, macarons et chocolats faits maison.",
    },
    ShopSpec {
        name: "Fromagerie de la Place aux Herbes",
        trade: &FROMAGERIE,
        commune: UZES,
        street: "place aux Herbes",
        hours: FOOD_HOURS,
        flags: DELIVERY,
        description: "Fromager affineur sous les arcades de la place aux Herbes. Pélardons des Cévennes, tommes de brebis et grands fromages de France.",
    },
    ShopSpec {
        name: "La Cloche à Fromage",
        trade: &FROMAGERIE,
        commune: BARON,
        street: "place de la Mairie",
        hours: FOOD_HOURS,
        flags: DELIVERY,
        description: "Crèmerie-fromagerie de village. Plateaux sur commande et fromages fermiers de la région.",
    },
    ShopSpec {
        name: "Chèvrerie du Mas de Bouquet",
        trade: &CHEVRERIE,
        commune: FLAUX,
        street: "chemin du Mas de Bouquet",
        hours: FARM_HOURS,
        flags: MOBILE,
        description: "Élevage de chèvres en garrigue et fabrication de pélardons AOP à la ferme. Vente directe les jours de traite.",
    },
    ShopSpec {
        name: "Boucherie Mazauric",
        trade: &BOUCHERIE,
        commune: UZES,
        street: "boulevard Charles Gide",
        hours: FOOD_HOURS,
        flags: DELIVERY,
        description: "Boucherie traditionnelle. Agneau des Cévennes, taureau de Camargue AOP et volailles fermières.",
    },
    ShopSpec {
        name: "Charcuterie Guiraud",
        trade: &BOUCHERIE,
        commune: UZES,
        street: "rue Saint-Étienne",
        hours: FOOD_HOURS,
        flags: DELIVERY,
        description: "Charcutier-traiteur. Saucissons, caillettes et terrines préparés dans notre laboratoire.",
    },
    ShopSpec {
        name: "Volailles de la Ferme des Garrigues",
        trade: &VOLAILLER,
        commune: GARRIGUES,
        street: "chemin des Garrigues",
        hours: FARM_HOURS,
        flags: DELIVERY | MOBILE,
        description: "Volailles élevées en plein air et œufs du jour. Abattage et découpe à la ferme.",
    },
    ShopSpec {
        name: "Primeurs du Marché",
        trade: &PRIMEUR,
        commune: UZES,
        street: "boulevard Victor Hugo",
        hours: FOOD_HOURS,
        flags: DELIVERY,
        description: "Fruits et légumes de saison, en direct des maraîchers du Gard et de la vallée du Rhône.",
    },
    ShopSpec {
        name: "Les Paniers de Sanilhac",
        trade: &PRIMEUR,
        commune: SANILHAC,
        street: "chemin de la Fontaine",
        hours: FARM_HOURS,
        flags: DELIVERY | NO_PICKUP | MOBILE,
        description: "Maraîchage biologique au-dessus des gorges du Gardon. Paniers de légumes livrés chaque semaine dans l'Uzège, sans retrait à la ferme.",
    },
    ShopSpec {
        name: "La Cave de l'Évêché",
        trade: &CAVISTE,
        commune: UZES,
        street: "rue Pélisserie",
        hours: CELLAR_HOURS,
        flags: DELIVERY,
        description: "Caviste indépendant. Vins du Duché d'Uzès, de la vallée du Rhône et du Languedoc, spiritueux et bières artisanales.",
    },
    ShopSpec {
        name: "Le Cellier de Saint-Maximin",
        trade: &CAVISTE,
        commune: SAINT_MAXIMIN,
        street: "Grand Rue",
        hours: CELLAR_HOURS,
        flags: DELIVERY,
        description: "Cave de village tenue par un ancien vigneron. Dégustations le samedi et conseils d'accords mets et vins.",
    },
    ShopSpec {
        name: "Domaine des Trois Fontaines",
        trade: &DOMAINE,
        commune: SAINT_SIFFRET,
        street: "chemin des Vignes",
        hours: CELLAR_HOURS,
        flags: DELIVERY,
        description: "Domaine familial de vingt hectares en AOC Duché d'Uzès. Vente au caveau et colis pour les fêtes.",
    },
    ShopSpec {
        name: "Moulin à huile de Blauzac",
        trade: &MOULIN,
        commune: BLAUZAC,
        street: "chemin du Moulin",
        hours: SHOP_HOURS,
        flags: DELIVERY,
        description: "Moulin qui presse les olives de l'Uzège chaque hiver. Huiles AOP Nîmes, olives de table et tapenades.",
    },
    ShopSpec {
        name: "Truffes de l'Uzège",
        trade: &TRUFFES,
        commune: ARPAILLARGUES,
        street: "chemin des Chênes",
        hours: MARKET_HOURS,
        flags: DELIVERY | MOBILE,
        description: "Trufficulteurs installés entre Arpaillargues et Aureillac. Truffe noire fraîche de décembre à mars, truffe d'été et produits truffés toute l'année.",
    },
    ShopSpec {
        name: "Le Rucher d'Aigaliers",
        trade: &APICULTEUR,
        commune: AIGALIERS,
        street: "hameau de Gattigues",
        hours: MARKET_HOURS,
        flags: EXEMPT | MOBILE,
        description: "Apiculteur récoltant. Miels de lavande, de garrigue et de châtaignier, extraits et mis en pot sur place.",
    },
    ShopSpec {
        name: "Traiteur Chabert",
        trade: &TRAITEUR,
        commune: UZES,
        street: "rue du Docteur Blanchard",
        hours: FOOD_HOURS,
        flags: DELIVERY,
        description: "Traiteur et plats cuisinés. Brandade, gardiane et buffets pour vos réceptions.",
    },
    ShopSpec {
        name: "Le Grenier Bio",
        trade: &EPICERIE_BIO,
        commune: UZES,
        street: "avenue de la Libération",
        hours: CONTINUOUS_HOURS,
        flags: DELIVERY,
        description: "Épicerie biologique et vrac. Légumineuses, céréales, fruits secs et thés au poids.",
    },
    ShopSpec {
        name: "Poissonnerie Reboul",
        trade: &POISSONNERIE,
        commune: UZES,
        street: "place aux Herbes",
        hours: FISH_HOURS,
        flags: 0,
        description: "Poissons de Méditerranée et coquillages de l'étang de Thau, arrivés chaque matin du Grau-du-Roi et de Sète.",
    },
    ShopSpec {
        name: "Brasserie artisanale de l'Uzège",
        trade: &BRASSERIE,
        commune: MONTAREN,
        street: "route d'Uzès",
        hours: FARM_HOURS,
        flags: DELIVERY,
        description: "Micro-brasserie. Bières de garrigue brassées et embouteillées sur place.",
    },
    ShopSpec {
        name: "Bonbons et Douceurs d'Uzès",
        trade: &CONFISERIE,
        commune: UZES,
        street: "rue Entre-les-Tours",
        hours: SHOP_HOURS,
        flags: DELIVERY,
        description: "Confiserie à l'ancienne dans la ville du bonbon. Réglisses, berlingots, nougats et calissons.",
    },
    ShopSpec {
        name: "Brûlerie Sigalon",
        trade: &TORREFACTEUR,
        commune: UZES,
        street: "rue Xavier Sigalon",
        hours: SHOP_MONDAY_HOURS,
        flags: DELIVERY,
        description: "Torréfacteur artisanal. Cafés de spécialité torréfiés chaque semaine et thés en vrac.",
    },
    ShopSpec {
        name: "Les Confitures de Vallabrix",
        trade: &CONFITURERIE,
        commune: VALLABRIX,
        street: "place de l'Église",
        hours: FARM_HOURS,
        flags: DELIVERY,
        description: "Confitures cuites au chaudron en cuivre avec les fruits des vergers voisins.",
    },
    ShopSpec {
        name: "Atelier de poterie Issartel",
        trade: &POTIER,
        commune: SAINT_QUENTIN,
        street: "rue de la Fontaine",
        hours: WORKSHOP_HOURS,
        flags: EXEMPT | MOBILE,
        description: "Potière installée à Saint-Quentin-la-Poterie, village de tradition céramique. Pièces tournées à la main en grès et en terre vernissée.",
    },
    ShopSpec {
        name: "Terres Vernissées de Saint-Quentin",
        trade: &POTIER,
        commune: SAINT_QUENTIN,
        street: "place du Marché",
        hours: WORKSHOP_HOURS,
        flags: DELIVERY,
        description: "Atelier-boutique de céramistes. Vaisselle en terre vernissée aux couleurs de la Provence, plats à tian et pichets.",
    },
    ShopSpec {
        name: "Librairie La Fenestrelle",
        trade: &LIBRAIRIE,
        commune: UZES,
        street: "rue de la République",
        hours: SHOP_MONDAY_HOURS,
        flags: DELIVERY,
        description: "Librairie générale au pied de la tour Fenestrelle. Littérature, livres régionaux, jeunesse et rencontres d'auteurs.",
    },
    ShopSpec {
        name: "Maison de la Presse Gambetta",
        trade: &PRESSE,
        commune: UZES,
        street: "boulevard Gambetta",
        hours: PRESS_HOURS,
        flags: 0,
        description: "Journaux, magazines, papeterie et cartes postales. Ouverte tous les jours dès le matin.",
    },
    ShopSpec {
        name: "Le Coffre à Jouets",
        trade: &JOUETS,
        commune: UZES,
        street: "rue Saint-Théodorit",
        hours: SHOP_HOURS,
        flags: DELIVERY,
        description: "Jouets en bois, jeux de société et loisirs créatifs. On peut essayer avant d'acheter.",
    },
    ShopSpec {
        name: "Fleurs de Garrigue",
        trade: &FLEURISTE,
        commune: UZES,
        street: "rue du Docteur Blanchard",
        hours: FLORIST_HOURS,
        flags: DELIVERY,
        description: "Fleuriste créatrice. Bouquets de saison, fleurs séchées et compositions pour les mariages.",
    },
    ShopSpec {
        name: "Pépinière des Oules",
        trade: &PEPINIERE,
        commune: SAINT_VICTOR,
        street: "route d'Uzès",
        hours: CONTINUOUS_HOURS,
        flags: DELIVERY,
        description: "Pépinière de plantes méditerranéennes qui supportent la sécheresse : oliviers, lavandes, aromatiques et arbres fruitiers.",
    },
    ShopSpec {
        name: "Savonnerie de l'Alzon",
        trade: &SAVONNERIE,
        commune: UZES,
        street: "rue Paul Foussat",
        hours: SHOP_HOURS,
        flags: DELIVERY,
        description: "Savons saponifiés à froid à l'huile d'olive du Gard et cosmétiques naturels, fabriqués dans notre atelier.",
    },
    ShopSpec {
        name: "Atelier Delon",
        trade: &TAILLEUR,
        commune: UZES,
        street: "rue Jacques d'Uzès",
        hours: SHOP_HOURS,
        flags: DELIVERY,
        description: "Tailleur et retoucheur. Chemises et costumes sur mesure, retouches en quarante-huit heures.",
    },
    ShopSpec {
        name: "Boutique Garance",
        trade: &PRET_A_PORTER,
        commune: UZES,
        street: "place Dampmartin",
        hours: SHOP_MONDAY_HOURS,
        flags: DELIVERY,
        description: "Prêt-à-porter femme et homme en matières naturelles : lin, coton bio et laine.",
    },
    ShopSpec {
        name: "Lin et Lavande",
        trade: &PRET_A_PORTER,
        commune: UZES,
        street: "rue Saint-Étienne",
        hours: SHOP_MONDAY_HOURS,
        flags: DELIVERY,
        description: "Vêtements et accessoires d'été, chapeaux de paille et foulards imprimés.",
    },
    ShopSpec {
        name: "Cycles Pagès",
        trade: &VELOS,
        commune: UZES,
        street: "avenue Général Vincent",
        hours: SHOP_HOURS,
        flags: 0,
        description: "Vente, location et réparation de vélos. Conseils d'itinéraires pour rouler dans les garrigues.",
    },
    ShopSpec {
        name: "Vannerie de Foissac",
        trade: &VANNIER,
        commune: FOISSAC,
        street: "place du Village",
        hours: WORKSHOP_HOURS,
        flags: EXEMPT | MOBILE,
        description: "Vannier installé au village. Paniers, corbeilles et petit mobilier en osier.",
    },
    ShopSpec {
        name: "Bijoux Céleste",
        trade: &BIJOUX,
        commune: SERVIERS,
        street: "Grand Rue",
        hours: SHOP_HOURS,
        flags: DELIVERY | EXEMPT | MOBILE,
        description: "Créatrice de bijoux. Pièces uniques en argent recyclé et laiton martelé.",
    },
    ShopSpec {
        name: "Le Boutis d'Uzès",
        trade: &LINGE,
        commune: UZES,
        street: "rue Entre-les-Tours",
        hours: SHOP_MONDAY_HOURS,
        flags: DELIVERY,
        description: "Linge de maison provençal : boutis, nappes imprimées, torchons en lin et coussins brodés.",
    },
    ShopSpec {
        name: "Le Bistrot des Herbes",
        trade: &BISTROT,
        commune: UZES,
        street: "place aux Herbes",
        hours: RESTAURANT_HOURS,
        flags: 0,
        description: "Bistrot de la place aux Herbes. Cuisine du marché, plats du jour et desserts maison à emporter.",
    },
    ShopSpec {
        name: "Pizzeria La Fontaine d'Eure",
        trade: &PIZZERIA,
        commune: UZES,
        street: "boulevard Charles Gide",
        hours: PIZZERIA_HOURS,
        flags: 0,
        description: "Pizzas cuites au feu de bois avec une pâte maturée 48 heures. Commandez et passez les prendre.",
    },
    ShopSpec {
        name: "Crêperie Les Arcades",
        trade: &CREPERIE,
        commune: UZES,
        street: "place aux Herbes",
        hours: CREPERIE_HOURS,
        flags: 0,
        description: "Galettes de sarrasin et crêpes sucrées sous les arcades. Cidre fermier et caramel maison.",
    },
    ShopSpec {
        name: "Auberge de Collorgues",
        trade: &AUBERGE,
        commune: COLLORGUES,
        street: "place de l'Église",
        hours: INN_HOURS,
        flags: 0,
        description: "Auberge de village et cuisine de terroir : agneau, gibier en saison et desserts de grand-mère.",
    },
    ShopSpec {
        name: "Le Mas d'Aureillac",
        trade: &GASTRONOMIQUE,
        commune: ARPAILLARGUES,
        street: "chemin d'Aureillac",
        hours: GASTRO_HOURS,
        flags: 0,
        description: "Table gastronomique dans un mas du XVIIIe siècle. Menus autour de la truffe et des produits de l'Uzège, à emporter pour les fêtes.",
    },
    ShopSpec {
        name: "Le Petit Jardin",
        trade: &SALADES,
        commune: BOURDIC,
        street: "place de la Fontaine",
        hours: LUNCH_HOURS,
        flags: 0,
        description: "Cantine du midi : salades composées, tartines et soupes de saison, à emporter.",
    },
];

/// Family names for the shops of the scaled catalogue.
const FAMILIES: [&str; 60] = [
    "Fabre",
    "Teissier",
    "Roux",
    "Chabert",
    "Mazauric",
    "Guiraud",
    "Reboul",
    "Issartel",
    "Delon",
    "Pagès",
    "Nogaret",
    "Bastide",
    "Boissier",
    "Bouschet",
    "Chapus",
    "Maurin",
    "Vidal",
    "Jullian",
    "Rouvière",
    "Gaussen",
    "Abric",
    "Bourguet",
    "Combes",
    "Deleuze",
    "Espérandieu",
    "Fontanieu",
    "Granier",
    "Laune",
    "Sabatier",
    "Thérond",
    "Valette",
    "Arnaud",
    "Puech",
    "Soulier",
    "Boyer",
    "Pascal",
    "Bonnet",
    "Martin",
    "Mercier",
    "Brunel",
    "Cabane",
    "Durand",
    "Estève",
    "Fayet",
    "Gleize",
    "Hugon",
    "Jourdan",
    "Lafont",
    "Mathieu",
    "Nègre",
    "Olivier",
    "Peyre",
    "Coste",
    "Rieu",
    "Salles",
    "Trinquier",
    "Vincent",
    "Aubert",
    "Barral",
    "Cros",
];

/// Street names for the shops of the scaled catalogue.
const STREETS: [&str; 16] = [
    "rue de la République",
    "boulevard Gambetta",
    "place aux Herbes",
    "rue Jacques d'Uzès",
    "rue Saint-Étienne",
    "boulevard Charles Gide",
    "boulevard Victor Hugo",
    "rue Pélisserie",
    "avenue de la Libération",
    "rue Xavier Sigalon",
    "rue Entre-les-Tours",
    "place Dampmartin",
    "Grand Rue",
    "route d'Uzès",
    "place de la Mairie",
    "chemin des Vignes",
];

/// Last sentence of the descriptions of the scaled catalogue's shops.
const CLOSINGS: [&str; 4] = [
    "Commandez en ligne, nous préparons votre commande.",
    "Une adresse de confiance pour les habitants de l'Uzège.",
    "Accueil chaleureux et conseils personnalisés.",
    "Des produits choisis avec soin, au fil des saisons.",
];

/// Second sentences of food product descriptions; `{commune}` is replaced.
const FOOD_NOTES: &[&str] = &[
    "En vente à {commune}, chez un commerçant de l'Uzège.",
    "Disponible selon les arrivages.",
    "Un incontournable des tables de l'Uzège.",
    "Une idée de cadeau gourmand.",
    "Pour les grandes quantités, pensez à commander la veille.",
];

/// Second sentences of non-food product descriptions; `{commune}` is replaced.
const NON_FOOD_NOTES: &[&str] = &[
    "Disponible en boutique à {commune}.",
    "Emballage cadeau offert sur demande.",
    "Un cadeau qui rappelle l'Uzège.",
    "Conseils personnalisés en boutique à {commune}.",
];

/// Second sentences of restaurant dish descriptions; `{commune}` is replaced.
const RESTAURANT_NOTES: &[&str] = &[
    "Préparé à la commande dans notre cuisine, à {commune}.",
    "À retirer à l'heure de votre choix pendant le service.",
    "Servi dans un contenant consigné.",
    "Pensez à commander avant le coup de feu de midi.",
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const FOOD_ROOTS: [&str; 8] = [
        "epicerie",
        "boulangerie-patisserie",
        "boucherie-charcuterie",
        "fromagerie",
        "fruits-et-legumes",
        "poissonnerie",
        "vins-et-spiritueux",
        "traiteur",
    ];

    fn is_slug(s: &str) -> bool {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--")
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }

    fn is_time(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() == 5
            && b[2] == b':'
            && s[..2].parse::<u8>().is_ok_and(|h| h < 24)
            && s[3..].parse::<u8>().is_ok_and(|m| m < 60)
    }

    fn catalogue() -> DemoCatalogue {
        demo_catalogue(42)
    }

    #[test]
    fn same_seed_same_catalogue() {
        let a = demo_catalogue(7);
        let b = demo_catalogue(7);
        assert_eq!(a, b);
        let names = |c: &DemoCatalogue| -> Vec<(String, i64)> {
            c.products
                .iter()
                .map(|p| (p.name.clone(), p.price_cents))
                .collect()
        };
        assert_eq!(names(&a), names(&b));
    }

    #[test]
    fn different_seed_different_prices_and_stock() {
        let a = demo_catalogue(1);
        let b = demo_catalogue(2);
        let prices =
            |c: &DemoCatalogue| c.products.iter().map(|p| p.price_cents).collect::<Vec<_>>();
        let stock = |c: &DemoCatalogue| c.products.iter().map(|p| p.stock).collect::<Vec<_>>();
        assert_ne!(prices(&a), prices(&b));
        assert_ne!(stock(&a), stock(&b));
        // The shops themselves stay the same.
        let names = |c: &DemoCatalogue| c.shops.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&a), names(&b));
    }

    #[test]
    fn communes_are_the_uzege() {
        let c = catalogue();
        assert!(c.communes.len() >= 16);
        assert_eq!(
            c.communes[0],
            DemoCommune {
                name: "Uzès",
                postcode: "30700",
                insee: "30334"
            }
        );
        let quentin = c
            .communes
            .iter()
            .find(|x| x.name == "Saint-Quentin-la-Poterie");
        assert_eq!(quentin.map(|x| x.insee), Some("30295"));
        let mut insee = HashSet::new();
        let mut names = HashSet::new();
        for commune in &c.communes {
            assert!(insee.insert(commune.insee), "{}", commune.insee);
            assert!(names.insert(commune.name), "{}", commune.name);
            assert!(commune.insee.starts_with("30") && commune.insee.len() == 5);
            assert!(commune.postcode.starts_with("30") && commune.postcode.len() == 5);
            assert!(commune.postcode.bytes().all(|b| b.is_ascii_digit()));
            assert!(commune.insee.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn categories_form_a_small_tree() {
        let c = catalogue();
        assert!(c.categories.len() >= 14);
        let mut slugs = HashSet::new();
        let mut tops = HashSet::new();
        for category in &c.categories {
            assert!(is_slug(&category.slug), "{}", category.slug);
            assert!(slugs.insert(category.slug.as_str()), "{}", category.slug);
            assert!(!category.name.is_empty());
            if category.parent.is_none() {
                tops.insert(category.slug.as_str());
            }
        }
        assert!(tops.len() >= 14);
        let mut subs = 0;
        for category in &c.categories {
            if let Some(parent) = &category.parent {
                assert!(tops.contains(parent.as_str()), "{parent}");
                subs += 1;
            }
        }
        assert!(subs >= 3);
        for (slug, parent) in [
            ("vins-rouges", "vins-et-spiritueux"),
            ("chaussures-enfant", "chaussures"),
            ("miels-et-confitures", "epicerie"),
        ] {
            let found = c.categories.iter().find(|x| x.slug == slug);
            assert_eq!(found.and_then(|x| x.parent.as_deref()), Some(parent));
        }
        let epicerie = c.categories.iter().find(|x| x.slug == "epicerie");
        assert_eq!(epicerie.map(|x| x.name.as_str()), Some("Épicerie"));
    }

    #[test]
    fn shops_are_varied_and_distinct() {
        let c = catalogue();
        assert_eq!(c.shops.len(), 48);
        let mut slugs = HashSet::new();
        let mut names = HashSet::new();
        let mut phones = HashSet::new();
        let mut kinds: HashMap<&str, usize> = HashMap::new();
        for shop in &c.shops {
            assert!(is_slug(&shop.slug), "{}", shop.slug);
            assert!(slugs.insert(shop.slug.as_str()), "{}", shop.slug);
            assert!(names.insert(shop.name.as_str()), "{}", shop.name);
            assert!(phones.insert(shop.phone.as_str()), "{}", shop.phone);
            *kinds.entry(shop.kind).or_default() += 1;
            let sentences = shop.description.matches(". ").count() + 1;
            assert!((1..=3).contains(&sentences), "{}", shop.description);
            assert!(shop.description.ends_with('.'), "{}", shop.description);
            let commune = c.communes.iter().find(|x| x.name == shop.commune);
            assert_eq!(
                commune.map(|x| x.postcode),
                Some(shop.postcode),
                "{}",
                shop.name
            );
            let number = shop.address.split(' ').next().unwrap_or("");
            assert!(number.parse::<u32>().is_ok(), "{}", shop.address);
            assert!(shop.address.len() > number.len() + 3);
        }
        assert_eq!(kinds.get(FOOD), Some(&26));
        assert_eq!(kinds.get(NON_FOOD), Some(&16));
        assert_eq!(kinds.get(RESTAURANT), Some(&6));
        let in_uzes = c.shops.iter().filter(|s| s.commune == "Uzès").count();
        assert!(in_uzes > c.shops.len() / 2 && in_uzes < c.shops.len());
        let villages: HashSet<&str> = c
            .shops
            .iter()
            .filter(|s| s.commune != "Uzès")
            .map(|s| s.commune)
            .collect();
        assert!(villages.len() >= 10);
    }

    #[test]
    fn first_two_shops_belong_to_the_demo_merchant() {
        let c = catalogue();
        let food = &c.shops[0];
        assert_eq!(food.name, "Épicerie du Duché");
        assert_eq!(food.kind, FOOD);
        assert!(food.offers_delivery && food.offers_pickup && !food.vat_exempt);
        let shoes = &c.shops[1];
        assert_eq!(shoes.name, "Chaussures Fabre");
        assert_eq!(shoes.kind, NON_FOOD);
        assert!(shoes.offers_delivery && shoes.offers_pickup && !shoes.vat_exempt);
    }

    #[test]
    fn services_and_vat_status() {
        let c = catalogue();
        let pickup_only = c
            .shops
            .iter()
            .filter(|s| s.offers_pickup && !s.offers_delivery)
            .count();
        assert!((10..=16).contains(&pickup_only), "{pickup_only}");
        let delivery_only: Vec<_> = c.shops.iter().filter(|s| !s.offers_pickup).collect();
        assert_eq!(delivery_only.len(), 1);
        assert!(delivery_only[0].offers_delivery);
        for shop in c.shops.iter().filter(|s| s.kind == RESTAURANT) {
            assert!(shop.offers_pickup && !shop.offers_delivery, "{}", shop.name);
            assert!(!shop.vat_exempt);
        }
        let exempt: Vec<&str> = c
            .shops
            .iter()
            .filter(|s| s.vat_exempt)
            .map(|s| s.name.as_str())
            .collect();
        assert!((3..=5).contains(&exempt.len()), "{exempt:?}");
        assert!(exempt.iter().any(|n| n.contains("poterie")));
        assert!(exempt.iter().any(|n| n.contains("Rucher")));
    }

    #[test]
    fn opening_hours_are_realistic() {
        let c = catalogue();
        for shop in &c.shops {
            assert!(!shop.hours.is_empty(), "{}", shop.name);
            let mut previous: Option<(u8, &str)> = None;
            for &(day, open, close) in &shop.hours {
                assert!((1..=7).contains(&day), "{}", shop.name);
                assert!(is_time(open) && is_time(close), "{}", shop.name);
                assert!(open < close, "{} {day} {open}-{close}", shop.name);
                assert!(("06:00"..="23:00").contains(&open), "{}", shop.name);
                if let Some((last_day, last_close)) = previous {
                    assert!(
                        day > last_day || (day == last_day && open > last_close),
                        "{}: slots overlap or are out of order",
                        shop.name
                    );
                }
                previous = Some((day, close));
            }
        }
        let by_name = |name: &str| c.shops.iter().find(|s| s.name == name);
        let bakery = by_name("Boulangerie Teissier")
            .map(|s| s.hours.clone())
            .unwrap_or_default();
        assert!(
            bakery.iter().all(|&(day, _, _)| day != 1),
            "bakeries close on Monday"
        );
        assert!(
            bakery
                .iter()
                .any(|&(day, open, _)| day == 7 && open < "12:00")
        );
        let bistrot = by_name("Le Bistrot des Herbes")
            .map(|s| s.hours.clone())
            .unwrap_or_default();
        assert!(bistrot.contains(&(2, "12:00", "14:00")));
        assert!(bistrot.contains(&(2, "19:00", "22:00")));
    }

    #[test]
    fn contact_details_look_french() {
        let c = catalogue();
        let mut mobiles = 0;
        for shop in &c.shops {
            let groups: Vec<&str> = shop.phone.split(' ').collect();
            assert_eq!(groups.len(), 5, "{}", shop.phone);
            assert!(
                groups
                    .iter()
                    .all(|g| g.len() == 2 && g.bytes().all(|b| b.is_ascii_digit()))
            );
            assert!(["04", "06", "07"].contains(&groups[0]), "{}", shop.phone);
            if groups[0] != "04" {
                mobiles += 1;
            }
            let (user, domain) = shop.email.split_once('@').unwrap_or(("", ""));
            assert!(
                !user.is_empty() && domain.ends_with(".fr"),
                "{}",
                shop.email
            );
            assert!(is_slug(domain.trim_end_matches(".fr")), "{}", shop.email);
        }
        assert!(mobiles > 0 && mobiles < c.shops.len() / 3);
    }

    #[test]
    fn products_are_plentiful_and_fit_their_shop() {
        let c = catalogue();
        assert!(c.products.len() >= 760, "{}", c.products.len());
        let categories: HashMap<&str, Option<&str>> = c
            .categories
            .iter()
            .map(|x| (x.slug.as_str(), x.parent.as_deref()))
            .collect();
        let shops: HashMap<&str, &DemoShop> =
            c.shops.iter().map(|s| (s.slug.as_str(), s)).collect();
        let mut per_shop: HashMap<&str, usize> = HashMap::new();
        for product in &c.products {
            let shop = shops.get(product.shop_slug.as_str()).copied();
            assert!(shop.is_some(), "{}", product.shop_slug);
            let Some(shop) = shop else { continue };
            *per_shop.entry(shop.slug.as_str()).or_default() += 1;
            let parent = categories.get(product.category_slug.as_str());
            assert!(parent.is_some(), "{}", product.category_slug);
            let root = parent
                .copied()
                .flatten()
                .unwrap_or(product.category_slug.as_str());
            match shop.kind {
                FOOD => assert!(FOOD_ROOTS.contains(&root), "{} in {root}", product.name),
                NON_FOOD => assert!(
                    !FOOD_ROOTS.contains(&root) && root != "plats-a-emporter",
                    "{} in {root}",
                    product.name
                ),
                _ => assert!(
                    root == "plats-a-emporter" || root == "vins-et-spiritueux",
                    "{} in {root}",
                    product.name
                ),
            }
            let expected_root = if shop.slug.contains("fromag") || shop.slug.contains("chevrerie") {
                Some("fromagerie")
            } else if shop.slug.starts_with("boulangerie") {
                Some("boulangerie-patisserie")
            } else if shop.slug.starts_with("chaussures") {
                Some("chaussures")
            } else if shop.slug.starts_with("la-cave") || shop.slug.starts_with("le-cellier") {
                Some("vins-et-spiritueux")
            } else {
                None
            };
            if let Some(expected) = expected_root {
                let allowed = root == expected
                    || (expected == "fromagerie" && product.category_slug == "miels-et-confitures");
                assert!(allowed, "{} sold by {}", product.name, shop.name);
            }
        }
        for shop in &c.shops {
            let count = per_shop.get(shop.slug.as_str()).copied().unwrap_or(0);
            assert!(count >= 6, "{} has {count} products", shop.name);
        }
        let wines = c
            .products
            .iter()
            .filter(|p| p.shop_slug == "la-cave-de-l-eveche")
            .filter(|p| p.category_slug == "vins-rouges")
            .count();
        assert!(wines > 0);
    }

    #[test]
    fn product_names_and_slugs_are_unique_within_a_shop() {
        let c = catalogue();
        let mut names = HashSet::new();
        let mut slugs = HashSet::new();
        for product in &c.products {
            assert!(is_slug(&product.slug), "{}", product.slug);
            assert!(
                names.insert((&product.shop_slug, &product.name)),
                "{}",
                product.name
            );
            assert!(
                slugs.insert((&product.shop_slug, &product.slug)),
                "{}",
                product.slug
            );
        }
    }

    #[test]
    fn product_names_are_real_french() {
        let c = catalogue();
        let names: Vec<&str> = c.products.iter().map(|p| p.name.as_str()).collect();
        assert!(names.iter().filter(|n| n.starts_with('É')).count() >= 2);
        assert!(
            names
                .iter()
                .any(|n| n.contains(['é', 'è', 'ê', 'à', 'ç', 'ô', 'û', 'î']))
        );
        assert!(names.iter().any(|n| n.contains("Pélardon")));
        let first_words: HashSet<&str> = names.iter().filter_map(|n| n.split(' ').next()).collect();
        assert!(first_words.len() >= 150, "{}", first_words.len());
        assert!(
            names
                .iter()
                .all(|n| n.chars().next().is_some_and(char::is_uppercase))
        );
        // Whatever the seed, the plural and accented examples exist in the vocabulary.
        let vocabulary: Vec<&str> = SHOPS
            .iter()
            .flat_map(|s| s.trade.items.iter().map(|i| i.0))
            .collect();
        for expected in [
            "Pélardon affiné",
            "Tomme de chèvre des Cévennes",
            "Huile d'olive AOP Nîmes 75 cl",
            "Côtes-du-Rhône rouge 2022",
            "Mocassins cuir marron",
            "Éclair au chocolat",
            "Épaule d'agneau",
            "Chaussures de randonnée",
            "Crème brûlée",
        ] {
            assert!(vocabulary.contains(&expected), "{expected}");
        }
        assert!(vocabulary.iter().any(|n| n.starts_with("Crèmes dessert")));
    }

    #[test]
    fn descriptions_are_short_french_sentences() {
        let c = catalogue();
        let mut distinct = HashSet::new();
        for product in &c.products {
            let d = &product.description;
            assert!(d.ends_with('.'), "{d}");
            assert!(d.len() > 20 && d.len() < 300, "{d}");
            assert!((1..=2).contains(&(d.matches(". ").count() + 1)), "{d}");
            assert!(!d.contains("{commune}"), "{d}");
            distinct.insert(d.as_str());
        }
        assert!(distinct.len() >= 200, "{}", distinct.len());
    }

    #[test]
    fn prices_are_realistic() {
        let c = catalogue();
        for product in &c.products {
            assert!(
                (50..=250_000).contains(&product.price_cents),
                "{} {}",
                product.name,
                product.price_cents
            );
            assert!(product.days_old <= 120);
        }
        let price = |shop: &str, name: &str| {
            c.products
                .iter()
                .find(|p| p.shop_slug == shop && p.name == name)
                .map(|p| p.price_cents)
        };
        assert_eq!(round_price(110), 110);
        assert_eq!(round_price(1_452), 1_450);
        assert_eq!(round_price(1_498), 1_490);
        assert_eq!(round_price(8_912), 8_890);
        assert_eq!(round_price(24_931), 24_900);
        for shop in [
            "boulangerie-teissier",
            "au-pain-de-l-eveche",
            "boulangerie-du-four-banal",
        ] {
            if let Some(baguette) = price(shop, "Baguette classique") {
                assert!((100..=120).contains(&baguette), "{baguette}");
            }
        }
        let shoes: Vec<i64> = c
            .products
            .iter()
            .filter(|p| p.shop_slug == "chaussures-fabre" && p.name.starts_with("Mocassins"))
            .map(|p| p.price_cents)
            .collect();
        assert!(
            shoes.iter().all(|p| (8_000..=10_000).contains(p)),
            "{shoes:?}"
        );
    }

    #[test]
    fn vat_rates_follow_french_rules() {
        let c = catalogue();
        let shops: HashMap<&str, &DemoShop> =
            c.shops.iter().map(|s| (s.slug.as_str(), s)).collect();
        let mut seen = HashSet::new();
        for product in &c.products {
            let Some(shop) = shops.get(product.shop_slug.as_str()) else {
                panic!("unknown shop {}", product.shop_slug);
            };
            seen.insert(product.vat_rate_bp);
            if shop.vat_exempt {
                assert_eq!(product.vat_rate_bp, 0, "{}", product.name);
                continue;
            }
            let root = root_of(&product.category_slug);
            let expected = match (shop.kind, root) {
                (_, "vins-et-spiritueux") => 2000,
                (RESTAURANT, _) | (_, "traiteur") | (_, "fleurs-et-plantes") => 1000,
                (FOOD, _) => 550,
                _ if product.category_slug == "presse" => 210,
                _ if product.category_slug == "papeterie" => 2000,
                (_, "librairie-papeterie") => 550,
                _ => 2000,
            };
            assert_eq!(product.vat_rate_bp, expected, "{}", product.name);
        }
        for rate in [0, 210, 550, 1000, 2000] {
            assert!(seen.contains(&rate), "no product at {rate}");
        }
        let fabre: Vec<i32> = c
            .products
            .iter()
            .filter(|p| p.shop_slug == "chaussures-fabre")
            .map(|p| p.vat_rate_bp)
            .collect();
        assert!(fabre.iter().all(|&r| r == 2000));
    }

    #[test]
    fn stock_is_mostly_tracked() {
        for seed in [1, 42, 2024] {
            let c = demo_catalogue(seed);
            let total = c.products.len();
            let untracked = c.products.iter().filter(|p| p.stock.is_none()).count();
            let zero = c.products.iter().filter(|p| p.stock == Some(0)).count();
            let low = c
                .products
                .iter()
                .filter(|p| matches!(p.stock, Some(1..=2)))
                .count();
            let normal = c
                .products
                .iter()
                .filter(|p| matches!(p.stock, Some(3..=60)))
                .count();
            assert_eq!(untracked + zero + low + normal, total);
            assert!(
                (total / 100..=total * 6 / 100).contains(&untracked),
                "{untracked}"
            );
            assert!((total / 200..=total * 4 / 100).contains(&zero), "{zero}");
            assert!((2..=total * 4 / 100).contains(&low), "{low}");
        }
    }

    #[test]
    fn newest_products_can_be_sorted() {
        let c = catalogue();
        let ages: HashSet<u32> = c.products.iter().map(|p| p.days_old).collect();
        assert!(ages.len() > 60);
        assert!(ages.iter().all(|&d| d <= 120));
    }

    #[test]
    fn vocabulary_never_repeats_itself() {
        for trade in SHOPS.iter().map(|s| s.trade) {
            let mut names = HashSet::new();
            let mut slugs = HashSet::new();
            for &(name, category, price) in trade.items {
                assert!(CATEGORIES.iter().any(|c| c.0 == category), "{category}");
                assert!(price > 0);
                for suffix in std::iter::once("").chain(trade.variants.iter().map(|v| v.0)) {
                    let full = format!("{name}{suffix}");
                    assert!(slugs.insert(slugify(&full)), "{full}");
                    assert!(names.insert(full), "{name}{suffix}");
                }
            }
            assert!(!trade.phrases.is_empty() && !trade.variants.is_empty());
            // Restaurants give no variant to drinks, so they need something else to vary.
            let varies = trade.kind != RESTAURANT
                || trade
                    .items
                    .iter()
                    .any(|i| root_of(i.1) != "vins-et-spiritueux");
            assert!(varies, "{}", trade.prefix);
        }
    }

    #[test]
    fn scaled_catalogue_has_the_requested_size() {
        let c = scaled_catalogue(3, 200, 10_000);
        assert_eq!(c.shops.len(), 200);
        assert_eq!(c.products.len(), 10_000);
        assert_eq!(c.categories, categories());
        assert_eq!(c.communes, communes());
        let mut slugs = HashSet::new();
        let mut names = HashSet::new();
        for shop in &c.shops {
            assert!(is_slug(&shop.slug), "{}", shop.slug);
            assert!(slugs.insert(shop.slug.as_str()), "{}", shop.slug);
            assert!(names.insert(shop.name.as_str()), "{}", shop.name);
        }
        let kinds = |kind: &str| c.shops.iter().filter(|s| s.kind == kind).count();
        assert!((100..=115).contains(&kinds(FOOD)));
        assert!((60..=70).contains(&kinds(NON_FOOD)));
        assert!((20..=30).contains(&kinds(RESTAURANT)));
        let mut product_slugs = HashSet::new();
        let mut product_names = HashSet::new();
        let mut per_shop: HashMap<&str, usize> = HashMap::new();
        for product in &c.products {
            assert!(slugs.contains(product.shop_slug.as_str()));
            assert!(is_slug(&product.slug), "{}", product.slug);
            assert!(product_slugs.insert((&product.shop_slug, &product.slug)));
            assert!(product_names.insert((&product.shop_slug, &product.name)));
            *per_shop.entry(product.shop_slug.as_str()).or_default() += 1;
        }
        let most = per_shop.values().max().copied().unwrap_or(0);
        let least = per_shop.values().min().copied().unwrap_or(0);
        assert!(most > least, "products should be spread unevenly");
        assert!(most < 50 * 4);
    }

    #[test]
    fn scaled_catalogue_is_deterministic() {
        let a = scaled_catalogue(9, 60, 1_500);
        let b = scaled_catalogue(9, 60, 1_500);
        assert_eq!(a, b);
        let c = scaled_catalogue(10, 60, 1_500);
        assert_ne!(a.products, c.products);
    }

    #[test]
    fn scaled_catalogue_edge_cases() {
        let none = scaled_catalogue(1, 0, 1_000);
        assert!(none.shops.is_empty() && none.products.is_empty());
        let empty = scaled_catalogue(1, 5, 0);
        assert_eq!(empty.shops.len(), 5);
        assert!(empty.products.is_empty());
        let crowded = scaled_catalogue(1, 2, 500);
        assert_eq!(crowded.products.len(), 500);
        let mut seen = HashSet::new();
        for p in &crowded.products {
            assert!(seen.insert((&p.shop_slug, &p.slug)), "{}", p.slug);
        }
        let many_shops = scaled_catalogue(1, 3_000, 100);
        let slugs: HashSet<&str> = many_shops.shops.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(slugs.len(), 3_000);
        assert_eq!(many_shops.products.len(), 100);
    }
}
