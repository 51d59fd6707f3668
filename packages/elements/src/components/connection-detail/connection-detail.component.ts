import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { expiryHintDays, isNotFound } from '@relink/sdk';
import { ClockController } from '../../controllers/clock-controller.js';
import { RelinkRevokedEvent } from '../../events/revoke.js';
import { needsReconnect, reconnectPath } from '../../internal/access.js';
import { authConfigProblem, authConfigText, type AuthConfigMessages } from '../../internal/auth-config.js';
import { errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { fill } from '../../internal/fill.js';
import { ConnectionElement } from '../../internal/connection-element.js';
import { absoluteTime, relativeTime } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { errorState, loadingState } from '../../internal/load-state.js';
import { monogram } from '../../internal/monogram.js';
import { messagesFor } from '../../internal/messages-for.js';
import { copyOf } from '../../internal/registry.js';
import { authConfig, connectionDetail, errorKinds, retry } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import { RelinkStatusBadge, type StatusBadgeMessages } from '../status-badge/status-badge.js';
import { RelinkRefreshButton, type RefreshButtonMessages } from '../refresh-button/refresh-button.js';
import { RelinkRevokeDialog, type RevokeDialogMessages } from '../revoke-dialog/revoke-dialog.js';
import { RelinkReconnectButton, type ReconnectButtonMessages } from '../reconnect-button/reconnect-button.js';
import styles from './connection-detail.styles.js';

export type ConnectionDetailMessages = ElementMessages['connection-detail'] & AuthConfigMessages & ErrorKindMessages & Pick<CommonMessages, 'retry'>;

/**
 * What the detail's `messages` also take for the elements inside it: common words (`error: 'Expired'` relabels its
 * badge) and one namespace per inner element (`'refresh-button': { label: 'Renew' }`).
 */
export type ConnectionDetailInnerMessages = Partial<Omit<CommonMessages, 'codes'>> & {
  'status-badge'?: Partial<StatusBadgeMessages>;
  'refresh-button'?: Partial<RefreshButtonMessages>;
  'revoke-dialog'?: Partial<RevokeDialogMessages>;
  'reconnect-button'?: Partial<ReconnectButtonMessages>;
};

/**
 * One connection's page (seed 001's `/portal/connections/{id}`): the app, the label, the status badge with its
 * description (and the "Reconnect within N days" hint), the external account when known, "Last refreshed" as a
 * relative time with the absolute time in `title`, and the actions this viewer may take: Refresh credential (when
 * refreshable), Revoke (unless revoked), Reconnect or "Send reconnection request" when broken — or, renewing before
 * expiry (seed 004), when active with "Reconnect within N days". A client viewer whose
 * connection cannot be refreshed reads "Contact your agency if this integration needs to be reconnected." instead:
 * clients reconnect through their agency's request emails.
 *
 * @tag relink-connection-detail
 * @summary A connection's status, details and actions (refresh, revoke, reconnect).
 *
 * @csspart base - The card.
 * @csspart header - Logo, app name and label.
 * @csspart logo - The app's logo or monogram.
 * @csspart title - The app's name (a heading at `heading-level`; focused after a revoke).
 * @csspart label - The connection's label.
 * @csspart status - The badge and the actions.
 * @csspart badge - The `relink-status-badge`.
 * @csspart actions - The action buttons.
 * @csspart facts - The account and "Last refreshed" list.
 * @csspart last-refreshed - The `<time>` of the last refresh.
 * @csspart last-error - The provider's error message, when broken.
 * @csspart notice - "Contact your agency…".
 * @csspart auth-config - The app's managed auth config is missing or invalid (seed 000), and who can fix it.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error, with "Try again" (not for a connection that does not exist).
 * @csspart retry - The "Try again" button.
 *
 * @cssproperty --relink-connection-detail-padding - Card padding; defaults to `--relink-space-4`.
 * @cssproperty --relink-connection-detail-radius - Card corner radius; defaults to `--relink-radius`.
 * @cssproperty --relink-connection-detail-background - Card background; defaults to `--relink-color-surface`.
 */
export class RelinkConnectionDetail extends ConnectionElement<ConnectionDetailMessages, ConnectionDetailInnerMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('connection-detail', connectionDetail, authConfig, errorKinds, noCodes, retry);

  // Keep "5 minutes ago" true.
  private readonly clock = new ClockController(this);

  /** Level of the app name's heading, 1–6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(RelinkRevokedEvent.type, this.handleRevoked);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(RelinkRevokedEvent.type, this.handleRevoked);
  }

  // The Revoke button is gone once revoked: put focus somewhere meaningful rather than on <body>.
  private handleRevoked = (): void => {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("[part='title']")?.focus());
  };

  override render() {
    const c = this.connection;
    const m = this.m;
    if (!c) {
      const error = this.loadError;
      if (error !== undefined) {
        return html`<div part="base">${isNotFound(error)
          ? errorState(m.notFound)
          : errorState(errorCopy(error, m), { label: m.retry, onRetry: () => this.load() })}</div>`;
      }
      return html`<div part="base" aria-busy="true">${loadingState(m.loading)}</div>`;
    }
    const locale = this.locale;
    const store = this.store;
    const path = reconnectPath(this.viewer, c);
    const expiring = store ? expiryHintDays(c, store.expiringWithinDays, store.now()) : undefined;
    const showNotice = this.viewer?.role === 'client' && !c.refreshable;
    // Not "Waiting for the first sync.": the app cannot connect until its managed auth config is fixed.
    const authProblem = c.status === 'active' ? undefined : authConfigProblem(c);
    return html`<section part="base" aria-labelledby="title">
      <div part="header">
        ${monogram(c.app)}
        <div>
          ${heading(this.headingLevel, { part: 'title', id: 'title' }, c.app.name)}
          <p part="label">${c.label}</p>
        </div>
      </div>
      <div part="status">
        <relink-status-badge part="badge" status=${c.status} ?with-description=${!authProblem} expires-in-days=${expiring ?? nothing}
          .messages=${messagesFor(this.messages, RelinkStatusBadge)}></relink-status-badge>
        <div part="actions">
          <relink-refresh-button connection-id=${c.id} .messages=${messagesFor(this.messages, RelinkRefreshButton)}></relink-refresh-button>
          ${(needsReconnect(c) || expiring !== undefined) && path !== 'none'
            ? html`<relink-reconnect-button connection-id=${c.id} .messages=${messagesFor(this.messages, RelinkReconnectButton)}></relink-reconnect-button>`
            : nothing}
          <relink-revoke-dialog connection-id=${c.id} .messages=${messagesFor(this.messages, RelinkRevokeDialog)}></relink-revoke-dialog>
        </div>
      </div>
      ${authProblem
        ? html`<div part="auth-config"><p>${fill(authConfigText(authProblem, m), { app: c.app.name })}</p><p>${m.authConfigHelp}</p></div>`
        : nothing}
      ${c.status === 'error' && c.lastError ? html`<p part="last-error">${c.lastError.message}</p>` : nothing}
      <dl part="facts">
        ${c.externalAccountEmail ? html`<dt>${m.account}</dt><dd>${c.externalAccountEmail}</dd>` : nothing}
        <dt>${m.lastRefreshed}</dt>
        <dd>${c.lastRefreshedAt
          ? html`<time part="last-refreshed" datetime=${c.lastRefreshedAt} title=${absoluteTime(locale, c.lastRefreshedAt)}
              >${relativeTime(locale, c.lastRefreshedAt, store?.now())}</time>`
          : m.never}</dd>
      </dl>
      ${showNotice ? html`<p part="notice">${m.contactAgency}</p>` : nothing}
    </section>`;
  }
}
