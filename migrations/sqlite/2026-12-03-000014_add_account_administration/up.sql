-- People: the association's admins manage accounts. A suspended account's sessions stop at
-- once: the authentication extractor reads `suspended_at` and `session_generation` (which
-- every access token carries, and which a suspension or a password reset moves on).
-- `search_text` is the accent- and case-free form of the name and e-mail (computed in Rust).
ALTER TABLE users ADD COLUMN suspended_at TIMESTAMP;
ALTER TABLE users ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

-- Every change an admin makes to an account (and a password reset by its owner), with who
-- made it and when.
CREATE TABLE admin_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX admin_events_user ON admin_events (user_id, at);

-- The one-time code an admin reads out on the phone so the owner can set a new password:
-- one per account (a new one replaces it), stored hashed, a few wrong tries end it.
CREATE TABLE reset_codes (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    attempts_left INTEGER NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
