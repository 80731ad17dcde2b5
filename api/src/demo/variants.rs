//! The demo's variants (issue 14): boots in sizes at the demo merchant's shoe shop (size 41
//! sold out), honey in two jar sizes at its grocery, cheeses cut to weight at a cheese shop,
//! and the net quantity of every demo product whose name states one ("Comté 18 mois
//! 250 g"), so prices per kilo show across the catalogue.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::measure::NetUnit;
use shared::shop_products::ProductStatus;

use crate::db::DbConn;
use crate::db::models::{product, shop, variant};
use crate::db::schema::{product_variants, products};
use crate::domain::product::ProductValues;
use crate::domain::variant::VariantValues;

/// The demo merchant's shoe shop, its grocery, and the cheese shop that cuts to weight.
const SHOES: &str = "chaussures-fabre";
const GROCERY: &str = "epicerie-du-duche";
const CHEESE: &str = "fromagerie-de-la-place-aux-herbes";

/// A demo product with its variants: (label, price, stock, net quantity); or sold by weight.
struct Demo {
    shop: &'static str,
    name: &'static str,
    description: &'static str,
    category: &'static str,
    vat_rate_bp: i32,
    variants: &'static [VariantSpec],
}

enum VariantSpec {
    Sized(&'static str, i64, Option<i32>, Option<(i64, NetUnit)>),
    /// Label, price per kilo, estimated grams of a piece, pieces in stock.
    ByWeight(&'static str, i64, i32, Option<i32>),
}

const DEMOS: [Demo; 5] = [
    Demo {
        shop: SHOES,
        name: "Bottines Lou en cuir",
        description: "Bottines à lacets en cuir grainé, semelle crêpe cousue, fabriquées à Romans.",
        category: "chaussures-femme",
        vat_rate_bp: 2000,
        variants: &[
            VariantSpec::Sized("38", 12900, Some(2), None),
            VariantSpec::Sized("39", 12900, Some(1), None),
            VariantSpec::Sized("40", 12900, Some(3), None),
            VariantSpec::Sized("41", 12900, Some(0), None),
            VariantSpec::Sized("42", 12900, Some(2), None),
        ],
    },
    Demo {
        shop: SHOES,
        name: "Espadrilles de Mauléon",
        description: "Espadrilles en toile de coton et semelle de jute, cousues main au Pays basque.",
        category: "chaussures-homme",
        vat_rate_bp: 2000,
        variants: &[
            VariantSpec::Sized("40", 3900, Some(4), None),
            VariantSpec::Sized("41", 3900, Some(5), None),
            VariantSpec::Sized("42", 3900, Some(2), None),
            VariantSpec::Sized("43", 4200, Some(1), None),
            VariantSpec::Sized("44", 4200, Some(0), None),
        ],
    },
    Demo {
        shop: GROCERY,
        name: "Miel de lavande de l'Uzège",
        description: "Miel crémeux récolté sur les lavandes du plateau, chez un apiculteur de Saint-Quentin-la-Poterie.",
        category: "miels-et-confitures",
        vat_rate_bp: 550,
        variants: &[
            VariantSpec::Sized("250 g", 590, Some(12), Some((250, NetUnit::G))),
            VariantSpec::Sized("500 g", 990, Some(8), Some((500, NetUnit::G))),
        ],
    },
    Demo {
        shop: CHEESE,
        name: "Tomme des Cévennes à la coupe",
        description: "Tomme de vache au lait cru affinée quatre mois, coupée à la demande et pesée devant vous.",
        category: "fromagerie",
        vat_rate_bp: 550,
        variants: &[
            VariantSpec::ByWeight("Part d'environ 250 g", 2300, 250, None),
            VariantSpec::ByWeight("Part d'environ 500 g", 2300, 500, None),
        ],
    },
    Demo {
        shop: CHEESE,
        name: "Comté 24 mois à la coupe",
        description: "Comté fruité affiné deux ans, coupé à la meule.",
        category: "fromagerie",
        vat_rate_bp: 550,
        variants: &[VariantSpec::ByWeight(
            "Part d'environ 300 g",
            3290,
            300,
            Some(10),
        )],
    },
];

/// Adds the demo's products with variants, and the net quantities named in product names.
/// Nothing when the demo's shops are not there (a benchmark's catalogue).
pub fn add(conn: &mut DbConn, now: NaiveDateTime) -> anyhow::Result<()> {
    for demo in &DEMOS {
        let Some(shop) = shop::find_by_slug(conn, demo.shop)? else {
            return Ok(());
        };
        let first = match &demo.variants[0] {
            VariantSpec::Sized(_, price, stock, _) => (*price, *stock),
            VariantSpec::ByWeight(_, _, _, stock) => (1, *stock),
        };
        let values = ProductValues {
            name: demo.name.into(),
            description: demo.description.into(),
            price_cents: first.0,
            vat_rate_bp: if shop.vat_exempt { 0 } else { demo.vat_rate_bp },
            stock: first.1,
            category: demo.category.into(),
            status: ProductStatus::Active,
            keep_cold: demo.category == "fromagerie",
            withdrawal_exception: if demo.category == "fromagerie" {
                shared::legal::WithdrawalException::Perishable
            } else {
                shared::legal::WithdrawalException::None
            },
            unit_price_exempt: false,
        };
        let id = product::create(conn, &shop, &values, now)
            .map_err(|err| anyhow::anyhow!("demo product {}: {err:?}", demo.name))?;
        let single = variant::single(conn, id)
            .map_err(|err| anyhow::anyhow!("demo product {}: {err:?}", demo.name))?;
        for (position, spec) in demo.variants.iter().enumerate() {
            let mut values = VariantValues {
                position: i32::try_from(position)?,
                active: true,
                ..VariantValues::default()
            };
            match spec {
                VariantSpec::Sized(label, price, stock, net) => {
                    values.label = (*label).into();
                    values.price_cents = *price;
                    values.stock = *stock;
                    values.net_quantity = net.map(|(q, _)| q);
                    values.net_unit = net.map(|(_, u)| u);
                }
                VariantSpec::ByWeight(label, per_kg, grams, stock) => {
                    values.label = (*label).into();
                    values.sold_by_weight = true;
                    values.price_per_kg_cents = Some(*per_kg);
                    values.estimated_weight_g = Some(*grams);
                    values.price_cents =
                        shared::measure::price_of_weight(*per_kg, i64::from(*grams));
                    values.stock = *stock;
                }
            }
            if position == 0 {
                variant::update(conn, single.id, &values, now)?;
            } else {
                variant::insert(conn, id, &values, now)?;
            }
        }
    }
    state_net_quantities(conn)
}

/// A benchmark's catalogue with variants in place: every tenth product comes in three sizes
/// (S, M and L, 1 € apart), the rest in one.
pub fn sizes_for_every_tenth(conn: &mut DbConn) -> anyhow::Result<()> {
    diesel::sql_query("UPDATE product_variants SET label = 'S' WHERE product_id % 10 = 0")
        .execute(conn)?;
    for (position, label, extra) in [(1, "M", 100), (2, "L", 200)] {
        diesel::sql_query(format!(
            "INSERT INTO product_variants \
             (product_id, position, label, price_cents, stock, active, created_at, updated_at) \
             SELECT product_id, {position}, '{label}', price_cents + {extra}, stock, TRUE, \
             created_at, updated_at FROM product_variants WHERE label = 'S'"
        ))
        .execute(conn)?;
    }
    Ok(())
}

/// "Comté 18 mois 250 g" weighs 250 g: every single-variant product whose name ends with a
/// quantity states it.
fn state_net_quantities(conn: &mut DbConn) -> anyhow::Result<()> {
    let named: Vec<(i64, String)> = products::table
        .select((products::id, products::name))
        .load(conn)?;
    for (id, name) in named {
        let Some((quantity, unit)) = quantity_in_name(&name) else {
            continue;
        };
        diesel::update(
            product_variants::table
                .filter(product_variants::product_id.eq(id))
                .filter(product_variants::label.eq("")),
        )
        .set((
            product_variants::net_quantity.eq(quantity),
            product_variants::net_unit.eq(unit.as_str()),
        ))
        .execute(conn)
        .with_context(|| format!("net quantity of {name}"))?;
    }
    Ok(())
}

/// The quantity a product's name ends with: "… 250 g" (250, g), "… 75 cl" (750, cl),
/// "… 1 kg" (1000, kg), "… 1,5 l" (1500, l).
fn quantity_in_name(name: &str) -> Option<(i64, NetUnit)> {
    let mut words = name.rsplit(' ');
    let unit = NetUnit::parse(words.next()?).filter(|u| *u != NetUnit::Piece)?;
    let number = words.next()?.replace(',', ".");
    let value: f64 = number.parse().ok()?;
    let base = (value * unit.base() as f64).round();
    (base >= 1.0).then_some((base as i64, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_read_from_names() {
        assert_eq!(
            quantity_in_name("Comté 18 mois 250 g"),
            Some((250, NetUnit::G))
        );
        assert_eq!(
            quantity_in_name("Côtes-du-Rhône 75 cl"),
            Some((750, NetUnit::Cl))
        );
        assert_eq!(
            quantity_in_name("Huile d'olive 1 l"),
            Some((1000, NetUnit::L))
        );
        assert_eq!(quantity_in_name("Farine 1,5 kg"), Some((1500, NetUnit::Kg)));
        assert_eq!(quantity_in_name("Pélardon affiné"), None);
        assert_eq!(quantity_in_name("Lot de 6 pièce"), None);
    }
}
