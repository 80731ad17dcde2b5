//! A shop's products as a CSV file a French spreadsheet opens and writes: UTF-8 with a BOM
//! on export, `;` separator, prices `12,50`; on import UTF-8 (with or without BOM) or
//! Windows-1252, `;` or `,`, prices `12,50`, `12.50` or `12`, an empty stock for "not
//! counted". Parsing and planning are pure: the caller looks up the shop's products and the
//! categories, then applies the plan in one transaction, or nothing when any line is bad.

use std::collections::{HashMap, HashSet};

use shared::legal::WithdrawalException;
use shared::shop_products::{
    ImportAction, ImportChange, ImportError, ImportLine, ImportReport, ProductStatus,
};

use shared::measure::NetUnit;

use crate::domain::product::{self, ProductValues};
use crate::domain::search::search_key;
use crate::domain::variant::{self, VariantValues};

/// The columns of an export, in order. `version` is the product's version at the export:
/// an import applies a line's stock only if the product has not changed since (see
/// [`stale_stock`]). A product with variants (issue 14) takes one line per variant, its
/// `variante` label, `prix`, `stock`, `reference`, `ean` and `quantite_nette` the
/// variant's, the other columns repeating the product's.
pub const COLUMNS: [&str; 15] = [
    "id",
    "nom",
    "description",
    "prix",
    "tva",
    "stock",
    "categorie",
    "statut",
    "version",
    "retractation",
    "froid",
    "variante",
    "reference",
    "ean",
    "quantite_nette",
];
/// Most product lines one import accepts.
pub const MAX_LINES: usize = 10_000;
/// The field an error names when it is about a whole line or the file.
const LINE: &str = "ligne";

/// A price in cents as the file writes it: `12,50`.
pub fn format_price(cents: i64) -> String {
    format!("{},{:02}", cents / 100, cents % 100)
}

/// A VAT rate in basis points as the file writes it: `5,5`, `20`, `2,1`.
pub fn format_vat(rate_bp: i32) -> String {
    let (units, hundredths) = (rate_bp / 100, rate_bp % 100);
    match hundredths {
        0 => units.to_string(),
        h if h % 10 == 0 => format!("{units},{}", h / 10),
        h => format!("{units},{h:02}"),
    }
}

/// A status as the file writes it.
pub fn format_status(status: ProductStatus) -> &'static str {
    match status {
        ProductStatus::Draft => "brouillon",
        ProductStatus::Active => "en vente",
        ProductStatus::Archived => "archivé",
    }
}

/// An exception to the right of withdrawal as the file writes it.
pub fn format_withdrawal(exception: WithdrawalException) -> &'static str {
    match exception {
        WithdrawalException::None => "aucune",
        WithdrawalException::Perishable => "périssable",
        WithdrawalException::MadeToOrder => "sur mesure",
        WithdrawalException::SealedHygiene => "hygiène",
    }
}

/// Whether to keep cold, as the file writes it.
pub fn format_keep_cold(keep_cold: bool) -> &'static str {
    if keep_cold { "oui" } else { "non" }
}

fn format_stock(stock: Option<i32>) -> String {
    stock.map(|n| n.to_string()).unwrap_or_default()
}

/// A net quantity as the file writes it: `250 g`, `75 cl`, `1,5 kg`.
fn format_net(variant: &VariantValues) -> String {
    match (variant.net_quantity, variant.net_unit) {
        (Some(quantity), Some(unit)) => shared::measure::format_quantity(quantity, unit)
            .replace('\u{a0}', " ")
            .replace(" pièces", " piece")
            .replace(" pièce", " piece"),
        _ => String::new(),
    }
}

