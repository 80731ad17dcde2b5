-- The dashboard (issue 13): visits of the public pages, per Europe/Paris day and page type,
-- as each server adds up what it counted in memory. Nothing per visitor: no address, no
-- browser, no identifier; a visitor is recognised within one day in the server's memory
-- only (a keyed hash under a salt that changes every day and is never written anywhere).
-- The row of page 'all' holds the day's totals (its visitors are unique across page types).
-- Rows older than 25 months are deleted by the housekeeping round.
CREATE TABLE visit_log (
    -- The day in Europe/Paris, YYYY-MM-DD.
    day TEXT NOT NULL,
    -- home, catalogue, product, shop, shops, basket, checkout, other, or all.
    page TEXT NOT NULL,
    page_views BIGINT NOT NULL,
    -- Unique visitors of the day, as each server saw them, added up.
    visitors BIGINT NOT NULL,
    -- Of those, the visitors who came from a QR code of the printed directory.
    flyer_visits BIGINT NOT NULL,
    PRIMARY KEY (day, page)
);
