import type { RelinkContext } from '../context.js';
import type { ConnectionRecord } from '../store/store.js';
import { restoreConnection } from './health.js';

/**
 * Seed 001: "pending — Waiting for the first sync. … The connection finishes setting up on its own." The reference
 * backend has no app data to sync, so the first sync is a delay: a pending connection that holds credentials becomes
 * active this long after it went pending (the refresher's `firstSyncDelayMs`), live, like any other change.
 */
export const DEFAULT_FIRST_SYNC_DELAY_MS = 30_000;

/** How long a claimed first sync holds its lease: the transition is one short transaction. */
export const FIRST_SYNC_LEASE_MS = 30_000;

/**
 * Finish the first sync of a connection the caller has claimed (`Store.claimDueFirstSyncs`), inside one transaction
 * that re-reads it: anything that moved it out of `pending` meanwhile wins. It becomes active the way every fix does
 * (`restoreConnection`): runs waiting on it are released. Returns it, or undefined when it was no longer pending.
 */
export async function completeFirstSync(ctx: RelinkContext, claimed: ConnectionRecord): Promise<ConnectionRecord | undefined> {
  return ctx.store.transaction(async (tx) => {
    const current = await tx.getConnection(claimed.workspaceId, claimed.id);
    if (current?.status !== 'pending') return undefined;
    return restoreConnection(ctx, tx, current, {});
  });
}
