import { expect } from '@open-wc/testing';
import { createInPageRelink } from '@relink/server/browser';
import { createRelinkClient, createRelinkStore, type Connection, type Run } from '@relink/sdk';

// A window's first page asked for while the window's code loads (`prefetch`): a change heard before the window takes
// the page is laid over it as the window takes it (list-window.ts `#layOver`), so the page is asked again only when a
// change cannot be placed truthfully. Its own file, so the first window of each kind opens with its code still to load;
// a later one opens at once, but takes the page only when the test asks for rows, after the changes (heard with no
// page in flight, the window itself keeps none of them: only the early page can). Against the in-page backend.

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
  /** The signal of each list request, so a test sees the early one let go. */
  const signals: AbortSignal[] = [];
  /** Holds the recorded answer while set: the early page still in flight when the window takes it. */
  let hold: Promise<void> | undefined;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname.endsWith(path)) {
      asked.push(url);
      signals.push(request.signal);
      const recorded = before;
      before = undefined;
      await hold;
      if (recorded) return recorded;
    }
    return server.fetch(request);
  };
  const store = createRelinkStore(createRelinkClient({ baseUrl: server.baseUrl, fetch, token: agency, retry: 0 }));
  const firstPages = () => asked.filter((u) => !u.searchParams.has('offset'));
  // The changes are heard once the early request is on the wire (so it is the one answered as it was) and before the
  // window takes it (the test asks for rows only after): what the window takes is the early page and what was heard.
  const onTheWire = () => until(() => asked.length === 1, 'the early request on the wire');
  const holdAnswers = () => {
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    return () => {
      hold = undefined;
      release();
    };
  };
  return { server, store, other, firstPages, firstPageAsItWas, onTheWire, holdAnswers, signals, records: server.app.relink.store };
}

const at = () => ({ id: '999999', at: new Date().toISOString() });

