import type { RelinkContext } from '../context.js';
import { ApiError, NOT_REFRESHABLE_MESSAGE } from '../errors.js';
import { emitConnection } from '../events/emit.js';
import { isProviderError } from '../provider/provider.js';
import type { ConnectionRecord } from '../store/store.js';
import { backoffDelayMs } from './backoff.js';
import { markReauthRequired, restoreConnection } from './health.js';
import { appOf, isRefreshable } from './views.js';

export type RefreshOutcome =
  | { outcome: 'refreshed'; connection: ConnectionRecord }
  | { outcome: 'retrying'; connection: ConnectionRecord; retryAt: string }
  | { outcome: 'reauth_required'; connection: ConnectionRecord };

/** How long a claimed refresh holds its lease: long enough for a slow token endpoint, short enough to recover a crash. */
export const REFRESH_LEASE_MS = 30_000;

/**
 * Refresh one connection whose lease the caller holds. The provider call happens outside any transaction; only
 * the outcome is written inside one. Transient failures reschedule with backoff and leave the connection `active`;
 * `invalid_grant` runs the reauth lifecycle.
 */
export async function refreshClaimed(ctx: RelinkContext, claimed: ConnectionRecord): Promise<RefreshOutcome> {
  const refreshToken = claimed.secrets.refreshToken;
  if (!refreshToken) throw new ApiError(400, 'not_refreshable', NOT_REFRESHABLE_MESSAGE);
  // Compare-and-set: the outcome is written only over the record this refresh started from. Another request that
  // changed it meanwhile (a revoke, a reconnect, a new API key) wins; this refresh's outcome is dropped.
  // Transactions are serialised (MemoryStore queue, PostgreSQL advisory lock), so the check and the write are atomic.
  const unchanged = (current: ConnectionRecord | undefined): current is ConnectionRecord =>
    current !== undefined && current.status === claimed.status && current.secrets.refreshToken === refreshToken;
  try {
    const tokens = await ctx.provider.refresh({ appKey: claimed.appKey, refreshToken });
    const connection = await ctx.store.transaction(async (tx) => {
      const current = await tx.getConnection(claimed.workspaceId, claimed.id);
      if (!unchanged(current)) return undefined;
      return restoreConnection(ctx, tx, current, {
        secrets: {
          ...current.secrets,
          accessToken: tokens.accessToken,
          accessTokenExpiresAt: tokens.expiresAt,
          // Rotating providers send a new refresh token; a provider that does not keeps the old one valid.
          refreshToken: tokens.refreshToken ?? refreshToken,
        },
      });
    });
    if (!connection) return superseded(ctx, claimed, { accessToken: tokens.accessToken, ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}) });
    return { outcome: 'refreshed', connection };
  } catch (error) {
    if (isProviderError(error) && error.kind === 'invalid_grant') {
      ctx.log.warn('refresh rejected: reauth required', { connectionId: claimed.id, workspaceId: claimed.workspaceId });
      const connection = await ctx.store.transaction(async (tx) => {
        const current = await tx.getConnection(claimed.workspaceId, claimed.id);
        if (!unchanged(current)) return undefined;
        return markReauthRequired(ctx, tx, current, { code: 'invalid_grant', message: 'The provider rejected the stored refresh token.' });
      });
      if (!connection) return superseded(ctx, claimed);
      return { outcome: 'reauth_required', connection };
    }
    // Everything else — 5xx, 429, a network error — is transient: back off, stay active, raise nothing.
    const retryAfter = isProviderError(error) ? error.retryAfter : undefined;
    const status = isProviderError(error) ? error.status : undefined;
    const connection = await ctx.store.transaction(async (tx) => {
      const current = await tx.getConnection(claimed.workspaceId, claimed.id);
      if (!unchanged(current)) return undefined;
      const nowDate = ctx.clock.now();
      const attempts = current.refresh.attempts + 1;
      const retryAt = new Date(nowDate.getTime() + backoffDelayMs(attempts, ctx.random, retryAfter)).toISOString();
      const updated: ConnectionRecord = {
        ...current,
        refresh: { attempts, nextAt: retryAt },
        lastError: {
          code: 'provider_unavailable',
          message: `The provider could not refresh the token right now${status ? ` (HTTP ${status})` : ''}; retrying automatically.`,
          at: nowDate.toISOString(),
          transient: true,
        },
        updatedAt: nowDate.toISOString(),
      };
      await tx.putConnection(updated);
      await emitConnection(ctx, tx, updated);
      return updated;
    });
    if (!connection) return superseded(ctx, claimed);
    return { outcome: 'retrying', connection, retryAt: connection.refresh.nextAt ?? '' };
  }
}

/**
 * Another request changed the connection while this refresh ran: its record stands. Tokens this refresh obtained
 * belong to nobody now, so they are revoked at the provider (best effort); the caller sees the record as it is.
 */
async function superseded(ctx: RelinkContext, claimed: ConnectionRecord, orphaned?: { accessToken?: string; refreshToken?: string }): Promise<RefreshOutcome> {
  for (const token of [orphaned?.refreshToken, orphaned?.accessToken]) {
    if (!token) continue;
    await ctx.provider.revokeToken({ appKey: claimed.appKey, token }).catch(() => ctx.log.warn('revoking a superseded refresh result failed', { connectionId: claimed.id }));
  }
  const current = (await ctx.store.getConnection(claimed.workspaceId, claimed.id)) ?? claimed;
  if (current.status === 'active') return { outcome: 'refreshed', connection: current };
  return { outcome: 'reauth_required', connection: current };
}

/**
 * `POST /connections/{id}/refresh`: refresh now. Not refreshable → 400 `not_refreshable`; a refresh the provider
 * rejects → the reauth lifecycle, then the same 400 (seed 001: "Failed to refresh connection").
 */
export async function refreshNow(ctx: RelinkContext, connection: ConnectionRecord): Promise<ConnectionRecord> {
  const app = await appOf(ctx, connection);
  if (!isRefreshable(connection, app)) throw new ApiError(400, 'not_refreshable', NOT_REFRESHABLE_MESSAGE);
  const claimed = await ctx.store.claimRefresh(connection.workspaceId, connection.id, ctx.clock.now(), REFRESH_LEASE_MS);
  if (!claimed) {
    throw new ApiError(503, 'provider_unavailable', 'A refresh of this connection is already in progress. Try again in a moment.', { headers: { 'retry-after': '1' } });
  }
  const result = await refreshClaimed(ctx, claimed);
  if (result.outcome === 'reauth_required') throw new ApiError(400, 'not_refreshable', NOT_REFRESHABLE_MESSAGE);
  if (result.outcome === 'retrying') {
    const seconds = Math.max(1, Math.ceil((Date.parse(result.retryAt) - ctx.clock.now().getTime()) / 1000));
    throw new ApiError(503, 'provider_unavailable', 'The provider is temporarily unavailable. The refresh will be retried automatically.', { headers: { 'retry-after': String(seconds) } });
  }
  return result.connection;
}
