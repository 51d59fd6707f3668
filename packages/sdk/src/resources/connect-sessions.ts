import type { Http, RequestOptions } from '../http.js';
import type { ConnectSession } from '../schema/connect-session.js';
import { segment } from '../internal/path.js';

/** `/connect-sessions`: the state of a consent flow started by `connections.reconnect`. */
export function createConnectSessions(http: Http) {
  return {
    /** The session's current state: pending, completed, failed, cancelled, account_mismatch or choose_accounts. */
    get: async (id: string, options?: RequestOptions): Promise<ConnectSession> =>
      http.get(`connect-sessions/${segment(id)}`, 'ConnectSession', undefined, options),
    /**
     * After `account_mismatch`, the user agreed to switch to the newly authorised account: apply it.
     * 409 `session_not_confirmable` when the session is in any other state.
     */
    confirm: async (id: string, options?: RequestOptions): Promise<ConnectSession> =>
      http.post(`connect-sessions/${segment(id)}/confirm`, 'ConnectSession', undefined, options),
    /**
     * After `choose_accounts`, connect the chosen granted accounts (`session.accounts[].id`), one connection each; an
     * account keeps the connection it had (`connectionId`). Resolves with the completed session and its
     * `connectionIds`. 400 `validation_failed` for an empty choice or an account the consent did not grant;
     * 409 `session_not_confirmable` when the session is in any other state.
     */
    chooseAccounts: async (id: string, accountIds: readonly string[], options?: RequestOptions): Promise<ConnectSession> =>
      http.post(`connect-sessions/${segment(id)}/accounts`, 'ConnectSession', { accountIds }, options),
    /**
     * After `account_mismatch`, the user kept the account the connection had: the server revokes and discards the
     * other account's fresh tokens; after `choose_accounts`, the user connects none of them. 409
     * `session_not_confirmable` when the session is in any other state.
     */
    decline: async (id: string, options?: RequestOptions): Promise<ConnectSession> =>
      http.post(`connect-sessions/${segment(id)}/decline`, 'ConnectSession', undefined, options),
  };
}

export type ConnectSessionsResource = ReturnType<typeof createConnectSessions>;
