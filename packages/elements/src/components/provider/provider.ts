import { define } from '../../internal/relink-element.js';
import { RelinkProvider } from './provider.component.js';

export * from './provider.component.js';

define('relink-provider', RelinkProvider);

declare global {
  interface HTMLElementTagNameMap {
    'relink-provider': RelinkProvider;
  }
}
