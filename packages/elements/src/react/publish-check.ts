// `@relink/elements/react/publish-check.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkPublishCheck as PublishCheckElement } from '../components/publish-check/publish-check.js';
import { navigate } from './events.js';

/** `<relink-publish-check>`: `onNavigate` (cancelable) for its "Fix connection" links. */
export const RelinkPublishCheck = createComponent({
  react: React,
  tagName: 'relink-publish-check',
  elementClass: PublishCheckElement,
  displayName: 'RelinkPublishCheck',
  events: navigate,
});
