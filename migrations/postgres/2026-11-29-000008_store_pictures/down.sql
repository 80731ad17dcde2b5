DROP TRIGGER catalogue_version_shop_logos ON shop_logos;
DROP TABLE shop_logos;
DROP TABLE product_pictures;
ALTER TABLE products DROP COLUMN picture_version;
