import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/components/reconnect-button/reconnect-button.js';
import type { RelinkReconnectButton } from '../src/components/reconnect-button/reconnect-button.js';
import type { RelinkReconnectEvent, RelinkReconnectResultEvent } from '../src/events/reconnect.js';
import { part } from './helpers.js';
import { consentWindow, deepActive, demo, inProvider, toastTitled } from './relink.js';

async function button(id: string, role: 'client' | 'agency' = 'agency') {
  const d = await demo(role);
  const { el, provider } = await inProvider<RelinkReconnectButton>(d.client, html`<relink-reconnect-button connection-id=${id}></relink-reconnect-button>`, 'relink-reconnect-button');
  await waitUntil(() => provider.resolvedStore!.getSnapshot().connections.byId.has(id));
  await el.updateComplete;
  return { el, store: provider.resolvedStore!, ...d };
}

/** Every relink-reconnect* event the element fires, in order. */
function record(el: HTMLElement) {
  const seen: string[] = [];
  el.addEventListener('relink-reconnect', (e: RelinkReconnectEvent) => seen.push(`${e.type}:${e.detail.action}`));
  el.addEventListener('relink-reconnect-result', (e: RelinkReconnectResultEvent) => seen.push(`${e.type}:${e.detail.action}:${e.detail.result}`));
  return seen;
}

