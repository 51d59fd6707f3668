import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SqlStore } from '../src/store/sql/sql-store.js';

// A client's list (the portal) is the few connections it owns among the agency's many: its page must read them through
// an index that starts with the owner (migration 0011), not walk the whole workspace's index to find them.

describe("a client's list of connections", () => {
  it('reads the rows the client owns through connections_by_owner', async () => {
    const store = await SqlStore.open({});
    try {
      const at = Date.parse('2026-01-01T00:00:00.000Z');
      await store.transaction(async (tx) => {
        for (let i = 0; i < 2_000; i++) {
          const client = i % 500 === 0;
          await tx.putConnection({
            id: `con_${String(i).padStart(4, '0')}`, workspaceId: 'ws_a', appKey: 'slack', label: `Connection ${i}`, status: 'active',
            owner: client ? 'client' : 'agency', ownerPrincipalId: client ? 'prn_client' : 'prn_agency', secrets: {}, refresh: { attempts: 0 },
            createdAt: new Date(at + i * 1000).toISOString(), updatedAt: new Date(at).toISOString(),
          });
        }
      });
      await store.db.exec('ANALYZE connections');
      // The page's statement as the store sends it, then the database's plan for it.
      const sent: [string, unknown[]][] = [];
      const query = store.db.query.bind(store.db);
      store.db.query = (sql, params = [], options) => {
        sent.push([sql, params]);
        return query(sql, params, options);
      };
      const page = await store.listConnections({ workspaceId: 'ws_a', ownerPrincipalId: 'prn_client', owner: 'client', limit: 100, withTotal: true, redactSecrets: true });
      store.db.query = query;
      assert.deepEqual(page.items.map((c) => c.id), ['con_0000', 'con_0500', 'con_1000', 'con_1500']);
      assert.equal(page.total, 4);
      const [sql, params] = sent.find(([text]) => text.includes('FROM connections WHERE'))!;
      const plan = JSON.stringify((await query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows[0]!['QUERY PLAN']);
      assert.match(plan, /"Index Name":"connections_by_owner"/, plan);
    } finally {
      await store.close();
    }
  });
});
