import type { Http, RequestOptions } from '../http.js';
import type { ConnectionRequest, ConnectionRequestState } from '../schema/connection-request.js';
import type { CreateConnectionRequestBody, ReconnectBody } from '../schema/requests.js';
import type { Page } from '../schema/common.js';
import { segment } from '../internal/path.js';
import type { ConnectSession } from '../schema/connect-session.js';

/** Filters and paging of `connectionRequests.list`. */
export interface ConnectionRequestListParams {
  state?: ConnectionRequestState | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** `/connection-requests`: asking someone (usually a client) to connect or reconnect an app. */
export function createConnectionRequests(http: Http) {
  return {
    /** One page of requests, e.g. `{ state: 'outstanding' }`. */
    list: async (query: ConnectionRequestListParams = {}, options?: RequestOptions): Promise<Page<ConnectionRequest>> =>
      http.get('connection-requests', 'ConnectionRequestPage', { ...query }, options),
    /** Sends a request (agency only; 403 → `isForbidden` for clients). */
    create: async (body: CreateConnectionRequestBody, options?: RequestOptions): Promise<ConnectionRequest> =>
      http.post('connection-requests', 'ConnectionRequest', body, options),
    /** Cancels an outstanding request (agency only); answers with the cancelled request. */
    cancel: async (id: string, options?: RequestOptions): Promise<ConnectionRequest> =>
      http.post(`connection-requests/${segment(id)}/cancel`, 'ConnectionRequest', undefined, options),
    /**
     * The addressed client answers a request: starts its consent flow (use `startConnectRequest` for the popup).
     * Completing the consent completes the request and activates (or reconnects in place) its connection.
     */
    connect: async (id: string, params: ReconnectBody = {}, options?: RequestOptions): Promise<ConnectSession> =>
      http.post(`connection-requests/${segment(id)}/connect`, 'ConnectSession', params, options),
  };
}

export type ConnectionRequestsResource = ReturnType<typeof createConnectionRequests>;
