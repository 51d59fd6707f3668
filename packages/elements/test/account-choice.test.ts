// Seed 004's "Select the accounts you want to reconnect", in relink-connect-button: the client adds Facebook Pages
// through the in-page server's real consent (two Pages granted), then chooses which to connect in the kit's chooser.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/components/connect-button/connect-button.js';
import '../src/components/reconnect-button/reconnect-button.js';
import type { RelinkConnectButton } from '../src/components/connect-button/connect-button.js';
import type { RelinkReconnectButton } from '../src/components/reconnect-button/reconnect-button.js';
import type { RelinkReconnectResultEvent } from '../src/events/reconnect.js';
import type { RelinkConnectionCreatedEvent } from '../src/events/connect.js';
import { part } from './helpers.js';
import { consentWindow, deepActive, demo, inProvider, toastTitled } from './relink.js';
import type { Demo } from './relink.js';

/** The provider's consent as Ada with both Pages ticked (`consentWindow` in relink.ts drives the real page). */
const PAGES = ['page_bakery_main', 'page_bakery_harbor'];
const pagesConsentWindow = (server: Demo['server']): Window => consentWindow(server, { account: 'acct_ada', pages: PAGES }).window;

async function facebookButton() {
  const d = await demo('client');
  const { el, provider } = await inProvider<RelinkConnectButton>(d.client, html`<relink-connect-button app-key="facebook-pages"></relink-connect-button>`, 'relink-connect-button');
  await waitUntil(() => part(el, 'base'), 'button');
  el.window = pagesConsentWindow(d.server);
  part(el, 'base')!.click();
  await waitUntil(() => part(el, 'choose'), 'the chooser opens after consent', { timeout: 5000 });
  return { el, store: provider.resolvedStore!, ...d };
}

const boxes = (el: HTMLElement) => [...part(el, 'choose')!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
const rows = (el: HTMLElement) => [...part(el, 'choose')!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
const submit = (el: HTMLElement) => part(el, 'choose')!.querySelector<HTMLButtonElement>('button[type=submit]')!;

describe('account chooser (relink-connect-button, Facebook Pages)', () => {
  it('lists the granted Pages checked, says which is already connected, takes focus, and passes axe', async () => {
    const { el } = await facebookButton();
    const choose = part(el, 'choose')!;
    expect(choose.querySelector('#choose-title')!.textContent).to.equal('Select the Facebook Pages accounts you want to connect');
    expect(rows(el)).to.deep.equal(['Bakery Main St Already connected: reconnects it', 'Bakery Harbor New connection']);
    expect(boxes(el).map((b) => b.checked)).to.deep.equal([true, true, true]);
    await waitUntil(() => deepActive() === boxes(el)[0], 'focus on "Select all"');
    await expect(el).to.be.accessible();
  });

  it('Connect with nothing selected says so and connects nothing; Select all then Connect connects both Pages, one connection each', async () => {
    const { el, store, client } = await facebookButton();
    boxes(el)[0]!.click(); // Select all → none
    await el.updateComplete;
    expect(boxes(el).map((b) => b.checked)).to.deep.equal([false, false, false]);
    submit(el).click();
    await waitUntil(() => part(el, 'error')?.textContent === 'Select at least one account to connect.', 'empty choice refused');
    expect((await client.connections.get('con_facebook')).status).to.equal('revoked');

    boxes(el)[2]!.click(); // one of two: "Select all" is mixed
    await el.updateComplete;
    expect(boxes(el)[0]!.indeterminate).to.equal(true);
    boxes(el)[0]!.click();
    await el.updateComplete;
    const created: RelinkConnectionCreatedEvent[] = [];
    el.addEventListener('relink-connection-created', (e) => created.push(e));
    const second = oneEvent(el, 'relink-connection-created');
    submit(el).click();
    await second;
    await waitUntil(() => created.length === 2, 'one event per connection');
    expect(part(el, 'choose')).to.equal(null);
    expect(created.map((e) => [e.detail.connection.id === 'con_facebook', e.detail.connection.status, e.detail.connection.externalAccountEmail])).to.deep.equal([
      [true, 'active', 'mainst@acmebakery.example'],
      [false, 'active', 'harbor@acmebakery.example'],
    ]);
    const facebook = store.getSnapshot().connections.items.filter((c) => c.app.key === 'facebook-pages');
    expect(facebook.map((c) => c.label).sort()).to.deep.equal(['Acme Bakery page', 'Bakery Harbor']);
  });

  it('Cancel connects nothing and says so; the chooser speaks the page language', async () => {
    const { el, client } = await facebookButton();
    el.lang = 'ja';
    await waitUntil(() => part(el, 'choose')!.querySelector('#choose-title')!.textContent === '接続するFacebook Pagesのアカウントを選択してください', 'Japanese');
    [...part(el, 'choose')!.querySelectorAll<HTMLButtonElement>('button')].at(-1)!.click();
    await waitUntil(() => part(el, 'choose') === null && part(el, 'message')!.textContent !== '', 'cancelled');
    expect((await client.connections.get('con_facebook')).status).to.equal('revoked');
    expect((await client.connections.list()).data.filter((c) => c.app.key === 'facebook-pages')).to.have.length(1);
  });
});

describe('account chooser (relink-reconnect-button)', () => {
  it("the agency reconnects its own Facebook Page: the chooser maps it, one Page chosen, 'Connection reconnected.' and the result event once", async () => {
    const d = await demo('agency');
    const now = new Date().toISOString();
    // The agency's own revoked Page connection (the demo seeds only the client's).
    await d.server.app.relink.store.putConnection({
      id: 'con_agency_harbor', workspaceId: 'ws_northwind', appKey: 'facebook-pages', label: 'Harbor page (agency)', status: 'revoked', owner: 'agency',
      ownerPrincipalId: 'prn_agency', externalAccountId: 'page_bakery_harbor', externalAccountEmail: 'harbor@acmebakery.example',
      secrets: {}, refresh: { attempts: 0 }, createdAt: now, updatedAt: now,
    });
    const { el } = await inProvider<RelinkReconnectButton>(d.client, html`<relink-reconnect-button connection-id="con_agency_harbor"></relink-reconnect-button>`, 'relink-reconnect-button');
    await waitUntil(() => part(el, 'base'), 'Reconnect');
    el.window = pagesConsentWindow(d.server);
    const results: string[] = [];
    el.addEventListener('relink-reconnect-result', (e: RelinkReconnectResultEvent) => results.push(e.detail.result));
    part(el, 'base')!.click();
    await waitUntil(() => part(el, 'choose'), 'the chooser opens after consent', { timeout: 5000 });
    // The agency has no connection for Main St (the client's con_facebook is not the agency's to update).
    expect(rows(el)).to.deep.equal(['Bakery Main St New connection', 'Bakery Harbor Already connected: reconnects it']);
    expect(results, 'no result while the choice is open').to.deep.equal([]);
    await expect(el).to.be.accessible();
    boxes(el)[1]!.click(); // Main St off: only the agency's own Page
    await el.updateComplete;
    submit(el).click();
    await toastTitled('Connection reconnected.');
    expect(part(el, 'choose')).to.equal(null);
    expect(results).to.deep.equal(['completed']);
    const pages = (await d.client.connections.list()).data.filter((c) => c.app.key === 'facebook-pages');
    expect(pages.map((c) => [c.id, c.status]).sort()).to.deep.equal([['con_agency_harbor', 'active'], ['con_facebook', 'revoked']]);
  });
});
