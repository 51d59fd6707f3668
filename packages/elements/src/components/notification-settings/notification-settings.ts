import { define } from '../../internal/relink-element.js';
import { RelinkNotificationSettings } from './notification-settings.component.js';

export * from './notification-settings.component.js';

define('relink-notification-settings', RelinkNotificationSettings);

declare global {
  interface HTMLElementTagNameMap {
    'relink-notification-settings': RelinkNotificationSettings;
  }
}
