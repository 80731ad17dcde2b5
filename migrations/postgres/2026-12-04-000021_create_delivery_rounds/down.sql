DROP INDEX orders_delivery_date;
DROP TABLE delivery_outcomes;
DROP TABLE delivery_collections;
DROP TABLE delivery_stop_ranks;
DROP TABLE delivery_stops;
DROP TABLE delivery_round_volunteers;
DROP TABLE delivery_rounds;
DELETE FROM order_events WHERE kind = 'delivery';
ALTER TABLE order_events DROP CONSTRAINT order_events_kind_check;
ALTER TABLE order_events ADD CONSTRAINT order_events_kind_check
    CHECK (kind IN ('placed', 'status', 'payment', 'note'));
ALTER TABLE shops DROP COLUMN accepts_card;
ALTER TABLE shops DROP COLUMN accepts_cheque;
ALTER TABLE shops DROP COLUMN accepts_cash;
ALTER TABLE products DROP COLUMN keep_cold;
ALTER TABLE orders DROP COLUMN bags;
ALTER TABLE orders DROP COLUMN address_access_note;
ALTER TABLE users DROP COLUMN phone;
