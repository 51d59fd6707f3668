import { expect } from '@open-wc/testing';
import '../src/autoload.js';

/** Resolves once `tag` is defined; rejects after `ms` (nothing else would ever define it in this page). */
function definedWithin(tag: string, ms = 10_000): Promise<CustomElementConstructor> {
  return Promise.race([
    customElements.whenDefined(tag),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`<${tag}> was not defined within ${ms} ms`)), ms)),
  ]);
}

// This file imports no element: each one here is defined only if the autoloader saw its tag appear.
describe('@relink/elements/autoload.js', () => {
  it('defines an element that appears in a shadow root attached after it loaded', async () => {
    expect(customElements.get('relink-status-badge')).to.equal(undefined);
    const host = document.createElement('div');
    document.body.append(host);
    const shadowRoot = host.attachShadow({ mode: 'closed' });
    const badge = document.createElement('relink-status-badge');
    badge.setAttribute('status', 'error');
    shadowRoot.append(badge);
    await definedWithin('relink-status-badge');
    expect(badge).to.be.instanceOf(customElements.get('relink-status-badge'));
    host.remove();
  });

  it('defines an element that appears in the document, nested in added markup', async () => {
    expect(customElements.get('relink-toaster')).to.equal(undefined);
    const wrapper = document.createElement('section');
    wrapper.innerHTML = '<div><relink-toaster></relink-toaster></div>';
    document.body.append(wrapper);
    await definedWithin('relink-toaster');
    wrapper.remove();
  });
});
