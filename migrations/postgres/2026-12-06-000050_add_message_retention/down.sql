DROP INDEX webhook_attempts_outbox;
DROP INDEX outbox_created;
ALTER TABLE privacy_settings DROP COLUMN message_retention_days;
