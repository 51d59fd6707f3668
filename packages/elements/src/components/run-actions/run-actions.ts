import { define } from '../../internal/relink-element.js';
import { RelinkRunActions } from './run-actions.component.js';

export * from './run-actions.component.js';

define('relink-run-actions', RelinkRunActions);

declare global {
  interface HTMLElementTagNameMap {
    'relink-run-actions': RelinkRunActions;
  }
}
