-- Hoarding (issue 10). A shop chooses after how many hours a guest's website order it has
-- not confirmed is cancelled and its stock put back on sale; an order keeps the client
-- address it came from, so what one connection has waiting for confirmation is bounded
-- like what one phone number or e-mail address has. The partial indexes serve those
-- counts (open orders only), the release task, and the purge of old anonymous baskets.
ALTER TABLE shops ADD COLUMN release_unconfirmed_after_hours INTEGER NOT NULL DEFAULT 48
    CHECK (release_unconfirmed_after_hours BETWEEN 4 AND 336);
ALTER TABLE orders ADD COLUMN client_address TEXT;

CREATE INDEX orders_open_by_phone ON orders (customer_phone) WHERE status = 'placed';
CREATE INDEX orders_open_by_email ON orders (lower(customer_email)) WHERE status = 'placed';
CREATE INDEX orders_open_by_address ON orders (client_address) WHERE status = 'placed';
CREATE INDEX orders_open_guest ON orders (created_at) WHERE status = 'placed' AND user_id IS NULL;
CREATE INDEX orders_cart ON orders (cart_id);
CREATE INDEX carts_anonymous_updated_at ON carts (updated_at) WHERE user_id IS NULL;
