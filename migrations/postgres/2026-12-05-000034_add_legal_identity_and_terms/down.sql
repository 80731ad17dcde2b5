DELETE FROM order_events WHERE kind = 'withdrawal';
ALTER TABLE order_events DROP CONSTRAINT order_events_kind_check;
ALTER TABLE order_events ADD CONSTRAINT order_events_kind_check
    CHECK (kind IN ('placed', 'status', 'payment', 'note', 'delivery'));
DROP TABLE order_withdrawals;
ALTER TABLE order_lines DROP COLUMN withdrawal_exception;
ALTER TABLE products DROP COLUMN withdrawal_exception;
DROP TABLE order_legal;
DROP TABLE terms_versions;
DROP TABLE shop_legal;
