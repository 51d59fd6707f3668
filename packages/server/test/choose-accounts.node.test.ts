// Issue 16 item 5 on the reference backend with the real OAuth provider (oidc-provider over HTTP): a Facebook consent
// grants several Pages; the session waits in `choose_accounts` and the chosen Pages get one connection each, keeping
// the connection a Page already had. Seed 004: "Select the accounts you want to reconnect".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDemoProvider } from '../src/provider/provider.js';
import { consentPage, harness as startHarness, type Harness } from './helpers.js';

const MAIN = 'page_bakery_main';
const HARBOR = 'page_bakery_harbor';

/** The real consent page for `connectUrl`: as Ada, tick `pages`, approve, then load our callback once. */
async function consentWithPages(h: Harness, connectUrl: string, pages: string[]): Promise<{ html: string; status: number }> {
  const { html, url, browser } = await consentPage(connectUrl);
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!requestId || !action) throw new Error('consent form not found');
  const form = new URLSearchParams({ request: requestId, account: 'acct_ada', decision: 'approve' });
  for (const page of pages) form.append('page', page);
  const submitted = await browser.follow(new URL(action.replace(/&amp;/g, '&'), url).toString(), {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(),
  }, (next) => next.pathname === '/v1/connect/callback');
  if (submitted.res) return { html: await submitted.res.text(), status: submitted.res.status };
  const callback = await h.app.request(submitted.url);
  return { html: await callback.text(), status: callback.status };
}

/** The client reconnects its Facebook Page through consent granting `pages`; answers the session after the callback. */
async function reconnectFacebook(h: Harness, pages = [MAIN, HARBOR]) {
  const start = await h.request('POST', '/v1/connections/con_facebook/reconnect', { token: h.client });
  assert.equal(start.status, 201, start.text);
  const callback = await consentWithPages(h, start.body.connectUrl, pages);
  assert.equal(callback.status, 200, callback.html);
  return (await h.request('GET', `/v1/connect-sessions/${start.body.id}`, { token: h.client })).body;
}

const facebookConnections = async (h: Harness) =>
  ((await h.request('GET', '/v1/connections?app=facebook-pages&limit=100', { token: h.client })).body.data as { id: string; label: string; status: string; externalAccountEmail?: string }[]);

/** How many grants the provider holds for an account: 0 means it never minted it a token. */
async function grantsOf(h: Harness, accountId: string): Promise<number> {
  const provider = h.app.relink.provider;
  assert.ok(isDemoProvider(provider));
  return provider.demo.revokeGrant({ accountId, appKey: 'facebook-pages' });
}

