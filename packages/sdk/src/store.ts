import type { RelinkClient } from './client.js';
import type { ConnectSessionOutcome, StartReconnectOptions } from './consent.js';
import { startConnect, startConnectRequest, startReconnect } from './consent.js';
import type { RequestOptions } from './http.js';
import type { ConnectionListParams } from './resources/connections.js';
import type { Page } from './schema/common.js';
import type { App } from './schema/app.js';
import type { Connection } from './schema/connection.js';
import type { RemovedConnection } from './schema/connection-removal.js';
import type { ConnectionRequest } from './schema/connection-request.js';
import type { RelinkEvent } from './schema/events.js';
import type { Notification } from './schema/notification.js';
import type { NotificationPreferences } from './schema/notification-preferences.js';
import type { NotificationPreferenceChange } from './resources/notification-preferences.js';
import type { RunListParams } from './resources/runs.js';
import type { Run } from './schema/run.js';
import type { RunListQuery } from './schema/requests.js';
import type { Viewer } from './schema/session.js';
import { compareTimes, replaces, shows } from './store/change.js';
import { KINDS, newestFirst, withItems, type Collection, type Entity, type Kind } from './store/collection.js';
import { chunkFailed } from './internal/on-demand.js';
import type { ConnectionWindow, ConnectionWindowOptions, ConnectionWindowQuery } from './store/connection-window.js';
import type { RunWindow, RunWindowQuery } from './store/run-window.js';
import type { WindowRows } from './store/window-rows.js';
import type * as WindowCode from './store/windows.js';
import { EarlyPage, type Heard } from './store/early-page.js';
import { FirstPage } from './store/first-page.js';
import { Inflight } from './store/inflight.js';
import { pageParams } from './store/page-params.js';
import { LiveUpdates } from './store/live.js';
import { StoreState, type RelinkSnapshot } from './store/state.js';
import { storeWrites, type StoreInside, type StoreWrites } from './store/writes.js';

/** A write's arguments after the store's inside, which `#writes` passes. */
type WriteArgs<K extends keyof StoreWrites> = Parameters<StoreWrites[K]> extends [StoreInside, ...infer Rest] ? Rest : never;

export { replacedSince, type Collection } from './store/collection.js';
export type { ConnectionWindow, ConnectionWindowOptions, ConnectionWindowQuery } from './store/connection-window.js';
export type { ListItem, ListWindow, ListWindowOptions } from './store/list-window.js';
export type { RunWindow, RunWindowOptions, RunWindowQuery } from './store/run-window.js';
export type { RelinkSnapshot } from './store/state.js';

export interface StoreWindowOptions extends ConnectionWindowOptions {
  /**
   * Ask for the first page while the window's code loads (a view whose first `ensure` covers its first rows), so
   * its first rows wait for one request, not for a chunk and then a request.
   */
  prefetch?: boolean | undefined;
}

/**
 * The windows' code (one chunk for connections and runs windows) once loaded: a later window opens without waiting for
 * `import()` again, which takes a task even for a module already loaded, behind whatever else the page queued (a
 * table's first page could answer before it).
 */
let windowCode: typeof WindowCode | undefined;

/** Loads the windows' code and hands it what it uses of the store's (store/window-kit.ts says why). */
const loadWindows = (): Promise<typeof WindowCode> =>
  import('./store/windows.js').then((code) => {
    code.provideKit({ compareTimes, replaces, shows, pageParams });
    return (windowCode = code);
  });

/**
 * Options of the store's shared loads. `signal` stops this caller waiting (`RelinkAbortError`); the requests stop only
 * when every caller sharing the load has aborted.
 */
export interface LoadOptions {
  signal?: AbortSignal | undefined;
}

export interface RelinkStoreOptions {
  /** What counts as "expiring soon" for `selectExpiringSoon`, in days (seed 004: LinkedIn's one-year tokens). */
  expiringWithinDays?: number;
  /** Injected clock, for tests and for a host that renders in another time. */
  now?: () => number;
}

