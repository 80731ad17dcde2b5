-- Delivery rules as settings: the weekdays per kind of shop and the cut-off hour; days a
-- shop is closed; restaurants that opt in to the food rounds.
CREATE TABLE marketplace_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO marketplace_settings (name, value) VALUES
    ('delivery_days.food', '2,5'),
    ('delivery_days.non_food', '4'),
    ('delivery_cut_off_hour', '18');

ALTER TABLE shops ADD COLUMN delivers_on_food_days BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE shop_closed_days (
    shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    PRIMARY KEY (shop_id, day)
);

-- Shop pages show delivery days: a change here must reach the catalogue caches.
CREATE TRIGGER catalogue_version_settings AFTER INSERT OR UPDATE OR DELETE ON marketplace_settings
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
