import type { Http, RequestOptions } from '../http.js';
import type { ConnectSession } from '../schema/connect-session.js';
import type { Connection, ConnectionSort, ConnectionStatus } from '../schema/connection.js';
import type { Page, SortOrder } from '../schema/common.js';
import type { CreatedConnection } from '../schema/connection-add.js';
import type { ConnectionUsage, RemovedConnection } from '../schema/connection-removal.js';
import type { CreateConnectionBody } from '../schema/requests.js';
import { segment } from '../internal/path.js';
import { paginate } from '../paging.js';

/** Filters and paging of `connections.list`. Omitted fields are not sent. */
export interface ConnectionListParams {
  status?: ConnectionStatus | undefined;
  /** An app key, e.g. `slack`. */
  app?: string | undefined;
  /** Search by app name or label (case- and accent-insensitive). */
  q?: string | undefined;
  /** `createdAt` (default), `updatedAt`, `app`, `label`, or `status` (what needs attention first). */
  sort?: ConnectionSort | undefined;
  /** Default `asc`. A cursor belongs to one sort and order. */
  order?: SortOrder | undefined;
  /** `nextCursor` of the previous page. */
  cursor?: string | undefined;
  /** Rows to skip from the start (0–1,000,000), instead of a cursor: a window jumping to the rows it shows. Carries `total`. */
  offset?: number | undefined;
  /** Page size, 1–100 (server default 50). */
  limit?: number | undefined;
}

/** Body of `connections.reconnect`. */
export interface ReconnectParams {
  /** Where the consent flow's redirect fallback returns the user to. */
  returnTo?: string | undefined;
}

/** `/connections`: the connections the caller may see, and what can be done to one. */
export function createConnections(http: Http) {
  const list = (query: ConnectionListParams = {}, options?: RequestOptions): Promise<Page<Connection>> =>
    http.get('connections', 'ConnectionPage', { ...query }, options);

  return {
    /** One page of connections, sorted and filtered on the server; the first page (no cursor) carries `total`. */
    list,
    /**
     * Every connection across pages, fetched page by page as you iterate; stop early with `break`.
     * @example for await (const connection of client.connections.listAll({ status: 'error' })) …
     */
    listAll: (query: ConnectionListParams = {}, options?: RequestOptions): AsyncGenerator<Connection, void, undefined> =>
      paginate((cursor) => list({ ...query, cursor }, options), query.cursor),
    /** One connection. 404 → `isNotFound`. */
    get: async (id: string, options?: RequestOptions): Promise<Connection> =>
      http.get(`connections/${segment(id)}`, 'Connection', undefined, options),
    /**
     * Renews the access token with the stored refresh token. 400 `not_refreshable` ("Connection cannot be refreshed.
     * Please reconnect your connection.") → `isNotRefreshable`: offer Reconnect instead.
     */
    refresh: async (id: string, options?: RequestOptions): Promise<Connection> =>
      http.post(`connections/${segment(id)}/refresh`, 'Connection', undefined, options),
    /** Revokes the connection; dependent runs pause. 409 `already_revoked` → `isAlreadyRevoked`. */
    revoke: async (id: string, options?: RequestOptions): Promise<Connection> =>
      http.post(`connections/${segment(id)}/revoke`, 'Connection', undefined, options),
    /**
     * Starts a consent flow for the connection: open `connectUrl` and follow the session.
     * 409 `auth_config_missing` → `isAuthConfigMissing`.
     */
    reconnect: async (id: string, body: ReconnectParams = {}, options?: RequestOptions): Promise<ConnectSession> =>
      http.post(`connections/${segment(id)}/reconnect`, 'ConnectSession', body, options),
    /**
     * Reconnects an API-key app with its credential fields, by field name.
     * 422 `invalid_credentials` → `isInvalidCredentials`, with per-field messages in `error.fields`.
     */
    submitCredentials: async (id: string, fields: Record<string, string>, options?: RequestOptions): Promise<Connection> =>
      http.post(`connections/${segment(id)}/credentials`, 'Connection', { fields }, options),
    /**
     * Adds a connection of a catalog app, owned by the caller. OAuth: answers `{ type: 'consent', session }` (follow it
     * with `startConnect`; the connection exists once consent completes). API key: send `fields`, answers
     * `{ type: 'connection', connection }`; 422 `invalid_credentials` → `isInvalidCredentials` with `error.fields`.
     * 409 `auth_config_missing` → `isAuthConfigMissing`.
     */
    create: async (body: CreateConnectionBody, options?: RequestOptions): Promise<CreatedConnection> =>
      http.post('connections', 'CreatedConnection', body, options),
    /** What stops working if the connection is removed: the workflows that use it and how many runs are live. */
    usage: async (id: string, options?: RequestOptions): Promise<ConnectionUsage> =>
      http.get(`connections/${segment(id)}/usage`, 'ConnectionUsage', undefined, options),
    /**
     * Removes the connection (unlike `revoke`, nothing is kept): revoked at the provider, deleted with its secrets;
     * the runs that used it pause with `pauseReason: 'connection_removed'`. 404 → `isNotFound` (already gone).
     */
    remove: async (id: string, options?: RequestOptions): Promise<RemovedConnection> =>
      http.delete(`connections/${segment(id)}`, 'RemovedConnection', options),
  };
}

export type ConnectionsResource = ReturnType<typeof createConnections>;
