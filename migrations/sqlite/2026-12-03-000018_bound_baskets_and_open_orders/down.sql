DROP INDEX carts_anonymous_updated_at;
DROP INDEX orders_cart;
DROP INDEX orders_open_guest;
DROP INDEX orders_open_by_address;
DROP INDEX orders_open_by_email;
DROP INDEX orders_open_by_phone;
ALTER TABLE orders DROP COLUMN client_address;
ALTER TABLE shops DROP COLUMN release_unconfirmed_after_hours;
