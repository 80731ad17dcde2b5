//! Who is told what: each change that tells someone calls one function here inside its own
//! write transaction, which renders the e-mails in full and writes them into the outbox.
//! The message exists if and only if the change does; the worker sends it afterwards.
//!
//! - a website order: each merchant of its shop gets that shop's order (never another
//!   shop's), and the shopper, if they gave an e-mail address, one message per order;
//! - a phone order: only the shopper (the shop took it);
//! - confirmed, ready, cancelled: the shopper;
//! - a shop applied: every admin.
//!
//! Each recipient gets a message of their own, so no one sees another's address. An address
//! a mail server refused for good gets nothing more.

use std::net::SocketAddr;

use diesel::prelude::*;
use shared::auth::Role;
use shared::mail::MailState;
use shared::order::{Order, OrderStatus};
use shared::shop_orders::AUTO_RELEASED;

use super::templates::{self, Application, Rendered};
use super::{Email, MailSettings};
use crate::db::DbConn;
use crate::db::models::order::{self, View};
use crate::db::models::outbox::{self, Channel, NewMessage};
use crate::db::models::{marketplace, now, shop};
use crate::db::schema::{shop_members, users};
use crate::error::ApiError;

/// What writing an e-mail needs: where links point, who sends, and whether messages are
/// sent (an SMTP server is configured) or kept for the mailbox.
#[derive(Debug, Clone)]
pub struct Notices {
    /// The site's address, without a trailing slash.
    base_url: String,
    /// The sender's address.
    from_address: String,
    /// Whether a mail server takes the messages; if not, they are written `held`.
    sending: bool,
}

impl Default for Notices {
    /// Held messages with links to `http://localhost:8080` (tools and tests).
    fn default() -> Notices {
        Notices {
            base_url: "http://localhost:8080".into(),
            from_address: "vitrine@localhost".into(),
            sending: false,
        }
    }
}

