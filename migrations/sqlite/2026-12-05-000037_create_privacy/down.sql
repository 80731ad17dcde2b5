DROP TABLE anonymisation_runs;
DROP TABLE anonymised_orders;
DROP INDEX erasure_requests_waiting;
DROP TABLE erasure_requests;
DROP TABLE privacy_settings;
