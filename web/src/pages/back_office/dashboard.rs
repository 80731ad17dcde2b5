//! The association's dashboard (issue 13), for admins: the marketplace's figures over a
//! period (orders and their value, orders per shop, baskets and the share spanning several
//! shops, deliveries against pickups, the shops' confirmation lag, cancellations, the shops
//! to help, the searches, the visits), each tile with its CSV file. Charts are SVG pictures with a name
//! and the same figures in a table beside them, for screen readers and for copying.
//!
//! The period lives in the address (`?du=2026-12-01&au=2026-12-07&par=jour`).
//!
//! Browser tests rely on `[data-testid="tile"]` for each tile (`data-tile`, the API's
//! name) and `[data-testid="orders-total"]` for the period's number of orders.

use leptos::{prelude::*, task::spawn_local, wasm_bindgen::JsValue};
use leptos_router::{
    NavigateOptions,
    hooks::{use_navigate, use_query_map},
};
use shared::{
    error::ErrorCode,
    money::format_eur,
    stats::{ConfirmationLag, Dashboard, StatsInterval, StatsQuery, StatsTile},
};

use super::{Frame, LoginNeeded, association::AssociationNav, product_csv::offer_download};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText},
    i18n::{dashboard::DashboardStrings, tr, use_i18n},
    routes::Page,
    state::session::use_session,
};

/// The query parameters of the period.
const FROM_PARAM: &str = "du";
const TO_PARAM: &str = "au";
const BY_PARAM: &str = "par";

/// The interval in the address.
fn by_word(by: StatsInterval) -> &'static str {
    match by {
        StatsInterval::Day => "jour",
        StatsInterval::Week => "semaine",
        StatsInterval::Month => "mois",
    }
}

fn parse_by_word(word: &str) -> Option<StatsInterval> {
    [
        StatsInterval::Day,
        StatsInterval::Week,
        StatsInterval::Month,
    ]
    .into_iter()
    .find(|by| by_word(*by) == word)
}

/// The dashboard's address for a period.
fn href(from: &str, to: &str, by: StatsInterval) -> String {
    format!(
        "{}?{FROM_PARAM}={from}&{TO_PARAM}={to}&{BY_PARAM}={}",
        Page::Dashboard.href(),
        by_word(by)
    )
}

/// `YYYY-MM-DD` of a browser date.
fn iso(date: &js_sys::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Today minus `days`, in the browser's time zone.
fn days_ago(days: u32) -> String {
    let date = js_sys::Date::new_0();
    date.set_hours(12);
    date.set_time(date.get_time() - f64::from(days) * 86_400_000.0);
    iso(&date)
}

/// The first day of the month `months` months before this one.
fn months_ago(months: u32) -> String {
    let now = js_sys::Date::new_0();
    let year = now.get_full_year();
    let month = i64::from(now.get_month()) - i64::from(months);
    let (year, month) = (
        i64::from(year) + month.div_euclid(12),
        month.rem_euclid(12) + 1,
    );
    format!("{year:04}-{month:02}-01")
}

/// A valid `YYYY-MM-DD` from the address, else nothing.
fn date_param(value: Option<&str>) -> Option<String> {
    value
        .filter(|v| v.len() == 10 && crate::i18n::calendar_date(v).is_some())
        .map(str::to_owned)
}

/// The start of a day, week or month as the chart's rows name it.
fn bucket_label(start: &str, by: StatsInterval) -> String {
    let parts: Vec<&str> = start.split('-').collect();
    match (by, parts.as_slice()) {
        (StatsInterval::Month, [year, month, _]) => format!("{month}/{year}"),
        (_, [_, month, day]) => format!("{day}/{month}"),
        _ => start.to_owned(),
    }
}

/// The association's dashboard.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let period = move || {
        let query = query.read();
        let to = date_param(query.get_str(TO_PARAM)).unwrap_or_else(|| days_ago(0));
        let from = date_param(query.get_str(FROM_PARAM)).unwrap_or_else(|| days_ago(6));
        let by = query
            .get_str(BY_PARAM)
            .and_then(parse_by_word)
            .unwrap_or_default();
        StatsQuery {
            from: Some(from),
            to: Some(to),
            by: Some(by),
        }
    };
    let resource = LocalResource::new(move || {
        let query = period();
        async move {
            let Some(token) = session.access_token().await else {
                return Ok(None);
            };
            match api::dashboard(&token, &query).await {
                Ok(dashboard) => Ok(Some(Some(dashboard))),
                // Not an admin: the route does not exist for them.
                Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => {
                    Ok(Some(None))
                }
                Err(error) => Err(error),
            }
        }
    });
    let loaded = move |dashboard: Option<Option<Dashboard>>| match dashboard {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(None) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(Some(dashboard)) => view! { <Tiles dashboard /> }.into_any(),
    };
    view! {
        <Frame heading=|t| t.dashboard().heading>
            <AssociationNav />
            <p>{tr(|t| t.dashboard().intro)}</p>
            <PeriodForm period=Signal::derive(period) />
            <Loaded resource loaded />
        </Frame>
    }
}

