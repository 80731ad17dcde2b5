DROP TRIGGER catalogue_version_marketplace_update;
ALTER TABLE orders DROP COLUMN number_prefix;
DROP TABLE marketplace;
