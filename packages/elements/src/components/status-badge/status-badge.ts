import { define } from '../../internal/relink-element.js';
import { RelinkStatusBadge } from './status-badge.component.js';

export * from './status-badge.component.js';

define('relink-status-badge', RelinkStatusBadge);

declare global {
  interface HTMLElementTagNameMap {
    'relink-status-badge': RelinkStatusBadge;
  }
}
