// `@relink/elements/react/notification-bell.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkNotificationBell as NotificationBellElement } from '../components/notification-bell/notification-bell.js';
import { navigate } from './events.js';

/** `<relink-notification-bell>`: `onNavigate` (cancelable). */
export const RelinkNotificationBell = createComponent({
  react: React,
  tagName: 'relink-notification-bell',
  elementClass: NotificationBellElement,
  displayName: 'RelinkNotificationBell',
  events: navigate,
});
