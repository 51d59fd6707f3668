import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorBody } from '@relink/sdk/schema';
import { createRelinkServer } from '../src/app.js';
import { ManualClock } from '../src/clock.js';
import { sha256Base64url } from '../src/internal/ids.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { harness } from './helpers.js';

describe('validation', () => {
  it('unknown query field, oversize page, bad enum → 400 validation_failed with a clear message', async () => {
    const h = await harness();
    const unknown = await h.request('GET', '/v1/connections?colour=red', { token: h.agency });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'validation_failed');
    assert.match(unknown.body.error.message, /Unknown field "colour"/);
    for (const list of ['/v1/connections', '/v1/notifications', '/v1/runs', '/v1/connection-requests']) {
      const big = await h.request('GET', `${list}?limit=101`, { token: h.agency });
      assert.equal(big.status, 400, list);
      assert.match(big.body.error.message, /"limit" must be at most 100/);
    }
    const status = await h.request('GET', '/v1/connections?status=expired', { token: h.agency });
    assert.equal(status.status, 400);
    assert.match(status.body.error.message, /"status" must be one of "active", "error", "pending", "revoked"/);
  });

  it('unknown body field, malformed JSON and a non-JSON body → 400', async () => {
    const h = await harness();
    const unknown = await h.request('POST', '/v1/connection-requests', { token: h.agency, body: { connectionId: 'con_quickbooks', colour: 'red' } });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /Unknown field "colour"/);
    const broken = await h.request('POST', '/v1/connection-requests', { token: h.agency, body: '{"connectionId":' });
    assert.deepEqual([broken.status, broken.body.error.code], [400, 'bad_request']);
    const form = await h.request('POST', '/v1/connections/con_mailchimp/credentials', { token: h.agency, body: 'fields=1', headers: { 'content-type': 'text/plain' } });
    assert.equal(form.status, 400);
  });

  it('a bad id → 400 bad_request, not 404', async () => {
    const h = await harness();
    const res = await h.request('GET', `/v1/connections/${'x'.repeat(65)}`, { token: h.agency });
    assert.deepEqual([res.status, res.body.error.code], [400, 'bad_request']);
    const odd = await h.request('POST', '/v1/runs/run%20one/resume', { token: h.agency });
    assert.deepEqual([odd.status, odd.body.error.code], [400, 'bad_request']);
  });

  it('a forged cursor → 400; a real cursor pages through everything once', async () => {
    const h = await harness();
    assert.equal((await h.request('GET', '/v1/connections?cursor=zzz', { token: h.agency })).status, 400);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await h.request('GET', `/v1/connections?limit=3${q}`, { token: h.agency });
      ids.push(...page.body.data.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(ids.length, 9);
    assert.equal(new Set(ids).size, 9);
  });

  it('every answer carries x-request-id and errors parse as ErrorBody', async () => {
    const h = await harness();
    for (const [method, path, token] of [['GET', '/v1/me', h.agency], ['GET', '/v1/nope', h.agency], ['GET', '/v1/me', undefined], ['GET', '/v1/openapi.json', undefined]] as const) {
      const res = await h.request(method, path, { token });
      assert.match(res.headers.get('x-request-id') ?? '', /^req_/, path);
      if (res.status >= 400) assert.ok(ErrorBody.safeParse(res.body).success, path);
    }
  });

  it('never serialises secrets', async () => {
    const h = await harness();
    const all = JSON.stringify((await h.request('GET', '/v1/connections', { token: h.agency })).body);
    const { store } = h.app.relink;
    const slack = await store.getConnection('ws_northwind', 'con_slack');
    assert.ok(slack?.secrets.refreshToken);
    assert.ok(!all.includes(slack.secrets.refreshToken));
    assert.ok(!all.includes(slack.secrets.accessToken!));
    assert.ok(!all.includes('secrets'));
    const session = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    assert.ok(!JSON.stringify(session.body).includes('codeVerifier'));
  });
});

