import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openDatabase, StatementNames, type SqlDatabase } from '../src/store/sql/db.js';
import { SqlStore } from '../src/store/sql/sql-store.js';
import { freshDatabase } from './postgres.js';

// `query(sql, params, { prepare: true })` runs a named prepared statement (the list pages do): it must answer exactly
// what the same statement answers unprepared, on both databases, the first time and every time after, and fail as it
// would fail.

const backends: [string, () => Promise<SqlDatabase>][] = [
  ['PGlite', () => openDatabase({})],
  ['PostgreSQL', async () => openDatabase({ url: await freshDatabase() })],
];

for (const [name, open] of backends) {
  describe(`prepared statements on ${name}`, () => {
    let shared: Promise<SqlDatabase> | undefined;
    const db = async () => {
      const database = await (shared ??= open().then(async (d) => {
        await d.exec(`CREATE TABLE items (id text PRIMARY KEY, n integer, note text);
          INSERT INTO items VALUES ('a', 1, 'first'), ('b', 2, NULL), ('c', 3, 'third')`);
        return d;
      }));
      return database;
    };
    after(async () => (await shared)?.close());

    const sql = 'SELECT id, n, note, (SELECT count(*) FROM items) AS total FROM items WHERE n >= $1 AND ($2::text IS NULL OR id = $2) ORDER BY id LIMIT $3';

    it('answers what the unprepared statement answers, on the first run and on the runs that reuse it', async () => {
      const d = await db();
      for (const params of [[1, null, 10], [2, 'c', 10], [1, null, 1], [9, null, 10]]) {
        const plain = await d.query(sql, params);
        for (let run = 0; run < 3; run++) assert.deepEqual(await d.query(sql, params, { prepare: true }), plain);
      }
    });

    it('fails with the database\'s error, and the statement still runs afterwards', async () => {
      const d = await db();
      const typed = 'SELECT id FROM items WHERE n = $1::integer';
      // The first run parses the statement and then fails binding its parameter: the statement stays prepared.
      await assert.rejects(d.query(typed, ['not a number'], { prepare: true }), /invalid input syntax for type integer/);
      assert.deepEqual((await d.query(typed, [2], { prepare: true })).rows, [{ id: 'b' }]);
      await assert.rejects(d.query('SELECT nope FROM items WHERE n = $1', [1], { prepare: true }), /column "nope" does not exist/);
    });

    it('sees a transaction\'s own writes inside it', async () => {
      const d = await db();
      const count = 'SELECT count(*)::int AS n FROM items WHERE id = $1';
      assert.deepEqual((await d.query(count, ['d'], { prepare: true })).rows, [{ n: 0 }]);
      await d.transaction(async (tx) => {
        await tx.query("INSERT INTO items VALUES ('d', 4, 'fourth')");
        assert.deepEqual((await tx.query(count, ['d'], { prepare: true })).rows, [{ n: 1 }]);
        await tx.query("DELETE FROM items WHERE id = 'd'");
      });
    });
  });
}

describe('prepared statements switched off (RELINK_PREPARED_STATEMENTS=off, for a pooler without them)', () => {
  it('runs every statement unnamed on PostgreSQL, with the same answers', async () => {
    const url = await freshDatabase();
    // One pooled connection, so the session that ran the statement is the one asked what it has prepared.
    const on = await openDatabase({ url, poolSize: 1, preparedStatements: true });
    const off = await openDatabase({ url, poolSize: 1, preparedStatements: false });
    try {
      const prepared = 'SELECT count(*)::int AS n FROM pg_prepared_statements';
      const sql = 'SELECT $1::int + 1 AS n';
      assert.deepEqual((await off.query(sql, [1], { prepare: true })).rows, [{ n: 2 }]);
      assert.deepEqual((await off.query(prepared)).rows, [{ n: 0 }]);
      assert.deepEqual((await on.query(sql, [1], { prepare: true })).rows, [{ n: 2 }]);
      assert.deepEqual((await on.query(prepared)).rows, [{ n: 1 }]);
    } finally {
      await Promise.all([on.close(), off.close()]);
    }
  });
});

describe('the connections page on PGlite', () => {
  it('is planned once and then only executed, page after page (a generic plan, not a new plan per request)', async () => {
    const store = await SqlStore.open({});
    try {
      const at = '2026-11-02T09:00:00.000Z';
      // Enough rows that a plan for "some LIMIT" (the planner guesses 10% of them) costs more than one for 11 rows.
      await store.transaction(async (tx) => {
        for (let i = 0; i < 1_000; i++) {
          await tx.putConnection({
            id: `con_${String(i).padStart(4, '0')}`, workspaceId: 'ws_a', appKey: 'slack', label: `Connection ${i}`, status: 'active', owner: 'agency',
            ownerPrincipalId: 'prn_a', secrets: {}, refresh: { attempts: 0 }, createdAt: at, updatedAt: at,
          });
        }
      });
      await store.db.exec('ANALYZE connections');
      for (let i = 0; i < 8; i++) await store.listConnections({ workspaceId: 'ws_a', limit: 10, withTotal: true, redactSecrets: true });
      const plans = (await store.db.query<{ generic: number; custom: number }>(
        "SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement LIKE '%FROM connections WHERE%'",
      )).rows;
      assert.equal(plans.length, 1);
      // PostgreSQL tries a prepared statement's first five runs with plans of their own, then keeps the generic one
      // when it costs no more: here, the keyset index walk.
      assert.ok(plans[0]!.generic >= 3, `generic plans: ${plans[0]!.generic}, custom: ${plans[0]!.custom}`);
    } finally {
      await store.close();
    }
  });
});

describe('StatementNames', () => {
  it('gives one name per text, and none past its limit (those statements run unnamed)', () => {
    const names = new StatementNames(2);
    const a = names.of('SELECT 1');
    const b = names.of('SELECT 2');
    assert.ok(a && b && a !== b);
    assert.equal(names.of('SELECT 1'), a);
    assert.equal(names.of('SELECT 3'), undefined);
    assert.equal(names.of('SELECT 2'), b);
  });
});
