//! Net quantities and prices per unit of measure (issue 14): "6,90 € · 13,80 €/kg", as
//! French price display rules ask of food sold pre-packed by weight or volume, and the
//! price of a piece of cheese cut to weight. Integer arithmetic only.
//!
//! Rounding, documented once: every division rounds half up (to the nearest cent, .5 up),
//! and a price per unit is never less than 1 cent (a 10 kg sack at 1 cent would otherwise
//! show "0,00 €/kg").

use serde::{Deserialize, Serialize};

use crate::money::format_eur;

/// The unit a net quantity is stated in. The quantity itself is kept in grams (g, kg),
/// millilitres (ml, cl, l) or pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NetUnit {
    G,
    Kg,
    Ml,
    Cl,
    L,
    Piece,
}

impl NetUnit {
    pub const ALL: [NetUnit; 6] = [
        NetUnit::G,
        NetUnit::Kg,
        NetUnit::Ml,
        NetUnit::Cl,
        NetUnit::L,
        NetUnit::Piece,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NetUnit::G => "g",
            NetUnit::Kg => "kg",
            NetUnit::Ml => "ml",
            NetUnit::Cl => "cl",
            NetUnit::L => "l",
            NetUnit::Piece => "piece",
        }
    }

    pub fn parse(value: &str) -> Option<NetUnit> {
        NetUnit::ALL
            .into_iter()
            .find(|unit| unit.as_str().eq_ignore_ascii_case(value.trim()))
    }

    /// How many grams, millilitres or pieces one of this unit is.
    pub fn base(self) -> i64 {
        match self {
            NetUnit::G | NetUnit::Ml | NetUnit::Piece => 1,
            NetUnit::Cl => 10,
            NetUnit::Kg | NetUnit::L => 1000,
        }
    }

    /// What the price is given per: the kilo for weights, the litre for volumes.
    pub fn per(self) -> PerUnit {
        match self {
            NetUnit::G | NetUnit::Kg => PerUnit::Kg,
            NetUnit::Ml | NetUnit::Cl | NetUnit::L => PerUnit::L,
            NetUnit::Piece => PerUnit::Piece,
        }
    }
}

/// What a price per unit is a price of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PerUnit {
    /// One kilogram.
    Kg,
    /// One litre.
    L,
    /// One piece.
    Piece,
}

impl PerUnit {
    /// As French labels write it after the price: "€/kg", "€/l", "€/pièce".
    pub fn suffix(self) -> &'static str {
        match self {
            PerUnit::Kg => "kg",
            PerUnit::L => "l",
            PerUnit::Piece => "pièce",
        }
    }
}

/// `numerator / denominator` rounded half up, for non-negative numbers.
fn div_round(numerator: i128, denominator: i128) -> i128 {
    (2 * numerator + denominator) / (2 * denominator)
}

/// The price per kilo, litre or piece of `price_cents` for `quantity` (grams, millilitres
/// or pieces, see [`NetUnit`]); `None` for a single piece (its price is already per piece)
/// or a quantity below 1. Never below 1 cent; saturates at `i64::MAX`.
pub fn price_per_unit(price_cents: i64, quantity: i64, unit: NetUnit) -> Option<(i64, PerUnit)> {
    if quantity < 1 || price_cents < 0 {
        return None;
    }
    let per = unit.per();
    let scale: i128 = match per {
        PerUnit::Kg | PerUnit::L => 1000,
        PerUnit::Piece if quantity == 1 => return None,
        PerUnit::Piece => 1,
    };
    let cents = div_round(i128::from(price_cents) * scale, i128::from(quantity)).max(1);
    Some((i64::try_from(cents).unwrap_or(i64::MAX), per))
}

/// The price of `grams` at `per_kg_cents` a kilo, rounded half up to the cent.
pub fn price_of_weight(per_kg_cents: i64, grams: i64) -> i64 {
    let cents = div_round(
        i128::from(per_kg_cents.max(0)) * i128::from(grams.max(0)),
        1000,
    );
    i64::try_from(cents).unwrap_or(i64::MAX)
}

/// "13,80 €/kg".
pub fn format_per_unit(cents: i64, per: PerUnit) -> String {
    format!("{}/{}", format_eur(cents), per.suffix())
}

/// A net quantity in its unit, the French way: (1500, kg) -> "1,5 kg", (750, cl) -> "75 cl",
/// (6, piece) -> "6 pièces".
pub fn format_quantity(quantity: i64, unit: NetUnit) -> String {
    let base = unit.base();
    let whole = quantity / base;
    let rest = quantity % base;
    let number = if rest == 0 {
        whole.to_string()
    } else {
        // Up to three decimals (grams in a kilo), trailing zeros dropped.
        let decimals = format!("{:03}", rest * 1000 / base);
        format!("{whole},{}", decimals.trim_end_matches('0'))
    };
    match unit {
        NetUnit::Piece if quantity > 1 => format!("{number} pièces"),
        NetUnit::Piece => format!("{number} pièce"),
        _ => format!("{number}\u{a0}{}", unit.as_str()),
    }
}

