import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { expiryHintDays, RelinkChunkLoadError, replacedSince, type Collection, type Connection, type ConnectionStatus, type ConnectionWindowQuery, type RelinkStore } from '@relink/sdk';
import ArrowDown from 'lucide/dist/esm/icons/arrow-down.mjs';
import ArrowUp from 'lucide/dist/esm/icons/arrow-up.mjs';
import ArrowUpDown from 'lucide/dist/esm/icons/arrow-up-down.mjs';
import { initialState, ResourceController } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkManageEvent } from '../../events/manage.js';
import type { ReconnectAction, RelinkReconnectEvent, RelinkReconnectResultEvent } from '../../events/reconnect.js';
import { reconnectAction } from '../../internal/access.js';
import { badge, knownStatus, templateStrings } from '../../internal/badge.js';
import { iconMarkup, type IconNode } from '../../internal/icon.js';
import { fill } from '../../internal/fill.js';
import { plural } from '../../internal/format.js';
import { fillHref } from '../../internal/href.js';
import { whenIdle } from '../../internal/idle.js';
import { countList, FIRST_SCREEN, loadWindowView } from '../../internal/long-list.js';
import { errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { emptyState, errorState, failedState } from '../../internal/load-state.js';
import { monogram } from '../../internal/monogram.js';
import { copyOf } from '../../internal/registry.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { connectionsTable, errorKinds, reconnection, retry, statusWords } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import type { ListWindow, VirtualRows, WindowView, WindowViewHost } from '../../internal/window-view.js';
import type * as LiveRows from './live-rows.js';
import { RelinkReconnectButton, type ReconnectButtonMessages } from '../reconnect-button/reconnect-button.component.js';
import { messagesFor } from '../../internal/messages-for.js';
import styles from './connections-table.styles.js';
// Renew before expiry runs the reconnect button's flow, so the table defines it; rows render it only once used (a
// plain button until then). Imported up front: loading it on demand split the shared code of a page that also shows
// the detail's reconnect button into more chunks (3.1 KiB more up front, min+gzip, on the connections page).
import '../reconnect-button/reconnect-button.js';

export type SortKey = 'app' | 'label' | 'status';
export type SortDirection = 'ascending' | 'descending';

/** The table's words, and the common status words its filter, announcements and badges print. */
export type ConnectionsTableMessages = ElementMessages['connections-table'] & ErrorKindMessages &
  Pick<CommonMessages, 'active' | 'error' | 'pending' | 'revoked' | 'unknown' | 'retry' | 'reconnect' | 'requestReconnection'>;

/**
 * What the table's `messages` also take for the reconnect button a used renew button becomes (its words are the
 * common `reconnect` and `requestReconnection`, which the renew button shows too).
 */
export type ConnectionsTableInnerMessages = { 'reconnect-button'?: Partial<ReconnectButtonMessages> };

const STATUSES: ConnectionStatus[] = ['active', 'error', 'pending', 'revoked'];
/** Status sort: what needs attention first. */
const SEVERITY: Record<string, number> = { error: 0, revoked: 1, pending: 2, active: 3 };

/**
 * The sort buttons' icons (lucide's arrow-up-down, arrow-up and arrow-down): each a template of its own markup
 * (`iconMarkup`, as the badges' icons are written into theirs), so a table's first render parses them with its other
 * templates, with no icon directive and no SVG built and cloned apart.
 */
const iconTemplate = (node: IconNode): TemplateResult => html(templateStrings([iconMarkup(node)]));
const SORT_ICONS: Record<SortDirection | 'none', TemplateResult> = { none: iconTemplate(ArrowUpDown), ascending: iconTemplate(ArrowUp), descending: iconTemplate(ArrowDown) };

/**
 * The loading table's three skeleton rows of four cells, one static template (not a template per row and per cell): a
 * long list throws them away when its first rows arrive, and they show while its first page is on its way.
 */
const SKELETON_ROWS = html(templateStrings([`<tr part="row" aria-hidden="true">${'<td part="cell"><span class="skeleton"></span></td>'.repeat(4)}</tr>`.repeat(3)]));

/** A row's "Manage": a link to `href` (`manage-href` filled in), else a button (the page routes on `relink-manage`). */
const manageControl = (href: string | undefined, appId: string, label: string) =>
  href !== undefined
    ? html`<a part="manage" href=${href} aria-describedby=${appId}>${label}</a>`
    : html`<button part="manage" type="button" aria-describedby=${appId}>${label}</button>`;

/** The answer to live changes, once loaded (after the first rows are painted). */
let liveRows: typeof LiveRows | undefined;
let liveRowsLoading: Promise<unknown> | undefined;
/** How long typing pauses before a search is asked of the server (or filters the rows held). */
const SEARCH_DELAY_MS = 250;

/** Search text as the server compares it: case- and accent-insensitive. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** Whether a connection matches a folded search, by app name or label. */
const matches = (c: Connection, search: string) => fold(c.app.name).includes(search) || fold(c.label).includes(search);

/**
 * The connections the viewer may see (seed 001's Connections page): App, Label, Status and a "Manage" link per row.
 * Sortable by app, label or status (header buttons with `aria-sort`), filterable by status. While loading the
 * table is `aria-busy` with skeleton rows (a big list shows its first rows while the virtualizer loads); a failed load shows the error and "Try again"; no connections shows
 * "No connections yet". Live: a status change repaints only that row (rows are keyed by id) and is announced.
 * Active connections whose hard expiry falls inside the store's window carry "Reconnect within N days" and, beside
 * "Manage", the way to renew before it expires (seed 004): Reconnect for the agency's own, "Send reconnection request"
 * for a client's. It is a plain button until used; then the row shows `relink-reconnect-button` in its place, which
 * runs the flow and fires its events (`relink-reconnect`, `relink-reconnect-result`).
 * Above `virtualize-threshold` rows it switches to `@lit-labs/virtualizer` (loaded on demand) with ARIA table roles.
 * A search field narrows the rows by app name or label.
 *
 * At scale (issue 17): when the workspace holds more than `page-threshold` connections (the first page's total), the
 * table does not load them all. It asks the server for the rows it shows (`store.connections.window`): the
 * virtualizer's range asks for their pages, rows not loaded yet are placeholder rows, and sorting, the status filter
 * and the search are query parameters of a new window. A store that already holds every connection (another view
 * loaded them) is shown from memory as before. At or below it (and unsorted), the first page that counted them starts
 * the loaded list: it shows at once and is not asked for again.
 *
 * @tag relink-connections-table
 * @summary Every connection with its status; sort, filter, and "Manage" each one.
 *
 * @event {RelinkManageEvent} relink-manage - A "Manage" link was activated, `{ connection, href }`; cancel it to route in the host app.
 *
 * @csspart base - Toolbar and table.
 * @csspart toolbar - The search field and the status filter.
 * @csspart filter - The status `<select>`.
 * @csspart search - The search field ("Search by app or label").
 * @csspart table - The `<table>` (or, virtualized, the `role=table` container).
 * @csspart header - The header row.
 * @csspart sort-button - Each column's sort button.
 * @csspart row - Each connection's row.
 * @csspart cell - Each cell.
 * @csspart logo - The app's logo or monogram.
 * @csspart badge - The status badge of a row.
 * @csspart manage - The "Manage" link (a button when `manage-href` is not set).
 * @csspart renew - The renew button of a row about to expire (Reconnect, or "Send reconnection request"); once used, the `relink-reconnect-button` that runs the flow in its place.
 * @csspart empty - The empty state.
 * @csspart empty-title - "No connections yet".
 * @csspart empty-body - The empty state's explanation.
 * @csspart error - The load error, with "Try again" unless part of the page did not load.
 * @csspart retry - The "Try again" button.
 *
 * @cssproperty --relink-connections-table-background - Table background; defaults to `--relink-color-surface`.
 * @cssproperty --relink-connections-table-radius - Table corner radius; defaults to `--relink-radius`.
 * @cssproperty --relink-connections-table-cell-padding - Cell padding; defaults to `--relink-space-2 --relink-space-3`.
 * @cssproperty --relink-connections-table-link-color - Colour of "Manage"; defaults to `--relink-color-focus-ring`.
 * @cssproperty --relink-connections-table-max-height - Height of the virtualized table; defaults to 480px.
 */
export class RelinkConnectionsTable extends RelinkElement<ConnectionsTableMessages, ConnectionsTableInnerMessages> implements WindowViewHost<Connection> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('connections-table', connectionsTable, statusWords, errorKinds, noCodes, retry, reconnection);

  private readonly data = new StoreController<Collection<Connection>>(this, (s) => s.connections);
  /** Who is looking: whether a row about to expire offers Reconnect, "Send reconnection request" or nothing. */
  private readonly viewer = new StoreController(this, (s) => s.viewer);
  /** Decides, once per store, whether the rows live in the store (`client`) or are asked for a window at a time. */
  private readonly loader = new ResourceController(this, {
    args: () => [this.data.store] as const,
    load: ([store], { signal }) => this.chooseMode(store, signal),
    // A store that holds every connection already is shown at once: no load, so no second render when it would end.
    // Only from no mode or from memory: Lit runs willUpdate (which works out the rows) before this, so a table that
    // leaves window mode for a store holding everything would render the rows of neither. It loads, as before.
    idle: ([store]) => this.mode !== 'window' && this.showsHeld(store),
  });

  /** Link of each row's "Manage": `{id}` is replaced by the connection's id, e.g. `/portal/connections/{id}`. */
  @property({ attribute: 'manage-href' }) manageHref?: string;

  /** Shows only connections with this status (the filter's value); empty for all. */
  @property({ attribute: 'status-filter', reflect: true }) statusFilter: ConnectionStatus | '' = '';

  /** The sorted column; unset keeps the server's order. */
  @property({ reflect: true }) sort?: SortKey;

  /** Direction of `sort`. */
  @property({ attribute: 'sort-direction', reflect: true }) sortDirection: SortDirection = 'ascending';

  /** Rows above which the table is virtualized. */
  @property({ type: Number, attribute: 'virtualize-threshold' }) virtualizeThreshold = 200;

  /**
   * Connections above which the table asks the server for the rows it shows (paged, sorted, filtered and searched
   * there) instead of loading them all.
   */
  @property({ type: Number, attribute: 'page-threshold' }) pageThreshold = 200;

  /** Where the rows come from: every connection in the store, or a window of the server's list. Unset until known. */
  @state() private mode?: 'client' | 'window';
  /** The search as typed, and as applied once typing pauses. */
  @state() private searchText = '';
  @state() private search = '';
  private searchTimer?: ReturnType<typeof setTimeout>;
  /**
   * A long list's rows after the first screen (loaded on demand): the window onto the server's list, or the
   * virtualizer of a long list held in the store.
   */
  private view?: WindowView<Connection>;
  /** Statuses of the rows shown, to announce live changes in window mode, and the window they were shown by. */
  private windowSeen = new Map<string, ConnectionStatus>();
  private seenWindow?: ListWindow<Connection>;
  @state() private announcement = '';
  /**
   * Renew before expiry: the rows whose renew button was used show the `relink-reconnect-button` that runs the flow
   * (and keeps showing its outcome: an error, the account-mismatch prompt, the API-key form).
   */
  @state() private renewing: ReadonlySet<string> = new Set();
  /**
   * Rows whose reconnect flow is under way: their reconnect button stays until the flow has settled, even once the
   * row is renewed (the store's update would otherwise remove it before it fires `relink-reconnect-result`).
   */
  @state() private flows: ReadonlySet<string> = new Set();
  private rows: readonly Connection[] = [];
  /** What `rows` was derived from: rows are filtered and sorted again only when one of these changes. */
  private rowsFrom?: [items: readonly Connection[], filter: string, sort: SortKey | undefined, direction: SortDirection, locale: string, search: string];
  /** The collection `rows` was last derived from or updated to, and each row's position (built on the first live change). */
  private rowsCollection?: Collection<Connection>;
  private rowIndex?: Map<string, number>;
  /** The collection the last status announcement compared against (live changes are announced, the first load is not). */
  private seen?: Collection<Connection>;
  private collator?: [locale: string, collator: Intl.Collator];

  private handleManage(event: MouseEvent, connection: Connection, href: string): void {
    if (!this.dispatchEvent(new RelinkManageEvent({ connection, href }))) event.preventDefault();
  }

  private handleSort(key: SortKey): void {
    this.sortDirection = this.sort === key && this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    this.sort = key;
  }

  private handleFilter(event: Event): void {
    this.statusFilter = (event.target as HTMLSelectElement).value as ConnectionStatus | '';
  }

  private handleSearch(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.search = this.searchText.trim()), SEARCH_DELAY_MS);
  }

  /** Loads the connections again (what "Try again" does). */
  reload(): Promise<void> {
    return this.loader.run();
  }

  /**
   * Shows the connections from memory when `store` holds them all (another view, or the page, loaded them): true when
   * it does, and the table needs no load to choose its mode.
   */
  private showsHeld(store: RelinkStore | undefined): boolean {
    if (store?.getSnapshot().connections.status !== 'ready') return false;
    this.view?.close();
    this.mode = 'client';
    return true;
  }

  /**
   * Whether the rows live in the store or in a window: a store that holds (or is loading) every connection is shown
   * from memory; otherwise the first page of the server's list says how many there are, and above `page-threshold`
   * the table keeps asking for the rows it shows instead of loading them all.
   */
  private async chooseMode(store: RelinkStore | undefined, signal: AbortSignal): Promise<undefined | typeof initialState> {
    this.view?.close();
    this.mode = undefined;
    if (!store) return initialState;
    const held = store.getSnapshot().connections;
    if (held.status !== 'ready' && held.status !== 'loading') {
      // The count does not depend on the order: the probe is sorted as the table is, so above the threshold it is the
      // first window. It shares its rows with the store only if it is kept; a smaller workspace's list starts from its
      // page (`adopt`). Its request starts while the window's code loads, and the view's code loads with it: a long
      // list needs it right after.
      const viewCode = loadWindowView();
      viewCode.catch(() => undefined); // a short list never waits on it
      const counted = await countList(store.connections.window(this.windowQuery(false), { share: false, prefetch: true }), () => this.pageThreshold, signal);
      if (!counted) return initialState;
      const { probe, long } = counted;
      if (long) {
        try {
          this.view ??= new (await viewCode).WindowView<Connection>(this, FIRST_SCREEN);
        } catch (error) {
          probe.close();
          throw error;
        }
        if (signal.aborted) {
          probe.close();
          return initialState;
        }
        if (JSON.stringify(this.windowQuery()) === JSON.stringify(probe.query)) {
          probe.share();
          this.view.open(probe);
        } else probe.close();
        this.mode = 'window';
        return undefined;
      }
      // The probe's page starts the list (a workspace that fits in it is loaded; a bigger one shows it while the rest
      // loads), when it is in the list's own order: with a sort the table orders rows itself, so they would jump.
      const adopted = store.connections.adopt(probe, { signal });
      probe.close();
      if (adopted) {
        this.mode = 'client';
        await adopted.catch(() => undefined);
        return undefined;
      }
    }
    this.mode = 'client';
    if (held.status !== 'ready') await store.connections.load({ signal }).catch(() => undefined);
    return undefined;
  }

  /** The server's query for the table's sort, status filter and search (`filtered: false` for the count alone). */
  private windowQuery(filtered = true): ConnectionWindowQuery {
    const query: ConnectionWindowQuery = {};
    if (filtered && this.statusFilter) query.status = this.statusFilter;
    if (filtered && this.search) query.q = this.search;
    if (this.sort) {
      query.sort = this.sort;
      query.order = this.sortDirection === 'descending' ? 'desc' : 'asc';
    }
    return query;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A search still waiting out its debounce applies now, not never: the field keeps showing the text.
    if (this.searchTimer !== undefined && this.search !== this.searchText.trim()) this.search = this.searchText.trim();
    clearTimeout(this.searchTimer);
    // A table off the page holds no pages and hears nothing; it opens a window again when it comes back.
    this.view?.close();
  }

  /**
   * @internal For the window view: the rows on screen. Their status changes are announced (rows scrolled into view,
   * and a new window's rows, are not news).
   */
  shown(rows: readonly Connection[], window: ListWindow<Connection>): void {
    if (window !== this.seenWindow) this.windowSeen.clear();
    this.seenWindow = window;
    // Until the code is here rows are not compared: a change of rows on screen that soon is not told.
    if (!liveRows) return void this.loadLiveRows();
    const [changed, seen] = liveRows.shownChanged(this.windowSeen, rows);
    this.windowSeen = seen;
    this.announce(changed);
  }

  /** Live status changes are announced: "Slack (Acme team workspace) is now Error". */
  private announce(changed: readonly Connection[]): void {
    const m = this.m;
    if (changed.length) this.announcement = changed.map((c) => fill(m.statusChanged, { app: c.app.name, label: c.label, status: m[c.status] })).join(' ');
  }

  /** Loads the answer to live changes; a table that has a change waiting renders again once it is here. */
  private loadLiveRows(): void {
    liveRowsLoading ??= import('./live-rows.js').then((code) => (liveRows = code));
    void liveRowsLoading.then(() => this.seen !== this.data.value && this.requestUpdate(), () => undefined);
  }

  /** @internal For the window view: whether the rows come from the server's list. */
  showsWindow(): boolean {
    return this.mode === 'window';
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.view?.updated();
    // Once the first rows are painted, when the page is idle: the code that answers live changes.
    if (!liveRowsLoading && this.seen) {
      whenIdle(() => this.loadLiveRows(), 1000);
    }
  }

  /**
   * Announces live status changes (not the first load). Until their code is here the collection they are compared with
   * is kept, and they are announced once it is.
   */
  private announceChanges(collection: Collection<Connection> | undefined): void {
    const seen = this.seen;
    if (!collection || collection === seen) return;
    if (seen && collection.items !== seen.items) {
      if (!liveRows) return this.loadLiveRows();
      this.announce(liveRows.statusChanged(seen, collection, replacedSince(seen, collection)));
    }
    if (collection.items.length || collection.status === 'ready') this.seen = collection;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.mode === 'window') {
      // A changed sort, filter or search opens a new window; a change of the window's rows renders them.
      const store = this.data.store;
      const query = this.windowQuery();
      return store && this.view?.update(query, () => store.connections.window(query));
    }
    const collection = this.data.value;
    const items = collection?.items ?? [];
    this.announceChanges(collection);

    const locale = this.locale;
    const from = this.rowsFrom;
    const same = from && from[1] === this.statusFilter && from[2] === this.sort && from[3] === this.sortDirection && from[4] === locale && from[5] === this.search;
    if (same && from[0] === items) return;
    const derivedFrom = this.rowsCollection;
    this.rowsCollection = collection;
    this.rowsFrom = [items, this.statusFilter, this.sort, this.sortDirection, locale, this.search];
    // Live changes that leave every changed row where it was (same filter match, same sort key) replace those rows in
    // place: no filtering and sorting of every row per change.
    if (same && collection && derivedFrom && this.replaceRows(derivedFrom, collection)) return;
    this.rowIndex = undefined;
    const search = this.search ? fold(this.search) : '';
    let rows = this.statusFilter ? items.filter((c) => c.status === this.statusFilter) : items;
    if (search) rows = rows.filter((c) => matches(c, search));
    if (this.sort) {
      if (this.collator?.[0] !== locale) this.collator = [locale, new Intl.Collator(locale, { sensitivity: 'base', numeric: true })];
      const collator = this.collator[1];
      const key = this.sort;
      const sign = this.sortDirection === 'descending' ? -1 : 1;
      rows = [...rows].sort((a, b) =>
        sign * (key === 'status' ? SEVERITY[a.status]! - SEVERITY[b.status]! : collator.compare(key === 'app' ? a.app.name : a.label, key === 'app' ? b.app.name : b.label)) ||
        collator.compare(a.app.name, b.app.name));
    }
    // The table's own array (`replaceRows` writes into it), never the store's.
    this.rows = rows === items ? items.slice() : rows;
    if (rows.length > this.virtualizeThreshold && !this.view) {
      // Small pages never pay for the virtualizer: it is fetched (with the view around it) only when a big list shows up.
      // Without it (it did not load) every row stays in the plain table.
      void loadWindowView().then(({ WindowView }) => {
        this.view ??= new WindowView<Connection>(this, FIRST_SCREEN);
        this.requestUpdate();
      }, () => undefined);
    }
  }

  /**
   * Replaces the rows of connections changed in place since `before` (`replacedSince`), when none of them enters or
   * leaves the filter or search or changes its sort key; false when the rows must be derived again (or the code that
   * does it is not here yet). The rows are written in place: the virtualizer, handed the same array, re-renders the
   * rows shown (only the changed ones render anew, `virtualRows`) without laying out the list again.
   */
  private replaceRows(before: Collection<Connection>, after: Collection<Connection>): boolean {
    const replaced = liveRows && replacedSince(before, after);
    const replacedRows = replaced && liveRows!.replaceRows(this.rows as Connection[], this.rowIndex, before, after, replaced, {
      status: this.statusFilter, search: this.search ? fold(this.search) : '', sort: this.sort, matches,
    });
    if (replacedRows) this.rowIndex = replacedRows.index;
    return !!replacedRows;
  }

  private renderHeader(cell: (content: TemplateResult | string, sort?: SortKey) => TemplateResult) {
    const m = this.m;
    return html`${cell(m.app, 'app')}${cell(m.label, 'label')}${cell(m.status, 'status')}${cell(m.actions)}`;
  }

  /** A column's sort button: its icon changes with the sort, the button stays (focus stays on it). */
  private sortButton(label: string, key: SortKey) {
    const icon = this.sort !== key ? SORT_ICONS.none : SORT_ICONS[this.sortDirection];
    return html`<button part="sort-button" class="sort" type="button" @click=${() => this.handleSort(key)}>${label}${icon}</button>`;
  }

  private sortOf(key?: SortKey) {
    return key && this.sort === key ? this.sortDirection : nothing;
  }

  /** What every row of one render shares: the merged copy, the locale and the clock are read once, not per row. */
  private rowContext() {
    const store = this.data.store;
    const m = this.m;
    // The renew button says what the reconnect button it becomes will say: the words the table hands down to it.
    const own = this.messages['reconnect-button'];
    const words = { reconnect: own?.reconnect ?? m.reconnect, requestReconnection: own?.requestReconnection ?? m.requestReconnection };
    const locale = this.locale;
    // "Reconnect within N days", written once per N in a render (rows about to expire share a few values of N).
    const hints = new Map<number, string>();
    const hint = (days: number) => {
      let text = hints.get(days);
      if (text === undefined) hints.set(days, (text = plural(locale, days, m.expiresHint)));
      return text;
    };
    return { m, words, hint, inner: messagesFor(this.messages, RelinkReconnectButton), locale, store, viewer: this.viewer.value, now: store?.now() ?? Date.now() };
  }

  /**
   * The values of one row's cells, for a row template that holds every cell itself: one template instance per row
   * (plus the logo, badge and Manage), not one per cell. The badge is markup in this shadow root (internal/badge.ts),
   * not an element with a shadow root per row. "Manage" clicks are handled once for the table (`handleClick`).
   */
  private cells(c: Connection, { m, words, hint, inner, store, viewer, now }: ReturnType<RelinkConnectionsTable['rowContext']>) {
    const days = store ? expiryHintDays(c, store.expiringWithinDays, now) : undefined;
    const href = fillHref(this.manageHref, c.id);
    const appId = `app-${c.id}`;
    const status = knownStatus(c.status);
    const renew = days !== undefined && days >= 0;
    const action = renew ? reconnectAction(viewer, c) : undefined;
    return {
      appId,
      href,
      badge: badge(status, status ? m[status] : c.status, { base: 'badge' }),
      hint: renew ? html`<span class="badge-hint">${hint(days)}</span>` : nothing,
      // Once used, the reconnect button that runs the flow, kept until its flow settles (it may renew the row).
      renew: this.renewing.has(c.id) && (action || this.flows.has(c.id))
        ? html` <relink-reconnect-button part="renew" connection-id=${c.id} .messages=${inner}></relink-reconnect-button>`
        : action ? this.renewButton(appId, action, words) : nothing,
    };
  }

  /**
   * A row's renew before expiry until it is used: a plain button with the reconnect button's words and look (its icon
   * is the same lucide `plug`, written into the template).
   */
  private renewButton(appId: string, action: ReconnectAction, words: Pick<ReconnectButtonMessages, 'reconnect' | 'requestReconnection'>) {
    return html` <button part="renew" class="btn" type="button" aria-describedby=${appId}
      aria-expanded=${action === 'credentials' ? 'false' : nothing}><span class="spin"><svg viewBox="0 0 24 24" width="1em" height="1em" fill="none"
      stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path
      d="M12 22v-5"></path><path d="M15 8V2"></path><path d="M17 8a1 1 0 0 1 1 1v4a4 4 0 0 1-4 4h-4a4 4 0 0 1-4-4V9a1 1 0 0 1 1-1z"></path><path
      d="M9 8V2"></path></svg></span>${action === 'request' ? words.requestReconnection : words.reconnect}</button>`;
  }

  /**
   * Runs a row's renew flow: puts the reconnect button in the row in place of the plain button and clicks it (its
   * words and place are the same, and focus moves to it). The flow is the button's own: the `relink-reconnect`
   * events, the consent window (or redirect), its busy state, the toasts and the errors it shows. Everything between
   * the click and the consent window's opening happens in microtasks of the click, so the window is not blocked.
   */
  private async handleRenew(id: string, button: HTMLElement): Promise<void> {
    const focused = (this.renderRoot as ShadowRoot).activeElement === button;
    this.renewing = new Set(this.renewing).add(id);
    await this.updateComplete;
    const element = this.renderRoot.querySelector<RelinkReconnectButton>(`[data-id="${CSS.escape(id)}"] relink-reconnect-button`);
    // The row went away meanwhile (a live change renewed it elsewhere, a filter): nothing to run.
    if (!element) return;
    await element.updateComplete;
    const base = element.shadowRoot?.querySelector<HTMLElement>("[part~='base']");
    if (focused) base?.focus();
    base?.click();
  }

  private handleFlowStart(event: RelinkReconnectEvent): void {
    const id = event.detail.connection.id;
    if (!this.renewing.has(id)) return;
    this.flows = new Set(this.flows).add(id);
    // Cancelled by the page (which runs its own flow): no result will follow.
    queueMicrotask(() => event.defaultPrevented && this.flowEnded(id));
  }

  private handleFlowResult(event: RelinkReconnectResultEvent): void {
    // A mismatch waits for the user's answer, rejected credentials for a new try: the flow goes on.
    if (event.detail.result !== 'account_mismatch' && event.detail.result !== 'invalid') this.flowEnded(event.detail.connectionId);
  }

  private flowEnded(id: string): void {
    if (!this.flows.has(id)) return;
    const flows = new Set(this.flows);
    flows.delete(id);
    this.flows = flows;
  }

  /** A row's "Manage" (link or button) and renew button: one listener for the whole table rather than one per row. */
  private handleClick(event: MouseEvent): void {
    const renew = (event.target as Element).closest<HTMLElement>("button[part~='renew']");
    const renewId = renew?.closest('[data-id]')?.getAttribute('data-id');
    if (renew && renewId) return void this.handleRenew(renewId, renew);
    const manage = (event.target as Element).closest("[part~='manage']");
    const id = manage?.closest('[data-id]')?.getAttribute('data-id');
    const connection = id ? this.data.value?.byId.get(id) : undefined;
    if (manage && connection) this.handleManage(event, connection, manage.getAttribute('href') ?? '');
  }

  /**
   * @internal The `<table>`: `rows`, or skeleton rows while there are none to show yet (`busy` marks it `aria-busy`:
   * loading, or the first rows of a long list until the virtualizer takes over).
   */
  renderTable(rows: readonly Connection[] | undefined, busy: boolean) {
    const m = this.m;
    const context = this.rowContext();
    const row = (c: Connection) => {
      const x = this.cells(c, context);
      return html`<tr part="row" data-id=${c.id}><th part="cell" scope="row" id=${x.appId}>${monogram(c.app)}${c.app.name}</th><td part="cell">${c.label}</td><td part="cell">${x.badge}${x.hint}</td><td part="cell">${manageControl(x.href, x.appId, m.manage)}${x.renew}</td></tr>`;
    };
    return html`<table part="table" aria-busy=${busy ? 'true' : 'false'}>
      <caption class="sr">${m.caption}</caption>
      <thead><tr part="header">${this.renderHeader((content, key) =>
        html`<th scope="col" aria-sort=${this.sortOf(key)}>${key ? this.sortButton(content as string, key) : content}</th>`)}</tr></thead>
      <tbody>${rows ? repeat(rows, (c) => c.id, row) : SKELETON_ROWS}</tbody>
    </table>`;
  }

  /** @internal For the window view: the virtualized header's cells. */
  columnHeaders(): TemplateResult[] {
    const headers: TemplateResult[] = [];
    this.renderHeader((content, key) => {
      const header = html`<div role="columnheader" aria-sort=${this.sortOf(key)}>${key ? this.sortButton(content as string, key) : content}</div>`;
      headers.push(header);
      return header;
    });
    return headers;
  }

  /** @internal For the window view: the list's accessible name. */
  caption(): string {
    return this.m.caption;
  }

  /** @internal For the window view: the virtualizer did not load (only the first rows show); reloading the page helps. */
  virtualizerFailed(error: unknown): TemplateResult {
    return errorState(errorCopy(new RelinkChunkLoadError('The virtualizer did not load.', { cause: error }), this.m));
  }

  /**
   * @internal For the window view: one render's virtualized rows, and everything a row's cells read (`cells`) besides
   * the connection: the words, locale, "Manage" link and expiry hint, whether the viewer may renew, and whether a
   * renewal in progress swapped its button for the reconnect element. A live change to one row re-renders that row.
   */
  virtualRows(): VirtualRows<Connection> {
    const context = this.rowContext();
    const { m, locale, store, viewer, now } = context;
    const manageHref = this.manageHref;
    return {
      render: (c, index) => {
        const x = this.cells(c, context);
        return html`<div part="row" role="row" aria-rowindex=${index + 2} data-id=${c.id}><div part="cell" role="rowheader" id=${x.appId}>${monogram(c.app)}${c.app.name}</div><div part="cell" role="cell">${c.label}</div><div part="cell" role="cell">${x.badge}${x.hint}</div><div part="cell" role="cell">${manageControl(x.href, x.appId, m.manage)}${x.renew}</div></div>`;
      },
      deps: (c) => [m, locale, manageHref, store ? expiryHintDays(c, store.expiringWithinDays, now) : undefined, viewer, this.renewing.has(c.id), this.flows.has(c.id)],
    };
  }

  override render() {
    const m = this.m;
    const collection = this.data.value;
    const windowed = this.mode === 'window';
    const window = this.view?.window;
    const filtered = !!(this.statusFilter || this.search);
    let loading: boolean;
    let failure: { error: unknown } | undefined;
    let total: number | undefined;
    if (this.mode === undefined) {
      // Not known yet whether the rows live in the store or on the server: the first page is on its way.
      loading = !this.loader.error;
      failure = this.loader.error !== undefined ? { error: this.loader.error } : undefined;
    } else if (windowed) {
      total = window?.total;
      failure = window?.error !== undefined ? { error: window.error } : undefined;
      loading = total === undefined && !failure;
    } else {
      loading = !collection || collection.status === 'idle' || (collection.status === 'loading' && !collection.items.length);
      failure = collection?.status === 'error' ? { error: collection.error } : undefined;
      total = collection?.items.length;
    }
    // No connections at all (a window's filtered answer of none is "no matches" instead).
    const empty = !loading && !failure && total === 0 && !(windowed && filtered);
    let body;
    if (failure) {
      body = failedState(failure.error, m, () => void this.reload());
    } else if (empty) {
      body = emptyState(m.emptyTitle, m.emptyBody);
    } else if (window && windowed && !loading) {
      body = total === 0 ? html`${this.renderTable([], false)}<p part="empty-body">${m.noMatches}</p>` : this.view!.render(window);
    } else {
      const big = !loading && this.rows.length > this.virtualizeThreshold;
      body = big && this.view
        ? this.view.renderAll(this.rows)
        // While the view loads, a big list shows its first rows (a screenful) rather than skeletons: the data is there.
        : html`${this.renderTable(loading ? undefined : big ? this.rows.slice(0, FIRST_SCREEN) : this.rows, loading || big)}${!loading && !this.rows.length ? html`<p part="empty-body">${m.noMatches}</p>` : nothing}`;
    }
    // Rows' "Manage", renew button and reconnect flows are heard once for the table, whichever table shows them.
    return html`<div part="base" @click=${this.handleClick} @relink-reconnect=${this.handleFlowStart} @relink-reconnect-result=${this.handleFlowResult}>
      ${failure || empty ? nothing : this.renderToolbar()}
      ${body}
      <p class="sr" role="status">${loading ? m.loading : this.announcement}</p>
    </div>`;
  }

  /** The status filter and the search (by app or label); in window mode both are the server's query. */
  private renderToolbar() {
    const m = this.m;
    return html`<div part="toolbar">
      <span class="field"><label for="search">${m.searchLabel}</label>
      <input id="search" part="search" type="search" autocomplete="off" maxlength="100" placeholder=${m.searchPlaceholder} .value=${this.searchText} @input=${this.handleSearch} /></span>
      <span class="field"><label for="filter">${m.filterLabel}</label>
      <select id="filter" part="filter" @change=${this.handleFilter}>
        <option value="" ?selected=${!this.statusFilter}>${m.allStatuses}</option>
        ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.statusFilter === s}>${m[s]}</option>`)}
      </select></span>
    </div>`;
  }
}
