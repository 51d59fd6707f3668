import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { Role } from '@relink/sdk';
import '../src/components/connection-requests/connection-requests.js';
import type { RelinkConnectionRequests } from '../src/components/connection-requests/connection-requests.js';
import type { RelinkCancelRequestEvent, RelinkConnectRequestEvent } from '../src/events/connection-request.js';
import { part } from './helpers.js';
import { consentWindow, deepActive, demo, inProvider, toasts, toastTitled, type Demo } from './relink.js';

async function panel(role: Role, options: { principal?: string; prepare?: (d: Demo) => Promise<unknown> } = {}) {
  const d = await demo(role, options.principal);
  await options.prepare?.(d);
  const { el, provider } = await inProvider<RelinkConnectionRequests>(d.client, html`<relink-connection-requests></relink-connection-requests>`, 'relink-connection-requests');
  await waitUntil(() => provider.resolvedStore!.getSnapshot().connectionRequests.status === 'ready', 'requests loaded');
  await el.updateComplete;
  return { el, provider, store: provider.resolvedStore!, ...d };
}

const apps = (el: RelinkConnectionRequests) => [...el.shadowRoot!.querySelectorAll('[part=app]')].map((a) => a.textContent);
const buttons = (el: RelinkConnectionRequests) => [...el.shadowRoot!.querySelectorAll('[part=request] button')].map((b) => b.textContent!.trim());

