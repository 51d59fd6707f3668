// React wrappers (`@lit/react`) for every Relink element: `@relink/elements/react.js`.
//
// Each wrapper registers its element (it imports the element's defining module), passes React props to the
// element's properties (so `token`, `messages`, `store` and friends are set as properties, never attributes), and
// maps each documented `relink-*` event to an `onX` prop: `relink-manage` → `onManage`, `relink-navigate` →
// `onNavigate`, `relink-reconnect-result` → `onReconnectResult`. Handlers get the typed event, so
// `onManage={(e) => { e.preventDefault(); router.push(e.detail.href); }}` routes in the host app.
//
// React 19 can also use the tags directly (`<relink-status-badge status="active" />`, events as
// `onrelink-navigate`); the wrappers add typed props and events on top, and work with React 18 too.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { RelinkProvider as ProviderElement } from './components/provider/provider.js';
import { RelinkStatusBadge as StatusBadgeElement } from './components/status-badge/status-badge.js';
import { RelinkToaster as ToasterElement } from './components/toaster/toaster.js';
import { RelinkConnectionsTable as ConnectionsTableElement } from './components/connections-table/connections-table.js';
import { RelinkConnectionDetail as ConnectionDetailElement } from './components/connection-detail/connection-detail.js';
import { RelinkRefreshButton as RefreshButtonElement } from './components/refresh-button/refresh-button.js';
import { RelinkRevokeDialog as RevokeDialogElement } from './components/revoke-dialog/revoke-dialog.js';
import { RelinkReconnectButton as ReconnectButtonElement } from './components/reconnect-button/reconnect-button.js';
import { RelinkReauthBanner as ReauthBannerElement } from './components/reauth-banner/reauth-banner.js';
import { RelinkNotificationBell as NotificationBellElement } from './components/notification-bell/notification-bell.js';
import { RelinkConnectionRequests as ConnectionRequestsElement } from './components/connection-requests/connection-requests.js';
import { RelinkRunsList as RunsListElement } from './components/runs-list/runs-list.js';
import { RelinkRunActions as RunActionsElement } from './components/run-actions/run-actions.js';
import { RelinkRunDetail as RunDetailElement } from './components/run-detail/run-detail.js';
import { RelinkPublishCheck as PublishCheckElement } from './components/publish-check/publish-check.js';
import type { RelinkManageEvent } from './events/manage.js';
import type { RelinkNavigateEvent } from './events/navigate.js';
import type { RelinkRefreshEvent } from './events/refresh.js';
import type { RelinkRevokeEvent, RelinkRevokedEvent } from './events/revoke.js';
import type { RelinkReconnectEvent, RelinkReconnectResultEvent } from './events/reconnect.js';
import type { RelinkResumeEvent, RelinkReplayEvent } from './events/run-action.js';
import type { RelinkConnectRequestEvent, RelinkCancelRequestEvent } from './events/connection-request.js';
import type { RelinkToastShowEvent } from './events/toast-show.js';
import type { RelinkToastDismissEvent } from './events/toast-dismiss.js';

export type { EventName, ReactWebComponent } from '@lit/react';

const navigate = { onNavigate: 'relink-navigate' as EventName<RelinkNavigateEvent> };
const refresh = { onRefresh: 'relink-refresh' as EventName<RelinkRefreshEvent> };
const revoke = {
  onRevoke: 'relink-revoke' as EventName<RelinkRevokeEvent>,
  onRevoked: 'relink-revoked' as EventName<RelinkRevokedEvent>,
};
const reconnect = {
  onReconnect: 'relink-reconnect' as EventName<RelinkReconnectEvent>,
  onReconnectResult: 'relink-reconnect-result' as EventName<RelinkReconnectResultEvent>,
};
const runActions = {
  onResume: 'relink-resume' as EventName<RelinkResumeEvent>,
  onReplay: 'relink-replay' as EventName<RelinkReplayEvent>,
};

/** `<relink-provider>`: `baseUrl` + `token` (a string or an async getter), or a ready `client` / `store`. */
export const RelinkProvider = createComponent({
  react: React,
  tagName: 'relink-provider',
  elementClass: ProviderElement,
  displayName: 'RelinkProvider',
});

