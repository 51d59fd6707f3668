import { createHttp, type Http, type RelinkClientOptions } from './http.js';
import { attachTransport } from './internal/transport.js';
import { loadOnDemand } from './internal/on-demand.js';
import { createApps, type AppsResource } from './resources/apps.js';
import { createConnections, type ConnectionsResource } from './resources/connections.js';
import { createConnectSessions, type ConnectSessionsResource } from './resources/connect-sessions.js';
import { createConnectionRequests, type ConnectionRequestsResource } from './resources/connection-requests.js';
import { createNotifications, type NotificationsResource } from './resources/notifications.js';
import { createNotificationPreferences, type NotificationPreferencesResource } from './resources/notification-preferences.js';
import { createRuns, type RunsResource } from './resources/runs.js';
import { createWorkflows, type WorkflowsResource } from './resources/workflows.js';
import { createViewer, type ViewerResource } from './resources/viewer.js';
import type { RelinkEvents } from './events.js';

/** A typed client for the Relink API. Every method parses its response with the contract's schema. */
export interface RelinkClient {
  readonly apps: AppsResource;
  readonly connections: ConnectionsResource;
  readonly connectSessions: ConnectSessionsResource;
  readonly connectionRequests: ConnectionRequestsResource;
  readonly notifications: NotificationsResource;
  /** Which kinds reach the caller's bell. */
  readonly notificationPreferences: NotificationPreferencesResource;
  readonly runs: RunsResource;
  readonly workflows: WorkflowsResource;
  readonly viewer: ViewerResource;
  /** Live updates: `GET /events` over fetch, with reconnect, `Last-Event-ID` and a polling fallback. */
  readonly events: RelinkEvents;
}

/**
 * Creates a client.
 * @example
 * const relink = createRelinkClient({ baseUrl: 'https://api.example.com/v1', token: () => session.token() });
 * const { data } = await relink.connections.list({ status: 'error' });
 */
export function createRelinkClient(options: RelinkClientOptions): RelinkClient {
  const http = createHttp(options);
  // The raw fetch and the token getter stay inside the SDK (internal/transport.ts): nothing on `client` exposes them.
  const client: RelinkClient = Object.freeze({
    apps: createApps(http),
    connections: createConnections(http),
    connectSessions: createConnectSessions(http),
    connectionRequests: createConnectionRequests(http),
    notifications: createNotifications(http),
    notificationPreferences: createNotificationPreferences(http),
    runs: createRuns(http),
    workflows: createWorkflows(http),
    viewer: createViewer(http),
    events: lazyEvents(http),
  });
  attachTransport(client, http.transport);
  return client;
}

/**
 * Live events come with the on-demand chunk (events.ts parses with the schemas): the first request has usually
 * loaded it, so a subscription starts its stream at once; one made before any request loads the chunk first.
 */
function lazyEvents({ transport }: Http): RelinkEvents {
  let events: RelinkEvents | undefined;
  return {
    subscribe: async (options) => {
      events ??= (await loadOnDemand()).createEvents(transport);
      return events.subscribe(options);
    },
  };
}

export type { RelinkClientOptions };
