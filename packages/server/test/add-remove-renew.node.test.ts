// Issue 16, items 1–3 on the reference backend with the real OAuth provider: add a connection from the catalog,
// remove one (not revoke), renew before a hard expiry — every rule a 4xx with a code and a message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consent, harness, type Harness } from './helpers.js';

const DAY = 86_400_000;

async function connectionIds(h: Harness, token: string): Promise<string[]> {
  return ((await h.request('GET', '/v1/connections?limit=100', { token })).body.data as { id: string }[]).map((c) => c.id);
}

/** A fresh agency token: the renew tests move the clock by days, past any session's lifetime. */
const agencyToken = async (h: Harness) => (await h.app.relink.mintToken('ws_northwind', 'agency', 'prn_agency')).token;

async function alerts(h: Harness, connectionId: string, kind: string) {
  const res = await h.request('GET', '/v1/notifications?limit=100', { token: await agencyToken(h) });
  return (res.body.data as { kind: string; connectionId?: string; resolvedAt?: string; read: boolean }[]).filter((n) => n.kind === kind && n.connectionId === connectionId);
}

describe('GET /v1/apps', () => {
  it('lists the catalog by name with auth mode and managed auth config, for both roles; needs a session', async () => {
    const h = await harness();
    for (const token of [h.agency, h.client]) {
      const res = await h.request('GET', '/v1/apps', { token });
      assert.equal(res.status, 200);
      const names = (res.body.data as { name: string }[]).map((a) => a.name);
      assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en')));
      const mailchimp = res.body.data.find((a: { key: string }) => a.key === 'mailchimp');
      assert.deepEqual([mailchimp.authMode, mailchimp.credentialFields[0].name], ['api_key', 'api_key']);
      assert.equal(res.body.data.find((a: { key: string }) => a.key === 'follow-up-boss').managedAuthConfig, 'missing');
    }
    assert.equal((await h.request('GET', '/v1/apps')).status, 401);
  });
});

