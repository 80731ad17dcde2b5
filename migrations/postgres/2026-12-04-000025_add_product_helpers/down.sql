DROP INDEX shop_helpers_user;
DROP TABLE shop_helpers;
ALTER TABLE shops DROP COLUMN helpers_allowed;
