import type { ConnectSessionOutcome, RelinkStore, Connection } from '@relink/sdk';
import type { RefreshButtonMessages } from '../components/refresh-button/refresh-button.component.js';
import type { ToastOptions } from '../components/toaster/toaster.component.js';
import type { ReconnectPath } from './access.js';
import type { FlowKit } from './flow-kit.js';

/** What the failure toast needs from the refresh button that failed. */
export interface RefreshFailure {
  error: unknown;
  m: RefreshButtonMessages;
  connection: Connection | undefined;
  store: RelinkStore | undefined;
  /** What the viewer may do to bring the connection back (`internal/access.ts`). */
  path: ReconnectPath | undefined;
  locale: string;
  window: Window | undefined;
  /** The toast's Reconnect starts a consent flow: the button aborts it when it leaves the page. */
  startFlow(): AbortSignal;
  /** Try again: refresh once more, as a click would. */
  retry(): void;
}

/**
 * The refresh button's failure toast and what its action does (a refresh that fails is rare: this loads on demand,
 * as the click starts, and imports nothing but types; see `flow-kit.ts`). Only the server's `not_refreshable` means
 * "you may need to reconnect", with a Reconnect (or "Send reconnection request") where the viewer may do that; an
 * outage, a timeout or an expired session says what really happened, with Try again where that can help.
 */
export function failureToast(failure: RefreshFailure, kit: FlowKit): ToastOptions {
  const { error, m } = failure;
  if (kit.isNotRefreshable(error)) {
    const action = failureAction(failure, kit);
    return { title: m.failure, description: m.failureDescription, tone: 'error', ...(action ? { action } : {}) };
  }
  const retry = kit.isRetryable(error) ? { action: { label: m.retry, onClick: () => failure.retry() } } : {};
  return { title: m.failure, description: kit.errorCopy(error, m), tone: 'error', ...retry };
}

function failureAction(failure: RefreshFailure, kit: FlowKit): ToastOptions['action'] {
  const { connection, store, m, path } = failure;
  const { toast, errorCopy } = kit;
  if (!connection || !store) return undefined;
  if (path === 'request') {
    return {
      label: m.requestReconnection,
      onClick: () => {
        store.requestReconnection(connection.id).then(
          () => toast({ title: m.requestSent, tone: 'success' }),
          (error: unknown) => toast({ title: m.requestFailed, description: errorCopy(error, m), tone: 'error' }),
        );
      },
    };
  }
  if (path === 'reconnect') {
    return {
      label: m.reconnect,
      // Inside the click, so the consent popup is not blocked.
      onClick: () => {
        store.reconnect(connection.id, { signal: failure.startFlow(), locale: failure.locale, ...(failure.window ? { window: failure.window } : {}) }).then(
          (outcome) => reconnectSettled(outcome, failure, kit),
          (error: unknown) => toast({ title: m.reconnectFailed, description: errorCopy(error, m), tone: 'error' }),
        );
      },
    };
  }
  return undefined;
}

/** Tells every outcome of the toast's Reconnect in a toast; an account mismatch asks before switching. */
function reconnectSettled(outcome: ConnectSessionOutcome, failure: RefreshFailure, kit: FlowKit): void {
  const { m } = failure;
  const { toast, errorCopy, failedCopy, fillMismatch } = kit;
  const app = failure.connection?.app.name ?? '';
  kit.settleOutcome(outcome, {
    completed: () => void toast({ title: m.reconnected, tone: 'success' }),
    cancelled: () => undefined,
    redirected: () => undefined,
    failed: (failed) => void toast({ title: m.reconnectFailed, description: failedCopy(failed, m), tone: 'error' }),
    auth_config_missing: (missing) => void toast({ title: m.reconnectFailed, description: `${errorCopy(missing.error, m)} ${m.authConfigHelp}`, tone: 'error' }),
    account_mismatch: (mismatch) =>
      void toast({
        title: fillMismatch(m.mismatch, m, mismatch, app),
        description: m.mismatchWarning,
        tone: 'info',
        // Dismissing it keeps the old account; only the action switches.
        duration: Infinity,
        action: {
          label: fillMismatch(m.switchAccount, m, mismatch, app),
          onClick: () => {
            mismatch.confirm().then(
              (next) => reconnectSettled(next, failure, kit),
              (error: unknown) => toast({ title: m.reconnectFailed, description: errorCopy(error, m), tone: 'error' }),
            );
          },
        },
      }),
  });
}
