import { NotificationKind, type NotificationPreferenceLock, type NotificationPreferences, type Role } from '@relink/sdk/schema';
import type { AuthInfo, RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import type { Store, StoredEvent } from '../store/store.js';

/**
 * Notification preferences: per principal, which kinds reach its bell. Every kind is configurable and on until
 * turned off, except one: the agency's reauth alerts (`reauth_required`) are always on, because the reauth banner
 * counts them from the same list and must name every broken connection (seed 002). A client may turn its reauth
 * alerts off (the banner is the agency's).
 *
 * A kind turned off is filtered out of what the principal is answered (the notification list and the event stream),
 * not left uncreated: notifications are shared by the workspace (the agency and the owning client see the same
 * alert, read state and resolution), so one principal's choice must not take them from anyone else. Turning a kind on
 * again shows its notifications again.
 */

export const PREFERENCE_LOCKED_MESSAGE = 'Reauthorization alerts are always on for the agency: the reauth banner counts them.';

/** Why `role` cannot turn `kind` off, if it cannot. */
export function lockOf(role: Role, kind: NotificationKind): NotificationPreferenceLock | undefined {
  return role === 'agency' && kind === 'reauth_required' ? 'reauth_always_on' : undefined;
}

/** The kinds `auth`'s principal turned off that it may turn off: what its list and stream leave out. */
export async function disabledKinds(store: Store, auth: AuthInfo): Promise<NotificationKind[]> {
  const record = await store.getNotificationPreferences(auth.workspaceId, auth.principal.id);
  return (record?.disabled ?? []).filter((kind) => lockOf(auth.principal.role, kind) === undefined);
}

/** The contract's view: one entry per kind, in the contract's order. */
export function viewPreferences(role: Role, disabled: readonly NotificationKind[]): NotificationPreferences {
  return {
    data: NotificationKind.options.map((kind) => {
      const locked = lockOf(role, kind);
      return { kind, enabled: locked !== undefined || !disabled.includes(kind), ...(locked ? { locked } : {}) };
    }),
  };
}

/**
 * Apply `changes` to the caller's preferences. Turning a locked kind off is refused whole (409 `preference_locked`),
 * so nothing of the request is applied; turning it on is a no-op.
 */
export async function updatePreferences(
  ctx: RelinkContext,
  auth: AuthInfo,
  changes: readonly { kind: NotificationKind; enabled: boolean }[],
): Promise<NotificationKind[]> {
  const refused = changes.find((c) => !c.enabled && lockOf(auth.principal.role, c.kind) !== undefined);
  if (refused) throw new ApiError(409, 'preference_locked', PREFERENCE_LOCKED_MESSAGE);
  return ctx.store.transaction(async (tx) => {
    const current = await tx.getNotificationPreferences(auth.workspaceId, auth.principal.id);
    const disabled = new Set(current?.disabled ?? []);
    for (const { kind, enabled } of changes) {
      if (enabled) disabled.delete(kind);
      else disabled.add(kind);
    }
    const next = NotificationKind.options.filter((kind) => disabled.has(kind));
    await tx.putNotificationPreferences({
      workspaceId: auth.workspaceId,
      principalId: auth.principal.id,
      disabled: next,
      updatedAt: ctx.clock.now().toISOString(),
    });
    return next.filter((kind) => lockOf(auth.principal.role, kind) === undefined);
  });
}

/**
 * Whether the event stream leaves `event` out for `auth`: a notification of a kind its principal turned off.
 * Read per notification event (they are rare), so a change of preferences applies to open streams at once.
 */
export async function hiddenByPreferences(store: Store, auth: AuthInfo, event: StoredEvent): Promise<boolean> {
  if (event.type !== 'notification.updated') return false;
  const kind = (event.data as { notification?: { kind?: NotificationKind } }).notification?.kind;
  return kind !== undefined && (await disabledKinds(store, auth)).includes(kind);
}
