import type { RelinkContext } from '../context.js';
import type {
  ConnectionRecord,
  ConnectionRequestRecord,
  NotificationRecord,
  RunRecord,
  Store,
  StoredEvent,
} from '../store/store.js';
import { appOf, toConnection, toConnectionRequest, toNotification, toRun } from '../lifecycle/views.js';

/**
 * Every change becomes an upsert event in the store's log. `audience` lists the client principals allowed to see it;
 * agency principals see everything in their workspace. Pass the transaction's store so the event commits with it.
 */
export async function emitConnection(ctx: RelinkContext, tx: Store, record: ConnectionRecord): Promise<StoredEvent> {
  const connection = toConnection(record, await appOf(ctx, record));
  return tx.appendEvent({
    workspaceId: record.workspaceId,
    at: ctx.clock.now().toISOString(),
    type: 'connection.updated',
    audience: record.owner === 'client' ? [record.ownerPrincipalId] : [],
    data: { type: 'connection.updated', connection },
  });
}

/** A removed connection is gone: the event names its id so every view drops the row. Emit inside the removal's transaction. */
export async function emitConnectionRemoved(ctx: RelinkContext, tx: Store, record: ConnectionRecord): Promise<StoredEvent> {
  return tx.appendEvent({
    workspaceId: record.workspaceId,
    at: ctx.clock.now().toISOString(),
    type: 'connection.removed',
    audience: record.owner === 'client' ? [record.ownerPrincipalId] : [],
    data: { type: 'connection.removed', connectionId: record.id },
  });
}

export async function emitNotification(ctx: RelinkContext, tx: Store, record: NotificationRecord): Promise<StoredEvent> {
  const connection = record.connectionId ? await tx.getConnection(record.workspaceId, record.connectionId) : undefined;
  return tx.appendEvent({
    workspaceId: record.workspaceId,
    at: ctx.clock.now().toISOString(),
    type: 'notification.updated',
    audience: connection?.owner === 'client' ? [connection.ownerPrincipalId] : [],
    data: { type: 'notification.updated', notification: toNotification(record) },
  });
}

/** Runs are the agency's view (clients never see runs). */
export async function emitRun(ctx: RelinkContext, tx: Store, record: RunRecord): Promise<StoredEvent> {
  return tx.appendEvent({
    workspaceId: record.workspaceId,
    at: ctx.clock.now().toISOString(),
    type: 'run.updated',
    audience: [],
    data: { type: 'run.updated', run: toRun(record) },
  });
}

export async function emitConnectionRequest(ctx: RelinkContext, tx: Store, record: ConnectionRequestRecord): Promise<StoredEvent> {
  const request = toConnectionRequest(ctx, record, await appOf(ctx, record));
  return tx.appendEvent({
    workspaceId: record.workspaceId,
    at: ctx.clock.now().toISOString(),
    type: 'connection_request.updated',
    audience: [record.requestedFor],
    data: { type: 'connection_request.updated', request },
  });
}
