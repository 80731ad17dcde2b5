//! Delivery rounds (issue 11): a date's deliveries gathered from the orders on read, the
//! admins' rounds and stops, the sheets, and the volunteers' taps with their effects on the
//! orders (history, payment, completion, the next date after a failure).
//!
//! Nothing is copied from the orders: a date's deliveries are the orders of that date with
//! `fulfilment = delivery` that are not cancelled, plus those that failed on that date (they
//! moved on to a later date but stay on this date's sheets as failed). The tables only hold
//! what the admins and volunteers decided: rounds, volunteers, where a stop went and its
//! place, collections and outcomes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use shared::auth::Role;
use shared::catalogue::{ShopKind, ShopRef};
use shared::error::ErrorCode;
use shared::money::CURRENCY;
use shared::order::{OrderStatus, PaymentStatus};
use shared::rounds::{
    CollectionLine, CollectionOrder, CollectionSheet, DropCommune, FailureReason, Round,
    RoundSheets, ShopRoundDay, ShopRoundOrder, Stop, StopOrder, StopState, TapPayment, Volunteer,
};
use shared::shop_orders::{OrderEventKind, PaymentMethod};

use super::order::{self, Event, order_number};
use super::{settings, shop};
use crate::db::DbConn;
use crate::db::schema::{
    delivery_collections, delivery_outcomes, delivery_round_volunteers, delivery_rounds,
    delivery_stop_ranks, delivery_stops, order_lines, orders, products, shops, users,
};
use crate::domain::rounds::{default_order, initials, stop_key};
use crate::error::ApiError;

/// The name of the round a date shows before an admin creates one.
pub const DEFAULT_ROUND_NAME: &str = "Tournée";
/// The ready-by time of a new round.
pub const DEFAULT_READY_BY: &str = "09:00";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = delivery_rounds)]
pub struct RoundRow {
    pub id: i64,
    pub delivery_date: String,
    pub name: String,
    pub ready_by: String,
    pub created_at: NaiveDateTime,
}

/// One order of a date's deliveries, with what the sheets show of it and of its shop.
#[derive(Debug, Clone, Queryable)]
struct DeliveryRow {
    id: i64,
    shop_id: i64,
    status: String,
    payment_status: String,
    payment_method: Option<String>,
    street: Option<String>,
    postcode: Option<String>,
    commune: Option<String>,
    access_note: Option<String>,
    customer_name: String,
    customer_phone: String,
    note: String,
    total_cents: i64,
    bags: Option<i32>,
    created_at: NaiveDateTime,
    number_prefix: String,
    shop_slug: String,
    shop_name: String,
    shop_address: String,
    shop_commune: String,
    shop_phone: String,
    accepts_cash: bool,
    accepts_cheque: bool,
    accepts_card: bool,
}

impl DeliveryRow {
    fn status(&self) -> OrderStatus {
        OrderStatus::parse(&self.status).unwrap_or(OrderStatus::Placed)
    }

    fn payment_means(&self) -> Vec<PaymentMethod> {
        shop::payment_means(self.accepts_cash, self.accepts_cheque, self.accepts_card)
    }

    fn key(&self) -> String {
        stop_key(
            self.street.as_deref().unwrap_or_default(),
            self.postcode.as_deref().unwrap_or_default(),
            self.commune.as_deref().unwrap_or_default(),
        )
    }
}

/// What happened at the door to an order on a date.
#[derive(Debug, Clone)]
struct Outcome {
    state: StopState,
    reason: Option<FailureReason>,
    method: Option<PaymentMethod>,
    actor: String,
}

/// One stop of a date: its orders, and where the admins put it.
#[derive(Debug, Clone)]
struct StopData {
    key: String,
    round_id: Option<i64>,
    /// Its place set by hand on this date, or else the place last given to the address.
    place: Option<i32>,
    orders: Vec<DeliveryRow>,
}

/// A date's rounds and stops, as read now.
pub struct Day {
    pub date: String,
    pub rounds: Vec<RoundRow>,
    stops: Vec<StopData>,
    outcomes: HashMap<i64, Outcome>,
    keep_cold: BTreeSet<i64>,
    lines: BTreeMap<i64, Vec<CollectionLine>>,
    collections: HashMap<(i64, i64), NaiveDateTime>,
    volunteers: HashMap<i64, Vec<Volunteer>>,
}

fn utc(at: NaiveDateTime) -> String {
    DateTime::<Utc>::from_naive_utc_and_offset(at, Utc).to_rfc3339()
}

/// The rounds of a date, in the order they were created.
pub fn rounds_of(conn: &mut DbConn, date: &str) -> QueryResult<Vec<RoundRow>> {
    delivery_rounds::table
        .filter(delivery_rounds::delivery_date.eq(date))
        .order(delivery_rounds::id.asc())
        .select(RoundRow::as_select())
        .load(conn)
}

pub fn find_round(conn: &mut DbConn, id: i64) -> QueryResult<Option<RoundRow>> {
    delivery_rounds::table
        .find(id)
        .select(RoundRow::as_select())
        .first(conn)
        .optional()
}

