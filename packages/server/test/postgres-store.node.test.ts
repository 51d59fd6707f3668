import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openDatabase } from '../src/store/sql/db.js';
import { loadMigrations, migrate } from '../src/store/sql/migrate.js';
import { SqlStore } from '../src/store/sql/sql-store.js';
import { freshDatabase } from './postgres.js';
import { describeStoreConformance } from './store-conformance.js';

let shared: Promise<SqlStore> | undefined;
after(async () => (await shared)?.close());

describeStoreConformance('SqlStore on PostgreSQL', async () => {
  const store = await (shared ??= freshDatabase().then((url) => SqlStore.open({ url })));
  await store.clear();
  return store;
});

describe('migration 0002 on a database that already holds connections', () => {
  it('backfills connections.expires_at from the records, so a hard expiry stored before the upgrade is claimed', async () => {
    const url = await freshDatabase();
    // The database as the 0001 release left it, with a connection that store wrote (no expires_at column then).
    const old = await openDatabase({ url });
    try {
      assert.deepEqual(await migrate(old, loadMigrations().filter((m) => m.version === 1)), [1]);
      const record = {
        id: 'con_old', workspaceId: 'ws_a', appKey: 'linkedin', label: 'Old', status: 'active', owner: 'agency', ownerPrincipalId: 'prn_a',
        expiresAt: '2026-11-01T00:00:00.000Z', secrets: { accessToken: 'at' }, refresh: { attempts: 0 }, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
      };
      await old.query(
        `INSERT INTO connections (workspace_id, id, owner_principal_id, status, app_key, created_at, has_refresh_token, data)
         VALUES ('ws_a', 'con_old', 'prn_a', 'active', 'linkedin', $1, false, $2::jsonb)`,
        [record.createdAt, JSON.stringify(record)],
      );
    } finally {
      await old.close();
    }
    const store = await SqlStore.open({ url }); // the upgrade: applies 0002 at open
    try {
      const versions = (await store.db.query<{ version: number }>('SELECT version FROM relink_migrations ORDER BY version')).rows.map((r) => Number(r.version));
      assert.deepEqual(versions, loadMigrations().map((m) => m.version));
      const claimed = await store.claimExpired(new Date('2026-11-02T00:00:00.000Z'), 30_000, 10);
      assert.deepEqual(claimed.map((c) => c.id), ['con_old']);
    } finally {
      await store.close();
    }
  });
});

describe('migration 0005 on a database that already holds connections and runs', () => {
  it('fills the sort keys of rows written before it, so they sort, search and count with the rest', async () => {
    const url = await freshDatabase();
    const old = await openDatabase({ url });
    const at = '2026-01-01T00:00:00.000Z';
    try {
      assert.deepEqual(await migrate(old, loadMigrations().filter((m) => m.version <= 4)), [1, 2, 3, 4]);
      await old.query(`INSERT INTO apps (key, data) VALUES ('hubspot', '{"key":"hubspot","name":"HubSpot","authMode":"oauth2","managedAuthConfig":"not_required"}')`);
      for (const [id, label, status] of [['con_b', 'Équipe', 'active'], ['con_a', 'zoo', 'error']] as const) {
        const record = { id, workspaceId: 'ws_a', appKey: 'hubspot', label, status, owner: 'client', ownerPrincipalId: 'prn_c', secrets: {}, refresh: { attempts: 0 }, createdAt: at, updatedAt: at };
        await old.query(
          `INSERT INTO connections (workspace_id, id, owner_principal_id, status, app_key, created_at, has_refresh_token, data)
           VALUES ('ws_a', $1, 'prn_c', $2, 'hubspot', $3, false, $4::jsonb)`,
          [id, status, at, JSON.stringify(record)],
        );
      }
      const run = { id: 'run_old', workspaceId: 'ws_a', workflowId: 'wf_1', workflowName: 'Ünique sync', kind: 'agent', status: 'running', connectionIds: [], startedAt: at, updatedAt: at };
      await old.query(
        `INSERT INTO runs (workspace_id, id, status, workflow_id, started_at, connection_ids, data) VALUES ('ws_a', 'run_old', 'running', 'wf_1', $1, '[]', $2::jsonb)`,
        [at, JSON.stringify(run)],
      );
    } finally {
      await old.close();
    }
    const store = await SqlStore.open({ url }); // the upgrade: applies 0005 and fills the keys at open
    try {
      const ids = async (query: Partial<Parameters<SqlStore['listConnections']>[0]>) =>
        (await store.listConnections({ workspaceId: 'ws_a', limit: 10, ...query })).items.map((c) => c.id);
      assert.deepEqual(await ids({ sort: 'label' }), ['con_b', 'con_a']);
      assert.deepEqual(await ids({ sort: 'status' }), ['con_a', 'con_b']);
      assert.deepEqual(await ids({ search: 'equipe' }), ['con_b']);
      assert.deepEqual(await ids({ search: 'hubspot', owner: 'client' }), ['con_b', 'con_a'].sort());
      assert.deepEqual((await store.listRuns({ workspaceId: 'ws_a', limit: 10, search: 'unique' })).items.map((r) => r.id), ['run_old']);
      // Later migrations fill what they add for these rows too: the listing (0007) and the counts (0008).
      const listed = await store.listConnections({ workspaceId: 'ws_a', limit: 10, redactSecrets: true, withTotal: true, owner: 'client', status: 'error' });
      assert.deepEqual(listed.items.map((c) => [c.id, c.label, c.secrets]), [['con_a', 'zoo', {}]]);
      assert.equal(listed.total, 1);
      assert.equal((await store.listConnections({ workspaceId: 'ws_a', limit: 1, withTotal: true })).total, 2);
    } finally {
      await store.close();
    }
  });
});

