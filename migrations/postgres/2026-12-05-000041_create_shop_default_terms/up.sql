-- Issue 15: a shop that wrote its own terms of sale may go back to the association's
-- default; one row per shop that did, since when. Saving its own text again removes it.
-- Its own versions stay in terms_versions, readable, for the orders that accepted them.
CREATE TABLE shop_default_terms (
    shop_id BIGINT PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
    since TIMESTAMP NOT NULL
);
