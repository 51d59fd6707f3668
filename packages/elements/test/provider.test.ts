import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { createRelinkStore } from '@relink/sdk';
import { StoreController } from '../src/controllers/store-controller.js';
import type { RelinkProvider } from '../src/components/provider/provider.js';
import { demo, inProvider } from './relink.js';

class ConnectionCount extends LitElement {
  readonly data = new StoreController(this, (s) => s.connections.items.length);
  renders = 0;
  override render() {
    this.renders++;
    return html`${this.data.value ?? '-'}`;
  }
}
customElements.define('test-connection-count', ConnectionCount);

/** Selects a value a revoke of con_slack changes. */
class SlackStatus extends LitElement {
  readonly data = new StoreController(this, (s) => s.connections.byId.get('con_slack')?.status);
  renders = 0;
  override render() {
    this.renders++;
    return html`${this.data.value ?? '-'}`;
  }
}
customElements.define('test-slack-status', SlackStatus);

/** Selects through a property of the host, with an `equals` over a fresh object. */
class PickedLabel extends LitElement {
  static override properties = { connectionId: { attribute: 'connection-id' } };
  declare connectionId: string;
  readonly data = new StoreController(this, (s) => ({ name: s.connections.byId.get(this.connectionId)?.app.name }), {
    equals: (a, b) => a.name === b.name,
  });
  renders = 0;
  override render() {
    this.renders++;
    return html`${this.data.value?.name ?? '-'}`;
  }
}
customElements.define('test-picked-label', PickedLabel);

