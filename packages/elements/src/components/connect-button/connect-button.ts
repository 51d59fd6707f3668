import { define } from '../../internal/relink-element.js';
import { RelinkConnectButton } from './connect-button.component.js';

export * from './connect-button.component.js';

define('relink-connect-button', RelinkConnectButton);

declare global {
  interface HTMLElementTagNameMap {
    'relink-connect-button': RelinkConnectButton;
  }
}