/// Whether the account drives the round.
pub fn drives(conn: &mut DbConn, round_id: i64, user_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        delivery_round_volunteers::table
            .filter(delivery_round_volunteers::round_id.eq(round_id))
            .filter(delivery_round_volunteers::user_id.eq(user_id)),
    ))
    .get_result(conn)
}

/// The rounds a volunteer drives between two dates (inclusive), by date.
pub fn rounds_of_volunteer(
    conn: &mut DbConn,
    user_id: i64,
    from: &str,
    to: &str,
) -> QueryResult<Vec<RoundRow>> {
    delivery_rounds::table
        .inner_join(delivery_round_volunteers::table)
        .filter(delivery_round_volunteers::user_id.eq(user_id))
        .filter(delivery_rounds::delivery_date.ge(from))
        .filter(delivery_rounds::delivery_date.le(to))
        .order((
            delivery_rounds::delivery_date.asc(),
            delivery_rounds::id.asc(),
        ))
        .select(RoundRow::as_select())
        .load(conn)
}

/// The dates between two dates (inclusive) that have rounds.
pub fn dates_with_rounds(conn: &mut DbConn, from: &str, to: &str) -> QueryResult<Vec<String>> {
    delivery_rounds::table
        .filter(delivery_rounds::delivery_date.ge(from))
        .filter(delivery_rounds::delivery_date.le(to))
        .select(delivery_rounds::delivery_date)
        .distinct()
        .order(delivery_rounds::delivery_date.asc())
        .load(conn)
}

/// The volunteers, by name.
pub fn volunteers(conn: &mut DbConn) -> QueryResult<Vec<Volunteer>> {
    let rows: Vec<(i64, String, String, Option<String>)> = users::table
        .filter(users::role.eq(Role::Volunteer.as_str()))
        .filter(users::suspended_at.is_null())
        .order((users::name.asc(), users::id.asc()))
        .select((users::id, users::name, users::email, users::phone))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, email, phone)| Volunteer {
            id,
            name,
            email,
            phone,
        })
        .collect())
}

/// Reads a date: its rounds, its deliveries grouped into stops, and what happened so far.
pub fn load_day(conn: &mut DbConn, date: &str) -> QueryResult<Day> {
    let rounds = rounds_of(conn, date)?;
    let failed_here: Vec<i64> = delivery_outcomes::table
        .filter(delivery_outcomes::delivery_date.eq(date))
        .select(delivery_outcomes::order_id)
        .load(conn)?;
    let rows: Vec<DeliveryRow> = orders::table
        .inner_join(shops::table)
        .filter(
            orders::fulfilment_date
                .eq(date)
                .and(orders::fulfilment_method.eq("delivery"))
                .and(orders::status.ne(OrderStatus::Cancelled.as_str()))
                .or(orders::id.eq_any(&failed_here)),
        )
        .order(orders::id.asc())
        .select((
            orders::id,
            orders::shop_id,
            orders::status,
            orders::payment_status,
            orders::payment_method,
            orders::address_street,
            orders::address_postcode,
            orders::address_commune,
            orders::address_access_note,
            orders::customer_name,
            orders::customer_phone,
            orders::note,
            orders::total_cents,
            orders::bags,
            orders::created_at,
            orders::number_prefix,
            shops::slug,
            shops::name,
            shops::address,
            shops::commune,
            shops::phone,
            shops::accepts_cash,
            shops::accepts_cheque,
            shops::accepts_card,
        ))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();

    let outcome_rows: Vec<(i64, String, String, Option<String>, String)> = delivery_outcomes::table
        .filter(delivery_outcomes::delivery_date.eq(date))
        .select((
            delivery_outcomes::order_id,
            delivery_outcomes::outcome,
            delivery_outcomes::reason,
            delivery_outcomes::payment_method,
            delivery_outcomes::actor,
        ))
        .load(conn)?;
    let outcomes = outcome_rows
        .into_iter()
        .map(|(id, outcome, reason, method, actor)| {
            let state = if outcome == "delivered" {
                StopState::Delivered
            } else {
                StopState::Failed
            };
            let outcome = Outcome {
                state,
                reason: FailureReason::parse(&reason),
                method: method.as_deref().and_then(PaymentMethod::parse),
                actor,
            };
            (id, outcome)
        })
        .collect();

    // The lines that count (not removed after the call), named with their variant.
    let line_rows: Vec<(i64, String, String, i32, Option<bool>)> = order_lines::table
        .left_join(products::table.on(products::id.eq(order_lines::product_id)))
        .filter(order_lines::order_id.eq_any(&ids))
        .filter(order_lines::removed_at.is_null())
        .order(order_lines::id.asc())
        .select((
            order_lines::order_id,
            order_lines::name,
            order_lines::variant_label,
            order_lines::quantity,
            products::keep_cold.nullable(),
        ))
        .load(conn)?;
    let mut lines: BTreeMap<i64, Vec<CollectionLine>> = BTreeMap::new();
    let mut keep_cold = BTreeSet::new();
    for (order_id, name, label, quantity, cold) in line_rows {
        let name = if label.is_empty() {
            name
        } else {
            format!("{name} ({label})")
        };
        let cold = cold.unwrap_or(false);
        if cold {
            keep_cold.insert(order_id);
        }
        lines.entry(order_id).or_default().push(CollectionLine {
            name,
            quantity: i64::from(quantity),
            keep_cold: cold,
        });
    }

    let placed: Vec<(String, i64, Option<i32>)> = delivery_stops::table
        .filter(delivery_stops::delivery_date.eq(date))
        .select((
            delivery_stops::stop_key,
            delivery_stops::round_id,
            delivery_stops::position,
        ))
        .load(conn)?;
    let placed: HashMap<String, (i64, Option<i32>)> = placed
        .into_iter()
        .map(|(key, round, position)| (key, (round, position)))
        .collect();
    let mut by_key: BTreeMap<String, Vec<DeliveryRow>> = BTreeMap::new();
    for row in rows {
        by_key.entry(row.key()).or_default().push(row);
    }
    let keys: Vec<String> = by_key.keys().cloned().collect();
    let ranks: HashMap<String, i32> = delivery_stop_ranks::table
        .filter(delivery_stop_ranks::stop_key.eq_any(&keys))
        .select((delivery_stop_ranks::stop_key, delivery_stop_ranks::rank))
        .load::<(String, i32)>(conn)?
        .into_iter()
        .collect();
    let first_round = rounds.first().map(|r| r.id);
    let stops = by_key
        .into_iter()
        .map(|(key, orders)| {
            let (round_id, position) = match placed.get(&key) {
                Some((round, position)) => (Some(*round), *position),
                None => (first_round, None),
            };
            StopData {
                place: position.or_else(|| ranks.get(&key).copied()),
                round_id,
                key,
                orders,
            }
        })
        .collect();

    let round_ids: Vec<i64> = rounds.iter().map(|r| r.id).collect();
    let collections = delivery_collections::table
        .filter(delivery_collections::round_id.eq_any(&round_ids))
        .select((
            delivery_collections::round_id,
            delivery_collections::shop_id,
            delivery_collections::at,
        ))
        .load::<(i64, i64, NaiveDateTime)>(conn)?
        .into_iter()
        .map(|(round, shop, at)| ((round, shop), at))
        .collect();
    let volunteer_rows: Vec<(i64, i64, String, String, Option<String>)> =
        delivery_round_volunteers::table
            .inner_join(users::table)
            .filter(delivery_round_volunteers::round_id.eq_any(&round_ids))
            .order((users::name.asc(), users::id.asc()))
            .select((
                delivery_round_volunteers::round_id,
                users::id,
                users::name,
                users::email,
                users::phone,
            ))
            .load(conn)?;
    let mut volunteers: HashMap<i64, Vec<Volunteer>> = HashMap::new();
    for (round, id, name, email, phone) in volunteer_rows {
        volunteers.entry(round).or_default().push(Volunteer {
            id,
            name,
            email,
            phone,
        });
    }
    Ok(Day {
        date: date.to_owned(),
        rounds,
        stops,
        outcomes,
        keep_cold,
        lines,
        collections,
        volunteers,
    })
}