/** `<relink-status-badge>`: one of the four statuses as text, icon and tone. */
export const RelinkStatusBadge = createComponent({
  react: React,
  tagName: 'relink-status-badge',
  elementClass: StatusBadgeElement,
  displayName: 'RelinkStatusBadge',
});

/** `<relink-toaster>`: `onToastShow` (cancelable: show it in your own system), `onToastDismiss`. */
export const RelinkToaster = createComponent({
  react: React,
  tagName: 'relink-toaster',
  elementClass: ToasterElement,
  displayName: 'RelinkToaster',
  events: {
    onToastShow: 'relink-toast-show' as EventName<RelinkToastShowEvent>,
    onToastDismiss: 'relink-toast-dismiss' as EventName<RelinkToastDismissEvent>,
  },
});

/** `<relink-connections-table>`: `onManage` (cancelable: route in the host app). */
export const RelinkConnectionsTable = createComponent({
  react: React,
  tagName: 'relink-connections-table',
  elementClass: ConnectionsTableElement,
  displayName: 'RelinkConnectionsTable',
  events: { onManage: 'relink-manage' as EventName<RelinkManageEvent> },
});

/** `<relink-connection-detail>`: the events of the buttons inside it bubble out as its own. */
export const RelinkConnectionDetail = createComponent({
  react: React,
  tagName: 'relink-connection-detail',
  elementClass: ConnectionDetailElement,
  displayName: 'RelinkConnectionDetail',
  events: { ...refresh, ...revoke, ...reconnect },
});

/** `<relink-refresh-button>`: `onRefresh` after a refresh settled (cancel: no toast). */
export const RelinkRefreshButton = createComponent({
  react: React,
  tagName: 'relink-refresh-button',
  elementClass: RefreshButtonElement,
  displayName: 'RelinkRefreshButton',
  events: refresh,
});

/** `<relink-revoke-dialog>`: `onRevoke` (before, cancelable), `onRevoked` (after). */
export const RelinkRevokeDialog = createComponent({
  react: React,
  tagName: 'relink-revoke-dialog',
  elementClass: RevokeDialogElement,
  displayName: 'RelinkRevokeDialog',
  events: revoke,
});

/** `<relink-reconnect-button>`: `onReconnect` (before, cancelable), `onReconnectResult` (each settled step). */
export const RelinkReconnectButton = createComponent({
  react: React,
  tagName: 'relink-reconnect-button',
  elementClass: ReconnectButtonElement,
  displayName: 'RelinkReconnectButton',
  events: reconnect,
});

/** `<relink-reauth-banner>`: `onNavigate` (cancelable). */
export const RelinkReauthBanner = createComponent({
  react: React,
  tagName: 'relink-reauth-banner',
  elementClass: ReauthBannerElement,
  displayName: 'RelinkReauthBanner',
  events: navigate,
});

/** `<relink-notification-bell>`: `onNavigate` (cancelable). */
export const RelinkNotificationBell = createComponent({
  react: React,
  tagName: 'relink-notification-bell',
  elementClass: NotificationBellElement,
  displayName: 'RelinkNotificationBell',
  events: navigate,
});

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

/** `<relink-runs-list>`: `onNavigate` (cancelable), and its rows' `onResume` / `onReplay`. */
export const RelinkRunsList = createComponent({
  react: React,
  tagName: 'relink-runs-list',
  elementClass: RunsListElement,
  displayName: 'RelinkRunsList',
  events: { ...navigate, ...runActions },
});

/** `<relink-run-actions>`: `onResume`, `onReplay` (both before, cancelable). */
export const RelinkRunActions = createComponent({
  react: React,
  tagName: 'relink-run-actions',
  elementClass: RunActionsElement,
  displayName: 'RelinkRunActions',
  events: runActions,
});

/** `<relink-run-detail>`: `onNavigate` (cancelable) for its links, and its actions' `onResume` / `onReplay`. */
export const RelinkRunDetail = createComponent({
  react: React,
  tagName: 'relink-run-detail',
  elementClass: RunDetailElement,
  displayName: 'RelinkRunDetail',
  events: { ...navigate, ...runActions },
});

/** `<relink-publish-check>`: `onNavigate` (cancelable) for its "Fix connection" links. */
export const RelinkPublishCheck = createComponent({
  react: React,
  tagName: 'relink-publish-check',
  elementClass: PublishCheckElement,
  displayName: 'RelinkPublishCheck',
  events: navigate,
});
