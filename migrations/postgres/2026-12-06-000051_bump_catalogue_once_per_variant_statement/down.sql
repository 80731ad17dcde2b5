DROP TRIGGER catalogue_version_variants ON product_variants;
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
    UPDATE products SET price_cents = COALESCE(new_price, price_cents), stock = new_stock
     WHERE id = pid
       AND (price_cents IS DISTINCT FROM COALESCE(new_price, price_cents) OR stock IS DISTINCT FROM new_stock);
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;