describe('openapi', () => {
  it('lists every route Hono has registered under /v1, with its method', async () => {
    const h = await harness();
    const doc = (await h.request('GET', '/v1/openapi.json')).body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(doc.openapi, '3.1.0');
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    const registered = h.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/'))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    assert.ok(registered.length >= 30);
    assert.deepEqual(registered.filter((r) => !documented.has(r)), []);
    assert.deepEqual([...documented].filter((r) => !registered.includes(r)), []);
  });

  it('carries the contract schemas: the connection status enum, the refresh error, the list query', async () => {
    const h = await harness();
    const doc = (await h.request('GET', '/v1/openapi.json')).body;
    const get = doc.paths['/v1/connections/{id}'].get;
    assert.deepEqual(get.responses['200'].content['application/json'].schema.properties.status.enum, ['active', 'error', 'pending', 'revoked']);
    assert.ok(doc.paths['/v1/connections/{id}/refresh'].post.responses['400']);
    const limit = doc.paths['/v1/connections'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    assert.equal(limit.schema.maximum, 100);
    // Both tables a window pages through jump to a row the same way (0..1,000,000).
    for (const list of ['/v1/connections', '/v1/runs']) {
      const offset = doc.paths[list].get.parameters.find((p: { name: string }) => p.name === 'offset');
      assert.deepEqual([offset?.schema.minimum, offset?.schema.maximum], [0, 1_000_000], list);
    }
  });

  it('is built once per server and sent with an ETag; a client holding it gets a 304 without a body', async () => {
    const h = await harness();
    const first = await h.request('GET', '/v1/openapi.json');
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^"[\w-]{43}"$/);
    // A route documented after the first request does not show: the document is not rebuilt per request.
    h.app.relink.registry.docs.push({ method: 'get', path: '/v1/late', tag: 'meta', auth: 'none', summary: 'late', response: { status: 200, description: 'late' } });
    const second = await h.request('GET', '/v1/openapi.json');
    assert.equal(second.text, first.text);
    assert.equal(second.headers.get('etag'), etag);
    const held = await h.request('GET', '/v1/openapi.json', { headers: { 'if-none-match': `W/"other", ${etag}` } });
    assert.equal(held.status, 304);
    assert.equal(held.text, '');
    assert.equal(held.headers.get('etag'), etag);
    const stale = await h.request('GET', '/v1/openapi.json', { headers: { 'if-none-match': '"other"' } });
    assert.equal(stale.status, 200);
    assert.equal(stale.text, first.text);
  });
});

describe('idempotency and rate limits', () => {
  it('the same Idempotency-Key replays the stored answer instead of acting twice', async () => {
    const h = await harness();
    const headers = { 'idempotency-key': 'replay-run-failed-1' };
    const first = await h.request('POST', '/v1/runs/run_failed/replay', { token: h.agency, headers });
    const second = await h.request('POST', '/v1/runs/run_failed/replay', { token: h.agency, headers });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.body.id, first.body.id);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    const replays = (await h.request('GET', '/v1/runs?limit=100', { token: h.agency })).body.data.filter((r: { replayOf?: string }) => r.replayOf === 'run_failed');
    assert.equal(replays.length, 1);
    // A 4xx is stored too: the retried revoke answers the same 200, not a 409.
    const k = { 'idempotency-key': 'revoke-1' };
    assert.equal((await h.request('POST', '/v1/connections/con_linkedin/revoke', { token: h.agency, headers: k })).status, 200);
    assert.equal((await h.request('POST', '/v1/connections/con_linkedin/revoke', { token: h.agency, headers: k })).status, 200);
    assert.equal((await h.request('POST', '/v1/connections/con_linkedin/revoke', { token: h.agency })).status, 409);
  });

  it('concurrent retries with one key act once', async () => {
    const h = await harness();
    const headers = { 'idempotency-key': 'concurrent-1' };
    const answers = await Promise.all([1, 2, 3].map(() => h.request('POST', '/v1/runs/run_failed/replay', { token: h.agency, headers })));
    assert.deepEqual(answers.map((a) => a.status), [201, 201, 201]);
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
  });

  it('keys are per principal, and a key reused for another request is refused', async () => {
    const h = await harness();
    const headers = { 'idempotency-key': 'k1' };
    const a = await h.request('POST', '/v1/notifications/ntf_quickbooks/read', { token: h.agency, headers });
    const b = await h.request('POST', '/v1/notifications/ntf_quickbooks/read', { token: h.client, headers });
    assert.equal(a.status, 200);
    assert.equal(b.headers.get('idempotent-replayed'), null);
    const reused = await h.request('POST', '/v1/notifications/ntf_hubspot/read', { token: h.agency, headers });
    assert.deepEqual([reused.status, reused.body.error.code], [400, 'bad_request']);
  });

  it('mutating routes are rate limited per principal: 429 rate_limited with Retry-After', async () => {
    const h = await harness({ rateLimit: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) assert.notEqual((await h.request('POST', '/v1/runs/run_completed/resume', { token: h.agency })).status, 429);
    const limited = await h.request('POST', '/v1/runs/run_completed/resume', { token: h.agency });
    assert.deepEqual([limited.status, limited.body.error.code], [429, 'rate_limited']);
    assert.equal(limited.headers.get('retry-after'), '60');
    // others are not affected, reads are not limited, and the window passes
    assert.notEqual((await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client })).status, 429);
    assert.equal((await h.request('GET', '/v1/runs', { token: h.agency })).status, 200);
    h.clock.advance(60_000);
    assert.equal((await h.request('POST', '/v1/runs/run_completed/resume', { token: h.agency })).status, 409);
  });
});

