//! What a shop may set on a product's variants (issue 14): labels, prices, stock, barcodes,
//! net quantities, and prices by the kilo for what is cut to order. Pure rules; the
//! variants' routes and the CSV import share them.

use shared::error::FieldError;
use shared::measure::{NetUnit, price_of_weight};
use shared::shop_products::VariantInput;

use crate::domain::product::{PRICE_MAX_CENTS, price_cents, stock};

/// Longest variant label, in characters.
pub const LABEL_MAX: usize = 40;
/// Longest SKU, in characters.
pub const SKU_MAX: usize = 40;
/// Largest net quantity (grams, millilitres or pieces): a tonne.
pub const NET_QUANTITY_MAX: i64 = 1_000_000_000;
/// Heaviest estimated piece: 100 kg.
pub const WEIGHT_MAX_G: i64 = 100_000;
/// Most variants of one product.
pub const VARIANTS_MAX: i64 = 50;
/// Largest position.
pub const POSITION_MAX: i32 = 1000;

/// Everything a shop sets on a variant, valid.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VariantValues {
    pub label: String,
    pub position: i32,
    /// For a variant sold by weight, computed from the price per kilo and the estimate.
    pub price_cents: i64,
    pub stock: Option<i32>,
    pub sku: Option<String>,
    pub ean: Option<String>,
    pub active: bool,
    pub net_quantity: Option<i64>,
    pub net_unit: Option<NetUnit>,
    pub sold_by_weight: bool,
    pub price_per_kg_cents: Option<i64>,
    pub estimated_weight_g: Option<i32>,
}

/// A trimmed label of at most [`LABEL_MAX`] characters (empty only for a product's only
/// variant, which the caller checks).
pub fn label(value: &str) -> Result<String, String> {
    let label = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.chars().count() > LABEL_MAX {
        return Err(format!("must be at most {LABEL_MAX} characters"));
    }
    Ok(label)
}

/// An EAN-8 or EAN-13 whose check digit is right; `""` for none.
pub fn ean(value: &str) -> Result<Option<String>, String> {
    let code = value.trim();
    if code.is_empty() {
        return Ok(None);
    }
    let digits: Vec<u32> = code.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != code.len() || !(digits.len() == 8 || digits.len() == 13) {
        return Err("must be an EAN barcode of 8 or 13 digits".into());
    }
    // From the right, excluding the check digit: weights 3, 1, 3, 1...
    let (check, body) = digits.split_last().unwrap_or((&0, &[]));
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { d * 3 } else { *d })
        .sum();
    if (10 - sum % 10) % 10 != *check {
        return Err("is not a valid EAN barcode: its check digit does not match".into());
    }
    Ok(Some(code.to_owned()))
}

/// A trimmed SKU of at most [`SKU_MAX`] characters; `""` for none.
pub fn sku(value: &str) -> Result<Option<String>, String> {
    let sku = value.trim();
    if sku.chars().count() > SKU_MAX {
        return Err(format!("must be at most {SKU_MAX} characters"));
    }
    Ok((!sku.is_empty()).then(|| sku.to_owned()))
}

