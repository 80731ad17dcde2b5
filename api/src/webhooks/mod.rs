//! Webhooks (issue 17): a shop's (or the association's) endpoints are told of orders,
//! products and shops, signed as Standard Webhooks sign, through the outbox: the event is
//! written in the change's transaction ([`events`]), the [`worker`] posts it with retries on
//! its own [`schedule`], only to addresses the [`address`] filter allows.

pub mod address;
pub mod events;
pub mod schedule;
pub mod sender;
pub mod signing;
pub mod worker;

use clap::Args;

/// The webhooks' options of `vitrine serve`.
#[derive(Debug, Clone, Args)]
pub struct WebhookSettings {
    /// Let webhooks use plain `http` to this machine (loopback): for development and tests.
    /// Without it, only `https` to public addresses.
    #[arg(long, env = "VITRINE_ALLOW_INSECURE_WEBHOOKS")]
    pub allow_insecure_webhooks: bool,
    /// Let webhooks reach nothing but this machine (the contract fuzzer's server).
    #[arg(long, env = "VITRINE_WEBHOOKS_LOOPBACK_ONLY")]
    pub webhooks_loopback_only: bool,
    /// Milliseconds between two looks of the webhooks' worker at the outbox.
    #[arg(long, env = "VITRINE_WEBHOOK_POLL_MS", default_value_t = 1_000)]
    pub webhook_poll_ms: u64,
}

impl Default for WebhookSettings {
    /// `https` to public addresses only, a look every second.
    fn default() -> WebhookSettings {
        WebhookSettings {
            allow_insecure_webhooks: false,
            webhooks_loopback_only: false,
            webhook_poll_ms: 1_000,
        }
    }
}

impl WebhookSettings {
    pub fn policy(&self) -> address::Policy {
        address::Policy {
            allow_insecure: self.allow_insecure_webhooks,
            loopback_only: self.webhooks_loopback_only,
        }
    }
}
