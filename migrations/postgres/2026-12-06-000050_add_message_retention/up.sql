-- Personal data (issue 15): days the outbox keeps a message that is done with (sent, or
-- given up) before housekeeping deletes it, e-mails and webhook deliveries alike (with
-- their attempts' log). Messages not sent (waiting, or held for the mailbox without a
-- mail server) are never deleted.
ALTER TABLE privacy_settings ADD COLUMN message_retention_days INTEGER NOT NULL DEFAULT 90
    CHECK (message_retention_days BETWEEN 7 AND 730);
CREATE INDEX outbox_created ON outbox (created_at);
-- Deleting a delivery deletes its attempts: found by this index, not by a scan.
CREATE INDEX webhook_attempts_outbox ON webhook_attempts (outbox_id);
