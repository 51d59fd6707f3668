import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_AGENCY_ID, DEMO_WORKSPACE_ID } from '../src/demo/seed.js';
import { NOT_REFRESHABLE_MESSAGE } from '../src/errors.js';
import { CONNECT_SESSION_TTL_MS } from '../src/lifecycle/reconnect.js';
import { isDemoProvider } from '../src/provider/provider.js';
import { consent, consentPage, harness, type Harness } from './helpers.js';

async function unreadReauth(h: Harness, connectionId: string, token = h.agency) {
  const res = await h.request('GET', '/v1/notifications?unread=true&limit=100', { token });
  return (res.body.data as { kind: string; connectionId?: string }[]).filter((n) => n.kind === 'reauth_required' && n.connectionId === connectionId);
}

/** An agency session token minted now: `h.agency` expires once a test moves the clock by days. */
const fresh = async (h: Harness) => (await h.app.relink.mintToken(DEMO_WORKSPACE_ID, 'agency', DEMO_AGENCY_ID)).token;

const demo = (h: Harness) => {
  const p = h.app.relink.provider;
  assert.ok(isDemoProvider(p));
  return p.demo;
};

describe('refresh lifecycle', () => {
  it('a hard expiry with no refresh token (LinkedIn) needs reauthorization: error, one notification, its runs paused', async () => {
    const h = await harness();
    const res = await h.request('POST', '/v1/demo/connections/con_linkedin/expire', { token: h.agency });
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'error');
    assert.equal(res.body.lastError.code, 'token_expired');
    assert.equal(res.body.lastError.transient, false);
    assert.equal(res.body.expiresAt, h.clock.now().toISOString());
    const notifications = await unreadReauth(h, 'con_linkedin');
    assert.equal(notifications.length, 1);
    assert.equal((notifications[0] as { title?: string }).title, 'LinkedIn reauth required');
    const runs = (await h.request('GET', '/v1/runs?preset=paused_for_reauth', { token: h.agency })).body.data as { blockedConnectionId?: string }[];
    assert.ok(runs.some((run) => run.blockedConnectionId === 'con_linkedin'));
  });

  it('the refresher notices a hard expiry (LinkedIn, 5 days): error, one notification, its run paused; a second pass raises nothing', async () => {
    const h = await harness();
    const token = () => fresh(h);
    const DAY = 24 * 60 * 60 * 1000;
    const linkedinOutcomes = async () => (await h.app.relink.refresher.runDue()).filter((o) => o.connection.id === 'con_linkedin');
    const expiresAt = (await h.request('GET', '/v1/connections/con_linkedin', { token: await token() })).body.expiresAt as string;
    assert.equal(Date.parse(expiresAt) - h.clock.now().getTime(), 5 * DAY);

    h.clock.advance(5 * DAY - 1);
    assert.deepEqual(await linkedinOutcomes(), [], 'not before its expiry');
    assert.equal((await h.request('GET', '/v1/connections/con_linkedin', { token: await token() })).body.status, 'active');

    h.clock.advance(1);
    const outcomes = await linkedinOutcomes();
    assert.deepEqual(outcomes.map((o) => [o.outcome, o.connection.status]), [['reauth_required', 'error']]);
    const linkedin = (await h.request('GET', '/v1/connections/con_linkedin', { token: await token() })).body;
    assert.equal(linkedin.status, 'error');
    assert.equal(linkedin.lastError.code, 'token_expired');
    assert.equal(linkedin.lastError.transient, false);
    assert.equal(linkedin.lastError.at, h.clock.now().toISOString());
    assert.equal(linkedin.refreshable, false);
    const notifications = await unreadReauth(h, 'con_linkedin', await token());
    assert.equal(notifications.length, 1);
    assert.deepEqual(
      [(notifications[0] as { title?: string }).title, (notifications[0] as { severity?: string }).severity, (notifications[0] as { read?: boolean }).read],
      ['LinkedIn reauth required', 'critical', false],
    );
    const run = (await h.request('GET', '/v1/runs/run_running', { token: await token() })).body;
    assert.deepEqual([run.status, run.pauseReason, run.blockedConnectionId], ['paused', 'reauth', 'con_linkedin']);
    const paused = (await h.request('GET', '/v1/runs?preset=paused_for_reauth', { token: await token() })).body.data as { id: string }[];
    assert.ok(paused.some((r) => r.id === 'run_running'));

    // A second pass, later: nothing more is raised, nothing is written.
    const lastEvent = (await h.app.relink.store.eventsSince(DEMO_WORKSPACE_ID, 0, 100_000)).at(-1)?.id ?? 0;
    h.clock.advance(60_000);
    assert.deepEqual(await linkedinOutcomes(), []);
    assert.equal((await unreadReauth(h, 'con_linkedin', await token())).length, 1);
    const since = await h.app.relink.store.eventsSince(DEMO_WORKSPACE_ID, lastEvent, 100_000);
    assert.deepEqual(since.filter((e) => JSON.stringify(e.data).includes('con_linkedin')), []);
  });

  it('the background loop expires it by itself, and a reconnect (a new grant) is not expired again', async () => {
    const h = await harness({ refresher: { autoStart: true, intervalMs: 60_000 } });
    const { refresher } = h.app.relink;
    await h.app.relink.ready; // the loop starts once startup is done
    const passes = refresher.passes;
    h.clock.advance(5 * 24 * 60 * 60 * 1000); // the loop's pass on the way ran at +1 min, before the expiry
    await refresher.afterPasses(passes + 1);
    h.clock.advance(60_000); // its next pass runs past it
    await refresher.afterPasses(passes + 2);
    const token = await fresh(h);
    assert.equal((await h.request('GET', '/v1/connections/con_linkedin', { token })).body.status, 'error');
    assert.equal((await unreadReauth(h, 'con_linkedin', token)).length, 1);

    const start = await h.request('POST', '/v1/connections/con_linkedin/reconnect', { token });
    assert.equal(start.status, 201);
    assert.equal((await consent(h, start.body.connectUrl, 'acct_ops')).status, 200);
    const reconnected = (await h.request('GET', '/v1/connections/con_linkedin', { token })).body;
    assert.equal(reconnected.status, 'active');
    assert.ok(reconnected.expiresAt === undefined || Date.parse(reconnected.expiresAt) > h.clock.now().getTime(), 'the old grant\'s expiry is gone');
    assert.deepEqual(await unreadReauth(h, 'con_linkedin', token), []);
    assert.deepEqual((await h.app.relink.refresher.runDue()).filter((o) => o.connection.id === 'con_linkedin' && o.outcome === 'reauth_required'), []);
    assert.equal((await h.request('GET', '/v1/connections/con_linkedin', { token })).body.status, 'active');
    h.app.relink.close();
  });

  it('transient failures ×2 then success: stays active, no notification, runs keep running', async () => {
    const h = await harness();
    demo(h).failTransiently(2);
    await h.request('POST', '/v1/demo/connections/con_slack/expire', { token: h.agency });

    const first = await h.app.relink.refresher.runDue();
    assert.equal(first[0]?.outcome, 'retrying');
    let slack = (await h.request('GET', '/v1/connections/con_slack', { token: h.agency })).body;
    assert.equal(slack.status, 'active');
    assert.equal(slack.lastError.transient, true);

    h.clock.advance(1_000); // backoff 1 s × jitter 0.75 → due
    assert.equal((await h.app.relink.refresher.runDue())[0]?.outcome, 'retrying');
    h.clock.advance(2_000);
    assert.equal((await h.app.relink.refresher.runDue())[0]?.outcome, 'refreshed');

    slack = (await h.request('GET', '/v1/connections/con_slack', { token: h.agency })).body;
    assert.equal(slack.status, 'active');
    assert.equal(slack.lastError, undefined);
    assert.equal(slack.lastRefreshedAt, h.clock.now().toISOString());
    assert.deepEqual(await unreadReauth(h, 'con_slack'), []);
    const completed = (await h.request('GET', '/v1/runs/run_completed', { token: h.agency })).body;
    assert.equal(completed.status, 'completed');
  });

  it('backs off exponentially: a retry is not attempted before its time', async () => {
    const h = await harness();
    demo(h).failTransiently(5);
    await h.request('POST', '/v1/demo/connections/con_slack/expire', { token: h.agency });
    const r = () => h.app.relink.refresher.runDue();
    // attempt 1: 1 s × jitter 0.75 = 750 ms, but the provider's Retry-After (1 s) is the floor
    assert.equal((await r()).length, 1);
    h.clock.advance(999);
    assert.deepEqual(await r(), []);
    h.clock.advance(1);
    assert.equal((await r()).length, 1); // attempt 2: 2 s × 0.75 = 1.5 s
    h.clock.advance(1_499);
    assert.deepEqual(await r(), []);
    h.clock.advance(1);
    assert.equal((await r()).length, 1);
  });

  it('invalid_grant: error + lastError, exactly one unread critical reauth notification, dependent runs paused', async () => {
    const h = await harness();
    await h.request('POST', '/v1/demo/connections/con_slack/revoke-grant', { token: h.agency });
    const replay = await h.request('POST', '/v1/runs/run_completed/replay', { token: h.agency });
    assert.equal(replay.body.status, 'running');
    await h.request('POST', '/v1/demo/connections/con_slack/expire', { token: h.agency });
    assert.equal((await h.app.relink.refresher.runDue())[0]?.outcome, 'reauth_required');

    const slack = (await h.request('GET', '/v1/connections/con_slack', { token: h.client })).body;
    assert.equal(slack.status, 'error');
    assert.equal(slack.lastError.code, 'invalid_grant');
    assert.equal(slack.lastError.transient, false);
    assert.equal(slack.refreshable, true);

    // A manual refresh on top fails the same way and still leaves exactly one notification.
    const manual = await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client });
    assert.equal(manual.status, 400);
    const alerts = await unreadReauth(h, 'con_slack');
    assert.equal(alerts.length, 1);
    const alert = alerts[0] as { title?: string; severity?: string; appName?: string };
    assert.deepEqual(
      { title: alert.title, severity: alert.severity, appName: alert.appName },
      { title: 'Slack reauth required', severity: 'critical', appName: 'Slack' },
    );
    const run = (await h.request('GET', `/v1/runs/${replay.body.id}`, { token: h.agency })).body;
    assert.deepEqual([run.status, run.pauseReason, run.blockedConnectionId], ['paused', 'reauth', 'con_slack']);
  });

  it('refresh on a connection in error answers 400 not_refreshable with the exact message', async () => {
    const h = await harness();
    const res = await h.request('POST', '/v1/connections/con_quickbooks/refresh', { token: h.client });
    assert.equal(res.status, 400);
    assert.deepEqual([res.body.error.code, res.body.error.message], ['not_refreshable', NOT_REFRESHABLE_MESSAGE]);
    assert.equal(res.body.error.message, 'Connection cannot be refreshed. Please reconnect your connection.');
    assert.equal((await unreadReauth(h, 'con_quickbooks')).length, 1);
  });

  it('refresh on a connection without a refresh token answers 400 not_refreshable', async () => {
    const h = await harness();
    for (const id of ['con_linkedin', 'con_mailchimp', 'con_fub']) {
      const res = await h.request('POST', `/v1/connections/${id}/refresh`, { token: h.agency });
      assert.equal(res.status, 400, id);
      assert.equal(res.body.error.code, 'not_refreshable');
    }
  });

  it('manual refresh succeeds on a healthy connection: active, lastRefreshedAt now', async () => {
    const h = await harness();
    h.clock.advance(60_000);
    const res = await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client });
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'active');
    assert.equal(res.body.lastRefreshedAt, h.clock.now().toISOString());
  });

  it('manual refresh during a provider outage answers 503 provider_unavailable with Retry-After, stays active', async () => {
    const h = await harness();
    demo(h).failTransiently(1);
    const res = await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client });
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 'provider_unavailable');
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
    assert.equal((await h.request('GET', '/v1/connections/con_slack', { token: h.client })).body.status, 'active');
  });

  it('the refresher loop runs on the clock', async () => {
    const h = await harness({ refresher: { autoStart: true, intervalMs: 1_000 } });
    const before = (await h.request('GET', '/v1/connections/con_slack', { token: h.agency })).body.lastRefreshedAt;
    const { refresher } = h.app.relink;
    await h.app.relink.ready;
    const passes = refresher.passes;
    h.clock.advance(56 * 60_000); // past expiry − 5 min
    await refresher.afterPasses(passes + 1);
    h.clock.advance(1_000);
    await refresher.afterPasses(passes + 2);
    const after = (await h.request('GET', '/v1/connections/con_slack', { token: h.agency })).body.lastRefreshedAt;
    assert.notEqual(after, before);
    h.app.relink.close();
  });
});

