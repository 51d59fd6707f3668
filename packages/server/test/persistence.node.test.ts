// Embedded PGlite on disk: the demo's data — and the provider's grants — survive a restart, and a restart does not
// reseed over them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEMO_AGENCY_ID, DEMO_WORKSPACE_ID } from '../src/demo/seed.js';
import { startNodeRelink, type RunningRelink } from '../src/node/server.js';
import type { SqlStore } from '../src/store/sql/sql-store.js';
import { consent, type Harness } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'relink-pglite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function start(): Promise<{ relink: RunningRelink; h: Pick<Harness, 'app' | 'request'>; token: string }> {
  const relink = await startNodeRelink({ database: { dataDir: dir }, secretKey: 'persist-secret-0123456789abcdef', demo: true, refresher: { autoStart: false } });
  const token = (await relink.app.relink.mintToken(DEMO_WORKSPACE_ID, 'agency', DEMO_AGENCY_ID)).token;
  const request: Harness['request'] = async (method, path, { token: t, body } = {}) => {
    const res = await relink.app.request(`${relink.url}${path}`, {
      method, headers: { ...(t ? { authorization: `Bearer ${t}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers, text };
  };
  return { relink, h: { app: relink.app, request }, token };
}

describe('embedded PGlite across a restart', () => {
  it('keeps connections, runs, notifications and the provider grants; migrations are applied once', async () => {
    const first = await start();
    await first.h.request('POST', '/v1/connections/con_linkedin/revoke', { token: first.token });
    const reconnect = await first.h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: first.token });
    await consent(first.h as Harness, reconnect.body.connectUrl, 'acct_ops');
    const hubspotBefore = (await first.h.request('GET', '/v1/connections/con_hubspot', { token: first.token })).body;
    assert.equal(hubspotBefore.status, 'active');
    const lastEvent = (await first.relink.store.eventsSince(DEMO_WORKSPACE_ID, 0, 100_000)).at(-1)!.id;
    await first.relink.close();

    const second = await start();
    try {
      const get = (id: string) => second.h.request('GET', `/v1/connections/${id}`, { token: second.token }).then((r) => r.body);
      assert.equal((await get('con_linkedin')).status, 'revoked');
      assert.deepEqual(await get('con_hubspot'), hubspotBefore);
      assert.equal((await second.h.request('GET', '/v1/runs/run_agent_reauth', { token: second.token })).body.status, 'running');
      // Not reseeded: the event log continues where it was.
      const events = await second.relink.store.eventsSince(DEMO_WORKSPACE_ID, 0, 100_000);
      assert.equal(events.at(-1)!.id, lastEvent);
      // The refresh token stored before the restart is still good at the provider (its grants live in the same database).
      const refreshed = await second.h.request('POST', '/v1/connections/con_hubspot/refresh', { token: second.token });
      assert.equal(refreshed.status, 200);
      const store = second.relink.store as SqlStore;
      const migrations = (await store.db.query<{ version: number; name: string }>('SELECT version, name FROM relink_migrations ORDER BY version')).rows;
      assert.deepEqual(migrations.map((m) => [Number(m.version), m.name]), [[1, 'init'], [2, 'connection_expiry'], [3, 'hardening']]);
    } finally {
      await second.relink.close();
    }
  });
});
