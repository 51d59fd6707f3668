import type { Http, RequestOptions } from '../http.js';
import type { Notification } from '../schema/notification.js';
import type { Page } from '../schema/common.js';
import { segment } from '../internal/path.js';

/** Filters and paging of `notifications.list`. */
export interface NotificationListParams {
  /** `true`: unread only (the bell's badge); `false`: read only; omitted: all. */
  unread?: boolean | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** `/notifications`: the bell. Unread `reauth_required` notifications drive the reauth banner. */
export function createNotifications(http: Http) {
  return {
    /** One page of notifications, newest first. */
    list: async (query: NotificationListParams = {}, options?: RequestOptions): Promise<Page<Notification>> =>
      http.get('notifications', 'NotificationPage', { ...query }, options),
    /** Marks one notification read; answers with it. */
    markRead: async (id: string, options?: RequestOptions): Promise<Notification> =>
      http.post(`notifications/${segment(id)}/read`, 'Notification', undefined, options),
  };
}

export type NotificationsResource = ReturnType<typeof createNotifications>;
