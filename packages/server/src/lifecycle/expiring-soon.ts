import type { RelinkContext } from '../context.js';
import { emitNotification } from '../events/emit.js';
import { newId } from '../internal/ids.js';
import type { ConnectionRecord, NotificationRecord } from '../store/store.js';
import { appOf } from './views.js';

/** The warning window before a hard expiry (seed 004: LinkedIn's one-year tokens), unless the server is told otherwise. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 14;

/** How long a claimed warning holds its lease: raising it is one short transaction. */
export const EXPIRING_LEASE_MS = 30_000;

const DAY = 86_400_000;

/**
 * Raise the one `expiring_soon` alert of a connection the caller claimed (`Store.claimExpiring`) as it enters the
 * warning window, inside a transaction that re-reads it: a renewal that landed meanwhile wins and nothing is raised.
 * Renewing (a reconnect moves the expiry a year on) resolves it, like any connection alert (`restoreConnection`).
 * The lease is given back so a refresh due on the same connection is not held up.
 */
export async function warnClaimed(ctx: RelinkContext, claimed: ConnectionRecord, windowMs: number): Promise<NotificationRecord | undefined> {
  return ctx.store.transaction(async (tx) => {
    const current = await tx.getConnection(claimed.workspaceId, claimed.id);
    if (!current) return undefined;
    const released: ConnectionRecord = { ...current, refresh: { ...current.refresh } };
    delete released.refresh.leaseUntil;
    await tx.putConnection(released);
    const now = ctx.clock.now();
    const expiresAt = current.expiresAt ? Date.parse(current.expiresAt) : NaN;
    if (current.status !== 'active' || !(expiresAt > now.getTime() && expiresAt <= now.getTime() + windowMs)) return undefined;
    if ((await tx.findUnresolvedNotifications(current.workspaceId, current.id, 'expiring_soon')).length > 0) return undefined;
    const app = await appOf(ctx, current);
    const days = Math.ceil((expiresAt - now.getTime()) / DAY);
    const notification: NotificationRecord = {
      id: newId('ntf'),
      workspaceId: current.workspaceId,
      kind: 'expiring_soon',
      severity: 'warning',
      title: `${app.name} connection expires soon`,
      body: `${current.label}: reconnect within ${days} ${days === 1 ? 'day' : 'days'} to keep workflows running.`,
      appName: app.name,
      connectionId: current.id,
      connectionLabel: current.label,
      expiresAt: current.expiresAt!,
      read: false,
      createdAt: now.toISOString(),
    };
    await tx.putNotification(notification);
    await emitNotification(ctx, tx, notification);
    return notification;
  });
}
