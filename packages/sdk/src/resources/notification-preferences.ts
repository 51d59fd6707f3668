import type { Http, RequestOptions } from '../http.js';
import type { NotificationKind } from '../schema/notification.js';
import type { NotificationPreferences } from '../schema/notification-preferences.js';

/** One change: turn `kind` on or off for the caller's bell. */
export interface NotificationPreferenceChange {
  kind: NotificationKind;
  enabled: boolean;
}

/**
 * `/notification-preferences`: which kinds reach the caller's bell (seed 004: "Make sure … connection status
 * notifications are turned on"). The agency cannot turn its reauth alerts off: `update` rejects with a
 * `RelinkApiError` of code `preference_locked` (409, `isPreferenceLocked`).
 */
export function createNotificationPreferences(http: Http) {
  return {
    /** The caller's preferences: one entry per kind, with `locked` where the caller cannot turn it off. */
    get: async (options?: RequestOptions): Promise<NotificationPreferences> =>
      http.get('notification-preferences', 'NotificationPreferences', undefined, options),
    /** Change some kinds (the rest keep their setting); answers with every kind after the change. */
    update: async (changes: readonly NotificationPreferenceChange[], options?: RequestOptions): Promise<NotificationPreferences> =>
      http.put('notification-preferences', 'NotificationPreferences', { preferences: changes }, options),
  };
}

export type NotificationPreferencesResource = ReturnType<typeof createNotificationPreferences>;
