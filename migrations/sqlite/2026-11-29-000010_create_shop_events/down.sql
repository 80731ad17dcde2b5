DROP TABLE shop_events;
