-- Make the catalogue fast on large data and cacheable:
-- * `listed`: an active product of an active shop, kept by triggers, so lists and counts
--   read one table through one index instead of joining shops for every row;
-- * a trigram index of `search_text`, so word-prefix LIKE searches use an index;
-- * `catalogue_version`, bumped by triggers on every change to products, shops or
--   categories, so response caches (of every instance) know when they are stale.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE products ADD COLUMN listed BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE products SET listed = (status = 'active' AND EXISTS (
    SELECT 1 FROM shops WHERE shops.id = products.shop_id AND shops.status = 'active'));

DROP INDEX products_status_created;
CREATE INDEX products_listed_sort_name ON products (listed, sort_name, id);
CREATE INDEX products_listed_price ON products (listed, price_cents, id);
CREATE INDEX products_listed_created ON products (listed, created_at, id);
CREATE INDEX products_listed_category ON products (listed, category_id);
CREATE INDEX products_search_trgm ON products USING gin (search_text gin_trgm_ops);

CREATE FUNCTION products_set_listed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.listed := NEW.status = 'active' AND EXISTS (
        SELECT 1 FROM shops WHERE shops.id = NEW.shop_id AND shops.status = 'active');
    RETURN NEW;
END $$;
CREATE TRIGGER products_listed BEFORE INSERT OR UPDATE OF status, shop_id ON products
    FOR EACH ROW EXECUTE FUNCTION products_set_listed();

CREATE FUNCTION shops_set_listed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE products SET listed = (status = 'active' AND NEW.status = 'active')
    WHERE shop_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER shops_listed AFTER UPDATE OF status ON shops
    FOR EACH ROW EXECUTE FUNCTION shops_set_listed();

CREATE TABLE catalogue_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalogue_version (id, version) VALUES (1, 1);
CREATE FUNCTION bump_catalogue_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END $$;
CREATE TRIGGER catalogue_version_products AFTER INSERT OR UPDATE OR DELETE ON products
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
CREATE TRIGGER catalogue_version_shops AFTER INSERT OR UPDATE OR DELETE ON shops
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
CREATE TRIGGER catalogue_version_categories AFTER INSERT OR UPDATE OR DELETE ON categories
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
