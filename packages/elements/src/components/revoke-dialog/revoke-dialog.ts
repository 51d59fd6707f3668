import { define } from '../../internal/relink-element.js';
import { RelinkRevokeDialog } from './revoke-dialog.component.js';

export * from './revoke-dialog.component.js';

define('relink-revoke-dialog', RelinkRevokeDialog);

declare global {
  interface HTMLElementTagNameMap {
    'relink-revoke-dialog': RelinkRevokeDialog;
  }
}
