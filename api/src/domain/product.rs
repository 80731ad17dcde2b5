//! What a shop may set on its products: names, prices, VAT rates, stock, slugs, and the
//! status changes that make sense. Pure rules; handlers and the CSV import share them.

use shared::legal::WithdrawalException;
use shared::shop_products::ProductStatus;

use crate::domain::search::slugify;

/// Longest product name, in characters.
pub const NAME_MAX: usize = 120;
/// Longest description, in characters.
pub const DESCRIPTION_MAX: usize = 5_000;
/// Dearest accepted price: 100,000.00 €.
pub const PRICE_MAX_CENTS: i64 = 10_000_000;
/// Largest stock count.
pub const STOCK_MAX: i64 = 1_000_000;
/// The French VAT rates in basis points (550 = 5.5 %). 0 is for VAT-exempt shops only.
pub const VAT_RATES_BP: [i32; 5] = [0, 210, 550, 1000, 2000];

/// Everything a shop sets on a product, valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductValues {
    pub name: String,
    pub description: String,
    pub price_cents: i64,
    pub vat_rate_bp: i32,
    /// `None`: the stock is not counted.
    pub stock: Option<i32>,
    /// The category's slug.
    pub category: String,
    pub status: ProductStatus,
    /// Kept cold on the rounds (issue 11).
    pub keep_cold: bool,
    /// Its exception to the right of withdrawal (issue 15).
    pub withdrawal_exception: WithdrawalException,
    /// No price per kilo or litre shown (issue 14).
    pub unit_price_exempt: bool,
}

/// A trimmed name of 1 to [`NAME_MAX`] characters.
pub fn name(value: &str) -> Result<String, String> {
    let name = value.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        return Err(format!("must be 1 to {NAME_MAX} characters"));
    }
    Ok(name.to_owned())
}

/// A trimmed description of at most [`DESCRIPTION_MAX`] characters.
pub fn description(value: &str) -> Result<String, String> {
    let description = value.trim();
    if description.chars().count() > DESCRIPTION_MAX {
        return Err(format!("must be at most {DESCRIPTION_MAX} characters"));
    }
    Ok(description.to_owned())
}

/// A price in cents, VAT included: 1 to [`PRICE_MAX_CENTS`].
pub fn price_cents(value: i64) -> Result<i64, String> {
    if !(1..=PRICE_MAX_CENTS).contains(&value) {
        return Err(format!(
            "must be a price in cents from 1 to {PRICE_MAX_CENTS}"
        ));
    }
    Ok(value)
}

/// A VAT rate given in percent (5.5), in basis points (550), if it is a French rate.
pub fn vat_rate_bp(percent: f64) -> Result<i32, String> {
    let bp = (percent * 100.0).round();
    VAT_RATES_BP
        .into_iter()
        .find(|rate| f64::from(*rate) == bp && (percent * 100.0 - bp).abs() < 1e-6)
        .ok_or_else(|| "must be one of 0, 2.1, 5.5, 10 or 20 (percent)".to_owned())
}

/// Whether a rate suits the shop: 0 and only 0 for a VAT-exempt shop.
pub fn vat_rate_for_shop(rate_bp: i32, vat_exempt: bool) -> Result<i32, String> {
    match (vat_exempt, rate_bp) {
        (true, 0) | (false, 210 | 550 | 1000 | 2000) => Ok(rate_bp),
        (true, _) => Err("must be 0: the shop is exempt from VAT".into()),
        (false, _) => Err("must be 2.1, 5.5, 10 or 20: the shop charges VAT".into()),
    }
}

/// A stock count (0 to [`STOCK_MAX`]), or `None` when the shop does not count it.
pub fn stock(value: Option<i64>) -> Result<Option<i32>, String> {
    match value {
        None => Ok(None),
        Some(n) if (0..=STOCK_MAX).contains(&n) => Ok(i32::try_from(n).ok()),
        Some(_) => Err(format!(
            "must be a whole number from 0 to {STOCK_MAX}, or null when not counted"
        )),
    }
}

/// The percent a rate in basis points stands for (550 -> 5.5).
pub fn vat_percent(rate_bp: i32) -> f64 {
    f64::from(rate_bp) / 100.0
}

