-- Issue 15 (who sells, terms, withdrawal): each shop's legal identity, the versioned terms
-- of use and of sale, what an order's customer accepted and from whom they bought, each
-- product's exception to the right of withdrawal, and the withdrawals sent.

-- One row per shop that gave its identity; a shop without one cannot be approved.
CREATE TABLE shop_legal (
    shop_id INTEGER PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
    legal_name TEXT NOT NULL,
    -- ei, eurl, sarl, sas, sasu, sa, scop, association, gaec, earl, other
    legal_form TEXT NOT NULL,
    siret TEXT NOT NULL,
    -- rcs, rm, micro (dispensé d'immatriculation), none
    registration TEXT NOT NULL,
    registration_city TEXT NOT NULL DEFAULT '',
    -- Empty when the shop is exempt from VAT.
    vat_number TEXT NOT NULL DEFAULT '',
    responsible TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Every saved version of a text: scope 'use' (the site's terms of use, shop_id 0) or
-- 'sale' (terms of sale: shop_id 0 the association's default, else the shop's own).
-- Version 1 of the association's texts, until one is saved, is the text built into Vitrine.
CREATE TABLE terms_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL CHECK (scope IN ('use', 'sale')),
    shop_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (scope, shop_id, version)
);

-- What the customer of an order accepted, and the seller as it was at checkout.
CREATE TABLE order_legal (
    order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    -- The seller's identity (shared::legal::Seller as JSON), frozen at checkout.
    seller TEXT NOT NULL,
    terms_of_use_version INTEGER NOT NULL,
    -- 'shop' (its own text) or 'association' (the default).
    terms_of_sale_source TEXT NOT NULL,
    terms_of_sale_version INTEGER NOT NULL,
    terms_accepted_at TIMESTAMP NOT NULL,
    -- 'ticked' on the website, 'read_out' on the phone.
    terms_accepted_how TEXT NOT NULL
);

-- none, perishable, made_to_order, sealed_hygiene
ALTER TABLE products ADD COLUMN withdrawal_exception TEXT NOT NULL DEFAULT 'none';
ALTER TABLE order_lines ADD COLUMN withdrawal_exception TEXT NOT NULL DEFAULT 'none';

-- A withdrawal (rétractation) of one line of an order; one per line.
CREATE TABLE order_withdrawals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    order_line_id INTEGER NOT NULL UNIQUE REFERENCES order_lines (id) ON DELETE CASCADE,
    message TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX order_withdrawals_order ON order_withdrawals (order_id);

-- A withdrawal is in the order's history with its own kind. SQLite cannot change a CHECK
-- constraint: the table is rebuilt with the same rows and ids.
CREATE TABLE order_events_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    note TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'status'
        CHECK (kind IN ('placed', 'status', 'payment', 'note', 'delivery', 'withdrawal'))
);
INSERT INTO order_events_new (id, order_id, at, actor, from_status, to_status, note, kind)
    SELECT id, order_id, at, actor, from_status, to_status, note, kind FROM order_events;
DROP TABLE order_events;
ALTER TABLE order_events_new RENAME TO order_events;
CREATE INDEX order_events_order ON order_events (order_id, at);
