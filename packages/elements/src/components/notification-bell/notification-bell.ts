import { define } from '../../internal/relink-element.js';
import { RelinkNotificationBell } from './notification-bell.component.js';

export * from './notification-bell.component.js';

define('relink-notification-bell', RelinkNotificationBell);

declare global {
  interface HTMLElementTagNameMap {
    'relink-notification-bell': RelinkNotificationBell;
  }
}