describe('relink-reconnect-button', () => {
  it('client viewers get nothing here (they reconnect from request emails)', async () => {
    for (const id of ['con_quickbooks', 'con_facebook']) {
      const { el } = await button(id, 'client');
      expect(el.shadowRoot!.querySelector('button'), id).to.equal(null);
    }
  });

  it('agency on a client-owned connection: "Send reconnection request" sends it', async () => {
    const { el, client } = await button('con_quickbooks');
    const seen = record(el);
    expect(part(el, 'base')!.textContent!.trim()).to.equal('Send reconnection request');
    await expect(el).to.be.accessible();
    part(el, 'base')!.focus();
    await sendKeys({ press: 'Enter' });
    const t = await toastTitled('Reconnection request sent');
    expect(t.description).to.equal('Your client will find it under Outstanding connection requests in their portal, ready to reconnect QuickBooks.');
    expect(seen).to.deep.equal(['relink-reconnect:request', 'relink-reconnect-result:request:requested']);
    const { data } = await client.connectionRequests.list({ state: 'outstanding' });
    expect(data.some((r) => r.app.key === 'quickbooks')).to.equal(true);
  });

  it('API-key app (Mailchimp): the field form, per-field errors from the 422, then Save reconnects', async () => {
    const { el, store } = await button('con_mailchimp');
    const seen = record(el);
    expect(part(el, 'base')!.textContent!.trim()).to.equal('Reconnect');
    expect(part(el, 'base')!.getAttribute('aria-expanded')).to.equal('false');
    part(el, 'base')!.click();
    await el.updateComplete;
    await waitUntil(() => part(el, 'form'));
    const input = part(el, 'input') as HTMLInputElement;
    expect(input.type).to.equal('password');
    expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent).to.equal('API key');
    expect(part(el, 'save')!.textContent).to.equal('Save');
    await waitUntil(() => deepActive() === input, 'focus in the first field');
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'not-a-key' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'field error');
    const error = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(error.textContent).to.equal('Mailchimp API keys are 32 hexadecimal characters followed by a data-center suffix such as -us21.');
    expect(deepActive()).to.equal(input);
    await expect(el).to.be.accessible();

    input.value = '0123456789abcdef0123456789abcdef-us21';
    part(el, 'save')!.click();
    await toastTitled('Connection reconnected.');
    expect(store.getSnapshot().connections.byId.get('con_mailchimp')!.status).to.equal('active');
    expect(part(el, 'form')).to.equal(null);
    expect(seen).to.deep.equal(['relink-reconnect:credentials', 'relink-reconnect-result:credentials:invalid', 'relink-reconnect-result:credentials:saved']);
  });

  it('API-key app: a double click while the form loads opens it once (one relink-reconnect event)', async () => {
    const { el } = await button('con_mailchimp');
    const seen = record(el);
    part(el, 'base')!.click();
    part(el, 'base')!.click(); // before the form's code has answered: import() settles in a later microtask at the earliest
    await waitUntil(() => part(el, 'form'), 'form');
    part(el, 'base')!.click(); // open: nothing more either
    expect(seen).to.deep.equal(['relink-reconnect:credentials']);
  });

  it('auth config missing (Follow Up Boss): says so and who to contact, without opening a popup (known before the click)', async () => {
    const { el } = await button('con_fub');
    const seen = record(el);
    let opened = 0;
    el.window = {
      open: () => (opened++, null),
      location: { href: location.href, assign() {} },
      addEventListener() {}, removeEventListener() {},
    } as unknown as Window;
    part(el, 'base')!.click();
    await waitUntil(() => part(el, 'error'), 'error');
    expect(opened, 'no popup').to.equal(0);
    const lines = [...part(el, 'error')!.querySelectorAll('p')].map((p) => p.textContent);
    expect(lines[0]).to.equal('Follow Up Boss needs a managed auth config, and it is missing: the connection cannot start.');
    expect(lines[1]).to.equal('Ask your administrator or support to set up the auth config for this app, then reconnect.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(seen).to.deep.equal(['relink-reconnect:consent', 'relink-reconnect-result:consent:auth_config_missing']);
    await expect(el).to.be.accessible();
  });

  it('popup blocked (injected window): falls back to a redirect to the connect link', async () => {
    const { el, server } = await button('con_hubspot');
    const seen = record(el);
    const assigned: string[] = [];
    const fakeWindow = {
      open: () => null,
      location: { href: 'https://relink.invalid/portal/connections/con_hubspot', assign: (url: string) => assigned.push(url) },
      addEventListener() {}, removeEventListener() {},
    };
    el.window = fakeWindow as unknown as Window;
    part(el, 'base')!.click();
    await waitUntil(() => assigned.length === 1 || part(el, 'error'), 'redirected');
    expect(part(el, 'error')?.textContent ?? '').to.equal('');
    expect(assigned[0]!.startsWith(new URL(server.baseUrl).origin)).to.equal(true);
    await waitUntil(() => seen.length === 2);
    expect(seen).to.deep.equal(['relink-reconnect:consent', 'relink-reconnect-result:consent:redirected']);
  });

  it('account mismatch through the real consent flow: asks before switching; "Keep" changes nothing, "Switch" confirms', async () => {
    const { el, store, server, client } = await button('con_hubspot');
    const seen = record(el);
    // The user approves at the provider's consent page with another account than the connection's (acct_ops).
    const popup = consentWindow(server, { account: 'acct_sam' });
    el.window = popup.window;

    part(el, 'base')!.click();
    await waitUntil(() => part(el, 'confirm'), 'confirm', { timeout: 5000 });
    expect(popup.completed).to.equal(1);
    const [question, warning] = [...part(el, 'confirm')!.querySelectorAll('p')].map((p) => p.textContent);
    expect(question).to.equal('You authorized sam.personal@example.com instead of ops@northwind.example. Switch this connection to sam.personal@example.com?');
    expect(warning).to.contain('Reconnect with the same login you used originally.');
    const [keep, switchTo] = [...part(el, 'confirm')!.querySelectorAll('button')];
    expect(keep!.textContent).to.equal('Keep ops@northwind.example');
    expect(switchTo!.textContent).to.equal('Switch to sam.personal@example.com');
    await waitUntil(() => deepActive() === keep, 'the safe choice is focused');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(part(el, 'confirm')).to.equal(null);
    expect(part(el, 'message')!.textContent).to.equal('Nothing was switched: the connection still uses ops@northwind.example.');
    const kept = await client.connections.get('con_hubspot');
    expect(kept.status, 'the server kept the broken connection').to.equal('error');
    expect(kept.externalAccountEmail).to.equal('ops@northwind.example');
    // Keep declined the session: the server dropped the other account's tokens instead of holding them.
    const sessions = (server.app.relink.store as unknown as { sessions: Map<string, { connectionId: string; status: string; error?: { code: string }; pendingSecrets?: unknown }> }).sessions;
    await waitUntil(() => [...sessions.values()].some((s) => s.connectionId === 'con_hubspot' && s.error?.code === 'account_kept'), 'the session was declined');
    expect([...sessions.values()].filter((s) => s.connectionId === 'con_hubspot').every((s) => s.pendingSecrets === undefined)).to.equal(true);

    part(el, 'base')!.click();
    await waitUntil(() => part(el, 'confirm'), 'asked again', { timeout: 5000 });
    part(el, 'confirm')!.querySelectorAll('button')[1]!.click();
    await toastTitled('Connection reconnected.');
    const switched = await client.connections.get('con_hubspot');
    expect(switched.status).to.equal('active');
    expect(switched.externalAccountEmail).to.equal('sam.personal@example.com');
    expect(store.getSnapshot().connections.byId.get('con_hubspot')!.status).to.equal('active');
    expect(seen).to.deep.equal([
      'relink-reconnect:consent', 'relink-reconnect-result:consent:account_mismatch', 'relink-reconnect-result:consent:kept',
      'relink-reconnect:consent', 'relink-reconnect-result:consent:account_mismatch', 'relink-reconnect-result:consent:completed',
    ]);
  });

  it('Deny at the real consent page: cancelled, nothing changed, said quietly', async () => {
    const { el, store, server } = await button('con_hubspot');
    el.window = consentWindow(server, { account: 'acct_ops', decision: 'deny' }).window;
    part(el, 'base')!.click();
    await waitUntil(() => part(el, 'message')!.textContent === 'Reconnection cancelled. Nothing changed.', 'cancelled', { timeout: 5000 });
    expect(part(el, 'message')!.getAttribute('role')).to.equal('status');
    expect(store.getSnapshot().connections.byId.get('con_hubspot')!.status).to.equal('error');
  });

  it('a removed element aborts its consent flow (its polling stops)', async () => {
    const { el } = await button('con_hubspot');
    // A user who never answers the consent page.
    const popup = { closed: false, close() { this.closed = true; }, location: { href: '' } };
    const results: string[] = [];
    el.addEventListener('relink-reconnect-result', (e) => results.push(e.detail.result));
    el.window = Object.assign(new EventTarget(), { open: () => popup, location: window.location }) as unknown as Window;
    part(el, 'base')!.click();
    await waitUntil(() => popup.location.href !== '', 'the popup was sent to the connect link');
    el.remove();
    // The flow ends (its timers cleared, its popup closed) at once instead of polling for up to 10 minutes.
    await waitUntil(() => popup.closed, 'the flow closed its popup');
    await waitUntil(() => results.length > 0, 'the flow settled');
    expect(results).to.deep.equal(['cancelled']);
  });

  it('preventDefault() on relink-reconnect stops the flow', async () => {
    const { el, client, store } = await button('con_quickbooks');
    el.addEventListener('relink-reconnect', (e) => e.preventDefault());
    const request = store.requestReconnection.bind(store);
    let asked = 0;
    store.requestReconnection = (id: string, note?: string) => (asked++, request(id, note));
    const event = oneEvent(el, 'relink-reconnect');
    part(el, 'base')!.click();
    await event;
    // The element asks the store inside the click or never.
    expect(asked).to.equal(0);
    const { data } = await client.connectionRequests.list({ state: 'outstanding' });
    expect(data.some((r) => r.app.key === 'quickbooks')).to.equal(false);
  });

  it('renders hostile app field labels as text', async () => {
    const { el } = await button('con_mailchimp');
    el.messages = { reconnect: '<img src=x onerror="window.__pwned=1">' };
    await el.updateComplete;
    expect(part(el, 'base')!.textContent!.trim()).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('a connection the store already holds renders once (no fetch, no second update)', async () => {
    const d = await demo('agency');
    const { provider } = await inProvider<HTMLElement>(d.client, html`<div></div>`, 'div');
    const store = provider.resolvedStore!;
    await store.connections.get('con_quickbooks');
    const el = document.createElement('relink-reconnect-button') as RelinkReconnectButton;
    el.setAttribute('connection-id', 'con_quickbooks');
    let updates = 0;
    el.addController({ hostUpdated: () => void updates++ });
    provider.append(el);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    expect(part(el, 'base')!.textContent!.trim()).to.equal('Send reconnection request');
    expect(updates).to.equal(1);
  });
});
