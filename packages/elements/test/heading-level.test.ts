// Every element with a heading renders it one way: a native <h1>–<h6> at its `heading-level` (default 2).
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../src/components/connection-detail/connection-detail.js';
import '../src/components/connection-requests/connection-requests.js';
import '../src/components/reauth-banner/reauth-banner.js';
import '../src/components/run-detail/run-detail.js';
import { part } from './helpers.js';
import { demo, inProvider } from './relink.js';

const cases: { tag: string; attributes: string; partName: string; role: 'client' | 'agency' }[] = [
  { tag: 'relink-connection-detail', attributes: 'connection-id="con_slack"', partName: 'title', role: 'client' },
  { tag: 'relink-run-detail', attributes: 'run-id="run_failed"', partName: 'title', role: 'agency' },
  { tag: 'relink-connection-requests', attributes: '', partName: 'heading', role: 'client' },
  { tag: 'relink-reauth-banner', attributes: '', partName: 'title', role: 'client' },
];

describe('heading-level', () => {
  for (const { tag, attributes, partName, role } of cases) {
    it(`${tag}: an <h2> by default, <h1>–<h6> with heading-level 1–6, <h2> for a level out of range`, async () => {
      const d = await demo(role);
      const content = staticHtml`<${unsafeStatic(tag)} ${unsafeStatic(attributes)}></${unsafeStatic(tag)}>`;
      const { el } = await inProvider<HTMLElement & { headingLevel: number; updateComplete: Promise<boolean> }>(d.client, html`${content}`, tag);
      await waitUntil(() => part(el, partName), `${tag} heading shown`, { timeout: 5000 });
      expect(part(el, partName)!.tagName).to.equal('H2');
      for (const level of [1, 2, 3, 4, 5, 6]) {
        el.setAttribute('heading-level', String(level));
        await el.updateComplete;
        expect(part(el, partName)!.tagName).to.equal(`H${level}`);
        expect(part(el, partName)!.textContent, 'the content follows').to.not.equal('');
      }
      el.headingLevel = 9;
      await el.updateComplete;
      expect(part(el, partName)!.tagName).to.equal('H2');
    });
  }
});
