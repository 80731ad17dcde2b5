DROP TRIGGER products_bump_version;
ALTER TABLE products DROP COLUMN version;
