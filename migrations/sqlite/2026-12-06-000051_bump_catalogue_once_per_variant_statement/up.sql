-- PostgreSQL only (see its migration of the same name): SQLite updates a row in place, so
-- bumping the catalogue's version once per variant row costs what it says, no more.
SELECT 1;
