import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RelinkEvent, type Connection, type Notification, type Run } from '@relink/sdk/schema';
import { DEMO_WORKSPACE_ID } from '../src/demo/seed.js';
import { DEFAULT_FIRST_SYNC_DELAY_MS } from '../src/lifecycle/first-sync.js';
import type { DatabaseChoice } from '../src/node/server.js';
import { openDatabase } from '../src/store/sql/db.js';
import { loadMigrations, migrate } from '../src/store/sql/migrate.js';
import { SqlStore } from '../src/store/sql/sql-store.js';
import { consent, harness as baseHarness, type Harness } from './helpers.js';
import { freshDatabase } from './postgres.js';

// The seeds' rules, enforced by the server (issue 14). Each rule runs on the memory store and on the SQL store, because
// the rules lean on store queries (unresolved alerts, first-sync claims). The SQL runs on PostgreSQL: PGlite runs the
// same statements but costs ~15 s per fresh database here (213 s for this file against 34 s).
const DATABASES: [string, () => Promise<DatabaseChoice>][] = [
  ['memory', async () => 'memory'],
  ['PostgreSQL', async () => ({ url: await freshDatabase() })],
];

/** Events appended after `since` (what `/v1/events` streams), parsed through the contract. */
async function eventsAfter(h: Harness, since: number): Promise<RelinkEvent[]> {
  const events = await h.app.relink.store.eventsSince(DEMO_WORKSPACE_ID, since, 100_000);
  return events.map((e) => RelinkEvent.parse({ ...e.data, id: String(e.id), at: e.at }));
}
async function lastEventId(h: Harness): Promise<number> {
  return (await h.app.relink.store.eventsSince(DEMO_WORKSPACE_ID, 0, 100_000)).at(-1)?.id ?? 0;
}
const runEvents = (events: RelinkEvent[], id: string): Run[] => events.flatMap((e) => (e.type === 'run.updated' && e.run.id === id ? [e.run] : []));

async function run(h: Harness, id: string): Promise<Run> {
  return (await h.request('GET', `/v1/runs/${id}`, { token: h.agency })).body as Run;
}
async function connection(h: Harness, id: string, token = h.agency): Promise<Connection> {
  return (await h.request('GET', `/v1/connections/${id}`, { token })).body as Connection;
}
async function reconnectHubSpot(h: Harness): Promise<void> {
  const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
  assert.equal(start.status, 201);
  assert.equal((await consent(h, start.body.connectUrl, 'acct_ops')).status, 200);
  assert.equal((await connection(h, 'con_hubspot')).status, 'active');
}
async function reauthAlerts(h: Harness, connectionId: string, query = ''): Promise<Notification[]> {
  const res = await h.request('GET', `/v1/notifications?limit=100${query}`, { token: h.agency });
  assert.equal(res.status, 200);
  return (res.body.data as Notification[]).filter((n) => n.kind === 'reauth_required' && n.connectionId === connectionId);
}

