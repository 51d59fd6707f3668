// `@relink/elements/react/runs-list.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkRunsList as RunsListElement } from '../components/runs-list/runs-list.js';
import { navigate, runActions } from './events.js';

/** `<relink-runs-list>`: `onNavigate` (cancelable), and its rows' `onResume` / `onReplay`. */
export const RelinkRunsList = createComponent({
  react: React,
  tagName: 'relink-runs-list',
  elementClass: RunsListElement,
  displayName: 'RelinkRunsList',
  events: { ...navigate, ...runActions },
});
