import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/components/refresh-button/refresh-button.js';
import type { RelinkRefreshButton } from '../src/components/refresh-button/refresh-button.js';
import type { RelinkRefreshEvent } from '../src/events/refresh.js';
import { part } from './helpers.js';
import { consentWindow, demo, inProvider, toasts, toastTitled } from './relink.js';

async function button(id: string, role: 'client' | 'agency' = 'client', gate?: Promise<void>) {
  // `gate` holds refresh requests until it resolves, so the in-flight state can be seen.
  const d = await demo(role, undefined, gate && ((f) => async (input, init) => {
    if ((input instanceof Request ? input.url : String(input)).endsWith('/refresh')) await gate;
    return f(input, init);
  }));
  const { el, provider } = await inProvider<RelinkRefreshButton>(d.client, html`<relink-refresh-button connection-id=${id}></relink-refresh-button>`, 'relink-refresh-button');
  await waitUntil(() => part(el, 'base') || provider.resolvedStore!.getSnapshot().connections.byId.has(id));
  await el.updateComplete;
  return { el, provider, ...d };
}

describe('relink-refresh-button', () => {
  it('renders "Refresh credential" for a refreshable connection, accessibly, with its parts', async () => {
    const { el } = await button('con_slack');
    expect(part(el, 'label')!.textContent).to.equal('Refresh credential');
    expect(part(el, 'icon')).to.not.equal(null);
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('renders nothing for a connection that cannot be refreshed', async () => {
    const { el } = await button('con_facebook');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('keyboard: Enter refreshes Slack → busy, then "Connection refreshed." and a newer lastRefreshedAt', async () => {
    let release!: () => void;
    const { el, provider } = await button('con_slack', 'client', new Promise<void>((r) => (release = r)));
    const before = provider.resolvedStore!.getSnapshot().connections.byId.get('con_slack')!.lastRefreshedAt!;
    part(el, 'base')!.focus();
    const event = oneEvent(el, 'relink-refresh') as Promise<RelinkRefreshEvent>;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'base')!.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'base'));
    release();
    const { detail } = await event;
    expect(detail.ok).to.equal(true);
    expect(detail.connectionId).to.equal('con_slack');
    const t = await toastTitled('Connection refreshed.');
    expect(t.tone).to.equal('success');
    const after = provider.resolvedStore!.getSnapshot().connections.byId.get('con_slack')!;
    expect(Date.parse(after.lastRefreshedAt!)).to.be.greaterThan(Date.parse(before));
    expect(after.status).to.equal('active');
    await el.updateComplete;
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'base'));
  });

  it('QuickBooks (client): "Failed to refresh connection" / "You may need to reconnect.", no reconnect action', async () => {
    const { el } = await button('con_quickbooks');
    const event = oneEvent(el, 'relink-refresh') as Promise<RelinkRefreshEvent>;
    part(el, 'base')!.click();
    const { detail } = await event;
    expect(detail.ok).to.equal(false);
    if (!detail.ok) expect((detail.error as { code: string }).code).to.equal('not_refreshable');
    const t = await toastTitled('Failed to refresh connection');
    expect(t.description).to.equal('You may need to reconnect.');
    expect(t.tone).to.equal('error');
    expect(t.action).to.equal(undefined);
  });

  it('QuickBooks (agency): the failure toast offers "Send reconnection request", which sends it', async () => {
    const { el, client } = await button('con_quickbooks', 'agency');
    part(el, 'base')!.click();
    const t = await toastTitled('Failed to refresh connection');
    expect(t.action).to.equal('Send reconnection request');
    t.actionElement!.click();
    await toastTitled('Reconnection request sent');
    const { data } = await client.connectionRequests.list({ state: 'outstanding' });
    expect(data.some((r) => r.app.key === 'quickbooks')).to.equal(true);
  });

  it('HubSpot (agency-owned): the failure toast offers "Reconnect"; another account at the real consent page asks before switching', async () => {
    const { el, server, client } = await button('con_hubspot', 'agency');
    el.window = consentWindow(server, { account: 'acct_sam' }).window;
    part(el, 'base')!.click();
    const t = await toastTitled('Failed to refresh connection');
    expect(t.action).to.equal('Reconnect');
    t.actionElement!.click();
    const question = 'You authorized sam.personal@example.com instead of ops@northwind.example. Switch this connection to sam.personal@example.com?';
    const ask = await toastTitled(question);
    expect(ask.description).to.contain('Reconnect with the same login you used originally.');
    expect(ask.action).to.equal('Switch to sam.personal@example.com');
    expect((await client.connections.get('con_hubspot')).externalAccountEmail, 'nothing switched before the answer').to.equal('ops@northwind.example');
    ask.actionElement!.click();
    await toastTitled('Connection reconnected.');
    const after = await client.connections.get('con_hubspot');
    expect(after.status).to.equal('active');
    expect(after.externalAccountEmail).to.equal('sam.personal@example.com');
  });

  it('server unreachable: says so and that nothing changed, with Try again; never "You may need to reconnect."', async () => {
    let down = true;
    const d = await demo('agency', undefined, (f) => async (input, init) => {
      // The one fault the in-page backend cannot produce: no answer at all.
      if (down && (input instanceof Request ? input.url : String(input)).endsWith('/refresh')) throw new TypeError('Failed to fetch');
      return f(input, init);
    });
    const { el, provider } = await inProvider<RelinkRefreshButton>(d.client, html`<relink-refresh-button connection-id="con_hubspot"></relink-refresh-button>`, 'relink-refresh-button');
    await waitUntil(() => part(el, 'base'));
    part(el, 'base')!.click();
    const t = await toastTitled('Failed to refresh connection');
    expect(t.description).to.equal('The service cannot be reached right now. Nothing was changed.');
    expect(t.action).to.equal('Try again');
    expect(provider.resolvedStore!.getSnapshot().connections.byId.get('con_hubspot')!.status).to.equal('error');
    down = false;
    (t.actionElement as HTMLButtonElement).click();
    await waitUntil(() => toasts().some((x) => x.description === 'You may need to reconnect.'), 'the real answer after Try again');
  });

  it('expired session: a session message, no reconnect blame and no Try again', async () => {
    const d = await demo('client', undefined, (f) => async (input, init) => {
      const request = new Request(input, init);
      if (!request.url.endsWith('/refresh')) return f(request);
      // The real server refusing a token it does not know (401).
      const headers = new Headers(request.headers);
      headers.set('authorization', 'Bearer expired');
      return f(new Request(request, { headers }));
    });
    const { el } = await inProvider<RelinkRefreshButton>(d.client, html`<relink-refresh-button connection-id="con_slack"></relink-refresh-button>`, 'relink-refresh-button');
    await waitUntil(() => part(el, 'base'));
    part(el, 'base')!.click();
    const t = await toastTitled('Failed to refresh connection');
    expect(t.description).to.equal('Your session has expired. Sign in again to continue.');
    expect(t.action).to.equal(undefined);
  });

  it('preventDefault() on relink-refresh suppresses the toast', async () => {
    const { el } = await button('con_slack');
    el.addEventListener('relink-refresh', (e) => e.preventDefault());
    let shown = 0;
    const count = () => shown++;
    document.addEventListener('relink-toast-show', count);
    try {
      const event = oneEvent(el, 'relink-refresh');
      part(el, 'base')!.click();
      await event;
      // A toast is asked for right after the event returns, before anything awaits: by now it would have been.
      expect(shown).to.equal(0);
      expect(toasts()).to.deep.equal([]);
    } finally {
      document.removeEventListener('relink-toast-show', count);
    }
  });

  it('ignores clicks while busy (its own guard, not the store\'s shared request) and takes its copy from messages', async () => {
    let release!: () => void;
    const { el, provider } = await button('con_slack', 'client', new Promise<void>((resolve) => (release = resolve)));
    el.messages = { label: '<b>Renew</b>', success: 'Renewed!' };
    await el.updateComplete;
    expect(part(el, 'label')!.textContent).to.equal('<b>Renew</b>');
    // The store merges identical requests in flight, so counting requests cannot see the element's guard: count
    // what the element asks of the store, and the events it fires.
    const store = provider.resolvedStore!;
    const refresh = store.refresh.bind(store);
    let asked = 0;
    store.refresh = (id: string) => (asked++, refresh(id));
    let events = 0;
    el.addEventListener('relink-refresh', () => events++);
    part(el, 'base')!.click();
    part(el, 'base')!.click();
    release();
    await toastTitled('Renewed!');
    expect(asked).to.equal(1);
    // Both settle events would have fired in the same turn as the first.
    expect(events).to.equal(1);
    expect(toasts().filter((t) => t.title === 'Renewed!')).to.have.length(1);
  });

});
