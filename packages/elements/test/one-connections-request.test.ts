import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/components/connections-table/connections-table.js';
import '../src/components/notification-bell/notification-bell.js';
import '../src/components/reauth-banner/reauth-banner.js';
import '../src/components/runs-list/runs-list.js';
import '../src/components/connection-requests/connection-requests.js';
import type { RelinkConnectionsTable } from '../src/components/connections-table/connections-table.js';
import { demo, inProvider } from './relink.js';

// The agency console's first screen (demo route `/`): the banner, the bell, the connections table and the runs list
// all show connections, and the page asks the server for the list once (issue 17: three requests at startup).

describe('a page that shows connections in several elements', () => {
  it('makes one list request for connections', async () => {
    const lists: Array<{ url: string; stack: string }> = [];
    const d = await demo('agency', undefined, (f) => async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      if (request.method === 'GET' && url.pathname.endsWith('/connections')) lists.push({ url: url.search, stack: new Error().stack ?? '' });
      return f(request);
    });
    const { el, provider } = await inProvider<RelinkConnectionsTable>(
      d.client,
      html`<relink-reauth-banner href="/connections"></relink-reauth-banner>
        <relink-notification-bell connection-href="/connections/{id}"></relink-notification-bell>
        <relink-connections-table manage-href="/connections/{id}"></relink-connections-table>
        <relink-runs-list connection-href="/connections/{id}" run-href="/runs/{id}"></relink-runs-list>
        <relink-connection-requests></relink-connection-requests>`,
      'relink-connections-table',
      { live: true },
    );
    const store = provider.resolvedStore!;
    await waitUntil(() => store.getSnapshot().connections.status === 'ready' && el.shadowRoot!.querySelector("[part~='row'][data-id]"), 'the table shows the connections', { timeout: 10_000 });
    // Whatever else settles later (the bell's and the banner's loads, the runs list naming connections, the live
    // stream opening after the first pages) asks no more.
    await waitUntil(() => {
      const { notifications, runs, live } = store.getSnapshot();
      return notifications.status === 'ready' && runs.status === 'ready' && live === 'open';
    }, 'the other elements loaded and the live stream open', { timeout: 10_000 });
    // Each request's stack says which element asked, should one more appear.
    expect(lists.map((l) => l.url), lists.map((l) => l.stack).join('\n\n')).to.deep.equal(['?limit=100']);
  });
});
