// `@relink/elements/react/run-actions.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkRunActions as RunActionsElement } from '../components/run-actions/run-actions.js';
import { runActions } from './events.js';

/** `<relink-run-actions>`: `onResume`, `onReplay` (both before, cancelable). */
export const RelinkRunActions = createComponent({
  react: React,
  tagName: 'relink-run-actions',
  elementClass: RunActionsElement,
  displayName: 'RelinkRunActions',
  events: runActions,
});
