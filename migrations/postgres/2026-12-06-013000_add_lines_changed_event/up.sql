-- A change of an order's lines after the call (issue 14) is in the order's history with its
-- own kind.
ALTER TABLE order_events DROP CONSTRAINT order_events_kind_check;
ALTER TABLE order_events ADD CONSTRAINT order_events_kind_check
    CHECK (kind IN ('placed', 'status', 'payment', 'note', 'delivery', 'withdrawal', 'lines_changed'));
