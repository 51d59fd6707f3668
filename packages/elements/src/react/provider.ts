// `@relink/elements/react/provider.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkProvider as ProviderElement } from '../components/provider/provider.js';

/** `<relink-provider>`: `baseUrl` + `token` (a string or an async getter), or a ready `client` / `store`. */
export const RelinkProvider = createComponent({
  react: React,
  tagName: 'relink-provider',
  elementClass: ProviderElement,
  displayName: 'RelinkProvider',
});
