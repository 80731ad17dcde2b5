-- The merchant's side of an order: a note of what was agreed on the phone, and a kind on
-- every history entry so the live inbox can tell a new order from a status change, a
-- payment or a note.
ALTER TABLE orders ADD COLUMN merchant_note TEXT NOT NULL DEFAULT '';
ALTER TABLE order_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'status'
    CHECK (kind IN ('placed', 'status', 'payment', 'note'));
UPDATE order_events SET kind = 'placed' WHERE from_status IS NULL AND to_status = 'placed';
