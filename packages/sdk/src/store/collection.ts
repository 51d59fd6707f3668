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

export const emptyCollection = <T extends { id: string }>(): Collection<T> => ({ status: 'idle', items: [], byId: new Map(), error: undefined });

/** Newest first for the feeds; connections keep the order they were loaded in, new ones at the end. */
const timeOf = (item: Entity) => ('startedAt' in item ? item.startedAt : 'requestedAt' in item ? item.requestedAt : item.createdAt);
export const newestFirst = (a: Entity, b: Entity) => timeOf(b).localeCompare(timeOf(a));

export function withItems<T extends { id: string }>(collection: Collection<T>, items: readonly T[]): Collection<T> {
  return { ...collection, items, byId: new Map(items.map((item) => [item.id, item])) };
}

/**
 * Insert or replace items (in arrival order; a later one with the same id wins), in one copy of the collection
 * however many there are: a burst of 1,000 live changes costs one pass, not 1,000. A replacement keeps its place so a
 * live status change repaints one row, not the list; a new item goes first in a feed (`prepend`), last otherwise.
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
    else if (JSON.stringify(existing) === JSON.stringify(item)) replaced.delete(item.id); // back to what is shown
    else replaced.set(item.id, item);
  }
  if (replaced.size === 0 && added.size === 0) return collection;
  const byId = new Map(collection.byId);
  for (const [id, item] of replaced) byId.set(id, item);
  for (const [id, item] of added) byId.set(id, item);
  const kept = replaced.size ? collection.items.map((current) => replaced.get(current.id) ?? current) : collection.items;
  const fresh = [...added.values()];
  const items = prepend ? [...fresh.reverse(), ...kept] : [...kept, ...fresh];
  return { ...collection, items, byId };
}

/** Insert or replace one item (see `upsertAll`). */
export function upsert<T extends { id: string }>(collection: Collection<T>, item: T, prepend: boolean): Collection<T> {
  return upsertAll(collection, [item], prepend);
}
