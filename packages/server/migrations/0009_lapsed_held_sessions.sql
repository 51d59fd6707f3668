-- A connect session that ends on an account mismatch or a choice of accounts holds the other account's tokens until
-- the user decides. When nobody decides before it expires, the refresher revokes and drops them: this partial index
-- holds only such sessions, so its pass reads the few that hold tokens, not every session ever started.
CREATE INDEX connect_sessions_held_expiry ON connect_sessions ((data->>'expiresAt'))
  WHERE data->>'status' IN ('account_mismatch', 'choose_accounts');