/**
 * The live, framework-free state of one workspace, after Lit's `ValueNotifier`: `getSnapshot()` returns an immutable
 * snapshot, `subscribe()` a function to unsubscribe, and listeners run only when the snapshot changed (`Object.is`),
 * so React's `useSyncExternalStore(store.subscribe, store.getSnapshot)` works unchanged.
 *
 * Lazy: nothing is fetched until a view asks (`store.connections.load()`); identical loads in flight are shared.
 * Mutations go through the store, update the snapshot from the server's answer and reject with the SDK's typed
 * errors unchanged.
 */
export class RelinkStore {
  readonly client: RelinkClient;
  readonly expiringWithinDays: number;
  readonly now: () => number;
  // The seams: state and its listeners, shared in-flight calls, live updates (store/*.ts).
  readonly #state = new StoreState();
  readonly #inflight = new Inflight();
  /** What the writes (store/writes.ts) reach inside the store. */
  readonly #inside: StoreInside = { store: this, state: this.#state, inflight: this.#inflight };
  // Loads of each collection in flight (runs may load several presets at once) and the collection before the first:
  // an aborted load restores it only when it was the last one running.
  readonly #loading = new Map<Kind, { count: number; before: Collection<Entity> }>();
  readonly #live: LiveUpdates;
  /** Open windows (connections, runs): a poll or a gap in the live stream refreshes them with the collections. */
  readonly #windows = new Set<{ refresh(): void }>();
  /**
   * Rows the store holds only because open windows show them (store/window-rows.ts), one per collection, made with
   * its first window (the code loads with the window's): memory follows the screens, not how far they scrolled.
   */
  #connectionWindowRows: WindowRows<Connection> | undefined;
  #runWindowRows: WindowRows<Run> | undefined;
  /** Connections views follow without holding them (`connections.follow`), with how many views do. */
  readonly #followed = new Map<string, number>();
  /** The first page of each open connections window, as it answered: what `connections.adopt` (and a first `load`) takes. */
  readonly #firstPages = new Map<ConnectionWindow, FirstPage>();
  /** Connection changes heard so far: a list request started before the latest is not shared with one after it. */
  #connectionChanges = 0;

