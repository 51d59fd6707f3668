-- Hardening: state that several instances must share and a restart must keep.

-- Fixed-window rate-limit counters, one row per principal (or client address) and limit.
CREATE TABLE rate_limits (
  key text COLLATE "C" PRIMARY KEY,
  window_start bigint NOT NULL,
  count integer NOT NULL
);

-- Generated secrets and keys: the OIDC provider's signing keys, the consent cookies' keys, the demo's encryption
-- key when none is configured. Kept across restarts and demo resets (clear() leaves this table alone).
CREATE TABLE settings (
  name text COLLATE "C" PRIMARY KEY,
  value jsonb NOT NULL
);
