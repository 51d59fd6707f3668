import type { NotificationPreferences } from '@relink/sdk';

export interface NotificationPreferencesChangeDetail {
  /** Every kind after the change, as the server saved it. */
  preferences: NotificationPreferences;
}

/** Fired by `relink-notification-settings` once the server saved a change (a host may follow it, e.g. to log it). */
export class RelinkNotificationPreferencesChangeEvent extends Event {
  static readonly type = 'relink-notification-preferences-change';
  constructor(readonly detail: NotificationPreferencesChangeDetail) {
    super(RelinkNotificationPreferencesChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'relink-notification-preferences-change': RelinkNotificationPreferencesChangeEvent;
  }
}
