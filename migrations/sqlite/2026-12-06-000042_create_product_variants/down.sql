ALTER TABLE order_lines DROP COLUMN removed_at;
ALTER TABLE order_lines DROP COLUMN line_total_cents;
ALTER TABLE order_lines DROP COLUMN actual_weight_g;
ALTER TABLE order_lines DROP COLUMN estimated_weight_g;
ALTER TABLE order_lines DROP COLUMN price_per_kg_cents;
ALTER TABLE order_lines DROP COLUMN sold_by_weight;
ALTER TABLE order_lines DROP COLUMN net_unit;
ALTER TABLE order_lines DROP COLUMN net_quantity;
ALTER TABLE order_lines DROP COLUMN variant_label;
ALTER TABLE order_lines DROP COLUMN variant_id;

CREATE TABLE cart_items_by_product (
    cart_id TEXT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id),
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (cart_id, product_id)
);
INSERT INTO cart_items_by_product (cart_id, product_id, quantity, added_at)
SELECT cart_id, product_id, MIN(SUM(quantity), 99), MIN(added_at) FROM cart_items GROUP BY cart_id, product_id;
DROP TABLE cart_items;
ALTER TABLE cart_items_by_product RENAME TO cart_items;

DROP TRIGGER product_variants_sync_insert;
DROP TRIGGER product_variants_sync_update;
DROP TRIGGER product_variants_sync_delete;
ALTER TABLE products DROP COLUMN unit_price_exempt;
DROP TABLE product_variants;