impl Day {
    /// The stops of a round (`None`: the default round of a date without rounds), in
    /// driving order: the places set by hand (or remembered for the address) first, then
    /// the others by commune, street and number.
    fn stops_of(&self, round: Option<i64>) -> Vec<&StopData> {
        let mut stops: Vec<&StopData> = self.stops.iter().filter(|s| s.round_id == round).collect();
        stops.sort_by_key(|stop| {
            let first = &stop.orders[0];
            (
                stop.place.is_none(),
                stop.place,
                default_order(
                    first.street.as_deref().unwrap_or_default(),
                    first.commune.as_deref().unwrap_or_default(),
                ),
                stop.key.clone(),
            )
        });
        stops
    }

    /// The keys of a round's stops, in driving order.
    pub fn stop_keys(&self, round: Option<i64>) -> Vec<String> {
        self.stops_of(round).iter().map(|s| s.key.clone()).collect()
    }

    /// Whether the date has a stop with this key.
    pub fn has_stop(&self, key: &str) -> bool {
        self.stops.iter().any(|s| s.key == key)
    }

    fn outcome(&self, order_id: i64) -> Option<&Outcome> {
        self.outcomes.get(&order_id)
    }

    fn stop_order(&self, row: &DeliveryRow) -> StopOrder {
        let outcome = self.outcome(row.id);
        let paid = row.payment_status == "paid";
        StopOrder {
            order_id: row.id,
            number: order_number(&row.number_prefix, row.id, row.created_at),
            shop: ShopRef {
                slug: row.shop_slug.clone(),
                name: row.shop_name.clone(),
            },
            status: row.status(),
            unconfirmed: row.status() == OrderStatus::Placed,
            bags: row.bags,
            keep_cold: self.keep_cold.contains(&row.id),
            total_cents: row.total_cents,
            amount_due_cents: if paid { 0 } else { row.total_cents },
            currency: CURRENCY.into(),
            payment_status: if paid {
                PaymentStatus::Paid
            } else {
                PaymentStatus::Due
            },
            payment_method: row.payment_method.as_deref().and_then(PaymentMethod::parse),
            payment_means: row.payment_means(),
            note: row.note.clone(),
            state: outcome.map_or(StopState::Pending, |o| o.state),
            failure_reason: outcome.and_then(|o| o.reason),
        }
    }