/// From, to, by, and the usual periods as links.
#[component]
fn PeriodForm(period: Signal<StatsQuery>) -> impl IntoView {
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let by = RwSignal::new(StatsInterval::Day);
    Effect::new(move |_| {
        let period = period.get();
        from.set(period.from.unwrap_or_default());
        to.set(period.to.unwrap_or_default());
        by.set(period.by.unwrap_or_default());
    });
    let navigate = use_navigate();
    let show = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (from, to) = (from.get_untracked(), to.get_untracked());
        if from.is_empty() || to.is_empty() {
            return;
        }
        navigate(
            &href(&from, &to, by.get_untracked()),
            NavigateOptions::default(),
        );
    };
    let intervals = move || {
        let t = use_i18n().t().dashboard();
        [
            (StatsInterval::Day, t.by_day),
            (StatsInterval::Week, t.by_week),
            (StatsInterval::Month, t.by_month),
        ]
        .into_iter()
        .map(|(interval, label)| {
            view! {
                <option value=by_word(interval) selected=move || by.get() == interval>{label}</option>
            }
        })
        .collect_view()
    };
    let today = days_ago(0);
    view! {
        <form class="bo-filter dashboard-period" on:submit=show>
            <div class="field">
                <label for="stats-from">{tr(|t| t.dashboard().from)}</label>
                <input id="stats-from" type="date" required
                    prop:value=move || from.get()
                    on:input=move |event| from.set(event_target_value(&event)) />
            </div>
            <div class="field">
                <label for="stats-to">{tr(|t| t.dashboard().to)}</label>
                <input id="stats-to" type="date" required
                    prop:value=move || to.get()
                    on:input=move |event| to.set(event_target_value(&event)) />
            </div>
            <div class="field">
                <label for="stats-by">{tr(|t| t.dashboard().by)}</label>
                <select id="stats-by" on:change=move |event| {
                    by.set(parse_by_word(&event_target_value(&event)).unwrap_or_default());
                }>{intervals}</select>
            </div>
            <button type="submit" class="button">{tr(|t| t.dashboard().show)}</button>
        </form>
        <nav aria-label=tr(|t| t.dashboard().period)>
            <ul class="dashboard-shortcuts">
                <li><a href=href(&days_ago(6), &today, StatsInterval::Day)>{tr(|t| t.dashboard().last_7_days)}</a></li>
                <li><a href=href(&days_ago(29), &today, StatsInterval::Week)>{tr(|t| t.dashboard().last_30_days)}</a></li>
                <li><a href=href(&months_ago(11), &today, StatsInterval::Month)>{tr(|t| t.dashboard().last_12_months)}</a></li>
            </ul>
        </nav>
    }
}

/// Every tile, in the language chosen (the whole set follows a change of language).
#[component]
fn Tiles(dashboard: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = i18n.t().dashboard();
        let d = &dashboard;
        view! {
            <p class="dashboard-showing"><strong>{(t.showing)(&d.from, &d.to)}</strong></p>
            <div class="dashboard">
                {orders_tile(t, d)}
                {baskets_tile(t, d)}
                {shops_tile(t, d)}
                {fulfilment_tile(t, d)}
                {confirmation_tile(t, d)}
                {cancellations_tile(t, d)}
                {searches_tile(t, d)}
                {visits_tile(t, d)}
                {quiet_tile(t, d)}
            </div>
        }
    }
}

