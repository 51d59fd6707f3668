import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { RelinkStore } from '@relink/sdk';
import '../src/components/connections-table/connections-table.js';
import type { RelinkConnectionsTable } from '../src/components/connections-table/connections-table.js';
import { demo, inProvider } from './relink.js';

// The table's answer to live changes (live-rows.ts) loads after its first rows are painted. A file of its own: the
// code is loaded once per page, and here no table has loaded it yet.
describe('relink-connections-table before its live-change code is loaded', () => {
  it('a status change that comes first is announced once the code is here, and the row shows it', async () => {
    // Room for the modules it loads (the page's test modules filled the default 250 entries).
    performance.clearResourceTimings();
    const d = await demo('client');
    const { provider } = await inProvider(d.client, html``, 'relink-connections-table');
    const store: RelinkStore = provider.resolvedStore!;
    await store.connections.load();
    const el = document.createElement('relink-connections-table') as RelinkConnectionsTable;
    provider.append(el);
    // The store holds the list: the rows render in microtasks, before the page is idle (when the code would load).
    const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-id]')];
    for (let i = 0; i < 20 && !rows().length; i++) await el.updateComplete;
    expect(rows().length, 'rows shown').to.be.greaterThan(0);
    const loaded = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('live-rows'));
    expect(loaded(), 'the live-change code is not loaded yet').to.equal(false);

    const slack = store.getSnapshot().connections.byId.get('con_slack')!;
    store.apply({ id: 'evt_early', type: 'connection.updated', at: slack.updatedAt, connection: { ...slack, status: 'revoked' } } as Parameters<RelinkStore['apply']>[0]);
    await waitUntil(() => el.shadowRoot!.querySelector("[role='status']")!.textContent === 'Slack (Acme team workspace) is now revoked.', 'announced');
    expect(loaded()).to.equal(true);
    expect(rows().find((r) => r.dataset.id === 'con_slack')!.querySelector("[part~='badge']")!.textContent!.trim()).to.equal('revoked');
  });
});
