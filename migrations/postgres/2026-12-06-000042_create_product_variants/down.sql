ALTER TABLE order_lines
    DROP COLUMN removed_at, DROP COLUMN line_total_cents, DROP COLUMN actual_weight_g,
    DROP COLUMN estimated_weight_g, DROP COLUMN price_per_kg_cents, DROP COLUMN sold_by_weight,
    DROP COLUMN net_unit, DROP COLUMN net_quantity, DROP COLUMN variant_label, DROP COLUMN variant_id;
DELETE FROM cart_items a USING cart_items b
 WHERE a.cart_id = b.cart_id AND a.product_id = b.product_id AND a.variant_id > b.variant_id;
ALTER TABLE cart_items DROP CONSTRAINT cart_items_pkey;
ALTER TABLE cart_items DROP COLUMN variant_id;
ALTER TABLE cart_items ADD PRIMARY KEY (cart_id, product_id);
DROP TRIGGER product_variants_sync ON product_variants;
DROP FUNCTION product_variants_sync();
ALTER TABLE products DROP COLUMN unit_price_exempt;
DROP TABLE product_variants;
