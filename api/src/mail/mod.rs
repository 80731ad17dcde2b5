//! E-mails (issue 12): who is told what, and how it leaves the server.
//!
//! A change that tells someone (a checkout, a status change, a shop's application) writes
//! its e-mails into the outbox in its own transaction ([`notices`]), rendered in full from
//! the French [`templates`]; the outbox's worker (`crate::outbox`) sends them through
//! [`smtp`]. Without `--smtp-url` nothing is sent: the messages are kept (`held`) and the
//! admins read them in their mailbox (`GET /admin/mail`). Scheduled messages (the shops'
//! daily summary, the evening-before reminders) are written by [`schedule`]; who gets what
//! follows each person's settings (`db::models::notifications`), and the messages that are
//! not strictly transactional carry a one-click unsubscribe ([`unsubscribe`]).

pub mod notices;
pub mod schedule;
pub mod smtp;
pub mod templates;
pub mod unsubscribe;

use clap::Args;
use serde::{Deserialize, Serialize};

/// How e-mails are sent, and what their links point to.
#[derive(Debug, Clone, Args)]
pub struct MailSettings {
    /// The mail server: `smtp://user:password@host:587` (STARTTLS, required) or
    /// `smtps://user:password@host:465` (TLS from the start); user and password are
    /// percent-encoded. Without it, e-mails are not sent: they are kept for the
    /// association's mailbox.
    #[arg(long, env = "VITRINE_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// Allows `smtp://` without TLS, and only to a loopback address (`127.0.0.1`, `::1`,
    /// `localhost`): for tests and a relay on the same machine.
    #[arg(long, env = "VITRINE_SMTP_PLAIN_ON_LOOPBACK")]
    pub smtp_plain_on_loopback: bool,
    /// The sender's address; the marketplace's name is the sender's name.
    #[arg(long, env = "VITRINE_MAIL_FROM", default_value = "vitrine@localhost")]
    pub mail_from: String,
    /// The address people reach the site at (`https://commerces-uzes.fr`), for the links in
    /// e-mails; by default the address the server listens on.
    #[arg(long, env = "VITRINE_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Milliseconds between two looks of the worker at the outbox.
    #[arg(long, env = "VITRINE_OUTBOX_POLL_MS", default_value_t = 2_000)]
    pub outbox_poll_ms: u64,
    /// Milliseconds before the first retry of a message the mail server did not take; the
    /// next ones wait 5, 30, 120, 300 and then 600 times as long.
    #[arg(long, env = "VITRINE_OUTBOX_RETRY_MS", default_value_t = 60_000)]
    pub outbox_retry_ms: u64,
    /// Seconds between two looks for scheduled e-mails (the shops' daily summaries, the
    /// evening-before reminders); 0 turns them off.
    #[arg(long, env = "VITRINE_SCHEDULE_SECONDS", default_value_t = 60)]
    pub schedule_seconds: u64,
}

impl Default for MailSettings {
    fn default() -> MailSettings {
        MailSettings {
            smtp_url: None,
            smtp_plain_on_loopback: false,
            mail_from: "vitrine@localhost".into(),
            public_url: None,
            outbox_poll_ms: 2_000,
            outbox_retry_ms: 60_000,
            schedule_seconds: 60,
        }
    }
}

/// An e-mail as the outbox keeps it (its `payload`): everything needed to send it again,
/// byte for byte the same text, whatever changed since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    /// `Name <address>`.
    pub from: String,
    /// One address: each recipient gets a message of their own.
    pub to: String,
    /// Where replies go (the shop's address for a shopper's order messages).
    pub reply_to: Option<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The one-click unsubscribe URL of a message that is not strictly transactional
    /// (`List-Unsubscribe`, RFC 2369, with `List-Unsubscribe-Post`, RFC 8058).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_unsubscribe: Option<String>,
}

/// The header RFC 8058 asks beside `List-Unsubscribe` for a one-click POST.
pub const LIST_UNSUBSCRIBE_POST: &str = "List-Unsubscribe=One-Click";

impl Email {
    /// The headers as sent, for the mailbox.
    pub fn headers(&self, message_id: &str) -> Vec<shared::mail::MailHeader> {
        let header = |name: &str, value: &str| shared::mail::MailHeader {
            name: name.to_owned(),
            value: value.to_owned(),
        };
        let mut headers = vec![header("From", &self.from), header("To", &self.to)];
        if let Some(reply_to) = &self.reply_to {
            headers.push(header("Reply-To", reply_to));
        }
        headers.push(header("Subject", &self.subject));
        headers.push(header("Message-ID", message_id));
        if let Some(url) = &self.list_unsubscribe {
            headers.push(header("List-Unsubscribe", &format!("<{url}>")));
            headers.push(header("List-Unsubscribe-Post", LIST_UNSUBSCRIBE_POST));
        }
        headers
    }
}