/// `250 g`, `75cl`, `1,5 kg`, `6 piece` (or `pièces`): grams, millilitres or pieces and the
/// unit; empty for none.
fn parse_net(value: &str) -> Result<Option<(i64, NetUnit)>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let message = || "must be a quantity and its unit: 250 g, 1,5 kg, 75 cl, 6 pièces".to_owned();
    let split = value
        .find(|c: char| c.is_alphabetic())
        .ok_or_else(message)?;
    let (number, unit) = value.split_at(split);
    let unit = match search_key(unit).trim() {
        "piece" | "pieces" | "pc" | "pcs" => NetUnit::Piece,
        other => NetUnit::parse(other).ok_or_else(message)?,
    };
    let number = number.trim().replace(',', ".");
    let amount: f64 = number.parse().map_err(|_| message())?;
    let base = (amount * unit.base() as f64).round();
    if !(1.0..=crate::domain::variant::NET_QUANTITY_MAX as f64).contains(&base) {
        return Err(message());
    }
    Ok(Some((base as i64, unit)))
}

/// A product of the shop as it is now.
#[derive(Debug, Clone)]
pub struct CurrentProduct {
    pub id: i64,
    pub values: ProductValues,
    /// One more on every change of the product.
    pub version: i64,
    /// Its variants, in the shop's order.
    pub variants: Vec<VariantValues>,
}

/// The export: a BOM (so Excel reads the accents), a header, one line per product.
pub fn export(products: &[CurrentProduct]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    writer.write_record(COLUMNS)?;
    for product in products {
        let v = &product.values;
        for variant in &product.variants {
            writer.write_record([
                product.id.to_string().as_str(),
                &v.name,
                &v.description,
                &format_price(variant.price_cents),
                &format_vat(v.vat_rate_bp),
                &format_stock(variant.stock),
                &v.category,
                format_status(v.status),
                product.version.to_string().as_str(),
                format_withdrawal(v.withdrawal_exception),
                format_keep_cold(v.keep_cold),
                &variant.label,
                variant.sku.as_deref().unwrap_or_default(),
                variant.ean.as_deref().unwrap_or_default(),
                &format_net(variant),
            ])?;
        }
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// The text of an uploaded file: UTF-8 (a BOM is dropped), else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// `;` unless the header line has more commas than semicolons.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let count = |c| header.chars().filter(|x| *x == c).count();
    if count(',') > count(';') { b',' } else { b';' }
}

/// A column of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    Id,
    Name,
    Description,
    Price,
    Vat,
    Stock,
    Category,
    Status,
    Version,
    Withdrawal,
    KeepCold,
    Variant,
    Sku,
    Ean,
    NetQuantity,
}

