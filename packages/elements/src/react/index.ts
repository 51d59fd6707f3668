// React wrappers (`@lit/react`) for every Relink element.
//
// Each wrapper registers its element (it imports the element's defining module), passes React props to the
// element's properties (so `token`, `messages`, `store` and friends are set as properties, never attributes), and
// maps each documented `relink-*` event to an `onX` prop: `relink-manage` → `onManage`, `relink-navigate` →
// `onNavigate`, `relink-reconnect-result` → `onReconnectResult`. Handlers get the typed event, so
// `onManage={(e) => { e.preventDefault(); router.push(e.detail.href); }}` routes in the host app.
//
// React 19 can also use the tags directly (`<relink-status-badge status="active" />`, events as
// `onrelink-navigate`); the wrappers add typed props and events on top, and work with React 18 too.
//
// `@relink/elements/react` exports every wrapper at once; a page that wraps a few elements imports them one by one
// (`@relink/elements/react/connections-table.js`) and pulls in only those elements.
export type { EventName, ReactWebComponent } from '@lit/react';
export * from './provider.js';
export * from './status-badge.js';
export * from './toaster.js';
export * from './connections-table.js';
export * from './connection-detail.js';
export * from './refresh-button.js';
export * from './revoke-dialog.js';
export * from './reconnect-button.js';
export * from './reauth-banner.js';
export * from './notification-bell.js';
export * from './connection-requests.js';
export * from './runs-list.js';
export * from './run-actions.js';
export * from './run-detail.js';
export * from './publish-check.js';
export * from './connect-button.js';
export * from './app-catalog.js';
export * from './remove-dialog.js';
export * from './notification-settings.js';
