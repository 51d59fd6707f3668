// The `onX` props for events several wrappers share (`relink-navigate` → `onNavigate`, …).
import type { EventName } from '@lit/react';
import type { RelinkNavigateEvent } from '../events/navigate.js';
import type { RelinkRefreshEvent } from '../events/refresh.js';
import type { RelinkRevokeEvent, RelinkRevokedEvent } from '../events/revoke.js';
import type { RelinkReconnectEvent, RelinkReconnectResultEvent } from '../events/reconnect.js';
import type { RelinkResumeEvent, RelinkReplayEvent } from '../events/run-action.js';
import type { RelinkConnectEvent, RelinkConnectionCreatedEvent } from '../events/connect.js';

export const navigate = { onNavigate: 'relink-navigate' as EventName<RelinkNavigateEvent> };
export const refresh = { onRefresh: 'relink-refresh' as EventName<RelinkRefreshEvent> };
export const revoke = {
  onRevoke: 'relink-revoke' as EventName<RelinkRevokeEvent>,
  onRevoked: 'relink-revoked' as EventName<RelinkRevokedEvent>,
};
export const reconnect = {
  onReconnect: 'relink-reconnect' as EventName<RelinkReconnectEvent>,
  onReconnectResult: 'relink-reconnect-result' as EventName<RelinkReconnectResultEvent>,
};
export const runActions = {
  onResume: 'relink-resume' as EventName<RelinkResumeEvent>,
  onReplay: 'relink-replay' as EventName<RelinkReplayEvent>,
};
export const connect = {
  onConnect: 'relink-connect' as EventName<RelinkConnectEvent>,
  onConnectionCreated: 'relink-connection-created' as EventName<RelinkConnectionCreatedEvent>,
};
