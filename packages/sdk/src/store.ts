import type { RelinkClient } from './client.js';
import type { LiveStatus } from './events.js';
import type { ConnectSessionOutcome, StartReconnectOptions } from './consent.js';
import { startConnectRequest, startReconnect } from './consent.js';
import type { Connection } from './schema/connection.js';
import type { ConnectionRequest } from './schema/connection-request.js';
import type { RelinkEvent } from './schema/events.js';
import type { Notification } from './schema/notification.js';
import type { Run, RunListQuery } from './schema/run.js';
import type { Viewer } from './schema/session.js';

/**
 * Load state of one collection. `items` keeps the server's order (feeds newest first); an item that arrives later by
 * an event goes first in a feed and last among connections, and a changed item keeps its place.
 */
export interface Collection<T extends { id: string }> {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly items: readonly T[];
  readonly byId: ReadonlyMap<string, T>;
  /** The typed SDK error of the last failed load, unchanged. */
  readonly error: unknown;
}

export interface RelinkSnapshot {
  readonly viewer: Viewer | undefined;
  readonly connections: Collection<Connection>;
  readonly notifications: Collection<Notification>;
  readonly runs: Collection<Run>;
  readonly connectionRequests: Collection<ConnectionRequest>;
  readonly live: LiveStatus | 'off';
}

export interface RelinkStoreOptions {
  /** What counts as "expiring soon" for `selectExpiringSoon`, in days (seed 004: LinkedIn's one-year tokens). */
  expiringWithinDays?: number;
  /** Injected clock, for tests and for a host that renders in another time. */
  now?: () => number;
}

type Listener = () => void;
type Kind = 'connections' | 'notifications' | 'runs' | 'connectionRequests';
type Entity = Connection | Notification | Run | ConnectionRequest;

const empty = <T extends { id: string }>(): Collection<T> => ({ status: 'idle', items: [], byId: new Map(), error: undefined });

/** Newest first for the feeds; connections keep the order they were loaded in, new ones at the end. */
const timeOf = (item: Entity) => ('startedAt' in item ? item.startedAt : 'requestedAt' in item ? item.requestedAt : item.createdAt);
const newestFirst = (a: Entity, b: Entity) => timeOf(b).localeCompare(timeOf(a));

function withItems<T extends { id: string }>(collection: Collection<T>, items: readonly T[]): Collection<T> {
  return { ...collection, items, byId: new Map(items.map((item) => [item.id, item])) };
}

