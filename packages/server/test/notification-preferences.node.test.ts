// Issue 16 item 6 on the reference backend: per principal, which notification kinds reach its bell (seed 004: "Make
// sure Flamel's connection status notifications are turned on"). Rules answer 4xx with a code and a message; a kind
// turned off leaves the principal's list and event stream, and no one else's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, type Harness } from './helpers.js';

type Preference = { kind: string; enabled: boolean; locked?: string };

const prefs = async (h: Harness, token: string) => {
  const res = await h.request('GET', '/v1/notification-preferences', { token });
  assert.equal(res.status, 200);
  return res.body.data as Preference[];
};
const put = (h: Harness, token: string, preferences: unknown) => h.request('PUT', '/v1/notification-preferences', { token, body: { preferences } });
const listed = async (h: Harness, token: string) =>
  ((await h.request('GET', '/v1/notifications?limit=100', { token })).body.data as { id: string; kind: string }[]).map((n) => n.id);

describe('GET/PUT /v1/notification-preferences', () => {
  it('every kind is on at first; only the agency has reauth alerts locked on', async () => {
    const h = await harness();
    assert.deepEqual(await prefs(h, h.agency), [
      { kind: 'reauth_required', enabled: true, locked: 'reauth_always_on' },
      { kind: 'run_failed', enabled: true },
      { kind: 'connection_revoked', enabled: true },
      { kind: 'expiring_soon', enabled: true },
    ]);
    assert.ok((await prefs(h, h.client)).every((p) => p.enabled && p.locked === undefined));
  });

  it('the agency cannot turn reauth alerts off: 409 preference_locked with a message, and nothing of the request applies', async () => {
    const h = await harness();
    const res = await put(h, h.agency, [{ kind: 'expiring_soon', enabled: false }, { kind: 'reauth_required', enabled: false }]);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'preference_locked');
    assert.match(res.body.error.message, /always on for the agency/);
    assert.ok((await prefs(h, h.agency)).every((p) => p.enabled), 'expiring_soon was not turned off either');
    assert.ok((await listed(h, h.agency)).includes('ntf_hubspot'));
    // Turning it "on" is allowed (a no-op), so a form that sends every checkbox still saves.
    assert.equal((await put(h, h.agency, [{ kind: 'reauth_required', enabled: true }])).status, 200);
  });

  it('a kind turned off leaves that principal’s list only; turning it on brings it back; kinds left out keep their setting', async () => {
    const h = await harness();
    const off = await put(h, h.agency, [{ kind: 'expiring_soon', enabled: false }]);
    assert.equal(off.status, 200);
    assert.deepEqual(off.body.data.find((p: Preference) => p.kind === 'expiring_soon'), { kind: 'expiring_soon', enabled: false });
    assert.ok(!(await listed(h, h.agency)).includes('ntf_linkedin_expiring'));
    assert.ok((await listed(h, h.agency)).includes('ntf_hubspot'), 'the banner still counts the reauth alerts');
    // Another change leaves expiring_soon off.
    await put(h, h.agency, [{ kind: 'run_failed', enabled: false }]);
    assert.deepEqual((await prefs(h, h.agency)).filter((p) => !p.enabled).map((p) => p.kind), ['run_failed', 'expiring_soon']);
    // The client turns its reauth alerts off: gone from its list, still in the agency's (shared notifications).
    assert.ok((await listed(h, h.client)).includes('ntf_quickbooks'));
    assert.equal((await put(h, h.client, [{ kind: 'reauth_required', enabled: false }])).status, 200);
    assert.ok(!(await listed(h, h.client)).includes('ntf_quickbooks'));
    assert.ok((await listed(h, h.agency)).includes('ntf_quickbooks'));
    await put(h, h.agency, [{ kind: 'expiring_soon', enabled: true }]);
    assert.ok((await listed(h, h.agency)).includes('ntf_linkedin_expiring'));
    // Preferences belong to the principal: another workspace's agency is untouched.
    assert.ok((await prefs(h, h.other)).every((p) => p.enabled));
  });

  it('run_failed (raised by the lifecycle, not by this module) is left out for whoever turned it off, and only for them', async () => {
    const h = await harness();
    const runFailed = async (token: string) =>
      ((await h.request('GET', '/v1/notifications?limit=100', { token })).body.data as { kind: string }[]).filter((n) => n.kind === 'run_failed').length;
    await put(h, h.agency, [{ kind: 'run_failed', enabled: false }]);
    const run = await h.request('POST', '/v1/demo/workflows/wf_lead_sync/run', { token: h.agency });
    assert.equal(run.body.status, 'failed');
    assert.equal(await runFailed(h.agency), 0);
    // It was raised: another agency principal of the workspace, with every kind on, sees it.
    await h.app.relink.store.putPrincipal({ id: 'prn_agency_2', workspaceId: 'ws_northwind', role: 'agency', name: 'Second seat', createdAt: h.clock.now().toISOString() });
    const second = (await h.app.relink.mintToken('ws_northwind', 'agency', 'prn_agency_2')).token;
    assert.equal(await runFailed(second), 1);
    await put(h, h.agency, [{ kind: 'run_failed', enabled: true }]);
    assert.equal(await runFailed(h.agency), 1);
  });

  it('bad bodies are a 400 validation_failed and change nothing', async () => {
    const h = await harness();
    for (const body of [
      { preferences: [] },
      { preferences: [{ kind: 'weather', enabled: false }] },
      { preferences: [{ kind: 'run_failed', enabled: 'no' }] },
      { preferences: [{ kind: 'run_failed', enabled: false }, { kind: 'run_failed', enabled: true }] },
      { preferences: [{ kind: 'run_failed', enabled: false, extra: 1 }] },
      {},
    ]) {
      const res = await h.request('PUT', '/v1/notification-preferences', { token: h.client, body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'validation_failed');
    }
    assert.equal((await h.request('PUT', '/v1/notification-preferences', { token: h.client, body: '{not json' })).status, 400);
    assert.ok((await prefs(h, h.client)).every((p) => p.enabled));
  });

  it('the event stream leaves out a turned-off kind for that principal only, and a change applies to an open stream', async () => {
    const h = await harness();
    await put(h, h.client, [{ kind: 'reauth_required', enabled: false }]);
    const client = await openStream(h, h.client);
    const agency = await openStream(h, h.agency);
    // Slack (the client's) breaks: the provider refuses the refresh and a reauth alert is raised.
    await h.request('POST', '/v1/demo/connections/con_slack/revoke-grant', { token: h.agency });
    assert.equal((await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client })).status, 400);
    // A later event the client may see, as a marker: once it is here, the stream has sent all it would before it.
    await h.request('POST', '/v1/connection-requests', { token: h.agency, body: { connectionId: 'con_slack' } });
    await client.pump((m) => m.some((x) => x.event === 'connection_request.updated'));
    await agency.pump((m) => m.some((x) => x.event === 'notification.updated' && x.data!.includes('"kind":"reauth_required"')));
    assert.ok(client.messages.some((x) => x.event === 'connection.updated' && x.data!.includes('"status":"error"')));
    assert.ok(!client.messages.some((x) => x.event === 'notification.updated'), 'no reauth alert on the client’s stream');
    // Turned on again: the next alert update reaches the open stream.
    await put(h, h.client, [{ kind: 'reauth_required', enabled: true }]);
    const [alert] = ((await h.request('GET', '/v1/notifications?limit=100', { token: h.client })).body.data as { id: string; kind: string }[]).filter((n) => n.kind === 'reauth_required' && n.id !== 'ntf_quickbooks');
    assert.ok(alert);
    await h.request('POST', `/v1/notifications/${alert.id}/read`, { token: h.client });
    await client.pump((m) => m.some((x) => x.event === 'notification.updated' && x.data!.includes(alert.id)));
    await Promise.all([client.close(), agency.close()]);
  });
});

/** A minimal SSE reader (as events.node.test.ts): collects messages until `until` holds. */
async function openStream(h: Harness, token: string) {
  const res = await h.app.request('http://relink.test/v1/events', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const messages: { event?: string; data?: string }[] = [];
  let connected = false;
  const pump = async (until: (m: typeof messages) => boolean, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!until(messages)) {
      if (Date.now() > deadline) throw new Error(`timed out with ${messages.length} messages: ${messages.map((m) => m.event).join(', ')}`);
      const chunk = await Promise.race([reader.read(), new Promise<{ value: undefined }>((r) => setTimeout(() => r({ value: undefined }), 50))]);
      if (chunk.value) buffer += decoder.decode(chunk.value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const msg: { event?: string; data?: string } = {};
        for (const line of block.split('\n')) {
          if (line === ': connected') connected = true;
          else if (line.startsWith('event: ')) msg.event = line.slice(7);
          else if (line.startsWith('data: ')) msg.data = (msg.data ?? '') + line.slice(6);
        }
        if (msg.data) messages.push(msg);
      }
    }
  };
  await pump(() => connected);
  return { messages, pump, close: () => reader.cancel() };
}
