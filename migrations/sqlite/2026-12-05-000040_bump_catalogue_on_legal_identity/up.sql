-- Who sells (issue 15): a product's page says whether its shop takes orders, which depends on
-- the shop's legal identity; a change there must reach the catalogue's caches.
CREATE TRIGGER catalogue_version_shop_legal_insert AFTER INSERT ON shop_legal BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_shop_legal_update AFTER UPDATE ON shop_legal BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER catalogue_version_shop_legal_delete AFTER DELETE ON shop_legal BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
END;
