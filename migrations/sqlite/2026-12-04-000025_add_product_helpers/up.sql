-- Products entered for a shop (issue 11): the shop's consent that the association manages
-- its products (off until its merchant turns it on), and the volunteers an admin assigned to
-- it. Withdrawing the consent deletes the assignments in the same transaction.
ALTER TABLE shops ADD COLUMN helpers_allowed BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE shop_helpers (
    shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    assigned_at TIMESTAMP NOT NULL,
    PRIMARY KEY (shop_id, user_id)
);
CREATE INDEX shop_helpers_user ON shop_helpers (user_id);
