// Two server instances on one PostgreSQL database, as behind a load balancer: one public URL (instance A's, which
// serves the provider to both), one signing secret, two processes' worth of state.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_AGENCY_ID, DEMO_WORKSPACE_ID } from '../src/demo/seed.js';
import { startNodeRelink, type RunningRelink } from '../src/node/server.js';
import type { OidcProvider } from '../src/provider/oidc/oidc-provider.js';
import { freshDatabase } from './postgres.js';

const secretKey = 'multi-instance-secret-0123456789abcdef';
let a: RunningRelink;
let b: RunningRelink;

before(async () => {
  const url = await freshDatabase();
  a = await startNodeRelink({ database: { url }, secretKey, demo: true, refresher: { autoStart: false } });
  b = await startNodeRelink({ database: { url }, secretKey, demo: true, refresher: { autoStart: false }, publicUrl: a.url });
});
after(async () => {
  await b?.close();
  await a?.close();
});

const agencyToken = async (r: RunningRelink) => (await r.app.relink.mintToken(DEMO_WORKSPACE_ID, 'agency', DEMO_AGENCY_ID)).token;

describe('two instances on one PostgreSQL', () => {
  it('100 concurrent refresh triggers across both instances refresh a rotating token exactly once', async () => {
    await a.app.relink.resetDemo();
    const token = await agencyToken(a);
    const expired = await a.app.request(`${a.url}/v1/demo/connections/con_slack/expire`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    assert.equal(expired.status, 200);
    const before = (await a.store.getConnection(DEMO_WORKSPACE_ID, 'con_slack'))!.secrets.refreshToken;
    const server = (a.provider as OidcProvider).server;
    const start = { ...server.stats };

    const triggers = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).app.relink.refresher.runDue());
    const outcomes = (await Promise.all(triggers)).flat();

    assert.deepEqual(outcomes.map((o) => o.outcome), ['refreshed']);
    assert.equal(server.stats.refreshGrants - start.refreshGrants, 1, 'the token endpoint saw one refresh');
    assert.equal(server.stats.refreshFailures - start.refreshFailures, 0);
    const after = (await b.store.getConnection(DEMO_WORKSPACE_ID, 'con_slack'))!;
    assert.equal(after.status, 'active');
    assert.notEqual(after.secrets.refreshToken, before);
    // The credential survived: the rotated token refreshes again, from the other instance.
    const again = await b.app.request(`${b.url}/v1/connections/con_slack/refresh`, { method: 'POST', headers: { authorization: `Bearer ${await agencyToken(b)}` } });
    assert.equal(again.status, 200);
  });

  it('on-demand claims: of 100 concurrent claimers on both instances exactly one holds the lease', async () => {
    await a.app.relink.resetDemo();
    const now = new Date();
    const claims = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).store.claimRefresh(DEMO_WORKSPACE_ID, 'con_slack', now, 30_000)));
    assert.equal(claims.filter(Boolean).length, 1);
  });

  it('an event raised through instance A reaches a subscriber of instance B (LISTEN/NOTIFY)', async () => {
    await a.app.relink.resetDemo();
    const heard: string[] = [];
    const unsubscribe = b.store.subscribe(DEMO_WORKSPACE_ID, (event) => heard.push(`${event.type}:${JSON.stringify(event.data).includes('"status":"revoked"')}`));
    // And over HTTP: an SSE stream opened on B.
    const res = await fetch(`${b.url}/v1/events`, { headers: { authorization: `Bearer ${await agencyToken(b)}` } });
    assert.equal(res.status, 200);
    const reader = res.body!.getReader();
    let text = '';
    const revoke = await fetch(`${a.url}/v1/connections/con_linkedin/revoke`, { method: 'POST', headers: { authorization: `Bearer ${await agencyToken(a)}` } });
    assert.equal(revoke.status, 200);
    const deadline = Date.now() + 5_000;
    while (!/"id":"con_linkedin"[^\n]*"status":"revoked"|"status":"revoked"[^\n]*"id":"con_linkedin"/.test(text)) {
      assert.ok(Date.now() < deadline, `B's stream did not deliver the revoke: ${text}`);
      const chunk = await Promise.race([reader.read(), new Promise<{ value: undefined }>((r) => setTimeout(() => r({ value: undefined }), 100))]);
      if (chunk.value) text += new TextDecoder().decode(chunk.value);
    }
    await reader.cancel();
    unsubscribe();
    assert.match(text, /event: connection\.updated/);
    assert.ok(heard.includes('connection.updated:true'));
  });
});
