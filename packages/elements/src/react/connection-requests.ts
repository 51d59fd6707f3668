// `@relink/elements/react/connection-requests.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { RelinkConnectionRequests as ConnectionRequestsElement } from '../components/connection-requests/connection-requests.js';
import type { RelinkConnectRequestEvent, RelinkCancelRequestEvent } from '../events/connection-request.js';

/** `<relink-connection-requests>`: `onConnectRequest`, `onCancelRequest` (both before, cancelable). */
export const RelinkConnectionRequests = createComponent({
  react: React,
  tagName: 'relink-connection-requests',
  elementClass: ConnectionRequestsElement,
  displayName: 'RelinkConnectionRequests',
  events: {
    onConnectRequest: 'relink-connect-request' as EventName<RelinkConnectRequestEvent>,
    onCancelRequest: 'relink-cancel-request' as EventName<RelinkCancelRequestEvent>,
  },
});