describe('reconnect through the consent page', () => {
  it('approve with the same account: active, notification read, agent run running, operator run still paused', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency, headers: { origin: 'http://host.test' } });
    assert.equal(start.status, 201);
    assert.equal(start.body.status, 'pending');
    const url = new URL(start.body.connectUrl);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(url.searchParams.get('state'), start.body.state);

    const callback = await consent(h, start.body.connectUrl, 'acct_ops');
    assert.equal(callback.status, 200);
    assert.match(callback.text, /"type":"relink:connect-result"/);
    assert.ok(callback.text.includes(`"state":"${start.body.state}"`));
    assert.ok(callback.text.includes('"status":"completed"'));
    assert.ok(callback.text.includes('"origin":"http://host.test"'));
    // No inline script (the CSP forbids it): the data block is read by a script file on this origin.
    assert.ok(callback.text.includes('<script src="/v1/connect/callback.js"></script>'));
    const script = await h.request('GET', '/v1/connect/callback.js');
    assert.ok(script.text.includes('window.opener.postMessage(data.message,data.origin)'));

    const session = (await h.request('GET', `/v1/connect-sessions/${start.body.id}`, { token: h.agency })).body;
    assert.equal(session.status, 'completed');
    const hubspot = (await h.request('GET', '/v1/connections/con_hubspot', { token: h.agency })).body;
    assert.equal(hubspot.status, 'active');
    assert.equal(hubspot.lastError, undefined);
    assert.deepEqual(await unreadReauth(h, 'con_hubspot'), []);
    assert.equal((await h.request('GET', '/v1/runs/run_agent_reauth', { token: h.agency })).body.status, 'running');
    const operator = (await h.request('GET', '/v1/runs/run_operator_reauth', { token: h.agency })).body;
    assert.deepEqual([operator.status, operator.pauseReason], ['paused', 'reauth']);
    // and the operator resumes it by hand
    assert.equal((await h.request('POST', '/v1/runs/run_operator_reauth/resume', { token: h.agency })).body.status, 'running');
    // the refreshed connection now refreshes for real
    assert.equal((await h.request('POST', '/v1/connections/con_hubspot/refresh', { token: h.agency })).status, 200);
  });

  it('a different account, then "keep the current account": the other account\'s tokens are revoked and dropped', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    const callback = await consent(h, start.body.connectUrl, 'acct_sam');
    assert.ok(callback.text.includes('"status":"account_mismatch"'));
    const held = (await h.app.relink.store.getConnectSession(DEMO_WORKSPACE_ID, start.body.id))!.pendingSecrets!;
    assert.ok(held.refreshToken);

    const declined = await h.request('POST', `/v1/connect-sessions/${start.body.id}/decline`, { token: h.agency });
    assert.equal(declined.status, 200);
    assert.equal(declined.body.status, 'cancelled');
    assert.equal((await h.app.relink.store.getConnectSession(DEMO_WORKSPACE_ID, start.body.id))!.pendingSecrets, undefined, 'dropped');
    await assert.rejects(h.app.relink.provider.refresh({ appKey: 'hubspot', refreshToken: held.refreshToken! }), (error: { kind?: string }) => error.kind === 'invalid_grant', 'revoked at the provider');
    const hubspot = (await h.request('GET', '/v1/connections/con_hubspot', { token: h.agency })).body;
    assert.equal(hubspot.externalAccountEmail, 'ops@northwind.example', 'the original account stays');
    assert.equal((await h.request('POST', `/v1/connect-sessions/${start.body.id}/confirm`, { token: h.agency })).status, 409, 'nothing left to confirm');
  });

  it('a different account and nobody decides: once the session expires, the refresher revokes and drops the other account\'s tokens', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    assert.ok((await consent(h, start.body.connectUrl, 'acct_sam')).text.includes('"status":"account_mismatch"'));
    const held = (await h.app.relink.store.getConnectSession(DEMO_WORKSPACE_ID, start.body.id))!.pendingSecrets!;
    assert.ok(held.refreshToken);

    h.clock.advance(CONNECT_SESSION_TTL_MS - 1);
    await h.app.relink.refresher.runDue();
    assert.ok((await h.app.relink.store.getConnectSession(DEMO_WORKSPACE_ID, start.body.id))!.pendingSecrets, 'kept while the user can still decide');

    h.clock.advance(1);
    await h.app.relink.refresher.runDue();
    const swept = (await h.app.relink.store.getConnectSession(DEMO_WORKSPACE_ID, start.body.id))!;
    assert.deepEqual([swept.status, swept.error?.code, swept.pendingSecrets], ['failed', 'session_expired', undefined]);
    await assert.rejects(h.app.relink.provider.refresh({ appKey: 'hubspot', refreshToken: held.refreshToken! }), (error: { kind?: string }) => error.kind === 'invalid_grant', 'revoked at the provider');
    const token = await fresh(h);
    assert.equal((await h.request('GET', `/v1/connect-sessions/${start.body.id}`, { token })).body.status, 'failed');
    const hubspot = (await h.request('GET', '/v1/connections/con_hubspot', { token })).body;
    assert.deepEqual([hubspot.status, hubspot.externalAccountEmail], ['error', 'ops@northwind.example'], 'nothing switched');
  });

  it('a different account: account_mismatch and nothing switched until confirm', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    const callback = await consent(h, start.body.connectUrl, 'acct_sam');
    assert.ok(callback.text.includes('"status":"account_mismatch"'));
    const session = (await h.request('GET', `/v1/connect-sessions/${start.body.id}`, { token: h.agency })).body;
    assert.deepEqual([session.status, session.previousAccountEmail, session.newAccountEmail], ['account_mismatch', 'ops@northwind.example', 'sam.personal@example.com']);
    let hubspot = (await h.request('GET', '/v1/connections/con_hubspot', { token: h.agency })).body;
    assert.deepEqual([hubspot.status, hubspot.externalAccountEmail], ['error', 'ops@northwind.example']);

    const confirmed = await h.request('POST', `/v1/connect-sessions/${start.body.id}/confirm`, { token: h.agency });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.status, 'completed');
    hubspot = (await h.request('GET', '/v1/connections/con_hubspot', { token: h.agency })).body;
    assert.deepEqual([hubspot.status, hubspot.externalAccountEmail], ['active', 'sam.personal@example.com']);
    assert.equal((await h.request('POST', `/v1/connect-sessions/${start.body.id}/confirm`, { token: h.agency })).status, 409);
  });

  it('Deny at the consent page cancels the session and changes nothing', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    const callback = await consent(h, start.body.connectUrl, 'acct_ops', 'deny');
    assert.ok(callback.text.includes('"status":"cancelled"'));
    assert.equal((await h.request('GET', `/v1/connect-sessions/${start.body.id}`, { token: h.agency })).body.status, 'cancelled');
    assert.equal((await h.request('GET', '/v1/connections/con_hubspot', { token: h.agency })).body.status, 'error');
  });

  it('redirect mode: the callback redirects to returnTo with the session, state and status', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', {
      token: h.agency, headers: { origin: 'http://host.test' }, body: { returnTo: 'http://host.test/connections/con_hubspot' },
    });
    const callback = await consent(h, start.body.connectUrl, 'acct_ops');
    assert.equal(callback.status, 302);
    const location = new URL(callback.headers.get('location') ?? '');
    assert.equal(location.origin + location.pathname, 'http://host.test/connections/con_hubspot');
    assert.equal(location.searchParams.get('relink_status'), 'completed');
    assert.equal(location.searchParams.get('relink_state'), start.body.state);
  });

  it('refuses a returnTo on a foreign origin (no open redirect)', async () => {
    const h = await harness();
    const res = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency, headers: { origin: 'http://host.test' }, body: { returnTo: 'http://evil.test/' } });
    assert.equal(res.status, 400);
  });

  it('a PKCE verifier that does not match is refused by the provider', async () => {
    const h = await harness();
    const { store } = h.app.relink;
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    const record = await store.getConnectSession('ws_northwind', start.body.id);
    await store.putConnectSession({ ...record!, codeVerifier: 'x'.repeat(43) });
    const callback = await consent(h, start.body.connectUrl, 'acct_ops');
    assert.ok(callback.text.includes('"status":"failed"'));
    assert.equal((await h.request('GET', '/v1/connections/con_hubspot', { token: h.agency })).body.status, 'error');
  });

  it('an unknown state at the callback is a 400 page, not a crash', async () => {
    const h = await harness();
    const res = await h.request('GET', '/v1/connect/callback?state=nope&code=x');
    assert.equal(res.status, 400);
    assert.match(res.text, /not valid/);
  });

  it('managed auth config missing → 409 auth_config_missing naming the app', async () => {
    const h = await harness();
    const res = await h.request('POST', '/v1/connections/con_fub/reconnect', { token: h.agency });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'auth_config_missing');
    assert.match(res.body.error.message, /Follow Up Boss/);
    assert.match(res.body.error.message, /missing or invalid/);
    assert.match(res.body.error.message, /administrator/);
  });

  it("the agency cannot consent for a client's connection; the client can", async () => {
    const h = await harness();
    const agency = await h.request('POST', '/v1/connections/con_quickbooks/reconnect', { token: h.agency });
    assert.equal(agency.status, 409);
    assert.equal(agency.body.error.code, 'not_reconnectable');
    const client = await h.request('POST', '/v1/connections/con_quickbooks/reconnect', { token: h.client });
    assert.equal(client.status, 201);
    await consent(h, client.body.connectUrl, 'acct_ada');
    assert.equal((await h.request('GET', '/v1/connections/con_quickbooks', { token: h.client })).body.status, 'active');
    assert.deepEqual(await unreadReauth(h, 'con_quickbooks'), []);
  });

  it('the consent page escapes hostile strings', async () => {
    const h = await harness();
    h.app.relink.provider.registerClient?.('hubspot', '<script>alert(1)</script>');
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    const { html: page } = await consentPage(start.body.connectUrl);
    assert.ok(!page.includes('<script>alert(1)</script>'));
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(page, /<legend>Account<\/legend>/);
  });
});

