// `@relink/elements/react/refresh-button.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkRefreshButton as RefreshButtonElement } from '../components/refresh-button/refresh-button.js';
import { refresh } from './events.js';

/** `<relink-refresh-button>`: `onRefresh` after a refresh settled (cancel: no toast). */
export const RelinkRefreshButton = createComponent({
  react: React,
  tagName: 'relink-refresh-button',
  elementClass: RefreshButtonElement,
  displayName: 'RelinkRefreshButton',
  events: refresh,
});
