-- The marketplace's closed days (holidays): no delivery round on these dates, whatever the
-- shop. No cached catalogue answer shows them (baskets and checkouts read them each time),
-- so they need no catalogue_version trigger.
CREATE TABLE marketplace_closed_days (
    day TEXT PRIMARY KEY
);

-- The free-delivery rule: delivery offered from this basket per shop, in cents; 0: always.
INSERT INTO marketplace_settings (name, value) VALUES ('delivery_min_basket_cents', '0');
