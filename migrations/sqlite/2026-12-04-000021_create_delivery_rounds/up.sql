-- Delivery rounds (issue 11): the volunteers collect the orders at the shops and drop them
-- at the customers' doors. What the rounds need on existing rows: a volunteer's phone, the
-- delivery address's access note, the shop's bag count when an order is ready, the "keep
-- cold" flag of products, and the payment means each shop accepts on the doorstep.
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE orders ADD COLUMN address_access_note TEXT;
ALTER TABLE orders ADD COLUMN bags INTEGER CHECK (bags IS NULL OR bags BETWEEN 1 AND 50);
ALTER TABLE products ADD COLUMN keep_cold BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE shops ADD COLUMN accepts_cash BOOLEAN NOT NULL DEFAULT 1;
ALTER TABLE shops ADD COLUMN accepts_cheque BOOLEAN NOT NULL DEFAULT 1;
ALTER TABLE shops ADD COLUMN accepts_card BOOLEAN NOT NULL DEFAULT 0;

-- The taps of a round are in the orders' history with their own kind. SQLite cannot change
-- a CHECK constraint: the table is rebuilt with the same rows and ids.
CREATE TABLE order_events_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    note TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'status'
        CHECK (kind IN ('placed', 'status', 'payment', 'note', 'delivery'))
);
INSERT INTO order_events_new (id, order_id, at, actor, from_status, to_status, note, kind)
    SELECT id, order_id, at, actor, from_status, to_status, note, kind FROM order_events;
DROP TABLE order_events;
ALTER TABLE order_events_new RENAME TO order_events;
CREATE INDEX order_events_order ON order_events (order_id, at);

-- A date's rounds. A date without any shows one default round holding every delivery.
CREATE TABLE delivery_rounds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_date TEXT NOT NULL,
    name TEXT NOT NULL,
    -- When the shops must have the bags ready, `HH:MM`, local time.
    ready_by TEXT NOT NULL DEFAULT '09:00',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX delivery_rounds_date ON delivery_rounds (delivery_date, id);

CREATE TABLE delivery_round_volunteers (
    round_id BIGINT NOT NULL REFERENCES delivery_rounds (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (round_id, user_id)
);
CREATE INDEX delivery_round_volunteers_user ON delivery_round_volunteers (user_id);

-- Where an admin put a stop (one delivery address) of a date, and its place in the round
-- when set by hand. A stop without a row is in the date's first round.
CREATE TABLE delivery_stops (
    delivery_date TEXT NOT NULL,
    stop_key TEXT NOT NULL,
    round_id BIGINT NOT NULL REFERENCES delivery_rounds (id) ON DELETE CASCADE,
    position INTEGER,
    PRIMARY KEY (delivery_date, stop_key)
);
CREATE INDEX delivery_stops_round ON delivery_stops (round_id);

-- The place an admin last gave an address, reused on later rounds.
CREATE TABLE delivery_stop_ranks (
    stop_key TEXT PRIMARY KEY NOT NULL,
    rank INTEGER NOT NULL
);

-- "Collected": a volunteer took a shop's bags for a round.
CREATE TABLE delivery_collections (
    round_id BIGINT NOT NULL REFERENCES delivery_rounds (id) ON DELETE CASCADE,
    shop_id BIGINT NOT NULL REFERENCES shops (id),
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    PRIMARY KEY (round_id, shop_id)
);

-- What happened at the door to an order on a delivery date: delivered (and paid how), or
-- failed (and why; the order then moved to a later date, but stays on this date's sheets).
CREATE TABLE delivery_outcomes (
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    delivery_date TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'failed')),
    reason TEXT NOT NULL DEFAULT '',
    payment_method TEXT CHECK (payment_method IS NULL OR payment_method IN ('cash', 'card', 'cheque')),
    actor TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    PRIMARY KEY (order_id, delivery_date)
);
CREATE INDEX delivery_outcomes_date ON delivery_outcomes (delivery_date);
CREATE INDEX orders_delivery_date ON orders (fulfilment_date, fulfilment_method);
