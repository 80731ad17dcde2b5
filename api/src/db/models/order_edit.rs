//! Changing an order's lines after the call (issue 14): another variant, another quantity,
//! a line removed or a product added, the actual weight of a line sold by weight. One
//! change is one transaction: stock, lines, total and one history entry.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::measure::format_weight;
use shared::money::format_eur;
use shared::order::{OrderStatus, name_with_variant};
use shared::shop_orders::OrderEventKind;

use super::order::{Event, OrderLineRow, line_rows, record_event};
use super::{cart, product, variant};
use crate::db::DbConn;
use crate::db::schema::{order_lines, orders, products};
use crate::domain::pricing::{PricedLine, line_total, totals};
use crate::error::ApiError;

/// One change, valid by construction; `index` is its place in the request's `lines`.
#[derive(Debug, Clone)]
pub enum LineEdit {
    /// A line of the order: another variant of its product, another quantity (0 removes
    /// it), or its actual weight in grams.
    Line {
        index: usize,
        line_id: i64,
        variant_id: Option<i64>,
        quantity: Option<i32>,
        weight_g: Option<i32>,
    },
    /// A product of the shop, added at today's price.
    Add {
        index: usize,
        product_id: i64,
        variant_id: Option<i64>,
        quantity: i32,
    },
}

/// "Bottines Lou en cuir (40)" or the name alone.
/// "environ 250 g" before weighing, "262 g" after.
fn weight_of(line: &OrderLineRow) -> String {
    match (line.actual_weight_g, line.estimated_weight_g) {
        (Some(grams), _) => format_weight(i64::from(grams)),
        (None, Some(piece)) => format!(
            "environ {}",
            format_weight(i64::from(piece) * i64::from(line.quantity))
        ),
        (None, None) => "?".into(),
    }
}

/// What a line costs: its unit price times its quantity, or its weight at its price per
/// kilo once weighed.
fn total_of(line: &OrderLineRow) -> i64 {
    let weighed = match (
        line.sold_by_weight,
        line.price_per_kg_cents,
        line.actual_weight_g,
    ) {
        (true, Some(per_kg), Some(grams)) => Some((per_kg, i64::from(grams))),
        _ => None,
    };
    line_total(line.unit_price_cents, i64::from(line.quantity), weighed)
}

/// The readable before → after of one line, empty when nothing changed.
fn describe(before: &OrderLineRow, after: &OrderLineRow, removed: bool) -> Vec<String> {
    let mut said = Vec::new();
    let old = format!(
        "{} ×{}",
        name_with_variant(&before.name, &before.variant_label),
        before.quantity
    );
    if removed {
        said.push(format!("{old} → retiré"));
        return said;
    }
    if before.variant_id != after.variant_id || before.quantity != after.quantity {
        let new = if before.variant_label == after.variant_label {
            format!("×{}", after.quantity)
        } else {
            format!("({}) ×{}", after.variant_label, after.quantity)
        };
        said.push(format!("{old} → {new}"));
    }
    if after.sold_by_weight
        && before.actual_weight_g != after.actual_weight_g
        && let Some(grams) = after.actual_weight_g
    {
        let approx = if before.actual_weight_g.is_none() {
            "environ "
        } else {
            ""
        };
        said.push(format!(
            "{} : {} → {}, {approx}{} → {}",
            name_with_variant(&after.name, &after.variant_label),
            weight_of(before),
            format_weight(i64::from(grams)),
            format_eur(before.line_total_cents),
            format_eur(after.line_total_cents)
        ));
    }
    said
}

fn refused(index: usize, field: &str, message: impl Into<String>) -> ApiError {
    ApiError::refused(format!("lines[{index}].{field}"), message)
}

/// Today's data of a variant of `shop_id` on sale, for a line: 422 otherwise.
fn on_sale(
    conn: &mut DbConn,
    shop_id: i64,
    variant_id: i64,
    index: usize,
) -> Result<cart::BasketLine, ApiError> {
    cart::variant_lines(conn, shop_id, &[(variant_id, 1)])?
        .into_iter()
        .find(cart::BasketLine::on_sale)
        .ok_or_else(|| {
            refused(
                index,
                "variant_id",
                format!("variant {variant_id} is not on sale in this shop"),
            )
        })
}

/// A line's variant becomes `line`'s (today's price), its actual weight forgotten.
fn take_variant(row: &mut OrderLineRow, line: &cart::BasketLine) {
    row.variant_id = Some(line.variant_id);
    row.variant_label = line.variant_label.clone();
    row.unit_price_cents = line.price_cents;
    row.vat_rate_bp = line.vat_rate_bp;
    row.net_quantity = line.net_quantity;
    row.net_unit = line.net_unit.clone();
    row.sold_by_weight = line.sold_by_weight;
    row.price_per_kg_cents = line.price_per_kg_cents.filter(|_| line.sold_by_weight);
    row.estimated_weight_g = line.estimated_weight_g.filter(|_| line.sold_by_weight);
    row.actual_weight_g = None;
}

