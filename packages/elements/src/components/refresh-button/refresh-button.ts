import { define } from '../../internal/relink-element.js';
import { RelinkRefreshButton } from './refresh-button.component.js';

export * from './refresh-button.component.js';

define('relink-refresh-button', RelinkRefreshButton);

declare global {
  interface HTMLElementTagNameMap {
    'relink-refresh-button': RelinkRefreshButton;
  }
}
