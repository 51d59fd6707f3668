import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/components/connections-table/connections-table.js';
import type { RelinkConnectionsTable } from '../src/components/connections-table/connections-table.js';
import { RelinkProvider } from '../src/components/provider/provider.component.js';
import { define } from '../src/internal/relink-element.js';
import { demo } from './relink.js';

// The autoloader defines each element as its chunk lands, so a table can be defined, and ask for the store, before the
// provider above it is: it must still get the provider's store once that is defined (it waited forever on
// "Loading connections…" in about one page load of twenty). A provider defined under a tag of its own here, after the
// table connected, is that order made certain.
describe('an element defined before its provider', () => {
  it('gets the store once the provider above it is defined, and shows its rows', async () => {
    const { client } = await demo('agency');
    const provider = await fixture(html`<relink-provider-late .client=${client} no-live><relink-connections-table></relink-connections-table></relink-provider-late>`);
    const table = provider.querySelector<RelinkConnectionsTable>('relink-connections-table')!;
    await table.updateComplete;
    expect(customElements.get('relink-provider-late')).to.equal(undefined);
    define('relink-provider-late', class extends RelinkProvider {});
    await waitUntil(() => table.shadowRoot!.textContent!.includes('HubSpot'), 'the table shows the rows of the provider defined after it');
  });
});