describe('demo mode', () => {
  it('demo routes answer 404 demo_mode_off when demo mode is off', async () => {
    const store = new MemoryStore();
    const clock = new ManualClock();
    const now = clock.now().toISOString();
    await store.putWorkspace({ id: 'ws_northwind', name: 'N', secretKeyHash: await sha256Base64url('sk_live'), createdAt: now });
    await store.putPrincipal({ id: 'prn_agency', workspaceId: 'ws_northwind', role: 'agency', name: 'N', createdAt: now });
    const app = createRelinkServer({ publicUrl: 'http://relink.test', secretKey: 'test-signing-secret-0123456789', store, clock, refresher: { autoStart: false } });
    const { token } = await app.relink.mintToken('ws_northwind', 'agency', 'prn_agency');
    for (const path of ['/v1/demo/reset', '/v1/demo/refresher/run', '/v1/demo/connections/con_slack/expire', '/v1/demo/connections/con_slack/revoke-grant']) {
      const res = await app.request(`http://relink.test${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.status, 404, path);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'demo_mode_off');
    }
    await assert.rejects(app.relink.resetDemo(), /demo mode/);
  });

  it('reset restores the seed exactly after a round of changes', async () => {
    const h = await harness();
    // The pages' eventId is where the event log stands, which moves on with every change: the data is the seed.
    const content = ({ eventId: _position, ...page }: Record<string, unknown>) => page;
    const snapshot = async () => {
      const out: Record<string, unknown> = {};
      for (const path of ['/v1/connections?limit=100', '/v1/notifications?limit=100', '/v1/runs?limit=100', '/v1/connection-requests?limit=100']) {
        out[path] = content((await h.request('GET', path, { token: h.agency })).body);
      }
      out.client = content((await h.request('GET', '/v1/connections', { token: h.client })).body);
      return out;
    };
    const before = await snapshot();
    await h.request('POST', '/v1/connections/con_slack/revoke', { token: h.client });
    await h.request('POST', '/v1/connections/con_mailchimp/credentials', { token: h.agency, body: { fields: { api_key: '0123456789abcdef0123456789abcdef-us21' } } });
    await h.request('POST', '/v1/runs/run_failed/replay', { token: h.agency });
    await h.request('POST', '/v1/connection-requests/req_salesforce/cancel', { token: h.agency });
    await h.request('POST', '/v1/notifications/ntf_hubspot/read', { token: h.agency });
    assert.notDeepEqual(await snapshot(), before);
    const reset = await h.request('POST', '/v1/demo/reset', { token: h.agency });
    assert.equal(reset.status, 200);
    assert.deepEqual(await snapshot(), before);
    // and the restored refresh token really is refreshable again
    assert.equal((await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client })).status, 200);
  });

  it('the seed tells the banner story: 3 unread reauth alerts, HubSpot first; the states issue 3 lists', async () => {
    const h = await harness();
    const alerts = (await h.request('GET', '/v1/notifications?unread=true', { token: h.agency })).body.data;
    assert.deepEqual(alerts.map((n: { title: string }) => n.title), ['HubSpot reauth required', 'Mailchimp reauth required', 'QuickBooks reauth required']);
    const byId = Object.fromEntries((await h.request('GET', '/v1/connections', { token: h.agency })).body.data.map((c: { id: string }) => [c.id, c]));
    const state = (id: string) => [byId[id].status, byId[id].owner, byId[id].refreshable];
    assert.deepEqual(state('con_slack'), ['active', 'client', true]);
    assert.deepEqual(state('con_quickbooks'), ['error', 'client', true]);
    assert.deepEqual(state('con_gdrive'), ['pending', 'client', false]);
    assert.deepEqual(state('con_facebook'), ['revoked', 'client', false]);
    assert.deepEqual(state('con_hubspot'), ['error', 'agency', true]);
    assert.deepEqual(state('con_linkedin'), ['active', 'agency', false]);
    assert.deepEqual(state('con_mailchimp'), ['error', 'agency', false]);
    assert.equal(byId.con_fub.app.managedAuthConfig, 'missing');
    assert.equal(byId.con_slack.externalAccountEmail, 'ada@acmebakery.example');
    assert.equal(Date.parse(byId.con_linkedin.expiresAt) - h.clock.now().getTime(), 5 * 24 * 60 * 60 * 1000);
    // the client's bell only carries its own connection's alert
    const clientAlerts = (await h.request('GET', '/v1/notifications?unread=true', { token: h.client })).body.data;
    assert.deepEqual(clientAlerts.map((n: { connectionId: string }) => n.connectionId), ['con_quickbooks']);
  });
});
