-- Notification preferences (seed 004: "Make sure Flamel's connection status notifications are turned on"): per
-- principal, the kinds it turned off. No row means every kind is on; the notifications list and the event stream
-- leave a principal's disabled kinds out when they answer it.
CREATE TABLE notification_preferences (
  workspace_id text COLLATE "C" NOT NULL,
  principal_id text COLLATE "C" NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (workspace_id, principal_id)
);
