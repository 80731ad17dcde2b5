-- Webhooks (issue 17): endpoints a shop (or the association, for marketplace-wide events)
-- registers; each event is written into the outbox (channel 'webhook', recipient the
-- endpoint's id) in the change's transaction, and the worker posts it, signed.
CREATE TABLE webhook_endpoints (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- NULL: the association's, marketplace-wide (admins).
    shop_id BIGINT REFERENCES shops (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    -- The event types it receives, space-separated.
    events TEXT NOT NULL,
    description TEXT NOT NULL,
    -- 'whsec_' + base64 of 32 random bytes; the previous one signs too until
    -- previous_secret_until (a rotation's overlap).
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_until TIMESTAMP,
    -- Deliveries stop while set: by its owner, a 410, or five days of failures.
    disabled_at TIMESTAMP,
    disabled_reason TEXT,
    -- The first failure since the last success.
    failing_since TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_endpoints_shop ON webhook_endpoints (shop_id);

-- The delivery log: one row per attempt.
CREATE TABLE webhook_attempts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id BIGINT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    outbox_id BIGINT NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    attempted_at TIMESTAMP NOT NULL,
    -- The HTTP status, or NULL when no answer came (refused address, timeout, ...).
    status INTEGER,
    duration_ms BIGINT NOT NULL,
    -- The start of the answer's body, or why there was none.
    response_excerpt TEXT NOT NULL
);
CREATE INDEX webhook_attempts_endpoint ON webhook_attempts (endpoint_id, id);
