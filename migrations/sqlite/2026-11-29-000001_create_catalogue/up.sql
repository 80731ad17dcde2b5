-- People, shops, categories and products: the catalogue the foundation serves.
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('customer', 'merchant', 'volunteer', 'admin')),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE communes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    postcode TEXT NOT NULL,
    insee TEXT NOT NULL UNIQUE
);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    parent_id BIGINT REFERENCES categories (id),
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE shops (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('food', 'non_food', 'restaurant')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'suspended')),
    description TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL,
    commune TEXT NOT NULL,
    postcode TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    opening_hours TEXT NOT NULL DEFAULT '[]',
    offers_pickup BOOLEAN NOT NULL,
    offers_delivery BOOLEAN NOT NULL,
    vat_exempt BOOLEAN NOT NULL DEFAULT FALSE,
    -- Lower-case, accent-free forms computed in Rust: the same search and French-aware
    -- sorting on both backends.
    search_text TEXT NOT NULL DEFAULT '',
    sort_name TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX shops_status_sort_name ON shops (status, sort_name);

CREATE TABLE shop_members (
    shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (shop_id, user_id)
);
CREATE INDEX shop_members_user ON shop_members (user_id);

CREATE TABLE products (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    shop_id BIGINT NOT NULL REFERENCES shops (id),
    category_id BIGINT NOT NULL REFERENCES categories (id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    price_cents BIGINT NOT NULL CHECK (price_cents >= 0),
    vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp IN (0, 210, 550, 1000, 2000)),
    -- NULL: stock not tracked. Never negative: the database itself refuses an oversell.
    stock INTEGER CHECK (stock IS NULL OR stock >= 0),
    status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'archived')),
    search_text TEXT NOT NULL DEFAULT '',
    sort_name TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (shop_id, slug)
);
CREATE INDEX products_category ON products (category_id);
CREATE INDEX products_status_created ON products (status, created_at);