  constructor(client: RelinkClient, options: RelinkStoreOptions = {}) {
    this.client = client;
    this.expiringWithinDays = options.expiringWithinDays ?? 14;
    this.now = options.now ?? Date.now;
    this.#live = new LiveUpdates(this.#state, client, () => this.reloadLoaded(), (kind, item) => {
      // A loaded list keeps every change; asked without applying the burst so far (one copy per burst, not per event).
      if (this.#state.flushed[kind].status !== 'idle') return true;
      if (this.#state.holds(kind, item.id)) return true;
      if (kind === 'connections') return this.#followed.has(item.id);
      // A new replay of a run a view shows joins it (a run detail's "Replayed as …").
      const { replayOf } = item as Run;
      return replayOf !== undefined && this.#state.holds('runs', replayOf);
    });
    this.#state.watch((kind) => {
      if (kind === 'connections') this.#connectionChanges += 1;
    });
  }

  readonly getSnapshot = (): RelinkSnapshot => this.#state.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => this.#state.subscribe(listener);

  /**
   * Fetch every page of a collection, showing the first as soon as it arrives. A narrowed load (`merge`) adds to what is known instead of replacing it. A load
   * aborted by every caller waiting on it leaves the collection as it was (never `error`); the next load starts afresh.
   */
  #load<T extends Entity>(
    kind: Kind,
    key: string,
    fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
    { sort, merge = false, signal, first }: { sort?: (a: Entity, b: Entity) => number; merge?: boolean; first?: Page<T> } & LoadOptions = {},
  ): Promise<void> {
    return this.#inflight.once(
      `load:${key}`,
      async (shared) => {
        const loading = this.#loading.get(kind) ?? { count: 0, before: this.#state.snapshot[kind] };
        loading.count += 1;
        this.#loading.set(kind, loading);
        let counted = true;
        const settle = () => {
          if (!counted) return;
          counted = false;
          if (--loading.count === 0) this.#loading.delete(kind);
        };
        // Synchronous on abort, so a caller that hears its `RelinkAbortError` already sees the collection restored.
        const restore = () => {
          settle();
          if (loading.count > 0) return; // another load of this collection is still running: it stays `loading`
          const { status, error } = loading.before;
          this.#state.patch(kind, (c) => (c.status === 'loading' ? { ...c, status, error } : c));
        };
        shared.addEventListener('abort', restore, { once: true });
        this.#state.patch(kind, (c) => ({ ...c, status: 'loading', error: undefined }));
        // The rows the collection holds are its own from now on, whatever windows forget.
        if (kind === 'connections') this.#connectionWindowRows?.clear();
        if (kind === 'runs') this.#runWindowRows?.clear();
        // Rows appear page by page when nothing is shown yet (the first page paints at once) or when a narrowed load
        // adds to what is known; a reload of a shown list swaps in the whole answer at the end instead.
        const progressive = merge || loading.before.items.length === 0;
        const show = (fetched: Map<string, T>, current: Collection<Entity>): Collection<Entity> => {
          const byId = new Map(merge ? current.byId : []);
          for (const [id, item] of fetched) byId.set(id, item);
          const items = [...byId.values()];
          if (sort) items.sort(sort);
          return withItems(current, items);
        };
        try {
          const fetched = new Map<string, T>();
          let cursor: string | undefined;
          let total: number | undefined;
          // The oldest event id of the pages shown: live updates replay what came after it (list, then watch).
          let eventId: string | undefined;
          // A first page already in hand (a window's, whose event id it reported) is shown without asking again.
          let inHand = first;
          do {
            const page = inHand ?? (await fetchPage(cursor, shared));
            inHand = undefined;
            if (shared.aborted) return;
            if (cursor === undefined && page.total !== undefined) total = page.total;
            for (const item of page.data) fetched.set(item.id, item);
            eventId ??= page.eventId;
            cursor = page.nextCursor ?? undefined;
            if (progressive && cursor) {
              this.#state.patch(kind, (current) => ({ ...show(fetched, current), ...(total !== undefined ? { total } : {}) }));
              this.#listed(eventId);
            }
          } while (cursor);
          settle();
          this.#state.patch(kind, (current) => ({ ...show(fetched, current), status: 'ready', error: undefined, ...(total !== undefined && !merge ? { total } : {}) }));
          this.#listed(eventId);
        } catch (error) {
          if (!shared.aborted) {
            settle();
            this.#state.patch(kind, (c) => ({ ...c, status: 'error', error }));
          }
          throw error;
        } finally {
          shared.removeEventListener('abort', restore);
        }
      },
      signal,
    );
  }

  /**
   * `GET /connections` for the store's readers. The list's first page in its own order (no cursor, offset, sort, filter
   * or search) is one request however many ask while it is in flight: a window's early page and `load()` started at
   * once by different elements of one page. A change heard since a request started makes the next one its own (it
   * asks for what the older answer may lack), and so do the other pages (a window's by offset, a load's by cursor).
   */
  readonly #listConnections = (params: ConnectionListParams = {}, options: RequestOptions = {}): Promise<Page<Connection>> => {
    const keys = Object.keys(params).filter((key) => params[key as keyof ConnectionListParams] !== undefined);
    if (keys.some((key) => key !== 'limit')) return this.client.connections.list(params, options);
    const { signal, ...rest } = options;
    return this.#inflight.once(`list:connections:${params.limit ?? ''}:${this.#connectionChanges}`, (shared) => this.client.connections.list(params, { ...rest, signal: shared }), signal);
  };

  /** One page of the whole connections list, as `connections.load()` (and `adopt`) read it. */
  readonly #connectionsPage = (cursor: string | undefined, signal: AbortSignal) => this.#listConnections({ cursor, limit: 100 }, { signal });

  /** Connections the viewer may see (every page). */
  readonly connections = {
    /**
     * The first load starts from an open window's first page when one is current (see `adopt`), so a view that loads
     * the list after a table counted the workspace with that page does not ask for it again.
     */
    load: ({ signal }: LoadOptions = {}) => {
      let first: Page<Connection> | undefined;
      if (this.#state.snapshot.connections.status === 'idle') {
        for (const [window, firstPage] of this.#firstPages) if ((first = firstPage.current(window))) break;
      }
      return this.#load('connections', 'connections', this.#connectionsPage, { signal, first });
    },
    /**
     * A window onto the list for a view that shows a slice of it (a virtualized table of 100,000): sorted, filtered
     * and searched on the server, fetched a page at a time for the rows asked for (`ensure`), following live changes.
     * Call `close()` when the view goes. Loaded on first use (a page without a long list never pays for it).
     */
    window: async (query: ConnectionWindowQuery = {}, options?: StoreWindowOptions): Promise<ConnectionWindow> => {
      const firstPage = new FirstPage({ ...this.client, connections: { ...this.client.connections, list: this.#listConnections } }, query, options, this.#changesTo('connections'));
      const { ConnectionWindow, WindowRows } = windowCode ?? (await loadWindows().catch((error: unknown) => {
        firstPage.drop();
        return chunkFailed('connections window')(error);
      }));
      this.#connectionWindowRows ??= new WindowRows<Connection>('connections', this.#state);
      const source = this.#connectionWindowRows.source(
        this.#windowListed,
        () => {
          firstPage.drop();
          this.#windows.delete(opened);
          this.#firstPages.delete(opened);
        },
        (id, item) => firstPage.heard(id, item),
      );
      const opened: ConnectionWindow = new ConnectionWindow(firstPage.client, { ...source, watch: firstPage.watching(source.watch) }, query, options);
      this.#windows.add(opened);
      this.#firstPages.set(opened, firstPage);
      return opened;
    },
    /**
     * The connection `id` for a view that names it (a run's "Blocked by HubSpot"): the store's copy when it holds one,
     * else fetched by id, one request shared by every view asking, and kept. Never loads the list.
     */
    lookup: async (id: string, { signal }: LoadOptions = {}): Promise<Connection> => {
      const held = this.#state.snapshot.connections.byId.get(id);
      if (held) return held;
      return this.#inflight.once(`lookup:${id}`, async (shared) => {
        // A removal heard while the answer is on its way: the caller still gets the name, the store does not take
        // the connection back.
        let removed = false;
        const stop = this.#state.watch((kind, changed, item) => void (removed ||= kind === 'connections' && changed === id && item === undefined));
        try {
          const connection = await this.client.connections.get(id, { signal: shared });
          if (removed) return connection;
          // Learnt, not a change to it (an open window would take it for one and ask again).
          this.#state.learn('connections', [connection]);
          this.#connectionWindowRows?.keep(id); // asked for by id: kept when the windows scroll away
          return connection;
        } finally {
          stop();
        }
      }, signal);
    },
    /**
     * Take a window's first page as the start of the loaded list, so a view that asked for it to count the workspace
     * (a table choosing between loading every connection and a window) does not ask for it again: a workspace that
     * fits in one page is loaded at once (`ready`, no request), a bigger one goes on from that page's cursor, as
     * `load()` would. Only for a window in the list's own order (no sort, filter or search) whose first page is
     * current; otherwise, or while the list is loaded or loading already, returns undefined and changes nothing.
     */
    adopt: (window: ConnectionWindow, { signal }: LoadOptions = {}): Promise<void> | undefined => {
      const status = this.#state.snapshot.connections.status;
      if (status === 'ready' || status === 'loading') return undefined;
      const first = this.#firstPages.get(window)?.current(window);
      if (!first) return undefined;
      return this.#load('connections', 'connections', this.#connectionsPage, { signal, first });
    },
    /**
     * Keep live changes to these connections in the store while the returned function is not called, for a view whose
     * answer depends on connections it never loaded (a publish check rechecks when one of its workflow's changes
     * status). Without it, while only windows show connections, a change to one no view holds reaches the windows but
     * is not kept: the store holds what is shown, asked for by id or followed, not every connection the stream names.
     */
    follow: (ids: readonly string[]): (() => void) => {
      const followed = [...new Set(ids)];
      for (const id of followed) this.#followed.set(id, (this.#followed.get(id) ?? 0) + 1);
      let following = true;
      return () => {
        if (!following) return;
        following = false;
        for (const id of followed) {
          const count = this.#followed.get(id)! - 1;
          if (count) this.#followed.set(id, count);
          else this.#followed.delete(id);
        }
      };
    },
    /** Refresh one connection from the server (after a failure the server may have moved it to `error`). */
    get: async (id: string, options?: RequestOptions) => {
      const connection = await this.client.connections.get(id, options);
      this.#state.upsert('connections', connection);
      this.#connectionWindowRows?.keep(id); // asked for by id: kept when the windows scroll away
      return connection;
    },
  };

  readonly notifications = {
    load: ({ signal }: LoadOptions = {}) =>
      this.#load(
        'notifications',
        'notifications',
        (cursor, shared) => this.client.notifications.list({ cursor, limit: 100 }, { signal: shared }),
        { sort: newestFirst, signal },
      ),
  };

  /**
   * Runs. The store keeps every run it has loaded (and, once a list is loaded, every run the live stream names; before,
   * only changes to runs it holds and new replays of them); a preset or status narrows what is fetched, while the views filter
   * what they show (so a run that leaves "Paused for reauth" drops out of that view live).
   */
  readonly runs = {
    load: ({ signal, ...query }: Pick<RunListQuery, 'preset' | 'status' | 'workflowId'> & LoadOptions = {}) =>
      this.#load(
        'runs',
        `runs:${JSON.stringify(query)}`,
        (cursor, shared) => this.client.runs.list({ ...query, cursor, limit: 100 }, { signal: shared }),
        { sort: newestFirst, merge: Object.values(query).some((value) => value !== undefined), signal },
      ),
    /**
     * A window onto the runs list for a view that shows a slice of it (a virtualized list of 100,000 runs): sorted and
     * filtered on the server, fetched a page at a time for the rows asked for (`ensure`), following live changes; the
     * store holds the rows it shows, not the workspace. Call `close()` when the view goes. Loaded on first use.
     */
    window: async (query: RunWindowQuery = {}, options?: StoreWindowOptions): Promise<RunWindow> => {
      const early = options?.prefetch
        ? new EarlyPage<RunListParams, Run>((params, o) => this.client.runs.list(params, o), pageParams(query, options.pageSize), this.#changesTo('runs'))
        : undefined;
      const { RunWindow, WindowRows } = windowCode ?? (await loadWindows().catch((error: unknown) => {
        early?.drop();
        return chunkFailed('runs window')(error);
      }));
      this.#runWindowRows ??= new WindowRows<Run>('runs', this.#state);
      const client = early ? { ...this.client, runs: { ...this.client.runs, list: early.list } } : this.client;
      const source = this.#runWindowRows.source(
        this.#windowListed,
        () => {
          early?.drop();
          this.#windows.delete(opened);
        },
      );
      const opened: RunWindow = new RunWindow(client, early ? { ...source, watch: early.watching(source.watch) } : source, query, options);
      this.#windows.add(opened);
      return opened;
    },
    /**
     * Fetch the replays of one run (a run detail's "Replayed as …") and keep them with the others, without loading the
     * list; shared while in flight. Replays made later arrive with the live stream (`run.updated`).
     */
    replays: (id: string, options: LoadOptions = {}): Promise<Run[]> =>
      this.#inflight.once(
        `replays:${id}`,
        async (shared) => {
          const replays: Run[] = [];
          let cursor: string | undefined;
          do {
            const page = await this.client.runs.list({ replayOf: id, cursor, limit: 100 }, { signal: shared });
            replays.push(...page.data);
            this.#windowListed(page.eventId);
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          this.#state.learn('runs', replays);
          // Asked for: kept when the windows scroll away.
          for (const run of replays) this.#runWindowRows?.keep(run.id);
          return replays;
        },
        options.signal,
      ),
    /** Fetch one run (a detail page opened directly, a replay made elsewhere) and keep it with the others. */
    get: async (id: string, options?: RequestOptions) => {
      const run = await this.client.runs.get(id, options);
      this.#state.upsert('runs', run);
      this.#runWindowRows?.keep(id); // asked for by id: kept when the windows scroll away
      return run;
    },
  };

  readonly connectionRequests = {
    load: ({ signal }: LoadOptions = {}) =>
      this.#load(
        'connectionRequests',
        'connectionRequests',
        (cursor, shared) => this.client.connectionRequests.list({ state: 'outstanding', cursor, limit: 100 }, { signal: shared }),
        { signal },
      ),
  };

  #apps: readonly App[] | undefined;

  /**
   * The app catalog (`GET /apps`), fetched once and shared: every catalog and connect button on the page asks here.
   * Concurrent calls share one request; a failed load is tried again on the next call.
   */
  async loadApps({ signal }: LoadOptions = {}): Promise<readonly App[]> {
    if (this.#apps) return this.#apps;
    return this.#inflight.once('apps', async (shared) => (this.#apps = await this.client.apps.list({ signal: shared })), signal);
  }

  /** The viewer's notification preferences (which kinds reach its bell). Concurrent calls share one request. */
  loadNotificationPreferences({ signal }: LoadOptions = {}): Promise<NotificationPreferences> {
    return this.#inflight.once('notification-preferences', (shared) => this.client.notificationPreferences.get({ signal: shared }), signal);
  }

  /**
   * Turn kinds on or off for the viewer's bell. The server filters the notification list by them, so a loaded list is
   * fetched again: a kind turned off leaves the bell at once, one turned back on returns.
   */
  updateNotificationPreferences(changes: readonly NotificationPreferenceChange[]): Promise<NotificationPreferences> {
    return this.#writes('updateNotificationPreferences', changes);
  }

  /** Who is looking: elements offer only what the server would allow this viewer. */
  loadViewer({ signal }: LoadOptions = {}): Promise<Viewer> {
    return this.#inflight.once(
      'viewer',
      async (shared) => {
        const viewer = await this.client.viewer.get({ signal: shared });
        this.#state.set({ ...this.#state.snapshot, viewer });
        return viewer;
      },
      signal,
    );
  }

  /** Renew a connection's token. Concurrent calls for one connection share one request. */
  refresh(connectionId: string): Promise<Connection> {
    return this.#writes('refresh', connectionId);
  }

  revoke(connectionId: string): Promise<Connection> {
    return this.#writes('revoke', connectionId);
  }

  /** Run the consent flow (popup, redirect fallback) and, on success, show the healed connection. */
  reconnect(connectionId: string, options: StartReconnectOptions = {}): Promise<ConnectSessionOutcome> {
    // startReconnect runs synchronously inside the caller's click (it opens the popup), so it stays up front.
    return this.#inflight.once(`reconnect:${connectionId}`, async () => this.#writes('settleReconnect', connectionId, await startReconnect(this.client, connectionId, options)));
  }

  /**
   * Add a connection of an OAuth app through its consent flow (popup, redirect fallback); on success the new
   * connection joins the list. API-key apps: `addWithCredentials`.
   */
  connect(appKey: string, options: StartReconnectOptions & { label?: string | undefined } = {}): Promise<ConnectSessionOutcome> {
    return this.#inflight.once(`connect:${appKey}`, async () => this.#settleNew(await startConnect(this.client, appKey, options)));
  }

  /** Add a connection of an API-key app from its fields; a 422 carries per-field errors (`RelinkApiError.fields`). */
  addWithCredentials(appKey: string, fields: Record<string, string>, label?: string): Promise<Connection> {
    return this.#writes('addWithCredentials', appKey, fields, label);
  }

  /**
   * Remove a connection (not revoke: nothing is kept). The row leaves the snapshot at once; one already removed
   * elsewhere (404) leaves it too, as the removal the caller asked for has happened.
   */
  remove(connectionId: string): Promise<RemovedConnection> {
    return this.#writes('remove', connectionId);
  }

  /** A client answers a connection request through consent; on success the request leaves the outstanding list. */
  connectRequest(requestId: string, options: StartReconnectOptions = {}): Promise<ConnectSessionOutcome> {
    return this.#inflight.once(`connect-request:${requestId}`, async () => this.#settleNew(await startConnectRequest(this.client, requestId, options)));
  }

  // A flow that made or healed a connection (now, or after the user confirms a different account) syncs what it changed.
  #settleNew(outcome: ConnectSessionOutcome): Promise<ConnectSessionOutcome> | ConnectSessionOutcome {
    const connectionId = 'session' in outcome ? outcome.session?.connectionId : undefined;
    return connectionId ? this.#writes('settleReconnect', connectionId, outcome) : outcome;
  }

  /** Sync what a completed reconnect changed: the connection, its notification, the runs that resumed. */
  afterReconnect(connectionId: string): Promise<void> {
    return this.#writes('afterReconnect', connectionId);
  }

  /** API-key apps: reactivate with new credentials; a 422 carries per-field errors (`RelinkApiError.fields`). */
  submitCredentials(connectionId: string, fields: Record<string, string>): Promise<Connection> {
    return this.#writes('submitCredentials', connectionId, fields);
  }

  resume(runId: string): Promise<Run> {
    return this.#writes('resume', runId);
  }

  /** Re-run a terminal run; resolves with the new run, which joins the list. */
  replay(runId: string): Promise<Run> {
    return this.#writes('replay', runId);
  }

  markRead(notificationId: string): Promise<Notification> {
    return this.#writes('markRead', notificationId);
  }

  cancelRequest(requestId: string): Promise<ConnectionRequest> {
    return this.#writes('cancelRequest', requestId);
  }

  /** Ask the owner of a connection to reconnect it (an agency cannot consent for a client's account). */
  requestReconnection(connectionId: string, note?: string): Promise<ConnectionRequest> {
    return this.#writes('requestReconnection', connectionId, note);
  }

  /**
   * Runs one of the store's writes (store/writes.ts). Up front, not on demand: a write's code that had to load at the
   * moment of the write would turn an outage of the server into "part of this page did not load", and a reconnect the
   * server completed into a failure.
   */
  async #writes<K extends keyof StoreWrites>(name: K, ...args: WriteArgs<K>): Promise<Awaited<ReturnType<StoreWrites[K]>>> {
    return (storeWrites[name] as (inside: StoreInside, ...rest: unknown[]) => Promise<Awaited<ReturnType<StoreWrites[K]>>>)(this.#inside, ...args);
  }

  /** A loaded list's page is shown: live updates replay from its event id. */
  #listed(eventId: string | undefined): void {
    this.#live.listed(eventId);
  }

  /** The same for a page a window (or a lookup of replays) took. */
  readonly #windowListed = (eventId: string | undefined): void => {
    this.#live.windowListed(eventId);
  };

  /** Hear each change to one collection (kept by an early page for its window while the window's code loads). */
  #changesTo<T extends Entity>(kind: Kind): (heard: Heard<T>) => () => void {
    return (heard) => this.#state.watch((changedKind, id, item, live, eventId) => void (changedKind === kind && heard(id, item as T | undefined, live, eventId)));
  }

  /** Apply one server event: every event carries the whole resource after the change. */
  apply(event: RelinkEvent): void {
    this.#live.apply(event);
  }

  /** Reload every collection a view has asked for (the polling fallback, and after a long disconnection). */
  reloadLoaded(): Promise<unknown> {
    for (const opened of this.#windows) opened.refresh();
    return Promise.allSettled(KINDS.filter((kind) => this.#state.snapshot[kind].status !== 'idle').map((kind) => this[kind].load()));
  }

  /**
   * Follow the server's event stream while at least one caller holds the returned stop function. Falls back to
   * polling when the stream is unavailable.
   */
  startLive(): () => void {
    return this.#live.start();
  }
}

export function createRelinkStore(client: RelinkClient, options?: RelinkStoreOptions): RelinkStore {
  return new RelinkStore(client, options);
}
