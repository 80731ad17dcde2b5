//! Limits on what a stranger can exhaust: how many password hashes and picture decodings
//! run at once (the rest wait briefly, then get 503 with `Retry-After`), how many failed
//! logins an account or an address may make in a window (see `login_throttle`), how many
//! baskets an address may start in an hour and how long an untouched anonymous basket is
//! kept, and what one customer may have waiting for the shops' confirmation (see
//! `db::models::open_orders`). The numbers are settings (`vitrine serve --help`); the gates
//! are shared by every handler of the process through `AppState`.

use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use clap::Args;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

use crate::error::ApiError;

/// The configurable limits.
#[derive(Debug, Clone, Args)]
pub struct Limits {
    /// Length of the window in which failed logins are counted, in seconds; an account or
    /// an address over its limit is refused (429) until the window passes.
    #[arg(long, env = "VITRINE_LOGIN_WINDOW_SECONDS", default_value_t = 900)]
    pub login_window_seconds: u64,
    /// Failed logins per account in a window.
    #[arg(long, env = "VITRINE_LOGIN_FAILURES_PER_ACCOUNT", default_value_t = 5)]
    pub login_failures_per_account: u32,
    /// Failed logins per client address in a window (a family or an office shares one).
    #[arg(long, env = "VITRINE_LOGIN_FAILURES_PER_ADDRESS", default_value_t = 30)]
    pub login_failures_per_address: u32,
    /// Password hashes computed at once (each takes 19 MiB); 0: as many as there are cores.
    #[arg(long, env = "VITRINE_HASHES_AT_ONCE", default_value_t = 0)]
    pub hashes_at_once: usize,
    /// Pictures decoded and resized at once (each may take up to 144 MB).
    #[arg(long, env = "VITRINE_PICTURES_AT_ONCE", default_value_t = 2)]
    pub pictures_at_once: usize,
    // Hoarding (issue 10).
    /// New baskets one client address may start in an hour (429 with `Retry-After` beyond).
    #[arg(
        long,
        env = "VITRINE_BASKETS_PER_ADDRESS_PER_HOUR",
        default_value_t = 30
    )]
    pub baskets_per_address_per_hour: u32,
    /// Days after which an anonymous basket nobody touched is deleted with its lines (a
    /// basket that became an order is kept).
    #[arg(long, env = "VITRINE_BASKET_DAYS", default_value_t = 30)]
    pub basket_days: u32,
    /// Website orders waiting for the shops' confirmation that one phone number, one e-mail
    /// address or one client address may have at once (422 beyond).
    #[arg(long, env = "VITRINE_OPEN_ORDERS_PER_CUSTOMER", default_value_t = 10)]
    pub open_orders_per_customer: u32,
    /// Units in those orders, likewise.
    #[arg(long, env = "VITRINE_OPEN_UNITS_PER_CUSTOMER", default_value_t = 200)]
    pub open_units_per_customer: u32,
    /// Seconds between two rounds of housekeeping (deleting old anonymous baskets,
    /// releasing the guest orders the shops did not confirm in time); a round also runs at
    /// start.
    #[arg(long, env = "VITRINE_HOUSEKEEPING_SECONDS", default_value_t = 3600)]
    pub housekeeping_seconds: u64,
    // Integrators (issue 17).
    /// Requests one API key may make in a minute (429 with `Retry-After` beyond); counted
    /// in the database, so the limit holds across instances on one PostgreSQL.
    #[arg(
        long,
        env = "VITRINE_API_KEY_REQUESTS_PER_MINUTE",
        default_value_t = 600
    )]
    pub api_key_requests_per_minute: u32,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            login_window_seconds: 900,
            login_failures_per_account: 5,
            login_failures_per_address: 30,
            hashes_at_once: 0,
            pictures_at_once: 2,
            baskets_per_address_per_hour: 30,
            basket_days: 30,
            open_orders_per_customer: 10,
            open_units_per_customer: 200,
            housekeeping_seconds: 3600,
            api_key_requests_per_minute: 600,
        }
    }
}

/// How long a password check waits for a free slot before answering 503.
const HASH_WAIT: Duration = Duration::from_secs(5);
/// How long an upload waits for a free decoder before answering 503.
const PICTURE_WAIT: Duration = Duration::from_secs(10);

