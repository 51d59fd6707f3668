// The real provider (oidc-provider under /provider) and the backend's oauth4webapi client, over HTTP.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isProviderError } from '../src/provider/provider.js';
import type { OidcProvider } from '../src/provider/oidc/oidc-provider.js';
import { consent, consentPage, harness, type Harness } from './helpers.js';

const oidc = (h: Harness) => h.app.relink.provider as OidcProvider;

async function unreadReauth(h: Harness, connectionId: string) {
  const res = await h.request('GET', '/v1/notifications?unread=true&limit=100', { token: h.agency });
  return (res.body.data as { kind: string; connectionId?: string }[]).filter((n) => n.kind === 'reauth_required' && n.connectionId === connectionId);
}

describe('consent round trip through the real provider', () => {
  it('authorization code + PKCE + state over HTTP: the callback carries our state and the issuer, the code works once', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    assert.equal(start.status, 201);
    const authorize = new URL(start.body.connectUrl);
    assert.equal(authorize.origin + authorize.pathname, `${h.url}/provider/auth`);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.match(authorize.searchParams.get('code_challenge') ?? '', /^[\w-]{43}$/);
    assert.equal(authorize.searchParams.get('state'), start.body.state);
    // The provider's discovery document is what the client read.
    const discovery = await (await fetch(`${h.url}/provider/.well-known/openid-configuration`)).json() as Record<string, unknown>;
    assert.equal(discovery.issuer, `${h.url}/provider`);
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);

    const callback = await consent(h, start.body.connectUrl, 'acct_ops');
    const params = new URL(callback.callbackUrl).searchParams;
    assert.equal(params.get('state'), start.body.state);
    assert.equal(params.get('iss'), `${h.url}/provider`);
    assert.ok(params.get('code'));
    assert.equal(callback.status, 200);
    assert.match(callback.text, /"status":"completed"/);
    const hubspot = (await h.request('GET', '/v1/connections/con_hubspot', { token: h.agency })).body;
    assert.deepEqual([hubspot.status, hubspot.externalAccountEmail, hubspot.refreshable], ['active', 'ops@northwind.example', true]);
    assert.equal(oidc(h).server.stats.codeGrants, 1);

    // The same code again is refused by the provider (single use), even with the right verifier.
    const record = await h.app.relink.store.getConnectSession('ws_northwind', start.body.id);
    await assert.rejects(
      oidc(h).exchangeCode({ appKey: 'hubspot', code: params.get('code')!, codeVerifier: record!.codeVerifier, redirectUri: record!.redirectUri, state: record!.state, callbackParams: params }),
      (error) => isProviderError(error) && error.kind === 'invalid_grant',
    );
  });

  it('a forged state at the callback is refused and changes nothing; the genuine callback still completes', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    // A first flow completes; its callback URL (a real code, state and iss) is what we forge from.
    const first = await consent(h, start.body.connectUrl, 'acct_ops');
    assert.match(first.text, /"status":"completed"/);
    const { callbackUrl } = first;
    await h.request('POST', '/v1/demo/connections/con_hubspot/revoke-grant', { token: h.agency });
    await h.request('POST', '/v1/connections/con_hubspot/refresh', { token: h.agency });
    assert.equal((await h.request('GET', '/v1/connections/con_hubspot', { token: h.agency })).body.status, 'error');

    const second = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'forged-state-forged-state-forged-st');
    const refused = await h.app.request(forged.toString());
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Connect link not valid/);
    // Someone else's old state (the first flow's) does not complete the second flow either.
    const replayed = await h.app.request(callbackUrl);
    assert.notEqual((await h.request('GET', `/v1/connect-sessions/${second.body.id}`, { token: h.agency })).body.status, 'completed');
    assert.match(await replayed.text(), /"status":"completed"/); // the first session's finished page, unchanged
    assert.equal((await h.request('GET', '/v1/connections/con_hubspot', { token: h.agency })).body.status, 'error');

    const genuine = await consent(h, second.body.connectUrl, 'acct_ops');
    assert.match(genuine.text, /"status":"completed"/);
    assert.equal((await h.request('GET', '/v1/connections/con_hubspot', { token: h.agency })).body.status, 'active');
  });

  it('the callback state must match the flow: the oauth4webapi client refuses a mismatched one', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    const record = (await h.app.relink.store.getConnectSession('ws_northwind', start.body.id))!;
    await assert.rejects(oidc(h).exchangeCode({
      appKey: 'hubspot', code: 'x', codeVerifier: record.codeVerifier, redirectUri: record.redirectUri, state: record.state,
      callbackParams: new URLSearchParams({ code: 'x', state: 'not-the-flow-state', iss: `${h.url}/provider` }),
    }), /state/);
  });
});