impl Notices {
    /// From the settings; without `--public-url`, links point at the address the server
    /// listens on (`localhost` for an unspecified one such as `0.0.0.0`).
    pub fn new(settings: &MailSettings, bound: SocketAddr, sending: bool) -> Notices {
        let base_url = match &settings.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None if bound.ip().is_unspecified() => format!("http://localhost:{}", bound.port()),
            None => format!("http://{bound}"),
        };
        Notices {
            base_url,
            from_address: settings.mail_from.clone(),
            sending,
        }
    }

    fn tracking_link(&self, order: &Order) -> String {
        format!("{}/suivi/{}", self.base_url, order.tracking_token)
    }

    /// The order in its shop's back-office inbox.
    fn back_office_link(&self, order: &Order) -> String {
        format!(
            "{}/gestion/{}/commandes?commande={}",
            self.base_url, order.shop.slug, order.id
        )
    }

    /// After a checkout (`to_shops`) or a phone order (not): the shops' merchants get their
    /// own order each, the shopper one message per order.
    pub fn orders_placed(
        &self,
        conn: &mut DbConn,
        ids: &[i64],
        to_shops: bool,
    ) -> Result<(), ApiError> {
        let sender = sender_name(conn)?;
        for id in ids {
            let order = order::load_as(conn, *id, View::Shop)?;
            let shop_email = shop_email_of(conn, &order)?;
            if to_shops {
                let rendered =
                    templates::new_order_for_shop(&order, &self.back_office_link(&order), &sender);
                for merchant in merchants_of(conn, &order.shop.slug, &shop_email)? {
                    self.write(
                        conn,
                        "order_placed_shop",
                        &merchant,
                        None,
                        &rendered,
                        &sender,
                    )?;
                }
            }
            if let Some(email) = &order.customer_email {
                let rendered =
                    templates::order_received(&order, &self.tracking_link(&order), &sender);
                self.write(
                    conn,
                    "order_placed_customer",
                    email,
                    Some(&shop_email),
                    &rendered,
                    &sender,
                )?;
            }
        }
        Ok(())
    }

    /// After an order's status changed: the shopper hears of a confirmation, of the order
    /// being ready, or of a cancellation with its reason. Other steps tell no one.
    pub fn order_changed(
        &self,
        conn: &mut DbConn,
        id: i64,
        to: OrderStatus,
    ) -> Result<(), ApiError> {
        let order = order::load_as(conn, id, View::Shop)?;
        let Some(email) = order.customer_email.clone() else {
            return Ok(());
        };
        let sender = sender_name(conn)?;
        let link = self.tracking_link(&order);
        let (topic, rendered) = match to {
            OrderStatus::Confirmed => (
                "order_confirmed",
                templates::order_confirmed(&order, &link, &sender),
            ),
            OrderStatus::Ready => {
                let hours = shop::find_by_slug(conn, &order.shop.slug)?
                    .map(|shop| shop.opening_hours())
                    .unwrap_or_default();
                (
                    "order_ready",
                    templates::order_ready(&order, &hours, &link, &sender),
                )
            }
            OrderStatus::Cancelled => {
                let reason = match order.cancel_reason.as_deref() {
                    Some(AUTO_RELEASED) => {
                        "la boutique ne l'a pas confirmée à temps ; les articles sont remis en vente"
                    }
                    Some("cancelled by the customer") => "vous l'avez annulée",
                    Some(reason) => reason,
                    None => "non précisée",
                };
                (
                    "order_cancelled",
                    templates::order_cancelled(&order, reason, &link, &sender),
                )
            }
            OrderStatus::Placed | OrderStatus::Completed => return Ok(()),
        };
        let shop_email = shop_email_of(conn, &order)?;
        self.write(conn, topic, &email, Some(&shop_email), &rendered, &sender)
    }

    /// After a shop applied to join: every active admin is asked to look at it.
    pub fn shop_applied(
        &self,
        conn: &mut DbConn,
        shop_id: i64,
        applicant: &str,
    ) -> Result<(), ApiError> {
        let shop = shop::find(conn, shop_id)?;
        let sender = sender_name(conn)?;
        let kind = match shop.kind.as_str() {
            "food" => "alimentation",
            "restaurant" => "restaurant",
            _ => "commerce non alimentaire",
        };
        let rendered = templates::shop_applied(
            &Application {
                shop_name: &shop.name,
                kind,
                commune: &shop.commune,
                phone: &shop.phone,
                email: &shop.email,
                applicant,
            },
            &format!("{}/gestion/association", self.base_url),
            &sender,
        );
        let admins: Vec<String> = users::table
            .filter(users::role.eq(Role::Admin.as_str()))
            .filter(users::suspended_at.is_null())
            .order(users::id.asc())
            .select(users::email)
            .load(conn)?;
        for admin in admins {
            self.write(conn, "shop_applied", &admin, None, &rendered, &sender)?;
        }
        Ok(())
    }

    /// Writes one e-mail to one address, unless it is empty or was refused for good.
    fn write(
        &self,
        conn: &mut DbConn,
        topic: &str,
        to: &str,
        reply_to: Option<&str>,
        rendered: &Rendered,
        sender: &str,
    ) -> Result<(), ApiError> {
        let to = to.trim();
        if to.is_empty() || outbox::is_refused(conn, to)? {
            return Ok(());
        }
        let email = Email {
            from: format!(
                "{} <{}>",
                sender.replace(['<', '>', '"'], ""),
                self.from_address
            ),
            to: to.to_owned(),
            reply_to: reply_to
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned),
            subject: rendered.subject.clone(),
            text: rendered.text.clone(),
            html: rendered.html.clone(),
        };
        let payload = serde_json::to_string(&email).map_err(anyhow::Error::from)?;
        let domain = self
            .from_address
            .rsplit_once('@')
            .map_or("vitrine", |(_, domain)| domain);
        let message_id = format!("<{}@{domain}>", uuid::Uuid::new_v4().simple());
        outbox::insert(
            conn,
            &NewMessage {
                channel: Channel::Email,
                topic,
                recipient: to,
                subject: &rendered.subject,
                payload: &payload,
                message_id: &message_id,
                state: if self.sending {
                    MailState::Pending
                } else {
                    MailState::Held
                },
            },
            now(),
        )?;
        Ok(())
    }
}

/// The sender's name: the marketplace's, or "Vitrine" before it has one.
fn sender_name(conn: &mut DbConn) -> Result<String, ApiError> {
    let name = marketplace::load(conn)?.name;
    Ok(if name.trim().is_empty() {
        "Vitrine".to_owned()
    } else {
        name
    })
}

fn shop_email_of(conn: &mut DbConn, order: &Order) -> Result<String, ApiError> {
    Ok(shop::find_by_slug(conn, &order.shop.slug)?
        .map(|shop| shop.email)
        .unwrap_or_default())
}

/// The addresses of the shop's merchants (accounts not suspended), each once; the shop's
/// own address when it has no merchant.
fn merchants_of(conn: &mut DbConn, slug: &str, shop_email: &str) -> Result<Vec<String>, ApiError> {
    let shop_id = match shop::find_by_slug(conn, slug)? {
        Some(shop) => shop.id,
        None => return Ok(Vec::new()),
    };
    let mut addresses: Vec<String> = shop_members::table
        .inner_join(users::table)
        .filter(shop_members::shop_id.eq(shop_id))
        .filter(users::suspended_at.is_null())
        .order(users::id.asc())
        .select(users::email)
        .load(conn)?;
    if addresses.is_empty() && !shop_email.trim().is_empty() {
        addresses.push(shop_email.to_owned());
    }
    let mut seen = std::collections::HashSet::new();
    addresses.retain(|address| seen.insert(address.trim().to_lowercase()));
    Ok(addresses)
}
