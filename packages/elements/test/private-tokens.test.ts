// Material's createTokenTests idea for every element: each private `--_name` a stylesheet reads is defined in it
// (a token read but never defined silently falls back to nothing), and each one it defines is read.
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { RelinkAppCatalog } from '../src/components/app-catalog/app-catalog.js';
import { RelinkConnectButton } from '../src/components/connect-button/connect-button.js';
import { RelinkConnectionDetail } from '../src/components/connection-detail/connection-detail.js';
import { RelinkRemoveDialog } from '../src/components/remove-dialog/remove-dialog.js';
import { RelinkConnectionRequests } from '../src/components/connection-requests/connection-requests.js';
import { RelinkConnectionsTable } from '../src/components/connections-table/connections-table.js';
import { RelinkNotificationBell } from '../src/components/notification-bell/notification-bell.js';
import { RelinkNotificationSettings } from '../src/components/notification-settings/notification-settings.js';
import { RelinkProvider } from '../src/components/provider/provider.js';
import { RelinkPublishCheck } from '../src/components/publish-check/publish-check.js';
import { RelinkReauthBanner } from '../src/components/reauth-banner/reauth-banner.js';
import { RelinkReconnectButton } from '../src/components/reconnect-button/reconnect-button.js';
import { RelinkRefreshButton } from '../src/components/refresh-button/refresh-button.js';
import { RelinkRevokeDialog } from '../src/components/revoke-dialog/revoke-dialog.js';
import { RelinkRunActions } from '../src/components/run-actions/run-actions.js';
import { RelinkRunDetail } from '../src/components/run-detail/run-detail.js';
import { RelinkRunsList } from '../src/components/runs-list/runs-list.js';
import { RelinkStatusBadge } from '../src/components/status-badge/status-badge.js';
import { RelinkToaster } from '../src/components/toaster/toaster.js';
import { toastStyles } from '../src/internal/toast-list.js';
import { cssText, privateTokens } from './helpers.js';

/** Rules an element adopts once a chunk of it has loaded, read beside its static ones. */
const onDemand: Record<string, string> = { 'relink-toaster': toastStyles.cssText };

const elements: [string, typeof LitElement][] = [
  ['relink-connection-detail', RelinkConnectionDetail],
  ['relink-connection-requests', RelinkConnectionRequests],
  ['relink-connections-table', RelinkConnectionsTable],
  ['relink-notification-bell', RelinkNotificationBell],
  ['relink-notification-settings', RelinkNotificationSettings],
  ['relink-provider', RelinkProvider],
  ['relink-publish-check', RelinkPublishCheck],
  ['relink-reauth-banner', RelinkReauthBanner],
  ['relink-reconnect-button', RelinkReconnectButton],
  ['relink-refresh-button', RelinkRefreshButton],
  ['relink-revoke-dialog', RelinkRevokeDialog],
  ['relink-remove-dialog', RelinkRemoveDialog],
  ['relink-connect-button', RelinkConnectButton],
  ['relink-app-catalog', RelinkAppCatalog],
  ['relink-run-actions', RelinkRunActions],
  ['relink-run-detail', RelinkRunDetail],
  ['relink-runs-list', RelinkRunsList],
  ['relink-status-badge', RelinkStatusBadge],
  ['relink-toaster', RelinkToaster],
];

describe('private --_ tokens', () => {
  it('covers every element the package defines', async () => {
    const index = await import('../src/index.js');
    const exported = Object.values(index).filter((value) => typeof value === 'function' && value.prototype instanceof HTMLElement);
    expect(exported.map((ctor) => (ctor as { name: string }).name).sort()).to.deep.equal(elements.map(([, ctor]) => ctor.name).sort());
  });

  for (const [tag, ctor] of elements) {
    it(`${tag}: defines every private token it reads, and reads every one it defines`, () => {
      const { used, defined } = privateTokens(`${cssText(ctor)}\n${onDemand[tag] ?? ''}`);
      expect([...used].filter((t) => !defined.has(t)), 'read but not defined').to.deep.equal([]);
      expect([...defined].filter((t) => !used.has(t)), 'defined but not read').to.deep.equal([]);
    });
  }

  it('the check fails on a stylesheet that reads a token it never defines, or defines one it never reads', () => {
    const { used, defined } = privateTokens(':host { --_a: 1px; } .x { inline-size: var(--_b); }');
    expect([...used].filter((t) => !defined.has(t))).to.deep.equal(['--_b']);
    expect([...defined].filter((t) => !used.has(t))).to.deep.equal(['--_a']);
  });
});
