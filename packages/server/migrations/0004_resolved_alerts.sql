-- Alerts are resolved by fixing the connection, not by reading it (seed 002: the banner "disappears once the alert is
-- resolved"): notifications carry `resolvedAt`, and the banner counts the unresolved reauth alerts. Before this, a fix
-- only marked its alerts read. Backfill: an alert about a connection that is active again was resolved by that fix
-- (stamped with the connection's last update); alerts about connections still broken stay unresolved, read or not.
UPDATE notifications n
SET data = jsonb_set(n.data, '{resolvedAt}', to_jsonb(c.data->>'updatedAt'))
FROM connections c
WHERE n.kind IN ('reauth_required', 'expiring_soon', 'connection_revoked')
  AND n.data->>'resolvedAt' IS NULL
  AND c.workspace_id = n.workspace_id AND c.id = n.connection_id AND c.status = 'active';

-- "Exactly one unresolved reauth alert per broken connection" and what a fix resolves (findUnresolvedNotifications).
CREATE INDEX notifications_unresolved ON notifications (workspace_id, connection_id, kind) WHERE data->>'resolvedAt' IS NULL;
