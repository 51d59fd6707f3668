import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/components/connect-button/connect-button.js';
import '../src/components/reconnect-button/reconnect-button.js';
import '../src/components/refresh-button/refresh-button.js';
import '../src/components/notification-bell/notification-bell.js';
import type { RelinkConnectButton } from '../src/components/connect-button/connect-button.js';
import type { RelinkNotificationBell } from '../src/components/notification-bell/notification-bell.js';
import type { RelinkReconnectButton } from '../src/components/reconnect-button/reconnect-button.js';
import type { RelinkRefreshButton } from '../src/components/refresh-button/refresh-button.js';
import type { RelinkReconnectResultEvent } from '../src/events/reconnect.js';
import type { RelinkRefreshEvent } from '../src/events/refresh.js';
import { part } from './helpers.js';
import { consentWindow, demo, inProvider, toastTitled } from './relink.js';
import { allowModules, refuseModules, wasRefused } from './refuse-modules.js';

// Code that runs only after a click loads with the click (an on-demand chunk). When that chunk cannot load (a deploy
// removed the host's old chunk, the network dropped it), the user is still told the truth. This file is its own page,
// so each module is cold until a test here asks for it; each test refuses a different one (the toasts' own code, which
// every other test here needs: toaster-chunk-failure.test.ts).
afterEach(allowModules);

describe('an on-demand chunk that fails to load', () => {
  it('refresh: the failure toast still says what the server said (no raw loader error)', async () => {
    refuseModules('internal/refresh-failure');
    const d = await demo('client');
    const { el } = await inProvider<RelinkRefreshButton>(d.client, html`<relink-refresh-button connection-id="con_quickbooks"></relink-refresh-button>`, 'relink-refresh-button');
    await waitUntil(() => part(el, 'base'));
    const event = oneEvent(el, 'relink-refresh') as Promise<RelinkRefreshEvent>;
    part(el, 'base')!.click();
    const { detail } = await event;
    if (detail.ok) throw new Error('QuickBooks cannot be refreshed');
    const t = await toastTitled('Failed to refresh connection');
    expect(t.tone).to.equal('error');
    // English shows the server's own message for its refusal (written for users), as without the chunk it would.
    expect(t.description).to.equal((detail.error as Error).message);
    expect(t.description).to.not.match(/import|module|fetch/i);
    expect(wasRefused('internal/refresh-failure')).to.equal(true);
  });

  it('reconnect: a consent that completed is reported completed, with its success toast', async () => {
    refuseModules('internal/reconnect-flow');
    const d = await demo('agency');
    const { el, provider } = await inProvider<RelinkReconnectButton>(d.client, html`<relink-reconnect-button connection-id="con_hubspot"></relink-reconnect-button>`, 'relink-reconnect-button');
    await waitUntil(() => part(el, 'base'));
    el.window = consentWindow(d.server, { account: 'acct_ops' }).window;
    const results: string[] = [];
    el.addEventListener('relink-reconnect-result', (e: RelinkReconnectResultEvent) => results.push(e.detail.result));
    part(el, 'base')!.click();
    await waitUntil(() => results.length > 0, 'the flow settled', { timeout: 5000 });
    expect(results).to.deep.equal(['completed']);
    await toastTitled('Connection reconnected.');
    expect(provider.resolvedStore!.getSnapshot().connections.byId.get('con_hubspot')!.status).to.equal('active');
    expect(part(el, 'error')).to.equal(null);
    expect(wasRefused('internal/reconnect-flow')).to.equal(true);
  });

  it('provider: back from a consent redirect, a toast says to reload the page (the address is cleaned all the same)', async () => {
    refuseModules('internal/redirect-return');
    const d = await demo('agency');
    const session = await d.client.connections.reconnect('con_hubspot');
    const url = new URL(location.href);
    url.searchParams.set('relink_session', session.id);
    url.searchParams.set('relink_state', session.state);
    history.replaceState(history.state, '', url.href);
    await inProvider(d.client, html`<span></span>`, 'span');
    expect(new URL(location.href).searchParams.has('relink_session')).to.equal(false);
    const t = await toastTitled('Part of this page did not load. Reload the page and try again.');
    expect(t.tone).to.equal('error');
    expect(wasRefused('internal/redirect-return')).to.equal(true);
  });


  it('connect (API key): the form that cannot load says to reload the page, and opens no half form', async () => {
    refuseModules('internal/credential-form');
    const d = await demo('agency');
    const { el } = await inProvider<RelinkConnectButton>(d.client, html`<relink-connect-button app-key="mailchimp"></relink-connect-button>`, 'relink-connect-button');
    await waitUntil(() => part(el, 'base'));
    part(el, 'base')!.click();
    await waitUntil(() => part(el, 'error'), 'an error line');
    expect(part(el, 'error')!.textContent!.trim()).to.equal('Part of this page did not load. Reload the page and try again.');
    expect(part(el, 'form')).to.equal(null);
    expect(wasRefused('internal/credential-form')).to.equal(true);
  });

  it('connect (several accounts granted): a chooser that cannot load says so, and the consent is declined on the server', async () => {
    refuseModules('internal/account-chooser');
    const sessions = new Set<string>();
    const d = await demo('client', undefined, (f) => (input, init) => {
      const id = /\/connect-sessions\/([^/?]+)/.exec(input instanceof Request ? input.url : String(input))?.[1];
      if (id) sessions.add(decodeURIComponent(id));
      return f(input, init);
    });
    const before = (await d.client.connections.list()).data.length;
    const { el } = await inProvider<RelinkConnectButton>(d.client, html`<relink-connect-button app-key="facebook-pages"></relink-connect-button>`, 'relink-connect-button');
    await waitUntil(() => part(el, 'base'));
    el.window = consentWindow(d.server, { account: 'acct_ada', pages: ['page_bakery_main', 'page_bakery_harbor'] }).window;
    part(el, 'base')!.click();
    await waitUntil(() => part(el, 'error'), 'an error line', { timeout: 5000 });
    expect(part(el, 'error')!.textContent!.trim()).to.equal('Part of this page did not load. Reload the page and try again.');
    expect(part(el, 'choose')).to.equal(null);
    // The granted Pages' tokens are discarded on the server (nothing left waiting on a choice), and nothing connected.
    expect(sessions.size).to.equal(1);
    await waitUntil(async () => (await d.client.connectSessions.get([...sessions][0]!)).status !== 'choose_accounts', 'the session was declined');
    expect((await d.client.connectSessions.get([...sessions][0]!)).status).to.equal('cancelled');
    expect((await d.client.connections.list()).data.length).to.equal(before);
    expect(wasRefused('internal/account-chooser')).to.equal(true);
  });

  it('notification bell: the count still shows; the popover says to reload the page in place of a list it cannot draw', async () => {
    refuseModules('internal/notification-list');
    const d = await demo('agency');
    const { el, provider } = await inProvider<RelinkNotificationBell>(d.client, html`<relink-notification-bell></relink-notification-bell>`, 'relink-notification-bell');
    await waitUntil(() => provider.resolvedStore!.getSnapshot().notifications.status === 'ready', 'notifications loaded');
    await waitUntil(() => part(el, 'error'), 'the list failed to load');
    expect(part(el, 'button')!.getAttribute('aria-label')).to.equal('Notifications, 3 unread');
    el.show();
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('Part of this page did not load. Reload the page and try again.');
    expect(part(el, 'retry')).to.equal(null); // trying again cannot help: Chromium keeps the failed module
    expect(part(el, 'list')).to.equal(null);
    await expect(el).to.be.accessible();
    expect(wasRefused('internal/notification-list')).to.equal(true);
  });
});