describe('API-key credentials', () => {
  it('missing and malformed fields → 422 invalid_credentials with per-field errors', async () => {
    const h = await harness();
    const empty = await h.request('POST', '/v1/connections/con_mailchimp/credentials', { token: h.agency, body: { fields: {} } });
    assert.equal(empty.status, 422);
    assert.equal(empty.body.error.code, 'invalid_credentials');
    assert.deepEqual(empty.body.error.fields.map((f: { field: string }) => f.field), ['api_key']);
    const bad = await h.request('POST', '/v1/connections/con_mailchimp/credentials', { token: h.agency, body: { fields: { api_key: 'abc' } } });
    assert.equal(bad.status, 422);
    assert.match(bad.body.error.fields[0].message, /-us21/);
    assert.equal((await h.request('GET', '/v1/connections/con_mailchimp', { token: h.agency })).body.status, 'error');
  });

  it('a valid key → active and the reauth notification read', async () => {
    const h = await harness();
    const res = await h.request('POST', '/v1/connections/con_mailchimp/credentials', { token: h.agency, body: { fields: { api_key: '0123456789abcdef0123456789abcdef-us21' } } });
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'active');
    assert.equal(res.body.lastError, undefined);
    assert.deepEqual(await unreadReauth(h, 'con_mailchimp'), []);
    assert.ok(!JSON.stringify(res.body).includes('0123456789abcdef0123456789abcdef'));
  });
});

