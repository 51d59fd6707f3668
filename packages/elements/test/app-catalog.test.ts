import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/components/app-catalog/app-catalog.js';
import '../src/components/connect-button/connect-button.js';
import type { RelinkAppCatalog } from '../src/components/app-catalog/app-catalog.js';
import type { RelinkConnectButton } from '../src/components/connect-button/connect-button.js';
import type { RelinkConnectionCreatedEvent } from '../src/events/connect.js';
import { part } from './helpers.js';
import { consentWindow, deepActive, demo, inProvider, toastTitled } from './relink.js';

const names = (el: RelinkAppCatalog) => [...el.shadowRoot!.querySelectorAll("[part='name']")].map((n) => n.textContent);
const buttonOf = (el: RelinkAppCatalog, key: string) => el.shadowRoot!.querySelector<RelinkConnectButton>(`relink-connect-button[app-key='${key}']`)!;

async function catalog(role: 'client' | 'agency' = 'agency') {
  const d = await demo(role);
  const { el, provider } = await inProvider<RelinkAppCatalog>(d.client, html`<relink-app-catalog></relink-app-catalog>`, 'relink-app-catalog');
  await waitUntil(() => el.shadowRoot!.querySelector("[part='list']"), 'apps loaded');
  return { el, provider, store: provider.resolvedStore!, ...d };
}

