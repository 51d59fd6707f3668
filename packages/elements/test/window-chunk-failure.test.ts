import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/components/connections-table/connections-table.js';
import type { RelinkConnectionsTable } from '../src/components/connections-table/connections-table.js';
import { addConnections, demo, inProvider } from './relink.js';
import { refuseModules, wasRefused } from './refuse-modules.js';

// A long list's virtualizer loads on demand. When it cannot load, the first rows stay, the list stops saying it is
// busy, and it says what happened: reloading the page helps, trying again does not (Chromium keeps the failure). Its
// own file: the failure lasts for the rest of the page.
describe('relink-connections-table without its virtualizer', () => {
  it('keeps the first rows of a long list and says to reload the page', async () => {
    refuseModules('virtualizer/virtualize');
    const d = await demo('agency');
    await addConnections(d, 300);
    const { el } = await inProvider<RelinkConnectionsTable>(d.client, html`<relink-connections-table></relink-connections-table>`, 'relink-connections-table');
    await waitUntil(() => el.shadowRoot!.querySelector("[part~='error']"), 'the error line', { timeout: 10_000 });
    expect(wasRefused('virtualizer/virtualize')).to.equal(true);
    expect(el.shadowRoot!.querySelector("[part~='error']")!.textContent!.trim()).to.contain('Part of this page did not load. Reload the page and try again.');
    expect(el.shadowRoot!.querySelectorAll("[role='table'] [part~='row'][data-id]").length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector("[role='table']")!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });
});
