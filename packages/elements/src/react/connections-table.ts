// `@relink/elements/react/connections-table.js`: one element's React wrapper (`@lit/react`), so a page pays only for what it wraps.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { RelinkConnectionsTable as ConnectionsTableElement } from '../components/connections-table/connections-table.js';
import type { RelinkManageEvent } from '../events/manage.js';

/** `<relink-connections-table>`: `onManage` (cancelable: route in the host app). */
export const RelinkConnectionsTable = createComponent({
  react: React,
  tagName: 'relink-connections-table',
  elementClass: ConnectionsTableElement,
  displayName: 'RelinkConnectionsTable',
  events: { onManage: 'relink-manage' as EventName<RelinkManageEvent> },
});
