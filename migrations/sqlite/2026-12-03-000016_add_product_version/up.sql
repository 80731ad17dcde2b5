-- A product's version: 1 at creation, one more on every change of its row (an edit, a
-- checkout taking stock, a cancelled order giving it back, a picture). The back-office
-- answers it as the product's ETag and takes it back as `If-Match`, so a stock set from a
-- stale screen is refused instead of undoing a sale. A trigger bumps it, so no write path
-- can forget. (Recursive triggers are off: the trigger's own update does not fire it again.)
ALTER TABLE products ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE TRIGGER products_bump_version AFTER UPDATE ON products
    FOR EACH ROW WHEN NEW.version = OLD.version
BEGIN
    UPDATE products SET version = OLD.version + 1 WHERE id = NEW.id;
END;