impl Column {
    /// The column a header names; French or English, case and accents ignored.
    fn of_header(header: &str) -> Option<Column> {
        let key = search_key(header);
        Some(match key.trim() {
            "id" | "identifiant" => Column::Id,
            "nom" | "name" => Column::Name,
            "description" => Column::Description,
            "prix" | "prix ttc" | "price" | "prix eur" => Column::Price,
            "tva" | "vat" | "taux tva" | "vat rate" => Column::Vat,
            "stock" => Column::Stock,
            "categorie" | "category" => Column::Category,
            "statut" | "status" => Column::Status,
            "version" => Column::Version,
            "retractation"
            | "exception retractation"
            | "withdrawal exception"
            | "withdrawal_exception" => Column::Withdrawal,
            "froid" | "garder au froid" | "garder au frais" | "keep cold" | "keep_cold" => {
                Column::KeepCold
            }
            "variante" | "taille" | "variant" => Column::Variant,
            "reference" | "ref" | "sku" => Column::Sku,
            "ean" | "code barre" | "code barres" | "code-barres" | "barcode" => Column::Ean,
            "quantite nette" | "quantite_nette" | "contenance" | "poids net" | "net quantity" => {
                Column::NetQuantity
            }
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        COLUMNS[self as usize]
    }
}

/// One line of an import, each column as given (`None`: not in the file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportRow {
    pub line: u64,
    pub id: Option<i64>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub price_cents: Option<i64>,
    pub vat_rate_bp: Option<i32>,
    /// `Some(None)`: the cell is empty, the stock is not counted.
    pub stock: Option<Option<i32>>,
    pub category: Option<String>,
    /// `Some(None)`: the cell is empty (a draft when creating, unchanged when updating).
    pub status: Option<Option<ProductStatus>>,
    /// The product's version when it was exported; `None` without one.
    pub version: Option<i64>,
    /// `None`: not in the file, or the cell is empty (none when creating, unchanged when
    /// updating).
    pub withdrawal_exception: Option<WithdrawalException>,
    /// `None`: not in the file, or the cell is empty (no when creating, unchanged when
    /// updating).
    pub keep_cold: Option<bool>,
    /// The variant's label (`Some("")`: the column is there, the cell empty: a product
    /// without variants).
    pub variant: Option<String>,
    /// `Some(None)`: the cell is empty (no reference).
    pub sku: Option<Option<String>>,
    pub ean: Option<Option<String>>,
    pub net: Option<Option<(i64, NetUnit)>>,
    /// Columns whose cell was bad (already reported).
    bad: Vec<Column>,
}

/// `12,50`, `12.50`, `12`, `12,5 €`, `1 250,00` in cents.
pub fn parse_price(value: &str) -> Result<i64, String> {
    let message = || "must be a price such as 12,50".to_owned();
    let cleaned: String = value
        .trim()
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    if cleaned.is_empty() {
        return Err("is required: a price such as 12,50".into());
    }
    let (units, cents) = match cleaned.split_once([',', '.']) {
        Some((units, cents)) => (units, cents),
        None => (cleaned.as_str(), ""),
    };
    if units.is_empty()
        || !units.bytes().all(|b| b.is_ascii_digit())
        || cents.len() > 2
        || !cents.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(message());
    }
    let units: i64 = units.parse().map_err(|_| message())?;
    let cents: i64 = format!("{cents:0<2}").parse().map_err(|_| message())?;
    let total = units
        .checked_mul(100)
        .and_then(|u| u.checked_add(cents))
        .ok_or_else(message)?;
    product::price_cents(total)
}

/// `5,5`, `5.5`, `5,5 %`, `20` in basis points.
pub fn parse_vat(value: &str) -> Result<i32, String> {
    let cleaned: String = value.trim().trim_end_matches('%').trim().replace(',', ".");
    let percent: f64 = cleaned
        .parse()
        .map_err(|_| "must be a VAT rate in percent: 0, 2,1, 5,5, 10 or 20".to_owned())?;
    product::vat_rate_bp(percent)
        .map_err(|_| "must be a VAT rate in percent: 0, 2,1, 5,5, 10 or 20".to_owned())
}

fn parse_stock(value: &str) -> Result<Option<i32>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let n: i64 = value
        .parse()
        .map_err(|_| "must be a whole number, or empty when the stock is not counted")?;
    product::stock(Some(n))
}

fn parse_status(value: &str) -> Result<Option<ProductStatus>, String> {
    Ok(Some(match search_key(value).trim() {
        "" => return Ok(None),
        "brouillon" | "draft" => ProductStatus::Draft,
        "en vente" | "actif" | "active" | "en ligne" | "publie" => ProductStatus::Active,
        "archive" | "archived" => ProductStatus::Archived,
        _ => return Err("must be brouillon, en vente or archivé".into()),
    }))
}

fn parse_withdrawal(value: &str) -> Result<Option<WithdrawalException>, String> {
    Ok(Some(match search_key(value).trim() {
        "" => return Ok(None),
        "aucune" | "none" | "non" => WithdrawalException::None,
        "perissable" | "perishable" => WithdrawalException::Perishable,
        "sur mesure" | "made to order" | "made_to_order" => WithdrawalException::MadeToOrder,
        "hygiene" | "sealed hygiene" | "sealed_hygiene" => WithdrawalException::SealedHygiene,
        _ => return Err("must be aucune, périssable, sur mesure or hygiène".into()),
    }))
}

