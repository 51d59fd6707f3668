import type { Collection, RelinkSnapshot } from './store.js';
import type { Connection } from './schema/connection.js';
import type { Notification } from './schema/notification.js';
import type { Run } from './schema/run.js';
import { expiryHintDays } from './rules/expiry.js';
import { isPausedForReauth } from './rules/runs.js';

/** Memoise a selector on the identity of the collection it reads: same collection in, same object out. */
function memo<C extends object, R>(compute: (collection: C) => R): (collection: C) => R {
  const cache = new WeakMap<C, R>();
  return (collection) => {
    let result = cache.get(collection);
    if (result === undefined) cache.set(collection, (result = compute(collection)));
    return result;
  };
}

export interface ReauthNeeded {
  /** Unresolved `reauth_required` notifications, newest first (the bell's order): the first is the app the banner names. */
  notifications: readonly Notification[];
  count: number;
  /** The first affected app's name (`undefined` when none). */
  firstAppName: string | undefined;
  firstConnectionId: string | undefined;
  /** How many more apps remain after the first. */
  more: number;
}

const reauthFrom = memo((notifications: Collection<Notification>): ReauthNeeded => {
  // Resolved by fixing the connection, not by reading the alert: the banner stays while the problem exists.
  const unread = notifications.items
    .filter((n) => n.kind === 'reauth_required' && n.resolvedAt === undefined)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const first = unread[0];
  return {
    notifications: unread,
    count: unread.length,
    firstAppName: first ? (first.appName ?? first.title.replace(/ reauth required$/, '')) : undefined,
    firstConnectionId: first?.connectionId,
    more: Math.max(0, unread.length - 1),
  };
});

/** What the reauth banner shows: driven by unresolved reauth notifications (seed 002: "it disappears once the alert is resolved"). */
export const selectReauthNeeded = (snapshot: RelinkSnapshot): ReauthNeeded => reauthFrom(snapshot.notifications);

const pausedFrom = memo((runs: Collection<Run>): readonly Run[] =>
  runs.items.filter(isPausedForReauth),
);

/** Runs parked because a connection needs reauthorization (the "Paused for reauth" chip). */
export const selectPausedForReauth = (snapshot: RelinkSnapshot): readonly Run[] => pausedFrom(snapshot.runs);

const DAY = 86_400_000;

export interface ExpiringConnection {
  connection: Connection;
  /** Whole days left, rounded up: "Reconnect within N days". */
  daysLeft: number;
}

const expiringCache = new WeakMap<Collection<Connection>, Map<string, readonly ExpiringConnection[]>>();

/**
 * Active connections with a hard expiry inside the window (seed 004: LinkedIn tokens expire after a year).
 * Memoised per collection, window and day, so it is stable across renders within a day.
 */
export function selectExpiringSoon(snapshot: RelinkSnapshot, withinDays: number, now: number = Date.now()): readonly ExpiringConnection[] {
  const collection = snapshot.connections;
  let byKey = expiringCache.get(collection);
  if (!byKey) expiringCache.set(collection, (byKey = new Map()));
  const key = `${withinDays}:${Math.floor(now / DAY)}`;
  let result = byKey.get(key);
  if (!result) {
    result = collection.items.flatMap((connection) => {
      const daysLeft = expiryHintDays(connection, withinDays, now);
      return daysLeft === undefined ? [] : [{ connection, daysLeft }];
    });
    byKey.set(key, result);
  }
  return result;
}

/** One connection by id, from the snapshot (undefined until loaded). */
export const selectConnection = (snapshot: RelinkSnapshot, id: string): Connection | undefined => snapshot.connections.byId.get(id);
export const selectRun = (snapshot: RelinkSnapshot, id: string): Run | undefined => snapshot.runs.byId.get(id);