/// A product's slug: [`slugify`] of its name, at most [`MAX_SLUG_LENGTH`] characters;
/// `produit` when nothing is left.
pub fn slug(name: &str) -> String {
    let mut slug = slugify(name);
    slug.truncate(MAX_SLUG_LENGTH);
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "produit".into()
    } else {
        slug.to_owned()
    }
}

/// Longest product slug made from a name (before a `-2` suffix).
const MAX_SLUG_LENGTH: usize = 80;

/// `stem`, or `stem-2`, `stem-3`... : the first that `taken` does not hold.
pub fn unique_slug(stem: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(stem) {
        return stem.to_owned();
    }
    (2..)
        .map(|n| format!("{stem}-{n}"))
        .find(|slug| !taken(slug))
        .unwrap_or_else(|| stem.to_owned())
}

/// A status change a merchant asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// A draft goes on sale.
    Publish,
    /// A product on sale, or an archived one, goes back to draft.
    Unpublish,
    /// A draft or a product on sale is withdrawn for good (until unpublished again).
    Archive,
}

impl Transition {
    /// The status after the change, or why it makes no sense (409). An archived product is
    /// not published in one step: it goes back to draft first, so its price and stock are
    /// looked at again before it is on sale.
    pub fn apply(self, from: ProductStatus) -> Result<ProductStatus, String> {
        use ProductStatus::{Active, Archived, Draft};
        match (self, from) {
            (Transition::Publish, Draft) => Ok(Active),
            (Transition::Publish, Active) => Err("the product is already on sale".into()),
            (Transition::Publish, Archived) => Err(
                "an archived product cannot be published directly: unpublish it to make it a draft first"
                    .into(),
            ),
            (Transition::Unpublish, Active | Archived) => Ok(Draft),
            (Transition::Unpublish, Draft) => Err("the product is already a draft".into()),
            (Transition::Archive, Draft | Active) => Ok(Archived),
            (Transition::Archive, Archived) => Err("the product is already archived".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_french_vat_rates_are_accepted() {
        assert_eq!(vat_rate_bp(5.5), Ok(550));
        assert_eq!(vat_rate_bp(2.1), Ok(210));
        assert_eq!(vat_rate_bp(20.0), Ok(2000));
        assert_eq!(vat_rate_bp(0.0), Ok(0));
        assert!(vat_rate_bp(19.6).is_err());
        assert!(vat_rate_bp(5.505).is_err());
        assert!(vat_rate_bp(550.0).is_err());
        assert!(vat_rate_for_shop(0, false).is_err());
        assert!(vat_rate_for_shop(550, true).is_err());
        assert_eq!(vat_rate_for_shop(0, true), Ok(0));
    }

    #[test]
    fn prices_and_stock_have_bounds() {
        assert!(price_cents(0).is_err());
        assert!(price_cents(-5).is_err());
        assert_eq!(price_cents(1250), Ok(1250));
        assert_eq!(stock(None), Ok(None));
        assert_eq!(stock(Some(0)), Ok(Some(0)));
        assert!(stock(Some(-1)).is_err());
        assert!(stock(Some(STOCK_MAX + 1)).is_err());
    }

    #[test]
    fn slugs_are_plain_and_unique() {
        assert_eq!(slug("Crème brûlée « maison »"), "creme-brulee-maison");
        assert_eq!(slug("Œufs frais x6"), "oeufs-frais-x6");
        assert_eq!(slug("!!!"), "produit");
        let taken = ["miel", "miel-2"];
        assert_eq!(unique_slug("miel", |s| taken.contains(&s)), "miel-3");
        assert_eq!(unique_slug("pain", |s| taken.contains(&s)), "pain");
    }

    #[test]
    fn status_changes_that_make_no_sense_are_refused() {
        use ProductStatus::{Active, Archived, Draft};
        assert_eq!(Transition::Publish.apply(Draft), Ok(Active));
        assert!(Transition::Publish.apply(Active).is_err());
        assert!(Transition::Publish.apply(Archived).is_err());
        assert_eq!(Transition::Unpublish.apply(Active), Ok(Draft));
        assert_eq!(Transition::Unpublish.apply(Archived), Ok(Draft));
        assert!(Transition::Unpublish.apply(Draft).is_err());
        assert_eq!(Transition::Archive.apply(Draft), Ok(Archived));
        assert_eq!(Transition::Archive.apply(Active), Ok(Archived));
        assert!(Transition::Archive.apply(Archived).is_err());
    }
}
