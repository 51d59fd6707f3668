// Renew before expiry (seed 004: "LinkedIn tokens expire after one year unless renewed"): beside "Reconnect within N
// days", the detail and the table row (renew-table.test.ts) offer Reconnect (the agency's own) or "Send reconnection request" (a client's),
// and reconnecting through the real consent moves the expiry a year on.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/components/connection-detail/connection-detail.js';
import type { RelinkConnectionDetail } from '../src/components/connection-detail/connection-detail.js';
import type { RelinkReconnectButton } from '../src/components/reconnect-button/reconnect-button.js';
import { consentWindow, demo, inProvider, text, toastTitled } from './relink.js';

const DAY = 86_400_000;
const renewOf = (root: Element): RelinkReconnectButton | null => root.shadowRoot!.querySelector('relink-reconnect-button');
const hint = (root: Element) => text(root.shadowRoot!.querySelector('relink-status-badge'));

describe('renew before expiry', () => {
  it('detail (agency, LinkedIn): Reconnect beside "Reconnect within 5 days"; the consent moves the expiry a year on and both go away', async () => {
    const d = await demo('agency');
    const { el, provider } = await inProvider<RelinkConnectionDetail>(d.client, html`<relink-connection-detail connection-id="con_linkedin"></relink-connection-detail>`, 'relink-connection-detail');
    await waitUntil(() => renewOf(el)?.shadowRoot?.querySelector("[part='base']"), 'renew offered');
    expect(hint(el)).to.contain('Reconnect within 5 days');
    const button = renewOf(el)!;
    expect(text(button.shadowRoot!.querySelector("[part='base']"))).to.equal('Reconnect');
    await expect(el).to.be.accessible();
    button.window = consentWindow(d.server, { account: 'acct_ops' }).window;
    (button.shadowRoot!.querySelector("[part='base']") as HTMLElement).click();
    await toastTitled('Connection reconnected.');
    const renewed = provider.resolvedStore!.getSnapshot().connections.byId.get('con_linkedin')!;
    expect(Math.abs(Date.parse(renewed.expiresAt!) - (Date.now() + 365 * DAY))).to.be.below(60_000);
    await waitUntil(() => !renewOf(el), 'renew no longer offered');
    expect(hint(el)).to.not.contain('Reconnect within');
  });

  it('client viewer: the hint, but no renew action (clients reconnect from their agency\'s requests)', async () => {
    const d = await demo('client');
    const slack = (await d.server.app.relink.store.getConnection('ws_northwind', 'con_slack'))!;
    await d.server.app.relink.store.putConnection({ ...slack, expiresAt: new Date(Date.now() + 3 * DAY).toISOString() });
    const { el } = await inProvider<RelinkConnectionDetail>(d.client, html`<relink-connection-detail connection-id="con_slack"></relink-connection-detail>`, 'relink-connection-detail');
    await waitUntil(() => hint(el).includes('Reconnect within 3 days'), 'hint');
    await el.updateComplete;
    const button = renewOf(el);
    await button?.updateComplete;
    expect(button?.shadowRoot?.querySelector("[part='base']") ?? null).to.equal(null);
  });
});
