// `@relink/elements/react/revoke-dialog.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkRevokeDialog as RevokeDialogElement } from '../components/revoke-dialog/revoke-dialog.js';
import type { EventName } from '@lit/react';
import type { RelinkHideEvent, RelinkShowEvent } from '../events/dialog.js';
import { revoke } from './events.js';

/**
 * `<relink-revoke-dialog>`: `open` (controlled), `onShow`/`onHide` (before it opens/closes, cancelable; `onHide`'s
 * `detail.reason`), `onRevoke` (before, cancelable), `onRevoked` (after).
 */
export const RelinkRevokeDialog = createComponent({
  react: React,
  tagName: 'relink-revoke-dialog',
  elementClass: RevokeDialogElement,
  displayName: 'RelinkRevokeDialog',
  events: {
    ...revoke,
    onShow: 'relink-show' as EventName<RelinkShowEvent>,
    onHide: 'relink-hide' as EventName<RelinkHideEvent>,
  },
});
