-- Make the catalogue fast on large data and cacheable:
-- * `listed`: an active product of an active shop, kept by triggers, so lists and counts
--   read one table through one index instead of joining shops for every row;
-- * an FTS5 index of `search_text` (word-prefix queries), kept by triggers;
-- * `catalogue_version`, bumped by triggers on every change to products, shops or
--   categories, so response caches know when they are stale, whoever made the change.

ALTER TABLE products ADD COLUMN listed BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE products SET listed = (status = 'active' AND EXISTS (
    SELECT 1 FROM shops WHERE shops.id = products.shop_id AND shops.status = 'active'));

DROP INDEX products_status_created;
CREATE INDEX products_listed_sort_name ON products (listed, sort_name, id);
CREATE INDEX products_listed_price ON products (listed, price_cents, id);
CREATE INDEX products_listed_created ON products (listed, created_at, id);
CREATE INDEX products_listed_category ON products (listed, category_id);

CREATE TRIGGER products_listed_after_insert AFTER INSERT ON products BEGIN
    UPDATE products SET listed = (NEW.status = 'active' AND EXISTS (
        SELECT 1 FROM shops WHERE shops.id = NEW.shop_id AND shops.status = 'active'))
    WHERE id = NEW.id;
END;
CREATE TRIGGER products_listed_after_update AFTER UPDATE OF status, shop_id ON products BEGIN
    UPDATE products SET listed = (NEW.status = 'active' AND EXISTS (
        SELECT 1 FROM shops WHERE shops.id = NEW.shop_id AND shops.status = 'active'))
    WHERE id = NEW.id;
END;
CREATE TRIGGER shops_listed_after_update AFTER UPDATE OF status ON shops BEGIN
    UPDATE products SET listed = (status = 'active' AND NEW.status = 'active')
    WHERE shop_id = NEW.id;
END;

CREATE VIRTUAL TABLE products_fts USING fts5 (
    search_text, content = 'products', content_rowid = 'id', tokenize = 'unicode61'
);
INSERT INTO products_fts (products_fts) VALUES ('rebuild');
CREATE TRIGGER products_fts_after_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
CREATE TRIGGER products_fts_after_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, search_text)
    VALUES ('delete', OLD.id, OLD.search_text);
END;
CREATE TRIGGER products_fts_after_update AFTER UPDATE OF search_text ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, search_text)
    VALUES ('delete', OLD.id, OLD.search_text);
    INSERT INTO products_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;

CREATE TABLE catalogue_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalogue_version (id, version) VALUES (1, 1);
CREATE TRIGGER catalogue_version_products_insert AFTER INSERT ON products BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_products_update AFTER UPDATE ON products BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_products_delete AFTER DELETE ON products BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_shops_insert AFTER INSERT ON shops BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_shops_update AFTER UPDATE ON shops BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_shops_delete AFTER DELETE ON shops BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_categories_insert AFTER INSERT ON categories BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_categories_update AFTER UPDATE ON categories BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_categories_delete AFTER DELETE ON categories BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
