import type { ConnectSessionOutcome } from '../consent.js';
import type { RequestOptions } from '../http.js';

/**
 * Consent orchestration for a store: after a completed flow (now, or once the user confirms a different account)
 * sync what it changed. `afterReconnect` is the store's own (the connection, its notification, the resumed runs).
 */
export function settleReconnect(
  afterReconnect: (connectionId: string) => Promise<void>,
  connectionId: string,
  outcome: ConnectSessionOutcome,
): Promise<ConnectSessionOutcome> | ConnectSessionOutcome {
  if (outcome.status === 'completed') return afterReconnect(connectionId).then(() => outcome);
  if (outcome.status !== 'account_mismatch') return outcome;
  const { confirm } = outcome;
  return {
    ...outcome,
    confirm: async (options?: RequestOptions) => settleReconnect(afterReconnect, connectionId, await confirm(options)),
  };
}
