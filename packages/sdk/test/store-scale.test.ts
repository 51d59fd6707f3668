import { expect } from '@open-wc/testing';
import { createInPageRelink } from '@relink/server/browser';
import { createRelinkClient, createRelinkStore, replacedSince, type Connection, type RelinkEvent } from '@relink/sdk';

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

  it('applies a burst of 1,000 live changes in one pass: no copy of the id index, one notification, every change kept', async () => {
    const { server, store } = await setup(200);
    close = () => server.close();
    await store.connections.load();
    const before = store.getSnapshot().connections;
    const known = [...before.items];
    const untouched = known[known.length - 1]!;
    const changing = known.slice(0, 5);
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);

    // Count writes into maps as big as the collection: an id index copied (what a per-change upsert made once per
    // event, and a per-flush copy once per burst) writes every id again. Appending the one new id is a single write.
    const set = Map.prototype.set;
    let indexWrites = 0;
    Map.prototype.set = function (this: Map<unknown, unknown>, key: unknown, value: unknown) {
      if (this.size >= known.length / 2) indexWrites++;
      return set.call(this, key, value);
    };
    // And copies of the items array (slice/concat, how the store copies it): one per burst, not one per event (a
    // check that read the snapshot once per event applied each event alone).
    const { slice, concat } = Array.prototype;
    let itemCopies = 0;
    const counted = <F extends typeof slice | typeof concat>(method: F): F =>
      function (this: unknown[], ...args: unknown[]) {
        if (this.length >= known.length) itemCopies++;
        return (method as (...a: unknown[]) => unknown[]).apply(this, args);
      } as F;
    Array.prototype.slice = counted(slice);
    Array.prototype.concat = counted(concat);
    try {
      for (let i = 0; i < 1000; i++) store.apply(changed(changing[i % changing.length]!, i));
      const fresh = { ...untouched, id: 'con_brand_new', label: 'Arrived live' };
      store.apply({ id: '2000000', at: '2026-11-02T09:00:00.000Z', type: 'connection.updated', connection: fresh });
      await Promise.resolve();
      await Promise.resolve();
    } finally {
      Map.prototype.set = set;
      Array.prototype.slice = slice;
      Array.prototype.concat = concat;
    }
    unsubscribe();

    const after = store.getSnapshot().connections;
    expect(indexWrites, 'writes into an id index').to.be.at.most(1);
    expect(itemCopies, 'copies of the items array').to.equal(1);
    expect(notified).to.equal(1);
    // The last change to each connection wins; order is kept; the new one joins at the end; the rest keep identity.
    expect(after.items.map((c) => c.id)).to.deep.equal([...known.map((c) => c.id), 'con_brand_new']);
    changing.forEach((connection, k) => {
      const last = 1000 - ((1000 - 1 - k) % changing.length) - 1;
      expect(after.byId.get(connection.id)?.label).to.equal(`${connection.label} #${last}`);
    });
    expect(after.byId.get(untouched.id)).to.equal(untouched);
    expect(after.items[after.items.length - 2]).to.equal(untouched);
    // The snapshot before the burst still reads as it was.
    expect(before.byId.has('con_brand_new')).to.equal(false);
    expect(before.byId.get(changing[0]!.id)).to.equal(known[0]);
    expect(before.byId.size).to.equal(known.length);
  });

  it('finds every item by id in every snapshot: after appends, removals and new items of a feed, old snapshots unchanged', async () => {
    const { server, store } = await setup();
    close = () => server.close();
    await Promise.all([store.connections.load(), store.notifications.load()]);
    const at = '2026-11-02T09:00:00.000Z';
    const first = store.getSnapshot();
    const [a, b] = first.connections.items;
    store.apply({ id: '1', at, type: 'connection.updated', connection: { ...a!, id: 'con_new_1' } });
    const second = store.getSnapshot();
    store.apply({ id: '2', at, type: 'connection.removed', connectionId: b!.id });
    store.apply({ id: '3', at, type: 'connection.updated', connection: { ...a!, id: 'con_new_2', label: 'Second new' } });
    const third = store.getSnapshot();
    // Two stores of history: the older snapshot reads its own items, the newer ones theirs.
    expect([...first.connections.byId.keys()]).to.deep.equal(first.connections.items.map((c) => c.id));
    expect(first.connections.byId.has('con_new_1')).to.equal(false);
    expect(second.connections.byId.get('con_new_1')?.id).to.equal('con_new_1');
    expect(second.connections.byId.get(b!.id)).to.equal(b);
    expect(third.connections.byId.has(b!.id)).to.equal(false);
    for (const c of third.connections.items) expect(third.connections.byId.get(c.id)).to.equal(c);
    expect(third.connections.items.at(-1)?.label).to.equal('Second new');

    // A feed: new items go first, and both old and new are found.
    const n = first.notifications.items[0]!;
    // Two new ones in one flush: the later goes first.
    store.apply({ id: '4', at, type: 'notification.updated', notification: { ...n, id: 'ntf_new_1', createdAt: at } });
    store.apply({ id: '5', at, type: 'notification.updated', notification: { ...n, id: 'ntf_new', createdAt: at } });
    store.apply({ id: '6', at, type: 'notification.updated', notification: { ...n, title: 'Changed' } });
    const feed = store.getSnapshot().notifications;
    expect(feed.items.slice(0, 2).map((item) => item.id)).to.deep.equal(['ntf_new', 'ntf_new_1']);
    expect(feed.byId.get(n.id)?.title).to.equal('Changed');
    for (const item of feed.items) expect(feed.byId.get(item.id)).to.equal(item);
    expect(first.notifications.byId.get(n.id)).to.equal(n);
    expect(first.notifications.byId.has('ntf_new')).to.equal(false);
  });

  it('an event repeating what is shown changes nothing; one that changes a nested field does', async () => {
    const { server, store } = await setup();
    close = () => server.close();
    await store.connections.load();
    const before = store.getSnapshot();
    const first = before.connections.items[0]!;
    // A copy as an event brings it: a new object, its keys in another order.
    const echo = Object.fromEntries(Object.entries(structuredClone(first)).reverse()) as Connection;
    store.apply({ id: '1', at: first.updatedAt, type: 'connection.updated', connection: echo });
    expect(store.getSnapshot()).to.equal(before);
    store.apply({ id: '2', at: first.updatedAt, type: 'connection.updated', connection: { ...first, app: { ...first.app, name: 'Renamed' } } });
    expect(store.getSnapshot().connections.byId.get(first.id)?.app.name).to.equal('Renamed');
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

  it('replacedSince names the items live changes replaced, across snapshots; a load or a new item names none', async () => {
    const { server, store } = await setup(20);
    close = () => server.close();
    await store.connections.load();
    const loaded = store.getSnapshot().connections;
    const [a, b] = loaded.items as [Connection, Connection];
    store.apply(changed(a, 1));
    const once = store.getSnapshot().connections;
    store.apply(changed(b, 2));
    const twice = store.getSnapshot().connections;
    expect([...replacedSince(loaded, once)!]).to.deep.equal([a.id]);
    expect([...replacedSince(loaded, twice)!].sort()).to.deep.equal([a.id, b.id].sort());
    expect([...replacedSince(once, twice)!]).to.deep.equal([b.id]);
    store.apply(changed({ ...a, id: 'con_brand_new' }, 3));
    expect(replacedSince(twice, store.getSnapshot().connections)).to.equal(undefined);
    await store.connections.load();
    expect(replacedSince(twice, store.getSnapshot().connections)).to.equal(undefined);
  });

  it('a window opened with prefetch asks for its first page while its code loads, once', async () => {
    const { server, store, requested } = await setup(20);
    close = () => server.close();
    const opening = store.connections.window({}, { prefetch: true });
    // Asked before the window exists (its code is still loading).
    await until(() => requested.some((url) => new URL(url).pathname.endsWith('/connections')), 'the first page asked for');
    const window = await opening;
    await window.ensure(0, 10);
    expect(window.at(0)).to.not.equal(undefined);
    expect(requested.filter((url) => new URL(url).pathname.endsWith('/connections'))).to.have.length(1);
    window.close();
  });

  it("a load started while a window's first page is in flight shares its request; one started after takes the page", async () => {
    const { server, store, requested } = await setup(20);
    close = () => server.close();
    const lists = () => requested.filter((url) => new URL(url).pathname.endsWith('/connections'));
    // Two elements of one page at once: a table opening its window, the other loading the list.
    const opening = store.connections.window({}, { prefetch: true });
    await store.connections.load();
    const window = await opening;
    await window.ensure(0, 10);
    expect(lists()).to.have.length(1);
    expect(store.getSnapshot().connections.status).to.equal('ready');
    window.close();

    // A fresh store: the window's page has answered when a view loads the list.
    const later = await setup(20);
    const other = later.server;
    close = () => {
      server.close();
      other.close();
    };
    const counted = await later.store.connections.window({}, { prefetch: true });
    await counted.ensure(0, 10);
    await later.store.connections.load();
    expect(later.requested.filter((url) => new URL(url).pathname.endsWith('/connections'))).to.have.length(1);
    expect(later.store.getSnapshot().connections.items.length).to.equal(counted.total);
    counted.close();
  });

  it('a runs window opened with prefetch asks for its first page once, while its code loads', async () => {
    const { server, store, requested } = await setup();
    close = () => server.close();
    const runsAsked = () => requested.filter((url) => new URL(url).pathname.endsWith('/runs'));
    const opening = store.runs.window({ status: 'failed', q: '' }, { prefetch: true, pageSize: 50 });
    // Asked before the window exists (its code is still loading), with the parameters the window sends.
    await until(() => runsAsked().length > 0, 'the first page asked for');
    const window = await opening;
    await window.ensure(0, 10);
    expect(window.total).to.be.greaterThan(0);
    expect(window.at(0)?.status).to.equal('failed');
    expect(runsAsked()).to.have.length(1);
    expect(Object.fromEntries(new URL(runsAsked()[0]!).searchParams)).to.deep.equal({ status: 'failed', limit: '50' });
    window.close();
  });
});
