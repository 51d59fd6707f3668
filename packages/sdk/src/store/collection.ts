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

/** Insert or replace one item; a replacement keeps its place so a live status change repaints one row, not the list. */
export function upsert<T extends { id: string }>(collection: Collection<T>, item: T, prepend: boolean): Collection<T> {
  const existing = collection.byId.get(item.id);
  if (existing !== undefined) {
    if (JSON.stringify(existing) === JSON.stringify(item)) return collection;
    const items = collection.items.map((current) => (current.id === item.id ? item : current));
    return { ...collection, items, byId: new Map(collection.byId).set(item.id, item) };
  }
  const items = prepend ? [item, ...collection.items] : [...collection.items, item];
  return { ...collection, items, byId: new Map(collection.byId).set(item.id, item) };
}
