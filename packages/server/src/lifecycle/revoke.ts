import type { RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import { emitConnection } from '../events/emit.js';
import type { ConnectionRecord } from '../store/store.js';
import { pauseRunsFor } from './health.js';

/**
 * Revoke: status `revoked`, credentials dropped (and revoked at the provider, best effort), dependent runs paused.
 * Runs pause with `pauseReason: 'reauth'` — the only way forward is reconnecting, and then agent runs continue by
 * themselves like after any reauth; 'operator' would strand them until someone clicks Resume on each.
 */
export async function revokeConnection(ctx: RelinkContext, connection: ConnectionRecord): Promise<ConnectionRecord> {
  if (connection.status === 'revoked') throw new ApiError(409, 'already_revoked', 'This connection is already revoked.');
  const late: string[] = [];
  for (const token of [connection.secrets.refreshToken, connection.secrets.accessToken]) {
    if (!token) continue;
    try {
      await ctx.provider.revokeToken({ appKey: connection.appKey, token });
    } catch {
      ctx.log.warn('provider token revocation failed; credentials are dropped anyway', { connectionId: connection.id });
    }
  }
  const revoked = await ctx.store.transaction(async (tx) => {
    const current = (await tx.getConnection(connection.workspaceId, connection.id)) ?? connection;
    if (current.status === 'revoked') throw new ApiError(409, 'already_revoked', 'This connection is already revoked.');
    // A refresh that committed while the provider calls above ran left tokens this revoke has not revoked yet.
    late.push(...[current.secrets.refreshToken, current.secrets.accessToken].filter((t): t is string => !!t && t !== connection.secrets.refreshToken && t !== connection.secrets.accessToken));
    const now = ctx.clock.now().toISOString();
    const next: ConnectionRecord = { ...current, status: 'revoked', secrets: {}, refresh: { attempts: 0 }, updatedAt: now };
    delete next.lastError;
    await tx.putConnection(next);
    await emitConnection(ctx, tx, next);
    await pauseRunsFor(ctx, tx, next);
    return next;
  });
  for (const token of late) {
    await ctx.provider.revokeToken({ appKey: connection.appKey, token }).catch(() => ctx.log.warn('provider token revocation failed', { connectionId: connection.id }));
  }
  return revoked;
}
