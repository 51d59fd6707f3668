import type { LiveStatus } from '../events.js';
import type { Connection } from '../schema/connection.js';
import type { ConnectionRequest } from '../schema/connection-request.js';
import type { Notification } from '../schema/notification.js';
import type { Run } from '../schema/run.js';
import type { Viewer } from '../schema/session.js';
import { compareTimes } from './change.js';
import { emptyCollection, upsertAll, withItems, type Collection, type Entity, type Kind } from './collection.js';

export interface RelinkSnapshot {
  readonly viewer: Viewer | undefined;
  readonly connections: Collection<Connection>;
  readonly notifications: Collection<Notification>;
  readonly runs: Collection<Run>;
  readonly connectionRequests: Collection<ConnectionRequest>;
  readonly live: LiveStatus | 'off';
}

type Listener = () => void;
/**
 * Hears a change: the item after it (undefined: removed). `live`: from the event stream (or a removal, which is final),
 * in the order the server made them; else an answer to a request, which may have been read before changes heard since.
 * `eventId`: the stream's event that brought it, so a list page read at or after that event (its `eventId`) is known
 * to show it already.
 */
type Watcher = (kind: Kind, id: string, item: Entity | undefined, live: boolean, eventId?: string) => void;

/**
 * The store's state, after Lit's `ValueNotifier`: an immutable snapshot, replaced (never mutated) on change, and
 * listeners told once per microtask when it changed (`Object.is`), so a burst of 1,000 events costs one render.
 * Upserts (live events, writes) queue until that flush, or until someone reads the snapshot, and are applied in one
 * pass: a burst costs one copy of the items array and none of the id index, not one of each per change.
 */
export class StoreState {
  #snapshot: RelinkSnapshot = {
    viewer: undefined,
    connections: emptyCollection(),
    notifications: emptyCollection(),
    runs: emptyCollection(),
    connectionRequests: emptyCollection(),
    live: 'off',
  };
  #listeners = new Set<Listener>();
  #notified: RelinkSnapshot = this.#snapshot;
  #flushQueued = false;
  /** Told of each item upserted or removed as it happens (a connections window follows changes to rows it holds). */
  #watchers = new Set<Watcher>();
  /** Upserts not yet applied, per collection, by id in order of first arrival (the latest of each wins, as it would). */
  #pending = new Map<Kind, Map<string, Entity>>();

  get snapshot(): RelinkSnapshot {
    if (this.#pending.size > 0) this.#applyPending();
    return this.#snapshot;
  }

  /**
   * The snapshot without applying the queued upserts: for what they never change (a collection's status). Reading
   * `snapshot` once per live event would apply each event alone, copying the collection every time.
   */
  get flushed(): RelinkSnapshot {
    return this.#snapshot;
  }

  /**
   * Whether the store holds this item, queued upserts included, without applying them (asked once per live event).
   */
  holds(kind: Kind, id: string): boolean {
    return this.#snapshot[kind].byId.has(id) || (this.#pending.get(kind)?.has(id) ?? false);
  }

  #applyPending(): void {
    const pending = this.#pending;
    this.#pending = new Map();
    let next = this.#snapshot;
    for (const [kind, items] of pending) {
      const current: Collection<Entity> = next[kind];
      const updated = upsertAll(current, items.values(), kind !== 'connections');
      if (updated !== current) next = { ...next, [kind]: updated };
    }
    this.set(next);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  set(next: RelinkSnapshot): void {
    // `next` is computed from `snapshot`, which applied every queued upsert; any queued after stay queued on top.
    if (Object.is(next, this.#snapshot)) return;
    this.#snapshot = next;
    this.#scheduleFlush();
  }

  #scheduleFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => {
      this.#flushQueued = false;
      const snapshot = this.snapshot;
      if (Object.is(this.#notified, snapshot)) return;
      this.#notified = snapshot;
      for (const listener of [...this.#listeners]) listener();
    });
  }

  // Collections are typed per kind in the snapshot; internally one code path serves all four.
  patch(kind: Kind, update: (collection: Collection<Entity>) => Collection<Entity>): void {
    const current: Collection<Entity> = this.snapshot[kind];
    const next = update(current);
    if (next !== current) this.set({ ...this.#snapshot, [kind]: next });
  }

  /** Hear every upsert and removal as it happens, before the snapshot flush; returns the function that stops it. */
  watch(listener: Watcher): () => void {
    this.#watchers.add(listener);
    return () => this.#watchers.delete(listener);
  }

  /** Drop one item (a removed connection); the others keep their order. `eventId`: the event that removed it. */
  remove(kind: Kind, id: string, eventId?: string): void {
    for (const watcher of this.#watchers) watcher(kind, id, undefined, true, eventId);
    this.patch(kind, (collection) => {
      if (!collection.byId.has(id)) return collection;
      return withItems(collection, collection.items.filter((item) => item.id !== id));
    });
  }

  /**
   * Drop items without telling watchers (rows a connections window no longer shows, not a change), in one pass.
   */
  forget(kind: Kind, ids: Iterable<string>): void {
    this.patch(kind, (collection) => {
      const gone = new Set<string>();
      for (const id of ids) if (collection.byId.has(id)) gone.add(id);
      return gone.size ? withItems(collection, collection.items.filter((item) => !gone.has(item.id))) : collection;
    });
  }

  /** Tell the watchers (open windows) of a live change (event `eventId`) the store does not keep: a connection no view holds. */
  heard(kind: Kind, item: Entity, eventId: string): void {
    for (const watcher of this.#watchers) watcher(kind, item.id, item, true, eventId);
  }

  /**
   * Rows a read showed (a list page, an answer by id), not changes, so watchers are not told: each taken unless the
   * store holds a newer state of it (a live change heard while the read was on its way).
   */
  learn(kind: Kind, items: Iterable<Entity & { readonly updatedAt: string }>): void {
    const known = this.snapshot[kind].byId;
    for (const item of items) {
      const held = known.get(item.id) as typeof item | undefined;
      if (!held || compareTimes(held.updatedAt, item.updatedAt) <= 0) this.upsert(kind, item, { quiet: true });
    }
  }

  /**
   * Queue an insert or replace; applied with the others at the next flush (or read). `quiet`: what a list read, not
   * a change, so watchers are not told (a window showing its own page to the other views). `eventId`: the event
   * stream's event that brought it (a live change, see `Watcher`); none for an answer to a request.
   */
  upsert(kind: Kind, item: Entity, { quiet = false, eventId }: { quiet?: boolean; eventId?: string } = {}): void {
    if (!quiet) for (const watcher of this.#watchers) watcher(kind, item.id, item, eventId !== undefined, eventId);
    const queue = this.#pending.get(kind);
    if (queue) queue.set(item.id, item);
    else this.#pending.set(kind, new Map([[item.id, item]]));
    this.#scheduleFlush();
  }
}
