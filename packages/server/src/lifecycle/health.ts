import type { ConnectionError } from '@relink/sdk/schema';
import type { RelinkContext } from '../context.js';
import { emitConnection, emitConnectionRequest, emitNotification, emitRun } from '../events/emit.js';
import { newId } from '../internal/ids.js';
import type { ConnectionRecord, ConnectionSecrets, ExternalAccount, Store } from '../store/store.js';
import { appOf } from './views.js';

// The two transitions every failure and every fix funnel through. Call them inside `store.transaction`.

const PAUSABLE = new Set(['running', 'waiting']);

/** Pause every live run that uses the connection, parked on reauth so a reconnect can release it. */
export async function pauseRunsFor(ctx: RelinkContext, tx: Store, connection: ConnectionRecord): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (const run of await tx.listRunsUsingConnection(connection.workspaceId, connection.id)) {
    if (!PAUSABLE.has(run.status)) continue;
    const paused = { ...run, status: 'paused' as const, pauseReason: 'reauth' as const, blockedConnectionId: connection.id, updatedAt: now };
    await tx.putRun(paused);
    await emitRun(ctx, tx, paused);
  }
}

/**
 * Permanent refresh failure (`invalid_grant`): status `error` with `lastError`, exactly one unread critical
 * `reauth_required` notification, dependent runs paused on reauth. The rejected refresh token is kept, so the
 * connection stays `refreshable` and Refresh credential still shows — and fails (seed 001).
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

  const unread = await tx.findUnreadNotifications(connection.workspaceId, connection.id, 'reauth_required');
  if (unread.length === 0) {
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
 * A connection is healthy again (consent, valid API key, successful refresh): `active`, error cleared, its reauth
 * notifications read, **agent** runs parked on it resume, **operator** runs stay paused for a human to Resume,
 * and outstanding requests to reconnect it are completed.
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

  for (const n of await tx.findUnreadNotifications(connection.workspaceId, connection.id, 'reauth_required')) {
    const read = { ...n, read: true };
    await tx.putNotification(read);
    await emitNotification(ctx, tx, read);
  }

  for (const run of await tx.listRunsUsingConnection(connection.workspaceId, connection.id)) {
    if (run.kind !== 'agent' || run.status !== 'paused' || run.pauseReason !== 'reauth' || run.blockedConnectionId !== connection.id) continue;
    const resumed = { ...run, status: 'running' as const, updatedAt: now };
    delete resumed.pauseReason;
    delete resumed.blockedConnectionId;
    await tx.putRun(resumed);
    await emitRun(ctx, tx, resumed);
  }

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
