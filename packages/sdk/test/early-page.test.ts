import { expect } from '@open-wc/testing';
import { createInPageRelink } from '@relink/server/browser';
import { createRelinkClient, createRelinkStore } from '@relink/sdk';

// A window's first page asked for while the window's code loads (`prefetch`): a change heard before the window exists
// to lay it over that page must not be lost. Its own file, so each window's code is still to load when the test opens
// it (once loaded, a window opens at once and hears every change itself). Against the in-page reference backend.

async function setup(path: string) {
  const server = createInPageRelink({ rateLimit: false, refresher: { autoStart: false } });
  const agency = await server.mintToken('agency', 'prn_agency');
  const other = createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: agency, retry: 0 });
  // The first list page is answered as the server read it before the change (what a request in flight when the change
  // was made brings back): recorded from the real server, since a test cannot time a request against a change.
  let before: Response | undefined;
  const firstPageAsItWas = async (url: string) => {
    before = await server.fetch(new Request(url, { headers: { authorization: `Bearer ${agency}` } }));
  };
  const asked: URL[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname.endsWith(path)) {
      asked.push(url);
      const recorded = before;
      before = undefined;
      if (recorded) return recorded;
    }
    return server.fetch(request);
  };
  const store = createRelinkStore(createRelinkClient({ baseUrl: server.baseUrl, fetch, token: agency, retry: 0 }));
  return { server, store, other, asked, firstPageAsItWas };
}

const at = () => ({ id: '999999', at: new Date().toISOString() });

describe('a first page asked for early', () => {
  let close = () => {};
  afterEach(() => close());

  it('connections: a change heard while the window\'s code loads sends the page again; the row shows the change', async () => {
    const { server, store, other, asked, firstPageAsItWas } = await setup('/connections');
    close = () => server.close();
    const first = (await other.connections.list({ limit: 100 })).data;
    const target = first.find((c) => c.status === 'active' && c.owner === 'agency')!;
    await firstPageAsItWas(`${server.baseUrl}/connections?limit=100`);
    await other.connections.revoke(target.id);
    const revoked = await other.connections.get(target.id);

    const opening = store.connections.window({}, { prefetch: true });
    // Heard before the window exists: its code is still loading.
    store.apply({ ...at(), type: 'connection.updated', connection: revoked });
    const window = await opening;
    await window.ensure(0, 30);
    const index = Array.from({ length: window.total! }, (_, i) => window.at(i)?.id).indexOf(target.id);
    expect(window.at(index)?.status).to.equal('revoked');
    expect(asked.filter((u) => !u.searchParams.has('offset'))).to.have.length(2, 'the early page, then the page again');
    window.close();
  });

  it('runs: the same for a runs window', async () => {
    const { server, store, other, asked, firstPageAsItWas } = await setup('/runs');
    close = () => server.close();
    const failed = (await other.runs.list({ status: 'failed', limit: 100 })).data;
    const target = failed[0]!;
    await firstPageAsItWas(`${server.baseUrl}/runs?status=failed&limit=100`);
    const records = server.app.relink.store;
    const changed = { ...(await records.getRun('ws_northwind', target.id))!, error: { code: 'step_failed', message: 'A newer message' }, updatedAt: new Date().toISOString() };
    await records.putRun(changed);
    const run = await other.runs.get(target.id);

    const opening = store.runs.window({ status: 'failed' }, { prefetch: true });
    store.apply({ ...at(), type: 'run.updated', run });
    const window = await opening;
    await window.ensure(0, 30);
    const index = Array.from({ length: window.total! }, (_, i) => window.at(i)?.id).indexOf(target.id);
    expect(window.at(index)?.error?.message).to.equal('A newer message');
    expect(asked.filter((u) => !u.searchParams.has('offset'))).to.have.length(2, 'the early page, then the page again');
    window.close();
  });
});
