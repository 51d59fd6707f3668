import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/components/connections-table/connections-table.js';
import '../src/components/runs-list/runs-list.js';
import type { RelinkConnectionsTable } from '../src/components/connections-table/connections-table.js';
import type { RelinkRunsList } from '../src/components/runs-list/runs-list.js';
import { demo, inProvider } from './relink.js';
import { refuseModules, wasRefused } from './refuse-modules.js';

// The SDK loads some of its own code on demand too (its list windows, its schemas). When that code cannot load, a
// list says what happened, as for the kit's own chunks: reload the page (not "Something went wrong"). Its own file:
// the refused modules stay failed for the rest of the page. Both lists' windows are one chunk (store/windows.ts): the
// runs list meets the failure the table met, or its own when it runs alone.
describe("the SDK's on-demand code failing to load", () => {
  it("connections table: the store's connections window does not load, and the table says to reload the page", async () => {
    refuseModules('store/windows');
    const d = await demo('agency');
    const { el } = await inProvider<RelinkConnectionsTable>(d.client, html`<relink-connections-table></relink-connections-table>`, 'relink-connections-table');
    await waitUntil(() => el.shadowRoot!.querySelector("[part~='error']"), 'the error line', { timeout: 10_000 });
    expect(wasRefused('store/windows')).to.equal(true);
    expect(el.shadowRoot!.querySelector("[part~='error']")!.textContent!.trim()).to.contain('Part of this page did not load. Reload the page and try again.');
    expect(el.shadowRoot!.querySelectorAll("[part~='retry']").length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it("runs list: the store's runs window does not load, and the list says to reload the page", async () => {
    refuseModules('store/windows');
    const d = await demo('agency');
    const { el } = await inProvider<RelinkRunsList>(d.client, html`<relink-runs-list></relink-runs-list>`, 'relink-runs-list');
    await waitUntil(() => el.shadowRoot!.querySelector("[part~='error']"), 'the error line', { timeout: 10_000 });
    expect(wasRefused('store/windows')).to.equal(true);
    expect(el.shadowRoot!.querySelector("[part~='error']")!.textContent!.trim()).to.contain('Part of this page did not load. Reload the page and try again.');
    // No "Try again" beside it: the browser keeps the failure until the page reloads, as the words say.
    expect(el.shadowRoot!.querySelectorAll("[part~='retry']").length).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
