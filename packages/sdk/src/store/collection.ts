import type { Connection } from '../schema/connection.js';
import type { ConnectionRequest } from '../schema/connection-request.js';
import type { Notification } from '../schema/notification.js';
import type { Run } from '../schema/run.js';

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
  /** How many the server has in all (its first page's `total`), when it counts; rows may still be loading. */
  readonly total?: number | undefined;
}

/** The four collections a store keeps; internally one code path serves them all. */
export type Kind = 'connections' | 'notifications' | 'runs' | 'connectionRequests';
export type Entity = Connection | Notification | Run | ConnectionRequest;
export const KINDS: readonly Kind[] = ['connections', 'notifications', 'runs', 'connectionRequests'];

/**
 * `byId` of a collection: a read-only map over its `items`, found through an id → position index that snapshots
 * share. A live change replaces an item in place and keeps the index as it is, and a new item appends to it, so an
 * upsert costs the changed items, not a copy of every id (2 ms per change at 10,000). Positions count from the end
 * in a feed (`fromEnd`), where new items go first, so prepending moves none of them either.
 */
class ItemsById<T extends { id: string }> implements ReadonlyMap<string, T> {
  constructor(
    readonly items: readonly T[],
    /** id → position (from the end when `fromEnd`), possibly holding ids appended by a later snapshot. */
    readonly index: Map<string, number>,
    readonly fromEnd: boolean,
  ) {}

  at(position: number): number {
    return this.fromEnd ? this.items.length - 1 - position : position;
  }

  get(id: string): T | undefined {
    const position = this.index.get(id);
    // A later snapshot may have added ids this one does not hold: the item there must be this id.
    const item = position === undefined ? undefined : this.items[this.at(position)];
    return item?.id === id ? item : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    return this.items.length;
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void, thisArg?: unknown): void {
    for (const item of this.items) callback.call(thisArg, item, item.id, this);
  }

  *entries(): MapIterator<[string, T]> {
    for (const item of this.items) yield [item.id, item];
  }

  *keys(): MapIterator<string> {
    for (const item of this.items) yield item.id;
  }

  *values(): MapIterator<T> {
    yield* this.items;
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }
}

function indexed<T extends { id: string }>(items: readonly T[], fromEnd: boolean): ItemsById<T> {
  const index = new Map<string, number>();
  items.forEach((item, i) => index.set(item.id, fromEnd ? items.length - 1 - i : i));
  return new ItemsById(items, index, fromEnd);
}

export const emptyCollection = <T extends { id: string }>(): Collection<T> => ({ status: 'idle', items: [], byId: indexed([], false), error: undefined });

/** Newest first for the feeds; connections keep the order they were loaded in, new ones at the end. */
const timeOf = (item: Entity) => ('startedAt' in item ? item.startedAt : 'requestedAt' in item ? item.requestedAt : item.createdAt);
// By instant (the schema allows any offset), not `localeCompare`: that builds an ICU collator on first use, tens of
// ms on a phone in the task that handles the first data.
export const newestFirst = (a: Entity, b: Entity) => Date.parse(timeOf(b)) - Date.parse(timeOf(a));

/** The collection with these items (a load, a removal): the one place that indexes every item. */
export function withItems<T extends { id: string }>(collection: Collection<T>, items: readonly T[]): Collection<T> {
  const fromEnd = collection.byId instanceof ItemsById && collection.byId.fromEnd;
  return { ...collection, items, byId: indexed(items, fromEnd) };
}

/**
 * Whether two items hold the same data (an event repeating what is shown changes nothing). Stops at the first
 * difference, usually a top-level field such as `status`, where serialising both items read all of each.
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Insert or replace items (in arrival order; a later one with the same id wins), in one pass however many there are:
 * a burst of 1,000 live changes costs one copy of the items array, and no copy of the id index. A replacement keeps
 * its place so a live status change repaints one row, not the list; a new item goes first in a feed (`prepend`), last
 * otherwise.
 */
export function upsertAll<T extends { id: string }>(collection: Collection<T>, incoming: Iterable<T>, prepend: boolean): Collection<T> {
  const replaced = new Map<string, T>();
  const added = new Map<string, T>();
  for (const item of incoming) {
    if (added.has(item.id)) {
      added.set(item.id, item);
      continue;
    }
    const existing = collection.byId.get(item.id);
    if (existing === undefined) added.set(item.id, item);
    else if (same(existing, item)) replaced.delete(item.id); // back to what is shown
    else replaced.set(item.id, item);
  }
  if (replaced.size === 0 && added.size === 0) return collection;
  const byId = collection.byId instanceof ItemsById && collection.byId.fromEnd === prepend ? collection.byId : indexed(collection.items, prepend);
  const fresh = [...added.values()];
  // slice/concat copy an array in one go; spreading 10,000 items walks an iterator.
  const items = !fresh.length ? collection.items.slice() : prepend ? fresh.slice().reverse().concat(collection.items) : collection.items.concat(fresh);
  const offset = prepend ? fresh.length : 0;
  for (const [id, item] of replaced) items[byId.at(byId.index.get(id)!) + offset] = item;
  if (!fresh.length) {
    // Replaced in place: the index stays as it is, and a view can ask which items changed (`replacedSince`).
    const next = { ...collection, items, byId: new ItemsById(items, byId.index, prepend) };
    replacedIn.set(next, { from: collection, ids: [...replaced.keys()] });
    return next;
  }
  // The index is extended in place only by the snapshot that holds all of it; another (an older one, extended
  // already by a newer) gets its own.
  let index = byId.index;
  if (index.size !== collection.items.length) index = indexed(collection.items, prepend).index;
  const from = collection.items.length;
  fresh.forEach((item, k) => index.set(item.id, from + k));
  return { ...collection, items, byId: new ItemsById(items, index, prepend) };
}

/** Collections made by replacing items in place (live changes): which they came from and the ids replaced. */
const replacedIn = new WeakMap<Collection<{ id: string }>, { from: Collection<{ id: string }>; ids: readonly string[] }>();

/**
 * The ids of the items replaced in place between two snapshots of a collection (the live changes a view has not seen
 * yet), without walking its items; undefined when `next` is not `previous` with items replaced (a load, an added or
 * removed item, or too many snapshots apart), so the caller compares the items itself.
 */
export function replacedSince<T extends { id: string }>(previous: Collection<T>, next: Collection<T>): ReadonlySet<string> | undefined {
  const ids = new Set<string>();
  let at: Collection<{ id: string }> = next;
  for (let steps = 0; at !== previous; steps++) {
    const link = replacedIn.get(at);
    if (!link || steps === 64) return undefined;
    for (const id of link.ids) ids.add(id);
    at = link.from;
  }
  return ids;
}
