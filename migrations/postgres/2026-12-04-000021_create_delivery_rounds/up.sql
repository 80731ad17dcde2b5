-- Delivery rounds (issue 11): the volunteers collect the orders at the shops and drop them
-- at the customers' doors. What the rounds need on existing rows: a volunteer's phone, the
-- delivery address's access note, the shop's bag count when an order is ready, the "keep
-- cold" flag of products, and the payment means each shop accepts on the doorstep.
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE orders ADD COLUMN address_access_note TEXT;
ALTER TABLE orders ADD COLUMN bags INTEGER CHECK (bags IS NULL OR bags BETWEEN 1 AND 50);
ALTER TABLE products ADD COLUMN keep_cold BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE shops ADD COLUMN accepts_cash BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE shops ADD COLUMN accepts_cheque BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE shops ADD COLUMN accepts_card BOOLEAN NOT NULL DEFAULT FALSE;

-- The taps of a round are in the orders' history with their own kind.
ALTER TABLE order_events DROP CONSTRAINT order_events_kind_check;
ALTER TABLE order_events ADD CONSTRAINT order_events_kind_check
    CHECK (kind IN ('placed', 'status', 'payment', 'note', 'delivery'));

-- A date's rounds. A date without any shows one default round holding every delivery.
CREATE TABLE delivery_rounds (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
