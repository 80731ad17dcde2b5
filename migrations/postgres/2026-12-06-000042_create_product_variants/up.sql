-- Variants (issue 14): a product comes in one or more variants ("39", "500 g"), each with
-- its own price, stock, barcode, net quantity and, for cheese cut to order, a price per
-- kilo. Every existing product becomes a product with one variant of the same price and
-- stock, labelled '' (a product with one variant looks and works as before).
--
-- The product's `price_cents` and `stock` stay, kept by a trigger from its variants: the
-- lowest active price (the catalogue's "from" price, its price filter and sort) and the
-- sum of the active stocks (NULL when one active variant is not counted; 0 when none is
-- active). Every writer of variants locks the product's row first (as every writer of
-- stock did), so the sums are never computed from a stale read.
CREATE TABLE product_variants (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    label TEXT NOT NULL DEFAULT '',
    price_cents BIGINT NOT NULL CHECK (price_cents >= 1),
    stock INTEGER CHECK (stock >= 0),
    sku TEXT,
    ean TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    -- The net quantity: grams for g and kg, millilitres for ml, cl and l, a count for piece;
    -- `net_unit` is the unit it is shown in ("1,5 kg" is 1500 with kg).
    net_quantity BIGINT CHECK (net_quantity >= 1),
    net_unit TEXT,
    -- Cut to order: priced by the kilo, each unit weighing about `estimated_weight_g`;
    -- `price_cents` is then the estimate for one unit, computed, never typed.
    sold_by_weight BOOLEAN NOT NULL DEFAULT FALSE,
    price_per_kg_cents BIGINT CHECK (price_per_kg_cents >= 1),
    estimated_weight_g INTEGER CHECK (estimated_weight_g >= 1),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (product_id, label)
);
CREATE INDEX product_variants_product ON product_variants (product_id, position, id);

INSERT INTO product_variants (product_id, position, label, price_cents, stock, active, created_at, updated_at)
SELECT id, 0, '', price_cents, stock, TRUE, created_at, updated_at FROM products;

-- Pre-packed food shows its price per kilo or litre; a shop may mark a product exempt where
-- the rules allow (a product sold by the piece, a gift box).
ALTER TABLE products ADD COLUMN unit_price_exempt BOOLEAN NOT NULL DEFAULT FALSE;

CREATE FUNCTION product_variants_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pid BIGINT;
    new_price BIGINT;
    new_stock INTEGER;
BEGIN
    IF TG_OP = 'DELETE' THEN pid := OLD.product_id; ELSE pid := NEW.product_id; END IF;
    SELECT COALESCE(MIN(price_cents) FILTER (WHERE active), MIN(price_cents)),
           CASE WHEN COUNT(*) FILTER (WHERE active) = 0 THEN 0
                WHEN COUNT(*) FILTER (WHERE active AND stock IS NULL) > 0 THEN NULL
                ELSE SUM(stock) FILTER (WHERE active) END
      INTO new_price, new_stock
      FROM product_variants WHERE product_id = pid;
    UPDATE products SET price_cents = COALESCE(new_price, price_cents), stock = new_stock
     WHERE id = pid
       AND (price_cents IS DISTINCT FROM COALESCE(new_price, price_cents) OR stock IS DISTINCT FROM new_stock);
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER product_variants_sync AFTER INSERT OR UPDATE OR DELETE ON product_variants
    FOR EACH ROW EXECUTE FUNCTION product_variants_sync();

-- Baskets hold a variant: one line per variant (size 39 and size 40 are two lines).
ALTER TABLE cart_items ADD COLUMN variant_id BIGINT REFERENCES product_variants (id) ON DELETE CASCADE;
UPDATE cart_items SET variant_id = (SELECT v.id FROM product_variants v WHERE v.product_id = cart_items.product_id);
ALTER TABLE cart_items ALTER COLUMN variant_id SET NOT NULL;
ALTER TABLE cart_items DROP CONSTRAINT cart_items_pkey;
ALTER TABLE cart_items ADD PRIMARY KEY (cart_id, variant_id);

-- Orders hold the variant as ordered: its label, net quantity (the slip's price per kilo),
-- and for a line sold by weight its price per kilo, the estimated weight of one unit and,
-- once the shop weighed it, the line's actual weight. `line_total_cents` is what the line
-- costs: `unit_price_cents * quantity`, or for a weighed line its actual weight at the
-- price per kilo. A line the shop removed after the call keeps its row (the history and a
-- withdrawal may name it) with `removed_at` set, and counts for nothing.
ALTER TABLE order_lines ADD COLUMN variant_id BIGINT;
ALTER TABLE order_lines ADD COLUMN variant_label TEXT NOT NULL DEFAULT '';
ALTER TABLE order_lines ADD COLUMN net_quantity BIGINT;
ALTER TABLE order_lines ADD COLUMN net_unit TEXT;
ALTER TABLE order_lines ADD COLUMN sold_by_weight BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE order_lines ADD COLUMN price_per_kg_cents BIGINT;
ALTER TABLE order_lines ADD COLUMN estimated_weight_g INTEGER;
ALTER TABLE order_lines ADD COLUMN actual_weight_g INTEGER;
ALTER TABLE order_lines ADD COLUMN line_total_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN removed_at TIMESTAMP;
UPDATE order_lines SET
    variant_id = (SELECT v.id FROM product_variants v WHERE v.product_id = order_lines.product_id),
    line_total_cents = unit_price_cents * quantity;
