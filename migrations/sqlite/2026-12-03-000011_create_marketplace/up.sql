-- The marketplace's own settings, one typed row (id 1): its name, town, texts (French, and
-- English where given: an empty English text falls back to the French one), the
-- association's contact, the legal notices, the logo, the colour palette and the prefix of
-- order numbers (empty: derived from the town). A fresh install starts with an empty row,
-- which the first administrator fills in from the web app; `configured_at` says when.
CREATE TABLE marketplace (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    town TEXT NOT NULL DEFAULT '',
    tagline_fr TEXT NOT NULL DEFAULT '',
    tagline_en TEXT NOT NULL DEFAULT '',
    intro_fr TEXT NOT NULL DEFAULT '',
    intro_en TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_address TEXT NOT NULL DEFAULT '',
    publisher_name TEXT NOT NULL DEFAULT '',
    publisher_address TEXT NOT NULL DEFAULT '',
    publication_director TEXT NOT NULL DEFAULT '',
    host_name TEXT NOT NULL DEFAULT '',
    host_address TEXT NOT NULL DEFAULT '',
    host_phone TEXT NOT NULL DEFAULT '',
    palette TEXT NOT NULL DEFAULT 'terre',
    order_number_prefix TEXT NOT NULL DEFAULT '',
    -- Milliseconds since the epoch of the logo's upload, 0 without a logo.
    logo_version BIGINT NOT NULL DEFAULT 0,
    logo BLOB,
    configured_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO marketplace (id, updated_at) VALUES (1, CURRENT_TIMESTAMP);

-- Each order keeps the prefix it was numbered with; those placed before this migration
-- were all numbered `UZ-`.
ALTER TABLE orders ADD COLUMN number_prefix TEXT NOT NULL DEFAULT 'UZ';

-- Catalogue answers may name the marketplace: a change here must reach the caches.
CREATE TRIGGER catalogue_version_marketplace_update AFTER UPDATE ON marketplace BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