/// The limits of this process, with its semaphores.
pub struct Gates {
    pub limits: Limits,
    hashing: Arc<Semaphore>,
    /// Password hashing runs on threads of its own, as many as it has slots, each keeping
    /// its 19 MiB of Argon2 memory for its next hash (see `auth`): on the shared pool of
    /// blocking threads every one of them would keep a buffer, and the process's memory
    /// would grow with the crowd all the same.
    pub hashers: Workers,
    pictures: Arc<Semaphore>,
}

type Job = Box<dyn FnOnce() + Send>;

/// A fixed set of threads running jobs in turn.
pub struct Workers {
    jobs: mpsc::Sender<Job>,
}

impl Workers {
    /// `count` threads, which end when the `Workers` is dropped.
    pub fn new(count: usize, name: &str) -> Workers {
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for i in 0..count.max(1) {
            let queue = Arc::clone(&queue);
            let spawned = std::thread::Builder::new()
                .name(format!("{name}-{i}"))
                .spawn(move || {
                    loop {
                        let job = match queue.lock() {
                            Ok(queue) => queue.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return,
                        }
                    }
                });
            if let Err(err) = spawned {
                tracing::error!("cannot start a {name} thread: {err}");
            }
        }
        Workers { jobs }
    }

    /// Runs `f` on one of the threads and waits for its result.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let (done, result) = oneshot::channel();
        self.jobs
            .send(Box::new(move || {
                let _ = done.send(f());
            }))
            .map_err(|_| ApiError::Internal(anyhow::anyhow!("the worker threads are gone")))?;
        result
            .await
            .map_err(|_| ApiError::Internal(anyhow::anyhow!("a worker thread failed")))
    }
}

impl Gates {
    pub fn new(limits: Limits) -> Gates {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        let hashes = if limits.hashes_at_once == 0 {
            cores
        } else {
            limits.hashes_at_once
        };
        Gates {
            hashing: Arc::new(Semaphore::new(hashes)),
            hashers: Workers::new(hashes, "hasher"),
            pictures: Arc::new(Semaphore::new(limits.pictures_at_once.max(1))),
            limits,
        }
    }

    /// A slot to hash or verify a password; move it into the blocking task that hashes.
    pub async fn hashing_slot(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        acquire(&self.hashing, HASH_WAIT, "passwords").await
    }

    /// A slot to decode and resize a picture; move it into the blocking task.
    pub async fn picture_slot(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        acquire(&self.pictures, PICTURE_WAIT, "pictures").await
    }
}

impl Default for Gates {
    fn default() -> Gates {
        Gates::new(Limits::default())
    }
}

/// Waits at most `wait` for a permit, else a 503 saying when to come back.
async fn acquire(
    semaphore: &Arc<Semaphore>,
    wait: Duration,
    what: &str,
) -> Result<OwnedSemaphorePermit, ApiError> {
    let busy = || ApiError::RetryLater {
        busy: true,
        retry_after: 2,
        detail: format!("the server is busy with other {what}: try again in a few seconds"),
    };
    match actix_web::rt::time::timeout(wait, Arc::clone(semaphore).acquire_owned()).await {
        Ok(Ok(permit)) => Ok(permit),
        Ok(Err(_)) | Err(_) => Err(busy()),
    }
}

#[cfg(test)]
mod tests {
    use actix_web::ResponseError;

    use super::*;

    #[actix_web::test]
    async fn a_full_gate_answers_503_with_retry_after_once_the_wait_is_over() {
        let gate = Arc::new(Semaphore::new(1));
        let held = acquire(&gate, Duration::from_millis(10), "pictures")
            .await
            .unwrap();
        let refused = acquire(&gate, Duration::from_millis(20), "pictures")
            .await
            .unwrap_err();
        let response = refused.error_response();
        assert_eq!(response.status().as_u16(), 503);
        assert_eq!(response.headers().get("retry-after").unwrap(), "2");
        drop(held);
        assert!(
            acquire(&gate, Duration::from_millis(20), "pictures")
                .await
                .is_ok()
        );
    }
}
