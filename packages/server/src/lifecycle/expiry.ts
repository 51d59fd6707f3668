import type { RelinkContext } from '../context.js';
import type { ConnectionRecord, Store } from '../store/store.js';
import { markReauthRequired } from './health.js';

/** The `lastError` of a hard expiry (seed 004: "LinkedIn tokens expire after one year unless renewed"). */
export const TOKEN_EXPIRED = {
  code: 'token_expired',
  message: 'The access token expired and this app issues no refresh token. Reconnect to keep workflows running.',
} as const;

/** How long a claimed expiry holds its lease: the transition is one short transaction. */
export const EXPIRY_LEASE_MS = 30_000;

/** Active, nothing to renew it with, and past its hard expiry: the reauth lifecycle is due. */
export function isHardExpired(connection: ConnectionRecord, now: Date): boolean {
  return connection.status === 'active' && connection.secrets.refreshToken === undefined &&
    connection.expiresAt !== undefined && Date.parse(connection.expiresAt) <= now.getTime();
}

/**
 * Run the reauth lifecycle on a connection the caller has claimed (`Store.claimExpired`), inside one transaction
 * that re-reads it first: a reconnect that landed after the claim wins, and nothing is raised. Returns the
 * connection in `error`, or undefined when it no longer needed it.
 */
export async function expireClaimed(ctx: RelinkContext, claimed: ConnectionRecord): Promise<ConnectionRecord | undefined> {
  return ctx.store.transaction(async (tx) => {
    const current = await tx.getConnection(claimed.workspaceId, claimed.id);
    if (!current || !isHardExpired(current, ctx.clock.now())) return undefined;
    return expire(ctx, tx, current);
  });
}

/** `error` + `token_expired` + one unread critical reauth notification + runs paused on reauth. Call inside a transaction. */
export function expire(ctx: RelinkContext, tx: Store, connection: ConnectionRecord): Promise<ConnectionRecord> {
  return markReauthRequired(ctx, tx, connection, TOKEN_EXPIRED);
}
