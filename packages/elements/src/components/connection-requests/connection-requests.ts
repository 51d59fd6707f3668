import { define } from '../../internal/relink-element.js';
import { RelinkConnectionRequests } from './connection-requests.component.js';

export * from './connection-requests.component.js';

define('relink-connection-requests', RelinkConnectionRequests);

declare global {
  interface HTMLElementTagNameMap {
    'relink-connection-requests': RelinkConnectionRequests;
  }
}