describe('revoke', () => {
  it('revoked, dependent runs paused on reauth, the second revoke is 409 already_revoked', async () => {
    const h = await harness();
    const first = await h.request('POST', '/v1/connections/con_linkedin/revoke', { token: h.agency });
    assert.equal(first.status, 200);
    assert.deepEqual([first.body.status, first.body.refreshable], ['revoked', false]);
    const run = (await h.request('GET', '/v1/runs/run_running', { token: h.agency })).body;
    assert.deepEqual([run.status, run.pauseReason, run.blockedConnectionId], ['paused', 'reauth', 'con_linkedin']);
    const second = await h.request('POST', '/v1/connections/con_linkedin/revoke', { token: h.agency });
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'already_revoked');
  });

  it('a revoked connection cannot be refreshed', async () => {
    const h = await harness();
    await h.request('POST', '/v1/connections/con_slack/revoke', { token: h.client });
    assert.equal((await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client })).body.error.code, 'not_refreshable');
  });
});

describe('runs', () => {
  it('replay of a running run → 409 run_not_terminal; of a failed run → a new run with replayOf', async () => {
    const h = await harness();
    const running = await h.request('POST', '/v1/runs/run_running/replay', { token: h.agency });
    assert.equal(running.status, 409);
    assert.equal(running.body.error.code, 'run_not_terminal');
    const failed = await h.request('POST', '/v1/runs/run_failed/replay', { token: h.agency });
    assert.equal(failed.status, 201);
    assert.equal(failed.body.replayOf, 'run_failed');
    assert.equal(failed.body.status, 'running');
    assert.notEqual(failed.body.id, 'run_failed');
  });

  it('resume of a completed run → 409 run_not_paused', async () => {
    const h = await harness();
    const res = await h.request('POST', '/v1/runs/run_completed/resume', { token: h.agency });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'run_not_paused');
  });

  it('the paused_for_reauth preset lists exactly the runs parked on reauth', async () => {
    const h = await harness();
    const res = await h.request('GET', '/v1/runs?preset=paused_for_reauth', { token: h.agency });
    assert.deepEqual(res.body.data.map((r: { id: string }) => r.id).sort(), ['run_agent_reauth', 'run_operator_reauth']);
  });

  it('publish check names the trigger node with the inactive HubSpot connection', async () => {
    const h = await harness();
    const res = await h.request('GET', '/v1/workflows/wf_lead_sync/publish-check', { token: h.agency });
    assert.equal(res.body.ok, false);
    assert.deepEqual(res.body.problems.map((p: { message: string }) => p.message), ['Trigger node has an inactive connection']);
    // Every connection it read, the active one too: what a view follows to check again when one changes.
    assert.deepEqual(res.body.connectionIds, ['con_hubspot', 'con_slack']);
    await h.request('POST', '/v1/connections/con_slack/revoke', { token: h.client });
    const again = await h.request('GET', '/v1/workflows/wf_lead_sync/publish-check', { token: h.agency });
    assert.deepEqual(again.body.problems.map((p: { message: string }) => p.message), ['Trigger node has an inactive connection', 'Action node has an inactive connection']);
  });
});

