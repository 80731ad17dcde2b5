-- The variants' row trigger bumped catalogue_version once per row, and its UPDATE of the
-- product fired the products' statement trigger once per row too, even when it changed
-- nothing. A statement writing many variants (the benchmark's seed of 100,000 products, a
-- large import) thus updated the one catalogue_version row hundreds of thousands of times in
-- one transaction, and each update walks the versions of that row the transaction left
-- behind: quadratic (the seed ran for more than ten minutes). Now the product is written only
-- when its price or stock really changes, and the catalogue's version is bumped once per
-- statement on the variants, as it is for products and shops.
CREATE OR REPLACE FUNCTION product_variants_sync() RETURNS trigger LANGUAGE plpgsql AS $$
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
    IF EXISTS (SELECT 1 FROM products WHERE id = pid
                 AND (price_cents IS DISTINCT FROM COALESCE(new_price, price_cents)
                      OR stock IS DISTINCT FROM new_stock)) THEN
        UPDATE products SET price_cents = COALESCE(new_price, price_cents), stock = new_stock
         WHERE id = pid;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER catalogue_version_variants AFTER INSERT OR UPDATE OR DELETE ON product_variants
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
