// Renew before expiry in the connections table (seed 004): a row about to expire shows a plain button with the
// reconnect button's words; using it puts `relink-reconnect-button` in its place and runs its flow, so a user sees the
// same flow as from the detail page.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/components/connections-table/connections-table.js';
import type { RelinkConnectionsTable } from '../src/components/connections-table/connections-table.js';
import type { RelinkReconnectButton } from '../src/components/reconnect-button/reconnect-button.js';
import type { RelinkReconnectEvent, RelinkReconnectResultEvent } from '../src/events/reconnect.js';
import { consentWindow, deepActive, demo, inProvider, text, toastTitled, type Demo } from './relink.js';

const DAY = 86_400_000;
type Fetch = Demo['server']['fetch'];

/** The agency's table, with the client's Slack also expiring in 3 days (LinkedIn, the agency's own, in 5). */
async function table(fetchWrapper?: (f: Fetch) => Fetch, { virtualized = false } = {}) {
  const d = await demo('agency', undefined, fetchWrapper);
  const slack = (await d.server.app.relink.store.getConnection('ws_northwind', 'con_slack'))!;
  await d.server.app.relink.store.putConnection({ ...slack, expiresAt: new Date(Date.now() + 3 * DAY).toISOString() });
  const template = virtualized
    ? html`<relink-connections-table virtualize-threshold="1"></relink-connections-table>`
    : html`<relink-connections-table></relink-connections-table>`;
  const { el, provider } = await inProvider<RelinkConnectionsTable>(d.client, template, 'relink-connections-table');
  if (virtualized) await waitUntil(() => el.shadowRoot!.querySelector("div[role='table'] [data-id='con_slack']"), 'the virtualized rows', { timeout: 10_000 });
  const store = provider.resolvedStore!;
  const row = (id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-id='${id}']`)!;
  const renew = (id: string) => row(id)?.querySelector<HTMLButtonElement>("button[part~='renew']") ?? null;
  const element = (id: string) => row(id)?.querySelector<RelinkReconnectButton>('relink-reconnect-button') ?? null;
  await waitUntil(() => renew('con_linkedin') && renew('con_slack'), 'renew buttons');
  return { el, store, d, row, renew, element };
}

/** Every relink-reconnect* event that reaches the page from the table, in order. */
function record(el: HTMLElement) {
  const seen: string[] = [];
  el.addEventListener('relink-reconnect', (e: RelinkReconnectEvent) => seen.push(`${e.type}:${e.detail.connection.id}:${e.detail.action}`));
  el.addEventListener('relink-reconnect-result', (e: RelinkReconnectResultEvent) => seen.push(`${e.type}:${e.detail.connectionId}:${e.detail.action}:${e.detail.result}`));
  return seen;
}

describe('connections table: renew before expiry', () => {
  it('a plain button with the reconnect button\'s words, described by its app; no reconnect button element until used', async () => {
    const { el, row, renew } = await table();
    expect(text(renew('con_linkedin'))).to.equal('Reconnect');
    expect(text(renew('con_slack'))).to.equal('Send reconnection request');
    const describedBy = renew('con_linkedin')!.getAttribute('aria-describedby')!;
    expect(text(el.shadowRoot!.getElementById(describedBy))).to.equal('LLinkedIn');
    // Only rows about to expire: a broken row keeps Manage alone here (its detail has Reconnect).
    expect(row('con_hubspot').querySelector("[part~='renew']")).to.equal(null);
    // (A boolean: a failing comparison of a node is slow to serialise for the report.)
    expect(el.shadowRoot!.querySelector('relink-reconnect-button') === null, 'no element per row').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('Reconnect runs the real consent flow: busy while it runs, the same events and toast, the expiry a year on', async () => {
    const { el, store, d, renew, element } = await table();
    const seen = record(el);
    // The popup opens from the reconnect button's `window`: the consent is given at the in-page provider's real page.
    const busy: (string | null)[] = [];
    el.addEventListener('relink-reconnect', (e) => {
      const button = e.composedPath()[0] as RelinkReconnectButton;
      button.window = consentWindow(d.server, { account: 'acct_ops' }).window;
      const base = button.shadowRoot!.querySelector("[part~='base']")!;
      new MutationObserver(() => busy.push(base.getAttribute('aria-busy'))).observe(base, { attributeFilter: ['aria-busy'] });
    }, { once: true });
    renew('con_linkedin')!.click();
    await toastTitled('Connection reconnected.');
    expect(seen).to.deep.equal(['relink-reconnect:con_linkedin:consent', 'relink-reconnect-result:con_linkedin:consent:completed']);
    expect(busy[0], 'busy while the flow runs').to.equal('true');
    const renewed = store.getSnapshot().connections.byId.get('con_linkedin')!;
    expect(Math.abs(Date.parse(renewed.expiresAt!) - (Date.now() + 365 * DAY))).to.be.below(60_000);
    await waitUntil(() => !renew('con_linkedin') && !element('con_linkedin'), 'renew no longer offered');
  });

  it('keyboard: Enter on a client\'s connection sends the reconnection request; focus stays on the row\'s button', async () => {
    const { el, d, renew, element } = await table();
    const seen = record(el);
    renew('con_slack')!.focus();
    const result = oneEvent(el, 'relink-reconnect-result') as Promise<RelinkReconnectResultEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await result).detail.result).to.equal('requested');
    const t = await toastTitled('Reconnection request sent');
    expect(t.description).to.equal('Your client will find it under Outstanding connection requests in their portal, ready to reconnect Slack.');
    expect(seen).to.deep.equal(['relink-reconnect:con_slack:request', 'relink-reconnect-result:con_slack:request:requested']);
    const base = element('con_slack')!.shadowRoot!.querySelector("[part~='base']");
    expect(deepActive() === base, 'focus on the reconnect button that took the plain one\'s place').to.equal(true);
    expect(text(base)).to.equal('Send reconnection request');
    const { data } = await d.client.connectionRequests.list({ state: 'outstanding' });
    expect(data.some((r) => r.app.key === 'slack')).to.equal(true);
  });

  it('words handed down to the reconnect button are the renew button\'s too, before and after it is used', async () => {
    const { el, renew, element } = await table();
    el.messages = { reconnect: 'Renew now', 'reconnect-button': { requestReconnection: 'Ask the client to renew' } };
    await el.updateComplete;
    expect(text(renew('con_linkedin'))).to.equal('Renew now');
    expect(text(renew('con_slack'))).to.equal('Ask the client to renew');
    const result = oneEvent(el, 'relink-reconnect-result');
    renew('con_slack')!.click();
    await result;
    expect(text(element('con_slack')!.shadowRoot!.querySelector("[part~='base']"))).to.equal('Ask the client to renew');
  });

  it('virtualized rows (above virtualize-threshold) renew too: the click puts the reconnect button in the row and runs its flow', async () => {
    const { el, renew, element } = await table(undefined, { virtualized: true });
    const seen = record(el);
    const result = oneEvent(el, 'relink-reconnect-result') as Promise<RelinkReconnectResultEvent>;
    renew('con_slack')!.click();
    expect((await result).detail.result).to.equal('requested');
    expect(seen).to.deep.equal(['relink-reconnect:con_slack:request', 'relink-reconnect-result:con_slack:request:requested']);
    expect(element('con_slack') !== null, 'the reconnect button took the plain one\'s place').to.equal(true);
  });

  it('a viewer that answers after the virtualized rows are drawn still gets its renew buttons', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holdViewer = (f: Fetch): Fetch => async (input, init) => {
      if (new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/me')) await held;
      return f(input, init);
    };
    const d = await demo('agency', undefined, holdViewer);
    // (inProvider waits for the viewer: the table is found in the page instead.)
    const mounted = inProvider<RelinkConnectionsTable>(d.client, html`<relink-connections-table virtualize-threshold="1"></relink-connections-table>`, 'relink-connections-table');
    const el = await waitUntil(() => document.querySelector<RelinkConnectionsTable>('relink-connections-table'), 'the table').then(() => document.querySelector<RelinkConnectionsTable>('relink-connections-table')!);
    const row = (id: string) => el.shadowRoot?.querySelector<HTMLElement>(`div[role='table'] [data-id='${id}']`) ?? null;
    await waitUntil(() => row('con_linkedin'), 'the virtualized rows', { timeout: 10_000 });
    // Without the viewer the table cannot tell which renewal to offer: none yet.
    expect(row('con_linkedin')!.querySelector("[part~='renew']")).to.equal(null);
    release();
    await mounted;
    await waitUntil(() => row('con_linkedin')!.querySelector("button[part~='renew']"), 'the renew button, once the viewer is known');
  });

  it('a failed request shows the error in the kit\'s words in the row, and the result event carries it', async () => {
    // The network drops the request (a fault the reference backend cannot produce on its own).
    const offline = (f: Fetch): Fetch => async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/connection-requests') && (init?.method ?? (input instanceof Request ? input.method : 'GET')) === 'POST') throw new TypeError('offline');
      return f(input, init);
    };
    const { el, renew, element } = await table(offline);
    const result = oneEvent(el, 'relink-reconnect-result') as Promise<RelinkReconnectResultEvent>;
    renew('con_slack')!.click();
    const { detail } = await result;
    expect(detail.result).to.equal('error');
    const errorOf = () => element('con_slack')?.shadowRoot?.querySelector("[part~='error']") ?? null;
    await waitUntil(errorOf, 'error shown');
    expect(text(errorOf())).to.equal('The service cannot be reached right now. Nothing was changed.');
    expect(errorOf()!.getAttribute('role')).to.equal('alert');
  });
});
