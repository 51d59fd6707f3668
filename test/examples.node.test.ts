// The kit in React, Vue and plain HTML (examples/): each example is built with Vite, served by one server next to the
// reference backend and the host's `/host/session`, and used in Chromium as a person would — by visible text and
// ARIA roles. Every page is checked with axe, and any console error fails it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningRelink } from '@relink/server';
import { EXAMPLES, buildExamples } from '../examples/build.js';
import { startExamplesServer } from '../examples/serve.js';
import { axeViolations, launchBrowser, watch } from './e2e/harness.js';

const TIMEOUT = 15_000;
/** What each host framework is, as its page's heading says. */
const FRAMEWORK = { react: 'React', vue: 'Vue', html: 'HTML' } as const;

let server: RunningRelink;
let browser: Browser;
let built: Record<string, number>;

/** The agency's API calls a test makes behind the UI, with a session token from the host's backend. */
async function agencyApi(path: string): Promise<unknown> {
  const session = await fetch(`${server.url}/host/session?role=agency`, { method: 'POST' });
  assert.ok(session.ok, `/host/session answered ${session.status}`);
  const { token, expiresAt } = (await session.json()) as { token: string; expiresAt: string };
  assert.ok(token && Date.parse(expiresAt) > Date.now(), '/host/session gives a token and when it expires');
  const response = await fetch(`${server.url}/v1/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  assert.ok(response.ok, `${path} answered ${response.status}`);
  return response.json();
}

/** A table row by its app, the first cell: its accessible name starts with the app's name. */
const row = (page: Page, app: string): Locator => page.getByRole('row', { name: new RegExp(`^${app} `) });

async function assertAccessible(page: Page): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe violations on ${page.url()}`);
}

describe('examples: the kit in React, Vue and plain HTML', { timeout: 120_000 }, () => {
  before(async () => {
    built = await buildExamples();
    server = await startExamplesServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the HTML bundle is one minified ES module with the whole kit inside', () => {
    assert.deepEqual(Object.keys(built).sort(), [...EXAMPLES].sort());
    const bundle = readFileSync(new URL('../examples/html/relink-elements.js', import.meta.url), 'utf8');
    // Nothing left for a browser to resolve: no bare imports and no lazily loaded chunks.
    assert.doesNotMatch(bundle, /\bimport\s*(?:[\w{}*\s,]+from\s*)?["'][^"'./]/, 'a bare import left in the bundle');
    assert.doesNotMatch(bundle, /\bimport\(/, 'a dynamic import left in the bundle');
    assert.match(bundle, /relink-connections-table/);
    // Minified: module-private names are mangled (relink-element.ts's `adoptThemeRules` would survive otherwise).
    assert.doesNotMatch(bundle, /adoptThemeRules/, 'the bundle is not minified');
  });

  for (const name of EXAMPLES) {
    test(`${name}: demo rows, "Manage" routed by the host, a revoke shown live`, async () => {
      await agencyApi('demo/reset');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
      const errors: string[] = [];
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        watch(page, errors);
        const url = `${server.url}/examples/${name}/`;
        // The provider's live stream, authorised: changes made after it opened reach the page.
        const live = page.waitForResponse((response) => new URL(response.url()).pathname === '/v1/events' && response.status() === 200);
        await page.goto(url);

        await page.getByRole('heading', { level: 1, name: new RegExp(FRAMEWORK[name]) }).waitFor();
        await row(page, 'Slack').waitFor();
        await row(page, 'HubSpot').waitFor();
        // The reauth banner, used as a plain tag in every example, reads the same provider.
        await page.locator('relink-reauth-banner').getByRole('heading', { name: '3 connections need to be reauthorized' }).waitFor();
        await assertAccessible(page);

        // "Manage" is a real link; the host cancels relink-manage and shows it in its own state instead.
        const manage = row(page, 'Slack').getByRole('link', { name: 'Manage' });
        assert.equal(await manage.getAttribute('href'), `/examples/${name}/connections/con_slack`);
        await manage.click();
        await page.getByRole('status').filter({ hasText: 'Managing Slack' }).waitFor();
        assert.equal(page.url(), url, 'the link did not navigate');

        // A change made elsewhere (the API) arrives over the live stream: no reload.
        await live;
        await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
        await agencyApi('connections/con_slack/revoke');
        await row(page, 'Slack').getByText('Revoked').waitFor();
        assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'the page was not reloaded');
        await page.getByText('Managing Slack').waitFor();
        await assertAccessible(page);
        assert.deepEqual(errors, [], 'console errors');
      } finally {
        await context.close();
      }
    });
  }
});
