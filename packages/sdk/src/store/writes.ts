// The store's writes (refresh, revoke, remove, the API-key forms, run actions, …) and what a completed consent flow
// syncs. What runs inside the user's click (the consent popup) stays in store.ts.
import type { ConnectSessionOutcome } from '../consent.js';
import { isNotFound } from '../errors.js';
import type { RequestOptions } from '../http.js';
import type { NotificationPreferenceChange } from '../resources/notification-preferences.js';
import type { Connection } from '../schema/connection.js';
import type { RemovedConnection } from '../schema/connection-removal.js';
import type { ConnectionRequest } from '../schema/connection-request.js';
import type { Notification } from '../schema/notification.js';
import type { NotificationPreferences } from '../schema/notification-preferences.js';
import type { Run } from '../schema/run.js';
import type { RelinkStore } from '../store.js';
import type { Entity, Kind } from './collection.js';
import type { Inflight } from './inflight.js';
import type { StoreState } from './state.js';

/** What the writes reach inside the store: the store, its state and its shared in-flight calls. */
export interface StoreInside {
  readonly store: RelinkStore;
  readonly state: StoreState;
  readonly inflight: Inflight;
}

/**
 * A write through the store: identical calls in flight share one request, the server's answer replaces the item
 * in the snapshot, and a connection change (`touchesRuns`) refetches what it did to runs and notifications.
 */
function write<T extends Entity>(inside: StoreInside, key: string, kind: Kind, call: () => Promise<T>, touchesRuns = false): Promise<T> {
  return inside.inflight.once(key, async () => {
    const item = await call();
    inside.state.upsert(kind, item);
    if (touchesRuns) afterConnectionChange(inside);
    return item;
  });
}

// Without a live stream, what a connection change did to runs and notifications is fetched once.
function afterConnectionChange({ store, state }: StoreInside): void {
  if (state.snapshot.live === 'open') return;
  if (state.snapshot.runs.status === 'ready') void store.runs.load().catch(() => undefined);
  if (state.snapshot.notifications.status === 'ready') void store.notifications.load().catch(() => undefined);
}

async function updateNotificationPreferences({ store, state }: StoreInside, changes: readonly NotificationPreferenceChange[]): Promise<NotificationPreferences> {
  const preferences = await store.client.notificationPreferences.update(changes);
  if (state.snapshot.notifications.status !== 'idle') await store.notifications.load().catch(() => undefined);
  return preferences;
}

function refresh({ store, state, inflight }: StoreInside, connectionId: string): Promise<Connection> {
  return inflight.once(`refresh:${connectionId}`, async () => {
    try {
      const connection = await store.client.connections.refresh(connectionId);
      state.upsert('connections', connection);
      return connection;
    } catch (error) {
      // A refused refresh may have moved the connection to `error` on the server: show that, then rethrow as is.
      await store.connections.get(connectionId).catch(() => undefined);
      throw error;
    }
  });
}

const revoke = (inside: StoreInside, connectionId: string): Promise<Connection> =>
  write(inside, `revoke:${connectionId}`, 'connections', () => inside.store.client.connections.revoke(connectionId), true);

function addWithCredentials({ store, state, inflight }: StoreInside, appKey: string, fields: Record<string, string>, label?: string): Promise<Connection> {
  return inflight.once(`add:${appKey}`, async () => {
    const created = await store.client.connections.create({ appKey, fields, ...(label ? { label } : {}) });
    if (created.type !== 'connection') throw new TypeError(`addWithCredentials: ${appKey} answered with a consent flow.`);
    state.upsert('connections', created.connection);
    return created.connection;
  });
}

function remove(inside: StoreInside, connectionId: string): Promise<RemovedConnection> {
  return inside.inflight.once(`remove:${connectionId}`, async () => {
    let removed: RemovedConnection;
    try {
      removed = await inside.store.client.connections.remove(connectionId);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      removed = { id: connectionId, pausedRuns: [] };
    }
    inside.state.remove('connections', connectionId);
    afterConnectionChange(inside);
    return removed;
  });
}

async function afterReconnect(inside: StoreInside, connectionId: string): Promise<void> {
  const { store, state } = inside;
  await store.connections.get(connectionId).catch(() => undefined);
  if (state.snapshot.live !== 'open' && state.snapshot.connectionRequests.status === 'ready') {
    await store.connectionRequests.load().catch(() => undefined);
  }
  afterConnectionChange(inside);
}

/**
 * After a consent flow: a completed one (now, once the user confirms a different account, or once they choose the
 * accounts to connect) syncs what it changed (`afterReconnect`).
 */
function settleReconnect(inside: StoreInside, connectionId: string, outcome: ConnectSessionOutcome): Promise<ConnectSessionOutcome> | ConnectSessionOutcome {
  if (outcome.status === 'completed') {
    // After a choice of accounts, every connection it created or updated (seed 004); else the flow's one.
    const ids = outcome.session.connectionIds ?? [connectionId];
    return Promise.all(ids.map((id) => inside.store.afterReconnect(id))).then(() => outcome);
  }
  if (outcome.status === 'choose_accounts') {
    const { choose } = outcome;
    return {
      ...outcome,
      choose: async (accountIds: readonly string[], options?: RequestOptions) => settleReconnect(inside, connectionId, await choose(accountIds, options)),
    };
  }
  if (outcome.status !== 'account_mismatch') return outcome;
  const { confirm } = outcome;
  return {
    ...outcome,
    confirm: async (options?: RequestOptions) => settleReconnect(inside, connectionId, await confirm(options)),
  };
}

const submitCredentials = (inside: StoreInside, connectionId: string, fields: Record<string, string>): Promise<Connection> =>
  write(inside, `credentials:${connectionId}`, 'connections', () => inside.store.client.connections.submitCredentials(connectionId, fields), true);

const resume = (inside: StoreInside, runId: string): Promise<Run> =>
  write(inside, `resume:${runId}`, 'runs', () => inside.store.client.runs.resume(runId));

const replay = (inside: StoreInside, runId: string): Promise<Run> =>
  write(inside, `replay:${runId}`, 'runs', () => inside.store.client.runs.replay(runId));

const markRead = (inside: StoreInside, notificationId: string): Promise<Notification> =>
  write(inside, `read:${notificationId}`, 'notifications', () => inside.store.client.notifications.markRead(notificationId));

const cancelRequest = (inside: StoreInside, requestId: string): Promise<ConnectionRequest> =>
  write(inside, `cancel:${requestId}`, 'connectionRequests', () => inside.store.client.connectionRequests.cancel(requestId));

const requestReconnection = (inside: StoreInside, connectionId: string, note?: string): Promise<ConnectionRequest> =>
  write(inside, `request:${connectionId}`, 'connectionRequests', () => inside.store.client.connectionRequests.create({ connectionId, ...(note ? { note } : {}) }));

/** The writes, as the store calls them (`#writes(name, …)`), each with the store's inside first. */
export const storeWrites = { updateNotificationPreferences, refresh, revoke, addWithCredentials, remove, afterReconnect, settleReconnect, submitCredentials, resume, replay, markRead, cancelRequest, requestReconnection };

export type StoreWrites = typeof storeWrites;
