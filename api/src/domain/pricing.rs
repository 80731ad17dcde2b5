//! Totals and VAT, in integer cents. Prices are VAT included (TTC), as French shoppers see
//! them; the VAT in a total at rate r is `round(total * r / (1 + r))`, rounded half away
//! from zero, computed once per rate on the sum of that rate's lines (not per line), so
//! the breakdown always adds up to the total.

use shared::order::VatLine;

/// A line to price: what it costs (cents, VAT included: unit price times quantity, or a
/// weighed line's weight at its price per kilo) and its VAT rate in basis points.
#[derive(Debug, Clone, Copy)]
pub struct PricedLine {
    pub total_cents: i64,
    pub vat_rate_bp: i32,
}

/// What an order line costs: its unit price times its quantity; for a line sold by weight
/// once the shop weighed it (`weighed`: its price per kilo and the line's actual grams), that
/// weight at that price, rounded half up to the cent (see [`shared::measure`]).
pub fn line_total(unit_price_cents: i64, quantity: i64, weighed: Option<(i64, i64)>) -> i64 {
    match weighed {
        Some((per_kg_cents, grams)) => shared::measure::price_of_weight(per_kg_cents, grams),
        None => unit_price_cents * quantity,
    }
}

/// The VAT included in `total_cents` at `rate_bp` basis points (550 = 5.5 %).
pub fn vat_included(total_cents: i64, rate_bp: i32) -> i64 {
    let rate = i128::from(rate_bp);
    let numerator = i128::from(total_cents) * rate;
    let denominator = 10_000 + rate;
    let rounded = (2 * numerator + denominator) / (2 * denominator);
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

/// The total of the lines and its VAT breakdown, one entry per rate, by increasing rate.
pub fn totals(lines: &[PricedLine]) -> (i64, Vec<VatLine>) {
    let mut by_rate: Vec<(i32, i64)> = Vec::new();
    for line in lines {
        let amount = line.total_cents;
        match by_rate
            .iter_mut()
            .find(|(rate, _)| *rate == line.vat_rate_bp)
        {
            Some((_, total)) => *total += amount,
            None => by_rate.push((line.vat_rate_bp, amount)),
        }
    }
    by_rate.sort_by_key(|(rate, _)| *rate);
    let vat = by_rate
        .into_iter()
        .map(|(rate_bp, total_cents)| {
            let vat_cents = vat_included(total_cents, rate_bp);
            VatLine {
                rate: f64::from(rate_bp) / 100.0,
                total_cents,
                vat_cents,
                net_cents: total_cents - vat_cents,
            }
        })
        .collect::<Vec<_>>();
    (vat.iter().map(|v| v.total_cents).sum(), vat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_is_extracted_from_prices_that_include_it() {
        assert_eq!(vat_included(1200, 2000), 200); // 12,00 € at 20 %: 10,00 + 2,00
        assert_eq!(vat_included(1055, 550), 55); // 10,55 € at 5.5 %
        assert_eq!(vat_included(110, 550), 6); // 1,10 €: 5.73 rounds to 6
        assert_eq!(vat_included(1100, 1000), 100);
        assert_eq!(vat_included(1021, 210), 21);
        assert_eq!(vat_included(999, 0), 0);
        assert_eq!(vat_included(0, 2000), 0);
    }

    #[test]
    fn totals_group_lines_by_rate_and_add_up() {
        let lines = [
            PricedLine {
                total_cents: 110 * 3,
                vat_rate_bp: 550,
            },
            PricedLine {
                total_cents: 1450,
                vat_rate_bp: 2000,
            },
            PricedLine {
                total_cents: 350 * 2,
                vat_rate_bp: 550,
            },
        ];
        let (total, vat) = totals(&lines);
        assert_eq!(total, 330 + 1450 + 700);
        assert_eq!(vat.len(), 2);
        assert_eq!(
            (vat[0].rate, vat[0].total_cents, vat[0].vat_cents),
            (5.5, 1030, 54)
        );
        assert_eq!(
            (vat[1].rate, vat[1].total_cents, vat[1].vat_cents),
            (20.0, 1450, 242)
        );
        for line in &vat {
            assert_eq!(line.net_cents + line.vat_cents, line.total_cents);
        }
        assert_eq!(totals(&[]), (0, vec![]));
    }

    #[test]
    fn a_weighed_line_changes_the_total_and_its_vat_exactly() {
        // Two pieces of Pélardon at about 250 g (5,75 € each at 23,00 €/kg) and a jar of
        // honey, all at 5.5 %: estimated 11,50 + 10,50 = 22,00 €.
        let honey = PricedLine {
            total_cents: line_total(1050, 1, None),
            vat_rate_bp: 550,
        };
        let estimate = PricedLine {
            total_cents: line_total(575, 2, None),
            vat_rate_bp: 550,
        };
        let (total, vat) = totals(&[estimate, honey]);
        assert_eq!((total, vat[0].vat_cents), (2200, 115));
        // Weighed: 537 g in all, 12,351 € -> 12,35 €; the total and its VAT follow.
        let weighed = PricedLine {
            total_cents: line_total(575, 2, Some((2300, 537))),
            vat_rate_bp: 550,
        };
        assert_eq!(weighed.total_cents, 1235);
        let (total, vat) = totals(&[weighed, honey]);
        assert_eq!(total, 2285);
        // 2285 * 5.5 / 105.5 = 119.12 -> 119.
        assert_eq!(vat[0].vat_cents, 119);
        assert_eq!(vat[0].net_cents + vat[0].vat_cents, total);
        // Half a cent rounds up: 265 g at 23,00 €/kg is 6,095 € -> 6,10 €.
        assert_eq!(line_total(575, 1, Some((2300, 265))), 610);
    }
}
