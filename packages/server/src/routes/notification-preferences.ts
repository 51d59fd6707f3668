import type { Hono } from 'hono';
import { NotificationPreferences, UpdateNotificationPreferencesBody } from '@relink/sdk/schema';
import type { AppEnv, RelinkContext } from '../context.js';
import { route, type RouteRegistry } from '../http/route.js';
import { parseBody, send } from '../http/validate.js';
import { disabledKinds, updatePreferences, viewPreferences } from '../lifecycle/notification-preferences.js';

/** `/notification-preferences`: the caller's own choice of which kinds reach its bell. Any principal, only its own. */
export function notificationPreferenceRoutes(v1: Hono<AppEnv>, registry: RouteRegistry, ctx: RelinkContext): void {
  const tag = 'notifications';
  route(v1, registry, {
    method: 'get', path: '/v1/notification-preferences', tag, auth: 'session',
    summary: "The caller's notification preferences: per kind, whether it reaches the caller's bell, and whether the caller may turn it off (the agency's reauth alerts are always on).",
    response: { status: 200, schema: NotificationPreferences, description: 'One entry per notification kind' },
  }, async (c) => {
    const auth = c.get('auth');
    return send(c, NotificationPreferences, viewPreferences(auth.principal.role, await disabledKinds(ctx.store, auth)));
  });

  route(v1, registry, {
    method: 'put', path: '/v1/notification-preferences', tag, auth: 'session',
    summary: "Turn kinds on or off for the caller's bell (kinds left out keep their setting). A kind turned off leaves the caller's notification list and event stream; everyone else still gets it. 409 preference_locked: the agency cannot turn reauth alerts off.",
    body: UpdateNotificationPreferencesBody, response: { status: 200, schema: NotificationPreferences, description: 'The preferences after the change' }, errors: [400, 409],
  }, async (c) => {
    const auth = c.get('auth');
    const body = await parseBody(c, UpdateNotificationPreferencesBody);
    return send(c, NotificationPreferences, viewPreferences(auth.principal.role, await updatePreferences(ctx, auth, body.preferences)));
  });
}
