ALTER TABLE orders DROP COLUMN language;
