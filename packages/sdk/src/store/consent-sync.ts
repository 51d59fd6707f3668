import type { ConnectSessionOutcome } from '../consent.js';
import type { RequestOptions } from '../http.js';

/**
 * Consent orchestration for a store: after a completed flow (now, once the user confirms a different account, or
 * once they choose the accounts to connect) sync what it changed. `afterReconnect` is the store's own (the connection, its notification, the resumed runs).
 */
export function settleReconnect(
  afterReconnect: (connectionId: string) => Promise<void>,
  connectionId: string,
  outcome: ConnectSessionOutcome,
): Promise<ConnectSessionOutcome> | ConnectSessionOutcome {
  if (outcome.status === 'completed') {
    // After a choice of accounts, every connection it created or updated (seed 004); else the flow's one.
    const ids = outcome.session.connectionIds ?? [connectionId];
    return Promise.all(ids.map((id) => afterReconnect(id))).then(() => outcome);
  }
  if (outcome.status === 'choose_accounts') {
    const { choose } = outcome;
    return {
      ...outcome,
      choose: async (accountIds: readonly string[], options?: RequestOptions) => settleReconnect(afterReconnect, connectionId, await choose(accountIds, options)),
    };
  }
  if (outcome.status !== 'account_mismatch') return outcome;
  const { confirm } = outcome;
  return {
    ...outcome,
    confirm: async (options?: RequestOptions) => settleReconnect(afterReconnect, connectionId, await confirm(options)),
  };
}
