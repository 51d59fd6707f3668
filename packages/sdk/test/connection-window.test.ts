import { expect } from '@open-wc/testing';
import { createInPageRelink } from '@relink/server/browser';
import { createRelinkClient, createRelinkStore, isNetworkError, type Connection } from '@relink/sdk';

// A window onto the connections list (issue 17, Scale): the store asks the server for the pages covering the rows a
// view shows, keeps only those near them, and follows live changes. Against the in-page reference backend.

const at = '2026-01-01T00:00:00.000Z';

async function setup(extraConnections = 0) {
  const server = createInPageRelink({ rateLimit: false, refresher: { autoStart: false } });
  const { store: records } = server.app.relink;
  for (let i = 0; i < extraConnections; i++) {
    await records.putConnection({
      id: `con_many_${String(i).padStart(4, '0')}`, workspaceId: 'ws_northwind', appKey: i % 3 ? 'slack' : 'hubspot', label: `Team ${i}`,
      status: i % 10 ? 'active' : 'error', owner: 'agency', ownerPrincipalId: 'prn_agency', secrets: {}, refresh: { attempts: 0 },
      createdAt: new Date(Date.parse(at) + i * 1000).toISOString(), updatedAt: at,
    });
  }
  const lists: URL[] = [];
  /** Requests that open the event stream. */
  const streams: URL[] = [];
  /** Holds answers to list requests (already computed by the server) while set: an answer that arrives late. */
  let hold: Promise<void> | undefined;
  /** Runs before the server reads the next list request: a change the server makes just before it reads the page. */
  let beforeRead: (() => Promise<void>) | undefined;
  let failNext = false;
  /** Answers the next `GET /connections/:id` with this connection instead (a change heard by id, however old). */
  let answerGet: Connection | undefined;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    if (url.pathname.endsWith('/events')) streams.push(url);
    if (request.method === 'GET' && url.pathname.endsWith('/connections')) {
      lists.push(url);
      if (failNext) {
        failNext = false;
        throw new TypeError('Failed to fetch');
      }
      const before = beforeRead;
      beforeRead = undefined;
      await before?.();
      const response = await server.fetch(request);
      await hold;
      return response;
    }
    if (request.method === 'GET' && answerGet && url.pathname.endsWith(`/connections/${answerGet.id}`)) {
      const body = JSON.stringify(answerGet);
      answerGet = undefined;
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return server.fetch(request);
  };
  const holdAnswers = () => {
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    return () => {
      hold = undefined;
      release();
    };
  };
  const agency = await server.mintToken('agency', 'prn_agency');
  const client = createRelinkClient({ baseUrl: server.baseUrl, fetch, token: agency, retry: 0 });
  const store = createRelinkStore(client);
  // Another session: its changes reach this store only through the event stream.
  const other = createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: agency, retry: 0 });
  const readAfter = (change: () => Promise<void>) => (beforeRead = change);
  return { server, store, client, other, lists, holdAnswers, readAfter, streams, failOnce: () => (failNext = true), answerGetWith: (c: Connection) => (answerGet = c) };
}

const until = async (predicate: () => boolean, what: string, timeout = 8000) => {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const rows = (window: { at(i: number): Connection | undefined }, first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, k) => window.at(first + k)?.id);

