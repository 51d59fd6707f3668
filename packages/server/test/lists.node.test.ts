// The connections and runs lists sort, search, filter and count on the server (issue 17), on every store: a table of
// 10,000 connections asks for the page it shows instead of loading them all. Bad query values are 400s that say what
// is wrong. PostgreSQL runs when the machine has it (test/postgres.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConnectionPage, type Connection, type Run } from '@relink/sdk/schema';
import { fold } from '../src/store/sort-keys.js';
import { harness, type Harness } from './helpers.js';
import { freshDatabase } from './postgres.js';

const databases = [
  ['memory', async () => 'memory' as const],
  ['PGlite', async () => ({ pglite: 'memory' as const })],
  ['PostgreSQL', async () => ({ url: await freshDatabase() })],
] as const;

/** Every item of a list, page by page; the first page's total beside them. */
async function walk<T>(h: Harness, path: string, token: string): Promise<{ items: T[]; total: number | undefined; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let total: number | undefined;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await h.request('GET', `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    assert.equal(res.status, 200, res.text);
    if (pages === 0) total = res.body.total;
    else assert.equal(res.body.total, undefined, 'only the first page counts');
    items.push(...(res.body.data as T[]));
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor);
  return { items, total, pages };
}

const isSorted = (keys: string[]) => keys.every((k, i) => i === 0 || keys[i - 1]! <= k);

for (const [name, database] of databases) {
  describe(`server-side lists (${name})`, () => {
    let h: Harness;
    const setup = async () => (h ??= await harness({ database: await database() }));

    it('sorts connections by app, label and status both ways, pages by cursor and counts on the first page', async () => {
      await setup();
      const all = await walk<Connection>(h, '/v1/connections?limit=100', h.agency);
      assert.equal(all.total, all.items.length);
      assert.ok(all.items.length >= 9);
      for (const sort of ['app', 'label', 'status', 'updatedAt'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const paged = await walk<Connection>(h, `/v1/connections?sort=${sort}&order=${order}&limit=2`, h.agency);
          assert.equal(paged.total, all.items.length);
          assert.equal(paged.items.length, all.items.length, `${sort} ${order}: nothing lost or repeated`);
          assert.equal(new Set(paged.items.map((c) => c.id)).size, all.items.length);
          const rank = { error: '0', revoked: '1', pending: '2', active: '3' };
          const keys = paged.items.map((c) => (sort === 'app' ? fold(c.app.name) : sort === 'label' ? fold(c.label) : sort === 'status' ? rank[c.status] : c.updatedAt));
          assert.ok(isSorted(order === 'asc' ? keys : keys.reverse()), `${sort} ${order}: ${keys.join(', ')}`);
        }
      }
    });

    it('every listed connection is the contract resource exactly: what the schema keeps and what GET /v1/connections/{id} answers', async () => {
      await setup();
      // The list copies trusted rows into the contract's shape without parsing them; this is where that is checked.
      const page = (await h.request('GET', '/v1/connections?limit=100', { token: h.agency })).body;
      assert.deepEqual(ConnectionPage.parse(page), page, 'nothing the schema would strip or reject');
      assert.ok(page.data.length >= 9);
      for (const listed of page.data as Connection[]) {
        assert.deepEqual(listed, (await h.request('GET', `/v1/connections/${listed.id}`, { token: h.agency })).body);
      }
      assert.ok(page.data.some((c: Connection) => c.lastError !== undefined) && page.data.some((c: Connection) => c.refreshable));
    });

    it('filters by status and app and searches by app name or label (q), counting the matches', async () => {
      await setup();
      const errors = await walk<Connection>(h, '/v1/connections?status=error&limit=1', h.agency);
      assert.ok(errors.items.length >= 2 && errors.items.every((c) => c.status === 'error'));
      assert.equal(errors.total, errors.items.length);
      const byName = await walk<Connection>(h, '/v1/connections?q=HUBS', h.agency); // the app's name, any case
      assert.deepEqual(byName.items.map((c) => c.id), ['con_hubspot']);
      const byLabel = await walk<Connection>(h, `/v1/connections?q=${encodeURIComponent('northwind')}&sort=label`, h.agency);
      assert.deepEqual(byLabel.items.map((c) => c.label), ['Northwind company page', 'Northwind CRM']);
      assert.equal(byLabel.total, 2);
      const none = await h.request('GET', '/v1/connections?q=nothing%20like%20this', { token: h.agency });
      assert.deepEqual([none.body.data, none.body.total, none.body.nextCursor], [[], 0, null]);
    });

    it('a total follows a change at once (totals are cached per filter until the workspace changes)', async () => {
      await setup();
      const errors = async () => (await h.request('GET', '/v1/connections?status=error&limit=1', { token: h.agency })).body.total as number;
      const before = await errors();
      assert.equal(await errors(), before); // a cached answer
      const revoked = await h.request('POST', '/v1/connections/con_hubspot/revoke', { token: h.agency });
      assert.equal(revoked.status, 200, revoked.text);
      assert.equal(await errors(), before - 1);
    });

    it('a page follows a change and a removal at once', async () => {
      await setup();
      const page = async () => (await h.request('GET', '/v1/connections?limit=100&sort=label', { token: h.agency })).body.data as Connection[];
      const status = async (id: string) => (await page()).find((c) => c.id === id)?.status;
      assert.equal(await status('con_linkedin'), 'active');
      assert.equal(await status('con_linkedin'), 'active');
      assert.equal((await h.request('POST', '/v1/connections/con_linkedin/revoke', { token: h.agency })).status, 200);
      assert.equal(await status('con_linkedin'), 'revoked');
      const removed = await h.request('DELETE', '/v1/connections/con_linkedin', { token: h.agency });
      assert.equal(removed.status, 200, removed.text);
      assert.equal(await status('con_linkedin'), undefined);
    });

    it('offset jumps to a row of the sorted, filtered list: the same rows the cursors reach, with the total and a cursor onward', async () => {
      await setup();
      for (const query of ['sort=label', 'sort=status&order=desc', 'q=a&sort=app']) {
        const all = await walk<Connection>(h, `/v1/connections?${query}&limit=100`, h.agency);
        assert.ok(all.items.length >= 4, query);
        for (const offset of [0, 1, 3, all.items.length - 1]) {
          const res = await h.request('GET', `/v1/connections?${query}&offset=${offset}&limit=2`, { token: h.agency });
          assert.equal(res.status, 200, res.text);
          assert.deepEqual(res.body.data.map((c: Connection) => c.id), all.items.slice(offset, offset + 2).map((c) => c.id), `${query} offset ${offset}`);
          assert.equal(res.body.total, all.total, 'a jump carries the total');
          if (offset + 2 < all.items.length) {
            // The cursor continues from where the jump landed.
            const next = await h.request('GET', `/v1/connections?${query}&limit=1&cursor=${encodeURIComponent(res.body.nextCursor)}`, { token: h.agency });
            assert.deepEqual(next.body.data.map((c: Connection) => c.id), [all.items[offset + 2]!.id]);
          } else {
            assert.equal(res.body.nextCursor, null, 'the last page ends the list');
          }
        }
        const past = await h.request('GET', `/v1/connections?${query}&offset=${all.items.length}`, { token: h.agency });
        assert.deepEqual([past.status, past.body.data, past.body.nextCursor, past.body.total], [200, [], null, all.total]);
      }
    });

    it("a client's list holds, pages and counts only the connections it authorised", async () => {
      await setup();
      const mine = await walk<Connection>(h, '/v1/connections?limit=1&sort=label', h.client);
      assert.ok(mine.items.length > 0 && mine.items.every((c) => c.owner === 'client'));
      assert.equal(mine.total, mine.items.length);
      assert.equal(mine.pages, mine.items.length, 'every page is full: nothing filtered out after the query');
    });

    it('sorts, searches and counts runs; preset and status together must both hold', async () => {
      await setup();
      const byName = await walk<Run>(h, '/v1/runs?sort=workflowName&limit=2', h.agency);
      assert.ok(isSorted(byName.items.map((r) => fold(r.workflowName))));
      assert.equal(byName.total, byName.items.length);
      const digest = await walk<Run>(h, '/v1/runs?q=digest', h.agency);
      assert.ok(digest.items.length >= 2 && digest.items.every((r) => r.workflowName === 'Daily Slack digest'));
      const newest = await walk<Run>(h, '/v1/runs?limit=2', h.agency);
      assert.ok(isSorted(newest.items.map((r) => r.startedAt).reverse()), 'newest first by default');
      const conflict = await h.request('GET', '/v1/runs?preset=paused_for_reauth&status=running', { token: h.agency });
      assert.deepEqual([conflict.status, conflict.body.data, conflict.body.total], [200, [], 0]);
    });

    it('runs: offset jumps to a row of the sorted, filtered list, with the total and a cursor onward', async () => {
      await setup();
      for (const query of ['sort=startedAt', 'sort=workflowName', 'sort=updatedAt&order=asc', 'q=a&sort=workflowName&order=desc', 'status=paused']) {
        const all = await walk<Run>(h, `/v1/runs?${query}`, h.agency);
        assert.ok(all.items.length >= 2, query);
        for (const offset of [...new Set([0, 1, all.items.length - 1])]) {
          const res = await h.request('GET', `/v1/runs?${query}&offset=${offset}&limit=1`, { token: h.agency });
          assert.equal(res.status, 200, res.text);
          assert.deepEqual(res.body.data.map((r: Run) => r.id), all.items.slice(offset, offset + 1).map((r) => r.id), `${query} offset ${offset}`);
          assert.equal(res.body.total, all.total, 'a jump carries the total');
          if (offset + 1 < all.items.length) {
            const next = await h.request('GET', `/v1/runs?${query}&limit=1&cursor=${encodeURIComponent(res.body.nextCursor)}`, { token: h.agency });
            assert.deepEqual(next.body.data.map((r: Run) => r.id), [all.items[offset + 1]!.id], 'the cursor continues from where the jump landed');
          } else {
            assert.equal(res.body.nextCursor, null, 'the last page ends the list');
          }
        }
        const past = await h.request('GET', `/v1/runs?${query}&offset=${all.items.length}`, { token: h.agency });
        assert.deepEqual([past.status, past.body.data, past.body.nextCursor, past.body.total], [200, [], null, all.total]);
      }
    });

    it('runs: replayOf lists the replays of one run (a run detail\'s "Replayed as"), sorted, counted, without the others', async () => {
      await setup();
      for (let i = 0; i < 3; i++) assert.equal((await h.request('POST', '/v1/runs/run_completed/replay', { token: h.agency })).status, 201);
      const every = await walk<Run>(h, '/v1/runs', h.agency);
      const expected = every.items.filter((r) => r.replayOf === 'run_completed').map((r) => r.id);
      assert.ok(expected.length >= 3 && expected.length < every.items.length);
      const replays = await walk<Run>(h, '/v1/runs?replayOf=run_completed&limit=2', h.agency);
      assert.deepEqual(replays.items.map((r) => r.id), expected, 'newest first, as the list');
      assert.equal(replays.total, expected.length);
      const none = await h.request('GET', '/v1/runs?replayOf=run_nothing_replayed', { token: h.agency });
      assert.deepEqual([none.status, none.body.data, none.body.total], [200, [], 0]);
    });

    it('bad sort, order, q, offset and foreign cursors are 400s with a code and a message, never 500s', async () => {
      await setup();
      const cases: [string, string, RegExp][] = [
        ['/v1/connections?sort=colour', 'validation_failed', /"sort" must be one of "createdAt", "updatedAt", "app", "label", "status"/],
        ['/v1/connections?order=up', 'validation_failed', /"order" must be one of "asc", "desc"/],
        [`/v1/connections?q=${'x'.repeat(101)}`, 'validation_failed', /"q" is too long/],
        ['/v1/runs?sort=label', 'validation_failed', /"sort" must be one of/],
        ['/v1/connections?offset=-1', 'validation_failed', /"offset"/],
        ['/v1/connections?offset=1.5', 'validation_failed', /"offset"/],
        ['/v1/connections?offset=ten', 'validation_failed', /"offset"/],
        ['/v1/connections?offset=1000001', 'validation_failed', /"offset"/],
        ['/v1/runs?offset=-1', 'validation_failed', /"offset"/],
        ['/v1/runs?offset=1.5', 'validation_failed', /"offset"/],
        ['/v1/runs?offset=ten', 'validation_failed', /"offset"/],
        ['/v1/runs?offset=1000001', 'validation_failed', /"offset"/],
        ['/v1/runs?replayOf=run%20one', 'validation_failed', /"replayOf"/],
        [`/v1/runs?replayOf=${'r'.repeat(65)}`, 'validation_failed', /"replayOf"/],
        ['/v1/runs?replayOf=', 'validation_failed', /"replayOf"/],
      ];
      const labelPage = await h.request('GET', '/v1/connections?sort=label&limit=1', { token: h.agency });
      const cursor = encodeURIComponent(labelPage.body.nextCursor);
      cases.push([`/v1/connections?sort=app&limit=1&cursor=${cursor}`, 'bad_request', /another sort order/]);
      cases.push([`/v1/runs?cursor=${cursor}`, 'bad_request', /another sort order or list/]);
      cases.push([`/v1/connections?sort=label&offset=2&cursor=${cursor}`, 'bad_request', /either a cursor or an offset/]);
      const runCursor = encodeURIComponent((await h.request('GET', '/v1/runs?limit=1', { token: h.agency })).body.nextCursor);
      cases.push([`/v1/runs?limit=1&offset=1&cursor=${runCursor}`, 'bad_request', /either a cursor or an offset/]);
      cases.push([`/v1/runs?preset=paused_for_reauth&status=running&offset=1&cursor=${runCursor}`, 'bad_request', /either a cursor or an offset/]);
      for (const [path, code, message] of cases) {
        const res = await h.request('GET', path, { token: h.agency });
        assert.equal(res.status, 400, path);
        assert.equal(res.body.error.code, code, path);
        assert.match(res.body.error.message, message, path);
      }
    });
  });
}
