import type { Connection, Viewer } from '@relink/sdk';
import type { ReconnectAction } from '../events/reconnect.js';

/**
 * What a viewer may do to bring a connection back; the server enforces the same rules (DESIGN: Roles).
 * - agency viewer, agency-owned connection → `reconnect` (consent flow, or the API-key form);
 * - agency viewer, client-owned connection → `request`: the agency cannot consent for the client's account, so it
 *   sends the client a reconnection request (`store.requestReconnection`);
 * - client viewer → `none`: a client reconnects only through the agency's request emails (seed 001, "Reconnect by
 *   authorizing the app again from a new request email, not from this page"); the detail page then tells them to
 *   contact their agency when the connection cannot be refreshed either;
 * - viewer not known yet → `none` (nothing is offered that the server might refuse).
 */
export type ReconnectPath = 'reconnect' | 'request' | 'none';

export function reconnectPath(viewer: Viewer | undefined, connection: Connection): ReconnectPath {
  if (viewer?.role !== 'agency') return 'none';
  return connection.owner === 'agency' ? 'reconnect' : 'request';
}

/**
 * What reconnecting a connection does for this viewer (the reconnect button's action, and the words of the table's
 * renew button): the consent flow or the API-key form on the agency's own, a request on a client's, nothing for a client.
 */
export function reconnectAction(viewer: Viewer | undefined, connection: Connection): ReconnectAction | undefined {
  const path = reconnectPath(viewer, connection);
  if (path === 'none') return undefined;
  if (path === 'request') return 'request';
  return connection.app.authMode === 'api_key' ? 'credentials' : 'consent';
}

/** Statuses where reconnecting is the way forward: broken, revoked, or a pending app whose auth config is missing. */
export const needsReconnect = (connection: Connection): boolean =>
  connection.status === 'error' ||
  connection.status === 'revoked' ||
  (connection.status === 'pending' && ['missing', 'invalid'].includes(connection.app.managedAuthConfig));