describe('POST /v1/connections (add)', () => {
  it('agency adds Slack through the real consent: nothing exists until consent completes, then an active agency-owned connection', async () => {
    const h = await harness();
    const before = await connectionIds(h, h.agency);
    const res = await h.request('POST', '/v1/connections', { token: h.agency, body: { appKey: 'slack', label: 'Ops alerts' } });
    assert.equal(res.status, 201);
    assert.equal(res.body.type, 'consent');
    const { session } = res.body;
    assert.equal(session.status, 'pending');
    assert.deepEqual(await connectionIds(h, h.agency), before, 'no stray pending connection before consent');
    const done = await consent(h, session.connectUrl, 'acct_ops');
    assert.match(done.text, /"status":"completed"/);
    const added = (await h.request('GET', `/v1/connections/${session.connectionId}`, { token: h.agency })).body;
    assert.deepEqual([added.status, added.owner, added.label, added.app.key, added.externalAccountEmail, added.refreshable], ['active', 'agency', 'Ops alerts', 'slack', 'ops@northwind.example', true]);
    // An agency-owned connection is not the client's to see.
    assert.equal((await h.request('GET', `/v1/connections/${session.connectionId}`, { token: h.client })).status, 404);
  });

  it('a denied consent leaves nothing behind', async () => {
    const h = await harness();
    const before = await connectionIds(h, h.client);
    const res = await h.request('POST', '/v1/connections', { token: h.client, body: { appKey: 'hubspot' } });
    const done = await consent(h, res.body.session.connectUrl, 'acct_ada', 'deny');
    assert.match(done.text, /"status":"cancelled"/);
    assert.deepEqual(await connectionIds(h, h.client), before);
  });

  it('a client adds its own: client-owned, labelled after the app by default, visible to it and to the agency', async () => {
    const h = await harness();
    const res = await h.request('POST', '/v1/connections', { token: h.client, body: { appKey: 'hubspot' } });
    await consent(h, res.body.session.connectUrl, 'acct_ada');
    const added = (await h.request('GET', `/v1/connections/${res.body.session.connectionId}`, { token: h.client })).body;
    assert.deepEqual([added.owner, added.label, added.status], ['client', 'HubSpot', 'active']);
    assert.ok((await connectionIds(h, h.agency)).includes(added.id));
  });

  it('an API-key app is created from its fields (active at once); bad fields are a 422 naming the field, and nothing is created', async () => {
    const h = await harness();
    const before = await connectionIds(h, h.agency);
    const bad = await h.request('POST', '/v1/connections', { token: h.agency, body: { appKey: 'mailchimp', fields: { api_key: 'nope' } } });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.code, 'invalid_credentials');
    assert.equal(bad.body.error.fields[0].field, 'api_key');
    const empty = await h.request('POST', '/v1/connections', { token: h.agency, body: { appKey: 'mailchimp' } });
    assert.deepEqual([empty.status, empty.body.error.fields[0].message], [422, 'API key is required.']);
    assert.deepEqual(await connectionIds(h, h.agency), before);
    const ok = await h.request('POST', '/v1/connections', { token: h.agency, body: { appKey: 'mailchimp', label: 'Newsletter 2', fields: { api_key: '0123456789abcdef0123456789abcdef-us21' } } });
    assert.equal(ok.status, 201);
    assert.equal(ok.body.type, 'connection');
    assert.deepEqual([ok.body.connection.status, ok.body.connection.owner, ok.body.connection.label], ['active', 'agency', 'Newsletter 2']);
  });

  it('refusals: unknown app 400, OAuth app with fields 400, missing managed auth config 409, bad body 400, no session 401', async () => {
    const h = await harness();
    const cases: [unknown, number, string, RegExp][] = [
      [{ appKey: 'nosuchapp' }, 400, 'validation_failed', /Unknown app "nosuchapp"/],
      [{ appKey: 'slack', fields: { token: 'x' } }, 400, 'validation_failed', /Slack connects through OAuth consent/],
      [{ appKey: 'follow-up-boss' }, 409, 'auth_config_missing', /Follow Up Boss needs a managed auth config/],
      [{ appKey: 'gohighlevel' }, 409, 'auth_config_missing', /GoHighLevel needs a managed auth config/],
      [{}, 400, 'validation_failed', /"appKey" is required/],
      [{ appKey: 'slack', owner: 'agency' }, 400, 'validation_failed', /Unknown field "owner"/],
      [{ appKey: 'slack', returnTo: 'https://evil.example/' }, 400, 'validation_failed', /returnTo/],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await h.request('POST', '/v1/connections', { token: h.client, body });
      assert.deepEqual([res.status, res.body.error.code], [status, code], JSON.stringify(body));
      assert.match(res.body.error.message, message);
    }
    assert.equal((await h.request('POST', '/v1/connections', { body: { appKey: 'slack' } })).status, 401);
  });
});

