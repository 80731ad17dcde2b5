DROP TABLE refused_addresses;
DROP TABLE outbox;