fn parse_keep_cold(value: &str) -> Result<Option<bool>, String> {
    match search_key(value).trim() {
        "" => Ok(None),
        "oui" | "yes" | "1" | "vrai" | "true" => Ok(Some(true)),
        "non" | "no" | "0" | "faux" | "false" => Ok(Some(false)),
        _ => Err("must be oui or non".into()),
    }
}

/// The lines of an uploaded file, and every bad value found on the way.
pub fn parse(bytes: &[u8]) -> (Vec<ImportRow>, Vec<ImportError>) {
    let text = decode(bytes);
    let mut errors = Vec::new();
    let error = |errors: &mut Vec<ImportError>, line: u64, field: &str, message: String| {
        errors.push(ImportError {
            line,
            field: field.into(),
            message,
        })
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(err)) => {
            error(
                &mut errors,
                1,
                LINE,
                format!("the header cannot be read: {err}"),
            );
            return (Vec::new(), errors);
        }
        None => {
            error(&mut errors, 1, LINE, "the file is empty".into());
            return (Vec::new(), errors);
        }
    };
    let mut columns: Vec<Column> = Vec::new();
    for cell in &header {
        match Column::of_header(cell) {
            Some(column) if columns.contains(&column) => {
                error(
                    &mut errors,
                    1,
                    column.name(),
                    "this column appears twice".into(),
                );
            }
            Some(column) => columns.push(column),
            None => error(
                &mut errors,
                1,
                LINE,
                format!(
                    "unknown column \"{}\"; the columns are {}",
                    cell.trim(),
                    COLUMNS.join(";")
                ),
            ),
        }
    }
    if !errors.is_empty() {
        return (Vec::new(), errors);
    }
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map_or(0, csv::Position::line);
                error(&mut errors, line, LINE, format!("cannot be read: {err}"));
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if record.len() != columns.len() {
            error(
                &mut errors,
                line,
                LINE,
                format!(
                    "has {} columns where the header has {}",
                    record.len(),
                    columns.len()
                ),
            );
            continue;
        }
        if rows.len() == MAX_LINES {
            error(
                &mut errors,
                line,
                LINE,
                format!("a file may hold at most {MAX_LINES} products"),
            );
            break;
        }
        let mut row = ImportRow {
            line,
            ..ImportRow::default()
        };
        for (column, cell) in columns.iter().zip(record.iter()) {
            if let Err(bad) = crate::text_guard::check_text(column.name(), cell) {
                error(&mut errors, line, column.name(), bad.message);
                row.bad.push(*column);
                continue;
            }
            let result: Result<(), String> = match column {
                Column::Id => match cell.trim() {
                    "" => Ok(()),
                    id => id
                        .parse::<i64>()
                        .ok()
                        .filter(|id| *id > 0)
                        .map(|id| row.id = Some(id))
                        .ok_or_else(|| "must be a product id from an export, or empty".into()),
                },
                Column::Name => product::name(cell).map(|v| row.name = Some(v)),
                Column::Description => {
                    product::description(cell).map(|v| row.description = Some(v))
                }
                Column::Price => parse_price(cell).map(|v| row.price_cents = Some(v)),
                Column::Vat => parse_vat(cell).map(|v| row.vat_rate_bp = Some(v)),
                Column::Stock => parse_stock(cell).map(|v| row.stock = Some(v)),
                Column::Category => match cell.trim() {
                    "" => Err("is required: a category slug such as fromagerie".into()),
                    slug => {
                        row.category = Some(slug.to_lowercase());
                        Ok(())
                    }
                },
                Column::Status => parse_status(cell).map(|v| row.status = Some(v)),
                Column::Version => match cell.trim() {
                    "" => Ok(()),
                    version => version
                        .parse::<i64>()
                        .map(|v| row.version = Some(v))
                        .map_err(|_| "must be the version an export wrote, or empty".into()),
                },
                Column::Withdrawal => parse_withdrawal(cell).map(|v| row.withdrawal_exception = v),
                Column::KeepCold => parse_keep_cold(cell).map(|v| row.keep_cold = v),
                Column::Variant => variant::label(cell).map(|v| row.variant = Some(v)),
                Column::Sku => variant::sku(cell).map(|v| row.sku = Some(v)),
                Column::Ean => variant::ean(cell).map(|v| row.ean = Some(v)),
                Column::NetQuantity => parse_net(cell).map(|v| row.net = Some(v)),
            };
            if let Err(message) = result {
                error(&mut errors, line, column.name(), message);
                row.bad.push(*column);
            }
        }
        rows.push(row);
    }
    (rows, errors)
}

