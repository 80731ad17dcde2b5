DROP TRIGGER catalogue_version_settings_delete;
DROP TRIGGER catalogue_version_settings_update;
DROP TRIGGER catalogue_version_settings_insert;
DROP TABLE shop_closed_days;
ALTER TABLE shops DROP COLUMN delivers_on_food_days;
DROP TABLE marketplace_settings;
