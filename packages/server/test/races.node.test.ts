// The races that used to lose data, each repeated (RACE_TRIALS, default 50) on PostgreSQL with two server
// instances behind one URL, as behind a load balancer. Each trial checks the invariant, not a timing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_AGENCY_ID, DEMO_WORKSPACE_ID } from '../src/demo/seed.js';
import { startNodeRelink, type RunningRelink } from '../src/node/server.js';
import type { OidcProvider } from '../src/provider/oidc/oidc-provider.js';
import { consentCallbackUrl } from './helpers.js';
import { freshDatabase } from './postgres.js';

const TRIALS = Number(process.env.RACE_TRIALS ?? 50);
const secretKey = 'races-signing-secret-0123456789abcdef';
let a: RunningRelink;
let b: RunningRelink;

before(async () => {
  const url = await freshDatabase();
  a = await startNodeRelink({ database: { url }, secretKey, demo: true, refresher: { autoStart: false }, rateLimit: false });
  b = await startNodeRelink({ database: { url }, secretKey, demo: true, refresher: { autoStart: false }, rateLimit: false, publicUrl: a.url });
});
after(async () => {
  await b?.close();
  await a?.close();
});

const token = async (r: RunningRelink) => (await r.app.relink.mintToken(DEMO_WORKSPACE_ID, 'agency', DEMO_AGENCY_ID)).token;
async function call(r: RunningRelink, method: string, path: string, bearer: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await r.app.request(`${a.url}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, ...headers } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe(`races on PostgreSQL, two instances, ${TRIALS} trials each`, () => {
  it('a refresh racing a revoke: once the revoke answers "revoked", the connection never reads active and raises no reauth alert', async () => {
    const [ta, tb] = [await token(a), await token(b)];
    for (let trial = 0; trial < TRIALS; trial++) {
      await a.app.relink.resetDemo();
      const alertsBefore = (await a.store.findUnreadNotifications(DEMO_WORKSPACE_ID, 'con_slack', 'reauth_required')).length;
      const [refresh, revoke] = await Promise.all([
        call(a, 'POST', '/v1/connections/con_slack/refresh', ta),
        call(b, 'POST', '/v1/connections/con_slack/revoke', tb),
      ]);
      assert.equal(revoke.status, 200, `trial ${trial}: revoke ${JSON.stringify(revoke.body)}`);
      assert.equal(revoke.body.status, 'revoked');
      assert.ok(refresh.status < 500 || refresh.status === 503, `trial ${trial}: refresh ${refresh.status}`);
      const after = (await call(b, 'GET', '/v1/connections/con_slack', tb)).body;
      assert.equal(after.status, 'revoked', `trial ${trial}: the connection reads ${after.status} after the revoke answered revoked`);
      const alertsAfter = (await a.store.findUnreadNotifications(DEMO_WORKSPACE_ID, 'con_slack', 'reauth_required')).length;
      assert.equal(alertsAfter, alertsBefore, `trial ${trial}: a reauth alert was raised on a revoked connection`);
    }
  });

  it('one callback URL loaded twice at once (one load per instance): the code is exchanged once and the connection works', async () => {
    const server = (a.provider as OidcProvider).server;
    const ta = await token(a);
    for (let trial = 0; trial < TRIALS; trial++) {
      await a.app.relink.resetDemo();
      const start = await call(a, 'POST', '/v1/connections/con_hubspot/reconnect', ta);
      assert.equal(start.status, 201);
      const callbackUrl = await consentCallbackUrl(start.body.connectUrl, 'acct_ops');
      const exchangesBefore = server.stats.codeGrants;
      const pages = await Promise.all([a.app.request(callbackUrl), b.app.request(callbackUrl)]);
      assert.deepEqual(pages.map((p) => p.status), [200, 200], `trial ${trial}`);
      await Promise.all(pages.map((p) => p.text()));
      assert.equal(server.stats.codeGrants - exchangesBefore, 1, `trial ${trial}: the code was exchanged ${server.stats.codeGrants - exchangesBefore} times`);
      const session = (await call(a, 'GET', `/v1/connect-sessions/${start.body.id as string}`, ta)).body;
      assert.equal(session.status, 'completed', `trial ${trial}`);
      // The tokens the connection holds are alive: a refresh succeeds.
      const refreshed = await call(b, 'POST', '/v1/connections/con_hubspot/refresh', ta);
      assert.equal(refreshed.status, 200, `trial ${trial}: refresh after the double callback ${JSON.stringify(refreshed.body)}`);
      assert.equal(refreshed.body.status, 'active');
    }
  });

  it('ten concurrent requests with one Idempotency-Key across both instances create one run', async () => {
    const [ta, tb] = [await token(a), await token(b)];
    for (let trial = 0; trial < TRIALS; trial++) {
      const key = `replay-${trial}-${Math.random()}`;
      const runsBefore = (await a.store.listRuns({ workspaceId: DEMO_WORKSPACE_ID, limit: 1000 })).items.length;
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) =>
        call(i % 2 ? b : a, 'POST', '/v1/runs/run_failed/replay', i % 2 ? tb : ta, { 'idempotency-key': key })));
      assert.deepEqual([...new Set(answers.map((r) => r.status))], [201], `trial ${trial}: ${JSON.stringify(answers.map((r) => r.status))}`);
      assert.equal(new Set(answers.map((r) => r.body.id)).size, 1, `trial ${trial}: several runs answered`);
      const runsAfter = (await a.store.listRuns({ workspaceId: DEMO_WORKSPACE_ID, limit: 1000 })).items.length;
      assert.equal(runsAfter - runsBefore, 1, `trial ${trial}: ${runsAfter - runsBefore} runs created`);
    }
  });

  it('20 parallel mark-reads of one notification across both instances emit one notification.updated', async () => {
    const [ta, tb] = [await token(a), await token(b)];
    for (let trial = 0; trial < TRIALS; trial++) {
      const n = (await a.store.getNotification(DEMO_WORKSPACE_ID, 'ntf_hubspot'))!;
      await a.store.putNotification({ ...n, read: false });
      const lastId = (await a.store.eventsSince(DEMO_WORKSPACE_ID, 0, 1_000_000)).at(-1)?.id ?? 0;
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => call(i % 2 ? b : a, 'POST', '/v1/notifications/ntf_hubspot/read', i % 2 ? tb : ta)));
      assert.ok(answers.every((r) => r.status === 200 && r.body.read === true), `trial ${trial}`);
      const emitted = (await a.store.eventsSince(DEMO_WORKSPACE_ID, lastId, 1000)).filter((e) => e.type === 'notification.updated');
      assert.equal(emitted.length, 1, `trial ${trial}: ${emitted.length} notification.updated events`);
    }
  });
});
