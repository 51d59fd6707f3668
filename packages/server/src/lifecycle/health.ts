import type { ConnectionError } from '@relink/sdk/schema';
import type { RelinkContext } from '../context.js';
import { emitConnection, emitConnectionRequest, emitNotification, emitRun } from '../events/emit.js';
import { newId } from '../internal/ids.js';
import type { ConnectionRecord, ConnectionSecrets, ExternalAccount, RunRecord, Store } from '../store/store.js';
import { blockersOf, inactiveConnectionsOf, sameBlockers, withBlockers } from './blockers.js';
import { retryFailedRunsFor } from './run-failures.js';
import { appOf } from './views.js';

// The two transitions every failure and every fix funnel through. Call them inside `store.transaction`.

const PAUSABLE = new Set(['running', 'waiting']);

/** Notification kinds that report a problem with a connection: fixing the connection resolves them. */
const CONNECTION_ALERTS = ['reauth_required', 'expiring_soon', 'connection_revoked'] as const;

/**
 * Pause every live run that uses the connection, parked on reauth so a reconnect can release it; a run already paused
 * adds the connection to what it waits for (a run blocked by two broken connections needs both fixed).
 */
export async function pauseRunsFor(ctx: RelinkContext, tx: Store, connection: ConnectionRecord): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (const run of await tx.listRunsUsingConnection(connection.workspaceId, connection.id)) {
    if (!PAUSABLE.has(run.status) && run.status !== 'paused') continue;
    const blockers = (await inactiveConnectionsOf(tx, run)).map((b) => b.id);
    if (run.status === 'paused' && sameBlockers(blockers, blockersOf(run))) continue;
    const paused: RunRecord = run.status === 'paused'
      ? { ...withBlockers(run, blockers), updatedAt: now }
      : { ...withBlockers(run, blockers), status: 'paused', pauseReason: 'reauth', updatedAt: now };
    await tx.putRun(paused);
    await emitRun(ctx, tx, paused);
  }
}

/**
 * The connection is healthy again: every paused run that uses it drops it from what it waits for, and says so live
 * (the run detail stops naming it). An **agent** run parked on reauth with nothing left to wait for resumes by
 * itself (seed 002); every other paused run stays paused, now resumable, for a human to Resume.
 */
async function releaseRunsFor(ctx: RelinkContext, tx: Store, connection: ConnectionRecord, now: string): Promise<void> {
  for (const run of await tx.listRunsUsingConnection(connection.workspaceId, connection.id)) {
    if (run.status !== 'paused') continue;
    const blockers = (await inactiveConnectionsOf(tx, run)).map((b) => b.id);
    let next: RunRecord;
    if (blockers.length === 0 && run.kind === 'agent' && run.pauseReason === 'reauth') {
      next = { ...withBlockers(run, []), status: 'running', updatedAt: now };
      delete next.pauseReason;
    } else if (!sameBlockers(blockers, blockersOf(run))) {
      next = { ...withBlockers(run, blockers), updatedAt: now };
    } else {
      continue;
    }
    await tx.putRun(next);
    await emitRun(ctx, tx, next);
  }
}

/**
 * Permanent refresh failure (`invalid_grant`): status `error` with `lastError`, exactly one unresolved critical
 * `reauth_required` notification (reading it makes no room for a second), dependent runs paused on reauth. The
 * rejected refresh token is kept, so the connection stays `refreshable` and Refresh credential still shows — and
 * fails (seed 001).
 */