describe('relink-connection-requests', () => {
  it('client: "Outstanding connection requests" with app, who asked and when; Connect but no Cancel', async () => {
    const { el } = await panel('client');
    expect(part(el, 'heading')!.textContent).to.equal('Outstanding connection requests');
    expect(apps(el)).to.deep.equal(['Salesforce']);
    expect(part(el, 'meta')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Requested by Northwind Agency · yesterday');
    expect(part(el, 'meta')!.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
    expect(part(el, 'note')!.textContent).to.equal('We need Salesforce to sync your sales pipeline.');
    expect(buttons(el)).to.deep.equal(['Connect']);
    expect(part(el, 'cancel')).to.equal(null);
    for (const name of ['base', 'heading', 'list', 'request', 'logo', 'app', 'meta', 'note', 'connect']) expect(part(el, name), name).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('agency: Cancel but no Connect; cancelling (keyboard) removes the row and shows a toast', async () => {
    const { el, client } = await panel('agency');
    expect(buttons(el)).to.deep.equal(['Cancel']);
    await expect(el).to.be.accessible();
    part(el, 'cancel')!.focus();
    const event = oneEvent(el, 'relink-cancel-request') as Promise<RelinkCancelRequestEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.request.id).to.equal('req_salesforce');
    const t = await toastTitled('Request cancelled.');
    expect(t.tone).to.equal('success');
    await waitUntil(() => part(el, 'empty'), 'row removed');
    expect(part(el, 'empty')!.textContent).to.equal('No outstanding requests');
    expect(deepActive() === part(el, 'heading'), 'focus moved to the heading').to.equal(true);
    const { data } = await client.connectionRequests.list({ state: 'outstanding' });
    expect(data).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('preventDefault() on relink-cancel-request keeps the request', async () => {
    const { el, client, store } = await panel('agency');
    el.addEventListener('relink-cancel-request', (e) => e.preventDefault());
    const cancel = store.cancelRequest.bind(store);
    let asked = 0;
    store.cancelRequest = (id: string) => (asked++, cancel(id));
    part(el, 'cancel')!.click();
    // The element asks the store inside the click or never.
    expect(asked).to.equal(0);
    await el.updateComplete;
    expect(apps(el)).to.deep.equal(['Salesforce']);
    expect((await client.connectionRequests.list({ state: 'outstanding' })).data).to.have.length(1);
    expect(toasts()).to.deep.equal([]);
  });

  it('the server refuses a client that cancels anyway (403): the element never offers it', async () => {
    const { client } = await panel('client');
    const error = await client.connectionRequests.cancel('req_salesforce').catch((e: unknown) => e);
    expect((error as { status: number }).status).to.equal(403);
  });

  it('Connect: relink-connect-request { request }, then the real consent flow; completed → toast and the request leaves', async () => {
    const { el, server, client } = await panel('client');
    el.window = consentWindow(server, { account: 'acct_ada' }).window;
    const event = oneEvent(el, 'relink-connect-request') as Promise<RelinkConnectRequestEvent>;
    part(el, 'connect')!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.request.app.name).to.equal('Salesforce');
    expect((await toastTitled('Salesforce connected.')).tone).to.equal('success');
    await waitUntil(() => part(el, 'empty'), 'the request left the list', { timeout: 5000 });
    expect((await client.connectionRequests.list({ state: 'outstanding' })).data).to.deep.equal([]);
    const connected = (await client.connections.list({})).data.find((c) => c.app.key === 'salesforce');
    expect(connected?.status).to.equal('active');
  });

  it('Connect, then Deny at the real consent page: nothing changes, no toast, no message', async () => {
    const { el, server, client } = await panel('client');
    const popup = consentWindow(server, { account: 'acct_ada', decision: 'deny' });
    el.window = popup.window;
    part(el, 'connect')!.click();
    // The flow is over once the consent page answered and the button is no longer busy.
    await waitUntil(() => popup.completed === 1 && part(el, 'connect')!.getAttribute('aria-busy') === 'false', 'flow settled', { timeout: 5000 });
    expect(toasts()).to.deep.equal([]);
    expect(part(el, 'message')).to.equal(null);
    expect(apps(el)).to.deep.equal(['Salesforce']);
    expect((await client.connectionRequests.list({ state: 'outstanding' })).data).to.have.length(1);
  });

  it('preventDefault() on relink-connect-request: no consent flow starts', async () => {
    const { el } = await panel('client');
    let opened = 0;
    el.window = { open: () => (opened++, null), location: { href: location.href }, addEventListener() {}, removeEventListener() {} } as unknown as Window;
    el.addEventListener('relink-connect-request', (e) => e.preventDefault());
    part(el, 'connect')!.click();
    // The popup opens synchronously inside the click, or never.
    expect(opened).to.equal(0);
    expect(part(el, 'connect')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('Connect for a connection that had another account: asks before switching (the real flow), Keep then Switch', async () => {
    const { el, server, client } = await panel('client', {
      prepare: async (d) => (await d.other('agency')).connectionRequests.create({ connectionId: 'con_quickbooks' }),
    });
    const before = await client.connections.get('con_quickbooks');
    el.window = consentWindow(server, { account: 'acct_sam' }).window;
    const row = () => [...el.shadowRoot!.querySelectorAll('[part=request]')].find((r) => r.textContent!.includes('QuickBooks'))!;
    row().querySelector<HTMLElement>('[part=connect]')!.click();
    await waitUntil(() => row().querySelector('[part=confirm]'), 'asked', { timeout: 5000 });
    const prompt = row().querySelector('[part=confirm]')!;
    expect(prompt.querySelector('p')!.textContent).to.equal(
      `You authorized sam.personal@example.com instead of ${before.externalAccountEmail}. Switch this connection to sam.personal@example.com?`,
    );
    const [keep] = [...prompt.querySelectorAll('button')];
    await waitUntil(() => deepActive() === keep, 'the safe choice is focused');
    await expect(el).to.be.accessible();
    keep!.click();
    await el.updateComplete;
    expect(row().querySelector('[part=confirm]')).to.equal(null);
    expect(row().querySelector('[part=message]')!.textContent).to.equal(`Nothing was switched: the connection still uses ${before.externalAccountEmail}.`);
    expect((await client.connections.get('con_quickbooks')).externalAccountEmail).to.equal(before.externalAccountEmail);

    row().querySelector<HTMLElement>('[part=connect]')!.click();
    await waitUntil(() => row().querySelector('[part=confirm]'), 'asked again', { timeout: 5000 });
    row().querySelector('[part=confirm]')!.querySelectorAll('button')[1]!.click();
    await toastTitled('QuickBooks connected.');
    const after = await client.connections.get('con_quickbooks');
    expect(after.status).to.equal('active');
    expect(after.externalAccountEmail).to.equal('sam.personal@example.com');
  });

  it("Connect on an app whose auth config is missing shows the server's message under the request", async () => {
    const { el } = await panel('client', {
      prepare: async (d) => (await d.other('agency')).connectionRequests.create({ appKey: 'follow-up-boss', principalId: 'prn_client' }),
    });
    expect(apps(el)).to.include('Follow Up Boss');
    const row = [...el.shadowRoot!.querySelectorAll('[part=request]')].find((r) => r.textContent!.includes('Follow Up Boss'))!;
    const closed: string[] = [];
    el.window = { open: () => ({ closed: false, close: () => closed.push('closed') }), location: { href: location.href }, addEventListener() {}, removeEventListener() {} } as unknown as Window;
    row.querySelector<HTMLElement>('[part=connect]')!.click();
    await waitUntil(() => row.querySelector('[part=message]'), 'message shown', { timeout: 5000 });
    expect(row.querySelector('[part=message]')!.textContent).to.match(/auth config/i);
    expect(row.querySelector('[part=message]')!.getAttribute('role')).to.equal('alert');
    expect(closed).to.deep.equal(['closed']);
    await expect(el).to.be.accessible();
  });

  it('empty: "No outstanding requests" for a client nobody asked', async () => {
    const { el } = await panel('client', { principal: 'prn_newcomer' });
    expect(part(el, 'empty')!.textContent).to.equal('No outstanding requests');
    await expect(el).to.be.accessible();
  });

  it('a load error says the service cannot be reached (never the SDK\'s own text) with "Try again", which loads again', async () => {
    let fail = true;
    // The one fault the in-page backend cannot produce: no answer at all.
    const d = await demo('client', undefined, (f) => async (input, init) => {
      if (fail && (input instanceof Request ? input.url : String(input)).includes('/connection-requests')) throw new TypeError('offline');
      return f(input, init);
    });
    const { el } = await inProvider<RelinkConnectionRequests>(d.client, html`<relink-connection-requests></relink-connection-requests>`, 'relink-connection-requests');
    await waitUntil(() => part(el, 'error'), 'error shown');
    expect(part(el, 'error')!.querySelector('p')!.textContent).to.equal('The service cannot be reached right now. Nothing was changed.');
    await expect(el).to.be.accessible();
    fail = false;
    part(el, 'retry')!.click();
    await waitUntil(() => apps(el).length === 1, 'reloaded');
  });

  it('copy from messages; hostile notes render as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const { el } = await panel('client', {
      prepare: async (d) => (await d.other('agency')).connectionRequests.create({ appKey: 'linkedin', principalId: 'prn_client', note: hostile }),
    });
    el.messages = { heading: 'Demandes en attente', connect: 'Connecter', requestedBy: 'Demandé par {name}' };
    await el.updateComplete;
    expect(part(el, 'heading')!.textContent).to.equal('Demandes en attente');
    expect(buttons(el)).to.deep.equal(['Connecter', 'Connecter']);
    expect([...el.shadowRoot!.querySelectorAll('[part=note]')].map((n) => n.textContent)).to.include(hostile);
    expect(el.shadowRoot!.querySelector('[part=meta]')!.textContent).to.contain('Demandé par Northwind Agency');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

});
