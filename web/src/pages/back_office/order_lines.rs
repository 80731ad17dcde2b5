//! Changing an order's lines after the call (issue 14): per line a quantity, another size
//! or variant of the same product (sold-out ones shown but disabled), a remove button, the
//! weighed grams of a line sold by weight with the price they make; products of the shop
//! added (found with the phone order's search); and the required note of what was agreed.
//! One button saves it all as one change.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    catalogue::StockState,
    measure::price_of_weight,
    money::format_eur,
    order::{Order, OrderLine},
    shop_orders::{LineChange, OrderLinesChange},
};

use super::product_search::{PickedLine, ProductSearch, add_picked};
use crate::{
    api::{self, ApiError},
    components::ProblemText,
    i18n::{tr, tr_with},
    state::session::use_session,
};

/// One line as the merchant edits it.
#[derive(Clone)]
struct Row {
    line: OrderLine,
    quantity: RwSignal<String>,
    variant: RwSignal<Option<i64>>,
    weight: RwSignal<String>,
}

impl Row {
    /// What changed on this line, if anything.
    fn change(&self) -> Option<LineChange> {
        let quantity = self
            .quantity
            .get_untracked()
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|q| *q != self.line.quantity);
        let variant_id = self
            .variant
            .get_untracked()
            .filter(|v| Some(*v) != self.line.variant_id);
        let actual_weight_g = self
            .weight
            .get_untracked()
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|g| Some(*g) != self.line.actual_weight_g);
        (quantity.is_some() || variant_id.is_some() || actual_weight_g.is_some()).then(|| {
            LineChange {
                line_id: Some(self.line.id),
                variant_id,
                quantity,
                actual_weight_g,
                ..LineChange::default()
            }
        })
    }
}

/// A product added to the order, as the change sends it (none for a quantity of 0).
fn addition(added: &PickedLine) -> Option<LineChange> {
    let quantity = added.quantity.get_untracked().trim().parse::<i64>().ok()?;
    (quantity > 0).then(|| LineChange {
        product_id: Some(added.picked.product.id),
        variant_id: Some(added.picked.variant.id),
        quantity: Some(quantity),
        ..LineChange::default()
    })
}

/// The editor of an order's lines; `on_saved` gets the changed order.
#[component]
pub fn LinesEditor(order: Order, on_saved: Callback<Order>) -> impl IntoView {
    let session = use_session();
    let id = order.id;
    let rows: Vec<Row> = order
        .lines
        .iter()
        .map(|line| Row {
            line: line.clone(),
            quantity: RwSignal::new(line.quantity.to_string()),
            variant: RwSignal::new(line.variant_id),
            weight: RwSignal::new(
                line.actual_weight_g
                    .map(|g| g.to_string())
                    .unwrap_or_default(),
            ),
        })
        .collect();
    let added = RwSignal::new(Vec::<PickedLine>::new());
    let note = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let nothing = RwSignal::new(false);
    let all = rows.clone();
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let mut lines: Vec<LineChange> = all.iter().filter_map(Row::change).collect();
        lines.extend(added.read_untracked().iter().filter_map(addition));
        nothing.set(lines.is_empty());
        if lines.is_empty() {
            return;
        }
        let note = note.get_untracked().trim().to_owned();
        let change = OrderLinesChange {
            note: (!note.is_empty()).then_some(note),
            lines,
        };
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::change_order_lines(&token, id, &change).await,
            };
            busy.set(false);
            match result {
                Ok(order) => on_saved.run(order),
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let fields = rows
        .into_iter()
        .map(|row| view! { <LineFields row /> })
        .collect_view();
    let note_id = format!("convenu-{id}");
    let add = Callback::new(move |picked| add_picked(added, picked));
    let added_rows = move || {
        added
            .get()
            .into_iter()
            .map(|row| view! { <AddedFields order=id row added /> })
            .collect_view()
    };
    view! {
        <form class="lines-editor" data-testid="lines-editor" on:submit=submit>
            {fields}
            <fieldset data-testid="add-product">
                <legend>{tr(|t| t.bo().bo_edit_add)}</legend>
                {added_rows}
                <ProductSearch slug=order.shop.slug.clone() field_id=format!("ajout-{id}") on_pick=add />
            </fieldset>
            <div class="field">
                <label for=note_id.clone()>{tr(|t| t.bo().bo_edit_note)}</label>
                <textarea
                    id=note_id
                    rows="3"
                    maxlength="500"
                    prop:value=move || note.get()
                    on:input=move |event| note.set(event_target_value(&event))
                ></textarea>
            </div>
            <button type="submit" class="button" prop:disabled=move || busy.get()>
                {tr(|t| t.bo().bo_edit_save)}
            </button>
            <div role="status">
                {move || nothing.get().then(|| view! { <p>{tr(|t| t.bo().bo_edit_nothing)}</p> })}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error conflict=|t| t.problem_conflict /> })}
        </form>
    }
}

