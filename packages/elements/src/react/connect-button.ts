// `@relink/elements/react/connect-button.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkConnectButton as ConnectButtonElement } from '../components/connect-button/connect-button.js';
import { connect } from './events.js';

/** `<relink-connect-button>`: `appKey` (or `app`), `onConnect` (before, cancelable), `onConnectionCreated` (the new connection). */
export const RelinkConnectButton = createComponent({
  react: React,
  tagName: 'relink-connect-button',
  elementClass: ConnectButtonElement,
  displayName: 'RelinkConnectButton',
  events: connect,
});
