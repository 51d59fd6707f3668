import type { RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import { emitConnection } from '../events/emit.js';
import type { ConnectionRecord } from '../store/store.js';
import { pauseRunsFor } from './health.js';

/**
 * Revoke: status `revoked`, credentials dropped (and revoked at the provider, best effort), dependent runs paused.
 * Runs pause with `pauseReason: 'reauth'` — the only way forward is reconnecting, and then agent runs continue by
 * themselves like after any reauth; 'operator' would strand them until someone clicks Resume on each.
 *
 * The record changes first, the provider hears second: a refresh racing this revoke then finds the record changed
 * (and drops its outcome) whether its provider call ran before or after ours; the tokens revoked are the ones the
 * committed record held, including any a racing refresh stored a moment earlier.
 */
export async function revokeConnection(ctx: RelinkContext, connection: ConnectionRecord): Promise<ConnectionRecord> {
  if (connection.status === 'revoked') throw new ApiError(409, 'already_revoked', 'This connection is already revoked.');
  const { revoked, secrets } = await ctx.store.transaction(async (tx) => {
    const current = (await tx.getConnection(connection.workspaceId, connection.id)) ?? connection;
    if (current.status === 'revoked') throw new ApiError(409, 'already_revoked', 'This connection is already revoked.');
    const now = ctx.clock.now().toISOString();
    const next: ConnectionRecord = { ...current, status: 'revoked', secrets: {}, refresh: { attempts: 0 }, updatedAt: now };
    delete next.lastError;
    await tx.putConnection(next);
    await emitConnection(ctx, tx, next);
    await pauseRunsFor(ctx, tx, next);
    return { revoked: next, secrets: current.secrets };
  });
  for (const token of [secrets.refreshToken, secrets.accessToken]) {
    if (!token) continue;
    try {
      await ctx.provider.revokeToken({ appKey: connection.appKey, token });
    } catch {
      ctx.log.warn('provider token revocation failed; credentials are dropped anyway', { connectionId: connection.id });
    }
  }
  return revoked;
}