for (const [name, open] of DATABASES) {
  const harness = async (options: Parameters<typeof baseHarness>[0] = {}) => baseHarness({ database: await open(), ...options });
  describe(`lifecycle rules (${name})`, () => {
    describe('resume only onto a working connection', () => {
      it('an operator run blocked by a broken HubSpot: 409 connection_not_active naming it; allowed once HubSpot is active', async () => {
        const h = await harness();
        const before = await run(h, 'run_operator_reauth');
        assert.deepEqual(
          [before.status, before.blockedConnectionIds, before.blockedConnectionId, before.resumable, before.resumeUnavailable],
          ['paused', ['con_hubspot'], 'con_hubspot', false, 'connection_not_active'],
        );
        const refused = await h.request('POST', '/v1/runs/run_operator_reauth/resume', { token: h.agency });
        assert.equal(refused.status, 409);
        assert.equal(refused.body.error.code, 'connection_not_active');
        assert.equal(refused.body.error.message, 'Reconnect HubSpot before resuming this run.');
        assert.equal((await run(h, 'run_operator_reauth')).status, 'paused', 'nothing changed');

        await reconnectHubSpot(h);
        const ready = await run(h, 'run_operator_reauth');
        assert.deepEqual(
          [ready.status, ready.pauseReason, ready.blockedConnectionIds, ready.blockedConnectionId, ready.resumable, ready.resumeUnavailable],
          ['paused', 'reauth', [], undefined, true, undefined],
          'an operator run waits for Resume, now offered',
        );
        const resumed = await h.request('POST', '/v1/runs/run_operator_reauth/resume', { token: h.agency });
        assert.equal(resumed.status, 200);
        assert.deepEqual([resumed.body.status, resumed.body.resumable, resumed.body.blockedConnectionIds], ['running', false, []]);
      });

      it('an agent run parked on reauth offers no manual Resume: 409 resumes_automatically; it resumes by itself', async () => {
        const h = await harness();
        const agent = await run(h, 'run_agent_reauth');
        assert.deepEqual([agent.resumable, agent.resumeUnavailable], [false, 'resumes_automatically']);
        const refused = await h.request('POST', '/v1/runs/run_agent_reauth/resume', { token: h.agency });
        assert.equal(refused.status, 409);
        assert.equal(refused.body.error.code, 'resumes_automatically');
        assert.equal(refused.body.error.message, 'This run resumes by itself once HubSpot is reconnected.');
        await reconnectHubSpot(h);
        assert.equal((await run(h, 'run_agent_reauth')).status, 'running');
      });

      it('a replay of a run whose connections are broken starts paused, blocked by every one of them', async () => {
        const h = await harness();
        await h.request('POST', '/v1/connections/con_slack/revoke', { token: h.client });
        const replay = await h.request('POST', '/v1/runs/run_failed/replay', { token: h.agency });
        assert.equal(replay.status, 201);
        assert.deepEqual([replay.body.status, replay.body.pauseReason, replay.body.blockedConnectionIds, replay.body.resumable], ['paused', 'reauth', ['con_slack'], false]);
      });
    });

    describe('a run blocked by two broken connections', () => {
      it('waits for both: fixing HubSpot leaves it blocked by Slack (live), fixing Slack resumes the agent run', async () => {
        const h = await harness();
        assert.equal((await h.request('POST', '/v1/connections/con_slack/revoke', { token: h.client })).status, 200);
        for (const id of ['run_agent_reauth', 'run_operator_reauth']) {
          assert.deepEqual((await run(h, id)).blockedConnectionIds, ['con_hubspot', 'con_slack'], `${id} waits for both`);
        }
        const both = await h.request('POST', '/v1/runs/run_operator_reauth/resume', { token: h.agency });
        assert.equal(both.body.error.message, 'Reconnect HubSpot and Slack before resuming this run.');

        const since = await lastEventId(h);
        await reconnectHubSpot(h);
        const agent = await run(h, 'run_agent_reauth');
        assert.deepEqual([agent.status, agent.blockedConnectionIds, agent.blockedConnectionId], ['paused', ['con_slack'], 'con_slack'], 'one fixed is not enough');
        assert.deepEqual(runEvents(await eventsAfter(h, since), 'run_agent_reauth').map((r) => r.blockedConnectionIds), [['con_slack']], 'and the page hears it');
        const one = await h.request('POST', '/v1/runs/run_operator_reauth/resume', { token: h.agency });
        assert.deepEqual([one.status, one.body.error.code, one.body.error.message], [409, 'connection_not_active', 'Reconnect Slack before resuming this run.']);

        const start = await h.request('POST', '/v1/connections/con_slack/reconnect', { token: h.client });
        assert.equal(start.status, 201);
        await consent(h, start.body.connectUrl, 'acct_ada');
        assert.deepEqual([(await run(h, 'run_agent_reauth')).status, (await run(h, 'run_agent_reauth')).blockedConnectionIds], ['running', []]);
        const operator = await run(h, 'run_operator_reauth');
        assert.deepEqual([operator.status, operator.resumable], ['paused', true]);
      });
    });

    describe('run detail stays true', () => {
      it('fixing the connection updates the operator run it blocked and emits run.updated', async () => {
        const h = await harness();
        const since = await lastEventId(h);
        await reconnectHubSpot(h);
        const heard = runEvents(await eventsAfter(h, since), 'run_operator_reauth');
        assert.equal(heard.length, 1);
        assert.deepEqual(
          [heard[0]!.status, heard[0]!.blockedConnectionId, heard[0]!.blockedConnectionIds, heard[0]!.resumable],
          ['paused', undefined, [], true],
        );
      });
    });

    describe('alerts are resolved by fixing the connection, not by reading it', () => {
      it('a read reauth alert stays unresolved (the banner keeps it) until the reconnect resolves it, live', async () => {
        const h = await harness();
        const read = await h.request('POST', '/v1/notifications/ntf_hubspot/read', { token: h.agency });
        assert.deepEqual([read.status, read.body.read, read.body.resolvedAt], [200, true, undefined]);
        const unresolved = await reauthAlerts(h, 'con_hubspot', '&resolved=false');
        assert.deepEqual(unresolved.map((n) => [n.id, n.read]), [['ntf_hubspot', true]], 'still the banner\'s');
        assert.equal((await connection(h, 'con_hubspot')).status, 'error');

        const since = await lastEventId(h);
        await reconnectHubSpot(h);
        assert.deepEqual(await reauthAlerts(h, 'con_hubspot', '&resolved=false'), []);
        const [resolved] = await reauthAlerts(h, 'con_hubspot', '&resolved=true');
        assert.equal(resolved?.id, 'ntf_hubspot');
        assert.equal(resolved?.resolvedAt, h.clock.now().toISOString());
        const heard = (await eventsAfter(h, since)).flatMap((e) => (e.type === 'notification.updated' ? [e.notification] : []));
        assert.deepEqual(heard.map((n) => [n.id, n.read, n.resolvedAt]), [['ntf_hubspot', true, h.clock.now().toISOString()]]);
        // The other alerts are untouched: their problems still exist (LinkedIn's: its expiry warning, seeded).
        const open = (await h.request('GET', '/v1/notifications?resolved=false&limit=100', { token: h.agency })).body.data as Notification[];
        assert.deepEqual(open.map((n) => n.connectionId).sort(), ['con_linkedin', 'con_mailchimp', 'con_quickbooks']);
      });

      it('reading an alert makes no room for a second one about the same broken connection', async () => {
        const h = await harness();
        assert.equal((await h.request('POST', '/v1/notifications/ntf_quickbooks/read', { token: h.client })).status, 200);
        const refresh = await h.request('POST', '/v1/connections/con_quickbooks/refresh', { token: h.client });
        assert.deepEqual([refresh.status, refresh.body.error.code], [400, 'not_refreshable']);
        assert.deepEqual((await reauthAlerts(h, 'con_quickbooks')).map((n) => n.id), ['ntf_quickbooks']);
      });

      it('resolved=maybe is a 400 that says what it accepts', async () => {
        const h = await harness();
        const res = await h.request('GET', '/v1/notifications?resolved=maybe', { token: h.agency });
        assert.deepEqual([res.status, res.body.error.code], [400, 'validation_failed']);
        assert.match(res.body.error.message, /"resolved" must be one of "true", "false"/);
      });
    });

    describe('apps that need a managed auth config', () => {
      it('Follow Up Boss and GoHighLevel carry their auth-config state, refuse the connect flow, and never "finish syncing"', async () => {
        const h = await harness();
        const fub = await connection(h, 'con_fub');
        const ghl = await connection(h, 'con_ghl');
        assert.deepEqual([fub.app.name, fub.app.managedAuthConfig, fub.status], ['Follow Up Boss', 'missing', 'pending']);
        assert.deepEqual([ghl.app.name, ghl.app.managedAuthConfig, ghl.status], ['GoHighLevel', 'invalid', 'pending']);
        const refused = await h.request('POST', '/v1/connections/con_ghl/reconnect', { token: h.agency });
        assert.deepEqual([refused.status, refused.body.error.code], [409, 'auth_config_missing']);
        assert.match(refused.body.error.message, /^GoHighLevel needs a managed auth config that is missing or invalid/);
        h.clock.advance(DEFAULT_FIRST_SYNC_DELAY_MS * 10);
        const outcomes = await h.app.relink.refresher.runDue();
        assert.deepEqual(outcomes.filter((o) => o.connection.id === 'con_fub' || o.connection.id === 'con_ghl'), []);
        assert.deepEqual([(await connection(h, 'con_fub')).status, (await connection(h, 'con_ghl')).status], ['pending', 'pending']);
      });
    });

    describe('pending connections finish on their own (seed 001)', () => {
      it('Google Drive completes its first sync after the delay, not before, and the page hears it', async () => {
        const h = await harness();
        const pending = await connection(h, 'con_gdrive', h.client);
        assert.deepEqual([pending.status, pending.refreshable, pending.lastRefreshedAt], ['pending', false, undefined]);
        const firstSyncs = async () => (await h.app.relink.refresher.runDue()).filter((o) => o.outcome === 'first_sync').map((o) => o.connection.id);

        h.clock.advance(DEFAULT_FIRST_SYNC_DELAY_MS - 1);
        assert.deepEqual(await firstSyncs(), [], 'not before its time');
        assert.equal((await connection(h, 'con_gdrive', h.client)).status, 'pending');

        const since = await lastEventId(h);
        h.clock.advance(1);
        assert.deepEqual(await firstSyncs(), ['con_gdrive']);
        const synced = await connection(h, 'con_gdrive', h.client);
        assert.deepEqual([synced.status, synced.refreshable, synced.lastRefreshedAt], ['active', true, h.clock.now().toISOString()]);
        const heard = (await eventsAfter(h, since)).flatMap((e) => (e.type === 'connection.updated' ? [[e.connection.id, e.connection.status]] : []));
        assert.deepEqual(heard, [['con_gdrive', 'active']]);
        assert.deepEqual(await firstSyncs(), [], 'once');
      });

      it('the delay is configurable and the background loop does it by itself', async () => {
        const h = await harness({ refresher: { autoStart: true, intervalMs: 1_000, firstSyncDelayMs: 2_000 } });
        h.clock.advance(1_000);
        assert.equal((await connection(h, 'con_gdrive', h.client)).status, 'pending');
        h.clock.advance(2_000);
        let status = '';
        for (let i = 0; i < 100 && status !== 'active'; i++) {
          status = (await connection(h, 'con_gdrive', h.client)).status;
          if (status !== 'active') {
            await new Promise((r) => setTimeout(r, 20));
            h.clock.advance(1_000);
          }
        }
        assert.equal(status, 'active');
        h.app.relink.close();
      });
    });

    describe('a denied consent on a connection request', () => {
      it('leaves no stray pending connection; the request stays outstanding and a later consent connects it once', async () => {
        const h = await harness();
        const salesforce = async () => ((await h.request('GET', '/v1/connections?app=salesforce', { token: h.client })).body.data as Connection[]);
        const start = await h.request('POST', '/v1/connection-requests/req_salesforce/connect', { token: h.client });
        assert.equal(start.status, 201);
        assert.deepEqual(await salesforce(), [], 'nothing is written before the consent');
        const denied = await consent(h, start.body.connectUrl, 'acct_ada', 'deny');
        assert.ok(denied.text.includes('"status":"cancelled"'));
        assert.deepEqual(await salesforce(), [], 'no stray pending connection');
        const request = (await h.request('GET', '/v1/connection-requests/req_salesforce', { token: h.client })).body;
        assert.deepEqual([request.state, request.connectionId], ['outstanding', undefined]);

        const again = await h.request('POST', '/v1/connection-requests/req_salesforce/connect', { token: h.client });
        await consent(h, again.body.connectUrl, 'acct_ada');
        const connected = await salesforce();
        assert.deepEqual(connected.map((c) => [c.id, c.status, c.owner]), [[again.body.connectionId, 'active', 'client']]);
        const done = (await h.request('GET', '/v1/connection-requests/req_salesforce', { token: h.client })).body;
        assert.deepEqual([done.state, done.connectionId], ['completed', again.body.connectionId]);
      });
    });
  });
}

