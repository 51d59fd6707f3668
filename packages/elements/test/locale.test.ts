// Locale and direction follow `lang`/`dir` changes on any ancestor, not only <html>.
import { expect, fixture } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import '../src/components/status-badge/status-badge.js';
import type { RelinkStatusBadge } from '../src/components/status-badge/status-badge.js';
import { part } from './helpers.js';

const hint = (badge: RelinkStatusBadge) => part(badge, 'hint')!.textContent!.trim();

/** A shadow root between the page and the badge, as a host's own component would put one. */
class BadgeFrame extends LitElement {
  override render() {
    return html`<div id="inner"><relink-status-badge status="active" expires-in-days="3"></relink-status-badge></div>`;
  }
}
customElements.define('test-badge-frame', BadgeFrame);

describe('locale and direction', () => {
  it('re-renders when lang changes on an ancestor other than <html>', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><relink-status-badge status="active" expires-in-days="3"></relink-status-badge></div>`);
    const badge = wrapper.querySelector<RelinkStatusBadge>('relink-status-badge')!;
    await badge.updateComplete;
    expect(hint(badge)).to.contain('3');
    wrapper.lang = 'ar-EG';
    await new Promise((resolve) => setTimeout(resolve)); // mutation records are delivered before the next task
    await badge.updateComplete;
    expect(badge.locale).to.equal('ar-EG');
    expect(hint(badge), 'Arabic-Indic digits').to.contain('٣');
  });

  it('re-renders when lang is added on an ancestor inside a shadow root', async () => {
    const frame = await fixture<BadgeFrame>(html`<test-badge-frame></test-badge-frame>`);
    const inner = frame.shadowRoot!.getElementById('inner')!;
    const badge = inner.querySelector<RelinkStatusBadge>('relink-status-badge')!;
    await badge.updateComplete;
    inner.setAttribute('lang', 'ar-EG');
    await new Promise((resolve) => setTimeout(resolve));
    await badge.updateComplete;
    expect(hint(badge)).to.contain('٣');
  });

  it('re-renders on a dir change of an ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><relink-status-badge status="active"></relink-status-badge></div>`);
    const badge = wrapper.querySelector<RelinkStatusBadge>('relink-status-badge')!;
    await badge.updateComplete;
    let updates = 0;
    const original = badge.requestUpdate.bind(badge);
    badge.requestUpdate = (...args: Parameters<typeof original>) => { updates++; return original(...args); };
    wrapper.dir = 'rtl';
    await new Promise((resolve) => setTimeout(resolve));
    expect(updates).to.be.greaterThan(0);
  });
});
