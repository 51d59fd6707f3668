import type { Hono } from 'hono';
import { DEFAULT_PAGE_SIZE, Notification, NotificationListQuery, NotificationPage } from '@relink/sdk/schema';
import type { AppEnv, AuthInfo, RelinkContext } from '../context.js';
import { notFound } from '../errors.js';
import { emitNotification } from '../events/emit.js';
import { route, type RouteRegistry } from '../http/route.js';
import { idParam, parseQuery, send } from '../http/validate.js';
import { disabledKinds } from '../lifecycle/notification-preferences.js';
import { toNotification } from '../lifecycle/views.js';
import type { NotificationRecord } from '../store/store.js';
import { listedAt, paged } from './connections.js';

/** A client sees notifications about the connections it owns; the agency sees them all. */
async function clientConnectionIds(ctx: RelinkContext, auth: AuthInfo): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.store.listConnections({ workspaceId: auth.workspaceId, ownerPrincipalId: auth.principal.id, limit: 100, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.filter((c) => c.owner === 'client').map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

async function loadNotification(ctx: RelinkContext, auth: AuthInfo, id: string): Promise<NotificationRecord> {
  const n = await ctx.store.getNotification(auth.workspaceId, id);
  if (!n) throw notFound('Notification');
  if (auth.principal.role === 'client' && !(n.connectionId && (await clientConnectionIds(ctx, auth)).includes(n.connectionId))) throw notFound('Notification');
  return n;
}

export function notificationRoutes(v1: Hono<AppEnv>, registry: RouteRegistry, ctx: RelinkContext): void {
  const tag = 'notifications';
  route(v1, registry, {
    method: 'get', path: '/v1/notifications', tag, auth: 'session', summary: 'The bell, newest first. resolved=false: the alerts whose problem still exists; the unresolved reauth alerts drive the banner (reading one does not resolve it).',
    query: NotificationListQuery, response: { status: 200, schema: NotificationPage, description: 'A page of notifications' }, errors: [400],
  }, async (c) => {
    const auth = c.get('auth');
    const q = parseQuery(c, NotificationListQuery);
    // The kinds the caller turned off never reach its bell (its preferences; the agency's reauth alerts always do).
    const excludeKinds = await disabledKinds(ctx.store, auth);
    const eventId = listedAt(ctx);
    const page = await paged(async () => ctx.store.listNotifications({
      workspaceId: auth.workspaceId,
      ...(q.unread ? { unread: q.unread === 'true' } : {}),
      ...(q.resolved ? { resolved: q.resolved === 'true' } : {}),
      ...(auth.principal.role === 'client' ? { connectionIds: await clientConnectionIds(ctx, auth) } : {}),
      ...(excludeKinds.length > 0 ? { excludeKinds } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
      limit: q.limit ?? DEFAULT_PAGE_SIZE,
    }));
    return send(c, NotificationPage, { data: page.items.map(toNotification), nextCursor: page.nextCursor, eventId });
  });

  route(v1, registry, {
    method: 'post', path: '/v1/notifications/{id}/read', tag, auth: 'session', summary: 'Mark a notification read. It stays unresolved (and in the banner) until its connection is fixed.',
    response: { status: 200, schema: Notification, description: 'The notification' }, errors: [400, 404],
  }, async (c) => {
    const auth = c.get('auth');
    const n = await loadNotification(ctx, auth, idParam(c));
    // Read and write in one transaction: of parallel mark-reads one changes it and emits; the rest see it read.
    const read = await ctx.store.transaction(async (tx) => {
      const current = (await tx.getNotification(n.workspaceId, n.id)) ?? n;
      if (current.read) return current;
      const next = { ...current, read: true };
      await tx.putNotification(next);
      await emitNotification(ctx, tx, next);
      return next;
    });
    return send(c, Notification, toNotification(read));
  });
}
