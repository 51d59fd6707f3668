import { expect } from '@open-wc/testing';
import { createInPageRelink } from '@relink/server/browser';
import { createRelinkClient, createRelinkStore, type Run } from '@relink/sdk';

// A window onto the runs list (issue 17, Scale): the same paging core as the connections window (store/list-window.ts),
// asking GET /v1/runs for the pages covering the rows a view shows. Against the in-page reference backend.

const at = Date.parse('2026-01-01T00:00:00.000Z');

async function setup(extraRuns = 0) {
  const server = createInPageRelink({ rateLimit: false, refresher: { autoStart: false } });
  const records = server.app.relink.store;
  for (let i = 0; i < extraRuns; i++) {
    const startedAt = new Date(at + i * 1000).toISOString();
    await records.putRun({
      id: `run_many_${String(i).padStart(4, '0')}`, workspaceId: 'ws_northwind', workflowId: 'wf_slack_digest', workflowName: 'Daily Slack digest',
      kind: i % 2 ? 'agent' : 'operator', status: i % 5 ? 'completed' : 'failed', connectionIds: ['con_slack'], startedAt, updatedAt: startedAt, finishedAt: startedAt,
    });
  }
  const lists: URL[] = [];
  /** Answers the next `GET /runs/:id` with this run instead (an answer read before changes heard since). */
  let answerGet: Run | undefined;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    if (request.method === 'GET' && /\/(runs|connections)$/.test(url.pathname)) lists.push(url);
    if (request.method === 'GET' && answerGet && url.pathname.endsWith(`/runs/${answerGet.id}`)) {
      const body = JSON.stringify(answerGet);
      answerGet = undefined;
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return server.fetch(request);
  };
  const agency = await server.mintToken('agency', 'prn_agency');
  const client = createRelinkClient({ baseUrl: server.baseUrl, fetch, token: agency, retry: 0 });
  const other = createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: agency, retry: 0 });
  return { server, store: createRelinkStore(client), other, lists, answerGetWith: (run: Run) => (answerGet = run) };
}

const until = async (predicate: () => boolean, what: string, timeout = 8000) => {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const rows = (window: { at(i: number): Run | undefined }, first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, k) => window.at(first + k)?.id);