/// A tile: its heading, its content, and its CSV file.
fn tile(
    tile: StatsTile,
    heading: &'static str,
    csv: &'static str,
    d: &Dashboard,
    body: AnyView,
) -> AnyView {
    let id = format!("tuile-{}", tile.as_str());
    let labelled_by = id.clone();
    let query = StatsQuery {
        from: Some(d.from.clone()),
        to: Some(d.to.clone()),
        by: Some(d.by),
    };
    view! {
        <section class="dashboard-tile" data-testid="tile" data-tile=tile.as_str() aria-labelledby=labelled_by>
            <h2 id=id>{heading}</h2>
            {body}
            <CsvButton tile query label=csv />
        </section>
    }
    .into_any()
}

/// Downloads a tile's CSV file.
#[component]
fn CsvButton(tile: StatsTile, query: StatsQuery, label: &'static str) -> impl IntoView {
    let session = use_session();
    let problem = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let download = move |_| {
        let query = query.clone();
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::dashboard_csv(&token, tile, &query).await,
            };
            busy.set(false);
            match result {
                Ok(bytes) => {
                    let name = format!(
                        "tableau-de-bord-{}-{}-{}.csv",
                        tile.as_str().replace('_', "-"),
                        query.from.unwrap_or_default(),
                        query.to.unwrap_or_default()
                    );
                    if offer_download(&bytes, &name, "text/csv").is_err() {
                        problem.set(Some(ApiError::Decode("download".to_owned())));
                    }
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    view! {
        <p>
            <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=download>
                {label}
            </button>
        </p>
        {move || problem.get().map(|error| view! { <ProblemText error /> })}
    }
}

/// A table of figures: a caption, headings, rows (the first cell of each row heads it).
fn table(caption: &str, headings: &[&str], rows: Vec<Vec<String>>) -> AnyView {
    let headings = headings
        .iter()
        .map(|h| view! { <th scope="col">{h.to_string()}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let head = cells.next().unwrap_or_default();
            let rest = cells.map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr><th scope="row">{head}</th>{rest}</tr> }
        })
        .collect_view();
    // A wide table scrolls sideways on a phone: the keyboard reaches it, and its name says
    // which table it is.
    view! {
        <div class="dashboard-table" tabindex="0" role="region" aria-label=caption.to_owned()>
            <table class="sheet-table">
                <caption>{caption.to_owned()}</caption>
                <thead><tr>{headings}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A horizontal bar chart as an SVG picture: one row per label, its value written beside
/// its bar. `name` says what it shows; the same figures are in the table beside it.
fn bar_chart(name: &str, bars: &[(String, i64, String)]) -> AnyView {
    const ROW: f64 = 24.0;
    const WIDTH: f64 = 320.0;
    // The labels' column as wide as the longest label needs (7.5 units a character).
    let longest = bars
        .iter()
        .map(|(label, _, _)| label.chars().count())
        .max()
        .unwrap_or(0);
    let label_width = 8.0 + 7.5 * longest as f64;
    let bar_width = WIDTH - label_width - 40.0;
    let top = bars
        .iter()
        .map(|(_, value, _)| *value)
        .max()
        .unwrap_or(0)
        .max(1);
    let height = ROW * bars.len().max(1) as f64;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(index, (label, value, shown))| {
            let y = ROW * index as f64;
            let width = bar_width * (*value).max(0) as f64 / top as f64;
            view! {
                <text x=label_width - 4.0 y=y + 16.0 text-anchor="end" class="chart__label">{label.clone()}</text>
                <rect x=label_width y=y + 4.0 width=width.max(1.0) height=ROW - 8.0 class="chart__bar" />
                <text x=label_width + width + 4.0 y=y + 16.0 class="chart__value">{shown.clone()}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" role="img" aria-label=name.to_owned() viewBox=format!("0 0 {WIDTH} {height}")
            preserveAspectRatio="xMinYMin meet">
            <title>{name.to_owned()}</title>
            {rows}
        </svg>
    }
    .into_any()
}

fn nothing(t: &DashboardStrings) -> AnyView {
    view! { <p>{t.nothing}</p> }.into_any()
}

fn orders_tile(t: &'static DashboardStrings, d: &Dashboard) -> AnyView {
    let total = &d.orders.total;
    let bars: Vec<(String, i64, String)> = d
        .orders
        .periods
        .iter()
        .map(|p| {
            (
                bucket_label(&p.start, d.by),
                i64::from(p.orders),
                p.orders.to_string(),
            )
        })
        .collect();
    let mut rows: Vec<Vec<String>> = d
        .orders
        .periods
        .iter()
        .map(|p| {
            vec![
                bucket_label(&p.start, d.by),
                p.orders.to_string(),
                p.cancelled.to_string(),
                format_eur(p.value_cents),
            ]
        })
        .collect();
    rows.push(vec![
        t.total.to_owned(),
        total.orders.to_string(),
        total.cancelled.to_string(),
        format_eur(total.value_cents),
    ]);
    let body = view! {
        <p class="dashboard-figure">
            <span data-testid="orders-total">{total.orders}</span> " " {t.orders.to_lowercase()}
            " · " {format_eur(total.value_cents)}
        </p>
        <div class="dashboard-chart">
            {bar_chart(t.orders_chart, &bars)}
            {table(t.figures_of, &[t.interval(d.by), t.orders, t.cancelled, t.value], rows)}
        </div>
    };
    tile(
        StatsTile::Orders,
        t.orders_heading,
        t.csv,
        d,
        body.into_any(),
    )
}

fn baskets_tile(t: &'static DashboardStrings, d: &Dashboard) -> AnyView {
    let total = &d.baskets.total;
    let rows: Vec<Vec<String>> = d
        .baskets
        .periods
        .iter()
        .chain([total])
        .map(|p| {
            let head = if std::ptr::eq(p, total) {
                t.total.to_owned()
            } else {
                bucket_label(&p.start, d.by)
            };
            vec![
                head,
                p.baskets.to_string(),
                p.multi_shop.to_string(),
                p.median_cents.map(format_eur).unwrap_or_default(),
            ]
        })
        .collect();
    let body = view! {
        <p class="dashboard-figure">{(t.multi_shop_sentence)(total.multi_shop, total.baskets)}</p>
        <p>{t.median_basket} " : " {total.median_cents.map(format_eur).unwrap_or_else(|| "—".to_owned())}</p>
        {table(t.figures_of, &[t.interval(d.by), t.baskets, t.multi_shop, t.median_basket], rows)}
    };
    tile(
        StatsTile::Baskets,
        t.baskets_heading,
        t.csv,
        d,
        body.into_any(),
    )
}

fn shops_tile(t: &'static DashboardStrings, d: &Dashboard) -> AnyView {
    let body = if d.shops.is_empty() {
        nothing(t)
    } else {
        let bars: Vec<(String, i64, String)> = d
            .shops
            .iter()
            .take(15)
            .map(|s| {
                (
                    s.name.chars().take(14).collect(),
                    i64::from(s.orders),
                    s.orders.to_string(),
                )
            })
            .collect();
        let rows = d
            .shops
            .iter()
            .map(|s| {
                vec![
                    s.name.clone(),
                    s.orders.to_string(),
                    s.cancelled.to_string(),
                    format_eur(s.value_cents),
                ]
            })
            .collect();
        view! {
            <div class="dashboard-chart">
                {bar_chart(t.shops_heading, &bars)}
                {table(t.figures_of, &[t.shop, t.orders, t.cancelled, t.value], rows)}
            </div>
        }
        .into_any()
    };
    tile(StatsTile::Shops, t.shops_heading, t.csv, d, body)
}

fn fulfilment_tile(t: &'static DashboardStrings, d: &Dashboard) -> AnyView {
    let f = &d.fulfilment;
    let bars = vec![
        (
            t.deliveries.chars().take(14).collect(),
            i64::from(f.deliveries),
            f.deliveries.to_string(),
        ),
        (
            t.pickups.chars().take(14).collect(),
            i64::from(f.pickups),
            f.pickups.to_string(),
        ),
    ];
    let communes = f
        .communes
        .iter()
        .map(|c| vec![c.commune.clone(), c.deliveries.to_string()])
        .collect();
    let rounds = f
        .rounds
        .iter()
        .map(|r| {
            vec![
                format!("{} · {}", bucket_label(&r.date, StatsInterval::Day), r.name),
                r.stops.to_string(),
                r.orders.to_string(),
                r.delivered.to_string(),
                r.failed.to_string(),
            ]
        })
        .collect::<Vec<_>>();
    let body = view! {
        <div class="dashboard-chart">
            {bar_chart(t.fulfilment_heading, &bars)}
            {table(t.figures_of, &["", t.orders], vec![
                vec![t.deliveries.to_owned(), f.deliveries.to_string()],
                vec![t.pickups.to_owned(), f.pickups.to_string()],
            ])}
        </div>
        {(!f.communes.is_empty()).then(|| table(t.deliveries, &[t.commune, t.deliveries], communes))}
        {(!rounds.is_empty()).then(|| table(t.rounds, &[t.round, t.stops, t.orders, t.delivered, t.failed], rounds))}
    };
    tile(
        StatsTile::Fulfilment,
        t.fulfilment_heading,
        t.csv,
        d,
        body.into_any(),
    )
}

fn lag_of(t: &DashboardStrings, lags: &[ConfirmationLag], hours: u32) -> String {
    lags.iter()
        .find(|l| l.hours == hours)
        .map(|l| (t.out_of)(l.unconfirmed, l.placed_before))
        .unwrap_or_default()
}

fn confirmation_tile(t: &'static DashboardStrings, d: &Dashboard) -> AnyView {
    let c = &d.confirmation;
    let after = |hours| (t.unconfirmed_after)(hours);
    let (h2, h6, h24) = (after(2), after(6), after(24));
    let mut rows: Vec<Vec<String>> = c
        .shops
        .iter()
        .map(|s| {
            vec![
                s.name.clone(),
                s.orders.to_string(),
                s.median_minutes.map(t.minutes).unwrap_or_default(),
                lag_of(t, &s.lags, 2),
                lag_of(t, &s.lags, 6),
                lag_of(t, &s.lags, 24),
                s.still_unconfirmed.to_string(),
            ]
        })
        .collect();
    rows.push(vec![
        t.total.to_owned(),
        c.orders.to_string(),
        c.median_minutes.map(t.minutes).unwrap_or_default(),
        lag_of(t, &c.lags, 2),
        lag_of(t, &c.lags, 6),
        lag_of(t, &c.lags, 24),
        c.still_unconfirmed.to_string(),
    ]);
    let lags = c
        .lags
        .iter()
        .map(|l| view! { <li>{after(l.hours)} " : " <strong>{(t.out_of)(l.unconfirmed, l.placed_before)}</strong></li> })
        .collect_view();
    let body = view! {
        <p>{t.confirmation_intro}</p>
        <ul class="dashboard-lags">
            {lags}
            <li>{t.median_delay} " : " <strong>{c.median_minutes.map(t.minutes).unwrap_or_else(|| "—".to_owned())}</strong></li>
            <li>{t.still_unconfirmed} " : " <strong>{c.still_unconfirmed}</strong></li>
        </ul>
        {table(t.confirmation_heading, &[t.shop, t.orders, t.median_delay, &h2, &h6, &h24, t.still_unconfirmed], rows)}
    };
    tile(
        StatsTile::Confirmation,
        t.confirmation_heading,
        t.csv,
        d,
        body.into_any(),
    )
}

fn cancellations_tile(t: &'static DashboardStrings, d: &Dashboard) -> AnyView {
    let body = if d.cancellations.reasons.is_empty() {
        nothing(t)
    } else {
        let rows = d
            .cancellations
            .reasons
            .iter()
            .map(|r| {
                let reason = match r.reason.as_str() {
                    shared::shop_orders::AUTO_RELEASED => t.auto_released.to_owned(),
                    "" => t.no_reason.to_owned(),
                    other => other.to_owned(),
                };
                let by = match r.by.as_str() {
                    "customer" => t.by_customer,
                    "system" => t.by_system,
                    _ => t.by_shop,
                };
                vec![reason, by.to_owned(), r.orders.to_string()]
            })
            .collect();
        table(
            t.cancellations_heading,
            &[t.reason, t.cancelled_by, t.orders],
            rows,
        )
    };
    tile(
        StatsTile::Cancellations,
        t.cancellations_heading,
        t.csv,
        d,
        body,
    )
}

/// An ISO 8601 instant as the reader's browser writes a short date.
fn short_date(iso: &str, lang: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    date.to_locale_string(lang, &options).into()
}

fn quiet_tile(t: &'static DashboardStrings, d: &Dashboard) -> AnyView {
    let lang = use_i18n().lang().code();
    let body = if d.quiet_shops.is_empty() {
        nothing(t)
    } else {
        let rows = d
            .quiet_shops
            .iter()
            .map(|s| {
                let mut why = Vec::new();
                if s.no_active_product {
                    why.push(t.no_product);
                }
                if s.no_recent_order {
                    why.push(t.no_recent_order);
                }
                vec![
                    s.name.clone(),
                    s.active_products.to_string(),
                    s.last_order_at
                        .as_deref()
                        .map_or_else(|| t.never.to_owned(), |at| short_date(at, lang)),
                    why.join(" · "),
                ]
            })
            .collect();
        table(
            t.quiet_heading,
            &[t.shop, t.products_on_sale, t.last_order, ""],
            rows,
        )
    };
    let body = view! { <p>{t.quiet_intro}</p> {body} };
    tile(
        StatsTile::QuietShops,
        t.quiet_heading,
        t.csv,
        d,
        body.into_any(),
    )
}

fn searches_tile(t: &'static DashboardStrings, d: &Dashboard) -> AnyView {
    let s = &d.searches;
    let list = |caption: &str, rows: &[shared::stats::SearchFigures]| {
        if rows.is_empty() {
            return view! { <h3>{caption.to_owned()}</h3> {nothing(t)} }.into_any();
        }
        table(
            caption,
            &[t.query, t.searches, t.results],
            rows.iter()
                .map(|r| {
                    vec![
                        r.query.clone(),
                        r.searches.to_string(),
                        r.results.to_string(),
                    ]
                })
                .collect(),
        )
    };
    let body = view! {
        <p>{t.searches_intro}</p>
        <p class="dashboard-figure">{(t.searches_total)(s.searches, s.empty_searches)}</p>
        {list(t.top_empty, &s.top_empty)}
        {list(t.top_searches, &s.top)}
    };
    tile(
        StatsTile::Searches,
        t.searches_heading,
        t.csv,
        d,
        body.into_any(),
    )
}

fn visits_tile(t: &'static DashboardStrings, d: &Dashboard) -> AnyView {
    let v = &d.visits;
    let whole = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let bars: Vec<(String, i64, String)> = v
        .periods
        .iter()
        .map(|p| {
            (
                bucket_label(&p.start, d.by),
                whole(p.visitors),
                p.visitors.to_string(),
            )
        })
        .collect();
    let row = |head: String, p: &shared::stats::VisitFigures| {
        vec![
            head,
            p.page_views.to_string(),
            p.visitors.to_string(),
            p.flyer_visits.to_string(),
        ]
    };
    let mut rows: Vec<Vec<String>> = v
        .periods
        .iter()
        .map(|p| row(bucket_label(&p.start, d.by), p))
        .collect();
    rows.push(row(t.total.to_owned(), &v.total));
    let pages: Vec<Vec<String>> = v
        .pages
        .iter()
        .map(|p| row((t.page_name)(&p.start).to_owned(), p))
        .collect();
    let total = &v.total;
    let body = view! {
        <p>{t.visits_intro}</p>
        {(!v.counting).then(|| view! { <p class="notice">{t.visits_off}</p> })}
        <p class="dashboard-figure" data-testid="visits-total">
            {(t.visits_total)(total.page_views, total.visitors, total.flyer_visits)}
        </p>
        <div class="dashboard-chart">
            {bar_chart(t.visits_chart, &bars)}
            {table(t.figures_of, &[t.interval(d.by), t.page_views, t.visitors, t.flyer_visits], rows)}
        </div>
        {table(t.visits_by_page, &[t.page_type, t.page_views, t.visitors, t.flyer_visits], pages)}
    };
    tile(
        StatsTile::Visits,
        t.visits_heading,
        t.csv,
        d,
        body.into_any(),
    )
}