describe('migration 0004 on a database whose alerts were only marked read', () => {
  it('resolves the alerts of connections that are active again; a broken connection\'s read alert stays unresolved', async () => {
    const url = await freshDatabase();
    const old = await openDatabase({ url });
    try {
      await migrate(old, loadMigrations().filter((m) => m.version < 4));
      const at = '2026-11-01T00:00:00.000Z';
      const fixedAt = '2026-11-01T02:00:00.000Z';
      const conn = (id: string, status: string, updatedAt: string) => ({
        id, workspaceId: 'ws_a', appKey: 'hubspot', label: id, status, owner: 'agency', ownerPrincipalId: 'prn_a',
        secrets: {}, refresh: { attempts: 0 }, createdAt: at, updatedAt,
      });
      for (const c of [conn('con_fixed', 'active', fixedAt), conn('con_broken', 'error', at)]) {
        await old.query(
          `INSERT INTO connections (workspace_id, id, owner_principal_id, status, app_key, created_at, has_refresh_token, data)
           VALUES ('ws_a', $1, 'prn_a', $2, 'hubspot', $3, false, $4::jsonb)`,
          [c.id, c.status, at, JSON.stringify(c)],
        );
      }
      const alert = (id: string, connectionId: string, kind = 'reauth_required') => ({
        id, workspaceId: 'ws_a', kind, severity: 'critical', title: 'HubSpot reauth required', connectionId, read: true, createdAt: at,
      });
      for (const n of [alert('ntf_fixed', 'con_fixed'), alert('ntf_broken', 'con_broken'), alert('ntf_run', 'con_fixed', 'run_failed')]) {
        await old.query(
          `INSERT INTO notifications (workspace_id, id, connection_id, kind, read, created_at, data) VALUES ('ws_a', $1, $2, $3, true, $4, $5::jsonb)`,
          [n.id, n.connectionId, n.kind, at, JSON.stringify(n)],
        );
      }
    } finally {
      await old.close();
    }
    const store = await SqlStore.open({ url }); // the upgrade: applies 0004 at open
    try {
      const resolvedAt = async (id: string) => (await store.getNotification('ws_a', id))?.resolvedAt;
      assert.deepEqual(
        [await resolvedAt('ntf_fixed'), await resolvedAt('ntf_broken'), await resolvedAt('ntf_run')],
        ['2026-11-01T02:00:00.000Z', undefined, undefined],
      );
      assert.deepEqual((await store.findUnresolvedNotifications('ws_a', 'con_broken', 'reauth_required')).map((n) => n.id), ['ntf_broken']);
      assert.deepEqual(await store.findUnresolvedNotifications('ws_a', 'con_fixed', 'reauth_required'), []);
    } finally {
      await store.close();
    }
  });
});

describe('the contract in /v1/openapi.json', () => {
  it('documents the run\'s blockers and Resume state, the resolved alert and its filter', async () => {
    const h = await baseHarness();
    const doc = (await h.request('GET', '/v1/openapi.json')).body;
    const run = doc.paths['/v1/runs/{id}'].get.responses['200'].content['application/json'].schema;
    assert.deepEqual(run.properties.resumeUnavailable.enum, ['connection_not_active', 'resumes_automatically']);
    assert.equal(run.properties.blockedConnectionIds.type, 'array');
    assert.equal(run.properties.resumable.type, 'boolean');
    assert.ok(doc.paths['/v1/runs/{id}/resume'].post.responses['409']);
    const list = doc.paths['/v1/notifications'].get;
    assert.deepEqual(list.parameters.find((p: { name: string }) => p.name === 'resolved').schema.enum, ['true', 'false']);
    assert.equal(list.responses['200'].content['application/json'].schema.properties.data.items.properties.resolvedAt.type, 'string');
  });
});
