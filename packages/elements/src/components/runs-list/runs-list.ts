import { define } from '../../internal/relink-element.js';
import { RelinkRunsList } from './runs-list.component.js';

export * from './runs-list.component.js';

define('relink-runs-list', RelinkRunsList);

declare global {
  interface HTMLElementTagNameMap {
    'relink-runs-list': RelinkRunsList;
  }
}
