import type { Http, RequestOptions } from '../http.js';
import type { ConnectSession } from '../schema/connect-session.js';
import { segment } from '../internal/path.js';

/** `/connect-sessions`: the state of a consent flow started by `connections.reconnect`. */
export function createConnectSessions(http: Http) {
  return {
    /** The session's current state: pending, completed, failed, cancelled or account_mismatch. */
    get: async (id: string, options?: RequestOptions): Promise<ConnectSession> =>
      http.get(`connect-sessions/${segment(id)}`, 'ConnectSession', undefined, options),
    /**
     * After `account_mismatch`, the user agreed to switch to the newly authorised account: apply it.
     * 409 `session_not_confirmable` when the session is in any other state.
     */
    confirm: async (id: string, options?: RequestOptions): Promise<ConnectSession> =>
      http.post(`connect-sessions/${segment(id)}/confirm`, 'ConnectSession', undefined, options),
    /**
     * After `account_mismatch`, the user kept the account the connection had: the server revokes and discards the
     * other account's fresh tokens. 409 `session_not_confirmable` when the session is in any other state.
     */
    decline: async (id: string, options?: RequestOptions): Promise<ConnectSession> =>
      http.post(`connect-sessions/${segment(id)}/decline`, 'ConnectSession', undefined, options),
  };
}

export type ConnectSessionsResource = ReturnType<typeof createConnectSessions>;
