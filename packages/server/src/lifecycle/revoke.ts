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
  for (const token of [connection.secrets.refreshToken, connection.secrets.accessToken]) {
    if (!token) continue;
    try {
      await ctx.provider.revokeToken({ appKey: connection.appKey, token });
    } catch {
      ctx.log.warn('provider token revocation failed; credentials are dropped anyway', { connectionId: connection.id });
    }
  }
  return ctx.store.transaction(async (tx) => {
    const current = (await tx.getConnection(connection.workspaceId, connection.id)) ?? connection;
    if (current.status === 'revoked') throw new ApiError(409, 'already_revoked', 'This connection is already revoked.');
    const now = ctx.clock.now().toISOString();
    const revoked: ConnectionRecord = { ...current, status: 'revoked', secrets: {}, refresh: { attempts: 0 }, updatedAt: now };
    delete revoked.lastError;
    await tx.putConnection(revoked);
    await emitConnection(ctx, tx, revoked);
    await pauseRunsFor(ctx, tx, revoked);
    return revoked;
  });
}
