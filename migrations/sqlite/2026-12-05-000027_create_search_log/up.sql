-- The dashboard (issue 13): each catalogue search, counted per day and query, normalised
-- (lower case, accents folded, trimmed): no account, no address, nothing about who searched.
-- Rows older than 25 months are deleted by the housekeeping round.
CREATE TABLE search_log (
    -- The day in Europe/Paris, YYYY-MM-DD.
    day TEXT NOT NULL,
    query TEXT NOT NULL,
    searches INTEGER NOT NULL,
    -- Of those, the searches that found nothing.
    empty_searches INTEGER NOT NULL,
    -- What the day's last search of it found.
    results INTEGER NOT NULL,
    PRIMARY KEY (day, query)
);