    fn stop(&self, data: &StopData, sequence: usize) -> Stop {
        let latest = data.orders.last().unwrap_or(&data.orders[0]);
        let orders: Vec<StopOrder> = data.orders.iter().map(|o| self.stop_order(o)).collect();
        let state = if orders.iter().any(|o| o.state == StopState::Pending) {
            StopState::Pending
        } else if orders.iter().all(|o| o.state == StopState::Delivered) {
            StopState::Delivered
        } else {
            StopState::Failed
        };
        Stop {
            key: data.key.clone(),
            sequence: u32::try_from(sequence).unwrap_or(u32::MAX),
            street: latest.street.clone().unwrap_or_default(),
            postcode: latest.postcode.clone().unwrap_or_default(),
            commune: latest.commune.clone().unwrap_or_default(),
            access_note: data.orders.iter().rev().find_map(|o| o.access_note.clone()),
            customer_name: latest.customer_name.clone(),
            customer_phone: latest.customer_phone.clone(),
            unconfirmed: orders.iter().any(|o| o.unconfirmed),
            state,
            orders,
        }
    }

    /// A round of the date as the API answers it (`None`: the default round).
    pub fn round(&self, id: Option<i64>) -> Round {
        let row = id.and_then(|id| self.rounds.iter().find(|r| r.id == id));
        let stops: Vec<Stop> = self
            .stops_of(id)
            .into_iter()
            .enumerate()
            .map(|(index, data)| self.stop(data, index + 1))
            .collect();
        let unconfirmed = stops
            .iter()
            .flat_map(|s| &s.orders)
            .filter(|o| o.unconfirmed)
            .count();
        let mut collected_shops: Vec<String> = Vec::new();
        if let Some(id) = id {
            for stop in &self.stops {
                for order in &stop.orders {
                    if self.collections.contains_key(&(id, order.shop_id))
                        && !collected_shops.contains(&order.shop_slug)
                    {
                        collected_shops.push(order.shop_slug.clone());
                    }
                }
            }
        }
        collected_shops.sort();
        Round {
            id,
            date: self.date.clone(),
            name: row.map_or_else(|| DEFAULT_ROUND_NAME.to_owned(), |r| r.name.clone()),
            ready_by: row.map_or_else(|| DEFAULT_READY_BY.to_owned(), |r| r.ready_by.clone()),
            volunteers: id
                .and_then(|id| self.volunteers.get(&id).cloned())
                .unwrap_or_default(),
            unconfirmed_orders: u32::try_from(unconfirmed).unwrap_or(u32::MAX),
            collected_shops,
            stops,
        }
    }

    /// Every round of the date; a date without rounds shows one default round.
    pub fn all_rounds(&self) -> Vec<Round> {
        if self.rounds.is_empty() {
            if self.stops.is_empty() {
                return Vec::new();
            }
            return vec![self.round(None)];
        }
        self.rounds.iter().map(|r| self.round(Some(r.id))).collect()
    }

    /// The collection sheets (one per shop, by shop name) and the drop sheet (by commune,
    /// communes in the order the round reaches them) of a round.
    pub fn sheets(&self, id: i64) -> RoundSheets {
        let round = self.round(Some(id));
        let mut collection: BTreeMap<(String, i64), CollectionSheet> = BTreeMap::new();
        for data in self.stops_of(Some(id)) {
            for row in &data.orders {
                let sheet = collection
                    .entry((row.shop_name.clone(), row.shop_id))
                    .or_insert_with(|| {
                        let collected = self.collections.get(&(id, row.shop_id));
                        CollectionSheet {
                            shop: ShopRef {
                                slug: row.shop_slug.clone(),
                                name: row.shop_name.clone(),
                            },
                            address: row.shop_address.clone(),
                            commune: row.shop_commune.clone(),
                            phone: row.shop_phone.clone(),
                            ready_by: round.ready_by.clone(),
                            collected: collected.is_some(),
                            collected_at: collected.map(|at| utc(*at)),
                            bags: 0,
                            orders: Vec::new(),
                        }
                    });
                sheet.bags += row.bags.unwrap_or(0);
                sheet.orders.push(CollectionOrder {
                    order_id: row.id,
                    number: order_number(&row.number_prefix, row.id, row.created_at),
                    customer_initials: initials(&row.customer_name),
                    commune: row.commune.clone().unwrap_or_default(),
                    status: row.status(),
                    unconfirmed: row.status() == OrderStatus::Placed,
                    bags: row.bags,
                    keep_cold: self.keep_cold.contains(&row.id),
                    lines: self.lines.get(&row.id).cloned().unwrap_or_default(),
                });
            }
        }
        let mut drop: Vec<DropCommune> = Vec::new();
        for stop in round.stops {
            match drop.iter_mut().find(|c| c.commune == stop.commune) {
                Some(commune) => commune.stops.push(stop),
                None => drop.push(DropCommune {
                    commune: stop.commune.clone(),
                    stops: vec![stop],
                }),
            }
        }
        RoundSheets {
            round_id: id,
            date: round.date,
            name: round.name,
            volunteers: round.volunteers,
            collection: collection.into_values().collect(),
            drop,
        }
    }

