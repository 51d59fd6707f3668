import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { daysUntil, type Collection, type Notification, type NotificationSeverity } from '@relink/sdk';
import Bell from 'lucide/dist/esm/icons/bell.mjs';
import CircleAlert from 'lucide/dist/esm/icons/circle-alert.mjs';
import Info from 'lucide/dist/esm/icons/info.mjs';
import TriangleAlert from 'lucide/dist/esm/icons/triangle-alert.mjs';
import { ClockController } from '../../controllers/clock-controller.js';
import { collectionLoader } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkNavigateEvent } from '../../events/navigate.js';
import { fill } from '../../internal/fill.js';
import { formatCount, plural, relativeTime } from '../../internal/format.js';
import { fillHref } from '../../internal/href.js';
import { icon } from '../../internal/icon.js';
import { noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { isStale, staleNote, type StaleMessages } from '../../internal/stale.js';
import { emptyState, failedState, loadingState } from '../../internal/load-state.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { copyOf } from '../../internal/registry.js';
import { errorKinds, notificationBell, retry, stale } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import styles from './notification-bell.styles.js';

export type NotificationBellMessages = ElementMessages['notification-bell'] & ErrorKindMessages & StaleMessages & Pick<CommonMessages, 'retry'>;

const SEVERITY_ICONS = { critical: CircleAlert, warning: TriangleAlert, info: Info };

/**
 * The notifications bell: a button with the unread count (visible as a badge, spoken as "Notifications, 3 unread")
 * that opens a native `popover` listing the provider's notifications, newest first. Reauth notifications are titled
 * after their app ("HubSpot reauth required"), failed runs after their workflow ("Publish scheduled LinkedIn posts
 * failed", saying whether the run retries by itself after the reconnect or needs Replay, and later that it was
 * retried) and, like every notification about a connection, deep-link to it
 * (`connection-href`). Opening an item marks it read (`store.markRead`) and fires a cancelable `relink-navigate`.
 * Keyboard: Enter/Space open (focus moves to the first item), ↑/↓/Home/End move between items, Escape closes and
 * returns focus to the button. Positioned under the button with CSS anchor positioning, flipping at the edges.
 *
 * @tag relink-notification-bell
 * @summary The bell: unread count, a popover list of notifications, each deep-linking to its connection.
 *
 * @slot footer - Below the list, inside the popover: e.g. a link to the host's notification settings (`relink-notification-settings`).
 *
 * @event {RelinkNavigateEvent} relink-navigate - An item was opened, `{ href, connectionId, notificationId }`; cancel it to route in the host app.
 *
 * @csspart base - Wrapper of the button and the popover.
 * @csspart button - The bell button.
 * @csspart badge - The unread count on the button (hidden from assistive tech: the button's name says it).
 * @csspart panel - The popover.
 * @csspart heading - "Notifications".
 * @csspart list - The list of notifications.
 * @csspart item - One notification (`li`).
 * @csspart unread - Also on an unread notification's `item`.
 * @csspart critical - Also on a critical notification's `item`.
 * @csspart warning - Also on a warning's `item`.
 * @csspart info - Also on an informational notification's `item`.
 * @csspart item-link - The link (or button) that opens a notification.
 * @csspart item-icon - The severity icon (the severity is also written, visually hidden).
 * @csspart item-title - The notification's title.
 * @csspart item-body - The notification's body.
 * @csspart item-time - When it was raised (relative).
 * @csspart loading - "Loading notifications…" while the list loads.
 * @csspart empty - The empty state.
 * @csspart empty-title - "No notifications".
 * @csspart error - A load error with "Try again".
 * @csspart retry - The "Try again" button.
 *
 * @cssproperty --relink-notification-bell-width - Width of the popover; defaults to 360px (never wider than the viewport).
 * @cssproperty --relink-notification-bell-max-height - Max height of the popover; defaults to 480px.
 * @cssproperty --relink-notification-bell-badge-background - The badge's background; defaults to `--relink-color-danger`.
 * @cssproperty --relink-notification-bell-background - Popover background; defaults to `--relink-color-surface-raised`.
 */
export class RelinkNotificationBell extends RelinkElement<NotificationBellMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('notification-bell', notificationBell, stale, errorKinds, noCodes, retry);

  private readonly data = new StoreController<Collection<Notification>>(this, (s) => s.notifications);
  // Whether the service can be reached: old data says it may be out of date.
  private readonly live = new StoreController(this, (s) => s.live);
  private readonly loader = collectionLoader(this, () => this.data.store, ['notifications']);
  // Keep "5 minutes ago" true.
  private readonly clock = new ClockController(this);

  /** Link of a notification about a connection: `{id}` is the connection's id, e.g. `/connections/{id}`. */
  @property({ attribute: 'connection-href' }) connectionHref?: string;

  @query('[part~=button]') private button?: HTMLButtonElement;
  @query('[part~=panel]') private panel?: HTMLElement;

  /** Unread notifications. */
  get unread(): number {
    return this.shown.filter((n) => !n.read).length;
  }

  /**
   * The notifications listed: a resolved alert (its connection fixed) is cleared from the bell (seed 002), except a
   * failed run the server retried after the reconnect, which stays to say so (seed 004).
   */
  private get shown(): readonly Notification[] {
    return this.data.value?.items.filter((n) => n.resolvedAt === undefined || n.retry === 'retried') ?? [];
  }

  /** Whether the popover is open. */
  get open(): boolean {
    return this.panel?.matches(':popover-open') ?? false;
  }

  /** Opens the popover (focus moves into it). */
  show(): void {
    if (!this.open) this.panel?.showPopover();
  }

  /** Closes the popover; focus returns to the button if it was inside. */
  hide(): void {
    if (!this.open) return;
    const inside = this.panel!.contains(this.shadowRoot!.activeElement);
    this.panel!.hidePopover();
    if (inside) this.button?.focus();
  }

  /** Loads the notifications again (what "Try again" does). */
  reload(): Promise<void> {
    return this.loader.run();
  }

  private items(): HTMLElement[] {
    return [...this.shadowRoot!.querySelectorAll<HTMLElement>('[part~=item-link]')];
  }

  private handleToggle(event: ToggleEvent): void {
    if (event.newState !== 'open') return;
    void this.updateComplete.then(() => (this.items()[0] ?? this.panel)?.focus());
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.hide();
      return;
    }
    const items = this.items();
    const current = items.indexOf(this.shadowRoot!.activeElement as HTMLElement);
    const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: items.length - 1 }[event.key];
    if (next === undefined || !items.length) return;
    event.preventDefault();
    items[(next + items.length) % items.length]!.focus();
  }

  private handleOpen(event: MouseEvent, notification: Notification, href: string): void {
    const store = this.data.store;
    if (!notification.read) void store?.markRead(notification.id).catch(() => undefined);
    if (!this.dispatchEvent(new RelinkNavigateEvent({ href, connectionId: notification.connectionId, notificationId: notification.id }))) {
      event.preventDefault();
    }
    this.hide();
  }

  /** The title in the page's language for the kinds the kit knows (the server's English title otherwise). */
  private titleOf(n: Notification): string {
    if (n.kind === 'run_failed' && n.workflowName) return fill(this.m.runFailedTitle, { workflow: n.workflowName });
    const template = n.appName ? { reauth_required: this.m.reauthTitle, expiring_soon: this.m.expiringTitle }[n.kind as string] : undefined;
    return template ? fill(template, { app: n.appName! }) : n.title;
  }

  /**
   * The body in the page's language, said from the notification's fields (`connectionLabel`, `appName`, `expiresAt`)
   * for the kinds the kit knows; the server's English `body` for any other kind. A notification the kit titles but
   * cannot say the body of (from a server without those fields) shows no body on a non-English page, rather than
   * mixing languages: the title carries the message, the connection's page the details.
   */
  private bodyOf(n: Notification, now: number): string | undefined {
    const runFailed = this.runFailedBody(n);
    if (runFailed !== undefined) return runFailed;
    const m = this.m;
    const label = n.connectionLabel;
    if (!n.appName || (n.kind !== 'reauth_required' && n.kind !== 'expiring_soon')) return n.body;
    if (label !== undefined && n.kind === 'reauth_required') return fill(m.reauthBody, { label, app: n.appName });
    if (label !== undefined && n.expiresAt !== undefined) {
      // Counted now, not when it was raised ("within 14 days" goes stale); past the expiry the title says enough.
      const days = daysUntil(n.expiresAt, now);
      return days === undefined ? undefined : plural(this.locale, days, m.expiringBody, { label });
    }
    return /^en\b/i.test(this.locale) ? n.body : undefined;
  }

  /** A failed run's body in the page's language: which app broke it, and whether it retries by itself or needs Replay. */
  private runFailedBody(n: Notification): string | undefined {
    if (n.kind !== 'run_failed' || !n.appName) return undefined;
    const m = this.m;
    const template = n.retry === 'retried' ? m.runFailedRetried : n.retry === 'after_reconnect' ? m.runFailedWillRetry : m.runFailedReplay;
    return fill(template, { app: n.appName });
  }

  private renderItem(n: Notification) {
    const m = this.m;
    const severity: NotificationSeverity = n.severity;
    const href = n.connectionId ? fillHref(this.connectionHref, n.connectionId) : undefined;
    const now = this.data.store?.now() ?? Date.now();
    const body = this.bodyOf(n, now);
    const content = html`<span part="item-icon">${icon(SEVERITY_ICONS[severity])}</span>
      <span class="text">
        <span part="item-title"><span class="sr">${m[severity]}: </span>${this.titleOf(n)}</span>
        ${body ? html`<span part="item-body">${body}</span>` : nothing}
        <time part="item-time" datetime=${n.createdAt}>${relativeTime(this.locale, n.createdAt, now)}</time>
      </span>
      ${n.read ? nothing : html`<span class="dot" aria-hidden="true"></span><span class="sr">, ${m.unread}</span>`}`;
    const open = (e: MouseEvent) => this.handleOpen(e, n, href ?? '');
    return html`<li part="item ${severity}${n.read ? '' : ' unread'}" class=${severity}>${href !== undefined
      ? html`<a part="item-link" href=${href} @click=${open}>${content}</a>`
      : html`<button part="item-link" type="button" @click=${open}>${content}</button>`}</li>`;
  }

  private renderBody() {
    const m = this.m;
    const collection = this.data.value;
    if (collection?.status === 'error' && !collection.items.length) {
      return failedState(collection.error, m, () => void this.reload());
    }
    if (!collection || collection.status === 'idle' || (collection.status === 'loading' && !collection.items.length)) {
      return loadingState(m.loading);
    }
    const shown = this.shown;
    if (!shown.length) return emptyState(m.empty);
    return html`<ul part="list" role="list">${repeat(shown, (n) => n.id, (n) => this.renderItem(n))}</ul>`;
  }

  override render() {
    const m = this.m;
    const unread = this.unread;
    return html`<div part="base">
      <button part="button" type="button" popovertarget="panel" aria-label=${unread ? plural(this.locale, unread, m.labelUnread) : m.label}>
        ${icon(Bell)}${unread
          ? html`<span part="badge" aria-hidden="true">${unread > 99 ? `${formatCount(this.locale, 99)}+` : formatCount(this.locale, unread)}</span>`
          : nothing}
      </button>
      <div part="panel" id="panel" popover role="dialog" aria-labelledby="heading" tabindex="-1"
        @toggle=${this.handleToggle} @keydown=${this.handleKeydown}>
        <p part="heading" id="heading">${m.heading}</p>
        ${staleNote(this.live.value !== undefined && isStale({ live: this.live.value }, this.data.value), m)}
        ${this.renderBody()}
        <slot name="footer"></slot>
      </div>
    </div>`;
  }
}