describe('DELETE /v1/connections/{id} (remove)', () => {
  it('deletes the connection and its secrets, revokes at the provider, pauses its runs (connection_removed), resolves its alerts', async () => {
    const h = await harness();
    const usage = await h.request('GET', '/v1/connections/con_slack/usage', { token: h.client });
    assert.equal(usage.status, 200);
    assert.deepEqual(usage.body.workflows.map((w: { workflowName: string }) => w.workflowName).sort(), ['Daily Slack digest', 'New HubSpot leads to Slack']);
    assert.equal(usage.body.liveRuns, 2);
    const secrets = (await h.app.relink.store.getConnection('ws_northwind', 'con_slack'))!.secrets;
    const res = await h.request('DELETE', '/v1/connections/con_slack', { token: h.client });
    assert.equal(res.status, 200);
    assert.equal(res.body.id, 'con_slack');
    assert.deepEqual(res.body.pausedRuns.map((r: { id: string }) => r.id).sort(), ['run_agent_reauth', 'run_operator_reauth']);
    assert.equal(await h.app.relink.store.getConnection('ws_northwind', 'con_slack'), undefined);
    assert.equal((await h.request('GET', '/v1/connections/con_slack', { token: h.agency })).status, 404);
    // Its refresh token no longer works at the provider.
    await assert.rejects(h.app.relink.provider.refresh({ appKey: 'slack', refreshToken: secrets.refreshToken! }));
    const run = (await h.request('GET', '/v1/runs/run_agent_reauth', { token: h.agency })).body;
    assert.deepEqual([run.status, run.pauseReason, run.blockedConnectionIds, run.resumable], ['paused', 'connection_removed', ['con_hubspot', 'con_slack'], false]);
    const resume = await h.request('POST', '/v1/runs/run_operator_reauth/resume', { token: h.agency });
    assert.deepEqual([resume.status, resume.body.error.code], [409, 'connection_not_active']);
    assert.match(resume.body.error.message, /was removed/);
    // Terminal runs are history: untouched.
    assert.equal((await h.request('GET', '/v1/runs/run_failed', { token: h.agency })).body.status, 'failed');
    // Gone is gone: a second remove is a 404.
    assert.equal((await h.request('DELETE', '/v1/connections/con_slack', { token: h.client })).status, 404);
  });

  it('removing a broken connection resolves its reauth alert (the banner stops counting it) and cancels requests to reconnect it', async () => {
    const h = await harness();
    const request = await h.request('POST', '/v1/connection-requests', { token: h.agency, body: { connectionId: 'con_quickbooks' } });
    assert.equal(request.status, 201);
    assert.equal((await alerts(h, 'con_quickbooks', 'reauth_required')).filter((n) => !n.resolvedAt).length, 1);
    assert.equal((await h.request('DELETE', '/v1/connections/con_quickbooks', { token: h.agency })).status, 200);
    const [alert] = await alerts(h, 'con_quickbooks', 'reauth_required');
    assert.ok(alert?.resolvedAt);
    const req = (await h.request(`GET`, `/v1/connection-requests/${request.body.id}`, { token: h.agency })).body;
    assert.equal(req.state, 'cancelled');
  });

  it('live: every viewer allowed to see it hears connection.removed; the other tenant hears nothing', async () => {
    const h = await harness();
    const from = await h.app.relink.store.latestEventId();
    await h.request('DELETE', '/v1/connections/con_facebook', { token: h.client });
    const events = await h.app.relink.store.eventsSince('ws_northwind', from);
    const removed = events.filter((e) => e.type === 'connection.removed');
    assert.equal(removed.length, 1);
    assert.deepEqual(removed[0]!.data, { type: 'connection.removed', connectionId: 'con_facebook' });
    assert.deepEqual(removed[0]!.audience, ['prn_client']);
    assert.deepEqual(await h.app.relink.store.eventsSince('ws_other', from), []);
  });

  it('authz follows revoke: the agency may remove any connection of its workspace, a client only its own; others are 404', async () => {
    const h = await harness();
    assert.equal((await h.request('DELETE', '/v1/connections/con_hubspot', { token: h.client })).status, 404, 'client, agency-owned');
    assert.equal((await h.request('GET', '/v1/connections/con_hubspot/usage', { token: h.client })).status, 404);
    assert.equal((await h.request('DELETE', '/v1/connections/con_other', { token: h.agency })).status, 404, 'other workspace');
    assert.equal((await h.request('DELETE', '/v1/connections/con_slack', { token: h.other })).status, 404);
    assert.equal((await h.request('DELETE', '/v1/connections/bad%20id', { token: h.agency })).status, 400);
    assert.equal((await h.request('DELETE', '/v1/connections/con_slack')).status, 401);
    assert.ok(await h.app.relink.store.getConnection('ws_northwind', 'con_hubspot'));
    assert.equal((await h.request('DELETE', '/v1/connections/con_mailchimp', { token: h.agency })).status, 200, 'agency, its own');
    assert.equal((await h.request('DELETE', '/v1/connections/con_gdrive', { token: h.agency })).status, 200, 'agency, client-owned (as revoke)');
  });
});