/** Insert or replace one item; a replacement keeps its place so a live status change repaints one row, not the list. */
function upsert<T extends { id: string }>(collection: Collection<T>, item: T, prepend: boolean): Collection<T> {
  const existing = collection.byId.get(item.id);
  if (existing !== undefined) {
    if (JSON.stringify(existing) === JSON.stringify(item)) return collection;
    const items = collection.items.map((current) => (current.id === item.id ? item : current));
    return { ...collection, items, byId: new Map(collection.byId).set(item.id, item) };
  }
  const items = prepend ? [item, ...collection.items] : [...collection.items, item];
  return { ...collection, items, byId: new Map(collection.byId).set(item.id, item) };
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
  #snapshot: RelinkSnapshot = {
    viewer: undefined,
    connections: empty(),
    notifications: empty(),
    runs: empty(),
    connectionRequests: empty(),
    live: 'off',
  };
  #listeners = new Set<Listener>();
  #inflight = new Map<string, Promise<unknown>>();
  #notified: RelinkSnapshot = this.#snapshot;
  #flushQueued = false;
  #liveAbort: AbortController | undefined;
  #liveUsers = 0;
  #lastEventId: string | undefined;

  constructor(client: RelinkClient, options: RelinkStoreOptions = {}) {
    this.client = client;
    this.expiringWithinDays = options.expiringWithinDays ?? 14;
    this.now = options.now ?? Date.now;
  }

  readonly getSnapshot = (): RelinkSnapshot => this.#snapshot;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  // Listeners are told once per microtask: a burst of 1,000 events costs one render, not 1,000.
  #set(next: RelinkSnapshot): void {
    if (Object.is(next, this.#snapshot)) return;
    this.#snapshot = next;
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => {
      this.#flushQueued = false;
      if (Object.is(this.#notified, this.#snapshot)) return;
      this.#notified = this.#snapshot;
      for (const listener of [...this.#listeners]) listener();
    });
  }

  // Collections are typed per kind in the snapshot; internally one code path serves all four.
  #patch(kind: Kind, update: (collection: Collection<Entity>) => Collection<Entity>): void {
    const current: Collection<Entity> = this.#snapshot[kind];
    const next = update(current);
    if (next !== current) this.#set({ ...this.#snapshot, [kind]: next });
  }

  #upsert(kind: Kind, item: Entity): void {
    this.#patch(kind, (collection) => upsert(collection, item, kind !== 'connections'));
  }

  /** Share one promise between identical calls while the first is in flight (two clicks → one request). */
  #once<T>(key: string, run: () => Promise<T>): Promise<T> {
    const pending = this.#inflight.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const promise = run().finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, promise);
    return promise;
  }

  /** Fetch every page of a collection. A narrowed load (`merge`) adds to what is known instead of replacing it. */
  async #load<T extends Entity>(
    kind: Kind,
    key: string,
    fetchAll: () => AsyncIterable<T>,
    { sort, merge = false }: { sort?: (a: Entity, b: Entity) => number; merge?: boolean } = {},
  ): Promise<void> {
    return this.#once(`load:${key}`, async () => {
      this.#patch(kind, (c) => ({ ...c, status: 'loading', error: undefined }));
      try {
        const fetched: T[] = [];
        for await (const item of fetchAll()) fetched.push(item);
        this.#patch(kind, (current) => {
          const byId = new Map(merge ? current.byId : []);
          for (const item of fetched) byId.set(item.id, item);
          const items = [...byId.values()];
          if (sort) items.sort(sort);
          return { ...withItems(current, items), status: 'ready', error: undefined };
        });
      } catch (error) {
        this.#patch(kind, (c) => ({ ...c, status: 'error', error }));
        throw error;
      }
    });
  }

  /** Connections the viewer may see (every page). */
  readonly connections = {
    load: () => this.#load('connections', 'connections', () => pages((cursor) => this.client.connections.list({ cursor, limit: 100 }))),
    /** Refresh one connection from the server (after a failure the server may have moved it to `error`). */
    get: async (id: string) => {
      const connection = await this.client.connections.get(id);
      this.#upsert('connections', connection);
      return connection;
    },
  };

  readonly notifications = {
    load: () =>
      this.#load('notifications', 'notifications', () => pages((cursor) => this.client.notifications.list({ cursor, limit: 100 })), {
        sort: newestFirst,
      }),
  };

  /**
   * Runs. The store keeps every run it has seen; a preset or status narrows what is fetched, while the views filter
   * what they show (so a run that leaves "Paused for reauth" drops out of that view live).
   */
  readonly runs = {
    load: (query: Pick<RunListQuery, 'preset' | 'status' | 'workflowId'> = {}) =>
      this.#load('runs', `runs:${JSON.stringify(query)}`, () => pages((cursor) => this.client.runs.list({ ...query, cursor, limit: 100 })), {
        sort: newestFirst,
        merge: Object.values(query).some((value) => value !== undefined),
      }),
    /** Fetch one run (a detail page opened directly, a replay made elsewhere) and keep it with the others. */
    get: async (id: string) => {
      const run = await this.client.runs.get(id);
      this.#upsert('runs', run);
      return run;
    },
  };

  readonly connectionRequests = {
    load: () =>
      this.#load('connectionRequests', 'connectionRequests', () =>
        pages((cursor) => this.client.connectionRequests.list({ state: 'outstanding', cursor, limit: 100 })),
      ),
  };

  /** Who is looking: elements offer only what the server would allow this viewer. */
  loadViewer(): Promise<Viewer> {
    return this.#once('viewer', async () => {
      const viewer = await this.client.viewer.get();
      this.#set({ ...this.#snapshot, viewer });
      return viewer;
    });
  }

  /** Renew a connection's token. Concurrent calls for one connection share one request. */
  refresh(connectionId: string): Promise<Connection> {
    return this.#once(`refresh:${connectionId}`, async () => {
      try {
        const connection = await this.client.connections.refresh(connectionId);
        this.#upsert('connections', connection);
        return connection;
      } catch (error) {
        // A refused refresh may have moved the connection to `error` on the server: show that, then rethrow as is.
        await this.connections.get(connectionId).catch(() => undefined);
        throw error;
      }
    });
  }

  revoke(connectionId: string): Promise<Connection> {
    return this.#once(`revoke:${connectionId}`, async () => {
      const connection = await this.client.connections.revoke(connectionId);
      this.#upsert('connections', connection);
      this.#afterConnectionChange();
      return connection;
    });
  }

  /** Run the consent flow (popup, redirect fallback) and, on success, show the healed connection. */
  reconnect(connectionId: string, options: StartReconnectOptions = {}): Promise<ConnectSessionOutcome> {
    return this.#once(`reconnect:${connectionId}`, async () => {
      return this.#settleReconnect(connectionId, await startReconnect(this.client, connectionId, options));
    });
  }

  /** A client answers a connection request through consent; on success the request leaves the outstanding list. */
  connectRequest(requestId: string, options: StartReconnectOptions = {}): Promise<ConnectSessionOutcome> {
    return this.#once(`connect-request:${requestId}`, async () => {
      const outcome = await startConnectRequest(this.client, requestId, options);
      const connectionId = 'session' in outcome ? outcome.session?.connectionId : undefined;
      return connectionId ? this.#settleReconnect(connectionId, outcome) : outcome;
    });
  }

  // A completed flow (now, or after the user confirms a different account) syncs what it changed.
  async #settleReconnect(connectionId: string, outcome: ConnectSessionOutcome): Promise<ConnectSessionOutcome> {
    if (outcome.status === 'completed') await this.afterReconnect(connectionId);
    if (outcome.status !== 'account_mismatch') return outcome;
    const { confirm } = outcome;
    return { ...outcome, confirm: async () => this.#settleReconnect(connectionId, await confirm()) };
  }

  /** Sync what a completed reconnect changed: the connection, its notification, the runs that resumed. */
  async afterReconnect(connectionId: string): Promise<void> {
    await this.connections.get(connectionId).catch(() => undefined);
    if (this.#snapshot.live !== 'open' && this.#snapshot.connectionRequests.status === 'ready') {
      await this.connectionRequests.load().catch(() => undefined);
    }
    this.#afterConnectionChange();
  }

  /** API-key apps: reactivate with new credentials; a 422 carries per-field errors (`RelinkApiError.fields`). */
  submitCredentials(connectionId: string, fields: Record<string, string>): Promise<Connection> {
    return this.#once(`credentials:${connectionId}`, async () => {
      const connection = await this.client.connections.submitCredentials(connectionId, fields);
      this.#upsert('connections', connection);
      this.#afterConnectionChange();
      return connection;
    });
  }

  resume(runId: string): Promise<Run> {
    return this.#once(`resume:${runId}`, async () => {
      const run = await this.client.runs.resume(runId);
      this.#upsert('runs', run);
      return run;
    });
  }

  /** Re-run a terminal run; resolves with the new run, which joins the list. */
  replay(runId: string): Promise<Run> {
    return this.#once(`replay:${runId}`, async () => {
      const run = await this.client.runs.replay(runId);
      this.#upsert('runs', run);
      return run;
    });
  }

  markRead(notificationId: string): Promise<Notification> {
    return this.#once(`read:${notificationId}`, async () => {
      const notification = await this.client.notifications.markRead(notificationId);
      this.#upsert('notifications', notification);
      return notification;
    });
  }

  cancelRequest(requestId: string): Promise<ConnectionRequest> {
    return this.#once(`cancel:${requestId}`, async () => {
      const request = await this.client.connectionRequests.cancel(requestId);
      this.#upsert('connectionRequests', request);
      return request;
    });
  }

  /** Ask the owner of a connection to reconnect it (an agency cannot consent for a client's account). */
  requestReconnection(connectionId: string, note?: string): Promise<ConnectionRequest> {
    return this.#once(`request:${connectionId}`, async () => {
      const request = await this.client.connectionRequests.create({ connectionId, ...(note ? { note } : {}) });
      this.#upsert('connectionRequests', request);
      return request;
    });
  }

  // Without a live stream, what a connection change did to runs and notifications is fetched once.
  #afterConnectionChange(): void {
    if (this.#snapshot.live === 'open') return;
    if (this.#snapshot.runs.status === 'ready') void this.runs.load().catch(() => undefined);
    if (this.#snapshot.notifications.status === 'ready') void this.notifications.load().catch(() => undefined);
  }

  /** Apply one server event: every event carries the whole resource after the change. */
  apply(event: RelinkEvent): void {
    this.#lastEventId = event.id;
    switch (event.type) {
      case 'connection.updated':
        return this.#upsert('connections', event.connection);
      case 'notification.updated':
        return this.#upsert('notifications', event.notification);
      case 'run.updated':
        return this.#upsert('runs', event.run);
      case 'connection_request.updated':
        return this.#upsert('connectionRequests', event.request);
    }
  }

  /** Reload every collection a view has asked for (the polling fallback, and after a long disconnection). */
  reloadLoaded(): Promise<unknown> {
    const kinds: Kind[] = ['connections', 'notifications', 'runs', 'connectionRequests'];
    return Promise.allSettled(kinds.filter((kind) => this.#snapshot[kind].status !== 'idle').map((kind) => this[kind].load()));
  }

  /**
   * Follow the server's event stream while at least one caller holds the returned stop function. Falls back to
   * polling when the stream is unavailable.
   */
  startLive(): () => void {
    this.#liveUsers += 1;
    if (!this.#liveAbort) {
      const abort = (this.#liveAbort = new AbortController());
      let gap = false;
      void this.client.events.subscribe({
        signal: abort.signal,
        lastEventId: this.#lastEventId,
        onEvent: (event) => this.apply(event),
        onPoll: () => void this.reloadLoaded(),
        onStatus: (live) => {
          if (this.#liveAbort !== abort) return;
          // A stream that opens after a failed attempt with no event id to resume from cannot replay what happened
          // meanwhile: fetch what the views show once instead.
          if (live === 'reconnecting' || live === 'polling') gap = true;
          else if (live === 'open' && gap && this.#lastEventId === undefined) void this.reloadLoaded();
          if (live === 'open') gap = false;
          this.#set({ ...this.#snapshot, live: live === 'closed' ? 'off' : live });
        },
      });
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.#liveUsers -= 1;
      if (this.#liveUsers === 0) {
        this.#liveAbort?.abort();
        this.#liveAbort = undefined;
        this.#set({ ...this.#snapshot, live: 'off' });
      }
    };
  }
}

async function* pages<T>(fetchPage: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>) {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export function createRelinkStore(client: RelinkClient, options?: RelinkStoreOptions): RelinkStore {
  return new RelinkStore(client, options);
}
