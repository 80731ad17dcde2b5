-- A shop's history: its application, approvals, suspensions (with the reason), members
-- added, profile edits, closed days and API keys, each with who did it and when (an admin
-- acting for a shop is recorded like its merchants).
CREATE TABLE shop_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX shop_events_shop ON shop_events (shop_id, at);