/// Applies the present fields of `input` to `values` (a new variant's defaults, or a
/// variant as it is), then checks that the whole makes sense; every bad field is named.
/// `stock_delta` is the caller's (it applies to the stock as it is when written).
pub fn apply(values: &mut VariantValues, input: &VariantInput) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut check = |field: &str, result: Result<(), String>| {
        if let Err(message) = result {
            errors.push(FieldError {
                field: field.into(),
                message,
            });
        }
    };
    if let Some(value) = &input.label {
        check("label", label(value).map(|v| values.label = v));
    }
    if let Some(position) = input.position {
        if (0..=POSITION_MAX).contains(&position) {
            values.position = position;
        } else {
            check("position", Err(format!("must be from 0 to {POSITION_MAX}")));
        }
    }
    if let Some(price) = input.price_cents {
        check(
            "price_cents",
            price_cents(price).map(|v| values.price_cents = v),
        );
    }
    if let Some(value) = input.stock {
        check("stock", stock(value).map(|v| values.stock = v));
    }
    if let Some(value) = &input.sku {
        check("sku", sku(value).map(|v| values.sku = v));
    }
    if let Some(value) = &input.ean {
        check("ean", ean(value).map(|v| values.ean = v));
    }
    if let Some(active) = input.active {
        values.active = active;
    }
    if let Some(quantity) = input.net_quantity {
        match quantity {
            Some(q) if !(1..=NET_QUANTITY_MAX).contains(&q) => check(
                "net_quantity",
                Err(format!("must be from 1 to {NET_QUANTITY_MAX}")),
            ),
            _ => values.net_quantity = quantity,
        }
    }
    if let Some(unit) = input.net_unit {
        values.net_unit = unit;
    }
    if let Some(by_weight) = input.sold_by_weight {
        values.sold_by_weight = by_weight;
    }
    if let Some(per_kg) = input.price_per_kg_cents {
        check(
            "price_per_kg_cents",
            price_cents(per_kg).map(|v| values.price_per_kg_cents = Some(v)),
        );
    }
    if let Some(grams) = input.estimated_weight_g {
        if (1..=WEIGHT_MAX_G).contains(&grams) {
            values.estimated_weight_g = i32::try_from(grams).ok();
        } else {
            check(
                "estimated_weight_g",
                Err(format!("must be from 1 to {WEIGHT_MAX_G} grams")),
            );
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // The whole: a net quantity needs its unit and the other way round; a variant sold by
    // weight needs its price per kilo and estimate, and its price is computed from them.
    match (values.net_quantity, values.net_unit) {
        (Some(_), None) => errors.push(FieldError {
            field: "net_unit".into(),
            message: "is required with net_quantity: g, kg, ml, cl, l or piece".into(),
        }),
        (None, Some(_)) => errors.push(FieldError {
            field: "net_quantity".into(),
            message: "is required with net_unit".into(),
        }),
        _ => {}
    }
    if values.sold_by_weight {
        match (values.price_per_kg_cents, values.estimated_weight_g) {
            (Some(per_kg), Some(grams)) => {
                let estimate = price_of_weight(per_kg, i64::from(grams));
                if !(1..=PRICE_MAX_CENTS).contains(&estimate) {
                    errors.push(FieldError {
                        field: "estimated_weight_g".into(),
                        message: format!(
                            "at this price per kilo, a piece would cost {estimate} cents: from 1 to {PRICE_MAX_CENTS}"
                        ),
                    });
                }
                values.price_cents = estimate;
            }
            (per_kg, _) => errors.push(FieldError {
                field: if per_kg.is_none() {
                    "price_per_kg_cents"
                } else {
                    "estimated_weight_g"
                }
                .into(),
                message: "is required for a variant sold by weight".into(),
            }),
        }
    } else {
        values.price_per_kg_cents = None;
        values.estimated_weight_g = None;
        if values.price_cents < 1 {
            errors.push(FieldError {
                field: "price_cents".into(),
                message: "is required: the price in cents".into(),
            });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(json: &str) -> VariantInput {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn barcodes_are_checked() {
        assert_eq!(ean("4006381333931"), Ok(Some("4006381333931".into())));
        assert_eq!(ean("96385074"), Ok(Some("96385074".into())));
        assert_eq!(ean(" "), Ok(None));
        assert!(ean("4006381333932").is_err());
        assert!(ean("40063813339").is_err());
        assert!(ean("4006381333931x").is_err());
    }

    #[test]
    fn a_variant_sold_by_weight_is_priced_from_its_estimate() {
        let mut values = VariantValues {
            active: true,
            ..VariantValues::default()
        };
        apply(
            &mut values,
            &input(r#"{"label":"Part","sold_by_weight":true,"price_per_kg_cents":2300,"estimated_weight_g":250}"#),
        )
        .unwrap();
        assert_eq!(values.price_cents, 575);
        // Without its price per kilo it is refused, naming the field.
        let mut values = VariantValues::default();
        let errors = apply(&mut values, &input(r#"{"sold_by_weight":true}"#)).unwrap_err();
        assert_eq!(errors[0].field, "price_per_kg_cents");
    }

    #[test]
    fn a_net_quantity_needs_its_unit() {
        let mut values = VariantValues {
            price_cents: 690,
            ..VariantValues::default()
        };
        let errors = apply(&mut values, &input(r#"{"net_quantity":500}"#)).unwrap_err();
        assert_eq!(errors[0].field, "net_unit");
        let mut values = VariantValues {
            price_cents: 690,
            ..VariantValues::default()
        };
        apply(
            &mut values,
            &input(r#"{"net_quantity":500,"net_unit":"g"}"#),
        )
        .unwrap();
        assert_eq!(
            (values.net_quantity, values.net_unit),
            (Some(500), Some(NetUnit::G))
        );
    }
}