describe('connection requests', () => {
  it('agency creates and cancels; cancelling twice is 409', async () => {
    const h = await harness();
    const created = await h.request('POST', '/v1/connection-requests', { token: h.agency, body: { connectionId: 'con_quickbooks', note: 'Please reconnect' } });
    assert.equal(created.status, 201);
    assert.deepEqual([created.body.state, created.body.requestedFor, created.body.connectionId], ['outstanding', 'prn_client', 'con_quickbooks']);
    const cancelled = await h.request('POST', `/v1/connection-requests/${created.body.id}/cancel`, { token: h.agency });
    assert.equal(cancelled.body.state, 'cancelled');
    assert.equal((await h.request('POST', `/v1/connection-requests/${created.body.id}/cancel`, { token: h.agency })).status, 409);
  });

  it('a reconnect-in-place request completes when the client consents, keeping the connection id', async () => {
    const h = await harness();
    const created = await h.request('POST', '/v1/connection-requests', { token: h.agency, body: { connectionId: 'con_quickbooks' } });
    const start = await h.request('POST', `/v1/connection-requests/${created.body.id}/connect`, { token: h.client });
    assert.equal(start.body.connectionId, 'con_quickbooks');
    await consent(h, start.body.connectUrl, 'acct_ada');
    const request = (await h.request('GET', `/v1/connection-requests/${created.body.id}`, { token: h.client })).body;
    assert.deepEqual([request.state, request.connectionId], ['completed', 'con_quickbooks']);
    assert.equal((await h.request('GET', '/v1/connections/con_quickbooks', { token: h.client })).body.status, 'active');
  });

  it('the outstanding Salesforce request: the client connects a new app and the request completes', async () => {
    const h = await harness();
    const list = await h.request('GET', '/v1/connection-requests?state=outstanding', { token: h.client });
    assert.deepEqual(list.body.data.map((r: { id: string }) => r.id), ['req_salesforce']);
    const start = await h.request('POST', '/v1/connection-requests/req_salesforce/connect', { token: h.client });
    assert.equal(start.status, 201);
    await consent(h, start.body.connectUrl, 'acct_ada');
    const request = (await h.request('GET', '/v1/connection-requests/req_salesforce', { token: h.agency })).body;
    assert.equal(request.state, 'completed');
    const connection = (await h.request('GET', `/v1/connections/${request.connectionId}`, { token: h.client })).body;
    assert.deepEqual([connection.status, connection.owner, connection.app.key, connection.externalAccountEmail], ['active', 'client', 'salesforce', 'ada@acmebakery.example']);
  });

  it('the agency cannot answer a request addressed to the client', async () => {
    const h = await harness();
    assert.equal((await h.request('POST', '/v1/connection-requests/req_salesforce/connect', { token: h.agency })).status, 403);
  });
});
