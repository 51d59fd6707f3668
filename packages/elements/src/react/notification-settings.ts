// `@relink/elements/react/notification-settings.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { RelinkNotificationSettings as NotificationSettingsElement } from '../components/notification-settings/notification-settings.js';
import type { RelinkNotificationPreferencesChangeEvent } from '../events/notification-preferences-change.js';

/** `<relink-notification-settings>`: `onPreferencesChange` once the server saved a change. */
export const RelinkNotificationSettings = createComponent({
  react: React,
  tagName: 'relink-notification-settings',
  elementClass: NotificationSettingsElement,
  displayName: 'RelinkNotificationSettings',
  events: { onPreferencesChange: 'relink-notification-preferences-change' as EventName<RelinkNotificationPreferencesChangeEvent> },
});
