//! Posts one delivery: the address checked and resolved again ([`address`]), the
//! connection pinned to the address checked, no proxy, no redirect followed, 15 s at most,
//! at most 64 KB of the answer read.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::address::{self, Policy};

/// The longest a delivery may take.
pub const TIMEOUT: Duration = Duration::from_secs(15);
/// The most of an answer read.
pub const MAX_RESPONSE: usize = 64 * 1024;
/// The most of an answer kept in the log.
pub const EXCERPT_CHARS: usize = 500;

/// What came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status, or `None` when none came (refused address, no connection, timeout).
    pub status: Option<u16>,
    /// The start of the body, or why there was none.
    pub excerpt: String,
    /// A `Retry-After` header's value.
    pub retry_after: Option<String>,
    pub duration: Duration,
}

/// The HTTP client side, one per process.
#[derive(Clone)]
pub struct Sender {
    policy: Policy,
    tls: Arc<rustls::ClientConfig>,
}

impl std::fmt::Debug for Sender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sender")
            .field("policy", &self.policy)
            .finish()
    }
}

/// Makes ring the process's rustls crypto provider, unless one is set: reqwest is built
/// without a provider of its own (ring is the one the mail client uses already), so every
/// `reqwest::Client` of the process (the tests' too) needs it before it is built.
pub fn install_crypto() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

impl Sender {
    /// TLS by rustls with ring (the crypto the mail client already uses) and Mozilla's roots.
    pub fn new(policy: Policy) -> anyhow::Result<Sender> {
        install_crypto();
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let mut tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
        tls.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Sender {
            policy,
            tls: Arc::new(tls),
        })
    }

    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// Posts `body` to `url` with the Standard Webhooks headers.
    pub async fn post(
        &self,
        url: &str,
        id: &str,
        timestamp: i64,
        signature: &str,
        body: String,
    ) -> Answer {
        let started = Instant::now();
        let refused = |why: String| Answer {
            status: None,
            excerpt: why,
            retry_after: None,
            duration: started.elapsed(),
        };
        let target = match address::parse_target(url, self.policy) {
            Ok(target) => target,
            Err(why) => return refused(format!("refused: the address {why}")),
        };
        let pinned =
            match address::resolve_checked(&target, self.policy, address::system_resolve).await {
                Ok(pinned) => pinned,
                Err(why) => return refused(format!("refused: {why}")),
            };
        let client = match reqwest::Client::builder()
            .tls_backend_preconfigured((*self.tls).clone())
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(TIMEOUT)
            .resolve(&target.host, pinned)
            .build()
        {
            Ok(client) => client,
            Err(err) => return refused(format!("no HTTP client: {err}")),
        };
        let sent = client
            .post(target.url.clone())
            .header("content-type", "application/json")
            .header("user-agent", "Vitrine-Webhooks/1")
            .header("webhook-id", id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(body)
            .send()
            .await;
        let mut response = match sent {
            Ok(response) => response,
            Err(err) => return refused(describe(&err)),
        };
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let mut read = Vec::new();
        let mut note = String::new();
        while read.len() < MAX_RESPONSE {
            match response.chunk().await {
                Ok(Some(chunk)) => read.extend_from_slice(&chunk),
                Ok(None) => break,
                Err(err) => {
                    note = format!(" (answer cut: {})", describe(&err));
                    break;
                }
            }
        }
        read.truncate(MAX_RESPONSE);
        let mut excerpt: String = String::from_utf8_lossy(&read)
            .chars()
            .take(EXCERPT_CHARS)
            .collect();
        excerpt.push_str(&note);
        Answer {
            status: Some(status),
            excerpt,
            retry_after,
            duration: started.elapsed(),
        }
    }
}

fn describe(err: &reqwest::Error) -> String {
    if err.is_timeout() {
        format!("no answer within {} s", TIMEOUT.as_secs())
    } else if err.is_connect() {
        "could not connect".to_owned()
    } else {
        format!("failed: {err}")
    }
}
