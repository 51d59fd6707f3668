import { adoptStyles, html, type CSSResult, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { expiryHintDays, isNotFound, type Connection, type RelinkStore } from '@relink/sdk';
import { ClockController } from '../../controllers/clock-controller.js';
import { RelinkNavigateEvent } from '../../events/navigate.js';
import { RelinkRevokedEvent } from '../../events/revoke.js';
import { needsReconnect, reconnectPath } from '../../internal/access.js';
import { authConfigProblem, authConfigText, type AuthConfigMessages } from '../../internal/auth-config.js';
import { chunkFailed, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { fill } from '../../internal/fill.js';
import { fillHref } from '../../internal/href.js';
import { ConnectionElement } from '../../internal/connection-element.js';
import { absoluteTime, relativeTime } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { errorState, failedState, loadingState } from '../../internal/load-state.js';
import { monogram } from '../../internal/monogram.js';
import { messagesFor } from '../../internal/messages-for.js';
import type * as DetailView from '../../internal/connection-detail-view.js';
import type { DetailHost } from '../../internal/connection-detail-view.js';
import { copyOf } from '../../internal/registry.js';
import { colorBorder, colorDanger, colorTextMuted, space1, space2, space3, space4 } from '../../styles/tokens.js';
import { authConfig, connectionDetail, errorKinds, retry } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import { RelinkStatusBadge, type StatusBadgeMessages } from '../status-badge/status-badge.js';
import { RelinkRefreshButton, type RefreshButtonMessages } from '../refresh-button/refresh-button.js';
import { RelinkRevokeDialog, type RevokeDialogMessages } from '../revoke-dialog/revoke-dialog.js';
import { RelinkReconnectButton, type ReconnectButtonMessages } from '../reconnect-button/reconnect-button.js';
import { RelinkRemoveDialog, type RemoveDialogMessages } from '../remove-dialog/remove-dialog.js';
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
  'remove-dialog'?: Partial<RemoveDialogMessages>;
};

/**
 * The page's helpers the detail's view (`internal/connection-detail-view.ts`, on demand) renders with: handed to it,
 * not imported by it (see `flow-kit.ts` for why), and the inner elements' copy, for `messagesFor`.
 */
const detailKit = {
  monogram, heading, messagesFor, fill, fillHref, absoluteTime, relativeTime, reconnectPath, needsReconnect, expiryHintDays, authConfigProblem, authConfigText,
  copies: { badge: RelinkStatusBadge, refresh: RelinkRefreshButton, reconnect: RelinkReconnectButton, revoke: RelinkRevokeDialog, remove: RelinkRemoveDialog },
};

export type DetailKit = typeof detailKit;

/** The view, once loaded (shared by every detail on the page); the load in flight (unset again when it failed). */
let view: typeof DetailView | undefined;
let viewLoad: Promise<typeof DetailView> | undefined;
let viewStyles: CSSResult | undefined;

/**
 * One connection's page (seed 001's `/portal/connections/{id}`): the app, the label, the status badge with its
 * description (and the "Reconnect within N days" hint), the external account when known, "Last refreshed" as a
 * relative time with the absolute time in `title`, and the actions this viewer may take: Refresh credential (when
 * refreshable), Revoke (unless revoked), Reconnect or "Send reconnection request" when broken — or, renewing before
 * expiry (seed 004), when active with "Reconnect within N days". A client viewer whose
 * connection cannot be refreshed reads "Contact your agency if this integration needs to be reconnected." instead:
 * clients reconnect through their agency's request emails.
 *
 * Remove (seed 004: "Click Remove, then add it fresh") is offered beside Revoke to whoever sees the connection: the
 * server lets anyone who may revoke a connection remove it (the agency any in the workspace, a client its own).
 * Once the connection is gone — removed here, or elsewhere and heard live (`connection.removed`) — the page shows
 * no stale record and no "not found" error: it says the connection was removed and, when `list-href` is set, links
 * back to the list (a `relink-navigate` a host routes).
 *
 * What it shows once it has a connection (or once that was removed) loads as the first detail connects; until then
 * it shows its loading state, and if that code does not load, its error state saying to reload the page.
 *
 * @tag relink-connection-detail
 * @summary A connection's status, details and actions (refresh, reconnect, revoke, remove).
 *
 * @event {RelinkNavigateEvent} relink-navigate - "Back to connections" after a removal was activated, `{ href, connectionId }`; cancel it to route in the host app.
 *
 * @csspart base - The card; also `removed` once the connection was removed (then only `title`, `removed-body` and `back`).
 * @csspart header - Logo, app name and label.
 * @csspart logo - The app's logo or monogram.
 * @csspart title - The app's name (a heading at `heading-level`; focused after a revoke), or "Slack was removed".
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
 * @csspart error - The load error, with "Try again" (not for a connection that does not exist, nor when the detail's own code did not load).
 * @csspart retry - The "Try again" button.
 * @csspart removed-body - What the removal means for the workflows that used it.
 * @csspart back - "Back to connections" (only with `list-href`).
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

  /**
   * Where "Back to connections" goes once the connection was removed, e.g. `/portal/connections` (`{id}` is filled in
   * with its id). Unset: no link is shown.
   */
  @property({ attribute: 'list-href' }) listHref?: string;

  /** The connection as last shown, and the store it came from: when that store drops it, it was removed. */
  private lastShown?: { store: RelinkStore; connection: Connection };
  /** The connection that was removed while this page showed it: named in the "removed" state. */
  @state() private removed?: Connection;

  /** The view did not load: said in its place (reload the page). */
  @state() private viewError?: unknown;

  /** @internal Loads the view; a test replaces it to make the load fail. */
  static loadView = (): Promise<typeof DetailView> => import('../../internal/connection-detail-view.js');

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(RelinkRevokedEvent.type, this.handleRevoked);
    this.loadView();
  }

  private loadView(): void {
    this.viewError = undefined;
    if (view) return;
    viewLoad ??= RelinkConnectionDetail.loadView().then((loaded) => (view = loaded), (error: unknown) => {
      viewLoad = undefined;
      return chunkFailed(error);
    });
    viewLoad.then(() => this.requestUpdate(), (error: unknown) => (this.viewError = error));
  }

  /** The view while it loads: awaiting `updateComplete` means what it shows is painted. */
  protected override pendingCode(): Promise<unknown> | undefined {
    return view ? undefined : viewLoad;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(RelinkRevokedEvent.type, this.handleRevoked);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { store, connection } = this;
    if (changed.has('connectionId')) this.lastShown = this.removed = undefined;
    if (store && connection) {
      this.lastShown = { store, connection };
      this.removed = undefined;
    } else if (store && this.lastShown?.store === store && this.lastShown.connection.id === this.connectionId) {
      // The store drops a connection only when it is removed (here, by a live `connection.removed`, or missing from a reload).
      // Whoever was working in the page (its buttons are gone) continues from the notice, not from <body>.
      if (!this.removed && this.shadowRoot?.activeElement) this.focusTitle();
      this.removed = this.lastShown.connection;
    }
  }

  private focusTitle(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("[part='title']")?.focus());
  }

  // The Revoke button is gone once revoked: put focus somewhere meaningful rather than on <body>.
  private handleRevoked = (): void => this.focusTitle();

  private viewStyled = false;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The view's rules join the element's own the first time it renders (before that frame is painted).
    if (view && !this.viewStyled) {
      this.viewStyled = true;
      viewStyles ??= view.detailStyles({ colorBorder, colorDanger, colorTextMuted, space1, space2, space3, space4 });
      adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof RelinkConnectionDetail).elementStyles, viewStyles]);
    }
  }

  private handleBack(event: MouseEvent, href: string): void {
    if (!this.dispatchEvent(new RelinkNavigateEvent({ href, connectionId: this.connectionId }))) event.preventDefault();
  }

  override render() {
    const c = this.connection;
    const m = this.m;
    const shown = c ?? this.removed;
    if (shown && view) {
      const host: DetailHost = {
        m, messages: this.messages, locale: this.locale, store: this.store, viewer: this.viewer, headingLevel: this.headingLevel, listHref: this.listHref,
        handleBack: (event, href) => this.handleBack(event, href),
      };
      return c ? view.renderConnection(host, c, detailKit) : view.renderRemoved(host, shown, detailKit);
    }
    const error = shown ? this.viewError : this.loadError;
    if (error !== undefined) {
      return html`<div part="base">${isNotFound(error)
        ? errorState(m.notFound)
        : failedState(error, m, () => (shown ? this.loadView() : this.load()))}</div>`;
    }
    return html`<div part="base" aria-busy="true">${loadingState(m.loading)}</div>`;
  }
}
