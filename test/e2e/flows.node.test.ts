// The flows of issues 8 (1–6) and 14 (7–13) as a user does them: `npm start`'s real server (reference backend, oidc-provider consent,
// embedded database, the demo host app), Debian's Chromium, found by visible text and ARIA roles. Every page visited
// is checked with axe, and any console error fails the flow.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, launchBrowser, startDemo, watch, type Demo } from './harness.js';

let demo: Demo;
let browser: Browser;
let context: BrowserContext;
let errors: string[];

const TIMEOUT = 15_000;

/**
 * Where flow 1 saves its screenshot of the agency console. Tests leave the tree clean, so by default it goes to a
 * temporary folder; `RELINK_UPDATE_SCREENSHOTS=1 node --conditions=@relink/source --import tsx --test
 * test/e2e/flows.node.test.ts` rewrites the README's tracked `docs/agency-console.png` instead.
 */
const screenshotPath = (name: string): string =>
  process.env.RELINK_UPDATE_SCREENSHOTS === '1'
    ? fileURLToPath(new URL(`../../docs/${name}`, import.meta.url))
    : join(mkdtempSync(join(tmpdir(), 'relink-screenshots-')), name);

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  watch(page, errors);
  await page.goto(`${demo.url}${path}`);
  return page;
}

/** axe on the page as it is now, after its data loaded. */
async function assertAccessible(page: Page): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe violations on ${page.url()}`);
}

/**
 * One agency token per test from the host's backend, as a page holds one: `POST /v1/sessions` is rate limited per
 * client address (60 a minute), and minting one per call ran the whole suite into it (a 429, then a 401).
 */
let agencyToken: Promise<string> | undefined;
const agencySession = (): Promise<string> =>
  (agencyToken ??= (async () => {
    const response = await fetch(`${demo.url}/host/session?role=agency`, { method: 'POST' });
    assert.ok(response.ok, `/host/session answered ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  })());

/** The agency's API calls a test makes behind the UI (demo levers), with a token from the host's backend. */
async function agencyApi(path: string, body?: unknown): Promise<unknown> {
  const token = await agencySession();
  const response = await fetch(`${demo.url}/v1/${path}`, {
    method: body === undefined && !path.startsWith('demo/') ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  assert.ok(response.ok, `${path} answered ${response.status}`);
  return response.json();
}

/** Approve (as an account) or deny on the provider's consent page in the popup a click opened. */
async function consentInPopup(page: Page, click: () => Promise<void>, account: string | undefined, decision: 'Approve' | 'Deny' = 'Approve') {
  const [popup] = await Promise.all([page.context().waitForEvent('page'), click()]);
  popup.setDefaultTimeout(TIMEOUT);
  watch(popup, errors);
  await popup.getByRole('button', { name: decision }).waitFor();
  assert.deepEqual(await axeViolations(popup), [], 'axe violations on the consent page');
  if (account) await popup.getByLabel(account).check();
  await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: decision }).click()]);
}

const banner = (page: Page): Locator => page.locator('relink-reauth-banner');
/** A table row by its app, the first cell: its accessible name starts with the app's name. */
const row = (page: Page, app: string): Locator => page.getByRole('row', { name: new RegExp(`^${app} `) });
/** Text a user sees; a live region may say it too (for screen readers), so take the first match. */
const shows = (page: Page | Locator, text: string | RegExp): Promise<void> => page.getByText(text).first().waitFor();
const bannerTitle = (page: Page, text: string): Locator => banner(page).getByRole('heading', { name: text });

