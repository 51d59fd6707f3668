import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ConnectSessionOutcome, RelinkStore, Role } from '@relink/sdk';
import '../src/components/connection-requests/connection-requests.js';
import type { RelinkConnectionRequests } from '../src/components/connection-requests/connection-requests.js';
import type { RelinkCancelRequestEvent, RelinkConnectRequestEvent } from '../src/events/connection-request.js';
import { litWarnings, part } from './helpers.js';
import { deepActive, demo, inProvider, toasts, toastTitled, type Demo } from './relink.js';

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
    const { el, client } = await panel('agency');
    el.addEventListener('relink-cancel-request', (e) => e.preventDefault());
    part(el, 'cancel')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(apps(el)).to.deep.equal(['Salesforce']);
    expect((await client.connectionRequests.list({ state: 'outstanding' })).data).to.have.length(1);
    expect(toasts()).to.deep.equal([]);
  });

  it('the server refuses a client that cancels anyway (403): the element never offers it', async () => {
    const { client } = await panel('client');
    const error = await client.connectionRequests.cancel('req_salesforce').catch((e: unknown) => e);
    expect((error as { status: number }).status).to.equal(403);
  });

  it('Connect: relink-connect-request { request }, then the consent flow; completed → toast; cancelled → nothing', async () => {
    const { el, store } = await panel('client');
    const calls: string[] = [];
    let outcome: ConnectSessionOutcome = { status: 'completed', session: {} } as unknown as ConnectSessionOutcome;
    (store as { connectRequest: RelinkStore['connectRequest'] }).connectRequest = async (id) => (calls.push(id), outcome);
    const event = oneEvent(el, 'relink-connect-request') as Promise<RelinkConnectRequestEvent>;
    part(el, 'connect')!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.request.app.name).to.equal('Salesforce');
    expect((await toastTitled('Salesforce connected.')).tone).to.equal('success');
    expect(calls).to.deep.equal(['req_salesforce']);
    document.querySelector('relink-toaster')!.remove();
    outcome = { status: 'cancelled', session: undefined };
    part(el, 'connect')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).to.have.length(2);
    expect(toasts()).to.deep.equal([]);
    expect(part(el, 'message')).to.equal(null);
    el.addEventListener('relink-connect-request', (e) => e.preventDefault());
    part(el, 'connect')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls, 'preventDefault stops the flow').to.have.length(2);
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

  it('a load error shows the message and "Try again", which loads again', async () => {
    const d = await demo('client');
    const original = d.client.connectionRequests.list;
    let fail = true;
    d.client.connectionRequests.list = ((...args: Parameters<typeof original>) => (fail ? Promise.reject(new Error('Requests are unavailable')) : original(...args))) as typeof original;
    const { el } = await inProvider<RelinkConnectionRequests>(d.client, html`<relink-connection-requests></relink-connection-requests>`, 'relink-connection-requests');
    await waitUntil(() => part(el, 'error'), 'error shown');
    expect(part(el, 'error')!.textContent).to.contain('Requests are unavailable');
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

  it('renders without Lit dev warnings', async () => {
    expect(await litWarnings(async () => { await panel('client'); })).to.deep.equal([]);
  });
});
