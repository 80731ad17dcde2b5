-- Who sells (issue 15): a product's page says whether its shop takes orders, which depends on
-- the shop's legal identity; a change there must reach the catalogue's caches.
CREATE TRIGGER catalogue_version_shop_legal AFTER INSERT OR UPDATE OR DELETE ON shop_legal
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