/// A weight in grams as a shopper reads it: "250 g", "1,2 kg".
pub fn format_weight(grams: i64) -> String {
    if grams >= 1000 {
        format_quantity(grams, NetUnit::Kg)
    } else {
        format_quantity(grams, NetUnit::G)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_per_kilo_and_litre() {
        // 6,90 € for 500 g: 13,80 €/kg.
        assert_eq!(
            price_per_unit(690, 500, NetUnit::G),
            Some((1380, PerUnit::Kg))
        );
        assert_eq!(
            price_per_unit(690, 500, NetUnit::Kg),
            Some((1380, PerUnit::Kg))
        );
        // 8,50 € for 250 g of honey: 34,00 €/kg.
        assert_eq!(
            price_per_unit(850, 250, NetUnit::G),
            Some((3400, PerUnit::Kg))
        );
        // 75 cl of wine at 12,00 €: 16,00 €/l.
        assert_eq!(
            price_per_unit(1200, 750, NetUnit::Cl),
            Some((1600, PerUnit::L))
        );
        // Rounded half up: 1,00 € for 300 g is 3,333... €/kg.
        assert_eq!(
            price_per_unit(100, 300, NetUnit::G),
            Some((333, PerUnit::Kg))
        );
        // 2,00 € for 600 g: 3,3333 -> 3,33; 1,00 € for 600 g: 1,6666 -> 1,67.
        assert_eq!(
            price_per_unit(100, 600, NetUnit::G),
            Some((167, PerUnit::Kg))
        );
        // Pieces: 6 eggs at 3,00 € are 0,50 € a piece; one piece needs no per-unit price.
        assert_eq!(
            price_per_unit(300, 6, NetUnit::Piece),
            Some((50, PerUnit::Piece))
        );
        assert_eq!(price_per_unit(300, 1, NetUnit::Piece), None);
        assert_eq!(price_per_unit(300, 0, NetUnit::G), None);
    }

    #[test]
    fn tiny_and_huge_quantities() {
        // A gram of saffron at 15,00 €: 15 000,00 €/kg.
        assert_eq!(
            price_per_unit(1500, 1, NetUnit::G),
            Some((1_500_000, PerUnit::Kg))
        );
        // A 25 kg sack at 1 cent never shows 0,00 €/kg.
        assert_eq!(
            price_per_unit(1, 25_000, NetUnit::G),
            Some((1, PerUnit::Kg))
        );
        assert_eq!(
            price_per_unit(1, i64::MAX, NetUnit::Ml),
            Some((1, PerUnit::L))
        );
        // The largest price for the smallest quantity does not overflow.
        assert_eq!(
            price_per_unit(i64::MAX, 1, NetUnit::G),
            Some((i64::MAX, PerUnit::Kg))
        );
        assert_eq!(
            price_per_unit(10_000_000, 1, NetUnit::G),
            Some((10_000_000_000, PerUnit::Kg))
        );
    }

    #[test]
    fn price_of_a_weighed_piece() {
        // 23,00 €/kg, about 250 g: 5,75 €.
        assert_eq!(price_of_weight(2300, 250), 575);
        // 262 g at 23,00 €/kg = 6,026 -> 6,03 €; 265 g = 6,095 -> 6,10 € (half up).
        assert_eq!(price_of_weight(2300, 262), 603);
        assert_eq!(price_of_weight(2300, 265), 610);
        assert_eq!(price_of_weight(2300, 0), 0);
        assert_eq!(price_of_weight(i64::MAX, i64::MAX), i64::MAX);
    }

    #[test]
    fn labels() {
        assert_eq!(format_per_unit(1380, PerUnit::Kg), "13,80\u{a0}€/kg");
        assert_eq!(format_per_unit(50, PerUnit::Piece), "0,50\u{a0}€/pièce");
        assert_eq!(format_quantity(1500, NetUnit::Kg), "1,5\u{a0}kg");
        assert_eq!(format_quantity(1250, NetUnit::Kg), "1,25\u{a0}kg");
        assert_eq!(format_quantity(750, NetUnit::Cl), "75\u{a0}cl");
        assert_eq!(format_quantity(755, NetUnit::Cl), "75,5\u{a0}cl");
        assert_eq!(format_quantity(500, NetUnit::G), "500\u{a0}g");
        assert_eq!(format_quantity(6, NetUnit::Piece), "6 pièces");
        assert_eq!(format_weight(250), "250\u{a0}g");
        assert_eq!(format_weight(1200), "1,2\u{a0}kg");
        for unit in NetUnit::ALL {
            assert_eq!(NetUnit::parse(unit.as_str()), Some(unit));
        }
    }
}
