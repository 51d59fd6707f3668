import { css } from 'lit';
import { confirmDialogStyles } from '../../internal/confirm-dialog.js';

export default [
  confirmDialogStyles,
  css`
    :host {
      --_width: var(--relink-revoke-dialog-width, 28rem);
      --_radius: var(--relink-revoke-dialog-radius);
      --_backdrop: var(--relink-revoke-dialog-backdrop);
    }
  `,
];
