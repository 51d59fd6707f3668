// `@relink/elements/react/connection-detail.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkConnectionDetail as ConnectionDetailElement } from '../components/connection-detail/connection-detail.js';
import { refresh, revoke, reconnect } from './events.js';

/** `<relink-connection-detail>`: the events of the buttons inside it bubble out as its own. */
export const RelinkConnectionDetail = createComponent({
  react: React,
  tagName: 'relink-connection-detail',
  elementClass: ConnectionDetailElement,
  displayName: 'RelinkConnectionDetail',
  events: { ...refresh, ...revoke, ...reconnect },
});