const until = async (predicate: () => boolean, what: string, timeout = 8000) => {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** What a view shows of a row: enough to tell a stale state, a missing row or one out of order. */
const shown = (row: Connection | Run | undefined) => row && `${row.id} ${row.status} ${row.updatedAt}`;
const windowRows = (window: { total: number | undefined; at(i: number): Connection | Run | undefined }) =>
  Array.from({ length: window.total ?? 0 }, (_, i) => shown(window.at(i)));

describe('a first page asked for early', () => {
  let close = () => {};
  afterEach(() => close());

  it('connections: changes heard while the window\'s code loads are laid over the page without asking again: a row changed in place, a removal', async () => {
    const { server, store, other, firstPages, firstPageAsItWas, onTheWire } = await setup('/connections');
    close = () => server.close();
    const first = (await other.connections.list({ limit: 100 })).data;
    const target = first.find((c) => c.status === 'active' && c.owner === 'agency')!;
    const gone = first.find((c) => c.status === 'error' && c.owner === 'agency')!;
    await firstPageAsItWas(`${server.baseUrl}/connections?limit=100`);
    await other.connections.revoke(target.id);
    const revoked = await other.connections.get(target.id);
    await other.connections.remove(gone.id);

    const opening = store.connections.window({}, { prefetch: true });
    await onTheWire();
    store.apply({ ...at(), type: 'connection.updated', connection: revoked });
    store.apply({ ...at(), type: 'connection.removed', connectionId: gone.id });
    const window = await opening;
    await window.ensure(0, 30);
    const fresh = await other.connections.list({ limit: 100 });
    expect(firstPages()).to.have.length(1, 'the early page only');
    expect(window.total).to.equal(fresh.total);
    expect(windowRows(window)).to.deep.equal(fresh.data.map(shown));
    expect(windowRows(window)).to.include(shown(revoked));
    window.close();
  });

  it('runs, filtered: a change to a run the filter leaves out asks nothing again; one that leaves goes, one that joins sorts into its place', async () => {
    const { server, store, other, firstPages, firstPageAsItWas, onTheWire, records } = await setup('/runs');
    close = () => server.close();
    const now = Date.parse(new Date().toISOString());
    // Three more failed runs, so the one that joins has rows on both sides of its place (newest first).
    for (const [i, minutes] of [[1, 30], [2, 90], [3, 150]] as const) {
      const startedAt = new Date(now - minutes * 60_000).toISOString();
      await records.putRun({
        id: `run_failed_${i}`, workspaceId: 'ws_northwind', workflowId: 'wf_slack_digest', workflowName: 'Daily Slack digest', kind: 'operator',
        status: 'failed', connectionIds: ['con_slack'], startedAt, updatedAt: startedAt, finishedAt: startedAt,
      });
    }
    const failedBefore = await other.runs.list({ status: 'failed', limit: 100 });
    await firstPageAsItWas(`${server.baseUrl}/runs?status=failed&limit=100`);
    const later = new Date(now + 1000).toISOString();
    const put = async (id: string, change: Partial<Run> & { status: Run['status'] }) => {
      await records.putRun({ ...(await records.getRun('ws_northwind', id))!, ...change, updatedAt: later } as never);
      return other.runs.get(id);
    };
    // Unrelated: the running run goes on running (a new step); the filter leaves it out before and after.
    const unrelated = await put('run_running', { status: 'running' });
    const leaves = await put('run_failed_2', { status: 'completed' });
    const joins = await put('run_completed', { status: 'failed' });

    const opening = store.runs.window({ status: 'failed' }, { prefetch: true });
    await onTheWire();
    for (const run of [unrelated, leaves, joins]) store.apply({ ...at(), type: 'run.updated', run });
    const window = await opening;
    await window.ensure(0, 30);
    const fresh = await other.runs.list({ status: 'failed', limit: 100 });
    expect(fresh.data.map((r) => r.id)).to.not.deep.equal(failedBefore.data.map((r) => r.id), 'the changes moved the rows');
    expect(firstPages()).to.have.length(1, 'the early page only');
    expect(window.total).to.equal(fresh.total);
    expect(windowRows(window)).to.deep.equal(fresh.data.map(shown));
    window.close();
  });

  it('runs: a change to a row the page shows stays in place, without asking again', async () => {
    const { server, store, other, firstPages, firstPageAsItWas, onTheWire, records } = await setup('/runs');
    close = () => server.close();
    const target = (await other.runs.list({ status: 'failed', limit: 100 })).data[0]!;
    await firstPageAsItWas(`${server.baseUrl}/runs?status=failed&limit=100`);
    const changed = { ...(await records.getRun('ws_northwind', target.id))!, error: { code: 'step_failed', message: 'A newer message' }, updatedAt: new Date().toISOString() };
    await records.putRun(changed);
    const run = await other.runs.get(target.id);

    const opening = store.runs.window({ status: 'failed' }, { prefetch: true });
    await onTheWire();
    store.apply({ ...at(), type: 'run.updated', run });
    const window = await opening;
    await window.ensure(0, 30);
    expect(firstPages()).to.have.length(1, 'the early page only');
    expect(window.at(0)?.error?.message).to.equal('A newer message');
    expect(windowRows(window)).to.deep.equal((await other.runs.list({ status: 'failed', limit: 100 })).data.map(shown));
    window.close();
  });

  it('a change heard early does not undo a newer one the window heard itself while the page was in flight', async () => {
    const { server, store, other, firstPages, firstPageAsItWas, onTheWire, holdAnswers, records } = await setup('/connections');
    close = () => server.close();
    const target = (await other.connections.list({ limit: 100 })).data.find((c) => c.status === 'active' && c.owner === 'agency')!;
    await firstPageAsItWas(`${server.baseUrl}/connections?limit=100`);
    const release = holdAnswers();
    const opening = store.connections.window({}, { prefetch: true });
    await onTheWire();
    // Heard by the early page: a new label.
    const record = (await records.getConnection('ws_northwind', target.id))!;
    await records.putConnection({ ...record, label: 'A new label', updatedAt: new Date(Date.parse(record.updatedAt) + 1000).toISOString() });
    store.apply({ ...at(), type: 'connection.updated', connection: await other.connections.get(target.id) });
    const window = await opening;
    const taken = window.ensure(0, 30);
    // Heard by the window, the early page in its hands and still in flight: the connection removed.
    await other.connections.remove(target.id);
    store.apply({ ...at(), type: 'connection.removed', connectionId: target.id });
    release();
    await taken;
    await new Promise((resolve) => setTimeout(resolve)); // a window that asks again does so a task later
    await until(() => !window.loading, 'any answer asked again landed');
    const fresh = await other.connections.list({ limit: 100 });
    expect(window.total).to.equal(fresh.total);
    expect(windowRows(window)).to.deep.equal(fresh.data.map(shown));
    expect(firstPages()).to.have.length(1, 'the early page only');
    window.close();
  });

  it('a window that never asks for rows does not keep hearing changes: past a page of changed rows, the early page lets go and the window asks anew', async () => {
    const { server, store, other, firstPages, onTheWire, holdAnswers, signals } = await setup('/connections');
    close = () => server.close();
    const all = (await other.connections.list({ limit: 100 })).data;
    const release = holdAnswers(); // the early request still in flight, to be let go
    const window = await store.connections.window({}, { prefetch: true, pageSize: 3 });
    await onTheWire();
    for (const c of all.slice(0, 3)) store.apply({ ...at(), type: 'connection.updated', connection: c });
    expect(signals[0]!.aborted).to.equal(false, 'as many changed rows as the page holds: still kept');
    store.apply({ ...at(), type: 'connection.updated', connection: all[3]! });
    expect(signals[0]!.aborted).to.equal(true, 'one more: let go');
    release();
    await window.ensure(0, 8);
    await until(() => window.answered && !window.loading, 'the rows asked for');
    const fresh = await other.connections.list({ limit: 100 });
    expect(window.total).to.equal(fresh.total);
    expect(windowRows(window)).to.deep.equal(fresh.data.map(shown));
    expect(firstPages().length).to.be.greaterThan(1, 'asked anew');
    window.close();
  });

  it('a change the page cannot place truthfully asks again: a row that leaves a page with rows after it', async () => {
    const { server, store, other, firstPages, firstPageAsItWas, onTheWire } = await setup('/connections');
    close = () => server.close();
    // Three rows a page, of the nine: the row after the page is not known, so the page cannot close the gap itself.
    const first = (await other.connections.list({ limit: 3 })).data;
    const target = first.find((c) => c.status === 'active' && c.owner === 'agency')!;
    await firstPageAsItWas(`${server.baseUrl}/connections?limit=3`);
    await other.connections.remove(target.id);

    const opening = store.connections.window({}, { prefetch: true, pageSize: 3 });
    await onTheWire();
    store.apply({ ...at(), type: 'connection.removed', connectionId: target.id });
    const window = await opening;
    await window.ensure(0, 8);
    await until(() => window.answered && !window.loading, 'the page asked again');
    const fresh = await other.connections.list({ limit: 100 });
    expect(window.total).to.equal(fresh.total);
    expect(windowRows(window)).to.deep.equal(fresh.data.map(shown));
    expect(firstPages()).to.have.length(2, 'the early page, then the page again');
    window.close();
  });
});
