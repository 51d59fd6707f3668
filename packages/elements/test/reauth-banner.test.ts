import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/components/reauth-banner/reauth-banner.js';
import '../src/components/notification-bell/notification-bell.js';
import '../src/components/runs-list/runs-list.js';
import type { RelinkReauthBanner } from '../src/components/reauth-banner/reauth-banner.js';
import type { RelinkNavigateEvent } from '../src/events/navigate.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider, type Demo } from './relink.js';
import { reconnectElsewhere } from './consent.js';

const MAILCHIMP_KEY = '0123456789abcdef0123456789abcdef-us21';

/** A banner in a provider for the agency; `prepare` runs against the server before the banner renders. */
async function banner(options: { prepare?: (d: Demo) => Promise<unknown>; live?: boolean; href?: string } = {}) {
  const d = await demo('agency');
  await options.prepare?.(d);
  const { el, provider } = await inProvider<RelinkReauthBanner>(
    d.client,
    html`<relink-reauth-banner href=${options.href ?? '#connections/{id}'}></relink-reauth-banner>`,
    'relink-reauth-banner',
    { live: options.live ?? false },
  );
  await waitUntil(() => provider.resolvedStore!.getSnapshot().notifications.status === 'ready', 'notifications loaded');
  await el.updateComplete;
  return { el, provider, ...d };
}

const title = (el: RelinkReauthBanner) => part(el, 'title')?.textContent?.trim();
const live = (el: RelinkReauthBanner) => el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim();
const markRead = (d: Demo, ...ids: string[]) => Promise.all(ids.map((id) => d.client.notifications.markRead(id)));
/** Mailchimp fixed the way a user does: its API key again. */
const fixMailchimp = (d: Demo) => d.client.connections.submitCredentials('con_mailchimp', { api_key: MAILCHIMP_KEY });
/**
 * Marks the demo's reauth alerts resolved in the server's store, for states the agency cannot reach by itself
 * (QuickBooks is client-owned: only the client can consent for it).
 */
async function resolveInStore(d: Demo, ...ids: string[]): Promise<void> {
  const { data } = await d.client.notifications.list();
  for (const n of data.filter((x) => ids.includes(x.id))) {
    await d.server.app.relink.store.putNotification({ ...n, workspaceId: 'ws_northwind', read: true, resolvedAt: new Date().toISOString() });
  }
}

