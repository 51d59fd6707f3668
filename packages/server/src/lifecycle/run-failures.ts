import type { RelinkContext } from '../context.js';
import { emitNotification, emitRun } from '../events/emit.js';
import { newId } from '../internal/ids.js';
import type { ConnectionRecord, NotificationRecord, RunRecord, Store, WorkflowRecord } from '../store/store.js';
import { inactiveConnectionsOf } from './blockers.js';
import { createReplay, findRunFailedAlerts } from './runs.js';
import { appOf } from './views.js';

// Failed work (seed 004): "If a scheduled post fails due to an expired connection, you'll receive a notification",
// and "Posts that failed while disconnected will retry automatically". A run that is already going when its
// connection breaks pauses (health.ts); one that *starts* on a broken connection fails, raising `run_failed`.

/** The `error.code` of a run that failed because a connection it needs was not active. */
export const CONNECTION_NOT_ACTIVE = 'connection_not_active';

/**
 * A scheduled run of the workflow starts now (seed 004's scheduled post). With every connection active it runs;
 * otherwise it fails at once because of the first inactive one — `error.connectionId` — and raises one `run_failed`
 * notification naming the workflow and the connection. A workflow marked `retryAfterReconnect` makes it
 * `retry: 'after_reconnect'`: the server replays it once the connection is healthy (`retryFailedRunsFor`); any other
 * failed run waits for Replay (seed 002). Call inside `store.transaction`.
 */
export async function startScheduledRun(ctx: RelinkContext, tx: Store, workflow: WorkflowRecord): Promise<RunRecord> {
  const now = ctx.clock.now().toISOString();
  const connectionIds = [...new Set(workflow.nodes.map((n) => n.connectionId))];
  const base: RunRecord = {
    id: newId('run'),
    workspaceId: workflow.workspaceId,
    workflowId: workflow.id,
    workflowName: workflow.name,
    kind: 'agent',
    status: 'running',
    connectionIds,
    blockedConnectionIds: [],
    retryAfterReconnect: workflow.retryAfterReconnect === true,
    startedAt: now,
    updatedAt: now,
  };
  const [cause] = await inactiveConnectionsOf(tx, base);
  const run = cause ? await failedRun(ctx, base, cause.connection, now) : base;
  await tx.putRun(run);
  await emitRun(ctx, tx, run);
  if (cause?.connection) await raiseRunFailed(ctx, tx, run, cause.connection);
  return run;
}

/** The run, failed because of `connection` (or a connection that was removed: that one never retries). */
async function failedRun(ctx: RelinkContext, run: RunRecord, connection: ConnectionRecord | undefined, now: string): Promise<RunRecord> {
  const failed: RunRecord = { ...run, status: 'failed', finishedAt: now, updatedAt: now };
  if (!connection) {
    failed.error = { code: CONNECTION_NOT_ACTIVE, message: 'A connection this run needs was removed.' };
    return failed;
  }
  const app = await appOf(ctx, connection);
  failed.error = { code: CONNECTION_NOT_ACTIVE, message: `${app.name} (${connection.label}) needs to be reconnected.`, connectionId: connection.id };
  if (run.retryAfterReconnect) failed.retry = 'after_reconnect';
  return failed;
}

/** The one `run_failed` notification of a failed run: what failed, why, and what happens next. */
async function raiseRunFailed(ctx: RelinkContext, tx: Store, run: RunRecord, connection: ConnectionRecord): Promise<void> {
  const app = await appOf(ctx, connection);
  const next = run.retry === 'after_reconnect' ? 'It will retry automatically after you reconnect.' : 'Replay it once the connection is healthy.';
  const notification: NotificationRecord = {
    id: newId('ntf'),
    workspaceId: run.workspaceId,
    kind: 'run_failed',
    severity: 'warning',
    title: `${run.workflowName} failed`,
    body: `${app.name} (${connection.label}) needs to be reconnected. ${next}`,
    appName: app.name,
    connectionId: connection.id,
    runId: run.id,
    workflowName: run.workflowName,
    read: false,
    createdAt: run.updatedAt,
    ...(run.retry ? { retry: run.retry } : {}),
  };
  await tx.putNotification(notification);
  await emitNotification(ctx, tx, notification);
}

/**
 * The connection is healthy again: every failed run that uses it and waits to retry (`retry: 'after_reconnect'`)
 * whose connections are now all active is replayed once (`createReplay`), marked `retried` with `retriedBy`, and its
 * `run_failed` notification resolved saying so. Runs are re-read inside the caller's transaction, so a second
 * restore — even a concurrent one — finds them `retried` and replays nothing. Call inside `store.transaction`.
 */
export async function retryFailedRunsFor(ctx: RelinkContext, tx: Store, connection: ConnectionRecord): Promise<RunRecord[]> {
  const replays: RunRecord[] = [];
  for (const run of await tx.listRunsUsingConnection(connection.workspaceId, connection.id)) {
    if (run.status !== 'failed' || run.retry !== 'after_reconnect' || run.retriedBy) continue;
    if ((await inactiveConnectionsOf(tx, run)).length > 0) continue;
    const now = ctx.clock.now().toISOString();
    const replay = await createReplay(ctx, tx, run);
    const retried: RunRecord = { ...run, retry: 'retried', retriedBy: replay.id, updatedAt: now };
    await tx.putRun(retried);
    await emitRun(ctx, tx, retried);
    for (const n of await findRunFailedAlerts(tx, run)) {
      const app = n.appName ?? (await appOf(ctx, connection)).name;
      const resolved: NotificationRecord = {
        ...n,
        retry: 'retried',
        body: `Retried automatically after ${app} was reconnected.`,
        read: true,
        resolvedAt: now,
      };
      await tx.putNotification(resolved);
      await emitNotification(ctx, tx, resolved);
    }
    replays.push(replay);
  }
  return replays;
}

/**
 * The connection was removed (seed 004's Remove): it never comes back, so the failed runs waiting to retry after
 * its reconnect never will. They drop `retry` and are left to Replay like any failed run. Call inside the removal's
 * transaction.
 */
export async function dropRetriesFor(ctx: RelinkContext, tx: Store, connection: ConnectionRecord): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (const run of await tx.listRunsUsingConnection(connection.workspaceId, connection.id)) {
    if (run.status !== 'failed' || run.retry !== 'after_reconnect') continue;
    const next: RunRecord = { ...run, updatedAt: now };
    delete next.retry;
    await tx.putRun(next);
    await emitRun(ctx, tx, next);
  }
}
