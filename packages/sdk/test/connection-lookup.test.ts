import { expect } from '@open-wc/testing';
import { createInPageRelink } from '@relink/server/browser';
import { createRelinkClient, createRelinkStore } from '@relink/sdk';

// store.connections.lookup(id): a view names a connection (a run's "Blocked by HubSpot") without loading the
// connections list. Against the in-page reference backend.

async function setup() {
  const server = createInPageRelink({ rateLimit: false, refresher: { autoStart: false } });
  const gets: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (request.method === 'GET') gets.push(new URL(request.url).pathname.replace(/^\/v1/, ''));
    return server.fetch(request);
  };
  const client = createRelinkClient({ baseUrl: server.baseUrl, fetch, token: await server.mintToken('agency', 'prn_agency'), retry: 0 });
  return { server, store: createRelinkStore(client), gets };
}

describe('store.connections.lookup', () => {
  it('fetches a connection the store does not hold once for every caller, keeps it, and then answers from the store', async () => {
    const { server, store, gets } = await setup();
    try {
      const [a, b] = await Promise.all([store.connections.lookup('con_hubspot'), store.connections.lookup('con_hubspot')]);
      expect(a).to.deep.equal(b);
      expect(a.app.name).to.equal('HubSpot');
      expect(gets).to.deep.equal(['/connections/con_hubspot'], 'one request between them, never the list');
      const snapshot = store.getSnapshot().connections;
      expect([snapshot.status, snapshot.items.map((c) => c.id)]).to.deep.equal(['idle', ['con_hubspot']]);
      await store.connections.lookup('con_hubspot');
      expect(gets).to.have.length(1, 'held: answered from the store');
    } finally {
      server.close();
    }
  });

  it('a removal heard while the answer is on its way: the caller gets the connection, the store does not take it back', async () => {
    const { server, store } = await setup();
    try {
      const asking = store.connections.lookup('con_mailchimp');
      store.apply({ id: 'evt_removed', type: 'connection.removed', at: new Date().toISOString(), connectionId: 'con_mailchimp' });
      expect((await asking).app.name).to.equal('Mailchimp');
      expect(store.getSnapshot().connections.byId.has('con_mailchimp'), 'removed stays removed').to.equal(false);
    } finally {
      server.close();
    }
  });
});
