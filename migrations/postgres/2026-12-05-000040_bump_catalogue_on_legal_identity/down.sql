DROP TRIGGER catalogue_version_shop_legal ON shop_legal;
