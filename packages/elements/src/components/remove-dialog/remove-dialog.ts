import { define } from '../../internal/relink-element.js';
import { RelinkRemoveDialog } from './remove-dialog.component.js';

export * from './remove-dialog.component.js';

define('relink-remove-dialog', RelinkRemoveDialog);

declare global {
  interface HTMLElementTagNameMap {
    'relink-remove-dialog': RelinkRemoveDialog;
  }
}