describe('relink-app-catalog', () => {
  it('lists every app by name with its monogram and how it connects; accessible', async () => {
    const { el } = await catalog();
    expect(names(el)).to.deep.equal(['Facebook Pages', 'Follow Up Boss', 'GoHighLevel', 'Google Drive', 'HubSpot', 'LinkedIn', 'Mailchimp', 'QuickBooks', 'Salesforce', 'Slack']);
    const item = (name: string) => [...el.shadowRoot!.querySelectorAll("[part='item']")].find((i) => i.querySelector("[part='name']")!.textContent === name)!;
    expect(item('Slack').querySelector("[part='auth-mode']")!.textContent).to.equal('Connect by signing in');
    expect(item('Mailchimp').querySelector("[part='auth-mode']")!.textContent).to.equal('Connect with an API key');
    expect(item('Follow Up Boss').querySelector("[part='auth-mode']")!.textContent).to.equal('Needs a managed auth config');
    expect(item('Slack').querySelector("[part~='logo']")!.textContent).to.equal('S');
    await waitUntil(() => buttonOf(el, 'slack').shadowRoot!.querySelector("[part='base']"), 'buttons rendered');
    expect(buttonOf(el, 'slack').shadowRoot!.querySelector("[part='base']")!.getAttribute('aria-label')).to.equal('Connect Slack');
    for (const name of ['base', 'search', 'search-input', 'list', 'item', 'logo', 'name', 'auth-mode', 'connect']) expect(part(el, name), name).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('search narrows by name as you type; no match says so; clearing shows all again', async () => {
    const { el } = await catalog();
    const input = part(el, 'search-input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'goo' });
    await waitUntil(() => names(el).length === 1, 'filtered');
    expect(names(el)).to.deep.equal(['Google Drive']);
    await sendKeys({ type: 'zzz' });
    await waitUntil(() => part(el, 'empty'), 'no matches');
    expect(part(el, 'empty-title')!.textContent).to.equal('No apps match “goozzz”.');
    input.select();
    await sendKeys({ press: 'Backspace' });
    await waitUntil(() => names(el).length === 10, 'all again');
  });

  it('keyboard: Arrow Down from the search goes to the first app, Down/Up/End move between apps, Up from the first goes back', async () => {
    const { el } = await catalog();
    (part(el, 'search-input') as HTMLInputElement).focus();
    await waitUntil(() => buttonOf(el, 'slack').shadowRoot!.querySelector("[part='base']"), 'buttons rendered');
    const base = (key: string) => buttonOf(el, key).shadowRoot!.querySelector("[part='base']");
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()).to.equal(base('facebook-pages'));
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()).to.equal(base('follow-up-boss'));
    await sendKeys({ press: 'End' });
    expect(deepActive()).to.equal(base('slack'));
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowUp' });
    expect(deepActive()).to.equal(part(el, 'search-input'));
  });

  it('loading, then a failed load says why with "Try again", which loads it', async () => {
    let fail = true;
    const d = await demo('agency', 'prn_agency', (f) => (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return fail && url.endsWith('/v1/apps') ? Promise.resolve(new Response('{"error":{"code":"internal","message":"boom"}}', { status: 500, headers: { 'content-type': 'application/json' } })) : f(input, init);
    });
    const { el } = await inProvider<RelinkAppCatalog>(d.client, html`<relink-app-catalog></relink-app-catalog>`, 'relink-app-catalog');
    await waitUntil(() => part(el, 'error'), 'error shown');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    fail = false;
    part(el, 'retry')!.click();
    await waitUntil(() => names(el).length === 10, 'loaded after Try again');
  });

  it('an empty catalog: "No apps to connect"', async () => {
    const d = await demo('client');
    // The catalog is global to the store the server reads (MemoryStore in the page): empty it before the element asks.
    (d.server.app.relink.store as unknown as { apps: Map<string, unknown> }).apps.clear();
    const { el } = await inProvider<RelinkAppCatalog>(d.client, html`<relink-app-catalog></relink-app-catalog>`, 'relink-app-catalog');
    await waitUntil(() => part(el, 'empty'), 'empty state');
    expect(part(el, 'empty-title')!.textContent).to.equal('No apps to connect');
    expect(part(el, 'empty-body')!.textContent).to.equal('Your workspace has no apps available yet.');
    await expect(el).to.be.accessible();
  });
});

describe('relink-connect-button', () => {
  it('agency adds Slack through the real consent (popup): relink-connection-created carries the new active connection; the store has it', async () => {
    const { el, server, store } = await catalog();
    const popup = consentWindow(server, { account: 'acct_ops' });
    el.window = popup.window;
    await el.updateComplete;
    const button = buttonOf(el, 'slack');
    await waitUntil(() => button.shadowRoot!.querySelector("[part='base']"), 'button rendered');
    const created = oneEvent(el, 'relink-connection-created') as Promise<RelinkConnectionCreatedEvent>;
    (button.shadowRoot!.querySelector("[part='base']") as HTMLElement).click();
    const event = await created;
    expect(event.composed).to.equal(true);
    expect([event.detail.connection.app.key, event.detail.connection.status, event.detail.connection.owner]).to.deep.equal(['slack', 'active', 'agency']);
    expect(store.getSnapshot().connections.byId.get(event.detail.connection.id)!.externalAccountEmail).to.equal('ops@northwind.example');
    await toastTitled('Slack connected.');
    expect(popup.completed).to.equal(1);
  });

  it('a denied consent: "Connection cancelled. Nothing changed." and no new connection', async () => {
    const d = await demo('client');
    const { el, provider } = await inProvider<RelinkConnectButton>(d.client, html`<relink-connect-button app-key="hubspot"></relink-connect-button>`, 'relink-connect-button');
    await waitUntil(() => part(el, 'base'), 'button');
    el.window = consentWindow(d.server, { account: 'acct_ada', decision: 'deny' }).window;
    const before = (await d.client.connections.list()).data.length;
    part(el, 'base')!.click();
    await waitUntil(() => part(el, 'message')!.textContent === 'Connection cancelled. Nothing changed.', 'cancelled');
    el.lang = 'ja';
    await waitUntil(() => part(el, 'message')!.textContent === '接続をキャンセルしました。変更は行われていません。', 'the cancelled line follows a later lang change');
    expect((await d.client.connections.list()).data.length).to.equal(before);
    expect(provider.resolvedStore!.getSnapshot().connections.items.some((c) => c.app.key === 'hubspot' && c.owner === 'client')).to.equal(false);
  });

  it('API-key app (Mailchimp): the form, per-field errors from the 422, then Save creates it', async () => {
    const d = await demo('agency');
    const { el } = await inProvider<RelinkConnectButton>(d.client, html`<relink-connect-button app-key="mailchimp" label="Second list"></relink-connect-button>`, 'relink-connect-button');
    await waitUntil(() => part(el, 'base'), 'button (catalog read by itself)');
    expect(part(el, 'base')!.getAttribute('aria-expanded')).to.equal('false');
    part(el, 'base')!.click();
    await waitUntil(() => part(el, 'form'), 'form');
    const input = part(el, 'input') as HTMLInputElement;
    await waitUntil(() => deepActive() === input, 'focus in the field');
    await sendKeys({ type: 'nope' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'field error');
    expect(el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!.textContent).to.equal('Mailchimp API keys are 32 hexadecimal characters followed by a data-center suffix such as -us21.');
    await expect(el).to.be.accessible();
    input.value = '0123456789abcdef0123456789abcdef-us21';
    const created = oneEvent(el, 'relink-connection-created') as Promise<RelinkConnectionCreatedEvent>;
    part(el, 'save')!.click();
    const event = await created;
    expect([event.detail.connection.label, event.detail.connection.status]).to.deep.equal(['Second list', 'active']);
    expect(part(el, 'form')).to.equal(null);
  });

  it('managed auth config missing: says so and who to ask, without a popup', async () => {
    const d = await demo('agency');
    const { el } = await inProvider<RelinkConnectButton>(d.client, html`<relink-connect-button app-key="follow-up-boss"></relink-connect-button>`, 'relink-connect-button');
    await waitUntil(() => part(el, 'base'), 'button');
    let opened = 0;
    el.window = Object.assign(new EventTarget(), { open: () => (opened++, null), location: window.location }) as unknown as Window;
    part(el, 'base')!.click();
    await waitUntil(() => part(el, 'error'), 'error');
    expect([...part(el, 'error')!.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal([
      'Follow Up Boss needs a managed auth config, and it is missing: the connection cannot start.',
      'Ask your administrator or support to set up the auth config for this app, then reconnect.',
    ]);
    expect(opened).to.equal(0);
    // The open error is said at render time: a later language change re-says it.
    el.lang = 'de';
    await waitUntil(() => part(el, 'error')!.querySelector('p')!.textContent!.startsWith('Follow Up Boss benötigt'), 'error in German');
    expect(part(el, 'error')!.querySelectorAll('p')[1]!.textContent).to.equal(
      'Bitten Sie Ihre Administration oder den Support, die Auth-Konfiguration für diese App einzurichten, und verbinden Sie sie dann neu.',
    );
  });

  it('an unknown app key says so', async () => {
    const d = await demo('agency');
    const { el } = await inProvider<RelinkConnectButton>(d.client, html`<relink-connect-button app-key="nosuchapp"></relink-connect-button>`, 'relink-connect-button');
    await waitUntil(() => part(el, 'error'), 'error');
    expect(part(el, 'error')!.textContent).to.equal('This app is not in your catalog.');
  });
});
