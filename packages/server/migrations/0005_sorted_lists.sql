-- Server-side sort, search and count for the connections and runs lists (tables of 10,000+ rows page through them
-- instead of loading everything). Each sort is a keyset over an index: (workspace, sort keys…, id). Sort keys are
-- computed in JavaScript when a record is written (src/store/sort-keys.ts: case- and accent-folded names, the status
-- rank), so every store orders alike; the folded keys of rows written before this are filled in by the store on open.
-- `owner` moves out of `data` so a client's view (owner = 'client') is filtered, paged and counted in the query.

ALTER TABLE connections
  ADD COLUMN owner text,
  ADD COLUMN updated_at text COLLATE "C",
  ADD COLUMN label_key text COLLATE "C",
  ADD COLUMN app_name_key text COLLATE "C",
  ADD COLUMN status_rank text COLLATE "C";
UPDATE connections SET
  owner = data->>'owner',
  updated_at = data->>'updatedAt',
  status_rank = CASE status WHEN 'error' THEN '0' WHEN 'revoked' THEN '1' WHEN 'pending' THEN '2' ELSE '3' END;

CREATE INDEX connections_by_updated ON connections (workspace_id, updated_at, id);
CREATE INDEX connections_by_label ON connections (workspace_id, label_key, app_name_key, id);
CREATE INDEX connections_by_app ON connections (workspace_id, app_name_key, label_key, id);
CREATE INDEX connections_by_status ON connections (workspace_id, status_rank, app_name_key, id);

ALTER TABLE runs
  ADD COLUMN updated_at text COLLATE "C",
  ADD COLUMN workflow_name_key text COLLATE "C";
UPDATE runs SET updated_at = data->>'updatedAt';

CREATE INDEX runs_by_updated ON runs (workspace_id, updated_at, id);
CREATE INDEX runs_by_workflow_name ON runs (workspace_id, workflow_name_key, id);
