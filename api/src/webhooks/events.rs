//! The events: each change that an endpoint may hear of calls one function here inside its
//! own write transaction, which writes one outbox row per enabled endpoint subscribed to it
//! (the shop's own, and the association's). The event exists if and only if the change
//! does; the worker posts it afterwards.
//!
//! Payloads are thin: `{type, timestamp, data}` with the ids and the fields that changed,
//! always the shop's slug, and for an order its number.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::{Value, json};
use shared::mail::MailState;
use shared::order::{Order, OrderStatus};
use shared::webhooks::WebhookEvent;

use crate::db::DbConn;
use crate::db::models::order::{self, View};
use crate::db::models::outbox::{self, Channel, NewMessage};
use crate::db::models::product::ShopProductRow;
use crate::db::models::shop::{self, iso_time};
use crate::db::models::{now, webhook};
use crate::db::schema::{order_lines, products};
use crate::error::ApiError;

/// The type of the event "send a test event" posts.
pub const TEST_EVENT: &str = "webhook.test";

/// A new `webhook-id`.
pub fn new_message_id() -> String {
    format!("msg_{}", uuid::Uuid::new_v4().simple())
}

/// The body posted: `{type, timestamp, data}`.
pub fn body(kind: &str, at: NaiveDateTime, data: Value) -> String {
    json!({ "type": kind, "timestamp": iso_time(at), "data": data }).to_string()
}

/// Writes the event for every endpoint of the shop (and of the association) subscribed.
pub fn emit(
    conn: &mut DbConn,
    shop_id: Option<i64>,
    event: WebhookEvent,
    data: Value,
) -> Result<(), ApiError> {
    let endpoints = webhook::subscribers(conn, shop_id, event)?;
    if endpoints.is_empty() {
        return Ok(());
    }
    let at = now();
    let payload = body(event.as_str(), at, data);
    for endpoint in endpoints {
        queue(conn, endpoint.id, event.as_str(), &payload, at)?;
    }
    Ok(())
}

/// Writes one delivery to one endpoint; its `webhook-id`.
pub fn queue(
    conn: &mut DbConn,
    endpoint_id: i64,
    kind: &str,
    payload: &str,
    at: NaiveDateTime,
) -> Result<String, ApiError> {
    let message_id = new_message_id();
    outbox::insert(
        conn,
        &NewMessage {
            channel: Channel::Webhook,
            topic: kind,
            recipient: &endpoint_id.to_string(),
            subject: kind,
            payload,
            message_id: &message_id,
            state: MailState::Pending,
        },
        at,
    )?;
    Ok(message_id)
}

fn order_data(conn: &mut DbConn, id: i64) -> Result<(Option<i64>, Value, Order), ApiError> {
    let order = order::load_as(conn, id, View::Shop)?;
    let shop_id = shop::find_by_slug(conn, &order.shop.slug)?.map(|s| s.id);
    let data = json!({
        "order_id": order.id,
        "order_number": order.number,
        "shop": order.shop.slug,
    });
    Ok((shop_id, data, order))
}

/// Orders were placed (a checkout, or a phone order).
pub fn orders_placed(conn: &mut DbConn, ids: &[i64]) -> Result<(), ApiError> {
    for id in ids {
        let (shop_id, mut data, order) = order_data(conn, *id)?;
        data["status"] = json!(order.status);
        data["total_cents"] = json!(order.total_cents);
        data["currency"] = json!(order.currency);
        data["fulfilment"] = json!(order.fulfilment);
        emit(conn, shop_id, WebhookEvent::OrderPlaced, data)?;
        order_stock(conn, shop_id, &order)?;
    }
    Ok(())
}

/// The stock an order took (a checkout) or put back (a cancellation): `product.updated` with
/// the stock as it is now, for each of its products whose stock is counted, so a till that
/// mirrors the stock needs no polling.
fn order_stock(conn: &mut DbConn, shop_id: Option<i64>, order: &Order) -> Result<(), ApiError> {
    if webhook::subscribers(conn, shop_id, WebhookEvent::ProductUpdated)?.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = order_lines::table
        .filter(order_lines::order_id.eq(order.id))
        .select(order_lines::product_id)
        .load(conn)?;
    let counted: Vec<(i64, String, i32)> = products::table
        .filter(products::id.eq_any(&ids))
        .filter(products::stock.is_not_null())
        .order(products::id.asc())
        .select((
            products::id,
            products::slug,
            products::stock.assume_not_null(),
        ))
        .load(conn)?;
    for (id, slug, stock) in counted {
        let data = json!({
            "product_id": id,
            "product": slug,
            "shop": order.shop.slug,
            "order_number": order.number,
            "changed": { "stock": stock },
        });
        emit(conn, shop_id, WebhookEvent::ProductUpdated, data)?;
    }
    Ok(())
}

