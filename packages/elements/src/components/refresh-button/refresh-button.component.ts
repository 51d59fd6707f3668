import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import RefreshCw from 'lucide/dist/esm/icons/refresh-cw.mjs';
import { isNotRefreshable } from '@relink/sdk';
import { RelinkRefreshEvent } from '../../events/refresh.js';
import type { ConnectSessionOutcome } from '@relink/sdk';
import { reconnectPath } from '../../internal/access.js';
import { fillMismatch, settleOutcome, type MismatchMessages } from '../../internal/consent-outcome.js';
import { ConnectionElement } from '../../internal/connection-element.js';
import { errorCopy, failedCopy, isRetryable, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { icon } from '../../internal/icon.js';
import { copyOf } from '../../internal/registry.js';
import { authConfig, errorKinds, mismatch, reconnection, refreshButton, retry } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import { toast } from '../toaster/toaster.js';
import styles from './refresh-button.styles.js';

/**
 * The button's words, and the common ones it says: the failure toast's Reconnect (or "Send reconnection request" for
 * an agency viewing a client's connection) and its outcomes, the account mismatch, Try again.
 */
export type RefreshButtonMessages = ElementMessages['refresh-button'] & MismatchMessages & ErrorKindMessages &
  Pick<CommonMessages, keyof typeof reconnection | 'retry' | 'authConfigHelp'>;

/**
 * Renews a connection's access token with its stored refresh token, without a new sign-in. Rendered only when the
 * connection is `refreshable`. While the request is in flight the button is `aria-disabled` and `aria-busy` (it
 * keeps focus) and its icon spins. Success shows the toast "Connection refreshed." and the store's updated
 * connection; failure shows "Failed to refresh connection" — "You may need to reconnect.", with a Reconnect (or,
 * for an agency viewing a client's connection, "Send reconnection request") action where the viewer may do that.
 *
 * @tag relink-refresh-button
 * @summary "Refresh credential": renews a connection's token and reports the outcome in a toast.
 *
 * @event {RelinkRefreshEvent} relink-refresh - After a refresh settled: `{ connectionId, ok, connection | error }`. Cancel it to skip the toast.
 *
 * @csspart base - The button.
 * @csspart icon - The refresh icon; it spins while busy (not with reduced motion).
 * @csspart label - The button's text.
 *
 * @cssproperty --relink-button-background - Button background; defaults to `--relink-color-surface-raised`.
 * @cssproperty --relink-button-color - Button text colour; defaults to `--relink-color-text`.
 * @cssproperty --relink-button-radius - Button corner radius; defaults to `--relink-radius`.
 */
export class RelinkRefreshButton extends ConnectionElement<RefreshButtonMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('refresh-button', refreshButton, errorKinds, noCodes, reconnection, mismatch, retry, authConfig);

  /** The consent flow started from the failure toast; aborted (its polling stops) when the element leaves the page. */
  private flow?: AbortController;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.flow?.abort();
    this.flow = undefined;
  }

  /** Tells every outcome of the toast's Reconnect in a toast; an account mismatch asks before switching. */
  private reconnectSettled(outcome: ConnectSessionOutcome): void {
    const m = this.m;
    const app = this.connection?.app.name ?? '';
    settleOutcome(outcome, {
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
                (next) => this.reconnectSettled(next),
                (error: unknown) => toast({ title: m.reconnectFailed, description: errorCopy(error, m), tone: 'error' }),
              );
            },
          },
        }),
    });
  }

  @state() private busy = false;

  /** The window the failure toast's consent popup opens from (iframes, tests). Default: `window`. */
  @property({ attribute: false }) window?: Window;

  private failureAction() {
    const connection = this.connection;
    const store = this.store;
    if (!connection || !store) return undefined;
    const m = this.m;
    const path = reconnectPath(this.viewer, connection);
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
          store.reconnect(connection.id, { signal: (this.flow = new AbortController()).signal, locale: this.locale, ...(this.window ? { window: this.window } : {}) }).then(
            (outcome) => this.reconnectSettled(outcome),
            (error: unknown) => toast({ title: m.reconnectFailed, description: errorCopy(error, m), tone: 'error' }),
          );
        },
      };
    }
    return undefined;
  }

  /**
   * Only the server's `not_refreshable` means "you may need to reconnect"; an outage, a timeout or an expired
   * session says what really happened (and offers Try again where that can help).
   */
  private failureToast(error: unknown) {
    const m = this.m;
    if (isNotRefreshable(error)) {
      const action = this.failureAction();
      return { title: m.failure, description: m.failureDescription, tone: 'error' as const, ...(action ? { action } : {}) };
    }
    const retry = isRetryable(error) ? { action: { label: m.retry, onClick: () => void this.handleClick() } } : {};
    return { title: m.failure, description: errorCopy(error, m), tone: 'error' as const, ...retry };
  }

  private async handleClick(): Promise<void> {
    const { store, connectionId } = this;
    if (this.busy || !store) return;
    this.busy = true;
    const m = this.m;
    try {
      const connection = await store.refresh(connectionId);
      if (this.dispatchEvent(new RelinkRefreshEvent({ connectionId, ok: true, connection }))) {
        toast({ title: m.success, tone: 'success' });
      }
    } catch (error) {
      if (this.dispatchEvent(new RelinkRefreshEvent({ connectionId, ok: false, error }))) {
        toast(this.failureToast(error));
      }
    } finally {
      this.busy = false;
    }
  }

  /** Refreshes now, as a click would. */
  refresh(): Promise<void> {
    return this.handleClick();
  }

  override render() {
    const connection = this.connection;
    // Stay while a refresh is in flight, even if the connection stops being refreshable meanwhile.
    if (!connection || (!connection.refreshable && !this.busy)) return nothing;
    return html`<button
      part="base"
      class="btn"
      type="button"
      aria-disabled=${this.busy ? 'true' : 'false'}
      aria-busy=${this.busy ? 'true' : 'false'}
      @click=${this.handleClick}
    ><span part="icon" class="spin">${icon(RefreshCw)}</span><span part="label">${this.m.label}</span></button>`;
  }
}
