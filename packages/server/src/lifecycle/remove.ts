import type { ConnectionUsage, RemovedConnection } from '@relink/sdk/schema';
import type { RelinkContext } from '../context.js';
import { notFound } from '../errors.js';
import { emitConnectionRemoved, emitConnectionRequest, emitNotification, emitRun } from '../events/emit.js';
import type { ConnectionRecord, RunRecord, Store } from '../store/store.js';
import { inactiveConnectionsOf, withBlockers } from './blockers.js';
import { dropRetriesFor } from './run-failures.js';

/** Runs a removal stops: live ones, and paused ones (whatever they waited for, the connection is now gone too). */
const LIVE = new Set(['running', 'waiting', 'paused']);

/** What stops working if the connection goes: the workflows whose runs use it, and how many of those runs are live. */
export async function connectionUsage(ctx: RelinkContext, connection: ConnectionRecord): Promise<ConnectionUsage> {
  const runs = await ctx.store.listRunsUsingConnection(connection.workspaceId, connection.id);
  const workflows = new Map<string, string>();
  for (const run of runs) if (!workflows.has(run.workflowId)) workflows.set(run.workflowId, run.workflowName);
  return {
    workflows: [...workflows].map(([workflowId, workflowName]) => ({ workflowId, workflowName })),
    liveRuns: runs.filter((r) => LIVE.has(r.status)).length,
  };
}

/**
 * Pause every live run that used the removed connection, with the reason that says so. Nothing releases them by
 * itself (the connection never comes back; a fresh one has a new id). Call inside the transaction, after the delete.
 */
async function pauseRunsForRemoval(ctx: RelinkContext, tx: Store, connection: ConnectionRecord, now: string): Promise<RunRecord[]> {
  const paused: RunRecord[] = [];
  for (const run of await tx.listRunsUsingConnection(connection.workspaceId, connection.id)) {
    if (!LIVE.has(run.status)) continue;
    const blockers = (await inactiveConnectionsOf(tx, run)).map((b) => b.id);
    const next: RunRecord = { ...withBlockers(run, blockers), status: 'paused', pauseReason: 'connection_removed', updatedAt: now };
    await tx.putRun(next);
    await emitRun(ctx, tx, next);
    paused.push(next);
  }
  return paused;
}

/**
 * Remove (seed 004: "Disconnect the account completely — Click Remove, then add it fresh"), distinct from Revoke,
 * which keeps the row: the connection and its stored secrets are deleted, its open alerts resolved (nothing is left
 * to fix), outstanding requests to reconnect it cancelled, the runs that used it paused (`connection_removed`), and
 * every viewer hears `connection.removed`. Its tokens are revoked at the provider after the commit, best effort.
 */
export async function removeConnection(ctx: RelinkContext, connection: ConnectionRecord): Promise<RemovedConnection> {
  const { removed, paused } = await ctx.store.transaction(async (tx) => {
    const current = await tx.getConnection(connection.workspaceId, connection.id);
    if (!current) throw notFound('Connection');
    const now = ctx.clock.now().toISOString();
    // Before the delete: an event's audience is worked out from the connection (a client hears about its own).
    for (const kind of ['reauth_required', 'expiring_soon', 'connection_revoked', 'run_failed'] as const) {
      for (const n of await tx.findUnresolvedNotifications(current.workspaceId, current.id, kind)) {
        const resolved = { ...n, read: true, resolvedAt: now };
        await tx.putNotification(resolved);
        await emitNotification(ctx, tx, resolved);
      }
    }
    for (const request of await tx.listOutstandingRequestsForConnection(current.workspaceId, current.id)) {
      const cancelled = { ...request, state: 'cancelled' as const };
      await tx.putConnectionRequest(cancelled);
      await emitConnectionRequest(ctx, tx, cancelled);
    }
    // Its failed runs waiting to retry after a reconnect never will: they go back to Replay.
    await dropRetriesFor(ctx, tx, current);
    await tx.deleteConnection(current.workspaceId, current.id);
    await emitConnectionRemoved(ctx, tx, current);
    return { removed: current, paused: await pauseRunsForRemoval(ctx, tx, current, now) };
  });
  for (const token of [removed.secrets.refreshToken, removed.secrets.accessToken]) {
    if (!token) continue;
    try {
      await ctx.provider.revokeToken({ appKey: removed.appKey, token });
    } catch {
      ctx.log.warn('provider token revocation failed; the connection is removed anyway', { connectionId: removed.id });
    }
  }
  return { id: removed.id, pausedRuns: paused.map((r) => ({ id: r.id, status: r.status })) };
}
