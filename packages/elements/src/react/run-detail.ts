// `@relink/elements/react/run-detail.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkRunDetail as RunDetailElement } from '../components/run-detail/run-detail.js';
import { navigate, runActions } from './events.js';

/** `<relink-run-detail>`: `onNavigate` (cancelable) for its links, and its actions' `onResume` / `onReplay`. */
export const RelinkRunDetail = createComponent({
  react: React,
  tagName: 'relink-run-detail',
  elementClass: RunDetailElement,
  displayName: 'RelinkRunDetail',
  events: { ...navigate, ...runActions },
});
