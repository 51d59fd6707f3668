// `@relink/elements/react/reconnect-button.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { RelinkReconnectButton as ReconnectButtonElement } from '../components/reconnect-button/reconnect-button.js';
import { reconnect } from './events.js';

/** `<relink-reconnect-button>`: `onReconnect` (before, cancelable), `onReconnectResult` (each settled step). */
export const RelinkReconnectButton = createComponent({
  react: React,
  tagName: 'relink-reconnect-button',
  elementClass: ReconnectButtonElement,
  displayName: 'RelinkReconnectButton',
  events: reconnect,
});
