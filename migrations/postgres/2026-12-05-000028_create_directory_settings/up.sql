-- The association's printed directory of shops (issue 13): the cover's text the admins
-- wrote (empty: the default welcome), the shops they leave out (slugs, one per line), and
-- the last published edition of each format, served at a stable public address.
CREATE TABLE directory_settings (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    cover_text TEXT NOT NULL DEFAULT '',
    left_out TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMP NOT NULL
);

INSERT INTO directory_settings (id, updated_at) VALUES (1, CURRENT_TIMESTAMP);

CREATE TABLE directory_editions (
    format TEXT PRIMARY KEY CHECK (format IN ('a5', 'a4', 'a5_imposed')),
    pdf BYTEA NOT NULL,
    published_at TIMESTAMP NOT NULL
);