// The memory store, and PGlite (SQL store, oidc-provider's grants and the Page choice in oidc_payloads).
for (const [storeName, database] of [['memory', 'memory'], ['PGlite', { pglite: 'memory' }]] as const) describe(`choose accounts after consent (Facebook Pages, ${storeName})`, () => {
  const harness = () => startHarness({ database });

  it('the consent page offers the Pages as checkboxes; the session waits in choose_accounts, each Page mapped to its connection', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_facebook/reconnect', { token: h.client });
    const { html } = await consentPage(start.body.connectUrl);
    assert.match(html, /<legend>Pages<\/legend>/);
    assert.match(html, /type="checkbox" name="page" value="page_bakery_main" checked> Bakery Main St/);
    assert.match(html, /type="checkbox" name="page" value="page_bakery_harbor" checked> Bakery Harbor/);

    const session = await reconnectFacebook(h);
    assert.equal(session.status, 'choose_accounts');
    assert.deepEqual(session.accounts, [
      { id: MAIN, name: 'Bakery Main St', email: 'mainst@acmebakery.example', connectionId: 'con_facebook' },
      { id: HARBOR, name: 'Bakery Harbor', email: 'harbor@acmebakery.example' },
    ]);
    // Nothing connects before the choice, and no Page holds a token yet.
    assert.deepEqual((await facebookConnections(h)).map((c) => [c.id, c.status]), [['con_facebook', 'revoked']]);
    assert.equal(await grantsOf(h, HARBOR), 0);
  });

  it('choosing both: con_facebook is reconnected in place and Bakery Harbor gets a new client-owned connection; a second consent keeps both ids', async () => {
    const h = await harness();
    const session = await reconnectFacebook(h);
    const chosen = await h.request('POST', `/v1/connect-sessions/${session.id}/accounts`, { token: h.client, body: { accountIds: [MAIN, HARBOR] } });
    assert.equal(chosen.status, 200, chosen.text);
    assert.equal(chosen.body.status, 'completed');
    assert.equal(chosen.body.accounts, undefined);
    const [first, second] = chosen.body.connectionIds as string[];
    assert.equal(first, 'con_facebook');
    assert.ok(second && second !== 'con_facebook');
    const list = await facebookConnections(h);
    assert.deepEqual(list.map((c) => [c.id, c.status, c.externalAccountEmail]).sort(), [
      ['con_facebook', 'active', 'mainst@acmebakery.example'],
      [second, 'active', 'harbor@acmebakery.example'],
    ].sort());
    const harbor = (await h.request('GET', `/v1/connections/${second}`, { token: h.client })).body;
    assert.deepEqual([harbor.label, harbor.owner, harbor.refreshable], ['Bakery Harbor', 'client', true]);
    // The Page's own token refreshes at the provider like any grant.
    const refreshed = await h.request('POST', `/v1/connections/${second}/refresh`, { token: h.client });
    assert.deepEqual([refreshed.status, refreshed.body.status], [200, 'active'], refreshed.text);
    // A choice is made once.
    const again = await h.request('POST', `/v1/connect-sessions/${session.id}/accounts`, { token: h.client, body: { accountIds: [MAIN] } });
    assert.deepEqual([again.status, again.body.error.code], [409, 'session_not_confirmable']);

    // The same Pages come back: the same two connections, no third.
    const next = await reconnectFacebook(h);
    assert.deepEqual(next.accounts.map((a: { connectionId?: string }) => a.connectionId), ['con_facebook', second]);
    const renewed = await h.request('POST', `/v1/connect-sessions/${next.id}/accounts`, { token: h.client, body: { accountIds: [HARBOR, MAIN] } });
    assert.deepEqual(renewed.body.connectionIds, [second, 'con_facebook']);
    assert.equal((await facebookConnections(h)).length, 2);
  });

  it('choosing one: the other Page never gets a token nor a connection', async () => {
    const h = await harness();
    const session = await reconnectFacebook(h);
    const chosen = await h.request('POST', `/v1/connect-sessions/${session.id}/accounts`, { token: h.client, body: { accountIds: [MAIN] } });
    assert.deepEqual(chosen.body.connectionIds, ['con_facebook']);
    assert.deepEqual((await facebookConnections(h)).map((c) => [c.id, c.status]), [['con_facebook', 'active']]);
    assert.equal(await grantsOf(h, HARBOR), 0, 'the unchosen page was never minted a token');
    assert.equal(await grantsOf(h, MAIN), 1);
  });

  it('refuses an empty choice, an account the consent did not grant, and another principal; the choice survives each refusal', async () => {
    const h = await harness();
    const session = await reconnectFacebook(h, [MAIN]);
    assert.deepEqual(session.accounts.map((a: { id: string }) => a.id), [MAIN]);
    const path = `/v1/connect-sessions/${session.id}/accounts`;
    const empty = await h.request('POST', path, { token: h.client, body: { accountIds: [] } });
    assert.deepEqual([empty.status, empty.body.error.code], [400, 'validation_failed']);
    assert.match(empty.body.error.message, /Choose at least one account to connect/);
    const unknown = await h.request('POST', path, { token: h.client, body: { accountIds: [MAIN, HARBOR] } });
    assert.deepEqual([unknown.status, unknown.body.error.code], [400, 'validation_failed']);
    assert.match(unknown.body.error.message, /did not grant "page_bakery_harbor"/);
    assert.equal(await grantsOf(h, MAIN), 0, 'a refused choice mints nothing');
    // The agency cannot consent for the client: the client's session does not exist for it.
    const agency = await h.request('POST', path, { token: h.agency, body: { accountIds: [MAIN] } });
    assert.deepEqual([agency.status, agency.body.error.code], [404, 'not_found']);
    assert.equal((await h.request('POST', path, { body: { accountIds: [MAIN] } })).status, 401);
    assert.equal((await h.request('GET', `/v1/connect-sessions/${session.id}`, { token: h.client })).body.status, 'choose_accounts');
    const ok = await h.request('POST', path, { token: h.client, body: { accountIds: [MAIN] } });
    assert.equal(ok.status, 200, ok.text);
  });

  it('a session not waiting on a choice refuses one (409), and the consent page refuses approving no Page', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_facebook/reconnect', { token: h.client });
    const pending = await h.request('POST', `/v1/connect-sessions/${start.body.id}/accounts`, { token: h.client, body: { accountIds: [MAIN] } });
    assert.deepEqual([pending.status, pending.body.error.code], [409, 'session_not_confirmable']);
    const none = await consentWithPages(h, start.body.connectUrl, []);
    assert.equal(none.status, 400);
    assert.match(none.html, /Choose at least one page to continue/);
  });

  it('declining the choice connects nothing and ends the session cancelled', async () => {
    const h = await harness();
    const session = await reconnectFacebook(h);
    const declined = await h.request('POST', `/v1/connect-sessions/${session.id}/decline`, { token: h.client });
    assert.deepEqual([declined.status, declined.body.status, declined.body.error.code], [200, 'cancelled', 'no_accounts_chosen']);
    assert.deepEqual((await facebookConnections(h)).map((c) => [c.id, c.status]), [['con_facebook', 'revoked']]);
  });

  it('adding Facebook Pages: the planned connection takes the first new Page; a Page already connected keeps its connection', async () => {
    const h = await harness();
    const add = await h.request('POST', '/v1/connections', { token: h.client, body: { appKey: 'facebook-pages' } });
    const { session } = add.body;
    await consentWithPages(h, session.connectUrl, [MAIN, HARBOR]);
    const waiting = (await h.request('GET', `/v1/connect-sessions/${session.id}`, { token: h.client })).body;
    assert.equal(waiting.status, 'choose_accounts');
    const chosen = await h.request('POST', `/v1/connect-sessions/${session.id}/accounts`, { token: h.client, body: { accountIds: [MAIN, HARBOR] } });
    assert.deepEqual(chosen.body.connectionIds, ['con_facebook', session.connectionId]);
    assert.equal((await facebookConnections(h)).length, 2);
  });
});
