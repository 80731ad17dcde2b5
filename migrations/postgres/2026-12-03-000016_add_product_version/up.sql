-- A product's version: 1 at creation, one more on every change of its row (an edit, a
-- checkout taking stock, a cancelled order giving it back, a picture). The back-office
-- answers it as the product's ETag and takes it back as `If-Match`, so a stock set from a
-- stale screen is refused instead of undoing a sale. A trigger bumps it, so no write path
-- can forget.
ALTER TABLE products ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE FUNCTION products_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END;
$$;
CREATE TRIGGER products_bump_version BEFORE UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION products_bump_version();