describe('refresh against the real provider', () => {
  it('rotates the refresh token; the old one no longer works (and replaying it revokes the grant)', async () => {
    const h = await harness();
    const before = (await h.app.relink.store.getConnection('ws_northwind', 'con_slack'))!.secrets;
    const res = await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client });
    assert.equal(res.status, 200);
    const after = (await h.app.relink.store.getConnection('ws_northwind', 'con_slack'))!.secrets;
    assert.ok(after.refreshToken && after.refreshToken !== before.refreshToken);
    assert.ok(after.accessToken !== before.accessToken);
    assert.equal(oidc(h).server.stats.refreshGrants, 1);

    await assert.rejects(oidc(h).refresh({ appKey: 'slack', refreshToken: before.refreshToken! }), (e) => isProviderError(e) && e.kind === 'invalid_grant');
    // oidc-provider's reuse detection: a rotated token presented again revokes the grant, so the current one dies
    // too — which is why two instances must never refresh the same connection.
    const again = await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client });
    assert.equal(again.status, 400);
    assert.equal((await h.request('GET', '/v1/connections/con_slack', { token: h.client })).body.status, 'error');
  });

  it('grant revoked at the provider → invalid_grant → error, exactly one notification, runs paused', async () => {
    const h = await harness();
    const replay = await h.request('POST', '/v1/runs/run_completed/replay', { token: h.agency }); // a running run on Slack
    assert.equal(replay.body.status, 'running');
    const revoked = await h.request('POST', '/v1/demo/connections/con_slack/revoke-grant', { token: h.agency });
    assert.equal(revoked.body.detail.revokedGrants, 1);
    await h.request('POST', '/v1/demo/connections/con_slack/expire', { token: h.agency });
    const [outcome] = await h.app.relink.refresher.runDue();
    assert.equal(outcome?.outcome, 'reauth_required');
    assert.equal(oidc(h).server.stats.refreshFailures, 1);
    const manual = await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client });
    assert.equal(manual.status, 400);
    assert.equal(manual.body.error.code, 'not_refreshable');

    const slack = (await h.request('GET', '/v1/connections/con_slack', { token: h.client })).body;
    assert.deepEqual([slack.status, slack.lastError.code, slack.lastError.transient], ['error', 'invalid_grant', false]);
    const alerts = await unreadReauth(h, 'con_slack');
    assert.equal(alerts.length, 1);
    const run = (await h.request('GET', `/v1/runs/${replay.body.id}`, { token: h.agency })).body;
    assert.deepEqual([run.status, run.pauseReason, run.blockedConnectionId], ['paused', 'reauth', 'con_slack']);
  });

  it('transient failures are real 503s from the token endpoint; the connection stays active', async () => {
    const h = await harness();
    await h.request('POST', '/v1/demo/provider/fail-transiently', { token: h.agency, body: { count: 1 } });
    const direct = await fetch(`${h.url}/provider/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token&refresh_token=x' });
    assert.equal(direct.status, 503);
    assert.equal(direct.headers.get('retry-after'), '1');
    await h.request('POST', '/v1/demo/provider/fail-transiently', { token: h.agency, body: { count: 1 } });
    const res = await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client });
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 'provider_unavailable');
    const slack = (await h.request('GET', '/v1/connections/con_slack', { token: h.client })).body;
    assert.deepEqual([slack.status, slack.lastError.transient], ['active', true]);
    assert.match(slack.lastError.message, /HTTP 503/);
    assert.equal((await h.request('POST', '/v1/connections/con_slack/refresh', { token: h.client })).status, 200);
  });

  it('the consent page is accessible plain HTML: a heading, a labelled account choice, Approve and Deny buttons', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    const { html } = await consentPage(start.body.connectUrl);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<h1>Authorize HubSpot<\/h1>/);
    assert.match(html, /<fieldset><legend>Account<\/legend>/);
    for (const id of ['acct_ada', 'acct_ops', 'acct_sam']) assert.match(html, new RegExp(`<label><input type="radio" name="account" value="${id}"`));
    assert.match(html, /value="acct_ops" checked/); // the login hint: the account the connection used
    assert.match(html, /<button type="submit" name="decision" value="approve">Approve<\/button>/);
    assert.match(html, /<button type="submit" name="decision" value="deny">Deny<\/button>/);
  });
});
