import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_SECRET_KEY, DEMO_WORKSPACE_ID } from '../src/demo/seed.js';
import { harness, type Harness } from './helpers.js';

type Who = 'agency' | 'client' | 'other';
interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Hono-style route this row covers (checked against the registry below). */
  route: string;
  path: string | ((h: Harness) => Promise<string>);
  body?: unknown;
  expect: Record<Who, number>;
}

const startSession = async (h: Harness) => {
  const res = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
  return `/v1/connect-sessions/${res.body.id as string}`;
};

/** A consent flow the client started for its own connection: nobody else may read, confirm or decline it. */
const clientSession = async (h: Harness) => {
  const res = await h.request('POST', '/v1/connections/con_quickbooks/reconnect', { token: h.client });
  return `/v1/connect-sessions/${res.body.id as string}`;
};

// Agency: whole workspace. Client: its own connections, requests addressed to it; no runs, workflows or demo levers.
// Other workspace: ids are not found (404, never 403); its own lists come back (empty of our data).
const ROWS: Row[] = [
  { method: 'GET', route: '/v1/me', path: '/v1/me', expect: { agency: 200, client: 200, other: 200 } },
  { method: 'GET', route: '/v1/connections', path: '/v1/connections', expect: { agency: 200, client: 200, other: 200 } },
  { method: 'GET', route: '/v1/connections/:id', path: '/v1/connections/con_slack', expect: { agency: 200, client: 200, other: 404 } },
  { method: 'GET', route: '/v1/connections/:id', path: '/v1/connections/con_hubspot', expect: { agency: 200, client: 404, other: 404 } },
  { method: 'POST', route: '/v1/connections/:id/refresh', path: '/v1/connections/con_slack/refresh', expect: { agency: 200, client: 200, other: 404 } },
  { method: 'POST', route: '/v1/connections/:id/refresh', path: '/v1/connections/con_hubspot/refresh', expect: { agency: 400, client: 404, other: 404 } },
  { method: 'POST', route: '/v1/connections/:id/revoke', path: '/v1/connections/con_slack/revoke', expect: { agency: 200, client: 200, other: 404 } },
  { method: 'POST', route: '/v1/connections/:id/revoke', path: '/v1/connections/con_linkedin/revoke', expect: { agency: 200, client: 404, other: 404 } },
  { method: 'POST', route: '/v1/connections/:id/reconnect', path: '/v1/connections/con_hubspot/reconnect', expect: { agency: 201, client: 404, other: 404 } },
  { method: 'POST', route: '/v1/connections/:id/reconnect', path: '/v1/connections/con_quickbooks/reconnect', expect: { agency: 409, client: 201, other: 404 } },
  { method: 'POST', route: '/v1/connections/:id/credentials', path: '/v1/connections/con_mailchimp/credentials', body: { fields: { api_key: '0123456789abcdef0123456789abcdef-us21' } }, expect: { agency: 200, client: 404, other: 404 } },
  // Issue 16: anyone adds a connection it then owns; whoever may revoke a connection may read its usage and remove it.
  { method: 'GET', route: '/v1/apps', path: '/v1/apps', expect: { agency: 200, client: 200, other: 200 } },
  { method: 'POST', route: '/v1/connections', path: '/v1/connections', body: { appKey: 'slack' }, expect: { agency: 201, client: 201, other: 201 } },
  { method: 'GET', route: '/v1/connections/:id/usage', path: '/v1/connections/con_slack/usage', expect: { agency: 200, client: 200, other: 404 } },
  { method: 'GET', route: '/v1/connections/:id/usage', path: '/v1/connections/con_hubspot/usage', expect: { agency: 200, client: 404, other: 404 } },
  { method: 'DELETE', route: '/v1/connections/:id', path: '/v1/connections/con_slack', expect: { agency: 200, client: 200, other: 404 } },
  { method: 'DELETE', route: '/v1/connections/:id', path: '/v1/connections/con_linkedin', expect: { agency: 200, client: 404, other: 404 } },
  { method: 'GET', route: '/v1/connect-sessions/:id', path: startSession, expect: { agency: 200, client: 404, other: 404 } },
  // The agency cannot consent for the client's account: the client's flow (its consent URL, its state) is not its.
  { method: 'GET', route: '/v1/connect-sessions/:id', path: clientSession, expect: { agency: 404, client: 200, other: 404 } },
  { method: 'POST', route: '/v1/connect-sessions/:id/confirm', path: async (h) => `${await startSession(h)}/confirm`, expect: { agency: 409, client: 404, other: 404 } },
  { method: 'POST', route: '/v1/connect-sessions/:id/confirm', path: async (h) => `${await clientSession(h)}/confirm`, expect: { agency: 404, client: 409, other: 404 } },
  { method: 'POST', route: '/v1/connect-sessions/:id/decline', path: async (h) => `${await startSession(h)}/decline`, expect: { agency: 409, client: 404, other: 404 } },
  { method: 'POST', route: '/v1/connect-sessions/:id/decline', path: async (h) => `${await clientSession(h)}/decline`, expect: { agency: 404, client: 409, other: 404 } },
  // Issue 16.5: only whoever started the flow chooses its accounts (the agency never consents for the client).
  { method: 'POST', route: '/v1/connect-sessions/:id/accounts', path: async (h) => `${await startSession(h)}/accounts`, body: { accountIds: ['page_bakery_main'] }, expect: { agency: 409, client: 404, other: 404 } },
  { method: 'POST', route: '/v1/connect-sessions/:id/accounts', path: async (h) => `${await clientSession(h)}/accounts`, body: { accountIds: ['page_bakery_main'] }, expect: { agency: 404, client: 409, other: 404 } },
  { method: 'GET', route: '/v1/connection-requests', path: '/v1/connection-requests', expect: { agency: 200, client: 200, other: 200 } },
  { method: 'GET', route: '/v1/connection-requests/:id', path: '/v1/connection-requests/req_salesforce', expect: { agency: 200, client: 200, other: 404 } },
  { method: 'POST', route: '/v1/connection-requests', path: '/v1/connection-requests', body: { connectionId: 'con_quickbooks' }, expect: { agency: 201, client: 403, other: 404 } },
  { method: 'POST', route: '/v1/connection-requests/:id/cancel', path: '/v1/connection-requests/req_salesforce/cancel', expect: { agency: 200, client: 403, other: 404 } },
  { method: 'POST', route: '/v1/connection-requests/:id/connect', path: '/v1/connection-requests/req_salesforce/connect', expect: { agency: 403, client: 201, other: 404 } },
  { method: 'GET', route: '/v1/notifications', path: '/v1/notifications', expect: { agency: 200, client: 200, other: 200 } },
  { method: 'POST', route: '/v1/notifications/:id/read', path: '/v1/notifications/ntf_hubspot/read', expect: { agency: 200, client: 404, other: 404 } },
  { method: 'POST', route: '/v1/notifications/:id/read', path: '/v1/notifications/ntf_quickbooks/read', expect: { agency: 200, client: 200, other: 404 } },
  // Each principal reads and writes only its own notification preferences; the agency's reauth alerts stay on (409).
  { method: 'GET', route: '/v1/notification-preferences', path: '/v1/notification-preferences', expect: { agency: 200, client: 200, other: 200 } },
  { method: 'PUT', route: '/v1/notification-preferences', path: '/v1/notification-preferences', body: { preferences: [{ kind: 'run_failed', enabled: false }] }, expect: { agency: 200, client: 200, other: 200 } },
  { method: 'PUT', route: '/v1/notification-preferences', path: '/v1/notification-preferences', body: { preferences: [{ kind: 'reauth_required', enabled: false }] }, expect: { agency: 409, client: 200, other: 409 } },
  { method: 'GET', route: '/v1/runs', path: '/v1/runs', expect: { agency: 200, client: 403, other: 200 } },
  { method: 'GET', route: '/v1/runs/:id', path: '/v1/runs/run_running', expect: { agency: 200, client: 403, other: 404 } },
  { method: 'POST', route: '/v1/runs/:id/resume', path: '/v1/runs/run_operator_reauth/resume', expect: { agency: 409, client: 403, other: 404 } }, // 409: HubSpot is broken (connection_not_active); past auth
  { method: 'POST', route: '/v1/runs/:id/replay', path: '/v1/runs/run_failed/replay', expect: { agency: 201, client: 403, other: 404 } },
  { method: 'GET', route: '/v1/workflows/:id/publish-check', path: '/v1/workflows/wf_lead_sync/publish-check', expect: { agency: 200, client: 403, other: 404 } },
  { method: 'GET', route: '/v1/events', path: '/v1/events', expect: { agency: 200, client: 200, other: 200 } },
  { method: 'POST', route: '/v1/demo/reset', path: '/v1/demo/reset', expect: { agency: 200, client: 403, other: 404 } },
  { method: 'POST', route: '/v1/demo/connections/:id/revoke-grant', path: '/v1/demo/connections/con_slack/revoke-grant', expect: { agency: 200, client: 403, other: 404 } },
  { method: 'POST', route: '/v1/demo/provider/fail-transiently', path: '/v1/demo/provider/fail-transiently', body: { count: 1 }, expect: { agency: 200, client: 403, other: 404 } },
  { method: 'POST', route: '/v1/demo/connections/:id/expire', path: '/v1/demo/connections/con_slack/expire', expect: { agency: 200, client: 403, other: 404 } },
  { method: 'POST', route: '/v1/demo/refresher/run', path: '/v1/demo/refresher/run', expect: { agency: 200, client: 403, other: 404 } },
  { method: 'POST', route: '/v1/demo/workflows/:id/run', path: '/v1/demo/workflows/wf_linkedin_posts/run', expect: { agency: 201, client: 403, other: 404 } },
];

