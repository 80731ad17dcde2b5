DROP TABLE reset_codes;
DROP TABLE admin_events;
ALTER TABLE users DROP COLUMN search_text;
ALTER TABLE users DROP COLUMN session_generation;
ALTER TABLE users DROP COLUMN suspended_at;