    /// A shop's orders on this date, with where each stands.
    pub fn shop_day(&self, conn: &mut DbConn, shop_id: i64) -> QueryResult<Option<ShopRoundDay>> {
        let mut orders = Vec::new();
        let mut ready_by: Option<String> = None;
        let mut collected = false;
        let mut bags = 0;
        for data in &self.stops {
            let round = data
                .round_id
                .and_then(|id| self.rounds.iter().find(|r| r.id == id));
            for row in data.orders.iter().filter(|o| o.shop_id == shop_id) {
                let time = round.map_or(DEFAULT_READY_BY, |r| r.ready_by.as_str());
                if ready_by.as_deref().is_none_or(|t| time < t) {
                    ready_by = Some(time.to_owned());
                }
                collected |= data
                    .round_id
                    .is_some_and(|id| self.collections.contains_key(&(id, shop_id)));
                bags += row.bags.unwrap_or(0);
                let outcome = self.outcome(row.id);
                let by = match outcome {
                    Some(o) => actor_name(conn, &o.actor)?,
                    None => None,
                };
                orders.push(ShopRoundOrder {
                    order_id: row.id,
                    number: order_number(&row.number_prefix, row.id, row.created_at),
                    customer_name: row.customer_name.clone(),
                    commune: row.commune.clone().unwrap_or_default(),
                    status: row.status(),
                    bags: row.bags,
                    keep_cold: self.keep_cold.contains(&row.id),
                    total_cents: row.total_cents,
                    state: outcome.map_or(StopState::Pending, |o| o.state),
                    payment_method: outcome
                        .and_then(|o| o.method)
                        .or_else(|| row.payment_method.as_deref().and_then(PaymentMethod::parse)),
                    by,
                    failure_reason: outcome.and_then(|o| o.reason),
                });
            }
        }
        if orders.is_empty() {
            return Ok(None);
        }
        orders.sort_by_key(|o| o.order_id);
        Ok(Some(ShopRoundDay {
            date: self.date.clone(),
            ready_by: ready_by.unwrap_or_else(|| DEFAULT_READY_BY.to_owned()),
            collected,
            bags,
            orders,
        }))
    }

    /// The stop `key` if it is in round `id`; 404 otherwise.
    fn stop_in(&self, id: i64, key: &str) -> Result<&StopData, ApiError> {
        self.stops
            .iter()
            .find(|s| s.key == key && s.round_id == Some(id))
            .ok_or_else(|| ApiError::NotFound(format!("round {id} has no stop '{key}'")))
    }
}

/// The account's name for `user:<id>`.
fn actor_name(conn: &mut DbConn, actor: &str) -> QueryResult<Option<String>> {
    let Some(id) = actor
        .strip_prefix("user:")
        .and_then(|id| id.parse::<i64>().ok())
    else {
        return Ok(None);
    };
    users::table
        .find(id)
        .select(users::name)
        .first(conn)
        .optional()
}

/// Takes the date's lock until the transaction ends: every write to a date's rounds (the
/// admins' edits and the volunteers' taps) queues on it, so two admins splitting the same
/// date, or a tap replayed while the first is running, act one after the other. On
/// PostgreSQL: a transaction-scoped advisory lock keyed by the date (it exists even before
/// the date's first round), then the date's rounds locked in the order of their ids, the
/// one order every writer takes. SQLite's write transaction already holds the whole file.
pub fn lock_date(conn: &mut DbConn, date: NaiveDate) -> QueryResult<()> {
    if let DbConn::Pg(pg) = conn {
        let key = i64::from(chrono::Datelike::num_days_from_ce(&date));
        pg.batch_execute(&format!("SELECT pg_advisory_xact_lock(7472699, {key})"))?;
        delivery_rounds::table
            .filter(delivery_rounds::delivery_date.eq(date.to_string()))
            .order(delivery_rounds::id.asc())
            .select(delivery_rounds::id)
            .for_update()
            .load::<i64>(pg)?;
    }
    Ok(())
}

pub fn create_round(
    conn: &mut DbConn,
    date: NaiveDate,
    name: &str,
    ready_by: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(delivery_rounds::table)
        .values((
            delivery_rounds::delivery_date.eq(date.to_string()),
            delivery_rounds::name.eq(name),
            delivery_rounds::ready_by.eq(ready_by),
            delivery_rounds::created_at.eq(now),
        ))
        .returning(delivery_rounds::id)
        .get_result(conn)
}

pub fn update_round(
    conn: &mut DbConn,
    id: i64,
    name: Option<&str>,
    ready_by: Option<&str>,
) -> QueryResult<()> {
    if let Some(name) = name {
        diesel::update(delivery_rounds::table.find(id))
            .set(delivery_rounds::name.eq(name))
            .execute(conn)?;
    }
    if let Some(ready_by) = ready_by {
        diesel::update(delivery_rounds::table.find(id))
            .set(delivery_rounds::ready_by.eq(ready_by))
            .execute(conn)?;
    }
    Ok(())
}

