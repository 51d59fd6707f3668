import { css } from 'lit';
import { confirmDialogStyles } from '../../internal/confirm-dialog.js';
import { space1, space3 } from '../../styles/tokens.js';

export default [
  confirmDialogStyles,
  css`
    :host {
      --_width: var(--relink-remove-dialog-width, 30rem);
      --_radius: var(--relink-remove-dialog-radius);
      --_backdrop: var(--relink-remove-dialog-backdrop);
    }
    [part='usage'] { margin: ${space3} 0 0; line-height: 1.5; }
    [part='usage'] ul { margin: ${space1} 0 0; padding-inline-start: 1.25em; }
  `,
];
