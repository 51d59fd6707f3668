import { define } from '../../internal/relink-element.js';
import { RelinkConnectionDetail } from './connection-detail.component.js';

export * from './connection-detail.component.js';

define('relink-connection-detail', RelinkConnectionDetail);

declare global {
  interface HTMLElementTagNameMap {
    'relink-connection-detail': RelinkConnectionDetail;
  }
}
