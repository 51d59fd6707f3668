// `@relink/elements/react/status-badge.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkStatusBadge as StatusBadgeElement } from '../components/status-badge/status-badge.js';

/** `<relink-status-badge>`: one of the four statuses as text, icon and tone. */
export const RelinkStatusBadge = createComponent({
  react: React,
  tagName: 'relink-status-badge',
  elementClass: StatusBadgeElement,
  displayName: 'RelinkStatusBadge',
});