describe('relink-reauth-banner', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('3 affected apps: "3 connections need to be reauthorized", "HubSpot reauth required" and "and 2 more"', async () => {
    const { el } = await banner();
    expect(title(el)).to.equal('3 connections need to be reauthorized');
    expect(part(el, 'link')!.textContent!.trim()).to.equal('HubSpot reauth required');
    expect(part(el, 'link')!.getAttribute('href')).to.equal('#connections/con_hubspot');
    expect(part(el, 'more')!.textContent!.trim()).to.equal('and 2 more');
    expect(part(el, 'base')!.textContent!.replace(/\s+/g, ' ')).to.contain('HubSpot reauth required and 2 more');
    expect(part(el, 'title')!.tagName, 'a native heading at heading-level (2)').to.equal('H2');
    expect(el.count).to.equal(3);
    for (const name of ['base', 'icon', 'content', 'title', 'row', 'link', 'more']) expect(part(el, name), name).to.not.equal(null);
    // A labelled region, not an alert dialog, and nothing to dismiss it with.
    expect(part(el, 'base')!.tagName).to.equal('SECTION');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('1 affected app: "A connection needs to be reauthorized", no remaining count', async () => {
    const { el } = await banner({ prepare: (d) => resolveInStore(d, 'ntf_mailchimp', 'ntf_quickbooks') });
    expect(title(el)).to.equal('A connection needs to be reauthorized');
    expect(part(el, 'link')!.textContent!.trim()).to.equal('HubSpot reauth required');
    expect(part(el, 'more')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reading alerts does not drop them: Mailchimp fixed and every alert read still leaves HubSpot and QuickBooks', async () => {
    const { el } = await banner({
      prepare: async (d) => {
        await fixMailchimp(d);
        await markRead(d, 'ntf_hubspot', 'ntf_quickbooks');
      },
    });
    expect(title(el)).to.equal('2 connections need to be reauthorized');
    expect(part(el, 'link')!.textContent!.trim()).to.equal('HubSpot reauth required');
    expect(part(el, 'more')!.textContent!.trim()).to.equal('and 1 more');
  });

  it('1 affected app after reconnecting Mailchimp (API key) and HubSpot (OAuth consent)', async () => {
    const { el } = await banner({
      prepare: async (d) => {
        await fixMailchimp(d);
        await reconnectElsewhere(d, 'con_hubspot', 'ops@northwind.example');
      },
    });
    expect(title(el)).to.equal('A connection needs to be reauthorized');
    expect(part(el, 'link')!.textContent!.trim()).to.equal('QuickBooks reauth required');
    expect(part(el, 'link')!.getAttribute('href')).to.equal('#connections/con_quickbooks');
  });

  it('0 affected apps: hidden (no strip, nothing announced)', async () => {
    const { el } = await banner({ prepare: (d) => resolveInStore(d, 'ntf_hubspot', 'ntf_mailchimp', 'ntf_quickbooks') });
    expect(part(el, 'base')).to.equal(null);
    expect(el.count).to.equal(0);
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(live(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('clears live, without a reload, as connections are fixed in another tab; reading an alert there changes nothing', async () => {
    const { el, provider, ...d } = await banner({ live: true });
    const tab = await d.other('agency');
    await tab.connections.submitCredentials('con_mailchimp', { api_key: MAILCHIMP_KEY });
    await waitUntil(() => title(el) === '2 connections need to be reauthorized', `2 left (saw ${title(el)})`, { timeout: 5000 });
    expect(part(el, 'more')!.textContent!.trim()).to.equal('and 1 more');
    await tab.notifications.markRead('ntf_hubspot');
    const store = provider.resolvedStore!;
    // The signal that the read arrived here: the store's copy of the alert is read.
    await waitUntil(() => store.getSnapshot().notifications.byId.get('ntf_hubspot')?.read, 'read arrived live', { timeout: 5000 });
    await el.updateComplete;
    expect(title(el)).to.equal('2 connections need to be reauthorized');
    await reconnectElsewhere(d, 'con_hubspot', 'ops@northwind.example');
    await waitUntil(() => title(el) === 'A connection needs to be reauthorized', `1 left (saw ${title(el)})`, { timeout: 5000 });
    expect(part(el, 'link')!.textContent!.trim()).to.equal('QuickBooks reauth required');
  });

  it('server unreachable: banner, bell and runs say they may be out of date, and recover together when it returns', async () => {
    let down = false;
    const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
    // The one fault the in-page backend cannot produce: the network drops (open streams break, requests fail).
    const d = await demo('agency', undefined, (f) => async (input, init) => {
      if (down) throw new TypeError('Failed to fetch');
      const response = await f(input, init);
      if (!(input instanceof Request ? input.url : String(input)).endsWith('/events') || !response.body) return response;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => void streams.push(controller),
        pull: async (controller) => {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      });
      return new Response(body, { status: response.status, headers: response.headers });
    });
    const { provider } = await inProvider<HTMLElement>(d.client, html`
      <relink-reauth-banner href="#connections/{id}"></relink-reauth-banner>
      <relink-notification-bell></relink-notification-bell>
      <relink-runs-list></relink-runs-list>`, 'relink-reauth-banner', { live: true });
    const els = ['relink-reauth-banner', 'relink-notification-bell', 'relink-runs-list'].map((tag) => provider.querySelector(tag)!);
    const store = provider.resolvedStore!;
    await waitUntil(() => store.getSnapshot().live === 'open' && store.getSnapshot().runs.status === 'ready' && part(els[0]!, 'base'), 'live and loaded', { timeout: 5000 });
    const notes = () => els.map((el) => part(el, 'stale')?.textContent ?? '');
    expect(notes()).to.deep.equal(['', '', '']);
    down = true;
    for (const controller of streams) controller.error(new TypeError('network changed'));
    const note = 'This may be out of date: the service cannot be reached right now.';
    await waitUntil(() => notes().every((n) => n === note), `all say stale (saw ${JSON.stringify(notes())})`, { timeout: 5000 });
    expect(title(els[0] as RelinkReauthBanner), 'old data kept').to.equal('3 connections need to be reauthorized');
    down = false;
    await waitUntil(() => notes().every((n) => n === ''), `all recovered (saw ${JSON.stringify(notes())})`, { timeout: 8000 });
  });

  it('is announced once when it appears and when the count rises, not on re-renders or when it shrinks', async () => {
    const { el, provider, ...d } = await banner();
    const { server } = d;
    expect(live(el)).to.equal('3 connections need to be reauthorized. HubSpot reauth required and 2 more');
    // Re-rendering (a language change, a new `messages`) does not repeat the announcement.
    const region = el.shadowRoot!.querySelector('[role=status]')!;
    let mutations = 0;
    new MutationObserver((records) => (mutations += records.length)).observe(region, { childList: true, characterData: true, subtree: true });
    el.requestUpdate();
    el.headingLevel = 3;
    await el.updateComplete;
    expect(mutations).to.equal(0);
    // Shrinking is silent…
    const store = provider.resolvedStore!;
    await fixMailchimp(d);
    await store.notifications.load();
    await el.updateComplete;
    expect(title(el)).to.equal('2 connections need to be reauthorized');
    expect(live(el)).to.equal('');
    // …a rise is announced again.
    await server.app.relink.store.putNotification({
      id: 'ntf_slack', workspaceId: 'ws_northwind', kind: 'reauth_required', severity: 'critical', title: 'Slack reauth required',
      appName: 'Slack', connectionId: 'con_slack', read: false, createdAt: new Date().toISOString(),
    });
    await store.notifications.load();
    await el.updateComplete;
    expect(live(el)).to.equal('3 connections need to be reauthorized. Slack reauth required and 2 more');
  });

  it('the link fires relink-navigate with { href, connectionId } and then navigates; preventDefault stops it', async () => {
    const { el } = await banner();
    const link = part(el, 'link')!;
    const first = oneEvent(el, 'relink-navigate') as Promise<RelinkNavigateEvent>;
    link.click();
    const { detail } = await first;
    expect(detail).to.deep.equal({ href: '#connections/con_hubspot', connectionId: 'con_hubspot' });
    expect(location.hash).to.equal('#connections/con_hubspot');
    history.replaceState(null, '', location.pathname);
    el.addEventListener('relink-navigate', (e) => e.preventDefault(), { once: true });
    link.click();
    expect(location.hash).to.equal('');
  });

  it('keyboard: Tab reaches the link and Enter follows it', async () => {
    const { el } = await banner();
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(part(el, 'link'));
    const event = oneEvent(el, 'relink-navigate') as Promise<RelinkNavigateEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.connectionId).to.equal('con_hubspot');
    before.remove();
  });

  it('without href the row is a button that only fires relink-navigate', async () => {
    const d = await demo('agency');
    const { el, provider } = await inProvider<RelinkReauthBanner>(d.client, html`<relink-reauth-banner></relink-reauth-banner>`, 'relink-reauth-banner');
    await waitUntil(() => provider.resolvedStore!.getSnapshot().notifications.status === 'ready');
    await el.updateComplete;
    expect(part(el, 'link')!.tagName).to.equal('BUTTON');
    const event = oneEvent(el, 'relink-navigate') as Promise<RelinkNavigateEvent>;
    part(el, 'link')!.click();
    expect((await event).detail).to.deep.equal({ href: '', connectionId: 'con_hubspot' });
    await expect(el).to.be.accessible();
  });

  it('takes every string from messages (plural forms in the element\'s locale) and renders hostile names as text', async () => {
    const { el, server, provider } = await banner();
    el.lang = 'fr';
    el.messages = {
      title: { one: 'Une connexion à réautoriser', other: '{n} connexions à réautoriser' },
      link: 'Réautoriser {app}',
      more: { other: 'et {n} autres' },
    };
    await el.updateComplete;
    expect(title(el)).to.equal('3 connexions à réautoriser');
    expect(part(el, 'link')!.textContent!.trim()).to.equal('Réautoriser HubSpot');
    expect(part(el, 'more')!.textContent!.trim()).to.equal('et 2 autres');
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await server.app.relink.store.putNotification({
      id: 'ntf_evil', workspaceId: 'ws_northwind', kind: 'reauth_required', severity: 'critical', title: `${hostile} reauth required`,
      appName: hostile, connectionId: 'con_slack', read: false, createdAt: new Date().toISOString(),
    });
    await provider.resolvedStore!.notifications.load();
    await el.updateComplete;
    expect(part(el, 'link')!.textContent!.trim()).to.equal(`Réautoriser ${hostile}`);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('dark theme and RTL stay accessible', async () => {
    const { el, provider } = await banner();
    provider.theme = 'dark';
    provider.dir = 'rtl';
    await provider.updateComplete;
    await expect(el).to.be.accessible();
    expect(getComputedStyle(part(el, 'base')!).borderRightWidth).to.equal('5px');
  });

});
