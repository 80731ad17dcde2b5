-- Personal data (issue 15): the association's privacy settings (one row, id 1): who takes
-- the data requests, and how long a guest's personal data is kept after their last order.
CREATE TABLE privacy_settings (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    -- Where people send their data requests; empty: the association's contact e-mail.
    contact_email TEXT NOT NULL DEFAULT '',
    -- Months after a guest's last order before their orders are anonymised.
    guest_retention_months INTEGER NOT NULL DEFAULT 36 CHECK (guest_retention_months BETWEEN 1 AND 120),
    updated_at TIMESTAMP NOT NULL
);

INSERT INTO privacy_settings (id, updated_at) VALUES (1, CURRENT_TIMESTAMP);

-- Erasures: an account erased by its owner (done at once), or a guest's request made
-- through an order's tracking link, carried out by an admin. No personal data here: the
-- order that asked is a reference, pseudonymised when the request is carried out.
CREATE TABLE erasure_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('account', 'guest')),
    order_id BIGINT REFERENCES orders (id) ON DELETE SET NULL,
    requested_at TIMESTAMP NOT NULL,
    done_at TIMESTAMP,
    done_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    orders_pseudonymised INTEGER NOT NULL DEFAULT 0
);

-- One request waiting per order at a time.
CREATE UNIQUE INDEX erasure_requests_waiting ON erasure_requests (order_id) WHERE done_at IS NULL;

-- The orders whose customer's identity was replaced by a pseudonym, and why.
CREATE TABLE anonymised_orders (
    order_id BIGINT PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('erasure', 'retention')),
    erasure_id BIGINT REFERENCES erasure_requests (id) ON DELETE SET NULL
);

-- What the scheduled anonymisation did: one row per round that anonymised something.
CREATE TABLE anonymisation_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ran_at TIMESTAMP NOT NULL,
    -- Guests whose last order was before this were anonymised.
    cutoff TIMESTAMP NOT NULL,
    orders INTEGER NOT NULL
);