/// Applies one agreed change to the lines of order `id` of `shop_id`, or changes nothing:
/// 409 unless the order is placed or confirmed, or when the stock would go below zero;
/// 422 naming a change that cannot apply. Returns the history's before → after, one line
/// per change. Call inside a write transaction.
pub fn change_lines(
    conn: &mut DbConn,
    id: i64,
    edits: &[LineEdit],
    note: &str,
    actor: &str,
    now: NaiveDateTime,
) -> Result<String, ApiError> {
    // The order's row first (locked by this update until the transaction ends), then the
    // products' in id order, like checkout.
    let open = [
        OrderStatus::Placed.as_str(),
        OrderStatus::Confirmed.as_str(),
    ];
    let changed = diesel::update(orders::table.find(id).filter(orders::status.eq_any(open)))
        .set(orders::updated_at.eq(now))
        .execute(conn)?;
    if changed == 0 {
        return Err(ApiError::Conflict(
            "an order's lines can be changed while it is placed or confirmed, and this one is \
             no longer"
                .into(),
        ));
    }
    let shop_id: i64 = orders::table.find(id).select(orders::shop_id).first(conn)?;
    let lines = line_rows(conn, id)?;
    let mut product_ids: Vec<i64> = lines.iter().map(|l| l.product_id).collect();
    for edit in edits {
        if let LineEdit::Add { product_id, .. } = edit {
            product_ids.push(*product_id);
        }
    }
    product::lock(conn, &product_ids)?;
    let variants = variant::of_products(conn, &product_ids)?;

    // (before, after, removed) of each changed line; the added lines.
    let mut changed_lines: Vec<(OrderLineRow, OrderLineRow, bool)> = Vec::new();
    let mut added: Vec<OrderLineRow> = Vec::new();
    for edit in edits {
        match *edit {
            LineEdit::Line {
                index,
                line_id,
                variant_id,
                quantity,
                weight_g,
            } => {
                let Some(before) = lines.iter().find(|l| l.id == line_id) else {
                    return Err(refused(
                        index,
                        "line_id",
                        format!("line {line_id} is not a line of this order"),
                    ));
                };
                let mut after = before.clone();
                if let Some(variant_id) = variant_id
                    && Some(variant_id) != before.variant_id
                {
                    let same_product = variants
                        .iter()
                        .any(|v| v.id == variant_id && v.product_id == before.product_id);
                    if !same_product {
                        return Err(refused(
                            index,
                            "variant_id",
                            format!("variant {variant_id} is not a variant of this line's product"),
                        ));
                    }
                    take_variant(&mut after, &on_sale(conn, shop_id, variant_id, index)?);
                }
                if let Some(quantity) = quantity
                    && quantity != before.quantity
                {
                    after.quantity = quantity;
                    // Another number of pieces weighs something else.
                    after.actual_weight_g = None;
                }
                if let Some(grams) = weight_g {
                    if !after.sold_by_weight || after.price_per_kg_cents.is_none() {
                        return Err(refused(
                            index,
                            "actual_weight_g",
                            "this line is not sold by weight",
                        ));
                    }
                    after.actual_weight_g = Some(grams);
                }
                after.line_total_cents = total_of(&after);
                changed_lines.push((before.clone(), after, quantity == Some(0)));
            }
            LineEdit::Add {
                index,
                product_id,
                variant_id,
                quantity,
            } => {
                let own: Vec<&variant::VariantRow> = variants
                    .iter()
                    .filter(|v| v.product_id == product_id && v.active)
                    .collect();
                let chosen = match variant_id {
                    Some(id) => own.iter().find(|v| v.id == id).map(|v| v.id),
                    None if own.len() > 1 => {
                        return Err(refused(
                            index,
                            "variant_id",
                            format!("product {product_id} comes in several variants: say which"),
                        ));
                    }
                    None => own.first().map(|v| v.id),
                };
                let Some(chosen) = chosen else {
                    return Err(refused(
                        index,
                        "product_id",
                        format!("product {product_id} is not on sale in this shop"),
                    ));
                };
                let line = on_sale(conn, shop_id, chosen, index)?;
                if lines.iter().any(|l| l.variant_id == Some(chosen))
                    || added.iter().any(|l| l.variant_id == Some(chosen))
                {
                    return Err(refused(
                        index,
                        "product_id",
                        "is already in the order: change its quantity instead",
                    ));
                }
                let exception: String = products::table
                    .find(product_id)
                    .select(products::withdrawal_exception)
                    .first(conn)?;
                let mut row = OrderLineRow {
                    id: 0,
                    product_id,
                    variant_id: None,
                    name: line.name.clone(),
                    variant_label: String::new(),
                    unit_price_cents: 0,
                    vat_rate_bp: 0,
                    quantity,
                    withdrawal_exception: exception,
                    net_quantity: None,
                    net_unit: None,
                    sold_by_weight: false,
                    price_per_kg_cents: None,
                    estimated_weight_g: None,
                    actual_weight_g: None,
                    line_total_cents: 0,
                };
                take_variant(&mut row, &line);
                row.line_total_cents = total_of(&row);
                added.push(row);
            }
        }
    }
    let removed = changed_lines.iter().filter(|(_, _, r)| *r).count();
    if removed == lines.len() && added.is_empty() {
        return Err(ApiError::refused(
            "lines",
            "an order keeps at least one line: cancel the order instead",
        ));
    }

    // Stock: what each variant gives back (negative) or takes, summed, then moved; a take
    // that would go below zero refuses the whole change (the transaction rolls back).
    let mut moves: Vec<(i64, i32)> = Vec::new();
    let mut count = |variant_id: Option<i64>, delta: i32| {
        if let Some(variant_id) = variant_id {
            match moves.iter_mut().find(|(v, _)| *v == variant_id) {
                Some((_, total)) => *total += delta,
                None => moves.push((variant_id, delta)),
            }
        }
    };
    for (before, after, removed) in &changed_lines {
        count(before.variant_id, -before.quantity);
        if !removed {
            count(after.variant_id, after.quantity);
        }
    }
    for line in &added {
        count(line.variant_id, line.quantity);
    }
    moves.sort_unstable();
    for (variant_id, delta) in moves {
        let counted = variants
            .iter()
            .any(|v| v.id == variant_id && v.stock.is_some());
        if delta < 0 {
            variant::give_back(conn, variant_id, -delta)?;
        } else if delta > 0 && counted && !variant::add_stock(conn, variant_id, -delta, now)? {
            let name = variants
                .iter()
                .find(|v| v.id == variant_id)
                .map(|v| v.label.clone())
                .unwrap_or_default();
            return Err(ApiError::Conflict(format!(
                "not enough stock left of variant {variant_id} ({name}) for {delta} more: \
                 nothing was changed"
            )));
        }
    }

    let mut said: Vec<String> = Vec::new();
    for (before, after, removed) in &changed_lines {
        said.extend(describe(before, after, *removed));
        let target = order_lines::table.find(before.id);
        if *removed {
            diesel::update(target)
                .set(order_lines::removed_at.eq(now))
                .execute(conn)?;
            continue;
        }
        diesel::update(target)
            .set((
                order_lines::variant_id.eq(after.variant_id),
                order_lines::variant_label.eq(&after.variant_label),
                order_lines::unit_price_cents.eq(after.unit_price_cents),
                order_lines::vat_rate_bp.eq(after.vat_rate_bp),
                order_lines::quantity.eq(after.quantity),
                order_lines::net_quantity.eq(after.net_quantity),
                order_lines::net_unit.eq(&after.net_unit),
                order_lines::sold_by_weight.eq(after.sold_by_weight),
                order_lines::price_per_kg_cents.eq(after.price_per_kg_cents),
                order_lines::estimated_weight_g.eq(after.estimated_weight_g),
                order_lines::actual_weight_g.eq(after.actual_weight_g),
                order_lines::line_total_cents.eq(after.line_total_cents),
            ))
            .execute(conn)?;
    }
    for line in &added {
        said.push(format!(
            "ajouté : {} ×{}, {}",
            name_with_variant(&line.name, &line.variant_label),
            line.quantity,
            format_eur(line.line_total_cents)
        ));
        diesel::insert_into(order_lines::table)
            .values((
                order_lines::order_id.eq(id),
                order_lines::product_id.eq(line.product_id),
                order_lines::name.eq(&line.name),
                order_lines::unit_price_cents.eq(line.unit_price_cents),
                order_lines::vat_rate_bp.eq(line.vat_rate_bp),
                order_lines::quantity.eq(line.quantity),
                order_lines::withdrawal_exception.eq(&line.withdrawal_exception),
                order_lines::variant_id.eq(line.variant_id),
                order_lines::variant_label.eq(&line.variant_label),
                order_lines::net_quantity.eq(line.net_quantity),
                order_lines::net_unit.eq(&line.net_unit),
                order_lines::sold_by_weight.eq(line.sold_by_weight),
                order_lines::price_per_kg_cents.eq(line.price_per_kg_cents),
                order_lines::estimated_weight_g.eq(line.estimated_weight_g),
                order_lines::line_total_cents.eq(line.line_total_cents),
            ))
            .execute(conn)?;
    }
    if said.is_empty() {
        return Err(ApiError::refused(
            "lines",
            "changes nothing: each change names another variant, quantity or weight",
        ));
    }

    let priced: Vec<PricedLine> = line_rows(conn, id)?
        .iter()
        .map(|line| PricedLine {
            total_cents: line.line_total_cents,
            vat_rate_bp: line.vat_rate_bp,
        })
        .collect();
    let (total_cents, _) = totals(&priced);
    diesel::update(orders::table.find(id))
        .set(orders::total_cents.eq(total_cents))
        .execute(conn)?;
    let summary = said.join("\n");
    let entry = if note.is_empty() {
        summary.clone()
    } else {
        format!("{note}\n{summary}")
    };
    record_event(
        conn,
        id,
        Event {
            kind: OrderEventKind::LinesChanged,
            actor,
            from: None,
            to: None,
            note: &entry,
        },
        now,
    )?;
    Ok(summary)
}
