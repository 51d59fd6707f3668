import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/components/connections-table/connections-table.js';
import type { RelinkConnectionsTable } from '../src/components/connections-table/connections-table.js';
import { demo, inProvider } from './relink.js';

// A button's spinning icon says that button is busy. A busy container (the table while a long list shows its first
// rows, skeleton rows, a list loading) must not spin the icons of the buttons inside it: that was a dozen spinning
// renew icons on a long list's first screen.
describe('busy cue', () => {
  it('spins the icon of a busy button only, not of the buttons in a busy table', async () => {
    const d = await demo('agency');
    const { el, provider } = await inProvider<RelinkConnectionsTable>(d.client, html`<relink-connections-table></relink-connections-table>`, 'relink-connections-table');
    await waitUntil(() => provider.resolvedStore!.getSnapshot().connections.status === 'ready', 'loaded');
    await waitUntil(() => el.shadowRoot!.querySelector("[part~='renew']"), 'renew button rendered');
    const button = el.shadowRoot!.querySelector<HTMLElement>("[part~='renew']")!;
    const icon = button.querySelector<HTMLElement>('.spin')!;
    const spinning = () => getComputedStyle(icon).animationName;

    // The table busy around it (set here: the real phase lasts only while the virtualizer's code loads).
    el.shadowRoot!.querySelector('table')!.setAttribute('aria-busy', 'true');
    expect(spinning(), 'in a busy table').to.equal('none');
    el.shadowRoot!.querySelector('table')!.setAttribute('aria-busy', 'false');

    button.setAttribute('aria-busy', 'true');
    expect(spinning(), 'a busy button').to.equal('relink-spin');
  });
});
