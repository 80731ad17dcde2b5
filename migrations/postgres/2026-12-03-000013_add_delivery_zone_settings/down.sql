DELETE FROM marketplace_settings WHERE name = 'delivery_min_basket_cents';
DROP TABLE marketplace_closed_days;