describe('renew before expiry', () => {
  it('one expiring_soon alert when a connection enters the window; renewing through consent moves the expiry a year on and resolves it', async () => {
    const h = await harness();
    const store = h.app.relink.store;
    // Put LinkedIn 20 days out (outside the default 14-day window) with its seeded warning resolved, as after a renewal.
    const seeded = (await store.getNotification('ws_northwind', 'ntf_linkedin_expiring'))!;
    await store.putNotification({ ...seeded, resolvedAt: h.clock.now().toISOString() });
    const linkedin = (await store.getConnection('ws_northwind', 'con_linkedin'))!;
    await store.putConnection({ ...linkedin, expiresAt: new Date(h.clock.now().getTime() + 20 * DAY).toISOString() });
    const unresolved = async () => (await alerts(h, 'con_linkedin', 'expiring_soon')).filter((n) => !n.resolvedAt);

    const warnings = async () => (await h.app.relink.refresher.runDue()).filter((o) => o.outcome === 'expiring_soon' && o.connection.id === 'con_linkedin');
    assert.deepEqual(await warnings(), [], 'not at 20 days');
    assert.equal((await unresolved()).length, 0);
    h.clock.advance(6 * DAY + 1000);
    assert.equal((await warnings()).length, 1, 'raised on entering the window');
    assert.equal((await warnings()).length, 0, 'never twice');
    h.clock.advance(DAY);
    assert.equal((await warnings()).length, 0, 'still not twice a day later');
    const [alert] = await unresolved();
    assert.ok(alert);
    const full = (await h.request('GET', '/v1/notifications?limit=100', { token: await agencyToken(h) })).body.data.find((n: { kind: string; connectionId?: string }) => n.kind === 'expiring_soon' && n.connectionId === 'con_linkedin');
    assert.deepEqual([full.severity, full.title, full.read], ['warning', 'LinkedIn connection expires soon', false]);
    assert.match(full.body, /reconnect within 14 days/);
    // A client never hears of an agency-owned connection's warning.
    const clientView = (await h.request('GET', '/v1/notifications?limit=100', { token: (await h.app.relink.mintToken('ws_northwind', 'client', 'prn_client')).token })).body.data as { connectionId?: string }[];
    assert.equal(clientView.filter((n) => n.connectionId === 'con_linkedin').length, 0);

    // Renew: the agency reconnects through the real provider (LinkedIn issues a one-year token and no refresh token).
    const start = await h.request('POST', '/v1/connections/con_linkedin/reconnect', { token: await agencyToken(h) });
    assert.equal(start.status, 201);
    assert.match((await consent(h, start.body.connectUrl, 'acct_ops')).text, /"status":"completed"/);
    const renewed = (await h.request('GET', '/v1/connections/con_linkedin', { token: await agencyToken(h) })).body;
    const yearOn = h.clock.now().getTime() + 365 * DAY;
    assert.equal(renewed.status, 'active');
    assert.ok(Math.abs(Date.parse(renewed.expiresAt) - yearOn) < 60_000, `expiry a year on (got ${renewed.expiresAt})`);
    assert.equal(renewed.refreshable, false);
    assert.equal((await unresolved()).length, 0, 'resolved by the renewal');
    const resolved = (await alerts(h, 'con_linkedin', 'expiring_soon')).find((n) => n.resolvedAt);
    assert.equal(resolved?.read, true);
    assert.equal((await warnings()).length, 0, 'a year out, no new warning');
  });

  it('the window is configurable: 30 days raises for a connection 20 days out', async () => {
    const h = await harness({ refresher: { autoStart: false, expiryWarningDays: 30 } });
    const store = h.app.relink.store;
    const linkedin = (await store.getConnection('ws_northwind', 'con_linkedin'))!;
    const slack = (await store.getConnection('ws_northwind', 'con_slack'))!;
    await store.putConnection({ ...slack, expiresAt: new Date(h.clock.now().getTime() + 20 * DAY).toISOString() });
    const outcomes = (await h.app.relink.refresher.runDue()).filter((o) => o.outcome === 'expiring_soon').map((o) => o.connection.id);
    // LinkedIn's warning is seeded (unresolved), so only Slack is new.
    assert.deepEqual(outcomes, ['con_slack']);
    assert.ok(linkedin.expiresAt);
  });
});
