//! The association's dashboard (issue 13): the figures of a period (orders, shops, baskets,
//! deliveries, the shops' confirmation lag, cancellations, quiet shops, searches, visits), and each
//! tile as a CSV file for spreadsheets. Admins only: anyone else, API keys included, gets
//! 404 as if the route did not exist.

use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::web::{self, Json, Path};
use actix_web::{HttpResponse, get};
use chrono::{Duration, NaiveDate};
use shared::error::Problem;
use shared::money::format_eur;
use shared::stats::{Dashboard, StatsInterval, StatsQuery, StatsTile};

use crate::access::Caller;
use crate::db::models::{now, stats};
use crate::db::{self};
use crate::domain::delivery::paris_time;
use crate::domain::stats::{Period, PeriodError};
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::startup::AppState;

/// Anyone but an admin is told the route does not exist.
fn admin(caller: &Caller) -> Result<(), ApiError> {
    if caller.is_admin() {
        Ok(())
    } else {
        Err(ApiError::NotFound("not found".into()))
    }
}

/// A date parameter: not `YYYY-MM-DD` is malformed (400), not a real date refused (422).
fn parse_day(field: &str, value: &str) -> Result<NaiveDate, ApiError> {
    let shaped = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(ApiError::invalid(field, "must be a date YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| ApiError::refused(field, "must be a real date YYYY-MM-DD"))
}

/// The period asked for: `to` today and `from` 6 days before unless given.
fn parse_period(query: &StatsQuery) -> Result<Period, ApiError> {
    let to = match query.to.as_deref() {
        Some(to) => Some(parse_day("to", to)?),
        None => None,
    };
    let from = match query.from.as_deref() {
        Some(from) => Some(parse_day("from", from)?),
        None => None,
    };
    let to = to.unwrap_or_else(|| paris_time(chrono::Utc::now()).date());
    let from = from.unwrap_or_else(|| to - Duration::days(6));
    Period::new(from, to, query.by.unwrap_or_default()).map_err(|err| match err {
        PeriodError::Reversed => {
            ApiError::refused("from", format!("must not be after `to` ({to})"))
        }
        PeriodError::TooLong => ApiError::refused(
            "to",
            format!(
                "at most {} days after `from` (25 months)",
                shared::stats::MAX_PERIOD_DAYS - 1
            ),
        ),
    })
}

async fn load(state: &AppState, query: &StatsQuery) -> Result<Dashboard, ApiError> {
    let period = parse_period(query)?;
    // The visits this server counted since its last flush, so that the tile is current.
    if let Err(err) = state.visits.flush(&state.pool).await {
        tracing::warn!(error = %err, "visit counts not written, kept for the next time");
    }
    let counting = state.visits.enabled();
    db::run(&state.pool, move |conn| {
        Ok(stats::dashboard(conn, &period, now(), counting)?)
    })
    .await
}

/// The dashboard of a period.
///
/// Every tile in one answer. Orders count when they were placed (Europe/Paris days), one per shop of a basket;
/// values are of the orders not cancelled since. A basket is one website checkout (phone
/// orders are not baskets), its value as it was checked out. The confirmation lag counts,
/// for 2, 6 and 24 hours, the orders placed at least that long ago that their shop had not
/// confirmed by then. Quiet shops are as of now, whatever the period. Searches are the
/// catalogue's (`q`), counted on their first page, normalised, with nothing about who
/// searched; kept 25 months. Visits are the public pages the web app showed (`POST
/// /visits`), counted without cookies or addresses: a period's visitors add up its days'
/// unique visitors; kept 25 months.
#[utoipa::path(
    tag = "dashboard",
    params(StatsQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The figures of the period", body = Dashboard,
            example = json!({
                "from": "2026-11-30", "to": "2026-12-06", "by": "day", "currency": "EUR",
                "generated_at": "2026-12-06T18:00:00Z",
                "orders": {"total": {"start": "2026-11-30", "orders": 12, "cancelled": 1, "value_cents": 38450},
                    "periods": [{"start": "2026-11-30", "orders": 3, "cancelled": 0, "value_cents": 9800}]},
                "shops": [{"slug": "epicerie-du-duche", "name": "Épicerie du Duché", "orders": 5, "cancelled": 0, "value_cents": 14200}],
                "baskets": {"total": {"start": "2026-11-30", "baskets": 9, "multi_shop": 3, "median_cents": 2750},
                    "periods": [{"start": "2026-11-30", "baskets": 2, "multi_shop": 1, "median_cents": 3100}]},
                "fulfilment": {"deliveries": 7, "pickups": 4, "communes": [{"commune": "Uzès", "deliveries": 5}],
                    "rounds": [{"date": "2026-12-04", "name": "Uzès centre", "stops": 4, "orders": 5, "delivered": 4, "failed": 1}]},
                "confirmation": {"orders": 12, "confirmed": 10, "median_minutes": 48,
                    "lags": [{"hours": 2, "placed_before": 12, "unconfirmed": 3}, {"hours": 6, "placed_before": 11, "unconfirmed": 1},
                        {"hours": 24, "placed_before": 9, "unconfirmed": 0}],
                    "still_unconfirmed": 1, "shops": []},
                "cancellations": {"cancelled": 1, "reasons": [{"reason": "Rupture de stock", "by": "shop", "orders": 1}]},
                "quiet_shops": [{"slug": "librairie-le-tiers-livre", "name": "Librairie Le Tiers Livre", "active_products": 0,
                    "last_order_at": null, "no_active_product": true, "no_recent_order": true}],
                "searches": {"searches": 140, "empty_searches": 12,
                    "top": [{"query": "miel", "searches": 18, "empty_searches": 0, "results": 4}],
                    "top_empty": [{"query": "piles", "searches": 5, "empty_searches": 5, "results": 0}]},
                "visits": {"counting": true,
                    "total": {"start": "2026-11-30", "page_views": 56000, "visitors": 1750, "flyer_visits": 42},
                    "periods": [{"start": "2026-11-30", "page_views": 8000, "visitors": 250, "flyer_visits": 6}],
                    "pages": [{"start": "shop", "page_views": 9100, "visitors": 820, "flyer_visits": 40}]}
            })),
        (status = 400, description = "`from` or `to` is not `YYYY-MM-DD`, `by` is not `day`, `week` or `month`, or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a date that does not exist, `from` after `to`, or a period over 762 days", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/stats")]
pub async fn get_stats(
    caller: Caller,
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<StatsQuery>,
) -> Result<Json<Dashboard>, ApiError> {
    admin(&caller)?;
    Ok(Json(load(&state, &query).await?))
}

/// One tile of the dashboard as a CSV file.
///
/// For spreadsheets: `;`-separated, UTF-8 with a BOM, amounts as `12,50 €`, French
/// headings; the same figures as `GET /admin/stats` for the same parameters (`orders` and
/// `baskets` end with a `total` line; `visits` has its `total` line, then one per page
/// type).
#[utoipa::path(
    tag = "dashboard",
    params(
        ("tile" = inline(StatsTile), Path, description = "The tile: `orders`, `shops`, `baskets`, `fulfilment`, `confirmation`, `cancellations`, `quiet_shops`, `searches` or `visits`"),
        StatsQuery,
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The CSV file", content_type = "text/csv", body = String,
            example = json!("\u{feff}jour;commandes;annulées;montant\r\n2026-11-30;3;0;98,00 €\r\ntotal;3;0;98,00 €\r\n")),
        (status = 400, description = "`from` or `to` is not `YYYY-MM-DD`, `by` is not `day`, `week` or `month`, or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such tile, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a date that does not exist, `from` after `to`, or a period over 762 days", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/stats/{tile}.csv")]
pub async fn get_stats_csv(
    caller: Caller,
    state: web::Data<AppState>,
    tile: Path<String>,
    ValidQuery(query): ValidQuery<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    let tile =
        StatsTile::parse(&tile).ok_or_else(|| ApiError::NotFound(format!("no tile '{tile}'")))?;
    let dashboard = load(&state, &query).await?;
    let file = tile_csv(&dashboard, tile).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"tableau-de-bord-{}-{}-{}.csv\"",
                tile.as_str().replace('_', "-"),
                dashboard.from,
                dashboard.to
            ),
        ))
        .body(file))
}

