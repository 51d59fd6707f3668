import { expect } from '@open-wc/testing';
import { createInPageRelink } from '@relink/server/browser';
import { createRelinkClient, createRelinkStore, type Connection, type RelinkEvent } from '@relink/sdk';

// The store at workspace scale (issue 17): a burst of live changes is applied in one pass, and a long list shows its
// first page as soon as it arrives. Against the in-page reference backend; no wall-clock assertions.

async function setup(extraConnections = 0) {
  const server = createInPageRelink({ rateLimit: false });
  const { store: records } = server.app.relink;
  const at = '2026-01-01T00:00:00.000Z';
  for (let i = 0; i < extraConnections; i++) {
    await records.putConnection({
      id: `con_many_${String(i).padStart(4, '0')}`, workspaceId: 'ws_northwind', appKey: 'slack', label: `Team ${i}`, status: 'active',
      owner: 'agency', ownerPrincipalId: 'prn_agency', secrets: {}, refresh: { attempts: 0 }, createdAt: at, updatedAt: at,
    });
  }
  // Requests for a page after the first wait at the gate while it is closed.
  let gate: Promise<void> | undefined;
  let release = () => {};
  const requested: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requested.push(request.url);
    if (new URL(request.url).searchParams.has('cursor')) await gate;
    return server.fetch(request);
  };
  const holdLaterPages = () => {
    gate = new Promise((resolve) => (release = () => {
      gate = undefined;
      resolve();
    }));
    return () => release();
  };
  const token = await server.mintToken('agency', 'prn_agency');
  const store = createRelinkStore(createRelinkClient({ baseUrl: server.baseUrl, fetch, token }));
  return { server, store, holdLaterPages, requested };
}

const until = async (predicate: () => boolean, what: string, timeout = 8000) => {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const changed = (connection: Connection, i: number): RelinkEvent => ({
  id: String(1_000_000 + i), at: '2026-11-02T09:00:00.000Z', type: 'connection.updated',
  connection: { ...connection, label: `${connection.label} #${i}` },
});

describe('RelinkStore at scale', () => {
  let close = () => {};
  afterEach(() => close());

  it('applies a burst of 1,000 live changes in one pass: one copy of the collection, one notification, every change kept', async () => {
    const { server, store } = await setup();
    close = () => server.close();
    await store.connections.load();
    const before = store.getSnapshot().connections;
    const known = [...before.items];
    const untouched = known[known.length - 1]!;
    const changing = known.slice(0, -1);
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);

    // Count copies of the collection's id index (what a per-change upsert made once per event).
    const NativeMap = globalThis.Map;
    let indexCopies = 0;
    globalThis.Map = class extends NativeMap<unknown, unknown> {
      constructor(entries?: Iterable<readonly [unknown, unknown]> | null) {
        super(entries);
        if (entries === before.byId || (entries instanceof NativeMap && entries.size >= known.length)) indexCopies++;
      }
    } as MapConstructor;
    try {
      for (let i = 0; i < 1000; i++) store.apply(changed(changing[i % changing.length]!, i));
      const fresh = { ...untouched, id: 'con_brand_new', label: 'Arrived live' };
      store.apply({ id: '2000000', at: '2026-11-02T09:00:00.000Z', type: 'connection.updated', connection: fresh });
      await Promise.resolve();
      await Promise.resolve();
    } finally {
      globalThis.Map = NativeMap;
    }
    unsubscribe();

    const after = store.getSnapshot().connections;
    expect(indexCopies).to.equal(1);
    expect(notified).to.equal(1);
    // The last change to each connection wins; order is kept; the new one joins at the end; the rest keep identity.
    expect(after.items.map((c) => c.id)).to.deep.equal([...known.map((c) => c.id), 'con_brand_new']);
    changing.forEach((connection, k) => {
      const last = 1000 - ((1000 - 1 - k) % changing.length) - 1;
      expect(after.byId.get(connection.id)?.label).to.equal(`${connection.label} #${last}`);
    });
    expect(after.byId.get(untouched.id)).to.equal(untouched);
    expect(after.items[after.items.length - 2]).to.equal(untouched);
  });

  it('reads a change at once: a snapshot taken right after apply() already holds it', async () => {
    const { server, store } = await setup();
    close = () => server.close();
    await store.connections.load();
    const first = store.getSnapshot().connections.items[0]!;
    store.apply(changed(first, 7));
    expect(store.getSnapshot().connections.byId.get(first.id)?.label).to.equal(`${first.label} #7`);
    expect(store.getSnapshot()).to.equal(store.getSnapshot());
  });

  it('shows the first page of a long list while the next pages are still on their way', async () => {
    const { server, store, holdLaterPages, requested } = await setup(150);
    close = () => server.close();
    const release = holdLaterPages();
    const load = store.connections.load();
    await until(() => store.getSnapshot().connections.items.length === 100, 'the first page');
    const shown = store.getSnapshot().connections;
    expect(shown.status).to.equal('loading');
    const total = shown.total!; // the server's count of all of them, from the first page
    expect(total).to.be.greaterThan(150);
    expect(requested.some((url) => url.includes('cursor='))).to.equal(true); // the second page is on its way, held
    release();
    await load;
    const done = store.getSnapshot().connections;
    expect(done.status).to.equal('ready');
    expect(done.items.length).to.equal(total);
    expect(new Set(done.items.map((c) => c.id)).size).to.equal(total);
  });
});