describe('store.runs.window', () => {
  let close = () => {};
  afterEach(() => close());

  it('asks GET /runs for the pages covering the rows asked for (offset), with the total; the store holds only those rows', async () => {
    const { server, store, other, lists } = await setup(1000);
    close = () => server.close();
    const window = await store.runs.window({ sort: 'startedAt' }, { keepPages: 0 });
    await window.ensure(0, 30);
    const first = await other.runs.list({ sort: 'startedAt', limit: 100 });
    expect(window.total).to.equal(first.total);
    expect(window.total).to.be.greaterThan(1000);
    expect(rows(window, 0, 99)).to.deep.equal(first.data.map((r) => r.id));

    await window.ensure(640, 660);
    expect(lists.map((u) => [u.pathname.split('/').pop(), u.searchParams.get('offset'), u.searchParams.get('limit')])).to.deep.equal([['runs', null, '100'], ['runs', '600', '100']]);
    const there = await other.runs.list({ sort: 'startedAt', offset: 600, limit: 100 });
    expect(rows(window, 600, 699)).to.deep.equal(there.data.map((r) => r.id));
    expect(window.at(0)).to.equal(undefined, 'far pages are let go');
    // The store knows the rows shown by id (a row's actions look their run up there), not the workspace.
    const snapshot = store.getSnapshot().runs;
    expect(snapshot.status).to.equal('idle');
    expect(snapshot.items.map((r) => r.id).sort()).to.deep.equal(there.data.map((r) => r.id).sort());
    window.close();
    expect(store.getSnapshot().runs.items).to.have.length(0, 'a closed window leaves nothing behind');
  });

  it('filters on the server (status, preset) and follows a live change: in place when the run stays; on a list that fits its page, a run that leaves goes and one the filter leaves out asks nothing', async () => {
    const { server, store, other, lists } = await setup(300);
    close = () => server.close();
    const paused = await store.runs.window({ preset: 'paused_for_reauth' });
    await paused.ensure(0, 10);
    expect(lists.at(-1)!.searchParams.get('preset')).to.equal('paused_for_reauth');
    expect(paused.total).to.equal(2);
    expect(rows(paused, 0, 1).sort()).to.deep.equal(['run_agent_reauth', 'run_operator_reauth']);
    const failed = await store.runs.window({ status: 'failed' });
    await failed.ensure(0, 10);
    expect(failed.total).to.equal((await other.runs.list({ status: 'failed', limit: 1 })).total);
    expect(rows(failed, 0, 10).every((id) => id === undefined || store.getSnapshot().runs.byId.get(id)?.status === 'failed')).to.equal(true);

    // A change that keeps a failed run failed is replaced in place, with no request.
    const shown = failed.at(0)!;
    const asked = lists.length;
    const later = (run: Run) => new Date(Date.parse(run.updatedAt) + 60_000).toISOString();
    const event = (run: Run) => ({ type: 'run.updated' as const, id: '999999', at: run.updatedAt, run });
    store.apply(event({ ...shown, error: { code: 'step_failed', message: 'Another message' }, updatedAt: later(shown) }));
    expect(failed.at(0)?.error?.message).to.equal('Another message', 'the change in place, at once');

    // The change was to a run the paused window does not hold and its filter leaves out: that window shows the whole
    // list, so the run was not in it before either, and it asks nothing (a busy workspace's runs would keep it asking).
    // A window that asks again does so a task later (one per burst): by the end of this one it would be loading.
    await new Promise((resolve) => setTimeout(resolve));
    expect(paused.loading).to.equal(false, 'the paused window asks nothing');

    // The agent run resumes on the server: it leaves "Paused for reauth", and the whole list loses it without a request.
    const records = server.app.relink.store;
    const resumed = { ...(await records.getRun('ws_northwind', 'run_agent_reauth'))!, status: 'running' as const, updatedAt: later(paused.at(0)!) };
    delete resumed.pauseReason;
    delete resumed.blockedConnectionIds;
    await records.putRun(resumed);
    store.apply(event(await other.runs.get('run_agent_reauth')));
    await until(() => paused.total === 1 && paused.at(0)?.id === 'run_operator_reauth', 'the resumed run leaving the preset');
    expect(lists.length).to.equal(asked, 'no request');
    const fresh = await other.runs.list({ preset: 'paused_for_reauth', limit: 100 });
    expect([paused.total, rows(paused, 0, 1)]).to.deep.equal([fresh.total, [...fresh.data.map((r) => r.id), undefined]]);
    paused.close();
    failed.close();
  });

  it('a late answer to a get, read before the run resumed, does not put it back under "Paused for reauth": asked again', async () => {
    const { server, store, other, lists, answerGetWith } = await setup();
    close = () => server.close();
    const records = server.app.relink.store;
    const paused = await store.runs.window({ preset: 'paused_for_reauth' });
    await paused.ensure(0, 10);
    const before = await other.runs.get('run_agent_reauth');
    const resumed = { ...(await records.getRun('ws_northwind', before.id))!, status: 'running' as const, updatedAt: new Date(Date.parse(before.updatedAt) + 60_000).toISOString() };
    delete resumed.pauseReason;
    delete resumed.blockedConnectionIds;
    await records.putRun(resumed);
    store.apply({ type: 'run.updated', id: '999999', at: resumed.updatedAt, run: await other.runs.get(before.id) });
    await until(() => paused.total === 1, 'the resumed run leaving the preset');
    const asked = lists.length;
    answerGetWith(before);
    await store.runs.get(before.id);
    await new Promise((resolve) => setTimeout(resolve)); // a window that asks again does so a task later
    await until(() => !paused.loading, 'any answer asked again landed');
    expect(lists.length).to.equal(asked + 1, 'asked again');
    const fresh = await other.runs.list({ preset: 'paused_for_reauth', limit: 100 });
    expect([paused.total, rows(paused, 0, paused.total! - 1)]).to.deep.equal([fresh.total, fresh.data.map((r) => r.id)]);
    paused.close();
  });

  it('live: a change to a run no view shows is not kept in the store; a new replay of a run shown is', async () => {
    const { server, store, other } = await setup(1000);
    close = () => server.close();
    const stop = store.startLive();
    await until(() => store.getSnapshot().live === 'open', 'live');
    const failed = await store.runs.window({ status: 'failed' }, { keepPages: 0 });
    await failed.ensure(0, 30);
    const shown = rows(failed, 0, 99).find((id) => id?.startsWith('run_many_'))!;
    const far = (await other.runs.list({ status: 'failed', offset: 150, limit: 100 })).data.find((run) => run.id.startsWith('run_many_'))!;
    expect(store.getSnapshot().runs.byId.has(far.id)).to.equal(false);

    // Replays of both, in this order: once the second is kept, the first has been heard.
    const farReplay = await other.runs.replay(far.id);
    const shownReplay = await other.runs.replay(shown);
    await until(() => store.getSnapshot().runs.byId.has(shownReplay.id), 'the replay of a run shown is kept');
    expect(store.getSnapshot().runs.byId.has(farReplay.id), 'not kept: no view holds its run').to.equal(false);
    expect(store.getSnapshot().runs.items.length).to.be.at.most(101, 'the rows shown and the one replay');
    failed.close();
    stop();
  });
});
