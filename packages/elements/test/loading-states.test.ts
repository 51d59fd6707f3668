// "Renders each state, is accessible" for the loading (and load error) states of elements whose own tests reach them only in
// passing (or not at all): while the API has not answered, each shows its loading line as a status, and is
// accessible. The request is held, not faked: it answers once the test ends.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import type { InPageRelink } from '@relink/server/browser';
import '../src/index.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider } from './relink.js';

type Fetch = InPageRelink['fetch'];

const cases: { tag: string; template: TemplateResult; path: string; label: string; open?: boolean }[] = [
  { tag: 'relink-connection-detail', template: html`<relink-connection-detail connection-id="con_slack"></relink-connection-detail>`, path: '/connections', label: 'Loading connection…' },
  { tag: 'relink-connection-requests', template: html`<relink-connection-requests></relink-connection-requests>`, path: '/connection-requests', label: 'Loading requests…' },
  { tag: 'relink-notification-bell', template: html`<relink-notification-bell></relink-notification-bell>`, path: '/notifications', label: 'Loading notifications…', open: true },
  { tag: 'relink-publish-check', template: html`<relink-publish-check workflow-id="wf_lead_sync"></relink-publish-check>`, path: '/workflows', label: 'Checking connections…' },
  { tag: 'relink-runs-list', template: html`<relink-runs-list></relink-runs-list>`, path: '/runs', label: 'Loading runs…' },
];

describe('loading states', () => {
  for (const { tag, template, path, label, open } of cases) {
    it(`${tag}: "${label}" as a status while ${path} has not answered; accessible`, async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const d = await demo('agency', undefined, (f: Fetch): Fetch => async (input, init) => {
        if ((input instanceof Request ? input.url : String(input)).includes(path)) await held;
        return f(input, init);
      });
      const { el } = await inProvider<HTMLElement & { open?: boolean }>(d.client, template, tag);
      try {
        if (open) part(el, 'button')!.click();
        await waitUntil(() => part(el, 'loading'), `${tag} loading`);
        const loading = part(el, 'loading')!;
        expect(loading.getAttribute('role')).to.equal('status');
        expect(loading.textContent!.trim()).to.equal(label);
        await expect(el).to.be.accessible();
        // Once the answer arrives the loading line goes: the state above was the loading one, not a stuck one.
        release();
        await waitUntil(() => !part(el, 'loading'), `${tag} loaded`, { timeout: 5000 });
      } finally {
        release();
      }
    });
  }
});

describe('load errors', () => {
  it('relink-connection-detail: a failed load shows the message as an alert with "Try again"; accessible; Enter on it loads again', async () => {
    let offline = true;
    const d = await demo('client', undefined, (f: Fetch): Fetch => async (input, init) => {
      if (offline && (input instanceof Request ? input.url : String(input)).includes('/connections')) throw new TypeError('offline');
      return f(input, init);
    });
    const { el } = await inProvider<HTMLElement>(d.client, html`<relink-connection-detail connection-id="con_slack"></relink-connection-detail>`, 'relink-connection-detail');
    await waitUntil(() => part(el, 'retry'), 'the load error');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    // Copy for the error's kind, never the SDK's own text ("Could not reach the Relink API: …").
    expect(part(el, 'error')!.querySelector('p')!.textContent).to.equal('The service cannot be reached right now. Nothing was changed.');
    expect(part(el, 'retry')!.textContent).to.equal('Try again');
    await expect(el).to.be.accessible();
    offline = false;
    part(el, 'retry')!.focus();
    expect(deepActive()).to.equal(part(el, 'retry'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'title')?.textContent === 'Slack', 'loaded again', { timeout: 5000 });
    expect(part(el, 'error')).to.equal(null);
  });
});
