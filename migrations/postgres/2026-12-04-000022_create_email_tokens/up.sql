-- E-mail links (issue 12): a password reset by e-mail and the verification of an account's
-- address. Only the SHA-256 of a link's token is stored; a link is used once, and expires
-- (a reset after one hour, a verification after 48 hours). `email` is the address the link
-- was sent to: a verification proves that address, and no other.
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP;

CREATE TABLE email_tokens (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- 'reset' or 'verify'.
    purpose TEXT NOT NULL CHECK (purpose IN ('reset', 'verify')),
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX email_tokens_user ON email_tokens (user_id, purpose);