/** Status only; an event stream is cancelled instead of read to the end. */
async function statusOf(h: Harness, method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; code?: string }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await h.app.request(`http://relink.test${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status };
  }
  const json = (await res.json()) as { error?: { code: string } };
  return { status: res.status, ...(json.error ? { code: json.error.code } : {}) };
}

describe('authorization matrix', () => {
  it('covers every session route in the registry', async () => {
    const h = await harness();
    const covered = new Set(ROWS.map((r) => `${r.method} ${r.route}`));
    const sessionRoutes = h.app.relink.registry.docs
      .filter((d) => d.auth === 'session')
      .map((d) => `${d.method.toUpperCase()} ${d.path.replace(/\{(\w+)\}/g, ':$1')}`);
    assert.deepEqual(sessionRoutes.filter((r) => !covered.has(r)), []);
  });

  for (const row of ROWS) {
    const label = typeof row.path === 'string' ? row.path : row.route;
    it(`${row.method} ${label}: agency ${row.expect.agency}, client ${row.expect.client}, other workspace ${row.expect.other}, no token 401, expired 401`, async () => {
      for (const who of ['agency', 'client', 'other'] as const) {
        const h = await harness();
        const path = typeof row.path === 'string' ? row.path : await row.path(h);
        const got = await statusOf(h, row.method, path, h[who], row.body);
        assert.equal(got.status, row.expect[who], `${who}: ${JSON.stringify(got)}`);
        if (got.status === 403) assert.equal(got.code, 'forbidden');
        if (got.status === 404) assert.ok(got.code === 'not_found', `${who}: ${got.code}`);
      }
      const h = await harness();
      const path = typeof row.path === 'string' ? row.path : await row.path(h);
      const none = await statusOf(h, row.method, path, undefined, row.body);
      assert.deepEqual(none, { status: 401, code: 'unauthorized' });
      const short = await h.app.relink.mintToken(DEMO_WORKSPACE_ID, 'agency', 'prn_agency', 60);
      h.clock.advance(61_000);
      assert.deepEqual(await statusOf(h, row.method, path, short.token, row.body), { status: 401, code: 'unauthorized' });
      assert.deepEqual(await statusOf(h, row.method, path, 'garbage.token', row.body), { status: 401, code: 'unauthorized' });
    });
  }
});

describe('session tokens', () => {
  it('POST /v1/sessions with the workspace secret key mints a token that works, and expires', async () => {
    const h = await harness();
    const res = await h.request('POST', '/v1/sessions', { body: { role: 'client', principalId: 'prn_client', ttlSeconds: 60 }, headers: { authorization: `Bearer ${DEMO_SECRET_KEY}` } });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body.viewer, { workspaceId: DEMO_WORKSPACE_ID, role: 'client', principalId: 'prn_client', name: 'Acme Bakery' });
    assert.equal((await h.request('GET', '/v1/me', { token: res.body.token })).status, 200);
    h.clock.advance(60_000);
    const expired = await h.request('GET', '/v1/me', { token: res.body.token });
    assert.equal(expired.status, 401);
    assert.match(expired.body.error.message, /expired/);
  });

  it('refuses a wrong or missing secret key, a role that does not match, and a tampered token', async () => {
    const h = await harness();
    const body = { role: 'agency', principalId: 'prn_agency' };
    assert.equal((await h.request('POST', '/v1/sessions', { body, headers: { authorization: 'Bearer sk_wrong' } })).status, 401);
    assert.equal((await h.request('POST', '/v1/sessions', { body })).status, 401);
    assert.equal((await h.request('POST', '/v1/sessions', { body: { role: 'agency', principalId: 'prn_client' }, headers: { authorization: `Bearer ${DEMO_SECRET_KEY}` } })).status, 404);
    // A client token edited to claim the agency role fails its signature.
    const [payload, signature] = h.client.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, role: 'agency', sub: 'prn_agency' })).toString('base64url')}.${signature}`;
    assert.equal((await h.request('GET', '/v1/runs', { token: forged })).status, 401);
  });

  it('the other workspace secret key cannot mint for the demo workspace', async () => {
    const h = await harness();
    const res = await h.request('POST', '/v1/sessions', { body: { role: 'agency', principalId: 'prn_agency' }, headers: { authorization: 'Bearer sk_other' } });
    assert.equal(res.status, 404);
  });

  it('a client only ever lists its own connections', async () => {
    const h = await harness();
    const res = await h.request('GET', '/v1/connections', { token: h.client });
    assert.deepEqual(res.body.data.map((c: { id: string }) => c.id).sort(), ['con_facebook', 'con_gdrive', 'con_quickbooks', 'con_slack']);
    assert.ok(res.body.data.every((c: { owner: string }) => c.owner === 'client'));
    const other = await h.request('GET', '/v1/connections', { token: h.other });
    assert.deepEqual(other.body.data.map((c: { id: string }) => c.id), ['con_other']);
  });
});

