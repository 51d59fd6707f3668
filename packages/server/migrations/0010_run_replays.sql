-- GET /v1/runs?replayOf=… answers a run detail's "Replayed as …" without loading every run: `replay_of` moves out of
-- `data` so the filter is a column, and the partial index holds only replays (most runs are none).
ALTER TABLE runs ADD COLUMN replay_of text COLLATE "C";
UPDATE runs SET replay_of = data->>'replayOf';

CREATE INDEX runs_replays ON runs (workspace_id, replay_of) WHERE replay_of IS NOT NULL;