/// An order's status changed (to confirmed, ready, completed, or cancelled with a reason).
pub fn order_status_changed(conn: &mut DbConn, id: i64, to: OrderStatus) -> Result<(), ApiError> {
    let (shop_id, mut data, order) = order_data(conn, id)?;
    data["status"] = json!(to);
    if to == OrderStatus::Cancelled {
        data["reason"] = json!(order.cancel_reason);
    }
    emit(conn, shop_id, WebhookEvent::OrderStatusChanged, data)?;
    if to == OrderStatus::Cancelled {
        order_stock(conn, shop_id, &order)?;
    }
    Ok(())
}

/// An order's payment was recorded.
pub fn order_paid(conn: &mut DbConn, id: i64) -> Result<(), ApiError> {
    let (shop_id, mut data, order) = order_data(conn, id)?;
    data["payment_method"] = json!(order.payment_method);
    data["total_cents"] = json!(order.total_cents);
    data["currency"] = json!(order.currency);
    emit(conn, shop_id, WebhookEvent::OrderPaid, data)
}

/// An order's lines were changed after the call: its lines, total and what changed.
pub fn order_updated(conn: &mut DbConn, id: i64, changes: &str) -> Result<(), ApiError> {
    let (shop_id, mut data, order) = order_data(conn, id)?;
    data["lines"] = json!(order.lines);
    data["total_cents"] = json!(order.total_cents);
    data["currency"] = json!(order.currency);
    data["changes"] = json!(changes);
    emit(conn, shop_id, WebhookEvent::OrderUpdated, data)?;
    order_stock(conn, shop_id, &order)
}

fn product_data(conn: &mut DbConn, product: &ShopProductRow) -> Result<Value, ApiError> {
    let slug = shop::find(conn, product.shop_id)?.slug;
    Ok(json!({
        "product_id": product.id,
        "product": product.slug,
        "shop": slug,
    }))
}

/// A product was created.
pub fn product_created(conn: &mut DbConn, product: &ShopProductRow) -> Result<(), ApiError> {
    let mut data = product_data(conn, product)?;
    data["name"] = json!(product.name);
    data["price_cents"] = json!(product.price_cents);
    data["stock"] = json!(product.stock);
    data["status"] = json!(product.status);
    emit(
        conn,
        Some(product.shop_id),
        WebhookEvent::ProductCreated,
        data,
    )
}

/// A product's price, stock or status changed from `before` to `after`; nothing is sent
/// when none of them did.
pub fn product_updated(
    conn: &mut DbConn,
    before: &ShopProductRow,
    after: &ShopProductRow,
) -> Result<(), ApiError> {
    let mut changed = serde_json::Map::new();
    if before.price_cents != after.price_cents {
        changed.insert("price_cents".into(), json!(after.price_cents));
    }
    if before.stock != after.stock {
        changed.insert("stock".into(), json!(after.stock));
    }
    if before.status != after.status {
        changed.insert("status".into(), json!(after.status));
    }
    if changed.is_empty() {
        return Ok(());
    }
    let mut data = product_data(conn, after)?;
    data["changed"] = Value::Object(changed);
    emit(
        conn,
        Some(after.shop_id),
        WebhookEvent::ProductUpdated,
        data,
    )
}

/// A CSV import's changes, from the shop's products `before` it to those `after`:
/// `product.created` for each product it added, `product.updated` for each whose price,
/// stock or status it changed.
pub fn products_imported(
    conn: &mut DbConn,
    shop_id: i64,
    before: &HashMap<i64, ShopProductRow>,
    after: &HashMap<i64, ShopProductRow>,
) -> Result<(), ApiError> {
    let shop = Some(shop_id);
    if webhook::subscribers(conn, shop, WebhookEvent::ProductCreated)?.is_empty()
        && webhook::subscribers(conn, shop, WebhookEvent::ProductUpdated)?.is_empty()
    {
        return Ok(());
    }
    let mut ids: Vec<&i64> = after.keys().collect();
    ids.sort();
    for id in ids {
        let product = &after[id];
        match before.get(id) {
            Some(was) => product_updated(conn, was, product)?,
            None => product_created(conn, product)?,
        }
    }
    Ok(())
}

/// A product was archived: withdrawn for good.
pub fn product_deleted(conn: &mut DbConn, product: &ShopProductRow) -> Result<(), ApiError> {
    let data = product_data(conn, product)?;
    emit(
        conn,
        Some(product.shop_id),
        WebhookEvent::ProductDeleted,
        data,
    )
}

/// A shop applied to join (the association's endpoints).
pub fn shop_applied(conn: &mut DbConn, shop_id: i64) -> Result<(), ApiError> {
    let shop = shop::find(conn, shop_id)?;
    let data = json!({ "shop": shop.slug, "name": shop.name, "kind": shop.kind });
    emit(conn, None, WebhookEvent::ShopApplied, data)
}

/// A shop was approved (the association's endpoints).
pub fn shop_approved(conn: &mut DbConn, shop_id: i64) -> Result<(), ApiError> {
    let shop = shop::find(conn, shop_id)?;
    let data = json!({ "shop": shop.slug, "name": shop.name });
    emit(conn, None, WebhookEvent::ShopApproved, data)
}
