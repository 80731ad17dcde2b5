-- Uploaded product pictures and shop logos, stored in the database (several instances share
-- one PostgreSQL, so no local disk): a display size and a thumbnail, both JPEG.
-- `products.picture_version` changes on every upload or removal, so the catalogue's picture
-- URL (`?v=`) changes and pictures can be cached for a long time.
ALTER TABLE products ADD COLUMN picture_version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE product_pictures (
    product_id BIGINT PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    display BYTEA NOT NULL,
    thumb BYTEA NOT NULL,
    content_type TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE shop_logos (
    shop_id BIGINT PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
    -- Milliseconds since the epoch of the upload: a new logo never reuses an old version.
    version BIGINT NOT NULL,
    display BYTEA NOT NULL,
    thumb BYTEA NOT NULL,
    content_type TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Shop pages name their logo: a change here must reach the catalogue caches.
CREATE TRIGGER catalogue_version_shop_logos AFTER INSERT OR UPDATE OR DELETE ON shop_logos
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
