ALTER TABLE order_events DROP COLUMN kind;
ALTER TABLE orders DROP COLUMN merchant_note;
