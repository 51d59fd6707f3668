import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { createRelinkStore, type RelinkStore } from '@relink/sdk';
import { collectionLoader, initialState, ResourceController } from '../src/controllers/resource-controller.js';
import { demo } from './relink.js';

interface Call {
  id: string;
  signal: AbortSignal;
  settle: (value: string) => void;
  fail: (error: Error) => void;
}

/** A host whose load hands every call to the test, so the test decides when and how each settles. */
class LoadingHost extends LitElement {
  @property() itemId = '';
  calls: Call[] = [];
  readonly resource = new ResourceController(this, {
    args: () => [this.itemId] as const,
    load: ([id], { signal }) => {
      if (!id) return Promise.resolve(initialState);
      return new Promise<string>((settle, fail) => this.calls.push({ id, signal, settle, fail }));
    },
  });

  override render() {
    return html`${this.resource.value ?? ''}`;
  }
}
customElements.define('test-loading-host', LoadingHost);

/** A host whose `idle` says an empty id has nothing to load; counts its loads and updates. */
class IdleHost extends LitElement {
  @property() itemId = '';
  calls: Call[] = [];
  updates = 0;
  readonly idled = new ResourceController(this, {
    args: () => [this.itemId] as const,
    idle: ([id]) => !id,
    load: ([id], { signal }) => new Promise<string>((settle, fail) => this.calls.push({ id, signal, settle, fail })),
  });

  override updated() {
    this.updates++;
  }
}
customElements.define('test-idle-host', IdleHost);

describe('ResourceController', () => {
  it('runs the load when its inputs change and aborts the load it supersedes; the superseded answer never lands', async () => {
    const el = await fixture<LoadingHost>(html`<test-loading-host itemId="a"></test-loading-host>`);
    await waitUntil(() => el.calls.length === 1);
    el.itemId = 'b';
    await waitUntil(() => el.calls.length === 2);
    const [first, second] = el.calls as [Call, Call];
    expect(first.signal.aborted, 'superseded load aborted').to.equal(true);
    expect(second.signal.aborted).to.equal(false);
    // The superseded load's abort settles it; that must not end the newer load's pending state.
    await new Promise((resolve) => setTimeout(resolve));
    expect(el.resource.pending, 'still loading b').to.equal(true);
    expect(el.resource.error, 'the abort is no error').to.equal(undefined);
    second.settle('B');
    await waitUntil(() => el.resource.value === 'B');
    first.settle('A');
    // Every reaction to the late answer has run once a task queued after it runs.
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(el.resource.value).to.equal('B');
    expect(el.shadowRoot!.textContent).to.equal('B');
  });

  it('aborts the load when the host leaves the page and loads again when it comes back', async () => {
    const el = await fixture<LoadingHost>(html`<test-loading-host itemId="a"></test-loading-host>`);
    await waitUntil(() => el.calls.length === 1);
    const parent = el.parentNode!;
    el.remove();
    expect(el.calls[0]!.signal.aborted, 'aborted on disconnect').to.equal(true);
    parent.appendChild(el);
    await waitUntil(() => el.calls.length === 2, 'loads again once back');
    el.calls[1]!.settle('A again');
    await waitUntil(() => el.resource.value === 'A again');
  });

  it('a host removed after its load completed neither aborts nor reloads', async () => {
    const el = await fixture<LoadingHost>(html`<test-loading-host itemId="a"></test-loading-host>`);
    await waitUntil(() => el.calls.length === 1);
    el.calls[0]!.settle('A');
    await waitUntil(() => el.resource.value === 'A');
    const parent = el.parentNode!;
    el.remove();
    parent.appendChild(el);
    await el.updateComplete;
    expect(el.calls.length).to.equal(1);
    expect(el.calls[0]!.signal.aborted).to.equal(false);
  });

  it('exposes a failed load as `error`, unchanged, and `run()` tries again', async () => {
    const el = await fixture<LoadingHost>(html`<test-loading-host itemId="a"></test-loading-host>`);
    await waitUntil(() => el.calls.length === 1);
    const failure = new Error('boom');
    el.calls[0]!.fail(failure);
    await waitUntil(() => el.resource.error !== undefined);
    expect(el.resource.error).to.equal(failure);
    void el.resource.run();
    await waitUntil(() => el.calls.length === 2);
    expect(el.resource.error).to.equal(undefined);
    expect(el.resource.pending).to.equal(true);
    el.calls[1]!.settle('A');
    await waitUntil(() => el.resource.value === 'A');
  });
});

/** A host that loads the store's connections the way the elements do. */
class CollectionHost extends LitElement {
  @property({ attribute: false }) store?: RelinkStore;
  readonly loader = collectionLoader(this, () => this.store, ['connections']);
}
customElements.define('test-collection-host', CollectionHost);

/** The demo backend behind a fetch that holds requests until released and records those whose signal aborted. */
async function heldBackend() {
  const sent: string[] = [];
  const aborted: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const { client } = await demo('agency', 'prn_agency', (fetch) => async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const call = `${request.method} ${new URL(request.url).pathname}`;
    sent.push(call);
    request.signal.addEventListener('abort', () => aborted.push(call), { once: true });
    await gate;
    return fetch(request);
  });
  return { store: createRelinkStore(client), sent, aborted, release };
}

describe('collectionLoader', () => {
  it('an element removed while its collection load is in flight aborts the request', async () => {
    const { store, sent, aborted, release } = await heldBackend();
    const el = await fixture<CollectionHost>(html`<test-collection-host .store=${store}></test-collection-host>`);
    await waitUntil(() => sent.includes('GET /v1/connections'), 'the load to be sent');
    el.remove();
    expect(aborted).to.deep.equal(['GET /v1/connections']);
    expect(store.getSnapshot().connections.status).to.equal('idle');
    release();
  });

  it('one of two elements leaving does not abort the load the other still waits for', async () => {
    const { store, sent, aborted, release } = await heldBackend();
    const [a, b] = await Promise.all([
      fixture<CollectionHost>(html`<test-collection-host .store=${store}></test-collection-host>`),
      fixture<CollectionHost>(html`<test-collection-host .store=${store}></test-collection-host>`),
    ]);
    await waitUntil(() => sent.includes('GET /v1/connections'), 'the load to be sent');
    a.remove();
    release();
    // The staying element's load completing proves the shared request was not aborted.
    await waitUntil(() => !b.loader.pending && store.getSnapshot().connections.status === 'ready', 'the load to complete');
    expect(aborted).to.deep.equal([]);
    expect(sent.filter((call) => call === 'GET /v1/connections')).to.have.length(1);
  });
});

describe('ResourceController idle', () => {
  it('idle inputs settle before the render: no load, one update; changing to idle drops the load in flight', async () => {
    const el = await fixture<IdleHost>(html`<test-idle-host></test-idle-host>`);
    await new Promise((resolve) => setTimeout(resolve));
    expect(el.calls.filter((c) => c.id === ''), 'no load for idle inputs').to.deep.equal([]);
    expect(el.updates, 'one update').to.equal(1);
    expect(el.idled.pending).to.equal(false);
    el.itemId = 'a';
    await waitUntil(() => el.idled.pending);
    const call = el.calls.at(-1)!;
    el.itemId = '';
    await el.updateComplete;
    expect(call.signal.aborted, 'superseded load aborted').to.equal(true);
    expect(el.idled.pending).to.equal(false);
    call.settle('A');
    await new Promise((resolve) => setTimeout(resolve));
    expect(el.idled.value, 'the dropped answer never lands').to.equal(undefined);
  });
});
