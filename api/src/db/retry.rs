//! Which database errors clear by themselves when the transaction runs again, and the short
//! random pause before it does: the one retry policy of [`super::write_transaction`].

use std::time::Duration;

use diesel::result::{DatabaseErrorKind, Error};

use crate::error::ApiError;

/// Whether `err` is the database aborting a transaction because of another one:
/// PostgreSQL's serialization failure (SQLSTATE 40001) or deadlock (40P01), or SQLite's
/// `SQLITE_BUSY` once `busy_timeout` has run out.
pub fn is_transient(err: &ApiError) -> bool {
    let ApiError::Internal(err) = err else {
        return false;
    };
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<Error>())
        .any(is_transient_diesel)
}

fn is_transient_diesel(err: &Error) -> bool {
    match err {
        Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => true,
        // diesel names no kind for 40P01 nor SQLITE_BUSY and keeps the SQLSTATE to itself:
        // the servers' own words it is. A PostgreSQL whose `lc_messages` is not English
        // still gets serialization failures retried (by kind), and deadlocks cannot
        // happen in the first place where rows are locked in a fixed order.
        Error::DatabaseError(DatabaseErrorKind::Unknown, info) => {
            let message = info.message();
            message.contains("deadlock detected")
                || message.contains("could not serialize access")
                || message.contains("database is locked")
                || message.contains("database table is locked")
        }
        _ => false,
    }
}

/// Sleeps a random time before attempt `attempt + 1`: up to 10 ms, then 20, 40, 80, so the
/// transactions that collided do not collide again in step.
pub fn pause(attempt: u32) {
    let ceiling_us = 10_000u64 << attempt.saturating_sub(1).min(4);
    let random = u64::from_le_bytes(
        uuid::Uuid::new_v4().as_bytes()[..8]
            .try_into()
            .unwrap_or_default(),
    );
    std::thread::sleep(Duration::from_micros(1_000 + random % ceiling_us));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Message(&'static str);

    impl diesel::result::DatabaseErrorInformation for Message {
        fn message(&self) -> &str {
            self.0
        }
        fn details(&self) -> Option<&str> {
            None
        }
        fn hint(&self) -> Option<&str> {
            None
        }
        fn table_name(&self) -> Option<&str> {
            None
        }
        fn column_name(&self) -> Option<&str> {
            None
        }
        fn constraint_name(&self) -> Option<&str> {
            None
        }
        fn statement_position(&self) -> Option<i32> {
            None
        }
    }

    fn database(kind: DatabaseErrorKind, message: &'static str) -> ApiError {
        ApiError::from(Error::DatabaseError(kind, Box::new(Message(message))))
    }

    #[test]
    fn deadlocks_serialization_failures_and_busy_files_are_retried_and_nothing_else() {
        use DatabaseErrorKind::{SerializationFailure, Unknown};
        assert!(is_transient(&database(Unknown, "deadlock detected")));
        assert!(is_transient(&database(
            SerializationFailure,
            "could not serialize access due to concurrent update"
        )));
        assert!(is_transient(&database(Unknown, "database is locked")));
        assert!(!is_transient(&database(Unknown, "no such table: orders")));
        assert!(!is_transient(&ApiError::Conflict(
            "deadlock detected".into()
        )));
        assert!(!is_transient(&ApiError::from(Error::NotFound)));
    }
}
