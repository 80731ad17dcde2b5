-- Failed logins, counted per account and per client address in a window: one row per key,
-- updated in place with a conditional upsert (the check and the count are one statement),
-- instead of one row per failure keyed by whatever e-mail a stranger typed.
DROP TABLE login_failures;

CREATE TABLE login_throttle (
    -- "account:<sha-256 of the e-mail>" or "address:<ip>": short and bounded.
    key TEXT PRIMARY KEY NOT NULL,
    started_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL
);
CREATE INDEX login_throttle_expires_at ON login_throttle (expires_at);
