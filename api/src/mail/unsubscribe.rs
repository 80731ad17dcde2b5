//! The one-click unsubscribe of the messages that are not strictly transactional (the
//! delivery reminder, the daily summary, the admins' round warning): each carries a token
//! naming what it turns off, signed with HMAC-SHA256 under a key derived from the server's
//! signing secret (the one of the access tokens, shared by every instance), so a token
//! cannot be forged nor turned to another address or shop. A token does not expire: the
//! link of an old message keeps working, as RFC 8058 expects.
//!
//! Shape: `<what>.<signature>`, only `[a-z0-9.]`: `r.<hex address>` (delivery reminder),
//! `w.<hex address>` (round warning), `s.<shop id>.<account id>` (daily summary).

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// Characters of the signature kept (128 bits).
const SIGNATURE_CHARS: usize = 32;

/// What a token turns off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subscription {
    /// The evening-before delivery reminder, for this address.
    DeliveryReminder { address: String },
    /// The admins' evening-before warning, for this address.
    RoundWarning { address: String },
    /// A merchant's daily summary of one shop.
    DailySummary { shop_id: i64, user_id: i64 },
}

impl Subscription {
    /// The topic's name, as the API answers it.
    pub fn topic(&self) -> &'static str {
        match self {
            Subscription::DeliveryReminder { .. } => "delivery_reminder",
            Subscription::RoundWarning { .. } => "round_warning",
            Subscription::DailySummary { .. } => "daily_summary",
        }
    }

    fn payload(&self) -> String {
        match self {
            Subscription::DeliveryReminder { address } => {
                format!("r.{}", hex::encode(address.trim().to_lowercase()))
            }
            Subscription::RoundWarning { address } => {
                format!("w.{}", hex::encode(address.trim().to_lowercase()))
            }
            Subscription::DailySummary { shop_id, user_id } => format!("s.{shop_id}.{user_id}"),
        }
    }
}

/// The key unsubscribe tokens are signed with.
#[derive(Clone)]
pub struct UnsubscribeKey([u8; 32]);

impl std::fmt::Debug for UnsubscribeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UnsubscribeKey")
    }
}

impl UnsubscribeKey {
    /// Derived from the server's signing secret, for this use only.
    pub fn derive(secret: &str) -> UnsubscribeKey {
        let mut mac = hmac(secret.as_bytes());
        mac.update(b"vitrine unsubscribe tokens v1");
        UnsubscribeKey(mac.finalize().into_bytes().into())
    }

    fn signature(&self, payload: &str) -> String {
        let mut mac = hmac(&self.0);
        mac.update(payload.as_bytes());
        let mut signature = hex::encode(mac.finalize().into_bytes());
        signature.truncate(SIGNATURE_CHARS);
        signature
    }

    /// The token of `subscription`.
    pub fn token(&self, subscription: &Subscription) -> String {
        let payload = subscription.payload();
        format!("{payload}.{}", self.signature(&payload))
    }

    /// What a token turns off, if this server signed it.
    pub fn read(&self, token: &str) -> Option<Subscription> {
        let (payload, signature) = token.rsplit_once('.')?;
        let expected = self.signature(payload);
        // Compared in constant time.
        let same = signature.len() == expected.len()
            && signature
                .bytes()
                .zip(expected.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        if !same {
            return None;
        }
        let mut parts = payload.split('.');
        let subscription = match (parts.next()?, parts.next()?, parts.next()) {
            ("r", address, None) => Subscription::DeliveryReminder {
                address: String::from_utf8(hex::decode(address).ok()?).ok()?,
            },
            ("w", address, None) => Subscription::RoundWarning {
                address: String::from_utf8(hex::decode(address).ok()?).ok()?,
            },
            ("s", shop, Some(user)) => Subscription::DailySummary {
                shop_id: shop.parse().ok()?,
                user_id: user.parse().ok()?,
            },
            _ => return None,
        };
        parts.next().is_none().then_some(subscription)
    }
}

fn hmac(key: &[u8]) -> Hmac<Sha256> {
    // HMAC takes a key of any length.
    <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key length")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_reads_back_and_a_changed_one_does_not() {
        let key = UnsubscribeKey::derive("the marketplace's secret");
        for subscription in [
            Subscription::DeliveryReminder {
                address: "jeanne@example.fr".into(),
            },
            Subscription::RoundWarning {
                address: "admin@vitrine.demo".into(),
            },
            Subscription::DailySummary {
                shop_id: 3,
                user_id: 12,
            },
        ] {
            let token = key.token(&subscription);
            assert!(
                token
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.'),
                "{token}"
            );
            assert_eq!(key.read(&token), Some(subscription));
        }
        let token = key.token(&Subscription::DailySummary {
            shop_id: 3,
            user_id: 12,
        });
        let forged = token.replacen("s.3.12", "s.4.12", 1);
        assert_eq!(key.read(&forged), None);
        assert_eq!(UnsubscribeKey::derive("another secret").read(&token), None);
        assert_eq!(key.read("s.3.12"), None);
        assert_eq!(key.read(""), None);
    }
}
