DROP TRIGGER catalogue_version_shop_logos_delete;
DROP TRIGGER catalogue_version_shop_logos_update;
DROP TRIGGER catalogue_version_shop_logos_insert;
DROP TABLE shop_logos;
DROP TABLE product_pictures;
ALTER TABLE products DROP COLUMN picture_version;
