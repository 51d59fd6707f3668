-- Relink reference backend: the initial schema. Records are JSON documents (`data`) with the columns the queries
-- filter, order and lock on pulled out beside them. Sort keys are text in the "C" collation, so keyset pages order
-- exactly as the in-memory store's string comparison does.

CREATE TABLE workspaces (
  id text COLLATE "C" PRIMARY KEY,
  secret_key_hash text NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX workspaces_secret_key_hash ON workspaces (secret_key_hash);

CREATE TABLE principals (
  workspace_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (workspace_id, id)
);

CREATE TABLE apps (
  key text COLLATE "C" PRIMARY KEY,
  data jsonb NOT NULL
);

CREATE TABLE connections (
  workspace_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  owner_principal_id text NOT NULL,
  status text NOT NULL,
  app_key text NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  -- The refresher's work queue: claimed with SELECT … FOR UPDATE SKIP LOCKED, leased until lease_until.
  next_at timestamptz,
  lease_until timestamptz,
  has_refresh_token boolean NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX connections_page ON connections (workspace_id, created_at, id);
CREATE INDEX connections_due ON connections (next_at) WHERE status = 'active' AND has_refresh_token;

CREATE TABLE notifications (
  workspace_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  connection_id text,
  kind text NOT NULL,
  read boolean NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX notifications_page ON notifications (workspace_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (workspace_id, connection_id, kind) WHERE NOT read;

CREATE TABLE runs (
  workspace_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  status text NOT NULL,
  pause_reason text,
  workflow_id text NOT NULL,
  started_at text COLLATE "C" NOT NULL,
  connection_ids jsonb NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX runs_page ON runs (workspace_id, started_at DESC, id DESC);
CREATE INDEX runs_connection_ids ON runs USING gin (connection_ids);

CREATE TABLE connection_requests (
  workspace_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  state text NOT NULL,
  requested_for text NOT NULL,
  connection_id text,
  requested_at text COLLATE "C" NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX connection_requests_page ON connection_requests (workspace_id, requested_at, id);

CREATE TABLE workflows (
  workspace_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (workspace_id, id)
);

CREATE TABLE connect_sessions (
  workspace_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  state text NOT NULL UNIQUE,
  data jsonb NOT NULL,
  PRIMARY KEY (workspace_id, id)
);

CREATE TABLE idempotency_keys (
  key text COLLATE "C" PRIMARY KEY,
  data jsonb NOT NULL
);

-- The event log: the sequence id is the SSE id and the Last-Event-ID to resume from. NOTIFY relink_events wakes
-- the other instances' streams, which then read the rows after the last id they delivered.
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  workspace_id text NOT NULL,
  at text NOT NULL,
  type text NOT NULL,
  audience jsonb NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX events_workspace ON events (workspace_id, id);

-- The demo OAuth provider's state (oidc-provider adapter): grants, codes, tokens, interactions, sessions.
CREATE TABLE oidc_payloads (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  uid text,
  user_code text,
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oidc_payloads_grant ON oidc_payloads (grant_id);
CREATE INDEX oidc_payloads_uid ON oidc_payloads (uid);
