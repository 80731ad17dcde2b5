-- The association manages its categories: an optional English name, the slugs of merged
-- categories that lead to the category they were merged into, and positions counted per
-- parent (0, 1, 2... among siblings) instead of across the whole tree.
ALTER TABLE categories ADD COLUMN name_en TEXT;
CREATE INDEX categories_parent_position ON categories (parent_id, position);

CREATE TABLE category_aliases (
    slug TEXT PRIMARY KEY NOT NULL,
    category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE
);
CREATE INDEX category_aliases_category ON category_aliases (category_id);

CREATE TRIGGER catalogue_version_category_aliases AFTER INSERT OR UPDATE OR DELETE
    ON category_aliases FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();

UPDATE categories SET position = ranked.position
FROM (
    SELECT id, ROW_NUMBER() OVER (PARTITION BY parent_id ORDER BY position, id) - 1 AS position
    FROM categories
) AS ranked
WHERE ranked.id = categories.id;
