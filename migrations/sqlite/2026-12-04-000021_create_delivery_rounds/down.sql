DROP INDEX orders_delivery_date;
DROP TABLE delivery_outcomes;
DROP TABLE delivery_collections;
DROP TABLE delivery_stop_ranks;
DROP TABLE delivery_stops;
DROP TABLE delivery_round_volunteers;
DROP TABLE delivery_rounds;
CREATE TABLE order_events_old (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    note TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'status'
        CHECK (kind IN ('placed', 'status', 'payment', 'note'))
);
INSERT INTO order_events_old (id, order_id, at, actor, from_status, to_status, note, kind)
    SELECT id, order_id, at, actor, from_status, to_status, note, kind FROM order_events
    WHERE kind <> 'delivery';
DROP TABLE order_events;
ALTER TABLE order_events_old RENAME TO order_events;
CREATE INDEX order_events_order ON order_events (order_id, at);
ALTER TABLE shops DROP COLUMN accepts_card;
ALTER TABLE shops DROP COLUMN accepts_cheque;
ALTER TABLE shops DROP COLUMN accepts_cash;
ALTER TABLE products DROP COLUMN keep_cold;
ALTER TABLE orders DROP COLUMN bags;
ALTER TABLE orders DROP COLUMN address_access_note;
ALTER TABLE users DROP COLUMN phone;
