//! Who is told what: each change that tells someone calls one function here inside its own
//! write transaction, which renders the e-mails in full and writes them into the outbox.
//! The message exists if and only if the change does; the worker sends it afterwards.
//!
//! - a website order: each merchant of its shop gets that shop's order (never another
//!   shop's), and the shopper, if they gave an e-mail address, one message per order;
//! - a phone order: only the shopper (the shop took it);
//! - confirmed, ready, cancelled: the shopper;
//! - a shop applied: every admin;
//! - a customer cancelled their order: the shop's merchants.
//!
//! Merchants who turned off the new-order messages of a shop get neither its new orders nor
//! its customers' cancellations. Scheduled messages (daily summary, reminders) are written
//! by `super::schedule` through [`Notices::write_once`].
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
use super::unsubscribe::{Subscription, UnsubscribeKey};
use super::{Email, MailSettings};
use crate::db::DbConn;
use crate::db::models::order::{self, View};
use crate::db::models::outbox::{self, Channel, NewMessage};
use crate::db::models::{marketplace, notifications, now, shop};
use crate::db::schema::{shop_members, users};
use crate::domain::language::Language;
use crate::error::ApiError;

// E-mail links (issue 12): a password reset, an address to verify.
mod account;

/// The topics of an account's own letters (a password reset, an address to verify): they
/// name the account's holder, and go with the account.
pub const ACCOUNT_TOPICS: [&str; 2] = [account::PASSWORD_RESET, account::VERIFY_EMAIL];

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
    /// Signs the one-click unsubscribe links.
    key: UnsubscribeKey,
}

/// Who an e-mail comes from, as the association set it (or the defaults).
#[derive(Debug, Clone)]
pub struct Sender {
    /// The sender's name; it also signs the messages.
    pub name: String,
    pub address: String,
    /// Where replies go when the message names no shop's address.
    pub reply_to: Option<String>,
}

/// One e-mail to write.
pub struct Letter<'a> {
    pub topic: &'a str,
    pub to: &'a str,
    /// The shop's address, for a shopper's order messages (empty: the association's).
    pub reply_to: Option<&'a str>,
    pub rendered: &'a Rendered,
    /// What its one-click unsubscribe turns off; `None` for a transactional message.
    pub unsubscribe: Option<Subscription>,
}

impl Default for Notices {
    /// Held messages with links to `http://localhost:8080` (tools and tests).
    fn default() -> Notices {
        Notices {
            base_url: "http://localhost:8080".into(),
            from_address: "vitrine@localhost".into(),
            sending: false,
            key: UnsubscribeKey::derive("tools and tests"),
        }
    }
}

