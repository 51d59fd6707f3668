import { define } from '../../internal/relink-element.js';
import { RelinkReconnectButton } from './reconnect-button.component.js';

export * from './reconnect-button.component.js';

define('relink-reconnect-button', RelinkReconnectButton);

declare global {
  interface HTMLElementTagNameMap {
    'relink-reconnect-button': RelinkReconnectButton;
  }
}
