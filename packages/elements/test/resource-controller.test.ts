import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { initialState, ResourceController } from '../src/controllers/resource-controller.js';

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

describe('ResourceController', () => {
  it('runs the load when its inputs change and aborts the load it supersedes; the superseded answer never lands', async () => {
    const el = await fixture<LoadingHost>(html`<test-loading-host itemId="a"></test-loading-host>`);
    await waitUntil(() => el.calls.length === 1);
    el.itemId = 'b';
    await waitUntil(() => el.calls.length === 2);
    const [first, second] = el.calls as [Call, Call];
    expect(first.signal.aborted, 'superseded load aborted').to.equal(true);
    expect(second.signal.aborted).to.equal(false);
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
