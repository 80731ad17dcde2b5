-- The token a refresh token was exchanged for. A token presented again shortly after its
-- exchange, while that successor has never been used, is the same browser whose answer was
-- lost (a page left mid-refresh, a dropped mobile connection): it is exchanged again and the
-- unused successor revoked, rather than closing every session. Any other second use still
-- closes every session of the account.
ALTER TABLE refresh_tokens ADD COLUMN replaced_by BIGINT;
