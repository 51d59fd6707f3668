import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { RelinkConnectionDetail } from '../src/components/connection-detail/connection-detail.js';
import { part } from './helpers.js';
import { demo, inProvider } from './relink.js';

// What the detail shows once it has a connection (internal/connection-detail-view.ts) loads as the first detail
// connects. The page keeps a loaded view, so these tests run in order on a page that has not loaded it yet. A
// failed load is made through the element's loader (the one fault the page cannot produce on purpose).
describe('relink-connection-detail: its view loads on demand', () => {
  const realLoad = RelinkConnectionDetail.loadView;
  // The page's sources fill the default 250 entries; the view's module loads later than they do.
  performance.setResourceTimingBufferSize(10_000);
  const loaded = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/internal/connection-detail-view.'));

  it('a page that defines the detail but shows none does not load its view', () => {
    expect(customElements.get('relink-connection-detail')).to.equal(RelinkConnectionDetail);
    expect(loaded()).to.equal(false);
  });

  it('when the view does not load, the detail says to reload the page (never the raw error, no Try again that cannot help); a detail mounted later loads it', async () => {
    RelinkConnectionDetail.loadView = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: https://cdn.example/connection-detail-view.js'));
    try {
      const d = await demo('client');
      const { el, provider } = await inProvider<RelinkConnectionDetail>(d.client, html`<relink-connection-detail connection-id="con_slack"></relink-connection-detail>`, 'relink-connection-detail');
      await waitUntil(() => provider.resolvedStore!.getSnapshot().connections.byId.has('con_slack'), 'connection loaded');
      await waitUntil(() => part(el, 'error'), 'error state');
      expect(part(el, 'error')!.textContent!.trim()).to.contain('Part of this page did not load. Reload the page and try again.');
      expect(part(el, 'error')!.textContent).to.not.contain('Failed to fetch');
      // Chromium keeps a chunk that failed to load as failed until the page reloads: a Try again would fail the same way.
      expect(part(el, 'retry')).to.equal(null);
      expect(part(el, 'title')).to.equal(null);
      await expect(el).to.be.accessible();
      RelinkConnectionDetail.loadView = realLoad;
      const later = document.createElement('relink-connection-detail');
      later.connectionId = 'con_slack';
      provider.append(later);
      await waitUntil(() => part(later, 'title'), 'the later detail shows its connection');
      expect(part(later, 'title')!.textContent).to.equal('Slack');
      // The view's rules came with it: the facts are a grid.
      expect(getComputedStyle(part(later, 'facts')!).display).to.equal('grid');
      expect(loaded()).to.equal(true);
    } finally {
      RelinkConnectionDetail.loadView = realLoad;
    }
  });

  it('a detail connected once the view is loaded paints its connection in its first update', async () => {
    const d = await demo('client');
    const { el, provider } = await inProvider<RelinkConnectionDetail>(d.client, html`<relink-connection-detail connection-id="con_slack"></relink-connection-detail>`, 'relink-connection-detail');
    await waitUntil(() => provider.resolvedStore!.getSnapshot().connections.byId.has('con_slack'), 'connection loaded');
    const second = document.createElement('relink-connection-detail');
    second.connectionId = 'con_slack';
    provider.append(second);
    await second.updateComplete;
    expect(part(second, 'title')!.textContent).to.equal('Slack');
    expect(part(el, 'title')!.textContent).to.equal('Slack');
  });
});