describe('bad tokens on every session route', () => {
  it('each kind of bad token is a 401 unauthorized on every route in the registry', async () => {
    const h = await harness();
    const [payload, signature] = h.agency.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forge = (change: Record<string, unknown>) => `${Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url')}.${signature}`;
    const BAD: Record<string, string | undefined> = {
      'no header': undefined,
      'empty bearer': '',
      garbage: 'garbage.token',
      'no signature': `${payload}.`,
      'signature of another token': `${payload}.${h.client.split('.')[1]}`,
      'role raised': forge({ role: 'agency', sub: 'prn_client' }),
      'other workspace claimed': forge({ ws: 'ws_other' }),
      'lifetime extended': forge({ exp: 9_999_999_999 }),
      'secret key as a session token': DEMO_SECRET_KEY,
      'a NUL in it': `${payload}\u0000.${signature}`,
    };
    for (const doc of h.app.relink.registry.docs.filter((d) => d.auth === 'session')) {
      const path = doc.path.replace(/\{id\}/g, 'con_slack');
      for (const [kind, token] of Object.entries(BAD)) {
        const headers: Record<string, string> = {};
        if (token !== undefined && !token.includes('\u0000')) headers.authorization = `Bearer ${token}`;
        const res = await h.app.request(`http://relink.test${path}`, { method: doc.method.toUpperCase(), headers });
        const body = (await res.json()) as { error?: { code?: string } };
        assert.equal(res.status, 401, `${doc.method.toUpperCase()} ${path} with ${kind}`);
        assert.equal(body.error?.code, 'unauthorized');
      }
    }
  });
});
