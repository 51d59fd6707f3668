import { define } from '../../internal/relink-element.js';
import { RelinkAppCatalog } from './app-catalog.component.js';

export * from './app-catalog.component.js';

define('relink-app-catalog', RelinkAppCatalog);

declare global {
  interface HTMLElementTagNameMap {
    'relink-app-catalog': RelinkAppCatalog;
  }
}
