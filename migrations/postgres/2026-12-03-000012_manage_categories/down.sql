DROP TRIGGER catalogue_version_category_aliases ON category_aliases;
DROP TABLE category_aliases;
DROP INDEX categories_parent_position;
ALTER TABLE categories DROP COLUMN name_en;
