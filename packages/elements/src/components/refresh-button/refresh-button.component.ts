import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import RefreshCw from 'lucide/dist/esm/icons/refresh-cw.mjs';
import { RelinkRefreshEvent } from '../../events/refresh.js';
import { reconnectPath } from '../../internal/access.js';
import type { MismatchMessages } from '../../internal/consent-outcome.js';
import { ConnectionElement } from '../../internal/connection-element.js';
import { errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { flowKit } from '../../internal/flow-kit.js';
import { icon } from '../../internal/icon.js';
import type * as RefreshFailure from '../../internal/refresh-failure.js';
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

  @state() private busy = false;

  /** The window the failure toast's consent popup opens from (iframes, tests). Default: `window`. */
  @property({ attribute: false }) window?: Window;

  /** The failure toast's code (`internal/refresh-failure.ts`), loading from the first click on. */
  private failure?: Promise<typeof RefreshFailure>;

  private async handleClick(): Promise<void> {
    const { store, connectionId } = this;
    if (this.busy || !store) return;
    this.busy = true;
    const m = this.m;
    // Loads beside the request, so a failure is told as soon as it is known; a failed load is tried again next time.
    const failure = (this.failure ??= import('../../internal/refresh-failure.js'));
    failure.catch(() => (this.failure = undefined));
    try {
      const connection = await store.refresh(connectionId);
      if (this.dispatchEvent(new RelinkRefreshEvent({ connectionId, ok: true, connection }))) {
        toast({ title: m.success, tone: 'success' });
      }
    } catch (error) {
      if (this.dispatchEvent(new RelinkRefreshEvent({ connectionId, ok: false, error }))) {
        const connection = this.connection;
        toast(await failure.then(
          ({ failureToast }) => failureToast({
            error, m, connection, store: this.store, path: connection && reconnectPath(this.viewer, connection), locale: this.locale, window: this.window,
            startFlow: () => (this.flow = new AbortController()).signal,
            retry: () => void this.handleClick(),
          }, flowKit),
          // Without its code, the toast still says what happened.
          () => ({ title: m.failure, description: errorCopy(error, m), tone: 'error' as const }),
        ));
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
