-- Orders (one per shop per checkout) with price snapshots, their history, and the
-- idempotency keys that make a retried checkout answer the first result.
CREATE TABLE orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    shop_id BIGINT NOT NULL REFERENCES shops (id),
    cart_id TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id),
    status TEXT NOT NULL
        CHECK (status IN ('placed', 'confirmed', 'ready', 'completed', 'cancelled')),
    payment_status TEXT NOT NULL CHECK (payment_status IN ('due', 'paid')),
    payment_method TEXT CHECK (payment_method IS NULL OR payment_method IN ('cash', 'card', 'cheque')),
    fulfilment_method TEXT NOT NULL CHECK (fulfilment_method IN ('pickup', 'delivery')),
    fulfilment_date TEXT NOT NULL,
    address_street TEXT,
    address_postcode TEXT,
    address_commune TEXT,
    customer_name TEXT NOT NULL,
    customer_phone TEXT NOT NULL,
    customer_email TEXT,
    contact_preference TEXT NOT NULL CHECK (contact_preference IN ('call', 'no_call')),
    note TEXT NOT NULL DEFAULT '',
    total_cents BIGINT NOT NULL CHECK (total_cents >= 0),
    tracking_token TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL CHECK (channel IN ('web', 'phone')),
    cancel_reason TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX orders_shop_status ON orders (shop_id, status, created_at);
CREATE INDEX orders_user ON orders (user_id, created_at);

CREATE TABLE order_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id),
    name TEXT NOT NULL,
    unit_price_cents BIGINT NOT NULL CHECK (unit_price_cents >= 0),
    vat_rate_bp INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0)
);
CREATE INDEX order_lines_order ON order_lines (order_id);

CREATE TABLE order_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_events_order ON order_events (order_id, at);

CREATE TABLE idempotency_keys (
    cart_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (cart_id, key)
);
