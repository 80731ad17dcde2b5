-- The outbox: whatever must leave the server because of a change (an e-mail now, a webhook
-- delivery later) is written here in the same transaction as the change, then a worker
-- sends it with retries. A crash between the two loses nothing; the lease lets several
-- instances share the work without sending a message twice.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- 'email' (a recipient address) or 'webhook' (an endpoint's id, later).
    channel TEXT NOT NULL,
    -- What caused it, e.g. 'order_placed_shop', 'order_confirmed', 'shop_applied'.
    topic TEXT NOT NULL,
    recipient TEXT NOT NULL,
    -- The e-mail's subject (a webhook: its event type).
    subject TEXT NOT NULL,
    -- The whole message as JSON, rendered when the change was made: exactly what is sent.
    payload TEXT NOT NULL,
    -- Stable across resends: the e-mail's Message-ID (a webhook: its webhook-id), so a
    -- receiver can drop a second copy after a crash between sending and marking sent.
    message_id TEXT NOT NULL UNIQUE,
    -- 'pending' (to send), 'held' (no SMTP configured: kept for the admins' mailbox),
    -- 'sent', 'failed' (refused for good, or out of attempts).
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    -- A worker that claimed the row owns it until then; after, another may take it.
    lease_until TIMESTAMP,
    lease_owner TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- Addresses a mail server refused for good (a permanent 5xx on the recipient): no more
-- mail goes to them until the address changes.
CREATE TABLE refused_addresses (
    address TEXT PRIMARY KEY NOT NULL,
    refused_at TIMESTAMP NOT NULL,
    reason TEXT NOT NULL
);