describe('migration 0010 on a database that already holds replays', () => {
  it('fills replay_of from the records, so a replay made before the upgrade is listed with replayOf', async () => {
    const url = await freshDatabase();
    const old = await openDatabase({ url });
    const at = '2026-01-01T00:00:00.000Z';
    try {
      assert.deepEqual(await migrate(old, loadMigrations().filter((m) => m.version <= 9)), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
      for (const [id, replayOf] of [['run_first', undefined], ['run_again', 'run_first']] as const) {
        const run = { id, workspaceId: 'ws_a', workflowId: 'wf_1', workflowName: 'Sync', kind: 'agent', status: 'completed', connectionIds: [], startedAt: at, updatedAt: at, ...(replayOf ? { replayOf } : {}) };
        await old.query(
          `INSERT INTO runs (workspace_id, id, status, workflow_id, started_at, connection_ids, data, updated_at, workflow_name_key)
           VALUES ('ws_a', $1, 'completed', 'wf_1', $2, '[]', $3::jsonb, $2, 'sync')`,
          [id, at, JSON.stringify(run)],
        );
      }
    } finally {
      await old.close();
    }
    const store = await SqlStore.open({ url }); // the upgrade: applies 0010
    try {
      assert.deepEqual((await store.listRuns({ workspaceId: 'ws_a', limit: 10, replayOf: 'run_first' })).items.map((r) => r.id), ['run_again']);
      assert.deepEqual((await store.listRuns({ workspaceId: 'ws_a', limit: 10, replayOf: 'run_again' })).items, []);
    } finally {
      await store.close();
    }
  });
});

describe('totals on two instances', () => {
  it('a total is exact on another instance right after a write, even when that instance missed the write\'s event', async () => {
    const url = await freshDatabase();
    const a = await SqlStore.open({ url });
    // B's event listener, once dropped, stays down for a minute: it hears nothing of A's write.
    const b = await SqlStore.open({ url, listenReconnect: { baseMs: 60_000, capMs: 60_000, random: () => 0.99 } });
    const admin = await openDatabase({ url });
    try {
      const at = '2026-01-01T00:00:00.000Z';
      const put = (id: string, status: 'active' | 'error') => a.putConnection({
        id, workspaceId: 'ws_a', appKey: 'slack', label: id, status, owner: 'agency', ownerPrincipalId: 'prn_a', secrets: {}, refresh: { attempts: 0 }, createdAt: at, updatedAt: at,
      });
      const total = async (status?: 'error') => (await b.listConnections({ workspaceId: 'ws_a', limit: 1, withTotal: true, ...(status ? { status } : {}) })).total;
      await put('con_1', 'active');
      assert.deepEqual([await total(), await total('error')], [1, 0]);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [`relink-listen:${b.instanceId}`]);
      for (let i = 0; i < 100 && b.listener?.state !== 'reconnecting'; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(b.listener?.state, 'reconnecting');
      await put('con_2', 'error');
      await put('con_1', 'error');
      assert.deepEqual([await total(), await total('error')], [2, 2]);
    } finally {
      await admin.close();
      await b.close();
      await a.close();
    }
  });
});
