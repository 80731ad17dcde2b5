DROP INDEX email_tokens_user;
DROP TABLE email_tokens;
ALTER TABLE users DROP COLUMN email_verified_at;
