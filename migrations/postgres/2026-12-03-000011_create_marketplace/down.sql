DROP TRIGGER catalogue_version_marketplace ON marketplace;
ALTER TABLE orders DROP COLUMN number_prefix;
DROP TABLE marketplace;
