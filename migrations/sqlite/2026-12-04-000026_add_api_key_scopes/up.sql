-- Scoped API keys (issue 17): what a key may do, chosen when it is made, as a
-- comma-separated list of scopes ('catalogue:read', 'products:write', 'orders:read',
-- 'orders:write', 'webhooks:manage', 'shop:write'). NULL: every scope, as the keys made
-- before scopes existed keep. (The rate limit counts in `login_throttle`, key `api_key:<id>`.)
ALTER TABLE api_keys ADD COLUMN scopes TEXT;
