import { define } from '../../internal/relink-element.js';
import { RelinkPublishCheck } from './publish-check.component.js';

export * from './publish-check.component.js';

define('relink-publish-check', RelinkPublishCheck);

declare global {
  interface HTMLElementTagNameMap {
    'relink-publish-check': RelinkPublishCheck;
  }
}
