DROP TRIGGER catalogue_version_settings ON marketplace_settings;
DROP TABLE shop_closed_days;
ALTER TABLE shops DROP COLUMN delivers_on_food_days;
DROP TABLE marketplace_settings;