/// The variant lines of products with variants (issue 14), by the line that stands for the
/// product (its first).
pub type VariantLines = HashMap<u64, Vec<ImportRow>>;

/// Groups the lines that are variants of one product: lines naming a `variante`, with the
/// same `id`, or without an id the same name. The first line of each group stands for the
/// product in [`plan`] (for a product already there, without its price and stock: those
/// are its variants'); every line of the group, the first included, is one of its
/// variants. Lines without a variant are products as before.
pub fn group_variants(rows: Vec<ImportRow>) -> (Vec<ImportRow>, VariantLines) {
    #[derive(PartialEq, Eq, Hash)]
    enum Key {
        Id(i64),
        Name(String),
    }
    let mut heads: Vec<ImportRow> = Vec::new();
    let mut groups: VariantLines = HashMap::new();
    let mut first_of: HashMap<Key, u64> = HashMap::new();
    for row in rows {
        let named = row
            .variant
            .as_deref()
            .is_some_and(|label| !label.is_empty());
        if !named {
            heads.push(row);
            continue;
        }
        let key = match (row.id, &row.name) {
            (Some(id), _) => Key::Id(id),
            (None, Some(name)) => Key::Name(search_key(name)),
            (None, None) => {
                heads.push(row);
                continue;
            }
        };
        match first_of.get(&key) {
            Some(head) => groups.entry(*head).or_default().push(row),
            None => {
                first_of.insert(key, row.line);
                groups.insert(row.line, vec![row.clone()]);
                let mut head = row;
                if head.id.is_some() {
                    head.price_cents = None;
                    head.stock = None;
                }
                heads.push(head);
            }
        }
    }
    (heads, groups)
}

/// What applying an import writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    Create {
        line: u64,
        values: ProductValues,
    },
    Update {
        line: u64,
        id: i64,
        values: ProductValues,
    },
}