fn by_fr(by: StatsInterval) -> &'static str {
    match by {
        StatsInterval::Day => "jour",
        StatsInterval::Week => "semaine du",
        StatsInterval::Month => "mois du",
    }
}

fn by_who_fr(by: &str) -> &'static str {
    match by {
        "customer" => "client",
        "system" => "Vitrine (non confirmée à temps)",
        _ => "commerce",
    }
}

/// A reason as a spreadsheet shows it: text someone typed never starts a formula.
fn reason_fr(reason: &str) -> String {
    match reason {
        shared::shop_orders::AUTO_RELEASED => "non confirmée à temps".into(),
        "" => "sans raison".into(),
        other if other.starts_with(['=', '+', '-', '@']) => format!("'{other}"),
        other => other.into(),
    }
}

fn percent_fr(part: u32, whole: u32) -> String {
    if whole == 0 {
        return String::new();
    }
    let tenths = (u64::from(part) * 1000 + u64::from(whole) / 2) / u64::from(whole);
    format!("{},{}\u{a0}%", tenths / 10, tenths % 10)
}

/// A page type as the CSV names it.
fn page_fr(page: &str) -> &str {
    match page {
        "home" => "accueil",
        "catalogue" => "catalogue",
        "product" => "produit",
        "shop" => "commerce",
        "shops" => "liste des commerces",
        "basket" => "panier",
        "checkout" => "commande",
        _ => "autre",
    }
}