/// Deletes a round: its stops go back to the date's first remaining round. 409 once a tap
/// was recorded on it.
pub fn delete_round(conn: &mut DbConn, day: &Day, id: i64) -> Result<(), ApiError> {
    let collected: i64 = delivery_collections::table
        .filter(delivery_collections::round_id.eq(id))
        .count()
        .get_result(conn)?;
    let tapped = day
        .stops_of(Some(id))
        .iter()
        .flat_map(|s| &s.orders)
        .any(|o| day.outcome(o.id).is_some());
    if collected > 0 || tapped {
        return Err(ApiError::Conflict(
            "volunteers already recorded collections or deliveries on this round: it is kept"
                .into(),
        ));
    }
    diesel::delete(delivery_stops::table.filter(delivery_stops::round_id.eq(id))).execute(conn)?;
    diesel::delete(
        delivery_round_volunteers::table.filter(delivery_round_volunteers::round_id.eq(id)),
    )
    .execute(conn)?;
    diesel::delete(delivery_rounds::table.find(id)).execute(conn)?;
    Ok(())
}

/// Replaces the volunteers of a round; each must be an active volunteer (422 naming it).
pub fn set_volunteers(conn: &mut DbConn, id: i64, user_ids: &[i64]) -> Result<(), ApiError> {
    let known: Vec<i64> = users::table
        .filter(users::id.eq_any(user_ids))
        .filter(users::role.eq(Role::Volunteer.as_str()))
        .filter(users::suspended_at.is_null())
        .select(users::id)
        .load(conn)?;
    let errors: Vec<shared::error::FieldError> = user_ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !known.contains(id))
        .map(|(index, id)| shared::error::FieldError {
            field: format!("volunteer_ids[{index}]"),
            message: format!("account {id} is not a volunteer (an admin grants the role)"),
        })
        .collect();
    if let Some(err) = ApiError::from_refused_fields(errors) {
        return Err(err);
    }
    diesel::delete(
        delivery_round_volunteers::table.filter(delivery_round_volunteers::round_id.eq(id)),
    )
    .execute(conn)?;
    for user_id in user_ids {
        diesel::insert_into(delivery_round_volunteers::table)
            .values((
                delivery_round_volunteers::round_id.eq(id),
                delivery_round_volunteers::user_id.eq(user_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Puts `keys` in round `id`, in this order, and remembers the order for these addresses.
/// Every stop the round holds now must be listed: 409 otherwise (another admin moved a stop
/// into it since the list was read). A key that is no stop of the date is refused (422).
pub fn set_stops(conn: &mut DbConn, day: &Day, id: i64, keys: &[String]) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    for (index, key) in keys.iter().enumerate() {
        if !day.has_stop(key) {
            errors.push(shared::error::FieldError {
                field: format!("stops[{index}]"),
                message: format!("there is no stop '{key}' on {}", day.date),
            });
        } else if keys[..index].contains(key) {
            errors.push(shared::error::FieldError {
                field: format!("stops[{index}]"),
                message: "is already listed".into(),
            });
        }
    }
    if let Some(err) = ApiError::from_refused_fields(errors) {
        return Err(err);
    }
    let missing: Vec<String> = day
        .stop_keys(Some(id))
        .into_iter()
        .filter(|key| !keys.contains(key))
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::Conflict(format!(
            "the round changed since you read it: it also holds {}; read it again and list \
             every stop (to move a stop away, list it in the other round)",
            missing.join(", ")
        )));
    }
    for (position, key) in keys.iter().enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        diesel::delete(
            delivery_stops::table
                .filter(delivery_stops::delivery_date.eq(&day.date))
                .filter(delivery_stops::stop_key.eq(key)),
        )
        .execute(conn)?;
        diesel::insert_into(delivery_stops::table)
            .values((
                delivery_stops::delivery_date.eq(&day.date),
                delivery_stops::stop_key.eq(key),
                delivery_stops::round_id.eq(id),
                delivery_stops::position.eq(Some(position)),
            ))
            .execute(conn)?;
        diesel::delete(delivery_stop_ranks::table.find(key)).execute(conn)?;
        diesel::insert_into(delivery_stop_ranks::table)
            .values((
                delivery_stop_ranks::stop_key.eq(key),
                delivery_stop_ranks::rank.eq(position),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Who tapped, as the history names and shows them.
pub struct Tapper<'a> {
    /// `user:<id>`.
    pub actor: &'a str,
    /// The volunteer's (or admin's) name.
    pub name: &'a str,
}

/// "Collected": a shop's bags of round `id` are in the car. Recorded once per shop and
/// round, and in the history of each of the shop's orders on the round; 404 when the round
/// has none of the shop's orders.
pub fn collect(
    conn: &mut DbConn,
    day: &Day,
    id: i64,
    shop_slug: &str,
    by: &Tapper,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let rows: Vec<&DeliveryRow> = day
        .stops_of(Some(id))
        .into_iter()
        .flat_map(|s| &s.orders)
        .filter(|o| o.shop_slug == shop_slug && day.outcome(o.id).is_none())
        .collect();
    let Some(first) = rows.first() else {
        return Err(ApiError::NotFound(format!(
            "round {id} has nothing to collect at '{shop_slug}'"
        )));
    };
    if day.collections.contains_key(&(id, first.shop_id)) {
        return Ok(());
    }
    diesel::insert_into(delivery_collections::table)
        .values((
            delivery_collections::round_id.eq(id),
            delivery_collections::shop_id.eq(first.shop_id),
            delivery_collections::at.eq(now),
            delivery_collections::actor.eq(by.actor),
        ))
        .execute(conn)?;
    let note = format!("collectée par {}", by.name);
    for row in rows {
        delivery_event(conn, row.id, by.actor, &note, now)?;
    }
    Ok(())
}

fn delivery_event(
    conn: &mut DbConn,
    order_id: i64,
    actor: &str,
    note: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    order::record_event(
        conn,
        order_id,
        Event {
            kind: OrderEventKind::Delivery,
            actor,
            from: None,
            to: None,
            note,
        },
        now,
    )
}

/// Notes what happened at the door: `(outcome, reason, payment method)`.
fn record_outcome(
    conn: &mut DbConn,
    order_id: i64,
    date: &str,
    (outcome, reason, method): (&str, &str, Option<PaymentMethod>),
    actor: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(delivery_outcomes::table)
        .values((
            delivery_outcomes::order_id.eq(order_id),
            delivery_outcomes::delivery_date.eq(date),
            delivery_outcomes::outcome.eq(outcome),
            delivery_outcomes::reason.eq(reason),
            delivery_outcomes::payment_method.eq(method.map(PaymentMethod::as_str)),
            delivery_outcomes::actor.eq(actor),
            delivery_outcomes::at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The orders of a stop still waiting at the door; 409 when none is (the stop was already
/// delivered or failed).
fn pending<'d>(day: &'d Day, stop: &'d StopData) -> Result<Vec<&'d DeliveryRow>, ApiError> {
    let pending: Vec<&DeliveryRow> = stop
        .orders
        .iter()
        .filter(|o| day.outcome(o.id).is_none() && o.status() != OrderStatus::Cancelled)
        .collect();
    if pending.is_empty() {
        return Err(ApiError::Conflict(
            "this stop was already recorded as delivered or failed".into(),
        ));
    }
    Ok(pending)
}

/// "Delivered": completes each pending order of the stop (a confirmed one goes through
/// `ready`) and records each due order's payment, once, by the method given for it, which
/// its shop must accept. 422 naming the payment that is missing, unknown or not accepted;
/// 409 for an order its shop never confirmed.
pub fn deliver(
    conn: &mut DbConn,
    day: &Day,
    id: i64,
    key: &str,
    payments: &[TapPayment],
    by: &Tapper,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let stop = day.stop_in(id, key)?;
    let pending = pending(day, stop)?;
    let mut errors = Vec::new();
    for (index, payment) in payments.iter().enumerate() {
        let field = format!("payments[{index}]");
        match pending.iter().find(|o| o.id == payment.order_id) {
            None => errors.push(shared::error::FieldError {
                field: format!("{field}.order_id"),
                message: format!("order {} is not waiting at this stop", payment.order_id),
            }),
            Some(_)
                if payments[..index]
                    .iter()
                    .any(|p| p.order_id == payment.order_id) =>
            {
                errors.push(shared::error::FieldError {
                    field: format!("{field}.order_id"),
                    message: "is already listed".into(),
                })
            }
            Some(row) if !row.payment_means().contains(&payment.method) => {
                errors.push(shared::error::FieldError {
                    field: format!("{field}.method"),
                    message: format!(
                        "{} does not accept {} on delivery",
                        row.shop_name,
                        payment.method.as_str()
                    ),
                })
            }
            Some(_) => {}
        }
    }
    for row in &pending {
        if row.payment_status != "paid" && !payments.iter().any(|p| p.order_id == row.id) {
            errors.push(shared::error::FieldError {
                field: "payments".into(),
                message: format!("say how {} was paid (order {})", row.shop_name, row.id),
            });
        }
    }
    if let Some(err) = ApiError::from_refused_fields(errors) {
        return Err(err);
    }
    for row in pending {
        match row.status() {
            OrderStatus::Placed => {
                return Err(ApiError::ConflictWith(
                    ErrorCode::OrderNotConfirmed,
                    format!(
                        "order {} of {} was never confirmed by its shop: call the shop before \
                         handing it over",
                        row.id, row.shop_name
                    ),
                ));
            }
            OrderStatus::Confirmed => {
                order::transition(conn, row.id, OrderStatus::Ready, by.actor, "", now)?;
                order::transition(conn, row.id, OrderStatus::Completed, by.actor, "", now)?;
            }
            OrderStatus::Ready => {
                order::transition(conn, row.id, OrderStatus::Completed, by.actor, "", now)?;
            }
            // Completed by the shop meanwhile: only the outcome is recorded.
            _ => {}
        }
        let method = payments
            .iter()
            .find(|p| p.order_id == row.id)
            .map(|p| p.method);
        if let Some(method) = method
            && row.payment_status != "paid"
        {
            order::record_payment(conn, row.id, method, by.actor, now)?;
        }
        let note = match method {
            Some(method) => format!("livrée par {}, payée par {}", by.name, method_fr(method)),
            None => format!("livrée par {}", by.name),
        };
        delivery_event(conn, row.id, by.actor, &note, now)?;
        record_outcome(
            conn,
            row.id,
            &day.date,
            ("delivered", "", method),
            by.actor,
            now,
        )?;
    }
    Ok(())
}

fn method_fr(method: PaymentMethod) -> &'static str {
    match method {
        PaymentMethod::Cash => "espèces",
        PaymentMethod::Cheque => "chèque",
        PaymentMethod::Card => "carte",
    }
}

/// "Failed": each pending order of the stop goes back to its shop, `ready`, with the next
/// delivery date of its shop's kind after this one (it keeps its date when the shop has no
/// later one), and the shop's history says why.
pub fn fail(
    conn: &mut DbConn,
    day: &Day,
    id: i64,
    key: &str,
    (reason, note): (FailureReason, &str),
    by: &Tapper,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let stop = day.stop_in(id, key)?;
    let pending = pending(day, stop)?;
    let rules = settings::delivery_rules(conn)?;
    let date = crate::domain::rounds::parse_date(&day.date)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("a round with date {}", day.date)))?;
    // The next date after the round's own, even when the failure is recorded late.
    let from = now.max(
        date.and_hms_opt(12, 0, 0)
            .map(|t| DateTime::<Utc>::from_naive_utc_and_offset(t, Utc))
            .unwrap_or(now),
    );
    let at = now.naive_utc();
    let words = if note.is_empty() {
        reason.label_fr().to_owned()
    } else {
        format!("{} : {note}", reason.label_fr())
    };
    for row in pending {
        if row.status() == OrderStatus::Confirmed {
            order::transition(conn, row.id, OrderStatus::Ready, by.actor, "", at)?;
        }
        let (kind, offers_delivery, food_days): (String, bool, bool) = shops::table
            .find(row.shop_id)
            .select((
                shops::kind,
                shops::offers_delivery,
                shops::delivers_on_food_days,
            ))
            .first(conn)?;
        let kind = ShopKind::parse(&kind).unwrap_or(ShopKind::NonFood);
        let closed = settings::closed_days(conn, row.shop_id)?;
        let days = rules.days(kind, offers_delivery, food_days);
        let next = rules
            .delivery_date(&days, &closed, from)
            .filter(|next| *next > date);
        if let Some(next) = next {
            diesel::update(orders::table.find(row.id))
                .set((
                    orders::fulfilment_date.eq(next.to_string()),
                    orders::updated_at.eq(at),
                ))
                .execute(conn)?;
        }
        let then = next.map_or_else(
            || "à replanifier avec le client".to_owned(),
            |d| format!("reportée au {d}"),
        );
        let message = format!(
            "échec de livraison ({words}), signalé par {} ; {then}",
            by.name
        );
        delivery_event(conn, row.id, by.actor, &message, at)?;
        let number = order_number(&row.number_prefix, row.id, row.created_at);
        shop::record_event(
            conn,
            row.shop_id,
            by.actor,
            (None, None),
            &format!("Commande {number} : {message}"),
            at,
        )?;
        record_outcome(
            conn,
            row.id,
            &day.date,
            ("failed", reason.as_str(), None),
            by.actor,
            at,
        )?;
    }
    Ok(())
}

/// The delivery dates of a shop's orders: the next one from `today` (its orders still to
/// deliver), and up to `past` dates before it, newest first.
pub fn shop_dates(
    conn: &mut DbConn,
    shop_id: i64,
    today: &str,
    past: i64,
) -> QueryResult<(Option<String>, Vec<String>)> {
    let next: Option<String> = orders::table
        .filter(orders::shop_id.eq(shop_id))
        .filter(orders::fulfilment_method.eq("delivery"))
        .filter(orders::status.ne(OrderStatus::Cancelled.as_str()))
        .filter(orders::fulfilment_date.ge(today))
        .select(diesel::dsl::min(orders::fulfilment_date))
        .first(conn)?;
    let mut dates: Vec<String> = orders::table
        .filter(orders::shop_id.eq(shop_id))
        .filter(orders::fulfilment_method.eq("delivery"))
        .filter(orders::fulfilment_date.lt(today))
        .select(orders::fulfilment_date)
        .distinct()
        .order(orders::fulfilment_date.desc())
        .limit(past)
        .load(conn)?;
    let failed: Vec<String> = delivery_outcomes::table
        .inner_join(orders::table)
        .filter(orders::shop_id.eq(shop_id))
        .filter(delivery_outcomes::delivery_date.lt(today))
        .select(delivery_outcomes::delivery_date)
        .distinct()
        .order(delivery_outcomes::delivery_date.desc())
        .limit(past)
        .load(conn)?;
    dates.extend(failed);
    dates.sort_unstable_by(|a, b| b.cmp(a));
    dates.dedup();
    dates.truncate(usize::try_from(past).unwrap_or(0));
    Ok((next, dates))
}