export async function markReauthRequired(
  ctx: RelinkContext,
  tx: Store,
  connection: ConnectionRecord,
  failure: { code: string; message: string },
): Promise<ConnectionRecord> {
  const now = ctx.clock.now().toISOString();
  const lastError: ConnectionError = { code: failure.code, message: failure.message, at: now, transient: false };
  const updated: ConnectionRecord = {
    ...connection,
    status: 'error',
    lastError,
    refresh: { attempts: 0 },
    updatedAt: now,
  };
  await tx.putConnection(updated);
  await emitConnection(ctx, tx, updated);

  const unresolved = await tx.findUnresolvedNotifications(connection.workspaceId, connection.id, 'reauth_required');
  if (unresolved.length === 0) {
    const app = await appOf(ctx, connection);
    const notification = {
      id: newId('ntf'),
      workspaceId: connection.workspaceId,
      kind: 'reauth_required' as const,
      severity: 'critical' as const,
      title: `${app.name} reauth required`,
      body: `${connection.label}: reconnect ${app.name} to resume the workflows that use it.`,
      appName: app.name,
      connectionId: connection.id,
      read: false,
      createdAt: now,
    };
    await tx.putNotification(notification);
    await emitNotification(ctx, tx, notification);
  }
  await pauseRunsFor(ctx, tx, updated);
  return updated;
}

/**
 * A connection is healthy again (consent, valid API key, successful refresh, first sync): `active`, error cleared,
 * its alerts resolved (and read), the runs waiting on it released (`releaseRunsFor`), the failed runs that retry after
 * reconnect replayed (`retryFailedRunsFor`), and outstanding requests to reconnect it completed.
 */
export async function restoreConnection(
  ctx: RelinkContext,
  tx: Store,
  connection: ConnectionRecord,
  change: { secrets?: ConnectionSecrets; account?: ExternalAccount; requestId?: string },
): Promise<ConnectionRecord> {
  const nowDate = ctx.clock.now();
  const now = nowDate.toISOString();
  const secrets = change.secrets ?? connection.secrets;
  const nextAt = secrets.refreshToken && secrets.accessTokenExpiresAt
    ? new Date(Math.max(nowDate.getTime(), Date.parse(secrets.accessTokenExpiresAt) - ctx.refreshAheadMs)).toISOString()
    : undefined;
  const updated: ConnectionRecord = {
    ...connection,
    status: 'active',
    secrets,
    lastRefreshedAt: now,
    refresh: nextAt ? { attempts: 0, nextAt } : { attempts: 0 },
    updatedAt: now,
    ...(change.account ? { externalAccountId: change.account.id, externalAccountEmail: change.account.email } : {}),
  };
  delete updated.lastError;
  // The hard expiry (seed 004). With nothing to renew the access token, its expiry is the connection's. A consent
  // (`account` given) is a new grant: the old grant's expiry no longer applies. A refresh keeps a known hard expiry.
  const hardExpiry = secrets.refreshToken ? (change.account ? undefined : connection.expiresAt) : secrets.accessTokenExpiresAt;
  if (hardExpiry) updated.expiresAt = hardExpiry;
  else delete updated.expiresAt;
  await tx.putConnection(updated);
  await emitConnection(ctx, tx, updated);

  for (const kind of CONNECTION_ALERTS) {
    for (const n of await tx.findUnresolvedNotifications(connection.workspaceId, connection.id, kind)) {
      const resolved = { ...n, read: true, resolvedAt: now };
      await tx.putNotification(resolved);
      await emitNotification(ctx, tx, resolved);
    }
  }

  await releaseRunsFor(ctx, tx, updated, now);
  // Failed runs of workflows that retry after reconnect (seed 004) are replayed once; other failed runs keep Replay.
  await retryFailedRunsFor(ctx, tx, updated);

  const requests = await tx.listOutstandingRequestsForConnection(connection.workspaceId, connection.id);
  if (change.requestId) {
    const own = await tx.getConnectionRequest(connection.workspaceId, change.requestId);
    if (own && own.state === 'outstanding' && !requests.some((r) => r.id === own.id)) requests.push(own);
  }
  for (const request of requests) {
    const completed = { ...request, state: 'completed' as const, connectionId: connection.id };
    await tx.putConnectionRequest(completed);
    await emitConnectionRequest(ctx, tx, completed);
  }
  return updated;
}
