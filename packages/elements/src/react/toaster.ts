// `@relink/elements/react/toaster.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { RelinkToaster as ToasterElement } from '../components/toaster/toaster.js';
import type { RelinkToastShowEvent } from '../events/toast-show.js';
import type { RelinkToastDismissEvent } from '../events/toast-dismiss.js';

/** `<relink-toaster>`: `onToastShow` (cancelable: show it in your own system), `onToastDismiss`. */
export const RelinkToaster = createComponent({
  react: React,
  tagName: 'relink-toaster',
  elementClass: ToasterElement,
  displayName: 'RelinkToaster',
  events: {
    onToastShow: 'relink-toast-show' as EventName<RelinkToastShowEvent>,
    onToastDismiss: 'relink-toast-dismiss' as EventName<RelinkToastDismissEvent>,
  },
});
