import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { daysUntil, type Collection, type Notification } from '@relink/sdk';
import Bell from 'lucide/dist/esm/icons/bell.mjs';
import { ClockController } from '../../controllers/clock-controller.js';
import { collectionLoader } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkNavigateEvent } from '../../events/navigate.js';
import { fill } from '../../internal/fill.js';
import { formatCount, plural, relativeTime } from '../../internal/format.js';
import { fillHref } from '../../internal/href.js';
import { whenIdle } from '../../internal/idle.js';
import { icon, type IconNode } from '../../internal/icon.js';
import { chunkFailed, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import type * as NotificationList from '../../internal/notification-list.js';
import { isStale, staleNote, type StaleMessages } from '../../internal/stale.js';
import { emptyState, failedState, loadingState } from '../../internal/load-state.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { copyOf } from '../../internal/registry.js';
import { errorKinds, notificationBell, retry, stale } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import styles from './notification-bell.styles.js';

export type NotificationBellMessages = ElementMessages['notification-bell'] & ErrorKindMessages & StaleMessages & Pick<CommonMessages, 'retry'>;

/**
 * The page's helpers the list (`internal/notification-list.ts`, on demand) renders with: handed to it, not imported by
 * it (see `flow-kit.ts` for why).
 */
export interface BellKit {
  fill: typeof fill;
  plural: typeof plural;
  relativeTime: typeof relativeTime;
  fillHref: typeof fillHref;
  /** `icon()`, typed by what it takes (its directive's class is the icon module's own). */
  icon: (node: IconNode) => unknown;
  daysUntil: typeof daysUntil;
}

const bellKit: BellKit = { fill, plural, relativeTime, fillHref, icon, daysUntil };

/** The list's code once loaded (shared by every bell on the page); the load in flight (unset again when it failed). */
let list: typeof NotificationList | undefined;
let listLoad: Promise<typeof NotificationList> | undefined;
/** Starts the load in flight without waiting for the page to be idle. */
let loadListNow: (() => void) | undefined;

/**
 * Loads the list's code once the page is idle (the popover opens closed, so what it lists is not on the way to the
 * page's first rows), or at once when `now` (a popover opened: a user waits for it).
 */
function requestList(now: boolean): Promise<typeof NotificationList> {
  if (!listLoad) {
    const start = new Promise<void>((resolve) => {
      loadListNow = resolve;
      whenIdle(resolve, 2000); // at the latest after 2 s
    });
    listLoad = start.then(() => import('../../internal/notification-list.js')).then((loaded) => (list = loaded), (error: unknown) => {
      listLoad = undefined;
      return chunkFailed(error);
    });
  }
  if (now) loadListNow?.();
  return listLoad;
}

/**
 * The notifications bell: a button with the unread count (visible as a badge, spoken as "Notifications, 3 unread")
 * that opens a native `popover` listing the provider's notifications, newest first. Reauth notifications are titled
 * after their app ("HubSpot reauth required"), failed runs after their workflow ("Publish scheduled LinkedIn posts
 * failed", saying whether the run retries by itself after the reconnect or needs Replay, and later that it was
 * retried) and, like every notification about a connection, deep-link to it
 * (`connection-href`). Opening an item marks it read (`store.markRead`) and fires a cancelable `relink-navigate`.
 * Keyboard: Enter/Space open (focus moves to the first item), ↑/↓/Home/End move between items, Escape closes and
 * returns focus to the button. Positioned under the button with CSS anchor positioning, flipping at the edges.
 * What draws the notifications loads once there are some to list and the page is idle (the count needs none of it),
 * or at once when the bell opens; until it is here the popover shows its loading state, and if it does not load, its
 * error state saying to reload the page.
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
 * @csspart error - A load error with "Try again" (without it when the list's own code did not load: reload the page).
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
    if (!list && this.listError === undefined) this.loadList(true);
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

  private handleOpen = (event: MouseEvent, notification: Notification, href: string): void => {
    const store = this.data.store;
    if (!notification.read) void store?.markRead(notification.id).catch(() => undefined);
    if (!this.dispatchEvent(new RelinkNavigateEvent({ href, connectionId: notification.connectionId, notificationId: notification.id }))) {
      event.preventDefault();
    }
    this.hide();
  };

  /** The list's code did not load: said in the popover in its place. */
  @state() private listError?: unknown;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The list's code loads the first time there is something to list (most of a page's bells may never have any).
    if (!list && this.listError === undefined && this.shown.length) this.loadList(false);
  }

  /** This bell waits for the list's code (another bell may have started the load: each is told when it lands). */
  #waitingForList = false;

  private loadList(now: boolean): void {
    const load = requestList(now);
    if (this.#waitingForList) return;
    this.#waitingForList = true;
    load.then(() => this.requestUpdate(), (error: unknown) => (this.listError = error)).finally(() => (this.#waitingForList = false));
  }

  /** The list's code while it loads: awaiting `updateComplete` means the notifications are rendered. */
  protected override pendingCode(): Promise<unknown> | undefined {
    return list ? undefined : listLoad;
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
    if (list) {
      const host = { m, locale: this.locale, connectionHref: this.connectionHref, now: this.data.store?.now() ?? Date.now(), open: this.handleOpen };
      return list.renderList(shown, host, bellKit);
    }
    // The list's code did not load: said in its place (reload the page; trying again cannot help).
    if (this.listError !== undefined) return failedState(this.listError, m, () => undefined);
    return loadingState(m.loading);
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