// About a minute on an idle machine (13 flows); the margin is for a busy one.
describe('end-to-end flows against npm start', { timeout: 300_000 }, () => {
  before(async () => {
    demo = await startDemo();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });
  beforeEach(async () => {
    agencyToken = undefined;
    await agencyApi('demo/reset');
    await context?.close();
    // Reduced motion: axe measures colours as painted, and a toast mid-fade is not what a reader sees at rest.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    errors = [];
  });
  const noConsoleErrors = () => assert.deepEqual(errors, [], 'console errors');

  test('1. agency: the banner leads to HubSpot, consent in the popup heals it live in every tab; runs resume', async () => {
    const page = await open('/');
    const other = await open('/');
    await banner(page).getByRole('link', { name: 'HubSpot reauth required' }).waitFor();
    await bannerTitle(page, '3 connections need to be reauthorized').waitFor();
    await page.getByRole('button', { name: 'Notifications, 3 unread' }).waitFor();
    await assertAccessible(page);
    // The README's tour shows this very screen: RELINK_UPDATE_SCREENSHOTS=1 refreshes the picture from it.
    await page.screenshot({ path: screenshotPath('agency-console.png') });

    await banner(page).getByRole('link', { name: 'HubSpot reauth required' }).click();
    await page.waitForURL(`${demo.url}/connections`);
    await row(page, 'HubSpot').getByRole('link', { name: 'Manage' }).click();
    await page.waitForURL(/\/connections\/con_hubspot$/);
    await page.getByRole('button', { name: 'Reconnect' }).waitFor();
    await assertAccessible(page);

    await consentInPopup(page, () => page.getByRole('button', { name: 'Reconnect' }).click(), 'Northwind Ops');
    await page.locator('relink-connection-detail relink-status-badge[status=active]').waitFor();

    // The other tab, never reloaded, drops HubSpot from the banner and the bell.
    await bannerTitle(other, '2 connections need to be reauthorized').waitFor();
    assert.equal(await banner(other).getByRole('link', { name: 'HubSpot reauth required' }).count(), 0);
    await other.getByRole('button', { name: 'Notifications, 2 unread' }).waitFor();

    // Runs: the agent run resumed by itself; the operator run waits for Resume.
    await other.getByRole('button', { name: 'Paused for reauth' }).click();
    await other.locator('relink-runs-list').getByText('Operator').waitFor();
    assert.equal(await other.locator('relink-runs-list').getByRole('row').filter({ hasText: 'Agent' }).count(), 0);
    await other.getByRole('button', { name: 'All' }).click();
    const operatorRow = other.locator('relink-runs-list').getByRole('row').filter({ hasText: 'Operator' }).filter({ hasText: 'Paused' });
    // Seed 002: "Runs an operator paused resume with the Resume button on the run detail page."
    await operatorRow.getByRole('link', { name: 'New HubSpot leads to Slack' }).click();
    await other.waitForURL(/\/runs\/run_operator_reauth$/);
    const run = other.locator('relink-run-detail');
    await run.getByRole('heading', { name: 'New HubSpot leads to Slack' }).waitFor();
    await run.getByText('Paused', { exact: true }).waitFor();
    await run.getByText('Operator', { exact: true }).waitFor();
    await assertAccessible(other);
    await run.getByRole('button', { name: 'Resume' }).click();
    await shows(other, 'Run resumed.');
    await run.getByText('Running', { exact: true }).waitFor();
    assert.equal(await run.getByRole('button', { name: 'Resume' }).count(), 0);
    await assertAccessible(other);
    noConsoleErrors();
  });

  test('2. client portal: refresh, a refused refresh, and revoke by keyboard', async () => {
    const page = await open('/portal/connections');
    await row(page, 'Slack').waitFor();
    await assertAccessible(page);
    await row(page, 'Slack').getByRole('link', { name: 'Manage' }).click();
    await page.waitForURL(/\/portal\/connections\/con_slack$/);
    const before = await page.locator('relink-connection-detail time').first().getAttribute('datetime');
    await page.getByRole('button', { name: 'Refresh credential' }).click();
    await shows(page, 'Connection refreshed.');
    await page.waitForFunction(
      (previous) => document.querySelector('relink-connection-detail')?.shadowRoot?.querySelector('time')?.getAttribute('datetime') !== previous,
      before,
    );
    await assertAccessible(page);

    await page.goto(`${demo.url}/portal/connections/con_quickbooks`);
    await page.getByRole('button', { name: 'Refresh credential' }).click();
    await shows(page, 'Failed to refresh connection');
    await shows(page, 'You may need to reconnect.');

    // Revoke Slack with the keyboard only.
    await page.goto(`${demo.url}/portal/connections/con_slack`);
    const revoke = page.getByRole('button', { name: 'Revoke', exact: true });
    await revoke.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Revoke this connection?' });
    await dialog.waitFor();
    // The safe action has the focus first.
    assert.equal(await dialog.getByRole('button', { name: 'Keep connection' }).evaluate((button) => button.matches(':focus')), true);
    await assertAccessible(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Connection revoked', { exact: true }).first().waitFor();
    await shows(page, 'Workflows using this connection will pause until reconnected.');
    await page.locator('relink-connection-detail relink-status-badge[status=revoked]').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Revoke', exact: true }).count(), 0);
    noConsoleErrors();
  });

  test('3. two transient 503s from the provider: Slack stays active, no banner for it', async () => {
    const page = await open('/');
    await bannerTitle(page, '3 connections need to be reauthorized').waitFor();
    await agencyApi('demo/provider/fail-transiently', { count: 2 });
    await agencyApi('demo/connections/con_slack/expire');
    const first = (await agencyApi('demo/refresher/run')) as { detail: Record<string, number> };
    assert.equal(first.detail.reauth_required, 0);
    const slack = (await agencyApi('connections/con_slack')) as { status: string; lastError?: { transient: boolean } };
    assert.equal(slack.status, 'active');
    // Proof that the page has received every event of that refresher run, not a sleep: the live stream is ordered, so
    // once a later change (Mailchimp fixed with a new API key, which resolves its alert) shows, anything the run said
    // about Slack has been shown before it.
    await agencyApi('connections/con_mailchimp/credentials', { fields: { api_key: '0123456789abcdef0123456789abcdef-us21' } });
    await bannerTitle(page, '2 connections need to be reauthorized').waitFor();
    await page.getByRole('button', { name: 'Notifications, 2 unread' }).waitFor();
    assert.equal(await page.getByText('Slack reauth required').count(), 0);
    await row(page, 'Slack').locator("[part~='badge'].active").waitFor();
    noConsoleErrors();
  });

  test('4. a different account asks first; API-key form shows a field error; Follow Up Boss explains its auth config', async () => {
    const page = await open('/connections/con_hubspot');
    await consentInPopup(page, () => page.getByRole('button', { name: 'Reconnect' }).click(), 'Sam (personal account)');
    await shows(page, 'You authorized sam.personal@example.com instead of ops@northwind.example.');
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Switch to sam.personal@example.com' }).click();
    await page.locator('relink-connection-detail relink-status-badge[status=active]').waitFor();

    await page.goto(`${demo.url}/connections/con_mailchimp`);
    await page.getByRole('button', { name: 'Reconnect' }).click();
    await page.getByLabel('API key').fill('not-a-key');
    await page.getByRole('button', { name: 'Save' }).click();
    await shows(page, 'Mailchimp API keys are 32 hexadecimal characters');
    assert.equal(await page.getByLabel('API key').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page);

    await page.goto(`${demo.url}/connections/con_fub`);
    await page.getByRole('button', { name: 'Reconnect' }).click();
    await shows(page, /Follow Up Boss.*auth config/);
    await assertAccessible(page);
    noConsoleErrors();
  });

  test('5. a failed run is replayed from its detail; the new run\'s page shows it running', async () => {
    const page = await open('/runs');
    const failed = page.locator('relink-runs-list').getByRole('row').filter({ hasText: 'Failed' });
    await failed.getByRole('link', { name: 'Daily Slack digest' }).click();
    await page.waitForURL(/\/runs\/run_failed$/);
    const run = page.locator('relink-run-detail');
    await run.getByRole('heading', { name: 'Daily Slack digest' }).waitFor();
    await shows(run, 'Slack answered 500 on "Post message".');
    await assertAccessible(page);
    await run.getByRole('button', { name: 'Replay' }).click();
    await shows(page, 'Run replayed.');
    const runs = (await agencyApi('runs')) as { data: Array<{ id: string; replayOf?: string; status: string }> };
    const replay = runs.data.find((r) => r.replayOf === 'run_failed');
    assert.ok(replay, 'the replay exists');
    assert.equal(replay.status, 'running');
    await assertAccessible(page);

    // "Replayed as the run started now": follow it to the new run's page.
    await run.getByRole('link', { name: /^the run started/ }).click();
    await page.waitForURL(new RegExp(`/runs/${replay.id}$`));
    await run.getByText('Running', { exact: true }).waitFor();
    await run.getByRole('link', { name: /^the run started/ }).waitFor(); // "Replay of" the failed run
    assert.equal(await run.getByRole('link', { name: /^the run started/ }).getAttribute('href'), '/runs/run_failed');
    await run.getByRole('heading', { name: 'Daily Slack digest' }).waitFor();
    await assertAccessible(page);
    noConsoleErrors();
  });

  test('6. the agency asks QuickBooks\' client; the client reconnects from the portal; active in both views', async () => {
    const agency = await open('/connections/con_quickbooks');
    await agency.getByRole('button', { name: 'Send reconnection request' }).click();
    await shows(agency, 'Reconnection request sent');
    await assertAccessible(agency);

    const portal = await open('/portal/connections');
    const requests = portal.locator('relink-connection-requests');
    await shows(requests, 'Outstanding connection requests');
    const quickbooks = requests.getByRole('listitem').filter({ hasText: 'QuickBooks' });
    await assertAccessible(portal);
    await consentInPopup(portal, () => quickbooks.getByRole('button', { name: 'Connect' }).click(), 'Ada Baker (Acme Bakery)');
    await row(portal, 'QuickBooks').locator("[part~='badge'].active").waitFor();
    await agency.locator('relink-connection-detail relink-status-badge[status=active]').waitFor();
    noConsoleErrors();
  });

  test('7. popup blocked: Reconnect redirects to the consent page and back to a clean URL, with the popup path\'s toast', async () => {
    // A browser that blocks popups: window.open answers null.
    await context.addInitScript(() => {
      window.open = () => null;
    });
    const page = await open('/connections/con_hubspot?from=e2e');
    await page.getByRole('button', { name: 'Reconnect' }).click();
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    await assertAccessible(page);
    await page.getByLabel('Northwind Ops').check();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/\/connections\/con_hubspot/);
    await shows(page, 'Connection reconnected.');
    assert.equal(page.url(), `${demo.url}/connections/con_hubspot?from=e2e`);
    await page.locator('relink-connection-detail relink-status-badge[status=active]').waitFor();
    await assertAccessible(page);
    noConsoleErrors();
  });

  test('8. Resume is refused while HubSpot is broken (the run says why, with a link), then allowed after reconnecting', async () => {
    const page = await open('/runs/run_operator_reauth');
    const run = page.locator('relink-run-detail');
    await shows(run, 'Reconnect HubSpot before resuming this run.');
    assert.equal(await run.getByRole('button', { name: 'Resume' }).count(), 0);
    await assertAccessible(page);
    // The server refuses it too, with a code and a message naming the connection.
    const { token } = (await (await fetch(`${demo.url}/host/session?role=agency`, { method: 'POST' })).json()) as { token: string };
    const refused = await fetch(`${demo.url}/v1/runs/run_operator_reauth/resume`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    assert.equal(refused.status, 409);
    assert.match(JSON.stringify(await refused.json()), /HubSpot/);

    await run.getByRole('link', { name: 'HubSpot', exact: true }).click();
    await page.waitForURL(/\/connections\/con_hubspot$/);
    await consentInPopup(page, () => page.getByRole('button', { name: 'Reconnect' }).click(), 'Northwind Ops');
    await page.locator('relink-connection-detail relink-status-badge[status=active]').waitFor();
    await page.goBack();
    await page.waitForURL(/\/runs\/run_operator_reauth$/);
    await run.getByRole('button', { name: 'Resume' }).click();
    await shows(page, 'Run resumed.');
    await run.getByText('Running', { exact: true }).waitFor();
    await assertAccessible(page);
    noConsoleErrors();
  });

  test('9. reading the bell does not clear the banner while the connections are still broken', async () => {
    const page = await open('/');
    await bannerTitle(page, '3 connections need to be reauthorized').waitFor();
    const bell = page.locator('relink-notification-bell');
    // Open each alert from the bell (opening one marks it read); the bell's count is the signal each read landed.
    for (const left of ['Notifications, 2 unread', 'Notifications, 1 unread', 'Notifications']) {
      await bell.getByRole('button', { name: /^Notifications/ }).click();
      await bell.locator('li[part~=unread] [part=item-link]').first().click();
      await page.getByRole('button', { name: left, exact: true }).waitFor();
      await bannerTitle(page, '3 connections need to be reauthorized').waitFor();
    }
    await page.reload();
    await bannerTitle(page, '3 connections need to be reauthorized').waitFor();
    await assertAccessible(page);
    noConsoleErrors();
  });

  test('10. Follow Up Boss and GoHighLevel explain their auth config; Reconnect opens no popup', async () => {
    // Counts popups the page asks for (a blank popup that could only show an error is the bug).
    await context.addInitScript(() => {
      const open = window.open.bind(window);
      (window as unknown as { opened: number }).opened = 0;
      window.open = (...args) => {
        (window as unknown as { opened: number }).opened += 1;
        return open(...args);
      };
    });
    const page = await open('/connections');
    for (const app of ['Follow Up Boss', 'GoHighLevel']) {
      await row(page, app).waitFor();
      assert.doesNotMatch(await row(page, app).innerText(), /Waiting for the first sync/);
    }
    await assertAccessible(page);
    for (const [id, text] of [
      ['con_fub', 'Follow Up Boss needs a managed auth config, and it is missing: the connection cannot start.'],
      ['con_ghl', 'GoHighLevel needs a managed auth config, and it is invalid: the connection cannot start.'],
    ] as const) {
      await page.goto(`${demo.url}/connections/${id}`);
      await page.getByRole('button', { name: 'Reconnect' }).click();
      await shows(page, text);
      await shows(page, 'Ask your administrator or support to set up the auth config for this app, then reconnect.');
      assert.equal(await page.evaluate(() => (window as unknown as { opened: number }).opened), 0, `${id}: no popup`);
      await assertAccessible(page);
    }
    noConsoleErrors();
  });

  test('11. a client denies consent on a connection request: no stray pending connection is left', async () => {
    type List = { data: Array<{ id: string; status: string }> };
    const pendingBefore = ((await agencyApi('connections')) as List).data.filter((c) => c.status === 'pending').map((c) => c.id);
    const agency = await open('/connections/con_quickbooks');
    await agency.getByRole('button', { name: 'Send reconnection request' }).click();
    await shows(agency, 'Reconnection request sent');

    const portal = await open('/portal/connections');
    const requests = portal.locator('relink-connection-requests');
    const quickbooks = requests.getByRole('listitem').filter({ hasText: 'QuickBooks' });
    await row(portal, 'QuickBooks').waitFor();
    // The seed has one pending client connection (Google Drive, finishing its first sync); a denial adds none.
    const pendingRows = await portal.locator("relink-connections-table [part~='badge'].pending").count();
    assert.ok(pendingRows >= 1, 'the seed shows a pending row');
    await consentInPopup(portal, () => quickbooks.getByRole('button', { name: 'Connect' }).click(), undefined, 'Deny');
    await quickbooks.getByRole('button', { name: 'Connect' }).waitFor();
    const after = ((await agencyApi('connections')) as List).data;
    assert.deepEqual(after.filter((c) => c.status === 'pending').map((c) => c.id), pendingBefore);
    assert.equal(await portal.locator("relink-connections-table [part~='badge'].pending").count(), pendingRows);
    await assertAccessible(portal);
    noConsoleErrors();
  });

  test('12. a run blocked by two broken connections resumes only once both are reconnected', async () => {
    type Run = { status: string; blockedConnectionIds?: string[] };
    // Slack breaks too (its grant revoked at the provider, then the refresher's pass): the agent run now waits on both.
    await agencyApi('demo/connections/con_slack/revoke-grant');
    await agencyApi('demo/connections/con_slack/expire');
    await agencyApi('demo/refresher/run');
    assert.deepEqual(((await agencyApi('runs/run_agent_reauth')) as Run).blockedConnectionIds?.slice().sort(), ['con_hubspot', 'con_slack']);

    const page = await open('/runs/run_agent_reauth');
    const run = page.locator('relink-run-detail');
    await shows(run, /resumes by itself once HubSpot.*Slack are reconnected/);
    assert.equal(await run.getByRole('button', { name: 'Resume' }).count(), 0);
    await assertAccessible(page);

    const hubspot = await open('/connections/con_hubspot');
    await consentInPopup(hubspot, () => hubspot.getByRole('button', { name: 'Reconnect' }).click(), 'Northwind Ops');
    await hubspot.locator('relink-connection-detail relink-status-badge[status=active]').waitFor();
    // Still paused, now waiting on Slack alone (live, without a reload).
    await shows(run, /resumes by itself once Slack is reconnected/);
    assert.equal(((await agencyApi('runs/run_agent_reauth')) as Run).status, 'paused');

    // Slack is the client's: the agency asks, the client reconnects from the portal.
    await hubspot.goto(`${demo.url}/connections/con_slack`);
    await hubspot.getByRole('button', { name: 'Send reconnection request' }).click();
    await shows(hubspot, 'Reconnection request sent');
    const portal = await open('/portal/connections');
    const slack = portal.locator('relink-connection-requests').getByRole('listitem').filter({ hasText: 'Slack' });
    await consentInPopup(portal, () => slack.getByRole('button', { name: 'Connect' }).click(), undefined);
    await row(portal, 'Slack').locator("[part~='badge'].active").waitFor();
    await run.getByText('Running', { exact: true }).waitFor();
    assert.equal(((await agencyApi('runs/run_agent_reauth')) as Run).status, 'running');
    await assertAccessible(page);
    noConsoleErrors();
  });

  test('13. the server stops and restarts mid-session: no reconnect blame, "may be out of date", recovery without a reload', async () => {
    const blame = 'You may need to reconnect';
    const stale = 'This may be out of date: the service cannot be reached right now.';
    const console_ = await open('/');
    const portal = await open('/portal/connections/con_slack');
    await bannerTitle(console_, '3 connections need to be reauthorized').waitFor();
    await portal.getByRole('button', { name: 'Refresh credential' }).waitFor();

    // What the browser logs from the halt until the page has recovered is the outage itself: requests refused or cut
    // (the event stream ends mid-chunk), and 503s from the restarting server, which answers every path with 503 until
    // its app is built. Only those are excused, and only inside that window.
    const outageStart = errors.length;
    await demo.halt();
    try {
      // The banner keeps its old data, marked (the bell's and the runs' notes say the same where they show).
      await banner(console_).getByText(stale).waitFor();
      await portal.getByRole('button', { name: 'Refresh credential' }).click();
      await shows(portal, 'The service cannot be reached right now. Nothing was changed.');
      assert.equal(await portal.getByText(blame).count(), 0);
      assert.equal(await console_.getByText(blame).count(), 0);
      // The old data stays on screen, marked as possibly out of date.
      await bannerTitle(console_, '3 connections need to be reauthorized').waitFor();
      await assertAccessible(console_);
    } finally {
      await demo.resume();
    }
    // Back without a reload: the note goes away by itself, the session still works (same signing secret).
    await banner(console_).getByText(stale).waitFor({ state: 'hidden', timeout: 30_000 });
    const outage = errors.splice(outageStart);
    errors.push(...outage.filter((line) => !/net::ERR_(CONNECTION_REFUSED|EMPTY_RESPONSE|CONNECTION_RESET|INCOMPLETE_CHUNKED_ENCODING)/.test(line)
      && !/\b503\b/.test(line)));
    await portal.getByRole('button', { name: 'Refresh credential' }).click();
    await shows(portal, 'Connection refreshed.');
    assert.equal(await portal.getByText(blame).count(), 0);
    await assertAccessible(portal);
    noConsoleErrors();
  });
  test('14. renew before expiry (issue 16): LinkedIn\'s row offers Reconnect beside "Reconnect within 5 days"; consent moves the expiry a year on', async () => {
    const page = await open('/connections');
    const linkedin = row(page, 'LinkedIn');
    await linkedin.getByText('Reconnect within 5 days').waitFor();
    await linkedin.getByRole('button', { name: 'Reconnect' }).waitFor();
    await assertAccessible(page);
    await consentInPopup(page, () => linkedin.getByRole('button', { name: 'Reconnect' }).click(), 'Northwind Ops');
    // The hint and the renew button go away live; the server moved the hard expiry a year on.
    // The button itself stays until its flow has said how it ended (relink-reconnect-result), then leaves.
    await linkedin.getByText('Reconnect within').waitFor({ state: 'hidden' });
    await linkedin.getByRole('button', { name: 'Reconnect' }).waitFor({ state: 'detached' });
    const renewed = (await agencyApi('connections/con_linkedin')) as { status: string; expiresAt: string };
    assert.equal(renewed.status, 'active');
    const yearOn = Date.now() + 365 * 86_400_000;
    assert.ok(Math.abs(Date.parse(renewed.expiresAt) - yearOn) < 5 * 60_000, `expiry a year on, got ${renewed.expiresAt}`);
    // Its expiry warning is resolved by the renewal: the bell no longer lists it.
    const bell = (await agencyApi('notifications?resolved=false')) as { data: { kind: string; connectionId?: string }[] };
    assert.equal(bell.data.filter((n) => n.kind === 'expiring_soon' && n.connectionId === 'con_linkedin').length, 0);
    await assertAccessible(page);
    noConsoleErrors();
  });

  test('15. add Slack from the catalog through consent (issue 16): search, the provider\'s consent in a popup, the new row active', async () => {
    type List = { data: Array<{ id: string; app: { key: string }; status: string; owner: string }> };
    const before = ((await agencyApi('connections')) as List).data.filter((c) => c.app.key === 'slack').map((c) => c.id);
    const page = await open('/connections');
    await row(page, 'HubSpot').waitFor();
    await page.getByRole('button', { name: 'Add connection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a connection' });
    const catalog = dialog.locator('relink-app-catalog');
    await catalog.getByRole('button', { name: 'Connect Mailchimp' }).waitFor();
    await assertAccessible(page);

    // Search narrows the catalog as the user types.
    await catalog.getByRole('searchbox', { name: 'Search apps' }).fill('sla');
    await catalog.getByRole('button', { name: 'Connect Mailchimp' }).waitFor({ state: 'detached' });
    assert.deepEqual(await catalog.getByRole('button', { name: /^Connect / }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label'))), ['Connect Slack']);

    await consentInPopup(page, () => catalog.getByRole('button', { name: 'Connect Slack' }).click(), 'Northwind Ops');
    await shows(page, 'Slack connected.');
    // The host closes its dialog on relink-connection-created; the new connection is a row of its own, active.
    await dialog.waitFor({ state: 'hidden' });
    const added = ((await agencyApi('connections')) as List).data.filter((c) => c.app.key === 'slack' && !before.includes(c.id));
    assert.equal(added.length, 1, 'one new Slack connection');
    assert.deepEqual([added[0]!.status, added[0]!.owner], ['active', 'agency']);
    await page.locator(`relink-connections-table tr[data-id='${added[0]!.id}'] [part~='badge'].active`).waitFor();
    await row(page, 'Slack').filter({ hasText: 'Acme team workspace' }).waitFor();
    await assertAccessible(page);
    noConsoleErrors();
  });

  test('16. remove Mailchimp (issue 16): the dialog names what stops, the row leaves another tab live, its run pauses as "removed", GET is 404', async () => {
    const page = await open('/connections/con_mailchimp');
    const other = await open('/connections');
    await row(other, 'Mailchimp').waitFor();
    const detail = page.locator('relink-connection-detail');
    await detail.getByRole('button', { name: 'Remove', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Mailchimp?' });
    await dialog.getByRole('listitem').filter({ hasText: 'Monthly client newsletter' }).waitFor();
    await shows(dialog, '1 run that uses it will pause.');
    assert.equal(await dialog.getByRole('button', { name: 'Keep connection' }).evaluate((button) => button.matches(':focus')), true);
    await assertAccessible(page);

    await dialog.getByRole('button', { name: 'Remove connection' }).click();
    await shows(page, 'Connection removed');
    await detail.getByRole('heading', { name: 'Mailchimp was removed' }).waitFor();
    assert.equal(await detail.locator('relink-status-badge').count(), 0, 'no stale record');
    // The other tab, never reloaded, drops the row.
    await row(other, 'Mailchimp').waitFor({ state: 'detached' });
    await row(other, 'HubSpot').waitFor();

    const { token } = (await (await fetch(`${demo.url}/host/session?role=agency`, { method: 'POST' })).json()) as { token: string };
    const gone = await fetch(`${demo.url}/v1/connections/con_mailchimp`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(gone.status, 404);
    const run = (await agencyApi('runs/run_newsletter')) as { status: string; pauseReason?: string };
    assert.deepEqual([run.status, run.pauseReason], ['paused', 'connection_removed']);

    // The runs that used it say why they are paused.
    await other.getByRole('link', { name: 'Runs', exact: true }).click();
    const newsletter = other.locator('relink-runs-list').getByRole('row').filter({ hasText: 'Monthly client newsletter' });
    await newsletter.getByText('Paused', { exact: true }).waitFor();
    await newsletter.getByText('A connection it uses was removed').waitFor();
    await assertAccessible(other);

    // The removed page leads back to the list (the host routes it), where Mailchimp is gone too.
    await detail.getByRole('link', { name: 'Back to connections' }).click();
    await page.waitForURL(`${demo.url}/connections`);
    await row(page, 'HubSpot').waitFor();
    assert.equal(await row(page, 'Mailchimp').count(), 0);
    await assertAccessible(page);
    noConsoleErrors();
  });
  test('17. a failed scheduled run is retried automatically after reconnecting, and a normal failed run still needs Replay', async () => {
    type Run = { id: string; status: string; retry?: string; retriedBy?: string; replayOf?: string };
    // Seed 004: LinkedIn expired, so the scheduled post fails ("you'll receive a notification"); HubSpot is broken too.
    await agencyApi('demo/connections/con_linkedin/expire');
    const post = (await agencyApi('demo/workflows/wf_linkedin_posts/run')) as Run;
    const lead = (await agencyApi('demo/workflows/wf_lead_sync/run')) as Run;
    assert.deepEqual([post.status, post.retry, lead.status, lead.retry], ['failed', 'after_reconnect', 'failed', undefined]);

    const page = await open('/');
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    const bell = page.locator('relink-notification-bell');
    const item = (title: string) => bell.getByRole('listitem').filter({ hasText: title });
    await item('Publish scheduled LinkedIn posts failed').getByText('LinkedIn needs to be reconnected. Will retry automatically after you reconnect.').waitFor();
    await item('New HubSpot leads to Slack failed').getByText('HubSpot needs to be reconnected. Replay the run once the connection is healthy.').waitFor();
    await assertAccessible(page);
    await page.keyboard.press('Escape');

    // The post's page: no Replay, it says it retries by itself.
    const postPage = await open(`/runs/${post.id}`);
    const postRun = postPage.locator('relink-run-detail');
    await postRun.getByText('Will retry automatically after you reconnect LinkedIn.').waitFor();
    assert.equal(await postRun.getByRole('button', { name: 'Replay' }).count(), 0);
    await assertAccessible(postPage);

    // Reconnect LinkedIn and HubSpot through the provider's consent.
    for (const id of ['con_linkedin', 'con_hubspot']) {
      const connection = await open(`/connections/${id}`);
      await consentInPopup(connection, () => connection.getByRole('button', { name: 'Reconnect' }).click(), 'Northwind Ops');
      await connection.locator('relink-connection-detail relink-status-badge[status=active]').waitFor();
    }

    // Live, without a reload: the post was retried once, by the server, and the bell says so.
    await postRun.getByText('Retried automatically as').waitFor();
    await postRun.getByRole('button', { name: 'Replay' }).waitFor();
    const retried = (await agencyApi(`runs/${post.id}`)) as Run;
    assert.equal(retried.retry, 'retried');
    const replays = ((await agencyApi('runs?limit=100')) as { data: Run[] }).data.filter((r) => r.replayOf === post.id);
    assert.deepEqual(replays.map((r) => [r.id, r.status]), [[retried.retriedBy, 'running']]);
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await item('Publish scheduled LinkedIn posts failed').getByText('Retried automatically after LinkedIn was reconnected.').waitFor();
    await assertAccessible(page);
    await page.keyboard.press('Escape');

    // Seed 002: reconnecting does not restart a normal failed run; Replay does.
    const leadPage = await open(`/runs/${lead.id}`);
    const leadRun = leadPage.locator('relink-run-detail');
    await leadRun.getByText('Failed', { exact: true }).waitFor();
    assert.equal(((await agencyApi('runs?limit=100')) as { data: Run[] }).data.filter((r) => r.replayOf === lead.id).length, 0);
    await leadRun.getByRole('button', { name: 'Replay' }).click();
    await shows(leadPage, 'Run replayed.');
    await leadRun.getByText('Replayed as').waitFor();
    await assertAccessible(leadPage);
    noConsoleErrors();
  });
  test('18. Facebook consent granting two pages, both connected (seed 004: "Select the accounts you want to reconnect")', async () => {
    type List = { data: Array<{ id: string; label: string; status: string; externalAccountEmail?: string }> };
    const agency = await open('/connections/con_facebook');
    await agency.getByRole('button', { name: 'Send reconnection request' }).click();
    await shows(agency, 'Reconnection request sent');

    const portal = await open('/portal/connections');
    const facebook = portal.locator('relink-connection-requests').getByRole('listitem').filter({ hasText: 'Facebook Pages' });
    await row(portal, 'Facebook Pages').waitFor();
    // The provider's consent page lists the bakery's two Pages as checkboxes, both ticked; Approve grants both.
    const [popup] = await Promise.all([portal.context().waitForEvent('page'), facebook.getByRole('button', { name: 'Connect' }).click()]);
    popup.setDefaultTimeout(TIMEOUT);
    watch(popup, errors);
    await popup.getByRole('button', { name: 'Approve' }).waitFor();
    assert.deepEqual(await axeViolations(popup), [], 'axe violations on the consent page');
    assert.deepEqual([await popup.getByLabel('Bakery Main St').isChecked(), await popup.getByLabel('Bakery Harbor').isChecked()], [true, true]);
    await popup.getByLabel('Ada Baker (Acme Bakery)').check();
    await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Approve' }).click()]);

    // Both Pages connected: the seeded connection in place (same id), and a new one for Bakery Harbor, live in the table.
    await row(portal, 'Facebook Pages').filter({ hasText: 'Bakery Harbor' }).locator("[part~='badge'].active").waitFor();
    await row(portal, 'Facebook Pages').filter({ hasText: 'Acme Bakery page' }).locator("[part~='badge'].active").waitFor();
    const pages = ((await agencyApi('connections?app=facebook-pages')) as List).data;
    assert.deepEqual(pages.map((c) => [c.label, c.status, c.externalAccountEmail]).sort(), [
      ['Acme Bakery page', 'active', 'mainst@acmebakery.example'],
      ['Bakery Harbor', 'active', 'harbor@acmebakery.example'],
    ]);
    assert.ok(pages.some((c) => c.id === 'con_facebook'), 'the Page kept its connection id');
    await facebook.waitFor({ state: 'hidden' });
    await assertAccessible(portal);
    noConsoleErrors();
  });
  test('19. turning off run-failed notifications: a failed run stays out of the bell, the banner keeps its reauth alerts', async () => {
    // The bell's footer links to the settings (the host's link in the bell's 'footer' slot).
    const page = await open('/');
    await page.locator('relink-notification-bell').getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('link', { name: 'Notification settings' }).click();
    await page.waitForURL(/\/settings$/);
    const settings = page.locator('relink-notification-settings');
    // The agency's reauth alerts stay on (the banner counts them), and the page says why.
    const reauth = settings.getByRole('checkbox', { name: 'Reauthorization needed' });
    await reauth.waitFor();
    assert.deepEqual([await reauth.isChecked(), await reauth.isDisabled()], [true, true]);
    await settings.getByText('Always on for your agency: the reauthorization banner counts these alerts.').waitFor();
    await assertAccessible(page);
    await settings.getByRole('checkbox', { name: 'Run failed' }).uncheck();
    await settings.getByText('Notification settings saved.').waitFor();
    await page.reload();
    await settings.getByRole('checkbox', { name: 'Run failed' }).waitFor();
    assert.equal(await settings.getByRole('checkbox', { name: 'Run failed' }).isChecked(), false, 'the choice is kept');

    // A run fails because HubSpot is broken: the server raises run_failed (for everyone who wants it).
    const lead = (await agencyApi('demo/workflows/wf_lead_sync/run')) as { status: string };
    assert.equal(lead.status, 'failed');
    // Then Slack breaks: its reauth alert arrives live after the run's, so once it shows, the run's would have too.
    await agencyApi('demo/connections/con_slack/revoke-grant');
    await agencyApi('demo/connections/con_slack/expire');
    await agencyApi('demo/refresher/run');
    await bannerTitle(page, '4 connections need to be reauthorized').waitFor();
    const bell = page.locator('relink-notification-bell');
    await bell.getByRole('button', { name: /^Notifications/ }).click();
    await bell.getByRole('listitem').filter({ hasText: 'Slack reauth required' }).waitFor();
    assert.equal(await bell.getByRole('listitem').filter({ hasText: 'New HubSpot leads to Slack failed' }).count(), 0, 'no run-failed alert in the bell');
    const listed = (await agencyApi('notifications?limit=100')) as { data: { kind: string }[] };
    assert.equal(listed.data.filter((n) => n.kind === 'run_failed').length, 0);
    await assertAccessible(page);
    await page.keyboard.press('Escape');

    // Turned on again, the failed run's alert is in the bell: it was left out, not lost.
    await settings.getByRole('checkbox', { name: 'Run failed' }).check();
    await settings.getByText('Notification settings saved.').waitFor();
    await bell.getByRole('button', { name: /^Notifications/ }).click();
    await bell.getByRole('listitem').filter({ hasText: 'New HubSpot leads to Slack failed' }).waitFor();
    noConsoleErrors();
  });
});