impl Notices {
    /// From the settings; without `--public-url`, links point at the address the server
    /// listens on (`localhost` for an unspecified one such as `0.0.0.0`). The unsubscribe
    /// links are signed with a key derived from `secret` (the server's signing secret).
    pub fn new(settings: &MailSettings, bound: SocketAddr, sending: bool, secret: &str) -> Notices {
        let base_url = match &settings.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None if bound.ip().is_unspecified() => format!("http://localhost:{}", bound.port()),
            None => format!("http://{bound}"),
        };
        Notices {
            base_url,
            from_address: settings.mail_from.clone(),
            sending,
            key: UnsubscribeKey::derive(secret),
        }
    }

    /// The site's address, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The key of the unsubscribe tokens.
    pub fn unsubscribe_key(&self) -> &UnsubscribeKey {
        &self.key
    }

    /// The page that confirms an unsubscribe, for a message's last line.
    pub fn unsubscribe_page(&self, subscription: &Subscription) -> String {
        format!(
            "{}/desabonnement?jeton={}",
            self.base_url,
            self.key.token(subscription)
        )
    }

    /// The association's sender, or the defaults: the marketplace's name ("Vitrine" before
    /// it has one), `--mail-from`, no reply-to.
    pub fn sender(&self, conn: &mut DbConn) -> Result<Sender, ApiError> {
        let (name, address, reply_to) = notifications::sender(conn)?;
        let name = if name.is_empty() {
            sender_name(conn)?
        } else {
            name
        };
        Ok(Sender {
            name,
            address: if address.is_empty() {
                self.from_address.clone()
            } else {
                address
            },
            reply_to: (!reply_to.is_empty()).then_some(reply_to),
        })
    }

    /// The tracking page of an order.
    pub fn tracking_page(&self, order: &Order) -> String {
        self.tracking_link(order)
    }

    fn tracking_link(&self, order: &Order) -> String {
        format!("{}/suivi/{}", self.base_url, order.tracking_token)
    }

    /// The order in its shop's back-office inbox.
    pub fn back_office_link(&self, order: &Order) -> String {
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
        let sender = self.sender(conn)?;
        for id in ids {
            let order = order::load_as(conn, *id, View::Shop)?;
            let shop_email = shop_email_of(conn, &order)?;
            if to_shops {
                let rendered = templates::new_order_for_shop(
                    &order,
                    &self.back_office_link(&order),
                    &sender.name,
                );
                for merchant in merchants_of(conn, &order.shop.slug, &shop_email)? {
                    self.write(
                        conn,
                        &sender,
                        Letter {
                            topic: "order_placed_shop",
                            to: &merchant,
                            reply_to: None,
                            rendered: &rendered,
                            unsubscribe: None,
                        },
                    )?;
                }
            }
            if let Some(email) = &order.customer_email {
                let language = order::language_of(conn, *id)?;
                let rendered = templates::order_received(
                    &order,
                    &self.tracking_link(&order),
                    &sender.name,
                    language,
                );
                self.write(
                    conn,
                    &sender,
                    Letter {
                        topic: "order_placed_customer",
                        to: email,
                        reply_to: Some(&shop_email),
                        rendered: &rendered,
                        unsubscribe: None,
                    },
                )?;
            }
        }
        Ok(())
    }

    /// After a customer cancelled their own order: the shop's merchants who get its new
    /// orders are told, so nobody prepares it.
    pub fn cancelled_by_customer(&self, conn: &mut DbConn, id: i64) -> Result<(), ApiError> {
        let sender = self.sender(conn)?;
        let order = order::load_as(conn, id, View::Shop)?;
        let shop_email = shop_email_of(conn, &order)?;
        let rendered =
            templates::cancelled_by_customer(&order, &self.back_office_link(&order), &sender.name);
        for merchant in merchants_of(conn, &order.shop.slug, &shop_email)? {
            self.write(
                conn,
                &sender,
                Letter {
                    topic: "order_cancelled_shop",
                    to: &merchant,
                    reply_to: None,
                    rendered: &rendered,
                    unsubscribe: None,
                },
            )?;
        }
        Ok(())
    }

    /// A withdrawal (issue 15): the shop's merchants hear which lines, and the message.
    pub fn withdrawal_received(
        &self,
        conn: &mut DbConn,
        id: i64,
        products: &[String],
        message: &str,
    ) -> Result<(), ApiError> {
        let sender = self.sender(conn)?;
        let order = order::load_as(conn, id, View::Shop)?;
        let shop_email = shop_email_of(conn, &order)?;
        let rendered = templates::withdrawal_for_shop(
            &order,
            products,
            message,
            &self.back_office_link(&order),
            &sender.name,
        );
        for merchant in merchants_of(conn, &order.shop.slug, &shop_email)? {
            self.write(
                conn,
                &sender,
                Letter {
                    topic: "order_withdrawal_shop",
                    to: &merchant,
                    reply_to: None,
                    rendered: &rendered,
                    unsubscribe: None,
                },
            )?;
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
        let sender = self.sender(conn)?;
        let link = self.tracking_link(&order);
        let language = order::language_of(conn, id)?;
        let (topic, rendered) = match to {
            OrderStatus::Confirmed => (
                "order_confirmed",
                templates::order_confirmed(&order, &link, &sender.name, language),
            ),
            OrderStatus::Ready => {
                let hours = shop::find_by_slug(conn, &order.shop.slug)?
                    .map(|shop| shop.opening_hours())
                    .unwrap_or_default();
                (
                    "order_ready",
                    templates::order_ready(&order, &hours, &link, &sender.name, language),
                )
            }
            OrderStatus::Cancelled => {
                let reason = match (order.cancel_reason.as_deref(), language) {
                    (Some(AUTO_RELEASED), Language::Fr) => {
                        "la boutique ne l'a pas confirmée à temps ; les articles sont remis en vente"
                    }
                    (Some(AUTO_RELEASED), Language::En) => {
                        "the shop did not confirm it in time; the items are back on sale"
                    }
                    (Some("cancelled by the customer"), Language::Fr) => "vous l'avez annulée",
                    (Some("cancelled by the customer"), Language::En) => "you cancelled it",
                    // The shop's own words, as it wrote them.
                    (Some(reason), _) => reason,
                    (None, Language::Fr) => "non précisée",
                    (None, Language::En) => "not given",
                };
                (
                    "order_cancelled",
                    templates::order_cancelled(&order, reason, &link, &sender.name, language),
                )
            }
            OrderStatus::Placed | OrderStatus::Completed => return Ok(()),
        };
        let shop_email = shop_email_of(conn, &order)?;
        self.write(
            conn,
            &sender,
            Letter {
                topic,
                to: &email,
                reply_to: Some(&shop_email),
                rendered: &rendered,
                unsubscribe: None,
            },
        )?;
        Ok(())
    }

    /// After the shop changed an order's lines: the shopper reads what was agreed, each
    /// change and the new total.
    pub fn lines_changed(
        &self,
        conn: &mut DbConn,
        id: i64,
        note: &str,
        changes: &str,
    ) -> Result<(), ApiError> {
        let order = order::load_as(conn, id, View::Shop)?;
        let Some(email) = order.customer_email.clone() else {
            return Ok(());
        };
        let sender = self.sender(conn)?;
        let link = self.tracking_link(&order);
        let language = order::language_of(conn, id)?;
        let rendered =
            templates::order_lines_changed(&order, note, changes, &link, &sender.name, language);
        let shop_email = shop_email_of(conn, &order)?;
        self.write(
            conn,
            &sender,
            Letter {
                topic: "order_lines_changed",
                to: &email,
                reply_to: Some(&shop_email),
                rendered: &rendered,
                unsubscribe: None,
            },
        )?;
        Ok(())
    }

    /// After a shop applied to join: every active admin is asked to look at it.
    pub fn shop_applied(
        &self,
        conn: &mut DbConn,
        shop_id: i64,
        applicant: &str,
    ) -> Result<(), ApiError> {
        let shop = shop::find(conn, shop_id)?;
        let sender = self.sender(conn)?;
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
            &sender.name,
        );
        let admins: Vec<String> = users::table
            .filter(users::role.eq(Role::Admin.as_str()))
            .filter(users::suspended_at.is_null())
            .order(users::id.asc())
            .select(users::email)
            .load(conn)?;
        for admin in admins {
            self.write(
                conn,
                &sender,
                Letter {
                    topic: "shop_applied",
                    to: &admin,
                    reply_to: None,
                    rendered: &rendered,
                    unsubscribe: None,
                },
            )?;
        }
        Ok(())
    }

    /// Writes one e-mail to one address, unless it is empty or was refused for good;
    /// whether it was written.
    pub fn write(
        &self,
        conn: &mut DbConn,
        sender: &Sender,
        letter: Letter,
    ) -> Result<bool, ApiError> {
        let message_id = format!("<{}@{}>", uuid::Uuid::new_v4().simple(), self.domain());
        self.write_as(conn, sender, letter, &message_id)
    }

    /// Writes one e-mail under a Message-ID derived from what it is about (`key`, e.g.
    /// `summary.3.2026-12-04.12`): a second write of the same message (another tick,
    /// another instance) writes nothing. Whether it was written.
    pub fn write_once(
        &self,
        conn: &mut DbConn,
        sender: &Sender,
        letter: Letter,
        key: &str,
    ) -> Result<bool, ApiError> {
        let message_id = format!("<{key}@{}>", self.domain());
        if outbox::exists(conn, &message_id)? {
            return Ok(false);
        }
        self.write_as(conn, sender, letter, &message_id)
    }

    /// Whether the message written once under `key` exists (an error reads as "no": the
    /// write that follows will not write it twice anyway).
    pub fn is_written(&self, conn: &mut DbConn, key: &str) -> bool {
        outbox::exists(conn, &format!("<{key}@{}>", self.domain())).unwrap_or(false)
    }

    /// The Message-IDs' domain: `--mail-from`'s (stable whatever the admins set).
    fn domain(&self) -> &str {
        self.from_address
            .rsplit_once('@')
            .map_or("vitrine", |(_, domain)| domain)
    }

    fn write_as(
        &self,
        conn: &mut DbConn,
        sender: &Sender,
        letter: Letter,
        message_id: &str,
    ) -> Result<bool, ApiError> {
        let to = letter.to.trim();
        if to.is_empty() || outbox::is_refused(conn, to)? {
            return Ok(false);
        }
        let rendered = letter.rendered;
        let reply_to = letter
            .reply_to
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .or_else(|| sender.reply_to.clone());
        let email = Email {
            from: format!(
                "{} <{}>",
                sender.name.replace(['<', '>', '"'], ""),
                sender.address
            ),
            to: to.to_owned(),
            reply_to,
            subject: rendered.subject.clone(),
            text: rendered.text.clone(),
            html: rendered.html.clone(),
            list_unsubscribe: letter.unsubscribe.as_ref().map(|subscription| {
                format!(
                    "{}/api/v1/unsubscribe?token={}",
                    self.base_url,
                    self.key.token(subscription)
                )
            }),
        };
        let payload = serde_json::to_string(&email).map_err(anyhow::Error::from)?;
        let written = outbox::insert_once(
            conn,
            &NewMessage {
                channel: Channel::Email,
                topic: letter.topic,
                recipient: to,
                subject: &rendered.subject,
                payload: &payload,
                message_id,
                state: if self.sending {
                    MailState::Pending
                } else {
                    MailState::Held
                },
            },
            now(),
        )?;
        Ok(written)
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

/// The addresses of the shop's merchants (accounts not suspended) who get its new orders,
/// each once; the shop's own address when it has no merchant.
fn merchants_of(conn: &mut DbConn, slug: &str, shop_email: &str) -> Result<Vec<String>, ApiError> {
    let shop_id = match shop::find_by_slug(conn, slug)? {
        Some(shop) => shop.id,
        None => return Ok(Vec::new()),
    };
    let members: Vec<(i64, String)> = shop_members::table
        .inner_join(users::table)
        .filter(shop_members::shop_id.eq(shop_id))
        .filter(users::suspended_at.is_null())
        .order(users::id.asc())
        .select((users::id, users::email))
        .load(conn)?;
    if members.is_empty() {
        return Ok(if shop_email.trim().is_empty() {
            Vec::new()
        } else {
            vec![shop_email.to_owned()]
        });
    }
    let choices = notifications::choices_of_shop(conn, shop_id)?;
    let mut seen = std::collections::HashSet::new();
    Ok(members
        .into_iter()
        .filter(|(id, _)| choices.get(id).is_none_or(|c| c.new_order))
        .map(|(_, address)| address)
        .filter(|address| seen.insert(address.trim().to_lowercase()))
        .collect())
}