describe('relink-provider', () => {
  it('creates the client and store from a ready client, provides them and loads the viewer', async () => {
    const { client } = await demo('client');
    const { el, provider } = await inProvider<ConnectionCount>(client, html`<test-connection-count></test-connection-count>`, 'test-connection-count');
    expect(provider.resolvedClient).to.equal(client);
    expect(el.data.store).to.equal(provider.resolvedStore);
    expect(provider.resolvedStore!.getSnapshot().viewer?.role).to.equal('client');
    expect(getComputedStyle(provider).display).to.equal('contents');
    await provider.resolvedStore!.connections.load();
    await el.updateComplete;
    // The client sees only its four connections (seed 001: "Only connections you authorized appear here").
    expect(el.shadowRoot!.textContent).to.equal('4');
  });

  it('builds its own client from base-url and a token getter, read once at each request', async () => {
    const { server } = await demo('agency');
    const tokens = [await server.mintToken('agency', 'prn_agency'), await server.mintToken('client', 'prn_client')];
    let calls = 0;
    let current = tokens[0];
    const provider = await fixture<RelinkProvider>(html`<relink-provider no-live base-url=${server.baseUrl} .token=${async () => (calls++, current)}></relink-provider>`);
    // The provider uses the global fetch; answer the reserved origin from the in-page server.
    const realFetch = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => server.fetch(input, init)) as typeof fetch;
    try {
      const client = provider.resolvedClient!;
      const viewer = await provider.resolvedStore!.loadViewer();
      expect(viewer.role).to.equal('agency');
      const afterFirst = calls;
      expect(afterFirst, 'one read for the first request').to.equal(1);
      // A renewed token is used by the very next request, read once for it.
      current = tokens[1];
      expect((await client.viewer.get()).role).to.equal('client');
      expect(calls).to.equal(afterFirst + 1);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('passes the SDK\'s renewal request to the host\'s getter, so a refused session is renewed, not reported', async () => {
    const { server } = await demo('agency');
    const good = await server.mintToken('agency', 'prn_agency');
    const asked: (boolean | undefined)[] = [];
    // The host's cached token was refused (the server restarted with a new secret): only a renewal mints a good one.
    const getter = (request?: { renew?: boolean }) => (asked.push(request?.renew), request?.renew ? good : 'stale-token');
    const provider = await fixture<RelinkProvider>(html`<relink-provider no-live base-url=${server.baseUrl} .token=${getter}></relink-provider>`);
    const realFetch = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => server.fetch(input, init)) as typeof fetch;
    try {
      expect((await provider.resolvedStore!.loadViewer()).role).to.equal('agency');
      expect(asked).to.deep.equal([false, true]);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('uses a token set on the element before the kit was defined, from the very first request', async () => {
    const { server } = await demo('agency');
    const token = await server.mintToken('agency', 'prn_agency');
    const seen: Array<string | null> = [];
    const realFetch = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      seen.push(request.headers.get('authorization'));
      return server.fetch(request);
    }) as typeof fetch;
    // A host page that sets the property before the element upgrades (its script ran before the kit's).
    const tag = 'relink-provider-late-defined';
    const host = document.createElement('div');
    host.innerHTML = `<${tag} base-url="${server.baseUrl}"></${tag}>`;
    const early = host.firstElementChild as RelinkProvider;
    early.token = token;
    document.body.append(host);
    try {
      const { RelinkProvider: Provider } = await import('../src/components/provider/provider.js');
      customElements.define(tag, class extends Provider {});
      await waitUntil(() => early.resolvedStore?.getSnapshot().live === 'open' && early.resolvedStore.getSnapshot().viewer, 'viewer loaded and stream open');
      expect(seen.length).to.be.greaterThan(1);
      expect(seen.every((header) => header === `Bearer ${token}`)).to.equal(true);
    } finally {
      if (early.resolvedStore) early.noLive = true;
      host.remove();
      window.fetch = realFetch;
    }
  });

  it('takes a ready store, and StoreController unsubscribes when disconnected', async () => {
    const { client } = await demo('client');
    const store = createRelinkStore(client);
    const provider = await fixture<RelinkProvider>(html`<relink-provider no-live .store=${store}><test-slack-status></test-slack-status></relink-provider>`);
    const el = provider.querySelector<SlackStatus>('test-slack-status')!;
    expect(provider.resolvedStore).to.equal(store);
    await store.connections.load();
    await waitUntil(() => el.shadowRoot!.textContent === 'active');
    el.remove();
    const before = el.renders;
    let notified = 0;
    const stop = store.subscribe(() => notified++);
    // A revoke changes exactly what the element selects; another subscriber proves the store told its listeners.
    await store.revoke('con_slack');
    await waitUntil(() => notified > 0, 'store notified');
    stop();
    expect(store.getSnapshot().connections.byId.get('con_slack')!.status).to.equal('revoked');
    expect(el.data.value, 'no longer selects').to.equal('active');
    expect(el.renders).to.equal(before);
  });

  it('StoreController re-selects when the host changes what its selector reads, and skips updates its equals calls equal', async () => {
    const { client } = await demo('agency');
    const { el, provider } = await inProvider<PickedLabel>(client, html`<test-picked-label connection-id="con_slack"></test-picked-label>`, 'test-picked-label');
    const store = provider.resolvedStore!;
    await store.connections.load();
    await waitUntil(() => el.shadowRoot!.textContent === 'Slack');
    el.connectionId = 'con_hubspot';
    await el.updateComplete;
    expect(el.shadowRoot!.textContent, 'no select() call needed').to.equal('HubSpot');
    const renders = el.renders;
    let notified = 0;
    const stop = store.subscribe(() => notified++);
    // A change to another connection: a new snapshot, but the same app name selected.
    await store.revoke('con_slack');
    await waitUntil(() => notified > 0, 'store notified');
    stop();
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
  });

  it('starts live updates while connected and stops them on disconnect', async () => {
    const { client } = await demo('client');
    const { provider } = await inProvider(client, html``, 'x', { live: true });
    const store = provider.resolvedStore!;
    await waitUntil(() => store.getSnapshot().live === 'open', 'live stream opened');
    provider.remove();
    await waitUntil(() => store.getSnapshot().live === 'off', 'live stream stopped');
  });

  it('reflects theme and darkens the elements inside', async () => {
    const provider = await fixture<RelinkProvider>(html`<relink-provider theme="dark"><span></span></relink-provider>`);
    expect(provider.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(provider.querySelector('span')!).getPropertyValue('--relink-color-scheme').trim()).to.equal('dark');
  });

  it('takes no messages and has no locale property: its only words (redirect toasts) come from the registry (copy.test.ts)', async () => {
    const provider = await fixture<RelinkProvider>(html`<relink-provider></relink-provider>`);
    expect('messages' in provider).to.equal(false);
    expect('locale' in provider).to.equal(false);
  });
});
