-- A change of an order's lines after the call (issue 14) is in the order's history with its
-- own kind. SQLite cannot change a CHECK constraint: the table is rebuilt with the same rows
-- and ids.
CREATE TABLE order_events_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    note TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'status'
        CHECK (kind IN ('placed', 'status', 'payment', 'note', 'delivery', 'withdrawal', 'lines_changed'))
);
INSERT INTO order_events_new (id, order_id, at, actor, from_status, to_status, note, kind)
    SELECT id, order_id, at, actor, from_status, to_status, note, kind FROM order_events;
DROP TABLE order_events;
ALTER TABLE order_events_new RENAME TO order_events;
CREATE INDEX order_events_order ON order_events (order_id, at);