/// Decides what each line does, against the shop's products (by id) and the categories
/// (slugs). Lines with bad values are reported, and then nothing may be applied.
pub fn plan(
    rows: Vec<ImportRow>,
    mut errors: Vec<ImportError>,
    existing: &HashMap<i64, ProductValues>,
    categories: &HashSet<String>,
    vat_exempt: bool,
    dry_run: bool,
) -> (ImportReport, Vec<Write>) {
    let mut lines = Vec::new();
    let mut writes = Vec::new();
    let mut seen_ids: HashMap<i64, u64> = HashMap::new();
    let (mut created, mut updated, mut unchanged) = (0, 0, 0);
    for row in rows {
        let line = row.line;
        let before = errors.len();
        let mut error = |field: &str, message: String| {
            errors.push(ImportError {
                line,
                field: field.into(),
                message,
            })
        };
        let current = match row.id {
            Some(id) => match existing.get(&id) {
                Some(current) => {
                    if let Some(first) = seen_ids.insert(id, line) {
                        error("id", format!("product {id} is already on line {first}"));
                    }
                    Some(current)
                }
                None => {
                    error("id", format!("this shop has no product {id}"));
                    continue;
                }
            },
            None => None,
        };
        let bad = row.bad.clone();
        let required =
            |value: Option<String>, column: Column, error: &mut dyn FnMut(&str, String)| {
                value.unwrap_or_else(|| {
                    if !bad.contains(&column) {
                        error(column.name(), "is required to create a product".into());
                    }
                    String::new()
                })
            };
        let values = match current {
            Some(current) => ProductValues {
                name: row.name.unwrap_or_else(|| current.name.clone()),
                description: row
                    .description
                    .unwrap_or_else(|| current.description.clone()),
                price_cents: row.price_cents.unwrap_or(current.price_cents),
                vat_rate_bp: row.vat_rate_bp.unwrap_or(current.vat_rate_bp),
                stock: row.stock.unwrap_or(current.stock),
                category: row.category.unwrap_or_else(|| current.category.clone()),
                status: row.status.flatten().unwrap_or(current.status),
                keep_cold: row.keep_cold.unwrap_or(current.keep_cold),
                withdrawal_exception: row
                    .withdrawal_exception
                    .unwrap_or(current.withdrawal_exception),
                unit_price_exempt: current.unit_price_exempt,
            },
            None => ProductValues {
                name: required(row.name, Column::Name, &mut error),
                description: row.description.unwrap_or_default(),
                price_cents: row.price_cents.unwrap_or_else(|| {
                    if !bad.contains(&Column::Price) {
                        error("prix", "is required to create a product".into());
                    }
                    0
                }),
                vat_rate_bp: row.vat_rate_bp.unwrap_or_else(|| {
                    if !bad.contains(&Column::Vat) {
                        error("tva", "is required to create a product".into());
                    }
                    0
                }),
                stock: row.stock.flatten(),
                category: required(row.category, Column::Category, &mut error),
                status: row.status.flatten().unwrap_or(ProductStatus::Draft),
                keep_cold: row.keep_cold.unwrap_or(false),
                withdrawal_exception: row.withdrawal_exception.unwrap_or_default(),
                unit_price_exempt: false,
            },
        };
        if !values.category.is_empty() && !categories.contains(&values.category) {
            error(
                "categorie",
                format!("there is no category \"{}\"", values.category),
            );
        }
        if !bad.contains(&Column::Vat)
            && current.is_none_or(|c| c.vat_rate_bp != values.vat_rate_bp)
            && let Err(message) = product::vat_rate_for_shop(values.vat_rate_bp, vat_exempt)
        {
            error("tva", message);
        }
        if errors.len() > before || !bad.is_empty() {
            continue;
        }
        let changes = changes(current, &values);
        let action = match (current, changes.is_empty()) {
            (None, _) => ImportAction::Create,
            (Some(_), true) => ImportAction::Unchanged,
            (Some(_), false) => ImportAction::Update,
        };
        match action {
            ImportAction::Create => {
                created += 1;
                writes.push(Write::Create {
                    line,
                    values: values.clone(),
                });
            }
            ImportAction::Update => {
                updated += 1;
                writes.push(Write::Update {
                    line,
                    id: row.id.unwrap_or_default(),
                    values: values.clone(),
                });
            }
            ImportAction::Unchanged => unchanged += 1,
        }
        lines.push(ImportLine {
            line,
            action,
            id: row.id,
            name: values.name,
            changes,
        });
    }
    errors.sort_by_key(|e| {
        let column = COLUMNS.iter().position(|c| *c == e.field);
        (e.line, column.map_or(0, |c| c + 1))
    });
    if !errors.is_empty() {
        writes.clear();
    }
    let report = ImportReport {
        dry_run,
        created,
        updated,
        unchanged,
        errors,
        lines,
    };
    (report, writes)
}

