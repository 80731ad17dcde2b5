DELETE FROM order_events WHERE kind = 'lines_changed';
ALTER TABLE order_events DROP CONSTRAINT order_events_kind_check;
ALTER TABLE order_events ADD CONSTRAINT order_events_kind_check
    CHECK (kind IN ('placed', 'status', 'payment', 'note', 'delivery', 'withdrawal'));
