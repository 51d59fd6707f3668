// `@relink/elements/react/remove-dialog.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import { RelinkRemoveDialog as RemoveDialogElement } from '../components/remove-dialog/remove-dialog.js';
import type { RelinkHideEvent, RelinkShowEvent } from '../events/dialog.js';
import type { RelinkRemoveEvent, RelinkRemovedEvent } from '../events/remove.js';

/**
 * `<relink-remove-dialog>`: `open` (controlled), `onShow`/`onHide` (cancelable), `onRemove` (before, cancelable),
 * `onRemoved` (after: route away from the removed connection's page here).
 */
export const RelinkRemoveDialog = createComponent({
  react: React,
  tagName: 'relink-remove-dialog',
  elementClass: RemoveDialogElement,
  displayName: 'RelinkRemoveDialog',
  events: {
    onRemove: 'relink-remove' as EventName<RelinkRemoveEvent>,
    onRemoved: 'relink-removed' as EventName<RelinkRemovedEvent>,
    onShow: 'relink-show' as EventName<RelinkShowEvent>,
    onHide: 'relink-hide' as EventName<RelinkHideEvent>,
  },
});