/// The error of a line whose stock would undo what happened since the export: the line
/// sets a stock other than the product's current one, and the product changed since the
/// version the line names (a sale, a cancelled order, another edit). A line without a
/// version sets the stock as an inventory count.
pub fn stale_stock(
    line: &ImportLine,
    exported_version: Option<i64>,
    current_version: i64,
    current_stock: Option<i32>,
) -> Option<ImportError> {
    let exported = exported_version?;
    let sets_stock = line.changes.iter().any(|change| change.field == "stock");
    let now = current_stock.map_or_else(|| "not counted".to_owned(), |n| n.to_string());
    (line.action == ImportAction::Update && sets_stock && exported != current_version).then(
        || ImportError {
            line: line.line,
            field: "stock".into(),
            message: format!(
                "the product changed since the export (a sale or another edit): its stock is now \
                 {now}; write that, or the count you made and empty the version cell, or export again"
            ),
        },
    )
}

/// The columns whose value changes, as the file writes them.
fn changes(current: Option<&ProductValues>, new: &ProductValues) -> Vec<ImportChange> {
    let shown = |v: &ProductValues| {
        [
            ("nom", v.name.clone()),
            ("description", v.description.clone()),
            ("prix", format_price(v.price_cents)),
            ("tva", format_vat(v.vat_rate_bp)),
            ("stock", format_stock(v.stock)),
            ("categorie", v.category.clone()),
            ("statut", format_status(v.status).to_owned()),
            (
                "retractation",
                format_withdrawal(v.withdrawal_exception).to_owned(),
            ),
            ("froid", format_keep_cold(v.keep_cold).to_owned()),
        ]
    };
    let after = shown(new);
    match current {
        None => after
            .into_iter()
            .map(|(field, to)| ImportChange {
                field: field.into(),
                from: None,
                to,
            })
            .collect(),
        Some(current) => shown(current)
            .into_iter()
            .zip(after)
            // Stored text may carry spaces an export-import trims: not a change.
            .filter(|((_, from), (_, to))| from.trim() != to.trim())
            .map(|((field, from), (_, to))| ImportChange {
                field: field.into(),
                from: Some(from),
                to,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_are_read_the_french_way_and_the_english_way() {
        assert_eq!(parse_price("12,50"), Ok(1250));
        assert_eq!(parse_price("12.50"), Ok(1250));
        assert_eq!(parse_price("12"), Ok(1200));
        assert_eq!(parse_price("12,5 €"), Ok(1250));
        assert_eq!(parse_price("1 250,00"), Ok(125_000));
        assert_eq!(parse_price(" 0,99 "), Ok(99));
        for bad in ["", "abc", "-3,00", "12,505", "0", "12,5,0", ",50"] {
            assert!(parse_price(bad).is_err(), "{bad}");
        }
        assert_eq!(format_price(1250), "12,50");
        assert_eq!(format_price(99), "0,99");
    }

    #[test]
    fn vat_rates_round_trip() {
        for bp in product::VAT_RATES_BP {
            assert_eq!(parse_vat(&format_vat(bp)), Ok(bp));
        }
        assert_eq!(format_vat(550), "5,5");
        assert_eq!(format_vat(210), "2,1");
        assert_eq!(parse_vat("5.5 %"), Ok(550));
        assert!(parse_vat("19,6").is_err());
    }

    #[test]
    fn windows_1252_and_utf8_with_bom_decode_alike() {
        let latin = b"nom;prix\nCr\xe8me br\xfbl\xe9e;3,50\n";
        let utf8 = "\u{feff}nom;prix\nCrème brûlée;3,50\n";
        assert_eq!(decode(latin), decode(utf8.as_bytes()));
        assert!(decode(latin).contains("Crème brûlée"));
    }

    #[test]
    fn bad_cells_are_reported_with_their_line_and_column() {
        let file = "id,nom,prix,tva,categorie\n,Miel,\"10,50\",5.5,epicerie\n,,abc,7,epicerie\n";
        let (rows, errors) = parse(file.as_bytes());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].price_cents, Some(1050));
        let found: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(found, [(3, "nom"), (3, "prix"), (3, "tva")]);
        let (_, errors) = parse("nom;couleur\nx;y\n".as_bytes());
        assert_eq!(errors[0].line, 1);
    }
}
