-- Hard expiries (seed 004: "LinkedIn tokens expire after one year"; nothing renews them). The refresher claims the
-- active connections without a refresh token whose expires_at has passed — leased, FOR UPDATE SKIP LOCKED, like
-- refresh work — and runs the reauth lifecycle on each, once, whichever instance gets there first.
ALTER TABLE connections ADD COLUMN expires_at timestamptz;
UPDATE connections SET expires_at = (data->>'expiresAt')::timestamptz WHERE data->>'expiresAt' IS NOT NULL;
CREATE INDEX connections_expiring ON connections (expires_at) WHERE status = 'active' AND NOT has_refresh_token;
