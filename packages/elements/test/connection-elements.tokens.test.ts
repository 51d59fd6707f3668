import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { RelinkConnectionDetail } from '../src/components/connection-detail/connection-detail.js';
import { RelinkConnectionsTable } from '../src/components/connections-table/connections-table.js';
import { RelinkReconnectButton } from '../src/components/reconnect-button/reconnect-button.js';
import { RelinkRefreshButton } from '../src/components/refresh-button/refresh-button.js';
import { RelinkRevokeDialog } from '../src/components/revoke-dialog/revoke-dialog.js';
import { cssText, privateTokens } from './helpers.js';

const elements: [string, typeof LitElement][] = [
  ['relink-connection-detail', RelinkConnectionDetail],
  ['relink-connections-table', RelinkConnectionsTable],
  ['relink-reconnect-button', RelinkReconnectButton],
  ['relink-refresh-button', RelinkRefreshButton],
  ['relink-revoke-dialog', RelinkRevokeDialog],
];

describe('connection elements: private tokens and registration', () => {
  for (const [tag, ctor] of elements) {
    it(`${tag}: defines every private --_ token it reads, and reads every one it defines`, () => {
      const { used, defined } = privateTokens(cssText(ctor));
      expect([...used].filter((t) => !defined.has(t)), 'read but not defined').to.deep.equal([]);
      expect([...defined].filter((t) => !used.has(t)), 'defined but not read').to.deep.equal([]);
    });

    it(`${tag}: is registered under its tag`, () => {
      expect(customElements.get(tag)).to.equal(ctor);
    });
  }
});
