//! A round's sheets to print (issue 11): one collection sheet per shop, then the drop sheet
//! once per volunteer (each copy names its driver), grouped by commune in stop order. Each
//! sheet starts a new A4 page and its table's header is repeated on every page it spans
//! (`@media print` in `style.css`); on screen, the same tables with a "print" button.
//!
//! Browser tests rely on `[data-testid="collection-sheet"]` (`data-shop`) and
//! `[data-testid="drop-sheet"]`.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::{
    money::format_eur,
    rounds::{CollectionSheet, DropCommune, RoundSheets, Volunteer},
};

use super::{Frame, LoginNeeded};
use crate::{
    api::{self, ApiError},
    components::Loaded,
    i18n::{Strings, tr, use_i18n},
    routes::{self, Page},
    state::session::use_session,
};

/// `/gestion/association/tournees/<id>/feuilles`.
#[component]
pub fn RoundSheetsPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let resource = LocalResource::new(move || {
        let id = routes::round_id(&params.read());
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            let Some(id) = id else {
                return Ok(Some(None));
            };
            Ok::<_, ApiError>(Some(api::round_sheets(&token, id).await?))
        }
    });
    let loaded = move |sheets: Option<Option<RoundSheets>>| match sheets {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.rounds().no_round)}</p> }.into_any(),
        Some(Some(sheets)) => view! { <Sheets sheets /> }.into_any(),
    };
    view! {
        <Frame heading=|t| t.rounds().sheets_heading>
            <Loaded resource loaded />
        </Frame>
    }
}

/// Every sheet of the round.
#[component]
fn Sheets(sheets: RoundSheets) -> impl IntoView {
    let i18n = use_i18n();
    let print = move |_| {
        let _ = window().print();
    };
    let title = format!(
        "{} — {}",
        sheets.name,
        (i18n.t().rounds().date)(&sheets.date)
    );
    let collection = sheets
        .collection
        .into_iter()
        .map(|sheet| collection_sheet(i18n.t(), title.clone(), sheet))
        .collect_view();
    // One copy of the drop sheet per volunteer, so each driver has theirs; one without a
    // name when nobody is assigned yet.
    let drivers: Vec<Option<Volunteer>> = if sheets.volunteers.is_empty() {
        vec![None]
    } else {
        sheets.volunteers.into_iter().map(Some).collect()
    };
    let drop = drivers
        .into_iter()
        .map(|driver| drop_sheet(i18n.t(), title.clone(), driver, sheets.drop.clone()))
        .collect_view();
    view! {
        <p class="no-print">
            <button type="button" class="button" on:click=print>{tr(|t| t.rounds().print_button)}</button>
            " "
            <a href=Page::Rounds(Some(sheets.date.clone())).href()>{tr(|t| t.rounds().back_to_rounds)}</a>
        </p>
        <p class="no-print">{tr(|t| t.rounds().print_hint)}</p>
        {collection}
        {drop}
    }
}

/// One shop's collection sheet.
fn collection_sheet(t: &'static Strings, title: String, sheet: CollectionSheet) -> impl IntoView {
    let r = t.rounds();
    let rows = sheet
        .orders
        .into_iter()
        .map(|order| {
            let lines = order
                .lines
                .iter()
                .map(|line| format!("{} × {}", line.quantity, line.name))
                .collect::<Vec<_>>()
                .join(" ; ");
            view! {
                <tr>
                    <td>{order.number} {order.unconfirmed.then_some(r.unconfirmed_short).map(|flag| format!(" ({flag})"))}</td>
                    <td>{order.customer_initials}</td>
                    <td>{order.commune}</td>
                    <td>{lines}</td>
                    <td>{order.bags.map(|bags| bags.to_string()).unwrap_or_else(|| "—".to_owned())}</td>
                    <td>{order.keep_cold.then_some(r.keep_cold)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        // Focusable: on a phone the table scrolls sideways, and a keyboard must reach it.
        <section class="sheet" data-testid="collection-sheet" data-shop=sheet.shop.slug.clone()
            tabindex="0" aria-label=format!("{} — {}", r.collection_heading, sheet.shop.name)>
            <table class="sheet-table">
                <thead>
                    <tr><th colspan="6" class="sheet-title">
                    <strong>{format!("{} — {}", r.collection_heading, sheet.shop.name)}</strong>
                    <br />
                    {format!("{title} · {}", (r.ready_at)(&sheet.ready_by))}
                    <br />
                    {format!("{}, {} · {}", sheet.address, sheet.commune, sheet.phone)}
                    <br />
                    {(r.bags_total)(sheet.bags)}
                    {format!(" · {} {}", r.collected, if sheet.collected { "☑" } else { "☐" })}
                    </th></tr>
                    <tr>
                        <th scope="col">{r.col_order}</th>
                        <th scope="col">{r.col_customer}</th>
                        <th scope="col">{r.col_commune}</th>
                        <th scope="col">{r.col_lines}</th>
                        <th scope="col">{r.col_bags}</th>
                        <th scope="col">{r.col_cold}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

/// The drop sheet, for one driver.
fn drop_sheet(
    t: &'static Strings,
    title: String,
    driver: Option<Volunteer>,
    communes: Vec<DropCommune>,
) -> impl IntoView {
    let r = t.rounds();
    let driver = driver
        .map(|driver| format!("{} · {}", driver.name, driver.phone.unwrap_or_default()))
        .unwrap_or_default();
    let groups = communes
        .into_iter()
        .map(|commune| {
            let stops = commune
                .stops
                .iter()
                .map(|stop| {
                    let shops = stop
                        .orders
                        .iter()
                        .map(|order| {
                            let means = order
                                .payment_means
                                .iter()
                                .map(|means| t.payment(*means))
                                .collect::<Vec<_>>()
                                .join(", ");
                            let bags = order.bags.map(|b| b.to_string()).unwrap_or_else(|| "?".to_owned());
                            let mut text = format!(
                                "{} : {} {} · {} {} ({means})",
                                order.shop.name,
                                bags,
                                r.col_bags.to_lowercase(),
                                r.to_collect,
                                format_eur(order.amount_due_cents),
                            );
                            if !order.note.is_empty() {
                                text.push_str(&format!(" · « {} »", order.note));
                            }
                            view! { <li>{text}</li> }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <td>{stop.sequence}</td>
                            <td>
                                {stop.street.clone()} <br /> {format!("{} {}", stop.postcode, stop.commune)}
                                {stop.access_note.clone().map(|note| view! { <br /> <em>{note}</em> })}
                            </td>
                            <td>{stop.customer_name.clone()} <br /> {stop.customer_phone.clone()}</td>
                            <td><ul class="sheet-shops">{shops}</ul></td>
                            <td>{format!("{} ☐  {} ☐", r.delivered, r.failed)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tbody>
                    <tr><th scope="rowgroup" colspan="5" class="sheet-commune">{commune.commune}</th></tr>
                    {stops}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <section class="sheet" data-testid="drop-sheet" tabindex="0" aria-label=r.drop_heading>
            <table class="sheet-table">
                <thead>
                    <tr><th colspan="5" class="sheet-title">
                    <strong>{r.drop_heading}</strong>
                    <br />
                    {title}
                    {(!driver.is_empty()).then(|| view! { <br /> {driver} })}
                    </th></tr>
                    <tr>
                        <th scope="col">{r.col_seq}</th>
                        <th scope="col">{r.col_address}</th>
                        <th scope="col">{r.col_customer}</th>
                        <th scope="col">{r.col_shops}</th>
                        <th scope="col">{r.col_done}</th>
                    </tr>
                </thead>
                {groups}
            </table>
        </section>
    }
}