fn minutes_fr(minutes: Option<i64>) -> String {
    minutes.map(|m| m.to_string()).unwrap_or_default()
}

/// A tile as CSV: one heading line, then its rows.
fn tile_csv(d: &Dashboard, tile: StatsTile) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    match tile {
        StatsTile::Orders => {
            w.write_record([by_fr(d.by), "commandes", "annulées", "montant"])?;
            for p in &d.orders.periods {
                w.write_record([
                    p.start.clone(),
                    p.orders.to_string(),
                    p.cancelled.to_string(),
                    format_eur(p.value_cents),
                ])?;
            }
            let t = &d.orders.total;
            w.write_record([
                "total".to_owned(),
                t.orders.to_string(),
                t.cancelled.to_string(),
                format_eur(t.value_cents),
            ])?;
        }
        StatsTile::Shops => {
            w.write_record(["commerce", "adresse", "commandes", "annulées", "montant"])?;
            for s in &d.shops {
                w.write_record([
                    s.name.clone(),
                    s.slug.clone(),
                    s.orders.to_string(),
                    s.cancelled.to_string(),
                    format_eur(s.value_cents),
                ])?;
            }
        }
        StatsTile::Baskets => {
            w.write_record([
                by_fr(d.by),
                "paniers",
                "paniers de plusieurs commerces",
                "part",
                "panier médian",
            ])?;
            for p in d.baskets.periods.iter().chain([&d.baskets.total]) {
                let start = if std::ptr::eq(p, &d.baskets.total) {
                    "total".to_owned()
                } else {
                    p.start.clone()
                };
                w.write_record([
                    start,
                    p.baskets.to_string(),
                    p.multi_shop.to_string(),
                    percent_fr(p.multi_shop, p.baskets),
                    p.median_cents.map(format_eur).unwrap_or_default(),
                ])?;
            }
        }
        StatsTile::Fulfilment => {
            w.write_record([
                "type",
                "date",
                "nom",
                "arrêts",
                "commandes",
                "livrées",
                "échecs",
            ])?;
            w.write_record([
                "livraisons",
                "",
                "",
                "",
                &d.fulfilment.deliveries.to_string(),
                "",
                "",
            ])?;
            w.write_record([
                "retraits",
                "",
                "",
                "",
                &d.fulfilment.pickups.to_string(),
                "",
                "",
            ])?;
            for c in &d.fulfilment.communes {
                w.write_record([
                    "commune",
                    "",
                    &c.commune,
                    "",
                    &c.deliveries.to_string(),
                    "",
                    "",
                ])?;
            }
            for r in &d.fulfilment.rounds {
                w.write_record([
                    "tournée",
                    &r.date,
                    &r.name,
                    &r.stops.to_string(),
                    &r.orders.to_string(),
                    &r.delivered.to_string(),
                    &r.failed.to_string(),
                ])?;
            }
        }
        StatsTile::Confirmation => {
            w.write_record([
                "commerce",
                "commandes",
                "délai médian (minutes)",
                "non confirmées après 2 h",
                "non confirmées après 6 h",
                "non confirmées après 24 h",
                "encore en attente",
            ])?;
            let lag = |lags: &[shared::stats::ConfirmationLag], hours: u32| {
                lags.iter()
                    .find(|l| l.hours == hours)
                    .map(|l| format!("{} sur {}", l.unconfirmed, l.placed_before))
                    .unwrap_or_default()
            };
            for s in &d.confirmation.shops {
                w.write_record([
                    s.name.clone(),
                    s.orders.to_string(),
                    minutes_fr(s.median_minutes),
                    lag(&s.lags, 2),
                    lag(&s.lags, 6),
                    lag(&s.lags, 24),
                    s.still_unconfirmed.to_string(),
                ])?;
            }
            let c = &d.confirmation;
            w.write_record([
                "tous".to_owned(),
                c.orders.to_string(),
                minutes_fr(c.median_minutes),
                lag(&c.lags, 2),
                lag(&c.lags, 6),
                lag(&c.lags, 24),
                c.still_unconfirmed.to_string(),
            ])?;
        }
        StatsTile::Cancellations => {
            w.write_record(["raison", "par", "commandes"])?;
            for r in &d.cancellations.reasons {
                w.write_record([
                    reason_fr(&r.reason).as_str(),
                    by_who_fr(&r.by),
                    &r.orders.to_string(),
                ])?;
            }
        }
        StatsTile::QuietShops => {
            w.write_record([
                "commerce",
                "adresse",
                "produits en vente",
                "dernière commande",
                "aucun produit en vente",
                "aucune commande depuis 30 jours",
            ])?;
            for s in &d.quiet_shops {
                w.write_record([
                    s.name.as_str(),
                    &s.slug,
                    &s.active_products.to_string(),
                    s.last_order_at.as_deref().unwrap_or("jamais"),
                    if s.no_active_product { "oui" } else { "" },
                    if s.no_recent_order { "oui" } else { "" },
                ])?;
            }
        }
        StatsTile::Visits => {
            w.write_record([by_fr(d.by), "pages vues", "visiteurs", "venus du dépliant"])?;
            let v = &d.visits;
            for p in v.periods.iter().chain([&v.total]) {
                let start = if std::ptr::eq(p, &v.total) {
                    "total".to_owned()
                } else {
                    p.start.clone()
                };
                w.write_record([
                    start,
                    p.page_views.to_string(),
                    p.visitors.to_string(),
                    p.flyer_visits.to_string(),
                ])?;
            }
            for p in &v.pages {
                w.write_record([
                    format!("page {}", page_fr(&p.start)),
                    p.page_views.to_string(),
                    p.visitors.to_string(),
                    p.flyer_visits.to_string(),
                ])?;
            }
        }
        StatsTile::Searches => {
            w.write_record([
                "liste",
                "recherche",
                "recherches",
                "sans résultat",
                "résultats",
            ])?;
            for (list, rows) in [
                ("les plus fréquentes", &d.searches.top),
                ("sans résultat", &d.searches.top_empty),
            ] {
                for s in rows {
                    w.write_record([
                        list,
                        &s.query,
                        &s.searches.to_string(),
                        &s.empty_searches.to_string(),
                        &s.results.to_string(),
                    ])?;
                }
            }
        }
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