describe('store.connections.window', () => {
  let close = () => {};
  afterEach(() => close());

  it('asks for the pages covering the rows asked for (offset, not every page), with the total; the snapshot is untouched', async () => {
    const { server, store, other, lists } = await setup(1000);
    close = () => server.close();
    const window = await store.connections.window({ sort: 'label', order: 'desc' });
    expect(window.total).to.equal(undefined);
    expect(window.at(0)).to.equal(undefined);
    await window.ensure(0, 30);
    expect(lists.map((u) => [u.searchParams.get('offset'), u.searchParams.get('limit'), u.searchParams.get('sort')])).to.deep.equal([[null, '100', 'label']]);
    const all = await other.connections.list({ sort: 'label', order: 'desc', limit: 1 });
    expect(window.total).to.equal(all.total);
    expect(window.total).to.be.greaterThan(1000);
    expect(window.at(0)?.id).to.equal(all.data[0]!.id);
    expect(window.at(100)).to.equal(undefined);

    // Row 640 is one request away, the one at offset 600.
    await window.ensure(640, 660);
    expect(lists.slice(1).map((u) => u.searchParams.get('offset'))).to.deep.equal(['600']);
    const there = await other.connections.list({ sort: 'label', order: 'desc', offset: 600, limit: 100 });
    expect(rows(window, 600, 699)).to.deep.equal(there.data.map((c) => c.id));
    // Pages far from the rows asked for are let go: memory follows the screen, not the workspace.
    expect(window.at(0)).to.equal(undefined);
    // The store knows the rows shown by id (a row's renew button looks them up there), not the workspace.
    const snapshot = store.getSnapshot().connections;
    expect(snapshot.status).to.equal('idle');
    expect(snapshot.items).to.have.length(100);
    expect(snapshot.byId.get(there.data[0]!.id)).to.deep.equal(there.data[0]);
    window.close();
  });

  it('the store holds only the rows open windows show: scrolled-past pages and closed windows leave it, a full load\'s rows stay', async () => {
    const { server, store } = await setup(1000);
    close = () => server.close();
    const window = await store.connections.window({ sort: 'label' }, { keepPages: 1 });
    const other = await store.connections.window({ sort: 'label' }, { keepPages: 0 });
    await other.ensure(0, 99);
    for (let first = 0; first < 1000; first += 100) {
      await window.ensure(first, first + 99);
      // At most the page shown and one on each side, plus the other window's page.
      expect(store.getSnapshot().connections.items.length).to.be.at.most(400);
    }
    const snapshot = store.getSnapshot().connections;
    for (let i = 900; i < 1000; i++) expect(snapshot.byId.get(window.at(i)!.id)).to.deep.equal(window.at(i));
    // The rows the other window still shows stay.
    for (let i = 0; i < 100; i++) expect(snapshot.byId.has(other.at(i)!.id)).to.equal(true, 'a row another window shows');
    const asked = await store.connections.get(window.at(950)!.id);
    window.close();
    expect(store.getSnapshot().connections.items.map((c) => c.id).sort()).to.deep.equal([...rows(other, 0, 99), asked.id].sort(), 'a row asked for by id stays');
    other.close();
    expect(store.getSnapshot().connections.items.map((c) => c.id)).to.deep.equal([asked.id]);

    // A collection loaded in full keeps its rows.
    await store.connections.load();
    const loaded = store.getSnapshot().connections.items.length;
    const third = await store.connections.window({ sort: 'label' }, { keepPages: 0 });
    await third.ensure(0, 99);
    await third.ensure(500, 599);
    third.close();
    expect(store.getSnapshot().connections.items).to.have.length(loaded);
  });

  it('shares a request in flight, asks nothing again for pages it holds, and sorts, filters and searches on the server', async () => {
    const { server, store, other, lists } = await setup(300);
    close = () => server.close();
    const errors = await store.connections.window({ status: 'error', sort: 'app' });
    await Promise.all([errors.ensure(0, 10), errors.ensure(5, 50), errors.ensure(0)]);
    expect(lists).to.have.length(1);
    await errors.ensure(0, 20);
    expect(lists).to.have.length(1);
    const expected = await other.connections.list({ status: 'error', sort: 'app', limit: 100 });
    expect(errors.total).to.equal(expected.total);
    expect(rows(errors, 0, expected.data.length - 1)).to.deep.equal(expected.data.map((c) => c.id));
    expect(rows(errors, 0, errors.total! - 1).every((id) => id !== undefined)).to.equal(true);

    const search = await store.connections.window({ q: 'TEAM 12' });
    await search.ensure(0, 100);
    // "Team 12", "Team 120"…"Team 129": the label, any case.
    expect(search.total).to.equal(11);
    expect(rows(search, 0, 10).map((id) => id?.replace('con_many_', ''))).to.deep.equal(['0012', ...Array.from({ length: 10 }, (_, k) => `01${20 + k}`)]);
    errors.close();
    search.close();
  });

  it('live: a change to a loaded row replaces it in place without a request; a removal refetches the rows shown with the new total', async () => {
    const { server, store, other, lists } = await setup(250);
    close = () => server.close();
    const stop = store.startLive();
    await until(() => store.getSnapshot().live === 'open', 'live');
    const window = await store.connections.window();
    await window.ensure(0, 150);
    const total = window.total!;
    const target = rows(window, 0, 150).map((id, i) => window.at(i)!).find((c) => c.status === 'active' && c.owner === 'agency')!;
    const index = rows(window, 0, 150).indexOf(target.id);
    const neighbour = window.at(index + 1);
    const asked = lists.length;
    let notified = 0;
    window.subscribe(() => notified++);

    await other.connections.revoke(target.id);
    await until(() => window.at(index)?.status === 'revoked', 'the revoked row');
    expect(window.at(index + 1)).to.equal(neighbour);
    expect(notified).to.be.greaterThan(0);

    // A removal moves every row after it: the pages shown are asked for again (one request each), and the total drops.
    const gone = window.at(index + 3)!;
    await other.connections.remove(gone.id);
    await until(() => window.total === total - 1 && !window.loading, 'the new total');
    expect(lists.slice(asked).map((u) => u.searchParams.get('offset'))).to.deep.equal([null, '100'], 'the revoke asked for nothing');
    expect(window.at(index + 3)?.id).to.equal((await other.connections.list({ offset: index + 3, limit: 1 })).data[0]!.id);
    expect(rows(window, 0, 150)).to.not.include(gone.id);
    expect(window.at(rows(window, 0, 150).indexOf(target.id))?.status).to.equal('revoked', 'the refetched row is still revoked');
    window.close();
    stop();
  });

  it('live: a change to a connection no window shows reaches the windows but is not kept in the store, unless a view follows it', async () => {
    const { server, store, other } = await setup(250);
    close = () => server.close();
    const stop = store.startLive();
    await until(() => store.getSnapshot().live === 'open', 'live');
    const window = await store.connections.window();
    await window.ensure(0, 99);
    const total = window.total!;
    const [far, followed] = (await other.connections.list({ offset: 200, limit: 2 })).data as [Connection, Connection];
    const unfollow = store.connections.follow([followed.id]);
    await other.connections.remove(far.id);
    await until(() => window.total === total - 1, 'the window hears the removal');
    const added = await other.connections.create({ appKey: 'mailchimp', fields: { api_key: '0123456789abcdef0123456789abcdef-us21' }, label: 'zzz far away' });
    const id = added.type === 'connection' ? added.connection.id : '';
    await until(() => window.total === total, 'the window hears the new one');
    expect(store.getSnapshot().connections.byId.has(id), 'not kept: no view holds it').to.equal(false);
    expect(store.getSnapshot().connections.items.length).to.equal(100, 'only the rows the window shows');
    // A view that depends on a connection it never loaded (a publish check) follows it: its changes are kept.
    await other.connections.revoke(followed.id);
    await until(() => store.getSnapshot().connections.byId.get(followed.id)?.status === 'revoked', 'the followed change is kept');
    unfollow();
    window.close();
    stop();
  });

  it('live: a change that takes a row out of the filter refetches, and a new connection joins with the total', async () => {
    const { server, store, other } = await setup(20);
    close = () => server.close();
    const stop = store.startLive();
    await until(() => store.getSnapshot().live === 'open', 'live');
    const active = await store.connections.window({ status: 'active', sort: 'label' });
    await active.ensure(0, 99);
    const total = active.total!;
    const leaving = rows(active, 0, total - 1).map((_, i) => active.at(i)!).find((c) => c.owner === 'agency')!;
    await other.connections.revoke(leaving.id);
    await until(() => active.total === total - 1, 'the row leaves the active filter');
    expect(rows(active, 0, total - 2)).to.not.include(leaving.id);
    expect(rows(active, 0, total - 2).every((id) => id !== undefined)).to.equal(true);

    const added = await other.connections.create({ appKey: 'mailchimp', fields: { api_key: '0123456789abcdef0123456789abcdef-us21' }, label: 'AAA first by label' });
    await until(() => active.total === total, 'the new connection counted');
    expect(active.at(0)?.id).to.equal(added.type === 'connection' ? added.connection.id : undefined);
    active.close();
    stop();
  });

  it('live: changes heard while the rows shown are asked again are laid over the answer: one request, the rows the server gives now', async () => {
    const { server, store, other, lists, holdAnswers } = await setup(10);
    close = () => server.close();
    const stop = store.startLive();
    await until(() => store.getSnapshot().live === 'open', 'live');
    // Two lists that fit in one page: every connection (so the store holds each row and shows what it heard), and the
    // active ones.
    const all = await store.connections.window();
    await all.ensure(0, 99);
    const active = await store.connections.window({ status: 'active' });
    await active.ensure(0, 99);
    const allTotal = all.total!;
    const leaving = rows(active, 0, active.total! - 1).map((_, i) => active.at(i)!).find((c) => c.owner === 'agency')!;
    const outside = rows(all, 0, allTotal - 1).map((_, i) => all.at(i)!).find((c) => c.owner === 'agency' && c.status === 'error')!;
    const asked = lists.length;

    // The active rows are asked for again; the server answers now, the answer arrives after two changes: a row that
    // leaves the filter, and one the filter leaves out before and after.
    const release = holdAnswers();
    active.refresh();
    await until(() => active.loading, 'the refetch in flight');
    await other.connections.revoke(leaving.id);
    await other.connections.revoke(outside.id);
    const byId = () => store.getSnapshot().connections.byId;
    await until(() => byId().get(leaving.id)?.status === 'revoked' && byId().get(outside.id)?.status === 'revoked', 'both changes heard');
    release();
    await until(() => !active.loading, 'the late answer landed');
    await new Promise((resolve) => setTimeout(resolve)); // a window that asks again does so a task later

    expect(active.loading).to.equal(false, 'not asked again');
    expect(lists.length).to.equal(asked + 1, 'one request: the refetch');
    for (const [window, query] of [[active, { status: 'active' as const }], [all, {}]] as const) {
      const fresh = await other.connections.list({ ...query, limit: 100 });
      expect(window.total).to.equal(fresh.total);
      expect(rows(window, 0, fresh.total! - 1).map((id, i) => `${id} ${window.at(i)?.status}`)).to.deep.equal(fresh.data.map((c) => `${c.id} ${c.status}`));
    }
    all.close();
    active.close();
    stop();
  });

  it('a busy workspace: a change the server made before it read a page in flight does not send the page again', async () => {
    const { server, store, other, lists, holdAnswers, readAfter } = await setup(300);
    close = () => server.close();
    const stop = store.startLive();
    await until(() => store.getSnapshot().live === 'open', 'live');
    const window = await store.connections.window();
    await window.ensure(0, 99);
    // Two connections far from the rows shown (a list longer than a page cannot place a change to a row it lacks),
    // followed so the test sees when the store hears of them.
    const [early, late] = (await other.connections.list({ offset: 200, limit: 100 })).data.filter((c) => c.status === 'active' && c.owner === 'agency');
    const unfollow = store.connections.follow([early!.id, late!.id]);
    const heard = (id: string) => () => store.getSnapshot().connections.byId.get(id)?.status === 'revoked';
    const shown = () => rows(window, 0, 99).map((id, i) => `${id} ${window.at(i)?.status}`);
    const fresh = async () => (await other.connections.list({ limit: 100 })).data.map((c) => `${c.id} ${c.status}`);

    // Revoked, and heard, before the server reads the rows asked again: the answer shows it already.
    let asked = lists.length;
    readAfter(async () => {
      await other.connections.revoke(early!.id);
      await until(heard(early!.id), 'the revoke heard while the page is in flight');
    });
    window.refresh();
    await until(() => lists.length > asked && !window.loading, 'the answer landed');
    await new Promise((resolve) => setTimeout(resolve)); // a window that asks again does so a task later
    expect(window.loading).to.equal(false, 'not asked again');
    expect(lists.length).to.equal(asked + 1, 'one request');
    expect(shown()).to.deep.equal(await fresh());

    // Revoked after the server read them, heard before the answer lands: the page cannot tell, so it is asked again.
    asked = lists.length;
    const release = holdAnswers();
    window.refresh();
    await until(() => lists.length > asked && window.loading, 'the refetch in flight');
    await other.connections.revoke(late!.id);
    await until(heard(late!.id), 'the revoke heard while the page is in flight');
    release();
    await until(() => lists.length > asked + 1 && !window.loading, 'the rows asked again');
    expect(shown()).to.deep.equal(await fresh());
    unfollow();
    window.close();
    stop();
  });

  it('a replayed event the rows shown were read after does not flicker a row that left back in', async () => {
    const { server, store, other, lists } = await setup(5);
    close = () => server.close();
    const active = await store.connections.window({ status: 'active' });
    await active.ensure(0, 99);
    const [before, target] = rows(active, 0, active.total! - 1).map((_, i) => active.at(i)!).filter((c) => c.owner === 'agency');
    await other.connections.revoke(before!.id);
    await other.connections.revoke(target!.id);
    // The revoke's event and the one before it: the rows asked again next are read after both.
    const last = await server.app.relink.store.latestEventId();
    active.refresh();
    await until(() => !active.loading && active.total === rows(active, 0, 99).filter(Boolean).length && !rows(active, 0, 99).includes(target!.id), 'the rows read after the revoke');
    const asked = lists.length;
    const seen: boolean[] = [];
    active.subscribe(() => seen.push(rows(active, 0, 99).includes(target!.id)));
    // The stream reopened from an older page's place replays the revoke's event and one before it (the row active):
    // the rows shown were read after both.
    store.apply({ id: String(last - 1), at: new Date().toISOString(), type: 'connection.updated', connection: target! });
    store.apply({ id: String(last), at: new Date().toISOString(), type: 'connection.updated', connection: await other.connections.get(target!.id) });
    await new Promise((resolve) => setTimeout(resolve));
    expect(seen.filter(Boolean)).to.deep.equal([], 'the row never shown again');
    expect(rows(active, 0, 99)).to.not.include(target!.id);
    expect(lists.length).to.equal(asked, 'nothing asked again');
    active.close();
  });

  it('a change one page shown was read after and another before asks both again: it may have moved a row between them', async () => {
    const { server, store, other } = await setup(8);
    close = () => server.close();
    const window = await store.connections.window({ sort: 'updatedAt', order: 'desc' }, { pageSize: 2 });
    const first = (await other.connections.list({ sort: 'updatedAt', order: 'desc', limit: 100 })).data;
    const moving = first.slice(4).find((c) => c.status === 'active' && c.owner === 'agency')!;
    // The second page read, then a row further down revoked (it moves to the top), then the first page read.
    await window.ensure(2, 3);
    await other.connections.revoke(moving.id);
    const revokedAt = await server.app.relink.store.latestEventId();
    await window.ensure(0, 1);
    const fresh = async () => (await other.connections.list({ sort: 'updatedAt', order: 'desc', limit: 4 })).data.map((c) => c.id);
    expect(rows(window, 0, 1)).to.deep.equal((await fresh()).slice(0, 2), 'the first page shows the move');
    expect(rows(window, 0, 3)).to.not.deep.equal(await fresh(), 'one row pushed down into the second page is missing');
    // The stream brings the revoke late: the first page shows it, the second cannot tell what it did to its rows.
    store.apply({ id: String(revokedAt), at: new Date().toISOString(), type: 'connection.updated', connection: await other.connections.get(moving.id) });
    await new Promise((resolve) => setTimeout(resolve)); // a window that asks again does so a task later
    await until(() => !window.loading, 'the rows asked again');
    // The rows last asked for again; the second page, out of date, let go until it is asked for.
    expect(rows(window, 2, 3)).to.deep.equal([undefined, undefined]);
    await window.ensure(0, 3);
    expect(rows(window, 0, 3)).to.deep.equal(await fresh());
    window.close();
  });

  it('a server whose event log began again (its database recreated under a connected client): the rows shown follow it', async () => {
    const first = createInPageRelink({ rateLimit: false, refresher: { autoStart: false } });
    const second = createInPageRelink({ rateLimit: false, refresher: { autoStart: false } });
    close = () => {
      first.close();
      second.close();
    };
    let current = first;
    const tokens = new Map([[first, await first.mintToken('agency', 'prn_agency')], [second, await second.mintToken('agency', 'prn_agency')]]);
    const client = createRelinkClient({ baseUrl: first.baseUrl, fetch: (input, init) => current.fetch(new Request(input, init)), token: () => tokens.get(current)!, retry: 0 });
    const store = createRelinkStore(client);
    // The first server's log runs ahead of the second's (events of another workspace).
    for (let i = 0; i < 5; i++) {
      await first.app.relink.store.appendEvent({ workspaceId: 'ws_elsewhere', at: new Date().toISOString(), type: 'connection.removed', audience: [], data: { connectionId: `con_${i}` } });
    }
    let stop = store.startLive();
    await until(() => store.getSnapshot().live === 'open', 'live');
    const window = await store.connections.window();
    await window.ensure(0, 99);
    const target = rows(window, 0, window.total! - 1).map((_, i) => window.at(i)!).find((c) => c.status === 'active' && c.owner === 'agency')!;
    // The stream reconnects to the recreated server, from the first one's last event id.
    stop();
    current = second;
    stop = store.startLive();
    await until(() => store.getSnapshot().live === 'open', 'live again');
    const other = createRelinkClient({ baseUrl: second.baseUrl, fetch: second.fetch, token: tokens.get(second)!, retry: 0 });
    await other.connections.revoke(target.id);
    const shown = () => rows(window, 0, window.total! - 1).map((_, i) => window.at(i)).find((c) => c?.id === target.id)?.status;
    await until(() => shown() === 'revoked', 'the window shows the revoke the recreated server made');
    window.close();
    stop();
  });

  it('sort=app: a new label moves a row within its app, so the rows are asked for again', async () => {
    const { server, store, lists, answerGetWith } = await setup(30);
    close = () => server.close();
    const window = await store.connections.window({ sort: 'app' });
    await window.ensure(0, 99);
    const row = window.at(0)!;
    const asked = lists.length;
    answerGetWith({ ...row, label: 'zzz last in its app', updatedAt: new Date(Date.parse(row.updatedAt) + 1000).toISOString() });
    await store.connections.get(row.id);
    await until(() => lists.length > asked && !window.loading, 'the rows asked for again');
  });

  it('a change older than the row shown (a replayed event) does not roll it back', async () => {
    const { server, store, lists, answerGetWith } = await setup(10);
    close = () => server.close();
    const window = await store.connections.window();
    await window.ensure(0, 20);
    const row = window.at(0)!;
    const asked = lists.length;
    answerGetWith({ ...row, status: 'error', updatedAt: new Date(Date.parse(row.updatedAt) - 1000).toISOString() });
    await store.connections.get(row.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.at(0)).to.deep.equal(row);
    expect(lists).to.have.length(asked);
  });

  it('a late answer to a get, read before a change the stream brought, does not put back a row that left a whole list: asked again', async () => {
    const { server, store, other, lists, answerGetWith } = await setup(5);
    close = () => server.close();
    const active = await store.connections.window({ status: 'active' });
    await active.ensure(0, 99);
    const total = active.total!;
    const target = rows(active, 0, total - 1).map((_, i) => active.at(i)!).find((c) => c.owner === 'agency')!;
    await other.connections.revoke(target.id);
    store.apply({ id: '999998', at: new Date().toISOString(), type: 'connection.updated', connection: await other.connections.get(target.id) });
    await until(() => active.total === total - 1, 'the revoked row leaving');
    const asked = lists.length;
    // The answer to a get read before the revoke arrives now: the row as it was, active.
    answerGetWith(target);
    await store.connections.get(target.id);
    await new Promise((resolve) => setTimeout(resolve)); // a window that asks again does so a task later
    await until(() => !active.loading, 'any answer asked again landed');
    expect(lists.length).to.equal(asked + 1, 'asked again');
    const fresh = await other.connections.list({ status: 'active', limit: 100 });
    expect(active.total).to.equal(fresh.total);
    expect(rows(active, 0, active.total! - 1)).to.deep.equal(fresh.data.map((c) => c.id));
    active.close();
  });

  it('two writes in the same millisecond: a late answer read before the change the stream brought does not undo it', async () => {
    const { server, store, holdAnswers, answerGetWith } = await setup();
    close = () => server.close();
    const window = await store.connections.window();
    await window.ensure(0, 99);
    const target = window.at(0)!;
    const release = holdAnswers();
    window.refresh();
    await until(() => window.loading, 'the refetch in flight');
    // The stream brings a change; then the answer to a get read before it, written in the same millisecond.
    const changed = { ...target, label: 'Renamed', updatedAt: new Date(Date.parse(target.updatedAt) + 1000).toISOString() };
    store.apply({ id: '999998', at: new Date().toISOString(), type: 'connection.updated', connection: changed });
    answerGetWith({ ...target, updatedAt: changed.updatedAt });
    await store.connections.get(target.id);
    release();
    await until(() => !window.loading, 'the late answer landed');
    await new Promise((resolve) => setTimeout(resolve)); // a window that asks again does so a task later
    await until(() => !window.loading, 'any answer asked again landed');
    expect(window.at(0)?.id).to.equal(target.id);
    expect(window.at(0)?.label).to.equal('Renamed');
    window.close();
  });

  it('a late answer to a get does not undo a removal heard while the rows are asked again', async () => {
    const { server, store, other, holdAnswers, answerGetWith } = await setup();
    close = () => server.close();
    const window = await store.connections.window();
    await window.ensure(0, 99);
    const target = rows(window, 0, window.total! - 1).map((_, i) => window.at(i)!).find((c) => c.owner === 'agency')!;
    // The rows are asked again; the server answers before the removal, the answer arrives after it and after a get
    // of the row read before it too.
    const release = holdAnswers();
    window.refresh();
    await until(() => window.loading, 'the refetch in flight');
    await other.connections.remove(target.id);
    store.apply({ id: '999998', at: new Date().toISOString(), type: 'connection.removed', connectionId: target.id });
    answerGetWith(target);
    await store.connections.get(target.id);
    release();
    await until(() => !window.loading, 'the late answer landed');
    await new Promise((resolve) => setTimeout(resolve)); // a window that asks again does so a task later
    await until(() => !window.loading, 'any answer asked again landed');
    const fresh = await other.connections.list({ limit: 100 });
    expect(window.total).to.equal(fresh.total);
    expect(rows(window, 0, window.total! - 1)).to.deep.equal(fresh.data.map((c) => c.id));
    window.close();
  });

  it('a change laid in place on a page from before the rows were asked again still reaches the answer that lacks the row', async () => {
    const { server, store, other, holdAnswers } = await setup(5);
    close = () => server.close();
    const records = server.app.relink.store;
    const active = await store.connections.window({ status: 'active' });
    await active.ensure(0, 99);
    const target = rows(active, 0, active.total! - 1).map((_, i) => active.at(i)!).find((c) => c.owner === 'agency')!;
    // Revoked, then the rows asked again: the server answers without the row, the answer arrives after it was revoked
    // (taken out of the filter) and made active again (laid in place on the page shown, still from before).
    await other.connections.revoke(target.id);
    const revoked = await other.connections.get(target.id);
    const release = holdAnswers();
    active.refresh();
    await until(() => active.loading, 'the refetch in flight');
    store.apply({ id: '999998', at: new Date().toISOString(), type: 'connection.updated', connection: revoked });
    const record = (await records.getConnection('ws_northwind', target.id))!;
    await records.putConnection({ ...record, status: 'active', updatedAt: new Date(Date.parse(record.updatedAt) + 1000).toISOString() });
    store.apply({ id: '999999', at: new Date().toISOString(), type: 'connection.updated', connection: await other.connections.get(target.id) });
    release();
    await until(() => !active.loading, 'the late answer landed');
    await new Promise((resolve) => setTimeout(resolve)); // a window that asks again does so a task later
    await until(() => !active.loading, 'any answer asked again landed');
    const fresh = await other.connections.list({ status: 'active', limit: 100 });
    expect(fresh.data.map((c) => c.id)).to.include(target.id);
    expect(active.total).to.equal(fresh.total);
    expect(rows(active, 0, active.total! - 1)).to.deep.equal(fresh.data.map((c) => c.id));
    active.close();
  });

  it('a page that answered before the stream\'s newest event does not reopen the stream (scrolling a busy workspace)', async () => {
    const { server, store, other, holdAnswers, streams } = await setup(300);
    close = () => server.close();
    const stop = store.startLive();
    await until(() => store.getSnapshot().live === 'open', 'live');
    const window = await store.connections.window();
    await window.ensure(0, 99);
    const opened = streams.length;
    const index = rows(window, 0, 99).findIndex((_, i) => window.at(i)!.status === 'active' && window.at(i)!.owner === 'agency');
    // Page 2 is answered, then a change to a row shown is heard before the answer lands.
    const release = holdAnswers();
    const far = window.ensure(200, 299);
    await until(() => window.loading, 'the page in flight');
    await other.connections.revoke(window.at(index)!.id);
    await until(() => window.at(index)?.status === 'revoked', 'the event applied in place');
    release();
    await far;
    expect(window.at(200)).to.not.equal(undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(streams).to.have.length(opened);
    expect(store.getSnapshot().live).to.equal('open');
    window.close();
    stop();
  });

  it('a page read before the stream opens still has the stream replay the changes after it', async () => {
    const { server, store, other } = await setup(10);
    close = () => server.close();
    const window = await store.connections.window();
    await window.ensure(0, 20);
    const index = rows(window, 0, 20).findIndex((_, i) => window.at(i)!.status === 'active' && window.at(i)!.owner === 'agency');
    await other.connections.revoke(window.at(index)!.id);
    const stop = store.startLive();
    await until(() => window.at(index)?.status === 'revoked', 'the revoke replayed');
    window.close();
    stop();
  });

  it('an answer that left the server before a change does not undo it', async () => {
    const { server, store, other, holdAnswers } = await setup(10);
    close = () => server.close();
    const stop = store.startLive();
    await until(() => store.getSnapshot().live === 'open', 'live');
    const window = await store.connections.window();
    await window.ensure(0, 20);
    const index = rows(window, 0, 20).findIndex((_, i) => window.at(i)!.status === 'active' && window.at(i)!.owner === 'agency');
    const target = window.at(index)!;
    // The rows shown are asked for again; the server answers now, the answer arrives after the revoke's event.
    const release = holdAnswers();
    window.refresh();
    await until(() => window.loading, 'the refetch in flight');
    await other.connections.revoke(target.id);
    await until(() => window.at(index)?.status === 'revoked', 'the event applied in place');
    // Every state shown from here on (the stream replaying the revoke after the late page would hide a flicker).
    const shown: string[] = [];
    window.subscribe(() => shown.push(`${window.at(index)?.id} ${window.at(index)?.status}`));
    release();
    await until(() => !window.loading, 'the late answer landed');
    expect(shown.length).to.be.greaterThan(0);
    expect([...new Set(shown)]).to.deep.equal([`${target.id} revoked`]);
    window.close();
    stop();
  });

  it('a failed page is the window\'s error (the typed SDK error) until a request succeeds; close() aborts and goes quiet', async () => {
    const { server, store, lists, failOnce, holdAnswers } = await setup(150);
    close = () => server.close();
    const window = await store.connections.window({ sort: 'app' });
    failOnce();
    await window.ensure(0, 10);
    expect(isNetworkError(window.error)).to.equal(true);
    expect(window.at(0)).to.equal(undefined);
    await window.ensure(0, 10);
    expect(window.error).to.equal(undefined);
    expect(window.at(0)).to.not.equal(undefined);

    let notified = 0;
    window.subscribe(() => notified++);
    const release = holdAnswers();
    const far = window.ensure(120, 130);
    await until(() => lists.length === 3, 'the second page asked for');
    window.close();
    release();
    await far;
    await Promise.resolve();
    expect(notified).to.equal(0);
    expect(window.at(120)).to.equal(undefined);
    expect(window.at(0)).to.equal(undefined);
    // A closed window is not refreshed by the store's polling fallback.
    await store.reloadLoaded();
    expect(lists).to.have.length(3);
  });
});
