-- Uploaded product pictures and shop logos, stored in the database (several instances share
-- one PostgreSQL, so no local disk): a display size and a thumbnail, both JPEG.
-- `products.picture_version` changes on every upload or removal, so the catalogue's picture
-- URL (`?v=`) changes and pictures can be cached for a long time.
ALTER TABLE products ADD COLUMN picture_version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE product_pictures (
    product_id BIGINT PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    display BLOB NOT NULL,
    thumb BLOB NOT NULL,
    content_type TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE shop_logos (
    shop_id BIGINT PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
    -- Milliseconds since the epoch of the upload: a new logo never reuses an old version.
    version BIGINT NOT NULL,
    display BLOB NOT NULL,
    thumb BLOB NOT NULL,
    content_type TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Shop pages name their logo: a change here must reach the catalogue caches.
CREATE TRIGGER catalogue_version_shop_logos_insert AFTER INSERT ON shop_logos BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_shop_logos_update AFTER UPDATE ON shop_logos BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_shop_logos_delete AFTER DELETE ON shop_logos BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