/// One line's fields: quantity, variant, weight, remove.
#[component]
fn LineFields(row: Row) -> impl IntoView {
    let line = row.line.clone();
    let key = line.id;
    let product_id = line.product_id;
    // The product's variants, for another size.
    let variants = LocalResource::new(move || async move {
        api::get_product(product_id)
            .await
            .ok()
            .flatten()
            .map(|product| product.variants)
            .unwrap_or_default()
    });
    let quantity_id = format!("qte-{key}");
    let variant_id = format!("variante-{key}");
    let weight_id = format!("poids-{key}");
    let title = if line.variant_label.is_empty() {
        line.name.clone()
    } else {
        format!("{} — {}", line.name, line.variant_label)
    };
    let current = line.variant_id;
    let select_id = variant_id.clone();
    let select = move || {
        let variants = variants.get().unwrap_or_default();
        (variants.len() > 1).then(|| {
            let options = variants
                .into_iter()
                .map(|v| {
                    let out = v.stock == StockState::Out && Some(v.id) != current;
                    let label = if out {
                        tr_with(|t| t.bo().bo_size_sold_out, v.label.clone()).into_any()
                    } else {
                        v.label.clone().into_any()
                    };
                    view! {
                        <option value=v.id.to_string() disabled=out selected=Some(v.id) == current>
                            {label}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <div class="field">
                    <label for=select_id.clone()>{tr(|t| t.bo().bo_edit_variant)}</label>
                    <select
                        id=select_id.clone()
                        on:change=move |event| row.variant.set(event_target_value(&event).parse().ok())
                    >
                        {options}
                    </select>
                </div>
            }
        })
    };
    let per_kg = line.price_per_kg_cents.filter(|_| line.sold_by_weight);
    let weight = per_kg.map(|per_kg| {
        let price = move || {
            row.weight
                .get()
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|g| *g > 0)
                .map(|g| format_eur(price_of_weight(per_kg, g)))
                .unwrap_or_default()
        };
        view! {
            <div class="field">
                <label for=weight_id.clone()>{tr(|t| t.bo().bo_edit_weight)}</label>
                <input
                    id=weight_id.clone()
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max="100000"
                    prop:value=move || row.weight.get()
                    on:input=move |event| row.weight.set(event_target_value(&event))
                />
                <output for=weight_id.clone() data-testid="weighed-price">{price}</output>
            </div>
        }
    });
    view! {
        <fieldset data-testid="edit-line" data-line=key.to_string()>
            <legend>{title}</legend>
            <div class="field">
                <label for=quantity_id.clone()>{tr(|t| t.bo().bo_edit_quantity)}</label>
                <input
                    id=quantity_id
                    type="number"
                    inputmode="numeric"
                    min="0"
                    max="99"
                    prop:value=move || row.quantity.get()
                    on:input=move |event| row.quantity.set(event_target_value(&event))
                />
            </div>
            {select}
            {weight}
            <button type="button" class="button button--secondary" on:click=move |_| row.quantity.set("0".to_owned())>
                {tr(|t| t.bo().bo_edit_remove)}
            </button>
        </fieldset>
    }
}

/// A product added to `order`: its quantity and a button to take it out again.
#[component]
fn AddedFields(order: i64, row: PickedLine, added: RwSignal<Vec<PickedLine>>) -> impl IntoView {
    let variant = row.picked.variant.id;
    // Unique on the page: two orders' editors may be open at once.
    let quantity_id = format!("ajout-qte-{order}-{variant}");
    let quantity = row.quantity;
    view! {
        <div class="bo-row" data-testid="added-line" data-variant=variant>
            <div class="field bo-quantity">
                <label for=quantity_id.clone()>{tr_with(|t| t.bo().bo_quantity_of, row.picked.name())}</label>
                <input
                    id=quantity_id
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max="99"
                    prop:value=move || quantity.get()
                    on:input=move |event| quantity.set(event_target_value(&event))
                />
            </div>
            <span>{format_eur(row.picked.variant.price_cents)}</span>
            <button type="button" class="button button--secondary"
                aria-label=tr_with(|t| t.bo().bo_remove_named, row.picked.name())
                on:click=move |_| added.update(|list| list.retain(|a| a.picked.variant.id != variant))>
                {tr(|t| t.bo().bo_remove)}
            </button>
        </div>
    }
}
