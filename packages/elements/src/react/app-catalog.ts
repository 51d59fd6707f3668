// `@relink/elements/react/app-catalog.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkAppCatalog as AppCatalogElement } from '../components/app-catalog/app-catalog.js';
import { connect } from './events.js';

/** `<relink-app-catalog>`: `onConnect` (before, cancelable) and `onConnectionCreated` (the new connection), from its apps' buttons. */
export const RelinkAppCatalog = createComponent({
  react: React,
  tagName: 'relink-app-catalog',
  elementClass: AppCatalogElement,
  displayName: 'RelinkAppCatalog',
  events: connect,
});
