import { TERMINAL_RUN_STATUSES } from '@relink/sdk/schema';
import type { RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import { emitNotification, emitRun } from '../events/emit.js';
import { newId } from '../internal/ids.js';
import type { ConnectionRecord, NotificationRecord, RunRecord, Store } from '../store/store.js';
import { inactiveConnectionsOf, withBlockers } from './blockers.js';
import { appOf } from './views.js';

const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_RUN_STATUSES);

/** "HubSpot", "HubSpot and Slack": the apps a message names, in the run's order. */
async function appNames(ctx: RelinkContext, blockers: { id: string; connection?: ConnectionRecord }[]): Promise<string> {
  const names: string[] = [];
  for (const b of blockers) {
    const name = b.connection ? (await appOf(ctx, b.connection)).name : 'a removed connection';
    if (!names.includes(name)) names.push(name);
  }
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(names);
}

/**
 * Resume, the operator's button: only a paused run (409 `run_not_paused`), and only when every connection it needs
 * is active (seed 000: "Confirm the app shows as active before re-running"): 409 `connection_not_active` naming them.
 * An agent run parked on reauth resumes by itself once they are (seed 002): 409 `resumes_automatically`, so a
 * manual Resume never competes with that.
 */
export async function resumeRun(ctx: RelinkContext, run: RunRecord): Promise<RunRecord> {
  return ctx.store.transaction(async (tx) => {
    const current = (await tx.getRun(run.workspaceId, run.id)) ?? run;
    if (current.status !== 'paused') throw new ApiError(409, 'run_not_paused', `Only a paused run can be resumed; this run is ${current.status}.`);
    const inactive = await inactiveConnectionsOf(tx, current);
    if (inactive.some((b) => b.connection === undefined)) {
      throw new ApiError(409, 'connection_not_active', 'A connection this run needs was removed. Add the app again and point the workflow at the new connection, then replay it.');
    }
    if (inactive.length > 0) {
      const apps = await appNames(ctx, inactive);
      if (current.kind === 'agent' && current.pauseReason === 'reauth') {
        throw new ApiError(409, 'resumes_automatically', `This run resumes by itself once ${apps} ${inactive.length > 1 ? 'are' : 'is'} reconnected.`);
      }
      throw new ApiError(409, 'connection_not_active', `Reconnect ${apps} before resuming this run.`);
    }
    const resumed: RunRecord = { ...withBlockers(current, []), status: 'running', updatedAt: ctx.clock.now().toISOString() };
    delete resumed.pauseReason;
    await tx.putRun(resumed);
    await emitRun(ctx, tx, resumed);
    return resumed;
  });
}

/** The unresolved `run_failed` notifications about this run (one, as raised). */
export async function findRunFailedAlerts(tx: Store, run: RunRecord): Promise<NotificationRecord[]> {
  const connectionId = run.error?.connectionId;
  if (!connectionId) return [];
  return (await tx.findUnresolvedNotifications(run.workspaceId, connectionId, 'run_failed')).filter((n) => n.runId === run.id);
}

/**
 * The replay itself, inside the caller's transaction: a new run with `replayOf`. If any of its connections is not
 * active it starts paused on reauth, blocked by all of them, as it would stall anyway. Both Replay and the automatic
 * retry after a reconnect (`run-failures.ts`) make their runs here.
 */
export async function createReplay(ctx: RelinkContext, tx: Store, run: RunRecord): Promise<RunRecord> {
  const now = ctx.clock.now().toISOString();
  const blocked = (await inactiveConnectionsOf(tx, run)).map((b) => b.id);
  const replay: RunRecord = {
    id: newId('run'),
    workspaceId: run.workspaceId,
    workflowId: run.workflowId,
    workflowName: run.workflowName,
    kind: run.kind,
    status: blocked.length > 0 ? 'paused' : 'running',
    connectionIds: [...run.connectionIds],
    blockedConnectionIds: blocked,
    replayOf: run.id,
    startedAt: now,
    updatedAt: now,
    ...(run.retryAfterReconnect !== undefined ? { retryAfterReconnect: run.retryAfterReconnect } : {}),
    ...(blocked.length > 0 ? { pauseReason: 'reauth' as const } : {}),
  };
  await tx.putRun(replay);
  await emitRun(ctx, tx, replay);
  return replay;
}

/**
 * Replay: only a terminal run (completed, failed, cancelled; else 409 `run_not_terminal`). A failed run that the
 * server retries by itself once its connection is healthy (`retry: 'after_reconnect'`, seed 004) is not replayed by
 * hand: 409 `retries_automatically`, so the post is never published twice — unless the connection was removed, which
 * never comes back. Creates a new run with `replayOf` (`createReplay`).
 */
export async function replayRun(ctx: RelinkContext, run: RunRecord): Promise<RunRecord> {
  if (!TERMINAL.has(run.status)) {
    throw new ApiError(409, 'run_not_terminal', `Only a completed, failed or cancelled run can be replayed; this run is ${run.status}.`);
  }
  return ctx.store.transaction(async (tx) => {
    const current = (await tx.getRun(run.workspaceId, run.id)) ?? run;
    const failedOn = current.retry === 'after_reconnect' && current.error?.connectionId
      ? await tx.getConnection(current.workspaceId, current.error.connectionId)
      : undefined;
    if (failedOn) {
      const app = await appOf(ctx, failedOn);
      throw new ApiError(409, 'retries_automatically', `This run retries by itself once ${app.name} is reconnected.`);
    }
    const replay = await createReplay(ctx, tx, current);
    // The failure it reported is dealt with: the bell clears it.
    const now = ctx.clock.now().toISOString();
    for (const n of await findRunFailedAlerts(tx, current)) {
      const resolved = { ...n, read: true, resolvedAt: now };
      await tx.putNotification(resolved);
      await emitNotification(ctx, tx, resolved);
    }
    return replay;
  });
}
